"""The small-groups page's forms: a pool and sizes, a lock, a critical friend."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from heard.ids import IdChoiceField

from .models import Pool
from .services import SIZE_LIMITS

LOW, HIGH = SIZE_LIMITS


class FormGroupsForm(forms.Form):
    pool = forms.ChoiceField(
        choices=Pool.choices, label=pgettext_lazy("small groups: who to choose from", "From")
    )
    size_min = forms.IntegerField(min_value=LOW, max_value=HIGH, initial=6, label=_("Smallest"))
    size_max = forms.IntegerField(min_value=LOW, max_value=HIGH, initial=8, label=_("Largest"))

    def clean(self):
        data = super().clean()
        low, high = data.get("size_min"), data.get("size_max")
        if low is not None and high is not None and low > high:
            self.add_error("size_max", _("The largest must be at least the smallest."))
        return data


class LockForm(forms.Form):
    person_a = IdChoiceField(
        queryset=None, label=pgettext_lazy("small groups: keep this person with another", "Keep")
    )
    together = forms.TypedChoiceField(
        choices=[("1", _("together with")), ("0", _("apart from"))],
        coerce=lambda v: v == "1",
        label="",
    )
    person_b = IdChoiceField(queryset=None, label="")

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person_a"].queryset = people
        self.fields["person_b"].queryset = people

    def clean(self):
        data = super().clean()
        if data.get("person_a") and data.get("person_a") == data.get("person_b"):
            self.add_error("person_b", _("Choose two different people."))
        return data


class FriendForm(forms.Form):
    """A person (a suggestion from the leader signals) or a member marked willing."""

    person = IdChoiceField(queryset=None, required=False)
    member = IdChoiceField(queryset=None, required=False, label=_("A member"))

    def __init__(self, *args, people, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people
        self.fields["member"].queryset = members
        self.fields["member"].label_from_instance = lambda m: m.display_name
        self.fields["member"].empty_label = _("Team member…")

    def clean(self):
        data = super().clean()
        if bool(data.get("person")) == bool(data.get("member")):
            raise forms.ValidationError(_("Choose one person or one member."))
        return data
