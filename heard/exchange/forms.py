from django import forms
from django.utils.translation import gettext_lazy as _

from heard.ids import IdChoiceField

from .checking import ACTIONS, FIELDS
from .reading import MAX_BYTES


class ExportForm(forms.Form):
    """The campaign a conversations export is narrowed to (optional)."""

    campaign = IdChoiceField(
        queryset=None, required=False, empty_label=_("All campaigns"), label=_("Campaign")
    )

    def __init__(self, *args, campaigns, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["campaign"].queryset = campaigns


class UploadForm(forms.Form):
    kind = forms.ChoiceField(
        choices=[("people", _("People")), ("conversations", _("Past conversations (door notes…)"))],
        initial="people",
        required=False,
        widget=forms.RadioSelect,
        label=_("What the file holds"),
    )
    campaign = IdChoiceField(
        queryset=None,
        required=False,
        empty_label="—",
        label=_("Campaign (for conversations)"),
        help_text=_("Past conversations join this campaign and are themed with it."),
    )
    file = forms.FileField(
        label=_("A CSV file or an Excel workbook"),
        help_text=_(
            "The first row names the columns: Name (or First name and Last name), Phone, "
            "Email, Address, Neighbourhood, Language… Heard's own export comes back as it left."
        ),
    )

    def __init__(self, *args, campaigns, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["campaign"].queryset = campaigns

    def clean_kind(self):
        return self.cleaned_data.get("kind") or "people"

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 10 MB: split it."))
        return upload


class MappingForm(forms.Form):
    """One choice of Heard's field per column of the file."""

    def __init__(self, *args, columns, samples, fields=FIELDS, **kwargs):
        super().__init__(*args, **kwargs)
        for index, header in enumerate(columns):
            self.fields[str(index)] = forms.ChoiceField(
                choices=list(fields.items()),
                required=False,
                label=header or _("Column %(number)d") % {"number": index + 1},
                help_text=", ".join(s for s in samples[index] if s)[:120],
            )

    def mapping(self) -> dict[str, str]:
        return {i: f for i, f in self.cleaned_data.items() if f}


class ChoicesForm(forms.Form):
    """What to do with each row that looks like someone: one field per such row."""

    def __init__(self, *args, rows, **kwargs):
        super().__init__(*args, **kwargs)
        for row in rows:
            self.fields[f"row_{row.number}"] = forms.ChoiceField(
                choices=list(ACTIONS.items()),
                initial=row.action,
                label=_("Row %(number)d") % {"number": row.number},
                widget=forms.Select(
                    attrs={
                        "aria-label": _("What to do with row %(number)d") % {"number": row.number}
                    }
                ),
            )

    def choices(self) -> dict[str, str]:
        return {name.removeprefix("row_"): value for name, value in self.cleaned_data.items()}
