"""An organizer chooses the themes, writes the meeting's notes, adds actions and moves them
along, all from the plan page."""

from django.urls import reverse

from heard.plans.models import PlanAction, PlanTheme


def test_choosing_themes_keeps_one_that_has_actions(may_client, planned):
    response = may_client.post(
        reverse("plans:choose", args=[planned.campaign.pk]), {"themes": [planned.rent.pk]}
    )
    assert response.status_code == 302
    titles = list(PlanTheme.objects.filter(plan=planned.plan).values_list("title", flat=True))
    # Cold homes has actions, so unticking it does not throw its work away.
    assert sorted(titles) == ["Cold homes all winter", "Rent going up"]
    may_client.post(reverse("plans:choose", args=[planned.campaign.pk]), {"themes": []})
    titles = list(PlanTheme.objects.filter(plan=planned.plan).values_list("title", flat=True))
    assert titles == ["Cold homes all winter"]


def test_adding_an_action_owned_by_a_neighbour_who_said_yes(may_client, planned):
    rent = PlanTheme.objects.get(plan=planned.plan, theme=planned.rent)
    url = reverse("plans:action_add", args=[rent.pk])
    form = may_client.get(url).content.decode()
    assert f'value="person:{planned.sam.pk}"' in form  # Sam said yes to a house meeting
    response = may_client.post(
        url,
        {
            "what": "Count the rent rises on the block",
            "owner": f"person:{planned.sam.pk}",
            "hours": "4",
            "due_on": "2030-01-15",
            "status": "doing",
        },
    )
    assert response.status_code == 302
    action = PlanAction.objects.get(plan_theme=rent)
    assert action.owner_person == planned.sam
    assert action.status == "doing"


def test_a_date_out_of_bounds_is_refused(may_client, planned):
    url = reverse("plans:action_add", args=[planned.cold_in_plan.pk])
    response = may_client.post(url, {"what": "Far", "due_on": "2999-01-01", "status": "planned"})
    assert response.status_code == 200
    assert not PlanAction.objects.filter(what="Far").exists()


def test_a_commitment_of_another_organization_cannot_be_linked(may_client, planned, theirs):
    from factories import CommitmentFactory

    other = CommitmentFactory(conversation=theirs.conversation)
    url = reverse("plans:action_add", args=[planned.cold_in_plan.pk])
    response = may_client.post(
        url, {"what": "Linked", "status": "planned", "commitment": str(other.pk)}
    )
    assert response.status_code == 200
    assert not PlanAction.objects.filter(what="Linked").exists()


def test_status_and_notes_from_the_page(may_client, planned):
    may_client.post(
        reverse("plans:action_status", args=[planned.action_sam.pk]), {"status": "done"}
    )
    prefix = f"t{planned.cold_in_plan.pk}"
    may_client.post(
        reverse("plans:notes", args=[planned.cold_in_plan.pk]),
        {f"{prefix}-challenge": "Boilers fail every January.", f"{prefix}-opportunity": ""},
    )
    html = may_client.get(reverse("plans:detail", args=[planned.campaign.pk])).content.decode()
    assert "2 of 2 actions done" in html
    assert "Boilers fail every January." in html


def test_an_action_follows_up_a_promise_made_in_the_themes_conversations(may_client, planned):
    from factories import CommitmentFactory

    promise = CommitmentFactory(conversation=planned.by_may, person=planned.sam)
    elsewhere = CommitmentFactory(
        conversation__campaign=planned.campaign, person=planned.sam, what="Not this theme"
    )
    url = reverse("plans:action_add", args=[planned.cold_in_plan.pk])
    form = may_client.get(url).content.decode()
    assert f'value="{promise.pk}"' in form
    assert f'value="{elsewhere.pk}"' not in form
    may_client.post(url, {"what": "Follow up", "status": "doing", "commitment": str(promise.pk)})
    assert PlanAction.objects.get(what="Follow up").commitment == promise
    html = may_client.get(reverse("plans:detail", args=[planned.campaign.pk])).content.decode()
    assert "Promise: Talk to three neighbours on the same floor" in html


def test_the_edit_form_opens_with_the_action_as_it_stands(may_client, planned):
    sam = may_client.get(reverse("plans:action_edit", args=[planned.action_sam.pk])).content
    mine = may_client.get(reverse("plans:action_edit", args=[planned.action_may.pk])).content

    assert f'value="person:{planned.sam.pk}" selected'.encode() in sam
    assert f'value="member:{planned.action_may.owner_member_id}" selected'.encode() in mine
    assert planned.action_sam.what.encode() in sam
