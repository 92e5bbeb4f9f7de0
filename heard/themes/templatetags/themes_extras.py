"""Small number formats for the Themes page's bars and heatmap (pure CSS and inline SVG)."""

from django import template
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

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


# The heatmap has a cell per theme and neighbourhood and the month charts a bar per theme and
# month: thousands at 40 neighbourhoods. Each is written by one tag, not by a dozen template
# nodes (a `blocktranslate` per cell was two thirds of the Themes page's time).


@register.simple_tag
def heat_cell(cell) -> str:
    """One neighbourhood's cell of the heatmap: its share, ▲ where raised more, the count on
    hover; greyed where the neighbourhood has too few conversations to compare."""
    classes = " ".join(name for name, on in (("hot", cell.share >= 0.2), ("few", cell.few)) if on)
    title = ngettext("%(n)s conversation", "%(n)s conversations", cell.count) % {"n": cell.count}
    if cell.count:
        shown = format_html("{}%{}", percent(cell.share), " ▲" if cell.raised_more else "")
    else:
        shown = mark_safe('<span class="muted">–</span>')  # noqa: S308 - a constant
    return format_html(
        '<td style="--heat: {}" class="{}" title="{}">{}</td>',
        heat(cell.share),
        classes,
        title,
        shown,
    )


@register.simple_tag
def month_bars(bars) -> str:
    """A theme's month bars as SVG rectangles, each with its numbers on hover."""
    return format_html_join(
        "",
        '<rect{} x="{}" y="{}" width="{}" height="{}"><title>{}</title></rect>',
        (
            (
                mark_safe(' class="few"') if bar.few else "",  # noqa: S308 - a constant
                bar.x,
                bar.y,
                bar.width,
                bar.height,
                _("%(month)s: %(n)s (%(share)s%% of that month)")
                % {
                    "month": date_format(bar.month, "M Y"),
                    "n": bar.count,
                    "share": percent(bar.share),
                },
            )
            for bar in bars
        ),
    )
