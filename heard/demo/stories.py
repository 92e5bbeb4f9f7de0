"""Why people care, what they hope for, the common ground found, and their own words.

Same slots and conventions as `voices.py`: banks keyed by issue, then by neighbourhood or "*";
"@elder" / "@notelder" at the start of a line limit it to (or keep it from) older people.
"""

WHY: dict[str, dict[str, tuple[str, ...]]] = {
    "housing": {
        "oak_hill": (
            "{His} parents rented their whole lives; {he} was the first one to own. Doesn't "
            "want to be the last.",
            "@elder Paid off the house in {year}. Says it was supposed to be the thing {he} "
            "left the grandkids.",
        ),
        "mill_row": (
            "Bought the house with Hollis money, {his} dad's before that. Three generations on "
            "{street}.",
        ),
        "cedar_grove": (
            "First in the family to own a house. Worked {n} years for it and is scared of "
            "losing it.",
        ),
        "eastgate": (
            "Has moved {n} times in 6 years, every time because of rent. Wants to stay put for "
            "once.",
            "{His} {kid} has had {n} addresses already. {He} wants one to stick.",
            "Grew up in public housing in {origin}, promised {himself} {his} kids would have "
            "better. Feels like it's slipping.",
            "Says renters get treated like they don't count, like they're just passing "
            "through. {He}'s been here {years} years.",
        ),
        "*": (
            "Grew up on {street}, says the block used to know each other. Now it's strangers and "
            "rentals.",
            "@elder Raised {kids} in this place. Wants the grandkids to be able to live in "
            "Millbrook.",
            "'A home is supposed to be the one thing you can count on.'",
            "@notelder Got evicted as a kid, moved {n} times in one school year. Won't let that "
            "happen to {his} {kid}.",
            "Says {he} does everything right, pays on time, and it still isn't enough.",
        ),
    },
    "wages": {
        "mill_row": (
            "{His} dad worked Hollis 35 years and bought a house on one paycheck. {He} can't "
            "on two.",
        ),
        "*": (
            "Wants {his} kids to see that working hard means something.",
            "Believes in a fair day's pay. 'Not asking for a handout.'",
            "Was employee of the month at {employer} twice and still can't afford the dentist.",
            "Has worked since {he} was 15. Proud of it, and tired.",
        ),
    },
    "transit": {
        "*": (
            "@elder Independence. Doesn't want to ask anybody for a ride at {his} age.",
            "Lost a job once because the bus was late 3 times. Never forgot it.",
            "Says the bus is how people without money get to be part of the town.",
        )
    },
    "schools": {
        "*": (
            "First in {his} family to finish high school; wants more for {his} {kid}.",
            "Was a teacher's aide {n} years, knows what a teacher can do with 18 kids vs 30.",
            "{His} {kid} loves school, and {he} doesn't want that to change.",
        )
    },
    "safety": {
        "*": (
            "Lost a nephew to a speeding car on {street} in 2019.",
            "Just wants {his} {kid} to ride a bike to a friend's house like {he} did.",
            "Has lived here {years} years and wants to feel at home walking around at night.",
        )
    },
    "immigration": {
        "*": (
            "Came in {year} for work. Everything {he}'s built is here; the kids don't know "
            "anywhere else.",
            "Faith. Says God put them in Millbrook for a reason.",
            "Wants the kids to grow up without the fear {he} carries.",
        )
    },
    "health": {
        "*": (
            "Watched {his} {rel} go without care at the end and doesn't want to go the same way.",
            "Was a CNA for {n} years, took care of everybody else's parents.",
            "Says health is everything, 'you can't work if you can't stand up.'",
        )
    },
    "parks": {
        "*": (
            "Coached Little League at {park} for {n} summers. Kids need somewhere to be.",
            "Says a neighborhood without a park is just houses.",
        )
    },
    "utilities": {
        "pine_haven": (
            "Bought the trailer with {his} {spouse} in {year}, first thing they ever owned.",
        ),
        "*": (
            "It's about dignity. 'I pay my bills. I just want a fair bill.'",
            "Grew up with no running water in Kentucky. Swore {his} kids never would.",
        ),
    },
    "childcare": {
        "*": (
            "@notelder Single parent. Always choosing between work and being there.",
            "Wants {his} {kid} to have what {he} didn't: somebody there after school.",
        )
    },
}


WHY_TAILS = (
    "Got quiet telling me that.",
    "Teared up a little.",
    "Laughed about it, but it's heavy.",
    "Said it like {he}'d said it many times before.",
    "Took a while to get there, but that's the real reason.",
    "{His} {kid} was listening from the kitchen.",
    "Came back to it at the end, on {his} own.",
    "Said it twice.",
    "Didn't want to dwell on it.",
    "That's the part {he} most wanted me to write down.",
)


VALUES = (
    "Faith is big for {him}. 'We're supposed to look after each other.'",
    "Served in the Army {n} years. Says {he} didn't serve so {his} neighbors could be treated "
    "like this.",
    "Grew up in {hood}, moved away, came back in {year} to take care of {his} {rel}.",
    "{His} grandmother marched in '68. Says it runs in the family.",
    "Everything comes back to the kids.",
    "Doesn't 'do politics' but says this isn't politics, it's {his} street.",
    "Fairness. Said the word three times.",
    "{years} years in Millbrook. Knows everybody at {store} by name.",
    "@elder Was a union steward at Hollis in the 90s; knows what people can do together.",
    "{His} mother taught {him} you don't let a neighbor go hungry.",
    "Tired. Really tired. But perked up talking about {his} {kid}.",
    "Independent, doesn't like asking for help. Said so twice.",
    "Wants to stay. 'This is home. I'm not going anywhere.'",
    "Sings in the choir at {church}. Says that's where {he} gets {his} strength.",
    "Private person, but opened up when I said I grew up near {street}.",
    "'Nobody's going to fix it for us.'",
    "Says {he}'s not angry, {he}'s worried. Big difference to {him}.",
    "Raised by {his} grandmother on {street}; the house is still in the family.",
    "Moved here from {origin} in {year} for a job at {employer}. Stayed for the people.",
    "Takes care of {his} {rel} and {his} {kid}, sandwich generation. No time for {himself}.",
    "Believes in showing up. Goes to every funeral on the street.",
    "Lost {his} {spouse} in {year}. The neighbors got {him} through it.",
    "Talked about {his} dad a lot, a Hollis man, proud.",
    "Very practical. Doesn't want to talk feelings, wants to know what we're going to do.",
    "Says Millbrook is a good town that forgot about {hood}.",
    "Mentioned {his} {kid} graduating in May; that's what keeps {him} going.",
    "Keeps a garden out back and gives half of it away. Generous person.",
    "{He} said {he} has been let down by every group that came knocking. Fair.",
    "Was a Girl Scout leader for {n} years, still gets called 'Miss {first}' at {store}.",
    "Proud to be from {hood}, says people look down on it.",
    "Doesn't like being 'a problem'. Wants to be part of fixing things.",
    "{His} {rel} was the one who always helped the neighbors. {He} wants to be that now.",
    "Works hard, goes to church, minds {his} business. Says that used to be enough.",
    "Has watched {hood} change for {years} years and is not ready to give up on it.",
    "Quiet, but knows exactly what {he} thinks.",
    "Talked about {his} kids' futures more than {his} own.",
)


HOPE: dict[str, dict[str, tuple[str, ...]]] = {
    "housing": {
        "*": (
            "Wants a cap on how much rent can go up in one year.",
            "Wants {landlord} to fix things when they break without {him} having to beg.",
            "A tenants' association that actually meets, and that {landlord} has to answer to.",
            "Wants the city to look at who's buying up the houses on {street}.",
            "Rent {he} can pay on one job.",
        ),
        "oak_hill": (
            "Property tax relief for seniors on fixed income, like other counties have.",
            "Repair grants for older homeowners so people can stay put.",
            "@elder Somebody to help {him} file the tax appeal, and for the county to freeze taxes "
            "for people over 70.",
        ),
        "eastgate": (
            "A tenants' association at {place} that {landlord} has to answer to.",
            "Repairs done in days, not months, and no more junk fees on the ledger.",
            "Wants the city to inspect {place} and post the results.",
        ),
        "la_loma": (
            "A written lease, receipts, and a landlord who doesn't threaten.",
            "Wants {landlord} to fix the heater before winter, and no retaliation for asking.",
            "Code inspectors who come without asking about papers.",
        ),
        "mill_row": (
            "A foreclosure freeze for Hollis families until people find work.",
            "Somebody to do something with the empty houses on {street} before they fall in.",
        ),
        "pine_haven": (
            "A limit on lot rent increases, and a real lease.",
            "Wants the residents to buy the park together. Heard it's been done in other states.",
        ),
        "downtown": (
            "Elevator fixed, and somebody accountable when it isn't.",
            "Housing for the people sleeping downtown, not another sweep.",
            "Keep Hartley Towers affordable for seniors, in writing.",
        ),
        "cedar_grove": (
            "Starter homes young families can buy in Cedar Grove.",
            "An HOA that fixes the drainage before it raises the dues.",
        ),
    },
    "wages": {
        "*": (
            "Steady hours. Knowing the schedule 2 weeks out would change everything.",
            "Any company that takes tax breaks from the city pays $18 and up.",
            "Thinks people at {employer} should talk union. Quietly.",
            "A raise that keeps up with groceries.",
        ),
        "mill_row": (
            "Real jobs for the Hollis folks, not a job fair with Dollar General.",
            "Retraining that's actually in Millbrook, in the evenings.",
            "The full pension for everybody within 5 years of it.",
        ),
        "la_loma": (
            "Wants the back pay. That's it. Just what {he}'s owed.",
            "Bathroom breaks and a slower line at Tri-State.",
            "Somebody who'll go after the contractors who don't pay.",
        ),
    },
    "transit": {
        "*": (
            "Buses on Saturday evening and Sunday.",
            "A bus that comes every 20 minutes, not every hour.",
        ),
        "mill_row": ("Route 7 back, even just at shift change.",),
        "eastgate": ("A shelter and a bench at the stop on Eastgate Blvd.",),
        "pine_haven": ("A van out to Pine Haven twice a week for groceries and the pharmacy.",),
        "downtown": ("Transfer station open until 11.",),
    },
    "schools": {
        "*": (
            "Smaller classes, period.",
            "Teachers paid enough to stay in Millbrook.",
        ),
        "cedar_grove": (
            "A new elementary on the east side, or at least more teachers.",
            "A crossing guard on the Parkway.",
        ),
        "la_loma": ("Real interpreters at conferences, not the kids.",),
        "mill_row": ("Bring the shop program back at Millbrook High.",),
    },
    "safety": {
        "*": (
            "Speed humps on {street} and a stop sign at the corner.",
            "Lights. Just get the streetlights fixed.",
            "Police who know the neighborhood, not more patrols driving through.",
            "Block watch like they had in the 80s.",
        ),
    },
    "immigration": {
        "*": (
            "Wants the city to say police won't ask about papers. In writing.",
            "Know-your-rights session at St. Brigid's, in Spanish.",
            "Wants the kids to stop being scared every time there's a knock at the door.",
        ),
    },
    "health": {
        "*": (
            "A clinic on this side of town that takes everybody.",
            "Respite for caregivers, even one afternoon a week.",
            "Prescriptions {he} can afford without cutting pills.",
        ),
        "mill_row": ("Help finding a plan before the Hollis coverage runs out.",),
        "downtown": ("Someone to check on the seniors at Hartley Towers who live alone.",),
    },
    "parks": {
        "*": (
            "Fix the lights at {park} and put the rims back up.",
            "Benches, shade, a water fountain. Not asking for much.",
        ),
        "cedar_grove": ("Finish the greenway.",),
    },
    "utilities": {
        "*": (
            "No shutoffs in summer heat or winter cold, and real notice before.",
            "Wants MP&L to come out here and explain the bills in person.",
        ),
        "pine_haven": (
            "Water billed by the city directly, not through the park office.",
            "Fix the drainage on Row D before somebody's trailer floats away.",
            "Clean water. Tested, with the results posted at the office.",
        ),
    },
    "childcare": {
        "*": (
            "Head Start slots for everybody on the waitlist.",
            "After-school program with room for everyone who signs up.",
        ),
        "eastgate": ("Affordable daycare near Eastgate that's open past 6.",),
    },
}


HOPE_ANY = (
    "Wants people on {street} to know each other again.",
    "Would like to see the council out here knocking doors like we are.",
    "Hard for {him} to picture it better, honestly. 'I'll believe it when I see it.'",
    "Something {he} can be part of, not another survey.",
    "For {his} {kid} to have it easier than {he} did.",
    "Says if {n} neighbors went to the city together, they'd have to listen.",
    "That the people making decisions would come sit on {his} porch for an hour.",
    "A neighborhood where people look out for each other's kids again.",
    "That somebody would answer the phone at the city.",
    "A say in what happens to {hood}, for once.",
    "That the next {n} years are better than the last {n}.",
    "Wants the young families to stay in {hood} instead of leaving for Jackson.",
    "Just to not be worried all the time.",
    "For things to be fair. 'Same rules for everybody.'",
    "To not have to choose between the light bill and groceries.",
)


# Second sentences that make short answers into real notes.
HOPE_WHO: dict[str, tuple[str, ...]] = {
    "*": (
        "Thinks the council could do it tomorrow if they wanted to.",
        "Would take the county commission, {he} thinks.",
        "Thinks it starts with neighbors showing up together.",
        "Isn't sure who's in charge of that. Asked me.",
        "'The mayor lives in Cedar Grove. Let him ride the bus one week.'",
        "Doesn't trust the city to do it; thinks churches could.",
        "Would be willing to help make it happen, {he} said, unprompted.",
        "Has written to {his} council member twice, no answer.",
        "Says the state has the money, the city just has to ask.",
        "Wants to see it before {his} {kid} is grown.",
        "By next summer, ideally. 'But I've been saying that for {n} years.'",
        "Not holding {his} breath.",
        "Thinks {n} or so neighbors asking together would move it.",
    ),
    "housing": ("Says that one's on {landlord}.", "Thinks the city could make {landlord} do it."),
    "schools": (
        "Says the school board, but nobody goes to those meetings.",
        "Thinks the PTA could push if more parents came.",
    ),
    "utilities": ("Says MP&L answers to the city, so it's the city.",),
    "transit": ("Says the transit board meets at 2pm on weekdays, 'so nobody who rides it goes.'",),
    "wages": ("Thinks it takes the workers together; nobody's going to hand it over.",),
}


COMMON_GROUND = (
    "We both grew up with a parent on the line at Hollis.",
    "Both of us are taking care of a {rel}.",
    "Said {he} doesn't vote like most people at {church}, but everybody there is worried "
    "about {word}.",
    "Didn't agree on the police stuff, but we both want the kids to have somewhere to go after "
    "school.",
    "{He} and the family across the street don't speak much (politics), but they both "
    "brought up {word} with me.",
    "Same as almost every door today: {word}.",
    "We're both night-shift people. Laughed about sleeping in the daytime.",
    "Both raised kids at {school}.",
    "'Everybody on this street pays too much for something.' True.",
    "Talked about the Hollis closing; {his} family and mine both had people on that line.",
    "Both of us have stood at the stop on {street} for an hour waiting.",
    "Not much on issues. The common ground was {hood} itself, {he} loves it here.",
    "Agreed with the renters more than {he} expected: 'it's all the same landlords in the end.'",
    "Both of us have moved more times than we can count.",
    "Church. Different churches, same idea about looking after people.",
    "{He} brought up the new families on {street} on {his} own, said they have the same "
    "{word_bare} problem.",
    "We both have a {kid} who's about to graduate. Same worries.",
    "Said the folks in Pine Haven and in Eastgate are 'in the same boat, different docks.'",
    "We both have a {rel} who keeps us in line.",
    "Grew up poor, both of us. Didn't take long to get there.",
    "Both veterans' families.",
    "Bonded over gardening, of all things. Then {word}.",
    "{He} was wary of 'organizers' but we both just want the street to work.",
    "We both have family who came here from somewhere else for work.",
    "Turns out we go to the same barber on Front St.",
    "Both of us lost a job at one point and know what that month feels like.",
    "We both have a {rel} in a nursing home, same worries about the cost.",
    "Both raised by grandmothers. Talked about them a good while.",
    "{He} and I both came to Millbrook from somewhere else and stayed.",
    "Both of us are tired of being told to 'call the office.'",
    "We both walk to {store}. Same broken sidewalk.",
    "{He} said most people at {church} would agree, 'even the ones who vote the other way.'",
    "Both of us care for kids who aren't ours: {his} grandkids, my nephew.",
    "{He} listens to the same gospel station my mom does.",
    "Same shift schedule as my brother at {employer}.",
)


COMMON_GROUND_ISSUE = (
    "Everyone we talked to on {street} said {word} in the first minute.",
    "{word_cap} is the thing that cuts across: young, old, renters, owners.",
    "Same {word} problem as the people I talked to in {other_hood} last week.",
    "{He} assumed {word} was just a {hood} problem; told {him} it's all over Millbrook.",
)


COMMON_GROUND_TAILS = (
    "Good moment.",
    "We laughed about it.",
    "That opened things up.",
    "{He} seemed surprised.",
    "Stood at the door another {mins} min after that.",
    "Felt like the real conversation started there.",
    "Worth building on.",
    "{He} said 'well, there you go.'",
)


# Words people said, verbatim, for quotes. The tail list is added sometimes.
QUOTES: dict[str, dict[str, tuple[str, ...]]] = {
    "housing": {
        "*": (
            "I've been here {years} years and I was never scared to open a bill until this year.",
            "Where am I going to go? It's the same everywhere now.",
            "My kids have moved {n} times. I want them to finish school in one school.",
            "I work full time and I'm one bad month from a shelter.",
        ),
        "oak_hill": (
            "I paid this house off. Now I'm renting it from the county.",
            "I've been here {years} years. I'm not starting over somewhere else.",
        ),
        "eastgate": (
            "They'll raise the rent on a place with mold in it and call it market rate.",
            "Every time I call maintenance they act like I'm bothering them.",
        ),
        "pine_haven": ("I own my home, but I don't own the dirt under it, and they know it.",),
        "downtown": ("Eleven floors and one elevator. You do the math.",),
    },
    "wages": {
        "*": (
            "They call us essential and pay us like we're nothing.",
            "I'm not asking for a handout. I'm asking to get paid for the work.",
            "I see my kids on Sundays, and they're asleep.",
        ),
        "mill_row": (
            "My daddy bought a house on one Hollis paycheck. I can't do it on two jobs.",
            "I gave that plant {years} years. They gave me eight weeks.",
        ),
        "la_loma": ("He owes me for three weeks and he drives a brand new truck.",),
    },
    "transit": {
        "*": (
            "If the bus doesn't come, I don't work. It's that simple.",
            "They cut the bus and then they wonder why nobody shows up to work.",
        ),
        "pine_haven": ("I'm walking the shoulder of the highway to get my pills. In this heat.",),
    },
    "schools": {
        "*": ("She loves school. I just don't want them to take that away from her.",),
        "cedar_grove": ("Thirty kids in a trailer. Would you send your child there?",),
        "la_loma": ("My kids translate for me at school. They shouldn't have to.",),
    },
    "safety": {
        "*": (
            "I just want my babies to play outside.",
            "Somebody's going to get killed on that road, and then they'll put up a sign.",
            "I don't want more police. I want lights that work.",
        ),
    },
    "immigration": {
        "*": (
            "Every time somebody knocks, my heart stops. Even today.",
            "My kids were born here. This is the only home they know.",
            "I pay taxes like everybody. I just can't vote.",
        ),
    },
    "health": {
        "*": (
            "I cut my pills in half so they last the month.",
            "I can't afford to get sick, so I don't go to the doctor. That's how you get sick.",
        ),
        "downtown": ("Nobody checks on us up here. You could die and nobody would know.",),
    },
    "parks": {
        "*": ("The kids don't have anywhere to be, so they end up somewhere they shouldn't be.",),
        "oak_hill": ("When I was a kid that ballfield was the whole world.",),
    },
    "utilities": {
        "*": (
            "I pay my bills. I just want a fair bill.",
            "My light bill is more than my groceries. How does that happen?",
        ),
        "pine_haven": (
            "They cut the water with a baby in the house. In July.",
            "The water's brown and they want {bill} for it.",
        ),
    },
    "childcare": {
        "*": (
            "Daycare costs more than my rent. So I work nights and I don't sleep.",
            "I turned down a raise because I couldn't get to pickup.",
        ),
    },
}


QUOTES_ANY = (
    "Nobody from the city ever knocked on my door. You're the first.",
    "I'll come if somebody else comes. I'm not going by myself.",
    "We used to know everybody on this street.",
    "I'm not angry. I'm tired.",
    "If we don't look after each other, nobody will.",
    "I thought I was the only one.",
    "I don't do politics. But this isn't politics, this is my street.",
    "Write that down. Put it in your report.",
    "I've lived in {hood} {years} years and nobody ever asked me what I think.",
    "You came back. Most people don't come back.",
    "I'd do more, I just need somebody to tell me what.",
    "It's not one thing. It's everything at once.",
)


QUOTE_TAILS = (
    "And I'm not the only one.",
    "That's the truth.",
    "You can write that down.",
    "I mean that.",
    "Ask anybody.",
)
