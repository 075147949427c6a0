"""Casting: who reads what. Turns a Document into Lines (utterance + voice). No audio here."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from . import normalize, sentences
from .errors import VoiceError
from .model import BlockKind, Document, Line, Role, Run, VoiceProfile

__all__ = ["Cast", "cast", "make_cast"]


@dataclass(frozen=True, slots=True)
class Cast:
    """Voices by role, by speaker and by language. Speakers and languages win over roles."""

    narrator: VoiceProfile
    quote: VoiceProfile | None = None
    """Voice for quotations without a speaker-specific voice; None means the narrator."""
    heading: VoiceProfile | None = None
    """Voice for headings; None means the narrator."""
    speakers: Mapping[str, VoiceProfile] = field(default_factory=lambda: MappingProxyType({}))
    languages: Mapping[str, VoiceProfile] = field(default_factory=lambda: MappingProxyType({}))

    def voice_for(self, kind: BlockKind, run: Run) -> VoiceProfile:
        """The profile that reads `run` inside a block of `kind`."""
        if run.lang in self.languages:
            return self.languages[run.lang]
        if kind is BlockKind.HEADING:
            return self.heading or self.narrator
        if run.role is Role.QUOTE:
            if run.speaker and run.speaker in self.speakers:
                return self.speakers[run.speaker]
            return self.quote or self.narrator
        return self.narrator


def make_cast(
    profiles: Mapping[str, VoiceProfile],
    assignments: Mapping[str, str] | None = None,
    engine: str | None = None,
) -> Cast:
    """Build a Cast from `role=profile` assignments (roles: narrator, quote, heading, speaker:NAME, lang:CODE).

    `engine`, when given, makes every voice use that engine (with the engine's default voice).

    Raises:
        VoiceError: an unknown role or profile name.
    """
    chosen = dict(assignments or {})

    def profile(name: str, role: str) -> VoiceProfile:
        if name not in profiles:
            raise VoiceError(
                f"{role}: no voice profile {name!r}; known: {', '.join(sorted(profiles))} (see `reader voices`)"
            )
        found = profiles[name]
        if engine and found.engine != engine:
            return VoiceProfile(name=f"{engine}-default", engine=engine, language=found.language)
        return found

    roles: dict[str, VoiceProfile] = {}
    speakers: dict[str, VoiceProfile] = {}
    languages: dict[str, VoiceProfile] = {}
    for role, name in chosen.items():
        if role in ("narrator", "quote", "heading"):
            roles[role] = profile(name, role)
        elif role.startswith("speaker:") and role[8:].strip():
            speakers[role[8:].strip()] = profile(name, role)
        elif role.startswith("lang:") and role[5:].strip():
            languages[role[5:].strip().lower()] = profile(name, role)
        else:
            raise VoiceError(
                f"unknown role {role!r}; use narrator, quote, heading, speaker:NAME or lang:CODE"
            )
    narrator = roles.get("narrator") or profile("default", "narrator")
    return Cast(
        narrator=narrator,
        quote=roles.get("quote"),
        heading=roles.get("heading"),
        speakers=MappingProxyType(speakers),
        languages=MappingProxyType(languages),
    )


def cast(document: Document, voices: Cast) -> list[Line]:
    """Every utterance of the document, in reading order, with the voice that reads it."""
    lines: list[Line] = []
    for b, block in enumerate(document.blocks):
        for r, run in enumerate(block.runs):
            voice = voices.voice_for(block.kind, run)
            pieces = [p for p in sentences.split(normalize.normalize(run.text, run.lang)) if any(c.isalnum() for c in p)]
            for i, piece in enumerate(pieces):
                lines.append(
                    Line(
                        block=b,
                        run=r,
                        kind=block.kind,
                        role=run.role,
                        text=piece,
                        voice=voice,
                        speaker=run.speaker,
                        lang=run.lang,
                        last_in_run=i == len(pieces) - 1,
                    )
                )
    return lines
