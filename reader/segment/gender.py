"""Gender evidence for speakers: given names, surname endings, and the grammar of speech verbs.

Given names come from gender-guesser's name list (about 40,000 first names across European
languages, loaded on first use). Surname endings (Russian -ова, Czech -ová) and the agreement of a
speech verb or pronoun (пожаловалась, uvedla, a-t-elle, she said) are read from the article itself.
Returns None when nothing tells. No I/O beyond the package's own data file.
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..model import Gender
from .verbs import CS_PAST

__all__ = ["of_name", "of_cue", "is_given_name"]

log = logging.getLogger(__name__)

_FEMALE_SURNAME = re.compile(r"(?:ова|ева|ёва|ина|ына|ская|цкая|ая|ová|á)$", re.I)
_MALE_SURNAME = re.compile(r"(?:ов|ев|ёв|ин|ын|ский|цкий|ý)$", re.I)
# Czech past tense agrees with the speaker: řekl (he), řekla (she).
_CS_PAST = f"(?:{CS_PAST})"
_FEMALE_CUE = re.compile(
    r"\b(?:she|her|elle|ella|ela|sie|она)\b|-t-elle\b|\b\w+(?:ла|лась)\b|\bs['’]est\s+\w+ée\b"
    rf"|\b{_CS_PAST}a\b",
    re.I,
)
_MALE_CUE = re.compile(
    rf"\b(?:he|his|him|il|él|ele|er|он)\b|-t-il\b|\b{_CS_PAST}\b|\b\w+(?:[аеиоуяэ]л|ался|ился)\b",
    re.I,
)


class _NameList:
    """gender-guesser's Detector, with its name list parsed only for the names asked about.

    Building the whole Detector parses 48,000 lines into dictionaries (more than half a second, longer
    than eSpeak NG takes to read a whole article); an article asks about a few dozen words. The file
    is indexed by name in one pass (its lines grouped by name are kept in the startup cache, which
    reads back in a third of the time), and the Detector's own line parser and gender rule run on the
    lines of each name when it is first asked about, so every answer is the Detector's.
    """

    def __init__(self, detector: Any) -> None:
        self._detector = detector.Detector.__new__(detector.Detector)
        self._detector.case_sensitive = False
        self._detector.names = {}
        self._lines = _name_lines(Path(detector.__file__).parent / "data" / "nam_dict.txt")
        self._loaded: set[str] = set()

    def get_gender(self, name: str) -> str:
        """The Detector's answer for `name`: male, female, mostly_male, mostly_female, andy or unknown."""
        key = name.lower()
        if key not in self._loaded:
            self._loaded.add(key)
            # All of the name's lines, in file order: the Detector keeps the last line per gender.
            for line in self._lines.get(key, ()):
                self._detector._eat_name_line(line)
        return str(self._detector.get_gender(key))


def _index_name_lines(text: str) -> dict[str, list[str]]:
    index: dict[str, list[str]] = {}
    for line in text.splitlines():
        if line[:1] in ("#", "=", ""):
            continue
        line = line.strip()
        name = line.split(None, 2)[1].lower()
        if "+" not in name:
            index.setdefault(name, []).append(line)
            continue
        # The Detector files "Anne+Marie" under "annemarie", "anne marie" and "anne-marie".
        for key in {name.replace("+", joint) for joint in ("", " ", "-")}:
            index.setdefault(key, []).append(line)
    return index


def _name_lines(path: Path) -> dict[str, list[str]]:
    """The name list's lines grouped by lower-cased name, from the startup cache when it has them."""
    import marshal

    from .. import startup

    kept: Path | None = None
    if startup.enabled():
        try:
            stat = path.stat()
            kept = startup.startup_dir() / "names" / f"{stat.st_size}-{stat.st_mtime_ns}.marshal"
            found = marshal.loads(kept.read_bytes())
            if isinstance(found, dict):
                return found
        except FileNotFoundError:
            pass
        except Exception as exc:  # noqa: BLE001  (a damaged copy: index the file again)
            log.debug("name index in %s unusable: %s", kept, exc)
    index = _index_name_lines(path.read_text(encoding="utf-8"))
    if kept is not None:
        startup.keep(kept, marshal.dumps(index))
        try:
            for old in kept.parent.glob("*.marshal"):  # indexes of an earlier name list
                if old != kept:
                    old.unlink(missing_ok=True)
        except OSError as exc:
            log.debug("cannot remove an old name index: %s", exc)
    return index


_FEMALE_HONORIFICS = {"mme", "mrs", "ms", "miss", "frau", "sra", "señora", "srta", "dona", "paní", "madame", "mlle",
                      "госпожа"}
_MALE_HONORIFICS = {"m", "mr", "herr", "sr", "señor", "senhor", "pan", "monsieur", "господин"}


@lru_cache(maxsize=1)
def _detector() -> Any:
    try:
        import gender_guesser.detector as detector  # type: ignore[import-untyped]
    except ImportError:  # the name list is optional: without it only the text's own grammar tells
        return None
    return _NameList(detector)


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
    honorific = parts[0].lower().rstrip(".")
    if len(parts) >= 2 and honorific in _FEMALE_HONORIFICS:
        return Gender.FEMALE  # "Mme Binet", "Frau Weber", "Sra. Gómez"
    if len(parts) >= 2 and honorific in _MALE_HONORIFICS:
        return Gender.MALE
    detector = _detector()
    if detector is not None and len(parts) == 1:
        # A person the article calls by a given name alone ("glisse Antoine").
        answer = detector.get_gender(parts[0])
        return Gender.FEMALE if answer == "female" else Gender.MALE if answer == "male" else None
    if detector is not None and len(parts) >= 2:
        answer = detector.get_gender(parts[0])
        if answer in ("unknown", "andy") and "-" in parts[0]:
            # A compound given name the list lacks ("Jean-Marc", "Hans-Peter") goes by its first part.
            answer = detector.get_gender(parts[0].split("-")[0])
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
