"""The person page tells staff when someone else looks like this person, with the reasons and
a link to compare and merge; a volunteer is not told (they see only part of the people)."""

from django.urls import reverse
from factories import ConsentFactory, PersonFactory

from heard.people.models import Consent


def page(client, person):
    return client.get(reverse("people:detail", kwargs={"pk": person.pk})).content.decode()


def test_staff_see_who_might_be_the_same_person_and_why(may_client, org, maple):
    graciela = PersonFactory(organization=org, name="Graciela Ramírez", phone="(731) 555-0142")
    again = PersonFactory(
        organization=org, name="Graciela Ramirez", phone="731-555-0142", place=maple
    )
    PersonFactory(organization=org, name="Gabriela Ramírez", phone="(731) 555-0199")
    html = page(may_client, graciela)
    assert "Might be the same person as" in html
    assert "Maple Court, same name, same phone" in html
    assert reverse("people:merge", kwargs={"pk": graciela.pk, "other_pk": again.pk}) in html
    assert "Gabriela" not in html


def test_nobody_alike_no_warning(may_client, ours):
    assert "Might be the same person" not in page(may_client, ours.rosa)


def test_a_volunteer_is_not_told(lee_client, org, maple):
    a = PersonFactory(organization=org, name="Alvin Gaines", place=maple)
    PersonFactory(organization=org, name="Alvin Gaines", place=maple)
    assert "Might be the same person" not in page(lee_client, a)


def test_a_phone_of_someone_who_said_no_to_contact_is_not_compared(may_client, org):
    # "same phone" would tell the member the number of someone who asked not to be contacted.
    hidden = PersonFactory(organization=org, name="Kwame Mensah", phone="(901) 555-0150")
    ConsentFactory(person=hidden, topic=Consent.Topic.CONTACT, granted=False)
    asking = PersonFactory(organization=org, name="Kwame Mensah", phone="901 555 0150")
    html = page(may_client, asking)
    assert "Might be the same person as" in html
    assert "same phone" not in html


def test_another_organization_s_namesake_is_never_named(may_client, ours, theirs, org):
    PersonFactory(organization=theirs.org, name="Rosa Alvarez", phone="555-0101")
    assert "Might be the same person" not in page(may_client, ours.rosa)
