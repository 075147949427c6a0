"""The read-along page in real headless Chromium: after seeking to a run's start, that run is highlighted."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from reader import pipeline
from reader.engines import Registry
from reader.options import CastingOptions, ExportOptions

from .conftest import REQUIRED, SAMPLES

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")

pytestmark = pytest.mark.skipif(CHROMIUM is None and not REQUIRED,
                                reason="chromium is not installed (apt install chromium); CI installs it")


def _current_after_seek(page: Path, seconds: float) -> str | None:
    with tempfile.TemporaryDirectory() as profile:
        dom = subprocess.run(
            [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={profile}", "--autoplay-policy=no-user-gesture-required",
             "--virtual-time-budget=5000", "--dump-dom", f"{page.as_uri()}#t={seconds:.3f}"],
            capture_output=True, text=True, timeout=120,
        ).stdout
    found = re.search(r'<span class="[^"]*\bcurrent\b[^"]*"[^>]*\bid="(b\d+r\d+)"', dom)
    return found.group(1) if found else None


def test_seeking_highlights_the_run_being_spoken(tmp_path: Path) -> None:
    out = tmp_path / "market.wav"
    pipeline.export_article(str(SAMPLES / "night-market.html"), out, Registry.from_entry_points(),
                            ExportOptions(casting=CastingOptions(engine="silence"), loudness=None,
                                          transcripts=("json",), read_along=True))
    page = out.with_suffix(".html")
    runs = json.loads(out.with_suffix(".json").read_text())["runs"]
    picks = [runs[1], runs[len(runs) // 2], runs[-1]]
    for run in picks:
        assert _current_after_seek(page, run["start"] + 0.05) == f"b{run['block']}r{run['run']}", run
