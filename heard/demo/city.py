"""Millbrook, the demo's small city: its neighbourhoods, the people's names, and the team.

Everything here is fixed data; `builder.py` draws from it with one seeded random generator.
The neighbourhoods differ on purpose, so sensemaking across them has something real to find:
housing costs everywhere but for different reasons, water shutoffs in the mobile-home park,
the bus route cut by the closing plant, crowded schools, immigration fear in La Loma.
"""

from dataclasses import dataclass, field

ORGANIZATION_NAME = "Riverside Neighbors United"
ORGANIZATION_SLUG = "riverside-neighbors-united"
CITY = "Millbrook"


@dataclass(frozen=True)
class Hood:
    key: str
    name: str
    # How many residents the demo knows there.
    size: int
    # Weights of the issues people raise there; the first few shape most conversations.
    issues: dict[str, int]
    # Weights of the name groups below.
    mix: dict[str, int]
    # Weights of young / adult / elder.
    ages: tuple[int, int, int]
    # Share of Latino residents who would rather talk in Spanish.
    spanish: float
    streets: tuple[str, ...]
    landlords: tuple[str, ...]
    employers: tuple[str, ...]
    schools: tuple[str, ...]
    routes: tuple[str, ...]
    churches: tuple[str, ...]
    stores: tuple[str, ...]
    parks: tuple[str, ...]
    turfs: tuple[str, ...] = ()
    # Share of residents living inside the turfs (split evenly between them).
    turf_share: float = 0.0
    jobs: tuple[str, ...] = field(default=())


HOODS: tuple[Hood, ...] = (
    Hood(
        key="oak_hill",
        name="Oak Hill",
        size=50,
        issues={"housing": 4, "health": 4, "safety": 3, "parks": 2, "transit": 2, "utilities": 1},
        mix={"white": 52, "black": 42, "latino": 3, "south_asian": 3},
        ages=(1, 4, 7),
        spanish=0.2,
        streets=(
            "Dogwood Ln",
            "Laurel Ave",
            "Hickory Ridge Rd",
            "Chestnut St",
            "Summit Ave",
            "Magnolia Ct",
            "Pruitt St",
        ),
        landlords=("the county assessor",),
        employers=("the post office", "St. Luke's", "the school district", "the county"),
        schools=("Washington Elementary", "Millbrook High"),
        routes=("the 3", "the Oak Hill loop"),
        churches=("Greater New Hope Baptist", "Oak Hill Methodist", "St. Brigid's"),
        stores=("the Piggly Wiggly", "Walgreens on Summit"),
        parks=("Oak Hill Park", "the old ballfield on Chestnut"),
        turfs=("Dogwood & Laurel",),
        turf_share=0.4,
        jobs=(
            "part-time at the library",
            "retired from the post office",
            "retired, 31 yrs teaching at Washington Elementary",
            "retired from Hollis, took the buyout in 2019",
            "as a home health aide",
            "nights at St. Luke's",
            "retired from the county road crew",
            "at the credit union on Summit",
        ),
    ),
    Hood(
        key="eastgate",
        name="Eastgate",
        size=80,
        issues={
            "housing": 7,
            "wages": 3,
            "transit": 3,
            "childcare": 3,
            "safety": 2,
            "schools": 2,
            "health": 1,
        },
        mix={"black": 46, "white": 20, "latino": 18, "viet": 9, "sudanese": 7},
        ages=(5, 6, 2),
        spanish=0.3,
        streets=("Eastgate Blvd", "Sycamore Dr", "Pike St", "Tanner Rd", "Bluff St"),
        landlords=("Crestline Residential", "Summit Property Group"),
        employers=(
            "the Walmart DC",
            "the Amazon warehouse out on 45",
            "St. Luke's",
            "Dollar General",
            "the Waffle House on Eastgate Blvd",
        ),
        schools=("Eastgate Elementary", "Lincoln Middle"),
        routes=("the 9", "the 9", "the Eastgate crosstown"),
        churches=("Greater New Hope Baptist", "Victory Tabernacle", "St. Brigid's"),
        stores=("the Kroger on 45", "the Family Dollar on Pike"),
        parks=("Carver Park", "the basketball court behind Maple Court"),
        turfs=("Maple Court Apartments", "Riverbend Commons"),
        turf_share=0.65,
        jobs=(
            "at the Walmart DC, 4 tens",
            "at the Amazon warehouse out on 45",
            "as a CNA at St. Luke's",
            "at Dollar General, about 28 hrs a week",
            "DoorDash plus a cleaning job",
            "second shift at the Walmart DC",
            "at the Waffle House on Eastgate Blvd",
            "as a school bus driver",
            "in the kitchen at St. Luke's",
        ),
    ),
    Hood(
        key="la_loma",
        name="La Loma",
        size=62,
        issues={
            "immigration": 6,
            "wages": 5,
            "housing": 4,
            "schools": 3,
            "health": 3,
            "safety": 1,
            "transit": 1,
        },
        mix={"latino": 90, "black": 5, "white": 5},
        ages=(3, 7, 2),
        spanish=0.82,
        streets=("Alder St", "Pecan St", "Bell Ave", "Railroad St", "5th St", "Cotton Row"),
        landlords=("Mr. Dorsey", "the Kessler brothers", "a guy named Voss"),
        employers=(
            "Tri-State Poultry",
            "a roofing crew",
            "the tortillería on Alder",
            "a landscaping company",
            "La Michoacana",
        ),
        schools=("Washington Elementary", "Lincoln Middle"),
        routes=("the 5",),
        churches=("St. Brigid's", "Iglesia Roca de Salvación"),
        stores=("La Michoacana", "the laundromat on Alder"),
        parks=("Alder Street park",),
        turfs=("Alder Street blocks",),
        turf_share=0.45,
        jobs=(
            "nights on the deboning line at Tri-State Poultry",
            "at Tri-State Poultry, 2nd shift",
            "roofing, paid by the job",
            "cleaning offices downtown",
            "at the tortillería on Alder",
            "landscaping, seasonal",
            "in a restaurant kitchen downtown",
            "drywall, whoever's hiring",
        ),
    ),
    Hood(
        key="mill_row",
        name="Mill Row",
        size=48,
        issues={
            "wages": 7,
            "transit": 5,
            "health": 4,
            "housing": 3,
            "utilities": 1,
            "safety": 1,
            "schools": 1,
        },
        mix={"white": 48, "black": 38, "latino": 14},
        ages=(2, 6, 4),
        spanish=0.35,
        streets=("Depot St", "Foundry Rd", "Mill Ave", "Hollis Ave", "Spur St"),
        landlords=("the bank", "a landlord in Memphis"),
        employers=("Hollis Axle", "Hollis Axle", "the Pilot truck stop", "the county"),
        schools=("Millbrook High", "Washington Elementary"),
        routes=("Route 7", "the 7"),
        churches=("Mill Avenue Church of God", "Greater New Hope Baptist", "St. Brigid's"),
        stores=("the Dollar General on Mill Ave", "the Pilot on 45"),
        parks=("Depot Street lot",),
        turfs=("Depot Street",),
        turf_share=0.4,
        jobs=(
            "at Hollis Axle, 22 yrs on the line",
            "at Hollis in shipping",
            "at Hollis until the layoffs in June",
            "maintenance at Hollis, 2nd shift",
            "at the Pilot truck stop",
            "temp work since Hollis cut his line",
            "for the county road crew",
            "at Hollis, forklift",
        ),
    ),
    Hood(
        key="pine_haven",
        name="Pine Haven",
        size=42,
        issues={
            "utilities": 7,
            "housing": 6,
            "health": 2,
            "transit": 2,
            "safety": 1,
            "parks": 1,
        },
        mix={"white": 62, "latino": 32, "black": 6},
        ages=(3, 5, 4),
        spanish=0.55,
        streets=("Row A", "Row B", "Row C", "Row D", "Pine Haven Rd"),
        landlords=("Sunbelt Communities",),
        employers=("Tri-State Poultry", "the Pilot truck stop", "a cleaning service", "Hollis"),
        schools=("Washington Elementary", "Millbrook High"),
        routes=("no bus out here",),
        churches=("Pine Haven Free Will Baptist", "Iglesia Roca de Salvación"),
        stores=("the Dollar General on Pine Haven Rd",),
        parks=("the old playground by the office",),
        jobs=(
            "at Tri-State Poultry, days",
            "on disability since the back surgery",
            "at the Pilot truck stop",
            "cleaning houses in Cedar Grove",
            "at Hollis until June",
            "mowing and odd jobs",
            "retired, lives on SSI",
        ),
    ),
    Hood(
        key="downtown",
        name="Downtown",
        size=38,
        issues={
            "housing": 6,
            "safety": 3,
            "transit": 3,
            "wages": 3,
            "health": 3,
            "parks": 1,
        },
        mix={"white": 42, "black": 40, "latino": 10, "viet": 4, "filipino": 4},
        ages=(3, 4, 5),
        spanish=0.3,
        streets=("Main St", "Court Square", "Front St", "Market St", "Jefferson St"),
        landlords=("Hartley Towers management", "the building owner"),
        employers=(
            "the courthouse",
            "a restaurant on Main",
            "the library",
            "the coffee shop on Court Square",
        ),
        schools=("Millbrook High",),
        routes=("the transfer station", "the 3"),
        churches=("First Presbyterian", "Greater New Hope Baptist", "St. Brigid's"),
        stores=("the Save-A-Lot on Front", "the pharmacy on Main"),
        parks=("Court Square", "the riverwalk"),
        turfs=("Hartley Towers",),
        turf_share=0.45,
        jobs=(
            "retired",
            "a server on Main St",
            "owns the barber shop on Front St",
            "cook at a place on Court Square",
            "at the library, part-time",
            "on SSI",
            "runs the thrift store on Market St",
        ),
    ),
    Hood(
        key="cedar_grove",
        name="Cedar Grove",
        size=48,
        issues={
            "schools": 7,
            "childcare": 4,
            "parks": 3,
            "safety": 3,
            "housing": 2,
            "health": 1,
        },
        mix={"white": 34, "black": 30, "south_asian": 14, "viet": 8, "filipino": 6, "latino": 8},
        ages=(3, 8, 1),
        spanish=0.2,
        streets=("Kestrel Way", "Cedar Grove Pkwy", "Willow Bend Dr", "Heron Ct", "Larkspur Ln"),
        landlords=("the HOA",),
        employers=("St. Luke's", "the school district", "State Farm", "the hospital lab"),
        schools=("Cedar Grove Elementary", "Lincoln Middle"),
        routes=("the 12",),
        churches=("Cedar Grove Community Church", "St. Brigid's", "the Hindu temple in Jackson"),
        stores=("the Publix on the Pkwy", "Target"),
        parks=("Cedar Grove park", "the greenway"),
        jobs=(
            "as a nurse at St. Luke's",
            "teaching 4th grade in Jackson",
            "in IT at State Farm",
            "at the hospital lab",
            "from home, insurance claims",
            "as a respiratory therapist",
            "running a home daycare",
        ),
    ),
)

HOODS_BY_KEY = {hood.key: hood for hood in HOODS}

# Congregations, schools and workplaces gather people across neighbourhoods: they are where
# the bridging ties in the demo come from.
CONGREGATIONS: dict[str, tuple[str, ...]] = {
    "St. Brigid's": ("la_loma", "oak_hill", "mill_row", "eastgate", "cedar_grove"),
    "Greater New Hope Baptist": ("eastgate", "oak_hill", "downtown", "mill_row"),
    "Iglesia Roca de Salvación": ("la_loma", "pine_haven"),
    "Pine Haven Free Will Baptist": ("pine_haven", "mill_row"),
    "Oak Hill Methodist": ("oak_hill", "cedar_grove", "downtown"),
}
SCHOOLS: dict[str, tuple[str, ...]] = {
    "Washington Elementary": ("la_loma", "oak_hill", "pine_haven", "mill_row"),
    "Cedar Grove Elementary": ("cedar_grove", "eastgate"),
    "Lincoln Middle": ("eastgate", "la_loma", "cedar_grove"),
}
WORKPLACES: dict[str, tuple[str, ...]] = {
    "Hollis Axle": ("mill_row", "pine_haven", "oak_hill", "la_loma"),
    "Tri-State Poultry": ("la_loma", "pine_haven", "eastgate"),
    "St. Luke's": ("cedar_grove", "eastgate", "oak_hill", "downtown"),
    "the Walmart DC": ("eastgate", "mill_row", "la_loma"),
}

# fmt: off
FIRST_NAMES: dict[str, dict[str, tuple[str, ...]]] = {
    "latino": {
        "f": (
            "María", "Guadalupe", "Rosa", "Ana", "Verónica", "Yesenia", "Leticia", "Carmen",
            "Alejandra", "Marisela", "Juana", "Esperanza", "Daniela", "Karla", "Brenda", "Sofía",
            "Lucía", "Elena", "Martha", "Norma", "Maribel", "Adriana", "Gabriela", "Silvia",
            "Araceli", "Rocío", "Imelda", "Dulce", "Paola", "Yadira",
        ),
        "m": (
            "José", "Juan", "Luis", "Carlos", "Miguel", "Jesús", "Francisco", "Javier",
            "Alejandro", "Rubén", "Óscar", "Héctor", "Raúl", "Ernesto", "Pedro", "Rigoberto",
            "Fernando", "Jorge", "Mario", "Sergio", "Efraín", "Arturo", "Ismael", "Wilmer",
            "Edgar", "Santiago", "Nelson",
        ),
    },
    "black": {
        "f": (
            "Tamika", "Latoya", "Keisha", "Shirley", "Bernice", "Gloria", "Monique", "Tasha",
            "Aaliyah", "Jasmine", "Imani", "Patrice", "Loretta", "Odessa", "Yolanda", "Felicia",
            "Kiara", "Ebony", "Vernice", "Doris", "Cassandra", "Renee", "Alfreda", "Tiana",
            "Janelle", "Mattie",
        ),
        "m": (
            "Marcus", "Darnell", "Tyrone", "Reginald", "Andre", "Cedric", "Otis", "Willie",
            "Jerome", "Terrence", "DeShawn", "Malik", "Jalen", "Curtis", "Leon", "Roosevelt",
            "Alvin", "Dwayne", "Kendrick", "Isaiah", "Calvin", "Lamar", "Byron",
        ),
    },
    "white": {
        "f": (
            "Brenda", "Debbie", "Tammy", "Crystal", "Sherry", "Peggy", "Wanda", "Kayla",
            "Brittany", "Amber", "Dolores", "Lorraine", "Nancy", "Carol", "Misty", "Heather",
            "Jolene", "Linda", "Barbara", "Faye", "Opal", "Ashley", "Courtney", "Sue Ellen",
            "Rhonda", "Connie", "Mary Beth",
        ),
        "m": (
            "Dale", "Randy", "Wayne", "Billy", "Travis", "Cody", "Dustin", "Gary", "Ronnie",
            "Larry", "Roger", "Floyd", "Jimmy", "Clyde", "Dwight", "Kenny", "Shane", "Tommy",
            "Bobby", "Glen", "Harold", "Vernon", "Jeremy", "Buddy", "Russell",
        ),
    },
    "viet": {
        "f": (
            "Linh", "Thu", "Mai", "Hoa", "Lan", "Ngoc", "Trang", "Hanh",
        ),
        "m": (
            "Minh", "Tuan", "Huy", "Duc", "Khanh", "Long", "Bao",
        ),
    },
    "south_asian": {
        "f": (
            "Priya", "Anjali", "Kavya", "Meena", "Sunita", "Deepa",
        ),
        "m": (
            "Rajesh", "Arjun", "Sanjay", "Vikram", "Nikhil", "Amit",
        ),
    },
    "filipino": {
        "f": (
            "Maricel", "Joy", "Rowena", "Liza", "Cherry",
        ),
        "m": (
            "Rodel", "Jun", "Arnel", "Noel",
        ),
    },
    "sudanese": {
        "f": (
            "Amira", "Nadia", "Halima", "Safiya", "Mariam",
        ),
        "m": (
            "Omar", "Yousif", "Ibrahim", "Abdelrahman", "Khalid",
        ),
    },
}

SURNAMES: dict[str, tuple[str, ...]] = {
    "latino": (
        "García", "Hernández", "Martínez", "López", "González", "Rodríguez", "Pérez", "Sánchez",
        "Ramírez", "Flores", "Cruz", "Morales", "Reyes", "Gutiérrez", "Ortiz", "Chávez", "Mendoza",
        "Vásquez", "Castillo", "Jiménez", "Ruiz", "Domínguez", "Herrera", "Medina", "Aguilar",
        "Salazar", "Rivas", "Contreras", "Juárez", "Ayala", "Orellana", "Cifuentes", "Zavala",
        "Ventura", "Lemus", "Tapia",
    ),
    "black": (
        "Washington", "Jackson", "Johnson", "Williams", "Harris", "Robinson", "Jefferson",
        "Coleman", "Merriweather", "Bradley", "Gaines", "Sims", "Pettiford", "Tate", "Hollins",
        "Boykin", "Mayfield", "Crenshaw", "Greer", "Dixon", "Tillman", "Whitlow", "Peebles",
        "Battle", "Shaw", "Moody", "Tolbert", "Fields",
    ),
    "white": (
        "Tolliver", "Pruitt", "Hensley", "Caudill", "Mullins", "Sizemore", "Puckett", "Goins",
        "Blevins", "Presley", "Cantrell", "Dockery", "Gentry", "Hollifield", "Barnett", "Spurlock",
        "Rector", "Lambert", "Owens", "Maddox", "Kilgore", "Teague", "Hatcher", "Sparks",
        "Burchett", "Lowery", "Wiggins",
    ),
    "viet": (
        "Nguyen", "Tran", "Pham", "Le", "Vo", "Huynh", "Dang",
    ),
    "south_asian": (
        "Patel", "Shah", "Reddy", "Iyer", "Desai", "Menon",
    ),
    "filipino": (
        "Santos", "Dela Cruz", "Bautista", "Reyes", "Villanueva",
    ),
    "sudanese": (
        "Osman", "Abdalla", "Mohamed", "Elamin", "Hassan",
    ),
}
# fmt: on


@dataclass(frozen=True)
class Teammate:
    username: str
    first_name: str
    last_name: str
    role: str
    # Where they knock; the first is home. Turf names (or neighbourhood names) for volunteers.
    hoods: tuple[str, ...]
    turf: tuple[str, ...]
    # Roughly how many door-knocks they record in the main campaign.
    doors: int
    # When they started knocking (month, day) in 2026.
    starts: tuple[int, int]
    style: str
    spanish: bool = False
    # The language Heard's pages speak to them (Membership.language); blank: their browser's.
    language: str = ""


# "organizer", "volunteer", "voluntaria" and "admin" are the logins printed by `heard run`
# (DEMO_USERS); "voluntaria" is Marisol, who listens in Spanish in La Loma.
TEAM: tuple[Teammate, ...] = (
    Teammate(
        "organizer",
        "Denise",
        "Carter",
        "organizer",
        ("eastgate", "oak_hill"),
        (),
        8,
        (4, 1),
        "organizer",
    ),
    Teammate(
        "volunteer",
        "Tamika",
        "Brooks",
        "volunteer",
        ("eastgate",),
        ("Maple Court Apartments", "Riverbend Commons"),
        58,
        (4, 11),
        "abbrev",
    ),
    Teammate(
        "admin",
        "Grace",
        "Holloway",
        "admin",
        ("downtown",),
        (),
        0,
        (4, 1),
        "plain",
    ),
    Teammate(
        "luis",
        "Luis",
        "Alvarado",
        "organizer",
        ("la_loma", "pine_haven"),
        (),
        10,
        (4, 1),
        "organizer",
        spanish=True,
    ),
    Teammate(
        "voluntaria",
        "Marisol",
        "Vega",
        "volunteer",
        ("la_loma",),
        ("La Loma", "Alder Street blocks"),
        42,
        (4, 18),
        "plain",
        spanish=True,
        language="es",
    ),
    Teammate(
        "earl",
        "Earl",
        "Whitaker",
        "volunteer",
        ("oak_hill",),
        ("Oak Hill", "Dogwood & Laurel"),
        30,
        (4, 11),
        "plain",
    ),
    Teammate(
        "kim",
        "Kim",
        "Nguyen",
        "volunteer",
        ("cedar_grove",),
        ("Cedar Grove",),
        30,
        (4, 25),
        "dashes",
    ),
    Teammate(
        "ray",
        "Ray",
        "Dawson",
        "volunteer",
        ("mill_row",),
        ("Mill Row", "Depot Street"),
        30,
        (5, 16),
        "terse",
    ),
    Teammate(
        "becky",
        "Becky",
        "Harlow",
        "volunteer",
        ("pine_haven",),
        ("Pine Haven",),
        28,
        (4, 18),
        "plain",
    ),
    Teammate(
        "jamal",
        "Jamal",
        "Price",
        "volunteer",
        ("downtown", "eastgate"),
        ("Downtown", "Hartley Towers"),
        28,
        (5, 2),
        "abbrev",
    ),
)
