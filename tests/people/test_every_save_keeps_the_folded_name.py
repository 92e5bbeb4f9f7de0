"""`Person.name_folded` follows the name through every way a person is saved: the services, a
rename, the factories (the demo's bulk load is checked in tests/demo)."""

from heard.people.folding import fold
from heard.people.services import NewPerson, add_person


def test_adding_a_person_stores_the_folded_name(may):
    person = add_person(by=may, person=NewPerson(name="Graciela Ramírez"))
    person.refresh_from_db()
    assert person.name_folded == "graciela ramirez"


def test_a_rename_saved_with_update_fields_refolds_the_name(may):
    person = add_person(by=may, person=NewPerson(name="Hector"))
    person.name = "Héctor Núñez"
    person.save(update_fields=["name"])
    person.refresh_from_db()
    assert person.name_folded == "hector nunez"


def test_fold_drops_marks_case_and_extra_spaces_and_transliterates():
    assert fold("  Tomás   HERRERA ") == "tomas herrera"
    assert fold("Łukasz Øster") == "lukasz oster"
    assert fold("Nguyễn Văn An") == "nguyen van an"
    assert fold("") == ""


def test_a_bulk_create_keeps_it_too(org):
    from heard.people.models import Person

    Person.objects.bulk_create([Person(organization=org, name="Héctor Núñez")])
    assert Person.objects.get(name="Héctor Núñez").name_folded == "hector nunez"
