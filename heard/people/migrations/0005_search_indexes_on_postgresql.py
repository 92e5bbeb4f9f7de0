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

# Hand-written rather than `GinIndex` in the models' Meta: those would be created on SQLite too,
# and `TrigramExtension` fails the migration where pg_trgm cannot be created.
CASE_INDEXES = {
    "people_person_email_upper": "ON people_person (upper(email::text))",
    "people_household_org_name_upper": "ON people_household (organization_id, upper(name::text))",
}
TRIGRAM_INDEXES = {
    "people_person_name_folded_trgm": "ON people_person USING gin (name_folded gin_trgm_ops)",
    "people_person_phone_trgm": "ON people_person USING gin (phone gin_trgm_ops)",
}


def add(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    _create(schema_editor, CASE_INDEXES)
    try:
        with transaction.atomic(using=schema_editor.connection.alias):
            schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except Exception as error:  # noqa: BLE001 - any refusal: the searches scan instead
        warnings.warn(
            f"pg_trgm could not be created ({error}); searching people by part of a name "
            "or phone will scan the table.",
            stacklevel=1,
        )
        return
    _create(schema_editor, TRIGRAM_INDEXES)


def remove(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in [*CASE_INDEXES, *TRIGRAM_INDEXES]:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


def _create(schema_editor, indexes: dict[str, str]) -> None:
    for name, definition in indexes.items():
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} {definition}")


class Migration(migrations.Migration):
    dependencies = [("people", "0004_merged_record")]

    operations = [migrations.RunPython(add, remove, elidable=False)]
