"""What a token does is the member's doing in the audit log: the conversation it records, and
reading a person or a conversation, as the pages log them."""

import uuid

from django.utils import timezone

from heard.privacy.models import Action, AuditEvent


def test_recording_and_reading_through_a_token_are_logged_as_its_member(ours, lee, api):
    client = api(lee)
    pk = str(uuid.uuid4())
    body = {
        "id": pk,
        "campaign_id": ours.campaign.pk,
        "venue": "door",
        "held_on": timezone.localdate().isoformat(),
        "people": [ours.rosa.pk],
        "answers": [{"question_id": ours.problem.pk, "text": "Mice in the kitchen."}],
    }
    assert (
        client.post("/api/v1/conversations/", body, content_type="application/json").status_code
        == 201
    )
    created = AuditEvent.objects.get(
        action=Action.CREATED, object_kind="conversations.conversation", object_id=pk
    )
    assert (created.actor, created.organization) == (lee.user, ours.org)

    client.get(f"/api/v1/people/{ours.rosa.pk}")
    client.get(f"/api/v1/conversations/{ours.by_lee.pk}")
    viewed = AuditEvent.objects.filter(action=Action.VIEWED, actor=lee.user)
    assert set(viewed.values_list("object_kind", "object_id")) == {
        ("people.person", str(ours.rosa.pk)),
        ("conversations.conversation", str(ours.by_lee.pk)),
    }
    # A refused read is not a view.
    client.get(f"/api/v1/people/{ours.sam.pk}")
    assert viewed.count() == 2
