"""The demo organization's own divides, and the side each resident is on.

Tenure follows the neighbourhood (Oak Hill's and Cedar Grove's homeowners, Pine Haven's owners
of a home on a rented lot, the renters of Eastgate, La Loma, Mill Row and Downtown); time in
Millbrook is the `years` their own notes mention. About one resident in four was never asked:
their side stays unknown, as it would in real records.
"""

import random

from heard.accounts.models import Membership
from heard.common_ground.models import PersonSide
from heard.common_ground.services import define_divide

TENURE = (
    "Renters and owners",
    "Whether the home they live in is rented or owned: rent and property tax pull apart.",
    ("Renter", "Homeowner", "Owns the home, rents the lot"),
)
# Weights of each tenure side by neighbourhood (same order as the sides above).
TENURE_BY_HOOD = {
    "oak_hill": (2, 8, 0),
    "cedar_grove": (3, 7, 0),
    "pine_haven": (2, 1, 7),
    "eastgate": (9, 1, 0),
    "la_loma": (8, 2, 0),
    "mill_row": (7, 3, 0),
    "downtown": (9, 1, 0),
}
TIME_HERE = (
    "Time in Millbrook",
    "Long-time residents and newcomers often see the same street differently.",
    ("Here 10 years or more", "Newcomer (under 10 years)"),
)
ASKED = 0.75


def add_divides(seed: int, organizer: Membership, residents) -> int:
    """Define the two divides and record the side of most residents; returns how many sides.
    Its own random stream: adding it changed nothing else the demo makes."""
    rng = random.Random(seed + 17)
    tenure = define_divide(
        by=organizer, name=TENURE[0], description=TENURE[1], sides=list(TENURE[2])
    )
    time_here = define_divide(
        by=organizer, name=TIME_HERE[0], description=TIME_HERE[1], sides=list(TIME_HERE[2])
    )
    tenure_sides = list(tenure.sides.all())
    long_time, newcomer = list(time_here.sides.all())
    rows = []
    for resident in residents:
        if resident.person is None:
            continue
        if rng.random() < ASKED:
            weights = TENURE_BY_HOOD.get(resident.hood.key, (1, 1, 0))
            side = rng.choices(tenure_sides, weights)[0]
            rows.append(
                PersonSide(
                    person=resident.person, divide=tenure, side=side, recorded_by=organizer.user
                )
            )
        years = int(resident.speaker.slots["years"]) if resident.speaker else None
        if years is not None and rng.random() < ASKED:
            side = long_time if years >= 10 else newcomer
            rows.append(
                PersonSide(
                    person=resident.person, divide=time_here, side=side, recorded_by=organizer.user
                )
            )
    PersonSide.objects.bulk_create(rows)
    return len(rows)
