"""The demo's action plan: what Riverside Neighbors United chose at its organizing meeting.

The demo's themes are found by `heard run` after the demo is loaded (the builder does not run
the embedding model), so the plan is made then, from the main campaign's largest themes: the
meeting chose the three issues raised most. Its actions are generic organizing work (the data
below), owned by the team or by the neighbours who said yes in that theme's conversations, in a
fixed order, so the plan is the same on every first start.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from heard.accounts.models import Membership
from heard.campaigns.models import Campaign, Event
from heard.commitments.models import Commitment
from heard.conversations.models import Participant, Response
from heard.plans import services
from heard.plans.models import ActionPlan
from heard.themes.queries import themes_for

MAIN_CAMPAIGN = "Listening to Millbrook"
THEMES_CHOSEN = 3
#: The meeting's notes: {theme} is the theme's name.
CHALLENGE = (
    "Neighbors brought up “{theme}” at the door, at the festival tables and in one-to-ones. "
    "Many feel they face it alone and do not know who decides."
)
OPPORTUNITY = (
    "People who have never met share this concern across neighborhoods, and several said yes "
    "to a next step: we can act on it together before winter."
)
#: (what, owner: a teammate's username or "yes" for a neighbour who said yes, hours, days after
#: the meeting, status, and whether it is followed up at the campaign's latest house meeting)
ACTIONS = [
    (
        "House meeting with the neighbors who raised it",
        "yes",
        "3",
        10,
        "done",
        True,
    ),
    ("Find out who decides: officials, owners and agencies", "organizer", "6", 21, "doing", False),
    (
        "One-page fact sheet with their stories (consent permitting)",
        "voluntaria",
        "4",
        28,
        "planned",
        False,
    ),
    ("Bring twenty neighbors to the next city council session", "yes", "8", 45, "planned", False),
]
MEETING_DAY = dt.date(2026, 11, 12)


def make_demo_plan(log=print) -> ActionPlan | None:
    """Choose the main campaign's largest themes and add the meeting's actions; nothing when
    the plan exists already or there are no themes yet."""
    campaign = Campaign.objects.filter(name=MAIN_CAMPAIGN).first()
    if campaign is None or ActionPlan.objects.filter(campaign=campaign).exists():
        return None
    organizer = Membership.objects.filter(
        organization=campaign.organization, user__username="organizer"
    ).first()
    # The meeting chooses from what the Themes page shows the organizer, largest first.
    themes = list(themes_for(organizer, campaign)[:THEMES_CHOSEN]) if organizer else []
    if not themes:
        return None
    members = {
        m.user.username: m.user_id
        for m in Membership.objects.filter(organization=campaign.organization).select_related(
            "user"
        )
    }
    meeting = (
        Event.objects.filter(campaign=campaign, kind=Event.Kind.HOUSE_MEETING)
        .order_by("-starts_at", "id")
        .first()
    )
    plan = services.choose_themes(by=organizer, campaign=campaign, themes=themes)
    for chosen in plan.themes.select_related("theme"):
        services.write_theme_notes(
            by=organizer,
            plan_theme=chosen,
            challenge=CHALLENGE.format(theme=chosen.title),
            opportunity=OPPORTUNITY,
        )
        said_yes = list(
            Participant.objects.filter(
                conversation__theme_assignment__theme=chosen.theme,
                conversation__next_step_response=Response.YES,
            )
            .select_related("person")
            .order_by("person__name", "person_id")[:2]
        )
        # The first promise made in one of its conversations: its progress shows beside the
        # action that follows it up.
        promise = (
            Commitment.objects.filter(conversation__theme_assignment__theme=chosen.theme)
            .order_by("due_on", "id")
            .first()
        )
        for n, (what, owner, hours, days, status, at_meeting) in enumerate(ACTIONS):
            person = said_yes[n % len(said_yes)].person if said_yes and owner == "yes" else None
            services.add_action(
                by=organizer,
                plan_theme=chosen,
                details=services.ActionDetails(
                    what=what,
                    owner_member_id=members.get(owner) if owner != "yes" else None,
                    owner_person=person,
                    hours=Decimal(hours),
                    due_on=MEETING_DAY + dt.timedelta(days=days),
                    status=status,
                    event=meeting if at_meeting else None,
                    commitment=promise if n == len(ACTIONS) - 1 else None,
                ),
            )
    log(f"  Action plan: {len(themes)} themes chosen, {len(themes) * len(ACTIONS)} actions.")
    return plan
