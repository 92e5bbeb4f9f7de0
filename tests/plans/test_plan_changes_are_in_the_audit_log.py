"""Who changed the plan, and when, is in the organization's audit log (field names only)."""

from django.urls import reverse

from heard.plans.models import PlanAction
from heard.privacy.models import AuditEvent


def test_adding_an_action_is_logged_for_our_organization(may, may_client, planned):
    may_client.post(
        reverse("plans:action_add", args=[planned.cold_in_plan.pk]),
        {"what": "Call the councillor", "status": "planned"},
    )
    logged = AuditEvent.objects.filter(object_kind="plans.planaction", action="created")
    assert logged.filter(organization=planned.org, actor=may.user).exists()
    assert not AuditEvent.objects.filter(detail__contains="Call the councillor").exists()


def test_a_campaign_deleted_with_its_plan_deletes_cleanly(planned):
    planned.campaign.conversations.all().delete()
    planned.campaign.delete()
    assert not PlanAction.objects.filter(pk=planned.action_sam.pk).exists()
    assert (
        not AuditEvent.objects.filter(object_kind="plans.planaction", organization=None)
        .filter(action="created")
        .exists()
    )
