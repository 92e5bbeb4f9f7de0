"""The offline outbox will send conversations again whenever it is unsure they arrived. 100
client threads post 100 conversations, every one of them sent two or three times by different
threads at once, served by 16 server threads with a database connection each: each conversation
is stored exactly once, with its new person once, and every send is answered 201 (the one that
stored it) or 200 (a retry), with no server error on the way."""

import random
import threading
import uuid
from collections import Counter

import pytest
from django.db import connection
from django.utils import timezone
from factories import CampaignFactory, GuideQuestionFactory, MembershipFactory
from on_disk import on_disk_as_in_production

from heard.accounts.models import Role
from heard.conversations.models import Answer, Conversation, Participant
from heard.people.models import Person

from .tokens import client_with, token_of

THREADS = 100
RETRIES = 5
#: The web server's threads: the clients are 100 at once, but `heard run` serves 4 requests at a
#: time per process (`--threads`) and each holds a database connection; 16 here. (A
#: connection per client would exceed PostgreSQL's default 100 connections.)
SERVER_THREADS = 16


def _body(campaign, question, n: int) -> dict:
    return {
        "id": str(uuid.uuid4()),
        "campaign_id": campaign.pk,
        "venue": "door",
        "held_on": timezone.localdate().isoformat(),
        "new_people": [{"name": f"Neighbour number {n}"}],
        "answers": [{"question_id": question.pk, "text": f"Heard at door {n}."}],
    }


def _in_a_thread(read):
    """`read()` on a connection of its own (the file, on SQLite), closed after."""
    result = []

    def run():
        try:
            result.append(read())
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    return result[0]


@pytest.mark.django_db(transaction=True)
def test_a_hundred_clients_sending_each_conversation_two_or_three_times_store_it_once(tmp_path):
    member = MembershipFactory(role=Role.ORGANIZER)
    campaign = CampaignFactory(organization=member.organization)
    question = GuideQuestionFactory(campaign=campaign)
    secret = token_of(member)
    bodies = [_body(campaign, question, n) for n in range(THREADS)]
    # Thread i sends its own conversation, then its neighbour's, and a third of them their own
    # again: every conversation is sent by two or three threads racing each other.
    rng = random.Random(12)
    plans = []
    for i in range(THREADS):
        plan = [bodies[i], bodies[(i + 1) % THREADS]]
        if rng.random() < 0.34:
            plan.append(bodies[i])
        rng.shuffle(plan)
        plans.append(plan)
    sent = Counter(body["id"] for plan in plans for body in plan)
    assert set(sent.values()) == {2, 3}

    statuses: list[int] = []
    failures: list[str] = []
    server_errors: list[int] = []
    lock = threading.Lock()
    start = threading.Barrier(THREADS)
    server = threading.BoundedSemaphore(SERVER_THREADS)

    def client(plan):
        try:
            api = client_with(secret)
            start.wait()
            for body in plan:
                for _ in range(RETRIES):
                    with server:
                        response = api.post(
                            "/api/v1/conversations/", body, content_type="application/json"
                        )
                        connection.close()
                    if response.status_code < 500:
                        break
                    with lock:
                        server_errors.append(response.status_code)
                with lock:
                    statuses.append(response.status_code)
                    if response.status_code not in (200, 201):
                        failures.append(f"{response.status_code}: {response.content[:200]}")
        except Exception as error:  # noqa: BLE001 - reported below, not swallowed
            with lock:
                failures.append(repr(error))
        finally:
            connection.close()

    with on_disk_as_in_production(tmp_path):
        threads = [threading.Thread(target=client, args=(plan,)) for plan in plans]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        stored = _in_a_thread(
            lambda: {
                "ids": set(Conversation.objects.values_list("id", flat=True)),
                "people": Person.objects.filter(name__startswith="Neighbour number").count(),
                "participants": Participant.objects.count(),
                "answers": Answer.objects.count(),
            }
        )

    assert failures == []
    assert server_errors == []  # no send even needed its retry
    assert len(statuses) == sum(sent.values())
    counts = Counter(statuses)
    assert counts[201] == THREADS  # each stored by exactly one send
    assert counts[200] == sum(sent.values()) - THREADS
    assert stored == {
        "ids": {uuid.UUID(b["id"]) for b in bodies},
        "people": THREADS,
        "participants": THREADS,
        "answers": THREADS,
    }
