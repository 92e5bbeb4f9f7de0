from django import template

register = template.Library()


@register.filter
def scaled(value, scale) -> str:
    """A share as a CSS width on a bar whose full length is `scale` (the page's largest upper
    bound), so that small shares still differ visibly: 0.12 on a 0.4 scale -> "30.0"."""
    try:
        return f"{min(100.0, 100 * float(value) / float(scale)):.1f}"
    except (TypeError, ValueError, ZeroDivisionError):
        return "0"
