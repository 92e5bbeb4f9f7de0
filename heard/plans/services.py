"""Writes for action plans: choosing the themes, the meeting's notes on each, and the actions
with their owner, hours, date and status. Staff only; each write is one transaction and checks
that everything it links belongs to the plan's organization."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from heard.accounts.models import Membership
from heard.campaigns.models import Campaign, Event
from heard.commitments.models import Commitment
from heard.people.models import Person
from heard.themes.models import Theme

from .models import ActionPlan, PlanAction, PlanTheme
from .queries import may_edit_plan


def _check(by: Membership, campaign: Campaign) -> None:
    if not may_edit_plan(by) or campaign.organization_id != by.organization_id:
        raise PermissionDenied(_("Only the organization's organizers change its plan."))


def choose_themes(*, by: Membership, campaign: Campaign, themes: list[Theme]) -> ActionPlan:
    """Make the plan hold exactly these themes, in this order. A theme left out that already
    has actions stays in the plan (its work is not thrown away by an unticked box); the
    returned plan's `kept` lists those titles."""
    _check(by, campaign)
    if any(t.campaign_id != campaign.pk or t.parent_id is not None for t in themes):
        raise ValidationError(_("Choose among this campaign's themes."))
    with transaction.atomic():
        plan, _created = ActionPlan.objects.select_for_update().get_or_create(
            campaign=campaign,
            defaults={"title": _("%(campaign)s: our plan") % {"campaign": campaign.name}},
        )
        current = {pt.theme_id: pt for pt in plan.themes.all()}
        wanted = [t.pk for t in themes]
        kept = []
        for theme_id, pt in current.items():
            if theme_id not in wanted:
                if pt.actions.exists():
                    kept.append(pt.title)
                else:
                    pt.delete()
        for position, theme in enumerate(themes):
            pt = current.get(theme.pk)
            if pt is None:
                PlanTheme.objects.create(
                    plan=plan, theme=theme, title=theme.title, position=position
                )
            elif pt.position != position:
                pt.position = position
                pt.save(update_fields=["position"])
        plan.save(update_fields=["updated_at"])
    plan.kept = kept
    return plan


def write_theme_notes(
    *, by: Membership, plan_theme: PlanTheme, challenge: str, opportunity: str
) -> PlanTheme:
    """The meeting's own words on a chosen theme: the challenge and the opportunity."""
    _check(by, plan_theme.plan.campaign)
    with transaction.atomic():
        plan_theme.challenge = challenge.strip()[:2000]
        plan_theme.opportunity = opportunity.strip()[:2000]
        plan_theme.save(update_fields=["challenge", "opportunity"])
        plan_theme.plan.save(update_fields=["updated_at"])
    return plan_theme


@dataclass
class ActionDetails:
    what: str
    owner_member_id: int | None = None
    owner_person: Person | None = None
    hours: Decimal | None = None
    due_on: dt.date | None = None
    status: str = PlanAction.Status.PLANNED
    commitment: Commitment | None = None
    event: Event | None = None


def _apply(by: Membership, action: PlanAction, details: ActionDetails) -> None:
    org = by.organization_id
    if details.owner_person is not None and details.owner_person.organization_id != org:
        raise ValidationError(_("The owner must be one of the organization's people."))
    if (
        details.owner_member_id is not None
        and not by.organization.memberships.filter(user_id=details.owner_member_id).exists()
    ):
        raise ValidationError(_("The owner must be a member of the organization."))
    if details.commitment is not None and details.commitment.organization_id != org:
        raise ValidationError(_("Link one of the organization's commitments."))
    if details.event is not None and details.event.organization_id != org:
        raise ValidationError(_("Link one of the organization's events."))
    if not details.what.strip():
        raise ValidationError(_("Say what the action is."))
    if details.status not in PlanAction.Status.values:
        raise ValidationError(_("Unknown status."))
    action.what = details.what.strip()[:300]
    action.owner_member_id = details.owner_member_id
    action.owner_person = details.owner_person if details.owner_member_id is None else None
    action.hours = details.hours
    action.due_on = details.due_on
    action.status = details.status
    action.commitment = details.commitment
    action.event = details.event
    action.full_clean(exclude=["plan_theme"])
    action.save()


def add_action(*, by: Membership, plan_theme: PlanTheme, details: ActionDetails) -> PlanAction:
    """A new action under a chosen theme."""
    _check(by, plan_theme.plan.campaign)
    with transaction.atomic():
        action = PlanAction(plan_theme=plan_theme)
        _apply(by, action, details)
        plan_theme.plan.save(update_fields=["updated_at"])
    return action


def change_action(*, by: Membership, action: PlanAction, details: ActionDetails) -> PlanAction:
    """Change an action's words, owner, hours, date, status or links."""
    _check(by, action.plan_theme.plan.campaign)
    with transaction.atomic():
        _apply(by, action, details)
        action.plan_theme.plan.save(update_fields=["updated_at"])
    return action


def set_action_status(*, by: Membership, action: PlanAction, status: str) -> PlanAction:
    """Progress as the work is done: one tap from the plan page."""
    _check(by, action.plan_theme.plan.campaign)
    if status not in PlanAction.Status.values:
        raise ValidationError(_("Unknown status."))
    with transaction.atomic():
        action.status = status
        action.save(update_fields=["status", "updated_at"])
        action.plan_theme.plan.save(update_fields=["updated_at"])
    return action


def remove_action(*, by: Membership, action: PlanAction) -> None:
    _check(by, action.plan_theme.plan.campaign)
    with transaction.atomic():
        plan = action.plan_theme.plan
        action.delete()
        plan.save(update_fields=["updated_at"])
