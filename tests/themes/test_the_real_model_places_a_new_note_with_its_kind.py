"""The one themes test that loads the real model (the multilingual encoder, about a second)."""

import pytest
from themes_factories import add_conversation, theme_of

from heard.analysis.embed import MODEL_ID, MultilingualEmbedder
from heard.themes import embedding
from heard.themes.models import NoteEmbedding
from heard.themes.services import theme_campaign
from heard.themes.tasks import place_waiting_conversations

RENT = [
    "The landlord raised our rent again this spring.",
    "Rent went up two hundred dollars and wages did not.",
    "We might have to move because the rent is too high.",
    "Our lease renewal came with a big rent increase.",
    "Half of what she earns goes to rent now.",
    "He is worried the landlord will raise the rent after the repairs.",
    "Rents on the block keep climbing every year.",
    "They cannot afford the new rent and are looking at smaller places.",
    "The rent increase letter came the week before Christmas.",
    "She pays more in rent than her parents paid for their mortgage.",
    "Another rent hike, and the building still has no working heat.",
    "Rent is the first bill they pay and the one that scares them most.",
    "The new owners doubled the rent for the ground floor units.",
    "He works two jobs just to cover the rent.",
]
BUSES = [
    "The number 9 bus stopped running after 8 pm.",
    "Buses come every hour now, so she is late for work.",
    "The bus route to the clinic was cut last month.",
    "Without a car, the bus is the only way to the grocery store.",
    "The bus shelter on Main has no roof and no bench.",
    "Her son misses school when the bus does not show up.",
    "The transit authority cut the weekend bus service.",
    "He waits forty minutes for a bus in the cold.",
    "Night shift workers have no bus home.",
    "The bus fare went up and seniors lost their discount.",
    "They want the old bus route back through the east side.",
    "The bus stop was moved half a mile away from the senior center.",
    "Buses are always full by the time they reach our stop.",
    "Getting to the hospital takes two buses and two hours.",
]


@pytest.fixture
def real_model(monkeypatch):
    model = MultilingualEmbedder()
    monkeypatch.setattr(embedding, "base_embedder", lambda: model)
    return model


def test_the_real_model_keeps_rent_and_buses_apart_and_files_a_new_rent_note(
    campaign, organizer, real_model
):
    rent = [add_conversation(campaign, organizer, text) for text in RENT]
    buses = [add_conversation(campaign, organizer, text) for text in BUSES]

    theme_campaign(campaign=campaign)

    rent_themes = {theme_of(c) for c in rent} - {None}
    bus_themes = {theme_of(c) for c in buses} - {None}
    assert len(rent_themes) == 1 and len(bus_themes) == 1
    assert rent_themes != bus_themes
    assert NoteEmbedding.objects.filter(model_id=MODEL_ID).count() == 28

    newcomer = add_conversation(
        campaign, organizer, "Our landlord just told us the rent goes up in June."
    )
    place_waiting_conversations.enqueue(campaign.pk)

    assert {theme_of(newcomer)} == rent_themes
