"""/privacy/audit/: the organization's log for its administrators, filtered, paged, newest first,
and downloadable as CSV; never another organization's events."""

import csv
import datetime as dt
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from heard.privacy.models import Action, AuditEvent

URL = reverse("privacy:audit")


def event(org, **fields):
    fields.setdefault("action", Action.VIEWED)
    return AuditEvent.objects.create(organization=org, **fields)


def shown(response) -> list[int]:
    return [e.pk for e in response.context["page"]]


@pytest.fixture
def log(org, otto):
    """Events of ours on three days, and one of the other organization's."""
    now = timezone.now()
    return {
        "old": event(org, actor_name="may", object_kind="people.person", object_id="7",
                     at=now - dt.timedelta(days=10)),
        "changed": event(org, actor_name="lee", action=Action.CHANGED,
                         object_kind="conversations.quote", object_id="3",
                         detail="fields: text", at=now - dt.timedelta(days=2)),
        "recent": event(org, actor_name="may", action=Action.EXPORTED,
                        object_kind="people.person", object_id="8", at=now),
        "theirs": event(otto.organization, actor_name="otto", object_kind="people.person",
                        object_id="7", at=now),
    }  # fmt: skip


def test_the_administrator_sees_the_log_newest_first(ada_client, log):
    ours = [log["recent"].pk, log["changed"].pk, log["old"].pk]
    response = ada_client.get(URL)
    assert response.status_code == 200
    assert [pk for pk in shown(response) if pk in ours] == ours
    text = response.content.decode()
    assert "fields: text" in text and "Quote #3" in text


def test_another_organizations_events_are_never_shown(ada_client, olive_client, log):
    assert log["theirs"].pk not in shown(ada_client.get(URL))
    theirs = shown(olive_client.get(URL))
    assert log["theirs"].pk in theirs
    assert not {log["old"].pk, log["changed"].pk, log["recent"].pk} & set(theirs)


@pytest.mark.parametrize(
    ("who", "status"), [("may_client", 403), ("lee_client", 403), ("loner_client", 404)]
)
def test_organizers_and_volunteers_may_not_read_it(who, status, request, log):
    assert request.getfixturevalue(who).get(URL).status_code == status


def test_an_anonymous_visitor_is_sent_to_log_in(client, log):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"action": "exported"}, ["recent"]),
        ({"member": "lee"}, ["changed"]),
        ({"kind": "people.person"}, ["recent", "old"]),
        ({"kind": "people.person", "object_id": "7"}, ["old"]),
        ({"since": "_3", "until": "_1"}, ["changed"]),
        ({"until": "_5"}, ["old"]),
    ],
)
def test_the_filters(ada_client, log, params, expected):
    today = timezone.localdate()
    params = {
        key: (today - dt.timedelta(days=int(v[1:]))).isoformat() if v.startswith("_") else v
        for key, v in params.items()
    }
    ours = {log[name].pk for name in ("old", "changed", "recent")}
    got = [pk for pk in shown(ada_client.get(URL, params)) if pk in ours]
    assert got == [log[name].pk for name in expected]


def test_a_filter_naming_something_unknown_shows_an_error_not_a_crash(ada_client, log):
    response = ada_client.get(URL, {"member": "nobody", "since": "not a date"})
    assert response.status_code == 200
    assert response.context["form"].errors.keys() == {"member", "since"}


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31"])
def test_dates_at_the_ends_of_the_calendar_are_no_error(ada_client, log, day):
    response = ada_client.get(URL, {"since": day, "until": day})
    assert response.status_code == 200


def test_fifty_events_a_page(ada, ada_client, org):
    now = timezone.now()
    AuditEvent.objects.bulk_create(
        AuditEvent(organization=org, action=Action.VIEWED, object_id=str(i),
                   at=now - dt.timedelta(minutes=i))
        for i in range(120)
    )  # fmt: skip
    viewed = {"action": "viewed"}
    first = ada_client.get(URL, viewed)
    assert len(shown(first)) == 50
    assert [e.object_id for e in first.context["page"]][:3] == ["0", "1", "2"]
    assert first.context["page"].paginator.count == 120
    last = ada_client.get(URL, {**viewed, "page": 3})
    assert [e.object_id for e in last.context["page"]][-1] == "119"
    assert len(shown(last)) == 20


def test_the_page_takes_the_same_queries_for_few_and_many_events(
    ada_client, org, queries_for, django_assert_max_num_queries
):
    def add(n):
        AuditEvent.objects.bulk_create(
            AuditEvent(organization=org, action=Action.VIEWED, actor_name=f"m{i % 5}")
            for i in range(n)
        )

    add(5)
    few = queries_for(ada_client, URL)
    add(200)
    assert queries_for(ada_client, URL) == few
    with django_assert_max_num_queries(10):
        ada_client.get(URL)


def test_the_csv_holds_the_filtered_events(ada_client, log, org):
    event(org, actor_name="=HYPERLINK(1)", action=Action.SIGN_IN)
    response = ada_client.get(URL, {"kind": "people.person", "format": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0] == ["at", "member", "action", "record kind", "record id", "detail"]
    assert [(r[1], r[2], r[4]) for r in rows[1:]] == [
        ("may", "exported", "8"),
        ("may", "viewed", "7"),
    ]


def test_a_csv_cell_is_never_a_spreadsheet_formula(ada_client, org):
    event(org, actor_name="=HYPERLINK(1)", action=Action.SIGN_IN)
    response = ada_client.get(URL, {"action": "sign_in", "format": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[1][1] == "'=HYPERLINK(1)"


def test_records_are_named_as_a_reader_says_them_and_linked_where_they_have_a_page(ada_client, log):
    text = ada_client.get(URL).content.decode()
    assert f'<a href="{reverse("people:detail", args=[8])}">Person #8</a>' in text
    assert "Quote #3" in text and "conversations.quote" not in text.split("<table")[-1]
    assert '<option value="people.person">Person</option>' in text


def test_an_erased_person_is_named_but_not_linked(ada_client, org):
    event(org, action=Action.ERASED, object_kind="people.person", object_id="9")
    text = ada_client.get(URL).content.decode()
    assert "Person #9" in text and reverse("people:detail", args=[9]) not in text
