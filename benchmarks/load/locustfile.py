"""Volunteers saving conversations at a fixed arrival rate while organizers read pages.

Run by run.py, one stage at a time; it reads the stage's plan (HEARD_LOAD_PLAN, a JSON file):

- `hosts`: Heard's web addresses; volunteers are spread over them evenly;
- `pacing`: seconds between one phone's saves. run.py starts `rate x pacing` phones at once;
  each makes its first save at a random moment of the first `pacing` seconds, then one every
  `pacing` seconds whatever the server does (`Phone.wait_time`). Saves arrive at
  `rate` a second, at independent random moments as thousands of volunteers' do (a Poisson
  stream, with its chance bunches), an open loop as long as an answer takes less than `pacing`
  (a closed loop would slow down with the server and hide its queue);
- `members`: per volunteer, the session cookie, the CSRF token and the conversations to send
  (the capture form's fields, each with its own id, as the phone's outbox sends them);
- `organizers`: session cookies of organizers, each reading `pages` one after another with a
  pause between (`fixed_count` of them, on the first host);
- `acked`: where to write, when the stage ends, the ids sent and those the server answered 200
  or 201 for (a save still unanswered when the stage ends is sent again by run.py, as the
  phone's outbox would).
"""

import itertools
import json
import os
import random
import time
import urllib.parse

import gevent
from locust import FastHttpUser, between, events, task

with open(os.environ["HEARD_LOAD_PLAN"]) as plan_file:
    PLAN = json.load(plan_file)

STORED = (200, 201)
ACKED: list[str] = []
SENT: list[str] = []
#: Each member's conversations, sent in order by whichever of their phones is free.
QUEUES = {index: iter(member["conversations"]) for index, member in enumerate(PLAN["members"])}
_members = itertools.cycle(range(len(PLAN["members"])))
_organizers = itertools.cycle(PLAN["organizers"])


def cookie(member: dict) -> str:
    return f"sessionid={member['session']}; csrftoken={member['csrf_cookie']}"


class Phone(FastHttpUser):
    abstract = True
    # An answer slower than this counts as lost; the outbox would send it again.
    network_timeout = 60.0
    connection_timeout = 60.0

    def wait_time(self) -> float:
        # The next save is due one period after the last was due, however long that one took
        # (locust's `constant_pacing` counts from the phone's start, so a phone that waited
        # for its first save would make its second at once).
        self.due += PLAN["pacing"]
        return max(0.0, self.due - time.monotonic())

    def on_start(self):
        self.member_index = next(_members)
        self.member = PLAN["members"][self.member_index]
        # Every phone starts in the stage's first second and makes its first save at a random
        # moment of the first period: the stage's saves arrive at `rate` a second from the start,
        # each phone's at its own moments.
        self.due = time.monotonic() + random.uniform(0, PLAN["pacing"])
        gevent.sleep(self.due - time.monotonic())

    @task
    def save(self):
        data = next(QUEUES[self.member_index], None)
        if data is None:
            return  # this member has sent all the stage holds
        headers = {
            "Cookie": cookie(self.member),
            "X-CSRFToken": self.member["csrf"],
            "Content-Type": "application/x-www-form-urlencoded",
        }
        body = urllib.parse.urlencode(data, doseq=True)
        SENT.append(data["client_id"])
        with self.client.post(
            "/conversations/sync/", data=body, headers=headers, name="capture", catch_response=True
        ) as answer:
            if answer.status_code in STORED:
                ACKED.append(data["client_id"])
                answer.success()
            else:
                answer.failure(f"{answer.status_code}: {(answer.text or '')[:200]}")


class Organizer(FastHttpUser):
    host = PLAN["hosts"][0]
    fixed_count = PLAN["organizer_count"]
    wait_time = between(2, 5)

    def on_start(self):
        self.member = next(_organizers)
        self.pages = itertools.cycle(PLAN["pages"])

    @task
    def read(self):
        page = next(self.pages)
        self.client.get(page, headers={"Cookie": cookie(self.member)}, name=page)


# One volunteer class per host, equal weights: locust spreads the phones over them evenly.
for address in PLAN["hosts"]:
    name = f"PhoneOnPort{urllib.parse.urlsplit(address).port}"
    globals()[name] = type(name, (Phone,), {"host": address, "weight": 1, "__module__": __name__})
    del name
if not PLAN["organizer_count"]:
    del Organizer


@events.quitting.add_listener
def _write_acked(environment, **_):
    with open(PLAN["acked"], "w") as out:
        json.dump({"sent": SENT, "acked": ACKED}, out)
