"""Sentence splitting for synthesis: whole sentences, bounded, in linear-logarithmic time.

Engines speak one sentence at a time, whole: a pause in the middle of a phrase is what a listener
(and a speech recognizer) hears as a broken sentence. Only a sentence of hundreds of characters
(`MAX_CHARS`) is cut, and then at its strongest clause boundary (a semicolon, colon or spaced dash
before a comma ahead of a conjunction, before any other comma), never closer than `MIN_PIECE`
characters to either end, so that every piece is a phrase people would pause after.
"""

from __future__ import annotations

import re

__all__ = ["MAX_CHARS", "MIN_PIECE", "split"]

MAX_CHARS = 400
"""Longest utterance handed to an engine; only sentences longer than this are cut."""
MIN_PIECE = 60
"""No cut leaves a piece shorter than this (when the text allows it): short fragments sound broken."""

# Words after which a period does not end a sentence.
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sr jr st mt gen col lt sgt capt gov sen rep pres vs etc e.g i.e fig no vol
    approx dept est inc ltd co corp jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n
    т.е т.д т.п г гг им ул д стр тыс млн млрд руб""".split()
)

# A candidate end: terminal punctuation, optional closing quotes/brackets, then whitespace.
_END = re.compile(r"""[.!?…]+["'”»)\]]*\s+""")
# Chinese and Japanese end sentences with full-width marks and no space after them.
_CJK_END = re.compile(r"[。！？]+[」』”）)]*\s*")
_WORD_BEFORE = re.compile(r"(\S+)$")

# Words that open a clause; a comma before one of them is where a speaker naturally breathes.
_CONJUNCTIONS = frozenset(
    """and but or nor so yet while whereas although though because since when where which who whom whose
    that if unless until after before as then however
    и а но или что чтобы который которая которое которые которого которой которых когда где если хотя
    поскольку потому так однако пока как ведь зато причём причем
    et mais ou donc car qui que quand où lorsque puisque
    und aber oder denn weil dass wenn als ob sondern obwohl während
    y pero o porque que cuando donde aunque mientras e ma perché quando mentre
    a ale nebo protože když který která které""".split()
)
# Boundaries by strength, each with where the cut falls: after the match, or before it (a spaced
# dash or an opening bracket starts the next piece).
_BOUNDARIES: tuple[tuple[re.Pattern[str], int, bool], ...] = (
    (re.compile(r"[;:]\s+"), 4, False),
    (re.compile(r"\s[—–]\s+|\s-{1,2}\s+"), 4, True),
    (re.compile(r"…\s+|\.\.\.\s+"), 4, False),
    (re.compile(r",\s+(?=([^\W\d_]+))"), 2, False),  # strength 3 when the next word is a conjunction
    (re.compile(r"\)\s+"), 2, False),
    (re.compile(r"\s\("), 2, True),
    (re.compile(r"\s+"), 0, False),
)


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


def _candidates(text: str) -> list[tuple[int, int]]:
    """Every place `text` could be cut, as (offset, strength); the strongest wins per offset."""
    best: dict[int, int] = {}
    for pattern, strength, before in _BOUNDARIES:
        for m in pattern.finditer(text):
            at = m.start() if before else m.end()
            score = strength
            if m.lastindex and m.group(1).lower() in _CONJUNCTIONS:
                score = 3
            if score > best.get(at, -1):
                best[at] = score
    return sorted(best.items())


def _cut(piece: str, limit: int) -> list[str]:
    """Cut an over-long sentence at its strongest boundaries until every piece fits `limit`."""
    if len(piece) <= limit:
        return [piece]
    candidates = _candidates(piece)
    out: list[str] = []
    # Cut piece by piece from the start: each cut at the strongest boundary that leaves a first piece
    # within the limit, the closest to an even share (as few pieces as the length needs).
    lo, hi = 0, len(piece)
    while hi - lo > limit:
        margin = max(1, min(MIN_PIECE, (hi - lo) // 4, limit // 3))
        share = lo + (hi - lo) / -(-(hi - lo) // limit)
        choice = max(
            ((strength, -abs(at - share), at) for at, strength in candidates
             if lo + margin <= at <= min(hi - margin, lo + limit)),
            default=None,
        )
        # One enormous "word": cut it anyway rather than hand it to the engine whole.
        at = choice[2] if choice else lo + limit
        if piece[lo:at].strip():
            out.append(piece[lo:at].strip())
        lo = at
    if piece[lo:hi].strip():
        out.append(piece[lo:hi].strip())
    return out


def split(text: str, limit: int = MAX_CHARS) -> list[str]:
    """Split `text` into sentences, cutting only those longer than `limit`; keeps every character but spaces.

    >>> split("It rained. Dr. Smith left at 5 p.m. on Monday! Why?")
    ['It rained.', 'Dr. Smith left at 5 p.m. on Monday!', 'Why?']
    >>> split("雨が降った。彼は帰った。")
    ['雨が降った。', '彼は帰った。']
    """
    ends = [m for m in _END.finditer(text) if _ends_sentence(text, m)]
    ends += [m for m in _CJK_END.finditer(text) if m.end() < len(text)]
    sentences: list[str] = []
    start = 0
    for end in sorted({m.end() for m in ends}):
        if end > start:
            sentences.extend(_cut(text[start:end].strip(), limit))
            start = end
    sentences.extend(_cut(text[start:].strip(), limit))
    return [s for s in sentences if s]
