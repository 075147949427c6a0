"""Gender evidence for speakers: given names, surname endings, and the grammar of speech verbs.

Given names come from gender-guesser's name list (about 40,000 first names across European
languages, loaded on first use). Surname endings (Russian -ова, Czech -ová) and the agreement of a
speech verb or pronoun (пожаловалась, uvedla, a-t-elle, she said) are read from the article itself.
Returns None when nothing tells. No I/O beyond the package's own data file.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ..model import Gender

__all__ = ["of_name", "of_cue", "is_given_name"]

_FEMALE_SURNAME = re.compile(r"(?:ова|ева|ёва|ина|ына|ская|цкая|ая|ová|á)$", re.I)
_MALE_SURNAME = re.compile(r"(?:ов|ев|ёв|ин|ын|ский|цкий|ý)$", re.I)
# Czech past tense agrees with the speaker: řekl (he), řekla (she).
_CS_PAST = (r"(?:řek|uved|doda|prohlási|napsa|zdůrazni|vysvětli|zepta|odpověd[eě]|dopln|doplni|konstatova|"
            r"podotk|sděli|upozorni|poznamena|potvrdi|popsa|připomně)")
_FEMALE_CUE = re.compile(
    r"\b(?:she|her|elle|ella|ela|sie|она)\b|-t-elle\b|\b\w+(?:ла|лась)\b"
    rf"|\b{_CS_PAST}la\b",
    re.I,
)
_MALE_CUE = re.compile(
    rf"\b(?:he|his|him|il|él|ele|er|он)\b|-t-il\b|\b{_CS_PAST}l\b|\b\w+(?:[аеиоуяэ]л|ался|ился)\b",
    re.I,
)


@lru_cache(maxsize=1)
def _detector() -> Any:
    try:
        import gender_guesser.detector as detector  # type: ignore[import-untyped]
    except ImportError:  # the name list is optional: without it only the text's own grammar tells
        return None
    return detector.Detector(case_sensitive=False)


@lru_cache(maxsize=4096)
def is_given_name(word: str, loose: bool = False) -> bool:
    """True for a word the name list knows as someone's first name ('Antoine'); `loose` also
    accepts names it lists for both sexes ('Bong', 'Jo')."""
    detector = _detector()
    if detector is None:
        return False
    return detector.get_gender(word) in (("male", "female", "mostly_male", "mostly_female", "andy") if loose else
                                         ("male", "female", "mostly_male", "mostly_female"))


def of_name(name: str) -> Gender | None:
    """A person's usual gender from their given name or surname ending; None if unclear."""
    parts = name.split()
    if not parts:
        return None
    detector = _detector()
    if detector is not None and len(parts) >= 2:
        answer = detector.get_gender(parts[0])
        if answer in ("female", "mostly_female"):
            return Gender.FEMALE
        if answer in ("male", "mostly_male"):
            return Gender.MALE
    last = parts[-1]
    if re.search(r"[а-яё]", last, re.I) or last.endswith(("ová", "ská", "cká")):
        if _FEMALE_SURNAME.search(last):
            return Gender.FEMALE
        if _MALE_SURNAME.search(last):
            return Gender.MALE
    return None


def of_cue(cue: str) -> Gender | None:
    """The gender a speech cue shows ('she said', 'пожаловалась', 'uvedla', 'a-t-elle'); None if none."""
    female = bool(_FEMALE_CUE.search(cue))
    male = bool(_MALE_CUE.search(cue))
    if female == male:
        return None
    return Gender.FEMALE if female else Gender.MALE
