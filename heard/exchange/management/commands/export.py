import os

from django.core.management.base import BaseCommand, CommandError

from heard.accounts.models import Membership
from heard.campaigns.queries import campaigns_for
from heard.exchange import exports
from heard.ids import parse_id
from heard.privacy.audit import acting_as


class Command(BaseCommand):
    help = (
        "Export people, conversations, commitments, events, sign-ups or themes as tags, as CSV "
        "or OSDI-shaped JSON, exactly as the member named by --as would from the Export page "
        "(their access and the consent rules apply). Recorded in the audit log as their export."
    )

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=list(exports.KINDS), help="What to export.")
        parser.add_argument(
            "--as", dest="username", required=True, help="The member whose view is exported."
        )
        parser.add_argument("--format", dest="fmt", choices=exports.FORMATS, default="csv")
        parser.add_argument("--campaign", help="Conversations of this campaign id only.")
        parser.add_argument(
            "--out",
            required=True,
            metavar="FILE",
            help="The file to write, readable by you alone (mode 0600); '-' for standard output.",
        )

    def handle(self, *args, kind, username, fmt, campaign, out, **options):
        membership = (
            Membership.objects.select_related("user", "organization")
            .filter(user__username=username, user__is_active=True)
            .first()
        )
        if membership is None:
            raise CommandError(f"No active member signs in as {username!r}.")
        chosen = None
        if campaign is not None:
            chosen = campaigns_for(membership).filter(pk=parse_id(campaign) or 0).first()
            if chosen is None:
                raise CommandError(f"{username} has no campaign with the id {campaign!r}.")
        if not exports.available(kind, fmt):
            raise CommandError(f"There is no {kind} export as {fmt}.")
        with acting_as(membership.user):
            made = exports.export_file(by=membership, kind=kind, fmt=fmt, campaign=chosen)
            if out == "-":
                for chunk in made.chunks:
                    self.stdout.write(chunk.decode(), ending="")
                return
            # 0600 from the start: neighbours' details are never readable by other accounts.
            fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            os.fchmod(fd, 0o600)
            with os.fdopen(fd, "wb") as file:
                for chunk in made.chunks:
                    file.write(chunk)
        self.stderr.write(f"Wrote {made.filename} to {out}.")
