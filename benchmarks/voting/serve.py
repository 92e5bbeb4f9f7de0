"""Serve Heard with waitress as `heard run` does (8 threads), for measure_votes.py.

    DATABASE_URL=... .venv/bin/python benchmarks/voting/serve.py --port 8765

The one difference from `heard run`: the votes' rate limits are raised, because the benchmark's
200 voters all come from 127.0.0.1 and vote faster than people do (the limits themselves are
tested in tests/voting/test_the_vote_rate_limit.py). No worker, no demo.
"""

from __future__ import annotations

import argparse
import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "heard.settings")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--threads", type=int, default=8)
    args = parser.parse_args()
    import django
    import waitress
    from django.conf import settings

    django.setup()
    settings.VOTING_PER_DEVICE_PER_MINUTE = 10**9
    settings.VOTING_PER_ADDRESS_PER_MINUTE = 10**9
    from django.core.wsgi import get_wsgi_application

    waitress.serve(
        get_wsgi_application(),
        host="127.0.0.1",
        port=args.port,
        threads=args.threads,
        ident="Heard",
        connection_limit=1000,
        backlog=1024,
    )


if __name__ == "__main__":
    main()
