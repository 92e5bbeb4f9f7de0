from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from heard.campaigns.models import date_out_of_bounds
from heard.ids import IdChoiceField, IdMultipleChoiceField, parse_id

from .models import PlanAction


class ChooseThemesForm(forms.Form):
    themes = IdMultipleChoiceField(
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Themes the meeting chose"),
    )

    def __init__(self, *args, themes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["themes"].queryset = themes
        self.fields["themes"].label_from_instance = lambda t: f"{t.title} ({t.size})"


class ThemeNotesForm(forms.Form):
    challenge = forms.CharField(
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        label=_("The challenge, as the meeting put it"),
    )
    opportunity = forms.CharField(
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        label=_("The opportunity and hopes"),
    )


class ActionForm(forms.Form):
    what = forms.CharField(max_length=300, label=_("Action"))
    owner = forms.ChoiceField(required=False, label=_("Who owns it"))
    hours = forms.DecimalField(
        required=False,
        min_value=0,
        max_value=999,
        max_digits=5,
        decimal_places=1,
        label=_("Hours"),
    )
    due_on = forms.DateField(
        required=False,
        label=_("By"),
        # ISO in every language: a date input reads nothing else (Spanish would give 02/12/2026).
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
    )
    status = forms.ChoiceField(
        choices=PlanAction.Status.choices, initial="planned", label=_("Status")
    )
    commitment = IdChoiceField(queryset=None, required=False, label=_("Linked commitment"))
    event = IdChoiceField(queryset=None, required=False, label=_("Linked event"))

    def __init__(self, *args, owners, commitments, events, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].choices = owners
        self.fields["commitment"].queryset = commitments
        self.fields["commitment"].label_from_instance = lambda c: f"{c.what[:60]} ({c.due_on})"
        self.fields["event"].queryset = events
        self.fields["event"].label_from_instance = lambda e: (
            f"{e.title[:60]} ({date_format(e.starts_at, 'j M')})"
        )

    def clean_due_on(self):
        day = self.cleaned_data.get("due_on")
        if day is not None and (problem := date_out_of_bounds(day)):
            raise forms.ValidationError(problem)
        return day

    @staticmethod
    def initial_for(action: PlanAction) -> dict:
        """The form as the action stands: its owner as the "member:ID" / "person:ID" choice
        `owner_ids` reads back, so both halves of that format live here."""
        owner = ""
        if action.owner_member_id:
            owner = f"member:{action.owner_member_id}"
        elif action.owner_person_id:
            owner = f"person:{action.owner_person_id}"
        return {
            "what": action.what,
            "owner": owner,
            "hours": action.hours,
            "due_on": action.due_on,
            "status": action.status,
            "commitment": action.commitment_id,
            "event": action.event_id,
        }

    def owner_ids(self) -> tuple[int | None, int | None]:
        """(member's user id, person id) from the chosen "member:ID" or "person:ID"."""
        kind, _, pk = (self.cleaned_data.get("owner") or "").partition(":")
        pk = parse_id(pk)
        return (pk if kind == "member" else None, pk if kind == "person" else None)


class StatusForm(forms.Form):
    status = forms.ChoiceField(choices=PlanAction.Status.choices)
