"""Text normalization before synthesis: small str -> str steps. No I/O here."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

__all__ = ["DEFAULT_STEPS", "normalize"]

Step = Callable[[str], str]


def _drop_editorial_brackets(text: str) -> str:
    """'Commander-in-Chief [Vladimir Putin] did' -> keeps the name, drops the brackets."""
    return re.sub(r"\[([^\[\]]{1,80})\]", r"\1", text)


def _stray_punctuation(text: str) -> str:
    """'Ukraine.: "We' -> 'Ukraine: "We'; doubled or orphaned marks confuse engines' prosody."""
    text = re.sub(r"\.\s*:", ":", text)
    text = re.sub(r"([,;:])\1+", r"\1", text)
    text = re.sub(r"\s+([,.;:!?])", r"\1", text)
    return text


def _dashes(text: str) -> str:
    """An em dash glued between words ('Commander—in-Chief') reads as a hyphen."""
    text = re.sub(r"(?<=\w)[—–](?=\w)", "-", text)
    return re.sub(r"\s+[-—–]\s+", ", ", text)


def _whitespace(text: str) -> str:
    return " ".join(text.split())


DEFAULT_STEPS: tuple[Step, ...] = (_drop_editorial_brackets, _dashes, _stray_punctuation, _whitespace)


def normalize(text: str, lang: str = "en", steps: Sequence[Step] = DEFAULT_STEPS) -> str:
    """Apply each step in order; the result is exactly what an engine will speak."""
    for step in steps:
        text = step(text)
    return text
