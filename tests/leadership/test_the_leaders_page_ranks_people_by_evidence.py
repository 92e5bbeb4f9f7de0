"""The leaders page ranks people by evidence across conversations and time, and says why."""

import datetime as dt

import pytest
from factories import (
    AssessmentFactory,
    CampaignFactory,
    CommitmentFactory,
    ConversationFactory,
    EventFactory,
    PersonFactory,
    RelationshipFactory,
    SignUpFactory,
)

from heard.campaigns.models import SignUp
from heard.commitments.models import Commitment
from heard.common_ground.models import Divide, PersonSide, Side
from heard.conversations.models import Response
from heard.leadership.queries import emerging_leaders, evidence_of, reasons
from heard.people.models import Person

URL = "/leaders/"


@pytest.fixture
def evidence(ours, may, maple, riverside):
    """Ana hosts and keeps her word; Ben came to one event; Cy only knows people (not listed)."""
    org, campaign = ours.org, ours.campaign
    ana = PersonFactory(organization=org, name="Ana Host", place=maple)
    ben = PersonFactory(organization=org, name="Ben Once", place=riverside)
    cy = PersonFactory(organization=org, name="Cy Knows", place=maple)
    for days in (40, 10):
        talk = ConversationFactory(
            campaign=campaign,
            held_by=may.user,
            people=[ana],
            next_step_response=Response.YES,
            held_on=dt.date.today() - dt.timedelta(days=days),
        )
        AssessmentFactory(
            person=ana,
            conversation=talk,
            offered_to_help=False,
            wants_to_host=True,
            assessed_on=talk.held_on,
        )
    for status in (Commitment.Status.DONE, Commitment.Status.DONE, Commitment.Status.OPEN):
        CommitmentFactory(conversation=talk, person=ana, status=status)
    # An organizer's side is the team's promise, not hers.
    CommitmentFactory(conversation=talk, person=ana, side=Commitment.Side.ORGANIZER)
    SignUpFactory(event=ours.event, person=ben, status=SignUp.Status.ATTENDED)
    for other in (ben, cy, ours.rosa):
        RelationshipFactory(organization=org, person=ana, other=other)
    RelationshipFactory(organization=org, person=cy, other=ours.sam)
    return ana, ben, cy


def test_people_are_ranked_by_their_evidence(may, evidence):
    ana, ben, cy = evidence
    ranked = list(emerging_leaders(may))
    # Sam said yes to a house meeting in `ours` and is known by Cy; Cy and Rosa only know people.
    assert [p.name for p in ranked] == ["Ana Host", "Ben Once", "Sam Okafor"]
    # 2 hosting signals ×3, 3 made ×1, 2 kept ×3, 2 yeses ×2, 3 ties ×1
    assert ranked[0].score == 6 + 3 + 6 + 4 + 3
    assert ranked[1].score == 3 + 1
    assert ranked[2].score == 2 + 1


def test_each_row_says_why_in_words(may, evidence):
    ana = emerging_leaders(may).of(Person.objects.get(name="Ana Host").pk)
    assert reasons(ana) == [
        "offered to host twice",
        "kept 2 of 3 commitments",
        "said yes to a next step twice",
        "knows 3 neighbours",
    ]
    ben = emerging_leaders(may).of(Person.objects.get(name="Ben Once").pk)
    assert reasons(ben) == ["came to 1 event", "knows 1 neighbour"]


def test_the_page_shows_reasons_and_links_to_the_person(may_client, evidence):
    ana = evidence[0]
    page = may_client.get(URL).content.decode()
    assert f'<a href="/leaders/{ana.pk}/assess/">offered to host twice</a>; ' in page
    assert f'<a href="/people/{ana.pk}/#commitments">kept 2 of 3 commitments</a>' in page
    assert f'<a href="/people/{ana.pk}/#ties">knows 3 neighbours</a>' in page
    assert f'href="/people/{ana.pk}/"' in page
    assert "Cy Knows" not in page


def test_filters_by_campaign_place_and_name(may_client, ours, evidence):
    other = CampaignFactory(organization=ours.org, name="Other campaign")
    event = EventFactory(organization=ours.org, campaign=other)
    late = PersonFactory(organization=ours.org, name="Dee Later")
    SignUpFactory(event=event, person=late, status=SignUp.Status.ATTENDED)

    def names(**query):
        return [leader.person.name for leader in may_client.get(URL, query).context["leaders"]]

    # Dee and Sam score alike: the name breaks the tie.
    assert names() == ["Ana Host", "Ben Once", "Dee Later", "Sam Okafor"]
    assert names(campaign=other.pk) == ["Dee Later"]
    assert names(campaign=ours.campaign.pk) == ["Ana Host", "Ben Once", "Sam Okafor"]
    assert names(place=ours.rosa.place.pk) == ["Ana Host"]
    assert names(q="ben") == ["Ben Once"]
    # An id that names nothing of ours is a filter error, not a crash or a leak.
    assert may_client.get(URL, {"campaign": "99999999"}).status_code == 200
    assert may_client.get(URL, {"campaign": "9" * 40}).status_code == 200


def test_the_list_paginates_by_thirty(may_client, ours):
    for n in range(31):
        person = PersonFactory(organization=ours.org, name=f"Leader {n:02}")
        AssessmentFactory(person=person)
    first = may_client.get(URL).context["page"]
    assert len(first.object_list) == 30
    assert first.paginator.count == 32  # and Sam, who said yes to a next step
    assert len(may_client.get(URL, {"page": 2}).context["leaders"]) == 2


def test_the_page_takes_the_same_few_queries_for_many_people(may_client, ours, queries_for, scale):
    tenure = Divide.objects.create(organization=ours.org, name="Tenure")
    renters = Side.objects.create(divide=tenure, name="Renters")

    def add(n):
        for _ in range(n):
            person = PersonFactory(organization=ours.org)
            AssessmentFactory(
                person=person, took_on_role=True, level=scale[0], kindliness="activist"
            )
            PersonSide.objects.create(person=person, divide=tenure, side=renters)
            CommitmentFactory(conversation=ours.by_may, person=person)
            SignUpFactory(event=ours.event, person=person, status=SignUp.Status.ATTENDED)
            RelationshipFactory(organization=ours.org, person=person, other=ours.rosa)

    add(2)
    few = queries_for(may_client, URL)
    add(25)
    many = queries_for(may_client, URL)
    assert few == many
    # session, membership, the campaign, place, side and level choices, the people who may be
    # ranked, one GROUP BY per kind of evidence, and the page's people
    assert many <= 18


def test_people_they_brought_who_came_count_and_are_said(may, ours):
    october = EventFactory(organization=ours.org, campaign=ours.campaign, title="October meeting")
    bringer = PersonFactory(organization=ours.org, name="Bea Brings")
    for _ in range(4):
        SignUpFactory(
            event=october,
            person=PersonFactory(organization=ours.org),
            brought_by=bringer,
            status=SignUp.Status.ATTENDED,
        )
    # One who was brought but did not come is no evidence yet.
    SignUpFactory(event=october, person=ours.sam, brought_by=bringer)
    bea = emerging_leaders(may).of(bringer.pk)
    assert bea.score == 4 * 3
    assert reasons(bea) == ["brought 4 neighbours to October meeting"]
    assert evidence_of(bea)[0].url == f"/campaigns/events/{october.pk}/"
    ours.signup.brought_by = bringer
    ours.signup.status = SignUp.Status.ATTENDED
    ours.signup.save()
    assert reasons(emerging_leaders(may).of(bringer.pk)) == ["brought 5 neighbours to 2 events"]
    other = CampaignFactory(organization=ours.org)
    assert emerging_leaders(may, campaign=other).of(bringer.pk) is None
