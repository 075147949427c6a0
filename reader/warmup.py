"""Listening: the narrator's engine made ready in a background thread from the very start of `play`.

Light to import on purpose (no segmenter, no audio stack): `reader play` starts the warm-up before it
imports the rest of the pipeline.
"""

from __future__ import annotations

import inspect
import logging
import os
import queue
import threading
from dataclasses import dataclass

from . import voices
from .engines import Registry
from .errors import ReaderError
from .model import VoiceProfile
from .options import CastingOptions

__all__ = ["WarmUp", "listening_threads"]

log = logging.getLogger(__name__)


def listening_threads(jobs: int) -> int:
    """Threads per synthesis when listening: `jobs`, at most the cores."""
    # A neural voice reads one sentence at a time on every core: the first sentence is heard sooner
    # than when two share the cores, and one at a time is still about 30 times faster than speech.
    return max(1, min(jobs, os.cpu_count() or 1))


@dataclass
class WarmUp:
    """The narrator's engine made ready in a background thread while the article is read: its
    packages imported, its model loaded, then the first sentence synthesized once the main thread
    names it.

    Only engines with a `preload()` take part (Piper); `expect()`/`render_expected()` let the
    engine hand the early sentence to the `synthesize` call that asks for exactly it.
    """

    thread: threading.Thread
    imported: threading.Event
    """Set once numpy and the engine's packages are imported (or failed to be). The main thread waits
    for it before importing the rest of the pipeline and the segmenter: imports hold the interpreter
    lock, so the two would only take turns, and the model's load (which runs outside the lock) would
    start later. numpy must not be imported by two threads at once either (the segmenter's language
    model uses it)."""
    first: queue.SimpleQueue[str | None]
    """The engine name of the announced first sentence, or None when there is none to render."""

    @classmethod
    def start(cls, engines: Registry, options: CastingOptions, threads: int) -> WarmUp | None:
        """Start warming up the narrator's engine; None when it has nothing to load."""
        if options.engine is not None:
            try:
                if getattr(engines.get(options.engine), "preload", None) is None:
                    return None
            except ReaderError:  # casting reports it, with the fix
                return None
        imported = threading.Event()
        first: queue.SimpleQueue[str | None] = queue.SimpleQueue()

        def run() -> None:
            try:
                import numpy  # noqa: F401

                narrator = _narrator(engines, options)
                if narrator is not None:
                    getattr(engines.get(narrator[0]), "import_runtime", lambda: None)()
            except Exception as exc:  # noqa: BLE001 - reported by the synthesis that needs it, with its line
                log.debug("preparing the narrator's engine failed: %s", exc)
                narrator = None
            finally:
                imported.set()
            if narrator is not None and _preload(engines, *narrator, threads) and first.get() == narrator[0]:
                engines.get(narrator[0]).render_expected()  # type: ignore[attr-defined]

        thread = threading.Thread(target=run, name="narrator-warm-up", daemon=True)
        thread.start()
        return cls(thread, imported, first)

    def announce(self, engines: Registry, utterance: tuple[str, VoiceProfile] | None) -> None:
        """Tell the engine which sentence comes first (its text and voice), or that none is known."""
        engine = engines.get(utterance[1].engine) if utterance is not None else None
        if utterance is None or not hasattr(engine, "expect") or not hasattr(engine, "render_expected"):
            self.first.put(None)
            return
        engine.expect(*utterance)  # type: ignore[union-attr]
        self.first.put(utterance[1].engine)

    def finish(self) -> None:
        """Wait for the background thread: a model half-loaded at interpreter exit crashes. Calling
        it again does no harm."""
        self.first.put(None)
        self.thread.join()


def _narrator(engines: Registry, options: CastingOptions) -> tuple[str, VoiceProfile | None] | None:
    """The narrator's engine and profile (None: the engine's default voice) as casting will find them
    from the options alone, when that engine has a model to preload; None otherwise.

    Raises:
        ReaderError: the engine cannot be loaded (reported again, properly, when it is needed).
    """
    if options.engine:
        name, profile = options.engine, None
    else:
        profile = voices.load_profiles(options.voice_dirs, broken={}).get(
            options.assignments.get("narrator", voices.DEFAULT))
        if profile is None:
            return None
        name = profile.engine
    return (name, profile) if name in engines.names() and hasattr(engines.get(name), "preload") else None


def _preload(engines: Registry, name: str, profile: VoiceProfile | None, threads: int) -> bool:
    """Load the narrator's model (in a background thread); whether it loaded. A failure is left for
    the real attempt to report, with the line and the fix."""
    try:
        preload = engines.get(name).preload  # type: ignore[attr-defined]
        if "threads" in inspect.signature(preload).parameters:
            preload(profile, threads=threads)
        else:
            preload(profile)
    except Exception as exc:  # noqa: BLE001 - reported by the synthesis that needs the model, with its line
        log.debug("preloading the narrator's voice failed: %s", exc)
        return False
    return True
