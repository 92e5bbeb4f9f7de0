"""Apply the notes rule to what is already stored (issue 11).

Before consent was enforced, a person's "no" to notes being kept was stored and ignored: their
conversations kept their answers, quotes and leader signals, were shown and were themed. This
does once what `heard.people.services.record_consent` now does whenever someone says no:

- a conversation where every participant's newest answer is no loses its answers, quotes and
  leader signals, and its place in a theme (with the theme sizes and the cached vector);
- in a conversation where others agreed, only the refusers' own quotes and signals go.

Written with the historical models (a migration must not import today's code) and from the
refusers outward, so it is quick on a live database: refusals are few.
"""

from django.db import migrations
from django.db.models import Q


def refusers(Consent) -> set:
    newest: dict = {}
    rows = (
        Consent.objects.filter(topic="records")
        .order_by("person_id", "-recorded_at", "-id")
        .values_list("person_id", "granted")
    )
    for person_id, granted in rows:
        newest.setdefault(person_id, granted)
    return {person_id for person_id, granted in newest.items() if not granted}


def forget_withheld_notes(apps, schema_editor):
    Consent = apps.get_model("people", "Consent")
    Participant = apps.get_model("conversations", "Participant")
    Answer = apps.get_model("conversations", "Answer")
    Quote = apps.get_model("conversations", "Quote")
    Assessment = apps.get_model("leadership", "Assessment")
    ThemeAssignment = apps.get_model("themes", "ThemeAssignment")
    Theme = apps.get_model("themes", "Theme")
    NoteEmbedding = apps.get_model("themes", "NoteEmbedding")

    refused = refusers(Consent)
    if not refused:
        return
    touched = set(
        Participant.objects.filter(person_id__in=refused).values_list("conversation_id", flat=True)
    )
    people_of: dict = {}
    for conversation_id, person_id in Participant.objects.filter(
        conversation_id__in=touched
    ).values_list("conversation_id", "person_id"):
        people_of.setdefault(conversation_id, set()).add(person_id)
    emptied = [cid for cid, people in people_of.items() if people <= refused]

    for chunk in _chunks(emptied):
        Answer.objects.filter(conversation_id__in=chunk).delete()
        Quote.objects.filter(conversation_id__in=chunk).delete()
        Assessment.objects.filter(conversation_id__in=chunk).delete()
    for chunk in _chunks(list(touched)):
        Quote.objects.filter(conversation_id__in=chunk, person_id__in=refused).delete()
        Assessment.objects.filter(conversation_id__in=chunk, person_id__in=refused).delete()

    themes, digests = set(), set()
    for chunk in _chunks(emptied):
        gone = ThemeAssignment.objects.filter(conversation_id__in=chunk)
        for theme_id, subtheme_id, digest in gone.values_list(
            "theme_id", "subtheme_id", "note_sha256"
        ):
            themes.update({theme_id, subtheme_id})
            digests.add(digest)
        gone.delete()
    # A vector no remaining note holds is the note's words in another form: it goes too.
    still_used = set(
        ThemeAssignment.objects.filter(note_sha256__in=digests).values_list(
            "note_sha256", flat=True
        )
    )
    NoteEmbedding.objects.filter(text_sha256__in=digests - still_used - {""}).delete()
    _recount(Theme, ThemeAssignment, themes - {None})


def _recount(Theme, ThemeAssignment, theme_ids) -> None:
    for theme in Theme.objects.filter(pk__in=theme_ids):
        size = ThemeAssignment.objects.filter(
            Q(theme_id=theme.pk) | Q(subtheme_id=theme.pk)
        ).count()
        if theme.size != size:
            theme.size = size
            theme.save(update_fields=["size"])


def _chunks(ids: list, size: int = 400):
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0001_initial"),
        ("conversations", "0002_participant_order"),
        ("leadership", "0002_signal_labels_as_on_the_form"),
        ("themes", "0003_run_unclear_cut"),
    ]

    operations = [migrations.RunPython(forget_withheld_notes, migrations.RunPython.noop)]
