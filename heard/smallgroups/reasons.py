"""Why a group was made, in words: "all raised Bus cuts; 3 neighbourhoods; 2 Renter, 2 Owner;
critical friend: Ana". Pure: it takes names, not rows."""

from __future__ import annotations

from collections import Counter

from django.utils.translation import gettext as _

# an attribute showing more values than this is counted ("4 neighbourhoods"), not listed
LISTED_AT_MOST = 3


def no_friend_yet() -> str:
    return _("no critical friend yet")


def group_reason(
    concern: str,
    values: dict[str, Counter],
    friend: str | None,
    plural: dict[str, tuple[str, str]],
) -> str:
    """`values`: attribute → how many members hold each value (its label); `plural`: what to
    call one and several values of a counted attribute ("neighbourhood", "neighbourhoods")."""
    parts = [_("all raised %(concern)s") % {"concern": concern}]
    for attribute, counts in values.items():
        if not counts:
            continue
        if len(counts) > LISTED_AT_MOST or attribute in plural:
            one, many = plural.get(attribute, (attribute.lower(), attribute.lower()))
            parts.append(f"{len(counts)} {one if len(counts) == 1 else many}")
        else:
            listed = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
            parts.append(", ".join(f"{n} {label}" for label, n in listed))
    parts.append(_("critical friend: %(name)s") % {"name": friend} if friend else no_friend_yet())
    return "; ".join(parts)
