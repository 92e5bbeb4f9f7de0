"""A commitment is seen by whoever may see the conversation it was made in."""

from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from factories import CommitmentFactory

from heard.commitments.queries import commitments_for, commitments_of


@pytest.fixture
def promises(ours):
    return {
        "lee's": CommitmentFactory(conversation=ours.by_lee, person=ours.rosa, what="Lee's"),
        "may's": CommitmentFactory(conversation=ours.by_may, person=ours.sam, what="May's"),
        "loose": CommitmentFactory(
            conversation=None, organization=ours.org, person=ours.rosa, what="No conversation"
        ),
    }


def whats(commitments):
    return {c.what for c in commitments}


def test_the_organizer_sees_every_commitment_of_the_organization(may, promises, theirs):
    CommitmentFactory(conversation=theirs.conversation, person=theirs.olga, what="Theirs")
    assert whats(commitments_for(may)) == {"Lee's", "May's", "No conversation"}


def test_the_volunteer_sees_the_commitments_of_their_own_conversations(lee, promises):
    assert whats(commitments_for(lee)) == {"Lee's"}


def test_the_outsider_sees_none_of_ours(otto, promises, theirs):
    CommitmentFactory(conversation=theirs.conversation, person=theirs.olga, what="Theirs")
    assert whats(commitments_for(otto)) == {"Theirs"}


def test_a_persons_commitments_are_filtered_the_same_way(may, lee, ours, promises):
    assert whats(commitments_of(may, ours.rosa)) == {"Lee's", "No conversation"}
    assert whats(commitments_of(lee, ours.rosa)) == {"Lee's"}
    assert whats(commitments_of(lee, ours.sam)) == set()


@pytest.mark.parametrize("hours", [Decimal("0"), Decimal("-1"), Decimal("200.1")])
def test_the_database_refuses_hours_out_of_range(ours, hours):
    with pytest.raises(IntegrityError), transaction.atomic():
        CommitmentFactory(conversation=ours.by_lee, person=ours.rosa, hours=hours)
