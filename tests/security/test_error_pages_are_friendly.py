"""Errors are shown in the site's own words and layout; the 500 page needs nothing that might
have failed (no database, no request)."""

from django.template.loader import render_to_string


def test_not_found_is_in_the_sites_layout(may_client, ours):
    response = may_client.get("/people/999999999/")

    assert response.status_code == 404
    page = response.content.decode()
    assert "Not found" in page and 'class="topbar"' in page
    assert "Rosa Alvarez" not in page


def test_a_page_for_another_role_says_so(lee_client, ours):
    response = lee_client.get("/themes/")

    assert response.status_code == 403
    assert "Not for your role" in response.content.decode()


def test_a_bad_request_is_explained(client, db):
    response = client.get("/login/", headers={"host": "not-our-host.example"})

    assert response.status_code == 400
    assert "Something was wrong with that request" in response.content.decode()


def test_the_500_page_renders_with_no_request_and_no_database():
    # No `db` fixture: pytest-django fails any query this test would make.
    page = render_to_string("500.html")

    assert "Something went wrong" in page
    assert "/static/heard/heard.css" in page
