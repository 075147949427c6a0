"""A third-party engine, known only through the entry point of its own distribution, is a full citizen:
listed by `reader voices`, cast for a language it speaks, varied per speaker, and used under --engine."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import wave
from pathlib import Path

import pytest

from .conftest import ROOT

PLUGIN_PATH = ROOT / "tests" / "plugin_dist"

ARTICLE = """The harbour council met on Tuesday

The council voted to keep the night ferry running through the winter. "We will not leave the island \
without a boat after dark," said Marta Lind, who chairs the transport committee. Her deputy disagreed. \
"The numbers do not add up for another year," said Pieter Hols.

De gemeenteraad heeft dinsdagavond besloten dat de nachtveerboot ook deze winter blijft varen. Volgens \
de wethouder is het geld daarvoor al gereserveerd in de begroting.

The decision will be reviewed in the spring, when the new timetable is published.
"""


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(PLUGIN_PATH), str(ROOT)])}
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, env=env, cwd=cwd, timeout=300,
                          check=False)


@pytest.fixture()
def article(tmp_path: Path) -> Path:
    path = tmp_path / "council.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_plugin_is_listed_by_reader_voices(tmp_path: Path) -> None:
    done = _run("-m", "reader", "voices", "--json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    toy = next(e for e in json.loads(done.stdout)["engines"] if e["name"] == "toy")
    assert toy["available"] is True
    assert {v["id"] for v in toy["voices"]} == {"nl", "eo"}


def test_plugin_is_cast_for_a_language_it_speaks(article: Path, tmp_path: Path) -> None:
    script = (
        "import json, sys\n"
        "from reader import casting, pipeline\n"
        "from reader.engines import Registry\n"
        f"doc = pipeline.read_document({str(article)!r})\n"
        "plan = casting.plan(doc, Registry.from_entry_points())\n"
        "print(json.dumps(sorted({(l.lang, l.voice.engine) for l in plan.lines})))\n"
    )
    done = _run("-c", script, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    pairs = {tuple(p) for p in json.loads(done.stdout)}
    # It declares a better rank than eSpeak, which also speaks Dutch.
    assert ("nl", "toy") in pairs
    assert all(engine != "toy" for lang, engine in pairs if lang == "en")


def test_plugin_under_engine_varies_speakers_and_keeps_prosody(article: Path, tmp_path: Path) -> None:
    out = tmp_path / "council.wav"
    done = _run("-m", "reader", "export", str(article), "-o", str(out), "--engine", "toy", "--transcript", "json",
                "--no-cache", "-q", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    timeline = json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))
    voices = {run["voice"] for run in timeline["runs"]}
    assert all(v.startswith("toy:") for v in voices)
    by_speaker = {run["speaker"]: run["voice"] for run in timeline["runs"] if run["speaker"]}
    assert set(by_speaker) == {"Marta Lind", "Pieter Hols"}
    assert by_speaker["Marta Lind"] != by_speaker["Pieter Hols"]
    heading = next(run["voice"] for run in timeline["runs"] if run["kind"] == "heading")
    narration = next(run["voice"] for run in timeline["runs"] if run["role"] == "narration" and run["kind"] != "heading")
    assert heading != narration  # the heading profile's slower rate survives --engine
    with wave.open(str(out)) as wav:
        seconds = wav.getnframes() / wav.getframerate()
    assert abs(seconds - timeline["duration"]) < 0.05
    assert seconds > 20  # every run was rendered, at 70 ms a character
