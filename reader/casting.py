"""Casting: who reads what. Turns a Document into Lines (utterance + voice). No audio here."""

from __future__ import annotations

import dataclasses
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from . import normalize, sentences
from .errors import VoiceError
from .model import BlockKind, Document, Line, Role, Run, VoiceProfile
from .segment import language

__all__ = ["Cast", "cast", "languages", "load_cast_file", "make_cast", "pieces", "speaker_variant",
           "speaks_language"]

_ROLES = ("narrator", "quote", "heading")
# (pitch, rate) multipliers that make one neural voice into several distinct, still natural readers.
_VARIANTS = ((1.0, 1.0), (1.19, 0.94), (0.94, 0.98), (1.11, 1.04), (1.05, 0.91), (1.25, 0.96), (0.97, 1.02),
             (1.15, 0.89), (1.08, 1.0))
# Google voices differ by accent instead.
_GTTS_ACCENTS = ("com", "co.uk", "com.au", "co.in", "ca", "ie", "co.za")


def speaks_language(profile: VoiceProfile, lang: str) -> bool:
    """Whether `profile` is meant for language `lang` ('en-us' speaks 'en')."""
    return profile.language.lower().split("-")[0] == lang.lower().split("-")[0]


def speaker_variant(base: VoiceProfile, index: int) -> VoiceProfile:
    """The index-th distinct variant of `base` for a quoted speaker (index 0 is `base` itself)."""
    if index == 0:
        return base
    if base.engine == "gtts":
        tld = _GTTS_ACCENTS[index % len(_GTTS_ACCENTS)]
        return dataclasses.replace(base, name=f"{base.name}~{index}",
                                   options=MappingProxyType({**base.options, "tld": tld}))
    if base.engine in ("piper", "espeak"):
        pitch, rate = _VARIANTS[index % len(_VARIANTS)]
        return dataclasses.replace(base, name=f"{base.name}~{index}", pitch=round(base.pitch * pitch, 3),
                                   rate=round(base.rate * rate, 3))
    return base


@dataclass(frozen=True, slots=True)
class Cast:
    """Voices by role, by speaker and by language. Languages win over speakers, speakers over roles."""

    narrator: VoiceProfile
    quote: VoiceProfile | None = None
    """Voice for quotations; None means the narrator."""
    heading: VoiceProfile | None = None
    """Voice for headings; None means the narrator."""
    speakers: Mapping[str, VoiceProfile] = field(default_factory=lambda: MappingProxyType({}))
    languages: Mapping[str, VoiceProfile] = field(default_factory=lambda: MappingProxyType({}))
    vary_speakers: bool = True
    """Give each quoted speaker without an assigned voice a distinct variant of the quote voice."""
    fallback: VoiceProfile | None = None
    """Offline voice for runs whose engine is unavailable, when the user allows fallback."""

    def voice_for(self, kind: BlockKind, run: Run, speaker_index: Callable[[str], int]) -> VoiceProfile:
        """The profile that reads `run` inside a block of `kind`."""
        lang = run.lang.split("-")[0]
        if lang in self.languages:
            return self.languages[lang]
        if kind is BlockKind.HEADING:
            return self.heading or self.narrator
        if run.role is Role.QUOTE:
            base = self.quote or self.narrator
            if run.speaker and run.speaker in self.speakers:
                return self.speakers[run.speaker]
            if run.speaker and self.vary_speakers:
                return speaker_variant(base, speaker_index(run.speaker))
            return base
        return self.narrator


def load_cast_file(path: Path) -> dict[str, str]:
    """A cast file (TOML) as role=profile assignments.

    ```toml
    narrator = "default"
    quote = "quote"
    fallback = "espeak-en"
    [speakers]
    "Vladimir Putin" = "espeak-ru"
    [languages]
    ru = "espeak-ru"
    ```

    Raises:
        VoiceError: unreadable file, unknown keys or non-string values, naming the file and key.
    """
    try:
        raw: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise VoiceError(f"{path}: cannot read cast file: {exc}") from exc
    out: dict[str, str] = {}
    for key, value in raw.items():
        if key in (*_ROLES, "fallback") and isinstance(value, str):
            out[key] = value
        elif key in ("speakers", "languages") and isinstance(value, dict):
            prefix = "speaker:" if key == "speakers" else "lang:"
            for name, profile in value.items():
                if not isinstance(profile, str):
                    raise VoiceError(f"{path}: [{key}] {name!r} must name a voice profile (a string)")
                out[prefix + name] = profile
        else:
            raise VoiceError(f"{path}: unknown or mistyped key {key!r}; use narrator, quote, heading, fallback, "
                             "[speakers] or [languages]")
    return out


def make_cast(
    profiles: Mapping[str, VoiceProfile],
    assignments: Mapping[str, str] | None = None,
    engine: str | None = None,
) -> Cast:
    """Build a Cast from `role=profile` assignments.

    Roles: narrator, quote, heading, fallback, speaker:NAME, lang:CODE. Unassigned roles use the
    shipped `default`, `quote` and `heading` profiles. `engine`, when given, makes every voice use
    that engine's default voice for its language (keeping pitch and rate where the engine has them).

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
            keeps_prosody = engine in ("piper", "espeak", "silence")
            return VoiceProfile(
                name=f"{engine}-{found.name}", engine=engine, language=found.language,
                voice=found.language if engine in ("espeak", "gtts") else None,
                rate=found.rate if keeps_prosody else 1.0, pitch=found.pitch if keeps_prosody else 1.0,
            )
        return found

    roles: dict[str, VoiceProfile] = {}
    speakers: dict[str, VoiceProfile] = {}
    languages: dict[str, VoiceProfile] = {}
    for role, name in chosen.items():
        if role in (*_ROLES, "fallback"):
            roles[role] = profile(name, role)
        elif role.startswith("speaker:") and role[8:].strip():
            speakers[role[8:].strip()] = profile(name, role)
        elif role.startswith("lang:") and role[5:].strip():
            languages[role[5:].strip().lower()] = profile(name, role)
        else:
            raise VoiceError(
                f"unknown role {role!r}; use narrator, quote, heading, fallback, speaker:NAME or lang:CODE"
            )

    def default(role: str, name: str) -> VoiceProfile | None:
        return roles.get(role) or (profile(name, role) if name in profiles else None)

    narrator = roles.get("narrator") or profile("default", "narrator")
    return Cast(
        narrator=narrator,
        quote=default("quote", "quote"),
        heading=default("heading", "heading"),
        speakers=MappingProxyType(speakers),
        languages=MappingProxyType(languages),
        fallback=roles.get("fallback"),
    )


def pieces(run: Run) -> list[tuple[str, str, str]]:
    """The run as (text, language, sentence) pieces: its sentences, each in the language it is written
    in, and runs of words in another script inside a sentence on their own. `sentence` is the whole
    original sentence on its first piece and empty on the others."""
    out: list[tuple[str, str, str]] = []
    for sentence in sentences.split(run.text):
        lang = language.detect(sentence, run.lang)
        out.extend((text, code, "" if j else sentence) for j, (text, code) in enumerate(language.spans(sentence, lang)))
    return out


def languages(document: Document) -> set[str]:
    """Every language a piece of the document is in (what voices are needed for)."""
    return {code.split("-")[0] for block in document.blocks for run in block.runs for _, code, _ in pieces(run)}


def cast(document: Document, voices: Cast, lexicon: Mapping[str, str] | None = None) -> list[Line]:
    """Every utterance of the document, in reading order, with the voice that reads it."""
    order: dict[str, int] = {}

    def speaker_index(name: str) -> int:
        # Speakers are numbered from 1 so that the first quoted person already differs from
        # unattributed quotes (index 0 is the quote voice itself).
        return order.setdefault(name, len(order) + 1)

    lines: list[Line] = []
    for b, block in enumerate(document.blocks):
        for r, run in enumerate(block.runs):
            # Each sentence is normalized on its own, in its own language, so transcripts can show it as
            # written; a piece in another language than the run's is read by a voice for that language.
            utterances: list[tuple[str, str, str, VoiceProfile]] = []
            for text, lang, sentence in pieces(run):
                voice = voices.voice_for(block.kind, dataclasses.replace(run, lang=lang), speaker_index)
                spoken = normalize.normalize(text, lang, lexicon=lexicon)
                parts = [p for p in sentences.split(spoken) if any(c.isalnum() for c in p)]
                utterances.extend((part, sentence if j == 0 else "", lang, voice) for j, part in enumerate(parts))
            for i, (piece, display, lang, voice) in enumerate(utterances):
                lines.append(
                    Line(
                        block=b,
                        run=r,
                        kind=block.kind,
                        role=run.role,
                        text=piece,
                        voice=voice,
                        speaker=run.speaker,
                        lang=lang,
                        last_in_run=i == len(utterances) - 1,
                        display=display,
                    )
                )
    return lines
