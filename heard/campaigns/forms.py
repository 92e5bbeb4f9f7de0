import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _

from heard.ids import IdChoiceField

from .languages import interface_languages, is_bidi, language_choices, name_of
from .models import Campaign, Event, GuideQuestion, SignUp, date_out_of_bounds

MAX_LANGUAGES = 6


class CampaignForm(forms.ModelForm):
    # Not required: a form posted without it (a script, an older page) keeps the languages.
    main_language = forms.ChoiceField(
        required=False,
        label=_("Main language of the guide"),
        help_text=_(
            "Every question is written in it; volunteers see it where another language "
            "of the guide lacks a question."
        ),
    )
    other_languages = forms.MultipleChoiceField(
        label=_("Also listening in"), required=False, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = Campaign
        fields = ["name", "description", "starts_on", "ends_on", "is_active"]
        widgets = {
            "starts_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "ends_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "description": forms.Textarea(attrs={"rows": 3}),
        }
        labels = {
            "name": _("Name"),
            "description": _("Description"),
            "starts_on": _("Starts on"),
            "ends_on": _("Ends on"),
            "is_active": _("Active"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = language_choices()
        self.fields["main_language"].choices = choices
        self.fields["other_languages"].choices = choices
        languages = self.instance.languages or [self.instance.main_language]
        self.initial.setdefault("main_language", languages[0])
        self.initial.setdefault("other_languages", languages[1:])

    def common_language_boxes(self):
        """The checkboxes shown first: the interface's languages and those already chosen;
        the rest wait behind "More languages"."""
        shown = set(interface_languages()) | set(self["other_languages"].value() or [])
        return [box for box in self._other_boxes() if box.data["value"] in shown]

    def more_language_boxes(self):
        shown = {box.data["value"] for box in self.common_language_boxes()}
        return [box for box in self._other_boxes() if box.data["value"] not in shown]

    def _other_boxes(self):
        # The main language is not "also" listened in: its box is left out.
        main = self["main_language"].value()
        return [box for box in self["other_languages"] if box.data["value"] != main]

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("The campaign ends before it starts."))
        main = cleaned.get("main_language")
        if not main:
            cleaned["other_languages"] = self.initial["other_languages"]
            main = self.initial["main_language"]
        if main:
            others = [c for c in cleaned.get("other_languages") or [] if c != main]
            if len(others) + 1 > MAX_LANGUAGES:
                self.add_error(
                    "other_languages",
                    _("At most %(count)s languages for one guide.") % {"count": MAX_LANGUAGES},
                )
            self.instance.languages = [main, *others]
        return cleaned

    def languages(self) -> list[str]:
        """The languages chosen, main first: those posted when they are valid, else those
        stored (a guide is shown in them)."""
        if self.is_bound and self.is_valid():
            return self.instance.languages
        stored = self.instance.languages if self.instance.pk else None
        return stored or [self.initial["main_language"]]

    def clean_starts_on(self):
        return _within_bounds(self.cleaned_data["starts_on"])

    def clean_ends_on(self):
        return _within_bounds(self.cleaned_data["ends_on"])


def _within_bounds(day: dt.date | None) -> dt.date | None:
    problem = date_out_of_bounds(day) if day else None
    if problem:
        raise forms.ValidationError(problem)
    return day


PROMPT_LIMIT = GuideQuestion._meta.get_field("prompt").max_length
HELP_LIMIT = GuideQuestion._meta.get_field("help_text").max_length


class GuideQuestionForm(forms.ModelForm):
    """A question in each of the campaign's languages: `prompt_<code>` and `help_<code>` for
    each. The main language's text is required and becomes the question's own `prompt`; the
    others are `QuestionWording` rows, and a volunteer sees the main language's where one is
    missing (`wordings()` says what to store)."""

    class Meta:
        model = GuideQuestion
        fields = ["purpose"]
        labels = {"purpose": _("Purpose")}

    def __init__(self, *args, languages, stored_main: str, **kwargs):
        """`languages`: the campaign's, main first, as chosen on the page; `stored_main`: its
        main language as stored, the language of the question's own `prompt`."""
        super().__init__(*args, **kwargs)
        self.languages = list(languages)
        written = {}
        if self.instance.pk:
            written = {w.language: (w.prompt, w.help_text) for w in self.instance.wordings.all()}
            written[stored_main] = (self.instance.prompt, self.instance.help_text)
        for number, code in enumerate(self.languages):
            main = number == 0
            name = name_of(code)
            # What is typed is marked as in its language (spelling, right-to-left).
            typed = {"lang": code, "dir": "rtl" if is_bidi(code) else "auto"}
            self.fields[f"prompt_{code}"] = forms.CharField(
                label=_("Question") if main else _("Question in %(language)s") % {"language": name},
                max_length=PROMPT_LIMIT,
                required=False,
                widget=forms.TextInput(attrs=typed),
            )
            self.fields[f"help_{code}"] = forms.CharField(
                label=_("Help for the volunteer")
                if main
                else _("Help in %(language)s") % {"language": name},
                max_length=HELP_LIMIT,
                required=False,
                widget=forms.TextInput(attrs=typed),
            )
            if code in written:
                self.initial.setdefault(f"prompt_{code}", written[code][0])
                self.initial.setdefault(f"help_{code}", written[code][1])

    def wording_fields(self):
        """Per language: its name, the question's field, the help's field, whether main."""
        return [
            {
                "language": code,
                "name": name_of(code),
                "main": number == 0,
                "prompt": self[f"prompt_{code}"],
                "help": self[f"help_{code}"],
            }
            for number, code in enumerate(self.languages)
        ]

    def clean(self):
        cleaned = super().clean()
        main = self.languages[0]
        if not cleaned.get(f"prompt_{main}", "").strip():
            self.add_error(
                f"prompt_{main}",
                _("Write the question in %(language)s.") % {"language": name_of(main)},
            )
        for code in self.languages[1:]:
            if (
                cleaned.get(f"help_{code}", "").strip()
                and not cleaned.get(f"prompt_{code}", "").strip()
            ):
                self.add_error(
                    f"prompt_{code}",
                    _("Write the question in %(language)s too, or leave its help empty.")
                    % {"language": name_of(code)},
                )
        # The main language's text is the question's own (construct_instance sees only purpose).
        self.instance.prompt = cleaned.get(f"prompt_{main}", "").strip()
        self.instance.help_text = cleaned.get(f"help_{main}", "").strip()
        return cleaned

    def wordings(self) -> dict[str, tuple[str, str]]:
        """The question's text and help in each language but the main one, where written."""
        data = self.cleaned_data
        return {
            code: (data[f"prompt_{code}"].strip(), data.get(f"help_{code}", "").strip())
            for code in self.languages[1:]
            if data.get(f"prompt_{code}", "").strip()
        }


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

    def get_queryset(self):
        # Each question's wordings in one query, not one per question.
        return super().get_queryset().prefetch_related("wordings")


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
            "starts_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
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
