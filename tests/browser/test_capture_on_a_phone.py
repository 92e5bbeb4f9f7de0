"""A volunteer records a conversation on a phone at the door, then finds it again.

Drives Debian's Chromium through Playwright on a 390 px wide touch screen. Screenshots of the
filled form and of the list are saved in test-results/browser/ for a person to look at.
"""

import os
import re

import pytest
from django.db import connections

from heard.conversations.models import Conversation

from .conftest import SCREENSHOTS, assert_no_horizontal_scroll, expect

pytestmark = pytest.mark.browser


def test_a_volunteer_records_a_conversation_on_a_phone_and_finds_it_again(phone, ours, lee):
    page = phone
    assert os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] == "true"

    page.goto("/login/")
    page.get_by_label("Username").fill("lee")
    page.get_by_label("Password").fill("listen-first")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Eastside Tenants Union")).to_be_visible()

    page.get_by_role("link", name="Record a conversation").click()
    expect(page.get_by_role("heading", name="Record a conversation")).to_be_visible()
    assert_no_horizontal_scroll(page)

    page.get_by_label("Door-knock").check()
    page.get_by_label("Find a person").press_sequentially("ros", delay=40)
    suggestion = page.get_by_role("option", name=re.compile("Rosa Alvarez"))
    expect(suggestion).to_be_visible()
    expect(suggestion).to_contain_text("Maple Court")
    page.screenshot(path=SCREENSHOTS / "typeahead.png")
    suggestion.tap()
    chosen = page.locator("#chosen-people")
    expect(chosen).to_contain_text("Rosa Alvarez")
    expect(page.locator("#person-results")).to_be_hidden()

    page.get_by_label("What keeps you up at night?").fill(
        "The stairwell light has been out since the storm."
    )
    page.get_by_label("What do you hope for?").fill("A landlord who fixes things.")
    page.get_by_label("Their words", exact=True).fill("We light the stairs with our phones.")
    page.get_by_label("May we share it?").select_option("team")
    page.get_by_label("Next step invited").select_option("house_meeting")
    page.get_by_label("Their answer", exact=True).select_option("yes")
    assert_no_horizontal_scroll(page)
    page.screenshot(path=SCREENSHOTS / "capture-form.png", full_page=True)

    page.get_by_role("button", name="Save conversation").click()
    expect(page).to_have_url(re.compile(r"/conversations/[0-9a-f-]{36}/$"))
    expect(page.get_by_role("status")).to_have_text(
        "Conversation recorded. Thank you for listening."
    )
    article = page.locator("article")
    expect(article.get_by_role("heading", level=1)).to_have_text("Rosa Alvarez")
    expect(article).to_contain_text("The stairwell light has been out since the storm.")
    expect(article).to_contain_text("We light the stairs with our phones.")
    expect(article).to_contain_text("House meeting — Yes")
    expect(article).to_contain_text("Door-knock")
    assert_no_horizontal_scroll(page)
    page.screenshot(path=SCREENSHOTS / "conversation.png", full_page=True)

    conversation = Conversation.objects.get(answers__text__contains="stairwell")
    assert conversation.held_by_id == lee.user.pk
    assert page.url.endswith(f"/conversations/{conversation.pk}/")
    # A query made while Playwright's event loop runs in this thread opens a connection that
    # Django does not close by itself (connections are kept per context): close it, or
    # PostgreSQL cannot drop the test database at the end of the run.
    connections.close_all()

    page.get_by_role("link", name="Conversations", exact=True).click()
    page.get_by_label("Search conversations").fill("stairwell")
    page.get_by_role("button", name="Search").click()
    rows = page.locator("li.conversation-row")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("Rosa Alvarez")
    expect(rows.first).to_contain_text("House meeting: Yes")
    assert_no_horizontal_scroll(page)
    page.screenshot(path=SCREENSHOTS / "conversation-list.png", full_page=True)

    rows.first.get_by_role("link").tap()
    expect(page).to_have_url(re.compile(f"/conversations/{conversation.pk}/$"))


def test_in_a_small_group_each_quote_goes_to_whoever_said_it(phone, ours, may):
    page = phone
    page.goto("/login/")
    page.get_by_label("Username").fill("may")
    page.get_by_label("Password").fill("listen-first")
    page.get_by_role("button", name="Log in").click()
    page.goto("/conversations/new/")
    page.get_by_label("Small group").check()
    who_said_it = page.get_by_label("Who said it")
    expect(who_said_it).to_be_hidden()  # one person or none: nobody to choose between

    for typed, name in (("ros", "Rosa Alvarez"), ("sam", "Sam Okafor")):
        page.get_by_label("Find a person").press_sequentially(typed, delay=40)
        page.get_by_role("option", name=re.compile(name)).tap()
    expect(who_said_it).to_be_visible()
    page.get_by_text("Someone new? Add them").tap()
    page.locator("#id_new-0-name").fill("Grace Lin")
    options = who_said_it.locator("option")
    expect(options).to_have_text(
        ["The first person named", "Rosa Alvarez", "Sam Okafor", "Grace Lin"]
    )

    page.get_by_label("What keeps you up at night?").fill("Three families on one floor, no heat.")
    page.get_by_label("Their words", exact=True).fill("Nobody asked us before.")
    page.get_by_label("May we share it?").select_option("public")
    who_said_it.select_option(label="Grace Lin")
    page.get_by_label("Wants to host").check()
    page.get_by_label("Seen in").select_option(label="Sam Okafor")
    assert_no_horizontal_scroll(page)
    page.screenshot(path=SCREENSHOTS / "small-group-who-said-it.png", full_page=True)

    page.get_by_role("button", name="Save conversation").click()
    expect(page.get_by_role("status")).to_have_text(
        "Conversation recorded. Thank you for listening."
    )
    article = page.locator("article")
    expect(article.locator("blockquote")).to_contain_text("Grace Lin")
    expect(article).to_contain_text("Sam Okafor: Wants to host")
    conversation = Conversation.objects.get(answers__text__contains="no heat")
    assert conversation.quotes.get().person.name == "Grace Lin"
    assert conversation.assessments.get().person == ours.sam
    connections.close_all()
