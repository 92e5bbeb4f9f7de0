"""The kindliness lens of a campaign: the people behind each theme, place and side by their
orientation to kindness and what makes asking for help hard for them, and who help-focused and
not-help-focused activities reach."""

import datetime as dt
from types import SimpleNamespace

import pytest
from factories import (
    AssessmentFactory,
    ConversationFactory,
    EventFactory,
    PersonFactory,
    SignUpFactory,
)

from heard.campaigns.models import Event, SignUp
from heard.common_ground.divides import divide_choices
from heard.common_ground.kindliness import kindliness_lens

from .conftest import make_theme, place_in

TODAY = dt.date.today()


def url(campaign):
    return f"/common-ground/campaign/{campaign.pk}/kindliness/"


def judged(person, *, on=TODAY, kindliness="", **barriers):
    return AssessmentFactory(
        person=person, assessed_on=on, offered_to_help=False, kindliness=kindliness, **barriers
    )


@pytest.fixture
def lens_world(ours, may, maple):
    """Heat: Ann (rescuer, would rather manage alone), Bo (activist), Cy (nothing noticed), and
    Ann again in a second conversation. Rent: Bo. A cookout (not about help) Ann came to, a
    food bank Bo came to and Cy did not show up at."""
    campaign = ours.campaign
    heat = make_theme(campaign, "Cold flats in winter")
    rent = make_theme(campaign, "Rent going up")
    ann = PersonFactory(organization=ours.org, name="Ann", place=maple)
    bo = PersonFactory(organization=ours.org, name="Bo", place=maple)
    cy = PersonFactory(organization=ours.org, name="Cy")
    for person, theme in ((ann, heat), (ann, heat), (bo, heat), (cy, heat), (bo, rent)):
        place_in(ConversationFactory(campaign=campaign, held_by=may.user, people=[person]), theme)
    # An older judgement of Ann's is overtaken by the newer one.
    judged(ann, on=TODAY - dt.timedelta(days=30), kindliness="empathic", bitter_about_help=True)
    judged(ann, kindliness="rescuer", wants_self_reliance=True)
    judged(bo, kindliness="activist")
    cookout = EventFactory(
        organization=ours.org, campaign=campaign, focus=Event.Focus.SOCIAL, title="Cookout"
    )
    food_bank = EventFactory(
        organization=ours.org, campaign=campaign, focus=Event.Focus.HELP, title="Food bank"
    )
    SignUpFactory(event=cookout, person=ann, status=SignUp.Status.ATTENDED)
    SignUpFactory(event=food_bank, person=bo, status=SignUp.Status.ATTENDED)
    SignUpFactory(event=food_bank, person=cy, status=SignUp.Status.NO_SHOW)
    return SimpleNamespace(heat=heat, rent=rent, ann=ann, bo=bo, cy=cy)


def lens_of(membership, campaign):
    return kindliness_lens(membership, campaign, divide_choices(membership))


def test_each_theme_counts_its_people_once_by_their_newest_orientation(ours, may, lens_world):
    lens = lens_of(may, ours.campaign)
    heat = next(m for m in lens.themes if m.theme_id == lens_world.heat.pk)
    assert heat.people == 3  # Ann twice in heat is one person
    assert dict(heat.orientations) == {"rescuer": 1, "activist": 1, "": 1}
    assert heat.finds_asking_hard == 1
    # Ann's newest barriers stand: she would rather manage alone; the old bitterness is gone.
    assert dict(heat.barriers) == {"wants_self_reliance": 1}
    rent = next(m for m in lens.themes if m.theme_id == lens_world.rent.pk)
    assert (rent.people, dict(rent.orientations), rent.finds_asking_hard) == (1, {"activist": 1}, 0)


def test_places_and_sides_count_the_same_people(ours, may, maple, lens_world):
    lens = lens_of(may, ours.campaign)
    places = {m.label: m for m in lens.places}
    # Ann, Bo and Rosa (of `ours`, in the campaign's conversation held by Lee) live in Maple.
    assert places[maple.name].people == 3 and places[maple.name].finds_asking_hard == 1
    assert "Cy" not in places  # Cy has no neighbourhood: on no row of that table
    assert lens.everyone.noticed == 2 and lens.everyone.finds_asking_hard == 1


def test_who_help_and_not_help_reach(ours, may, lens_world):
    reach = lens_of(may, ours.campaign).reach
    assert (reach.social.people, reach.social.finds_asking_hard) == (1, 1)
    assert (reach.help.people, reach.help.finds_asking_hard) == (1, 0)  # Cy did not come
    assert (reach.only_social, reach.only_help, reach.both) == (1, 1, 0)
    assert reach.only_social_hard == 1
    assert reach.hard_unreached == 0
    # `ours` has one organizing event (a training) in the campaign too.
    assert reach.events == {"social": 1, "help": 1, "organizing": 1}


def test_someone_who_finds_asking_hard_and_came_to_nothing_is_counted(ours, may, lens_world):
    SignUp.objects.filter(person=lens_world.ann).delete()
    reach = lens_of(may, ours.campaign).reach
    assert reach.hard_unreached == 1 and reach.only_social_hard == 0


def test_the_page_says_it_in_words(ours, may_client, lens_world):
    page = may_client.get(url(ours.campaign))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Cold flats in winter" in text
    assert (
        "1 person who finds asking for help hard</strong> came to activities not about help" in text
    )


def test_without_help_or_social_events_the_page_says_how_to_mark_them(ours, may_client):
    text = may_client.get(url(ours.campaign)).content.decode()
    assert "Mark what an event is for on its page" in text


def test_volunteers_are_turned_away_and_outsiders_find_nothing(
    ours, lee_client, otto_client, theirs, lens_world
):
    assert lee_client.get(url(ours.campaign)).status_code == 403
    assert otto_client.get(url(ours.campaign)).status_code == 404


def test_the_page_reads_a_fixed_number_of_queries(
    ours, may, maple, may_client, lens_world, queries_for
):
    before = queries_for(may_client, url(ours.campaign))
    campaign = ours.campaign
    theme = make_theme(campaign, "Buses")
    event = EventFactory(organization=ours.org, campaign=campaign, focus=Event.Focus.HELP)
    for i in range(6):
        person = PersonFactory(organization=ours.org, name=f"More {i}", place=maple)
        place_in(ConversationFactory(campaign=campaign, held_by=may.user, people=[person]), theme)
        judged(person, kindliness="traditional", gave_without_return=True)
        SignUpFactory(event=event, person=person)
    assert queries_for(may_client, url(ours.campaign)) == before


def test_third_spaces_show_who_goes_there_by_orientation(ours, may, lens_world):
    from heard.spaces.models import Regular, ThirdSpace

    hub = ThirdSpace.objects.create(
        organization=ours.org, name="Food pantry", name_key="food pantry", hub_of_helping=True
    )
    park = ThirdSpace.objects.create(organization=ours.org, name="Park", name_key="park")
    Regular.objects.create(person=lens_world.bo, space=hub, how="organizer")
    Regular.objects.create(person=lens_world.ann, space=park, how="organizer")
    Regular.objects.create(person=lens_world.bo, space=park, how="organizer")
    spaces = {m.label: m for m in lens_of(may, ours.campaign).spaces}
    assert (spaces["Park"].people, spaces["Park"].finds_asking_hard) == (2, 1)
    pantry = spaces["Food pantry (hub of helping)"]
    assert (pantry.people, pantry.finds_asking_hard, dict(pantry.orientations)) == (
        1, 0, {"activist": 1},
    )  # fmt: skip
