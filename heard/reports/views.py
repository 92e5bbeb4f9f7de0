from django.core.paginator import Paginator
from django.shortcuts import render

from heard.accounts.queries import STAFF_ROLES, member_required
from heard.campaigns.queries import campaigns_for

from .forms import LadderFilterForm
from .queries import GROUPINGS, ladder_for


# Staff only: the report compares volunteers with each other, which is the organizers' view.
@member_required(*STAFF_ROLES)
def ladder(request):
    campaigns = campaigns_for(request.membership)
    filters = LadderFilterForm(request.GET, campaigns=campaigns)
    # A filter that cannot be one (an unknown campaign, a 30-digit id) is left out and said.
    valid = filters.is_valid()
    campaign = filters.cleaned_data.get("campaign")
    by = filters.cleaned_data.get("by") or "venue"
    report = ladder_for(request.membership, campaign=campaign, by=by)
    page = Paginator(report.rows, 25).get_page(request.GET.get("page"))
    return render(
        request,
        "reports/ladder.html",
        {
            "filters": filters,
            "campaigns": campaigns,
            "campaign": campaign,
            "by": by,
            "by_label": GROUPINGS[by],
            "groupings": GROUPINGS.items(),
            "report": report,
            "page": page,
        },
        status=200 if valid else 400,
    )
