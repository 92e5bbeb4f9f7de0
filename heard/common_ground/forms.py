"""The divides page's forms, a person's sides, and the Common ground page's divide picker."""

from django import forms
from django.utils.translation import gettext_lazy as _

from heard.ids import parse_id

from .divides import DivideChoice


def _lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


class DivideForm(forms.Form):
    name = forms.CharField(max_length=80, label=_("Name"), help_text=_("e.g. “Renters and owners”"))
    description = forms.CharField(
        max_length=300,
        required=False,
        label=_("Description"),
        help_text=_("Why this divide matters here (optional)."),
    )
    sides = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=1200,
        label=_("Sides"),
        help_text=_("One side per line, e.g. “Renter” and “Owner”."),
    )

    def clean_sides(self) -> list[str]:
        sides = _lines(self.cleaned_data["sides"])
        if any(len(side) > 80 for side in sides):
            raise forms.ValidationError(_("Keep each side under 80 characters."))
        return sides


class ChangeDivideForm(forms.Form):
    """The divide's name, each side's name with a "Remove" box, and new sides."""

    name = forms.CharField(max_length=80, label=_("Name"))
    description = forms.CharField(max_length=300, required=False, label=_("Description"))
    added = forms.CharField(
        label=_("Add sides"),
        required=False,
        max_length=1200,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One per line."),
    )

    def __init__(self, *args, divide, **kwargs):
        kwargs.setdefault("initial", {"name": divide.name, "description": divide.description})
        super().__init__(*args, **kwargs)
        self.divide_sides = list(divide.sides.all())
        for side in self.divide_sides:
            self.fields[f"side_{side.pk}"] = forms.CharField(
                max_length=80, required=False, initial=side.name, label=_("Side")
            )
            self.fields[f"remove_{side.pk}"] = forms.BooleanField(required=False, label=_("Remove"))

    def side_rows(self):
        return [
            (side, self[f"side_{side.pk}"], self[f"remove_{side.pk}"]) for side in self.divide_sides
        ]

    def changes(self) -> dict:
        data = self.cleaned_data
        return {
            "name": data["name"],
            "description": data.get("description", ""),
            "renamed": {s.pk: data.get(f"side_{s.pk}", "") for s in self.divide_sides},
            "removed": {s.pk for s in self.divide_sides if data.get(f"remove_{s.pk}")},
            "added": _lines(data.get("added", "")),
        }


class PersonSidesForm(forms.Form):
    """One choice per divide of the organization: a side, or "Not known"."""

    def __init__(self, *args, divides, current: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.divides = list(divides)
        for divide in self.divides:
            row = current.get(divide.pk)
            self.fields[f"divide_{divide.pk}"] = forms.ChoiceField(
                label=divide.name,
                required=False,
                choices=[("", _("Not known")), *((str(s.pk), s.name) for s in divide.sides.all())],
                initial=str(row.side_id) if row else "",
                help_text=divide.description,
                error_messages={"invalid_choice": _("Choose one of this divide's sides.")},
            )

    def chosen(self) -> dict[int, int | None]:
        """The divides posted (a one-tap answer posts one; the others stay as they are)."""
        return {
            d.pk: parse_id(self.cleaned_data.get(f"divide_{d.pk}") or "")
            for d in self.divides
            if f"divide_{d.pk}" in self.data
        }


class DividePickerForm(forms.Form):
    divide = forms.ChoiceField(required=False)

    def __init__(self, *args, choices: list[DivideChoice], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["divide"].choices = [(c.key, c.name) for c in choices]
