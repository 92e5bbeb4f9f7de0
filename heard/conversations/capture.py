"""The capture page's forms taken together: built from what was posted, moved onto another
campaign's guide when the campaign changes, and described field by field when a post was cut.

Answers are typed for one campaign's questions. When the campaign changes ("Show this
campaign's guide", or a save after picking another campaign), nothing typed may be dropped
silently: each answer moves to the new guide's question with the same prompt, and the rest are
carried above the guide until the volunteer copies them in or ticks "Leave it out".
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import QueryDict
from django.utils.formats import number_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from heard.accounts.models import Membership
from heard.campaigns.models import Campaign
from heard.ids import parse_id
from heard.people.models import Person
from heard.people.queries import lookalikes_for, merged_into
from heard.refusals import show_refusal

from . import forms
from .body import Oversized
from .models import Conversation
from .services import ConversationRecord

CARRIED = "carried"


def campaign_in(campaigns: QuerySet[Campaign], value) -> Campaign | None:
    """The campaign `value` names among these, or None."""
    pk = parse_id(value)
    return campaigns.filter(pk=pk).first() if pk else None


def chosen_people(data, people: QuerySet[Person]) -> list[Person]:
    """The people found and posted (among those the member may see), in the order named: they
    stay on the form when it comes back, even when another field is wrong."""
    if data is None:
        return []
    ids = [pk for pk in dict.fromkeys(map(parse_id, data.getlist("people"))) if pk]
    found = people.in_bulk(ids) if ids else {}
    return [found[pk] for pk in ids if pk in found]


@dataclass
class Capture:
    """The main form, its four formsets, and what the page says about them."""

    form: forms.ConversationForm
    new_people: forms.NewPersonFormSet
    quotes: forms.QuoteFormSet
    promises: forms.PromiseFormSet
    carried: forms.CarriedAnswerFormSet
    campaign: Campaign | None
    speakers: list[tuple[str, str]]
    chosen_people: list[Person]
    notes: list[str] = field(default_factory=list)

    @classmethod
    def build(
        cls,
        data,
        *,
        membership: Membership,
        campaign: Campaign | None,
        places,
        people: QuerySet[Person],
        quiet: bool = False,
    ) -> "Capture":
        """The forms for `campaign`'s guide, bound to `data` (None: a blank page). A quiet
        capture shows what was typed without errors, and is never valid."""
        data, merged = follow_merges(data, membership)
        found = chosen_people(data, people)
        speakers = forms.speaker_choices(data, found)
        held = {"quiet": quiet}
        form = forms.ConversationForm(
            data,
            initial={"campaign": campaign},
            membership=membership,
            campaign=campaign,
            places=places,
            people=people,
            found=found,
            speakers=speakers,
            **held,
        )
        # Pages from before the campaign switch carried answers post no such rows.
        carried_data = data if data is not None and f"{CARRIED}-TOTAL_FORMS" in data else None
        return cls(
            form=form,
            new_people=forms.NewPersonFormSet(
                data, prefix="new", form_kwargs={"places": places, "people": people, **held}
            ),
            quotes=forms.QuoteFormSet(
                data, prefix="quote", form_kwargs={"speakers": speakers, **held}
            ),
            promises=forms.PromiseFormSet(data, prefix="promise", form_kwargs=held),
            carried=forms.CarriedAnswerFormSet(carried_data, prefix=CARRIED, form_kwargs=held),
            campaign=campaign,
            speakers=speakers,
            chosen_people=found,
            notes=[_merged_note(person) for person in merged],
        )

    @property
    def all_forms(self):
        return [self.form, self.new_people, self.quotes, self.promises, self.carried]

    def is_valid(self) -> bool:
        # A list, so that every form shows its errors; no carried rows posted is nothing to do.
        checked = [f for f in self.all_forms if f is not self.carried or f.is_bound]
        valid = all([f.is_valid() for f in checked])
        return valid and forms.check_due_dates(self.form, self.promises)

    def ask_about_lookalikes(self, membership: Membership) -> bool:
        """Before a new person is stored, ask once about each who looks like someone the member
        may see ("use her" or "this is someone new"); True when the page must ask."""
        rows = [
            (row, new)
            for row in self.new_people
            if (new := row.to_new_person()) is not None and not row.cleaned_data.get("same_as")
        ]
        if not rows or self._stored():
            # No one new to ask about, or a retry of a stored conversation: the service
            # answers it as before.
            return False
        asking = False
        for row, new in rows:
            row.lookalikes = lookalikes_for(
                membership, name=new.name, phone=new.phone, email=new.email
            )
            asking = asking or bool(row.lookalikes)
        if asking and self._stored():
            # Another send of this very conversation (a retry racing the first send) stored it
            # while we looked: the lookalike is its own new person, committed with it.
            for row in self.new_people:
                row.lookalikes = []
            return False
        if asking:
            self.notes.append(
                _(
                    "Not saved yet: a new person looks like someone already recorded. "
                    "Say under “Who” whether it is them, then save."
                )
            )
        return asking

    def _stored(self) -> bool:
        return Conversation.objects.filter(pk=self.form.cleaned_data.get("client_id")).exists()

    def record(self) -> ConversationRecord:
        return forms.build_record(self.form, self.new_people, self.quotes, self.promises)

    def guide_changed(self) -> bool:
        """The campaign posted is not the one whose guide the answers were typed for."""
        return self.form.is_bound and self.form.has_error("campaign", code="guide_changed")

    def attach(self, error: ValidationError) -> None:
        """Show the service's refusal next to the field it names, or at the top."""
        show_refusal(self.form, error)

    def reasons(self) -> list[str]:
        """Every error of the capture in words, each saying which field it is about: for the
        outbox, which shows them without the form."""
        bound = [f for f in self.all_forms[1:] if f.is_bound]
        said = []
        for form in [self.form] + [row for formset in bound for row in formset.forms]:
            for name, errors in form.errors.items():
                if name == "__all__":
                    said += [str(error) for error in errors]
                    continue
                where = self.describe(form.add_prefix(name))
                # Translators: a refusal of the outbox: the field, then what is wrong with it.
                said += [
                    _("%(field)s: %(problem)s") % {"field": where, "problem": error}
                    for error in errors
                ]
        for formset in bound:
            said += [str(error) for error in formset.non_form_errors()]
        return said

    def describe(self, name: str) -> str:
        """A posted field's name as the volunteer knows it, for a message about it."""
        if name.startswith("answer_"):
            prompt = next((q.prompt for q in self.form.guide if f"answer_{q.id}" == name), None)
            return (
                _("Your answer to “%(prompt)s”") % {"prompt": prompt} if prompt else _("An answer")
            )
        prefix, _dash, rest = name.partition("-")
        row, _dash, field_name = rest.partition("-")
        labels = {
            "quote": _("Quote %(number)d"),
            "new": _("New person %(number)d"),
            "promise": _("Commitment %(number)d"),
            CARRIED: _("An answer typed for the other guide"),
        }
        if prefix in labels and row.isascii() and row.isdigit():
            if prefix == CARRIED:
                return labels[prefix]
            return labels[prefix] % {"number": int(row) + 1}
        found = self.form.fields.get(name)
        return capfirst(str(found.label)) if found and found.label else name

    def note_oversized(self, oversized: Oversized) -> None:
        size = number_format(oversized.size / 1_000_000, decimal_pos=1) + " MB"
        self.notes.append(
            _(
                "What you sent was too large to save at once (%(size)s). Nothing is saved yet: "
                "check the form and save again."
            )
            % {"size": size}
        )
        for name in dict.fromkeys(oversized.cut):
            self.notes.append(
                _(
                    "%(field)s was cut to its first %(limit)s characters: "
                    "check where it ends, and put the rest in another note."
                )
                % {
                    "field": self.describe(name),
                    "limit": number_format(forms.MAX_TEXT, force_grouping=True),
                }
            )
        if oversized.unread:
            self.notes.append(_("The end of what you sent could not be read: check the last rows."))


def follow_merges(data, membership: Membership) -> tuple[QueryDict | None, list[Person]]:
    """`data` with each person whose record was merged since it was typed (on a phone with no
    signal, say) named by the record kept instead, and those people. "p<id>" is how "who said
    it" names someone found (forms.speaker_choices)."""
    if data is None:
        return data, []
    posted = data.getlist("people")
    ids = [pk for pk in map(parse_id, posted) if pk]
    kept = merged_into(membership, ids) if ids else {}
    if not kept:
        return data, []
    data = data.copy()
    data.setlist("people", [str(kept[pk].pk) if (pk := parse_id(v)) in kept else v for v in posted])
    speakers = {f"p{old}": f"p{person.pk}" for old, person in kept.items()}
    for name in [n for n in data if n == "signals_seen_in" or n.endswith("-speaker")]:
        data[name] = speakers.get(data[name], data[name])
    return data, list(dict.fromkeys(kept.values()))


def _merged_note(person: Person) -> str:
    return _(
        "Someone named here was merged into %(name)s's record after this was typed: "
        "it is saved with %(name)s."
    ) % {"name": person.name}


def switch_guide(data, *, shown: Campaign | None, chosen: Campaign) -> tuple[QueryDict, str]:
    """The posted form moved from `shown`'s guide onto `chosen`'s, and a sentence saying what
    happened to the answers (see the module). Answers already carried come along; those the
    volunteer ticked "Leave it out" go, as asked."""
    data = data.copy()
    typed = []
    for question in shown.questions.all() if shown else []:
        text = data.pop(f"answer_{question.id}", [""])[-1]
        if text.strip():
            typed.append((question.prompt, text))
    typed += _carried_rows(data)
    open_questions: dict[str, int] = {}
    for question in chosen.questions.all():
        if not data.get(f"answer_{question.id}", "").strip():
            open_questions.setdefault(_same(question.prompt), question.id)
    placed, carried = 0, []
    for prompt, text in typed:
        question_id = open_questions.pop(_same(prompt), None)
        if question_id is None:
            carried.append((prompt, text))
        else:
            data[f"answer_{question_id}"] = text
            placed += 1
    _write_carried_rows(data, carried)
    data["campaign"] = data["guide"] = str(chosen.pk)
    return data, _switch_note(chosen, shown, placed, len(carried))


def _same(prompt: str) -> str:
    return " ".join(prompt.casefold().split())


def _carried_rows(data: QueryDict) -> list[tuple[str, str]]:
    total = parse_id(data.get(f"{CARRIED}-TOTAL_FORMS", "")) or 0
    rows = []
    for row in range(min(total, forms.CarriedAnswerFormSet.max_num)):
        text = data.get(f"{CARRIED}-{row}-text", "")
        if text.strip() and not data.get(f"{CARRIED}-{row}-DELETE"):
            rows.append((data.get(f"{CARRIED}-{row}-prompt", ""), text))
    for name in [n for n in data if n.startswith(f"{CARRIED}-")]:
        del data[name]
    return rows


def _write_carried_rows(data: QueryDict, rows: list[tuple[str, str]]) -> None:
    data[f"{CARRIED}-TOTAL_FORMS"] = str(len(rows))
    data[f"{CARRIED}-INITIAL_FORMS"] = "0"
    for row, (prompt, text) in enumerate(rows):
        data[f"{CARRIED}-{row}-prompt"] = prompt
        data[f"{CARRIED}-{row}-text"] = text


def _switch_note(chosen: Campaign, shown: Campaign | None, placed: int, carried: int) -> str:
    note = _("Showing the guide of “%(name)s”.") % {"name": chosen.name}
    if placed:
        note += " " + ngettext(
            "1 answer moved to the same question in it.",
            "%(n)d answers moved to the same question in it.",
            placed,
        ) % {"n": placed}
    if carried and shown:
        note += " " + ngettext(
            "1 answer typed for “%(name)s” has no question here: kept above the guide until "
            "you copy it in or leave it out.",
            "%(n)d answers typed for “%(name)s” have no question here: kept above the guide "
            "until you copy them in or leave them out.",
            carried,
        ) % {"n": carried, "name": shown.name}
    elif carried:
        note += " " + ngettext(
            "1 answer typed has no question here: kept above the guide until you copy it in "
            "or leave it out.",
            "%(n)d answers typed have no question here: kept above the guide until you copy "
            "them in or leave them out.",
            carried,
        ) % {"n": carried}
    return note
