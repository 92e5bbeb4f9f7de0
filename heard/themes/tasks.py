"""Background work on the database-backed task queue (`heard worker`, or `heard run`'s worker).

Task arguments are JSON: conversation ids travel as strings, runs by their id.
"""

from __future__ import annotations

import logging
import uuid

from django_tasks import task

from .models import ThemeRun

logger = logging.getLogger(__name__)


@task()
def place_waiting_conversations(campaign_id: int) -> dict:
    """Place every conversation of the campaign not yet in its themes (a sweep; queued by
    `assignment.request_sweep`, at most one waiting per campaign)."""
    from .assignment import sweep_campaign

    return sweep_campaign(campaign_id)


@task()
def assign_new_conversations(conversation_ids: list[str]) -> int:
    """What Heard queued per conversation before sweeps: kept so that tasks still waiting from
    then are run, as a sweep of those conversations' campaigns."""
    from heard.conversations.models import Conversation

    from .assignment import sweep_campaign

    wanted = [uuid.UUID(str(value)) for value in conversation_ids]
    campaigns = Conversation.objects.filter(pk__in=wanted).values_list("campaign_id", flat=True)
    return sum(sweep_campaign(campaign_id)["assigned"] for campaign_id in sorted(set(campaigns)))


@task()
def place_corrected_conversations(conversation_ids: list[str]) -> int:
    """Place corrected conversations again: their notes changed (see `assignment.place_again`)."""
    from .assignment import place_again

    return place_again(conversation_ids=[uuid.UUID(str(value)) for value in conversation_ids])


@task()
def theme_campaign_task(run_id: int) -> dict:
    """Run a queued theme run (re-run of a campaign's themes)."""
    from .runs import theme_campaign

    run = ThemeRun.objects.select_related("campaign").filter(pk=run_id).first()
    if run is None or run.status not in (ThemeRun.Status.QUEUED, ThemeRun.Status.RUNNING):
        return {"skipped": run_id}
    run = theme_campaign(campaign=run.campaign, run=run)
    return {"run": run.pk, "themes": run.theme_count, "unclear": run.unclear_count}
