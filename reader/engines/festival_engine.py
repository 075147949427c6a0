"""Festival: offline unit-selection voices, chiefly the Russian one (`msu_ru_nsh_clunits`).

eSpeak NG speaks Russian in a way people (and speech recognizers) follow with effort; Festival's
Russian voice is cut from recordings of a real speaker and is far easier to understand, so where it
is installed it reads Russian before eSpeak (its rank is lower). It is a system program, not a pip
package: Debian/Ubuntu `apt install festival festvox-ru`.

One `festival` process is kept per engine and fed Scheme commands on stdin, because loading the
Russian voice takes about a second and a sentence about a tenth of that. Festival buffers stdout
when it is not a terminal, so the end of each utterance is signalled on stderr, which it flushes.
"""

from __future__ import annotations

import atexit
import os
import re
import select
import shutil
import subprocess
import tempfile
import threading
import time
from functools import cache
from pathlib import Path
from typing import IO, TYPE_CHECKING, ClassVar

from ..errors import EngineError, VoiceError
from .base import Capabilities, VoiceInfo, check_options, program_version
from .espeak_engine import read_wav

if TYPE_CHECKING:
    from pydub import AudioSegment

    from ..model import VoiceProfile

__all__ = ["FestivalEngine", "festival_executable", "list_festival_voices"]

_INSTALL = "install Festival and its Russian voice (Debian/Ubuntu: apt install festival festvox-ru)"
_VOICE_ROOTS = (Path("/usr/share/festival/voices"), Path("/usr/local/share/festival/voices"),
                Path("/usr/lib/festival/voices"), Path("/opt/homebrew/share/festival/voices"))
_LANGUAGES = {"russian": "ru", "english": "en", "us_english": "en-us", "british_english": "en-gb",
              "spanish": "es", "czech": "cs", "finnish": "fi", "italian": "it", "welsh": "cy",
              "german": "de", "french": "fr", "polish": "pl", "hindi": "hi", "marathi": "mr",
              "telugu": "te"}
"""Festival keeps each voice in a folder named after its language."""
_TIMEOUT_S = 120.0
_UNSPEAKABLE = re.compile(r"[^\w\s.,!?;:()«»\"'\u2013\u2014-]|_")
"""Symbols a voice's letter-to-sound rules may have no rule for (the Russian voice stops at a backslash)."""
_INSIDE_WORD = re.compile(r"(?<=\w)[.,:;!?'\"](?=\w)")
"""Punctuation inside a token ("port.ru"), which the Russian voice's letter-to-sound rules also stop at."""
_DONE = "reader-done"
_FAILED = "reader-failed"


def festival_executable() -> str | None:
    """Path of the `festival` program on PATH."""
    return shutil.which("festival")


@cache
def list_festival_voices() -> tuple[VoiceInfo, ...]:
    """Installed Festival voices, found in Festival's voice folders (`<language>/<voice>/`)."""
    voices = []
    for root in _VOICE_ROOTS:
        if not root.is_dir():
            continue
        for folder in sorted(root.glob("*/*")):
            if not folder.is_dir() or not (folder / "festvox").is_dir():
                continue
            language = _LANGUAGES.get(folder.parent.name)
            voices.append(VoiceInfo(id=folder.name, name=folder.name.replace("_", " "),
                                    languages=(language,) if language else (),
                                    gender="male" if folder.name.startswith("msu_ru_nsh") else None,
                                    description=f"festival voice in {folder}"))
    return tuple(voices)


@cache
def _version() -> str:
    exe = festival_executable()
    if exe is None:
        return "festival missing"
    return program_version(exe, "festival")


def scheme_string(text: str) -> str:
    """`text` as a Scheme string literal: one line, with quotes and backslashes escaped."""
    flat = " ".join(text.split())
    return '"' + flat.replace("\\", "\\\\").replace('"', '\\"') + '"'


class _Session:
    """One running `festival` process with one voice selected."""

    def __init__(self, exe: str, voice: str) -> None:
        self.voice = voice
        try:
            self.process = subprocess.Popen([exe, "--pipe"], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                            stderr=subprocess.PIPE)
        except OSError as exc:
            raise EngineError(f"festival: cannot start {exe}: {exc}; fix: {_INSTALL}") from exc
        self._pending = b""
        try:
            self.run(f"(voice_{voice})", what=f"loading voice {voice!r}")
        except EngineError:
            self.close()
            raise

    def run(self, command: str, what: str) -> None:
        """Evaluate `command` and wait until Festival has finished it.

        Raises:
            EngineError: Festival reported an error, exited, or took longer than the time limit.
        """
        wrapped = (f'(unwind-protect (begin {command} (format stderr "{_DONE}\\n"))'
                   f' (format stderr "{_FAILED}\\n"))\n')
        stdin, stderr = self.process.stdin, self.process.stderr
        if stdin is None or stderr is None:  # both are pipes (see __init__) until close()
            raise EngineError(f"festival: the festival process has been closed ({what})")
        try:
            stdin.write(wrapped.encode("utf-8"))
            stdin.flush()
        except OSError as exc:
            raise EngineError(f"festival: the festival process has stopped ({what}): {exc}") from exc
        said = self._wait(stderr, what)
        if _FAILED in said:
            detail = " ".join(line for line in said.splitlines() if line.strip() and _FAILED not in line)
            raise EngineError(f"festival: error while {what}: {detail or 'no message'}")

    def _wait(self, stderr: IO[bytes], what: str) -> str:
        """Everything Festival writes to stderr up to the end marker of the current command."""
        deadline = time.monotonic() + _TIMEOUT_S
        said = []
        while True:
            while b"\n" in self._pending:
                line, self._pending = self._pending.split(b"\n", 1)
                text = line.decode("utf-8", "replace")
                said.append(text)
                if text.strip() in (_DONE, _FAILED):
                    return "\n".join(said)
            left = deadline - time.monotonic()
            if left <= 0:
                self.close()
                raise EngineError(f"festival: no answer within {_TIMEOUT_S:.0f} s while {what}")
            ready, _, _ = select.select([stderr], [], [], left)
            if ready:
                chunk = os.read(stderr.fileno(), 65536)
                if not chunk:
                    self.close()
                    message = " ".join(s for s in said if s.strip()) or "no message"
                    raise EngineError(f"festival: the festival process exited while {what}: {message}")
                self._pending += chunk

    def close(self) -> None:
        """Stop the process."""
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        for pipe in (self.process.stdin, self.process.stderr):
            if pipe is not None:
                pipe.close()


class FestivalEngine:
    """Festival voices by voice name (`msu_ru_nsh_clunits` for Russian)."""

    name: ClassVar[str] = "festival"
    needs_network: ClassVar[bool] = False
    speaks: ClassVar[bool] = True
    # Unit selection plays recorded speech: no rate or pitch of its own, so speakers are made by voicing.
    # Ranked between Piper (neural) and eSpeak NG, whose Russian is much harder to follow.
    capabilities: ClassVar[Capabilities] = Capabilities(prosody=False, rank=15, voicing=True)

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._session: _Session | None = None
        atexit.register(self.close)

    def version(self) -> str:
        """festival's own version, for cache keys."""
        return _version()

    def unavailable(self) -> str | None:
        """Why Festival cannot run here, or None."""
        if festival_executable() is None:
            return f"the festival program is not installed; fix: {_INSTALL}"
        if not list_festival_voices():
            return f"festival has no voices installed; fix: {_INSTALL}"
        return None

    def list_voices(self) -> list[VoiceInfo]:
        """Installed Festival voices."""
        return list(list_festival_voices())

    def check(self, voice: VoiceProfile) -> None:
        """The voice must be an installed Festival voice; no engine options are known."""
        check_options(voice, self.name, {})
        known = {v.id for v in list_festival_voices()}
        if not voice.voice:
            raise VoiceError(f"voice {voice.name!r}: festival needs a voice name; `reader voices --engine festival`")
        if voice.voice not in known:
            hint = f"; installed: {', '.join(sorted(known))}" if known else f"; fix: {_INSTALL}"
            raise VoiceError(f"voice {voice.name!r}: festival has no voice {voice.voice!r}{hint}")

    def synthesize(self, text: str, voice: VoiceProfile) -> AudioSegment:
        """Speak `text` with the profile's Festival voice; formant, pitch and its range are moved by voicing."""
        self.check(voice)
        audio = self._speak(text, str(voice.voice))
        if (voice.pitch, voice.formant, voice.pitch_range, voice.brightness) == (1.0, 1.0, 1.0, 0.0):
            return audio
        import numpy as np

        from ..voicing import Voicing, transform

        samples = np.frombuffer(audio.raw_data, dtype=np.int16)
        moved = transform(samples, audio.frame_rate, Voicing(pitch=voice.pitch, formant=voice.formant,
                                                                      pitch_range=voice.pitch_range,
                                                                      brightness=voice.brightness))
        return audio._spawn(moved.tobytes())

    def _speak(self, text: str, voice: str) -> AudioSegment:
        exe = festival_executable()
        if exe is None:
            raise EngineError(f"festival: the festival program is not on PATH; fix: {_INSTALL}")
        fd, path = tempfile.mkstemp(prefix="reader-festival-", suffix=".wav")
        os.close(fd)
        try:
            with self._lock:
                if self._session is None or self._session.voice != voice or self._session.process.poll() is not None:
                    self._close_session()
                    self._session = _Session(exe, voice)
                spoken = _INSIDE_WORD.sub(" ", _UNSPEAKABLE.sub(" ", text))
                self._session.run(f"(utt.save.wave (utt.synth (Utterance Text {scheme_string(spoken)}))"
                                  f" {scheme_string(path)} 'riff)", what=f"reading {text[:40]!r}")
            return read_wav(path)
        finally:
            os.unlink(path)

    def _close_session(self) -> None:
        if self._session is not None:
            self._session.close()
            self._session = None

    def close(self) -> None:
        """Stop the festival process, if one is running."""
        with self._lock:
            self._close_session()
