"""Rate limits on anonymous votes: counters in Django's cache for the current minute, per phone
and per network address.

A person reads and answers a statement in a few seconds; 60 votes a minute from one phone is a
script, not a neighbour. A house meeting on one Wi-Fi shares one address, so the address's
limit is ten times wider. Nothing is stored in the database: the address is hashed into a cache
key that expires with its minute (no IP address is kept anywhere).

The counters live in the process's cache (LocMemCache, Heard's default). `heard run` serves
from one process per core, each counting the votes it serves: a phone's limit is at most that
many times wider (twice, on 2 cores), still far below a script's pace. A shared CACHES backend
makes them exact.
"""

from __future__ import annotations

import hashlib
import time

from django.conf import settings
from django.core.cache import cache

from .services import device_key

PER_DEVICE_PER_MINUTE = 60
PER_ADDRESS_PER_MINUTE = 600


def limits() -> tuple[int, int]:
    """(per device, per address) votes a minute; settings may change them (the benchmark's 200
    voters all come from 127.0.0.1)."""
    return (
        getattr(settings, "VOTING_PER_DEVICE_PER_MINUTE", PER_DEVICE_PER_MINUTE),
        getattr(settings, "VOTING_PER_ADDRESS_PER_MINUTE", PER_ADDRESS_PER_MINUTE),
    )


def _count(key: str) -> int:
    if cache.add(key, 1, timeout=70):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=70)
        return 1


def allow_vote(*, device_id: str, address: str) -> bool:
    """Count one vote from this phone and address; False once either is over its limit."""
    minute = int(time.time() // 60)
    per_device, per_address = limits()
    hashed = hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()[:32]
    by_device = _count(f"voting:rate:device:{device_key(device_id)[:32]}:{minute}")
    by_address = _count(f"voting:rate:address:{hashed}:{minute}")
    return by_device <= per_device and by_address <= per_address
