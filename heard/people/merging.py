"""Merging two records of one person: every row that points at the duplicate moves to the one
kept, then the duplicate goes.

Rows point at a person from many apps (conversations, quotes, ties, commitments, consents,
leader signals, sign-ups, sides, small groups, plans), and more come. Each relation has a
rule in `RULES`, keyed "app_label.Model.field": `move` for a plain reference, `unique_per(...)`
where a row may exist once per person and something else (the kept person's row wins unless
`prefer` says otherwise), or a function of its own (ties, locks). A test walks
`Person._meta` and fails when a relation has no rule, so a new table that points at people
cannot be forgotten here; adding one is a line:

    "spaces.Regular.person": unique_per("space"),

The rules name models by label and look them up when run: people sits below the apps that
point at it and imports none of them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from heard.accounts.models import Membership
from heard.privacy import audit
from heard.privacy.models import Action, AuditEvent

from . import consent
from .models import Consent, MergedRecord, Person
from .services import forget_notes_of

#: A rule moves the duplicate's rows of one relation to the person kept (or removes those the
#: kept person already has) and says how many rows it touched.
Rule = Callable[[type[models.Model], str, Person, Person], int]


def move(model: type[models.Model], name: str, keep: Person, duplicate: Person) -> int:
    """A plain reference: point it at the person kept."""
    return model.objects.filter(**{name: duplicate}).update(**{name: keep})


def nothing(model: type[models.Model], name: str, keep: Person, duplicate: Person) -> int:
    """A relation whose rows another rule moves (a many-to-many through a model with a rule)."""
    return 0


def unique_per(*fields: str, prefer: Callable | None = None) -> Rule:
    """Rows that exist once per person and `fields`: where both have one, the kept person's
    stays (or the one `prefer(kept_row, duplicate_row)` returns), the other goes."""

    def rule(model: type[models.Model], name: str, keep: Person, duplicate: Person) -> int:
        touched = 0
        for row in model.objects.filter(**{name: duplicate}):
            columns = [model._meta.get_field(f).attname for f in fields]
            same = {column: getattr(row, column) for column in columns}
            kept = model.objects.filter(**{name: keep}, **same).first()
            if kept is not None and (prefer is None or prefer(kept, row) is kept):
                row.delete()
            else:
                if kept is not None:
                    kept.delete()
                setattr(row, name, keep)
                row.save(update_fields=[name])
            touched += 1
        return touched

    return rule


def further(field_name: str, order: list[str]) -> Callable:
    """`prefer` for `unique_per`: the row whose `field_name` is further along `order`."""

    def choose(kept, duplicate):
        ahead = order.index(getattr(duplicate, field_name)) > order.index(getattr(kept, field_name))
        return duplicate if ahead else kept

    return choose


def pairs(first: str, second: str, *per: str) -> Rule:
    """Rows that join two people (ties, small-group locks), unique per pair (and `per`), never
    a person with themself: a row joining the two merged goes, and so does one the person kept
    already has with the same other person, either way round."""

    def rule(model: type[models.Model], name: str, keep: Person, duplicate: Person) -> int:
        between = Q(**{first: keep, second: duplicate}) | Q(**{first: duplicate, second: keep})
        touched, _by_model = model.objects.filter(between).delete()
        for row in model.objects.filter(Q(**{first: duplicate}) | Q(**{second: duplicate})):
            mine = getattr(row, f"{first}_id") == duplicate.pk
            other = getattr(row, f"{second}_id") if mine else getattr(row, f"{first}_id")
            alike = {f: getattr(row, f) for f in per}
            already = model.objects.filter(
                Q(**{first: keep, f"{second}_id": other})
                | Q(**{first + "_id": other, second: keep}),
                **alike,
            ).exists()
            if already:
                row.delete()
            else:
                setattr(row, first if mine else second, keep)
                row.save()
            touched += 1
        return touched

    return rule


#: One rule per relation to Person, "app_label.Model.field" (see the module's docstring).
RULES: dict[str, Rule] = {
    "people.Relationship.person": pairs("person", "other", "kind"),
    "people.Relationship.other": pairs("person", "other", "kind"),
    "people.Consent.person": move,  # the history is kept whole; the newest answer is in force
    # Records merged into the duplicate before now lead to the person kept (a chain stays short).
    "people.MergedRecord.into": move,
    "campaigns.SignUp.person": unique_per(
        "event", prefer=further("status", ["signed_up", "no_show", "attended"])
    ),
    "campaigns.SignUp.brought_by": move,
    "conversations.Conversation.people": nothing,  # through Participant
    "conversations.Participant.person": unique_per("conversation"),
    "conversations.Quote.person": move,
    "commitments.Commitment.person": move,
    "leadership.Assessment.person": move,
    "common_ground.PersonSide.person": unique_per("divide"),
    "plans.PlanAction.owner_person": move,
    "smallgroups.CriticalFriend.person": unique_per("organization"),
    "smallgroups.SmallGroup.friend_person": move,
    "smallgroups.GroupSeat.person": unique_per("plan"),
    "smallgroups.Lock.person_a": pairs("person_a", "person_b", "plan"),
    "smallgroups.Lock.person_b": pairs("person_a", "person_b", "plan"),
    "spaces.Regular.person": unique_per("space"),  # one row per person and place
}

#: Details of the duplicate that fill the kept person's when theirs are blank.
FILLED = ("phone", "email", "place", "household")


def person_relations() -> Iterator[tuple[str, type[models.Model], str]]:
    """Every relation pointing at Person, hidden ones (related_name="+") included:
    ("app_label.Model.field", the model, the field's name)."""
    for rel in Person._meta.get_fields(include_hidden=True):
        if rel.is_relation and rel.auto_created and not rel.concrete:
            model = rel.related_model
            yield f"{model._meta.label}.{rel.field.name}", model, rel.field.name


def missing_rules(rules: dict[str, Rule] | None = None) -> list[str]:
    """The relations to Person that have no rule (the test fails on any)."""
    rules = RULES if rules is None else rules
    return [label for label, _model, _name in person_relations() if label not in rules]


@dataclass
class Merged:
    """What a merge did: the person kept, and how many rows of each relation it touched."""

    person: Person
    moved: dict[str, int] = field(default_factory=dict)
    filled: list[str] = field(default_factory=list)


def merge_people(*, by: Membership, keep: Person, duplicate: Person) -> Merged:
    """Merge `duplicate` into `keep` in one transaction: every conversation, quote, tie,
    commitment, consent, leader signal, sign-up, side and small-group place moves to the person
    kept (`RULES`), their blank phone, email, neighbourhood and household are filled from the
    duplicate's, the duplicate is deleted, and the audit log says who merged whom. A no to
    notes that becomes the answer in force removes what may not be kept, as when recorded."""
    if not by.is_staff_role:
        raise PermissionDenied("Only organizers and administrators merge people.")
    org = by.organization_id
    if keep.organization_id != org or duplicate.organization_id != org:
        raise PermissionDenied
    if keep.pk == duplicate.pk:
        raise ValidationError(_("Choose two different people to merge."))
    missing = missing_rules()
    if missing:  # the test catches it first; a merge must never cascade rows away unseen
        raise RuntimeError(f"No merge rule for {', '.join(missing)}")
    with transaction.atomic():
        keep = Person.objects.select_for_update().get(pk=keep.pk)
        duplicate = Person.objects.select_for_update().get(pk=duplicate.pk)
        merged = Merged(person=keep)
        for label, model, name in person_relations():
            touched = RULES[label](model, name, keep, duplicate)
            if touched:
                merged.moved[label] = merged.moved.get(label, 0) + touched
        for name in FILLED:
            if not getattr(keep, name) and getattr(duplicate, name):
                setattr(keep, name, getattr(duplicate, name))
                merged.filled.append(name)
        if merged.filled:
            keep.save(update_fields=merged.filled)
        # The log's rows about the duplicate are now about the person kept: erasing them later
        # must reach those too.
        AuditEvent.objects.filter(person_id=duplicate.pk).update(person_id=keep.pk)
        duplicate_id = duplicate.pk
        duplicate.delete()
        MergedRecord.objects.create(merged_id=duplicate_id, into=keep)
        audit.record(
            Action.CHANGED,
            user=by.user,
            kind=audit.object_kind(Person),
            object_id=keep.pk,
            person_id=keep.pk,
            detail=f"merged person #{duplicate_id} into this one",
        )
        if consent.refusing(Consent.Topic.RECORDS).filter(pk=keep.pk).exists():
            forget_notes_of([keep.pk])
    return merged
