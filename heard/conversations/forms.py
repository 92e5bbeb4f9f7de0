"""The capture form: built for a phone, validated field by field, parsed into a record."""

import json
import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import prefetch_related_objects
from django.forms.utils import ErrorDict
from django.utils import timezone, translation
from django.utils.formats import number_format
from django.utils.functional import lazy
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from heard.campaigns.languages import name_of
from heard.campaigns.models import Campaign
from heard.campaigns.queries import campaigns_for
from heard.commitments.models import Commitment
from heard.commitments.rules import due_date_problem
from heard.ids import IdChoiceField, IdMultipleChoiceField, parse_id
from heard.leadership.models import Kindliness
from heard.people.models import Consent, Person
from heard.people.services import NewPerson
from heard.refusals import show_refusal
from heard.spaces.models import ThirdSpace
from heard.spaces.queries import spaces_for
from heard.spaces.services import MAX_NEW_AT_CAPTURE

from .corrections import Correction, QuoteFix
from .models import MAX_TEXT, NextStep, Quote, Response, Venue
from .services import (
    ConversationRecord,
    HeardQuote,
    LeaderSignals,
    Promise,
    Speaker,
    date_problem,
)


def _too_long(limit: int) -> str:
    return _("Keep this under %(limit)s characters; put the rest in another note.") % {
        "limit": number_format(limit, force_grouping=True)
    }


#: Built when the message is shown, in the reader's language (forms are built at import).
_too_long_message = lazy(_too_long, str)


FIRST_NAMED = ("", _("The first person named"))
NOT_THERE = _("Choose someone who is in this conversation.")
MAX_SUGGESTED = 20
GUIDE_CHANGED = _("The campaign changed, so its guide is shown now: check your answers, then save.")


def guide_fields(form, language: str) -> list[dict]:
    """Each answer's field of `form.guide`, with its question in `language` and in every
    language of the campaign, for the page to switch between them without the server
    (guide-language.js): as JSON, code -> [text, the language it is in, help, its language]."""
    rows = []
    for question in form.guide:
        wordings = {
            code: [w.prompt, w.prompt_language, w.help_text, w.help_language]
            for code, w in question.all_wordings().items()
        }
        rows.append(
            {
                "field": form[f"answer_{question.id}"],
                "wording": question.in_language(language),
                "wordings": json.dumps(wordings, ensure_ascii=False),
            }
        )
    return rows


class HeldErrors:
    """A bound form that shows what was typed without judging it yet (`quiet=True`): after
    "Show this campaign's guide", a half-filled form must not come back covered in errors. A
    quiet form is never valid, so nothing can be saved from it."""

    def __init__(self, *args, quiet: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.quiet = quiet

    def full_clean(self):
        super().full_clean()
        if self.quiet:
            self._errors = ErrorDict()

    def is_valid(self) -> bool:
        return not self.quiet and super().is_valid()


# A speaker's choice value: "p<id>" for someone found, "n<row>" for the new-person row typed in.
# capture.js builds the same values in the browser as people are added.
def _found_key(pk: int) -> str:
    return f"p{pk}"


def _new_key(row: int) -> str:
    return f"n{row}"


def speaker_choices(data, found: list[Person]) -> list[tuple[str, str]]:
    """Who may be named as saying a quote or showing a leader signal, read from the posted form
    before it is validated: the people found (`capture.chosen_people`: only those the member may
    see) and the new people typed in."""
    if data is None:
        return []
    choices = [(_found_key(person.pk), person.name) for person in found]
    rows = parse_id(data.get("new-TOTAL_FORMS", "")) or 0
    for row in range(min(rows, NewPersonFormSet.max_num)):
        name = data.get(f"new-{row}-name", "").strip()
        if name:
            choices.append((_new_key(row), name))
    return choices


class SpeakerField(forms.ChoiceField):
    """Names one of the conversation's people; blank means the first person named."""

    def __init__(self, label: str, **kwargs):
        super().__init__(
            choices=[FIRST_NAMED],
            required=False,
            label=label,
            widget=forms.Select(attrs={"data-speakers": ""}),
            error_messages={"invalid_choice": NOT_THERE},
            **kwargs,
        )


class ConversationForm(HeldErrors, forms.Form):
    client_id = forms.UUIDField(widget=forms.HiddenInput)
    campaign = IdChoiceField(
        queryset=Campaign.objects.none(),
        label=_("Campaign"),
        error_messages={"invalid_choice": _("Unknown campaign.")},
    )
    venue = forms.ChoiceField(label=_("Venue"), choices=Venue.choices, widget=forms.RadioSelect)
    held_on = forms.DateField(
        label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    place = IdChoiceField(
        queryset=None, required=False, label=_("Neighbourhood / turf"), empty_label="—"
    )
    # Among the campaign's languages (set per form); a plain field so that a language of
    # another campaign, after switching guides, is answered in `clean_language`.
    language = forms.CharField(
        label=_("Language of the conversation"),
        required=False,
        max_length=12,
        widget=forms.Select(attrs={"data-guide-language": ""}),
    )
    people = IdMultipleChoiceField(
        queryset=Person.objects.none(),
        required=False,
        widget=forms.MultipleHiddenInput,
        error_messages={"invalid_choice": _("Unknown person.")},
    )
    next_step = forms.ChoiceField(
        choices=NextStep.choices, required=False, label=_("Next step invited")
    )
    next_step_response = forms.ChoiceField(
        choices=Response.choices, initial=Response.NOT_ASKED, label=_("Their answer")
    )
    offered_to_help = forms.BooleanField(required=False, label=_("Offered to help"))
    named_neighbours = forms.BooleanField(required=False, label=_("Named neighbours to talk to"))
    wants_to_host = forms.BooleanField(required=False, label=_("Wants to host"))
    took_on_role = forms.BooleanField(required=False, label=_("Took on a role"))
    kindliness = forms.ChoiceField(
        choices=Kindliness.choices, required=False, label=_("Kindliness orientation")
    )
    # What makes asking for help hard for them (the seed's "bitterness or resentment",
    # "messages of self-reliance"): noticed in the room, never asked as a question.
    gave_without_return = forms.BooleanField(
        required=False, label=_("Has given without getting back")
    )
    bitter_about_help = forms.BooleanField(
        required=False, label=_("Bitter about help that went one way")
    )
    wants_self_reliance = forms.BooleanField(
        required=False, label=_("Would rather manage on their own")
    )
    signals_seen_in = SpeakerField(_("Seen in"))
    suggested = forms.CharField(
        label=_("Who else should we talk to?"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Names they gave, one per line: each is added as someone they know."),
    )
    spaces = IdMultipleChoiceField(
        queryset=ThirdSpace.objects.none(),
        required=False,
        label=_("Where do you run into neighbours?"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Unknown place.")},
    )
    other_places = forms.CharField(
        label=_("Other places, one per line"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("The laundromat on Elm, St Mark's church hall… each is added to the places."),
    )

    def __init__(
        self, *args, membership, campaign, places, people, found=(), speakers=(), **kwargs
    ):
        """`campaign`: the guide's, read from `campaigns_for(membership)`; `found`: the people
        named, read from `people` (`capture.chosen_people`). Neither is read again."""
        super().__init__(*args, **kwargs)
        self.fields["spaces"].queryset = spaces_for(membership)
        self.fields["signals_seen_in"].choices = [FIRST_NAMED, *speakers]
        self.membership = membership
        self.guide_campaign = campaign
        if campaign:
            # Onto the campaign itself: the service checks the answers against the same guide.
            prefetch_related_objects([campaign], "questions__wordings")
        self.guide = list(campaign.questions.all()) if campaign else []
        self.fields["campaign"].queryset = campaigns_for(membership)
        self.fields["campaign"].already_read([campaign])
        self.fields["place"].queryset = places
        self.fields["people"].queryset = people
        self.fields["people"].already_read(found)
        self.fields["client_id"].initial = uuid.uuid4()
        self.fields["held_on"].initial = timezone.localdate()
        self.guide_language = self._set_up_language(campaign)
        for question in self.guide:
            wording = question.in_language(self.guide_language)
            self.fields[f"answer_{question.id}"] = forms.CharField(
                label=wording.prompt,
                help_text=wording.help_text,
                required=False,
                max_length=MAX_TEXT,
                widget=forms.Textarea(attrs={"rows": 2, "lang": self.guide_language}),
                error_messages={"max_length": _too_long_message(MAX_TEXT)},
            )

    def _set_up_language(self, campaign: Campaign | None) -> str:
        """The "Language of the conversation" field (hidden when the campaign listens in one
        language), and the language the guide is shown in first: the one posted, else the
        member's own when the campaign listens in it (`Campaign.language_for`)."""
        field = self.fields["language"]
        languages = list(campaign.languages) if campaign else []
        field.widget.choices = [(code, name_of(code)) for code in languages]
        if len(languages) < 2:
            field.widget = forms.HiddenInput()
        default = campaign.language_for(translation.get_language()) if campaign else ""
        field.initial = default
        posted = self.data.get(self.add_prefix("language")) if self.is_bound else None
        return posted if campaign and posted and campaign.listens_in(posted) else default

    def clean_language(self) -> str:
        campaign = self.guide_campaign
        language = self.cleaned_data.get("language", "")
        if campaign is None or campaign.listens_in(language):
            return language
        if not language or len(campaign.languages) < 2:
            # Blank, or the field was hidden: the campaign's one language.
            return campaign.language_for(translation.get_language())
        names = ", ".join(name_of(code) for code in campaign.languages)
        raise forms.ValidationError(
            gettext("This campaign listens in %(languages)s: choose one of them.")
            % {"languages": names}
        )

    def guide_fields(self):
        return guide_fields(self, self.guide_language)

    def signal_fields(self):
        return [self[name] for name in LeaderSignals.FLAGS]

    def barrier_fields(self):
        return [self[name] for name in LeaderSignals.BARRIERS]

    def answer_fields(self):
        return [self[f"answer_{q.id}"] for q in self.guide]

    def clean_people(self) -> list[Person]:
        """The people found, in the order they were named: the first named holds the
        commitments and says an unattributed quote (the field's queryset comes back by name)."""
        found = {p.pk: p for p in self.cleaned_data["people"]}
        named = dict.fromkeys(map(parse_id, self.data.getlist(self.add_prefix("people"))))
        return [found[pk] for pk in named if pk in found]

    def clean_held_on(self):
        held_on = self.cleaned_data["held_on"]
        # The campaign field comes before the date, so it is already cleaned (or None).
        problem = date_problem(self.cleaned_data.get("campaign"), held_on)
        if problem:
            raise forms.ValidationError(problem)
        return held_on

    def clean_suggested(self) -> list[str]:
        names = [" ".join(line.split()) for line in self.cleaned_data["suggested"].splitlines()]
        names = list(dict.fromkeys(name for name in names if name))
        if len(names) > MAX_SUGGESTED:
            raise forms.ValidationError(_("At most %(n)d names at once.") % {"n": MAX_SUGGESTED})
        if any(len(name) > 160 for name in names):
            raise forms.ValidationError(_("A name is longer than 160 characters: one name a line."))
        return names

    def clean_other_places(self) -> list[str]:
        names = [" ".join(line.split()) for line in self.cleaned_data["other_places"].splitlines()]
        names = list(dict.fromkeys(name for name in names if name))
        if len(names) > MAX_NEW_AT_CAPTURE:
            raise forms.ValidationError(
                _("At most %(n)d places at once.") % {"n": MAX_NEW_AT_CAPTURE}
            )
        if any(len(name) > 160 for name in names):
            raise forms.ValidationError(_("A place's name is longer than 160 characters."))
        return names

    def clean(self):
        cleaned = super().clean()
        campaign = cleaned.get("campaign")
        if campaign and self.guide_campaign and campaign != self.guide_campaign:
            # The answers were typed for another campaign's questions: they must not cross
            # over unseen (`capture.Capture` shows them against the new guide).
            self.add_error("campaign", forms.ValidationError(GUIDE_CHANGED, code="guide_changed"))
        if cleaned.get("next_step") and cleaned.get("next_step_response") == Response.NOT_ASKED:
            self.add_error("next_step_response", _("Did they say yes, maybe or no?"))
        return cleaned


YES_NO = [("yes", _("Yes")), ("no", _("No"))]


def _yes_no(label: str) -> forms.TypedChoiceField:
    # Blank (an older page without the question) records nothing: the person was not asked.
    return forms.TypedChoiceField(
        label=label,
        choices=YES_NO,
        coerce=lambda answer: answer == "yes",
        empty_value=None,
        required=False,
        initial="yes",
        widget=forms.RadioSelect,
    )


class NewPersonForm(HeldErrors, forms.Form):
    name = forms.CharField(label=_("Name"), max_length=160, required=False)
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    email = forms.EmailField(label=_("Email"), required=False)
    language = forms.ChoiceField(
        label=_("Language"), choices=Person.Language.choices, initial=Person.Language.ENGLISH
    )
    place = IdChoiceField(queryset=None, required=False, label=_("Neighbourhood"), empty_label="—")
    household = forms.CharField(
        max_length=160,
        required=False,
        label=_("Household"),
        help_text=_("Household name, e.g. “Ramírez household”"),
    )
    may_contact = _yes_no(_("May we contact them again?"))
    notes_kept = _yes_no(_("Agreed to notes being kept?"))
    # Asked when the name looks like someone already recorded (heard/people/duplicates.py):
    # "new", or the id of the person meant. Empty: not asked yet.
    same_as = forms.CharField(required=False, max_length=20, widget=forms.HiddenInput)

    def __init__(self, *args, places, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["place"].queryset = places
        self.people = people
        self.lookalikes = []

    def clean_same_as(self):
        """ "new", the person meant (one the member may see), or "" (not asked yet)."""
        value = self.cleaned_data.get("same_as", "")
        if value == "new" or not value:
            return value
        pk = parse_id(value)
        found = self.people.filter(pk=pk).first() if pk and self.people is not None else None
        return found or ""

    def same_person(self) -> Person | None:
        """The person already recorded that this row turned out to be."""
        found = self.cleaned_data.get("same_as") if self.cleaned_data.get("name") else None
        return found if isinstance(found, Person) else None

    def clean(self):
        cleaned = super().clean()
        has_details = any(cleaned.get(f) for f in ("phone", "email", "household"))
        if has_details and not cleaned.get("name", "").strip():
            self.add_error("name", _("Add their name, or clear the other fields."))
        return cleaned

    def to_new_person(self) -> NewPerson | None:
        data = self.cleaned_data
        if not data.get("name", "").strip():
            return None
        return NewPerson(
            name=data["name"].strip(),
            phone=data.get("phone", ""),
            email=data.get("email", ""),
            language=data.get("language") or Person.Language.ENGLISH,
            place=data.get("place"),
            household_name=data.get("household", "").strip(),
            may_contact=data.get("may_contact"),
            notes_kept=data.get("notes_kept"),
        )


class QuoteForm(HeldErrors, forms.Form):
    text = forms.CharField(
        label=_("Their words"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"max_length": _too_long_message(2000)},
    )
    consent = forms.ChoiceField(
        choices=Quote.Consent.choices, initial=Quote.Consent.NONE, label=_("May we share it?")
    )
    speaker = SpeakerField(_("Who said it"))

    def __init__(self, *args, speakers=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["speaker"].choices = [FIRST_NAMED, *speakers]


class PromiseForm(HeldErrors, forms.Form):
    side = forms.ChoiceField(
        choices=Commitment.Side.choices, label=pgettext_lazy("who does a commitment", "Who")
    )
    what = forms.CharField(max_length=400, required=False, label=_("Will do"))
    hours = forms.DecimalField(
        min_value=0.5, max_value=200, decimal_places=1, required=False, label=_("Hours")
    )
    due_on = forms.DateField(
        required=False,
        label=_("By"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("what", "").strip():
            if cleaned.get("hours") is None:
                self.add_error("hours", _("How many hours?"))
            if cleaned.get("due_on") is None:
                self.add_error("due_on", _("By when?"))
        elif cleaned.get("hours") is not None or cleaned.get("due_on"):
            self.add_error("what", _("What will they do?"))
        return cleaned


class CarriedAnswerForm(HeldErrors, forms.Form):
    """An answer typed for the guide of the campaign shown before, whose question the new
    guide does not ask: kept on screen until it is moved into a question or left out."""

    prompt = forms.CharField(max_length=300, required=False, widget=forms.HiddenInput)
    text = forms.CharField(
        label=_("Your answer"),
        required=False,
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"max_length": _too_long_message(MAX_TEXT)},
    )


class BaseCarriedAnswerFormSet(forms.BaseFormSet):
    def add_fields(self, form, index):
        super().add_fields(form, index)
        form.fields["DELETE"].label = _("Leave it out")

    def clean(self):
        super().clean()
        for form in self.forms:
            if self._should_delete_form(form) or not hasattr(form, "cleaned_data"):
                continue
            if form.cleaned_data.get("text", "").strip():
                form.add_error(
                    "text", _("Copy this into a question of the guide, or tick “Leave it out”.")
                )


NewPersonFormSet = forms.formset_factory(NewPersonForm, extra=1, max_num=20)
QuoteFormSet = forms.formset_factory(QuoteForm, extra=1, max_num=20)
PromiseFormSet = forms.formset_factory(PromiseForm, extra=2, max_num=20)
CarriedAnswerFormSet = forms.formset_factory(
    CarriedAnswerForm, formset=BaseCarriedAnswerFormSet, extra=0, max_num=40, can_delete=True
)


def check_due_dates(form, promises) -> bool:
    """Each promise falls due after its conversation and within two years of it; the promise
    forms alone cannot tell, since the date of the conversation is on the main form."""
    held_on = form.cleaned_data.get("held_on")
    fits = True
    for promise in promises:
        due_on = promise.cleaned_data.get("due_on")
        problem = due_date_problem(due_on, held_on=held_on) if due_on and held_on else None
        if problem:
            promise.add_error("due_on", problem)
            fits = False
    return fits


def build_record(form, new_people, quotes, promises) -> ConversationRecord:
    """Turn valid forms into the record the service stores."""
    data = form.cleaned_data
    people = list(data.get("people") or [])
    typed = [(row, f.to_new_person()) for row, f in enumerate(new_people)]
    speakers: dict[str, Speaker] = {_found_key(p.pk): p for p in people}
    # A new row that was someone already recorded ("use her"): that person, not a new one;
    # a no the row recorded to contact or notes is theirs now (a yes, the row's default, is
    # not taken: it must not undo a no they gave before).
    refusals: list[tuple[Person, str]] = []
    for row, f in enumerate(new_people):
        if (same := f.same_person()) is not None:
            typed[row] = (row, None)
            speakers[_new_key(row)] = same
            people += [same] if same not in people else []
            said = f.to_new_person()  # a row with a name: never None here
            answers = {
                Consent.Topic.CONTACT: said.may_contact,
                Consent.Topic.RECORDS: said.notes_kept,
            }
            refusals += [(same, topic) for topic, answer in answers.items() if answer is False]
    speakers.update({_new_key(row): new for row, new in typed if new})
    return ConversationRecord(
        id=data["client_id"],
        campaign=data["campaign"],
        venue=data["venue"],
        held_on=data["held_on"],
        language=data.get("language", ""),
        place=data.get("place"),
        people=people,
        new_people=[new for _row, new in typed if new],
        refusals=refusals,
        answers={q.id: data.get(f"answer_{q.id}", "") for q in form.guide},
        quotes=[
            HeardQuote(
                text=f.cleaned_data["text"],
                consent=f.cleaned_data["consent"],
                person=speakers.get(f.cleaned_data.get("speaker", "")),
            )
            for f in quotes
            if f.cleaned_data.get("text", "").strip()
        ],
        suggested=list(data.get("suggested") or []),
        spaces=list(data.get("spaces") or []),
        other_places=list(data.get("other_places") or []),
        next_step=data.get("next_step", ""),
        next_step_response=data.get("next_step_response") or Response.NOT_ASKED,
        signals=LeaderSignals(
            **{flag: data.get(flag, False) for flag in LeaderSignals.FLAGS},
            **{barrier: data.get(barrier, False) for barrier in LeaderSignals.BARRIERS},
            kindliness=data.get("kindliness", ""),
            person=speakers.get(data.get("signals_seen_in", "")),
        ),
        promises=[
            Promise(
                side=f.cleaned_data["side"],
                what=f.cleaned_data["what"].strip(),
                hours=f.cleaned_data["hours"],
                due_on=f.cleaned_data["due_on"],
            )
            for f in promises
            if f.cleaned_data.get("what", "").strip()
        ],
    )


class ConversationFilterForm(forms.Form):
    """The list's search and filters, read from the query string."""

    q = forms.CharField(required=False, max_length=200)
    campaign = IdChoiceField(
        queryset=None, required=False, error_messages={"invalid_choice": _("Unknown campaign.")}
    )
    venue = forms.ChoiceField(choices=[("", _("All venues")), *Venue.choices], required=False)

    def __init__(self, *args, campaigns, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["campaign"].queryset = campaigns


class CorrectionForm(forms.Form):
    """The correction page: the conversation's details, its answers (one field per question of
    its campaign's guide) and the quotes the member may read (words, consent, remove)."""

    held_on = forms.DateField(
        label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    venue = forms.ChoiceField(label=_("Venue"), choices=Venue.choices, widget=forms.RadioSelect)
    place = IdChoiceField(
        queryset=None, required=False, label=_("Neighbourhood / turf"), empty_label="—"
    )
    next_step = forms.ChoiceField(
        choices=NextStep.choices, required=False, label=_("Next step invited")
    )
    next_step_response = forms.ChoiceField(choices=Response.choices, label=_("Their answer"))
    # Blank (a page from before languages) leaves it as it is.
    language = forms.ChoiceField(
        label=_("Language of the conversation"),
        required=False,
        widget=forms.Select(attrs={"data-guide-language": ""}),
    )
    # The newest correction when the page was opened; the template writes it (see the view).
    based_on = forms.IntegerField(
        required=False, min_value=0, max_value=10**18, widget=forms.HiddenInput
    )

    def __init__(self, *args, conversation, quotes, places, notes_kept: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.conversation = conversation
        self.fields["place"].queryset = places
        # Where everyone said no to notes being kept, no answer or quote may come back.
        self.notes_kept = notes_kept
        campaign = conversation.campaign
        self.guide = list(campaign.questions.prefetch_related("wordings")) if notes_kept else []
        self.quotes = list(quotes)
        # The campaign's languages, and the one it was held in should the campaign have
        # dropped it since.
        languages = list(dict.fromkeys([*campaign.languages, conversation.language]))
        self.fields["language"].choices = [(code, name_of(code)) for code in languages]
        if len(languages) < 2:
            self.fields["language"].widget = forms.HiddenInput()
        posted = self.data.get("language") if self.is_bound else None
        self.guide_language = posted if posted in languages else conversation.language
        for question in self.guide:
            name = f"answer_{question.id}"
            wording = question.in_language(self.guide_language)
            self.fields[name] = forms.CharField(
                label=wording.prompt,
                help_text=wording.help_text,
                required=False,
                max_length=MAX_TEXT,
                widget=forms.Textarea(attrs={"rows": self._rows(name)}),
                error_messages={"max_length": _too_long_message(MAX_TEXT)},
            )
        for number, quote in enumerate(self.quotes, start=1):
            name = f"quote_{quote.pk}_text"
            self.fields[name] = forms.CharField(
                label=_("Quote %(number)d: their words") % {"number": number},
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": self._rows(name)}),
                error_messages={"max_length": _too_long_message(2000)},
            )
            self.fields[f"quote_{quote.pk}_consent"] = forms.ChoiceField(
                choices=Quote.Consent.choices, label=_("May we share it?")
            )
            self.fields[f"quote_{quote.pk}_remove"] = forms.BooleanField(
                required=False, label=_("Remove this quote")
            )

    def _rows(self, name: str) -> int:
        # What was written is read whole before it is corrected: about 32 characters a line on
        # a phone, up to 10 lines (the box grows by hand beyond that).
        text = str(self.initial.get(name) or "")
        return min(10, max(2, len(text) // 32 + text.count("\n") + 1))

    def answer_fields(self):
        return [self[f"answer_{q.id}"] for q in self.guide]

    def guide_fields(self):
        return guide_fields(self, self.guide_language)

    def quote_rows(self):
        """Per quote: who said it, and its three fields."""
        return [
            {
                "quote": quote,
                "text": self[f"quote_{quote.pk}_text"],
                "consent": self[f"quote_{quote.pk}_consent"],
                "remove": self[f"quote_{quote.pk}_remove"],
            }
            for quote in self.quotes
        ]

    def clean_held_on(self):
        held_on = self.cleaned_data["held_on"]
        problem = date_problem(self.conversation.campaign, held_on)
        if problem:
            raise forms.ValidationError(problem)
        return held_on

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("next_step") and cleaned.get("next_step_response") == Response.NOT_ASKED:
            self.add_error("next_step_response", _("Did they say yes, maybe or no?"))
        for quote in self.quotes:
            removed = cleaned.get(f"quote_{quote.pk}_remove")
            text = cleaned.get(f"quote_{quote.pk}_text")
            if text is not None and not text.strip() and not removed:
                self.add_error(
                    f"quote_{quote.pk}_text", _("Write their words, or tick “Remove this quote”.")
                )
        return cleaned

    def correction(self) -> Correction:
        """The valid form as the correction the service applies."""
        data = self.cleaned_data
        return Correction(
            held_on=data["held_on"],
            venue=data["venue"],
            place=data.get("place"),
            next_step=data.get("next_step", ""),
            next_step_response=data["next_step_response"],
            language=data.get("language") or None,
            based_on=data.get("based_on"),
            answers={q.id: data.get(f"answer_{q.id}", "") for q in self.guide},
            quotes={
                quote.pk: QuoteFix(
                    text=data.get(f"quote_{quote.pk}_text", ""),
                    consent=data[f"quote_{quote.pk}_consent"],
                    remove=bool(data.get(f"quote_{quote.pk}_remove")),
                )
                for quote in self.quotes
            },
        )

    def attach(self, error: ValidationError) -> None:
        """Show the service's refusal next to the field it names, or at the top."""
        show_refusal(self, error)


def correction_initial(correction: Correction) -> dict:
    """The correction page's starting values (`corrections.as_it_is`)."""
    initial = {
        "held_on": correction.held_on,
        "venue": correction.venue,
        "place": correction.place.pk if correction.place else None,
        "next_step": correction.next_step,
        "next_step_response": correction.next_step_response,
        "language": correction.language,
    }
    initial.update({f"answer_{pk}": text for pk, text in correction.answers.items()})
    for pk, fix in correction.quotes.items():
        initial[f"quote_{pk}_text"] = fix.text
        initial[f"quote_{pk}_consent"] = fix.consent
    return initial
