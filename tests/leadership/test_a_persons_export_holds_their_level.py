"""A person's export holds the level they were judged on and who brought them to an event."""

from factories import AssessmentFactory, MembershipFactory, SignUpFactory

from heard.accounts.models import Role
from heard.campaigns.models import SignUp
from heard.privacy.services import export_person


def test_the_export_holds_the_level_as_it_was_named_then(ours, scale):
    admin = MembershipFactory(organization=ours.org, role=Role.ADMIN)
    core = scale[0]
    AssessmentFactory(person=ours.sam, level=core, level_name=core.name, level_definition="Then")
    core.name = "Renamed later"
    core.save()
    SignUp.objects.filter(pk=ours.signup.pk).delete()
    SignUpFactory(event=ours.event, person=ours.sam, brought_by=ours.rosa)
    data = export_person(by=admin, person=ours.sam)
    assert data["assessments"][0]["level"] == "Core leader"
    assert data["assessments"][0]["level_definition"] == "Then"
    assert data["sign_ups"][0]["brought_by"] == "Rosa Alvarez"
