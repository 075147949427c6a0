"""What the voice will say, as users see it: `segments --spoken`, `spoken` in JSON, the export timeline."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

DATA = Path(__file__).parent / "data"


def reader(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True, text=True, timeout=300)


def test_segments_spoken_prints_what_the_voice_receives() -> None:
    done = reader("segments", str(DATA / "numbers-en.txt"), "--spoken")
    assert done.returncode == 0, done.stderr
    assert "takes forty-five minutes in calm weather" in done.stdout
    assert "45 min" not in done.stdout
    plain = reader("segments", str(DATA / "numbers-en.txt"))
    assert "takes 45 min in calm weather" in plain.stdout


def test_segments_json_has_text_and_spoken_per_sentence(tmp_path: Path) -> None:
    lexicon = tmp_path / "names.toml"
    lexicon.write_text('[ru]\n"ТАСС" = "агентство тасс"\n', encoding="utf-8")
    done = reader("segments", str(DATA / "numbers-ru.txt"), "--json", "--lexicon", str(lexicon))
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    said = [s for block in data["blocks"] for run in block["runs"] for s in run["sentences"]]
    assert all(set(s) == {"text", "spoken"} for s in said)
    by_text = {s["text"]: s["spoken"] for s in said}
    assert by_text["Зимой вода остывает до 4 °C."] == "Зимой вода остывает до четырёх градусов Цельсия."
    assert any("сообщает агентство тасс" in s for s in by_text.values())
    # every run's sentences together are the run's text
    for block in data["blocks"]:
        for run in block["runs"]:
            assert " ".join(s["text"] for s in run["sentences"]).split() == run["text"].split()


def test_export_timeline_has_spoken_per_sentence(tmp_path: Path) -> None:
    out = tmp_path / "a.wav"
    done = reader("export", str(DATA / "numbers-en.txt"), "-o", str(out), "--engine", "silence",
                  "--transcript", "json", "--no-cache")
    assert done.returncode == 0, done.stderr
    timeline = json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))
    sentences = timeline["sentences"]
    assert all("spoken" in s for s in sentences)
    phone = next(s for s in sentences if "555-0142" in s["text"])
    assert "five five five, zero one four two" in phone["spoken"]
