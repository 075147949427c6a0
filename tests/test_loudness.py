"""Loudness measured in process while audio is made, applied in the single encode: real eSpeak NG speech."""

from __future__ import annotations

import re
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader import assemble, casting, export, ffmpeg, pipeline, synth
from reader.engines import Registry
from reader.model import Episode
from reader.options import CastingOptions

from .conftest import SAMPLES


@pytest.fixture(scope="module")
def long_episode() -> Iterator[tuple[Episode, export.Loudness]]:
    """Over a minute of eSpeak NG speech (so the limiter is measured on spread spans), metered as it is made."""
    engines = Registry.from_entry_points()
    lines = []
    for sample in sorted(SAMPLES.glob("*.md"))[:3]:
        lines += casting.plan(pipeline.read_document(str(sample)), engines, CastingOptions(engine="espeak")).lines
    with tempfile.TemporaryDirectory() as work:
        meter = export.Meter(assemble.SAMPLE_RATE)
        episode = assemble.join(synth.render(lines, engines), Path(work) / "e.pcm", title="long", tee=meter)
        yield episode, meter.result()


def _ebur128(path: Path, raw_rate: int | None = None) -> tuple[float, float]:
    source = ["-f", "s16le", "-ar", str(raw_rate), "-ac", "1"] if raw_rate else []
    err = subprocess.run([ffmpeg.executable(), "-hide_banner", "-nostats", *source, "-i", str(path), "-af",
                          "ebur128=peak=true", "-f", "null", "-"], capture_output=True, text=True).stderr
    return (float(re.findall(r"I:\s+(-?[\d.]+) LUFS", err)[-1]), float(re.findall(r"Peak:\s+(-?[\d.]+) dBFS", err)[-1]))


def test_the_meter_agrees_with_ffmpeg(long_episode: tuple[Episode, export.Loudness]) -> None:
    episode, measured = long_episode
    assert episode.duration > 70
    loud, peak = _ebur128(episode.pcm_path, episode.sample_rate)
    assert abs(measured.integrated - loud) <= 0.15, (measured, loud)
    assert measured.peak <= peak + 0.05  # a sample peak never exceeds the true peak


@pytest.mark.parametrize("ext", [".mp3", ".wav"])
def test_a_long_episode_lands_on_target_in_one_encode(long_episode: tuple[Episode, export.Loudness],
                                                      tmp_path: Path, ext: str) -> None:
    episode, measured = long_episode
    out = export.write(episode, tmp_path / f"long{ext}", measured=measured)
    loud, peak = _ebur128(out)
    assert abs(loud + 16) <= 0.8, loud
    assert peak <= -1.5, peak


def test_quiet_speech_needs_no_limiter(long_episode: tuple[Episode, export.Loudness]) -> None:
    episode, measured = long_episode
    plan = export.leveling(episode, -30.0, -1.5, measured=measured)
    assert isinstance(plan, float) and abs(plan - (-30.0 - measured.integrated)) < 1e-6
