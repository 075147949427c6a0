"""Helpers and steps every language shares: numbers as words, Roman numerals, punctuation clean-up."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

__all__ = ["NUMBER", "Step", "VULGAR", "dashes", "digit_runs", "editorial_brackets", "plain", "roman_value", "stray_punctuation",
           "whitespace", "with_digits", "words"]

Step = Callable[[str], str]
"""One normalization step: text in, text out."""

NUMBER = r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
"""An English-style number: 1,234,567.89 or 12.5 or 7."""

VULGAR = {"½": (1, 2), "⅓": (1, 3), "⅔": (2, 3), "¼": (1, 4), "¾": (3, 4), "⅕": (1, 5), "⅖": (2, 5), "⅗": (3, 5),
          "⅘": (4, 5), "⅙": (1, 6), "⅚": (5, 6), "⅛": (1, 8), "⅜": (3, 8), "⅝": (5, 8), "⅞": (7, 8), "⅐": (1, 7),
          "⅑": (1, 9), "⅒": (1, 10)}
"""Unicode fraction characters as (numerator, denominator)."""

_DIGIT = re.compile(r"\d")

_ROMAN = re.compile(r"M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})")
_ROMAN_DIGITS = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def words(value: str | int | float, lang: str = "en", to: str = "cardinal", **options: str | bool) -> str:
    """`value` in words in `lang` (num2words); the digits unchanged when num2words cannot say it."""
    from num2words import num2words

    number: float | int
    if isinstance(value, str):
        number = float(value) if "." in value else int(value)
    else:
        number = value
    try:
        return str(num2words(number, lang=lang, to=to, **options))
    except (NotImplementedError, OverflowError, ValueError, TypeError, KeyError):
        return str(value)


def with_digits(step: Step) -> Step:
    """`step` for a rule that only ever rewrites digits (dates, times, money, units, numbers): it is
    skipped for a sentence without any, which most sentences are (each rule is several searches)."""

    @functools.wraps(step)
    def gated(text: str) -> str:
        return step(text) if _DIGIT.search(text) else text

    return gated


def plain(num: str) -> str:
    """'1,234.5' -> '1234.5' (English thousands separators dropped)."""
    return num.replace(",", "")


def roman_value(token: str) -> int | None:
    """The value of a well-formed Roman numeral ('XXI' -> 21), or None."""
    if not token or not _ROMAN.fullmatch(token):
        return None
    total = 0
    for i, ch in enumerate(token):
        value = _ROMAN_DIGITS[ch]
        nxt = _ROMAN_DIGITS[token[i + 1]] if i + 1 < len(token) else 0
        total += -value if value < nxt else value
    return total or None


_LONG_DIGITS = re.compile(r"\d{16,}")
_BRACKETED = re.compile(r"\[([^\[\]]{1,80})\]")
_DOT_COLON = re.compile(r"\.\s*:")
_DOUBLED = re.compile(r"([,;:])\1+")
_SPACE_BEFORE_MARK = re.compile(r"\s+([,.;:!?])")
_GLUED_DASH = re.compile(r"(?<=[^\W\d])[—–](?=[^\W\d])")
_SPACED_DASH = re.compile(r"\s+[-—–]\s+")


def digit_runs(text: str) -> str:
    """A run of more than fifteen digits is no number anyone says: cut it into groups of three."""
    return _LONG_DIGITS.sub(lambda m: ", ".join(re.findall(r"\d{1,3}", m.group(0))), text)


def editorial_brackets(text: str) -> str:
    """'Commander-in-Chief [Vladimir Putin] did' keeps the note's words, drops the brackets."""
    return _BRACKETED.sub(r"\1", text) if "[" in text else text


def stray_punctuation(text: str) -> str:
    """'Ukraine.: "We' -> 'Ukraine: "We'; doubled or orphaned marks confuse engines' prosody."""
    text = _DOT_COLON.sub(":", text)
    text = _DOUBLED.sub(r"\1", text)
    return _SPACE_BEFORE_MARK.sub(r"\1", text)


def dashes(text: str) -> str:
    """An em dash glued between words ('Commander—in-Chief') reads as a hyphen; a spaced one as a pause."""
    text = _GLUED_DASH.sub("-", text)
    return _SPACED_DASH.sub(", ", text)


def whitespace(text: str) -> str:
    """Runs of whitespace become one space."""
    return " ".join(text.split())
