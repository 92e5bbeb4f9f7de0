"""An organizer forms small groups from a pool, locks people, forms them again, prints."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from heard.smallgroups import services
from heard.smallgroups.models import CriticalFriend, GroupSeat, Lock, SmallGroupPlan
from heard.themes.models import ThemeAssignment

pytestmark = pytest.mark.django_db


def form(may_client, campaign, **data):
    url = reverse("smallgroups:index", args=[campaign.pk])
    return may_client.post(url, {"pool": "said_yes", "size_min": 4, "size_max": 5, **data})


def raised(person, theme) -> bool:
    return ThemeAssignment.objects.filter(
        conversation__participants__person=person, theme=theme
    ).exists()


def test_forming_groups_seats_everyone_in_groups_that_all_raised_their_concern(
    may_client, said_yes
):
    response = form(may_client, said_yes.campaign)

    plan = SmallGroupPlan.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("smallgroups:plan", args=[said_yes.campaign.pk, plan.pk])
    groups = list(plan.groups.all())
    assert len(groups) == 5  # 12 raised bus cuts: 3 groups of 4; 8 rent: 2 of 4
    for group in groups:
        people = [seat.person for seat in group.seats.all()]
        assert 4 <= len(people) <= 5
        assert all(raised(person, group.concern) for person in people)
        assert group.reason.startswith(f"all raised {group.concern.title}; ")
        assert "neighbourhood" in group.reason
    # Sam said yes too, but raised no theme: left out, said so
    assert plan.left_out == 1 and plan.pool_size == 21
    assert 0 <= plan.gap < 1 and plan.status in {"OPTIMAL", "FEASIBLE"}


def test_the_plan_page_shows_each_group_its_reason_friend_and_how_far_from_the_best(
    may_client, said_yes, may
):
    CriticalFriend.objects.create(organization=may.organization, member=may)
    form(may_client, said_yes.campaign)
    plan = SmallGroupPlan.objects.get()

    page = may_client.get(reverse("smallgroups:plan", args=[said_yes.campaign.pk, plan.pk]))

    text = page.content.decode()
    assert page.status_code == 200
    assert "How far from the best possible" in text
    assert "all raised Bus cuts" in text and "all raised Rent going up" in text
    assert "critical friend: <strong>May Organizer</strong>" in text
    assert said_yes.people[0].name in text


def test_people_locked_together_or_apart_are_kept_so_when_the_groups_are_formed_again(
    may_client, said_yes, may
):
    form(may_client, said_yes.campaign)
    plan = SmallGroupPlan.objects.get()
    seat = {s.person_id: s.group_id for s in GroupSeat.objects.filter(plan=plan)}
    bus = said_yes.people[:12]
    same = [p for p in bus if seat[p.pk] == seat[bus[0].pk]]
    other = next(p for p in bus if seat[p.pk] != seat[bus[0].pk])
    base = reverse("smallgroups:plan", args=[said_yes.campaign.pk, plan.pk])

    may_client.post(
        base + "locks/", {"person_a": bus[0].pk, "person_b": same[1].pk, "together": "0"}
    )
    may_client.post(base + "locks/", {"person_a": bus[0].pk, "person_b": other.pk, "together": "1"})
    response = may_client.post(base + "solve/")

    assert response.status_code == 302
    assert Lock.objects.filter(plan=plan).count() == 2
    seat = {s.person_id: s.group_id for s in GroupSeat.objects.filter(plan=plan)}
    assert seat[bus[0].pk] != seat[same[1].pk]
    assert seat[bus[0].pk] == seat[other.pk]


def test_invitations_are_one_card_per_seated_person_with_first_names_and_no_contact_details(
    may_client, said_yes
):
    form(may_client, said_yes.campaign)
    plan = SmallGroupPlan.objects.get()

    page = may_client.get(reverse("smallgroups:invitations", args=[said_yes.campaign.pk, plan.pk]))

    text = page.content.decode()
    assert text.count('class="sg-card"') == GroupSeat.objects.filter(plan=plan).count() == 20
    assert "Where we meet" in text
    assert ", ," not in text and "With Neighbour" in text  # first names, whoever comes last
    assert "555-" not in text and "Sam Okafor" not in text


def test_a_lock_naming_someone_of_another_organization_is_refused(may, said_yes, theirs):
    plan = services.form_groups(
        by=may, campaign=said_yes.campaign, size_min=4, size_max=5, time_limit=2
    )

    with pytest.raises(PermissionDenied):
        services.lock_people(
            by=may, plan=plan, person_a=said_yes.people[0], person_b=theirs.olga, together=True
        )
    assert not Lock.objects.filter(plan=plan).exists()
