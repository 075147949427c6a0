"""Sentence splitting for synthesis: bounded, linear-time, and never longer than a limit.

Engines speak one utterance at a time. Long utterances cost engines memory (Piper's attention grows
with input length) and lose a whole sentence when they fail, so text is cut at sentence ends, then
at clause punctuation, then at spaces.
"""

from __future__ import annotations

import re

__all__ = ["MAX_CHARS", "split"]

MAX_CHARS = 400
"""Longest utterance handed to an engine."""

# Words after which a period does not end a sentence.
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sr jr st mt gen col lt sgt capt gov sen rep pres vs etc e.g i.e fig no vol
    approx dept est inc ltd co corp jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n
    т.е т.д т.п г гг им ул д стр тыс млн млрд руб""".split()
)

# A candidate end: terminal punctuation, optional closing quotes/brackets, then whitespace.
_END = re.compile(r"""[.!?…]+["'”»)\]]*\s+""")
_CLAUSE = re.compile(r"[,;:—–]\s+")
_WORD_BEFORE = re.compile(r"(\S+)$")


def _ends_sentence(text: str, match: re.Match[str]) -> bool:
    after = text[match.end() : match.end() + 1]
    if not after or not (after.isupper() or after.isdigit() or after in "\"'“«„(—–-["):
        return False
    if text[match.start()] != ".":
        return True
    before = _WORD_BEFORE.search(text, 0, match.start())
    word = before.group(1).lower().lstrip("\"'“«„([") if before else ""
    # Initials ("J. Smith") and known abbreviations do not end a sentence.
    return not (len(word) == 1 and word.isalpha()) and word not in _ABBREVIATIONS


def _cut(piece: str, limit: int) -> list[str]:
    """Cut an over-long piece at clause punctuation, else at the last space before the limit."""
    out: list[str] = []
    while len(piece) > limit:
        window = piece[:limit]
        cuts = [m.end() for m in _CLAUSE.finditer(window) if m.end() > limit // 3]
        cut = cuts[-1] if cuts else window.rfind(" ") + 1
        if cut <= 0:  # one enormous "word": cut it anyway rather than hand it to the engine whole
            cut = limit
        out.append(piece[:cut].strip())
        piece = piece[cut:].lstrip()
    if piece.strip():
        out.append(piece.strip())
    return out


def split(text: str, limit: int = MAX_CHARS) -> list[str]:
    """Split `text` into sentences of at most `limit` characters, keeping every character but spaces.

    >>> split("It rained. Dr. Smith left at 5 p.m. on Monday! Why?")
    ['It rained.', 'Dr. Smith left at 5 p.m. on Monday!', 'Why?']
    """
    sentences: list[str] = []
    start = 0
    for match in _END.finditer(text):
        if _ends_sentence(text, match):
            sentences.extend(_cut(text[start : match.end()].strip(), limit))
            start = match.end()
    sentences.extend(_cut(text[start:].strip(), limit))
    return [s for s in sentences if s]
