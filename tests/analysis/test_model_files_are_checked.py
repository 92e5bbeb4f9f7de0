"""Heard runs only the model files it was built with: a changed byte is refused, clearly."""

import shutil

import pytest

from heard.analysis.embed import (
    MODEL_SHA256,
    VOCABULARY_SHA256,
    ModelFileError,
    ModelFileMismatch,
    MultilingualEmbedder,
    default_model_files,
    file_sha256,
)


def test_the_installed_files_are_the_pinned_ones():
    files = default_model_files()
    assert file_sha256(files.weights) == MODEL_SHA256
    assert file_sha256(files.vocabulary) == VOCABULARY_SHA256


def test_tampered_weights_are_refused_with_the_file_and_both_hashes(tmp_path):
    files = default_model_files()
    tampered = tmp_path / "weights.npz"
    shutil.copyfile(files.weights, tampered)
    with open(tampered, "r+b") as handle:
        handle.seek(1000)
        byte = handle.read(1)
        handle.seek(1000)
        handle.write(bytes([byte[0] ^ 0xFF]))
    embedder = MultilingualEmbedder(type(files)(weights=tampered, vocabulary=files.vocabulary))
    with pytest.raises(ModelFileMismatch) as refused:
        embedder.embed(["rent is too high"])
    assert refused.value.path == tampered
    assert refused.value.expected == MODEL_SHA256
    assert refused.value.actual == file_sha256(tampered)
    assert str(tampered) in str(refused.value) and MODEL_SHA256 in str(refused.value)


def test_a_tampered_vocabulary_is_refused_too(tmp_path):
    files = default_model_files()
    tampered = tmp_path / "sp.model"
    data = bytearray(files.vocabulary.read_bytes())
    data[500] ^= 0xFF
    tampered.write_bytes(bytes(data))
    embedder = MultilingualEmbedder(type(files)(weights=files.weights, vocabulary=tampered))
    with pytest.raises(ModelFileMismatch, match="sp.model"):
        embedder.load()


def test_a_missing_file_says_so(tmp_path):
    files = default_model_files()
    embedder = MultilingualEmbedder(
        type(files)(weights=tmp_path / "gone.npz", vocabulary=files.vocabulary)
    )
    with pytest.raises(ModelFileError, match="not found"):
        embedder.load()
