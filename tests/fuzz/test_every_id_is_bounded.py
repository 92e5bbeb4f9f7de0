"""Every id that reaches a query from outside is bounded first (heard/ids.py): URLs use the
`<id:…>` converter, and forms choose rows with IdChoiceField / IdMultipleChoiceField. SQLite
raises OverflowError on a number past 64 bits inside a query, so a plain `<int:pk>` or
ModelChoiceField is a 500 waiting for a pasted phone number."""

import importlib
import inspect
import pkgutil

from django import forms
from django.urls import URLPattern, URLResolver, get_resolver

import heard
from heard.ids import IdChoiceField, IdMultipleChoiceField


def patterns(resolver=None, prefix=""):
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            if "admin" in str(entry.pattern):
                continue  # Django's own admin site
            yield from patterns(entry, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern)


def form_classes():
    for module_info in pkgutil.walk_packages(heard.__path__, "heard."):
        if "migrations" in module_info.name or not module_info.name.endswith("forms"):
            continue
        module = importlib.import_module(module_info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, forms.BaseForm) and cls.__module__ == module.__name__:
                yield cls


def test_no_url_takes_an_unbounded_integer():
    unbounded = [p for p in patterns() if "<int:" in p]
    assert not unbounded, f"use <id:…> (heard/ids.py) in {unbounded}"


def test_url_ids_use_the_bounded_converter():
    assert any("<id:pk>" in p for p in patterns())


def test_every_form_chooses_rows_by_a_bounded_id():
    found, unbounded = 0, []
    for cls in form_classes():
        for name, field in cls.base_fields.items():
            if isinstance(field, forms.ModelChoiceField):
                found += 1
                if not isinstance(field, IdChoiceField | IdMultipleChoiceField):
                    unbounded.append(f"{cls.__module__}.{cls.__name__}.{name}")
    assert found, "no form with a model choice found: has the walk broken?"
    assert not unbounded, f"use IdChoiceField (heard/ids.py) for {unbounded}"
