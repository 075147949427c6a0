"""The contract every text-to-speech engine fulfils.

See silence_engine.py for a complete, minimal implementation. An engine turns one utterance of
already-normalized text into audio; everything around that (sentence splitting, retries, checks that
the audio is speech of a plausible length, caching, joining) lives in `reader.synth` and after.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, Protocol

from ..errors import VoiceError

if TYPE_CHECKING:
    from pydub import AudioSegment

    from ..model import VoiceProfile

__all__ = ["Capabilities", "Engine", "VoiceInfo", "capabilities_of", "check_options"]


@dataclass(frozen=True, slots=True)
class VoiceInfo:
    """One voice an engine can use on this machine."""

    id: str
    """What a profile's `voice` key takes."""
    name: str
    languages: tuple[str, ...] = ()
    gender: str | None = None
    description: str = ""


@dataclass(frozen=True, slots=True)
class Capabilities:
    """What an engine can do, declared by the engine itself so that nothing else checks engine names.

    An engine without a `capabilities` attribute gets these defaults (see `capabilities_of`).
    """

    prosody: bool = True
    """Honours a profile's `rate` and `pitch`, so one voice can be varied into distinct speakers."""
    language_voices: bool = False
    """A language code works as a voice id ('ru' gives a Russian voice) for every language its voices list."""
    any_language: bool = False
    """Reads text of every language as it is (a timing dry run): no voice needs to be cast per language."""
    speaker_option: tuple[str, tuple[object, ...]] | None = None
    """An engine option whose values make distinct speakers (an accent), used where prosody is missing."""
    gendered_option: tuple[str, tuple[object, ...], tuple[object, ...]] | None = None
    """An engine option whose values are distinct people: (option, men's values, women's values)."""
    voicing: bool = False
    """Its audio goes through `reader.voicing` (vocal-tract length, pitch and its range), so one voice
    can become other men and women (the profile's `formant`, `pitch` and `pitch_range`)."""
    rank: int = 50
    """Order among engines that could read a language: lower is tried first (offline neural voices first)."""
    fallback: bool = False
    """Dependable offline: may stand in for a voice whose engine cannot run (see `--fallback`)."""
    voices_offline: bool = False
    """Its voice list is known without the engine being usable (shown by `reader voices` anyway)."""
    chars_in_flight: int | None = None
    """Most characters of text it should render at once across threads (its memory grows with the text
    it renders); None: no bound. One line alone always runs, however long."""


def check_options(voice: VoiceProfile, engine: str, allowed: Mapping[str, type | tuple[type, ...]]) -> None:
    """Reject a profile's engine options that `engine` does not know or that have the wrong type.

    Raises:
        VoiceError: naming the voice, the option and what is allowed.
    """
    for key, value in voice.options.items():
        if key not in allowed:
            known = ", ".join(sorted(allowed)) or "none"
            raise VoiceError(f"voice {voice.name!r}: unknown {engine} option {key!r}; known: {known}")
        wanted = allowed[key]
        kinds: tuple[type, ...] = wanted if isinstance(wanted, tuple) else (wanted,)
        # bool is an int in Python; an option typed int must not take true/false.
        if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in kinds):
            names = " or ".join(k.__name__ for k in kinds)
            raise VoiceError(f"voice {voice.name!r}: {engine} option {key!r} must be {names}")


def capabilities_of(engine: object) -> Capabilities:
    """The capabilities `engine` declares, or the defaults for one that declares none."""
    declared = getattr(engine, "capabilities", None)
    return declared if isinstance(declared, Capabilities) else Capabilities()


class Engine(Protocol):
    """A text-to-speech engine, found by name through the `article_reader.engines` entry points."""

    name: ClassVar[str]
    """Registry key users type, e.g. "piper". Same as the entry-point name."""
    needs_network: ClassVar[bool]
    """True if synthesize() talks to an online service."""
    speaks: ClassVar[bool]
    """False only for test engines whose output is silence by design."""

    def version(self) -> str:
        """Engine and library version; part of every cache key."""
        ...

    def unavailable(self) -> str | None:
        """None when usable here, else one line saying why and how to fix it. Cheap, no synthesis."""
        ...

    def list_voices(self) -> list[VoiceInfo]:
        """Voices this engine can use on this machine."""
        ...

    def check(self, voice: VoiceProfile) -> None:
        """Raise VoiceError if `voice` (incl. its options) is unusable here. Cheap, no synthesis."""
        ...

    def synthesize(self, text: str, voice: VoiceProfile) -> AudioSegment:
        """Speak `text` (non-empty, normalized, one sentence or less). Raise EngineError on failure."""
        ...


def program_version(exe: str, label: str) -> str:
    """'LABEL X.Y.Z' from a program's `--version` output ('LABEL unknown' when it prints no number)."""
    out = subprocess.run([exe, "--version"], capture_output=True, text=True, timeout=30, check=False).stdout
    found = re.search(r"\d+(?:\.\d+)+", out)
    return f"{label} {found.group(0) if found else 'unknown'}"
