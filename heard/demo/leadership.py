"""The demo organization's leadership scale and the words of its organizers' assessments.

Five levels, strongest first, each defined by what an organizer sees someone do (as union and
Action Builder scales are). The notes are what an organizer writes as the reason for placing
someone on a level; `{first}` is the person's first name.
"""

SCALE = (
    ("Core leader",
     "Recruits and leads others without us asking; plans actions with the team and follows "
     "through."),
    ("Emerging leader",
     "Brings neighbors to meetings, takes on a role (hosts, chairs, speaks) and keeps their "
     "commitments."),
    ("Active member",
     "Comes to meetings and actions when asked and does the tasks they say yes to."),
    ("Supporter",
     "Agrees with the campaign and signs up, but has not yet taken part or taken on a task."),
    ("Contact",
     "We have listened to them; they have not yet said yes to a next step."),
)  # fmt: skip

# Why an organizer placed someone on a level, by position on the scale.
NOTES = {
    1: (
        "{first} ran the phone tree for the meeting and nobody had to ask.",
        "Recruited a whole floor of the building to the action, then debriefed with us after.",
        "{first} is planning the next house meeting with two neighbors {first} trained.",
        "Chaired the tenants' meeting and kept it on the agenda we agreed.",
    ),
    2: (
        "Hosted a house meeting and brought three neighbors who had never come.",
        "{first} spoke at the council meeting and did everything {first} promised.",
        "Took the sign-in sheet at the training without being asked.",
        "Kept every commitment since September and is asking what's next.",
        "Brought neighbors from the block to the last meeting.",
    ),
    3: (
        "Came to the training and the action; does what {first} says yes to.",
        "Shows up when called. Not yet bringing anyone.",
        "{first} came to two meetings and followed up with the landlord letter.",
        "Reliable for tasks, quiet in meetings.",
    ),
    4: (
        "Signed up for the meeting but didn't make it; still keen on the phone.",
        "Agrees with us, hasn't come to anything yet.",
        "{first} said yes at the door; follow up with a one-to-one.",
    ),
    5: (
        "Good conversation, no next step yet.",
        "Listened well; {first} wants to think about it.",
    ),
}
