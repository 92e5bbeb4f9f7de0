"""Views never query models directly: every organization-scoped read goes through an access
helper in `queries.py` (`people_for`, `get_conversation_for`, ...). Fetching a row any other way
is how one organization's data leaks into another's pages."""

import ast
from pathlib import Path

import pytest

import heard

APPS = ["accounts", "people", "campaigns", "conversations", "commitments", "leadership"]
VIEWS = [
    path for app in APPS for path in sorted((Path(heard.__file__).parent / app).glob("views*.py"))
]


@pytest.mark.parametrize("path", VIEWS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_views_read_only_through_access_helpers(path):
    tree = ast.parse(path.read_text(), filename=str(path))
    direct = [
        f"{path.name}:{node.lineno}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and node.attr == "objects"
    ]
    assert direct == [], "use an access helper from queries.py instead of Model.objects"


def test_there_are_views_to_check():
    assert len(VIEWS) >= 4
