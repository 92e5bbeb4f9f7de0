"""A person's page: every conversation the viewer may see with them, their own words, the
commitments on both sides, the next steps invited, leader signals and who they know."""

import datetime as dt
from decimal import Decimal

from django.urls import reverse
from factories import (
    AnswerFactory,
    AssessmentFactory,
    CommitmentFactory,
    ConversationFactory,
    PersonFactory,
    QuoteFactory,
    RelationshipFactory,
)

from heard.commitments.models import Commitment
from heard.people.models import Relationship


def rosa_page(client, ours):
    return client.get(reverse("people:detail", args=[ours.rosa.pk]))


def a_one_to_one_with_rosa(may, ours):
    """May's one-to-one with Rosa: an answer, a quote, a next step and commitments both ways."""
    talk = ConversationFactory(
        campaign=ours.campaign,
        held_by=may.user,
        venue="one_to_one",
        held_on=dt.date(2025, 3, 4),
        people=[ours.rosa, ours.sam],
        next_step="training",
        next_step_response="maybe",
    )
    AnswerFactory(conversation=talk, question=ours.hope, text="A landlord who answers the phone.")
    QuoteFactory(conversation=talk, person=ours.rosa, text="I am not afraid any more.")
    QuoteFactory(conversation=talk, person=ours.sam, text="Sam's own words stay with Sam.")
    CommitmentFactory(
        conversation=talk,
        person=ours.rosa,
        side=Commitment.Side.PERSON,
        what="Host a house meeting",
        hours=Decimal("3.0"),
        due_on=dt.date(2025, 4, 1),
    )
    CommitmentFactory(
        conversation=talk,
        person=ours.rosa,
        side=Commitment.Side.ORGANIZER,
        owner=may.user,
        what="Bring the tenant-rights leaflets",
        hours=Decimal("1.5"),
        due_on=dt.date(2025, 3, 20),
    )
    AssessmentFactory(
        person=ours.rosa,
        conversation=talk,
        offered_to_help=True,
        wants_to_host=True,
        kindliness="activist",
    )
    return talk


def test_the_organizer_sees_every_conversation_quote_commitment_and_next_step(
    may, may_client, ours
):
    talk = a_one_to_one_with_rosa(may, ours)
    response = rosa_page(may_client, ours)
    text = response.content.decode()
    assert {c.pk for c in response.context["conversations"]} == {talk.pk, ours.by_lee.pk}
    assert "Conversations (2)" in text
    assert reverse("conversations:detail", args=[talk.pk]) in text
    assert reverse("conversations:detail", args=[ours.by_lee.pk]) in text
    assert "A landlord who answers the phone." in text
    assert "I am not afraid any more." in text
    assert "My kids sleep in their coats." in text
    assert "Sam&#x27;s own words" not in text  # another participant's quote
    assert "Host a house meeting" in text and "3.0 h" in text
    assert "Bring the tenant-rights leaflets" in text and "1.5 h" in text
    assert "They will" in text and "We will" in text
    assert "Training — <strong>Maybe</strong>" in text
    assert "Offered to help" in text and "Wants to host" in text
    assert "kindliness: Activist" in text
    assert "Alvarez household" in text and "Maple Court" in text and "555-0101" in text


def test_the_volunteer_sees_only_what_came_from_their_own_conversations(may, lee_client, ours):
    a_one_to_one_with_rosa(may, ours)
    response = rosa_page(lee_client, ours)
    text = response.content.decode()
    assert [c.pk for c in response.context["conversations"]] == [ours.by_lee.pk]
    assert "My kids sleep in their coats." in text
    assert "I am not afraid any more." not in text
    assert "Host a house meeting" not in text
    assert "A landlord who answers the phone." not in text
    assert "Training — " not in text
    assert "kindliness: Activist" not in text


def test_relationships_show_the_kind_of_tie_in_both_directions(may_client, ours, maple):
    tomas = PersonFactory(organization=ours.org, name="Tomas Alvarez", place=maple)
    RelationshipFactory(person=ours.rosa, other=tomas, kind=Relationship.Kind.FAMILY, note="son")
    RelationshipFactory(person=ours.sam, other=ours.rosa, kind=Relationship.Kind.CONGREGATION)
    response = rosa_page(may_client, ours)
    ties = {(other.name, tie.get_kind_display()) for tie, other in response.context["ties"]}
    assert ties == {("Tomas Alvarez", "Family"), ("Sam Okafor", "Same congregation")}
    text = response.content.decode()
    assert "Family" in text and "son" in text and "Same congregation" in text


def test_ties_to_people_the_viewer_may_not_see_are_left_out(lee_client, ours, maple):
    tomas = PersonFactory(organization=ours.org, name="Tomas Alvarez", place=maple)
    RelationshipFactory(person=ours.rosa, other=tomas, kind=Relationship.Kind.FAMILY)
    RelationshipFactory(person=ours.sam, other=ours.rosa, kind=Relationship.Kind.CONGREGATION)
    response = rosa_page(lee_client, ours)
    assert [other.name for _, other in response.context["ties"]] == ["Tomas Alvarez"]
    assert "Sam Okafor" not in response.content.decode()


def test_a_person_with_no_history_says_so(may_client, ours, maple):
    newcomer = PersonFactory(organization=ours.org, name="New Neighbour", place=maple)
    text = may_client.get(reverse("people:detail", args=[newcomer.pk])).content.decode()
    assert "No conversations you can see." in text
    assert "No quotes." in text and "None asked yet." in text and "No ties recorded." in text


def test_the_person_page_needs_the_same_queries_for_3_or_30_conversations(
    may, may_client, lee, lee_client, ours, maple, queries_for, django_assert_max_num_queries
):
    def add_history(n):
        for _ in range(n):
            for holder in (may, lee):
                talk = ConversationFactory(
                    campaign=ours.campaign,
                    held_by=holder.user,
                    people=[ours.rosa],
                    next_step="action",
                    next_step_response="yes",
                )
                AnswerFactory(conversation=talk, question=ours.problem)
                QuoteFactory(conversation=talk, person=ours.rosa)
                CommitmentFactory(conversation=talk, person=ours.rosa, owner=holder.user)
                AssessmentFactory(person=ours.rosa, conversation=talk)
            RelationshipFactory(
                person=ours.rosa, other=PersonFactory(organization=ours.org, place=maple)
            )

    url = reverse("people:detail", args=[ours.rosa.pk])
    add_history(3)
    few = queries_for(may_client, url), queries_for(lee_client, url)
    add_history(27)
    assert (queries_for(may_client, url), queries_for(lee_client, url)) == few
    # 16, and 9 for the person's sides and whether they are a bonder or a bridge on each divide
    # (ties, their scores, places, divides and their sides, everyone's sides: a fixed number),
    # 1 for the third spaces where they run into neighbours and, for who looks like them, 1 (by
    # name; here no one) to 3 (then those found whom the member may see, and their consent:
    # plain queries, see `lookalikes_for`).
    with django_assert_max_num_queries(28):
        may_client.get(url)
