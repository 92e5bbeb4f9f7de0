"""A Spanish-speaking organizer gets the plan page and both handouts in Spanish; the
neighbours' words and the meeting's own text stay as they were written."""

from django.urls import reverse
from spanish import get_in_spanish

from plans.reading import docx_text, pdf_text


def test_the_plan_page_speaks_spanish(may_client, planned):
    page = get_in_spanish(may_client, reverse("plans:detail", args=[planned.campaign.pk]))
    text = page.content.decode()

    assert "Descargar PDF" in text and "Download PDF" not in text
    assert "En sus palabras" in text and "In their words" not in text
    assert "My kids sleep in their coats." in text


def test_the_handouts_follow_the_readers_language(may_client, planned):
    pdf = get_in_spanish(may_client, reverse("plans:pdf", args=[planned.campaign.pk]))
    word = get_in_spanish(may_client, reverse("plans:docx", args=[planned.campaign.pk]))

    for text in (pdf_text(pdf.content), docx_text(word.content)):
        assert "Acciones" in text and "Avance hasta ahora" in text
        assert "Progress so far" not in text and "Who raised it" not in text
        assert "Host a house meeting about the boilers" in text


def test_the_plan_stays_english_by_default(may_client, planned):
    text = may_client.get(reverse("plans:detail", args=[planned.campaign.pk])).content.decode()

    assert "Download PDF" in text and "Descargar PDF" not in text
