"""Past listening from a spreadsheet joins a campaign: one conversation per row, its person
matched to the people here or added, its answers under their guide questions; checked before
anything is stored, all or nothing, and never stored twice."""

import csv
import io

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from factories import CampaignFactory, GuideQuestionFactory, MembershipFactory, OrganizationFactory

from heard.accounts.models import Role
from heard.conversations.models import Answer, Conversation
from heard.exchange import services
from heard.exchange.models import ImportBatch

KIND = ImportBatch.Kind.CONVERSATIONS


def start(by, campaign, text):
    return services.start_import(
        by=by, filename="doors.csv", data=text.encode(), kind=KIND, campaign=campaign
    )


def test_door_notes_become_conversations_of_the_campaign(may, ours):
    before = Conversation.objects.count()
    batch = start(
        may,
        ours.campaign,
        "Date,Where,Name,Phone,What keeps you up at night?,What do you hope for?\n"
        f"{ours.by_lee.held_on:%m/%d/%Y},door,Rosa Alvarez,555-0101,Rats in the walls.,"
        "A landlord who answers.\n"
        f"{ours.by_lee.held_on:%Y-%m-%d},tabling,Kofi Mensah,,The bus never comes.,\n",
    )
    answers = {f"answer:{ours.problem.pk}", f"answer:{ours.hope.pk}"}
    assert set(batch.mapping.values()) == {"held_on", "venue", "person", "phone", *answers}
    report = services.apply_import(by=may, batch=batch)
    assert (report["created"], report["merged"]) == (2, 1)
    assert Conversation.objects.count() == before + 2
    rosas = Conversation.objects.filter(campaign=ours.campaign, participants__person=ours.rosa)
    assert Answer.objects.filter(conversation__in=rosas, text="Rats in the walls.").exists()
    kofi = Conversation.objects.get(participants__person__name="Kofi Mensah")
    assert (kofi.venue, kofi.held_by) == ("tabling", may.user)
    assert list(kofi.answers.values_list("text", flat=True)) == ["The bus never comes."]


def test_a_bad_row_stores_nothing_and_is_named(may, ours):
    before = Conversation.objects.count()
    batch = start(
        may,
        ours.campaign,
        "Date,Name,Held by,What keeps you up at night?\n"
        "2026-13-45,Ana Diaz,nobody,Mould.\n"
        f"{ours.by_lee.held_on:%Y-%m-%d},Bo Li,,\n",
    )
    with pytest.raises(ValidationError) as refused:
        services.apply_import(by=may, batch=batch)
    messages = refused.value.messages
    assert "Row 2, Date: Write the date as 2026-05-31 or 5/31/2026." in messages
    assert "Row 2, Held by (a member's username): No member signs in as “nobody”." in messages
    assert any(m.startswith("Row 3, Answers: No answer") for m in messages)
    assert Conversation.objects.count() == before


def test_a_campaign_is_needed_and_must_be_ours(may, ours, theirs):
    with pytest.raises(ValidationError, match="Choose the campaign"):
        start(may, None, "Date,Name\n")
    with pytest.raises(ValidationError, match="Choose the campaign"):
        start(may, theirs.campaign, "Date,Name\n")


def test_heards_own_export_comes_back_without_doubling(may, may_client, ours):
    exported = b"".join(may_client.get("/exports/conversations.csv").streaming_content)
    batch = services.start_import(
        by=may, filename="c.csv", data=exported, kind=KIND, campaign=ours.campaign
    )
    before = Conversation.objects.count()
    report = services.apply_import(by=may, batch=batch)
    assert report["created"] == 0 and Conversation.objects.count() == before


def test_conversations_exported_and_imported_into_a_new_organization_export_the_same(
    may_client, ours
):
    exported = b"".join(
        may_client.get(
            "/exports/conversations.csv", {"campaign": ours.campaign.pk}
        ).streaming_content
    )
    other = OrganizationFactory(name="Partner union")
    admin = MembershipFactory(organization=other, role=Role.ADMIN)
    campaign = CampaignFactory(
        organization=other, name=ours.campaign.name, starts_on=ours.campaign.starts_on
    )
    for q in ours.campaign.questions.all():
        GuideQuestionFactory(
            campaign=campaign, position=q.position, prompt=q.prompt, purpose=q.purpose
        )
    batch = services.start_import(
        by=admin, filename="c.csv", data=exported, kind=KIND, campaign=campaign
    )
    mapping = {i: f for i, f in batch.mapping.items() if f not in ("id", "held_by")}
    services.set_mapping(by=admin, batch=batch, mapping=mapping)
    services.apply_import(by=admin, batch=batch)
    client = Client()
    client.force_login(admin.user)
    again = b"".join(client.get("/exports/conversations.csv").streaming_content)

    def heard(data):
        rows = csv.DictReader(io.StringIO(data.decode("utf-8-sig")))
        return sorted(
            (r["held_on"], r["venue"], r["people"], r["answer: What keeps you up at night?"])
            for r in rows
        )

    assert heard(again) == heard(exported) and len(heard(again)) == 2
