"""A volunteer notices at capture what makes asking for help hard for someone, without any
leader signal; nothing is kept for someone who asked us not to keep notes."""

from heard.conversations.models import Conversation
from heard.leadership.models import Assessment
from heard.people.models import Consent
from heard.people.services import record_consent

from .capture import URL, capture_data


def record(client, data):
    response = client.post(URL, data)
    assert response.status_code == 302, response.context and response.context["form"].errors
    return Conversation.objects.get(pk=data["client_id"])


def test_a_volunteer_notices_them_at_capture_without_any_leader_signal(lee, lee_client, ours):
    conversation = record(
        lee_client,
        capture_data(
            ours.campaign,
            people=[ours.rosa],
            answers={ours.problem: "Nobody helped when my husband was ill, so I stopped asking."},
            bitter_about_help="on",
            wants_self_reliance="on",
        ),
    )
    assessment = Assessment.objects.get(conversation=conversation)
    assert assessment.person == ours.rosa
    assert assessment.barriers == {"bitter_about_help", "wants_self_reliance"}
    assert assessment.signal_count == 0 and not assessment.gave_without_return


def test_nothing_is_kept_for_someone_who_asked_us_not_to_keep_notes(lee, lee_client, ours, may):
    record_consent(by=may, person=ours.rosa, topic=Consent.Topic.RECORDS, granted=False)
    conversation = record(
        lee_client,
        capture_data(
            ours.campaign,
            people=[ours.rosa],
            answers={ours.problem: "Fine."},
            wants_self_reliance="on",
        ),
    )
    assert not Assessment.objects.filter(conversation=conversation).exists()
