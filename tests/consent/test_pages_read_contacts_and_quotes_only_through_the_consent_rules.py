"""A guard: templates and views never read a neighbour's phone, email or quotes directly.

Contact details reach a page only through the `contact` filter (`{% load consent %}`), which
asks `heard.people.consent`; quotes only through the lists the access helpers filtered
(`visible_quotes`, `shareable_quotes`, a theme summary's `quotes`). A new page that writes
`{{ person.phone }}` or loops over `conversation.quotes.all` would show what a neighbour asked
to keep back; this test names the file and line. Form fields (`form.email`, `f.phone`: where the
details are typed) and members' own logins (`user.email`) are not a neighbour's details. The
privacy pages show a person their own data: that is the exception the rules allow.
"""

import ast
import re
from pathlib import Path

import pytest

import heard

ROOT = Path(heard.__file__).parent
TEMPLATES = sorted(p for p in ROOT.glob("*/templates/**/*.html") if p.parts[-3] != "privacy")
TEMPLATES += sorted(ROOT.glob("templates/**/*.html"))
VIEW_APPS = ["accounts", "people", "conversations", "campaigns", "commitments", "leadership"]
VIEWS = sorted(p for app in VIEW_APPS for p in (ROOT / app).glob("views*.py"))
VIEWS += sorted((ROOT / "themes").glob("views*.py"))

RAW_CONTACT = re.compile(r"(?<![\w.])(?!(?:form|f|user)\.)[\w.]*\.(phone|email|contact)\b")
RAW_QUOTES = re.compile(r"\.quotes\.(all|filter|exclude)\b")


def template_problems(text: str) -> list[str]:
    problems = []
    for number, line in enumerate(text.splitlines(), start=1):
        for tag in re.findall(r"{[{%].*?[%}]}", line):
            for match in RAW_CONTACT.finditer(tag):
                if not match.group(0).endswith(("user.email",)):
                    problems.append(f"{number}: {match.group(0)}")
            problems += [f"{number}: {m.group(0)}" for m in RAW_QUOTES.finditer(tag)]
    return problems


def view_problems(source: str) -> list[str]:
    problems = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Attribute):
            continue
        owner = node.value
        owner_name = getattr(owner, "attr", None) or getattr(owner, "id", None)
        if node.attr in {"phone", "email", "contact"} and owner_name not in {"user", "form"}:
            problems.append(f"{node.lineno}: .{node.attr}")
        if node.attr in {"all", "filter", "exclude"} and owner_name == "quotes":
            problems.append(f"{node.lineno}: .quotes.{node.attr}")
    return problems


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: str(p.relative_to(ROOT)))
def test_templates_show_contacts_and_quotes_only_through_the_rules(path):
    assert template_problems(path.read_text()) == [], (
        "use {{ person|contact }} and the filtered quote lists"
    )


@pytest.mark.parametrize("path", VIEWS, ids=lambda p: str(p.relative_to(ROOT)))
def test_views_read_contacts_and_quotes_only_through_the_rules(path):
    assert view_problems(path.read_text()) == [], "use heard.people.consent and queries.py"


def test_the_guard_catches_what_it_is_meant_to_catch():
    assert template_problems("<p>{{ person.phone }}</p>") == ["1: person.phone"]
    assert template_problems("{% if s.person.email %}") == ["1: s.person.email"]
    assert template_problems("{{ p.contact }}") == ["1: p.contact"]
    assert template_problems("{% for q in conversation.quotes.all %}") == ["1: .quotes.all"]
    assert template_problems("{{ person|contact }} {{ member.user.email }}") == []
    assert template_problems('{% include "f.html" with field=f.phone %}') == []
    assert template_problems("phone: call them") == []  # words outside tags are fine
    assert view_problems("x = person.phone\ny = c.quotes.all()") == ["1: .phone", "2: .quotes.all"]
    assert view_problems("x = request.user.email\ny = form.email") == []


def test_there_are_templates_and_views_to_check():
    assert len(TEMPLATES) >= 15 and len(VIEWS) >= 5
