"""Synthesis: render Lines into Clips with their engines, and refuse audio that cannot be right."""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING

from .errors import EngineError, ReaderError
from .model import Clip, Line

if TYPE_CHECKING:
    from pydub import AudioSegment

    from .engines import Registry

__all__ = ["check_clip", "render", "synthesize_line"]

log = logging.getLogger(__name__)

# Natural speech runs at 50–100 ms per character; a clip far below this lost words, far above it
# is not the text we asked for (or a hung engine padded with silence).
_MIN_MS_PER_CHAR = 15.0
_MAX_MS_PER_CHAR = 400.0
# Peak amplitude (of 32,767) below which a clip is treated as silent.
_SILENCE_PEAK = 200


def _where(line: Line) -> str:
    return f"{line.label} ({line.voice.engine}, voice {line.voice.name!r})"


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
        raise EngineError(
            f"{_where(line)}: clip of {ms} ms is too short for {chars} characters; the engine cut the text"
        )
    if ms > 2000 + chars * _MAX_MS_PER_CHAR / rate:
        raise EngineError(f"{_where(line)}: clip of {ms} ms is far too long for {chars} characters")


def synthesize_line(line: Line, engines: Registry) -> Clip:
    """Render one line with its voice's engine, checked.

    Raises:
        EngineError: the engine failed or returned audio that cannot be this line; names the line.
    """
    engine = engines.get(line.voice.engine)
    log.debug("%s: %s speaks %r", line.label, line.voice.name, line.text)
    try:
        audio = engine.synthesize(line.text, line.voice)
    except ReaderError as exc:
        raise type(exc)(f"{line.label}: {exc}") from exc
    check_clip(line, audio, speaks=engine.speaks)
    return Clip(line=line, audio=audio)


def render(
    lines: Iterable[Line],
    engines: Registry,
    jobs: int = 1,
    synthesize: Callable[[Line, Registry], Clip] = synthesize_line,
) -> Iterator[Clip]:
    """Clips for `lines`, in order. With jobs > 1, up to `jobs` lines render at once in threads."""
    if jobs <= 1:
        for line in lines:
            yield synthesize(line, engines)
        return
    window: deque[Future[Clip]] = deque()
    with ThreadPoolExecutor(max_workers=jobs, thread_name_prefix="synth") as pool:
        try:
            for line in lines:
                window.append(pool.submit(synthesize, line, engines))
                if len(window) > 2 * jobs:  # bounded read-ahead keeps memory flat on long inputs
                    yield window.popleft().result()
            while window:
                yield window.popleft().result()
        finally:
            for pending in window:
                pending.cancel()
