import pytest

from heard.spaces.services import save_space


@pytest.fixture
def laundromat(ours, may):
    """The laundromat on Elm, in our registry, with Rosa (Lee's turf) and Sam (not) going there."""
    from heard.spaces.models import Regular

    space = save_space(by=may, name="The laundromat on Elm", kind="laundromat")
    Regular.objects.create(person=ours.rosa, space=space, how="capture")
    Regular.objects.create(person=ours.sam, space=space, how="organizer")
    return space
