"""Offline capture's sync under a bad network (issue 13): four phones send 150 conversations to
/conversations/sync/ while requests are lost, answers are lost after the server stored the
conversation, phones stop waiting and send again while the first send is still being stored,
the same conversation comes twice at once, and the queue is shuffled. Each phone sends until it
hears 200 or 201, as the outbox does. Afterwards, read from the database: exactly the 150
conversations sent, each with exactly its people, answers, quotes and commitments, every new
person and household stored once, and no answer but 200 or 201, seen or lost.

benchmarks/offline_sync/ runs the same with 10,000 conversations through a real server and a
TCP proxy that makes the faults.
"""

import copy
import random
import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from factories import (
    CampaignFactory,
    ConsentFactory,
    GuideQuestionFactory,
    MembershipFactory,
    OrganizationFactory,
    PersonFactory,
    PlaceFactory,
)
from on_disk import on_disk_as_in_production

from heard.accounts.models import Role
from heard.people.folding import fold
from heard.people.models import Consent, Person

from .outbox_faults import (
    Faults,
    Tally,
    before_sending,
    check_stored,
    make_conversations,
    run_clients,
    sender_for,
)

SYNC = reverse("conversations:sync")
CONVERSATIONS = 150
# Higher than the benchmark's, so that 150 conversations meet every fault many times.
FAULTS = Faults(drop_request=0.1, drop_response=0.1, gave_up=0.1, duplicate=0.1)


class InProcess:
    """A member's phone talking to Heard through Django's test client, the faults made around
    it: a dropped request is never posted; a dropped answer is posted and thrown away; a phone
    that stops waiting leaves the post running in a thread of its own."""

    def __init__(self, cookies, csrf: str, tally: Tally, running: list):
        self.cookies, self.csrf, self.tally, self.running = cookies, csrf, tally, running

    def post(self, data, fault):
        if fault == "drop_request":
            return None
        if fault == "gave_up":
            thread = threading.Thread(target=self._lost, args=(data,))
            with self.tally.lock:
                self.running.append(thread)
            thread.start()
            return None
        if fault == "drop_response":
            self._lost(data)
            return None
        return self._post(data)

    def twin(self):
        return InProcess(self.cookies, self.csrf, self.tally, self.running)

    def _lost(self, data):
        status = self._post(data)
        with self.tally.lock:
            self.tally.unseen[status] += 1

    def _post(self, data) -> int:
        client = Client(enforce_csrf_checks=True)
        client.cookies = copy.deepcopy(self.cookies)
        try:
            return client.post(SYNC, data, HTTP_X_CSRFTOKEN=self.csrf).status_code
        finally:
            connection.close()  # each thread's own connection, as a server thread holds one


def _signed_in(user) -> tuple:
    """A phone's session cookie and the token the outbox asks for before sending."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    said = client.get(SYNC).json()
    return client.cookies, said["csrf"]


def _in_a_thread(work):
    """`work()` on a connection of its own (the file, on SQLite), closed after."""
    result = []

    def run():
        try:
            result.append(work())
        except AssertionError as failed:
            result.append(failed)
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    if isinstance(result[0], AssertionError):
        raise result[0]
    return result[0]


@pytest.mark.django_db(transaction=True)
def test_every_conversation_is_stored_once_and_whole_whatever_the_network_does(tmp_path):
    org = OrganizationFactory()
    turf = PlaceFactory(organization=org)
    volunteer = MembershipFactory(organization=org, role=Role.VOLUNTEER, turf=[turf])
    organizer = MembershipFactory(organization=org, role=Role.ORGANIZER)
    campaign = CampaignFactory(organization=org)
    for _ in range(3):
        GuideQuestionFactory(campaign=campaign)
    neighbours = [PersonFactory(organization=org, place=turf) for _ in range(10)]
    PersonFactory.create_batch(6, organization=org)  # not on the volunteer's turf
    # Someone who said no to notes being kept is never named: all that is sent must be kept.
    ConsentFactory(person=neighbours[0], topic=Consent.Topic.RECORDS, granted=False)

    today = timezone.localdate()
    senders = [sender_for(m, today) for m in (volunteer, organizer)]
    assert neighbours[0].pk not in senders[0].people
    assert len(senders[0].people) == 9 and len(senders[1].people) == 15
    taken = {fold(name) for name in Person.objects.values_list("name", flat=True)}
    made = make_conversations(senders, CONVERSATIONS, random.Random(13), today, taken)
    sessions = [_signed_in(m.user) for m in (volunteer, organizer)]
    before = before_sending()

    tally, running = Tally(), []
    plans = []
    for sender, session in enumerate(sessions):
        theirs = [s.data for index, s in made if index == sender]
        for phone in (theirs[::2], theirs[1::2]):  # two phones for each member
            plans.append((InProcess(*session, tally, running), phone))
    assert sum(len(items) for _, items in plans) == CONVERSATIONS

    with on_disk_as_in_production(tmp_path):
        run_clients(plans, FAULTS, seed=13, tally=tally)
        for thread in running:  # the sends the phones stopped waiting for
            thread.join()
        stored = _in_a_thread(lambda: check_stored([s for _, s in made], before))

    assert tally.errors == []
    assert tally.stuck == []
    assert tally.other_statuses() == {}
    # Every kind of fault happened, more than once.
    assert all(tally.faults[kind] >= 5 for kind in ("drop_request", "drop_response", "gave_up"))
    assert tally.faults["duplicate"] >= 5
    assert tally.seen[201] + tally.duplicates[201] + tally.unseen[201] == CONVERSATIONS
    assert tally.seen[200] > 0
    assert stored["conversations"] == CONVERSATIONS
    assert stored["new people"] > 20
