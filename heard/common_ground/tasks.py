"""Background work for common ground: scoring a large tie graph (`heard worker`)."""

from django_tasks import task


@task()
def score_ties(organization_id: int) -> int:
    """Betweenness of everyone in the organization's ties, stored for the pages; returns how
    many people were scored."""
    from .connectors import store_scores, ties_of

    ties = ties_of(organization_id)
    return len(store_scores(organization_id, ties))
