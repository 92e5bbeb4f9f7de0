"""What the audit log hears: sign-ins and sign-outs from django.contrib.auth, and every row
created, changed or deleted in Heard's own apps.

A change is recorded with the NAMES of the fields that changed, never their values (see
models.py). Receivers are connected model by model (`connect_receivers`), not for every sender:
a `post_delete` receiver makes Django load each row before deleting it, and tables Heard does
not audit (sessions, the task queue, the embedding cache) keep their fast bulk deletes.

Not recorded, because they are the machine's churn, not anybody's act:

- `themes.NoteEmbedding`: the cache of note vectors, written by every theme run;
- changes to `themes.ThemeRun`: a run reports its progress every few hundred notes (its
  creation, with who asked for it, is recorded);
- anything the themes app writes with nobody acting (the worker's runs and sweeps rewrite
  themes and assignments on every new conversation); an organizer's curation is recorded;
- django-tasks rows, sessions, logins' `last_login`: not Heard's apps (a sign-in is recorded
  as such);
- `privacy.AuditEvent` itself.
"""

from __future__ import annotations

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models.signals import post_delete, post_save, pre_save

from . import audit
from .models import Action, AuditEvent

NEVER_RECORDED = {"themes.noteembedding", "privacy.auditevent"}
#: A login's last sign-in time changes at every sign-in, which is recorded as a sign-in.
FIELDS_NOT_RECORDED = {"last_login"}
CHANGES_NOT_RECORDED = {"themes.themerun"}
MACHINE_APPS = {"themes"}
#: Parents an organization is read from, for rows that do not name it themselves.
PARENTS = ("conversation", "person", "campaign", "event")


def audited_models() -> list[type[models.Model]]:
    """The models of Heard's own apps whose rows the log follows, and the logins themselves:
    an administrator adding a member, deactivating one or setting a password is a change too."""
    return [
        model
        for config in apps.get_app_configs()
        if config.name.startswith("heard.")
        for model in config.get_models()
        if audit.object_kind(model) not in NEVER_RECORDED
    ] + [get_user_model()]


def connect_receivers() -> None:
    for model in audited_models():
        uid = audit.object_kind(model)
        pre_save.connect(remember_changes, sender=model, dispatch_uid=f"audit_pre_{uid}")
        post_save.connect(record_save, sender=model, dispatch_uid=f"audit_save_{uid}")
        post_delete.connect(record_delete, sender=model, dispatch_uid=f"audit_delete_{uid}")
    user_logged_in.connect(record_sign_in, dispatch_uid="audit_sign_in")
    user_logged_out.connect(record_sign_out, dispatch_uid="audit_sign_out")
    user_login_failed.connect(record_failed_sign_in, dispatch_uid="audit_sign_in_failed")


# ---------------------------------------------------------------------------------------------
# Signing in and out


def record_sign_in(sender, request, user, **kwargs) -> None:
    audit.record(Action.SIGN_IN, user=user)


def record_sign_out(sender, request, user, **kwargs) -> None:
    if user is not None:
        audit.record(Action.SIGN_OUT, user=user)


def record_failed_sign_in(sender, credentials, request=None, **kwargs) -> None:
    from heard.accounts.models import Membership

    username = str(credentials.get("username") or "")
    member = (
        Membership.objects.select_related("user").filter(user__username=username).first()
        if username
        else None
    )
    if member is None:
        audit.record(Action.SIGN_IN_FAILED, actor_name=audit.UNKNOWN_USER)
    else:
        audit.record(
            Action.SIGN_IN_FAILED,
            user=member.user,
            organization_id=member.organization_id,
        )


# ---------------------------------------------------------------------------------------------
# Rows created, changed, deleted


def _skipped(model: type[models.Model], *, change: bool = False) -> bool:
    if audit.is_paused():
        return True
    kind = audit.object_kind(model)
    if change and kind in CHANGES_NOT_RECORDED:
        return True
    return model._meta.app_label in MACHINE_APPS and not audit.has_actor()


def _own_organization(instance: models.Model) -> int | None:
    from heard.accounts.models import Organization

    if isinstance(instance, Organization):
        return instance.pk
    return getattr(instance, "organization_id", None)


def organization_of(instance: models.Model) -> int | None:
    """The organization a row belongs to: its own, else its conversation's, person's, ..."""
    if (own := _own_organization(instance)) is not None:
        return own
    model = type(instance)
    for name in PARENTS:
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if not field.many_to_one or getattr(instance, field.attname) is None:
            continue
        if field.is_cached(instance):
            return organization_of(getattr(instance, name))
        return (
            field.related_model._base_manager.filter(pk=getattr(instance, field.attname))
            .values_list("organization_id", flat=True)
            .first()
        )
    return None


def person_of(instance: models.Model) -> int | None:
    """The neighbour a row is about, if it is about one."""
    from heard.people.models import Person

    if isinstance(instance, Person):
        return instance.pk
    return getattr(instance, "person_id", None)


def _record_row(action: str, instance: models.Model, detail: str = "") -> None:
    # The row's own organization when it names one; else the acting member's (known once per
    # request); else its parent's (one query).
    organization_id = _own_organization(instance)
    if organization_id is None:
        organization_id = audit.organization_of_user(audit.current_actor()[0])
    if organization_id is None:
        organization_id = organization_of(instance)
    audit.record(
        action,
        organization_id=organization_id,
        kind=audit.object_kind(type(instance)),
        object_id=instance.pk,
        person_id=person_of(instance),
        detail=detail,
    )


def _comparable(field: models.Field, value):
    if isinstance(value, memoryview):
        return bytes(value)
    try:
        return field.to_python(value)
    except Exception:  # a value the field cannot parse is simply compared as it is
        return value


def remember_changes(sender, instance, raw=False, update_fields=None, **kwargs) -> None:
    """Before an update, note which fields differ from the stored row (names only)."""
    if raw or instance._state.adding or instance.pk is None or _skipped(sender, change=True):
        return
    fields = [
        f
        for f in sender._meta.concrete_fields
        if not f.primary_key
        and not getattr(f, "auto_now", False)
        and f.name not in FIELDS_NOT_RECORDED
    ]
    if update_fields is not None:
        instance._audit_changed = [
            f.name for f in fields if f.name in update_fields or f.attname in update_fields
        ]
        return
    stored = (
        sender._base_manager.using(kwargs.get("using"))
        .filter(pk=instance.pk)
        .values(*[f.attname for f in fields])
        .first()
    )
    if stored is None:
        instance._audit_changed = None
        return
    instance._audit_changed = [
        f.name
        for f in fields
        if _comparable(f, stored[f.attname]) != _comparable(f, getattr(instance, f.attname))
    ]


def record_save(sender, instance, created, raw=False, **kwargs) -> None:
    if raw:
        return
    changed = instance.__dict__.pop("_audit_changed", None)
    if created:
        if not _skipped(sender):
            _record_row(Action.CREATED, instance)
    elif changed and not _skipped(sender, change=True):
        _record_row(Action.CHANGED, instance, detail="fields: " + ", ".join(changed))


def record_inserted(rows) -> None:
    """Rows written with `bulk_create`, which sends no post_save: recorded as that signal
    would record each (call it in the transaction that inserted them)."""
    for row in rows:
        record_save(type(row), row, created=True)


def record_delete(sender, instance, **kwargs) -> None:
    from heard.accounts.models import Organization

    if isinstance(instance, Organization):
        # Its rows' deletions were recorded under it a moment ago, and its own log goes with it
        # (a key to a deleted organization would fail at commit). The operator keeps one line.
        AuditEvent.objects.filter(organization_id=instance.pk).delete()
        if not audit.is_paused():
            audit.record(
                Action.DELETED,
                organization_id=None,
                kind=audit.object_kind(sender),
                object_id=instance.pk,
            )
        return
    if not _skipped(sender):
        _record_row(Action.DELETED, instance)
