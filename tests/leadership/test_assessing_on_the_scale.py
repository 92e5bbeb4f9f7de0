"""The assessment form offers the organization's scale with each level's behaviour in view, and
the path shows the level of each step with who, when and why."""

from factories import OrganizationFactory, PersonFactory

from heard.leadership.models import Assessment


def test_the_form_shows_each_level_with_its_definition(may_client, ours, scale):
    page = may_client.get(f"/leaders/{ours.sam.pk}/assess/").content.decode()
    for level in scale:
        assert f'value="{level.pk}"' in page
        assert level.definition in page
    assert "Define your scale" not in page


def test_without_a_scale_the_form_says_define_your_scale(may_client, ours):
    page = may_client.get(f"/leaders/{ours.sam.pk}/assess/").content.decode()
    assert "Define your scale" in page and 'href="/leaders/scale/"' in page


def test_an_assessment_on_a_level_keeps_its_name_and_the_path_shows_it(may_client, ours, scale):
    core = scale[0]
    response = may_client.post(
        f"/leaders/{ours.sam.pk}/assess/", {"level": core.pk, "note": "Ran the phone tree"}
    )
    assert response.status_code == 302
    made = Assessment.objects.get(person=ours.sam)
    assert made.level == core and made.level_name == "Core leader"
    assert made.level_definition == core.definition
    core.name = "Anchor"
    core.save()
    page = may_client.get(f"/leaders/{ours.sam.pk}/assess/").content.decode()
    path = page[page.index("<h2>Path</h2>") : page.index("Record what you saw")]
    assert "Core leader" in path and "now “Anchor”" in path
    assert "Ran the phone tree" in path and "May Organizer" in path


def test_a_level_alone_is_enough_to_record(may_client, ours, scale):
    response = may_client.post(f"/leaders/{ours.sam.pk}/assess/", {"level": scale[1].pk})
    assert response.status_code == 302
    assert Assessment.objects.get(person=ours.sam).level == scale[1]


def test_another_organizations_level_is_refused(may_client, ours, scale, make_scale):
    other = make_scale(OrganizationFactory(), [("Theirs", "Their words")])[0]
    response = may_client.post(
        f"/leaders/{ours.sam.pk}/assess/", {"level": other.pk, "note": "Tried"}
    )
    assert response.status_code == 200
    assert not Assessment.objects.exists()


def test_the_leaders_list_shows_the_latest_level(may_client, ours, scale):
    person = PersonFactory(organization=ours.org, name="Leveled Only")
    may_client.post(f"/leaders/{person.pk}/assess/", {"level": scale[2].pk})
    may_client.post(f"/leaders/{person.pk}/assess/", {"level": scale[1].pk})
    page = may_client.get("/leaders/").content.decode()
    row = page[page.index(f'href="/people/{person.pk}/"') :][:600]
    assert "Active member" in row and "Contact" not in row
