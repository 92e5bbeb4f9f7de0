"""Reads of themes, scoped to the asking membership, and what the Themes page shows.

Themes summarise every conversation of a campaign, so only organizers and admins read them
(`member_required(*STAFF_ROLES)` turns volunteers away with 403); the helpers below also return
nothing to a volunteer, so a view that forgets the decorator still leaks nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import Count, F, Max, Prefetch, Q, QuerySet, Window
from django.db.models.functions import Length, RowNumber
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from heard.accounts.models import Membership
from heard.analysis.lexical import words
from heard.campaigns.models import Campaign, Purpose
from heard.campaigns.queries import campaigns_for
from heard.conversations.models import Answer, ConversationChange, Participant, Quote
from heard.conversations.queries import conversations_for
from heard.people.consent import SHARED_QUOTES
from heard.people.models import Place

from .models import Theme, ThemeAssignment, ThemeRun
from .notes import NOTE_PURPOSES, SECOND_CHOICE

QUOTES_PER_THEME = 3
#: A month or a neighbourhood with fewer conversations than this is too small to compare.
FEW = 10
#: A theme holding this share of the conversations is broad: the page lists its sub-themes.
OPEN_ABOVE = 0.2
#: Chosen per theme when themes change, so a withdrawn consent still leaves enough to show.
CANDIDATES = 6
# Quotes longer than this read badly on a shared screen; the theme's own page shows them all.
QUOTE_MAX_CHARS = 400
WHY_HOPE_PER_THEME = 2
WHY_HOPE_MAX_CHARS = 150
# Themes are read by the whole team, so even the recorder and administrators see only the
# quotes consented for the team here (the rule lives in heard.people.consent).
SHAREABLE = SHARED_QUOTES
#: How long the counts behind a campaign's months and neighbourhoods stay cached (by state).
SPREAD_CACHE_SECONDS = 60 * 60


def themes_for(membership: Membership, campaign: Campaign) -> QuerySet[Theme]:
    """The campaign's top-level themes, largest first; nothing for a volunteer."""
    if not membership.is_staff_role:
        return Theme.objects.none()
    return Theme.objects.filter(
        campaign=campaign, campaign__organization=membership.organization, parent=None
    ).order_by("-size", "id")


def get_theme_for(membership: Membership, pk) -> Theme:
    themes = Theme.objects.filter(campaign__organization=membership.organization)
    if not membership.is_staff_role:
        themes = themes.none()
    return get_object_or_404(themes.select_related("campaign", "parent"), pk=pk)


def latest_run(campaign: Campaign) -> ThemeRun | None:
    return campaign.theme_runs.order_by("-created_at", "-id").first()


@dataclass
class MonthBar:
    month: dt.date
    count: int
    share: float  # of that month's themed conversations
    few: bool = False  # too few conversations that month for its share to mean much
    x: float = 0.0
    y: float = 0.0
    width: float = 0.0
    height: float = 0.0


@dataclass
class ThemeSummary:
    theme: Theme
    share: float
    bar: float = 0.0  # the share bar's length: the largest theme fills it
    quotes: list[Quote] = field(default_factory=list)
    why: list[str] = field(default_factory=list)
    hope: list[str] = field(default_factory=list)
    months: list[MonthBar] = field(default_factory=list)
    by_place: dict[int | None, int] = field(default_factory=dict)
    children: list[ThemeSummary] = field(default_factory=list)  # its sub-themes, largest first

    @property
    def opened(self) -> list[ThemeSummary]:
        """The sub-themes the page lists under a broad theme (none under a narrow one)."""
        return self.children if self.share >= OPEN_ABOVE else []


@dataclass
class PlaceColumn:
    id: int | None
    name: str
    total: int


@dataclass
class PlaceCell:
    count: int
    share: float  # of that neighbourhood's themed conversations
    ratio: float  # share here ÷ the theme's share overall: > 1 means raised more here
    few: bool = False  # too few conversations in that neighbourhood to compare

    @property
    def raised_more(self) -> bool:
        return not self.few and self.count >= 3 and self.ratio >= 1.5


@dataclass
class ThemesPage:
    campaign: Campaign
    summaries: list[ThemeSummary]
    themed: int  # conversations with an assignment (a theme or unclear)
    unclear: int
    waiting: int  # recorded but not assigned yet (the worker is behind, or never ran)
    months: list[dt.date]
    places: list[PlaceColumn]
    rows: list[tuple[ThemeSummary, list[PlaceCell]]]  # each theme, then its sub-themes
    run: ThemeRun | None


def themes_page(membership: Membership, campaign: Campaign) -> ThemesPage:
    """Everything the Themes page shows, in a fixed number of queries whatever the campaign's
    size: sizes and shares, three shareable quotes per theme, months and neighbourhoods."""
    themes = list(themes_for(membership, campaign).defer("prototypes"))
    placed = ThemeAssignment.objects.filter(campaign=campaign)
    # Two queries, each read from an index alone: together, SQLite read every row for the
    # newest stamp (100 ms at 90,000 conversations).
    counts = placed.aggregate(themed=Count("id"), unclear=Count("id", filter=Q(theme__isnull=True)))
    counts |= placed.aggregate(last_placed=Max("assigned_at"))
    conversation_count = conversations_for(membership).filter(campaign=campaign).count()
    themed = counts["themed"] or 0
    largest = max((t.size for t in themes), default=0) or 1

    def summary(theme: Theme) -> ThemeSummary:
        return ThemeSummary(theme, theme.size / themed if themed else 0.0, theme.size / largest)

    summaries = [summary(t) for t in themes]
    by_id = {s.theme.pk: s for s in summaries}
    subthemes = Theme.objects.filter(parent__in=themes).defer("prototypes").order_by("-size", "id")
    for sub in subthemes:
        by_id[sub.pk] = summary(sub)
        by_id[sub.parent_id].children.append(by_id[sub.pk])

    _attach_highlights(themes, by_id)
    sizes = sorted((pk, s.theme.size) for pk, s in by_id.items())
    state = (counts["themed"], counts["last_placed"], sizes)
    months, places = _spread(membership, campaign, by_id, state)
    rows = [(s, _place_cells(s, places)) for top in summaries for s in (top, *top.opened)]
    return ThemesPage(
        campaign=campaign,
        summaries=summaries,
        themed=themed,
        unclear=counts["unclear"] or 0,
        waiting=max(conversation_count - themed, 0),
        months=months,
        places=places,
        rows=rows,
        run=latest_run(campaign),
    )


def highlight_candidates(
    campaign: Campaign, theme_ids: list[int], preferred: dict[int, list] | None = None
) -> dict[int, dict]:
    """For each theme, the ids of the quotes, why and hope answers of its most central
    conversations: {"quotes": [...], "why": [...], "hope": [...]}, best first.

    Window queries over the whole campaign, so they run when themes change (a run, a merge, a
    split, a move), not on every page view; the page re-checks consent and membership.
    """
    found: dict[int, dict] = {pk: {"quotes": [], "why": [], "hope": []} for pk in theme_ids}
    if not theme_ids:
        return found
    assignment = "conversation__theme_assignment__"
    central = [F(f"{assignment}score").desc(), F("id")]
    quotes = (
        Quote.objects.filter(
            conversation__campaign=campaign,
            consent__in=SHAREABLE,
            **{f"{assignment}theme_id__in": theme_ids},
        )
        .alias(length=Length("text"))
        .filter(length__gt=0, length__lte=QUOTE_MAX_CHARS)
        .annotate(
            theme_id=F(f"{assignment}theme_id"),
            rank=Window(RowNumber(), partition_by=F(f"{assignment}theme_id"), order_by=central),
        )
        .filter(rank__lte=CANDIDATES)
        .order_by("theme_id", "rank")
    )
    # The analysis' picks first (typical and unlike each other), then the most central.
    wanted = {cid: theme_id for theme_id, cids in (preferred or {}).items() for cid in cids}
    picked = (
        Quote.objects.filter(conversation_id__in=list(wanted), consent__in=SHAREABLE)
        .alias(length=Length("text"))
        .filter(length__gt=0, length__lte=QUOTE_MAX_CHARS)
        .values_list("conversation_id", "pk")
    )
    order = {cid: k for cids in (preferred or {}).values() for k, cid in enumerate(cids)}
    for cid, pk in sorted(picked, key=lambda row: (order[row[0]], row[1])):
        if wanted[cid] in found:
            found[wanted[cid]]["quotes"].append(pk)
    for theme_id, pk in quotes.values_list("theme_id", "pk"):
        if pk not in found[theme_id]["quotes"]:
            found[theme_id]["quotes"].append(pk)
    answers = (
        Answer.objects.filter(
            conversation__campaign=campaign,
            question__purpose__in=[Purpose.WHY, Purpose.HOPE],
            **{f"{assignment}theme_id__in": theme_ids},
        )
        .alias(length=Length("text"))
        .filter(length__gte=12, length__lte=WHY_HOPE_MAX_CHARS)
        .annotate(
            theme_id=F(f"{assignment}theme_id"),
            purpose=F("question__purpose"),
            rank=Window(
                RowNumber(),
                partition_by=[F(f"{assignment}theme_id"), F("question__purpose")],
                order_by=central,
            ),
        )
        .filter(rank__lte=CANDIDATES)
        .order_by("theme_id", "purpose", "rank")
    )
    for theme_id, purpose, pk in answers.values_list("theme_id", "purpose", "pk"):
        found[theme_id][purpose].append(pk)
    return found


def highlights_of(theme: Theme, lines: int = 4) -> ThemeSummary:
    """One theme's shareable quotes and why/hope lines, for its own page."""
    summary = ThemeSummary(theme, 0.0)
    _attach_highlights([theme], {theme.pk: summary}, lines=lines)
    return summary


def _attach_highlights(
    themes: list[Theme], by_id: dict[int, ThemeSummary], lines: int = WHY_HOPE_PER_THEME
) -> None:
    """Quotes and why/hope lines chosen when the themes last changed, fetched by id (two
    queries), keeping only quotes whose consent still allows it, of conversations still in
    the theme."""
    wanted = {t.pk: t.highlights or {} for t in themes}
    in_theme = "conversation__theme_assignment__theme_id"
    quote_ids = [pk for h in wanted.values() for pk in h.get("quotes", [])]
    quotes = {
        q.pk: q
        for q in Quote.objects.filter(pk__in=quote_ids, consent__in=SHAREABLE).annotate(
            theme_id=F(in_theme),
            place_name=F("conversation__place__name"),
            held_on=F("conversation__held_on"),
        )
    }
    answer_ids = [pk for h in wanted.values() for key in ("why", "hope") for pk in h.get(key, [])]
    answers = {
        pk: (theme_id, text)
        for pk, theme_id, text in Answer.objects.filter(pk__in=answer_ids)
        .annotate(theme_id=F(in_theme))
        .values_list("pk", "theme_id", "text")
    }
    for theme_id, chosen in wanted.items():
        summary = by_id[theme_id]
        summary.quotes = _unlike(
            [
                quotes[pk]
                for pk in chosen.get("quotes", [])
                if pk in quotes and quotes[pk].theme_id == theme_id
            ]
        )[:QUOTES_PER_THEME]
        for key in ("why", "hope"):
            found = [
                answers[pk][1]
                for pk in chosen.get(key, [])
                if pk in answers and answers[pk][0] == theme_id
            ]
            setattr(summary, key, found[:lines])


def month_span(campaign: Campaign) -> tuple[dt.date, dt.date]:
    """The first and last month the campaign's charts may show: from the earliest date a
    conversation may carry (a year before the campaign starts) to the campaign's end, or today
    while it runs. A date stored outside it (from before capture refused it, or written to the
    database directly) cannot stretch the axis: one dated 0001-01-01 once made the page 65 MB."""
    today = timezone.localdate()
    last = min(campaign.ends_on, today) if campaign.ends_on else today
    return campaign.earliest_conversation_date.replace(day=1), last.replace(day=1)


def _month_range(first: dt.date, last: dt.date) -> list[dt.date]:
    months, month = [], first.replace(day=1)
    while month <= last:
        months.append(month)
        month = (month + dt.timedelta(days=32)).replace(day=1)
    return months


SPARK_WIDTH, SPARK_HEIGHT = 240, 40


def _lay_out_bars(charts: list[list[MonthBar]]) -> None:
    """Positions for the inline SVG month bars. Each theme has its own scale (its busiest month
    is full height): the bars show when a theme rose and fell; the tooltips give the numbers.
    One shared scale would flatten every theme but the largest."""
    for bars in charts:
        if not bars:
            continue
        # A month of two conversations is 50% of anything: it is drawn faint, off the scale.
        tallest = max((bar.share for bar in bars if not bar.few), default=0.0) or 1.0
        step = SPARK_WIDTH / len(bars)
        for i, bar in enumerate(bars):
            bar.x = round(i * step + step * 0.1, 2)
            bar.width = round(step * 0.8, 2)
            height = min(bar.share / tallest, 1.0) * SPARK_HEIGHT
            bar.height = round(max(height, 1.5 if bar.count else 0), 2)
            bar.y = round(SPARK_HEIGHT - bar.height, 2)


def _unlike(quotes: list[Quote]) -> list[Quote]:
    """Leave out a quote that mostly repeats one already shown (the same words said twice)."""
    kept: list[tuple[Quote, set[str]]] = []
    for quote in quotes:
        said = set(words(quote.text))
        if all(len(said & other) < 0.6 * min(len(said), len(other)) for _, other in kept):
            kept.append((quote, said))
    return [quote for quote, _ in kept]


def spread_counts(campaign: Campaign, state: tuple) -> tuple[list, list]:
    """How many of the campaign's placed conversations each (theme, sub-theme) holds per place
    and per month ("YYYY-MM"): two GROUP BYs over the campaign's conversations, a few thousand
    rows at most whatever its size (one GROUP BY of all four returned one row per theme, place
    and month: 22,000 rows to add up at 40,000 conversations).

    Each is a scan of an index of the campaign's assignments (10-30 ms on SQLite at 90,000
    conversations; 100 ms each when counted through the conversations), and they are cached
    by everything that changes them: `state` (the campaign's placed conversations:
    how many, the last placing, as every write of a placement stamps `assigned_at`; and the
    ids and sizes of its themes and sub-themes: a merge, split or re-run changes them, and a
    deleted theme leaves its conversations unplaced without a stamp), and the last correction
    of any conversation (a correction is how a date or a place changes). Places are kept as
    ids and months as labels: which neighbourhood a turf sits in, and which months the chart
    shows, are worked out on every view."""
    last_change = ConversationChange.objects.aggregate(last=Max("pk"))["last"]
    digest = hashlib.sha256(repr((campaign.pk, state, last_change)).encode()).hexdigest()
    key = f"themes:spread:{digest}"
    found = cache.get(key)
    if found is not None:
        return found
    # By campaign alone: the campaign came through an access helper and only organizers and
    # admins (who see all of it) get here. The assignments carry their conversation's place and
    # date, so both counts are read from an index of this table alone.
    placed = ThemeAssignment.objects.filter(campaign=campaign)
    in_themes = ("theme_id", "subtheme_id")
    by_place = list(placed.values_list(*in_themes, "place_id").annotate(n=Count("pk")).order_by())
    # By day, added up into months here: grouped by an expression, SQLite sorted every row in a
    # temporary tree (twice as slow as reading the index in its own order).
    months: Counter = Counter()
    for theme, subtheme, day, n in (
        placed.values_list(*in_themes, "held_on").annotate(n=Count("pk")).order_by()
    ):
        months[(theme, subtheme, f"{day.year:04d}-{day.month:02d}" if day else None)] += n
    by_month = [(*key, n) for key, n in months.items()]
    cache.set(key, (by_place, by_month), SPREAD_CACHE_SECONDS)
    return by_place, by_month


def _spread(membership, campaign, by_id: dict[int, ThemeSummary], state: tuple):
    """Months and neighbourhoods of every theme, from `spread_counts`. A turf counts toward the
    neighbourhood it sits in. A conversation dated outside the campaign's `month_span` counts
    toward its neighbourhood but is left out of the month bars."""
    by_place_rows, by_month_rows = spread_counts(campaign, state)
    places = {
        p.pk: p
        for p in Place.objects.filter(organization=membership.organization).only(
            "id", "name", "kind", "parent_id"
        )
    }

    def neighbourhood(place_id: int | None) -> int | None:
        place = places.get(place_id) if place_id is not None else None
        if place is not None and place.kind == Place.Kind.TURF and place.parent_id in places:
            return place.parent_id
        return place_id if place is not None else None

    place_totals: dict[int | None, int] = {}
    for theme_id, subtheme_id, place_id, n in by_place_rows:
        key = neighbourhood(place_id)
        place_totals[key] = place_totals.get(key, 0) + n
        for summary in (by_id.get(theme_id), by_id.get(subtheme_id)):
            if summary is not None:
                summary.by_place[key] = summary.by_place.get(key, 0) + n

    first, last = month_span(campaign)
    month_totals: dict[dt.date, int] = {}
    theme_months: dict[int, dict[dt.date, int]] = {}
    for theme_id, subtheme_id, label, n in by_month_rows:
        if label is None:  # no date copied: counted in its neighbourhood, in no month
            continue
        month = dt.date(int(label[:4]), int(label[5:7]), 1)
        if not first <= month <= last:
            continue
        month_totals[month] = month_totals.get(month, 0) + n
        for pk in (theme_id, subtheme_id):
            if pk in by_id:
                counts = theme_months.setdefault(pk, {})
                counts[month] = counts.get(month, 0) + n
    months = _month_range(min(month_totals), max(month_totals)) if month_totals else []
    for theme_id, summary in by_id.items():
        counts = theme_months.get(theme_id, {})
        summary.months = [
            MonthBar(
                m,
                counts.get(m, 0),
                counts.get(m, 0) / month_totals[m] if m in month_totals else 0.0,
                few=month_totals.get(m, 0) < FEW,
            )
            for m in months
        ]
    _lay_out_bars([s.months for s in by_id.values()])
    columns = [
        PlaceColumn(key, places[key].name if key is not None else _("No place noted"), n)
        for key, n in place_totals.items()
    ]
    columns.sort(key=lambda c: (c.id is None, -c.total, c.name))
    return months, columns


def _place_cells(summary: ThemeSummary, places: list[PlaceColumn]) -> list[PlaceCell]:
    cells = []
    for place in places:
        count = summary.by_place.get(place.id, 0)
        share = count / place.total if place.total else 0.0
        ratio = share / summary.share if summary.share else 0.0
        cells.append(PlaceCell(count, share, ratio, few=place.total < FEW))
    return cells


def theme_conversations(membership: Membership, campaign: Campaign, theme: Theme | None):
    """A theme's conversations (or the campaign's unclear ones), most central first, with what
    the page shows of each."""
    conversations = conversations_for(membership).filter(campaign=campaign)
    if theme is None:
        conversations = conversations.filter(theme_assignment__theme__isnull=True).exclude(
            theme_assignment__isnull=True
        )
    else:
        conversations = conversations.filter(theme_assignment__theme=theme)
    return (
        conversations.select_related("place", "theme_assignment", "theme_assignment__subtheme")
        .prefetch_related(
            "answers__question",
            Prefetch("quotes", queryset=Quote.objects.order_by("id")),
            Prefetch("participants", queryset=Participant.objects.select_related("person")),
        )
        .order_by("-theme_assignment__score", "-held_on", "pk")
    )


def describe(conversations) -> list:
    """What the theme page shows of each conversation: its note (the answers that were
    grouped) and only the quotes whose consent lets the team see them."""
    conversations = list(conversations)
    for conversation in conversations:
        answers = [a for a in conversation.answers.all() if a.text.strip()]
        conversation.note_answers = (
            [a for a in answers if a.question.purpose in NOTE_PURPOSES]
            or [a for a in answers if a.question.purpose in SECOND_CHOICE]
            or answers
        )
        conversation.shareable_quotes = [
            q for q in conversation.quotes.all() if q.consent in SHAREABLE
        ]
    return conversations


def campaigns_with_themes(membership: Membership) -> QuerySet[Campaign]:
    """The organization's campaigns with how many themes each has (none for a volunteer)."""
    campaigns = campaigns_for(membership)
    if not membership.is_staff_role:
        campaigns = campaigns.none()
    return campaigns.annotate(
        theme_count=Count("themes", filter=Q(themes__parent=None), distinct=True),
        conversation_count=Count("conversations", distinct=True),
    ).order_by("-is_active", "-starts_on", "name")
