"""Language identification for runs and documents: script first, then a statistical model."""

from __future__ import annotations

import logging
import re
import threading
from functools import lru_cache
from pathlib import Path
from typing import Any

__all__ = ["detect", "script_of", "script_of_language", "spans"]

log = logging.getLogger(__name__)

_WORD = re.compile(r"[^\W\d_]+")
# Scripts that settle the question (or nearly) without a model.
_SCRIPTS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"[\u3040-\u30ff]"), "ja"),
    (re.compile(r"[\uac00-\ud7af]"), "ko"),
    (re.compile(r"[\u4e00-\u9fff]"), "zh"),
    (re.compile(r"[\u0590-\u05ff]"), "he"),
    (re.compile(r"[\u0600-\u06ff]"), "ar"),
    (re.compile(r"[\u0370-\u03ff]"), "el"),
    (re.compile(r"[\u0e00-\u0e7f]"), "th"),
)
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_UKRAINIAN = re.compile(r"[іїєґІЇЄҐ]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
# The model is only asked to choose among languages news pages commonly mix; a wider set makes
# short English runs come back as Afrikaans or Pidgin.
_LATIN_LANGS = ["en", "fr", "de", "es", "pt", "it", "nl", "cs", "pl", "sv", "da", "no", "fi", "tr", "ro", "hu",
                "sk", "hr", "sl", "lt", "lv", "et", "ca", "id", "vi"]
_MIN_WORDS = 8
"""Latin-script text shorter than this keeps the surrounding language: short strings fool the model."""
_lock = threading.Lock()
# Function words frequent in English and rare as whole words elsewhere; text rich in them is English
# without asking the model (whose 0.5 s load would otherwise delay the first spoken words).
_ENGLISH = frozenset("the of and to that is was for with as on it by at this from are have has been not but "
                     "said will which who would their they were had its be an or he she his her a we them out "
                     "after should could can there what when all more about into than also one if no so up our "
                     "you your i me my us these those its any some did does do how why where while".split())
_ENGLISH_CORE = frozenset("the and of that with they we you he she was were".split())
_ASCII_WORD = re.compile(r"[A-Za-z']+")


def _clearly_english(text: str) -> bool:
    tokens = _ASCII_WORD.findall(text)
    if len(tokens) < 8 or len(tokens) < len(text.split()) * 0.8:
        return False
    # Names and other capitalized words say nothing about the language; judge the rest.
    words = [w for w in tokens if w[:1].islower() or w in ("I", "A")]
    hits = sum(1 for w in words if w.lower() in _ENGLISH)
    return len(words) >= 5 and hits >= 0.25 * len(words) and any(w.lower() in _ENGLISH_CORE for w in words)


@lru_cache(maxsize=1)
def _model() -> object:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    kept = _kept_model_path()
    if kept is not None and kept.exists():
        identifier = _read_kept_model(kept, LanguageIdentifier)
        if identifier is not None:
            return identifier
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(_LATIN_LANGS)
    if kept is not None:
        _keep_model(kept, identifier)
    return identifier


# py3langid ships its model LZMA-compressed: unpacking 68 MB takes 0.3-0.5 s at every start, before the
# first French or German words can be cast to a voice. The model cut down to the languages asked about
# is kept unpacked in the user cache (about 45 MB) and read back in a few hundredths of a second; the
# key holds py3langid's version and the model file's size and time, so an upgrade makes a new copy.
_KEPT_PARTS = ("ptc", "pc", "classes", "nextmove", "row", "output")


def _kept_model_path() -> Path | None:
    from importlib.metadata import PackageNotFoundError, version

    from .. import startup

    if not startup.enabled():
        return None
    try:
        from py3langid.langid import MODEL_DIR, MODEL_FILE

        model = Path(MODEL_FILE) if Path(MODEL_FILE).is_absolute() else Path(MODEL_DIR) / MODEL_FILE
        stat = model.stat()
        key = f"{version('py3langid')}-{stat.st_size}-{stat.st_mtime_ns}-{'.'.join(_LATIN_LANGS)}"
    except (ImportError, PackageNotFoundError, OSError) as exc:
        log.debug("language model not kept unpacked: %s", exc)
        return None
    import hashlib

    return startup.startup_dir() / "langid" / hashlib.sha256(key.encode()).hexdigest()[:32]


def _keep_model(folder: Path, identifier: Any) -> None:
    """Write the identifier's arrays (best effort: a read-only home only costs the unpacking)."""
    import shutil
    import tempfile

    import numpy

    try:
        arrays = {"ptc": numpy.asarray(identifier.nb_ptc), "pc": numpy.asarray(identifier.nb_pc),
                  "classes": numpy.array(identifier.nb_classes),
                  "nextmove": numpy.frombuffer(identifier.tk_nextmove, dtype=f"u{identifier.tk_nextmove.itemsize}"),
                  "row": numpy.frombuffer(identifier.tk_row, dtype=f"u{identifier.tk_row.itemsize}"),
                  "output": numpy.asarray(identifier.tk_output, dtype=numpy.int32)}
        folder.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".tmp-", dir=folder.parent))
        try:
            for name in _KEPT_PARTS:
                numpy.save(staging / f"{name}.npy", arrays[name], allow_pickle=False)
            staging.rename(folder)  # all parts appear at once; a concurrent writer's copy is as good
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        # Copies made for an earlier py3langid or another language set are 45 MB each: let them go.
        for old in folder.parent.iterdir():
            if old != folder and not old.name.startswith(".tmp-"):
                shutil.rmtree(old, ignore_errors=True)
    except Exception as exc:  # noqa: BLE001  (another py3langid layout, a full disk: unpack each time)
        log.debug("cannot keep the language model unpacked in %s: %s", folder, exc)


def _read_kept_model(folder: Path, identifier_class: Any) -> object | None:
    from array import array

    import numpy

    try:
        parts = {name: numpy.load(folder / f"{name}.npy", allow_pickle=False) for name in _KEPT_PARTS}
        nextmove = array("I" if parts["nextmove"].itemsize == 4 else "H")
        nextmove.frombytes(parts["nextmove"].tobytes())
        row = array("I" if parts["row"].itemsize == 4 else "H")
        row.frombytes(parts["row"].tobytes())
        identifier: object = identifier_class(parts["ptc"], parts["pc"], parts["classes"].tolist(), nextmove,
                                              parts["output"].tolist(), norm_probs=True, tk_row=row)
        return identifier
    except Exception as exc:  # noqa: BLE001  (damaged or foreign copy: unpack the shipped model instead)
        log.debug("kept language model in %s unusable, made again: %s", folder, exc)
        import shutil

        shutil.rmtree(folder, ignore_errors=True)
        return None


_NON_LATIN = {"ru": "cyrillic", "uk": "cyrillic", "bg": "cyrillic", "sr": "cyrillic", "be": "cyrillic", "zh": "han",
              "ja": "kana", "ko": "hangul", "he": "hebrew", "ar": "arabic", "el": "greek", "th": "thai"}


def script_of_language(code: str) -> str:
    """The script a language is written in ('latin' unless known otherwise)."""
    return _NON_LATIN.get(code, "latin")


def _settling_script(text: str) -> str | None:
    """The language code of a script that settles the question (kana, Han, Hebrew, …) when it fills
    more than a sixth of `text`'s non-space characters."""
    size = -1
    for pattern, code in _SCRIPTS:
        if pattern.search(text) is None:  # most text has none: no list of matches is built
            continue
        if size < 0:
            size = len(text) - text.count(" ")
        if len(pattern.findall(text)) * 3 > size / 2:
            return code
    return None


def script_of(text: str) -> str:
    """The dominant script of `text`: 'latin', 'cyrillic', 'han', …"""
    settled = _settling_script(text)
    if settled is not None:
        return script_of_language(settled)
    return "cyrillic" if len(_CYRILLIC.findall(text)) > len(_LATIN.findall(text)) else "latin"


@lru_cache(maxsize=8192)
def detect(text: str, default: str = "en") -> str:
    """ISO 639-1 code of `text`'s language; `default` when the text is too short to tell.

    >>> detect("Переведено сервисом «Яндекс Переводчик»")
    'ru'
    """
    letters = sum(1 for _ in _WORD.finditer(text))
    if letters == 0:
        return default
    settled = _settling_script(text)
    if settled is not None:
        return settled
    cyrillic = len(_CYRILLIC.findall(text))
    latin = len(_LATIN.findall(text))
    if cyrillic > latin:
        return "uk" if _UKRAINIAN.search(text) else "ru"
    if latin == 0:
        return default
    if script_of_language(default) != "latin":
        # Script is hard evidence: text in Latin letters is never Russian (or Arabic, or Chinese).
        default = "en"
    if letters < _MIN_WORDS:
        return default
    if _clearly_english(text):
        return "en"
    with _lock:  # the identifier keeps scratch state between calls
        code, confidence = _model().classify(text)  # type: ignore[attr-defined]
    if code != default and (confidence < 0.9 or letters < 6 and confidence < 0.99):
        return default
    return str(code)


# A word of letters (with inner apostrophes and hyphens), and what may sit between the words of a span.
_TOKEN = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_SCRIPT_OF_CHAR: tuple[tuple[re.Pattern[str], str], ...] = (
    *((pattern, script_of_language(code)) for pattern, code in _SCRIPTS),
    (_CYRILLIC, "cyrillic"),
    (_LATIN, "latin"),
)


def _word_script(word: str) -> str | None:
    for pattern, script in _SCRIPT_OF_CHAR:
        if pattern.match(word):
            return script
    return None


def spans(sentence: str, lang: str) -> list[tuple[str, str]]:
    """`sentence` cut where its script changes away from `lang`'s, as (text, language) pieces in order.

    A run of words in another script inside a sentence (a Russian title in an English sentence,
    Arabic and Hebrew names in an English paragraph) is its own piece, in the language of that
    script, so a voice that can read it does. Single Latin words inside a non-Latin sentence (brands,
    acronyms) stay put: voices for those languages read them, and a switch for one word is jarring.
    Punctuation stays with the piece before it; every character but spaces between pieces is kept.

    >>> spans("The word «мир» means peace.", "en")
    [('The word', 'en'), ('«мир»', 'ru'), ('means peace.', 'en')]
    """
    home = script_of_language(lang)
    words = [(m.start(), m.end(), _word_script(m.group(0))) for m in _TOKEN.finditer(sentence)]
    # Group consecutive words of one foreign script.
    groups: list[tuple[int, int, str]] = []  # (first word index, last word index, script)
    for i, (_, _, script) in enumerate(words):
        if script is None or script == home:
            continue
        if groups and groups[-1][2] == script and groups[-1][1] == i - 1:
            groups[-1] = (groups[-1][0], i, script)
        else:
            groups.append((i, i, script))
    cuts: list[tuple[int, int, str]] = []  # character spans of foreign pieces
    for first, last, script in groups:
        if script == "latin" and last - first < 1:
            continue
        start, end = words[first][0], words[last][1]
        # Quotation marks and brackets around the foreign words, and the punctuation after them, go with them.
        while start > 0 and sentence[start - 1] in _OPENING:
            start -= 1
        while end < len(sentence) and sentence[end] in _CLOSING:
            end += 1
        cuts.append((start, end, script))
    if not cuts:
        return [(sentence, lang)]
    pieces: list[tuple[str, str]] = []
    at = 0
    for start, end, script in cuts:
        pieces.append((sentence[at:start], lang))
        piece = sentence[start:end]
        pieces.append((piece, detect(piece, _DEFAULT_FOR_SCRIPT.get(script, lang))))
        at = end
    pieces.append((sentence[at:], lang))
    out: list[tuple[str, str]] = []
    for text, code in pieces:
        text = text.strip()
        if not text:
            continue
        if not any(c.isalnum() for c in text) and out:  # bare punctuation joins the piece before it
            out[-1] = (f"{out[-1][0]}{text}", out[-1][1])
        else:
            out.append((text, code))
    return out


_OPENING = "«„“‘\"'([{"
_CLOSING = "»”’\"')]}.,;:!?…"
_DEFAULT_FOR_SCRIPT = {"latin": "en", "cyrillic": "ru", "arabic": "ar", "hebrew": "he", "greek": "el", "han": "zh",
                       "kana": "ja", "hangul": "ko", "thai": "th"}
"""The language a short piece in a script is taken to be when too few words say more."""
