"""Votes are rate-limited per phone and per network address, for the current minute: a clear
429 page past the limit, and the votes before it kept."""

from django.test import Client

from heard.voting import ratelimit
from heard.voting.models import Vote

from .conftest import vote


def test_a_phone_past_its_limit_gets_a_clear_429_and_its_earlier_votes_stay(phone, poll, settings):
    settings.VOTING_PER_DEVICE_PER_MINUTE = 4
    statement = poll.statements.first()
    phone.get(f"/vote/{poll.token}/")  # the phone gets its cookie
    answers = [vote(phone, poll, statement, "agree").status_code for _ in range(4)]
    assert answers == [200] * 4
    refused = vote(phone, poll, statement, "disagree")
    assert refused.status_code == 429
    assert "Too many votes at once" in refused.content.decode()
    assert list(Vote.objects.values_list("choice", flat=True)) == [1]
    # Another phone on another network still votes.
    other = Client(REMOTE_ADDR="203.0.113.9")
    assert vote(other, poll, statement).status_code == 200


def test_one_address_past_its_limit_is_refused_whatever_the_phone(poll, settings):
    settings.VOTING_PER_ADDRESS_PER_MINUTE = 3
    statement = poll.statements.first()
    codes = [vote(Client(), poll, statement).status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    assert vote(Client(REMOTE_ADDR="203.0.113.9"), poll, statement).status_code == 200


def test_the_counters_start_again_the_next_minute(poll, settings, monkeypatch):
    settings.VOTING_PER_DEVICE_PER_MINUTE = 1
    now = [1_800_000_000.0]
    monkeypatch.setattr(ratelimit.time, "time", lambda: now[0])
    phone = Client()
    phone.get(f"/vote/{poll.token}/")
    statement = poll.statements.first()
    assert vote(phone, poll, statement).status_code == 200
    assert vote(phone, poll, statement).status_code == 429
    now[0] += 60
    assert vote(phone, poll, statement).status_code == 200


def test_the_default_limits_fit_a_person_and_a_house_meeting():
    per_device, per_address = ratelimit.limits()
    assert 30 <= per_device <= 120  # a vote every second or two is a fast reader, no more
    assert per_address >= 10 * per_device  # a room of phones on one Wi-Fi
