"""`add_person`: a neighbour met at the door joins the organization, with their household."""

from factories import HouseholdFactory, OrganizationFactory

from heard.people.models import Household
from heard.people.services import NewPerson, add_person


def test_a_new_person_belongs_to_the_askers_organization(lee, maple):
    person = add_person(
        by=lee,
        person=NewPerson(name="Ana Ruiz", phone="555-0303", language="es", place=maple),
    )
    assert person.organization == lee.organization
    assert person.added_by == lee.user
    assert (person.phone, person.language, person.place) == ("555-0303", "es", maple)
    assert person.household is None


def test_a_new_household_is_made_in_the_persons_place(lee, maple):
    person = add_person(
        by=lee, person=NewPerson(name="Ana Ruiz", place=maple, household_name="Ruiz household")
    )
    assert person.household.name == "Ruiz household"
    assert person.household.place == maple
    assert person.household.organization == lee.organization


def test_an_existing_household_is_found_by_name_whatever_the_case(lee, org):
    household = HouseholdFactory(organization=org, name="The Ruiz Household")
    first = add_person(by=lee, person=NewPerson(name="Ana", household_name="the ruiz household"))
    second = add_person(by=lee, person=NewPerson(name="Luis", household_name="THE RUIZ HOUSEHOLD"))
    assert first.household == second.household == household
    assert Household.objects.count() == 1


def test_accented_household_names_match_whatever_the_case(lee, org):
    # SQLite's LIKE folds only ASCII letters; "RAMÍREZ" must still find "Ramírez".
    household = HouseholdFactory(organization=org, name="Ramírez household")
    person = add_person(by=lee, person=NewPerson(name="Elena", household_name="RAMÍREZ HOUSEHOLD"))
    assert person.household == household
    assert Household.objects.count() == 1


def test_another_organizations_household_of_the_same_name_is_never_used(lee):
    elsewhere = HouseholdFactory(organization=OrganizationFactory(), name="Ruiz household")
    person = add_person(by=lee, person=NewPerson(name="Ana", household_name="Ruiz household"))
    assert person.household != elsewhere
    assert person.household.organization == lee.organization


def test_when_two_households_already_share_a_name_the_oldest_is_used(lee, org):
    oldest = HouseholdFactory(organization=org, name="Chen household")
    HouseholdFactory(organization=org, name="CHEN HOUSEHOLD")
    person = add_person(by=lee, person=NewPerson(name="Wei", household_name="chen household"))
    assert person.household == oldest
