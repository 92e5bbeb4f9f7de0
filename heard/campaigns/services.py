"""Writes for campaigns, their listening guides, events and sign-ups."""

from django.db import transaction

from heard.accounts.models import Membership
from heard.people.models import Person

from .models import Campaign, Event, GuideQuestion, QuestionWording, SignUp


def save_campaign(*, by: Membership, form, guide) -> Campaign:
    """Save a campaign and its guide together; questions keep the order the organizer set, and
    their text in each of the campaign's languages (the main one's on the question itself)."""
    with transaction.atomic():
        campaign = form.save(commit=False)
        campaign.organization = by.organization
        campaign.save()
        guide.instance = campaign
        guide.save()
        for question_form in guide.forms:
            question = question_form.instance
            if question.pk is None or question_form in guide.deleted_forms:
                continue  # an empty row, or a question removed
            # Saved whether or not its row changed: a new main language changes its own text.
            question.save(update_fields=["prompt", "help_text"])
            save_wordings(question, question_form.wordings())
        # A language the campaign no longer listens in, or now its main one (whose words are
        # the questions' own), keeps no wordings.
        QuestionWording.objects.filter(question__campaign=campaign).exclude(
            language__in=campaign.languages[1:]
        ).delete()
        # ordered_forms sorts by ORDER and puts rows left without a number last, where a
        # question added at the bottom of the form belongs.
        ordered = [f for f in guide.ordered_forms if f.instance.pk]
        kept = [f.instance for f in ordered] + [
            q for q in campaign.questions.all() if q.pk not in {f.instance.pk for f in ordered}
        ]
        for position, question in enumerate(kept, start=1):
            if question.position != position:
                question.position = position
                question.save(update_fields=["position"])
    return campaign


def save_wordings(question: GuideQuestion, wordings: dict[str, tuple[str, str]]) -> None:
    """Store a question's text and help per language (not its main one), as given: a language
    left out is one it is not written in, and volunteers read the main language's text."""
    question.wordings.exclude(language__in=list(wordings)).delete()
    for language, (prompt, help_text) in wordings.items():
        QuestionWording.objects.update_or_create(
            question=question,
            language=language,
            defaults={"prompt": prompt, "help_text": help_text},
        )


def save_event(*, by: Membership, form) -> Event:
    with transaction.atomic():
        event = form.save(commit=False)
        event.organization = by.organization
        event.save()
    return event


def sign_up(
    *, by: Membership, event: Event, person: Person, brought_by: Person | None = None
) -> SignUp:
    """Sign someone up for an event, with who brought them if somebody did (a leader's work the
    leaders page counts once they come)."""
    ours = {event.organization_id, person.organization_id}
    if brought_by is not None:
        ours.add(brought_by.organization_id)
    if ours != {by.organization_id}:
        raise ValueError("The event and the people must belong to the asker's organization.")
    if brought_by is not None and brought_by.pk == person.pk:
        raise ValueError("Someone cannot bring themselves.")
    with transaction.atomic():
        signup, _ = SignUp.objects.get_or_create(
            event=event, person=person, defaults={"brought_by": brought_by}
        )
    return signup


def set_signup_status(*, by: Membership, signup: SignUp, status: str) -> SignUp:
    if signup.event.organization_id != by.organization_id:
        raise ValueError("The sign-up belongs to another organization.")
    signup.status = status
    signup.save(update_fields=["status"])
    return signup
