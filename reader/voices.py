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

__all__ = ["DEFAULT", "builtin_dir", "load_profile", "load_profiles"]

DEFAULT = "default"
"""Name of the profile used when nothing else is chosen: Piper with the embedded voice."""

_KEYS: Mapping[str, tuple[type, ...]] = {
    "engine": (str,),
    "voice": (str,),
    "language": (str,),
    "rate": (float, int),
    "pitch": (float, int),
    "formant": (float, int),
    "pitch_range": (float, int),
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
        gender=Gender(raw["gender"]) if "gender" in raw else None,
        options=MappingProxyType(dict(raw.get("options", {}))),
        description=raw.get("description", ""),
        path=path,
    )


def load_profiles(dirs: Iterable[Path]) -> dict[str, VoiceProfile]:
    """Every profile in `dirs` (highest precedence first) plus the shipped ones, by name.

    The built-in `default` profile exists even when no file defines it, so a fresh install speaks.

    Raises:
        VoiceError: a profile file is malformed.
    """
    profiles: dict[str, VoiceProfile] = {DEFAULT: VoiceProfile(name=DEFAULT, engine="piper", gender=Gender.MALE)}
    for folder in [builtin_dir(), *reversed(list(dirs))]:
        if folder.is_dir():
            for path in sorted(folder.glob("*.toml")):
                profiles[path.stem] = load_profile(path)
    return profiles
