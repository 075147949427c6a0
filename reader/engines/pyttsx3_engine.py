"""The operating system's voices through pyttsx3 (SAPI5, NSSpeechSynthesizer, eSpeak NG on Linux).

pyttsx3 2.99 is unreliable on Linux: `runAndWait()` can return before the file is written, long
texts may never be written by a fresh engine, a later call's file can receive the previous text's
audio, and repeated calls can hang (nateshmbhat/pyttsx3 #149, #170, #194, #259). This adapter
therefore: runs pyttsx3 in a child process it can kill and replace; writes every utterance to a
fresh file; sends at most ~140 characters per request; waits until the file is complete; and
proves each clip is the right one. On Linux the driver is eSpeak NG, which is deterministic, so the
clip's length must match what the espeak-ng program makes of the same text; elsewhere the clip must
have a plausible length and differ from the previous clip.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import subprocess
import sys
import tempfile
import threading
import time
from typing import IO, TYPE_CHECKING, Any, ClassVar

from .. import sentences
from ..errors import EngineError, EngineUnavailable, VoiceError
from .base import Capabilities, VoiceInfo
from .espeak_engine import espeak_executable, read_wav

if TYPE_CHECKING:
    from pydub import AudioSegment

    from ..model import VoiceProfile

__all__ = ["Pyttsx3Engine"]

log = logging.getLogger(__name__)

_PIECE = 140
"""Longest text sent in one request; longer ones are not written reliably (pyttsx3 #259)."""
_POLL = 0.02
_TOLERANCE = 0.08
"""Largest relative difference from the espeak-ng reference length that still counts as the same text."""


class _Worker:
    """One pyttsx3 child process, spoken to with JSON lines."""

    def __init__(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "reader.engines.pyttsx3_worker"], stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, bufsize=1,
        )
        hello = self.request(None, timeout=30)
        if not hello.get("ok"):
            self.close()
            raise EngineUnavailable(f"pyttsx3 cannot start: {hello.get('error')}")
        self.driver: str = hello.get("driver", "")
        self.rate: int = int(hello.get("rate") or 200)
        self.voice: str = hello.get("voice") or ""

    def request(self, message: dict[str, Any] | None, timeout: float) -> dict[str, Any]:
        stdin: IO[str] | None = self.proc.stdin
        stdout: IO[str] | None = self.proc.stdout
        if stdin is None or stdout is None:
            raise EngineError("pyttsx3: worker has no pipes")
        if message is not None:
            stdin.write(json.dumps(message) + "\n")
            stdin.flush()
        answer: list[str] = []

        def read() -> None:
            line = stdout.readline()
            while line and not line.startswith("{"):  # stray driver output is not a reply
                line = stdout.readline()
            answer.append(line)

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        reader.join(timeout)
        if not answer or not answer[0]:
            raise TimeoutError("pyttsx3 worker did not answer")
        reply: dict[str, Any] = json.loads(answer[0])
        return reply

    def close(self) -> None:
        self.proc.kill()
        self.proc.wait()


def _wait_complete(path: str, deadline: float) -> None:
    """Block until `path` is a complete WAV (header agrees with size, size stable), or time runs out."""
    last = -1
    while time.monotonic() < deadline:
        try:
            size = os.path.getsize(path)
        except OSError:
            size = -1
        if size > 44 and size == last:
            try:
                read_wav(path)
                return
            except EngineError:
                pass
        last = size
        time.sleep(_POLL)
    raise EngineError("pyttsx3: the audio file was not completed in time")


def _espeak_reference_seconds(text: str, voice: str, wpm: int) -> float | None:
    exe = espeak_executable()
    if exe is None:
        return None
    fd, path = tempfile.mkstemp(prefix="reader-ref-", suffix=".wav")
    os.close(fd)
    try:
        subprocess.run([exe, "-b", "1", "-v", voice, "-s", str(wpm), "-w", path], input=text.encode("utf-8"),
                       capture_output=True, timeout=60, check=True)
        return len(read_wav(path)) / 1000
    except (subprocess.SubprocessError, EngineError):
        return None
    finally:
        os.unlink(path)


class Pyttsx3Engine:
    """System voices through pyttsx3, made reliable (see module docstring)."""

    name: ClassVar[str] = "pyttsx3"
    needs_network: ClassVar[bool] = False
    speaks: ClassVar[bool] = True
    capabilities: ClassVar[Capabilities] = Capabilities(prosody=False, rank=30)

    def __init__(self) -> None:
        self._worker: _Worker | None = None
        self._lock = threading.Lock()
        self._last_digest: tuple[str, str] | None = None

    def version(self) -> str:
        """pyttsx3 version (and the driver, once known), for cache keys."""
        from importlib.metadata import PackageNotFoundError, version

        try:
            v = version("pyttsx3")
        except PackageNotFoundError:
            v = "missing"
        return f"pyttsx3 {v}"

    def _ensure(self) -> _Worker:
        if self._worker is None or self._worker.proc.poll() is not None:
            self._worker = _Worker()
        return self._worker

    def _restart(self) -> _Worker:
        if self._worker is not None:
            self._worker.close()
        self._worker = None
        return self._ensure()

    def unavailable(self) -> str | None:
        """Why no system voice can be used here, or None."""
        try:
            import pyttsx3  # noqa: F401
        except ImportError:
            return "needs the pyttsx3 package; fix: pip install pyttsx3"
        try:
            with self._lock:
                self._ensure()
        except (EngineError, TimeoutError, OSError) as exc:
            hint = " (on Linux: apt install espeak-ng)" if sys.platform.startswith("linux") else ""
            return f"{exc}{hint}"
        return None

    def list_voices(self) -> list[VoiceInfo]:
        """The system's voices as pyttsx3 reports them."""
        with self._lock:
            reply = self._ensure().request({"cmd": "voices"}, timeout=30)
        return [VoiceInfo(id=v["id"], name=v["name"], languages=tuple(v["languages"]), gender=v.get("gender"))
                for v in reply.get("voices", [])]

    def check(self, voice: VoiceProfile) -> None:
        """The voice id must be one the system has; pyttsx3 takes no options."""
        if voice.options:
            raise VoiceError(f"voice {voice.name!r}: the pyttsx3 engine takes no options")
        if voice.voice and self.unavailable() is None:
            ids = [v.id for v in self.list_voices()]
            if voice.voice not in ids:
                sample = ", ".join(ids[:10])
                raise VoiceError(f"voice {voice.name!r}: no system voice {voice.voice!r}; some available: {sample} "
                                 "(`reader voices --engine pyttsx3` lists all)")

    def _render_piece(self, text: str, voice: VoiceProfile) -> AudioSegment:
        fd, path = tempfile.mkstemp(prefix="reader-pyttsx3-", suffix=".wav")
        os.close(fd)
        os.unlink(path)  # the driver must create it: an existing file could pass for its output
        try:
            for attempt in (1, 2):
                worker = self._ensure() if attempt == 1 else self._restart()
                wpm = round(worker.rate * voice.rate)
                try:
                    reply = worker.request({"text": text, "path": path, "voice": voice.voice, "rate": wpm},
                                           timeout=20 + len(text) / 5)
                    if not reply.get("ok"):
                        raise EngineError(f"pyttsx3: {reply.get('error')}")
                    _wait_complete(path, time.monotonic() + 10 + len(text) / 10)
                    audio = read_wav(path)
                    self._prove(text, audio, worker, voice, wpm)
                    return audio
                except (TimeoutError, EngineError) as exc:
                    log.debug("pyttsx3 attempt %d failed: %s", attempt, exc)
                    if attempt == 2:
                        raise EngineError(f"pyttsx3: {exc}") from exc
                finally:
                    if os.path.exists(path):
                        os.unlink(path)
            raise AssertionError("unreachable")
        finally:
            if os.path.exists(path):
                os.unlink(path)

    def _prove(self, text: str, audio: AudioSegment, worker: _Worker, voice: VoiceProfile, wpm: int) -> None:
        digest = hashlib.sha256(audio.raw_data).hexdigest()
        if self._last_digest and self._last_digest[0] == digest and self._last_digest[1] != text:
            raise EngineError("the driver wrote the previous utterance's audio again (stale clip)")
        seconds = len(audio) / 1000
        if worker.driver == "espeak":
            ref = _espeak_reference_seconds(text, voice.voice or worker.voice, wpm)
            if ref is not None and abs(seconds - ref) > max(0.15, _TOLERANCE * ref):
                raise EngineError(f"clip of {seconds:.2f} s does not match this text ({ref:.2f} s expected): "
                                  "shifted or truncated audio")
        self._last_digest = (digest, text)

    def synthesize(self, text: str, voice: VoiceProfile) -> AudioSegment:
        """Speak `text` in pieces of at most 140 characters, each proven before it is used."""
        pieces = sentences.split(text, limit=_PIECE)
        with self._lock:
            clips = [self._render_piece(piece, voice) for piece in pieces]
        audio = clips[0]
        if len(clips) > 1:
            raw = b"".join(c.set_frame_rate(audio.frame_rate).set_channels(audio.channels).raw_data for c in clips)
            audio = audio._spawn(raw)
        return audio
