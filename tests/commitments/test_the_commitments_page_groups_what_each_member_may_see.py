"""/commitments/: Mine and Team (team for staff only), grouped overdue / this week / later /
done / dropped; three personas."""

import pytest
from django.urls import reverse
from factories import CommitmentFactory

URL = reverse("commitments:list")


def test_the_organizer_sees_the_teams_overdue_ones_first(may_client, promises):
    page = may_client.get(URL, {"show": "team"}).content.decode()
    assert "Call the landlord" in page
    assert "Overdue" in page
    assert "Bring two neighbours" not in page  # another group


@pytest.mark.parametrize(
    ("group", "what"),
    [
        ("overdue", "Call the landlord"),
        ("week", "Bring two neighbours"),
        ("later", "Find a meeting room"),
        ("done", "Write to the council"),
        ("dropped", "Start a petition"),
    ],
)
def test_each_group_holds_its_own(may_client, promises, group, what):
    page = may_client.get(URL, {"show": "team", "group": group}).content.decode()
    assert what in page
    others = {k.what for k in promises.values()} - {what}
    assert not [other for other in others if other in page]


def test_mine_is_what_i_owe_or_what_was_promised_in_my_conversations(may_client, promises):
    mine = may_client.get(URL, {"show": "mine", "group": "overdue"}).content.decode()
    assert "Call the landlord" not in mine  # held by Lee
    week = may_client.get(URL, {"group": "week"}).content.decode()
    assert "Bring two neighbours" in week


def test_the_volunteer_sees_only_their_own_and_no_team_tab(lee_client, promises):
    page = lee_client.get(URL, {"show": "team", "group": "overdue"}).content.decode()
    assert "Call the landlord" in page
    assert ">Team<" not in page
    week = lee_client.get(URL, {"show": "team", "group": "week"}).content.decode()
    assert "Bring two neighbours" not in week


def test_the_outsider_sees_none_of_ours(otto_client, promises, ours):
    for group in ("overdue", "week", "later", "done", "dropped"):
        page = otto_client.get(URL, {"show": "team", "group": group}).content.decode()
        assert not [secret for secret in ours.secrets if secret in page]
        assert "Call the landlord" not in page


def test_a_login_without_an_organization_gets_404(loner_client):
    assert loner_client.get(URL).status_code == 404


def test_unknown_filters_fall_back_to_the_defaults(may_client, promises):
    response = may_client.get(URL, {"show": "x" * 3000, "group": "\x00", "page": "99999"})
    assert response.status_code == 200


def test_the_list_paginates_in_a_fixed_number_of_queries(may_client, ours, queries_for, today):
    CommitmentFactory(conversation=ours.by_may, person=ours.sam, due_on=today)
    few = queries_for(may_client, URL, {"show": "team", "group": "week"})
    for _ in range(25):
        CommitmentFactory(conversation=ours.by_may, person=ours.sam, due_on=today)
    assert queries_for(may_client, URL, {"show": "team", "group": "week"}) == few
    page = may_client.get(URL, {"show": "team", "group": "week"}).content.decode()
    assert "Page 1 of 2" in page


def test_the_home_page_marks_the_overdue_ones(may_client, promises):
    page = may_client.get(reverse("home")).content.decode()
    assert "Overdue" in page
    assert page.index("Call the landlord") < page.index("Bring two neighbours")
