"""The unpacked copy of the language model answers exactly as the shipped one, and a damaged or
missing copy never changes an answer."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.segment import language

SENTENCES = [
    "Le président a déclaré que la réforme serait votée avant la fin de l'année prochaine.",
    "Der Präsident sagte am Montag, die Reform werde noch vor Ende des Jahres beschlossen.",
    "El presidente dijo el lunes que la reforma se aprobará antes de que termine el año.",
    "O presidente disse na segunda-feira que a reforma será aprovada antes do fim do ano.",
    "Prezident v pondělí řekl, že reforma bude schválena ještě před koncem roku.",
    "The president said on Monday that the reform would pass before the end of the year.",
    "Il presidente ha detto lunedì che la riforma sarà approvata entro la fine dell'anno.",
]


def _answers() -> list[tuple[str, float]]:
    model = language._model()
    return [(code, round(float(p), 6)) for code, p in (model.classify(s) for s in SENTENCES)]  # type: ignore[attr-defined]


@pytest.fixture()
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("READER_STARTUP_CACHE", raising=False)
    language._model.cache_clear()
    yield tmp_path
    language._model.cache_clear()


def test_kept_copy_answers_as_the_shipped_model(cache_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("READER_STARTUP_CACHE", "0")
    shipped = _answers()
    assert [code for code, _ in shipped] == ["fr", "de", "es", "pt", "cs", "en", "it"]
    monkeypatch.delenv("READER_STARTUP_CACHE")
    language._model.cache_clear()
    first = _answers()  # unpacks the shipped model and keeps a copy
    folder = language._kept_model_path()
    assert folder is not None and str(cache_home) in str(folder) and (folder / "nextmove.npy").exists()
    language._model.cache_clear()
    from_copy = _answers()
    assert shipped == first == from_copy


def test_damaged_copy_falls_back_to_the_shipped_model(cache_home: Path) -> None:
    expected = _answers()
    folder = language._kept_model_path()
    assert folder is not None
    (folder / "ptc.npy").write_bytes(b"not an array")
    language._model.cache_clear()
    assert _answers() == expected
    assert (folder / "ptc.npy").stat().st_size > 1000  # made again whole


def test_unwritable_cache_still_identifies(cache_home: Path) -> None:
    (cache_home / "article-reader").write_text("a file where the folder should be")
    assert [code for code, _ in _answers()][:3] == ["fr", "de", "es"]


def test_a_copy_for_another_model_is_removed(cache_home: Path) -> None:
    folder = language._kept_model_path()
    assert folder is not None
    stale = folder.parent / "made-by-an-older-py3langid"
    stale.mkdir(parents=True)
    (stale / "ptc.npy").write_bytes(b"old")
    _answers()
    assert folder.is_dir() and not stale.exists()
