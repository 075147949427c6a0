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
from .model import BlockKind, Document, Gender, Line, Role, Run, VoiceProfile

__all__ = ["Cast", "cast", "load_cast_file", "make_cast", "speaker_variant", "speaks_language"]

_ROLES = ("narrator", "quote", "heading")


@dataclass(frozen=True, slots=True)
class _Variant:
    """One quoted person made from a voice of the opposite or the same sex (ratios to that voice)."""

    formant: float
    pitch: float
    pitch_range: float
    rate: float


# Made from a man's voice (the embedded Piper voice: median F0 about 90 Hz). The vocal-tract scale
# (formant) is what makes a different person to a speaker-recognition model; pitch, its range and the
# tempo make people a listener tells apart. Ordered so that the first of each set are the most
# distinct: measured on the embedded voice, the first two men and the first two women are each
# below 0.80 resemblyzer similarity to one another and to the narrator (README, Voices).
_MEN = (
    _Variant(formant=0.82, pitch=1.0, pitch_range=0.85, rate=1.0),    # a big, deep, steady man
    _Variant(formant=1.15, pitch=0.92, pitch_range=1.25, rate=1.0),   # a lighter-voiced, livelier man
    _Variant(formant=0.86, pitch=1.45, pitch_range=1.15, rate=1.0),   # a tenor
    _Variant(formant=1.1, pitch=0.88, pitch_range=0.8, rate=0.92),    # a low, flat, slow speaker
)
_WOMEN = (
    _Variant(formant=1.32, pitch=1.95, pitch_range=1.1, rate=1.0),    # a woman, about 175 Hz
    _Variant(formant=1.1, pitch=2.4, pitch_range=1.2, rate=1.0),      # a higher, livelier woman, about 215 Hz
    _Variant(formant=1.22, pitch=2.1, pitch_range=0.9, rate=0.95),    # a calm, measured woman
    _Variant(formant=1.17, pitch=2.6, pitch_range=1.3, rate=1.08),    # a high, quick voice
)
# eSpeak NG ships its own voice variants, each a different synthetic person.
_ESPEAK = {Gender.MALE: ("m1", "m3", "m2", "m7", "m4", "m6"), Gender.FEMALE: ("f1", "f3", "f2", "f4", "f5")}
# Google voices differ by accent instead.
_GTTS_ACCENTS = ("com", "co.uk", "com.au", "co.in", "ca", "ie", "co.za")


def speaks_language(profile: VoiceProfile, lang: str) -> bool:
    """Whether `profile` is meant for language `lang` ('en-us' speaks 'en')."""
    return profile.language.lower().split("-")[0] == lang.lower().split("-")[0]


def speaker_variant(base: VoiceProfile, index: int, gender: Gender | None = None) -> VoiceProfile:
    """The voice of the `index`-th quoted person of `gender` (1-based), made from `base`.

    Index 0 is `base` itself. Piper voices (and any engine voicing applies to) are moved to a person
    of that gender: a woman is made from a man's voice by a shorter vocal tract and about twice the
    pitch, and the other way round. eSpeak uses its own voice variants, Google's voices an accent.
    `gender` None means a man: pass the gender the article shows to get a woman's voice.
    """
    if index == 0:
        return base
    if base.engine == "gtts":
        tld = _GTTS_ACCENTS[index % len(_GTTS_ACCENTS)]
        return dataclasses.replace(base, name=f"{base.name}~{index}",
                                   options=MappingProxyType({**base.options, "tld": tld}))
    want = gender or Gender.MALE
    if base.engine == "espeak":
        names = _ESPEAK[want]
        return dataclasses.replace(base, name=f"{base.name}~{want.value[0]}{index}", gender=want,
                                   options=MappingProxyType({**base.options, "variant": names[(index - 1) % len(names)]}))
    if base.engine == "piper":
        # The table is written for a man's voice; from a woman's, every ratio is turned around.
        from_woman = base.gender is Gender.FEMALE
        table = _WOMEN if (want is Gender.FEMALE) != from_woman else _MEN
        v = table[(index - 1) % len(table)]
        formant, pitch = (round(1 / v.formant, 3), round(1 / v.pitch, 3)) if from_woman else (v.formant, v.pitch)
        return dataclasses.replace(
            base, name=f"{base.name}~{want.value[0]}{index}", gender=want, formant=formant, pitch=pitch,
            pitch_range=v.pitch_range, rate=round(base.rate * v.rate, 3),
        )
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

    def voice_for(self, kind: BlockKind, run: Run,
                  speaker_slot: Callable[[str], tuple[int, Gender | None]]) -> VoiceProfile:
        """The profile that reads `run` inside a block of `kind`.

        `speaker_slot(name)` says which voice a quoted person gets: their number among the people of
        their voice's gender (1-based) and that gender.
        """
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
                return speaker_variant(base, *speaker_slot(run.speaker))
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


def cast(document: Document, voices: Cast, lexicon: Mapping[str, str] | None = None) -> list[Line]:
    """Every utterance of the document, in reading order, with the voice that reads it."""
    genders = {s.name: s.gender for s in document.speakers}
    used = {Gender.MALE: 0, Gender.FEMALE: 0}
    slots: dict[str, tuple[int, Gender | None]] = {}

    def speaker_slot(name: str) -> tuple[int, Gender | None]:
        # Women get women's voices and men men's; people of unknown gender take turns between the two
        # sets (the one less used so far, men first on a tie). Numbers start at 1 so that the first
        # quoted person already differs from unattributed quotes (0 is the quote voice itself).
        if name not in slots:
            gender = genders.get(name) or min(used, key=lambda g: (used[g], g is not Gender.MALE))
            used[gender] += 1
            slots[name] = (used[gender], gender)
        return slots[name]

    lines: list[Line] = []
    for b, block in enumerate(document.blocks):
        for r, run in enumerate(block.runs):
            voice = voices.voice_for(block.kind, run, speaker_slot)
            # Each original sentence is normalized on its own, so transcripts can show it as written.
            pieces: list[tuple[str, str]] = []
            for sentence in sentences.split(run.text):
                spoken = normalize.normalize(sentence, run.lang, lexicon=lexicon)
                parts = [p for p in sentences.split(spoken) if any(c.isalnum() for c in p)]
                pieces.extend((part, sentence if j == 0 else "") for j, part in enumerate(parts))
            for i, (piece, display) in enumerate(pieces):
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
                        display=display,
                    )
                )
    return lines
