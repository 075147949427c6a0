"""Shared fixtures: paths, and helpers that measure audio files with the bundled ffmpeg."""

from __future__ import annotations

import array
import math
import os
import re
import shutil
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


@pytest.fixture(scope="session")
def user_cache_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One user cache folder for the whole run: its startup cache is made once, not in every test."""
    return tmp_path_factory.mktemp("user-cache")


@pytest.fixture(autouse=True)
def private_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch,
                 user_cache_home: Path) -> Path:
    """Tests never read the developer's config or write to their caches (subprocesses inherit this)."""
    base = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("READER_CACHE_DIR", str(base / "cache"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(user_cache_home))
    (base / "config.toml").write_text("# no settings: every option has its default\n")
    monkeypatch.setenv("READER_CONFIG", str(base / "config.toml"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(base / "config"))
    return base


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


# CI must not skip what it can install: there, a missing engine is a failure (CI=true is set by CI).
REQUIRED = os.environ.get("CI", "").lower() == "true"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if REQUIRED or shutil.which("espeak-ng"):
        return
    skip = pytest.mark.skip(reason="espeak-ng is not installed (apt install espeak-ng); CI installs it")
    for item in items:
        if "espeak" in item.keywords:
            item.add_marker(skip)


def median_f0(samples: "list[int] | object", rate: int) -> float:
    """Median fundamental frequency (Hz) of voiced 40 ms frames, by autocorrelation."""
    import numpy as np

    x = np.asarray(samples, dtype=np.float64)
    frame = int(0.04 * rate)
    lo, hi = int(rate / 400), int(rate / 60)
    loud = np.sqrt(np.mean(x**2)) if len(x) else 0.0
    found = []
    for start in range(0, len(x) - frame, frame):
        seg = x[start : start + frame]
        seg = seg - seg.mean()
        if np.sqrt(np.mean(seg**2)) < 0.5 * loud:
            continue
        corr = np.correlate(seg, seg, mode="full")[frame - 1 :]
        lag = lo + int(np.argmax(corr[lo:hi]))
        if corr[lag] > 0.3 * corr[0]:
            found.append(rate / lag)
    return float(np.median(found)) if found else 0.0
