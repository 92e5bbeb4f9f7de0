"""Who exported what is in the audit log (the file's name, never its words); the command line
writes the same file readable by its owner alone; a larger export reads no more queries."""

import os
import stat

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from factories import (
    AnswerFactory,
    CommitmentFactory,
    ConversationFactory,
    EventFactory,
    PersonFactory,
    QuoteFactory,
    SignUpFactory,
)

from heard.privacy.models import Action, AuditEvent

from .reading import csv_rows


def test_each_download_is_in_the_audit_log(may, may_client, ours):
    may_client.get("/exports/people.csv")
    event = AuditEvent.objects.get(action=Action.EXPORTED)
    assert (event.actor_id, event.organization_id) == (may.user_id, ours.org.pk)
    assert (event.object_kind, event.detail) == ("exchange.people", "heard-people.csv")


def test_the_command_writes_the_members_export_for_them_alone(tmp_path, lee, ours):
    out = tmp_path / "people.csv"
    call_command("export", "people", "--as", lee.user.username, "--out", str(out))
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
    text = out.read_text(encoding="utf-8-sig")
    assert "Rosa Alvarez" in text and "Sam Okafor" not in text
    assert AuditEvent.objects.filter(action=Action.EXPORTED, actor_id=lee.user_id).exists()


def test_the_command_refuses_an_unknown_member_or_campaign(tmp_path, may, ours, theirs):
    with pytest.raises(CommandError, match="No active member"):
        call_command("export", "people", "--as", "nobody", "--out", str(tmp_path / "x"))
    with pytest.raises(CommandError, match="no campaign"):
        call_command(
            "export", "conversations", "--as", may.user.username,
            "--campaign", str(theirs.campaign.pk), "--out", str(tmp_path / "x"),
        )  # fmt: skip


def queries_for(client, url) -> int:
    """The queries of the whole download: a CSV streams, so its rows are read as it is sent."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
        b"".join(response.streaming_content)
    return len(queries)


@pytest.mark.parametrize("kind", ["people", "conversations", "commitments", "events", "signups"])
def test_more_rows_read_no_more_queries(may, may_client, ours, kind):
    url = f"/exports/{kind}.csv"
    before = queries_for(may_client, url)
    for i in range(5):
        person = PersonFactory(organization=ours.org, name=f"Neighbour {i}")
        conversation = ConversationFactory(
            campaign=ours.campaign, held_by=may.user, people=[person, ours.sam]
        )
        QuoteFactory(conversation=conversation, person=person, text=f"Said {i}")
        AnswerFactory(conversation=conversation, question=ours.problem, text=f"Heat {i}")
        CommitmentFactory(conversation=conversation, person=person)
        event = EventFactory(organization=ours.org, campaign=ours.campaign)
        SignUpFactory(event=event, person=person)
    assert queries_for(may_client, url) == before
    assert len(csv_rows(may_client.get(url))) >= 1
