"""The export is the person's own copy: everything Heard holds about them, whatever the consent
rules hide from the team, and nobody else's words."""

import io
import json
import stat

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command

from heard.privacy.models import Action, AuditEvent
from heard.privacy.services import EXPORT_SCHEMA, EXPORT_VERSION, export_person

from .conftest import MARKERS, STAYING


def test_the_export_holds_every_word_of_hers(zephyrine, ada):
    text = json.dumps(export_person(by=ada, person=zephyrine.person), ensure_ascii=False)
    for key, marker in MARKERS.items():
        assert marker in text, f"her {key} is missing from her export"


def test_the_export_says_what_it_is(zephyrine, ada):
    data = export_person(by=ada, person=zephyrine.person)
    assert (data["schema"], data["version"]) == (EXPORT_SCHEMA, EXPORT_VERSION)
    assert data["person"]["household"]["address"] == MARKERS["address"]
    assert {tie["direction"] for tie in data["ties"]} == {"from them", "to them"}
    assert [c["topic"] for c in data["consents"]] == ["records", "contact"]
    assert len(data["sign_ups"]) == 1
    assert len(data["assessments"]) == 2
    assert {t["theme_label"] for t in data["themes"]} == {"boiler-grumblewort leaks"}


def test_in_a_group_conversation_she_gets_the_answers_and_her_quotes_not_the_others(zephyrine, ada):
    data = export_person(by=ada, person=zephyrine.person)
    [group] = [c for c in data["conversations"] if c["id"] == str(zephyrine.group.pk)]
    assert group["people_in_it"] == 2
    assert [a["text"] for a in group["answers"]] == [STAYING["group_answer"]]
    assert [q["text"] for q in group["quotes"]] == [MARKERS["group_quote"]]
    assert STAYING["sam_quote"] not in json.dumps(data, ensure_ascii=False)


def test_a_quote_not_to_be_shared_is_still_hers_to_have(zephyrine, ada):
    data = export_person(by=ada, person=zephyrine.person)
    [alone] = [c for c in data["conversations"] if c["id"] == str(zephyrine.alone.pk)]
    assert alone["quotes"] == [{"text": MARKERS["quote"], "consent": "none"}]


def test_the_export_is_recorded_with_who_did_it(zephyrine, ada):
    export_person(by=ada, person=zephyrine.person)
    event = AuditEvent.objects.get(action=Action.EXPORTED)
    assert (event.actor, event.organization, event.person_id) == (
        ada.user,
        ada.organization,
        zephyrine.person.pk,
    )


def test_her_audit_trail_is_in_her_export(zephyrine, ada, may_client):
    may_client.get(f"/people/{zephyrine.person.pk}/")
    data = export_person(by=ada, person=zephyrine.person)
    assert [(e["action"], e["by"]) for e in data["audit"] if e["action"] == "viewed"] == [
        ("viewed", "may")
    ]


@pytest.mark.parametrize("who", ["may", "olive"])
def test_only_her_organizations_administrator_may_export(zephyrine, who, request):
    with pytest.raises(PermissionDenied):
        export_person(by=request.getfixturevalue(who), person=zephyrine.person)


def test_the_command_writes_a_file_only_its_owner_can_read(zephyrine, tmp_path):
    out = tmp_path / "her.json"
    out.write_text("an older file anyone could read")
    out.chmod(0o644)
    call_command("export-person", str(zephyrine.person.pk), "--out", str(out), stderr=io.StringIO())
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert json.loads(out.read_text())["person"]["name"] == MARKERS["name"]
    event = AuditEvent.objects.get(action=Action.EXPORTED)
    assert (event.actor, event.actor_name) == (None, "command line")
    assert event.organization == zephyrine.person.organization


def test_the_command_writes_to_standard_output_with_a_dash(zephyrine, capsys):
    call_command("export-person", str(zephyrine.person.pk), "--out", "-")
    assert json.loads(capsys.readouterr().out)["person"]["phone"] == MARKERS["phone"]


def test_the_command_refuses_an_unknown_person(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="No person"):
        call_command("export-person", "999999", "--out", "-")


def test_her_sides_and_the_plan_actions_she_took_on_are_in_her_export(zephyrine, ada, ours):
    from heard.common_ground.models import PersonSide
    from heard.plans.models import ActionPlan, PlanAction, PlanTheme

    side = ours.divide.sides.get(name="Gas boiler")
    PersonSide.objects.create(person=zephyrine.person, divide=ours.divide, side=side)
    plan = ActionPlan.objects.create(campaign=ours.campaign)
    plan_theme = PlanTheme.objects.create(plan=plan, title="Cold flats", position=0)
    PlanAction.objects.create(
        plan_theme=plan_theme, what="Knock on the 3rd floor", owner_person=zephyrine.person
    )
    data = export_person(by=ada, person=zephyrine.person)
    assert data["sides"] == [
        {
            "divide": "Heating: gas or electric",
            "side": "Gas boiler",
            "recorded_at": data["sides"][0]["recorded_at"],
        }
    ]
    assert [(a["theme"], a["what"]) for a in data["plan_actions"]] == [
        ("Cold flats", "Knock on the 3rd floor")
    ]


def test_the_small_groups_she_was_invited_to_are_in_her_export(zephyrine, ada, ours):
    from heard.smallgroups.models import CriticalFriend, GroupSeat, SmallGroup, SmallGroupPlan

    plan = SmallGroupPlan.objects.create(campaign=ours.campaign)
    group = SmallGroup.objects.create(plan=plan, concern_title="Cold flats", position=1)
    GroupSeat.objects.create(plan=plan, group=group, person=zephyrine.person)
    CriticalFriend.objects.create(organization=ours.org, person=zephyrine.person)
    data = export_person(by=ada, person=zephyrine.person)
    assert [g["concern"] for g in data["small_groups"]] == ["Cold flats"]
    assert data["critical_friend"] is True
