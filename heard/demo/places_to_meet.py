"""The demo's third spaces: where Millbrook's neighbours run into each other.

Fixed data; `builder.py` adds these places before the conversations, and some conversations
answer "where do you run into neighbours?" with them (drawn with a generator of their own, so
the rest of the demo is the same as without them). The notes already name several of them
("the laundromat on Alder", "St. Brigid's") and places not in the registry ("Oak Hill Park"),
which the registry page offers to add. An event whose location starts with a place's name is
held there.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Space:
    name: str
    kind: str
    hood: str  # a neighbourhood's name (city.HOODS)
    address: str
    note: str
    hub_of_helping: bool = False


SPACES: tuple[Space, ...] = (
    Space(
        "St. Brigid's",
        "worship",
        "Downtown",
        "St. Brigid's parish hall, Front St",
        "Coffee in the parish hall after the 11 o'clock Mass; the Spanish Mass at 1 fills it.",
    ),
    Space(
        "Greater New Hope Baptist",
        "worship",
        "Eastgate",
        "Fellowship hall, Pike Rd",
        "Wednesday supper and the food pantry in the fellowship hall; the deacon holds the keys.",
        hub_of_helping=True,
    ),
    Space(
        "Millbrook Public Library",
        "library",
        "Downtown",
        "Room B, second floor",
        "Room B is free for meetings when booked a week ahead.",
    ),
    Space(
        "The laundromat on Alder",
        "laundromat",
        "La Loma",
        "Alder St at 4th",
        "Busiest on Sunday mornings; the owner knows every family on the block.",
    ),
    Space(
        "La Michoacana",
        "shop",
        "La Loma",
        "",
        "Paletería and corner store with a notice board by the door.",
    ),
    Space(
        "Carver Park",
        "park",
        "Eastgate",
        "",
        "Kids' league games on Saturday mornings; parents stand along the fence.",
    ),
    Space(
        "Pine Haven clubhouse",
        "community_centre",
        "Pine Haven",
        "By the park office",
        "A swap shelf and tools to borrow; residents fix each other's steps here.",
        hub_of_helping=True,
    ),
)

#: How often a conversation's person names places they go to (per conversation).
ASKED_SHARE = 0.35

#: A small group that meets at a place: its concern, the place, and why it was formed.
SMALL_GROUP = (
    "Rent and repairs",
    "Greater New Hope Baptist",
    "Neighbours who go to Greater New Hope and raised rent and repairs; they meet after the "
    "Wednesday supper.",
)
