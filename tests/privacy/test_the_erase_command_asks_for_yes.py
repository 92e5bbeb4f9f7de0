"""`heard erase-person`: without --yes it only counts what would go, and exits non-zero."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from heard.people.models import Person
from heard.privacy.models import Action, AuditEvent

from .conftest import MARKERS


def test_without_yes_it_counts_and_erases_nothing(zephyrine):
    out = io.StringIO()
    with pytest.raises(CommandError, match="--yes"):
        call_command("erase-person", str(zephyrine.person.pk), stdout=out)
    text = out.getvalue()
    assert "1  conversations with them alone" in text
    assert "2  ties with other people" in text
    assert "household: erased" in text
    assert MARKERS["name"] not in text  # counts only
    assert Person.objects.filter(pk=zephyrine.person.pk).exists()
    assert not AuditEvent.objects.filter(action=Action.ERASED).exists()


def test_with_yes_it_erases_and_the_log_names_the_command_line(zephyrine):
    out = io.StringIO()
    call_command("erase-person", str(zephyrine.person.pk), "--yes", stdout=out)
    assert not Person.objects.filter(pk=zephyrine.person.pk).exists()
    assert f"Erased person #{zephyrine.person.pk}" in out.getvalue()
    event = AuditEvent.objects.get(action=Action.ERASED)
    assert (event.actor, event.actor_name) == (None, "command line")
    assert event.detail == f"person #{zephyrine.person.pk} erased by command line"


def test_an_id_that_is_no_one_is_refused(db):
    with pytest.raises(CommandError, match="No person"):
        call_command("erase-person", "12345678901234567890", "--yes")
