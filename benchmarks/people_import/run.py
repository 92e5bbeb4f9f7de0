"""Importing 10,000 people from a CSV, 5% of them near-duplicates of people already stored: how
long reading, checking (the preview) and applying take, and how many of the re-entered people
the check recognised (and how many new people it wrongly took for someone stored).

    HEARD_DATA_DIR=$(mktemp -d) python benchmarks/people_import/run.py [ROWS]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/heard_bench_import python benchmarks/...

It makes a fresh database (SQLite in HEARD_DATA_DIR, or the PostgreSQL database named, which it
empties), an organization with 2,000 people, and a file of ROWS rows: ROWS - 5% new people and
5% people already stored entered again the ways people are (the generator of
benchmarks/people_duplicates: accents dropped, capitals, a typo, a second family name, the phone
written differently).
"""

import csv
import importlib.util
import io
import os
import random
import sys
import time
from pathlib import Path

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "heard.settings")
django.setup()

from django.core.management import call_command  # noqa: E402

from heard.accounts.models import Membership, Organization, Role  # noqa: E402
from heard.exchange import checking, services  # noqa: E402
from heard.people.folding import fold  # noqa: E402
from heard.people.models import Household, Person  # noqa: E402

_spec = importlib.util.spec_from_file_location(
    "generator", Path(__file__).parent.parent / "people_duplicates" / "run.py"
)
generator = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(generator)

STORED = 2_000


def main(rows: int = 10_000) -> None:
    call_command("flush", interactive=False, verbosity=0)
    call_command("migrate", verbosity=0)
    from django.contrib.auth import get_user_model

    org = Organization.objects.create(name="Bench", slug="bench")
    user = get_user_model().objects.create_user("bench", password="x" * 20)
    organizer = Membership.objects.create(user=user, organization=org, role=Role.ORGANIZER)
    rng = random.Random(7)
    stored = [generator.person(rng, n) for n in range(STORED)]
    people = []
    for r in stored:
        household = (
            Household.objects.create(organization=org, name=r.address, address=r.address)
            if r.address
            else None
        )
        people.append(
            Person(
                organization=org,
                name=r.name,
                phone=r.phone,
                email=r.email,
                household=household,
            )  # fmt: skip
        )
    Person.objects.bulk_create(people)
    pk_of = {p.name + p.phone: p.pk for p in Person.objects.filter(organization=org)}
    again = rows // 20
    truth = {}
    lines = [generator.person(rng, STORED + n) for n in range(rows - again)]
    for r in rng.sample(stored, again):
        copy = generator.again(rng, r, f"again-{r.key}")
        truth[copy.name + "|" + copy.phone] = pk_of[r.name + r.phone]
        lines.append(copy)
    rng.shuffle(lines)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["Name", "Phone", "Email", "Address"])
    for r in lines:
        # Django's EmailField takes no accents before the @ (the generator's "lucía9@…" would
        # be refused, rightly, as the check shows): written as people type them on a keyboard.
        writer.writerow([r.name, r.phone, fold(r.email), r.address])
    data = out.getvalue().encode()

    start = time.perf_counter()
    batch = services.start_import(by=organizer, filename="bench.csv", data=data)
    read = time.perf_counter() - start
    start = time.perf_counter()
    checked = checking.check_people(organizer, batch)
    preview = time.perf_counter() - start
    matched = {
        row.values["name"] + "|" + row.values.get("phone", ""): row.person.pk
        for row in checked.rows
        if row.person is not None
    }
    right = sum(1 for key, pk in truth.items() if matched.get(key) == pk)
    start = time.perf_counter()
    report = services.apply_import(by=organizer, batch=batch)
    applied = time.perf_counter() - start
    engine = django.db.connection.vendor
    print(f"{engine}: {len(lines):,} rows ({len(truth)} re-entered), {STORED:,} people stored")
    print(f"read {read:.2f} s · preview {preview:.2f} s · apply {applied:.2f} s (check included)")
    print(
        f"recognised {right} of {len(truth)} re-entered (recall {right / len(truth):.3f}); "
        f"{len(matched) - right} other rows taken for someone stored "
        f"(precision {right / max(1, len(matched)):.3f})"
    )
    print(f"report: {report['created']:,} new, {report['merged']:,} merged")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
