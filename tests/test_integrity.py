"""Nothing wrong leaves with exit 0: outputs are checked, collisions refused, failures reported.

Each test here pins a defect a first-time user could hit: a damaged cache copied out as the result, an
output written over its own input, a player that failed reported as played, a misread input.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cache import ClipCache

from .conftest import SAMPLES, probe

BODY = "The council met on Tuesday and voted to keep the night ferry running all winter long."


def reader(*args: str, stdin: bytes | None = None, cwd: Path | None = None,
           timeout: float = 300) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([sys.executable, "-m", "reader", *args], input=stdin, capture_output=True,
                          timeout=timeout, cwd=cwd)
    return subprocess.CompletedProcess(done.args, done.returncode, done.stdout.decode("utf-8", "replace"),
                                       done.stderr.decode("utf-8", "replace"))


def one_line_error(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 1, (done.returncode, done.stdout, done.stderr)
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    return lines[0]


# --- the player ----------------------------------------------------------------------------------

def test_a_player_that_fails_is_an_error_naming_it() -> None:
    done = reader("play", str(SAMPLES / "harbour-ferry.txt"), "--engine", "silence", "--player", "false")
    line = one_line_error(done)
    assert "'false'" in line and "exit status 1" in line and "played" not in done.stderr


def test_a_player_that_stops_reading_early_is_an_error() -> None:
    done = reader("play", str(SAMPLES / "harbour-ferry.txt"), "--engine", "silence", "--player", "head -c 100")
    line = one_line_error(done)
    assert "'head'" in line and "before the end" in line


def test_an_empty_player_is_a_usage_error() -> None:
    done = reader("play", str(SAMPLES / "harbour-ferry.txt"), "--engine", "silence", "--player", "")
    assert done.returncode == 2 and "--player" in done.stderr and "Traceback" not in done.stderr


# --- the caches ----------------------------------------------------------------------------------

def test_a_damaged_cached_export_is_made_again_not_copied_out(tmp_path: Path, private_dirs: Path) -> None:
    out = tmp_path / "a.mp3"
    first = reader("export", str(SAMPLES / "harbour-ferry.txt"), "-o", str(out), "--engine", "silence", "--json")
    assert first.returncode == 0, first.stderr
    good = out.read_bytes()
    cached = list((private_dirs / "cache" / "exports").glob("*.audio"))
    assert len(cached) == 1
    data = bytearray(cached[0].read_bytes())
    for i in range(len(data) // 3, len(data) // 3 + 4000):
        data[i] ^= 0x5A  # same size, different bytes: only a checksum can tell
    cached[0].write_bytes(bytes(data))
    out.unlink()
    again = reader("export", str(SAMPLES / "harbour-ferry.txt"), "-o", str(out), "--engine", "silence", "--json")
    assert again.returncode == 0, again.stderr
    assert again.stderr.count("damaged") == 1, again.stderr
    assert out.read_bytes() == good, "rebuilt from the clips, not copied from the damaged entry"
    assert probe(out).duration > 10


def test_many_damaged_clips_make_one_warning(tmp_path: Path, private_dirs: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text(f"{BODY}\n\nThe mayor answered every question. She spoke for an hour. Then she left.\n")
    first = reader("export", str(source), "-o", str(tmp_path / "a.wav"), "--engine", "espeak", "--json")
    assert first.returncode == 0, first.stderr
    clips = list((private_dirs / "cache").glob("*/*.clip"))
    assert len(clips) >= 3
    for clip in clips:
        clip.write_bytes(clip.read_bytes()[:-10] + b"0123456789")
    ClipCache(private_dirs / "cache").exports.clear()
    again = reader("export", str(source), "-o", str(tmp_path / "a.wav"), "--engine", "espeak", "--json")
    assert again.returncode == 0, again.stderr
    assert again.stderr.count("damaged") == 1, again.stderr
    assert json.loads(again.stdout)["synthesized"] == len(clips)
