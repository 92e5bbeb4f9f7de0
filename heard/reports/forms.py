from django import forms
from django.utils.translation import gettext_lazy as _

from heard.ids import IdChoiceField

from .queries import GROUPINGS


class LadderFilterForm(forms.Form):
    """The ladder's campaign and grouping, read from the query string."""

    campaign = IdChoiceField(
        queryset=None,
        label=_("Campaign"),
        required=False,
        empty_label=_("All campaigns"),
        error_messages={"invalid_choice": _("Unknown campaign.")},
    )
    by = forms.ChoiceField(choices=list(GROUPINGS.items()), required=False, label=_("Group by"))

    def __init__(self, *args, campaigns, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["campaign"].queryset = campaigns
