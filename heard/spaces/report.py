"""Which themes a place's people raise: for each theme, how many of the place's regulars had a
conversation in it. Staff only, like the Themes pages (themes summarise conversations beyond any
turf)."""

from dataclasses import dataclass

from django.db.models import Count

from heard.accounts.models import Membership
from heard.conversations.models import Participant
from heard.themes.models import Theme

from .models import ThirdSpace


@dataclass(frozen=True)
class ThemeOfPlace:
    theme: Theme
    regulars: int
    share: int  # percent of the place's regulars, for the bar's width


def themes_of_space(membership: Membership, space: ThirdSpace) -> list[ThemeOfPlace]:
    """Themes of the regulars' conversations, most regulars first; empty for a volunteer."""
    if not membership.is_staff_role or space.organization_id != membership.organization_id:
        return []
    regulars = space.regulars.values("person_id")
    total = space.regulars.count()
    rows = (
        Participant.objects.filter(
            person_id__in=regulars,
            conversation__organization=membership.organization,
            conversation__theme_assignment__theme__isnull=False,
        )
        .values("conversation__theme_assignment__theme")
        .annotate(people=Count("person", distinct=True))
        .order_by("-people")
    )
    counts = {row["conversation__theme_assignment__theme"]: row["people"] for row in rows}
    themes = Theme.objects.filter(pk__in=counts).select_related("campaign")
    ranked = sorted(themes, key=lambda t: (-counts[t.pk], t.title))
    return [
        ThemeOfPlace(theme=t, regulars=counts[t.pk], share=round(100 * counts[t.pk] / total))
        for t in ranked
        if total
    ]
