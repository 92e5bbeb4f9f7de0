"""`heard retheme CAMPAIGN_ID` runs a campaign's themes in the foreground and says what an
organizer will see; the fake embedder of conftest stands in for the model."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from heard.themes import embedding
from heard.themes.models import Theme, ThemeAssignment, ThemeRun


def retheme(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("retheme", *[str(a) for a in args], stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_json_prints_one_line_counted_from_the_database(campaign, listened):
    out, err = retheme(campaign.pk, "--json")

    assert out.count("\n") == 1
    result = json.loads(out)
    assert list(result) == ["notes", "themes", "largest_share", "unclear"]
    top = Theme.objects.filter(campaign=campaign, parent=None)
    assignments = ThemeAssignment.objects.filter(campaign=campaign)
    assert result["themes"] == top.count() == 3
    assert result["notes"] == assignments.count() == sum(len(c) for c in listened.values())
    largest = max(theme.size for theme in top)
    assert result["largest_share"] == round(largest / result["notes"], 3)
    assert isinstance(result["largest_share"], float)
    run = ThemeRun.objects.get(campaign=campaign)
    assert run.status == ThemeRun.Status.DONE
    assert result["unclear"] == run.unclear_count == assignments.filter(theme=None).count()
    assert err == ""  # not a terminal: no progress line


def test_the_summary_lists_each_theme_with_its_size_and_title(campaign, listened):
    out, _ = retheme(campaign.pk)

    assert out.startswith(f"{campaign.name}: 3 themes in {3 * len(listened['rent'])} notes")
    for theme in Theme.objects.filter(campaign=campaign, parent=None):
        assert f"{theme.size:>6,}  {theme.title}\n" in out


def test_an_organizers_name_for_a_theme_is_the_title_shown(campaign, listened):
    retheme(campaign.pk)
    theme = Theme.objects.filter(campaign=campaign, parent=None).first()
    Theme.objects.filter(pk=theme.pk).update(name="Rent keeps rising")

    out, _ = retheme(campaign.pk)

    assert "  Rent keeps rising\n" in out


def test_running_it_twice_with_nothing_new_keeps_every_theme_id(campaign, listened):
    retheme(campaign.pk, "--json")
    first = set(Theme.objects.filter(campaign=campaign).values_list("pk", flat=True))
    assignments = ThemeAssignment.objects.filter(campaign=campaign)
    where = set(assignments.values_list("conversation_id", "theme_id", "subtheme_id"))

    retheme(campaign.pk, "--json")

    assert set(Theme.objects.filter(campaign=campaign).values_list("pk", flat=True)) == first
    assert set(assignments.values_list("conversation_id", "theme_id", "subtheme_id")) == where
    assert ThemeRun.objects.filter(campaign=campaign).count() == 2


def test_an_unknown_campaign_is_refused_naming_the_campaigns_there_are(campaign):
    with pytest.raises(CommandError) as refused:
        retheme(campaign.pk + 1000)

    assert f"there is no campaign {campaign.pk + 1000}" in str(refused.value)
    assert f"{campaign.pk} {campaign.name}" in str(refused.value)
    assert not ThemeRun.objects.exists()


def test_progress_is_one_rewritten_line_on_a_terminal(campaign, listened):
    terminal = Terminal()
    call_command("retheme", str(campaign.pk), "--json", stdout=io.StringIO(), stderr=terminal)

    shown = terminal.getvalue()
    notes = sum(len(c) for c in listened.values())
    assert shown.startswith("\rUnderstanding the notes: ")
    assert shown.endswith(f"{notes}/{notes}\x1b[K\n")
    assert shown.count("\n") == 1


def test_a_failed_run_is_an_error_and_is_recorded_as_failed(campaign, listened, monkeypatch):
    def no_model():
        raise OSError("model file missing")

    monkeypatch.setattr(embedding, "base_embedder", no_model)
    with pytest.raises(CommandError, match="model file missing"):
        retheme(campaign.pk, "--json")

    assert ThemeRun.objects.get(campaign=campaign).status == ThemeRun.Status.FAILED


def test_the_command_and_its_arguments_explain_themselves():
    from heard.themes.management.commands.retheme import Command

    parser = Command().create_parser("heard", "retheme")
    assert len(Command.help.split()) > 8
    for action in parser._actions:
        if action.dest in ("campaign_id", "as_json"):
            assert action.help and len(action.help.split()) > 4
