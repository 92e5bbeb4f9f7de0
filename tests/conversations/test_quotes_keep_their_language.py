"""Quotes are never translated: wherever one is shown, its words carry their language when it is
not the page's, and where quotes of several languages sit side by side, a small tag says it."""

from django.template import Context, Template
from django.urls import reverse
from django.utils import translation
from factories import QuoteFactory

SPANISH_QUOTE = '“<span lang="es">Mis hijos duermen con abrigo.</span>”'


def test_the_conversation_page_marks_a_spanish_quote_and_its_answers(may_client, ours):
    ours.by_lee.language = "es"
    ours.by_lee.save()
    QuoteFactory(
        conversation=ours.by_lee, person=ours.rosa, text="Mis hijos duermen con abrigo.",
        language="es",
    )  # fmt: skip
    page = may_client.get(reverse("conversations:detail", args=[ours.by_lee.pk])).content.decode()
    assert SPANISH_QUOTE in page
    assert '<dd lang="es">The radiator rattles all night.</dd>' in page
    # The English quote, in the page's language, carries nothing.
    assert "“<span>My kids sleep in their coats.</span>”" in page


def test_the_person_page_tags_a_quote_in_another_language(may_client, ours):
    QuoteFactory(
        conversation=ours.by_lee, person=ours.rosa, text="Mis hijos duermen con abrigo.",
        language="es",
    )  # fmt: skip
    page = may_client.get(reverse("people:detail", args=[ours.rosa.pk])).content.decode()
    assert SPANISH_QUOTE in page
    assert '<span class="tag" title="Español">ES</span>' in page


def test_a_quote_in_the_page_s_language_is_not_marked():
    template = Template("{% load held_in %}<q{{ code|lang_attr }}>x</q>{{ code|lang_tag }}")
    with translation.override("es"):
        assert template.render(Context({"code": "es"})) == "<q>x</q>"
        assert template.render(Context({"code": "en"})) == (
            '<q lang="en">x</q><span class="tag" title="English">EN</span>'
        )
    with translation.override("en"):
        # Right to left: the direction goes with it.
        assert template.render(Context({"code": "ar"})).startswith('<q lang="ar" dir="rtl">')
