"""Filtering the audit log, and confirming an erasure."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .audit import kind_label
from .models import Action
from .queries import AuditFilter


class AuditFilterForm(forms.Form):
    action = forms.ChoiceField(required=False, label=_("Action"))
    member = forms.ChoiceField(required=False, label=_("Member"))
    kind = forms.ChoiceField(required=False, label=_("Record kind"))
    object_id = forms.CharField(required=False, max_length=64, label=_("Record id"))
    since = forms.DateField(
        required=False,
        label=_("From"),
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
    )
    until = forms.DateField(
        required=False,
        label=_("To"),
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
    )

    def __init__(self, *args, members: list[str], kinds: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action"].choices = [("", _("Any action")), *Action.choices]
        self.fields["member"].choices = [("", _("Anyone")), *((name, name) for name in members)]
        self.fields["kind"].choices = [
            ("", _("Any kind")),
            *((kind, kind_label(kind)) for kind in kinds),
        ]

    def wanted(self) -> AuditFilter:
        """The filter to apply: a field that does not validate simply filters nothing."""
        if not self.is_bound:
            return AuditFilter()
        self.is_valid()
        data = self.cleaned_data
        return AuditFilter(
            action=data.get("action") or "",
            member=data.get("member") or "",
            kind=data.get("kind") or "",
            object_id=(data.get("object_id") or "").strip(),
            since=data.get("since"),
            until=data.get("until"),
        )


def _folded(text: str) -> str:
    return " ".join(text.split()).casefold()


class EraseForm(forms.Form):
    """Typing the person's name is the confirmation: an erasure cannot be undone."""

    confirm_name = forms.CharField(max_length=200, label=_("Type their full name to confirm"))

    def __init__(self, *args, person, **kwargs):
        super().__init__(*args, **kwargs)
        self.person = person

    def clean_confirm_name(self) -> str:
        typed = self.cleaned_data["confirm_name"]
        if _folded(typed) != _folded(self.person.name):
            raise forms.ValidationError(
                _("That is not the name on this record; nothing was erased.")
            )
        return typed
