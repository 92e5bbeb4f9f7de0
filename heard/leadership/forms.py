"""The leaders page's filters and the organizer's assessment form."""

from django import forms

from heard.ids import IdChoiceField

from .models import Assessment, Kindliness
from .queries import SIGNAL_WORDS


class LeaderFilterForm(forms.Form):
    campaign = IdChoiceField(queryset=None, required=False, empty_label="All campaigns")
    place = IdChoiceField(
        queryset=None, required=False, label="Neighbourhood", empty_label="All neighbourhoods"
    )
    q = forms.CharField(max_length=160, required=False, label="Name")

    def __init__(self, *args, campaigns, places, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["campaign"].queryset = campaigns
        self.fields["place"].queryset = places


class AssessmentForm(forms.Form):
    signals = forms.MultipleChoiceField(
        choices=[(name, SIGNAL_WORDS[name].capitalize()) for name in Assessment.SIGNALS],
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label="Leader signals seen",
    )
    kindliness = forms.ChoiceField(choices=Kindliness.choices, required=False)
    note = forms.CharField(
        max_length=1000,
        required=False,
        label="Why",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="What you saw them do or say.",
    )
