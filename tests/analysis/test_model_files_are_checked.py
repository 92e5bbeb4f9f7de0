"""Heard runs only the model files it was built with: a changed byte is refused, clearly."""

import shutil

import pytest

from heard.analysis.embed import (
    MODEL_SHA256,
    TOKENIZER_SHA256,
    MiniLMEmbedder,
    ModelFileError,
    ModelFileMismatch,
    default_model_files,
    file_sha256,
)


def test_the_installed_files_are_the_pinned_ones():
    files = default_model_files()
    assert file_sha256(files.model) == MODEL_SHA256
    assert file_sha256(files.tokenizer) == TOKENIZER_SHA256


def test_a_tampered_model_is_refused_with_the_file_and_both_hashes(tmp_path):
    files = default_model_files()
    tampered = tmp_path / "model.onnx"
    shutil.copyfile(files.model, tampered)
    with open(tampered, "r+b") as handle:
        handle.seek(1000)
        byte = handle.read(1)
        handle.seek(1000)
        handle.write(bytes([byte[0] ^ 0xFF]))
    embedder = MiniLMEmbedder(type(files)(model=tampered, tokenizer=files.tokenizer), batch_size=4)
    with pytest.raises(ModelFileMismatch) as refused:
        embedder.embed(["rent is too high"])
    assert refused.value.path == tampered
    assert refused.value.expected == MODEL_SHA256
    assert refused.value.actual == file_sha256(tampered)
    assert str(tampered) in str(refused.value) and MODEL_SHA256 in str(refused.value)


def test_a_tampered_tokenizer_is_refused_too(tmp_path):
    files = default_model_files()
    tampered = tmp_path / "tokenizer.json"
    tampered.write_bytes(files.tokenizer.read_bytes().replace(b'"[UNK]"', b'"[UNX]"', 1))
    embedder = MiniLMEmbedder(type(files)(model=files.model, tokenizer=tampered))
    with pytest.raises(ModelFileMismatch, match="tokenizer.json"):
        embedder.load()


def test_a_missing_file_says_so(tmp_path):
    files = default_model_files()
    embedder = MiniLMEmbedder(type(files)(model=tmp_path / "gone.onnx", tokenizer=files.tokenizer))
    with pytest.raises(ModelFileError, match="not found"):
        embedder.load()
