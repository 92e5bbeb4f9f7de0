"""How long the duplicate matcher takes on an import-sized file, and what blocking saves.

10,000 synthetic neighbours drawn from common given and family names (so that blocks are as
crowded as in a real city: many "Maria Garcia"s), 5% of them entered a second time the ways
people are (accents dropped, capitals, a typo, the phone written differently, a second family
name). Prints the time, the pairs compared against all pairs, and precision and recall against
the injected duplicates (namesakes the generator made by chance count against precision).

    HEARD_DATA_DIR=$(mktemp -d) python benchmarks/people_duplicates/run.py [ROWS]
"""

import os
import random
import sys
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "heard.settings")
django.setup()

from heard.people import duplicates  # noqa: E402

GIVEN = [
    "María",
    "José",
    "Juan",
    "Ana",
    "Luis",
    "Carmen",
    "Jorge",
    "Rosa",
    "Graciela",
    "Héctor",
    "Tomás",
    "Lucía",
    "Sofía",
    "Miguel",
    "Elena",
    "James",
    "Mary",
    "John",
    "Patricia",
    "Robert",
    "Jennifer",
    "Michael",
    "Linda",
    "David",
    "Susan",
    "Aisha",
    "Kwame",
    "Omar",
    "Fatima",
    "Nguyễn",
    "Wei",
    "Dmitri",
    "Keisha",
    "Deshawn",
    "Yolanda",
    "Marcus",
    "Brenda",
    "Ibrahim",
    "Ruth",
    "Alvin",
    "Xóchitl",
]
FAMILY = [
    "García",
    "Rodríguez",
    "Martínez",
    "Hernández",
    "López",
    "González",
    "Pérez",
    "Sánchez",
    "Ramírez",
    "Torres",
    "Flores",
    "Rivera",
    "Gómez",
    "Díaz",
    "Cruz",
    "Morales",
    "Reyes",
    "Ortiz",
    "Smith",
    "Johnson",
    "Williams",
    "Brown",
    "Jones",
    "Miller",
    "Davis",
    "Wilson",
    "Anderson",
    "Thomas",
    "Taylor",
    "Moore",
    "Jackson",
    "Martin",
    "Lee",
    "Okafor",
    "Mensah",
    "Diallo",
    "Haddad",
    "Chen",
    "Nguyen",
    "Volkov",
    "Gaines",
    "Pierce",
    "Abernathy",
    "Robinson",
    "Kowalski",
    "Bello",
    "Hassan",
]
SYLLABLES = [
    "ba",
    "ko",
    "ri",
    "da",
    "mu",
    "le",
    "sa",
    "to",
    "ne",
    "vi",
    "ra",
    "lo",
    "ki",
    "pe",
    "zu",
    "ma",
    "no",
    "te",
    "gu",
    "fi",
]
STREETS = ["Maple", "Oak", "Elm", "Pine", "Cedar", "Birch", "Walnut", "River", "Hill", "Lake"]


def family(rng: random.Random) -> str:
    """A common family name one time in three, else a made-up one (a city's long tail)."""
    if rng.random() < 0.33:
        return rng.choice(FAMILY)
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.choice([2, 3, 3]))).title()


def person(rng: random.Random, n: int) -> duplicates.Record:
    name = f"{rng.choice(GIVEN)} {family(rng)}"
    if rng.random() < 0.3:
        name += f" {family(rng)}"
    phone = f"({rng.choice([731, 901, 615, 423])}) 555-{rng.randrange(10000):04d}"
    email = f"{name.split()[0].lower()}{n}@example.org" if rng.random() < 0.4 else ""
    address = f"{rng.randrange(1, 400)} {rng.choice(STREETS)} Street" if rng.random() < 0.5 else ""
    return duplicates.Record(n, name, phone if rng.random() < 0.8 else "", email, address)


def again(rng: random.Random, r: duplicates.Record, key) -> duplicates.Record:
    """The same person entered a second time, the way people are."""
    name = r.name
    change = rng.choice(["unaccent", "caps", "typo", "extra", "same"])
    if change == "unaccent":
        name = duplicates.fold(name).title()
    elif change == "caps":
        name = name.upper()
    elif change == "typo":
        words = name.split()
        w = words[-1]
        i = rng.randrange(1, len(w))
        words[-1] = w[:i] + w[i + 1 :]
        name = " ".join(words)
    elif change == "extra" and len(name.split()) == 2:
        name += f" {family(rng)}"
    phone = r.phone.replace("(", "").replace(")", "").replace(" ", "-") if r.phone else ""
    return duplicates.Record(key, name, phone, r.email if rng.random() < 0.5 else "", r.address)


def main(rows: int = 10_000) -> None:
    rng = random.Random(12)
    records = [person(rng, n) for n in range(rows)]
    truth = set()
    for n in rng.sample(range(rows), rows // 20):
        copy = again(rng, records[n], f"dup-{n}")
        records.append(copy)
        truth.add(frozenset((n, copy.key)))
    rng.shuffle(records)
    start = time.perf_counter()
    pairs = duplicates.duplicate_pairs(records)
    seconds = time.perf_counter() - start
    found = {frozenset((m.a.key, m.b.key)) for m in pairs}
    hits = len(found & truth)
    index = duplicates.Index(records)
    compared = sum(sum(1 for _ in index.candidates(duplicates.prints(r))) for r in records) // 2
    everything = len(records) * (len(records) - 1) // 2
    print(f"{len(records)} records, {len(truth)} injected duplicates")
    print(f"duplicate_pairs: {seconds:.2f} s, {compared:,} pairs compared of {everything:,}")
    print(f"precision {hits / max(1, len(found)):.3f}, recall {hits / len(truth):.3f}")
    namesakes = [m for m in pairs if frozenset((m.a.key, m.b.key)) not in truth]
    same_name = sum(duplicates.fold(m.a.name) == duplicates.fold(m.b.name) for m in namesakes)
    print(f"false pairs: {len(namesakes)}, of which the very same name: {same_name}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
