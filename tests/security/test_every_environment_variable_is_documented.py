"""Every variable the settings and `heard run` read is explained in settings.py's docstring."""

import ast
import re
from pathlib import Path

HEARD = Path(__file__).resolve().parents[2] / "heard"


def variables_read(path: Path) -> set[str]:
    return set(re.findall(r"""os\.environ(?:\.get)?[\[(]["']([A-Z_]+)["']""", path.read_text()))


def test_each_variable_read_is_in_the_settings_docstring():
    docstring = ast.get_docstring(ast.parse((HEARD / "settings.py").read_text()))
    read = variables_read(HEARD / "settings.py") | variables_read(
        HEARD / "demo/management/commands/run.py"
    )

    assert {"HEARD_HTTPS", "HEARD_BEHIND_PROXY", "PORT"} <= read
    assert [name for name in sorted(read) if f"- {name}:" not in docstring] == []
