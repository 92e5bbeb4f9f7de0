"""`heard run`'s processes fork from a parent that has imported every view and frozen what it
holds, so the garbage collector of each never walks Django and Heard themselves (heard/serving.py:
full collections of 135-550 ms under load before)."""

import os
import subprocess
import sys

CHECK = """
import gc, sys
import django
django.setup()
from heard.serving import ready_to_fork
assert "heard.conversations.views" not in sys.modules
ready_to_fork()
print(gc.get_freeze_count(), "heard.conversations.views" in sys.modules, len(gc.get_objects()))
"""


def test_the_parent_imports_every_view_and_freezes_what_it_holds():
    # Its own interpreter: freezing this one would change every test after it.
    out = subprocess.run(
        [sys.executable, "-c", CHECK],
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "heard.settings"},
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout.split()
    frozen, views_imported, still_walked = int(out[0]), out[1] == "True", int(out[2])
    assert views_imported
    assert frozen > 50_000
    assert still_walked < frozen / 10
