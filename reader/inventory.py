"""What this machine can speak with: engines, their availability and voices, and the voice profiles."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from . import voices
from .engines import Registry, capabilities_of
from .errors import ReaderError

__all__ = ["describe"]


def describe(engines: Registry, voice_dirs: Sequence[Path], only: str | None = None) -> dict[str, Any]:
    """Engines (available or not, and why, with their voices) and profiles, as plain data; with `only`,
    just that engine and the profiles that use it.

    Raises:
        EngineError: `only` names no registered engine.
    """
    names = [only] if only else engines.names()
    listed = []
    for name in names:
        try:
            engine = engines.get(name)
            reason = engine.unavailable()
            found = engine.list_voices() if reason is None or capabilities_of(engine).voices_offline else []
            needs_network = engine.needs_network
        except ReaderError as exc:
            if only:
                raise
            reason, found, needs_network = str(exc), [], False
        listed.append({
            "name": name,
            "available": reason is None,
            "reason": reason,
            "needs_network": needs_network,
            "voices": [{"id": v.id, "name": v.name, "languages": list(v.languages), "gender": v.gender,
                        "description": v.description} for v in found],
        })
    profiles = [
        {"name": p.name, "engine": p.engine, "voice": p.voice, "language": p.language, "rate": p.rate,
         "pitch": p.pitch, "options": dict(p.options), "description": p.description,
         "path": str(p.path) if p.path else None}
        for p in sorted(voices.load_profiles(voice_dirs).values(), key=lambda p: p.name)
        if only is None or p.engine == only
    ]
    return {"engines": listed, "profiles": profiles}
