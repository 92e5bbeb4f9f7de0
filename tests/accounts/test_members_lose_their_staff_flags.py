"""Members carry no staff or superuser flag: the demo no longer sets them, and a data migration
removes them from existing installations, leaving the operator's own login as it was."""

import importlib

from django.apps import apps
from django.contrib.auth import get_user_model
from factories import MembershipFactory

from heard.accounts.models import Organization, Role
from heard.demo.builder import _team
from heard.demo.city import TEAM
from heard.people.models import Place

migration = importlib.import_module("heard.accounts.migrations.0003_members_are_not_staff")
User = get_user_model()


def test_the_migration_unflags_members_and_keeps_the_operator(org, operator):
    member = MembershipFactory(
        organization=org, role=Role.ADMIN, user__is_staff=True, user__is_superuser=True
    )
    migration.members_are_not_staff(apps, schema_editor=None)
    member.user.refresh_from_db()
    operator.refresh_from_db()
    assert (member.user.is_staff, member.user.is_superuser) == (False, False)
    assert (operator.is_staff, operator.is_superuser) == (True, True)


def test_the_demo_team_has_no_staff_login(db):
    org = Organization.objects.create(name="Demo", slug="demo")
    names = {name for teammate in TEAM for name in teammate.turf}
    places = {name: Place.objects.create(organization=org, name=name) for name in names}
    team = _team(org, places)
    assert team["admin"].role == Role.ADMIN
    assert not User.objects.filter(is_staff=True).exists()
    assert not User.objects.filter(is_superuser=True).exists()
