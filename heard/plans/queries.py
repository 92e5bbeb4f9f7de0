"""Reads of action plans, scoped to the asking membership, and what a plan shows.

Who reads a plan: the plan is what the organization hands out at its next meeting, so staff
and, unless the organization's administrator keeps plans to staff
(`Organization.volunteers_read_plans`), member volunteers read it (`may_read_plan`); only staff
change it (`may_edit_plan`). What a reader sees of it follows the rules of the rest of Heard:
- people (who raised a theme, who said yes, a neighbour who owns an action) are named only when
  `people_for(membership)` holds them; the others are counted, never named;
- quotes are those the team may share (`SHARED_QUOTES`, as the Themes pages), and among them
  only those `quotes_seen_by` the reader; an export, handed out on paper, uses the same;
- why/hope answers come only from conversations the reader may open (`conversations_for`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db.models import F, Prefetch, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from heard.accounts.models import Membership
from heard.accounts.queries import members_for
from heard.campaigns.models import Campaign
from heard.campaigns.queries import campaigns_for, events_for
from heard.commitments.models import Commitment
from heard.commitments.queries import commitments_for
from heard.conversations.models import Answer, Participant, Quote, Response
from heard.conversations.queries import conversations_for
from heard.people.consent import SHARED_QUOTES, quotes_seen_by
from heard.people.queries import people_for
from heard.themes.models import Theme
from heard.themes.queries import themes_for

from .models import ActionPlan, PlanAction, PlanTheme

QUOTES_PER_THEME = 3
HOPES_PER_THEME = 3
#: Names listed under a theme; the rest are counted ("and 12 more").
NAMES_SHOWN = 12


def may_read_plan(membership: Membership) -> bool:
    """Staff always; volunteers when the organization shares its plans with them."""
    return membership.is_staff_role or membership.organization.volunteers_read_plans


def may_edit_plan(membership: Membership) -> bool:
    return membership.is_staff_role


def plans_for(membership: Membership) -> QuerySet[ActionPlan]:
    plans = ActionPlan.objects.filter(campaign__organization=membership.organization)
    if not may_read_plan(membership):
        plans = plans.none()
    return plans


def get_plan_campaign_for(membership: Membership, pk) -> Campaign:
    """The campaign whose plan is asked for (404 outside the organization; 403 for a volunteer
    of an organization that keeps its plans to staff)."""
    campaign = get_object_or_404(campaigns_for(membership), pk=pk)
    if not may_read_plan(membership):
        raise PermissionDenied(_("Your organization keeps its action plans to organizers."))
    return campaign


def plan_of(membership: Membership, campaign: Campaign) -> ActionPlan | None:
    return plans_for(membership).filter(campaign=campaign).first()


def get_plan_theme_for(membership: Membership, pk) -> PlanTheme:
    return get_object_or_404(
        PlanTheme.objects.filter(plan__in=plans_for(membership)).select_related(
            "plan__campaign", "theme"
        ),
        pk=pk,
    )


def get_action_for(membership: Membership, pk) -> PlanAction:
    return get_object_or_404(
        PlanAction.objects.filter(plan_theme__plan__in=plans_for(membership)).select_related(
            "plan_theme__plan__campaign"
        ),
        pk=pk,
    )


def theme_choices(membership: Membership, campaign: Campaign) -> QuerySet[Theme]:
    """Themes a meeting may choose from: the campaign's top-level themes, read as the Themes
    page reads them (staff only)."""
    return themes_for(membership, campaign)


def commitment_choices(membership: Membership, plan_theme: PlanTheme) -> QuerySet[Commitment]:
    """Promises an action may follow up: those made in the theme's conversations (a whole
    campaign's would be a list of thousands)."""
    commitments = commitments_for(membership).filter(
        conversation__campaign_id=plan_theme.plan.campaign_id
    )
    if plan_theme.theme_id is not None:
        commitments = commitments.filter(
            conversation__theme_assignment__theme_id=plan_theme.theme_id
        )
    return commitments.select_related("person", "owner").order_by("due_on", "id")


def event_choices(membership: Membership, campaign: Campaign):
    return events_for(membership).filter(campaign=campaign).order_by("starts_at", "id")


@dataclass
class ActionRow:
    action: PlanAction
    owner: str  # "" when nobody owns it yet
    commitment: str = ""  # the linked promise, as the reader may see it
    event: str = ""


@dataclass
class Progress:
    done: int = 0
    total: int = 0  # dropped actions are not counted
    hours_done: Decimal = Decimal(0)
    hours_total: Decimal = Decimal(0)

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0

    def add(self, action: PlanAction) -> None:
        if action.status == PlanAction.Status.DROPPED:
            return
        self.total += 1
        self.hours_total += action.hours or 0
        if action.status == PlanAction.Status.DONE:
            self.done += 1
            self.hours_done += action.hours or 0


@dataclass
class ThemeInPlan:
    plan_theme: PlanTheme
    conversations: int = 0
    quotes: list[Quote] = field(default_factory=list)
    hopes: list[str] = field(default_factory=list)
    hope_words: list[str] = field(default_factory=list)  # the theme's recurring hope phrases
    raised_by: list[str] = field(default_factory=list)  # names the reader may see
    raised_count: int = 0  # everyone, named or not
    said_yes: list[str] = field(default_factory=list)
    said_yes_count: int = 0
    actions: list[ActionRow] = field(default_factory=list)
    progress: Progress = field(default_factory=Progress)
    bar: int = 0  # the conversations bar's length: the largest chosen theme fills it

    @property
    def title(self) -> str:
        return self.plan_theme.title

    @property
    def raised_more(self) -> int:
        return self.raised_count - len(self.raised_by)

    @property
    def said_yes_more(self) -> int:
        return self.said_yes_count - len(self.said_yes)


@dataclass
class PlanPage:
    campaign: Campaign
    plan: ActionPlan | None
    themes: list[ThemeInPlan]
    progress: Progress
    made_on: dt.date
    organization: str

    @property
    def title(self) -> str:
        """The plan's heading on the page and on both exports."""
        if self.plan is not None and self.plan.title:
            return self.plan.title
        return _("%(campaign)s: our plan") % {"campaign": self.campaign.name}


def plan_page(membership: Membership, campaign: Campaign) -> PlanPage:
    """Everything a plan shows (the page and both exports), as the reader may see it."""
    plan = plan_of(membership, campaign)
    chosen: list[PlanTheme] = []
    if plan is not None:
        chosen = list(
            plan.themes.select_related("theme").prefetch_related(
                Prefetch(
                    "actions",
                    queryset=PlanAction.objects.select_related(
                        "owner_member", "owner_person", "commitment", "event"
                    ).order_by(F("due_on").asc(nulls_last=True), "id"),
                )
            )
        )
    themes = [ThemeInPlan(pt) for pt in chosen]
    _attach_people(membership, campaign, themes)
    _attach_words(membership, themes)
    _attach_actions(membership, themes)
    most = max((t.conversations for t in themes), default=0) or 1
    total = Progress()
    for theme in themes:
        theme.bar = round(100 * theme.conversations / most)
        for row in theme.actions:
            total.add(row.action)
    return PlanPage(
        campaign=campaign,
        plan=plan,
        themes=themes,
        progress=total,
        made_on=timezone.localdate(),
        organization=membership.organization.name,
    )


def _attach_people(membership, campaign, themes: list[ThemeInPlan]) -> None:
    """Who raised each theme and who said yes to a next step: counted over everyone, named
    only when the reader may see them (one query for the participants, one for who is
    visible)."""
    by_theme = {t.plan_theme.theme_id: t for t in themes if t.plan_theme.theme_id}
    if not by_theme:
        return
    for t in themes:
        if t.plan_theme.theme is not None:
            t.conversations = t.plan_theme.theme.size
    rows = (
        Participant.objects.filter(
            conversation__campaign=campaign,
            conversation__theme_assignment__theme_id__in=list(by_theme),
        )
        .values_list(
            "conversation__theme_assignment__theme_id",
            "person_id",
            "person__name",
            "conversation__next_step_response",
        )
        .order_by("person__name", "person_id")
    )
    rows = list(rows)
    visible = set(
        people_for(membership)
        .filter(pk__in={person_id for _, person_id, _, _ in rows})
        .values_list("pk", flat=True)
    )
    seen: dict[int, set[int]] = {}
    yes_seen: dict[int, set[int]] = {}
    for theme_id, person_id, name, response in rows:
        t = by_theme[theme_id]
        if person_id not in seen.setdefault(theme_id, set()):
            seen[theme_id].add(person_id)
            t.raised_count += 1
            if person_id in visible and len(t.raised_by) < NAMES_SHOWN:
                t.raised_by.append(name)
        if response == Response.YES and person_id not in yes_seen.setdefault(theme_id, set()):
            yes_seen[theme_id].add(person_id)
            t.said_yes_count += 1
            if person_id in visible and len(t.said_yes) < NAMES_SHOWN:
                t.said_yes.append(name)


def _attach_words(membership, themes: list[ThemeInPlan]) -> None:
    """Quotes and hopes chosen when the theme last changed (`Theme.highlights`), consent and
    access re-checked as they are read: two queries for every theme together."""
    with_theme = [t for t in themes if t.plan_theme.theme is not None]
    quote_ids, hope_ids = [], []
    for t in with_theme:
        chosen = t.plan_theme.theme.highlights or {}
        quote_ids += chosen.get("quotes", [])
        hope_ids += chosen.get("hope", [])
    in_theme = "conversation__theme_assignment__theme_id"
    quotes = {
        q.pk: q
        for q in Quote.objects.filter(pk__in=quote_ids, consent__in=SHARED_QUOTES)
        .filter(quotes_seen_by(membership))
        .annotate(theme_id=F(in_theme), held_on=F("conversation__held_on"))
        .select_related("conversation__place")
    }
    hopes = {
        pk: (theme_id, text)
        for pk, theme_id, text in Answer.objects.filter(
            pk__in=hope_ids, conversation__in=conversations_for(membership)
        )
        .annotate(theme_id=F(in_theme))
        .values_list("pk", "theme_id", "text")
    }
    for t in with_theme:
        theme = t.plan_theme.theme
        chosen = theme.highlights or {}
        t.quotes = _once(
            [
                quotes[pk]
                for pk in chosen.get("quotes", [])
                if pk in quotes and quotes[pk].theme_id == theme.pk
            ],
            lambda q: q.text,
        )[:QUOTES_PER_THEME]
        lines = [hopes[pk][1] for pk in chosen.get("hope", []) if pk in hopes]
        t.hopes = _once([text for text in lines if text], str)[:HOPES_PER_THEME]
        # The theme's hope phrases are words of many, never one person's: everyone reads them.
        t.hope_words = [p for p in (theme.hope_phrases or []) if p][:HOPES_PER_THEME]


def _once(items: list, text_of) -> list:
    """Each text once: a line many neighbours said alike is printed once on a handout."""
    seen, kept = set(), []
    for item in items:
        key = " ".join(text_of(item).lower().split())
        if key not in seen:
            seen.add(key)
            kept.append(item)
    return kept


def _attach_actions(membership, themes: list[ThemeInPlan]) -> None:
    person_ids = {
        row.owner_person_id
        for t in themes
        for row in t.plan_theme.actions.all()
        if row.owner_person_id
    }
    visible = set(people_for(membership).filter(pk__in=person_ids).values_list("pk", flat=True))
    commitment_ids = {
        a.commitment_id for t in themes for a in t.plan_theme.actions.all() if a.commitment_id
    }
    readable = set(
        commitments_for(membership).filter(pk__in=commitment_ids).values_list("pk", flat=True)
    )
    for t in themes:
        for action in t.plan_theme.actions.all():
            t.actions.append(_row(action, visible, readable))
            t.progress.add(action)


def _row(action: PlanAction, visible: set[int], readable: set[int]) -> ActionRow:
    if action.owner_member is not None:
        owner = action.owner_member.get_full_name() or action.owner_member.get_username()
    elif action.owner_person is not None:
        owner = action.owner_person.name if action.owner_person_id in visible else "A neighbour"
    else:
        owner = ""
    commitment = ""
    if action.commitment_id in readable:
        c = action.commitment
        commitment = f"{c.what} ({c.get_status_display().lower()}, due {c.due_on:%-d %b})"
    event = ""
    if action.event is not None:
        event = f"{action.event.title}, {timezone.localtime(action.event.starts_at):%-d %b %Y}"
    return ActionRow(action, owner, commitment, event)


def owner_choices(membership: Membership, campaign: Campaign) -> list[tuple[str, str]]:
    """Who may own an action: a member of the team, or a neighbour of the campaign who said yes
    to a next step (the leaders the conversations found), among the people the member sees."""
    members = [
        (f"member:{m.user_id}", m.display_name)
        for m in members_for(membership).filter(user__is_active=True).order_by("user__username")
    ]
    yes = (
        people_for(membership)
        .filter(
            participations__conversation__campaign=campaign,
            participations__conversation__next_step_response=Response.YES,
        )
        .distinct()
        .order_by("name", "id")
        .values_list("pk", "name")[:300]
    )
    choices: list = [("", _("Nobody yet")), (_("Team"), members)]
    people = [(f"person:{pk}", name) for pk, name in yes]
    if people:
        choices.append((_("Neighbours who said yes"), people))
    return choices
