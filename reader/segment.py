"""Segmentation: an Article becomes headings and paragraphs of runs, with page chrome set aside.

No audio and no I/O here.
"""

from __future__ import annotations

import re

from .errors import ArticleError
from .model import Article, Block, BlockKind, Document, InputFormat, Role, Run, Skipped

__all__ = ["split"]

_TERMINAL = re.compile(r"""[.!?…]["'”»)\]]*$""")
_CREDIT = re.compile(
    r"^(translated by|translation:|переведено|перевод:|photo:|фото:|©|\(c\)|source:|источник:)", re.I
)
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LETTER = re.compile(r"[^\W\d_]")


def _language(text: str) -> str:
    letters = _LETTER.findall(text)
    if letters and len(_CYRILLIC.findall(text)) > len(letters) / 2:
        return "ru"
    return "en"


def _is_sentence(text: str) -> bool:
    words = len(text.split())
    return words >= 20 or (words >= 4 and bool(_TERMINAL.search(text)))


def _is_heading(text: str) -> bool:
    words = text.split()
    return 1 < len(words) <= 14 and text[:1].isupper() and not _TERMINAL.search(text) and not text.endswith((",", ";"))


def _paragraphs(text: str, markdown: bool) -> list[tuple[str, bool]]:
    """(text, marked_heading) for each paragraph; short lines of a multi-line block stay separate."""
    out: list[tuple[str, bool]] = []
    for chunk in re.split(r"\n\s*\n", text):
        lines = [line.strip() for line in chunk.split("\n") if line.strip()]
        if not lines:
            continue
        if markdown:
            lines = [_MD_EMPHASIS.sub(r"\2", _MD_LINK.sub(r"\1", line)) for line in lines]
        # A block of short, unpunctuated lines is a menu or widget list, not one paragraph.
        if len(lines) > 1 and sum(_is_sentence(line) for line in lines) < len(lines) / 2:
            out.extend(_one(line, markdown) for line in lines)
        else:
            joined = " ".join(lines)
            out.append(_one(joined, markdown))
    return out


def _one(line: str, markdown: bool) -> tuple[str, bool]:
    if markdown:
        found = _MD_HEADING.match(line)
        if found:
            return found.group(1), True
    return line, False


def split(article: Article) -> Document:
    """Headings and paragraphs to read, and the skipped chrome with reasons.

    Raises:
        ArticleError: nothing in the input reads as article text.
    """
    markdown = article.format is InputFormat.MARKDOWN
    paragraphs = _paragraphs(article.text, markdown)
    body = [i for i, (text, marked) in enumerate(paragraphs) if marked or _is_sentence(text)]
    if not body:
        raise ArticleError(f"{article.source or 'input'}: no article text found (only page chrome?)")
    first, last = body[0], body[-1]
    blocks: list[Block] = []
    skipped: list[Skipped] = []
    title = article.title
    for i, (text, marked) in enumerate(paragraphs):
        inside = first <= i <= last
        if _CREDIT.match(text):
            skipped.append(Skipped(text, "credit"))
        elif marked or (inside and _is_sentence(text)):
            kind = BlockKind.HEADING if marked else BlockKind.PARAGRAPH
            if marked and title is None and not blocks:
                title = text
            blocks.append(Block(kind, (Run(Role.NARRATION, text, lang=_language(text)),)))
        elif inside and _is_heading(text) and i + 1 < len(paragraphs) and _is_sentence(paragraphs[i + 1][0]):
            blocks.append(Block(BlockKind.HEADING, (Run(Role.NARRATION, text, lang=_language(text)),)))
        else:
            skipped.append(Skipped(text, "boilerplate"))
    langs = [run.lang for block in blocks for run in block.runs for _ in run.text.split()]
    language = max(set(langs), key=langs.count) if langs else "en"
    return Document(title=title, language=language, blocks=tuple(blocks), skipped=tuple(skipped),
                    source=article.source)
