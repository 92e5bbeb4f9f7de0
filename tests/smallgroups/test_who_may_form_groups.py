"""Small groups are staff's: a volunteer gets 403 and changes nothing; another organization 404."""

import pytest
from django.urls import reverse

from heard.smallgroups.models import CriticalFriend, SmallGroupPlan

pytestmark = pytest.mark.django_db


def test_a_volunteer_cannot_form_groups_or_mark_a_critical_friend(lee_client, said_yes):
    campaign = said_yes.campaign
    formed = lee_client.post(
        reverse("smallgroups:index", args=[campaign.pk]),
        {"pool": "said_yes", "size_min": 4, "size_max": 5},
    )
    marked = lee_client.post(
        reverse("smallgroups:friend_add", args=[campaign.pk]),
        {"person": said_yes.people[0].pk},
    )

    assert formed.status_code == marked.status_code == 403
    assert not SmallGroupPlan.objects.exists() and not CriticalFriend.objects.exists()


def test_an_outsider_cannot_form_groups_from_our_campaign(otto_client, said_yes):
    response = otto_client.post(
        reverse("smallgroups:index", args=[said_yes.campaign.pk]),
        {"pool": "everyone", "size_min": 4, "size_max": 5},
    )

    assert response.status_code == 404
    assert not SmallGroupPlan.objects.exists()


def test_the_organizer_marks_a_suggested_leader_willing_and_they_befriend_a_group(
    may_client, said_yes
):
    url = reverse("smallgroups:friend_add", args=[said_yes.campaign.pk])
    friend = said_yes.people[0]

    response = may_client.post(url, {"person": friend.pk})
    may_client.post(
        reverse("smallgroups:index", args=[said_yes.campaign.pk]),
        {"pool": "said_yes", "size_min": 4, "size_max": 5},
    )

    assert response.status_code == 302
    assert CriticalFriend.objects.get().person == friend
    befriended = SmallGroupPlan.objects.get().groups.filter(friend_person=friend)
    assert befriended.exists()
    for group in befriended:
        assert not group.seats.filter(person=friend).exists()  # never in a group they befriend


def test_the_plan_page_takes_the_same_queries_however_many_groups(
    may_client, said_yes, queries_for
):
    def plan_page(size):
        SmallGroupPlan.objects.all().delete()
        may_client.post(
            reverse("smallgroups:index", args=[said_yes.campaign.pk]),
            {"pool": "said_yes", "size_min": size, "size_max": size + 1},
        )
        plan = SmallGroupPlan.objects.get()
        return plan, reverse("smallgroups:plan", args=[said_yes.campaign.pk, plan.pk])

    few, few_url = plan_page(8)
    few_queries = queries_for(may_client, few_url)
    many, many_url = plan_page(3)

    assert many.groups.count() > few.groups.count()
    assert queries_for(may_client, many_url) == few_queries


def test_the_small_groups_page_takes_the_same_queries_however_many_plans(
    may_client, said_yes, may, queries_for
):
    url = reverse("smallgroups:index", args=[said_yes.campaign.pk])
    SmallGroupPlan.objects.create(campaign=said_yes.campaign, status="GREEDY")
    one = queries_for(may_client, url)
    for _ in range(4):
        SmallGroupPlan.objects.create(campaign=said_yes.campaign, status="GREEDY")

    assert queries_for(may_client, url) == one
