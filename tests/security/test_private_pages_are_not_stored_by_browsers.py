"""Pages for a signed-in person, and the login page, carry `Cache-Control: no-store`: a shared
computer's browser keeps no copy of neighbours' words. Static files keep their caching."""

import pytest


def no_store(response) -> bool:
    return "no-store" in response.get("Cache-Control", "")


@pytest.mark.parametrize("url", ["/", "/people/", "/conversations/", "/campaigns/"])
def test_every_page_for_a_signed_in_person_is_not_stored(may_client, ours, url):
    response = may_client.get(url)

    assert response.status_code == 200
    assert no_store(response)


def test_a_refusal_and_a_not_found_for_a_signed_in_person_are_not_stored_either(
    lee_client, otto_client, ours
):
    assert no_store(lee_client.get("/themes/"))
    assert no_store(otto_client.get(f"/conversations/{ours.by_lee.pk}/"))


def test_the_login_page_is_not_stored(client, db):
    assert no_store(client.get("/login/"))


def test_the_page_after_logging_out_is_not_stored(may_client):
    assert no_store(may_client.post("/logout/"))


def test_static_files_keep_their_caching(may_client):
    response = may_client.get("/static/heard/heard.css")

    assert response.status_code == 200
    assert not no_store(response)
    assert "max-age" in response["Cache-Control"]
