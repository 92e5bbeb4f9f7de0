"""A place's page: who goes there (named only when the viewer may see them, the others
counted), the themes its people raise (staff only), events hosted there, small groups meeting
there, and the person page's "runs into neighbours at"."""

from django.urls import reverse

from heard.campaigns.models import Event
from heard.smallgroups.models import SmallGroup, SmallGroupPlan
from heard.themes.models import Theme, ThemeAssignment


def test_a_volunteer_sees_the_people_of_their_turf_and_a_count_of_the_others(
    lee_client, laundromat
):
    response = lee_client.get(reverse("spaces:detail", args=[laundromat.pk]))
    page = response.content.decode()
    assert "Rosa Alvarez" in page
    assert "Sam Okafor" not in page
    assert "and 1 person outside your turf" in page
    assert "Themes its people raise" not in page


def test_the_organizer_sees_everyone_and_the_themes_they_raise(may_client, laundromat, ours):
    theme = Theme.objects.create(
        campaign=ours.campaign, label="Cold homes", size=2, prototypes=b"", dimension=4
    )
    ThemeAssignment.objects.create(
        conversation=ours.by_lee, campaign=ours.campaign, theme=theme, note_sha256="x"
    )
    response = may_client.get(reverse("spaces:detail", args=[laundromat.pk]))
    page = response.content.decode()
    assert "Rosa Alvarez" in page and "Sam Okafor" in page
    [row] = response.context["themes"]
    assert (row.theme, row.regulars, row.share) == (theme, 1, 50)


def test_host_an_event_here_opens_the_event_form_with_the_place_chosen(may_client, laundromat):
    url = reverse("campaigns:event_new") + f"?space={laundromat.pk}"
    form = may_client.get(url).context["form"]
    assert form["space"].value() == laundromat.pk
    response = may_client.post(
        reverse("campaigns:event_new"),
        {"title": "Laundry night", "kind": "meeting", "starts_at": "2030-01-05T18:00",
         "space": laundromat.pk},
    )  # fmt: skip
    assert response.status_code == 302
    event = Event.objects.get(title="Laundry night")
    assert event.space == laundromat
    page = may_client.get(reverse("spaces:detail", args=[laundromat.pk])).content.decode()
    assert "Laundry night" in page


def test_an_organizer_chooses_a_small_group_to_meet_here(may_client, laundromat, ours, otto):
    plan = SmallGroupPlan.objects.create(campaign=ours.campaign, status="GREEDY")
    group = SmallGroup.objects.create(plan=plan, position=1, concern_title="Cold homes")
    url = reverse("spaces:small_group", args=[laundromat.pk])
    assert may_client.post(url, {"group": group.pk}).status_code == 302
    group.refresh_from_db()
    assert group.space == laundromat
    page = may_client.get(reverse("spaces:detail", args=[laundromat.pk])).content.decode()
    assert "Group 1: Cold homes" in page
    plan_url = reverse("smallgroups:plan", args=[ours.campaign.pk, plan.pk])
    assert "Meets at" in may_client.get(plan_url).content.decode()


def test_the_person_page_says_where_they_run_into_neighbours(lee_client, laundromat, ours):
    page = lee_client.get(reverse("people:detail", args=[ours.rosa.pk])).content.decode()
    assert "Runs into neighbours at" in page
    assert "The laundromat on Elm" in page
