"""The demo's first themes, found once it is loaded (by `heard run`, and by `heard demo-scale`
when it loads the demo itself), so the Themes page is full when first opened."""

from collections.abc import Callable

from heard.campaigns.models import Campaign
from heard.themes.runs import theme_campaign

from .action_plan import make_demo_plan


def theme_demo(log: Callable[[str], None] = print, err: Callable[[str], None] = print) -> None:
    """Run each demo campaign's themes in the foreground, then make the meeting's plan."""
    log("Finding the themes of the demo's conversations (first start only)...")
    # Called on a database that held nothing before the demo: its campaigns are all there is.
    for campaign in Campaign.objects.all():
        try:
            run = theme_campaign(campaign=campaign)
        except Exception as error:  # the demo still serves; the page offers a re-run
            err(f"  {campaign}: themes not found ({error}).")
        else:
            log(f"  {campaign}: {run.theme_count} themes in {run.note_count} notes.")
    # The meeting's plan is chosen from themes, so it is made once they exist.
    make_demo_plan(log=log)
