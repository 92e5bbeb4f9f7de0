"""Small number formats for the Themes page's bars and heatmap (pure CSS and inline SVG)."""

from html import escape

from django import template
from django.utils.formats import date_format
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
# month: thousands at 40 neighbourhoods. A row of them is written by one tag in plain Python
# (a `blocktranslate` and two filters per cell were two thirds of the Themes page's time, and
# `format_html` per cell still a third of what was left). Every word from outside is escaped.


@register.simple_tag
def heat_cells(cells) -> str:
    """A theme's row of the heatmap: each neighbourhood's share, ▲ where raised more, the count
    on hover; greyed where the neighbourhood has too few conversations to compare."""
    titles: dict[int, str] = {}
    written = []
    for cell in cells:
        if cell.count not in titles:
            titles[cell.count] = escape(
                ngettext("%(n)s conversation", "%(n)s conversations", cell.count)
                % {"n": cell.count}
            )
        classes = " ".join(
            name for name, on in (("hot", cell.share >= 0.2), ("few", cell.few)) if on
        )
        if cell.count:
            shown = f"{percent(cell.share)}%{' ▲' if cell.raised_more else ''}"
        else:
            shown = '<span class="muted">–</span>'
        written.append(
            f'<td style="--heat: {heat(cell.share)}" class="{classes}" '
            f'title="{titles[cell.count]}">{shown}</td>'
        )
    return mark_safe("".join(written))  # noqa: S308 - numbers, constants and escaped words


@register.simple_tag
def month_bars(bars) -> str:
    """A theme's month bars as SVG rectangles, each with its numbers on hover."""
    written = []
    for bar in bars:
        title = escape(
            _("%(month)s: %(n)s (%(share)s%% of that month)")
            % {"month": date_format(bar.month, "M Y"), "n": bar.count, "share": percent(bar.share)}
        )
        few = ' class="few"' if bar.few else ""
        written.append(
            f'<rect{few} x="{bar.x}" y="{bar.y}" width="{bar.width}" height="{bar.height}">'
            f"<title>{title}</title></rect>"
        )
    return mark_safe("".join(written))  # noqa: S308 - numbers, constants and escaped words
