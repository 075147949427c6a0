"""Options objects: every choice a user makes, built once at the edge and passed down whole.

What changes the bytes of an export lives here (so the export cache and the podcast's "unchanged"
check both derive from it and cannot forget an option); what only changes speed (jobs, cache,
progress) stays a plain argument of the pipeline functions. No I/O here.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from .assemble import Pauses

__all__ = ["CastingOptions", "ExportOptions"]


def _frozen(mapping: Mapping[str, str] | None) -> Mapping[str, str]:
    return MappingProxyType(dict(mapping or {}))


@dataclass(frozen=True, slots=True)
class CastingOptions:
    """Who reads what: the voices a user assigned and how casting may choose the rest."""

    assignments: Mapping[str, str] = field(default_factory=lambda: _frozen(None), hash=False)
    """ROLE=PROFILE choices: narrator, quote, heading, fallback, speaker:NAME, lang:CODE."""
    engine: str | None = None
    """Speak everything with this engine (its default voice per language)."""
    voice_dirs: tuple[Path, ...] = ()
    """Folders of voice profiles, highest precedence first."""
    fallback: bool = False
    """Read runs whose engine is unavailable with a dependable offline voice, with a warning."""
    lexicon: Mapping[str, str] | None = field(default=None, hash=False)
    """User pronunciations that win over the text normalization."""

    def __post_init__(self) -> None:
        # Callers pass plain dicts; freeze them so an options object never changes under a cache key.
        object.__setattr__(self, "assignments", _frozen(self.assignments))
        if self.lexicon is not None:
            object.__setattr__(self, "lexicon", _frozen(self.lexicon))
        object.__setattr__(self, "voice_dirs", tuple(self.voice_dirs))

    def __reduce__(self) -> tuple[Any, ...]:
        # Options travel to worker processes and Dask workers; mapping proxies cannot be pickled.
        return (CastingOptions, (dict(self.assignments), self.engine, self.voice_dirs, self.fallback,
                                 None if self.lexicon is None else dict(self.lexicon)))

    def fingerprint(self) -> list[Any]:
        """What of these options can change the audio, as JSON-able data (the voice files themselves
        enter keys through the profiles they define)."""
        return [sorted(self.assignments.items()), self.engine, self.fallback,
                sorted((self.lexicon or {}).items())]


@dataclass(frozen=True, slots=True)
class ExportOptions:
    """Everything that decides the bytes of an exported file and its sidecars."""

    casting: CastingOptions = CastingOptions()
    title: str | None = None
    """Title for tags and the opening chapter; None means the article's headline."""
    loudness: float | None = -16.0
    """Integrated loudness target in LUFS; None keeps the engines' levels."""
    pauses: Pauses = Pauses()
    transcripts: tuple[str, ...] = ()
    """Transcript kinds written beside the audio: vtt, srt, json."""
    read_along: bool = False
    cover: Path | None = None
    """Cover art (JPEG or PNG) embedded in the file."""
    tags: Mapping[str, str] = field(default_factory=lambda: _frozen(None), hash=False)
    """Tags that add to or override the ones taken from the article (artist, album, date…)."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "tags", _frozen(self.tags))
        object.__setattr__(self, "transcripts", tuple(dict.fromkeys(self.transcripts)))

    def __reduce__(self) -> tuple[Any, ...]:
        return (ExportOptions, (self.casting, self.title, self.loudness, self.pauses, self.transcripts,
                                self.read_along, self.cover, dict(self.tags)))

    def replace(self, **changes: Any) -> ExportOptions:
        """A copy with some fields changed."""
        return dataclasses.replace(self, **changes)

    def fingerprint(self) -> list[Any]:
        """What of these options can change the audio file's bytes, as JSON-able data (the cover's
        bytes are added by the cache key itself)."""
        return [self.casting.fingerprint(), self.title, self.loudness, dataclasses.astuple(self.pauses),
                sorted(self.tags.items()), str(self.cover) if self.cover else None]
