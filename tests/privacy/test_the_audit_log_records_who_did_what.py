"""What the audit log hears, and what it never keeps: values typed about a neighbour."""

import numpy as np
from django.db import connection
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse
from factories import PASSWORD, OrganizationFactory, PersonFactory, PlaceFactory

from heard.people.models import Person
from heard.privacy.audit import acting_as, acting_as_operator, audit_paused
from heard.privacy.middleware import AuditMiddleware
from heard.privacy.models import Action, AuditEvent
from heard.themes.models import NoteEmbedding, ThemeRun


def test_a_sign_in_is_recorded(may, client):
    response = client.post(reverse("login"), {"username": "may", "password": PASSWORD})
    assert response.status_code == 302
    event = AuditEvent.objects.get(action=Action.SIGN_IN)
    assert (event.actor, event.actor_name, event.organization) == (
        may.user,
        "may",
        may.organization,
    )


def test_a_sign_out_is_recorded(may, may_client):
    may_client.post(reverse("logout"))
    assert AuditEvent.objects.get(action=Action.SIGN_OUT).actor == may.user


def test_a_failed_sign_in_names_the_member_whose_name_was_typed(may, client):
    client.post(reverse("login"), {"username": "may", "password": "wrong horse"})
    event = AuditEvent.objects.get(action=Action.SIGN_IN_FAILED)
    assert (event.actor_name, event.organization) == ("may", may.organization)


def test_a_failed_sign_in_with_another_name_keeps_nothing_of_what_was_typed(org, client):
    client.post(reverse("login"), {"username": "Rosa Alvarez", "password": "x"})
    event = AuditEvent.objects.get(action=Action.SIGN_IN_FAILED)
    assert (event.actor, event.actor_name, event.organization) == (None, "unknown user", None)
    assert not AuditEvent.objects.filter(detail__contains="Rosa").exists()


def test_reading_a_persons_page_is_recorded(ours, may, may_client):
    may_client.get(reverse("people:detail", args=[ours.rosa.pk]))
    event = AuditEvent.objects.get(action=Action.VIEWED)
    assert (event.actor, event.organization, event.object_kind, event.object_id) == (
        may.user,
        ours.org,
        "people.person",
        str(ours.rosa.pk),
    )
    assert event.person_id == ours.rosa.pk


def test_reading_a_conversation_is_recorded(ours, lee, lee_client):
    lee_client.get(reverse("conversations:detail", args=[ours.by_lee.pk]))
    event = AuditEvent.objects.get(action=Action.VIEWED)
    assert (event.actor, event.object_kind, event.object_id) == (
        lee.user,
        "conversations.conversation",
        str(ours.by_lee.pk),
    )


def test_a_page_refused_records_no_view(ours, otto_client):
    assert otto_client.get(reverse("people:detail", args=[ours.rosa.pk])).status_code == 404
    assert not AuditEvent.objects.filter(action=Action.VIEWED).exists()


def test_a_change_records_the_names_of_the_fields_never_their_values(ours, may):
    rosa = Person.objects.get(pk=ours.rosa.pk)
    with acting_as(may.user):
        rosa.phone = "555-SECRET-99"
        rosa.email = "rosa.secret@example.org"
        rosa.save()
        rosa.save()  # nothing changed: nothing to record
    event = AuditEvent.objects.get(action=Action.CHANGED)
    assert (event.actor, event.organization, event.person_id) == (may.user, ours.org, rosa.pk)
    assert event.detail == "fields: phone, email"
    row = AuditEvent.objects.filter(pk=event.pk).values().get()
    assert not any("SECRET" in str(v) or "rosa.secret" in str(v) for v in row.values())


def test_rows_without_an_organization_are_filed_under_their_conversations(ours, may):
    from factories import QuoteFactory

    with acting_as_operator():
        quote = QuoteFactory(conversation=ours.by_may, person=ours.sam, text="x")
    event = AuditEvent.objects.get(object_kind="conversations.quote", object_id=str(quote.pk))
    assert (event.action, event.actor_name, event.organization) == (
        Action.CREATED,
        "command line",
        ours.org,
    )
    assert event.person_id == ours.sam.pk


def test_a_deletion_is_recorded(ours, may):
    pk = ours.sam.pk
    with acting_as(may.user):
        Person.objects.get(pk=pk).delete()
    assert AuditEvent.objects.filter(
        action=Action.DELETED, object_kind="people.person", object_id=str(pk), actor=may.user
    ).exists()


def test_the_middleware_attributes_a_requests_writes_to_its_user(ours, may):
    def view(request):
        PersonFactory(organization=ours.org, name="Added on the page")
        return HttpResponse()

    request = RequestFactory().post("/")
    request.user = may.user
    AuditMiddleware(view)(request)
    [event] = AuditEvent.objects.filter(actor=may.user)
    assert (event.action, event.object_kind, event.actor_name, event.organization) == (
        Action.CREATED,
        "people.person",
        "may",
        ours.org,
    )


def test_the_machines_churn_is_not_recorded(ours, may):
    with acting_as(may.user):
        NoteEmbedding.objects.create(
            model_id="m", text_sha256="0" * 64, vector=np.ones(2, np.float32).tobytes()
        )
        run = ThemeRun.objects.create(campaign=ours.campaign)
        run.done = 10
        run.save()  # a progress report
    kinds = set(AuditEvent.objects.values_list("object_kind", "action"))
    assert ("themes.noteembedding", Action.CREATED) not in kinds
    assert ("themes.themerun", Action.CREATED) in kinds
    assert ("themes.themerun", Action.CHANGED) not in kinds


def test_nothing_is_recorded_while_paused(org, may):
    before = AuditEvent.objects.count()
    with audit_paused(), acting_as(may.user):
        PersonFactory(organization=org)
    assert AuditEvent.objects.count() == before


def test_deleting_an_organization_takes_its_log_and_leaves_the_operator_one_line(db):
    # (Module fixtures that load and delete the demo outside any test leave such a line too.)
    doomed = OrganizationFactory()
    pk = doomed.pk
    with acting_as_operator():
        PersonFactory(organization=doomed, place=PlaceFactory(organization=doomed))
        assert AuditEvent.objects.filter(organization=doomed).count() >= 2
        doomed.delete()
    connection.check_constraints()  # no event left pointing at the deleted organization
    [line] = AuditEvent.objects.filter(object_kind="accounts.organization", object_id=pk)
    assert (line.action, line.organization) == (Action.DELETED, None)
