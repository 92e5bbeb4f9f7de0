"""What an erasure removes, what it keeps, and what it cleans up after itself."""

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from factories import PersonFactory

from heard.conversations.models import Answer, Conversation, Participant, Quote
from heard.people.models import Household, Person, Relationship
from heard.privacy.audit import acting_as
from heard.privacy.models import Action, AuditEvent
from heard.privacy.services import RENAMING_LABEL, erase_person
from heard.themes.models import NoteEmbedding, ThemeAssignment, ThemeRun


def test_her_one_to_one_conversation_goes_whole(zephyrine, ada):
    erase_person(by=ada, person=zephyrine.person)
    assert not Conversation.objects.filter(pk=zephyrine.alone.pk).exists()
    assert not Answer.objects.filter(pk__in=[zephyrine.answer.pk, zephyrine.why.pk]).exists()
    assert not Person.objects.filter(pk=zephyrine.person.pk).exists()


def test_the_group_conversation_keeps_the_others_and_their_words(zephyrine, ada, ours):
    erase_person(by=ada, person=zephyrine.person)
    group = Conversation.objects.get(pk=zephyrine.group.pk)
    assert [p.person_id for p in Participant.objects.filter(conversation=group)] == [ours.sam.pk]
    assert list(Quote.objects.filter(conversation=group)) == [zephyrine.sam_quote]
    assert Answer.objects.filter(pk=zephyrine.group_answer.pk).exists()
    assert not group.assessments.exists()  # her leader signals seen there are gone


def test_her_ties_in_both_directions_go_but_the_others_stay(zephyrine, ada, ours):
    erase_person(by=ada, person=zephyrine.person)
    assert not Relationship.objects.filter(organization=ours.org).exists()
    assert Person.objects.filter(pk__in=[ours.rosa.pk, ours.sam.pk]).count() == 2


def test_her_household_goes_when_no_one_else_lives_there(zephyrine, ada):
    erase_person(by=ada, person=zephyrine.person)
    assert not Household.objects.filter(pk=zephyrine.household.pk).exists()


def test_a_household_others_live_in_stays(zephyrine, ada, ours):
    PersonFactory(organization=ours.org, household=zephyrine.household, name="Her brother")
    erase_person(by=ada, person=zephyrine.person)
    assert Household.objects.filter(pk=zephyrine.household.pk).exists()


def test_the_vector_of_her_note_goes_and_the_group_note_stays(zephyrine, ada):
    erase_person(by=ada, person=zephyrine.person)
    held = set(NoteEmbedding.objects.values_list("text_sha256", flat=True))
    assert zephyrine.alone_note not in held
    assert zephyrine.group_note in held


def test_the_theme_loses_her_highlights_size_label_and_phrases(zephyrine, ada):
    erase_person(by=ada, person=zephyrine.person)
    theme = zephyrine.theme
    theme.refresh_from_db()
    assert theme.highlights["quotes"] == [zephyrine.sam_quote.pk]
    assert theme.highlights["why"] == []
    assert theme.size == 1
    assert theme.label == RENAMING_LABEL
    assert theme.keywords == []  # "stairwell" too was hers alone
    assert theme.why_phrases == []
    assert ThemeAssignment.objects.filter(theme=theme).count() == 1


def test_a_label_the_others_also_said_is_kept(zephyrine, ada):
    theme = zephyrine.theme
    theme.label = "the repairs done"  # in the group's answer, which stays
    theme.save()
    erase_person(by=ada, person=zephyrine.person)
    theme.refresh_from_db()
    assert theme.label == "the repairs done"


def test_themes_are_worked_out_again_after_commit(
    zephyrine, ada, ours, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        erasure = erase_person(by=ada, person=zephyrine.person)
    assert erasure.campaign_ids == erasure.rethemed_campaign_ids == [ours.campaign.pk]
    assert ThemeRun.objects.filter(campaign=ours.campaign, status="queued").count() == 1


def test_a_campaign_never_themed_is_not_queued(
    zephyrine, ada, ours, django_capture_on_commit_callbacks
):
    zephyrine.theme.delete()
    with django_capture_on_commit_callbacks(execute=True):
        erasure = erase_person(by=ada, person=zephyrine.person)
    assert erasure.rethemed_campaign_ids == []
    assert not ThemeRun.objects.exists()


def test_on_sqlite_freed_pages_are_overwritten(zephyrine, ada):
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("a SQLite setting")
    with connection.cursor() as cursor:
        # Some builds (Debian's) have it on by default; others do not.
        cursor.execute("PRAGMA secure_delete=OFF")
        erase_person(by=ada, person=zephyrine.person)
        assert cursor.execute("PRAGMA secure_delete").fetchone() == (1,)


def test_the_admins_log_forgets_her_and_her_rows(zephyrine, ada):
    person = zephyrine.person
    for obj, text in ((person, person.name), (zephyrine.quote, zephyrine.quote.text[:40])):
        LogEntry.objects.create(
            user=ada.user,
            content_type=ContentType.objects.get_for_model(obj),
            object_id=str(obj.pk),
            object_repr=text,
            action_flag=CHANGE,
        )
    erase_person(by=ada, person=person)
    assert not LogEntry.objects.exists()


def test_the_audit_log_keeps_one_line_about_her(zephyrine, ada, may, may_client):
    person = zephyrine.person
    may_client.get(reverse("people:detail", args=[person.pk]))
    with acting_as(may.user):
        person.phone = "555-0000"
        person.save()
    about_her = AuditEvent.objects.filter(person_id=person.pk)
    assert about_her.filter(action=Action.VIEWED).exists()
    assert about_her.filter(action=Action.CHANGED).exists()
    unrelated = AuditEvent.objects.create(organization=ada.organization, action=Action.SIGN_IN)

    erase_person(by=ada, person=person)

    assert not AuditEvent.objects.filter(person_id=person.pk).exists()
    [line] = AuditEvent.objects.filter(object_kind="people.person", object_id=str(person.pk))
    assert line.action == Action.ERASED
    assert line.actor_name == "ada"
    assert line.organization == ada.organization
    assert line.detail == f"person #{person.pk} erased by ada"
    assert AuditEvent.objects.filter(pk=unrelated.pk).exists()

    # The rows erased with her leave no line either (their creation was logged), and the
    # erasure was not logged row by row; the others' rows keep theirs.
    def lines_about(row):
        kind = row._meta.label_lower
        return AuditEvent.objects.filter(object_kind=kind, object_id=str(row.pk))

    assert not lines_about(zephyrine.quote).exists()
    assert not lines_about(zephyrine.alone).exists()
    assert lines_about(zephyrine.sam_quote).count() == 1
    deleted = AuditEvent.objects.filter(organization=ada.organization, action=Action.DELETED)
    assert not deleted.exists()


@pytest.mark.parametrize("who", ["may", "lee", "olive"])
def test_only_her_organizations_administrator_may_erase_her(zephyrine, who, request):
    with pytest.raises(PermissionDenied):
        erase_person(by=request.getfixturevalue(who), person=zephyrine.person)
    assert Person.objects.filter(pk=zephyrine.person.pk).exists()


def test_a_group_note_made_of_quotes_is_embedded_again_without_her_words(zephyrine, ada, ours):
    from factories import ConversationFactory, QuoteFactory

    from heard.analysis.cache import text_sha256

    talk = ConversationFactory(campaign=ours.campaign, people=[zephyrine.person, ours.sam])
    QuoteFactory(conversation=talk, person=zephyrine.person, text="her words alone")
    QuoteFactory(conversation=talk, person=ours.sam, text="his words")
    # A conversation without answers is grouped by its quotes (heard/themes/notes.py).
    before = text_sha256("her words alone\nhis words")
    ThemeAssignment.objects.create(
        conversation=talk, campaign=ours.campaign, theme=zephyrine.theme, note_sha256=before
    )
    NoteEmbedding.objects.create(model_id="fake", text_sha256=before, vector=b"\0" * 16)

    erase_person(by=ada, person=zephyrine.person)

    assert not NoteEmbedding.objects.filter(text_sha256=before).exists()
    assignment = ThemeAssignment.objects.get(conversation=talk)
    assert assignment.note_sha256 == text_sha256("his words")
