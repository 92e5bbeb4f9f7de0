"""The person page's consent form (one topic, yes or no) and the form that ties two people."""

from django import forms
from django.utils.translation import gettext_lazy as _

from heard.ids import IdChoiceField

from .models import Consent, Person, Relationship


class ConsentForm(forms.Form):
    topic = forms.ChoiceField(choices=Consent.Topic.choices)
    granted = forms.TypedChoiceField(
        choices=[("yes", _("Yes")), ("no", _("No"))], coerce=lambda value: value == "yes"
    )


class TieForm(forms.Form):
    """A tie from the person whose page it is to someone found by search."""

    other = IdChoiceField(
        queryset=Person.objects.none(),
        widget=forms.HiddenInput,
        error_messages={"invalid_choice": _("Find the person again: they are not in your list.")},
    )
    kind = forms.ChoiceField(choices=Relationship.Kind.choices, label=_("How they know each other"))
    note = forms.CharField(max_length=240, required=False, label=_("Note (optional)"))

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["other"].queryset = people


class MergeForm(forms.Form):
    """Which of the two records stays; the other's rows move to it and it goes."""

    keep = forms.TypedChoiceField(coerce=int, widget=forms.RadioSelect, label=_("Keep"))

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["keep"].choices = [(p.pk, p.name) for p in people]
        self.fields["keep"].initial = people[0].pk
