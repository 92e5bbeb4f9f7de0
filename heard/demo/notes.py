"""Composing organizers' notes from the banks in `voices` and `voces`.

Fragments are dealt from shuffled decks, not drawn at random, so every fragment is used about
as often as the others and none dominates; slots are filled per sentence, and each teammate
writes in their own style (abbreviations, terse, dashes, an organizer's labels).
"""

import datetime as dt
import random
import re
from dataclasses import dataclass, field

from . import fieldnotes, stories, voices
from . import voces as es
from .city import HOODS_BY_KEY, Hood, Teammate

MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
MESES = (
    "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
    "octubre", "noviembre", "diciembre",
)  # fmt: skip
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")

# How often a neighbourhood's own fragment is preferred over the city-wide one.
LOCAL_ODDS = {"problem": 0.72, "hope": 0.6, "why": 0.45, "quote": 0.5}

GROUP_SHORT_LISTS = {
    1: ("{A}. Everyone, in one way or another.", "{A}, all of them."),
    2: ("{A} and {b}.", "{A}, then {b}.", "{A} for most of the room; {b} for the rest."),
}

DASH_JOINABLE = {"She", "He", "Her", "His", "Said", "Says", "Didn't", "Doesn't", "Wants", "Not"}

STYLE_ABBREVIATIONS = (
    (" with ", " w/ ", 0.7),
    (" because ", " b/c ", 0.8),
    ("building", "bldg", 0.6),
    ("management", "mgmt", 0.8),
    ("appointment", "appt", 0.9),
    (" about ", " abt ", 0.3),
    (" and ", " & ", 0.3),
    ("people", "ppl", 0.4),
    (" years", " yrs", 0.6),
    (" minutes", " min", 0.8),
    ("neighbors", "neighbs", 0.15),
)


@dataclass
class Scene:
    """One conversation as the writer needs it: who, where, when, what to write about."""

    venue: str
    held_on: dt.date
    author: Teammate
    speaker: "Speaker"
    others: list["Speaker"] = field(default_factory=list)
    issues: list[str] = field(default_factory=list)
    spanish: bool = False
    where: str = ""
    signals: tuple[str, ...] = ()
    kindliness: str = ""
    next_step: str = ""
    response: str = "not_asked"
    event: str = ""
    event_es: str = ""
    event_date: dt.date | None = None
    names: str = ""
    source: str = ""
    host: str = ""
    organizer: str = "Denise"


@dataclass
class Speaker:
    """What the notes know about a person: stable slots, language, issues, where they live."""

    first: str
    gender: str
    group: str
    age: str
    hood: Hood
    lang: str
    issues: list[str]
    slots: dict[str, str]


def _fits(template: str, age: str) -> bool:
    if template.startswith("@elder "):
        return age == "elder"
    if template.startswith("@notelder "):
        return age != "elder"
    return True


class Writer:
    def __init__(self, rng: random.Random):
        self.rng = rng
        self.piles: dict[tuple, list[str]] = {}

    # -- dealing and filling ---------------------------------------------------------------

    def deal(self, key: tuple, bank) -> str:
        pile = self.piles.get(key)
        if not pile:
            pile = list(bank)
            self.rng.shuffle(pile)
            self.piles[key] = pile
        return pile.pop()

    def fill(self, template: str, slots: dict[str, str], held_on: dt.date) -> str:
        rng = self.rng
        month = held_on.month - rng.randint(1, 3)
        fresh = {
            "n": str(rng.randint(2, 9)),
            "mins": str(rng.choice((5, 10, 10, 15, 15, 20, 25, 30, 40, 45))),
            "month": MONTHS[(month - 1) % 12],
            "mes": MESES[(month - 1) % 12],
            "weekday": rng.choice(WEEKDAYS),
            "time": rng.choice(("5", "5:30", "6", "6:30", "7pm", "8", "noon on weekends")),
        }
        text = template.removeprefix("@elder ").removeprefix("@notelder ")
        text = text.format_map({**slots, **fresh})
        return text[:1].upper() + text[1:]

    # -- one conversation ------------------------------------------------------------------

    def answers(self, scene: Scene, purposes: list[str]) -> dict[str, str]:
        """The text heard for each purpose of the guide; purposes left out were not asked."""
        if scene.venue == "small_group":
            parts = self._group(scene)
        elif scene.spanish:
            parts = self._spanish(scene)
        else:
            parts = self._english(scene)
        return {p: parts[p] for p in purposes if parts.get(p)}

    def _slots(self, scene: Scene, speaker: "Speaker | None" = None) -> dict[str, str]:
        speaker = speaker or scene.speaker
        issues = scene.issues or speaker.issues
        if scene.spanish:
            word = self.rng.choice(es.ISSUE_WORDS_ES[issues[0]])
            word2 = self.rng.choice(es.ISSUE_WORDS_ES[issues[1]]) if len(issues) > 1 else "dinero"
        else:
            word = self.word(issues[0], speaker.hood)
            word2 = self.word(issues[1], speaker.hood) if len(issues) > 1 else "money"
        other_hoods = [h.name for k, h in HOODS_BY_KEY.items() if k != speaker.hood.key]
        date = scene.event_date
        return {
            **speaker.slots,
            "word": word,
            "word_cap": word[0].upper() + word[1:],
            # "the same rent problem", not "the same the rent problem"; but "the 7" stays.
            "word_bare": re.sub(r"^(the|la|el|los|las) (?=\D)", "", word),
            "word2": word2,
            "other_hood": self.rng.choice(other_hoods),
            "where": es.LUGARES.get(scene.where, scene.where) if scene.spanish else scene.where,
            "where_cap": scene.where[:1].upper() + scene.where[1:],
            "names": scene.names or "a couple of neighbors",
            "event": scene.event,
            "event_es": scene.event_es,
            "event_cap": scene.event[:1].upper() + scene.event[1:],
            "event_date": f"{MONTHS[date.month - 1][:3]} {date.day}" if date else "",
            "host": scene.host or speaker.first,
            "organizer": scene.organizer,
        }

    def word(self, issue: str, hood: Hood) -> str:
        words = voices.ISSUE_WORDS[issue]
        if hood.key in words and self.rng.random() < 0.7:
            return self.rng.choice(words[hood.key])
        return self.rng.choice(words["*"])

    def _say(self, key: tuple, bank, slots, scene: Scene, who: "Speaker | None" = None) -> str:
        age = (who or scene.speaker).age
        # "@elder" lines are only said of older people, "@notelder" never of them.
        fits = tuple(t for t in bank if _fits(t, age))
        if fits and len(fits) < len(bank):
            bank, key = fits, (*key, age == "elder")
        if not scene.event_date:
            # Without a dated event, never write "signed up for ." - only the undated lines.
            dated = [t for t in bank if "{event_date}" in t]
            if dated and len(dated) < len(bank):
                bank = tuple(t for t in bank if t not in dated)
                key = (*key, "undated")
        return self.fill(self.deal(key, bank), slots, scene.held_on)

    def _phase_keys(self, hood: Hood, held_on: dt.date) -> list[str]:
        phase = ">jul" if held_on >= dt.date(held_on.year, 7, 1) else "<jul"
        return [hood.key + phase, hood.key]

    def _local(self, name, banks: dict, issue: str, hood: Hood, slots, scene, who=None) -> str:
        """A fragment for this issue, preferably in this neighbourhood's own words."""
        banks = banks[issue]
        local = next((k for k in self._phase_keys(hood, scene.held_on) if k in banks), None)
        odds = LOCAL_ODDS.get(name, 0.6)
        key = local if local and self.rng.random() < odds else "*"
        if key not in banks:
            key = local
        return self._say((name, issue, key), banks[key], slots, scene, who)

    def _english(self, scene: Scene) -> dict[str, str]:
        rng, s, speaker = self.rng, scene, scene.speaker
        slots = self._slots(scene)
        issues = scene.issues or speaker.issues
        issue, hood = issues[0], speaker.hood
        long = s.venue == "one_to_one"
        detail_odds = {"door": 0.45, "one_to_one": 0.85, "tabling": 0.2}.get(s.venue, 0.3)

        problem = [self._local("problem", voices.PROBLEM, issue, hood, slots, s)]
        if rng.random() < 0.22:
            lead = self._say(("lead",), voices.LEAD_INS, slots, s)
            problem[0] = lead + problem[0]
        if rng.random() < detail_odds:
            problem.append(self._say(("detail", issue), voices.DETAIL[issue], slots, s))
        if long and len(issues) > 1 and rng.random() < 0.45:
            problem.append(self._local("problem", voices.PROBLEM, issues[1], hood, slots, s))

        why = []
        if rng.random() < 0.55:
            why.append(self._local("why", stories.WHY, issue, hood, slots, s))
        if not why or long or rng.random() < 0.25:
            why.append(self._say(("values",), stories.VALUES, slots, s))
        if rng.random() < 0.25:
            why.append(self._say(("why_tail",), stories.WHY_TAILS, slots, s))

        hope = []
        if rng.random() < 0.7:
            hope.append(self._local("hope", stories.HOPE, issue, hood, slots, s))
        if not hope or (long and rng.random() < 0.6):
            hope.append(self._say(("hope_any",), stories.HOPE_ANY, slots, s))
        if rng.random() < 0.45:
            who = issue if issue in stories.HOPE_WHO and rng.random() < 0.5 else "*"
            hope.append(self._say(("hope_who", who), stories.HOPE_WHO[who], slots, s))

        common = [
            self._say(("cg",), stories.COMMON_GROUND, slots, s)
            if rng.random() < 0.7
            else self._say(("cg_issue",), stories.COMMON_GROUND_ISSUE, slots, s)
        ]
        if long and rng.random() < 0.4:
            common.append(self._say(("cg",), stories.COMMON_GROUND, slots, s))
        if rng.random() < 0.35:
            common.append(self._say(("cg_tail",), stories.COMMON_GROUND_TAILS, slots, s))

        answers = {
            "problem": " ".join(problem),
            "issues": self._issue_list(issues, hood, slots, s),
            "why": " ".join(why),
            "hope": " ".join(hope),
            "common_ground": " ".join(common),
            "notes": self._notes_en(scene, slots),
        }
        answers = self._trim(scene, answers)
        return {k: self.stylize(v, scene.author.style) for k, v in answers.items()}

    def _trim(self, scene: Scene, answers: dict[str, str]) -> dict[str, str]:
        """Door-knocks and tabling are short: some questions were never reached."""
        keep = {
            "door": {"issues": 0.85, "why": 0.6, "hope": 0.55, "common_ground": 0.45},
            "tabling": {"issues": 0.9, "why": 0.3, "hope": 0.4, "common_ground": 0.25},
            "other": {"issues": 0.5, "why": 0.3, "hope": 0.5, "common_ground": 0.2},
        }.get(scene.venue, {})
        return {k: v for k, v in answers.items() if k not in keep or self.rng.random() < keep[k]}

    def _issue_list(self, issues, hood, slots, scene, *, formats=None, spanish=False) -> str:
        words: list[str] = []
        for issue in issues[:3]:
            for _ in range(4):
                word = (
                    self.rng.choice(es.ISSUE_WORDS_ES[issue]) if spanish else self.word(issue, hood)
                )
                if word not in words:
                    words.append(word)
                    break
        if formats is None or len(words) < 3:
            lists = es.ISSUE_LISTS_ES if spanish else voices.ISSUE_LISTS
            formats = lists[len(words)] if formats is None else GROUP_SHORT_LISTS[len(words)]
        template = self.deal(("issues", spanish, len(words), formats), formats)
        letters = dict(zip("abc", words, strict=False))
        letters.update({k.upper(): v[0].upper() + v[1:] for k, v in letters.items()})
        return self.fill(template, {**slots, **letters}, scene.held_on)

    def _notes_en(self, scene: Scene, slots) -> str:
        rng, s = self.rng, scene
        notes = []
        openers = {
            "door": (fieldnotes.OPENERS, 0.65),
            "tabling": (fieldnotes.TABLING_OPENERS, 0.85),
            "one_to_one": (fieldnotes.ONE_TO_ONE_OPENERS, 0.8),
            "other": (fieldnotes.OTHER_OPENERS, 1.0),
        }.get(s.venue)
        if openers and rng.random() < openers[1]:
            notes.append(self._say(("opener", s.venue), openers[0], slots, s))
        if s.speaker.lang == "es" and not s.author.spanish:
            notes.append(self._say(("interpreted",), fieldnotes.INTERPRETED, slots, s))
        elif s.speaker.lang == "other":
            notes.append(self._say(("other_lang",), fieldnotes.OTHER_LANGUAGE, slots, s))
        for signal in s.signals:
            notes.append(self._say(("signal", signal), fieldnotes.SIGNALS[signal], slots, s))
        if s.kindliness:
            notes.append(
                self._say(("kind", s.kindliness), fieldnotes.KINDLINESS[s.kindliness], slots, s)
            )
        if s.next_step:
            bank = fieldnotes.NEXT_STEP[s.next_step][s.response]
            notes.append(self._say(("next", s.next_step, s.response), bank, slots, s))
        if s.author.style == "organizer" and rng.random() < 0.7:
            notes.append(self._say(("organizer",), fieldnotes.ORGANIZER_NOTES, slots, s))
        if rng.random() < 0.3:
            notes.append(self._say(("contact",), fieldnotes.CONTACT, slots, s))
        if rng.random() < 0.2 or not notes:
            notes.append(self._say(("misc",), fieldnotes.MISC_NOTES, slots, s))
        return " ".join(notes)

    def _spanish(self, scene: Scene) -> dict[str, str]:
        rng, s, speaker = self.rng, scene, scene.speaker
        slots = self._slots(scene)
        issues = scene.issues or speaker.issues
        issue, hood = issues[0], speaker.hood
        long = s.venue == "one_to_one"
        banks = es.PROBLEM_ES[issue]
        key = hood.key if hood.key in banks and rng.random() < 0.7 else "*"
        problem = [self._say(("es_problem", issue, key), banks[key], slots, s)]
        if rng.random() < (0.8 if long else 0.4):
            problem.append(self._say(("es_detail",), es.DETAIL_ES, slots, s))
        why = [self._say(("es_why",), es.WHY_ES, slots, s)]
        if long and rng.random() < 0.5:
            why.append(self._say(("es_why",), es.WHY_ES, slots, s))
        if rng.random() < 0.3:
            why.append(self._say(("es_why_tail",), es.WHY_TAILS_ES, slots, s))
        hope_key = issue if rng.random() < 0.7 else "*"
        hope = [self._say(("es_hope", hope_key), es.HOPE_ES[hope_key], slots, s)]
        if rng.random() < 0.45:
            hope.append(self._say(("es_hope_who",), es.HOPE_WHO_ES, slots, s))
        common = [self._say(("es_cg",), es.COMMON_GROUND_ES, slots, s)]
        if rng.random() < 0.35:
            common.append(self._say(("es_cg_tail",), es.COMMON_GROUND_TAILS_ES, slots, s))

        notes = []
        openers = es.ONE_TO_ONE_OPENERS_ES if long else es.OPENERS_ES
        if s.venue == "tabling":
            openers = es.TABLING_OPENERS_ES
        if rng.random() < 0.7:
            notes.append(self._say(("es_opener", s.venue), openers, slots, s))
        for signal in s.signals:
            notes.append(self._say(("es_signal", signal), es.SIGNALS_ES[signal], slots, s))
        if s.kindliness:
            bank = es.KINDLINESS_ES[s.kindliness]
            notes.append(self._say(("es_kind", s.kindliness), bank, slots, s))
        if s.next_step:
            bank = es.NEXT_STEP_ES[s.response]
            notes.append(self._say(("es_next", s.response), bank, slots, s))
        if rng.random() < 0.35:
            notes.append(self._say(("es_contact",), es.CONTACT_ES, slots, s))
        if rng.random() < 0.2 or not notes:
            notes.append(self._say(("es_misc",), es.MISC_ES, slots, s))
        answers = {
            "problem": " ".join(problem),
            "issues": self._issue_list(issues, hood, slots, s, spanish=True),
            "why": " ".join(why),
            "hope": " ".join(hope),
            "common_ground": " ".join(common),
            "notes": " ".join(notes),
        }
        return self._trim(scene, answers)

    def _group(self, scene: Scene) -> dict[str, str]:
        rng, s = self.rng, scene
        people = [s.speaker, *s.others]
        counts: dict[str, int] = {}
        for person in people:
            for rank, issue in enumerate(person.issues):
                counts[issue] = counts.get(issue, 0) + 3 - rank
        issues = sorted(counts, key=lambda i: (-counts[i], voices.ISSUES.index(i)))[:3]
        s.issues = issues
        slots = self._slots(s)
        size = len(people)
        agreeing = rng.randint(2, size)
        slots["size"] = str(size)
        slots["n_of"] = f"all {size}" if agreeing == size else f"{agreeing} of the {size}"
        slots["n_of_es"] = f"los {size}" if agreeing == size else f"{agreeing} de los {size}"
        issue = issues[0]
        if s.spanish:
            return {
                "problem": self._say(("es_gproblem",), es.GROUP_PROBLEM_ES, slots, s),
                "issues": self._issue_list(issues, s.speaker.hood, slots, s, spanish=True),
                "why": self._say(("es_gwhy",), es.GROUP_WHY_ES, slots, s),
                "hope": self._say(("es_ghope",), es.GROUP_HOPE_ES, slots, s),
                "common_ground": self._say(("es_gcg",), es.GROUP_COMMON_GROUND_ES, slots, s),
                "notes": " ".join(
                    [self._say(("es_gnotes",), es.GROUP_NOTES_ES, slots, s)]
                    + (
                        [
                            self._say(
                                ("es_gnext", s.response), es.GROUP_NEXT_ES[s.response], slots, s
                            )
                        ]  # fmt: skip
                        if s.next_step
                        else []
                    )
                ),
            }
        hood = s.speaker.hood
        local = fieldnotes.GROUP_PROBLEM_ISSUE.get(issue, {})
        if (hood.key in local or "*" in local) and rng.random() < 0.6:
            key = hood.key if hood.key in local else "*"
            problem = self._say(("gproblem", issue, key), local[key], slots, s)
        else:
            problem = self._say(("gproblem",), fieldnotes.GROUP_PROBLEM, slots, s)
        if s.source in fieldnotes.GROUP_WHY_BY_SOURCE and rng.random() < 0.6:
            why = self._say(("gwhy", s.source), fieldnotes.GROUP_WHY_BY_SOURCE[s.source], slots, s)
        else:
            why = self._say(("gwhy",), fieldnotes.GROUP_WHY, slots, s)
        mixes = self._mixes(s, people, slots)
        if mixes and rng.random() < 0.65:
            mix = rng.choice(mixes)
            bank = fieldnotes.GROUP_COMMON_GROUND_BY_MIX[mix]
            common = self._say(("gcg", mix), bank, slots, s)
        else:
            common = self._say(("gcg",), fieldnotes.GROUP_COMMON_GROUND, slots, s)
        hope = [self._say(("ghope",), fieldnotes.GROUP_HOPE, slots, s)]
        if rng.random() < 0.4:
            hope.append(self._local("hope", stories.HOPE, issue, s.speaker.hood, slots, s))
        notes = [self._say(("gnotes",), fieldnotes.GROUP_NOTES, slots, s)]
        if s.next_step:
            notes.append(
                self._say(("gnext", s.response), fieldnotes.GROUP_NEXT[s.response], slots, s)
            )
        answers = {
            "problem": problem,
            "issues": self._issue_list(
                issues, s.speaker.hood, slots, s, formats=fieldnotes.GROUP_ISSUE_LISTS
            ),
            "why": why,
            "hope": " ".join(hope),
            "common_ground": common,
            "notes": " ".join(notes),
        }
        return {k: self.stylize(v, s.author.style) for k, v in answers.items()}

    def _mixes(self, scene: Scene, people: list[Speaker], slots: dict[str, str]) -> list[str]:
        """What this room had in it that a note about common ground could honestly say."""
        mixes = []
        langs = {p.lang for p in people}
        if "es" in langs and "en" in langs:
            mixes.append("languages")
        groups = {p.group for p in people}
        if len(groups & {"black", "white", "latino"}) >= 2:
            mixes.append("races")
        hoods = [p.hood.name for p in people if p.hood is not scene.speaker.hood]
        if hoods:
            mixes.append("hoods")
            slots["other_hood"] = hoods[0]
        ages = {p.age for p in people}
        if "young" in ages and "elder" in ages:
            mixes.append("ages")
        if scene.source in ("church", "school", "workplace"):
            mixes.append(scene.source)
        return mixes

    def quote(self, scene: Scene, speaker: Speaker) -> tuple[str, str]:
        """A verbatim line, in the language the person spoke, and that language's code (a
        Spanish speaker's words stay Spanish in notes written in English)."""
        rng, s = self.rng, scene
        slots = speaker.slots
        spanish = speaker.lang == "es" and (s.author.spanish or rng.random() < 0.5)
        if spanish:
            return self._say(("es_quote",), es.QUOTES_ES, slots, s, speaker), "es"
        issue = (s.issues or speaker.issues)[0]
        if rng.random() < 0.6:
            text = self._local("quote", stories.QUOTES, issue, speaker.hood, slots, s, speaker)
        else:
            text = self._say(("quote_any",), stories.QUOTES_ANY, slots, s, speaker)
        if rng.random() < 0.2:
            text += " " + self._say(("quote_tail",), stories.QUOTE_TAILS, slots, s, speaker)
        return text, "en"

    # -- each teammate's hand ---------------------------------------------------------------

    def stylize(self, text: str, style: str) -> str:
        rng = self.rng
        if style == "abbrev":
            for old, new, odds in STYLE_ABBREVIATIONS:
                if old in text and rng.random() < odds:
                    text = text.replace(old, new)
        elif style == "terse":
            text = re.sub(r"(^|\. )(She|He) says (that )?", r"\1", text)
            text = re.sub(r"(^|\. )Says (that )?", r"\1", text)
            text = text.replace(" and ", " & ") if rng.random() < 0.5 else text
            if text.endswith(".") and rng.random() < 0.7:
                text = text[:-1]
            text = re.sub(r"(^|\. )([a-z])", lambda m: m.group(1) + m.group(2).upper(), text)
        elif style == "dashes":
            # Kim runs a sentence into the next one when it goes on about the same person.
            sentences = text.split(". ")
            joinable = [
                i for i in range(len(sentences) - 1)
                if sentences[i + 1].split(" ", 1)[0] in DASH_JOINABLE
            ]  # fmt: skip
            if joinable and rng.random() < 0.7:
                i = rng.choice(joinable)
                nxt = sentences[i + 1]
                sentences[i : i + 2] = [sentences[i] + " — " + nxt[:1].lower() + nxt[1:]]
                text = ". ".join(sentences)
        return text
