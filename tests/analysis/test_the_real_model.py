"""The bundled all-MiniLM-L6-v2 (int8 ONNX) embeds like sentence-transformers would."""

import numpy as np
import pytest

from heard.analysis.embed import DIMENSION, MAX_TOKENS, MiniLMEmbedder


@pytest.fixture(scope="module")
def model():
    return MiniLMEmbedder(batch_size=4)


def test_paraphrases_are_closer_than_an_unrelated_note(model):
    rent, rent_again, bus = model.embed(
        [
            "My rent went up again and I can barely pay it.",
            "The landlord raised the rent and we can't afford it.",
            "The number 12 bus never comes on time.",
        ]
    )
    assert rent @ rent_again > rent @ bus + 0.2


def test_vectors_have_unit_length_and_the_model_dimension(model):
    vectors = model.embed(["hola", "the heater has been broken since November"])
    assert vectors.shape == (2, DIMENSION)
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_sorting_by_length_for_speed_keeps_the_callers_order(model):
    texts = ["a much longer note about the broken elevator in building C", "rent", "bus is late"]
    together = model.embed(texts)
    alone = np.vstack([model.embed([text]) for text in texts])
    np.testing.assert_allclose(together, alone, atol=1e-4)


def test_a_note_longer_than_the_model_reads_is_truncated_not_refused(model):
    long_note = "the rent keeps going up " * 200
    tokens = model.tokenize_batches([long_note])[0][1]["input_ids"]
    assert tokens.shape[1] == MAX_TOKENS
    assert model.embed([long_note]).shape == (1, DIMENSION)


def test_progress_is_reported_per_batch_up_to_the_total(model):
    reports = []
    model.embed([f"note {n}" for n in range(10)], progress=lambda d, t: reports.append((d, t)))
    assert reports == [(4, 10), (8, 10), (10, 10)]


def test_no_notes_give_no_vectors(model):
    assert model.embed([]).shape == (0, DIMENSION)
