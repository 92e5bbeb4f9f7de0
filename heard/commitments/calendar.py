"""A member's calendar feed (RFC 5545, built with icalendar): their own open commitments,
all-day on their due date, and the upcoming events that people of their own conversations signed
up for (each event once, with how many of them).

No phone, email or address is in it, and a person is named only as the other side of a
commitment; an event says how many of their people signed up, not who.
"""

import datetime as dt
from urllib.parse import urljoin, urlsplit

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from icalendar import Calendar, Event

from heard.accounts.models import Membership

from .queries import calendar_commitments, calendar_events


def calendar_of(membership: Membership, site: str) -> Calendar:
    """The feed of `membership`; `site` is Heard's own address ("https://heard.example.org/"),
    for the links and the events' unique ids."""
    calendar = Calendar()
    calendar.add("prodid", "-//Heard//Commitments//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"Heard: {membership.organization.name}")
    stamp = timezone.now()
    host = urlsplit(site).netloc
    commitments_page = urljoin(site, reverse("commitments:list"))
    for commitment in calendar_commitments(membership):
        event = Event()
        event.add("uid", f"commitment-{commitment.pk}@{host}")
        event.add("dtstamp", stamp)
        event.add("dtstart", commitment.due_on)
        event.add("dtend", commitment.due_on + dt.timedelta(days=1))
        event.add(
            "summary",
            _("%(side)s: %(what)s (%(name)s)")
            % {
                "side": commitment.get_side_display(),
                "what": commitment.what,
                "name": commitment.person.name,
            },
        )
        event.add(
            "description", _("%(hours)s h. Mark it done in Heard.") % {"hours": commitment.hours}
        )
        event.add("url", commitments_page)
        calendar.add_component(event)
    for gathering in calendar_events(membership):
        event = Event()
        event.add("uid", f"signups-{gathering.pk}@{host}")
        event.add("dtstamp", stamp)
        event.add("dtstart", gathering.starts_at)
        event.add("duration", dt.timedelta(hours=1))
        people = gathering.their_signups
        who = ngettext(
            "%(title)s (one of your people signed up)",
            "%(title)s (%(n)d of your people signed up)",
            people,
        )
        event.add("summary", who % {"title": gathering.title, "n": people})
        if gathering.location:
            event.add("location", gathering.location)
        event.add("url", urljoin(site, reverse("campaigns:event", args=[gathering.pk])))
        calendar.add_component(event)
    return calendar
