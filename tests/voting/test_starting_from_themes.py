"""Start a poll from the campaign's themes: their titles, and neighbours' quotes shared
PUBLICLY only. Anonymous voters are the public: a quote shared inside the team, or not to be
shared, never reaches the ballot."""

import numpy as np
import pytest
from factories import QuoteFactory

from heard.conversations.models import Quote
from heard.themes.models import Theme
from heard.voting.models import Statement

from .conftest import vote_url


@pytest.fixture
def heat(ours):
    theme = Theme(campaign=ours.campaign, label="cold flats in winter", name="Cold flats", size=3)
    theme.vectors = np.ones((1, 8), dtype=np.float32) / np.sqrt(8)
    theme.save()
    return theme


@pytest.fixture
def quotes(ours):
    made = {
        consent: QuoteFactory(
            conversation=ours.by_may,
            person=ours.sam,
            text=f"Words shared {label}.",
            consent=consent,
        )
        for consent, label in [
            (Quote.Consent.PUBLIC, "with anyone"),
            (Quote.Consent.TEAM, "inside the team"),
            (Quote.Consent.NONE, "with nobody"),
        ]
    }
    made["long"] = QuoteFactory(
        conversation=ours.by_may, person=ours.sam, text="Long " * 40, consent=Quote.Consent.PUBLIC
    )
    return made


def test_only_theme_titles_and_public_quotes_are_offered(may_client, poll, heat, quotes):
    page = may_client.get(f"/votes/{poll.pk}/from-themes/").content.decode()
    assert "Cold flats" in page
    assert "Words shared with anyone." in page
    assert "inside the team" not in page
    assert "with nobody" not in page
    assert "Long Long" not in page  # longer than a statement may be


def test_chosen_themes_and_public_quotes_become_statements(may_client, poll, heat, quotes):
    response = may_client.post(
        f"/votes/{poll.pk}/from-themes/",
        {"themes": [heat.pk], "quotes": [quotes[Quote.Consent.PUBLIC].pk]},
    )
    assert response.status_code == 302
    made = Statement.objects.filter(poll=poll).exclude(source_theme=None, source_quote=None)
    assert {(s.text, s.source_theme_id, s.source_quote_id) for s in made} == {
        ("Cold flats", heat.pk, None),
        ("Words shared with anyone.", None, quotes[Quote.Consent.PUBLIC].pk),
    }


@pytest.mark.parametrize("consent", [Quote.Consent.TEAM, Quote.Consent.NONE])
def test_a_quote_not_shared_publicly_is_refused_even_when_posted(may_client, poll, quotes, consent):
    response = may_client.post(f"/votes/{poll.pk}/from-themes/", {"quotes": [quotes[consent].pk]})
    assert response.status_code == 400
    assert not Statement.objects.filter(source_quote__isnull=False).exists()


def test_a_quote_whose_consent_is_narrowed_leaves_the_ballot_at_once(
    may_client, poll, quotes, phone
):
    public = quotes[Quote.Consent.PUBLIC]
    may_client.post(f"/votes/{poll.pk}/from-themes/", {"quotes": [public.pk]})
    assert "of 4" in phone.get(vote_url(poll)).content.decode()
    public.consent = Quote.Consent.TEAM
    public.save()
    for _ in range(4):
        page = phone.get(vote_url(poll)).content.decode()
        assert "Words shared with anyone." not in page
        if "Thank you" in page:
            break
        assert "of 3" in page
        statement = phone.get(vote_url(poll)).context["page"].statement
        phone.post(vote_url(poll), {"statement": statement.pk, "vote": "agree"})
    statement = Statement.objects.get(source_quote=public)
    refused = phone.post(vote_url(poll), {"statement": statement.pk, "vote": "agree"})
    assert refused.status_code == 400


def test_a_deleted_quote_takes_its_statement_with_it(may_client, poll, quotes):
    public = quotes[Quote.Consent.PUBLIC]
    may_client.post(f"/votes/{poll.pk}/from-themes/", {"quotes": [public.pk]})
    public.delete()  # an erasure, or a correction that removed it
    assert not Statement.objects.filter(text="Words shared with anyone.").exists()


def test_another_organizations_quote_is_refused(may_client, poll, theirs):
    their_quote = QuoteFactory(
        conversation=theirs.conversation, text="Westside words.", consent=Quote.Consent.PUBLIC
    )
    response = may_client.post(f"/votes/{poll.pk}/from-themes/", {"quotes": [their_quote.pk]})
    assert response.status_code == 400
    assert not Statement.objects.filter(text="Westside words.").exists()
