"""The places a person goes to are theirs: in their export, gone with their erasure (and the
audit log's rows about them), while the place itself stays in the registry."""

import pytest

from heard.privacy.models import AuditEvent
from heard.privacy.services import erase_person, export_person
from heard.spaces.models import Regular, ThirdSpace
from heard.spaces.services import save_space


@pytest.fixture
def laundromat(ours, may):
    space = save_space(by=may, name="The laundromat on Elm", kind="laundromat")
    Regular.objects.create(person=ours.rosa, space=space, how="capture")
    return space


def test_her_places_are_in_her_export(zephyrine, ada, laundromat):
    Regular.objects.create(person=zephyrine.person, space=laundromat, how="notes")
    data = export_person(by=ada, person=zephyrine.person)
    assert [(p["place"], p["how"]) for p in data["third_spaces"]] == [
        ("The laundromat on Elm", "Found in notes")
    ]


def test_erasing_her_removes_her_visits_and_their_audit_rows(zephyrine, ada, laundromat):
    visit = Regular.objects.create(person=zephyrine.person, space=laundromat, how="capture")
    assert AuditEvent.objects.filter(object_kind="spaces.regular", object_id=str(visit.pk))
    erase_person(by=ada, person=zephyrine.person)
    assert not Regular.objects.filter(pk=visit.pk).exists()
    assert not AuditEvent.objects.filter(object_kind="spaces.regular", object_id=str(visit.pk))
    assert ThirdSpace.objects.filter(pk=laundromat.pk).exists()
    assert Regular.objects.filter(space=laundromat).count() == 1
