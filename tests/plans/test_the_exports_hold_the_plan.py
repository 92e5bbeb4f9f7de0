"""plan.pdf and plan.docx: the organization's name, the campaign, each chosen theme, the
actions, and only quotes the team may share."""

from django.urls import reverse

from plans.reading import PRIVATE_QUOTE, docx_text, pdf_text


def test_the_pdf_holds_the_organization_and_the_chosen_themes(may_client, planned):
    response = may_client.get(reverse("plans:pdf", args=[planned.campaign.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith('attachment; filename="heat-in-winter-plan')
    assert response["Content-Disposition"].endswith('.pdf"')
    assert response.content.startswith(b"%PDF")
    text = pdf_text(response.content)
    for words in (
        "Eastside Tenants Union",
        "Heat in Winter",
        "Cold homes all winter",
        "Rent going up",
        "Host a house meeting about the boilers",
        "My kids sleep in their coats.",
        "A boiler that works all winter long.",
    ):
        assert words in text


def test_the_word_file_opens_and_holds_the_same(may_client, planned):
    response = may_client.get(reverse("plans:docx", args=[planned.campaign.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.docx"')
    text = docx_text(response.content)
    for words in (
        "Eastside Tenants Union",
        "Heat in Winter",
        "Cold homes all winter",
        "Rent going up",
        "Write to the housing inspector",
        "Sam Okafor",  # the organizer may see him: he owns an action
        "My kids sleep in their coats.",
    ):
        assert words in text


def test_a_quote_not_to_be_shared_is_in_neither_export_even_for_who_heard_it(may_client, planned):
    # May held the conversation: she may read the quote on its page, but a plan is handed out.
    assert planned.by_may.held_by_id == planned.action_may.owner_member_id
    pdf = may_client.get(reverse("plans:pdf", args=[planned.campaign.pk])).content
    word = may_client.get(reverse("plans:docx", args=[planned.campaign.pk])).content
    page = may_client.get(reverse("plans:detail", args=[planned.campaign.pk])).content.decode()
    assert "landlord" not in pdf_text(pdf)
    assert PRIVATE_QUOTE not in docx_text(word)
    assert "threatened" not in page
    assert "My kids sleep in their coats." in page


def test_a_plan_with_no_themes_yet_still_exports(may_client, ours):
    text = pdf_text(may_client.get(reverse("plans:pdf", args=[ours.campaign.pk])).content)
    assert "not chosen themes" in text


def test_the_page_and_both_exports_carry_the_same_heading(may_client, planned):
    args = [planned.campaign.pk]
    page = may_client.get(reverse("plans:detail", args=args)).content.decode()
    pdf = pdf_text(may_client.get(reverse("plans:pdf", args=args)).content)
    word = docx_text(may_client.get(reverse("plans:docx", args=args)).content)

    heading = f"{planned.campaign.name}: our plan"
    assert f"<h1>{heading}</h1>" in page
    assert heading in pdf and heading in word
