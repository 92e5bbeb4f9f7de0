"""Factories for every model: tests say only what matters to them, the rest is filled in."""

import datetime as dt
import uuid
from decimal import Decimal

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from heard.accounts.models import Membership, Organization, Role
from heard.campaigns.models import Campaign, Event, GuideQuestion, Purpose, SignUp
from heard.commitments.models import Commitment
from heard.conversations.models import Answer, Conversation, Participant, Quote, Venue
from heard.leadership.models import Assessment
from heard.people.models import Consent, Household, Person, Place, Relationship

PASSWORD = "listen-first"


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"Tenants Union {n}")
    slug = factory.Sequence(lambda n: f"union-{n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"member{n}")
    first_name = factory.LazyAttribute(lambda u: u.username.capitalize())
    last_name = ""
    password = factory.django.Password(PASSWORD)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory)
    organization = factory.SubFactory(OrganizationFactory)
    role = Role.VOLUNTEER

    @factory.post_generation
    def turf(self, create, places, **kwargs):
        if create and places:
            self.turf.set(places)


class PlaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Place

    organization = factory.SubFactory(OrganizationFactory)
    name = factory.Sequence(lambda n: f"Block {n}")
    kind = Place.Kind.TURF


class HouseholdFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Household

    organization = factory.SubFactory(OrganizationFactory)
    name = factory.Sequence(lambda n: f"Household {n}")
    address = factory.Sequence(lambda n: f"{n} Elm Street")


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    organization = factory.SubFactory(OrganizationFactory)
    name = factory.Sequence(lambda n: f"Neighbour {n}")
    phone = factory.Sequence(lambda n: f"555-01{n:02d}")
    place = None
    household = None


class RelationshipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Relationship

    person = factory.SubFactory(PersonFactory)
    other = factory.SubFactory(
        PersonFactory, organization=factory.SelfAttribute("..person.organization")
    )
    organization = factory.SelfAttribute("person.organization")
    kind = Relationship.Kind.NEIGHBOUR


class ConsentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Consent

    person = factory.SubFactory(PersonFactory)
    topic = Consent.Topic.CONTACT
    granted = True


class CampaignFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Campaign

    organization = factory.SubFactory(OrganizationFactory)
    name = factory.Sequence(lambda n: f"Listening campaign {n}")
    description = "What keeps our neighbours up at night?"
    starts_on = factory.LazyFunction(lambda: timezone.localdate() - dt.timedelta(days=30))
    is_active = True


class GuideQuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GuideQuestion

    campaign = factory.SubFactory(CampaignFactory)
    position = factory.Sequence(lambda n: n + 1)
    prompt = factory.Sequence(lambda n: f"Question {n}?")
    purpose = Purpose.PROBLEM


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    organization = factory.SubFactory(OrganizationFactory)
    title = factory.Sequence(lambda n: f"Know your rights training {n}")
    kind = Event.Kind.TRAINING
    starts_at = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=7))
    location = "Community hall"


class SignUpFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SignUp

    event = factory.SubFactory(EventFactory)
    person = factory.SubFactory(
        PersonFactory, organization=factory.SelfAttribute("..event.organization")
    )


class ConversationFactory(factory.django.DjangoModelFactory):
    """A conversation; `people=[...]` makes the participants."""

    class Meta:
        model = Conversation
        skip_postgeneration_save = True

    id = factory.LazyFunction(uuid.uuid4)
    campaign = factory.SubFactory(CampaignFactory)
    organization = factory.SelfAttribute("campaign.organization")
    venue = Venue.DOOR
    held_on = factory.LazyFunction(lambda: timezone.localdate() - dt.timedelta(days=1))
    held_by = factory.SubFactory(UserFactory)

    @factory.post_generation
    def people(self, create, people, **kwargs):
        if create and people:
            for person in people:
                Participant.objects.create(conversation=self, person=person)


class ParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participant

    conversation = factory.SubFactory(ConversationFactory)
    person = factory.SubFactory(
        PersonFactory, organization=factory.SelfAttribute("..conversation.organization")
    )


class AnswerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Answer

    conversation = factory.SubFactory(ConversationFactory)
    question = factory.SubFactory(
        GuideQuestionFactory, campaign=factory.SelfAttribute("..conversation.campaign")
    )
    text = "The landlord has not fixed the heating since October."


class QuoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Quote

    conversation = factory.SubFactory(ConversationFactory)
    person = factory.SubFactory(
        PersonFactory, organization=factory.SelfAttribute("..conversation.organization")
    )
    text = "We deserve to be warm in our own homes."
    consent = Quote.Consent.TEAM


class CommitmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Commitment

    conversation = factory.SubFactory(ConversationFactory)
    organization = factory.SelfAttribute("conversation.organization")
    person = factory.SubFactory(PersonFactory, organization=factory.SelfAttribute("..organization"))
    side = Commitment.Side.PERSON
    what = "Talk to three neighbours on the same floor"
    hours = Decimal("2.0")
    due_on = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=14))


class AssessmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Assessment

    person = factory.SubFactory(PersonFactory)
    conversation = None
    assessed_on = factory.LazyFunction(timezone.localdate)
    offered_to_help = True
