"""The reliability suite: bad input, faults and hostile cases each end in exit 0 with correct output,
or exit 1 with one line — never a traceback, a partial file, or a lost cache."""

from __future__ import annotations

import errno
import json
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from pydub import AudioSegment

from reader import assemble
from reader.cache import ClipCache
from reader.cli import App, cli
from reader.engines import Registry
from reader.engines.silence_engine import SilenceEngine
from reader.model import VoiceProfile

from .conftest import ROOT, SAMPLES

BODY = "The council met on Tuesday and voted to keep the night ferry running all winter long."


def reader(*args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True, text=True, timeout=timeout)


def assert_clean(done: subprocess.CompletedProcess[str], folder: Path | None = None) -> None:
    """Exit 0, or exit 1 with exactly one line; no traceback; no partial file left in `folder`."""
    assert done.returncode in (0, 1), done.stderr
    assert "Traceback" not in done.stderr
    if done.returncode == 1:
        assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    if folder is not None:
        assert not [p for p in folder.iterdir() if p.name.endswith(".part")]


# --- bad input ---------------------------------------------------------------------------------

BAD_INPUTS: dict[str, bytes] = {
    "empty.txt": b"",
    "whitespace.txt": b"   \n\n\t  \n",
    "binary.bin": bytes(range(256)) * 64,
    "nul-bytes.txt": BODY.encode() + b"\0\0\0" + BODY.encode(),
    "invalid-utf8.txt": BODY.encode() + b"\xff\xfe\xfa bad bytes \xc3\x28 here.\n",
    "cp1251.txt": "Совет проголосовал во вторник за то, чтобы паром ходил всю зиму.".encode("cp1251"),
    "utf16-bom.txt": ("\n\n".join([BODY] * 3)).encode("utf-16"),
    "only-chrome.txt": b"Skip to main content\nMenu\nSearch\nAdvertisement\nShare\nSubscribe\n",
    "control-chars.txt": (BODY + "\x07\x1b[31m more text\x0b after controls here.\n").encode(),
    "emoji.txt": (BODY + " 🚢🎉 The mayor smiled 😀 at everyone in the room tonight.\n").encode(),
    "rtl.txt": (BODY + "\n\nשלום עולם, זה משפט בעברית על המעבורת החדשה של העיר.\n\n"
                "مرحبا بالعالم، هذه جملة باللغة العربية عن العبارة الجديدة.\n").encode(),
    "unbalanced-quotes.txt": (BODY + '\n\n"It will never work, said the critic.\n\n« Encore une citation.\n\n'
                              + BODY + ' "And this one.\n').encode(),
    "sentence-20k.txt": ("word " * 4000).encode() + b".",
    "nested.html": b"<html><body>" + b"<div>" * 10000 + BODY.encode() + b"</div>" * 10000 + b"</body></html>",
    "entities.html": b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;">'
                     b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;">]><html><body><p>' + BODY.encode()
                     + b" &c;&c;&c;&c;</p></body></html>",
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_exports_cleanly(tmp_path: Path, name: str) -> None:
    source = tmp_path / name
    source.write_bytes(BAD_INPUTS[name])
    out = tmp_path / "out" / "x.mp3"
    out.parent.mkdir()
    done = reader("export", str(source), "-o", str(out), "--json")
    assert_clean(done, out.parent)
    if done.returncode == 0:
        result = json.loads(done.stdout)
        assert out.stat().st_size > 1000 and result["duration"] > 1
    else:
        assert not out.exists()
    expected_failure = {"empty.txt", "whitespace.txt", "binary.bin", "nul-bytes.txt", "only-chrome.txt"}
    assert (done.returncode == 1) == (name in expected_failure), (name, done.stderr)


def test_fifty_megabyte_file_is_refused_quickly(tmp_path: Path) -> None:
    source = tmp_path / "huge.txt"
    with open(source, "wb") as fh:
        line = (BODY + "\n\n").encode()
        fh.write(line * (50 * 2**20 // len(line) + 1))
    done = reader("export", str(source), "-o", str(tmp_path / "x.mp3"))
    assert_clean(done, tmp_path)
    assert done.returncode == 1 and "larger than" in done.stderr


def test_title_full_of_path_separators_stays_a_title(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    done = reader("export", str(SAMPLES / "harbour-ferry.txt"), "-o", str(out / "x.wav"), "--engine", "silence",
                  "--title", "../../../etc/passwd/..//x", "--transcript", "json", "--read-along")
    assert_clean(done, out)
    assert sorted(p.name for p in out.iterdir()) == ["x.html", "x.json", "x.wav"]
    assert json.loads((out / "x.json").read_text())["title"] == "../../../etc/passwd/..//x"


# --- faults ------------------------------------------------------------------------------------

class _Faulty(SilenceEngine):
    """Speaks a tone, and misbehaves from the `after`-th call on."""

    name = "faulty"
    speaks = True

    def __init__(self, mode: str, after: int = 4) -> None:
        super().__init__()
        self.mode, self.after, self.calls = mode, after, 0

    def synthesize(self, text: str, voice: VoiceProfile) -> AudioSegment:
        self.calls += 1
        tone = AudioSegment((b"\x00\x20\x00\xe0") * (self.sample_rate * 60 * len(text) // 2000),
                            frame_rate=self.sample_rate, sample_width=2, channels=1)
        if self.calls < self.after:
            return tone
        if self.mode == "crash":
            from reader.errors import EngineError

            raise EngineError("the engine process died (signal 11)")
        if self.mode == "silence":
            return AudioSegment.silent(len(tone), frame_rate=self.sample_rate)
        return tone[:20]  # truncated


@pytest.mark.parametrize(("mode", "message"), [("crash", "died"), ("silence", "silence"), ("truncated", "too short")])
def test_engine_faults_name_the_line_and_leave_nothing(tmp_path: Path, mode: str, message: str,
                                                        private_dirs: Path) -> None:
    engine = _Faulty(mode)
    out = tmp_path / "x.mp3"
    result = CliRunner().invoke(cli, ["export", str(SAMPLES / "harbour-ferry.txt"), "-o", str(out), "--engine",
                                      "faulty", "--jobs", "1"], obj=App(engines=Registry({"faulty": lambda: engine})))
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and re.search(r"block \d+, run \d+", result.output), result.output
    assert message in result.output
    assert list(tmp_path.iterdir()) == []
    assert ClipCache(private_dirs / "cache").stats().entries == 3, "clips made before the fault stay cached"


def test_disk_full_while_assembling_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = assemble.stream

    def full(clips: Any, sink: Any, *args: Any, **kwargs: Any) -> int:
        class Full:
            def __init__(self) -> None:
                self.written = 0

            def write(self, data: bytes) -> int:
                self.written += len(data)
                if self.written > 100_000:
                    raise OSError(errno.ENOSPC, "No space left on device")
                return sink.write(data)

        return real(clips, Full(), *args, **kwargs)

    monkeypatch.setattr(assemble, "stream", full)
    out = tmp_path / "x.mp3"
    result = CliRunner().invoke(cli, ["export", str(SAMPLES / "harbour-ferry.txt"), "-o", str(out), "--engine",
                                      "silence"], obj=App())
    assert result.exit_code == 1 and "No space left on device" in result.output
    assert result.output.count("\n") == 1
    assert list(tmp_path.iterdir()) == []


def test_unwritable_output_folder(tmp_path: Path) -> None:
    done = reader("export", str(SAMPLES / "harbour-ferry.txt"), "-o", "/proc/reader-test.mp3", "--engine", "silence")
    assert_clean(done)
    assert done.returncode == 1 and "/proc" in done.stderr


def _start_export(out: Path, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "reader", "export", str(SAMPLES / "night-market.html"), "-o",
                             str(out), "--jobs", "1", "--json", *extra], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def _wait_for_clips(cache: Path, count: int, proc: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if len(list(cache.glob("*/*.clip"))) >= count:
            return
        time.sleep(0.05)
    raise AssertionError("the export never cached enough clips")


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL], ids=["SIGINT", "SIGKILL"])
def test_interrupted_export_leaves_no_partial_file_and_resumes_from_cache(tmp_path: Path, private_dirs: Path,
                                                                          sig: signal.Signals) -> None:
    out = tmp_path / "market.mp3"
    proc = _start_export(out)
    _wait_for_clips(private_dirs / "cache", 5, proc)
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == (130 if sig == signal.SIGINT else -signal.SIGKILL)
    assert "Traceback" not in err
    assert not out.exists()
    if sig == signal.SIGINT:
        assert not list(tmp_path.iterdir())
    rerun = _start_export(out)
    stdout, err = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, err
    result = json.loads(stdout)
    assert result["cached"] >= 5 and result["synthesized"] + result["cached"] == result["utterances"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["market.mp3"], "stale temporary files are cleaned up"


def test_two_exports_share_the_cache_at_once(tmp_path: Path) -> None:
    procs = [_start_export(tmp_path / f"m{i}.mp3") for i in range(2)]
    results = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], results
    for i in range(2):
        assert (tmp_path / f"m{i}.mp3").stat().st_size > 100_000


def test_corrupt_cache_entry_is_rendered_again(tmp_path: Path, private_dirs: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text(f"{BODY}\n\nThe mayor answered every question from the residents in the hall.\n")
    first = reader("export", str(source), "-o", str(tmp_path / "a.wav"), "--json")
    assert first.returncode == 0, first.stderr
    for clip in (private_dirs / "cache").glob("*/*.clip"):
        clip.write_bytes(clip.read_bytes()[:100])
    ClipCache(private_dirs / "cache").exports.clear()
    again = reader("export", str(source), "-o", str(tmp_path / "a.wav"), "--json")
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["synthesized"] == json.loads(first.stdout)["utterances"]


# --- security ------------------------------------------------------------------------------------

def test_dash_names_are_never_options(tmp_path: Path) -> None:
    for name in ("-i", "-rf.txt"):
        (tmp_path / name).write_text(BODY + "\n")
    done = subprocess.run([sys.executable, "-m", "reader", "export", "./-i", "-o", "./-rf.wav", "--engine", "silence"],
                          capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert_clean(done, tmp_path)
    assert done.returncode == 0 and (tmp_path / "-rf.wav").stat().st_size > 1000
    done = subprocess.run([sys.executable, "-m", "reader", "export", "-o", "-i.mp3", "--engine", "silence", "--",
                           "-rf.txt"], capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "-i.mp3").stat().st_size > 1000


def test_no_shell_strings_anywhere() -> None:
    for path in (ROOT / "reader").rglob("*.py"):
        text = path.read_text()
        assert "shell=True" not in text and "os.system(" not in text and "os.popen(" not in text, path


def test_html_never_fetches_or_runs_anything(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    attempts: list[object] = []

    def refuse(self: socket.socket, address: object) -> None:
        attempts.append(address)
        raise OSError("network use is forbidden in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    page = tmp_path / "p.html"
    page.write_text(f"""<html><head><link rel="stylesheet" href="http://evil.invalid/a.css">
<script src="http://evil.invalid/x.js"></script><script>document.write("INJECTED TEXT")</script></head>
<body><img src="http://evil.invalid/pixel.gif"><iframe src="http://evil.invalid/frame"></iframe>
<article><h1>Ferry news</h1><p>{BODY}</p><p>{BODY} The end.</p></article></body></html>""")
    from reader import pipeline

    document = pipeline.read_document(str(page))
    spoken = " ".join(block.text for block in document.blocks)
    assert "INJECTED" not in spoken and "ferry" in spoken
    assert attempts == []
