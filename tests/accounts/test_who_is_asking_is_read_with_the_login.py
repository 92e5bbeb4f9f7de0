"""Every signed-in request asks "who is asking?" (`membership_for`): the member, their role and
organization are read in the query that loads the login (`AccountBackend.get_user`), not in one
of their own. Read again on every request, so a change of role counts from the next one."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from heard.accounts.models import Role

SYNC = reverse("conversations:sync")


def test_a_signed_in_request_reads_its_session_and_its_member_in_two_queries(lee_client, lee):
    lee_client.get(SYNC)
    with CaptureQueriesContext(connection) as queries:
        answer = lee_client.get(SYNC)
    assert answer.status_code == 200
    assert answer.json()["member"] == lee.pk
    sql = [q["sql"] for q in queries.captured_queries]
    assert len(sql) == 2, sql
    assert "django_session" in sql[0]
    tables = ("auth_user", "accounts_membership", "accounts_organization")
    assert all(f'"{table}"' in sql[1] for table in tables), sql[1]


def test_a_new_role_counts_from_the_next_request(lee_client, lee):
    organizers_only = reverse("themes:index")
    assert lee_client.get(organizers_only).status_code == 403
    lee.role = Role.ORGANIZER
    lee.save()
    assert lee_client.get(organizers_only).status_code == 200


def test_a_login_without_an_organization_sees_nothing(loner_client):
    # Read with the login as none: the same 404 as before, not an error.
    assert loner_client.get(SYNC).status_code == 404
