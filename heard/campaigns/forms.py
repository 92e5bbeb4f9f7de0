import datetime as dt

from django import forms

from heard.ids import IdChoiceField

from .models import Campaign, Event, GuideQuestion, SignUp, date_out_of_bounds


class CampaignForm(forms.ModelForm):
    class Meta:
        model = Campaign
        fields = ["name", "description", "starts_on", "ends_on", "is_active"]
        widgets = {
            "starts_on": forms.DateInput(attrs={"type": "date"}),
            "ends_on": forms.DateInput(attrs={"type": "date"}),
            "description": forms.Textarea(attrs={"rows": 3}),
        }

    def clean_starts_on(self):
        return _within_bounds(self.cleaned_data["starts_on"])

    def clean_ends_on(self):
        return _within_bounds(self.cleaned_data["ends_on"])

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", "The campaign ends before it starts.")
        return cleaned


def _within_bounds(day: dt.date | None) -> dt.date | None:
    problem = date_out_of_bounds(day) if day else None
    if problem:
        raise forms.ValidationError(problem)
    return day


class GuideQuestionForm(forms.ModelForm):
    class Meta:
        model = GuideQuestion
        fields = ["prompt", "help_text", "purpose"]
        widgets = {"help_text": forms.TextInput()}


class BaseGuideFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        # Answers point at their question (PROTECT): what was heard must keep its question.
        for form in self.forms:
            question = form.instance
            if question.pk and self._should_delete_form(form) and question.answers.exists():
                raise forms.ValidationError(
                    f"“{question.prompt}” already has answers, so it cannot be removed."
                )


GuideFormSet = forms.inlineformset_factory(
    Campaign,
    GuideQuestion,
    form=GuideQuestionForm,
    formset=BaseGuideFormSet,
    extra=1,
    can_delete=True,
    can_order=True,
    max_num=40,
)


class EventForm(forms.ModelForm):
    class Meta:
        model = Event
        fields = [
            "title",
            "kind",
            "focus",
            "campaign",
            "starts_at",
            "space",
            "location",
            "capacity",
            "description",
        ]
        field_classes = {"campaign": IdChoiceField, "space": IdChoiceField}
        widgets = {
            "starts_at": forms.DateTimeInput(attrs={"type": "datetime-local"}),
            "description": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, campaigns, spaces, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["campaign"].queryset = campaigns
        self.fields["space"].queryset = spaces
        # Most events are organizing ones: a form (or a script) that leaves it out means that.
        self.fields["focus"].required = False

    def clean_focus(self):
        return self.cleaned_data.get("focus") or Event.Focus.ORGANIZING

    def clean_starts_at(self):
        starts_at = self.cleaned_data["starts_at"]
        # The date as typed, before anything converts it: 9999-12-31 23:59 in Chicago is past
        # the last datetime Python has once it is turned into UTC (saving it was a 500).
        _within_bounds(starts_at.date())
        return starts_at


class SignUpForm(forms.Form):
    person = IdChoiceField(queryset=None, error_messages={"invalid_choice": "Unknown person."})
    brought_by = IdChoiceField(
        queryset=None,
        required=False,
        label="Who brought them?",
        error_messages={"invalid_choice": "Unknown person."},
    )

    def __init__(self, *args, people, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people
        self.fields["brought_by"].queryset = people
        self.event = event

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("brought_by") and cleaned.get("brought_by") == cleaned.get("person"):
            self.add_error("brought_by", "Someone cannot bring themselves.")
        return cleaned

    def clean_person(self):
        person = self.cleaned_data["person"]
        if self.event.signups.filter(person=person).exists():
            raise forms.ValidationError(f"{person} is already signed up.")
        if self.event.capacity is not None and self.event.spots_left == 0:
            raise forms.ValidationError("This event is full.")
        return person


class SignUpStatusForm(forms.Form):
    status = forms.ChoiceField(choices=SignUp.Status.choices)
