"""Members of an organization lose Django's staff and superuser flags.

Until now the demo made its administrator a superuser, and Django's admin reads and deletes every
organization's rows: on a demo installation that login read another organization's people. The
admin now lets in only the server's operator (a superuser with no membership), so the flags on a
member grant nothing; they are removed anyway so that no later check on `is_staff` or
`is_superuser` can hand a member more than their role. An organization's administrator keeps the
role `admin` and manages members on the Members page.
"""

from django.conf import settings
from django.db import migrations


def members_are_not_staff(apps, schema_editor):
    User = apps.get_model(settings.AUTH_USER_MODEL)
    Membership = apps.get_model("accounts", "Membership")
    members = Membership.objects.values("user_id")
    User.objects.filter(pk__in=members).filter(is_staff=True).update(is_staff=False)
    User.objects.filter(pk__in=members).filter(is_superuser=True).update(is_superuser=False)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    # Nothing to undo: which members were staff before is not worth restoring.
    operations = [migrations.RunPython(members_are_not_staff, migrations.RunPython.noop)]
