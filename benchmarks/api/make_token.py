"""Print a new API token for a member of the demo organization, made by its administrator.

HEARD_DATA_DIR=/tmp/api-data .venv/bin/python benchmarks/api/make_token.py organizer
"""

import os
import sys

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "heard.settings")
django.setup()

from heard.accounts.models import Membership, Role  # noqa: E402
from heard.api.services import create_token  # noqa: E402

member = Membership.objects.get(user__username=sys.argv[1])
admin = Membership.objects.filter(organization=member.organization, role=Role.ADMIN).first()
print(create_token(by=admin, member=member, name="schemathesis run").secret)
