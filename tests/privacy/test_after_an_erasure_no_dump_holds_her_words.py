"""After an erasure, a plain-text dump of the whole database holds none of the person's name,
phone, email, address, quotes or the answers of her one-to-one conversation: on SQLite as
`sqlite3 .dump` writes it, on PostgreSQL as `pg_dump` does. The others' words stay.

The data is committed (a transactional test), so pg_dump, another connection, sees it."""

import subprocess

import pytest
from django.contrib.admin.models import ADDITION, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.urls import reverse

from heard.people.models import Person
from heard.privacy.services import erase_person

from .conftest import MARKERS, STAYING

#: Words in the markers no other row of the test data holds: a theme label or phrase made of a
#: part of her sentence must be gone too, not only the whole sentence.
TOKENS = [
    "Quillfeather",
    "Obsidianwick",
    "grumblewort",
    "thistlecrown",
    "velvetmarrow",
    "pennywhistle",
    "quixotry",
    "fernsparrow",
]


def dump() -> str:
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        return "\n".join(connection.connection.iterdump())
    if connection.vendor == "postgresql":
        settings = connection.settings_dict
        result = subprocess.run(
            [
                "/usr/bin/pg_dump",
                "--host",
                settings.get("HOST") or "127.0.0.1",
                "--port",
                str(settings.get("PORT") or 5432),
                "--username",
                settings.get("USER") or "postgres",
                "--no-password",
                settings["NAME"],
            ],
            capture_output=True,
            text=True,
            check=True,
            timeout=120,
        )
        return result.stdout
    pytest.skip(f"no dump for {connection.vendor}")


@pytest.mark.django_db(transaction=True)
def test_no_dump_of_the_database_holds_her_words_after_her_erasure(zephyrine, ada, may_client):
    person = zephyrine.person
    # Her page is read, and Django's admin logged a change to her record by name.
    assert may_client.get(reverse("people:detail", args=[person.pk])).status_code == 200
    LogEntry.objects.create(
        user=ada.user,
        content_type=ContentType.objects.get_for_model(Person),
        object_id=str(person.pk),
        object_repr=person.name,
        action_flag=ADDITION,
        change_message="[]",
    )
    before = dump()
    for key, marker in MARKERS.items():
        assert marker in before, f"the dump should see her {key} before the erasure"

    erase_person(by=ada, person=person)

    after = dump()
    for key, marker in MARKERS.items():
        assert marker not in after, f"her {key} is still in the database"
    for token in TOKENS:
        assert token not in after
    for key, marker in STAYING.items():
        assert marker in after, f"the others' {key} must stay"
