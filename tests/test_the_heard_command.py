"""The `heard` command is documented: every command we add has help text a newcomer can read."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def heard(*args: str, env_dir: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "heard.cli", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={"HEARD_DATA_DIR": str(env_dir), "PATH": "/usr/bin:/bin"},
        cwd=ROOT,
    )


@pytest.mark.parametrize(
    "command", ["run", "load_demo", "demo-scale", "worker", "retheme", "messages"]
)
def test_each_heard_command_explains_itself(command, tmp_path):
    result = heard(command, "--help", env_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "usage:" in result.stdout
    # Our own commands say what they do, not only Django's generic options.
    if command in ("run", "load_demo", "demo-scale", "retheme", "messages"):
        description = result.stdout.split("positional arguments")[0].split("options:")[0]
        assert len(description.split()) > 8


def test_the_run_command_names_the_port_and_keeps_data(tmp_path):
    result = heard("run", "--help", env_dir=tmp_path)
    assert "PORT" in result.stdout
    assert "kept" in result.stdout


def test_the_readme_gives_exactly_the_two_make_commands_that_exist():
    readme = (ROOT / "README.md").read_text()
    makefile = (ROOT / "Makefile").read_text()
    for target in ("run", "test"):
        assert f"make {target}" in readme
        assert f"\n{target}:" in makefile
    assert "listen-first" in readme  # the demo password printed by `heard run`
