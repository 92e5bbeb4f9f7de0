from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render

from heard.accounts.queries import member_required
from heard.campaigns.queries import campaigns_for
from heard.people.queries import people_for, places_for

from . import forms
from .models import Venue
from .queries import get_conversation_for, search_conversations
from .services import record_conversation


@member_required()
def conversation_list(request):
    query = request.GET.get("q", "")
    campaign_id = request.GET.get("campaign") or None
    venue = request.GET.get("venue", "")
    if campaign_id and not str(campaign_id).isdigit():
        campaign_id = None
    conversations = search_conversations(request.membership, query, campaign_id, venue)
    page = Paginator(conversations, 25).get_page(request.GET.get("page"))
    return render(
        request,
        "conversations/list.html",
        {
            "page": page,
            "query": query,
            "campaigns": campaigns_for(request.membership),
            "campaign_id": int(campaign_id) if campaign_id else None,
            "venues": Venue.choices,
            "venue": venue,
        },
    )


@member_required()
def conversation_detail(request, pk):
    conversation = get_conversation_for(request.membership, pk)
    return render(request, "conversations/detail.html", {"conversation": conversation})


def _chosen_campaign(request, campaigns):
    wanted = request.POST.get("campaign") or request.GET.get("campaign")
    if wanted and str(wanted).isdigit():
        found = campaigns.filter(pk=wanted).first()
        if found:
            return found
    return campaigns.filter(is_active=True).first() or campaigns.first()


@member_required()
def conversation_new(request):
    membership = request.membership
    campaigns = campaigns_for(membership)
    campaign = _chosen_campaign(request, campaigns)
    places = places_for(membership)
    people = people_for(membership)
    data = request.POST if request.method == "POST" else None
    speakers = forms.speaker_choices(data, people)
    form_kwargs = {
        "membership": membership,
        "campaign": campaign,
        "places": places,
        "people": people,
        "speakers": speakers,
    }
    form = forms.ConversationForm(data, initial={"campaign": campaign}, **form_kwargs)
    new_people = forms.NewPersonFormSet(data, prefix="new", form_kwargs={"places": places})
    quotes = forms.QuoteFormSet(data, prefix="quote", form_kwargs={"speakers": speakers})
    promises = forms.PromiseFormSet(data, prefix="promise")
    if request.method == "POST" and _all_valid(form, new_people, quotes, promises):
        record = forms.build_record(form, new_people, quotes, promises)
        try:
            conversation, created = record_conversation(by=membership, record=record)
        except ValidationError as error:
            _attach_errors(form, error)
        else:
            if created:
                messages.success(request, "Conversation recorded. Thank you for listening.")
            else:
                messages.info(request, "This conversation was already recorded.")
            return redirect("conversations:detail", pk=conversation.pk)
    # Keep the people already picked when the form comes back with errors.
    chosen_people = list(getattr(form, "cleaned_data", {}).get("people") or [])
    return render(
        request,
        "conversations/new.html",
        {
            "form": form,
            "new_people": new_people,
            "quotes": quotes,
            "promises": promises,
            "campaign": campaign,
            "chosen_people": chosen_people,
            "speakers": speakers,
        },
        status=400 if form.is_bound else 200,
    )


def _all_valid(*forms_) -> bool:
    return all([f.is_valid() for f in forms_])  # a list, so every form shows its errors


def _attach_errors(form, error: ValidationError) -> None:
    for field, field_errors in error.message_dict.items():
        target = field if field in form.fields else None
        for message in field_errors:
            form.add_error(target, message)
