"""Whatever is posted to the voting pages (the public ballot above all, which anyone may reach),
the answer is a page, a form error or a refusal, never a server error."""

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

NASTY = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        ["99999999999999999999", "-1", "0", "²", "a\x00b", "x" * 5000, "<script>", "1e400", ""]
    ),
    st.integers().map(str),
)
FUZZ = settings(
    max_examples=10,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)


@pytest.mark.django_db
@FUZZ
@given(statement=NASTY, vote=NASTY)
def test_the_public_ballot_never_fails(poll_for_fuzz, statement, vote):
    response = Client().post(
        f"/vote/{poll_for_fuzz.token}/", {"statement": statement, "vote": vote}
    )
    assert response.status_code in {200, 400, 429}


@pytest.mark.django_db
@FUZZ
@given(texts=NASTY, title=NASTY, campaign=NASTY, event=NASTY, mark=NASTY)
def test_the_organizers_forms_never_fail(
    may_client, poll_for_fuzz, texts, title, campaign, event, mark
):
    pk = poll_for_fuzz.pk
    statement = poll_for_fuzz.statements.first()
    posts = [
        (f"/votes/{pk}/", {"form": "statements", "texts": texts}),
        (f"/votes/{pk}/", {"form": "poll", "title": title, "campaign": campaign, "event": event}),
        (f"/votes/{pk}/open/", {"open": mark}),
        (f"/votes/{pk}/from-themes/", {"themes": campaign, "quotes": event}),
        (f"/votes/{pk}/paper/", {f"s{statement.pk}": mark}),
        (f"/votes/statements/{statement.pk}/", {f"s{statement.pk}-text": texts}),
        ("/votes/new/", {"title": title, "campaign": campaign}),
    ]
    for url, data in posts:
        assert may_client.post(url, data).status_code < 500, url
