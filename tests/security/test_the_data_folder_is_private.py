"""The data folder is the running user's alone: 0700, the database and the secret key 0600, when
Heard makes them and again on every start."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def heard(*args: str, data: Path) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [sys.executable, "-m", "heard.cli", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HEARD_DATA_DIR": str(data),
            "DATABASE_URL": "",
        },
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    return result


def mode(path: Path) -> str:
    return oct(path.stat().st_mode & 0o777)


def test_a_new_data_folder_is_made_private(tmp_path):
    data = tmp_path / "data"

    heard("migrate", "--verbosity", "0", data=data)

    assert mode(data) == "0o700"
    assert mode(data / "heard.sqlite3") == "0o600"
    assert mode(data / "secret_key") == "0o600"
    # Everything Heard made in it, folders included, is closed to others.
    assert all(not p.stat().st_mode & 0o077 for p in data.rglob("*")), {
        p.name: mode(p) for p in data.rglob("*")
    }


def test_files_left_open_are_closed_again_on_the_next_start(tmp_path):
    data = tmp_path / "data"
    heard("migrate", "--verbosity", "0", data=data)
    data.chmod(0o755)
    for name in ("heard.sqlite3", "secret_key"):
        (data / name).chmod(0o644)
    (data / "heard.sqlite3-wal").touch(mode=0o644)
    (data / "heard.sqlite3-wal").chmod(0o644)

    heard("check", data=data)

    assert mode(data) == "0o700"
    for name in ("heard.sqlite3", "secret_key", "heard.sqlite3-wal"):
        assert mode(data / name) == "0o600", name
