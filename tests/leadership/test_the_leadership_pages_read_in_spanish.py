"""The leaders page, a person's path and the scale speak Spanish, reasons included."""

import pytest
from factories import AssessmentFactory, PersonFactory
from spanish import get_in_spanish


@pytest.fixture
def host(ours, may, maple):
    ana = PersonFactory(organization=ours.org, name="Ana Host", place=maple)
    for _ in range(2):
        AssessmentFactory(person=ana, assessed_by=may.user, wants_to_host=True)
    return ana


def test_the_leaders_page_and_its_reasons_speak_spanish(may_client, host):
    page = get_in_spanish(may_client, "/leaders/").content.decode()

    assert "<h1>Líderes emergentes</h1>" in page and "Emerging leaders" not in page
    assert "se ofreció como anfitrión dos veces" in page
    assert "offered to host" not in page
    assert "Ana Host" in page


def test_the_path_and_the_scale_speak_spanish(may_client, host):
    path = get_in_spanish(may_client, f"/leaders/{host.pk}/assess/").content.decode()
    scale = get_in_spanish(may_client, "/leaders/scale/").content.decode()

    assert "Registra lo que viste hoy" in path and "Record what you saw today" not in path
    assert "Ofreció ayudar" in path  # a signal's box
    assert "Quiere ser anfitrión" in path  # a signal seen on the path
    assert "Nuestra escala de liderazgo" in scale and "Our leadership scale" not in scale
