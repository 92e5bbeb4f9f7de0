import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _

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
        labels = {
            "name": _("Name"),
            "description": _("Description"),
            "starts_on": _("Starts on"),
            "ends_on": _("Ends on"),
            "is_active": _("Active"),
        }

    def clean_starts_on(self):
        return _within_bounds(self.cleaned_data["starts_on"])

    def clean_ends_on(self):
        return _within_bounds(self.cleaned_data["ends_on"])

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("The campaign ends before it starts."))
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
        labels = {"prompt": _("Question"), "help_text": _("Help text"), "purpose": _("Purpose")}


class BaseGuideFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        # Answers point at their question (PROTECT): what was heard must keep its question.
        for form in self.forms:
            question = form.instance
            if question.pk and self._should_delete_form(form) and question.answers.exists():
                raise forms.ValidationError(
                    _("“%(prompt)s” already has answers, so it cannot be removed.")
                    % {"prompt": question.prompt}
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
        labels = {
            "title": _("Title"),
            "kind": _("Kind"),
            "focus": _("What it is for"),
            "campaign": _("Campaign"),
            "starts_at": _("Starts at"),
            "space": _("Held at (a place from the registry)"),
            "location": _("Location"),
            "capacity": _("Capacity"),
            "description": _("Description"),
        }
        help_texts = {
            "focus": _(
                "Some who never come to what is offered as help come to a meal or a game: "
                "the kindliness lens shows who each reaches."
            )
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
    person = IdChoiceField(queryset=None, error_messages={"invalid_choice": _("Unknown person.")})
    brought_by = IdChoiceField(
        queryset=None,
        required=False,
        label=_("Who brought them?"),
        error_messages={"invalid_choice": _("Unknown person.")},
    )

    def __init__(self, *args, people, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people
        self.fields["brought_by"].queryset = people
        self.event = event

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("brought_by") and cleaned.get("brought_by") == cleaned.get("person"):
            self.add_error("brought_by", _("Someone cannot bring themselves."))
        return cleaned

    def clean_person(self):
        person = self.cleaned_data["person"]
        if self.event.signups.filter(person=person).exists():
            raise forms.ValidationError(_("%(name)s is already signed up.") % {"name": person})
        if self.event.capacity is not None and self.event.spots_left == 0:
            raise forms.ValidationError(_("This event is full."))
        return person


class SignUpStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=SignUp.Status.choices)
