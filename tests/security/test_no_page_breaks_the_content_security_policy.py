"""In a real Chromium, the main pages raise no Content-Security-Policy violation: the capture
page's script, the Themes page's charts, the two-factor QR code all work under the policy.

The two-factor flow is driven end to end too: turn it on with a code, sign in again, type the
next code.
"""

import datetime as dt
import re
import sys
from pathlib import Path

import pytest
from django.db import connections
from django_otp.plugins.otp_totp.models import TOTPDevice

from heard.campaigns.models import Campaign, GuideQuestion, Purpose
from heard.themes import embedding
from heard.themes.runs import theme_campaign

from .conftest import code_for

# The themes tests' fake embedder and data makers, so no model is loaded.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "themes"))
from themes_factories import (  # noqa: E402
    PER_TOPIC,
    TOPICS,
    HashingEmbedder,
    add_conversation,
    topic_note,
)

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"needs Chromium at {CHROMIUM}"),
]
playwright = pytest.importorskip("playwright.sync_api")
expect = playwright.expect

# Recorded by the page itself, so nothing a violation does escapes the list.
LISTEN = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__violations.push(e.violatedDirective + " " + e.blockedURI);
});
"""


@pytest.fixture
def themed(org, may, monkeypatch, settings):
    """A campaign of ours with three clear themes, found with a fake embedder."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    monkeypatch.setattr(embedding, "base_embedder", HashingEmbedder)
    campaign = Campaign.objects.create(organization=org, name="Listening 2025")
    for position, purpose in enumerate((Purpose.PROBLEM, Purpose.WHY, Purpose.HOPE), start=1):
        GuideQuestion.objects.create(
            campaign=campaign, position=position, prompt=f"Question {position}", purpose=purpose
        )
    for topic in TOPICS:
        for n in range(PER_TOPIC):
            add_conversation(
                campaign,
                may,
                topic_note(topic, n),
                hope=f"a fair {topic} plan",
                held_on=dt.date(2025, 2 + n % 2, 10),
            )
    theme_campaign(campaign=campaign)
    return campaign


@pytest.fixture
def browser_page(live_server, settings, monkeypatch):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    settings.ALLOWED_HOSTS = ["localhost", "127.0.0.1"]
    console = []
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        context = browser.new_context(base_url=live_server.url)
        context.add_init_script(LISTEN)
        page = context.new_page()
        page.set_default_timeout(15_000)
        page.on("console", lambda m: m.type == "error" and console.append(m.text))
        page.on("pageerror", lambda e: console.append(str(e)))
        page.console_errors = console
        try:
            yield page
        finally:
            context.close()
            browser.close()
            connections.close_all()


def violations(page) -> list[str]:
    page.wait_for_load_state("load")
    page.wait_for_timeout(150)  # violation events are dispatched asynchronously
    return page.evaluate("window.__violations") + [
        m for m in page.console_errors if "Content Security Policy" in m
    ]


def sign_in(page, username: str) -> None:
    page.goto("/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill("listen-first")
    page.get_by_role("button", name="Log in").click()


def test_the_main_pages_raise_no_violation(browser_page, ours, themed):
    page = browser_page
    page.goto("/login/")
    assert violations(page) == []
    sign_in(page, "may")
    expect(page.get_by_role("heading", name="Eastside Tenants Union")).to_be_visible()

    theme = themed.themes.filter(parent=None).first()
    urls = [
        "/",
        "/conversations/",
        f"/conversations/{ours.by_lee.pk}/",
        "/people/",
        f"/people/{ours.rosa.pk}/",
        "/campaigns/",
        f"/campaigns/{ours.campaign.pk}/",
        f"/campaigns/{ours.campaign.pk}/edit/",
        "/campaigns/events/",
        "/themes/",
        f"/themes/campaign/{themed.pk}/",
        f"/themes/{theme.pk}/",
        "/people/999999999/",
    ]
    for url in urls:
        page.goto(url)
        assert violations(page) == [], url

    # The capture page's script runs under the policy: the typeahead finds a neighbour.
    page.goto("/conversations/new/")
    page.get_by_label("Find a person").press_sequentially("ros", delay=40)
    expect(page.get_by_role("option", name=re.compile("Rosa Alvarez"))).to_be_visible()
    # The charts' widths (style attributes) are applied, not refused.
    page.goto(f"/themes/campaign/{themed.pk}/")
    width = page.locator(".share-bar span").first.evaluate("e => getComputedStyle(e).width")
    assert width not in ("0px", "auto")
    assert violations(page) == []

    # And a violation would be seen: an image from another site is refused and reported.
    page.evaluate("document.body.append(Object.assign(new Image(), {src: 'https://x.invalid/a'}))")
    assert any("img-src" in v for v in violations(page))


def test_an_administrator_turns_two_factor_on_and_signs_in_with_a_code(browser_page, ada):
    page = browser_page
    sign_in(page, "ada")
    page.goto("/account/two-factor/")
    expect(page.locator(".qr svg")).to_be_visible()
    assert violations(page) == []

    device = TOTPDevice.objects.get(user=ada.user)
    page.get_by_label("Code from your authenticator app").fill(code_for(device))
    page.get_by_role("button", name="Turn two-factor on").click()
    expect(page.get_by_role("status")).to_have_text("Two-factor sign-in is on.")
    connections.close_all()

    page.get_by_role("button", name="Log out").click()
    # Logging out first empties what the phone kept (outbox.js), then posts: wait for it.
    expect(page).to_have_url(re.compile(r"/login/"))
    sign_in(page, "ada")
    expect(page.get_by_role("heading", name="One more step")).to_be_visible()
    assert violations(page) == []
    page.goto("/people/")
    expect(page).to_have_url(re.compile(r"/account/two-factor/verify/\?next=/people/$"))
    page.get_by_label("Code from your authenticator app").fill(code_for(device, 1))
    page.get_by_role("button", name="Continue").click()
    expect(page).to_have_url(re.compile(r"/people/$"))
    assert violations(page) == []
