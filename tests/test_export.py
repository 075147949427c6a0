"""Real exports through Piper with the embedded voice and the bundled ffmpeg, checked by properties."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reader import pipeline
from reader.engines import Registry
from reader.errors import ExportError
from reader.options import CastingOptions, ExportOptions

from .conftest import SAMPLES, probe

SAMPLE = SAMPLES / "glacier-station.md"


def _spoken_words(result: pipeline.ExportResult) -> int:
    return sum(len(re.findall(r"\w+", run.text)) for run in result.timeline.runs)


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, pipeline.ExportResult]]:
    out = tmp_path_factory.mktemp("export")
    engines = Registry.from_entry_points()
    results = {}
    for ext in (".wav", ".mp3"):
        path = out / f"glacier{ext}"
        results[ext] = (path, pipeline.export_article(str(SAMPLE), path, engines, jobs=2))
    return results


@pytest.mark.parametrize("ext", [".wav", ".mp3"])
def test_sample_export_sounds_like_speech(exported: dict[str, tuple[Path, pipeline.ExportResult]], ext: str) -> None:
    path, result = exported[ext]
    info = probe(path)
    words = _spoken_words(result)
    assert words > 150
    # Piper's joe voice reads about 2.5 words a second; pauses bring the average down a little.
    assert 1.5 <= words / info.duration <= 3.5, (words, info.duration)
    assert abs(info.duration - result.duration) < 0.2
    assert info.channels == 1
    assert info.sample_rate == (22050 if ext == ".wav" else 44100)  # WAV keeps the voice's own rate
    assert info.codec == ("pcm_s16le" if ext == ".wav" else "mp3")
    assert info.rms_db > -35, "speech should not be near-silent"
    assert info.peak > 0.2


def test_mp3_carries_title_and_chapters(exported: dict[str, tuple[Path, pipeline.ExportResult]]) -> None:
    path, result = exported[".mp3"]
    info = probe(path)
    assert "A weather station on the glacier sends its last report" in info.header
    assert "Three decades in numbers" in info.header
    assert result.chapters >= 2


def test_no_partial_file_when_encoding_fails(tmp_path: Path) -> None:
    engines = Registry.from_entry_points()
    target = tmp_path / "out.xyz"
    with pytest.raises(ExportError, match="unknown output format"):
        pipeline.export_article(str(SAMPLE), target, engines, ExportOptions(casting=CastingOptions(engine="silence")))
    assert list(tmp_path.iterdir()) == []
