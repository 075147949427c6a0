"""The page pass: units of a page, their labels, and the Document of blocks and runs.

Plain-text page copies and Markdown are cut into units and judged by `chrome`; HTML goes
through trafilatura (`htmlpage`). Paragraphs are then split into narration and quotation runs
(`quotes`), each with its speaker and language. No audio and no I/O here.
"""

from __future__ import annotations

import dataclasses
import re

from ..errors import ArticleError
from ..model import Article, Block, BlockKind, Document, InputFormat, Role, Run, Skipped, Speaker
from . import chrome, compiled, htmlpage, language, quotes
from .chrome import TERMINAL as _TERMINAL
from .chrome import Label, Unit
from .people import People

__all__ = ["split"]

_MD_HEADING = compiled.regex(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_MD_SETEXT = compiled.regex(r"^\s{0,3}(=+|-+)\s*$")
_MD_QUOTE = compiled.regex(r"^\s{0,3}>\s?")
_MD_ITEM = compiled.regex(r"^\s{0,3}(?:[-*+]|\d{1,3}[.)])\s+")
_MD_IMAGE = compiled.regex(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = compiled.regex(r"\[([^\]]*)\]\([^)]*\)")
_MD_EMPHASIS = compiled.regex(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")
_MD_RULE = compiled.regex(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")


def _goes_on(block: list[str], j: int) -> bool:
    """Line j starts lower-case after an unfinished line, and is more than a one- or two-word label
    ("autoplay", "weitere Videos") unless it ends a sentence."""
    line = block[j]
    return line[:1].islower() and not _TERMINAL.search(block[j - 1]) \
        and (len(line.split()) >= 3 or bool(_TERMINAL.search(line)))


def _wraps_into(block: list[str], k: int) -> bool:
    """True when line k of a block continues line k-1, cut by a hard wrap.

    The wrap width is read from the lines around (a window of six, without whole paragraphs far
    longer than the line), not from the whole block: a copy with no blank lines is one block, where
    the page's longest paragraph says nothing about the width at which one paragraph was wrapped. A line that starts lower-case continues a long unfinished
    line; one that starts otherwise (a name, a number) only inside a run of lines of one width where
    other lines go on lower-case, and only when its first word would not have fitted on the line
    before (a stack of headlines fails these tests).
    """
    prev, line = block[k - 1], block[k]
    if len(prev) < 40 or _TERMINAL.search(prev) or prev.endswith((":", "：")):
        return False
    # A line far longer than this one is a whole paragraph, not part of the wrapped run.
    window = [w for w in block[max(0, k - 4):k + 2] if len(w) <= 1.5 * len(prev)]
    width = max(len(w) for w in window)
    if len(prev) < 0.6 * width:
        return False
    if _goes_on(block, k):
        return True
    near = sum(1 for w in window if len(w) >= 0.8 * width)
    first_word = line.split(" ", 1)[0]
    # Wrapped prose shows it: somewhere nearby a line goes on lower-case from an unfinished one.
    lower_seen = any(_goes_on(block, j) for j in range(max(1, k - 4), min(len(block), k + 2)))
    return lower_seen and near >= 0.7 * len(window) and len(prev) + 1 + len(first_word) > 0.9 * width


def _plain_units(block: list[str]) -> list[Unit]:
    """Lines of one blank-line-separated block: hard-wrapped prose is joined, menus stay apart."""
    out: list[str] = []
    for k, line in enumerate(block):
        if out and _wraps_into(block, k):
            prev = out[-1]
            # A hyphen at a wrap stays ("conti-" + "nuation"): words are never merged or lost.
            out[-1] = f"{prev}{line}" if prev.endswith("-") else f"{prev} {line}"
            continue
        out.append(line)
    return [Unit(text) for text in out]


def _markdown_inline(text: str) -> str:
    text = _MD_IMAGE.sub("", text)
    text = _MD_LINK.sub(r"\1", text)
    for _ in range(3):  # nested emphasis: ***x*** or **_x_**
        text = _MD_EMPHASIS.sub(r"\2", text)
    return re.sub(r"\s+", " ", text).strip()


def _markdown_units(block: list[str]) -> list[Unit]:
    out: list[Unit] = []
    para: list[str] = []

    def flush() -> None:
        if para:
            out.append(Unit(_markdown_inline(" ".join(para))))
            para.clear()

    for line in block:
        heading = _MD_HEADING.match(line)
        if heading:
            flush()
            out.append(Unit(_markdown_inline(heading.group(1)), heading=True))
        elif _MD_SETEXT.match(line) and para and not _MD_RULE.match(line) or (_MD_SETEXT.match(line) and para and "=" in line):
            text = " ".join(para)
            para.clear()
            out.append(Unit(_markdown_inline(text), heading=True))
        elif _MD_RULE.match(line):
            flush()
        elif _MD_QUOTE.match(line):
            flush()
            inner = _MD_QUOTE.sub("", line)
            if out and out[-1].quote and inner.strip():
                out[-1] = Unit(f"{out[-1].text} {_markdown_inline(inner)}", quote=True)
            elif inner.strip():
                out.append(Unit(_markdown_inline(inner), quote=True))
        elif _MD_ITEM.match(line):
            flush()
            out.append(Unit(_markdown_inline(_MD_ITEM.sub("", line)), item=True))
        else:
            para.append(line)
    flush()
    return [u for u in out if u.text]


def units_of_text(text: str, markdown: bool = False) -> list[Unit]:
    """The units of a plain-text or Markdown page, in order."""
    units: list[Unit] = []
    for chunk in re.split(r"\n[ \t]*\n", text):
        lines = [line.strip() for line in chunk.split("\n") if line.strip()]
        if lines:
            units.extend(_markdown_units(lines) if markdown else _plain_units(lines))
    return units


def _run_lang(text: str, block_lang: str) -> str:
    """A run's language: its own when it is long enough to tell or in another script, else its block's."""
    if len(text.split()) >= 8 or language.script_of(text) != language.script_of_language(block_lang):
        return language.detect(text, block_lang)
    return block_lang


def _runs(unit: Unit, people: People, doc_lang: str, lead_in: str, carry: str | None,
          reported: str = "", dialogue: bool = False, heading: list[quotes.Piece] | None = None) -> tuple[Run, ...]:
    lang = language.detect(unit.text, doc_lang)
    if unit.quote:
        inner = unit.text.strip().strip("\"“”«»„")
        speaker, cue = quotes.attribute_with_cues(
            [quotes.Piece(lead_in, False), quotes.Piece(inner, True, lead_in)], people)[1] \
            if lead_in.rstrip().endswith(":") else (None, None)
        return (Run(Role.QUOTE, inner, speaker, lang, cue),)
    pieces = heading or quotes.split_quotes(unit.text, introduced=bool(lead_in) or dialogue)
    if lead_in and pieces and pieces[0].quote:
        # "Анвар Ибрагим признался:" closing the last paragraph introduces the speech that opens this one.
        attributed = quotes.attribute_with_cues([quotes.Piece(lead_in + ":", False)] + pieces, people)[1:]
    else:
        # A paragraph that opens with a quotation continues the speaker of a quotation that closed the last one.
        opens = bool(pieces) and pieces[0].quote
        if opens and carry is None and reported and not quotes.is_dash_question(unit.text):
            # "… je podle Petra Smejkala neudržitelné." then a paragraph that is one quotation: his.
            carry = quotes.reported_speaker(reported, people) or quotes.presented_speaker(reported, unit.text, people)
        attributed = quotes.attribute_with_cues(pieces, people, carry if opens else None)
    single = len(pieces) == 1
    return tuple(
        Run(Role.QUOTE if piece.quote else Role.NARRATION, piece.text, speaker,
            lang if single else _run_lang(piece.text, lang), cue)
        for piece, (speaker, cue) in zip(pieces, attributed)
    )


def _carry(runs: tuple[Run, ...]) -> str | None:
    """Who may go on speaking in the next paragraph: the speaker of a quotation that ends this one,
    or is followed only by its short attribution ('…," he said.')."""
    last = max((i for i, run in enumerate(runs) if run.role is Role.QUOTE), default=None)
    if last is None or sum(len(run.text.split()) for run in runs[last + 1 :]) > 8:
        return None
    return runs[last].speaker


def _full_names(blocks: list[Block], people: People) -> list[Block]:
    """A speaker known by surname alone before the article gave the full name ("Albares ha recalcado",
    then "José Manuel Albares") is one person: one name, one voice."""
    full: dict[str, str] = {}
    for name in people.names:
        parts = name.split()
        if len(parts) >= 2 and people.is_person(name):
            full[parts[-1]] = name if parts[-1] not in full else ""
    def named(run: Run) -> Run:
        better = full.get(run.speaker or "")
        return dataclasses.replace(run, speaker=better) if better and " " not in (run.speaker or " ") else run
    return [dataclasses.replace(block, runs=tuple(named(run) for run in block.runs)) for block in blocks]


def _backfill_paragraphs(blocks: list[Block]) -> list[Block]:
    """A quotation that runs over several paragraphs and is attributed only at its end ('“…' / '“…' /
    '“…”, afirmou, em nota, Joel da Harpa'): paragraphs that are nothing but an unattributed quotation,
    right before a paragraph that opens with a quotation attributed in its own words, are that
    speaker's. At most three paragraphs back, and never across narration or a heading."""
    out = list(blocks)
    for i, block in enumerate(out):
        runs = block.runs
        if block.kind is not BlockKind.PARAGRAPH or len(runs) < 2 or runs[0].role is not Role.QUOTE \
                or not runs[0].speaker or runs[1].role is not Role.NARRATION or not runs[0].cue \
                or runs[0].cue.startswith("the attribution that follows"):
            continue
        j = i - 1
        while j >= 0 and i - j <= 3 and out[j].kind is BlockKind.PARAGRAPH \
                and all(r.role is Role.QUOTE and r.speaker is None for r in out[j].runs):
            out[j] = dataclasses.replace(out[j], runs=tuple(
                dataclasses.replace(r, speaker=runs[0].speaker, cue="the attribution that follows: " + (runs[0].cue or ""))
                for r in out[j].runs))
            j -= 1
    return out


def _speakers(blocks: list[Block], people: People) -> tuple[Speaker, ...]:
    """Everyone who speaks a quotation, once each, with the gender evidence the article gave."""
    names = dict.fromkeys(run.speaker for block in blocks for run in block.runs if run.speaker)
    return tuple(Speaker(name, people.gender_of(name), organisation=not people.is_person(name))
                 for name in names if name)


def split(article: Article) -> Document:
    """Headings and paragraphs to read, and the skipped chrome with reasons.

    Raises:
        ArticleError: nothing in the input reads as article text.
    """
    title = article.title
    declared: str | None = None
    if article.format is InputFormat.HTML:
        page = htmlpage.read(article.text)
        units, title, declared = list(page.units), title or page.title, page.lang
        labels = page.labels()
    else:
        units = units_of_text(article.text, markdown=article.format is InputFormat.MARKDOWN)
        labels = chrome.classify(units, plain=True)
    kept = [u.text for u, (label, _) in zip(units, labels) if label is Label.BODY]
    if not kept:
        raise ArticleError(f"{article.source or 'input'}: no article text found (only page chrome, or no sentences)")
    doc_lang = language.detect(" ".join(kept)[:4000], declared or "en")
    people = People()
    blocks: list[Block] = []
    skipped: list[Skipped] = []
    lead_in = ""
    carry: str | None = None
    reported = ""
    dialogue = False
    quoted_cache: list[str] = []

    def quoted() -> str:
        if not quoted_cache:
            quoted_cache.append(quotes.quoted_words("\n".join(kept)))
        return quoted_cache[0]
    body = [u.text for u, (label, _) in zip(units, labels) if label is not Label.SKIP]
    read = 0
    for unit, (label, reason) in zip(units, labels):
        if label is not Label.SKIP:
            read += 1
            people.upcoming = tuple(body[read : read + 3])
        if label is Label.SKIP:
            skipped.append(Skipped(unit.text, reason or "boilerplate"))
            continue
        heading = quotes.heading_pieces(unit.text, quoted) \
            if label is Label.HEADING or label is Label.TITLE and title is None else None
        if heading:
            # '"Parece que são grupos mínimos", diz Temer', or a headline repeating words the article
            # quotes: the line quotes someone; read it in their voice.
            title = unit.text if label is Label.TITLE else title
            label = Label.BODY
        if label is Label.HEADING and unit.text.rstrip().endswith(":"):
            # "Анвар Ибрагим признался:" introduces the next paragraph's speech.
            label = Label.BODY
        if label in (Label.TITLE, Label.HEADING):
            if label is Label.TITLE and title is None:
                title = unit.text
            people.remember(people.find(unit.text))
            blocks.append(Block(BlockKind.HEADING, (Run(Role.NARRATION, unit.text, None,
                                                        language.detect(unit.text, doc_lang)),)))
            lead_in = ""
            # "Veja abaixo alguns dos trechos" between two quotations: the speaker goes on. A heading
            # that names someone, or a section's title, ends the speech.
            carry = carry if carry and unit.text.rstrip()[-1:] not in ".!?" and quotes.is_bridge(
                unit.text, (Run(Role.NARRATION, unit.text, None, doc_lang),), people) and \
                len(unit.text.split()) >= 4 else None
            reported = ""
            dialogue = False
            continue
        runs = _runs(unit, people, doc_lang, lead_in, carry, reported, dialogue, heading)
        blocks.append(Block(BlockKind.PARAGRAPH, runs))
        # A dash-led paragraph read as speech lets the next dash-led one go on the dialogue.
        dialogue = bool(runs) and runs[0].role is Role.QUOTE and unit.text.lstrip()[:1] in "—–-"
        bridge = carry is not None and quotes.is_bridge(unit.text, runs, people)
        carry = carry if bridge else _carry(runs)
        # Narration alone may report who speaks next; read only if a quotation opens the next paragraph.
        reported = runs[-1].text if carry is None and runs and all(run.role is Role.NARRATION for run in runs) else ""
        lead_in = runs[-1].text if runs and runs[-1].role is Role.NARRATION and unit.text.rstrip().endswith(":") \
            else ""
    blocks = quotes.echo_speakers(_full_names(_backfill_paragraphs(blocks), people))
    return Document(title=title, language=doc_lang, blocks=tuple(blocks), skipped=tuple(skipped),
                    source=article.source, speakers=_speakers(blocks, people))
