"""Casting: who reads what. Turns a Document into Lines (utterance + voice). No audio here."""

from __future__ import annotations

import dataclasses
import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from . import normalize, sentences, voices
from .engines import Capabilities, Registry
from .errors import EngineUnavailable, ReaderError, VoiceError
from .model import BlockKind, Document, Gender, Line, Role, Run, VoiceProfile
from .options import CastingOptions
from .segment import language

__all__ = ["Cast", "Plan", "cast", "languages", "load_cast_file", "make_cast", "pieces", "plan", "speaker_variant",
           "speaks_language", "voice_for_language"]

_ROLES = ("narrator", "quote", "heading")


@dataclass(frozen=True, slots=True)
class _Variant:
    """One quoted person made from a voice of the opposite or the same sex (ratios to that voice)."""

    formant: float
    pitch: float
    pitch_range: float
    rate: float
    brightness: float = 0.0
    """Spectral tilt, dB per octave (not a ratio: the same from a man's or a woman's voice)."""


# Made from a man's voice (the embedded Piper voice: median F0 about 90 Hz). To a speaker-recognition
# model (resemblyzer) the vocal-tract scale (formant) and the spectral tilt (brightness) are what make
# a different person, pitch counts a little; pitch range and tempo make people a listener tells apart.
# Scale alone gives two men distinct from the narrator and from each other; scale, tilt and pitch
# together give five. Measured on the fixture export at -16 LUFS: every pair of these five and each
# against the narrator below 0.80 (highest 0.79), with recognizer word error rates within 0.03 of the
# narrator's on the same text (README, Voicing). A dark tilt costs intelligibility (a darker, bigger
# man than these is misheard more), so the darkest are the lighter-built voices.
_MEN = (
    _Variant(formant=1.25, pitch=0.8, pitch_range=1.1, rate=1.0, brightness=-4),   # a slight man with a low, soft voice
    _Variant(formant=0.82, pitch=1.35, pitch_range=1.2, rate=1.05, brightness=-4), # a big man with a high, warm voice
    _Variant(formant=1.1, pitch=1.0, pitch_range=0.85, rate=0.95, brightness=-4),  # a calm, dark-toned man
    _Variant(formant=0.9, pitch=0.85, pitch_range=0.9, rate=0.95, brightness=6),   # a broad man with a deep, clear voice
    _Variant(formant=1.18, pitch=1.35, pitch_range=1.25, rate=1.05, brightness=4), # a bright, lively tenor
)
_WOMEN = (
    _Variant(formant=1.32, pitch=1.95, pitch_range=1.1, rate=1.0),    # a woman, about 175 Hz
    _Variant(formant=1.1, pitch=2.4, pitch_range=1.2, rate=1.0),      # a higher, livelier woman, about 215 Hz
    _Variant(formant=1.22, pitch=2.1, pitch_range=0.9, rate=0.95),    # a calm, measured woman
    _Variant(formant=1.17, pitch=2.6, pitch_range=1.3, rate=1.08),    # a high, quick voice
)
# (pitch, rate) multipliers for an engine that can only vary prosody: distinct readers, not different people.
_PROSODY = ((1.19, 0.94), (0.94, 0.98), (1.11, 1.04), (1.05, 0.91), (1.25, 0.96), (0.97, 1.02), (1.15, 0.89),
            (1.08, 1.0))
_DEFAULTS = Capabilities()


def speaks_language(profile: VoiceProfile, lang: str) -> bool:
    """Whether `profile` is meant for language `lang` ('en-us' speaks 'en')."""
    return profile.language.lower().split("-")[0] == lang.lower().split("-")[0]


def speaker_variant(base: VoiceProfile, index: int, gender: Gender | None = None,
                    capabilities: Capabilities = _DEFAULTS) -> VoiceProfile:
    """The voice of the `index`-th quoted person of `gender` (1-based), made from `base`.

    Index 0 is `base` itself. How a voice becomes another person is the engine's to say (its
    `capabilities`): voices it lists per gender (eSpeak's variants); voicing, which moves its audio to
    a person of that gender (a woman is made from a man's voice by a shorter vocal tract and about
    twice the pitch, and the other way round); an option whose values are distinct speakers (Google's
    accents); else prosody alone. `gender` None means a man: pass the gender the article shows to get
    a woman's voice.
    """
    if index == 0:
        return base
    want = gender or Gender.MALE
    name = f"{base.name}~{want.value[0]}{index}"
    if capabilities.gendered_option:
        key, men, women = capabilities.gendered_option
        values = women if want is Gender.FEMALE else men
        return dataclasses.replace(base, name=name, gender=want,
                                   options=MappingProxyType({**base.options, key: values[(index - 1) % len(values)]}))
    if capabilities.voicing:
        # The table is written for a man's voice; from a woman's, every ratio is turned around.
        from_woman = base.gender is Gender.FEMALE
        table = _WOMEN if (want is Gender.FEMALE) != from_woman else _MEN
        v = table[(index - 1) % len(table)]
        formant, pitch = (round(1 / v.formant, 3), round(1 / v.pitch, 3)) if from_woman else (v.formant, v.pitch)
        return dataclasses.replace(base, name=name, gender=want, formant=formant, pitch=pitch,
                                   pitch_range=v.pitch_range, rate=round(base.rate * v.rate, 3),
                                   brightness=v.brightness)
    # Without gendered voices, men and women share one sequence of variants (men even, women odd).
    overall = 2 * (index - 1) + (want is Gender.FEMALE)
    if capabilities.speaker_option:
        key, values = capabilities.speaker_option
        return dataclasses.replace(base, name=name, options=MappingProxyType(
            {**base.options, key: values[(overall + 1) % len(values)]}))
    if capabilities.prosody:
        pitch, rate = _PROSODY[overall % len(_PROSODY)]
        return dataclasses.replace(base, name=name, pitch=round(base.pitch * pitch, 3),
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
    capabilities: Mapping[str, Capabilities] = field(default_factory=lambda: MappingProxyType({}))
    """What each engine of the cast can do (how it varies a speaker); engines not listed get defaults."""

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
                return speaker_variant(base, *speaker_slot(run.speaker),
                                       self.capabilities.get(base.engine, _DEFAULTS))
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
    capabilities: Capabilities = _DEFAULTS,
) -> Cast:
    """Build a Cast from `role=profile` assignments.

    Roles: narrator, quote, heading, fallback, speaker:NAME, lang:CODE. Unassigned roles use the
    shipped `default`, `quote` and `heading` profiles. `engine`, when given, makes every voice use
    that engine's default voice for its language (keeping pitch and rate where the engine has them,
    as its `capabilities` say).

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
            keeps_prosody = capabilities.prosody
            return VoiceProfile(
                name=f"{engine}-{found.name}", engine=engine, language=found.language,
                voice=found.language if capabilities.language_voices else None,
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
            # Each sentence is normalized on its own, in its own language, so transcripts can show it as
            # written; a piece in another language than the run's is read by a voice for that language.
            utterances: list[tuple[str, str, str, VoiceProfile]] = []
            for text, lang, sentence in pieces(run):
                voice = voices.voice_for(block.kind, dataclasses.replace(run, lang=lang), speaker_slot)
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


@dataclass(frozen=True, slots=True)
class Plan:
    """Every utterance with its voice, checked before synthesis, and what casting had to warn about."""

    lines: list[Line]
    fallback: VoiceProfile | None = None
    warnings: list[str] = field(default_factory=list)
    narrator: VoiceProfile | None = None
    """The cast's narrator: it stands in for a voice that cannot read a run (with a warning)."""


def _rank(engines: Registry, name: str) -> int:
    try:
        return engines.capabilities(name).rank
    except ReaderError:
        return 999


def voice_for_language(lang: str, profiles: Mapping[str, VoiceProfile], engines: Registry,
                       engine: str | None = None) -> VoiceProfile | None:
    """An offline-first voice that speaks `lang` and can run here, or None.

    With `engine`, only that engine's voice for the language (where its voices are chosen by
    language). Otherwise: a profile for the language, by the rank its engine declares; then any
    engine that takes a language code as a voice and lists `lang` among its voices.
    """
    if engine:
        caps = engines.capabilities(engine)
        if caps.language_voices:
            return VoiceProfile(name=f"{engine}-{lang}", engine=engine, voice=lang, language=lang)
        return _listed_voice_for(engine, lang, engines)
    offline = [name for name in engines.names() if engines.usable(name) and not engines.get(name).needs_network]
    candidates = sorted((p for p in profiles.values()
                         if speaks_language(p, lang) and p.engine in offline and _voice_here(engines, p)),
                        key=lambda p: (_rank(engines, p.engine), p.name))
    if candidates:
        return candidates[0]
    for name in sorted(offline, key=lambda n: (_rank(engines, n), n)):
        impl = engines.get(name)
        if getattr(impl, "speaks", True) and engines.capabilities(name).language_voices and any(
                code.lower().split("-")[0] == lang for v in impl.list_voices() for code in v.languages):
            return VoiceProfile(name=f"{name}-{lang}", engine=name, voice=lang, language=lang)
    return None


def _voice_here(engines: Registry, profile: VoiceProfile) -> bool:
    """Whether the profile's voice is installed here (an engine can run with some voices missing)."""
    try:
        engines.get(profile.engine).check(profile)
    except ReaderError:
        return False
    return True


def _listed_voice_for(engine: str, lang: str, engines: Registry) -> VoiceProfile | None:
    """A voice of `engine` (a system's voices) listed for `lang`: 'fr-fr' before 'fr-be'."""
    try:
        impl = engines.get(engine)
        if impl.unavailable() is not None:
            return None
        listed = impl.list_voices()
    except ReaderError:
        return None
    matches = [(tag.lower(), v) for v in listed for tag in v.languages if tag.lower().split("-")[0] == lang]
    if not matches:
        return None
    matches.sort(key=lambda m: (m[0] not in (lang, f"{lang}-{lang}"), m[0]))
    return VoiceProfile(name=f"{engine}-{lang}", engine=engine, voice=matches[0][1].id, language=lang)


def without_fallback_advice(why: str) -> str:
    """An engine's reason minus its advice to pass --fallback, for when the user already did."""
    return re.sub(r";[^;]*--fallback[^;]*$", "", why).rstrip(" ;,") or why


def _cast_languages(document: Document, voices_: Cast, profiles: Mapping[str, VoiceProfile], engines: Registry,
                    engine: str | None, warnings: list[str]) -> Cast:
    """Add a voice for every run language the cast's voices do not speak."""
    if engine and engines.capabilities(engine).any_language:
        return voices_
    langs = languages(document)
    added = dict(voices_.languages)
    for lang in sorted(langs - set(added)):
        if speaks_language(voices_.narrator, lang):
            continue
        found = voice_for_language(lang, profiles, engines, engine)
        if found is None:
            warnings.append(f"no voice here speaks {lang!r}; those runs are read by {voices_.narrator.name!r}")
            continue
        added[lang] = found
    return dataclasses.replace(voices_, languages=MappingProxyType(added))


def _fallback_voice(voices_: Cast, profiles: Mapping[str, VoiceProfile], engines: Registry) -> VoiceProfile:
    """The voice that stands in for unavailable ones: the cast's own, the narrator when its engine is
    dependable offline, else the shipped default."""
    if voices_.fallback:
        return voices_.fallback
    try:
        dependable = engines.capabilities(voices_.narrator.engine).fallback
    except ReaderError:
        dependable = False
    return voices_.narrator if dependable else profiles[voices.DEFAULT]


def plan(document: Document, engines: Registry, options: CastingOptions = CastingOptions()) -> Plan:
    """Cast the document and check every voice it uses before any synthesis starts.

    With `options.fallback`, runs whose engine is unavailable (gtts offline) are read by the cast's
    fallback voice (or the offline default) with a warning, instead of failing.

    Raises:
        VoiceError: a profile is unknown or unusable.
        EngineUnavailable: an engine the cast needs cannot run here (and no fallback was allowed).
    """
    broken: dict[str, VoiceError] = {}
    profiles = voices.load_profiles(options.voice_dirs, broken=broken)
    warnings = voices.check_broken(broken, [*options.assignments.values(), voices.DEFAULT, "quote", "heading"])
    engine = options.engine
    voices_ = make_cast(profiles, options.assignments, engine=engine,
                        capabilities=engines.capabilities(engine) if engine else _DEFAULTS)
    voices_ = _cast_languages(document, voices_, profiles, engines, engine, warnings)
    backup = _fallback_voice(voices_, profiles, engines) if options.fallback else None
    used = {p.engine for p in (voices_.narrator, voices_.quote, voices_.heading, *voices_.speakers.values(),
                               *voices_.languages.values()) if p is not None}
    caps = {}
    for name in used:
        try:
            caps[name] = engines.capabilities(name)
        except EngineUnavailable:
            continue  # reported below, with the voice that needs it
    voices_ = dataclasses.replace(voices_, capabilities=MappingProxyType(caps))
    lines = cast(document, voices_, lexicon=options.lexicon)
    unusable: dict[str, str] = {}
    for profile in {line.voice for line in lines} | ({backup} if backup else set()):
        try:
            impl = engines.get(profile.engine)
            why = impl.unavailable()
        except EngineUnavailable as exc:
            why = str(exc)
        if why:
            unusable[profile.name] = why
            continue
        impl.check(profile)
    if unusable:
        if backup is None or backup.name in unusable:
            name, why = next(iter(unusable.items()))
            engine_name = next((line.voice.engine for line in lines if line.voice.name == name), name)
            raise EngineUnavailable(f"engine {engine_name!r}, needed for {voices.describe(name)}, "
                                    f"is unavailable: {why}")
        lines = [dataclasses.replace(line, voice=backup, fallback_from=line.voice.name)
                 if line.voice.name in unusable else line for line in lines]
        for why in sorted(set(unusable.values())):
            names = sorted(name for name, reason in unusable.items() if reason == why)
            warnings.append(f"{without_fallback_advice(why)}; {voices.describe_many(names)} "
                            f"{'is' if len(names) == 1 else 'are'} read by {voices.describe(backup.name)} instead")
    return Plan(lines=lines, fallback=backup, warnings=warnings, narrator=voices_.narrator)
