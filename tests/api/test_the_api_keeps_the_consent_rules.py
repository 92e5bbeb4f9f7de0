"""The API shows what the pages show and no more: no "not to be shared" quote to anyone but the
member who heard it and administrators, and no phone or email of someone who said no to being
contacted, in a list, a search or a person."""

from factories import ConsentFactory, QuoteFactory

from heard.people.models import Consent


def test_a_quote_not_to_be_shared_reaches_only_its_recorder_and_administrators(
    ours, may, lee, ada, api
):
    QuoteFactory(conversation=ours.by_lee, person=ours.rosa, text="Only for Lee", consent="none")
    url = f"/api/v1/conversations/{ours.by_lee.pk}"
    seen = {
        m.user.username: "Only for Lee" in api(m).get(url).content.decode() for m in (may, lee, ada)
    }
    assert seen == {"may": False, "lee": True, "ada": True}
    # The shared quote reaches the organizer.
    assert "sleep in their coats" in api(may).get(url).content.decode()


def test_someone_who_said_no_to_contact_shows_no_phone_and_is_not_found_by_it(ours, may, api):
    ConsentFactory(person=ours.rosa, topic=Consent.Topic.CONTACT, granted=False)
    client = api(may)
    person = client.get(f"/api/v1/people/{ours.rosa.pk}").json()
    assert (person["phone"], person["email"], person["contact_refused"]) == ("", "", True)
    listed = client.get("/api/v1/people/").content.decode()
    assert "555-0101" not in listed and "555-0202" in listed  # Sam did not refuse
    assert client.get("/api/v1/people/", {"q": "555-0101"}).json()["count"] == 0
    assert client.get("/api/v1/people/", {"q": "555-0202"}).json()["count"] == 1
