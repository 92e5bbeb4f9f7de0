from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from heard.accounts.queries import member_required
from heard.campaigns.queries import campaigns_for
from heard.common_ground.queries import sides_to_ask
from heard.people.consent import notes_may_be_kept
from heard.people.queries import people_for, places_for

from . import forms
from .body import keep_oversized_post
from .capture import Capture, campaign_in, switch_guide
from .corrections import (
    as_it_is,
    correct_conversation,
    notes_kept,
    quotes_to_correct,
)
from .models import Venue
from .queries import (
    get_conversation_for,
    get_conversation_to_correct,
    may_correct,
    search_conversations,
)
from .services import record_conversation


@member_required()
def conversation_list(request):
    campaigns = campaigns_for(request.membership)
    filters = forms.ConversationFilterForm(request.GET, campaigns=campaigns)
    # A filter that cannot be one (an unknown campaign, a 30-digit id) is left out and said.
    valid = filters.is_valid()
    wanted = filters.cleaned_data
    campaign = wanted.get("campaign")
    conversations = search_conversations(
        request.membership,
        wanted.get("q", ""),
        campaign.pk if campaign else None,
        wanted.get("venue", ""),
    )
    page = Paginator(conversations, 25).get_page(request.GET.get("page"))
    return render(
        request,
        "conversations/list.html",
        {
            "page": page,
            "filters": filters,
            "query": wanted.get("q", ""),
            "campaigns": campaigns,
            "campaign_id": campaign.pk if campaign else None,
            "venues": Venue.choices,
            "venue": wanted.get("venue", ""),
        },
        status=200 if valid else 400,
    )


@member_required()
def conversation_detail(request, pk):
    conversation = get_conversation_for(request.membership, pk)
    people = [p.person for p in conversation.participants.all()]
    return render(
        request,
        "conversations/detail.html",
        {
            "conversation": conversation,
            "may_correct": may_correct(request.membership, conversation),
            # One tap each: the sides of the organization's divides nobody has recorded yet.
            "ask_sides": sides_to_ask(request.membership, people),
        },
    )


@member_required()
def conversation_correct(request, pk):
    """Correct a saved conversation (whoever held it, organizers); see corrections.py."""
    membership = request.membership
    conversation = get_conversation_to_correct(membership, pk)
    quotes = quotes_to_correct(membership, conversation)
    start = as_it_is(membership, conversation, quotes)
    form = forms.CorrectionForm(
        request.POST if request.method == "POST" else None,
        initial=forms.correction_initial(start),
        conversation=conversation,
        quotes=quotes,
        places=places_for(membership),
        notes_kept=notes_kept(conversation),
    )
    if form.is_bound and form.is_valid():
        try:
            change = correct_conversation(
                by=membership, conversation=conversation, correction=form.correction()
            )
        except ValidationError as error:
            form.attach(error)
        else:
            if change is None:
                messages.info(request, _("Nothing was changed."))
            else:
                messages.success(
                    request, _("Correction saved. The history below says what changed.")
                )
            return redirect("conversations:detail", pk=conversation.pk)
    return render(
        request,
        "conversations/correct.html",
        {
            "conversation": conversation,
            "form": form,
            "staff": membership.is_staff_role,
            # Read now, not from what was posted: after "someone corrected it meanwhile",
            # saving again applies over their correction, knowingly.
            "based_on": start.based_on,
        },
        status=400 if form.is_bound else 200,
    )


def _chosen_campaign(request, campaigns):
    wanted = request.POST.get("campaign") or request.GET.get("campaign")
    found = campaign_in(campaigns, wanted)
    return found or campaigns.filter(is_active=True).first() or campaigns.first()


@csrf_exempt  # CSRF is checked inside, once an oversized body is read: see body.py
@member_required()
@keep_oversized_post
@csrf_protect
def conversation_new(request):
    membership = request.membership
    campaigns = campaigns_for(membership)
    chosen = _chosen_campaign(request, campaigns)
    data = request.POST if request.method == "POST" else None
    # The campaign whose guide the answers were typed for (the page says it in "guide").
    shown = (campaign_in(campaigns, data.get("guide")) if data else None) or chosen
    scope = {"membership": membership, "places": places_for(membership)}
    scope["people"] = people_for(membership)
    if data is not None and "switch" in data and chosen:
        # "Show this campaign's guide": the same page on the new guide, everything carried.
        data, note = switch_guide(data, shown=shown, chosen=chosen)
        capture = Capture.build(data, campaign=chosen, quiet=True, **scope)
        capture.notes.append(note)
        return _capture_page(request, capture, status=200)
    capture = Capture.build(data, campaign=shown, quiet=bool(request.oversized), **scope)
    if request.oversized:
        capture.note_oversized(request.oversized)
        return _capture_page(request, capture, status=413)
    if data is not None and capture.is_valid():
        if capture.ask_about_lookalikes(membership):
            return _capture_page(request, capture, status=200)
        try:
            conversation, created = record_conversation(by=membership, record=capture.record())
        except ValidationError as error:
            capture.attach(error)
        else:
            say_recorded(request, conversation, created)
            return redirect("conversations:detail", pk=conversation.pk)
    if capture.guide_changed():
        # The posted campaign is one of ours (else "Unknown campaign."), so `chosen` is it.
        data, note = switch_guide(data, shown=shown, chosen=chosen)
        capture = Capture.build(data, campaign=chosen, **scope)
        capture.is_valid()  # every mistake shows at once, carried answers among them
        capture.form.add_error("campaign", forms.GUIDE_CHANGED)
        capture.notes.append(note)
    return _capture_page(request, capture, status=400 if data is not None else 200)


def say_recorded(request, conversation, created: bool) -> None:
    if not created:
        messages.info(request, _("This conversation was already recorded."))
    elif notes_may_be_kept(conversation.people.all()):
        messages.success(request, _("Conversation recorded. Thank you for listening."))
    else:
        messages.success(
            request,
            _(
                "Conversation recorded without its notes: everyone in it said no to notes being "
                "kept, so its answers, quotes and leader signals were not stored."
            ),
        )


def _capture_page(request, capture: Capture, *, status: int):
    return render(
        request,
        "conversations/new.html",
        {
            "form": capture.form,
            "new_people": capture.new_people,
            "quotes": capture.quotes,
            "promises": capture.promises,
            "carried": capture.carried,
            "campaign": capture.campaign,
            "chosen_people": capture.chosen_people,
            "speakers": capture.speakers,
            "notes": capture.notes,
        },
        status=status,
    )
