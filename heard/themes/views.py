"""The Themes pages: thin views over queries.py (reads), runs.py and curation.py (writes)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from heard.accounts.queries import STAFF_ROLES, member_required
from heard.campaigns.queries import get_campaign_for
from heard.conversations.queries import get_conversation_for
from heard.ids import parse_id
from heard.refusals import show_refusal

from . import curation, forms, runs
from .queries import (
    campaigns_with_themes,
    describe,
    get_theme_for,
    highlights_of,
    latest_run,
    theme_conversations,
    themes_page,
)

CONVERSATIONS_PER_PAGE = 20


@member_required(*STAFF_ROLES)
def index(request):
    """Which campaign's themes to open."""
    return render(
        request, "themes/index.html", {"campaigns": campaigns_with_themes(request.membership)}
    )


@member_required(*STAFF_ROLES)
def campaign_themes(request, campaign_pk):
    campaign = get_campaign_for(request.membership, campaign_pk)
    return render(
        request, "themes/campaign.html", {"page": themes_page(request.membership, campaign)}
    )


@require_POST
@member_required(*STAFF_ROLES)
def run_themes(request, campaign_pk):
    campaign = get_campaign_for(request.membership, campaign_pk)
    runs.close_stale_runs(campaign=campaign)
    run, created = runs.request_run(by=request.membership, campaign=campaign)
    if created:
        messages.success(request, _("Finding themes again. This page shows the progress."))
    else:
        messages.info(request, _("Themes are already being found; this page shows the progress."))
    return redirect("themes:campaign", campaign_pk=campaign.pk)


@member_required(*STAFF_ROLES)
def theme_detail(request, pk):
    theme = get_theme_for(request.membership, pk)
    return _conversations_page(request, theme.campaign, theme)


@member_required(*STAFF_ROLES)
def unclear(request, campaign_pk):
    campaign = get_campaign_for(request.membership, campaign_pk)
    return _conversations_page(request, campaign, None)


def _conversations_page(request, campaign, theme, *, rename=None, merge=None, status=200):
    conversations = theme_conversations(request.membership, campaign, theme)
    subtheme = None
    sub = parse_id(request.GET.get("sub"))  # "²" passes isdigit() and then fails int()
    if theme is not None and sub:
        subtheme = theme.children.filter(pk=sub).first()
        if subtheme is not None:
            conversations = conversations.filter(theme_assignment__subtheme=subtheme)
    page = Paginator(conversations, CONVERSATIONS_PER_PAGE).get_page(request.GET.get("page"))
    page.object_list = describe(page.object_list)
    move = forms.MoveForm(campaign=campaign)
    context = {
        "campaign": campaign,
        "theme": theme,
        "subtheme": subtheme,
        "page": page,
        "targets": list(move.fields["to"].queryset),
        "run": latest_run(campaign),
    }
    if theme is not None:
        highlights = highlights_of(theme)
        context |= {
            "why": highlights.why,
            "hope": highlights.hope,
            "children": list(theme.children.order_by("-size", "id")),
            "rename_form": rename or forms.RenameForm(initial={"name": theme.title}),
            "merge_form": merge or forms.MergeForm(theme=theme),
        }
    return render(request, "themes/theme.html", context, status=status)


@require_POST
@member_required(*STAFF_ROLES)
def rename(request, pk):
    theme = get_theme_for(request.membership, pk)
    form = forms.RenameForm(request.POST)
    if form.is_valid():
        try:
            curation.rename_theme(
                by=request.membership, theme=theme, name=form.cleaned_data["name"]
            )
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(
                request, _("Renamed to “%(name)s”. Re-runs keep this theme.") % {"name": theme.name}
            )
            return redirect("themes:detail", pk=theme.pk)
    return _conversations_page(request, theme.campaign, theme, rename=form, status=400)


@require_POST
@member_required(*STAFF_ROLES)
def pin(request, pk):
    theme = get_theme_for(request.membership, pk)
    form = forms.PinForm(request.POST)
    form.is_valid()
    pinned = bool(form.cleaned_data.get("pinned"))
    try:
        curation.pin_theme(by=request.membership, theme=theme, pinned=pinned)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            (
                _("“%(title)s” is in the campaign's codebook.")
                if pinned
                else _("“%(title)s” is out of the codebook.")
            )
            % {"title": theme.title},
        )
    return _back(request, "themes:detail", pk=theme.pk)


@require_POST
@member_required(*STAFF_ROLES)
def merge(request, pk):
    theme = get_theme_for(request.membership, pk)
    form = forms.MergeForm(request.POST, theme=theme)
    if form.is_valid():
        into = form.cleaned_data["into"]
        title = theme.title
        try:
            curation.merge_themes(by=request.membership, theme=theme, into=into)
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(
                request,
                _("Merged “%(title)s” into “%(into)s”.") % {"title": title, "into": into.title},
            )
            return redirect("themes:detail", pk=into.pk)
    return _conversations_page(request, theme.campaign, theme, merge=form, status=400)


@require_POST
@member_required(*STAFF_ROLES)
def split(request, pk):
    theme = get_theme_for(request.membership, pk)
    try:
        parts = curation.split_theme(by=request.membership, theme=theme)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("themes:detail", pk=theme.pk)
    messages.success(
        request,
        _("Split into %(count)d themes: %(titles)s.")
        % {"count": len(parts), "titles": ", ".join(f"“{p.title}”" for p in parts)},
    )
    return redirect("themes:campaign", campaign_pk=theme.campaign_id)


@require_POST
@member_required(*STAFF_ROLES)
def move(request, campaign_pk):
    campaign = get_campaign_for(request.membership, campaign_pk)
    form = forms.MoveForm(request.POST, campaign=campaign)
    if not form.is_valid():
        errors = [e for field_errors in form.errors.values() for e in field_errors]
        messages.error(request, " ".join(errors))
        return _back(request, "themes:campaign", campaign_pk=campaign.pk)
    conversation = get_conversation_for(request.membership, form.cleaned_data["conversation"])
    if conversation.campaign_id != campaign.pk:
        raise Http404
    to = form.cleaned_data["to"]
    try:
        curation.move_conversation(by=request.membership, conversation=conversation, to=to)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if to:
            done = _("Moved to “%(title)s”; re-runs leave it there.") % {"title": to.title}
        else:
            done = _("Moved to the unclear conversations; re-runs leave it there.")
        messages.success(request, done)
    return _back(request, "themes:campaign", campaign_pk=campaign.pk)


def _back(request, fallback: str, **kwargs):
    """Return to the page the form was on (same site only), else to `fallback`."""
    target = request.POST.get("next", "")
    # A path only: redirect() would read any other word ("910") as a view's name, a 500.
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(target)
    return redirect(fallback, **kwargs)
