"""Each organization defines its own leadership scale, by behaviour, on /leaders/scale/."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from factories import AssessmentFactory, MembershipFactory

from heard.accounts.models import Role
from heard.leadership.models import LeadershipLevel
from heard.leadership.services import ScaleLevel, save_scale

URL = "/leaders/scale/"


def post_scale(client, rows, deleted=()):
    """Post the scale page as the organizer left it: rows of (level or None, name, definition)."""
    data = {
        "scale-TOTAL_FORMS": str(len(rows)),
        "scale-INITIAL_FORMS": str(sum(1 for level, *_ in rows if level)),
        "scale-MIN_NUM_FORMS": "0",
        "scale-MAX_NUM_FORMS": "20",
    }
    for n, (level, name, definition) in enumerate(rows):
        data |= {
            f"scale-{n}-id": level.pk if level else "",
            f"scale-{n}-name": name,
            f"scale-{n}-definition": definition,
            f"scale-{n}-ORDER": str(n + 1),
        }
        if level in deleted:
            data[f"scale-{n}-DELETE"] = "on"
    return client.post(URL, data)


def names(org):
    return list(LeadershipLevel.objects.filter(organization=org).values_list("name", flat=True))


def test_an_organizer_defines_the_scale_with_behaviours(may_client, ours):
    page = may_client.get(URL)
    assert page.status_code == 200 and "Save scale" in page.content.decode()
    response = post_scale(
        may_client,
        [(None, "Core leader", "Leads others unasked"), (None, "Member", "Comes when asked")],
    )
    assert response.status_code == 302
    assert names(ours.org) == ["Core leader", "Member"]
    assert LeadershipLevel.objects.get(name="Member").position == 2


def test_an_admin_may_too_and_a_volunteer_is_refused(client, lee_client, ours):
    admin = MembershipFactory(organization=ours.org, role=Role.ADMIN)
    client.force_login(admin.user)
    assert post_scale(client, [(None, "Core", "Leads")]).status_code == 302
    assert lee_client.get(URL).status_code == 403
    assert post_scale(lee_client, [(None, "Mine", "Volunteer's")]).status_code == 403
    assert names(ours.org) == ["Core"]


def test_levels_are_reordered_renamed_and_redefined(may_client, ours, scale):
    core, active, contact = scale
    post_scale(
        may_client,
        [
            (active, "Active member", "Shows up"),
            (core, "Leader", "Leads others unasked"),
            (contact, "Contact", "We listened; no next step yet."),
        ],
    )
    core.refresh_from_db()
    active.refresh_from_db()
    assert names(ours.org) == ["Active member", "Leader", "Contact"]
    assert (core.name, core.definition, core.position) == ("Leader", "Leads others unasked", 2)
    assert active.definition == "Shows up"


def test_names_are_unique_in_the_organization_and_a_definition_is_needed(may_client, scale):
    core, active, contact = scale
    response = post_scale(
        may_client,
        [(core, "Core leader", "x"), (active, "core LEADER", "y"), (contact, "Contact", "z")],
    )
    assert response.status_code == 400
    assert "Two levels are called" in response.content.decode()
    response = post_scale(may_client, [(core, "Core leader", "")])
    assert response.status_code == 400
    assert LeadershipLevel.objects.get(pk=core.pk).definition.startswith("Brings the whole block")


def test_another_organization_may_use_the_same_names(otto, scale):
    save_scale(by=otto, levels=[ScaleLevel(name="Core leader", definition="Theirs")])
    assert names(otto.organization) == ["Core leader"]


def test_an_unused_level_is_removed_and_one_in_use_is_kept(may_client, ours, scale):
    core, active, contact = scale
    AssessmentFactory(person=ours.sam, level=core, level_name=core.name)
    page = may_client.get(URL).content.decode()
    assert "In use by 1 assessment" in page
    assert page.count("Remove this level") == 2
    response = post_scale(
        may_client,
        [(core, "Core leader", "d"), (active, "Active", "d"), (contact, "Contact", "d")],
        deleted=(core, contact),
    )
    assert response.status_code == 400
    assert "cannot be removed" in response.content.decode()
    assert names(ours.org) == ["Core leader", "Active member", "Contact"]
    post_scale(
        may_client,
        [(core, "Core leader", "d"), (active, "Active", "d"), (contact, "Contact", "d")],
        deleted=(contact,),
    )
    assert names(ours.org) == ["Core leader", "Active"]


def test_another_organizations_level_ids_are_never_usable(otto_client, otto, ours, scale):
    core = scale[0]
    response = post_scale(otto_client, [(core, "Stolen", "Renamed by an outsider")])
    assert response.status_code == 400
    core.refresh_from_db()
    assert core.name == "Core leader"
    # A removal of an id not of theirs removes nothing.
    post_scale(otto_client, [(core, "x", "y")], deleted=(core,))
    assert LeadershipLevel.objects.filter(pk=core.pk).exists()
    page = otto_client.get(URL).content.decode()
    assert 'value="Core leader"' not in page and "Brings the whole block" not in page
    with pytest.raises(PermissionDenied):
        save_scale(by=otto, levels=[ScaleLevel(name="x", definition="y", level=core)])
    with pytest.raises(PermissionDenied):
        save_scale(by=otto, levels=[], removed=[core])


def test_the_service_refuses_a_volunteer_and_blank_rows(lee, may):
    with pytest.raises(PermissionDenied):
        save_scale(by=lee, levels=[ScaleLevel(name="x", definition="y")])
    with pytest.raises(ValidationError):
        save_scale(by=may, levels=[ScaleLevel(name=" ", definition="y")])


def test_a_name_taken_by_a_level_the_page_did_not_list_is_refused(may, scale):
    core, active, contact = scale
    with pytest.raises(ValidationError):
        save_scale(by=may, levels=[ScaleLevel(name="contact", definition="d", level=core)])
