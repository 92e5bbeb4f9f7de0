"""Build the voting benchmark's polls in PostgreSQL, once: 2,000 voters x 900 statements.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/heard_votebench .venv/bin/heard migrate
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/heard_votebench \
        .venv/bin/python benchmarks/voting/build.py [--rebuild]

Votes come from benchmarks/opinions/synthetic.py's four opinion camps (the same seeded leanings),
but each voter sees a share of the ballot drawn uniformly from 0-100%, so about half the matrix
is voted (real Polis conversations run sparser; this is the heavier case) and some voters have
fewer than 7 votes. 3% of the statements are moderated out. The votes go in with PostgreSQL's
COPY (the fastest bulk load; a poll's votes arrive one by one in real life).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import time

import numpy as np

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "heard.settings")

VOTERS, STATEMENTS, SEED = 2_000, 900, 0
ORGANIZATION = "Voting benchmark"
RESULTS_POLL, PHONES_POLL = "Benchmark poll", "Benchmark poll for phones"
CAMPS = 4


def bench_votes(voters: int, statements: int, seed: int) -> np.ndarray:
    """voters x statements of 1, -1, 0 or NaN: four camps, about half of it seen."""
    rng = np.random.default_rng(seed)
    leaning = rng.uniform(-1, 1, size=(CAMPS, statements))
    camp = rng.integers(0, CAMPS, size=voters)
    propensity = leaning[camp] + rng.normal(0, 0.5, size=(voters, statements))
    votes = np.where(propensity > 0.35, 1.0, np.where(propensity < -0.35, -1.0, 0.0))
    share = rng.uniform(0.0, 1.0, size=voters)[:, np.newaxis]
    return np.where(rng.random((voters, statements)) < share, votes, np.nan)


def build(rebuild: bool = False):
    import django

    django.setup()
    from django.db import connection, transaction
    from django.utils import timezone

    from heard.accounts.models import Organization
    from heard.privacy.audit import audit_paused
    from heard.voting.models import Poll, Statement, Voter

    existing = Organization.objects.filter(name=ORGANIZATION).first()
    if existing and not rebuild:
        print(f"Found {ORGANIZATION}: nothing to do (--rebuild to make it again).")
        return Poll.objects.get(organization=existing, title=RESULTS_POLL)
    started = time.monotonic()
    votes = bench_votes(VOTERS, STATEMENTS, SEED)
    moderated = np.random.default_rng(SEED + 1).random(STATEMENTS) < 0.03
    with audit_paused(), transaction.atomic():
        if existing:
            existing.delete()
        org = Organization.objects.create(name=ORGANIZATION, slug="voting-benchmark")
        poll, phones = (
            Poll.objects.create(organization=org, title=title, is_open=True)
            for title in (RESULTS_POLL, PHONES_POLL)
        )
        statements = Statement.objects.bulk_create(
            Statement(poll=poll, text=f"Benchmark statement {j}", position=j, moderated_out=m)
            for j, m in enumerate(moderated.tolist())
        )
        # The same ballot, without votes, for measure_votes.py's phones (it empties it first),
        # so that timing the results always reads the same 2,000 x 900.
        Statement.objects.bulk_create(
            Statement(poll=phones, text=f"Benchmark statement {j}", position=j, moderated_out=m)
            for j, m in enumerate(moderated.tolist())
        )
        voters = Voter.objects.bulk_create(
            Voter(poll=poll, device=hashlib.sha256(f"bench-{i}".encode()).hexdigest())
            for i in range(VOTERS)
        )
        now = timezone.now()
        rows, columns = np.nonzero(~np.isnan(votes))
        with (
            connection.cursor() as cursor,
            cursor.cursor.copy(
                "COPY voting_vote (voter_id, statement_id, choice, voted_at) FROM STDIN"
            ) as copy,
        ):
            for i, j in zip(rows.tolist(), columns.tolist(), strict=True):
                copy.write_row((voters[i].pk, statements[j].pk, int(votes[i, j]), now))
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE voting_vote")
    print(
        f"{VOTERS} voters x {STATEMENTS} statements, {len(rows)} votes "
        f"({len(rows) / votes.size:.0%} of the matrix) in {time.monotonic() - started:.1f} s."
    )
    return poll


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rebuild", action="store_true")
    build(parser.parse_args().rebuild)


if __name__ == "__main__":
    main()
