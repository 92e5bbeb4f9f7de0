"""A member records a paper sheet from a house meeting as one anonymous paper voter. The rule
for volunteers: they see the organization's polls and statements (what any voter reads) and
record sheets for open polls; they see no count of voters or votes and no results."""

from heard.voting.models import Vote, Voter

from .conftest import make_poll


def _sheet(poll, marks):
    statements = list(poll.statements.order_by("position"))
    return {f"s{s.pk}": mark for s, mark in zip(statements, marks, strict=True)}


def test_a_volunteer_records_a_sheet_as_one_paper_voter(lee_client, lee, poll):
    page = lee_client.get(f"/votes/{poll.pk}/paper/")
    assert page.status_code == 200
    for statement in poll.statements.all():
        assert statement.text in page.content.decode()
    response = lee_client.post(f"/votes/{poll.pk}/paper/", _sheet(poll, ["agree", "", "pass"]))
    assert response.status_code == 302
    voter = Voter.objects.get()
    assert voter.kind == Voter.Kind.PAPER and voter.recorded_by == lee.user and voter.device == ""
    assert sorted(Vote.objects.values_list("choice", flat=True)) == [0, 1]


def test_two_sheets_are_two_voters(may_client, poll):
    for marks in (["agree", "agree", "disagree"], ["disagree", "pass", "agree"]):
        response = may_client.post(f"/votes/{poll.pk}/paper/", _sheet(poll, marks))
        assert response.status_code == 302
    assert Voter.objects.filter(kind=Voter.Kind.PAPER).count() == 2
    assert Vote.objects.count() == 6


def test_a_blank_sheet_is_refused(lee_client, poll):
    response = lee_client.post(f"/votes/{poll.pk}/paper/", _sheet(poll, ["", "", ""]))
    assert response.status_code == 400
    assert "blank" in response.content.decode()
    assert not Voter.objects.exists()


def test_a_closed_polls_sheet_is_refused(lee_client, ours):
    closed = make_poll(ours.org, is_open=False)
    response = lee_client.post(
        f"/votes/{closed.pk}/paper/", _sheet(closed, ["agree", "agree", "agree"])
    )
    assert response.status_code == 400
    assert not Voter.objects.exists()


def test_a_volunteer_sees_polls_but_no_counts_and_no_results(lee_client, may_client, poll):
    may_client.post(f"/votes/{poll.pk}/paper/", _sheet(poll, ["agree", "agree", "agree"]))
    listing = lee_client.get("/votes/").content.decode()
    assert "Winter heat vote" in listing and "Record a paper sheet" in listing
    assert "voter" not in listing.lower().replace("votes", "")
    assert f"/votes/{poll.pk}/results/" not in listing
    assert lee_client.get(f"/votes/{poll.pk}/results/").status_code == 403
    organizers_list = may_client.get("/votes/").content.decode()
    assert "3 statements · 1 voter" in organizers_list
