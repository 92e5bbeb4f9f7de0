"""Contact details in templates, only through the consent rules: `{{ person|contact }}` is
empty for someone who asked not to be contacted, and `{% if person|not_to_be_contacted %}`
lets a page say so. Templates never read `.phone` or `.email` themselves."""

from django import template

from heard.people import consent

register = template.Library()


@register.filter
def contact(person) -> str:
    return consent.contact_shown(person)


@register.filter
def not_to_be_contacted(person) -> bool:
    return consent.not_to_be_contacted(person)
