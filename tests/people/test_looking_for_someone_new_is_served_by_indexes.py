"""On PostgreSQL, the searches a save makes when a volunteer adds someone are answered from
indexes, not by reading every person or household the organization has (issue 15: 3-6 ms each
at 14,000 people, growing with every conversation; people/migrations/0005).

The lookalike search: the indexes are there and the search asks in the very form they serve
(which plan wins depends on the table's size, so it is not the plan that is pinned). The
household lookup: among a few thousand households, its own SQL is asked for its plan with
whole-table reads priced out; if the query changed shape, the index would no longer serve it
and the plan would say so."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from heard.people.models import Household
from heard.people.queries import lookalikes_for
from heard.people.services import NewPerson, add_person

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the indexes are PostgreSQL's (trigrams)"
)


HOUSEHOLDS = 3000


@pytest.fixture
def households(org):
    """A city-wide campaign's worth of households, with planner statistics."""
    Household.objects.bulk_create(
        Household(organization=org, name=f"Household {n}") for n in range(HOUSEHOLDS)
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE people_household")


def _plans(queries, table: str) -> list[str]:
    plans = []
    with connection.cursor() as cursor:
        # Only in this test's transaction. At a few thousand rows, reading the table (or the
        # organization's part of an index) whole still costs about as much; at the tens of
        # thousands the indexes are for, it does not. Left: the bitmap scans an index serves.
        for plan in ("seqscan", "indexscan", "indexonlyscan"):
            cursor.execute(f"SET LOCAL enable_{plan} = off")
        for query in queries.captured_queries:
            sql = query["sql"]
            if sql.startswith("SELECT") and f'FROM "{table}"' in sql:
                cursor.execute("EXPLAIN " + sql)
                plans.append("\n".join(row[0] for row in cursor.fetchall()))
    return plans


def _index_definitions(table: str) -> dict[str, str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = %s", [table])
        return dict(cursor.fetchall())


def test_a_name_phone_and_email_are_looked_up_as_their_indexes_read(lee, ours):
    # At 14,000 people the trigram indexes cut the name search from 6.3 to 0.3 ms
    # (benchmarks/load/README.md).
    indexes = _index_definitions("people_person")
    assert "gin (name_folded gin_trgm_ops)" in indexes["people_person_name_folded_trgm"]
    assert "gin (phone gin_trgm_ops)" in indexes["people_person_phone_trgm"]
    assert "upper((email)::text)" in indexes["people_person_email_upper"]
    with CaptureQueriesContext(connection) as queries:
        lookalikes_for(lee, name="Rosa María Delgado", phone="731-555-0142", email="R@Example.org")
    searches = [q["sql"] for q in queries.captured_queries if 'FROM "people_person"' in q["sql"]]
    by_name, by_contact = searches[:2]
    assert """"people_person"."name_folded"::text LIKE '%delgado%'""" in by_name
    assert """"people_person"."phone"::text LIKE '%0142%'""" in by_contact
    assert """UPPER("people_person"."email"::text) = UPPER('R@Example.org')""" in by_contact


def test_a_household_is_found_by_name_in_an_index(lee, ours, households):
    add_person(by=lee, person=NewPerson(name="Odalys Brightwater", household_name="Brightwater"))
    with CaptureQueriesContext(connection) as queries:
        add_person(by=lee, person=NewPerson(name="Ines Brightwater", household_name="BRIGHTWATER"))
    (plan,) = _plans(queries, "people_household")
    assert "people_household_org_name_upper" in plan
