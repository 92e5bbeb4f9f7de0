"""Every row that belongs to an organization, to compare before and after: its own rows, rows
that point at one of them (a new Event of A pointing at B's campaign is B's business too), and
its members' logins."""

from __future__ import annotations

from django.apps import apps
from django.contrib.auth import get_user_model

#: The apps whose rows are compared: all of Heard's, Django's auth (logins, groups) and the
#: installed apps that keep rows about logins (two-factor devices, the task queue).
APP_LABELS_OUTSIDE_HEARD = {"auth", "otp_totp", "django_tasks_database"}


def compared_models() -> list:
    return [
        model
        for model in apps.get_models(include_auto_created=True)
        if model.__module__.startswith("heard.")
        or model._meta.app_label in APP_LABELS_OUTSIDE_HEARD
        or (model._meta.auto_created and model._meta.auto_created.__module__.startswith("heard."))
    ]


def dump() -> dict[tuple[str, object], dict]:
    """(model label, pk) -> the row's column values, for every compared model."""
    rows = {}
    for model in compared_models():
        for row in model.objects.order_by().values():
            rows[(model._meta.label_lower, row[model._meta.pk.attname])] = row
    return rows


def rows_of(organization, seeds=()) -> dict[tuple[str, object], dict]:
    """The rows belonging to `organization` (plus `seeds`, its installation-wide rows)."""
    rows = dump()
    links = _links()
    users = get_user_model()._meta.label_lower
    owned = {("accounts.organization", organization.pk)}
    owned |= {(instance._meta.label_lower, instance.pk) for instance in seeds}
    while True:
        grown = set(owned)
        for key, row in rows.items():
            if key in grown:
                continue
            for attname, target in links.get(key[0], ()):
                if (target, row[attname]) in owned:
                    grown.add(key)
                    break
        # A membership's login is the organization's too (the link points the other way).
        for key in list(grown):
            if key[0] == "accounts.membership" and key in rows:
                grown.add((users, rows[key]["user_id"]))
        if grown == owned:
            return {key: rows[key] for key in owned if key in rows}
        owned = grown


def _links() -> dict[str, list[tuple[str, str]]]:
    links = {}
    for model in compared_models():
        links[model._meta.label_lower] = [
            (field.attname, field.related_model._meta.label_lower)
            for field in model._meta.concrete_fields
            if field.is_relation and field.related_model is not None
        ]
    return links
