"""Small number formats for the Themes page's bars and heatmap (pure CSS and inline SVG)."""

from django import template

register = template.Library()


@register.filter
def percent(value) -> int:
    """0.284 -> 28 (for "28%" and CSS widths)."""
    try:
        return round(float(value) * 100)
    except (TypeError, ValueError):
        return 0


@register.filter
def heat(value) -> str:
    """A share (0..1) as the opacity of a heatmap cell; 40% or more is the darkest."""
    try:
        share = float(value)
    except (TypeError, ValueError):
        return "0"
    return f"{min(share / 0.4, 1.0) * 0.85:.2f}"
