"""What organizers write down, in English: fragments to compose notes from.

Slots in braces are filled per person and per sentence (see `notes.Writer`): pronouns are
written as the male form ({he} {He} {him} {his} {His} {himself}) and become she/her for women.
A bank keyed by a neighbourhood is preferred over the "*" bank for that issue, so the same issue
sounds different in Pine Haven than in Cedar Grove. Keys like "mill_row>jul" are used only for
conversations on or after July 1 (Route 7 was cut and the first Hollis layoffs had happened);
"mill_row<jul" only before.
"""

ISSUES = (
    "housing",
    "wages",
    "transit",
    "schools",
    "safety",
    "immigration",
    "health",
    "parks",
    "utilities",
    "childcare",
)


# How people and organizers name an issue in a list.
ISSUE_WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "housing": {
        "*": ("rent", "housing", "the rent", "housing costs", "the landlord", "repairs"),
        "oak_hill": ("property taxes", "taxes on the house", "housing", "home repairs"),
        "pine_haven": ("lot rent", "the park owners", "lot rent", "housing"),
        "mill_row": ("the mortgage", "housing", "empty houses", "house payment"),
        "downtown": ("housing", "Hartley Towers", "homelessness", "rent"),
        "cedar_grove": ("housing costs", "insurance", "the mortgage"),
    },
    "wages": {
        "*": ("wages", "pay", "jobs", "hours", "money", "work"),
        "mill_row": ("Hollis closing", "jobs", "the plant", "pensions", "work"),
        "la_loma": ("wage theft", "pay", "work", "getting paid"),
    },
    "transit": {
        "*": ("the bus", "transit", "getting around", "rides"),
        "mill_row": ("Route 7", "the bus", "the 7"),
        "pine_haven": ("no bus", "getting to town", "transportation"),
    },
    "schools": {
        "*": ("schools", "the school", "education", "the kids' school"),
        "cedar_grove": ("class sizes", "the portables", "school crowding", "schools"),
        "la_loma": ("the school", "translation at school", "schools"),
    },
    "safety": {
        "*": ("safety", "speeding", "streetlights", "break-ins", "feeling safe"),
        "downtown": ("safety", "the bars on Front", "lighting"),
    },
    "immigration": {
        "*": ("immigration", "papers", "ICE", "status", "fear of police"),
    },
    "health": {
        "*": ("health care", "insurance", "medical bills", "prescriptions", "the clinic"),
        "mill_row": ("insurance after Hollis", "health care", "COBRA"),
        "oak_hill": ("health", "Medicare", "prescriptions", "caregiving"),
    },
    "parks": {
        "*": ("parks", "somewhere for kids to go", "the park", "the playground"),
        "cedar_grove": ("the greenway", "parks", "sidewalks"),
    },
    "utilities": {
        "*": ("utilities", "the power bill", "MP&L", "utility bills"),
        "pine_haven": ("water bills", "the water", "shutoffs", "flooding", "water"),
    },
    "childcare": {
        "*": ("childcare", "daycare", "after-school", "someone to watch the kids"),
    },
}


ISSUE_LISTS = {
    1: (
        "{A}.",
        "Just {a}.",
        "{A}; nothing else came close.",
        "{A}, the only thing {he} wanted to talk about.",
        "{A} — that's the whole list.",
        "Really only {a}.",
    ),
    2: (
        "{A}, {b}.",
        "{A} first, then {b}.",
        "{A} and {b}, in that order.",
        "Mostly {a}. Mentioned {b} too.",
        "{A} > {b}",
        "{A}/{b}",
        "{A}. Also {b} when I asked.",
        "Said {a} right away, added {b} later.",
        "{A}; {b} a distant second.",
        "{A} + {b}",
    ),
    3: (
        "{A}, {b}, {c}.",
        "{A} first. Also {b} and {c}.",
        "{A} > {b} > {c}",
        "Top: {a}. Then {b}, {c}.",
        "{A} mainly; {b} and {c} if pushed.",
        "{A}/{b}/{c}",
        "{A}. {B}. {C}.",
        "Ticked {a}, {b}, {c} on the card.",
        "Started with {a}, came back to it twice. {B}, {c}.",
        "{A}, {b} and {c}; says they're all connected.",
    ),
}


PROBLEM: dict[str, dict[str, tuple[str, ...]]] = {
    "housing": {
        "*": (
            "Rent went up {rise} in {month} and {he}'s picking up weekend shifts to cover it.",
            "Housing, first thing {he} said. Pays {rent} a month and it's more than half of "
            "what {he} brings home.",
            "Worried {he}'ll have to move in with {his} {rel} if the rent goes up again.",
            "Behind on rent since {month}, got a late notice taped to the door.",
            "Says nobody {he} knows can afford to move anywhere else in Millbrook, so people "
            "just stay and pay.",
            "Rent's {rent} now. Was {old_rent} when {he} moved in {years} years ago.",
        ),
        "oak_hill": (
            "@elder Property taxes up {tax} after the reassessment. {He}'s {age}, on a fixed "
            "income, paid the house off years ago and now feels like {he}'s renting it from "
            "the county.",
            "Roof has leaked over the back bedroom since {month}; two quotes came in over "
            "$9,000. Puts buckets out when it rains.",
            "{n} houses on {street} sold to the same LLC out of Nashville this year, all "
            "rentals now. {He} wonders who's next.",
            "@elder Gets letters every week from people wanting to buy the house for cash. Finds "
            "it insulting, 'like they're waiting on me to die.'",
            "@elder Can't keep up with the yard and the repairs since {his} {spouse} passed. "
            "Doesn't want to leave {street}.",
            "Reassessment notice came in {month}, taxes up {tax}. Doesn't know who to appeal "
            "to or how.",
            "@elder Wants to stay in the house but the front steps are getting hard and a ramp is "
            "$4,000.",
            "Furnace went out in {month}. Space heaters in every room now, {his} bill is "
            "through the roof.",
        ),
        "eastgate": (
            "{landlord} raised the rent {rise} at renewal with 30 days notice. No repairs to "
            "show for it.",
            "Mold in the kids' bathroom, {he}'s put in {n} work orders since {month}. "
            "Maintenance comes, paints over it, leaves.",
            "AC was out {n} days in July, {landlord} said a part was on order. {His} {kid} "
            "has asthma.",
            "New 'amenity fee' and 'valet trash' fee on the ledger, $45 a month, for a "
            "dumpster that's always overflowing.",
            "Got a 3-day notice for being $60 short. Says {landlord} files on people fast "
            "since the company out of Atlanta took over.",
            "Ceiling in the hallway by unit {unit} fell in. Nobody came for {n} weeks.",
            "Parking lot lights out since {month}; {he} walks in from the bus stop in the "
            "dark after {shift}.",
            "Roaches in the whole building. {He} sprays every week, says there's no point if "
            "the units next door don't.",
            "Lease renewal came with a {rise} increase and a 'take it or leave it'. {He} took "
            "it. Where else?",
            "Water heater went out in {month}, cold showers for {n} days with {kids} in the house.",
        ),
        "la_loma": (
            "Two families in a 2-bedroom on {street}, {n} people total. Rent is {rent} and "
            "they split it.",
            "No lease, pays cash to {landlord}. When {he} asked for the heater to be fixed, "
            "{landlord} said they could leave if they don't like it.",
            "Landlord told {him} if {he} complains to the city he'll 'make some calls'. {He} "
            "took that to mean immigration.",
            "The house floods when it rains hard. Carpet still smells from {month}.",
            "Paying {rent} for a place with no working stove, cooking on a hot plate since "
            "{month}.",
            "Landlord comes in without knocking 'to check'. {He} doesn't feel it's {his} home.",
        ),
        "mill_row": (
            "Behind on the mortgage since Hollis cut {his} hours in {month}. Called the bank "
            "twice, got nowhere.",
            "{n} empty houses on {street} now. People left and nobody's buying.",
            "Says house values dropped the day Hollis made the announcement. Can't sell, "
            "can't afford to stay if the job goes.",
            "Rents from {landlord}, who hasn't been out to look at the place in 3 years. Back "
            "porch is rotting through.",
            "Bought on {street} in {year} because it was close to the plant. Now what.",
        ),
        "pine_haven": (
            "Lot rent went from $385 to {lot} since {landlord} bought the park. {He} owns the "
            "trailer but not the dirt under it.",
            "Can't move the trailer, it's a '94 and would come apart on the highway. So {he} "
            "pays whatever {landlord} asks.",
            "New rules from {landlord} every month — fines for skirting, the shed, cars in "
            "the yard. Got a $75 fine in {month}.",
            "Office won't take cash or give receipts anymore, only an online portal. {He} "
            "doesn't have internet at home.",
            "@elder Lot rent is {lot} now. {He} gets $1,140 a month from Social Security.",
            "Letter in {month} said lot rent goes up again in January. No amount given.",
        ),
        "downtown": (
            "@elder Elevator at Hartley Towers out again, {n} days this time. {He}'s on the "
            "{floor} floor with a walker.",
            "Hartley Towers has new management, everyone has to re-certify income. {He}'s "
            "scared of losing the unit over paperwork.",
            "Rent on the shop up {rise} a month. Landlord wants to 'bring in a brewery'.",
            "Was living in {his} car for {n} months last winter. Now in a room on Jefferson St "
            "at $160 a week.",
            "People sleeping in the doorways on Front St. {He} doesn't want them run off, "
            "{he} wants them housed.",
            "Lives above the shop on {street}, rent up {rise}, and the stairs are falling apart.",
        ),
        "cedar_grove": (
            "Homeowner's insurance up {rise} a month, on top of escrow going up.",
            "Renting in Willow Bend at {rent}. Want to buy but there's nothing under $280k in "
            "Cedar Grove.",
            "HOA dues up again and the HOA won't do anything about the retention pond that "
            "floods {his} backyard.",
        ),
    },
    "wages": {
        "*": (
            "Works {job}. Makes {wage}/hr, hasn't had a raise in {n} years.",
            "Money. {He}'s working {hrs} hrs a week and still short every month.",
            "Two jobs, {employer} plus weekends. Sees {his} kids on Sundays, mostly asleep.",
            "Hours keep getting cut at {employer}. Never knows the schedule more than a week out.",
            "Everything costs more but the paycheck's the same. Groceries are what's killing "
            "{him}.",
            "Works {job}. Says {he}'s one flat tire away from losing it all.",
        ),
        "eastgate": (
            "Works {job}. Mandatory overtime every peak season, no say in it.",
            "Got written up for being late when {route} didn't come. Third write-up and you're "
            "out.",
            "Temp agency takes $3 an hour off the top; been 'temp' at {employer} {n} months.",
            "Makes {wage} at {employer}. Says the new hires make more than {he} does.",
        ),
        "la_loma": (
            "Crew boss owes {him} ${owed} for {n} weeks of roofing, keeps saying next Friday.",
            "At Tri-State they took away bathroom breaks on the line. {He} says people wear pads.",
            "Paid cash, no overtime even at {hrs} hrs. Scared to push because of papers.",
            "Got hurt at work in {month} (hand), company said it wasn't their problem. No "
            "workers comp.",
            "Works {job}. Line speed went up again in {month}, same pay.",
        ),
        "mill_row<jul": (
            "Hollis closes in December. {He}'s got {years} years in, {n} short of the full "
            "pension.",
            "Waiting on the layoff list at Hollis. They're saying June for the first round.",
            "Says the whole street worked at Hollis at one point. Nobody knows what happens "
            "after December.",
            "{His} {spouse} works at Hollis too. If both go at once, {he} doesn't know.",
        ),
        "mill_row>jul": (
            "Laid off in the June round at Hollis. Severance was 8 weeks. The jobs that call "
            "back pay $13.",
            "Hollis closes in December. {He}'s got {years} years in, {n} short of the full "
            "pension.",
            "Retraining money is for the community college in Jackson — {he} doesn't have a "
            "car that'll make that drive.",
            "{His} {spouse} still works at Hollis, {he} was let go in June. One paycheck and "
            "the house note.",
            "Applied to {n}0 places since the layoff. Two callbacks, both part-time.",
            "Says the whole street worked at Hollis at one point. Nobody knows what happens "
            "after December.",
        ),
        "downtown": (
            "Tips are down since the courthouse moved half its staff out. Serves for {wage} "
            "an hour plus tips.",
            "Owns a small shop on {street}. Foot traffic is gone in the afternoons.",
        ),
        "pine_haven": (
            "Works {job}. Misses a shift when the kids are sick, no pay, no sick days.",
            "Works {job}. Gas to get to work is eating {his} check with no bus out here.",
        ),
        "cedar_grove": (
            "Both parents work at {employer} and still can't make daycare and the mortgage "
            "line up.",
        ),
    },
    "transit": {
        "*": (
            "{route} comes once an hour if it comes. {He} waits {mins} min in the heat.",
            "No car. Gets rides to the clinic from {his} {rel} but feels like a burden.",
            "No bus on Sundays, so no church unless somebody picks {him} up.",
            "Car broke down in {month}, can't afford the repair, so it's {route} or nothing.",
        ),
        "mill_row<jul": (
            "Heard the city is cutting Route 7 in July. {He} takes it to dialysis 3x a week.",
            "Route 7 is the only way {he} gets to {employer}. If it goes, {he} doesn't know.",
            "City council voted to cut Route 7 'for efficiency'. Nobody asked Mill Row.",
        ),
        "mill_row>jul": (
            "Route 7 got cut July 1. Now it's a {mins} min walk to the transfer station, {he} "
            "timed it.",
            "Since the 7 stopped, {his} {kid} drives {him} in before school and is late every day.",
            "Lost {his} ride when Route 7 went. Missed {n} shifts last month.",
            "@elder Walks to the 3 on Summit now that the 7's gone. {He}'s {age} and it's a mile "
            "uphill.",
        ),
        "eastgate": (
            "Takes {route} to {employer}. If it's late, {he}'s late, and they don't care why.",
            "No shelter at the stop on Eastgate Blvd. {He} stands in the rain with {his} {kid}.",
        ),
        "pine_haven": (
            "No bus comes out to Pine Haven at all. Without the truck {he}'s stuck, and the "
            "truck's been making a noise.",
            "Walks 2 miles on the shoulder of Pine Haven Rd to the Dollar General. No "
            "sidewalk, trucks flying by.",
        ),
        "oak_hill": (
            "@elder Gave up driving last year. The Oak Hill loop doesn't go by {his} doctor's "
            "office anymore.",
        ),
        "downtown": (
            "Transfer station closes at 7, so anybody on 2nd shift can't get home by bus.",
        ),
        "la_loma": (
            "Doesn't drive — no license — so it's {route} or walking, and {route} stops at 6.",
        ),
    },
    "schools": {
        "*": (
            "{His} {kid} is in a class of {class_size} at {school}. Teacher told {him} she "
            "can't get to everybody.",
            "Worried about {his} {kid} at {school}, fights, and nobody calls the parents.",
            "{His} {kid} has an IEP that {school} isn't following. {He}'s been to {n} meetings.",
        ),
        "cedar_grove": (
            "Cedar Grove Elementary is up to {n} portable classrooms. {His} {kid} has class in "
            "a trailer with no bathroom.",
            "{class_size} kids in {his} {kid}'s 2nd grade class. Says the teacher cried at "
            "open house.",
            "Pickup line backs up onto the Parkway every afternoon. Somebody's going to get hit.",
            "Gifted program cut, art cut, and the PTA is paying for copy paper.",
            "New subdivisions keep going up but nobody built a new school.",
            "{His} {kid} eats lunch at 10:15 because the cafeteria runs {n} shifts.",
        ),
        "la_loma": (
            "School sends everything home in English. {He} signs things without knowing what "
            "they say.",
            "One ESL teacher at {school} for about {n}0 kids.",
            "{His} {kid} gets picked on for the accent; school says they'll 'look into it'.",
        ),
        "eastgate": (
            "Lincoln Middle has had {n} subs for the same math class since {month}.",
            "Bus for {school} comes at 6:10am. {His} {kid} sleeps through first period.",
        ),
        "mill_row": (
            "Millbrook High cut the shop program. {He} says that's how half of Mill Row got on "
            "at Hollis.",
        ),
    },
    "safety": {
        "*": (
            "Cars fly down {street}, {he}'s seen {n} near misses with kids this summer.",
            "Break-ins on {street}; {his} truck got hit in {month}, they took tools.",
            "Streetlights out on {street} since {month}. {He} won't walk after dark.",
        ),
        "oak_hill": (
            "Speeding on {street} is the big one. Wants a speed hump. {His} cat got hit in "
            "{month}.",
            "Doesn't feel safe walking to {store} anymore. Couldn't say exactly why, 'it's "
            "just different now.'",
        ),
        "eastgate": (
            "Shooting in the Maple Court lot in {month}. {His} {kid} won't play outside since.",
            "Security gate at Riverbend has been broken for months, anybody can walk in.",
        ),
        "la_loma": (
            "Police stop people on {street} for a taillight and then ask for papers. {He} "
            "doesn't drive anymore.",
        ),
        "downtown": (
            "Fights outside the bars on Front St on weekends. {He} wants more lighting, not "
            "more cops.",
            "Got {his} purse snatched at the transfer station in {month}.",
        ),
        "cedar_grove": (
            "No crosswalk from Willow Bend to the school; kids cross 4 lanes on the Parkway.",
        ),
    },
    "immigration": {
        "*": ("Didn't want to say much about status. Said 'you know how it is right now.'",),
        "la_loma": (
            "Afraid to call the police even when somebody broke into {his} car, because of status.",
            "{His} cousin was picked up at a traffic stop on {street} in {month}. Deported in "
            "{n} weeks.",
            "Keeps a folder by the door with the kids' birth certificates and a letter saying "
            "who takes them if {he}'s detained.",
            "Stopped going to {church} for a while after the rumor about ICE at Tri-State.",
            "Mixed-status family. The kids are citizens, {his} {spouse} is not. They don't all "
            "leave the house together.",
            "Paid a 'notario' $2,000 for papers that were never filed.",
            "Won't sign up for WIC for the baby, afraid it'll count against them later.",
        ),
        "pine_haven": (
            "A few families on Row D are afraid to complain to {landlord} because of papers. "
            "{He} says the office knows it.",
        ),
        "eastgate": ("Came as a refugee in 2016, green card now, still nervous at every office.",),
    },
    "health": {
        "*": (
            "Insulin is {insulin} a month without good insurance. {He}'s been rationing since "
            "{month}.",
            "Waiting {n} months for a specialist. Closest one that takes {his} Medicaid is in "
            "Jackson.",
            "ER bill from {month} went to collections, $2,300. Says {he}'ll just not go next time.",
            "{His} {rel} is on dialysis and {he} does all the driving.",
        ),
        "oak_hill": (
            "Caring for {his} {spouse} at home since the stroke. No break, and Medicare won't "
            "pay for an aide.",
            "@elder Prescriptions are over $400 a month even with Part D.",
            "Clinic on Summit closed in {month}. Nearest doctor is across town.",
        ),
        "mill_row": (
            "Loses {his} insurance when Hollis closes. {His} {kid} has type 1 diabetes.",
            "COBRA quote was $1,900 a month. {He} laughed telling me.",
        ),
        "la_loma": (
            "No insurance. Goes to the Friday clinic at St. Brigid's when it's open, otherwise "
            "the ER.",
            "{His} {kid} needed glasses for a year before they could pay for them.",
        ),
        "pine_haven": (
            "Nearest pharmacy is 6 miles. {He} has COPD and no car some weeks.",
            "Black mold under the trailer; {his} {kid}'s asthma is worse since spring.",
        ),
        "downtown": (
            "Nobody checks on the people at Hartley Towers who live alone. A man on the 5th "
            "floor died and wasn't found for {n} days.",
        ),
        "eastgate": ("Works at St. Luke's and can't afford St. Luke's insurance.",),
    },
    "parks": {
        "*": (
            "{park} is a mess: broken swings, glass, no lights.",
            "Nowhere for teenagers to go in {hood}. They hang out in the parking lot at {store} "
            "and get run off.",
        ),
        "oak_hill": (
            "The old ballfield on Chestnut used to be where everybody went. City stopped "
            "mowing it in 2023.",
            "Wants benches at Oak Hill Park; nowhere for older folks to sit.",
        ),
        "cedar_grove": (
            "Greenway stops halfway. Kids ride bikes on the Parkway shoulder to get to the pool.",
            "One playground for all of Cedar Grove and it's always packed.",
            "Pool at the community center was closed for repairs all summer; the kids had "
            "nowhere to go.",
            "Sidewalk on {street} ends at the subdivision line. Strollers go in the street.",
        ),
        "pine_haven": (
            "Kids play in the road since {landlord} fenced off the playground by the office.",
        ),
        "downtown": ("Riverwalk is nice but there's no bathroom and no shade.",),
        "eastgate": (
            "Basketball court behind Maple Court has had no rims since {month}. The boys just "
            "hang out in the lot.",
        ),
    },
    "utilities": {
        "*": (
            "Power bill was {bill} in {month}. {He} keeps the thermostat at 80 and it still "
            "came in high.",
            "MP&L shut the power off {n} days over a $180 balance. Had to throw out the whole "
            "freezer.",
        ),
        "pine_haven": (
            "Water's billed through the park office now, not the city. Bill was {bill} for "
            "one person.",
            "Water shut off in {month} with no notice, {n} days, because the office said {he} "
            "was late. {He} had the receipt.",
            "{landlord} adds a 'service fee' to the water every month, nobody knows what it's for.",
            "Brown water after every rain. Boils it for the kids, buys jugs at the Dollar General.",
            "Row D floods whenever it rains hard. Water under the trailers, road washed out.",
            "Power was out 3 days after the June storm and MP&L came to the park last.",
            "Old trailer, no insulation. Winter bill was {bill}, summer isn't much better.",
            "Water bill {bill}, up from about $60 before {landlord}. Same water, same people.",
        ),
        "oak_hill": (
            "MP&L bill doubled after they put in the 'smart meter'. Can't get anybody on the "
            "phone about it.",
        ),
        "mill_row": ("Got a shutoff notice from MP&L the same week as the Hollis letter.",),
    },
    "childcare": {
        "*": (
            "@notelder Daycare is {daycare} a week for the baby. That's more than {his} rent.",
            "Waitlist for the Head Start on Pike is {n} months.",
            "@notelder No one to watch the kids, so {he} works nights and sleeps when they're at "
            "school.",
        ),
        "eastgate": (
            "Grandma watches the kids but she's 71 and tired. No other option in Eastgate.",
            "Head Start on Pike has a waitlist of {n} months; {he} pays a neighbor $100 a week "
            "in cash meanwhile.",
            "Works {shift}; the only daycare open that late is across town in Cedar Grove.",
            "{His} {kid} stays with a cousin at Maple Court after school. {He} worries about it "
            "every day.",
        ),
        "cedar_grove": (
            "Daycare is {daycare} a week, basically a second mortgage.",
            "After-school program at {school} was full the first week. {His} {kid} sits at the "
            "library until 6.",
        ),
    },
}


# What it does to them: added after the problem in longer notes.
DETAIL: dict[str, tuple[str, ...]] = {
    "housing": (
        "{He}'s picking up weekend shifts at {employer} to cover it.",
        "Cut back on groceries; eats at the Wednesday supper at {church}.",
        "Skipped {his} blood pressure meds one month to make rent.",
        "{His} {rel} moved in to help with bills.",
        "Sold {his} truck in {month} to catch up.",
        "Knows at least {n} families on {street} in the same spot.",
        "Applied to the Housing Authority 2 yrs ago, still on the list.",
        "Has lived here {years} years and never seen it like this.",
        "{He} showed me the ledger on {his} phone.",
    ),
    "wages": (
        "Puts groceries on a credit card the last week of the month.",
        "{His} {kid} quit the basketball team to work at the Sonic.",
        "Does DoorDash after {shift} when {he} can stay awake.",
        "Says the only raise {he} got in {n} years was 25 cents.",
        "Pays the light bill, then the phone, then whatever's left.",
        "@elder {He}'s {age} and thought {he}'d be retired by now.",
    ),
    "transit": (
        "Missed a doctor's appointment in {month} because the bus never came.",
        "Pays a neighbor $20 for rides to the grocery store.",
        "Spends almost 2 hours a day getting to and from work.",
        "{His} {kid} skips after-school stuff because there's no way home.",
    ),
    "schools": (
        "{He} volunteers in the classroom on {weekday}s when {he} can.",
        "Thinking about homeschooling, which {he} never wanted to do.",
        "Went to the school board once, 'three minutes and a buzzer.'",
        "Other parents on {street} say the same.",
    ),
    "safety": (
        "Called the city twice about it, no answer.",
        "Keeps the porch light on all night now.",
        "{His} {kid} walks home with a group, never alone.",
        "Says the neighbors used to watch out for each other's kids.",
    ),
    "immigration": (
        "Doesn't drive anymore except to work.",
        "The kids ask what happens if {he} doesn't come home.",
        "Sends money home every month, so a lost week of work hurts twice.",
        "Only opened the door because {he} recognized Marisol from church.",
    ),
    "health": (
        "Cuts pills in half to make them last.",
        "Hasn't been to a dentist in {n} years.",
        "{He} 'can't afford to get sick,' said it twice.",
        "GoFundMe for {his} {rel}'s surgery raised $340.",
    ),
    "parks": (
        "{He} takes the kids to the park in Cedar Grove instead, when {he} has gas.",
        "The boys got chased off the Kroger lot by security in {month}.",
        "Used to walk there every morning, stopped.",
    ),
    "utilities": (
        "Went without AC most of July to keep the bill down.",
        "Set up a payment plan, but the plan costs more than the bill did.",
        "Showed me the bill, I took a picture (with permission).",
        "{His} neighbor next door got the same bill, same week.",
        "Hauls water from {his} {rel}'s place in town when it's off.",
    ),
    "childcare": (
        "Turned down a better shift because of pickup times.",
        "{His} {rel} helps two days a week, the rest is a patchwork.",
        "Left a job at {employer} over it in {month}.",
    ),
}


LEAD_INS = (
    "Biggest thing: ",
    "Main concern: ",
    "First thing out of {his} mouth: ",
    "Right away: ",
    "",
)
