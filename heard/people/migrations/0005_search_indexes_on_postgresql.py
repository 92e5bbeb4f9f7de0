"""Indexes for the searches a save makes when it adds someone, on PostgreSQL.

A new person at the door is compared with everyone the organization has recorded
(`queries.lookalikes_for`: a word of the name anywhere in a folded name, the last digits of a
phone anywhere in one, the same email whatever the case) and their household is found by name
whatever the case (`services._household_named`). Without these, each is a scan of the
organization's people or households: 3-6 ms each at 14,000 people, growing with every
conversation, in the save of every volunteer who adds someone. Trigram indexes (pg_trgm) serve
`LIKE '%word%'`; the others are on the upper-cased text `iexact` compares.

PostgreSQL only, and outside Django's model state: SQLite has no trigram index (and scans
quickly at the sizes it serves). Where pg_trgm cannot be created (the contrib package missing,
or a role that may not create it), the trigram indexes are left out with a warning: the
searches still answer, by scanning.
"""

import warnings

from django.db import migrations, transaction

TRIGRAM_INDEXES = [
    "CREATE INDEX IF NOT EXISTS people_person_name_folded_trgm "
    "ON people_person USING gin (name_folded gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS people_person_phone_trgm "
    "ON people_person USING gin (phone gin_trgm_ops)",
]
CASE_INDEXES = [
    "CREATE INDEX IF NOT EXISTS people_person_email_upper "
    "ON people_person (upper(email::text))",
    "CREATE INDEX IF NOT EXISTS people_household_org_name_upper "
    "ON people_household (organization_id, upper(name::text))",
]
NAMES = [
    "people_person_name_folded_trgm",
    "people_person_phone_trgm",
    "people_person_email_upper",
    "people_household_org_name_upper",
]


def add(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for sql in CASE_INDEXES:
            cursor.execute(sql)
        try:
            with transaction.atomic(using=connection.alias), connection.cursor() as inner:
                inner.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        except Exception as error:  # noqa: BLE001 - any refusal: the searches scan instead
            warnings.warn(
                f"pg_trgm could not be created ({error}); searching people by part of a name "
                "or phone will scan the table.",
                stacklevel=1,
            )
            return
        for sql in TRIGRAM_INDEXES:
            cursor.execute(sql)


def remove(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for name in NAMES:
            cursor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("people", "0004_merged_record")]

    operations = [migrations.RunPython(add, remove, elidable=False)]
