"""The person page's consent form: one topic, yes or no."""

from django import forms

from .models import Consent


class ConsentForm(forms.Form):
    topic = forms.ChoiceField(choices=Consent.Topic.choices)
    granted = forms.TypedChoiceField(
        choices=[("yes", "Yes"), ("no", "No")], coerce=lambda value: value == "yes"
    )
