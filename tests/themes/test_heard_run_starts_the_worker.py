"""`heard run` (the demo's one command) starts the worker beside the web server."""

import subprocess

from themes_factories import PER_TOPIC

from heard.demo.management.commands.run import Command


def test_heard_run_starts_heard_worker_for_the_database_queue(settings, monkeypatch):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    started = []
    monkeypatch.setattr(subprocess, "Popen", lambda args, **kw: started.append(args) or "worker")

    assert Command()._start_worker() == "worker"

    [args] = started
    assert args[1:4] == ["-m", "heard.cli", "worker"]
    assert "--no-reload" in args


def test_no_worker_is_needed_when_tasks_run_in_the_web_process(settings, monkeypatch):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    monkeypatch.setattr(subprocess, "Popen", lambda *a, **kw: (_ for _ in ()).throw(AssertionError))

    assert Command()._start_worker() is None


def test_the_demo_campaigns_are_themed_on_first_start(campaign, listened, capsys):
    Command()._theme_demo()

    assert campaign.themes.filter(parent=None).count() == 3
    assert f"3 themes in {3 * PER_TOPIC} notes" in capsys.readouterr().out
