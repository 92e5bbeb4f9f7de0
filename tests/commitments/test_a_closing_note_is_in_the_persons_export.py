"""A note saying how a promise ended is about the person: their export hands it over."""

from heard.commitments import services
from heard.privacy.services import export_person


def test_the_closing_note_is_exported(may, promises, ours):
    services.mark_dropped(by=may, commitment=promises["week"], note="Sam moved to Leeds")
    exported = export_person(by=None, person=ours.sam)  # the operator
    assert "Sam moved to Leeds" in [c["closed_note"] for c in exported["commitments"]]
