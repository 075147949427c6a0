"""Text normalization before synthesis: what an engine should say for digits, signs and abbreviations.

Small `str -> str` steps per language (English and Russian in depth; other languages get the
language-neutral steps). A user lexicon runs first and wins over every default. No I/O here.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from .errors import VoiceError

__all__ = ["load_lexicon", "normalize"]

Step = Callable[[str], str]

_MONTHS_EN = ("January|February|March|April|May|June|July|August|September|October|November|December|"
              "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec")
# Acronyms read as words; every other all-capital token of two or three letters is spelled out.
_WORD_ACRONYMS = {"NATO", "NASA", "UNESCO", "UNICEF", "OPEC", "MGIMO", "COVID", "AIDS", "NAFTA", "ASEAN", "FIFA",
                  "UEFA", "OSCE", "ISIS", "LAN", "RAM", "SIM", "PIN", "GIF"}
_SPELL = {"US", "UK", "EU", "UN", "HSE", "FBI", "CIA", "CEO", "BBC", "CNN", "GDP", "AI", "MP", "PM", "USA", "TV",
          "IT", "ID", "PR", "VIP", "NGO", "IMF", "WHO", "WTO", "BRICS", "UAE", "USSR", "DPRK", "HQ", "OK"}
_SCALE = r"(?:\s(?P<scale>thousand|million|billion|trillion))?"
_NUMBER = r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_CURRENCY_EN = {"$": ("dollar", "dollars", "cent", "cents"), "€": ("euro", "euros", "cent", "cents"),
                "£": ("pound", "pounds", "penny", "pence"), "¥": ("yen", "yen", "sen", "sen"),
                "₽": ("ruble", "rubles", "kopeck", "kopecks")}


def _words(value: str, lang: str = "en", to: str = "cardinal") -> str:
    from num2words import num2words

    number: float | int = float(value) if "." in value else int(value)
    try:
        return str(num2words(number, lang=lang, to=to))
    except (NotImplementedError, OverflowError, ValueError):
        return value


def _plain(num: str) -> str:
    return num.replace(",", "")


# --- English --------------------------------------------------------------------------------------


def _en_currency(text: str) -> str:
    def spoken(m: re.Match[str]) -> str:
        one, many, sub_one, sub_many = _CURRENCY_EN[m.group("sym")]
        num, scale = _plain(m.group("num")), m.group("scale")
        if scale:
            return f"{_words(num)} {scale} {many}"
        whole, _, frac = num.partition(".")
        out = f"{_words(whole)} {one if whole == '1' else many}"
        if frac and int(frac[:2].ljust(2, "0")):
            cents = str(int(frac[:2].ljust(2, "0")))
            out += f" {_words(cents)} {sub_one if cents == '1' else sub_many}"
        return out

    return re.sub(rf"(?P<sym>[$€£¥₽])\s?{_NUMBER}{_SCALE}", spoken, text)


def _en_percent(text: str) -> str:
    return re.sub(rf"{_NUMBER}\s?%", lambda m: f"{_words(_plain(m.group('num')))} percent", text)


def _en_ordinals(text: str) -> str:
    return re.sub(r"\b(\d+)(?:st|nd|rd|th)\b", lambda m: _words(m.group(1), to="ordinal"), text)


def _en_dates(text: str) -> str:
    text = re.sub(rf"\b(\d{{1,2}})\s+({_MONTHS_EN})\b",
                  lambda m: f"the {_words(m.group(1), to='ordinal')} of {m.group(2)}", text)
    return re.sub(rf"\b({_MONTHS_EN})\s+(\d{{1,2}})\b(?!:|\d|,\d)",
                  lambda m: f"{m.group(1)} {_words(m.group(2), to='ordinal')}", text)


def _en_times(text: str) -> str:
    def spoken(m: re.Match[str]) -> str:
        hours, minutes, half = int(m.group(1)), int(m.group(2)), m.group(3)
        said = _words(str(hours))
        if minutes == 0:
            said += "" if half else " hundred" if hours >= 13 or m.group(1).startswith("0") else " o'clock"
        elif minutes < 10:
            said += f" oh {_words(str(minutes))}"
        else:
            said += f" {_words(str(minutes))}"
        if half:
            said += " a m" if half.lower().startswith("a") else " p m"
        return said

    return re.sub(r"\b([01]?\d|2[0-3]):([0-5]\d)(?:\s*([ap]\.?m\.?)(?=\W|$))?", spoken, text, flags=re.I)


def _en_years(text: str) -> str:
    return re.sub(r"(?<![\d,.$€£])\b(1[1-9]\d\d|20\d\d)\b(?![\d,]|\.\d|\s?%)",
                  lambda m: _words(m.group(1), to="year"), text)


def _en_numbers(text: str) -> str:
    text = re.sub(rf"{_NUMBER}(?=\s?(?:thousand|million|billion|trillion)\b)",
                  lambda m: _words(_plain(m.group("num"))), text)
    return re.sub(rf"(?<![\w.]){_NUMBER}(?![\w])", lambda m: _words(_plain(m.group("num"))), text)


def _en_units(text: str) -> str:
    text = re.sub(r"(\d)\s?°\s?C\b", r"\1 degrees Celsius", text)
    text = re.sub(r"(\d)\s?°\s?F\b", r"\1 degrees Fahrenheit", text)
    text = re.sub(r"(\d)\s?km\b", r"\1 kilometres", text)
    return re.sub(r"\s&\s", " and ", text)


def _acronyms(text: str) -> str:
    def spoken(m: re.Match[str]) -> str:
        word = m.group(0)
        if word in _WORD_ACRONYMS:
            return word.capitalize()
        if word in _SPELL or len(word) <= 3 or not re.search(r"[AEIOUY]", word):
            return " ".join(word)
        return word

    return re.sub(r"\b[A-Z]{2,6}\b", spoken, text)


# --- Russian --------------------------------------------------------------------------------------


def _ru_plural(n: int, one: str, few: str, many: str) -> str:
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


def _ru_percent(text: str) -> str:
    def spoken(m: re.Match[str]) -> str:
        num = _plain(m.group("num")).replace(",", ".")
        if "." in num:
            return f"{_words(num, 'ru')} процента"
        return f"{_words(num, 'ru')} {_ru_plural(int(num), 'процент', 'процента', 'процентов')}"

    return re.sub(rf"{_NUMBER}\s?%", spoken, text)


def _ru_currency(text: str) -> str:
    names = {"$": ("доллар", "доллара", "долларов"), "€": ("евро", "евро", "евро"),
             "₽": ("рубль", "рубля", "рублей"), "£": ("фунт", "фунта", "фунтов")}

    def spoken(m: re.Match[str]) -> str:
        num = _plain(m.group("num"))
        forms = names[m.group("sym")]
        whole = int(float(num))
        return f"{_words(num, 'ru')} {_ru_plural(whole, *forms) if '.' not in num else forms[1]}"

    return re.sub(rf"(?P<sym>[$€₽£])\s?{_NUMBER}", spoken, text)


def _ru_numbers(text: str) -> str:
    return re.sub(r"(?<![\w.])(\d+(?:[.,]\d+)?)(?![\w])", lambda m: _words(m.group(1).replace(",", "."), "ru"), text)


# --- every language -------------------------------------------------------------------------------


def _editorial_brackets(text: str) -> str:
    """'Commander-in-Chief [Vladimir Putin] did' keeps the note's words, drops the brackets."""
    return re.sub(r"\[([^\[\]]{1,80})\]", r"\1", text)


def _stray_punctuation(text: str) -> str:
    """'Ukraine.: "We' -> 'Ukraine: "We'; doubled or orphaned marks confuse engines' prosody."""
    text = re.sub(r"\.\s*:", ":", text)
    text = re.sub(r"([,;:])\1+", r"\1", text)
    return re.sub(r"\s+([,.;:!?])", r"\1", text)


def _dashes(text: str) -> str:
    """An em dash glued between words ('Commander—in-Chief') reads as a hyphen; a spaced one as a pause."""
    text = re.sub(r"(?<=\w)[—–](?=\w)", "-", text)
    return re.sub(r"\s+[-—–]\s+", ", ", text)


def _whitespace(text: str) -> str:
    return " ".join(text.split())


_COMMON: tuple[Step, ...] = (_editorial_brackets, _dashes, _stray_punctuation)
STEPS: Mapping[str, tuple[Step, ...]] = {
    "en": (*_COMMON, _en_currency, _en_percent, _en_units, _en_times, _en_dates, _en_ordinals, _en_years,
           _en_numbers, _acronyms, _whitespace),
    "ru": (*_COMMON, _ru_currency, _ru_percent, _ru_numbers, _whitespace),
}
"""Steps per language code; other languages get the common steps only."""


def _apply_lexicon(text: str, lexicon: Mapping[str, str]) -> str:
    if not lexicon:
        return text
    keys = sorted(lexicon, key=len, reverse=True)
    pattern = re.compile(r"(?<!\w)(" + "|".join(re.escape(k) for k in keys) + r")(?!\w)", re.I)
    lowered = {k.lower(): v for k, v in lexicon.items()}
    return pattern.sub(lambda m: lowered.get(m.group(0).lower(), m.group(0)), text)


def normalize(text: str, lang: str = "en", lexicon: Mapping[str, str] | None = None) -> str:
    """What an engine should say for `text` in language `lang`; the lexicon's entries win.

    >>> normalize("Prices rose 15% to $1.2 million on 14 March 2025.")
    'Prices rose fifteen percent to one point two million dollars on the fourteenth of March twenty twenty-five.'
    """
    text = _apply_lexicon(text, lexicon or {})
    for step in STEPS.get(lang.split("-")[0], (*_COMMON, _whitespace)):
        text = step(text)
    return text


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
