"""`heard retheme CAMPAIGN_ID [--json]`: run a campaign's themes now, in the foreground.

The same run the worker does for the Themes page's button (codebook first, theme ids kept), for
an operator at the machine, a script, or a cron job. The summary is counted from the database
after the run, so it says what an organizer will see on the Themes page.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass

from django.core.management.base import BaseCommand, CommandError, OutputWrapper
from django.db.models import Count, Q

from heard.analysis.embed import Progress
from heard.campaigns.models import Campaign
from heard.themes.models import Theme, ThemeAssignment
from heard.themes.runs import theme_campaign

#: Campaigns named in the error for an unknown id (enough to spot the right one).
LISTED_CAMPAIGNS = 10


@dataclass(frozen=True)
class Summary:
    notes: int  # conversations with an assignment: a theme or unclear
    unclear: int
    themes: list[tuple[int, str]]  # top-level themes as (size, title), largest first

    @property
    def largest_share(self) -> float:
        largest = max((size for size, _ in self.themes), default=0)
        return round(largest / self.notes, 3) if self.notes else 0.0

    def as_json(self) -> str:
        return json.dumps(
            {
                "notes": self.notes,
                "themes": len(self.themes),
                "largest_share": self.largest_share,
                "unclear": self.unclear,
            }
        )


def summary_of(campaign: Campaign) -> Summary:
    """The campaign's themes as the Themes page counts them (shares are of themed notes)."""
    counts = ThemeAssignment.objects.filter(campaign=campaign).aggregate(
        notes=Count("id"), unclear=Count("id", filter=Q(theme__isnull=True))
    )
    top = Theme.objects.filter(campaign=campaign, parent=None).order_by("-size", "id")
    return Summary(
        notes=counts["notes"] or 0,
        unclear=counts["unclear"] or 0,
        themes=[(theme.size, theme.title) for theme in top.only("size", "name", "label")],
    )


def progress_line(stream: OutputWrapper) -> Progress | None:
    """Rewrite one line of ``stream`` as notes are embedded, only when a person is watching."""
    if not stream.isatty():
        return None
    shown = [0.0]

    def show(done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - shown[0] < 0.25:
            return
        shown[0] = now
        # Plain text: the stream's default style colours everything as an error.
        stream.write(
            f"\rUnderstanding the notes: {done:,}/{total:,}\x1b[K",
            style_func=str,
            ending="\n" if done >= total else "",
        )
        stream.flush()

    return show


class Command(BaseCommand):
    help = (
        "Find a campaign's themes now, in the foreground, as the Themes page's re-run does: "
        "pinned and renamed themes are kept and themes that match the previous run keep their "
        "ids. Shows progress while the notes are embedded, then a summary of the themes."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "campaign_id",
            type=int,
            metavar="CAMPAIGN_ID",
            help="The campaign's number, as in its address (/campaigns/CAMPAIGN_ID/).",
        )
        parser.add_argument(
            "--json",
            action="store_true",
            dest="as_json",
            help='Print one line of JSON instead of the summary: {"notes": N, "themes": T, '
            '"largest_share": S, "unclear": U}, where S is the largest theme\'s share of '
            "the notes (0 to 1).",
        )

    def handle(self, *args, campaign_id: int, as_json: bool, **options):
        campaign = self._campaign(campaign_id)
        try:
            theme_campaign(campaign=campaign, progress=progress_line(self.stderr))
        except Exception as error:
            raise CommandError(
                f"the theme run of campaign {campaign_id} failed: {error}"
            ) from error
        summary = summary_of(campaign)
        if as_json:
            self.stdout.write(summary.as_json())
            return
        self.stdout.write(
            f"{campaign.name}: {len(summary.themes)} themes in {summary.notes:,} notes; "
            f"the largest holds {summary.largest_share:.1%}; {summary.unclear:,} unclear."
        )
        for size, title in summary.themes:
            self.stdout.write(f"  {size:>6,}  {title}")

    def _campaign(self, campaign_id: int) -> Campaign:
        campaign = Campaign.objects.select_related("organization").filter(pk=campaign_id).first()
        if campaign is not None:
            return campaign
        known = Campaign.objects.select_related("organization").order_by("pk")
        listed = "; ".join(
            f"{c.pk} {c.name} ({c.organization.name})" for c in known[:LISTED_CAMPAIGNS]
        )
        raise CommandError(
            f"there is no campaign {campaign_id}. "
            + (f"Campaigns: {listed}." if listed else "There are no campaigns yet.")
        )
