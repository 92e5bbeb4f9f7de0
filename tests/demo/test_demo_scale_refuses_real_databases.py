"""`heard demo-scale` grows the demo only: never beside a real organization's neighbours."""

import pytest
from django.core.management import CommandError, call_command

from heard.accounts.models import Organization
from heard.conversations.models import Conversation


def test_the_command_refuses_a_database_of_real_organizations_without_a_demo(db):
    Organization.objects.create(name="Real Tenants", slug="real")

    with pytest.raises(CommandError, match="other organizations"):
        call_command("demo-scale", "--conversations", "10")

    assert not Conversation.objects.exists()
    assert list(Organization.objects.values_list("slug", flat=True)) == ["real"]
