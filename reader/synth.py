"""Synthesis: render Lines into Clips with their engines, and refuse audio that cannot be right."""

from __future__ import annotations

import dataclasses
import logging
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from . import parallel, voices
from .cache import ClipCache
from .errors import EngineError, EngineUnavailable, ReaderError, TransientEngineError
from .model import Clip, Line, VoiceProfile

if TYPE_CHECKING:
    from pydub import AudioSegment

    from .engines import Engine, Registry

__all__ = ["ImplausibleClip", "Renderer", "check_clip", "render", "voice_id"]

log = logging.getLogger(__name__)

# Natural speech runs at 50–100 ms per character; a clip far below this lost words, far above it
# is not the text we asked for (or a hung engine padded with silence).
_MIN_MS_PER_CHAR = 15.0
_MAX_MS_PER_CHAR = 400.0
# Peak amplitude (of 32,767) below which a clip is treated as silent.
_SILENCE_PEAK = 200


class ImplausibleClip(EngineError):
    """A clip whose length cannot be the text spoken: the voice cannot read it (another script), or cut it."""

    audio: AudioSegment | None = None
    """The clip that failed the check."""


def _scripts(text: str) -> set[str]:
    """The writing systems of the letters in `text` (LATIN, CYRILLIC, HEBREW, ARABIC, CJK, …)."""
    import unicodedata

    found = set()
    for char in text:
        if char.isalpha():
            found.add(unicodedata.name(char, "UNKNOWN").split(" ", 1)[0])
    return found


def voice_id(profile: VoiceProfile) -> str:
    """How timelines name a voice: 'engine:voice-id', with '~profile' when the profile alters it."""
    base = f"{profile.engine}:{profile.voice or profile.language or 'default'}"
    if profile.engine == voices.DEFAULT_ENGINE and not profile.voice:
        base = f"{voices.DEFAULT_ENGINE}:{voices.DEFAULT_VOICE_ID}"
    altered = (profile.rate != 1.0 or profile.pitch != 1.0 or profile.formant != 1.0 or profile.pitch_range != 1.0
               or profile.brightness != 0.0 or bool(profile.options))
    return f"{base}~{profile.name}" if altered else base


def _describe(name: str) -> str:
    from .voices import describe

    text = describe(name)
    return f"voice {text}" if text == repr(name) else text


def _where(line: Line) -> str:
    return f"{line.label} ({line.voice.engine}, {_describe(line.voice.name)})"


def check_clip(line: Line, audio: AudioSegment, speaks: bool = True) -> None:
    """Raise EngineError unless `audio` is plausibly `line.text` spoken: not empty, silent, cut or padded."""
    ms = len(audio)
    chars = len(line.text)
    if ms <= 0:
        raise EngineError(f"{_where(line)}: the engine returned no audio for {line.text[:40]!r}")
    if not speaks:
        return
    if audio.max < _SILENCE_PEAK:
        raise EngineError(f"{_where(line)}: the engine returned silence for {line.text[:40]!r}")
    rate = max(line.voice.rate, 0.25)
    if chars >= 12 and ms < chars * _MIN_MS_PER_CHAR / rate:
        raise ImplausibleClip(
            f"{_where(line)}: clip of {ms} ms is too short for {chars} characters; the engine cut the text"
        )
    if ms > 2000 + chars * _MAX_MS_PER_CHAR / rate:
        raise ImplausibleClip(f"{_where(line)}: clip of {ms} ms is far too long for {chars} characters")


@dataclass
class Renderer:
    """Renders lines with retries for online engines and an optional offline fallback voice."""

    engines: Registry
    fallback: VoiceProfile | None = None
    """Reads a line whose engine is unavailable (e.g. gtts offline), when the user allowed it."""
    retries: int = 3
    backoff: float = 1.0
    sleep: Callable[[float], None] = time.sleep
    warnings: list[str] = field(default_factory=list)
    cache: ClipCache | None = None
    """Clips already rendered, by content; None renders everything."""
    stand_in: VoiceProfile | None = None
    """Reads a line whose voice made implausible audio of it (a script it cannot read), with a warning."""
    synthesized: int = 0
    cached: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _versions: dict[str, str] = field(default_factory=dict, repr=False)

    def _version(self, engine: Engine) -> str:
        # version() may read package metadata or run a program; once per engine per run is enough.
        if engine.name not in self._versions:
            self._versions[engine.name] = engine.version()
        return self._versions[engine.name]

    def _tally(self, cached: bool) -> None:
        with self._lock:
            if cached:
                self.cached += 1
            else:
                self.synthesized += 1

    def _attempt(self, line: Line) -> AudioSegment:
        engine = self.engines.get(line.voice.engine)
        key = ClipCache.key(line.text, line.voice, self._version(engine)) if self.cache else ""
        if self.cache:
            found = self.cache.get(key)
            if found is not None:
                self._tally(cached=True)
                return found
        log.debug("%s: %s speaks %r", line.label, line.voice.name, line.text)
        audio = self._synthesize(engine, line)
        self._tally(cached=False)
        if self.cache:
            self.cache.put(key, audio)
        return audio

    def _synthesize(self, engine: Engine, line: Line) -> AudioSegment:
        delay = self.backoff
        for attempt in range(self.retries + 1):
            try:
                audio = engine.synthesize(line.text, line.voice)
                try:
                    check_clip(line, audio, speaks=engine.speaks)
                except ImplausibleClip as exc:
                    exc.audio = audio
                    raise
                return audio
            except TransientEngineError as exc:
                if not engine.needs_network or attempt == self.retries:
                    raise
                log.info("%s: %s; retrying in %.0f s", line.label, exc, delay)
                self.sleep(delay)
                delay *= 2
        raise AssertionError("unreachable")

    def __call__(self, line: Line) -> Clip:
        """Render one line, checked.

        Raises:
            EngineError: the engine failed or returned audio that cannot be this line; names the line.
        """
        try:
            return Clip(line=line, audio=self._attempt(line))
        except (EngineUnavailable, TransientEngineError) as exc:
            if self.fallback is None or line.voice == self.fallback:
                raise exc.within(line.label)
            from .casting import without_fallback_advice
            from .voices import describe

            message = (f"{line.label}: {line.voice.engine} failed ({without_fallback_advice(str(exc))}); "
                       f"read by {describe(self.fallback.name)} instead")
            if not any(w.endswith(f"read by {describe(self.fallback.name)} instead") and line.voice.engine in w
                       for w in self.warnings):
                log.warning("%s", message)
            self.warnings.append(message)
            replaced = dataclasses.replace(line, voice=self.fallback, fallback_from=line.voice.name)
            return self(replaced)
        except ImplausibleClip as exc:
            for other in (self.fallback, self.stand_in):
                if other is None or other.name == line.voice.name or line.fallback_from is not None:
                    continue
                try:
                    clip = self(dataclasses.replace(line, voice=other, fallback_from=line.voice.name))
                except ReaderError:
                    continue
                why = str(exc).removeprefix(f"{_where(line)}: ")
                message = (f"{line.label}: {_describe(line.voice.name)} could not read {line.text[:30]!r} ({why}); "
                           f"read by {_describe(other.name)} instead")
                log.info("%s", message)
                with self._lock:
                    self.warnings.append(message)
                return clip
            if exc.audio is not None and line.fallback_from is None and len(_scripts(line.text)) > 1:
                # No voice reads every script of this run; its own voice's reading beats no article at all.
                message = (f"{line.label}: {line.text[:30]!r} mixes writing systems that no voice here reads "
                           f"together; {_describe(line.voice.name)} reads it as best it can")
                with self._lock:
                    self.warnings.append(message)
                return Clip(line=line, audio=exc.audio)
            raise exc.within(line.label)
        except ReaderError as exc:
            raise exc.within(line.label)


def render(
    lines: Iterable[Line],
    engines: Registry,
    jobs: int = 1,
    synthesize: Callable[[Line], Clip] | None = None,
) -> Iterator[Clip]:
    """Clips for `lines`, in order. With jobs > 1, up to `jobs` lines render at once in threads; for
    an engine that declares how much text it may render at once (`chars_in_flight`), the lines running
    together stay within that, and a short line later on runs beside a long one rather than a worker
    waiting for it."""
    one = synthesize or Renderer(engines)
    lines = tuple(lines)
    limits: dict[str, int | None] = {}

    def limit(engine: str) -> int | None:
        if engine not in limits:
            try:
                limits[engine] = engines.capabilities(engine).chars_in_flight
            except ReaderError:  # reported when the line is rendered
                limits[engine] = None
        return limits[engine]

    bounds = [bound for bound in (limit(line.voice.engine) for line in lines) if bound]
    if jobs <= 1 or not bounds:
        yield from parallel.in_order(one, lines, jobs, "synth")
        return
    yield from parallel.packed(one, lines, jobs, "synth", weight=lambda line: len(line.text) if limit(line.voice.engine) else 0,
                               capacity=min(bounds))
