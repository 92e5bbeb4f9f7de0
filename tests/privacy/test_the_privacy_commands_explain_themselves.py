"""`heard export-person` and `heard erase-person`, run as an operator would run them."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("command", ["export-person", "erase-person"])
def test_each_command_says_what_it_does(command, tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "heard.cli", command, "--help"],
        capture_output=True,
        text=True,
        timeout=120,
        env={"HEARD_DATA_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"},
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    description = result.stdout.split("positional arguments")[0]
    assert "audit log" in description
    assert "PERSON_ID" in result.stdout.upper()
