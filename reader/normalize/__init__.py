"""Text normalization before synthesis: what a voice should say for digits, signs, addresses and abbreviations.

One module per language (`en`, `ru`, and `europe` for French, German, Spanish, Portuguese and Czech
numbers, dates and times), plus `web` (URLs, e-mail, hashtags, handles, phone numbers) and `common`
(punctuation clean-up every language gets). A user lexicon wins over every default: its
replacements are set aside before the steps run and put back after. No I/O here except
`load_lexicon`.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from .. import sentences
from ..errors import VoiceError
from . import common, en, europe, ru
from .common import Step
from .web import address_steps

__all__ = ["Utterance", "load_lexicon", "normalize", "steps", "utterances"]

# Private-use characters stand in for lexicon replacements while the steps run: no step matches them.
_SLOT = 0xF0000


@cache
def steps(lang: str) -> tuple[Step, ...]:
    """The steps for language `lang` ('en', 'en-gb', 'ru', 'fr', ...), in the order they run."""
    base = lang.lower().split("-")[0]
    head: tuple[Step, ...] = (common.with_digits(common.digit_runs), common.editorial_brackets, *address_steps(base))
    tail: tuple[Step, ...] = (common.dashes, common.stray_punctuation, common.whitespace)
    if base == "en":
        return (*head, *en.steps(lang.lower()), *tail)
    if base == "ru":
        return (*head, *ru.steps(), *tail)
    if base in europe.LANGUAGES:
        return (*head, *europe.steps(base), *tail)
    return (common.with_digits(common.digit_runs), common.editorial_brackets, *tail)


def _protect(text: str, lexicon: Mapping[str, str]) -> tuple[str, list[str]]:
    """Replace lexicon words by placeholders; return the text and the replacements in slot order."""
    if not lexicon:
        return text, []
    keys = sorted(lexicon, key=len, reverse=True)
    pattern = re.compile(r"(?<!\w)(" + "|".join(re.escape(k) for k in keys) + r")(?!\w)", re.I)
    lowered = {k.lower(): v for k, v in lexicon.items()}
    said: list[str] = []

    def slot(m: re.Match[str]) -> str:
        said.append(lowered.get(m.group(0).lower(), m.group(0)))
        return chr(_SLOT + len(said) - 1)

    return pattern.sub(slot, text), said


def normalize(text: str, lang: str = "en", lexicon: Mapping[str, str] | None = None) -> str:
    """What a voice should say for `text` in language `lang`; the lexicon's entries win.

    >>> normalize("Prices rose 15% to $1.2 million on 14 March 2025.")
    'Prices rose fifteen percent to one point two million dollars on the fourteenth of March, twenty twenty-five.'
    """
    text, said = _protect(text, lexicon or {})
    for step in steps(lang or "en"):
        text = step(text)
    if said:
        text = re.sub(r"[\U000F0000-\U000FFFFF]", lambda m: said[ord(m.group(0)) - _SLOT], text)
    return text


@dataclass(frozen=True, slots=True)
class Utterance:
    """One sentence as written and as a voice will say it."""

    text: str
    """The sentence as the article wrote it."""
    spoken: str
    """The sentence after normalization and the lexicon: exactly what the voice receives."""


def utterances(text: str, lang: str = "en", lexicon: Mapping[str, str] | None = None) -> list[Utterance]:
    """The sentences of one run, each with its spoken form. Sentences with nothing to say are dropped."""
    out = []
    for sentence in sentences.split(text):
        spoken = normalize(sentence, lang, lexicon)
        if any(c.isalnum() for c in spoken):
            out.append(Utterance(sentence, spoken))
    return out


def load_lexicon(path: Path, lang: str | None = None) -> dict[str, str]:
    """A pronunciation lexicon (TOML): top-level `"word" = "say this"` for every language, or `[ru]` tables.

    Returns the entries for `lang` merged over the language-neutral ones (all entries when lang is None).

    Raises:
        VoiceError: unreadable file or a non-string entry, naming the file and key.
    """
    try:
        raw: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise VoiceError(f"{path}: cannot read lexicon: {exc}") from exc
    common: dict[str, str] = {}
    per_lang: dict[str, dict[str, str]] = {}
    for key, value in raw.items():
        if isinstance(value, str):
            common[key] = value
        elif isinstance(value, dict) and all(isinstance(v, str) for v in value.values()):
            per_lang[key] = dict(value)
        else:
            raise VoiceError(f"{path}: entry {key!r} must be a string or a table of strings")
    if lang is None:
        merged = dict(common)
        for table in per_lang.values():
            merged.update(table)
        return merged
    return {**common, **per_lang.get(lang, {})}
