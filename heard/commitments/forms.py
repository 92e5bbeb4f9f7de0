from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Commitment
from .queries import GROUPS


class FilterForm(forms.Form):
    """The page's filters: whose commitments and which group. Anything unknown falls back to
    the defaults rather than an error: a filter is a view, not a request to refuse."""

    show = forms.ChoiceField(choices=[("mine", _("Mine")), ("team", _("Team"))], required=False)
    group = forms.ChoiceField(choices=list(GROUPS.items()), required=False)

    def choice(self, name: str, default: str) -> str:
        if self.is_valid():
            return self.cleaned_data.get(name) or default
        return default


class UpdateForm(forms.Form):
    """One row's small form: done, dropped or open again with a note, and a new due date."""

    status = forms.ChoiceField(choices=Commitment.Status.choices)
    note = forms.CharField(max_length=400, required=False, strip=True)
    due_on = forms.DateField(
        required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    # Where to come back to: only a path of this page is followed (no open redirect).
    next = forms.CharField(max_length=500, required=False)
