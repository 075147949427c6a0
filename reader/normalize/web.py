"""Addresses people read aloud: web addresses, e-mail, hashtags, @handles and phone numbers.

A domain is spoken as words joined by "dot" ("example dot com"), never letter by letter; only short
labels without vowels ("bbc", "uk") are spelled. Phone numbers are read digit by digit, in the groups
the text wrote them in, with a pause between groups.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from .common import Step, words

__all__ = ["address_steps", "phone_step"]


@dataclass(frozen=True, slots=True)
class _Vocabulary:
    dot: str
    at: str
    slash: str
    hashtag: str
    plus: str
    underscore: str


_VOCABULARY: Mapping[str, _Vocabulary] = {
    "en": _Vocabulary("dot", "at", "slash", "hashtag", "plus", "underscore"),
    "ru": _Vocabulary("точка", "собака", "слэш", "хештег", "плюс", "подчёркивание"),
    "fr": _Vocabulary("point", "arobase", "slash", "hashtag", "plus", "tiret bas"),
    "de": _Vocabulary("Punkt", "at", "Schrägstrich", "Hashtag", "plus", "Unterstrich"),
    "es": _Vocabulary("punto", "arroba", "barra", "hashtag", "más", "guion bajo"),
    "pt": _Vocabulary("ponto", "arroba", "barra", "hashtag", "mais", "underline"),
    "cs": _Vocabulary("tečka", "zavináč", "lomítko", "hashtag", "plus", "podtržítko"),
}
# Top-level domains that are said as words; every other short label without a vowel is spelled.
_SAID = frozenset("com org net gov edu info biz io app news online shop co".split())

_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"«»]+[^\s<>\"«».,;:!?)\]]", re.I)
_BARE_DOMAIN = re.compile(r"(?<![@\w.])((?:[a-z0-9-]+\.)+(?:com|org|net|gov|edu|info|io|ru|uk|de|fr|es|pt|cz|eu|us)"
                          r"(?:/[^\s<>\"«»]*[^\s<>\"«».,;:!?)\]])?)(?![\w@])", re.I)
_EMAIL = re.compile(r"\b([\w.+-]+)@((?:[a-z0-9-]+\.)+[a-z]{2,})\b", re.I)
_HASHTAG = re.compile(r"(?<![\w#&])#([^\W\d_]\w*)")
_HANDLE = re.compile(r"(?<![\w@.])@([A-Za-z_]\w{1,30})\b")
# +7 (495) 123-45-67, (020) 7946 0958, 555-0199, +1 555 010 0199: three or more groups, or a leading
# "+" or "(", or the two-group local form 123-4567.
_PHONE = re.compile(
    r"(?<![\w+])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,5}\)[\s.-]?)?\d{1,5}(?:[\s.-]\d{1,5}){1,5}(?![\w])"
)
_CAMEL = re.compile(r"(?<=[a-zа-яё])(?=[A-ZА-ЯЁ])|(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])")


def _vocabulary(lang: str) -> _Vocabulary:
    return _VOCABULARY.get(lang, _VOCABULARY["en"])


def _label(label: str, lang: str) -> str:
    """One domain or path label as words: digits as numbers, vowel-less short labels spelled."""
    parts = [p for p in re.split(r"[-_]", label) if p]
    out = []
    for part in parts:
        if part.isdigit():
            out.append(words(part, lang))
        elif part.lower() not in _SAID and (len(part) <= 2 and lang == "en" or len(part) <= 4
                                            and not re.search(r"[aeiouy]", part, re.I)):
            out.append(" ".join(part.upper()))
        else:
            out.append(part)
    return " ".join(out)


def _domain(domain: str, lang: str) -> str:
    return f" {_vocabulary(lang).dot} ".join(_label(label, lang) for label in domain.lower().split("."))


def _address(address: str, lang: str) -> str:
    vocab = _vocabulary(lang)
    bare = re.sub(r"^(?:https?://)?(?:www\.)?", "", address, flags=re.I)
    host, _, path = bare.partition("/")
    path = re.sub(r"[?#].*$", "", path).strip("/")
    said = _domain(host, lang)
    for piece in (p for p in path.split("/") if p):
        piece = re.sub(r"\.(?:html?|php|aspx?)$", "", piece, flags=re.I)
        said += f" {vocab.slash} " + _label(piece, lang)
    return said


def _phone(match: re.Match[str], lang: str) -> str:
    text = match.group(0)
    groups = re.findall(r"\+|\d+", text)
    digits = sum(len(g) for g in groups if g != "+")
    separated = len(groups) - (1 if groups[0] == "+" else 0)
    two_group_local = separated == 2 and re.fullmatch(r"\d{3}-\d{4}", text) is not None
    if not (7 <= digits <= 15) or (separated < 3 and "+" not in text and "(" not in text and not two_group_local):
        return text
    # A one-digit trunk prefix before a hyphenated number ("8 800 200-34-34") is part of it.
    trunk = len(groups[0]) == 1 and "-" in text and digits >= 10 and all(len(g) >= 2 for g in groups[1:])
    if "+" not in text and any(len(g) < 2 for g in groups) and not trunk:  # "in 2020 5 people": not a phone
        return text
    if re.fullmatch(r"\d{1,3}(?: \d{3})+", text):  # 12 345 678: thousands written with spaces
        return text
    said = [" ".join(words(int(d), lang) for d in group) for group in groups if group != "+"]
    if groups[0] == "+":
        said[0] = f"{_vocabulary(lang).plus} {said[0]}"
    return ", ".join(said)


def address_steps(lang: str) -> tuple[Step, ...]:
    """Steps that speak e-mail addresses, URLs, hashtags and @handles in `lang`."""
    vocab = _vocabulary(lang)

    def emails(text: str) -> str:
        if "@" not in text:
            return text
        return _EMAIL.sub(lambda m: f"{_label(m.group(1).replace('.', ' '), lang)} {vocab.at} "
                                    f"{_domain(m.group(2), lang)}", text)

    def urls(text: str) -> str:
        text = _URL.sub(lambda m: _address(m.group(0), lang), text)
        return _BARE_DOMAIN.sub(lambda m: _address(m.group(1), lang), text)

    def tags(text: str) -> str:
        if "#" not in text and "@" not in text:
            return text
        text = _HASHTAG.sub(lambda m: f"{vocab.hashtag} {_CAMEL.sub(' ', m.group(1)).replace('_', ' ')}", text)
        return _HANDLE.sub(lambda m: f"{vocab.at} {_CAMEL.sub(' ', m.group(1)).replace('_', ' ').strip()}", text)

    return (emails, urls, tags)


def phone_step(lang: str) -> Step:
    """A step that reads phone numbers digit by digit in their written groups (run it after dates)."""

    def phones(text: str) -> str:
        return _PHONE.sub(lambda m: _phone(m, lang), text)

    return phones
