"""A content-addressed cache of rendered clips, safe across processes and after kill -9.

A clip's key hashes everything that decides its sound: the text as spoken, the voice profile (engine,
voice, language, rate, pitch, options) and the engine's version. Entries are written to a temporary
file and renamed into place, so a reader sees a whole entry or none; each entry also carries the
length and SHA-256 of its samples, so a damaged one is detected, removed and rendered again.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import struct
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import ReaderError

if TYPE_CHECKING:
    from pydub import AudioSegment

    from .model import VoiceProfile

__all__ = ["CacheStats", "ClipCache", "ExportCache", "default_dir"]

log = logging.getLogger(__name__)

_MAGIC = b"ARCLIP1\n"
_FORMAT = 1


def _write_atomic(path: Path, write: Callable[[Path], object]) -> None:
    """Write `path` through `write(temporary path)` and rename it into place: readers see all or nothing."""
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
    os.close(fd)
    try:
        write(Path(tmp))
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def default_dir(env: dict[str, str] | None = None, platform: str | None = None) -> Path:
    """The user cache folder: $XDG_CACHE_HOME (or ~/.cache) on Linux, ~/Library/Caches on macOS,
    %LOCALAPPDATA% on Windows; with an `article-reader/clips` folder inside."""
    import sys

    env = dict(os.environ) if env is None else env
    platform = platform or sys.platform
    home = Path(env.get("HOME") or Path.home())
    if platform.startswith("win"):
        base = Path(env.get("LOCALAPPDATA") or home / "AppData" / "Local")
    elif platform == "darwin":
        base = home / "Library" / "Caches"
    else:
        base = Path(env.get("XDG_CACHE_HOME") or home / ".cache")
    return base / "article-reader" / "clips"


@dataclass
class CacheStats:
    """What a cache holds."""

    path: Path
    entries: int
    bytes: int


@dataclass
class ClipCache:
    """Clips on disk, keyed by content. Thread- and process-safe; never returns a damaged clip."""

    root: Path
    hits: int = 0
    misses: int = 0
    damaged_entries: int = 0
    """Entries found damaged (and removed) by this instance."""
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _unwritable: bool = field(default=False, repr=False)

    def damaged(self, path: Path, why: str) -> None:
        """Remove a damaged entry; warn once per cache instance, however many entries are damaged."""
        path.unlink(missing_ok=True)
        with self._lock:
            self.damaged_entries += 1
            first = self.damaged_entries == 1
        if first:
            log.warning("the cache at %s has damaged entries (%s: %s); they are made again", self.root, path.name,
                        why)
        else:
            log.debug("damaged cache entry %s: %s", path.name, why)

    @staticmethod
    def key(text: str, voice: VoiceProfile, engine_version: str) -> str:
        """The content hash naming a clip."""
        payload = json.dumps([_FORMAT, text, voice.engine, voice.voice, voice.language, voice.rate, voice.pitch,
                              voice.formant, voice.pitch_range, *([voice.brightness] if voice.brightness else []),
                              sorted((k, repr(v)) for k, v in voice.options.items()), engine_version],
                             ensure_ascii=False)
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.clip"

    def get(self, key: str) -> AudioSegment | None:
        """The cached clip, or None (a missing, torn or corrupt entry is a miss, and is removed)."""
        from pydub import AudioSegment

        path = self._path(key)
        try:
            data = path.read_bytes()
        except OSError:
            self._count(hit=False)
            return None
        try:
            if not data.startswith(_MAGIC):
                raise ValueError("bad magic")
            (size,) = struct.unpack_from("<I", data, len(_MAGIC))
            start = len(_MAGIC) + 4
            header = json.loads(data[start : start + size])
            pcm = data[start + size :]
            if len(pcm) != header["bytes"] or hashlib.sha256(pcm).hexdigest() != header["sha256"]:
                raise ValueError("samples do not match their checksum")
            audio = AudioSegment(pcm, frame_rate=header["rate"], sample_width=header["width"],
                                 channels=header["channels"])
        except (ValueError, KeyError, TypeError, struct.error) as exc:  # JSONDecodeError is a ValueError
            self.damaged(path, str(exc))
            self._count(hit=False)
            return None
        self._count(hit=True)
        return audio

    def put(self, key: str, audio: AudioSegment) -> None:
        """Store a clip atomically; a full disk or read-only cache only costs the caching."""
        pcm = audio.raw_data
        header = json.dumps({"rate": audio.frame_rate, "width": audio.sample_width, "channels": audio.channels,
                             "bytes": len(pcm), "sha256": hashlib.sha256(pcm).hexdigest()}).encode()
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            _write_atomic(path, lambda tmp: tmp.write_bytes(_MAGIC + struct.pack("<I", len(header)) + header + pcm))
        except OSError as exc:
            with self._lock:
                first, self._unwritable = not self._unwritable, True
            (log.warning if first else log.debug)("could not cache clips in %s: %s", self.root, exc.strerror or exc)

    def _count(self, hit: bool) -> None:
        with self._lock:
            if hit:
                self.hits += 1
            else:
                self.misses += 1

    @property
    def exports(self) -> ExportCache:
        """Finished exports, kept beside the clips."""
        return ExportCache(self.root / "exports", owner=self)

    def stats(self) -> CacheStats:
        """Number of clips, and bytes on disk (clips and finished exports)."""
        entries = size = 0
        if self.root.is_dir():
            for path in self.root.glob("*/*"):
                if path.suffix == ".clip":
                    entries += 1
                size += path.stat().st_size
        return CacheStats(self.root, entries, size)

    def clear(self) -> int:
        """Remove every entry (and stray temporary files); return how many entries were removed.

        Raises:
            ReaderError: the cache folder cannot be emptied.
        """
        removed = 0
        if not self.root.is_dir():
            return 0
        try:
            self.exports.clear()
            for path in list(self.root.glob("*/*")):
                if path.suffix == ".clip":
                    removed += 1
                path.unlink(missing_ok=True)
            for folder in list(self.root.glob("*")):
                if folder.is_dir() and not any(folder.iterdir()):
                    folder.rmdir()
        except OSError as exc:
            raise ReaderError(f"cannot clear the cache at {self.root}: {exc.strerror}") from exc
        return removed


@dataclass
class ExportCache:
    """Finished exports by the content of everything that went into them, for instant rebuilds.

    An entry is the encoded file plus the episode's timeline; both are written atomically.
    """

    root: Path
    owner: ClipCache | None = None
    """The clip cache this lives in: damage is reported through it, once per run."""

    def _paths(self, key: str) -> tuple[Path, Path]:
        return self.root / f"{key}.audio", self.root / f"{key}.json"

    def get(self, key: str) -> tuple[Path, dict[str, object]] | None:
        """The cached audio file and timeline data, or None. The file is checked against its SHA-256
        first: a damaged entry is removed (and the export made again), never copied out."""
        audio, meta = self._paths(key)
        if not meta.exists():
            return None
        try:
            data: dict[str, object] = json.loads(meta.read_text(encoding="utf-8"))
            if not isinstance(data, dict):
                raise ValueError("not a timeline")
            if audio.stat().st_size != data.get("bytes"):
                raise ValueError("size does not match")
            if _file_sha256(audio) != data.get("sha256"):
                raise ValueError("audio does not match its checksum")
        except FileNotFoundError:
            meta.unlink(missing_ok=True)
            return None
        except (OSError, ValueError, UnicodeDecodeError) as exc:  # JSONDecodeError is a ValueError
            if self.owner is not None:
                self.owner.damaged(audio, str(exc))
            else:
                log.warning("cached export %s is damaged (%s); making it again", audio.name, exc)
                audio.unlink(missing_ok=True)
            meta.unlink(missing_ok=True)
            return None
        return audio, data

    def put(self, key: str, output: Path, data: dict[str, object]) -> None:
        """Keep a copy of `output` and its timeline; failures only cost the caching."""
        import shutil

        audio, meta = self._paths(key)
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            size = output.stat().st_size
            checksum = _file_sha256(output)

            def copy_audio(path: Path) -> None:
                shutil.copyfile(output, path)

            def write_meta(path: Path) -> None:
                path.write_text(json.dumps({**data, "bytes": size, "sha256": checksum}), encoding="utf-8")

            _write_atomic(audio, copy_audio)
            _write_atomic(meta, write_meta)
        except OSError as exc:
            log.warning("could not cache the export in %s: %s", self.root, exc.strerror or exc)

    def clear(self) -> int:
        """Remove every cached export; return how many were removed."""
        removed = 0
        if self.root.is_dir():
            for path in list(self.root.iterdir()):
                removed += path.suffix == ".audio"
                path.unlink(missing_ok=True)
        return removed
