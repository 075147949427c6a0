"""Quotations inside a paragraph: narration and quote runs, and who speaks each quote.

Recognizes straight and curly double quotes, « », „ “, dash-led direct speech (`— … ," X said`, and the
Russian `— …, — сказал он.` form), and quotations that fill a whole paragraph. Quotes of three words or
fewer that are not a clause ("ultimatum", "red lines") are scare quotes and stay narration.
No I/O here; linear in the paragraph's length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import sentences
from .chrome import word_count
from .people import ACCORDING, PRONOUNS, SPEECH_VERBS, Mention, People

__all__ = ["Piece", "split_quotes", "attribute"]

_DASH_LEAD = re.compile(r"^\s*[—–-]\s+")
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_CLOSERS = {"“": "”", "«": "»", "„": "“”", '"': '"'}
_RU_ATTRIBUTION = re.compile(r"([,!?…])\s+[—–]\s+(?=[a-zа-яё])")
_RU_RESUME = re.compile(r"([.:])\s+[—–]\s+")
_VERB = re.compile(rf"\b(?:{SPEECH_VERBS})\b", re.I)
_AFTER_WHO_VERB = re.compile(
    rf"^[\s,.;:!?—–-]*(?P<who>(?:[\w’'.-]+\s+){{0,4}}?[\w’'.-]+)\s+"
    rf"(?:(?:also|then|later|again|once|has|had|was|further|firmly|quietly|simply)\s+)?(?:{SPEECH_VERBS})\b",
    re.I,
)
_AFTER_VERB_WHO = re.compile(rf"^[\s,.;:!?—–-]*(?:{SPEECH_VERBS})\s+(?P<who>[^,.;:!?()]{{1,80}})", re.I)
_ACCORDING_WHO = re.compile(rf"\b(?:{ACCORDING})\s+(?P<who>[^,.;:!?()]{{1,60}})", re.I)
_LEAD_IN_END = re.compile(rf"(?:[:,]|\b(?:that|что|que|dass|že|{SPEECH_VERBS}))\W*$", re.I)


@dataclass(frozen=True, slots=True)
class Piece:
    """A stretch of a paragraph: narration, or a quotation's words without their marks."""

    text: str
    quote: bool
    raw_before: str = ""
    """For a quote: the paragraph text between the previous piece and this quote, marks included."""
    ends_sentence: bool = False
    """For a quote: its words end with a period, so text after it starts a new sentence."""


def _words(text: str) -> int:
    return len(_WORD.findall(text))


class _Scanner:
    """Finds matching quotation marks; remembers failed searches so hostile input stays linear."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.missing: dict[str, int] = {}

    def find(self, chars: str, start: int) -> int:
        best = -1
        for ch in chars:
            if self.missing.get(ch, len(self.text) + 1) <= start:
                continue
            pos = self.text.find(ch, start)
            if pos < 0:
                self.missing[ch] = start
            elif best < 0 or pos < best:
                best = pos
        return best

    def close_of(self, i: int) -> int:
        opener = self.text[i]
        if opener == "«":  # guillemets nest: «… «…» …»
            depth, j = 1, i + 1
            while depth:
                j = self.find("«»", j)
                if j < 0:
                    return -1
                depth += 1 if self.text[j] == "«" else -1
                j += 1
            return j - 1
        return self.find(_CLOSERS[opener], i + 1)


def _spans(text: str, start: int) -> list[tuple[int, int, int, int]]:
    """(outer start, inner start, inner end, outer end) of each quotation from `start` on."""
    scan = _Scanner(text)
    out: list[tuple[int, int, int, int]] = []
    i = start
    n = len(text)
    while i < n:
        j = scan.find("“«„\"", i)
        if j < 0:
            break
        close = scan.close_of(j)
        if close < 0:
            # An opener never closed at the start of a paragraph or after a colon: the quotation
            # runs to the paragraph's end (multi-paragraph quotes leave it open).
            if not text[start:j].strip() or text[:j].rstrip().endswith(":"):
                out.append((j, j + 1, n, n))
                break
            i = j + 1
            continue
        out.append((j, j + 1, close, close + 1))
        i = close + 1
    return out


def _is_scare(inner: str) -> bool:
    words = _WORD.findall(inner)
    if word_count(inner) > len(words):  # CJK: characters, not spaces, make the words
        return word_count(inner) <= 3
    if len(words) <= 3 and not re.search(r"[.!?…]\W*$", inner.strip()) or len(words) <= 2:
        return True
    # A name or title in quotes («Яндекс Переводчик», "The Night Harbour"), not speech.
    return len(words) <= 5 and all(w[:1].isupper() for w in words) and not re.search(r"[.!?,;:]", inner)


def _dash_speech(text: str) -> tuple[list[tuple[int, int, int, int]], int]:
    """Spans of dash-led direct speech at the paragraph start, and where normal scanning resumes."""
    lead = _DASH_LEAD.match(text)
    if not lead:
        return [], 0
    begin = lead.end()
    # `— Speech …," X said.` : an odd straight quote (or a lone closer) ends the speech.
    if text.count('"') % 2 == 1:
        close = text.find('"', begin)
        return [(0, begin, close, close + 1)], close + 1
    for closer, opener in (("”", "“"), ("»", "«")):
        close = text.find(closer, begin)
        if close >= 0 and opener not in text[begin:close]:
            return [(0, begin, close, close + 1)], close + 1
    # `— Речь, — сказал он. — Ещё речь.` : dashes alternate speech and attribution.
    spans: list[tuple[int, int, int, int]] = []
    pos = begin
    while pos < len(text):
        attribution = _RU_ATTRIBUTION.search(text, pos)
        if not attribution:
            spans.append((pos, pos, len(text), len(text)))
            return spans, len(text)
        spans.append((pos, pos, attribution.start(1) + 1, attribution.end()))
        resume = _RU_RESUME.search(text, attribution.end())
        if not resume:
            return spans, attribution.end()
        pos = resume.end()
    return spans, len(text)


def _clean_narration(text: str) -> str:
    text = re.sub(r"^[\s,;:.!?—–-]+", "", text)
    return re.sub(r"[\s:—–-]+$", "", text).strip()


def _clean_quote(text: str) -> str:
    text = re.sub(r"^[\s—–-]+", "", text)
    return re.sub(r"[\s,;:—–-]+$", "", text).strip()


def split_quotes(text: str) -> list[Piece]:
    """The paragraph as narration and quote pieces, in order; scare quotes stay in narration."""
    dash_spans, resume = _dash_speech(text)
    spans = dash_spans + [s for s in _spans(text, resume) if not _is_scare(text[s[1] : s[2]])]
    pieces: list[Piece] = []
    pos = 0
    for outer_start, inner_start, inner_end, outer_end in spans:
        between = text[pos:outer_start]
        narration = _clean_narration(between)
        if any(c.isalnum() for c in narration):
            pieces.append(Piece(narration, quote=False))
        raw = text[inner_start:inner_end].rstrip()
        quote = _clean_quote(raw)
        if any(c.isalnum() for c in quote):
            pieces.append(Piece(quote, quote=True, raw_before=between, ends_sentence=raw.endswith(".")))
        pos = outer_end
    tail = _clean_narration(text[pos:])
    if any(c.isalnum() for c in tail):
        pieces.append(Piece(tail, quote=False))
    return pieces


def _subject(sentence: str, people: People) -> str | None:
    """Who a lead-in sentence is about: 'according to X', a name before a speech verb, else the first person."""
    according = list(_ACCORDING_WHO.finditer(sentence))
    if according:
        who = people.resolve(according[-1].group("who"))
        if who:
            return who
    mentions: list[Mention] = people.find(sentence)
    for mention in reversed(mentions):
        if re.match(rf"\s*(?:\w+\s+){{0,2}}?(?:{SPEECH_VERBS})\b", sentence[mention.end :], re.I):
            return mention.name
    candidates: list[tuple[int, str]] = [(m.start, m.name) for m in mentions]
    for pronoun in re.finditer(r"\b\w+\b", sentence):
        if pronoun.group(0).lower() in PRONOUNS and people.last():
            candidates.append((pronoun.start(), people.last() or ""))
            break
    low = sentence.lower()
    for title, name in people.titles.items():
        found = re.search(rf"\b{re.escape(title)}\b", low)
        if found:
            candidates.append((found.start(), name))
    return min(candidates)[1] if candidates else None


def attribute(pieces: list[Piece], people: People) -> list[str | None]:
    """The speaker of each piece (None for narration and for quotes whose speaker the text does not give).

    Updates `people` with everyone the paragraph names, in reading order.
    """
    speakers: list[str | None] = [None] * len(pieces)
    last_quote_speaker: str | None = None
    named_since_quote = False
    for i, piece in enumerate(pieces):
        if not piece.quote:
            mentions = people.find(piece.text)
            if mentions:
                named_since_quote = True
            people.remember(mentions)
            continue
        speaker: str | None = None
        after = pieces[i + 1].text if i + 1 < len(pieces) and not pieces[i + 1].quote else ""
        # After a quote that closed its sentence, a capitalized clause is new narration, not "X said".
        if piece.ends_sentence and after[:1].isupper():
            after = ""
        clause = re.split(r"[.;!?]", after, maxsplit=1)[0] if after else ""
        m = _AFTER_WHO_VERB.match(clause) or _AFTER_VERB_WHO.match(clause)
        if m:
            speaker = people.resolve(m.group("who"))
        before = pieces[i - 1].text if i > 0 and not pieces[i - 1].quote else ""
        if speaker is None and before:
            lead = sentences.split(before)[-1] if before else ""
            attached = _LEAD_IN_END.search(piece.raw_before.rstrip(" \"“«„")) or _LEAD_IN_END.search(lead)
            if attached or _VERB.search(lead):
                speaker = _subject(lead, people)
        if speaker is None and last_quote_speaker and not named_since_quote:
            speaker = last_quote_speaker
        if speaker:
            people.remember([Mention(speaker, 0, 0)])
        speakers[i] = speaker
        last_quote_speaker = speaker
        named_since_quote = False
    return speakers
