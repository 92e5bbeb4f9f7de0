"""The bundled multilingual sentence encoder: meaning over wording, and over language."""

import numpy as np
import pytest

from heard.analysis.embed import DIMENSION, MAX_CHARACTERS, MultilingualEmbedder


@pytest.fixture(scope="module")
def model():
    return MultilingualEmbedder(batch_size=4)


def test_paraphrases_are_closer_than_an_unrelated_note(model):
    rent, rent_again, bus = model.embed(
        [
            "My rent went up again and I can barely pay it.",
            "The landlord raised the rent and we can't afford it.",
            "The number 12 bus never comes on time.",
        ]
    )
    assert rent @ rent_again > rent @ bus + 0.2


def test_a_spanish_note_sits_with_the_english_note_on_the_same_problem(model):
    rent, bus, renta, camion = model.embed(
        [
            "The landlord raised our rent again and we might have to move.",
            "The bus comes once an hour, so she is late for her shift.",
            "El dueño nos subió la renta otra vez y tal vez tengamos que mudarnos.",
            "El camión pasa cada hora y llega tarde al trabajo.",
        ]
    )
    assert renta @ rent > renta @ bus + 0.2
    assert camion @ bus > camion @ rent + 0.2


def test_vectors_have_unit_length_and_the_model_dimension(model):
    vectors = model.embed(["hola", "the heater has been broken since November"])
    assert vectors.shape == (2, DIMENSION)
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_batching_keeps_the_callers_order(model):
    texts = ["a much longer note about the broken elevator in building C", "rent", "bus is late"]
    together = model.embed(texts)
    alone = np.vstack([model.embed([text]) for text in texts])
    np.testing.assert_allclose(together, alone, atol=1e-4)


def test_a_note_longer_than_the_model_reads_is_cut_not_refused(model):
    long_note = "the rent keeps going up " * 2000
    assert len(long_note) > MAX_CHARACTERS
    np.testing.assert_allclose(
        model.embed([long_note]), model.embed([long_note[:MAX_CHARACTERS]]), atol=1e-5
    )


def test_progress_is_reported_per_batch_up_to_the_total(model):
    reports = []
    model.embed([f"note {n}" for n in range(10)], progress=lambda d, t: reports.append((d, t)))
    assert reports == [(4, 10), (8, 10), (10, 10)]


def test_no_notes_give_no_vectors(model):
    assert model.embed([]).shape == (0, DIMENSION)
