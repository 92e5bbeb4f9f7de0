"""What makes asking for help hard for someone (JRF: giving that went one way, the bitterness it
leaves, a wish to manage alone) is kept as history like the leader signals, and shown where the
signals are."""

import pytest
from django.core.exceptions import ValidationError

from heard.conversations.services import LeaderSignals
from heard.leadership.models import Assessment
from heard.leadership.services import record_assessment, record_signals_heard


def test_an_organizer_may_record_only_a_barrier_with_why(may, ours):
    made = record_assessment(
        by=may, person=ours.sam, barriers={"gave_without_return"}, note="Fed the block for years."
    )
    assert made.barrier_labels == ["Has given without getting back"]


def test_an_assessment_still_needs_something_seen(may, ours):
    with pytest.raises(ValidationError, match="what makes asking for help hard"):
        record_assessment(by=may, person=ours.sam)


def test_an_unknown_barrier_is_a_bug_not_a_form_error(lee, may, ours):
    with pytest.raises(ValueError, match="Unknown barriers"):
        record_assessment(by=may, person=ours.sam, barriers={"shy"})
    with pytest.raises(ValueError, match="Unknown barriers"):
        record_signals_heard(by=lee, person=ours.rosa, conversation=ours.by_lee, barriers={"proud"})


def test_the_person_page_and_the_path_show_the_newest(may, may_client, ours):
    record_assessment(by=may, person=ours.sam, barriers={"wants_self_reliance"}, note="Proud.")
    page = may_client.get(f"/people/{ours.sam.pk}/").content.decode()
    assert "asking for help is hard: would rather manage on their own" in page
    path = may_client.get(f"/leaders/{ours.sam.pk}/assess/").content.decode()
    assert "Would rather manage on their own" in path


def test_the_assessment_form_takes_them(may_client, ours):
    response = may_client.post(
        f"/leaders/{ours.sam.pk}/assess/",
        {"barriers": ["gave_without_return", "bitter_about_help"], "kindliness": ""},
    )
    assert response.status_code == 302
    made = Assessment.objects.get(person=ours.sam)
    assert made.barriers == {"gave_without_return", "bitter_about_help"}


def test_the_capture_form_and_the_model_name_the_same_barriers():
    assert LeaderSignals.BARRIERS == Assessment.BARRIERS
