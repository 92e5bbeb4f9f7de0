"""Views never query models directly: every organization-scoped read goes through an access
helper in `queries.py` (`people_for`, `get_conversation_for`, ...). Fetching a row any other way
is how one organization's data leaks into another's pages, and how a volunteer is told a count of
rows they may not see (a campaign page once said 449 conversations to a volunteer who may see 72).

Three ways around the helpers are guarded here: `Model.objects` in views (themes included) and in
forms' choice lists, and a related manager that crosses from a row every member sees (a
campaign, an event, a place, a person) to rows only some may see (`campaign.conversations`,
`event.signups`), in views and in templates. Each guard is shown failing on a planted example."""

import ast
import re
from pathlib import Path

import pytest
from django.apps import apps

import heard

HEARD = Path(heard.__file__).parent
# Every app's views, new apps included: the rule has no exceptions by app.
VIEWS = sorted(HEARD.glob("*/views*.py"))
FORMS = sorted(HEARD.glob("*/forms*.py"))
TEMPLATES = sorted(HEARD.glob("**/templates/**/*.html"))

# Rows every member of the organization may see, and rows a volunteer sees only some of.
OPEN_TO_ALL = [
    "accounts.Organization",
    "campaigns.Campaign",
    "campaigns.GuideQuestion",
    "campaigns.Event",
    "people.Place",
    "people.Household",
    "people.Person",  # a person on a volunteer's turf may have talked with someone else
]
NARROW = [
    "people.Person",
    "conversations.Conversation",
    "conversations.Participant",
    "conversations.Answer",
    "conversations.Quote",
    "campaigns.SignUp",
    "commitments.Commitment",
    "leadership.Assessment",
]
# A visible person's own sign-ups are exactly what `signups_for` gives for them.
ALLOWED = {("people.Person", "signups")}
# Rows whose every child is visible once the row is: `conversation.answers` is fine. A name
# shared with such a relation cannot be told apart by name alone, so it is left to the
# per-page count tests (tests/counts/).
SCOPED_OWNERS = ["conversations.Conversation"]


def _accessors(label: str) -> dict[str, str]:
    """Reverse relations (and many-to-many fields) of a model: accessor name → target model."""
    model = apps.get_model(label)
    found = {}
    for rel in model._meta.related_objects:
        name = rel.get_accessor_name()
        if name and not name.endswith("+"):
            found[name] = rel.related_model._meta.label
    for field in model._meta.many_to_many:
        found[field.name] = field.related_model._meta.label
    return found


def crossing_managers() -> set[str]:
    """The related managers that cross from a row every member sees to rows a volunteer sees
    only some of: `signups` (any owner's), or `person.commitments` when the same name is also a
    relation of a scoped owner (`conversation.commitments` is fine), told apart by the name of the
    variable that holds the row."""
    crossing = {
        (owner, name)
        for owner in OPEN_TO_ALL
        for name, target in _accessors(owner).items()
        if target in NARROW and (owner, name) not in ALLOWED
    }
    ambiguous = {name for owner in SCOPED_OWNERS for name in _accessors(owner)}
    return {
        f"{apps.get_model(owner)._meta.model_name}.{name}" if name in ambiguous else name
        for owner, name in crossing
    }


def objects_in(source: str, filename: str = "<planted>") -> list[int]:
    tree = ast.parse(source, filename=filename)
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and node.attr == "objects"
    ]


def choices_from_objects(source: str) -> list[int]:
    """`Model.objects` in a form, except `.none()`: the empty placeholder a form's __init__
    replaces with what an access helper returns."""
    tree = ast.parse(source)
    placeholders = {
        id(node.func.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "none"
        and isinstance(node.func.value, ast.Attribute)
        and node.func.value.attr == "objects"
    }
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and node.attr == "objects"
        and id(node) not in placeholders
    ]


# What a related manager is used through. A field of the same name on a plain object (a
# report row's `row.conversations`, a count) is left alone.
MANAGER_METHODS = {
    "all", "count", "exists", "filter", "exclude", "get", "first", "last", "values",
    "values_list", "aggregate", "annotate", "order_by", "select_related", "prefetch_related",
    "iterator", "in_bulk", "distinct", "only", "defer",
}  # fmt: skip
TEMPLATE_METHODS = "all|count|exists|first|last"
TAKE_A_MANAGER = {"get_object_or_404", "get_list_or_404", "Paginator", "len", "list"}


def _crosses(node, names: set[str]) -> bool:
    """`x.signups`, or `person.commitments` (the owner named as its model) when only that
    owner's relation crosses."""
    if not isinstance(node, ast.Attribute):
        return False
    owner = node.value
    owner_name = getattr(owner, "attr", None) or getattr(owner, "id", "")
    return node.attr in names or f"{owner_name}.{node.attr}" in names


def managers_in_python(source: str, names: set[str]) -> list[int]:
    """`campaign.conversations.count()`, or `event.signups` handed to get_object_or_404."""
    tree = ast.parse(source)
    used = []
    for parent in ast.walk(tree):
        if isinstance(parent, ast.Attribute) and parent.attr in MANAGER_METHODS:
            used.append(parent.value)
        elif isinstance(parent, ast.Call) and getattr(parent.func, "id", "") in TAKE_A_MANAGER:
            used.extend(parent.args)
    return sorted(node.lineno for node in used if _crosses(node, names))


def managers_in_template(text: str, names: set[str]) -> list[str]:
    plain = "|".join(sorted(n for n in names if "." not in n))
    owned = "|".join(sorted(re.escape(n) for n in names if "." in n))
    pattern = re.compile(
        r"(?:[\w.]*\w\.(?:" + plain + r")|(?<![\w])(?:[\w]+\.)*(?:" + owned + r"))"
        r"\.(?:" + TEMPLATE_METHODS + r")\b"
    )
    tags = re.findall(r"\{[{%].*?[%}]\}", text, flags=re.S)
    return [match.group(0) for tag in tags for match in pattern.finditer(tag)]


@pytest.mark.parametrize("path", VIEWS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_views_read_only_through_access_helpers(path):
    direct = objects_in(path.read_text(), str(path))
    assert direct == [], f"{path.name} lines {direct}: use an access helper from queries.py"


@pytest.mark.parametrize("path", FORMS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_forms_take_their_choices_from_access_helpers(path):
    direct = choices_from_objects(path.read_text())
    assert direct == [], (
        f"{path.name} lines {direct}: pass the choices in from an access helper "
        "(the form starts from Model.objects.none())"
    )


@pytest.mark.parametrize("path", VIEWS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_views_do_not_count_through_related_managers(path):
    found = managers_in_python(path.read_text(), crossing_managers())
    assert found == [], (
        f"{path.name} lines {found}: a related manager reaches rows the member may not see; "
        "filter an access helper instead (conversations_for(m).filter(campaign=...))"
    )


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: str(p.relative_to(HEARD)))
def test_templates_do_not_count_through_related_managers(path):
    found = managers_in_template(path.read_text(), crossing_managers())
    assert found == [], f"{path.name}: {found}: pass a count from an access helper instead"


def test_there_are_views_forms_and_templates_to_check():
    assert len(VIEWS) >= 5 and len(FORMS) >= 4 and len(TEMPLATES) >= 20
    assert any(p.parent.name == "themes" for p in VIEWS)
    assert {"conversations", "signups", "person.commitments"} <= crossing_managers()


# Each guard fails on what it guards against.


def test_the_views_guard_catches_model_objects():
    assert objects_in("def v(request):\n    return Conversation.objects.count()\n") == [2]


def test_the_forms_guard_catches_a_choice_list_from_model_objects():
    planted = (
        "class F(forms.Form):\n"
        "    person = IdChoiceField(queryset=Person.objects.none())\n"
        "    def __init__(self, *a, **k):\n"
        "        self.fields['person'].queryset = Person.objects.filter(organization=o)\n"
    )
    assert choices_from_objects(planted) == [4]


def test_the_related_manager_guard_catches_a_campaigns_conversations_in_a_view():
    planted = "def v(request):\n    return {'n': campaign.conversations.count()}\n"
    assert managers_in_python(planted, crossing_managers()) == [2]
    planted = "def v(request):\n    return get_object_or_404(event.signups, pk=1)\n"
    assert managers_in_python(planted, crossing_managers()) == [2]
    # A report row's field of the same name is not a relation.
    assert managers_in_python("n = _count(forgotten.conversations)\n", crossing_managers()) == []


def test_the_related_manager_guard_catches_an_events_signups_in_a_template():
    names = crossing_managers()
    assert managers_in_template("<h2>{{ event.signups.count }}</h2>", names) == [
        "event.signups.count"
    ]
    assert managers_in_template("{% for s in event.signups.all %}{{ s }}{% endfor %}", names) == [
        "event.signups.all"
    ]
    assert managers_in_template("{{ form.people.errors }} {{ row.conversations }}", names) == []


def test_a_persons_commitments_are_caught_though_a_conversations_are_not():
    # `commitments` is a relation of Person (crossing: the volunteer sees only some) and of
    # Conversation (fine once the conversation is visible): the owner's name tells them apart.
    names = crossing_managers()
    planted = "def v(request):\n    return person.assessments.filter(on=1)\n"
    assert managers_in_python(planted, names) == [2]
    assert managers_in_python("n = conversation.commitments.count()\n", names) == []
    assert managers_in_template("{{ person.commitments.count }}", names) == [
        "person.commitments.count"
    ]
    assert managers_in_template("{{ row.person.quotes.all }}", names) == ["row.person.quotes.all"]
    assert managers_in_template("{% for c in conversation.commitments.all %}", names) == []
