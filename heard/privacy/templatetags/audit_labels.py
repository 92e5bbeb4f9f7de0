"""How the audit log names a record for a reader: "Person #178", linked where a page shows it."""

from django import template
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _

from heard.privacy.audit import kind_label
from heard.privacy.models import Action

register = template.Library()

#: Records with a page of their own; a link to an erased one simply answers 404.
PAGES = {"people.person": "people:detail", "conversations.conversation": "conversations:detail"}


@register.simple_tag
def audit_record(event) -> str:
    if not event.object_kind:
        return ""
    text = _("%(kind)s #%(id)s") % {"kind": kind_label(event.object_kind), "id": event.object_id}
    if event.action in (Action.ERASED, Action.DELETED):
        return text  # nothing left to open
    try:
        url = reverse(PAGES[event.object_kind], args=[event.object_id])
    except (KeyError, NoReverseMatch):
        return text
    return format_html('<a href="{}">{}</a>', url, text)
