"""The audit log names every kind of record in the reader's language: a new model without a
name in KIND_NAMES would show its English class name to a Spanish-speaking administrator."""

from django.apps import apps
from spanish import compile_catalogues

from heard.privacy.audit import KIND_NAMES, kind_label


def test_every_heard_model_has_a_name_for_the_audit_log():
    kinds = {m._meta.label_lower for m in apps.get_models() if m.__module__.startswith("heard.")}

    assert kinds - set(KIND_NAMES) == set()


def test_the_names_follow_the_language():
    from django.utils import translation

    compile_catalogues()
    assert kind_label("people.person") == "Person"
    with translation.override("es"):
        assert kind_label("people.person") == "Persona"
        assert kind_label("smallgroups.smallgroupplan") == "Plan de grupos pequeños"
