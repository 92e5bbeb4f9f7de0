"""Helpers shared by the consent tests."""

from factories import ConsentFactory

from heard.people.models import Consent

CONTACT = Consent.Topic.CONTACT
RECORDS = Consent.Topic.RECORDS


def say(person, topic, granted, **kwargs):
    """A consent row as if recorded at the door (no removal: that is the service's job)."""
    return ConsentFactory(person=person, topic=topic, granted=granted, **kwargs)
