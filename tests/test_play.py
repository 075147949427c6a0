"""`reader play` with a player command that records what it receives."""

from __future__ import annotations

import struct
import subprocess
import sys
from pathlib import Path

from reader import assemble, casting, pipeline
from reader.engines import Registry
from reader.options import CastingOptions

from .conftest import SAMPLES

RECORDER = """
import sys, time
out = open(sys.argv[1], "wb")
stamps = open(sys.argv[1] + ".t", "w")
first = True
while True:
    chunk = sys.stdin.buffer.read1(65536)
    if not chunk:
        break
    if first:
        stamps.write(repr(time.time()))
        first = False
    out.write(chunk)
"""


def _recorder(tmp_path: Path) -> tuple[str, Path]:
    script = tmp_path / "recorder.py"
    script.write_text(RECORDER)
    out = tmp_path / "received.wav"
    return f"{sys.executable} {script} {out}", out


def test_play_streams_a_wav_with_every_clip(tmp_path: Path) -> None:
    player, out = _recorder(tmp_path)
    done = subprocess.run([sys.executable, "-m", "reader", "play", str(SAMPLES / "harbour-ferry.txt"), "--engine",
                           "silence", "--player", player], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    data = out.read_bytes()
    assert data[:4] == b"RIFF" and data[8:16] == b"WAVEfmt "
    channels, rate = struct.unpack_from("<HI", data, 22)
    assert (channels, rate) == (1, assemble.SAMPLE_RATE)
    document = pipeline.read_document(str(SAMPLES / "harbour-ferry.txt"))
    engines = Registry.from_entry_points()
    lines = casting.plan(document, engines, CastingOptions(engine="silence")).lines
    expected = pipeline.synth.render(lines, engines)
    with open(tmp_path / "x.pcm", "wb") as sink:
        frames = assemble.stream(expected, sink)
    assert len(data) - 44 == 2 * frames


def test_play_speaks_real_audio_with_piper(tmp_path: Path) -> None:
    player, out = _recorder(tmp_path)
    article = tmp_path / "short.txt"
    article.write_text("The ferry will run all winter. The council decided on Tuesday evening.\n")
    done = subprocess.run([sys.executable, "-m", "reader", "play", str(article), "--player", player],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    samples = out.read_bytes()[44:]
    seconds = len(samples) / 2 / assemble.SAMPLE_RATE
    assert 2.0 < seconds < 10.0
    assert max(abs(v) for (v,) in struct.iter_unpack("<h", samples[: len(samples) // 2 * 2])) > 3000


def test_missing_player_is_one_line_error(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "reader", "play", str(SAMPLES / "harbour-ferry.txt"),
                           "--player", "no-such-player-xyz -"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 1 and "not found" in done.stderr and len(done.stderr.strip().splitlines()) == 1
