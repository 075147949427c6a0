"""The command line as users and scripts see it: exit codes, one-line errors, stdout for data only."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from .conftest import SAMPLES


def reader(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=300)


def test_missing_input_is_one_line_exit_1(tmp_path: Path) -> None:
    done = reader("export", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "x.mp3"))
    assert done.returncode == 1
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert "nope.txt" in lines[0] and "no such file" in lines[0]
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "x.mp3").exists()


def test_usage_error_exits_2() -> None:
    done = reader("export")
    assert done.returncode == 2


def test_debug_shows_traceback(tmp_path: Path) -> None:
    done = reader("--debug", "segments", str(tmp_path / "nope.txt"))
    assert done.returncode == 1
    assert "Traceback" in done.stderr


def test_segments_json_on_stdout() -> None:
    done = reader("segments", str(SAMPLES / "harbour-ferry.txt"), "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert {"title", "language", "blocks", "skipped"} <= set(data)
    kinds = {block["kind"] for block in data["blocks"]}
    assert kinds == {"heading", "paragraph"}
    run = data["blocks"][0]["runs"][0]
    assert {"role", "text", "speaker", "lang"} <= set(run)


def test_export_with_silence_engine_writes_wav_and_reports_on_stderr(tmp_path: Path) -> None:
    out = tmp_path / "dry.wav"
    done = reader("export", str(SAMPLES / "harbour-ferry.txt"), "-o", str(out), "--engine", "silence")
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    assert "wrote" in done.stderr
    assert out.stat().st_size > 44
    assert [p.name for p in tmp_path.iterdir()] == ["dry.wav"]


def test_segments_reads_stdin() -> None:
    text = (SAMPLES / "harbour-ferry.txt").read_text(encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "reader", "segments", "-", "--json"], input=text,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["title"].startswith("Night ferry")


def test_unreachable_url_is_one_line_error() -> None:
    done = reader("segments", "http://article.invalid/news/1")
    assert done.returncode == 1
    assert len(done.stderr.strip().splitlines()) == 1
    assert "network" in done.stderr


def test_binary_input_is_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    done = reader("segments", str(path))
    assert done.returncode == 1
    assert "binary" in done.stderr and len(done.stderr.strip().splitlines()) == 1


def test_voices_json_lists_engines_and_profiles() -> None:
    done = reader("voices", "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    engines = {e["name"]: e for e in data["engines"]}
    assert engines["piper"]["available"] and engines["piper"]["voices"][0]["id"] == "en_US-joe-medium"
    assert engines["gtts"]["needs_network"] is True
    assert any(p["name"] == "default" for p in data["profiles"])


def test_voices_for_one_engine() -> None:
    done = reader("voices", "--engine", "piper")
    assert done.returncode == 0 and "en_US-joe-medium" in done.stdout
    assert reader("voices", "--engine", "no-such-engine").returncode == 1
