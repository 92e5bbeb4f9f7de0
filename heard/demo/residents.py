"""The demo's residents, made in Python first: households, names, languages, issues, ties.

`builder.py` stores them in bulk once the conversations are planned (it needs to know who first
talked with each person to set `added_by`).
"""

import random
import unicodedata
from dataclasses import dataclass, field

from .city import CONGREGATIONS, FIRST_NAMES, HOODS, SCHOOLS, SURNAMES, WORKPLACES, Hood
from .notes import Speaker

# Where the people of a turf live: the street their notes talk about, and an address pattern.
TURF_STREETS = {
    "Maple Court Apartments": ("Sycamore Dr",),
    "Riverbend Commons": ("Tanner Rd",),
    "Hartley Towers": ("Jefferson St",),
    "Alder Street blocks": ("Alder St", "5th St"),
    "Dogwood & Laurel": ("Dogwood Ln", "Laurel Ave"),
    "Depot Street": ("Depot St",),
}

# The relatives people mention: an 80-year-old's mother is rarely the one who is sick.
RELATIVES = {
    "young": ("mother", "father", "sister", "brother", "aunt", "cousin", "grandmother"),
    "adult": ("mother", "father", "sister", "brother", "aunt", "mother-in-law", "cousin"),
    "elder": ("sister", "brother", "cousin", "sister-in-law", "oldest son", "daughter"),
}

KINDLINESS_WEIGHTS = {"traditional": 4, "activist": 3, "rescuer": 3, "empathic": 3}


PRONOUNS = {
    "f": {"he": "she", "He": "She", "him": "her", "his": "her", "His": "Her",
          "himself": "herself", "el": "ella", "El": "Ella", "o": "a"},
    "m": {"he": "he", "He": "He", "him": "him", "his": "his", "His": "His",
          "himself": "himself", "el": "él", "El": "Él", "o": "o"},
}  # fmt: skip

ORIGINS = {
    "latino": ("Michoacán", "Guanajuato", "Guatemala", "El Salvador", "Veracruz", "Honduras",
               "Oaxaca", "Jalisco"),
    "viet": ("California", "Houston", "Vietnam"),
    "sudanese": ("Sudan", "Nashville", "Egypt"),
    "south_asian": ("New Jersey", "Gujarat", "Atlanta"),
    "filipino": ("Manila", "Virginia Beach"),
    "*": ("Memphis", "Chicago", "Detroit", "eastern Kentucky", "Mississippi", "Ohio",
          "Birmingham", "Knoxville", "Texas"),
}  # fmt: skip

# How a job reads in Spanish, for the people whose notes Marisol and Luis write.
TRABAJOS = {
    "Tri-State": "en la pollera (Tri-State)",
    "roofing": "en los techos, le pagan por trabajo",
    "cleaning": "limpiando oficinas en el centro",
    "tortillería": "en la tortillería de Alder",
    "landscaping": "en jardinería, por temporada",
    "kitchen": "en la cocina de un restaurante",
    "drywall": "en construcción (drywall)",
    "Hollis": "en la Hollis",
}

# A job mentioning one of these works there; the phrase is how notes name the place.
EMPLOYER_HINTS = {
    "Hollis": "Hollis", "Tri-State": "Tri-State Poultry", "St. Luke's": "St. Luke's",
    "Walmart DC": "the Walmart DC", "Amazon": "the Amazon warehouse",
    "Dollar General": "Dollar General", "Pilot": "the Pilot", "Waffle House": "the Waffle House",
    "library": "the library", "county": "the county", "State Farm": "State Farm",
}  # fmt: skip

DUENOS = {
    "Mr. Dorsey": "el señor Dorsey",
    "the Kessler brothers": "los hermanos Kessler",
    "a guy named Voss": "un tal Voss",
    "the bank": "el banco",
    "a landlord in Memphis": "un dueño que vive en Memphis",
    "the building owner": "el dueño del edificio",
    "the county assessor": "el condado",
    "the HOA": "la asociación de vecinos",
    "Hartley Towers management": "la administración de Hartley Towers",
}


def slots_for(
    rng: random.Random, *, gender, group, age, hood: Hood, first, street, place, church, job
):
    """The facts about a person that stay the same in every note about them."""
    years = {"young": (1, 12), "adult": (3, 28), "elder": (15, 52)}[age]
    years_here = rng.randint(*years)
    rent = rng.randrange(625, 1450, 25)
    employer = next(
        (name for hint, name in EMPLOYER_HINTS.items() if hint.lower() in job.lower()),
        rng.choice(hood.employers),
    )
    trabajo = next((v for k, v in TRABAJOS.items() if k in job), "en lo que salga")
    kid = {
        "young": ("son", "daughter", "little girl", "little boy"),
        "adult": ("son", "daughter", "oldest", "youngest", "teenager"),
        "elder": ("grandson", "granddaughter", "great-grandson"),
    }[age]
    hijo = {"young": ("hijo", "hija", "bebé"), "adult": ("hijo", "hija", "hijo mayor"),
            "elder": ("nieto", "nieta")}[age]  # fmt: skip
    kids = rng.choice(("two kids", "three kids", "2 kids", "3 kids", "four kids", "5 kids"))
    spouse = rng.choices(("partner", "husband" if gender == "f" else "wife"), (1, 6))[0]
    slots = dict(PRONOUNS[gender])
    slots.update(
        first=first,
        hood=hood.name,
        street=street,
        place=place if place in hood.turfs else "the complex",
        landlord=(landlord := rng.choice(hood.landlords)),
        dueno=DUENOS.get(landlord, landlord),
        employer=employer,
        job=job,
        trabajo=trabajo,
        school=rng.choice(hood.schools),
        route=rng.choice(hood.routes),
        church=church or rng.choice(hood.churches),
        store=rng.choice(hood.stores),
        park=rng.choice(hood.parks),
        rise=f"${rng.choice((75, 90, 110, 125, 140, 150, 165, 180, 200, 215, 240, 275))}",
        rent=f"${rent:,}",
        old_rent=f"${rent - rng.randrange(150, 450, 25):,}",
        tax=f"${rng.randrange(380, 1400, 10):,}",
        lot=f"${rng.choice((495, 510, 520, 535, 550, 575))}",
        bill=f"${rng.randint(164, 468)}",
        years=str(years_here),
        year=str(2026 - years_here),
        age=str(
            {
                "young": rng.randint(20, 34),
                "adult": rng.randint(35, 64),
                "elder": rng.randint(66, 88),
            }[age]
        ),  # fmt: skip
        kid=rng.choice(kid),
        kids=kids,
        hijo=rng.choice(hijo),
        hijos=kids.replace("kids", "hijos")
        .replace("two", "dos")
        .replace("three", "tres")
        .replace("four", "cuatro"),
        rel=rng.choice(RELATIVES[age]),
        pariente="su esposo" if gender == "f" else "su esposa",
        spouse=spouse,
        wage=f"${rng.choice((9.5, 10.25, 11, 11.75, 12.5, 13, 13.25, 14, 15.5, 16.75)):.2f}",
        hrs=str(rng.choice((48, 50, 55, 60, 62, 70))),
        owed=f"{rng.randrange(600, 3400, 50):,}",
        shift=rng.choice(("2nd shift", "3rd shift", "nights", "a double", "the early shift")),
        insulin=f"${rng.choice((280, 300, 350, 420, 475))}",
        daycare=f"${rng.choice((195, 210, 225, 245, 260, 290))}",
        class_size=str(rng.randint(27, 34)),
        unit=f"{rng.randint(1, 6)}{rng.choice('ABCD')}",
        floor=rng.choice(("3rd", "4th", "5th", "6th", "7th", "9th", "11th")),
        origin=rng.choice(ORIGINS.get(group, ORIGINS["*"])),
        origen=rng.choice(ORIGINS["latino"]),
    )
    return slots


@dataclass(eq=False)
class Home:
    surname: str
    hood: Hood
    place: str
    street: str
    address: str
    members: list["Resident"] = field(default_factory=list)
    household: object = None

    @property
    def name(self) -> str:
        surnames = list(dict.fromkeys(m.last for m in self.members))
        return f"The {' / '.join(surnames[:2])} household"


@dataclass(eq=False)
class Resident:
    index: int
    first: str
    last: str
    gender: str
    group: str
    age: str
    home: Home
    lang: str
    issues: list[str]
    church: str = ""
    school: str = ""
    workplace: str = ""
    leader: bool = False
    kindliness: str = ""
    phone: str = ""
    email: str = ""
    speaker: Speaker | None = None
    person: object = None
    ties: list[tuple["Resident", str]] = field(default_factory=list)

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"

    @property
    def hood(self) -> Hood:
        return self.home.hood


def weighted(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), list(weights.values()))[0]


def make_residents(rng: random.Random) -> list[Resident]:
    residents: list[Resident] = []
    taken: set[str] = set()
    phones = [
        f"({area}) 555-01{n:02d}" for area in ("731", "901", "615", "423") for n in range(100)
    ]
    rng.shuffle(phones)
    for hood in HOODS:
        count = 0
        while count < hood.size:
            size = min(rng.choices((1, 2, 3, 4), (44, 32, 15, 9))[0], hood.size - count)
            home = _home(rng, hood)
            group = weighted(rng, hood.mix)
            head_age = rng.choices(("young", "adult", "elder"), hood.ages)[0]
            for position in range(size):
                resident = _member(rng, hood, home, group, head_age, position, taken)
                resident.index = len(residents)
                resident.church = home.members[0].church if home.members else _church(rng, resident)
                resident.school = _school(rng, resident)
                if position and rng.random() < 0.7:
                    head = home.members[0]
                    resident.issues = [head.issues[0]] + [
                        i for i in resident.issues if i != head.issues[0]
                    ][:2]
                home.members.append(resident)
                residents.append(resident)
            count += size
    for resident in residents:
        _contact(rng, resident, phones)
        resident.leader = rng.random() < (0.21 if resident.age != "young" else 0.13)
        if resident.leader and rng.random() < 0.6:
            resident.kindliness = weighted(rng, KINDLINESS_WEIGHTS)
        job = rng.choice(resident.hood.jobs)
        if resident.age == "elder" and rng.random() < 0.6:
            job = rng.choice([j for j in resident.hood.jobs if "retired" in j] or ["retired"])
        resident.speaker = Speaker(
            first=resident.first,
            gender=resident.gender,
            group=resident.group,
            age=resident.age,
            hood=resident.hood,
            lang=resident.lang,
            issues=resident.issues,
            slots=slots_for(
                rng,
                gender=resident.gender,
                group=resident.group,
                age=resident.age,
                hood=resident.hood,
                first=resident.first,
                street=resident.home.street,
                place=resident.home.place,
                church=resident.church,
                job=job,
            ),
        )
        employer = resident.speaker.slots["employer"]
        resident.workplace = next((w for w in WORKPLACES if w in employer or employer in w), "")
        if resident.workplace and resident.hood.key not in WORKPLACES[resident.workplace]:
            resident.workplace = ""
    return residents


def _home(rng: random.Random, hood: Hood) -> Home:
    place = hood.name
    if hood.turfs and rng.random() < hood.turf_share:
        place = rng.choice(hood.turfs)
    street = rng.choice(TURF_STREETS.get(place, hood.streets))
    number = rng.randrange(100, 2900, 2)
    if place == "Maple Court Apartments":
        building, floor, unit = rng.randint(1, 6), rng.randint(1, 3), rng.randint(1, 12)
        address = f"Maple Court Apts, Bldg {building} #{floor}{unit:02d}"
    elif place == "Riverbend Commons":
        number, floor, door = rng.randrange(400, 480, 4), rng.randint(1, 3), rng.choice("ABCD")
        address = f"{number} Riverbend Cir, Apt {floor}{door}"
    elif place == "Hartley Towers":
        address = f"Hartley Towers #{rng.randint(2, 12)}{rng.randint(1, 14):02d}, 210 Jefferson St"
    elif hood.key == "pine_haven":
        address = f"Lot {rng.randint(1, 96)}, {street}, Pine Haven"
    else:
        address = f"{number} {street}"
    return Home(surname="", hood=hood, place=place, street=street, address=address)


def _member(rng, hood, home, group, head_age, position, taken) -> Resident:
    if position == 0:
        gender = "f" if rng.random() < 0.56 else "m"
        age = head_age
        last = rng.choice(SURNAMES[group])
        home.surname = last
    elif position == 1:
        head = home.members[0]
        gender = ("m" if head.gender == "f" else "f") if rng.random() < 0.88 else head.gender
        age = head_age
        last = home.surname if rng.random() < 0.78 else rng.choice(SURNAMES[group])
    else:
        gender = "f" if rng.random() < 0.5 else "m"
        age = {"young": "young", "adult": "young", "elder": "adult"}[head_age]
        last = home.surname
    for _ in range(50):
        first = rng.choice(FIRST_NAMES[group][gender])
        if group == "latino" and gender == "f" and rng.random() < 0.1:
            first = f"María {rng.choice(('Elena', 'José', 'de Jesús', 'Luisa'))}"
        if f"{first} {last}" not in taken:
            break
        last = rng.choice(SURNAMES[group]) if position == 1 else last
    taken.add(f"{first} {last}")
    lang = "en"
    if group == "latino":
        odds = hood.spanish * (0.6 if age == "young" else 1.0)
        if position and home.members and home.members[0].lang == "es" and age != "young":
            odds = 0.9
        lang = "es" if rng.random() < odds else "en"
    elif group in ("viet", "sudanese"):
        odds = {"elder": 0.6, "adult": 0.3}.get(age, 0.0) if group == "viet" else 0.4
        lang = "other" if rng.random() < odds else "en"
    issues = _issues(rng, hood, lang)
    return Resident(
        index=0,
        first=first,
        last=last,
        gender=gender,
        group=group,
        age=age,
        home=home,
        lang=lang,
        issues=issues,
    )


def _issues(rng: random.Random, hood: Hood, lang: str) -> list[str]:
    weights = dict(hood.issues)
    if lang == "es":
        weights["immigration"] = weights.get("immigration", 0) + 4
        weights["wages"] = weights.get("wages", 0) + 2
    k = rng.choices((1, 2, 3), (25, 45, 30))[0]
    issues: list[str] = []
    while len(issues) < min(k, len(weights)):
        issue = weighted(rng, {i: w for i, w in weights.items() if i not in issues})
        issues.append(issue)
    return issues


def _church(rng: random.Random, resident: Resident) -> str:
    options = {
        "latino": {"St. Brigid's": 55, "Iglesia Roca de Salvación": 25, "": 20},
        "black": {"Greater New Hope Baptist": 50, "St. Brigid's": 5, "": 45},
        "white": {
            "Oak Hill Methodist": 25,
            "Pine Haven Free Will Baptist": 30,
            "St. Brigid's": 10,
            "": 45,
        },
        "filipino": {"St. Brigid's": 70, "": 30},
    }.get(resident.group, {"": 1})
    allowed = {c: w for c, w in options.items() if not c or resident.hood.key in CONGREGATIONS[c]}
    return weighted(rng, allowed)


def _school(rng: random.Random, resident: Resident) -> str:
    if resident.age == "elder" or rng.random() < 0.45:
        return ""
    options = [s for s, hoods in SCHOOLS.items() if resident.hood.key in hoods]
    return rng.choice(options) if options else ""


def _contact(rng: random.Random, resident: Resident, phones: list[str]) -> None:
    if phones and rng.random() < 0.62:
        resident.phone = phones.pop()
    if rng.random() < 0.3:
        ascii_first = _ascii(resident.first).split()[0].lower()
        ascii_last = _ascii(resident.last).replace(" ", "").lower()
        handle = rng.choice(
            (
                f"{ascii_first}.{ascii_last}",
                f"{ascii_first[0]}{ascii_last}{rng.randint(1, 99)}",
                f"{ascii_first}{ascii_last[:3]}{rng.randint(60, 99)}",
            )
        )
        resident.email = f"{handle}@{rng.choice(('example.com', 'example.org', 'example.net'))}"


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


# -- who knows whom -------------------------------------------------------------------------

TIE_NOTES = {
    "family": ("same household", "spouses", "siblings", "parent and grown child", "cousins"),
    "neighbour": ("next door", "across the street", "same row", "same building", "two doors down"),
    "congregation": ("same pew, 11am service", "choir together", "Wednesday Bible study", ""),
    "school": ("kids in the same class", "PTA together", "carpool", ""),
    "coworker": ("same line", "same shift", "carpool to work", "worked together 10+ yrs"),
    "friend": ("old friends", "grew up together", "friends from the laundromat", ""),
    "other": ("softball team", "VFW post", "book club at the library", "AA", "same barber"),
}


def make_ties(
    rng: random.Random, residents: list[Resident]
) -> list[tuple[Resident, Resident, str, str]]:
    """Family inside households and across them, neighbours, congregations, school parents,
    co-workers and friends; congregations, schools and workplaces bridge neighbourhoods."""
    ties: list[tuple[Resident, Resident, str, str]] = []
    seen: set[tuple[int, int, str]] = set()

    def tie(a: Resident, b: Resident, kind: str, note: str = "") -> None:
        key = (min(a.index, b.index), max(a.index, b.index), kind)
        if a is b or key in seen:
            return
        seen.add(key)
        ties.append((a, b, kind, note or rng.choice(TIE_NOTES[kind])))
        a.ties.append((b, kind))
        b.ties.append((a, kind))

    homes = list(dict.fromkeys(r.home for r in residents))
    for home in homes:
        for i, a in enumerate(home.members):
            for b in home.members[i + 1 :]:
                note = "spouses" if (i == 0 and b is home.members[1]) else "same household"
                tie(a, b, "family", note)
    by_group: dict[str, list[Resident]] = {}
    for r in residents:
        by_group.setdefault(r.group, []).append(r)
    for _ in range(16):
        group = rng.choice(["latino", "latino", "black", "white", "white"])
        a, b = rng.sample(by_group[group], 2)
        if a.home is not b.home:
            tie(a, b, "family", rng.choice(("sisters", "cousins", "in-laws", "grown son")))
    by_place: dict[str, list[Resident]] = {}
    for r in residents:
        by_place.setdefault(r.home.place, []).append(r)
    for home in homes:
        neighbours = [r for r in by_place[home.place] if r.home is not home]
        for other in rng.sample(neighbours, min(len(neighbours), rng.randint(1, 3))):
            tie(home.members[0], other, "neighbour")
    for kind, attribute in (
        ("congregation", "church"),
        ("school", "school"),
        ("coworker", "workplace"),
    ):
        groups: dict[str, list[Resident]] = {}
        for r in residents:
            if getattr(r, attribute):
                groups.setdefault(getattr(r, attribute), []).append(r)
        for members in groups.values():
            for r in members:
                others = [m for m in members if m.home is not r.home]
                for other in rng.sample(others, min(len(others), rng.randint(1, 2))):
                    tie(r, other, kind)
    for _ in range(45):
        a = rng.choice(residents)
        pool = by_place[a.home.place] if rng.random() < 0.6 else residents
        tie(a, rng.choice(pool), "friend")
    for _ in range(10):
        a, b = rng.sample(residents, 2)
        tie(a, b, "other")
    return ties
