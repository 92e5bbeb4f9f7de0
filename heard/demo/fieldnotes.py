"""The organizer's side of the notes: how the conversation went, leader signals, the
invitation at the end, follow-up, small groups as a whole, and the promises of one-to-ones.

Same slots and conventions as `voices.py`.
"""

OPENERS = (
    "Porch conversation, about {mins} min.",
    "Talked through the screen door; warmed up after a few minutes.",
    "Caught {him} coming home from {shift}.",
    "Knocked twice, almost left.",
    "{His} {kid} answered and went and got {him}.",
    "Dog barking the whole time, kept it short.",
    "Invited me in for sweet tea. Long one.",
    "Was working on the truck in the driveway, talked while {he} worked.",
    "Asked twice what group we're with. Suspicious at first, then fine.",
    "Rain, so we talked under the carport.",
    "Kids running in and out, {he} was cooking.",
    "Sat on the steps with {him} and a neighbor for a while.",
    "Second try at this door, missed {him} last time.",
    "Short — {he} was on {his} way to work.",
    "{He} came out to the sidewalk; didn't want me at the door.",
    "Met {him} in the parking lot, carrying groceries up.",
    "Talked in the yard, {he} was hanging laundry.",
    "{He} had a lot to say, I mostly listened. Close to an hour.",
    "{He} came out onto the porch in {his} work uniform, ~{mins} min.",
    "Knocked on {weekday} evening, {he} was just sitting down to dinner. Kept it short.",
    "Talked with {him} over the fence while {he} watered the garden.",
    "Third door on {street} that opened today. Friendly.",
    "Neighbor pointed me to {his} door: 'you'll be there a while.'",
    "Sat in lawn chairs in the yard, {his} {kid} brought us water.",
    "{He} remembered the flyer we left last month.",
    "Caught {him} on the way back from {store}.",
)


TABLING_OPENERS = (
    "Came by our table at {where}.",
    "At our table at {where}; stopped for the free water and stayed ~{mins} min.",
    "Stopped by our table at {where} with {his} kids.",
    "Walked up to the table at {where} and asked what we were about.",
    "Talked at {where}, {he} signed the card.",
    "{where_cap} table, busy; short conversation about {word}.",
    "{where_cap}: {he} waited while I finished with someone else, wanted to talk.",
    "Table at {where}. {He} came back a second time to add something.",
    "Met at {where}. Loud, so we stepped away from the music.",
    "{where_cap} table; {his} {kid} ate our cookies while we talked.",
)


OTHER_OPENERS = (
    "Ran into {him} at the laundromat; turned into a real conversation.",
    "Phone call, follow-up from the card {he} filled out.",
    "Talked after the meeting, in the parking lot.",
    "{He} called the office number on the flyer.",
    "Bumped into {him} at {store}, talked by the carts.",
)


CONTACT = (
    "Call after 6, works days.",
    "Text is better than calling.",
    "Didn't want to give a number. OK to knock again.",
    "Gave number, prefers WhatsApp.",
    "Email is best, doesn't answer unknown numbers.",
    "Home most evenings.",
    "Phone got cut off, knock instead.",
    "Best on {weekday}s.",
    "Works {shift}, don't knock before noon.",
    "Best reached after {time}.",
    "Don't call during {his} shifts at {employer}; text and {he}'ll get back.",
    "Number is {his} {rel}'s phone.",
    "Prefers a knock, doesn't trust phone calls.",
    "Gave {his} email but said {he} rarely checks it.",
    "Usually home after church on Sundays.",
    "Asked us not to leave voicemails.",
    "OK to text the meeting details.",
    "Works {shift}; try {weekday} mornings.",
)


SIGNALS: dict[str, tuple[str, ...]] = {
    "offered_to_help": (
        "Offered to help knock {his} side of {street}.",
        "Said 'whatever you need, I'll help,' and I think {he} meant it.",
        "Offered {his} truck if we ever need to haul chairs or tables.",
        "Asked how {he} can get involved before I could ask about {word}.",
        "Offered to make calls to the people {he} knows on {street}.",
        "@elder Wants to help with flyers, 'I'm retired, I have time.'",
        "Offered to help with {word}, 'just tell me when.'",
        "Wants to help. Said {he} can do {weekday} evenings.",
        "Offered to bring {his} {rel} and help set up at the next meeting.",
        "Said {he}'d knock doors with me in {hood} if I come back.",
        "Offered {his} kitchen for making flyers, and {his} {kid} for the copying.",
    ),
    "named_neighbors": (
        "Named {names}, says they're dealing with the same thing.",
        "Gave me {names} to talk to.",
        "Knows everybody on {street}. Named {names} right off.",
        "Said I have to talk to {names}.",
        "Mentioned {names}; says they'd come if {he} asked.",
        "Wrote down {names} on the back of my clipboard sheet.",
        "Says it's the same {word_bare} problem for {names}, and nobody's asked them either.",
    ),
    "wants_to_host": (
        "Would host a house meeting, has a big front room.",
        "Offered {his} porch for a small group, 'bring chairs.'",
        "Could host at {his} place on a Sunday after church.",
        "Said {he}'d have people over if we bring the food.",
        "Would host neighbors from {street} at {his} place, any {weekday}.",
        "Offered {his} carport for a meeting, 'it's cooler out there.'",
    ),
    "took_on_role": (
        "Took on calling {n} neighbors before the next meeting.",
        "Agreed to co-lead the {hood} team.",
        "Will do the sign-in and food at the next meeting.",
        "Going to bring {his} coworkers to the meeting, {he} says at least {n}.",
        "Said yes to speaking about {word} at the next public meeting.",
        "Will keep the list of who on {street} needs rides.",
        "Taking on the phone tree for {hood}.",
    ),
}


KINDLINESS: dict[str, tuple[str, ...]] = {
    "traditional": (
        "Helps because that's how {he} was raised: casseroles, rides, sitting with the sick. "
        "Traditional.",
        "Church-centered kindness, very steady. Traditional orientation.",
        "Old-school neighbor, 'you look after your street.' Traditional.",
        "Faith and duty; helps without making a fuss about it. Traditional.",
    ),
    "activist": (
        "Frames it all as a fight for what's right. Activist streak, has been to council before.",
        "Talks rights and power. Activist; good energy, might need to slow down to listen.",
        "Sees {word} as a justice issue, full stop. Activist.",
        "Has marched before and would again. Activist orientation.",
    ),
    "rescuer": (
        "The one everybody calls. Drives {n} neighbors to appointments, never asks for "
        "anything back. Rescuer, watch for burnout.",
        "Takes care of everyone, not great at letting anyone take care of {him}. Rescuer.",
        "Fixes everybody's problems on {street} and won't talk about {his} own. Rescuer.",
        "Runs {himself} ragged for others. Rescuer; needs a team, not more errands.",
    ),
    "empathic": (
        "Thoughtful about how {hood} is changing, curious about the newer families. Empathic.",
        "Sees it from other people's side without being asked. Empathic.",
        "Asked me as many questions as I asked {him}. Empathic, a bridge-builder.",
        "Talks about the people {he} disagrees with kindly. Empathic.",
    ),
}


NEXT_STEP: dict[str, dict[str, tuple[str, ...]]] = {
    "training": {
        "yes": (
            "Signed up for the Deep Listening Training on {event_date}!",
            "Yes to the training {event_date}. Needs a ride.",
            "Wants to learn to do this. Signed up for {event_date}.",
            "Training {event_date}: yes, and asked if {his} {rel} can come too.",
            "Said yes to the {event_date} training before I finished asking.",
        ),
        "maybe": (
            "Maybe for the training, depends on work. Follow up the week before.",
            "Interested in the training but can't do Saturdays. Ask about evenings.",
            "Maybe to the {event_date} training, if {he} can get off.",
            "Training: 'let me think about it.' Call {him} around the {event_date} date.",
        ),
        "no": (
            "Not for the training, 'I'm not a talker.'",
            "No to the training for now, too much going on.",
            "Passed on the training. Might be better as a host than a knocker.",
            "No training, works every Saturday at {employer}.",
        ),
    },
    "house_meeting": {
        "yes": (
            "Yes to a house meeting with the neighbors from {street}.",
            "Will come if it's at {host}'s; they go way back.",
            "House meeting: yes, as long as it's after {his} shift.",
            "Will come to the house meeting at {host}'s.",
            "Yes to a house meeting, wants to bring {his} {rel}.",
            "Said yes to a house meeting if it's close by.",
            "House meeting at {host}'s: yes. Will bring a dish.",
            "Yes to the house meeting; asked if kids can come.",
        ),
        "maybe": (
            "Maybe to the house meeting at {host}'s, if {his} {rel} can watch the kids.",
            "Maybe; doesn't know {host} well and is shy about going to a stranger's house.",
            "House meeting: maybe. Call {him} the {weekday} before.",
            "Maybe to the house meeting. Depends on childcare.",
            "Said 'maybe' to the house meeting, which I think means no.",
            "House meeting at {host}'s: maybe, depends on {his} shift.",
            "Maybe. Wants to know who else is coming first.",
        ),
        "no": (
            "No to the house meeting; {he} works {shift} most nights.",
            "Not for now. Says {he}'ll come once somebody from {street} goes first.",
            "Doesn't want to go to meetings. Keep {him} posted though.",
            "No to meetings, 'been to enough meetings.'",
            "Not a meeting person. Would rather help some other way.",
            "No to the house meeting, doesn't go out after dark.",
        ),
    },
    "event": {
        "yes": (
            "Coming to the {event}.",
            "Yes to the {event}, bringing {his} {kid}.",
            "Put {his} name down for the {event} on {event_date}.",
            "Said yes to the {event} ({event_date}). Text a reminder.",
        ),
        "maybe": (
            "Maybe for the {event}.",
            "Took a flyer for the {event}, will try.",
            "Maybe to the {event} on {event_date}, depends who's watching the kids.",
            "{event_cap}: maybe. Seemed interested.",
        ),
        "no": (
            "Can't make the {event}, works that day.",
            "Not coming to events for now.",
            "No to the {event}; {his} {rel} is sick and {he} can't leave the house.",
            "Won't make the {event} ({event_date}), out of town.",
        ),
    },
    "action": {
        "yes": (
            "Will come to the {event} on {event_date}. Wants to speak!",
            "Yes to the {event}. 'About time.'",
            "Coming to the {event}, bringing {n} people from {his} street.",
            "{event_cap} on {event_date}: yes, needs a ride downtown.",
        ),
        "maybe": (
            "Maybe to the {event}, nervous about speaking in public.",
            "Might come to the {event}, if {he} can get off work.",
            "Maybe for the {event}; doesn't like crowds.",
        ),
        "no": (
            "No to the {event}, doesn't want {his} name out there.",
            "Won't come to the {event}. Didn't want to say why.",
            "No to the {event} ({event_date}), has {shift} that night.",
        ),
    },
    "one_to_one": {
        "yes": (
            "Wants a real sit-down about {word}. 1:1 with {organizer} in the next two weeks.",
            "1:1 set for the week after next; {he} picked the place.",
            "Set up a 1:1 with {organizer} for next week.",
            "Wants to sit down properly. 1:1 with {organizer}, coffee at the Waffle House.",
            "Yes to a 1:1, strong potential on {word}.",
            "1:1 with {organizer} on {weekday}, at {his} place.",
        ),
        "maybe": (
            "Might do a 1:1 after {his} {rel}'s appointment is over; check in {weekday}.",
            "Maybe a 1:1 later in the month; call {him} on a {weekday}.",
            "Open to a 1:1 with {organizer} once things calm down at work.",
            "Maybe to a 1:1; asked what it involves. Explained.",
        ),
        "no": (
            "No to a 1:1 with {organizer}; said {he}'d rather come to something with others.",
            "Turned down a 1:1 politely, too much going on with {his} {kid}.",
            "Not ready for a 1:1; knock again in a month or so.",
            "No 1:1 for now, friendly but busy with {his} {rel}.",
            "Said no to sitting down again, but liked talking; leave it for now.",
        ),
    },
}


MISC_NOTES = (
    "Follow up with {him} about {word} in a couple of weeks.",
    "Needs a ride to meetings; no car since {month}.",
    "Check back after {his} surgery on {weekday}.",
    "Gave {him} the tenant rights flyer.",
    "Left a flyer for the next {hood} meeting.",
    "Wants updates by text only.",
    "Ask about {his} {kid}'s school next time.",
    "Could be a good person for the {hood} team.",
    "Seemed skeptical of us, of {hood} meetings in general. Worth another visit in a few weeks.",
    "Not much energy today, {his} {rel} is sick, so be gentle next time.",
    "Wants a copy of whatever we put together.",
    "Said {he}'d talk to the neighbors on {street} first.",
)


INTERPRETED = (
    "Mostly in Spanish, {his} {kid} interpreted. Flag for Marisol.",
    "My Spanish is not great; {he} was patient. Flag for Luis to follow up.",
    "Spanish speaker, a neighbor helped interpret. Should go back with Marisol.",
    "We got by in Spanglish. Needs a Spanish speaker for the follow-up.",
    "{His} {kid} translated, about {mins} min. Send Marisol or Luis next time.",
    "Talked in Spanish with Google Translate on my phone. Not ideal. Flag for Luis.",
    "Understands English fine but answered in Spanish; I got most of it.",
)


OTHER_LANGUAGE = (
    "Speaks mostly Vietnamese; {his} {kid} helped. Need an interpreter next time.",
    "Arabic first; we managed in English but slowly. Bring an interpreter.",
)


# Small groups: three to six people around a table; written about the group.
GROUP_PROBLEM = (
    "{word_cap} came up first and stayed. {first} had paperwork to show.",
    "Slow start. Then {word}, and nobody could stop talking.",
    "Everyone at the table had a story about {word}. {first} started and it went around the room.",
    "{n_of} said {word} was the main thing. The others said work first, then {word}.",
    "Mostly {word}. {first}'s {rel} had just gotten a notice, which set the tone.",
    "Started slow, but once {first} talked about {word} everybody jumped in.",
    "{word_cap}, over and over. Also {word2} from a couple of them.",
    "Went around: {word}, {word}, {word2}, {word}, then {first} said 'all of the above.'",
)


GROUP_PROBLEM_ISSUE: dict[str, dict[str, tuple[str, ...]]] = {
    "utilities": {
        "pine_haven": (
            "All of them had water bills over $150 this summer. {first} brought {his} to show.",
            "Shutoffs. {n_of} have had the water cut at least once since {landlord} took over.",
        ),
    },
    "wages": {
        "mill_row": (
            "Hollis folks mostly. Talked about the pension cliff and what happens in December.",
        ),
        "la_loma": ("Wage theft: {n_of} have been shorted on a check this year.",),
    },
    "immigration": {
        "*": ("Nervous at first. Once {first} talked about {his} cousin, others opened up.",),
    },
    "schools": {
        "cedar_grove": (
            "PTA parents. Trailer classrooms, class sizes, the pickup line on the Parkway.",
        ),
    },
    "housing": {
        "eastgate": (
            "Renters from Maple Court and Riverbend. Same tactics at both: the fees, the fast "
            "filings, the 'take it or leave it'.",
        ),
        "pine_haven": ("Lot rent. Every one of them had the letter from {landlord} in hand.",),
        "oak_hill": (
            "Property taxes. {n_of} on fixed incomes, all got the reassessment in the spring.",
        ),
        "downtown": ("Hartley Towers: the elevator, the re-certification letters, the heat.",),
    },
    "transit": {
        "mill_row": ("Route 7. Two of them lost shifts since it was cut.",),
    },
    "health": {
        "*": ("Caregivers, most of them. Talked about who takes care of the caregivers.",),
    },
}


GROUP_WHY = (
    "{first} said it best: 'we're not asking for anything we haven't paid for.'",
    "Pride. Several of them said nobody else is going to stand up for {hood}.",
    "For the ones with kids it's the kids; for the older ones it's staying in their homes.",
    "Stories about parents and grandparents who built {hood}; they feel they owe them.",
    "{first} talked about raising kids here {years} years and everybody nodded.",
    "Several of them grew up in {hood}. Strong pride in the place.",
    "It's about respect. Being treated like people, not accounts.",
    "The older ones remember when {hood} had a grocery, a clinic and a bus. The younger ones "
    "didn't believe it.",
    "Their kids. Every answer came back to their kids.",
)


# Said only of the rooms they fit: a church group, school parents, co-workers.
GROUP_WHY_BY_SOURCE: dict[str, tuple[str, ...]] = {
    "church": (
        "Lots of faith language; it's a church group. 'Love thy neighbor' came up more than once.",
        "Faith, plainly. {first} said {church} is where people learn to look out for each other.",
    ),
    "school": (
        "The kids. These are parents who already show up for everything at {school}.",
        "Parents who met in the pickup line. They want their kids to have what they didn't.",
    ),
    "workplace": (
        "They've worked side by side for years. Loyalty to each other more than to the company.",
        "Pride in the work, anger at how they're treated. Same story from everyone.",
    ),
}


GROUP_HOPE = (
    "Want the city to come to them: a meeting in {hood}, not downtown at 3pm.",
    "Hoping to get {n} more households to the next meeting.",
    "A written list of demands about {word}, signed by as many neighbors as they can get.",
    "They want a meeting with {landlord} all together, not one at a time.",
    "Want to go to council as a group about {word}.",
    "A regular meeting, monthly, at {first}'s.",
    "Want to know who else in Millbrook is dealing with {word}, and meet them.",
    "Ideas: a phone tree, a shared list of who needs rides, a letter to the paper.",
)


GROUP_COMMON_GROUND = (
    "{first} and the man next to {him} had been neighbors {years} years and never talked.",
    "Everybody had a {word_bare} story. Nobody had told it to anyone outside their family.",
    "Didn't agree on much politically, but everyone wanted the same thing on {word}.",
    "Nobody thought they were the only one anymore by the end.",
    "They argued about the police and agreed about {word}.",
)


# Common ground that is only true of some rooms: chosen by who was in it.
GROUP_COMMON_GROUND_BY_MIX: dict[str, tuple[str, ...]] = {
    "languages": (
        "Spanish and English speakers at one table, {first}'s daughter interpreted. The bills "
        "were the same in both languages.",
        "Half the room in Spanish, half in English. Same landlords, same worries.",
    ),
    "races": (
        "Black and white families from the same streets who'd never sat down together. Same "
        "problems.",
        "Black, white and Latino neighbors; {first} said 'we've been kept apart on purpose.'",
    ),
    "hoods": (
        "People from {hood} and {other_hood} at one table. Surprised how much they had in common.",
        "{other_hood} and {hood} folks realized they have the same {word_bare} problem, different "
        "zip code.",
    ),
    "ages": (
        "Older folks and young ones in the same room agreed: {word} is pushing people "
        "out, whoever they are.",
        "The oldest and the youngest agreed on more than they expected.",
    ),
    "church": ("Same pews for years, first time talking about any of this together.",),
    "school": ("All parents at {school}; all of them asked 'why didn't we do this sooner?'",),
    "workplace": ("Same shift, same worries. Nobody at work ever asked them.",),
}


GROUP_NOTES = (
    "At {first}'s kitchen table, {size} of them plus kids. Loud, warm.",
    "{first} had everyone's names and phone numbers before I got there.",
    "Started 20 min late, everyone came from work.",
    "We need a Spanish-speaking co-facilitator next time.",
    "{first} hosted. Good food. Next time we need an interpreter.",
    "{first} is the natural leader in this group, ran the room better than I did.",
    "Ran long, nobody wanted to leave.",
    "Two people left early for work. Follow up with them.",
    "{first} wants to do it again with more neighbors.",
    "Quiet group. {first} did most of the talking; check in with the others 1:1.",
)


# Promises at the end of one-to-ones: (what they will do, what we will do).
# Promises at the end of one-to-ones, (what, hours), by the issue the person raised first.
PROMISES_PERSON: dict[str, tuple[tuple[str, float], ...]] = {
    "*": (
        ("Host a house meeting for {his} neighbors on {street}", 3),
        ("Call {n} neighbors and invite them to the next meeting", 2),
        ("Come to the Deep Listening Training", 6),
        ("Knock doors on {street} with a volunteer one Saturday", 4),
        ("Speak at the council meeting about {word}", 3),
        ("Find out who else at {church} is dealing with {word}", 2),
        ("Write down {his} story for the report", 1.5),
        ("Help set up and run the sign-in at the next house meeting", 3),
    ),
    "utilities": (("Bring {his} water bills and two neighbors' bills to the next meeting", 1),),
    "wages": (("Talk to the people on {his} shift about the next meeting", 2),),
    "immigration": (("Help translate the Know Your Rights flyer into Spanish", 2),),
    "schools": (("Ask the PTA to put us on the agenda", 1),),
    "housing": (("Collect the rent ledgers of {n} neighbors who'll share them", 2),),
    "transit": (("Ride the bus with us one morning and time the waits", 3),),
}

PROMISES_ORGANIZER: dict[str, tuple[tuple[str, float], ...]] = {
    "*": (
        ("Find out who at the city handles {word}", 2),
        ("Send the training dates and arrange a ride", 0.5),
        ("Print flyers for {his} house meeting", 1),
        ("Bring {his} neighbors' names to the next team meeting", 1),
    ),
    "housing": (
        ("Get {him} the code complaint form and go over it together", 1),
        ("Bring the tenant rights lawyer to {his} house meeting", 2),
        ("Look up the lot rent rules for mobile-home parks in the state", 3),
    ),
    "transit": (("Introduce {him} to the Route 7 group", 1),),
    "wages": (
        ("Check what Hollis workers are owed under the pension plan", 4),
        ("Connect {him} with the legal clinic about the back pay", 1),
    ),
    "schools": (("Follow up with the school about interpreters and class sizes", 2),),
    "safety": (("Get the streetlight and speed hump request process from public works", 1.5),),
    "health": (("Find the nearest sliding-scale clinic and the enrollment dates", 2),),
    "immigration": (("Connect {him} with the Know Your Rights trainers at St. Brigid's", 1),),
    "utilities": (("Get the utility board's complaint process in writing", 2),),
}


ONE_TO_ONE_OPENERS = (
    "Coffee near {his} place, a little over an hour.",
    "1:1 at the Waffle House after {his} {shift}. {He} ordered for both of us.",
    "Met in the {church} parking lot, sat in my car because of the rain. 50 min.",
    "1:1 at {his} place. {His} {rel} sat in for part of it.",
    "Long 1:1, almost two hours. Could have gone longer.",
    "1:1 at {his} kitchen table, {his} {kid} doing homework next to us.",
    "Met at the library, about 45 min.",
    "1:1 after church at {church}, in the fellowship hall.",
    "Sat on {his} porch for an hour and a half. Best 1:1 so far.",
    "Met at the McDonald's on 45 on {his} lunch break, so 30 min, tight.",
    "Walked the block with {him} while we talked; {he} wanted to show me the houses.",
)


ORGANIZER_NOTES = (
    "Self-interest: {word}.",
    "Self-interest: {his} {kid}, then {word}.",
    "Leader potential: strong, people on {street} listen to {him}.",
    "Leader potential: some. Needs a real role.",
    "Anger is real and focused. Channel it.",
    "Relational: knows half of {street}.",
    "Next: get {him} in a room with others dealing with {word}.",
    "Has been burned by groups before; trust will take time.",
)


GROUP_ISSUE_LISTS = (
    "{A}, {b}, {c}.",
    "{A} (everyone), {b} (most), {c} (a couple).",
    "{A} > {b} > {c}",
    "Room agreed on {a}; {b} and {c} came up too.",
    "{A} and {b}. One person kept coming back to {c}.",
)


GROUP_NEXT: dict[str, tuple[str, ...]] = {
    "yes": (
        "Everyone signed up for the {event}.",
        "{n_of} said yes to the {event} on {event_date}.",
        "Whole group is coming to the {event}, {first} is organizing rides.",
    ),
    "maybe": (
        "Mixed on the {event}; a couple of maybes.",
        "Interested in the {event} but worried about work schedules.",
    ),
    "no": ("Nobody ready for the {event} yet. They want to keep meeting first.",),
}
