from heard.common_ground.divides import choice_for
from heard.common_ground.report import common_ground_page
from heard.common_ground.shares import COMMON, ONE_SIDE
from heard.conversations.models import Conversation


def url(campaign, divide=""):
    return f"/common-ground/campaign/{campaign.pk}/" + (f"?divide={divide}" if divide else "")


def test_shared_and_one_sided_themes_are_told_apart(ours, may, tenure, heard_across):
    page = common_ground_page(may, ours.campaign, choice_for(may, str(tenure.divide.pk)))
    assert [t.theme for t in page.common] == [heard_across.heat]
    assert [t.theme for t in page.one_side] == [heard_across.rent]
    assert page.one_side[0].verdict.higher.label == "Renter"
    heat = {s.label: (s.raised, s.heard) for s in page.common[0].verdict.sides}
    assert heat == {"Renter": (6, 20), "Owner": (5, 20)}


def test_the_counts_equal_a_direct_count(ours, may, tenure, heard_across):
    page = common_ground_page(may, ours.campaign, choice_for(may, str(tenure.divide.pk)))
    for side in page.sides:
        direct = Conversation.objects.filter(
            campaign=ours.campaign,
            theme_assignment__isnull=False,
            participants__person__sides__side__name=side.label,
        ).count()
        assert side.heard == direct == 20
    # Two conversations of `ours` are in no theme and on no side; the 40 are placed.
    assert page.heard == 40 and page.unplaced == 0


def test_quotes_from_each_side_stand_side_by_side_and_unshared_ones_never_show(
    ours, may_client, tenure, heard_across
):
    page = may_client.get(url(ours.campaign, tenure.divide.pk))
    assert page.status_code == 200
    text = page.content.decode()
    assert "We wear coats indoors." in text and "The boiler is older than me." in text
    assert "Never share this one." not in text
    assert [v.kind for v in (page.context["page"].common[0].verdict,)] == [COMMON]
    assert page.context["page"].one_side[0].verdict.kind == ONE_SIDE


def test_the_built_in_divides_need_nothing_defined(ours, may_client, heard_across):
    for divide in ("neighbourhood", "language", "kindliness"):
        page = may_client.get(url(ours.campaign, divide))
        assert page.status_code == 200, divide
        assert page.context["page"].divide.key == divide
    # An unknown divide shows neighbourhood and says so.
    page = may_client.get(url(ours.campaign, "999999"))
    assert page.status_code == 400
    assert page.context["page"].divide.key == "neighbourhood"


def test_volunteers_are_turned_away_and_outsiders_find_nothing(
    ours, lee_client, otto_client, heard_across
):
    assert lee_client.get(url(ours.campaign)).status_code == 403
    assert lee_client.get("/common-ground/").status_code == 403
    assert otto_client.get(url(ours.campaign)).status_code == 404


def test_the_page_keeps_a_fixed_number_of_queries(
    ours, may_client, tenure, heard_across, queries_for
):
    queries_for(may_client, url(ours.campaign, tenure.divide.pk))  # scores the ties once
    few = queries_for(may_client, url(ours.campaign, tenure.divide.pk))
    from factories import ConversationFactory, PersonFactory

    from heard.common_ground.models import PersonSide

    from .conftest import place_in

    for _ in range(15):
        person = PersonFactory(organization=ours.org)
        PersonSide.objects.create(person=person, divide=tenure.divide, side=tenure.owner)
        conversation = ConversationFactory(
            campaign=ours.campaign, held_by=ours.by_may.held_by, people=[person]
        )
        place_in(conversation, heard_across.heat)
    assert queries_for(may_client, url(ours.campaign, tenure.divide.pk)) == few
