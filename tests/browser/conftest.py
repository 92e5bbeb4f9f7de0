"""A 390 px wide, touch-screen Chromium (Debian's, driven by Playwright) on the live server.

Screenshots are saved in test-results/browser/ for a person to look at.
"""

from pathlib import Path

import pytest
from playwright import sync_api as playwright

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-results" / "browser"
PHONE_WIDTH = 390

expect = playwright.expect


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.path) and not CHROMIUM.exists():
            reason = f"the browser test needs Chromium at {CHROMIUM} (apt-get install chromium)"
            item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture
def phone(live_server, settings, monkeypatch):
    """A page in a 390 px wide, touch-screen Chromium pointed at the live server."""
    # Playwright's sync API runs an event loop in this thread; the ORM calls the test makes
    # between steps are still synchronous and safe.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    settings.ALLOWED_HOSTS = ["localhost", "127.0.0.1"]
    page_errors = []
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        context = browser.new_context(
            base_url=live_server.url,
            viewport={"width": PHONE_WIDTH, "height": 844},
            device_scale_factor=2,
            is_mobile=True,
            has_touch=True,
        )
        page = context.new_page()
        page.set_default_timeout(15_000)
        page.on("pageerror", lambda error: page_errors.append(str(error)))
        # A form or the outbox refused (400, 409, 422 to a POST) is an answer the page shows;
        # any other failed request is a broken page.
        page.on(
            "response",
            lambda r: (
                r.status >= 400
                and not (r.request.method == "POST" and r.status in (400, 409, 422))
                and page_errors.append(f"{r.status} {r.url}")
            ),
        )
        try:
            yield page
        finally:
            context.close()
            browser.close()
    assert page_errors == [], "the pages had script errors or failed requests"


def assert_no_horizontal_scroll(page):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE_WIDTH, f"the page is {width} px wide on a {PHONE_WIDTH} px phone"
