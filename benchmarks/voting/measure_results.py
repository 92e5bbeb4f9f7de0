"""Time a poll's results from the database: 2,000 voters x 900 statements (build.py first).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/heard_votebench \
        .venv/bin/python benchmarks/voting/measure_results.py [--runs 3]

Times `heard.voting.results.compute_results` (what the results page runs when the votes changed
since it last looked): load every vote from the database, build the voters x statements matrix,
then heard.opinions.maths (PCA, k-means k = 2..5 by silhouette, consensus, common ground,
representative statements) and the page's rows and map points. Also each part alone. Wall and
CPU time (the machine is shared, so wall time drifts with others' load); median of the runs.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "heard.settings")


def timed(function, *args):
    wall, cpu = time.perf_counter(), time.process_time()
    value = function(*args)
    return value, time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    import django

    django.setup()
    from heard.opinions.maths import find_opinion_groups
    from heard.voting.models import Poll
    from heard.voting.results import compute_results, vote_matrix

    poll = Poll.objects.get(organization__name="Voting benchmark", title="Benchmark poll")
    compute_results(poll)  # warm: imports, the database's cache
    parts: dict[str, list[tuple[float, float]]] = {"load": [], "maths": [], "total": []}
    for _ in range(runs):
        (voters, matrix, _, moderated), wall, cpu = timed(vote_matrix, poll)
        parts["load"].append((wall, cpu))
        _, wall, cpu = timed(find_opinion_groups, matrix, moderated)
        parts["maths"].append((wall, cpu))
        results, wall, cpu = timed(compute_results, poll)
        parts["total"].append((wall, cpu))
    print(
        f"{results.voters} voters, {matrix.shape[1]} statements with votes, {results.votes} votes; "
        f"{results.grouped} grouped in {len(results.groups)} groups "
        f"{[g.size for g in results.groups]}, {results.too_few} with fewer than 7 votes; "
        f"{len(results.common_ground)} common ground"
    )
    page = _results_page(poll, runs)
    print(f"load average {os.getloadavg()[0]:.1f}, {os.cpu_count()} cores")
    print(f"| part | wall (median of {runs}) | CPU |")
    print("|---|---|---|")
    names = {
        "load": "load the votes from PostgreSQL, build the matrix",
        "maths": "groups, consensus, common ground, representatives (heard.opinions.maths)",
        "total": "the whole `compute_results` (load + maths + the page's rows and map)",
    }
    for name, values in parts.items():
        wall = statistics.median(v[0] for v in values)
        cpu = statistics.median(v[1] for v in values)
        print(f"| {names[name]} | {wall:.2f} s | {cpu:.2f} s |")
    print(
        f"| the results page over HTTP (Django's test client), votes changed: computed | "
        f"{page['fresh']:.2f} s | |"
    )
    print(f"| the results page again, nothing changed: from the cache | {page['cached']:.2f} s | |")


def _results_page(poll, runs: int) -> dict[str, float]:
    """The page an organizer opens: after a vote (recomputed), then again (cached)."""
    from django.contrib.auth import get_user_model
    from django.core.cache import cache
    from django.test import Client

    from heard.accounts.models import Membership, Role

    user, _ = get_user_model().objects.get_or_create(username="voting-bench-organizer")
    Membership.objects.get_or_create(
        user=user, defaults={"organization": poll.organization, "role": Role.ORGANIZER}
    )
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    fresh, cached = [], []
    for _ in range(runs):
        cache.clear()
        started = time.perf_counter()
        assert client.get(f"/votes/{poll.pk}/results/").status_code == 200
        fresh.append(time.perf_counter() - started)
        started = time.perf_counter()
        assert client.get(f"/votes/{poll.pk}/results/").status_code == 200
        cached.append(time.perf_counter() - started)
    return {"fresh": statistics.median(fresh), "cached": statistics.median(cached)}


if __name__ == "__main__":
    main()
