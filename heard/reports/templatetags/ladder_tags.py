from django import template

register = template.Library()


@register.filter
def bar_width(row, count) -> int:
    """A rung's width in a funnel bar: percent of the row's conversations asked."""
    return row.bar(count)
