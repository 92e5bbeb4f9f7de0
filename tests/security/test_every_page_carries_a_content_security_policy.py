"""Content-Security-Policy: the site's own scripts, styles, images and forms only, and no page
inside another site's frame. Templates have nothing inline the policy would block."""

import re
from pathlib import Path

import pytest
from policy import csp_directives as directives

HEARD = Path(__file__).resolve().parents[2] / "heard"


def test_the_policy_allows_only_this_site(client, db):
    policy = directives(client.get("/login/"))

    assert policy["default-src"] == "'self'"
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self'"
    assert policy["frame-ancestors"] == "'none'"
    assert policy["form-action"] == "'self'"
    assert policy["object-src"] == "'none'"
    # Only the charts' style="" attributes; no <style> element, no inline script, no other site.
    assert policy["style-src-attr"] == "'unsafe-inline'"
    header = client.get("/login/")["Content-Security-Policy"]
    assert "http" not in header and "unsafe-eval" not in header
    assert "'unsafe-inline'" not in policy["script-src"] + policy["style-src"]


@pytest.mark.parametrize("url", ["/", "/people/", "/conversations/new/", "/themes/"])
def test_pages_behind_sign_in_carry_it_too(may_client, ours, url):
    assert "frame-ancestors 'none'" in may_client.get(url)["Content-Security-Policy"]


def templates() -> list[Path]:
    return sorted(HEARD.rglob("templates/**/*.html"))


def test_no_template_has_an_inline_script_or_style_element_or_handler():
    assert len(templates()) > 20
    for template in templates():
        text = template.read_text()
        for script in re.findall(r"<script\b[^>]*>", text):
            assert "src=" in script, f"{template}: inline <script>"
        assert "<style" not in text, f"{template}: <style> element"
        assert not re.search(r"\son[a-z]+\s*=", text), f"{template}: inline event handler"
        assert "javascript:" not in text, template
