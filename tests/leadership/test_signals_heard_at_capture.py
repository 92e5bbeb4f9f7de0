"""Leader signals noticed at capture are written by leadership's service, by whoever held the
conversation, and carry no level of the organization's scale."""

import pytest
from django.core.exceptions import PermissionDenied

from heard.leadership.services import record_signals_heard


def test_the_volunteer_who_held_the_conversation_records_what_they_saw(lee, ours):
    made = record_signals_heard(
        by=lee,
        person=ours.rosa,
        conversation=ours.by_lee,
        signals={"named_neighbours"},
        kindliness="empathic",
    )
    assert made.named_neighbours and not made.wants_to_host
    assert made.assessed_by == lee.user and made.assessed_on == ours.by_lee.held_on
    assert made.kindliness == "empathic"


def test_a_volunteer_may_not_add_signals_to_someone_elses_conversation(lee, ours):
    with pytest.raises(PermissionDenied):
        record_signals_heard(
            by=lee, person=ours.sam, conversation=ours.by_may, signals={"offered_to_help"}
        )


def test_an_outsider_may_not_add_signals_to_our_conversation(otto, ours):
    with pytest.raises(PermissionDenied):
        record_signals_heard(
            by=otto, person=ours.sam, conversation=ours.by_may, signals={"offered_to_help"}
        )
