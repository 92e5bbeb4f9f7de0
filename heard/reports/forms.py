from django import forms

from heard.ids import IdChoiceField

from .queries import GROUPINGS


class LadderFilterForm(forms.Form):
    """The ladder's campaign and grouping, read from the query string."""

    campaign = IdChoiceField(
        queryset=None,
        required=False,
        empty_label="All campaigns",
        error_messages={"invalid_choice": "Unknown campaign."},
    )
    by = forms.ChoiceField(choices=list(GROUPINGS.items()), required=False)

    def __init__(self, *args, campaigns, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["campaign"].queryset = campaigns
