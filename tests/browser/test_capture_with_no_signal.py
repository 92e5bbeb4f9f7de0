"""A volunteer in a stairwell with no signal: the capture page opens, three conversations wait on
the phone, a half-typed fourth survives the page being closed, and when the signal comes back
exactly three are stored, each once. Then the phone is handed on: logging out empties it.

Chromium's own offline mode (Playwright's `set_offline`) cuts the page and its service worker
from the network, as a phone with no signal is."""

import re
import time

import pytest
from django.db import connections
from django.utils import timezone

from heard.conversations.models import Answer, Conversation

from .conftest import SCREENSHOTS, assert_no_horizontal_scroll, expect

pytestmark = pytest.mark.browser

CAPTURE = "/conversations/new/"


def sign_in(page, username):
    page.goto("/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill("listen-first")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("link", name="Record a conversation")).to_be_visible()


def open_with_its_worker(page):
    """The capture page once its service worker controls it and has kept the member's kit."""
    page.goto(CAPTURE)
    page.evaluate("navigator.serviceWorker.ready")
    page.reload()
    assert page.evaluate("Boolean(navigator.serviceWorker.controller)")
    # The kit (this campaign's page and the turf's people) is kept in the background.
    until(
        page,
        """caches.open("heard-private").then((c) => c.keys())
             .then((keys) => keys.some((k) => k.url.endsWith("/people/turf.json")))""",
    )


def until(page, promise: str, seconds: float = 15) -> None:
    """Ask the page until `promise` resolves to something truthy. `wait_for_function` took the
    promise itself for a truthy answer and went on at once (with Chromium 156.0.8078.114 the
    turf was then not yet on the phone, and the offline typeahead found nobody); `evaluate`
    awaits it."""
    deadline = time.monotonic() + seconds
    while not page.evaluate(promise):
        assert time.monotonic() < deadline, f"never true: {promise}"
        page.wait_for_timeout(100)


def record(page, person, words):
    expect(page.locator("#capture[data-ready]")).to_be_attached()
    page.get_by_label("Door-knock").check()
    search = page.get_by_label("Find a person")
    option = page.get_by_role("option", name=re.compile(person))
    search.press_sequentially(person[:3], delay=30)
    try:
        expect(option).to_be_visible(timeout=7_000)
    except AssertionError:
        # Seen twice in CI on a loaded machine, never reproduced alone: the typeahead showed no
        # one. Typing again tells a slow answer from a wrong one (a wrong one fails below).
        search.fill("")
        search.press_sequentially(person[:3], delay=30)
    option.tap()
    page.get_by_label("What keeps you up at night?").fill(words)
    page.get_by_role("button", name="Save conversation").click()


def stored(words_like):
    count = Answer.objects.filter(text__startswith=words_like).count()
    connections.close_all()  # see test_capture_on_a_phone.py
    return count


def test_three_conversations_recorded_with_no_signal_are_stored_once_each(phone, ours, org, lee):
    from factories import PersonFactory

    for name in ("Amina Yusuf", "Bo Chen"):
        PersonFactory(organization=org, name=name, place=ours.rosa.place)
    page = phone
    context = page.context
    sign_in(page, "lee")
    open_with_its_worker(page)

    context.set_offline(True)
    page.reload()
    expect(page.get_by_role("heading", name="Record a conversation")).to_be_visible()
    for n, person in enumerate(("Rosa Alvarez", "Amina Yusuf", "Bo Chen"), start=1):
        expect(page.locator("#capture[data-ready]")).to_be_attached()
        before = page.locator("input[name=client_id]").input_value()
        record(page, person, f"No signal, door {n}: the lift is broken.")
        # The blank form for the next door (the last page said "Saved on this phone" too).
        expect(page.locator("input[name=client_id]")).not_to_have_value(before)
        expect(page.locator("#capture[data-ready]")).to_be_attached()
        expect(
            page.get_by_text("Saved on this phone. It will be sent when there is signal.")
        ).to_be_visible()
        expect(page.locator("#outbox")).to_contain_text(f"{n} conversation")
    outbox = page.locator("#outbox")
    expect(outbox).to_contain_text("3 conversations are waiting to send: no signal.")
    expect(page.locator("[data-outbox-count]")).to_have_text("3 waiting to send")
    assert_no_horizontal_scroll(page)
    page.screenshot(path=SCREENSHOTS / "offline-outbox.png", full_page=True)

    # A fourth, half typed when the phone goes to sleep and the page is closed.
    page.get_by_label("What keeps you up at night?").fill("Half typed at the fourth door")
    page.get_by_label("What do you hope for?").fill("A caretaker who answers")
    page.wait_for_timeout(400)  # the draft is kept a quarter of a second after typing stops
    page.close()
    assert stored("No signal, door") == 0

    page = context.new_page()
    page.goto(CAPTURE)  # still no signal: the phone's copy
    expect(page.get_by_text("Your unsaved conversation is back")).to_be_visible()
    expect(page.get_by_label("What keeps you up at night?")).to_have_value(
        "Half typed at the fourth door"
    )
    expect(page.get_by_label("What do you hope for?")).to_have_value("A caretaker who answers")
    expect(page.locator("#outbox .outbox-item")).to_have_count(3)
    page.screenshot(path=SCREENSHOTS / "offline-draft-back.png", full_page=True)

    context.set_offline(False)
    expect(page.locator("#outbox")).to_be_hidden(timeout=20_000)
    expect(page.locator("[data-outbox-count]")).to_be_hidden()
    assert stored("No signal, door") == 3
    for n in (1, 2, 3):
        assert stored(f"No signal, door {n}:") == 1
    assert stored("Half typed") == 0  # a draft is not sent until it is saved
    assert Conversation.objects.filter(held_by=lee.user).count() == 1 + 3  # ours.by_lee + 3
    connections.close_all()


def test_back_and_save_again_after_a_save_stores_it_once(phone, ours, lee):
    page = phone
    sign_in(page, "lee")
    page.goto(CAPTURE)
    record(page, "Rosa Alvarez", "Saved once, whatever Back does.")
    expect(page).to_have_url(re.compile(r"/conversations/[0-9a-f-]{36}/$"))
    page.go_back()
    expect(page.get_by_role("heading", name="Record a conversation")).to_be_visible()
    # Whatever the browser shows after Back, Save again must not make a second one.
    if page.get_by_label("What keeps you up at night?").input_value():
        page.get_by_role("button", name="Save conversation").click()
        expect(page).to_have_url(re.compile(r"/conversations/[0-9a-f-]{36}/$"))
    assert stored("Saved once") == 1


def test_a_refusal_stays_in_the_outbox_with_its_reason_until_fixed(phone, ours, lee):
    page = phone
    sign_in(page, "lee")
    open_with_its_worker(page)
    page.context.set_offline(True)
    page.reload()
    record(page, "Rosa Alvarez", "Saved with a date the server refuses.")
    # The save ends by opening a blank form; going elsewhere before then aborts one of the two
    # navigations (seen in CI on a loaded machine: net::ERR_ABORTED).
    expect(page.get_by_text("Saved on this phone.")).to_be_visible()
    page.goto(CAPTURE)
    # Once the page's own try to send it (with no signal) is over:
    until(page, "HeardOutbox.outbox.all().then(([item]) => Boolean(item && item.tries >= 2))")
    # Simulate what a phone cannot check offline: the campaign's rules changed meanwhile, here
    # a date in the future written into the saved fields. Written as a save is (a new savedAt),
    # so a try still going with the old copy cannot put the old fields back when it ends.
    page.evaluate(
        """async () => {
          const [item] = await HeardOutbox.outbox.all();
          item.fields = item.fields.map(([n, v]) => [n, n === "held_on" ? "2999-01-01" : v]);
          item.savedAt = new Date().toISOString();
          await HeardOutbox.outbox.put(item);
        }"""
    )
    page.context.set_offline(False)
    page.get_by_role("button", name="Send now").click()
    item = page.locator("#outbox .outbox-item")
    expect(item).to_contain_text("Not stored:")
    expect(item).to_contain_text("Date: The date is in the future.")
    page.screenshot(path=SCREENSHOTS / "offline-refused.png", full_page=True)
    assert stored("Saved with a date") == 0

    item.get_by_role("button", name="Open to fix").click()
    # The form as the server sends it back (posted), each mistake beside its field; the same
    # words are in the outbox's list, so wait for the page itself.
    expect(page.locator("#capture[data-posted][data-ready]")).to_be_attached()
    expect(page.locator(".field.has-error")).to_contain_text("The date is in the future.")
    page.get_by_label("Date").fill(timezone.localdate().isoformat())
    page.get_by_role("button", name="Save conversation").click()
    expect(page).to_have_url(re.compile(r"/conversations/[0-9a-f-]{36}/$"), timeout=30_000)
    expect(page.get_by_role("status")).to_contain_text("Conversation recorded.")
    assert stored("Saved with a date") == 1
    page.goto(CAPTURE)
    expect(page.locator("#outbox")).to_be_hidden()


def test_logging_out_empties_the_phone(phone, ours, lee):
    page = phone
    sign_in(page, "lee")
    open_with_its_worker(page)
    page.get_by_label("What keeps you up at night?").fill("A draft nobody else should read")
    page.wait_for_timeout(400)
    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_label("Username")).to_be_visible()
    assert page.evaluate("caches.has('heard-private')") is False
    databases = page.evaluate("indexedDB.databases().then((d) => d.map((x) => x.name))")
    assert "heard" not in databases


def test_another_campaigns_guide_with_no_signal_keeps_what_was_typed(phone, ours, org, lee):
    from factories import CampaignFactory, GuideQuestionFactory

    rent = CampaignFactory(organization=org, name="Rent Strike")
    GuideQuestionFactory(campaign=rent, position=1, prompt="What keeps you up at night?")
    GuideQuestionFactory(campaign=rent, position=2, prompt="Who owns your building?")
    page = phone
    sign_in(page, "lee")
    open_with_its_worker(page)
    page.context.set_offline(True)
    page.goto(f"{CAPTURE}?campaign={ours.campaign.pk}")
    expect(page.locator("#capture[data-ready]")).to_be_attached()
    page.get_by_label("What keeps you up at night?").fill("Mould in the bedroom")
    page.get_by_label("What do you hope for?").fill("Dry walls by winter")
    page.get_by_label("Campaign").select_option(label="Rent Strike")

    expect(page).to_have_url(re.compile(rf"campaign={rent.pk}"))
    expect(page.get_by_text("Your unsaved conversation is back")).to_contain_text("1 answer moved")
    expect(page.get_by_label("What keeps you up at night?")).to_have_value("Mould in the bedroom")
    expect(page.get_by_label("Who owns your building?")).to_have_value("")
    carried = page.locator("#carried-answers")
    expect(carried).to_be_visible()
    expect(carried.get_by_label("What do you hope for?")).to_have_value("Dry walls by winter")
    page.screenshot(path=SCREENSHOTS / "offline-other-guide.png", full_page=True)
