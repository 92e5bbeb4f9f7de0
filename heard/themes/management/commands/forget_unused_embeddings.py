from django.core.management.base import BaseCommand

from heard.themes.runs import forget_unused_embeddings


class Command(BaseCommand):
    help = (
        "Delete cached note vectors that no conversation's current note uses any more (notes "
        "edited or erased before a run saw them). Re-runs embed again whatever they need."
    )

    def handle(self, *args, **options):
        deleted = forget_unused_embeddings()
        self.stdout.write(f"Forgot {deleted} cached vector{'s' if deleted != 1 else ''}.")
