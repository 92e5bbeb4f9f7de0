"""The leaders page's filters, the organizer's assessment form and the scale page's rows."""

from django import forms
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from heard.ids import IdChoiceField

from .models import Assessment, Kindliness, LeadershipLevel
from .queries import SIGNAL_WORDS


class SideChoiceField(IdChoiceField):
    def label_from_instance(self, side) -> str:
        return f"{side.divide.name}: {side.name}"


class LeaderFilterForm(forms.Form):
    campaign = IdChoiceField(
        queryset=None, required=False, empty_label=_("All campaigns"), label=_("Campaign")
    )
    place = IdChoiceField(
        queryset=None,
        required=False,
        label=_("Neighbourhood"),
        empty_label=_("All neighbourhoods"),
    )
    side = SideChoiceField(
        queryset=None, required=False, empty_label=_("Any side"), label=_("Side")
    )
    kindliness = forms.ChoiceField(
        choices=[("", _("Any orientation")), *Kindliness.choices[1:]],
        required=False,
        label=_("Orientation"),
    )
    level = IdChoiceField(
        queryset=None, required=False, empty_label=_("Any level"), label=_("Level")
    )
    q = forms.CharField(max_length=160, required=False, label=_("Name"))

    def __init__(self, *args, campaigns, places, sides, levels, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["campaign"].queryset = campaigns
        self.fields["place"].queryset = places
        self.fields["side"].queryset = sides
        self.fields["level"].queryset = levels


class LevelChoiceField(IdChoiceField):
    """A level with its behavioural definition beside its name: the organizer judges by what
    they see someone do, so the words must be in view at the radio button."""

    def label_from_instance(self, level: LeadershipLevel):
        return format_html(
            '<strong>{}. {}</strong> <span class="muted">{}</span>',
            level.position,
            level.name,
            level.definition,
        )


class AssessmentForm(forms.Form):
    level = LevelChoiceField(
        queryset=None,
        required=False,
        widget=forms.RadioSelect,
        blank=True,
        empty_label=_("No level this time"),
        label=_("Level on our scale"),
    )
    signals = forms.MultipleChoiceField(
        choices=[(name, capfirst(SIGNAL_WORDS[name])) for name in Assessment.SIGNALS],
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label=_("Leader signals seen"),
    )
    kindliness = forms.ChoiceField(
        choices=Kindliness.choices, required=False, label=_("Kindliness orientation")
    )
    barriers = forms.MultipleChoiceField(
        choices=[
            (name, capfirst(Assessment._meta.get_field(name).verbose_name))
            for name in Assessment.BARRIERS
        ],
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label=_("What makes asking for help hard for them"),
    )
    note = forms.CharField(
        max_length=1000,
        required=False,
        label=_("Why"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What you saw them do or say."),
    )

    field_order = ["level", "signals", "kindliness", "barriers", "note"]

    def __init__(self, *args, levels, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["level"].queryset = levels


class LevelForm(forms.Form):
    """One row of the scale page: a level's name and what you see someone at it do."""

    id = IdChoiceField(queryset=None, required=False, widget=forms.HiddenInput)
    name = forms.CharField(
        max_length=80,
        label=_("Name"),
        widget=forms.TextInput(attrs={"placeholder": _("e.g. Core leader")}),
    )
    definition = forms.CharField(
        max_length=500,
        label=_("What you see them do"),
        widget=forms.Textarea(
            attrs={
                "rows": 3,
                "placeholder": _("e.g. Recruits and leads others without us asking."),
            }
        ),
    )

    def __init__(self, *args, levels, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["id"].queryset = levels


class BaseScaleFormSet(forms.BaseFormSet):
    def clean(self):
        super().clean()
        seen = set()
        for form in self.forms:
            level = form.cleaned_data.get("id") if hasattr(form, "cleaned_data") else None
            if level is not None and level.pk in seen:
                raise forms.ValidationError(_("A level appears twice on the page."))
            if level is not None:
                seen.add(level.pk)


ScaleFormSet = forms.formset_factory(
    LevelForm,
    formset=BaseScaleFormSet,
    extra=1,
    can_order=True,
    can_delete=True,
    max_num=20,
    validate_max=True,
)
