"""`heard messages`: remake every catalogue from the templates and Python, then compile them."""

from django.core.management.base import BaseCommand

from heard.languages.catalogues import compile_catalogues, make_catalogues, po_files


class Command(BaseCommand):
    help = (
        "Remake each app's gettext catalogue (heard/<app>/locale/<lang>/LC_MESSAGES/django.po) "
        "for every language in settings.LANGUAGES with makemessages (needs GNU gettext), then "
        "compile them to .mo with polib. --compile-only skips remaking (no gettext needed)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--compile-only", action="store_true")

    def handle(self, *args, compile_only=False, **options):
        if not compile_only:
            make_catalogues()
        written = compile_catalogues(force=True)
        self.stdout.write(f"{len(po_files())} catalogues, {len(written)} compiled")
