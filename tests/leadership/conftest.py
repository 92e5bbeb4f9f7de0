"""An organization's leadership scale, as an organizer would define it."""

import pytest

from heard.leadership.models import LeadershipLevel

SCALE = (
    ("Core leader", "Brings the whole block to meetings unasked."),
    ("Active member", "Comes when asked and does what they say yes to."),
    ("Contact", "We listened; no next step yet."),
)


def _make_scale(organization, levels=SCALE) -> list[LeadershipLevel]:
    return [
        LeadershipLevel.objects.create(
            organization=organization, position=n, name=name, definition=definition
        )
        for n, (name, definition) in enumerate(levels, start=1)
    ]


@pytest.fixture
def make_scale(db):
    return _make_scale


@pytest.fixture
def scale(ours):
    return _make_scale(ours.org)
