"""The plan on paper: a PDF drawn with ReportLab and an editable Word file made with
python-docx, both from the same `PlanPage` the reader sees on screen (so they name only the
people, and hold only the quotes, the reader may see).

ReportLab rather than WeasyPrint: it is a pure-Python wheel, so a fresh machine's `make run`
installs nothing from the system (WeasyPrint needs Pango). The PDF uses ReportLab's built-in
Helvetica, which covers English and Spanish (accents, ñ, ¿, curly quotes)."""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from django.utils.formats import date_format, number_format
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from .queries import PlanPage, ThemeInPlan

INK = "#1f2933"
MUTED = "#5f6b7a"
ACCENT = "#2f6f4f"
LIGHT = "#dfe9e3"


def filename(page: PlanPage, extension: str) -> str:
    name = slugify(f"{page.campaign.name} plan {page.made_on:%Y-%m-%d}")[:80] or "plan"
    return f"{name}.{extension}"


def _facts(theme: ThemeInPlan) -> str:
    n = theme.conversations
    parts = [ngettext("%(count)d conversation", "%(count)d conversations", n) % {"count": n}]
    n = theme.raised_count
    parts.append(
        ngettext("%(count)d person raised it", "%(count)d people raised it", n) % {"count": n}
    )
    n = theme.said_yes_count
    parts.append(
        ngettext("%(count)d said yes to a next step", "%(count)d said yes to a next step", n)
        % {"count": n}
    )
    return " · ".join(parts)


def _names(names: list[str], more: int) -> str:
    text = ", ".join(names)
    if more:
        if names:
            text = ngettext(
                "%(names)s and %(count)d more", "%(names)s and %(count)d more", more
            ) % {"names": text, "count": more}
        else:
            text = ngettext("%(count)d person", "%(count)d people", more) % {"count": more}
    return text


def _progress(theme_or_page) -> str:
    p = theme_or_page.progress
    if not p.total:
        return _("No actions yet.")
    return _(
        "%(done)d of %(total)d actions done (%(percent)s%%) · "
        "%(hours_done)s of %(hours_total)s hours"
    ) % {
        "done": p.done,
        "total": p.total,
        "percent": p.percent,
        "hours_done": _hours(p.hours_done),
        "hours_total": _hours(p.hours_total),
    }


def _campaign_line(page: PlanPage) -> str:
    return _("Campaign: %(campaign)s · %(day)s") % {
        "campaign": page.campaign.name,
        "day": _long_date(page.made_on),
    }


def _long_date(day) -> str:
    """2 December 2026; 2 de diciembre de 2026."""
    return date_format(day, pgettext("long date format", "j F Y"))


def _recurring(theme: ThemeInPlan) -> str:
    return _("Recurring: %(words)s") % {"words": ", ".join(theme.hope_words)}


def _action_headers() -> tuple[str, ...]:
    return (_("Action"), _("Owner"), _("Hours"), _("By"), _("Status"))


def _links(row) -> str:
    """The promise and event an action follows up, each on its own line."""
    text = ""
    if row.commitment:
        text += "\n" + _("Promise: %(commitment)s") % {"commitment": row.commitment}
    if row.event:
        text += "\n" + _("Event: %(event)s") % {"event": row.event}
    return text


def _due(action) -> str:
    return date_format(action.due_on, "j M Y") if action.due_on else ""


def _hours(value) -> str:
    """3 rather than 3.0; 2.5 as it is."""
    if value is None:
        return ""
    text = f"{value:f}"
    text = text.rstrip("0").rstrip(".") if "." in text else text
    return number_format(text) if "." in text else text  # 2,5 in Spanish


# ---------------------------------------------------------------------------------------------
# PDF


def plan_pdf(page: PlanPage) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_LEFT
    from reportlab.lib.pagesizes import LETTER
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
    from reportlab.lib.units import inch
    from reportlab.platypus import (
        KeepTogether,
        Paragraph,
        SimpleDocTemplate,
        Spacer,
        Table,
        TableStyle,
    )

    styles = getSampleStyleSheet()
    body = ParagraphStyle("body", parent=styles["BodyText"], fontSize=11, leading=15, textColor=INK)
    small = ParagraphStyle("small", parent=body, fontSize=9.5, leading=12, textColor=MUTED)
    quote = ParagraphStyle(
        "quote", parent=body, fontName="Helvetica-Oblique", leftIndent=14, spaceAfter=4
    )
    h1 = ParagraphStyle("h1", parent=styles["Title"], alignment=TA_LEFT, fontSize=22, leading=26)
    h2 = ParagraphStyle(
        "h2", parent=styles["Heading2"], fontSize=15, leading=19, textColor=ACCENT, spaceBefore=14
    )
    h3 = ParagraphStyle("h3", parent=styles["Heading4"], fontSize=11, leading=14, spaceBefore=6)
    cell = ParagraphStyle("cell", parent=body, fontSize=9.5, leading=12)
    bullet = ParagraphStyle("bullet", parent=body, spaceBefore=0, spaceAfter=2, leftIndent=10)

    def p(text: str, style=body) -> Paragraph:
        return Paragraph(escape(text).replace("\n", "<br/>"), style)

    title = page.title
    story = [
        p(page.organization, small),
        p(title, h1),
        p(_campaign_line(page), small),
        Spacer(1, 8),
    ]
    if not page.themes:
        story.append(p(_("The meeting has not chosen themes for this plan yet.")))
    else:
        story.append(p(_("Progress so far: %(progress)s") % {"progress": _progress(page)}, body))
        story.append(Spacer(1, 6))
        story.append(_charts_pdf(page))
    width = LETTER[0] - 2 * 0.8 * inch
    for number, theme in enumerate(page.themes, start=1):
        pt = theme.plan_theme
        story.append(KeepTogether([p(f"{number}. {theme.title}", h2), p(_facts(theme), small)]))
        if pt.challenge:
            story.append(KeepTogether([p(_("The challenge"), h3), p(pt.challenge)]))
        if theme.quotes:
            story.append(p(_("In their words"), h3))
            story += [p(f"“{q.text}”", quote) for q in theme.quotes]
        if pt.opportunity or theme.hopes or theme.hope_words:
            story.append(p(_("Opportunities and hopes"), h3))
            if pt.opportunity:
                story.append(p(pt.opportunity))
            story += [p(f"• {h}", bullet) for h in theme.hopes]
            if theme.hope_words:
                story.append(p(_recurring(theme), small))
        # A heading is kept on the page with what it introduces.
        if theme.raised_count:
            story.append(
                KeepTogether(
                    [p(_("Who raised it"), h3), p(_names(theme.raised_by, theme.raised_more))]
                )
            )
        if theme.said_yes_count:
            story.append(
                KeepTogether(
                    [
                        p(_("Said yes to a next step"), h3),
                        p(_names(theme.said_yes, theme.said_yes_more)),
                    ]
                )
            )
        actions = p(_("Actions"), h3)
        if theme.actions:
            rows = [[p(h, cell) for h in _action_headers()]]
            for row in theme.actions:
                a = row.action
                what = a.what
                what += _links(row)
                rows.append(
                    [
                        p(what, cell),
                        p(row.owner or "—", cell),
                        p(_hours(a.hours), cell),
                        p(_due(a), cell),
                        p(a.get_status_display(), cell),
                    ]
                )
            table = Table(
                rows,
                colWidths=[width * f for f in (0.44, 0.2, 0.09, 0.14, 0.13)],
                repeatRows=1,
            )
            table.setStyle(
                TableStyle(
                    [
                        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(LIGHT)),
                        ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.HexColor("#b8c2cc")),
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("TOPPADDING", (0, 0), (-1, -1), 3),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                    ]
                )
            )
            # The heading stays with the table's first rows (its header repeats on a new page).
            story += [KeepTogether([actions, table]), Spacer(1, 4), p(_progress(theme), small)]
        else:
            story.append(KeepTogether([actions, p(_("No actions yet."), small)]))

    def footer(canvas, doc):
        canvas.saveState()
        canvas.setFont("Helvetica", 8.5)
        canvas.setFillColor(colors.HexColor(MUTED))
        canvas.drawString(
            0.8 * inch,
            0.5 * inch,
            f"{page.organization} · {page.campaign.name} · {_long_date(page.made_on)}"[:110],
        )
        canvas.drawRightString(
            LETTER[0] - 0.8 * inch, 0.5 * inch, _("Page %(number)d") % {"number": doc.page}
        )
        canvas.restoreState()

    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=LETTER,
        leftMargin=0.8 * inch,
        rightMargin=0.8 * inch,
        topMargin=0.7 * inch,
        bottomMargin=0.8 * inch,
        title=title,
        author=page.organization,
        subject=_("Action plan: %(campaign)s") % {"campaign": page.campaign.name},
    )
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return out.getvalue()


def _charts_pdf(page: PlanPage):
    """Two bars per chosen theme, drawn as vectors (sharp on paper): how many conversations
    raised it, and how many of its actions are done of those planned."""
    from reportlab.graphics.shapes import Drawing, Rect, String
    from reportlab.lib import colors

    label_w, bar_w, row_h = 170, 120, 20
    gap = 40
    height = 24 + row_h * len(page.themes)
    d = Drawing(label_w + 2 * bar_w + gap + 30, height)
    top = height - 12
    d.add(String(label_w, top, _("Conversations"), fontName="Helvetica-Bold", fontSize=9))
    d.add(
        String(label_w + bar_w + gap, top, _("Actions done"), fontName="Helvetica-Bold", fontSize=9)
    )
    most = max((t.conversations for t in page.themes), default=0) or 1
    for i, theme in enumerate(page.themes):
        y = top - 18 - i * row_h
        title = theme.title if len(theme.title) <= 32 else theme.title[:31] + "…"
        d.add(String(0, y + 3, title, fontName="Helvetica", fontSize=9, fillColor=colors.black))
        w = bar_w * theme.conversations / most
        d.add(
            Rect(
                label_w,
                y,
                max(w, 1),
                12,
                fillColor=colors.HexColor(ACCENT),
                strokeWidth=0,
                strokeColor=None,
            )
        )
        d.add(String(label_w + w + 4, y + 3, str(theme.conversations), fontSize=8.5))
        x = label_w + bar_w + gap
        d.add(
            Rect(x, y, bar_w, 12, fillColor=colors.HexColor(LIGHT), strokeWidth=0, strokeColor=None)
        )
        prog = theme.progress
        if prog.total:
            done_w = bar_w * prog.done / prog.total
            if done_w:
                d.add(
                    Rect(
                        x,
                        y,
                        done_w,
                        12,
                        fillColor=colors.HexColor(ACCENT),
                        strokeWidth=0,
                        strokeColor=None,
                    )
                )
        d.add(String(x + bar_w + 4, y + 3, f"{prog.done}/{prog.total}", fontSize=8.5))
    return d


# ---------------------------------------------------------------------------------------------
# Word


def plan_docx(page: PlanPage) -> bytes:
    from docx import Document
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.shared import Pt, RGBColor

    doc = Document()
    base = doc.styles["Normal"]
    base.font.size = Pt(11)
    title = page.title
    doc.core_properties.title = title
    doc.core_properties.author = page.organization
    doc.add_paragraph(page.organization).runs[0].font.color.rgb = RGBColor(0x5F, 0x6B, 0x7A)
    doc.add_heading(title, level=0)
    doc.add_paragraph(_campaign_line(page))
    if not page.themes:
        doc.add_paragraph(_("The meeting has not chosen themes for this plan yet."))
    else:
        doc.add_paragraph(_("Progress so far: %(progress)s") % {"progress": _progress(page)})
        _chart_docx(doc, page)
    for number, theme in enumerate(page.themes, start=1):
        pt = theme.plan_theme
        doc.add_heading(f"{number}. {theme.title}", level=1)
        doc.add_paragraph(_facts(theme)).runs[0].font.color.rgb = RGBColor(0x5F, 0x6B, 0x7A)
        if pt.challenge:
            doc.add_heading(_("The challenge"), level=2)
            doc.add_paragraph(pt.challenge)
        if theme.quotes:
            doc.add_heading(_("In their words"), level=2)
            for q in theme.quotes:
                doc.add_paragraph(f"“{q.text}”", style="Quote")
        if pt.opportunity or theme.hopes or theme.hope_words:
            doc.add_heading(_("Opportunities and hopes"), level=2)
            if pt.opportunity:
                doc.add_paragraph(pt.opportunity)
            for h in theme.hopes:
                doc.add_paragraph(h, style="List Bullet")
            if theme.hope_words:
                doc.add_paragraph(_recurring(theme))
        if theme.raised_count:
            doc.add_heading(_("Who raised it"), level=2)
            doc.add_paragraph(_names(theme.raised_by, theme.raised_more))
        if theme.said_yes_count:
            doc.add_heading(_("Said yes to a next step"), level=2)
            doc.add_paragraph(_names(theme.said_yes, theme.said_yes_more))
        doc.add_heading(_("Actions"), level=2)
        if not theme.actions:
            doc.add_paragraph(_("No actions yet."))
            continue
        table = doc.add_table(rows=1, cols=5)
        table.style = "Light Grid Accent 1"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        for cell, text in zip(table.rows[0].cells, _action_headers(), strict=True):
            cell.text = text
        for row in theme.actions:
            a = row.action
            what = a.what
            what += _links(row)
            cells = table.add_row().cells
            cells[0].text = what
            cells[1].text = row.owner or "—"
            cells[2].text = _hours(a.hours)
            cells[3].text = _due(a)
            cells[4].text = a.get_status_display()
        doc.add_paragraph(_progress(theme))
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _chart_docx(doc, page: PlanPage) -> None:
    """The same bars as the PDF, as text bars in a table: they stay editable in Word and
    print on any printer (a picture would need a renderer the server may not have)."""
    from docx.shared import RGBColor

    most = max((t.conversations for t in page.themes), default=0) or 1
    table = doc.add_table(rows=1, cols=3)
    for cell, text in zip(
        table.rows[0].cells, (_("Theme"), _("Conversations"), _("Actions done")), strict=True
    ):
        cell.text = text
    for theme in page.themes:
        cells = table.add_row().cells
        cells[0].text = theme.title
        bar = cells[1].paragraphs[0].add_run("█" * max(1, round(20 * theme.conversations / most)))
        bar.font.color.rgb = RGBColor(0x2F, 0x6F, 0x4F)
        cells[1].paragraphs[0].add_run(f" {theme.conversations}")
        prog = theme.progress
        filled = round(10 * prog.done / prog.total) if prog.total else 0
        done = cells[2].paragraphs[0].add_run("█" * filled)
        done.font.color.rgb = RGBColor(0x2F, 0x6F, 0x4F)
        rest = cells[2].paragraphs[0].add_run("█" * (10 - filled))
        rest.font.color.rgb = RGBColor(0xDF, 0xE9, 0xE3)
        cells[2].paragraphs[0].add_run(f" {prog.done}/{prog.total}")
