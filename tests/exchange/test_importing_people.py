"""Importing people from a spreadsheet: checked before anything is stored, every problem named
by row and column, people already here recognised (accents, phone formats), and then all or
nothing."""

import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from factories import HouseholdFactory, MembershipFactory, OrganizationFactory, PersonFactory

from heard.accounts.models import Role
from heard.exchange import checking, services
from heard.exchange.models import ImportBatch
from heard.people import consent
from heard.people.models import Consent, Person, Place
from heard.people.services import record_consent

HEADER = "First Name,Last Name,Mobile,E-mail,Street Address,Neighborhood,Language,may_contact\n"


def start(by, text, name="sheet.csv"):
    return services.start_import(by=by, filename=name, data=text.encode())


def test_a_clean_file_imports_everyone_in_one_go(may, ours):
    batch = start(
        may,
        HEADER + "Tomás,Ruiz,(555) 201-3344,tomas@example.org,12 Elm St,Hilltop,Spanish,yes\n"
        "Ada,Moss,,,,Maple Court,english,no\n",
    )
    assert batch.mapping == {
        "0": "first_name", "1": "last_name", "2": "phone", "3": "email", "4": "address",
        "5": "neighbourhood", "6": "language", "7": "may_contact",
    }  # fmt: skip
    report = services.apply_import(by=may, batch=batch)
    assert (report["created"], report["merged"], report["new_places"]) == (2, 0, ["Hilltop"])
    tomas = Person.objects.get(organization=ours.org, name="Tomás Ruiz")
    assert (tomas.language, tomas.place.name, tomas.household.address) == (
        "es",
        "Hilltop",
        "12 Elm St",
    )
    assert tomas.name_folded == "tomas ruiz"  # found by "Tomas" in every search
    ada = Person.objects.get(organization=ours.org, name="Ada Moss")
    assert ada.place == ours.rosa.place  # an existing neighbourhood, whatever its case
    assert not consent.may_contact(ada)
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.APPLIED and batch.rows == []


def test_one_bad_row_applies_nothing_and_names_the_row_and_column(may, ours):
    before = Person.objects.count()
    batch = start(
        may,
        HEADER + "Ana,Diaz,555 201 0000,,,,,\n"
        ",,,,,,,\n"  # a blank line is not a problem
        "Bo,Li,12,not-an-email,,,Klingon,perhaps\n",
    )
    checked = checking.check_people(may, batch)
    assert [(r.number, c) for r in checked.problems for c, _ in r.problems] == [
        (4, "Email"), (4, "Phone"), (4, "Language"), (4, "May be contacted (yes / no)"),
    ]  # fmt: skip
    with pytest.raises(ValidationError) as refused:
        services.apply_import(by=may, batch=batch)
    assert "Row 4, Email: “not-an-email” is not an email address." in refused.value.messages
    assert Person.objects.count() == before
    assert not Place.objects.filter(name="Hilltop").exists()


def test_people_already_here_are_recognised_and_only_blanks_are_filled(may, ours):
    graciela = PersonFactory(
        organization=ours.org, name="Graciela Ramírez", phone="(555) 010-1234", email=""
    )
    batch = start(may, "Name,Phone,Email\nGraciela Ramirez,555-010-1234,gr@example.org\n")
    row = checking.check_people(may, batch).rows[0]
    assert row.person == graciela and row.action == checking.MERGE
    assert "same phone" in row.reasons
    report = services.apply_import(by=may, batch=batch)
    assert (report["created"], report["merged"]) == (0, 1)
    graciela.refresh_from_db()
    assert (graciela.name, graciela.email) == ("Graciela Ramírez", "gr@example.org")


def test_the_same_person_twice_in_a_file_is_one_person(may, ours):
    batch = start(may, "Name,Phone\nAlvin Gaines,555 303 1212\nAlvin Gaines,(555) 303-1212\n")
    rows = checking.check_people(may, batch).rows
    assert rows[1].same_as_row == 2 and rows[1].action == checking.MERGE
    services.apply_import(by=may, batch=batch)
    assert Person.objects.filter(organization=ours.org, name="Alvin Gaines").count() == 1


def test_the_organizer_chooses_per_match(may, ours):
    PersonFactory(organization=ours.org, name="Héctor Vega", phone="555 777 0101")
    batch = start(may, "Name,Phone\nHector Vega,555 777 0101\nHector Vega,555 777 0101\n")
    services.set_choices(by=may, batch=batch, choices={"2": checking.CREATE, "3": checking.SKIP})
    report = services.apply_import(by=may, batch=batch)
    assert (report["created"], report["skipped"]) == (1, 1)
    assert Person.objects.filter(organization=ours.org, name_folded="hector vega").count() == 2


def test_an_excel_workbook_imports_like_a_csv(may, ours):
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["Name", "Phone", "Neighbourhood"])
    book.active.append(["Zoë Park", 5552019999, "Maple Court"])
    data = io.BytesIO()
    book.save(data)
    batch = services.start_import(by=may, filename="sheet.xlsx", data=data.getvalue())
    services.apply_import(by=may, batch=batch)
    assert Person.objects.get(organization=ours.org, name="Zoë Park").phone == "5552019999"


def test_a_file_heard_cannot_read_is_refused_in_words(may, ours):
    with pytest.raises(ValidationError, match="Choose a CSV file"):
        start(may, "x", name="notes.pdf")
    with pytest.raises(ValidationError, match="empty"):
        start(may, "\n\n")
    with pytest.raises(ValidationError, match="Excel workbook"):
        services.start_import(by=may, filename="sheet.xlsx", data=b"not a workbook")


def test_a_mapping_without_a_name_cannot_be_set(may, ours):
    batch = start(may, "Name,Phone\nAna,555 201 0000\n")
    with pytest.raises(ValidationError, match="Map a column to Name"):
        services.set_mapping(by=may, batch=batch, mapping={"1": "phone"})


def test_the_organizations_own_column_names_are_remembered(may, ours):
    batch = start(may, "Nom complet,Tel\nAna Diaz,555 201 0000\n")
    services.set_mapping(by=may, batch=batch, mapping={"0": "name", "1": "phone"})
    again = start(may, "Tel,Nom complet\n555 201 0001,Bo Li\n")
    assert again.mapping == {"0": "phone", "1": "name"}


def test_only_staff_import_and_an_outsider_finds_nothing(may, lee, lee_client, otto_client, ours):
    batch = start(may, "Name\nAna Diaz\n")
    with pytest.raises(PermissionDenied):
        start(lee, "Name\nAna Diaz\n")
    assert lee_client.get("/imports/").status_code == 403
    assert lee_client.get(f"/imports/{batch.pk}/").status_code == 403
    assert otto_client.get(f"/imports/{batch.pk}/").status_code == 404
    assert otto_client.post(f"/imports/{batch.pk}/apply/").status_code == 404
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.PREVIEW


def test_the_pages_walk_from_upload_to_report(may_client, ours):
    upload = io.BytesIO(b"Name,Phone\nAna Diaz,555 201 0000\nAna Diaz,555 201 0000\n")
    upload.name = "sign-in.csv"
    response = may_client.post("/imports/", {"file": upload})
    batch = ImportBatch.objects.get(filename="sign-in.csv")
    assert response.status_code == 302
    page = may_client.get(f"/imports/{batch.pk}/").content.decode()
    assert "looks like row 2 above" in page and "Import: 1 new, 1 added" in page
    may_client.post(f"/imports/{batch.pk}/", {"choose": "1", "row_3": "create"})
    assert "Import: 2 new, 0 added" in may_client.get(f"/imports/{batch.pk}/").content.decode()
    may_client.post(f"/imports/{batch.pk}/apply/")
    done = may_client.get(f"/imports/{batch.pk}/").content.decode()
    assert "2</strong> new people" in done
    assert Person.objects.filter(organization=ours.org, name="Ana Diaz").count() == 2


def test_an_export_imported_into_a_new_organization_exports_the_same_people(may_client, ours):
    HouseholdFactory  # noqa: B018 - the shared data already has a household with an address
    exported = b"".join(may_client.get("/exports/people.csv").streaming_content)
    other = OrganizationFactory(name="Partner union")
    admin = MembershipFactory(organization=other, role=Role.ADMIN)
    batch = services.start_import(by=admin, filename="heard-people.csv", data=exported)
    batch.mapping.pop(next(i for i, f in batch.mapping.items() if f == "id"), None)
    services.set_mapping(by=admin, batch=batch, mapping=batch.mapping)
    services.apply_import(by=admin, batch=batch)
    client = Client()
    client.force_login(admin.user)
    again = b"".join(client.get("/exports/people.csv").streaming_content)

    def people(csv_bytes):
        import csv

        rows = csv.DictReader(io.StringIO(csv_bytes.decode("utf-8-sig")))
        keep = ("name", "phone", "email", "may_contact", "language", "neighbourhood", "address")
        return sorted(tuple(r[k] for k in keep) for r in rows)

    assert people(again) == people(exported)
    assert len(people(again)) == Person.objects.filter(organization=ours.org).count()


def test_a_conversations_import_teaches_the_people_import_nothing(may, ours):
    services.start_import(
        by=may,
        filename="doors.csv",
        data=b"Name,What keeps you up at night?\nAna Diaz,Mould.\n",
        kind=ImportBatch.Kind.CONVERSATIONS,
        campaign=ours.campaign,
    )
    people = start(may, "Name,Phone\nBo Li,555 201 0001\n")
    assert people.mapping == {"0": "name", "1": "phone"}


def test_the_phone_of_someone_who_said_no_to_contact_is_not_compared(may, ours):
    record_consent(by=may, person=ours.sam, topic=Consent.Topic.CONTACT, granted=False)
    # Matched on the phone alone ("name 87% alike" is not enough): never, once he said no.
    batch = start(may, "Name,Phone\nSamuel Okafor,555-0202\n")
    row = checking.check_people(may, batch).rows[0]
    assert row.person is None and "same phone" not in row.reasons


def test_a_row_is_matched_whatever_its_number_and_the_persons_id(may, ours):
    # The row's number equals the stored person's id: still compared (they once shared a key).
    graciela = PersonFactory(organization=ours.org, name="Graciela Ramírez", phone="731 555 0142")
    blank_lines = ",\n" * (graciela.pk - 2)
    batch = start(may, "Name,Phone\n" + blank_lines + "Graciela Ramirez,731-555-0142\n")
    row = checking.check_people(may, batch).rows[0]
    assert row.number == graciela.pk and row.person == graciela
