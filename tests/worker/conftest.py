import pytest
from django_tasks_db.models import DBTaskResult


@pytest.fixture(autouse=True)
def empty_queue(db):
    """Each test starts from an empty queue: a transactional test elsewhere (a live server
    saving a conversation as its browser closes) may have committed a task after its flush."""
    DBTaskResult.objects.all().delete()
