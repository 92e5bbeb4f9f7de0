"""A seeded synthetic pool: 15 themes, 7 neighbourhoods, 3 divides, kindliness, venue."""

from __future__ import annotations

import random

from heard.smallgroups.solver import PoolPerson

NEIGHBOURHOODS = [f"Neighbourhood {i}" for i in range(1, 8)]
DIVIDES = {
    "Renters and owners": ["Renter", "Owner"],
    "Time in the city": ["Under 5 years", "5-20 years", "Over 20 years"],
    "Has children at school": ["Yes", "No"],
}
KINDLINESS = ["Bonder", "Bridger", "Both"]
VENUES = ["Door to door", "House meeting", "Event tabling", "Phone"]


def synthetic_pool(size: int = 500, themes: int = 15, seed: int = 10) -> list[PoolPerson]:
    rng = random.Random(seed)
    # a few themes are raised by many people and most by few, as in a real campaign
    weights = [1 / (i + 1) for i in range(themes)]
    people = []
    for pid in range(1, size + 1):
        n = rng.choice([1, 1, 2, 2, 3])
        concerns = frozenset(rng.choices(range(1, themes + 1), weights=weights, k=n))
        attributes = {
            "Neighbourhood": rng.choice(NEIGHBOURHOODS),
            **{
                name: rng.choice(sides) if rng.random() < 0.9 else None
                for name, sides in DIVIDES.items()
            },
            "Kindliness orientation": rng.choice(KINDLINESS) if rng.random() < 0.7 else None,
            "Venue": rng.choice(VENUES),
        }
        people.append(PoolPerson(pid, concerns, attributes, anchor=rng.random() < 0.3))
    return people
