from django import forms

from heard.ids import IdChoiceField


class ExportForm(forms.Form):
    """The campaign a conversations export is narrowed to (optional)."""

    campaign = IdChoiceField(queryset=None, required=False, empty_label="All campaigns")

    def __init__(self, *args, campaigns, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["campaign"].queryset = campaigns
