"""An export holds what the member may see and nothing the consent rules keep here: a
volunteer's is their turf; no-contact details are blank; a quote not to be shared never leaves."""

from factories import CampaignFactory, ConversationFactory, PersonFactory, QuoteFactory

from heard.conversations.models import Quote
from heard.people.models import Consent
from heard.people.services import record_consent

from .reading import body, csv_rows, json_of


def download(client, kind, fmt="csv", **params):
    response = client.get(f"/exports/{kind}.{fmt}", params)
    assert response.status_code == 200, response.status_code
    return response


def test_the_organizer_exports_everyone_and_the_volunteer_their_turf(may_client, lee_client, ours):
    names = {row["name"] for row in csv_rows(download(may_client, "people"))}
    assert {"Rosa Alvarez", "Sam Okafor"} <= names
    names = {row["name"] for row in csv_rows(download(lee_client, "people"))}
    assert "Rosa Alvarez" in names and "Sam Okafor" not in names
    held = {row["id"] for row in csv_rows(download(lee_client, "conversations"))}
    assert held == {str(ours.by_lee.pk)}


def test_contact_details_of_someone_who_said_no_stay_blank(may, may_client, ours):
    record_consent(by=may, person=ours.rosa, topic=Consent.Topic.CONTACT, granted=False)
    rosa = next(r for r in csv_rows(download(may_client, "people")) if r["name"] == "Rosa Alvarez")
    assert (rosa["phone"], rosa["address"], rosa["may_contact"]) == ("", "", "no")
    osdi = json_of(download(may_client, "people", "json"))
    person = next(p for p in osdi["_embedded"]["osdi:people"] if p["name"] == "Rosa Alvarez")
    assert person["phone_numbers"] == [] and person["custom_fields"]["may_contact"] is False
    assert "555-0101" not in body(download(may_client, "people", "json"))


def test_a_quote_not_to_be_shared_never_leaves_not_even_with_its_recorder(
    lee, lee_client, may_client, ours
):
    QuoteFactory(
        conversation=ours.by_lee,
        person=ours.rosa,
        text="Keep this here.",
        consent=Quote.Consent.NONE,
    )
    for client in (lee_client, may_client):
        for fmt in ("csv", "json"):
            text = body(download(client, "conversations", fmt))
            assert "Keep this here." not in text
            assert "sleep in their coats" in text  # shared with the team: it goes


def test_answers_go_with_their_question_and_themes_only_to_staff(may_client, lee_client, ours):
    row = next(
        r for r in csv_rows(download(may_client, "conversations")) if r["id"] == str(ours.by_may.pk)
    )
    assert row["answer: What keeps you up at night?"] == "Mould behind the wardrobe."
    assert row["people"] == "Sam Okafor" and row["next_step_response"] == "yes"
    assert "theme" in row
    assert "theme" not in csv_rows(download(lee_client, "conversations"))[0]
    assert lee_client.get("/exports/tags.json").status_code == 200
    assert json_of(lee_client.get("/exports/tags.json"))["total_records"] == 0


def test_a_campaign_narrows_the_conversations(may_client, ours):
    summer = CampaignFactory(organization=ours.org, name="Summer")
    other = ConversationFactory(campaign=summer, held_by=ours.by_may.held_by, people=[ours.sam])
    every = {r["id"] for r in csv_rows(download(may_client, "conversations"))}
    narrowed = {
        r["id"] for r in csv_rows(download(may_client, "conversations", campaign=ours.campaign.pk))
    }
    assert str(other.pk) in every and str(other.pk) not in narrowed
    assert narrowed == {str(ours.by_lee.pk), str(ours.by_may.pk)}


def test_another_organizations_campaign_or_an_unknown_export_finds_nothing(
    may_client, ours, theirs
):
    assert (
        may_client.get("/exports/conversations.csv", {"campaign": theirs.campaign.pk}).status_code
        == 404
    )
    assert may_client.get("/exports/secrets.csv").status_code == 404
    assert may_client.get("/exports/signups.json").status_code == 404  # attendances are in events


def test_an_outsider_exports_their_own_organization_only(otto_client, ours, theirs):
    for kind, fmt in (("people", "csv"), ("conversations", "json"), ("events", "json")):
        text = body(download(otto_client, kind, fmt))
        assert all(secret not in text for secret in ours.secrets), kind


def test_events_carry_attendances_of_people_the_member_sees(may_client, lee_client, ours):
    osdi = json_of(download(may_client, "events", "json"))
    event = next(e for e in osdi["_embedded"]["osdi:events"] if e["title"] == ours.event.title)
    assert event["_embedded"]["osdi:attendances"] == [
        {
            "person": f"heard:person-{ours.rosa.pk}",
            "status": "accepted",
            "attended": False,
            "created_date": ours.signup.created_at.isoformat(),
        }
    ]
    signups = csv_rows(download(lee_client, "signups"))
    assert [s["person"] for s in signups] == ["Rosa Alvarez"]


def test_a_spreadsheet_reads_a_neighbours_words_as_words(may_client, ours):
    person = PersonFactory(organization=ours.org, name='=HYPERLINK("http://x")')
    rows = csv_rows(download(may_client, "people"))
    assert '\'=HYPERLINK("http://x")' in {r["name"] for r in rows}
    assert person.pk in {int(r["id"]) for r in rows}
