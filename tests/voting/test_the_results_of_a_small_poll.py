"""The results page on a hand-made vote matrix whose answer is worked out by hand.

Six statements; twelve voters who agree with 1 and 2 and disagree with 3 and 4, twelve who do
the opposite, everyone agrees with 5, and 6 splits them (the first group passes, the second
agrees); two more voters voted on only three statements. So: two groups of 12 (every member of a
group votes alike, so there are two distinct places on the map and k = 2 is the only split),
the two short voters counted but not grouped, and statement 5 the only common ground: each
group agrees 12 of 12, smoothed (12+1)/(12+2) = 93%, consensus 0.93 x 0.93 = 86%, 24 votes.
Statement 1's consensus is 13/14 x 1/14 = 7%."""

import pytest
from django.test import Client

from heard.voting import results as results_module
from heard.voting.models import Statement

from .conftest import fill, make_poll, vote

TEXTS = [
    "One: more buses at night.",
    "Two: a bike lane on Main.",
    "Three: keep the parking.",
    "Four: no new bus stops.",
    "Five: fix the broken streetlights.",
    "Six: a later library closing.",
]


@pytest.fixture
def voted(ours):
    poll = make_poll(ours.org, TEXTS, title="Getting around")
    fill(poll, ["aaddap"] * 12 + ["ddaaaa"] * 12 + ["a.d.a.", "a.a.d."])
    return poll


def test_the_groups_the_ungrouped_and_the_common_ground(may_client, voted):
    response = may_client.get(f"/votes/{voted.pk}/results/")
    assert response.status_code == 200
    results = response.context["results"]
    assert (results.voters, results.grouped, results.too_few) == (26, 24, 2)
    assert [g.size for g in results.groups] == [12, 12]
    assert [line.text for line in results.common_ground] == [TEXTS[4]]
    top = results.by_consensus[0]
    assert (top.text, top.consensus_percent, top.votes) == (TEXTS[4], 86, 24)
    assert top.agree_percents == [93, 93]
    first = next(line for line in results.by_consensus if line.text == TEXTS[0])
    assert first.consensus_percent == 7 and sorted(first.agree_percents) == [7, 93]
    page = response.content.decode()
    assert "2 voters with fewer than 7 votes are counted but not placed in a group" in page
    assert page.count("<circle") == 26


def test_each_group_is_shown_what_sets_it_apart(may_client, voted):
    groups = may_client.get(f"/votes/{voted.pk}/results/").context["results"].groups
    by_text = [{(r.text, r.direction) for r in g.representatives} for g in groups]
    one_and_two = {(TEXTS[0], "agree"), (TEXTS[1], "agree")}
    three_and_four = {(TEXTS[2], "agree"), (TEXTS[3], "agree")}
    assert any(reps & one_and_two for reps in by_text)
    assert any(reps & three_and_four for reps in by_text)


def test_the_read_aloud_page_lists_only_the_common_ground(may_client, voted):
    page = may_client.get(f"/votes/{voted.pk}/read-aloud/").content.decode()
    assert TEXTS[4] in page
    assert all(text not in page for text in TEXTS[:4])
    assert "26 neighbours voted" in page and "2 groups" in page


def test_a_moderated_out_statement_is_never_scored(may_client, voted):
    Statement.objects.filter(text=TEXTS[4]).update(moderated_out=True)
    results = may_client.get(f"/votes/{voted.pk}/results/").context["results"]
    assert TEXTS[4] not in [line.text for line in results.by_consensus]
    assert results.common_ground == []


def test_results_are_cached_until_the_next_vote(may_client, voted, monkeypatch):
    calls = []
    compute = results_module.compute_results
    monkeypatch.setattr(
        results_module, "compute_results", lambda poll: calls.append(1) or compute(poll)
    )
    for _ in range(2):
        assert may_client.get(f"/votes/{voted.pk}/results/").status_code == 200
    assert len(calls) == 1
    vote(Client(), voted, voted.statements.first(), "disagree")
    results = may_client.get(f"/votes/{voted.pk}/results/").context["results"]
    assert len(calls) == 2 and results.voters == 27


def test_a_poll_without_votes_says_so(may_client, poll):
    page = may_client.get(f"/votes/{poll.pk}/results/").content.decode()
    assert "No votes yet" in page
