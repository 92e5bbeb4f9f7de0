"""The matcher says why two records look like one person, in words a member reads."""

from heard.people.duplicates import (
    Index,
    Record,
    address_key,
    duplicate_pairs,
    likeness,
    phone_number,
    prints,
)


def score(a: Record, b: Record):
    return likeness(prints(a), prints(b))


def test_a_phone_written_three_ways_is_one_number():
    assert phone_number("(731) 555-0142") == phone_number("+1 731 555 0142") == "+17315550142"
    assert phone_number("731.555.0142") == "+17315550142"
    assert phone_number("12") == ""


def test_the_region_setting_reads_numbers_without_a_country_code(settings):
    settings.PHONE_REGION = "FR"
    assert phone_number("06 12 34 56 78") == "+33612345678"


def test_addresses_compare_without_case_punctuation_or_long_words():
    assert address_key("12 Maple Street, Apt. 3") == address_key("12 maple st apt 3")


def test_the_reasons_name_what_is_shared():
    found = score(
        Record(1, "Graciela Ramírez", phone="(731) 555-0142"),
        Record(2, "Graciela Ramirez", phone="731-555-0142"),
    )
    assert found.is_duplicate
    assert found.reasons == ("same name", "same phone")
    alike = score(Record(1, "Jon Smith", phone="6155550177"), Record(2, "John Smith", "6155550177"))
    assert alike.said == "name 95% alike, same phone"


def test_relatives_sharing_a_phone_and_a_home_are_not_one_person():
    rosa = Record(1, "Rosa Alvarez", phone="555-0101", address="5 Maple Court")
    luis = Record(2, "Luis Alvarez", phone="555-0101", address="5 Maple Court")
    francisca = Record(3, "Francisca Reyes", phone="555-0101")
    francisco = Record(4, "Francisco Reyes", phone="555-0101")
    assert not score(rosa, luis).is_duplicate
    assert not score(francisca, francisco).is_duplicate


def test_an_index_finds_the_lookalikes_of_a_new_record_likeliest_first():
    index = Index(
        [
            Record(1, "Alvin Gaines"),
            Record(2, "Alvin Gaines", phone="(901) 555-0110"),
            Record(3, "Alvina Gaines"),
            Record(4, "Someone Else", phone="(901) 555-0110"),
        ]
    )
    found = index.lookalikes(Record("new", "alvin gaines", phone="901 555 0110"))
    assert [m.b.key for m in found] == [2, 1]


def test_pairs_among_many_records_are_found_without_comparing_all_of_them():
    records = [
        Record(n, f"Person{n} Family{n % 97}", phone=f"(615) 555-{n:04d}") for n in range(3000)
    ]
    records.append(Record("dup", "Person42 Family42", phone="615 555 0042"))
    pairs = duplicate_pairs(records)
    assert [{m.a.key, m.b.key} for m in pairs] == [{42, "dup"}]
