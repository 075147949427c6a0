"""The clip cache: hits and misses, damaged entries, concurrent writers, and the CLI's cache commands."""

from __future__ import annotations

import multiprocessing
import json
import os
import subprocess
import sys
from pathlib import Path

from pydub import AudioSegment

from reader.cache import ClipCache, default_dir
from reader.engines import Registry
from reader.model import VoiceProfile
from reader.synth import Renderer
from reader.testing import RecordingEngine, make_line

VOICE = VoiceProfile(name="r", engine="recording")


def _tone(ms: int = 500) -> AudioSegment:
    return AudioSegment(b"\x10\x00\xf0\xff" * (22050 * ms // 2000), frame_rate=22050, sample_width=2, channels=1)


def test_roundtrip_and_key_depends_on_everything_audible(tmp_path: Path) -> None:
    cache = ClipCache(tmp_path)
    key = ClipCache.key("Hello.", VOICE, "v1")
    assert cache.get(key) is None
    cache.put(key, _tone())
    assert cache.get(key).raw_data == _tone().raw_data  # type: ignore[union-attr]
    others = {ClipCache.key("Hello!", VOICE, "v1"), ClipCache.key("Hello.", VOICE, "v2"),
              ClipCache.key("Hello.", VoiceProfile(name="r", engine="recording", pitch=1.1), "v1"),
              ClipCache.key("Hello.", VoiceProfile(name="r", engine="recording", options={"tld": "ie"}), "v1")}
    assert key not in others and len(others) == 4
    assert (cache.hits, cache.misses) == (1, 1)


def test_damaged_entries_are_detected_removed_and_redone(tmp_path: Path) -> None:
    cache = ClipCache(tmp_path)
    key = ClipCache.key("Hello.", VOICE, "v1")
    cache.put(key, _tone())
    path = next(tmp_path.glob("*/*.clip"))
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])  # torn
    assert cache.get(key) is None and not path.exists()
    cache.put(key, _tone())
    path.write_bytes(data[:-10] + b"0123456789")  # flipped samples
    assert cache.get(key) is None


def test_renderer_uses_the_cache(tmp_path: Path) -> None:
    engine = RecordingEngine()
    cache = ClipCache(tmp_path)
    lines = [make_line(f"Sentence number {i} is here.", VOICE, block=i) for i in range(5)]
    first = Renderer(Registry({"recording": lambda: engine}), cache=cache)
    for line in lines:
        first(line)
    second = Renderer(Registry({"recording": lambda: engine}), cache=cache)
    for line in lines:
        second(line)
    assert len(engine.calls) == 5
    assert (first.synthesized, first.cached, second.synthesized, second.cached) == (5, 0, 0, 5)


def _writer(root: str, seed: int) -> None:
    cache = ClipCache(Path(root))
    for i in range(40):
        cache.put(ClipCache.key(f"text {i % 10}", VOICE, "v1"), _tone(100 + (i % 10) * 10))


def test_two_processes_writing_at_once_leave_only_whole_entries(tmp_path: Path) -> None:
    procs = [multiprocessing.Process(target=_writer, args=(str(tmp_path), n)) for n in range(2)]
    for proc in procs:
        proc.start()
    for proc in procs:
        proc.join(60)
    cache = ClipCache(tmp_path)
    for i in range(10):
        audio = cache.get(ClipCache.key(f"text {i}", VOICE, "v1"))
        assert audio is not None and abs(len(audio) - (100 + i * 10)) <= 2
    assert not list(tmp_path.glob("*/.tmp-*"))


def test_default_dir_follows_each_platform() -> None:
    assert default_dir({"XDG_CACHE_HOME": "/x", "HOME": "/h"}, "linux") == Path("/x/article-reader/clips")
    assert default_dir({"HOME": "/h"}, "linux") == Path("/h/.cache/article-reader/clips")
    assert default_dir({"HOME": "/h"}, "darwin") == Path("/h/Library/Caches/article-reader/clips")
    assert default_dir({"LOCALAPPDATA": "C:/L", "HOME": "/h"}, "win32") == Path("C:/L/article-reader/clips")


def test_cache_cli(private_dirs: Path) -> None:
    cache = ClipCache(private_dirs / "cache")
    cache.put(ClipCache.key("a", VOICE, "v"), _tone())
    page = private_dirs / "page.txt"
    page.write_text('"We will read it," she said. The minister agreed.\n', encoding="utf-8")
    subprocess.run([sys.executable, "-m", "reader", "segments", str(page)], check=True, capture_output=True)
    info = subprocess.run([sys.executable, "-m", "reader", "cache", "info", "--json"], capture_output=True,
                          text=True, check=True)
    assert '"entries": 1' in info.stdout
    startup = json.loads(info.stdout)["startup"]
    assert startup["files"] > 0 and startup["path"].startswith(os.environ["XDG_CACHE_HOME"])  # patterns, kept
    subprocess.run([sys.executable, "-m", "reader", "cache", "clear"], check=True, capture_output=True)
    assert cache.stats().entries == 0
    assert not Path(startup["path"]).exists()
