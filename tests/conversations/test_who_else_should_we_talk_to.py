""" "Who else should we talk to?" at capture: each name becomes someone the person knows."""

from factories import ConsentFactory, PersonFactory

from heard.people.models import Consent, Person, Relationship

from .capture import URL, capture_data


def test_each_name_is_added_and_tied_to_the_person_who_gave_it(lee_client, ours, maple):
    data = capture_data(
        ours.campaign,
        people=[ours.rosa],
        answers={ours.problem: "The boiler is out again."},
        place=maple.pk,
        suggested="Tomás Reyes\n  Beth   Nguyen \n\nTomás Reyes",
    )
    assert lee_client.post(URL, data).status_code == 302
    tomas = Person.objects.get(name="Tomás Reyes")
    beth = Person.objects.get(name="Beth Nguyen")  # spaces tidied, the repeat added once
    assert tomas.place == maple and tomas.added_by == ours.by_lee.held_by
    ties = Relationship.objects.filter(person=ours.rosa)
    assert {t.other for t in ties} == {tomas, beth}
    assert all(t.kind == "neighbour" and t.note.startswith("Suggested to talk to") for t in ties)


def test_a_name_the_member_already_knows_is_tied_not_added_again(lee_client, ours, maple):
    ana = PersonFactory(organization=ours.org, name="Ana Ruiz", place=maple)
    data = capture_data(
        ours.campaign, people=[ours.rosa], answers={ours.problem: "Rats."}, suggested="ana ruiz"
    )
    lee_client.post(URL, data)
    assert Person.objects.filter(name__iexact="ana ruiz").count() == 1
    assert Relationship.objects.get(person=ours.rosa).other == ana
    # The same name in the next conversation does not tie them twice.
    data = capture_data(
        ours.campaign, people=[ours.rosa], answers={ours.problem: "Mice."}, suggested="Ana Ruiz"
    )
    lee_client.post(URL, data)
    assert Relationship.objects.filter(person=ours.rosa).count() == 1


def test_nobody_is_added_for_someone_who_asked_us_not_to_keep_notes(lee_client, ours):
    ConsentFactory(person=ours.rosa, topic=Consent.Topic.RECORDS, granted=False)
    data = capture_data(
        ours.campaign, people=[ours.rosa], answers={ours.problem: "x"}, suggested="Tomás Reyes"
    )
    assert lee_client.post(URL, data).status_code == 302
    assert not Person.objects.filter(name="Tomás Reyes").exists()


def test_too_many_names_come_back_with_a_reason(lee_client, ours):
    names = "\n".join(f"Neighbour {i}" for i in range(21))
    data = capture_data(
        ours.campaign, people=[ours.rosa], answers={ours.problem: "x"}, suggested=names
    )
    page = lee_client.post(URL, data)
    assert page.status_code == 400
    assert "At most 20 names at once." in page.content.decode()
    assert not Person.objects.filter(name__startswith="Neighbour").exists()
