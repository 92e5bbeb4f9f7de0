"""Recording a conversation with the capture form: everything heard is stored together."""

import datetime as dt
from decimal import Decimal

from django.urls import reverse
from django.utils import timezone
from factories import CampaignFactory, GuideQuestionFactory

from heard.commitments.models import Commitment
from heard.conversations.models import Conversation, Quote
from heard.leadership.models import Assessment
from heard.people.models import Household, Person

from .capture import URL, capture_data

TODAY = timezone.localdate()


def record(client, data):
    response = client.post(URL, data)
    assert response.status_code == 302, response.context and response.context["form"].errors
    return Conversation.objects.get(pk=data["client_id"]), response


def test_a_door_knock_with_someone_already_known(lee, lee_client, ours, maple):
    conversation, response = record(
        lee_client,
        capture_data(
            ours.campaign,
            venue="door",
            place=maple.pk,
            people=[ours.rosa],
            answers={ours.problem: "  The stairwell light has been out for weeks.  "},
        ),
    )
    assert response["Location"] == reverse("conversations:detail", args=[conversation.pk])
    assert conversation.organization == ours.org
    assert (conversation.campaign, conversation.venue, conversation.place) == (
        ours.campaign,
        "door",
        maple,
    )
    assert conversation.held_by == lee.user
    assert conversation.held_on == TODAY
    assert list(conversation.people.all()) == [ours.rosa]
    assert [(a.question, a.text) for a in conversation.answers.all()] == [
        (ours.problem, "The stairwell light has been out for weeks.")
    ]
    assert not conversation.quotes.exists()
    assert not conversation.commitments.exists()
    assert not conversation.assessments.exists()
    assert (conversation.next_step, conversation.next_step_response) == ("", "not_asked")


def test_blank_answers_are_not_stored(may_client, ours):
    conversation, _ = record(
        may_client,
        capture_data(
            ours.campaign, people=[ours.sam], answers={ours.problem: "Rats.", ours.hope: "   "}
        ),
    )
    assert [a.question for a in conversation.answers.all()] == [ours.problem]


def test_a_small_group_with_several_people(may_client, ours, maple):
    conversation, _ = record(
        may_client,
        capture_data(
            ours.campaign,
            venue="small_group",
            people=[ours.rosa, ours.sam],
            new_people=[{"name": "Grace Lin", "place": maple.pk}],
            answers={ours.problem: "Rents went up for the whole building."},
        ),
    )
    assert conversation.venue == "small_group"
    assert sorted(conversation.people.values_list("name", flat=True)) == [
        "Grace Lin",
        "Rosa Alvarez",
        "Sam Okafor",
    ]


def test_a_one_to_one_ends_in_commitments_on_both_sides(may, may_client, ours):
    due = TODAY + dt.timedelta(days=10)
    conversation, _ = record(
        may_client,
        capture_data(
            ours.campaign,
            venue="one_to_one",
            people=[ours.rosa],
            answers={ours.hope: "That the kids can play outside."},
            promises=[
                {"side": "person", "what": "Host a house meeting", "hours": "3", "due_on": due},
                {"side": "organizer", "what": "Bring the leaflets", "hours": "1.5", "due_on": due},
            ],
        ),
    )
    commitments = {c.side: c for c in conversation.commitments.all()}
    theirs, ours_ = commitments[Commitment.Side.PERSON], commitments[Commitment.Side.ORGANIZER]
    assert (theirs.what, theirs.hours, theirs.due_on) == ("Host a house meeting", Decimal(3), due)
    assert (ours_.what, ours_.hours, ours_.due_on) == ("Bring the leaflets", Decimal("1.5"), due)
    assert theirs.person == ours_.person == ours.rosa
    assert theirs.owner is None and ours_.owner == may.user
    assert theirs.organization == ours.org
    assert {c.status for c in commitments.values()} == {"open"}


def test_someone_new_is_added_with_their_household(lee, lee_client, ours, maple):
    conversation, _ = record(
        lee_client,
        capture_data(
            ours.campaign,
            new_people=[
                {
                    "name": "  Ana Ruiz ",
                    "phone": "555-0303",
                    "email": "ana@example.org",
                    "language": "es",
                    "place": maple.pk,
                    "household": " Ruiz household ",
                },
                {"name": "Luis Ruiz", "household": "RUIZ HOUSEHOLD"},
            ],
            answers={ours.problem: "No hot water."},
        ),
    )
    ana = Person.objects.get(name="Ana Ruiz")
    luis = Person.objects.get(name="Luis Ruiz")
    assert set(conversation.people.all()) == {ana, luis}
    assert (ana.phone, ana.email, ana.language, ana.place) == (
        "555-0303",
        "ana@example.org",
        "es",
        maple,
    )
    assert ana.organization == ours.org and ana.added_by == lee.user
    assert ana.household == luis.household == Household.objects.get(name="Ruiz household")
    assert ana.household.place == maple
    # The volunteer may now open the people they added.
    assert lee_client.get(reverse("people:detail", args=[luis.pk])).status_code == 200


def test_quotes_keep_the_consent_given(may_client, ours):
    conversation, _ = record(
        may_client,
        capture_data(
            ours.campaign,
            people=[ours.rosa],
            quotes=[
                {"text": "We are not asking for charity.", "consent": "public"},
                {"text": "Only for the team.", "consent": "team"},
                {"text": "Do not repeat this.", "consent": "none"},
                {"text": "   ", "consent": "public"},
            ],
        ),
    )
    quotes = [(q.text, q.consent, q.person) for q in conversation.quotes.all()]
    assert quotes == [
        ("We are not asking for charity.", Quote.Consent.PUBLIC, ours.rosa),
        ("Only for the team.", Quote.Consent.TEAM, ours.rosa),
        ("Do not repeat this.", Quote.Consent.NONE, ours.rosa),
    ]
    assert not conversation.answers.exists()


def test_leader_signals_and_kindliness_are_recorded(lee, lee_client, ours):
    conversation, _ = record(
        lee_client,
        capture_data(
            ours.campaign,
            people=[ours.rosa],
            answers={ours.problem: "Everyone on the floor is scared of the landlord."},
            offered_to_help="on",
            named_neighbours="on",
            kindliness="empathic",
        ),
    )
    assessment = Assessment.objects.get(conversation=conversation)
    assert assessment.person == ours.rosa
    assert assessment.assessed_by == lee.user
    assert assessment.assessed_on == conversation.held_on
    assert (assessment.offered_to_help, assessment.named_neighbours) == (True, True)
    assert (assessment.wants_to_host, assessment.took_on_role) == (False, False)
    assert assessment.kindliness == "empathic"


def test_the_next_step_and_their_answer_are_recorded(may_client, ours):
    conversation, _ = record(
        may_client,
        capture_data(
            ours.campaign,
            people=[ours.sam],
            answers={ours.problem: "Mould again."},
            next_step="house_meeting",
            next_step_response="yes",
        ),
    )
    assert (conversation.next_step, conversation.next_step_response) == ("house_meeting", "yes")


def test_everything_heard_is_stored_together_and_shown_on_the_conversation_page(
    lee_client, ours, maple
):
    due = TODAY + dt.timedelta(days=7)
    data = capture_data(
        ours.campaign,
        venue="one_to_one",
        held_on=TODAY - dt.timedelta(days=2),
        place=maple.pk,
        people=[ours.rosa],
        new_people=[{"name": "Kofi Mensah", "household": "Mensah household"}],
        answers={ours.problem: "The boiler.", ours.hope: "A tenants' association."},
        quotes=[{"text": "We can do this together.", "consent": "public"}],
        took_on_role="on",
        kindliness="activist",
        next_step="training",
        next_step_response="maybe",
        promises=[
            {"side": "person", "what": "Talk to the third floor", "hours": "2", "due_on": due},
            {"side": "organizer", "what": "Send the training date", "hours": "0.5", "due_on": due},
        ],
    )
    response = lee_client.post(URL, data, follow=True)
    conversation = Conversation.objects.get(pk=data["client_id"])
    assert response.redirect_chain == [
        (reverse("conversations:detail", args=[conversation.pk]), 302)
    ]
    assert conversation.held_on == TODAY - dt.timedelta(days=2)
    assert conversation.participants.count() == 2
    assert conversation.answers.count() == 2
    assert conversation.quotes.count() == 1
    assert conversation.commitments.count() == 2
    assert conversation.assessments.count() == 1
    text = response.content.decode()
    for shown in [
        "Conversation recorded. Thank you for listening.",
        "Rosa Alvarez",
        "Kofi Mensah",
        "Scheduled one-to-one",
        "Maple Court",
        "Heat in Winter",
        "What keeps you up at night?",
        "The boiler.",
        "A tenants&#x27; association.",
        "We can do this together.",
        "share: publicly",
        "Training — <strong>Maybe</strong>",
        "Took on a role",
        "kindliness: Activist",
        "Talk to the third floor",
        "Send the training date",
        "held by Lee Volunteer",
    ]:
        assert shown in text


def test_the_form_shows_the_active_campaigns_guide(lee_client, ours):
    CampaignFactory(organization=ours.org, name="Finished", is_active=False)
    response = lee_client.get(URL)
    assert response.context["campaign"] == ours.campaign
    text = response.content.decode()
    assert "What keeps you up at night?" in text and "What do you hope for?" in text
    assert f'name="answer_{ours.problem.pk}"' in text
    assert 'name="client_id"' in text


def test_choosing_another_campaign_shows_its_guide(lee_client, ours):
    other = CampaignFactory(organization=ours.org, name="Safe Streets")
    GuideQuestionFactory(campaign=other, prompt="Where do you feel unsafe?")
    response = lee_client.get(URL, {"campaign": other.pk})
    text = response.content.decode()
    assert "Where do you feel unsafe?" in text
    assert "What keeps you up at night?" not in text


def test_answers_go_to_the_campaign_whose_guide_was_filled_in(may_client, ours):
    other = CampaignFactory(organization=ours.org, name="Safe Streets")
    question = GuideQuestionFactory(campaign=other, prompt="Where do you feel unsafe?")
    conversation, _ = record(
        may_client,
        capture_data(other, people=[ours.sam], answers={question: "The underpass."}),
    )
    assert conversation.campaign == other
    assert [a.question for a in conversation.answers.all()] == [question]


def test_each_opening_of_the_form_gets_its_own_conversation_id(lee_client, ours):
    first = lee_client.get(URL).context["form"]["client_id"].value()
    second = lee_client.get(URL).context["form"]["client_id"].value()
    assert first != second


def test_the_people_picked_stay_picked_when_the_form_comes_back_with_errors(lee_client, ours):
    data = capture_data(
        ours.campaign,
        people=[ours.rosa],
        answers={ours.problem: "Noise."},
        held_on=(TODAY + dt.timedelta(days=1)).isoformat(),
    )
    response = lee_client.post(URL, data)
    assert response.status_code == 400
    assert (
        f'<input type="hidden" name="people" value="{ours.rosa.pk}" data-name="Rosa Alvarez">'
        in response.content.decode()
    )
    # The same id comes back, so fixing the date and saving again stores the conversation once.
    assert response.context["form"]["client_id"].value() == data["client_id"]
    assert not Conversation.objects.filter(pk=data["client_id"]).exists()
