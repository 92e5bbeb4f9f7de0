"""Reads of imports: an organization's, for its staff."""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from heard.accounts.models import Membership

from .models import ImportBatch


def imports_for(membership: Membership) -> QuerySet[ImportBatch]:
    batches = ImportBatch.objects.filter(organization=membership.organization)
    return batches if membership.is_staff_role else batches.none()


def get_import_for(membership: Membership, pk) -> ImportBatch:
    return get_object_or_404(imports_for(membership).defer("rows"), pk=pk)
