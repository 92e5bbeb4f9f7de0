"""`HEARD_HTTPS=1` turns on everything Django's deployment check asks for."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def heard(*args: str, data: Path, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "heard.cli", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HEARD_DATA_DIR": str(data), **env},
        cwd=ROOT,
    )


def deploy_env(**extra: str) -> dict[str, str]:
    return {
        "HEARD_DEBUG": "0",
        "HEARD_SECRET_KEY": secrets.token_urlsafe(60),
        "HEARD_ALLOWED_HOSTS": "example.org",
        "DATABASE_URL": "",
        **extra,
    }


def test_with_https_the_deployment_check_finds_no_issues(tmp_path):
    result = heard(
        "check", "--deploy", "--fail-level", "WARNING", data=tmp_path, **deploy_env(HEARD_HTTPS="1")
    )

    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout
    assert "WARNINGS" not in result.stderr


def test_without_it_the_check_names_what_https_would_set(tmp_path):
    result = heard("check", "--deploy", data=tmp_path, **deploy_env())

    for warning in ("security.W004", "security.W008", "security.W012", "security.W016"):
        assert warning in result.stderr


def setting(name: str, data: Path, **env: str) -> str:
    result = heard(
        "shell", "-c", f"from django.conf import settings; print(settings.{name})", data=data, **env
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_behind_a_proxy_the_forwarded_scheme_is_trusted_and_not_otherwise(tmp_path):
    assert setting("SECURE_PROXY_SSL_HEADER", tmp_path, HEARD_BEHIND_PROXY="1") == (
        "('HTTP_X_FORWARDED_PROTO', 'https')"
    )
    assert setting("SECURE_PROXY_SSL_HEADER", tmp_path) == "None"
