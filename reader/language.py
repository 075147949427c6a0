"""Language identification for runs and documents: script first, then a statistical model."""

from __future__ import annotations

import re
import threading
from functools import lru_cache

__all__ = ["detect", "script_of", "script_of_language"]

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
_MIN_WORDS = 3
_lock = threading.Lock()


@lru_cache(maxsize=1)
def _model() -> object:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(_LATIN_LANGS)
    return identifier


_NON_LATIN = {"ru": "cyrillic", "uk": "cyrillic", "bg": "cyrillic", "sr": "cyrillic", "be": "cyrillic", "zh": "han",
              "ja": "kana", "ko": "hangul", "he": "hebrew", "ar": "arabic", "el": "greek", "th": "thai"}


def script_of_language(code: str) -> str:
    """The script a language is written in ('latin' unless known otherwise)."""
    return _NON_LATIN.get(code, "latin")


def script_of(text: str) -> str:
    """The dominant script of `text`: 'latin', 'cyrillic', 'han', …"""
    for pattern, code in _SCRIPTS:
        if len(pattern.findall(text)) * 3 > len(text.replace(" ", "")) / 2:
            return script_of_language(code)
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
    for pattern, code in _SCRIPTS:
        if len(pattern.findall(text)) * 3 > len(text.replace(" ", "")) / 2:
            return code
    cyrillic = len(_CYRILLIC.findall(text))
    latin = len(_LATIN.findall(text))
    if cyrillic > latin:
        return "uk" if _UKRAINIAN.search(text) else "ru"
    if letters < _MIN_WORDS or latin == 0:
        return default
    with _lock:  # the identifier keeps scratch state between calls
        code, confidence = _model().classify(text)  # type: ignore[attr-defined]
    if code != default and (confidence < 0.9 or letters < 6 and confidence < 0.99):
        return default
    return str(code)
