"""Shared fixtures: paths, and helpers that measure audio files with the bundled ffmpeg."""

from __future__ import annotations

import array
import math
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from reader import ffmpeg

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"
FIXTURE = SHARED / "fixtures" / "izvestia-witkoff.txt"


@dataclass(frozen=True)
class Probe:
    """What ffmpeg reports about an audio file, and what its decoded samples measure."""

    codec: str
    sample_rate: int
    channels: int
    duration: float
    peak: float
    """Largest absolute sample, 0..1."""
    rms_db: float
    """RMS level of the whole file in dBFS."""
    header: str


def probe(path: Path) -> Probe:
    """Decode `path` with ffmpeg and measure it (no ffprobe needed)."""
    done = subprocess.run(
        [ffmpeg.executable(), "-hide_banner", "-nostdin", "-i", f"file:{path}", "-f", "s16le", "-ac", "1", "-"],
        capture_output=True, check=True,
    )
    header = done.stderr.decode("utf-8", "replace")
    stream = re.search(r"Audio: (\w+).*?, (\d+) Hz, (mono|stereo|\d channels)", header)
    assert stream, header
    samples = array.array("h", done.stdout)
    rate = int(stream.group(2))
    peak = max((abs(s) for s in samples), default=0) / 32768
    mean_sq = sum(s * s for s in samples) / max(len(samples), 1)
    rms_db = 10 * math.log10(mean_sq / 32768**2) if mean_sq else -120.0
    channels = {"mono": 1, "stereo": 2}.get(stream.group(3), 0) or int(stream.group(3).split()[0])
    return Probe(stream.group(1), rate, channels, len(samples) / rate, peak, rms_db, header)


@pytest.fixture
def shared_fixture() -> Path:
    """The first real input: a whole news page copied as text."""
    if not FIXTURE.exists():
        pytest.skip("../shared/fixtures is not beside this checkout")
    return FIXTURE


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="Re-pin tests/golden/*.json from current output.")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    """True when the run was asked to re-pin golden files."""
    return bool(request.config.getoption("--update-golden"))
