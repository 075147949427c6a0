"""HTML pages: trafilatura finds the article; its structure (headings, block quotes, lists) is kept.

Nothing is fetched and no script runs: the page is parsed as data only.
"""

from __future__ import annotations

import logging
import re

from .chrome import Unit

__all__ = ["units"]

log = logging.getLogger(__name__)

_LANG = re.compile(r"<html[^>]*\blang\s*=\s*[\"']?([a-zA-Z]{2,3})", re.I)
_SPACE = re.compile(r"\s+")
# libxml2 refuses trees deeper than this; such pages are hostile or broken, and read as text.
_MAX_DEPTH_HINT = 2000


def _text(element: object) -> str:
    return _SPACE.sub(" ", "".join(element.itertext())).strip()  # type: ignore[attr-defined]


def _fallback(html: str) -> list[Unit]:
    """Visible text of a page trafilatura could not read, one unit per block-level line."""
    text = re.sub(r"(?is)<(script|style|noscript|template)\b.*?</\1\s*>", " ", html)
    text = re.sub(r"(?i)<(br|/p|/div|/h\d|/li|/blockquote|/tr|/section|/article)\b[^>]*>", "\n", text)
    text = re.sub(r"<[^>]{0,2000}>", " ", text)
    import html as html_lib

    text = re.sub(r"&[A-Za-z][\w.-]{0,30};", " ", html_lib.unescape(text))  # undeclared or custom entities
    return [Unit(line) for line in (_SPACE.sub(" ", raw).strip() for raw in text.split("\n")) if line]


def units(html: str) -> tuple[list[Unit], str | None, str | None]:
    """The article's units, the page's title, and the language its <html lang> declares."""
    lang_match = _LANG.search(html[:5000])
    lang = lang_match.group(1).lower()[:2] if lang_match else None
    if html.count("<") > 200_000 or html[:100_000].count("<div") > _MAX_DEPTH_HINT * 5:
        log.info("page too large or deep for extraction; reading its visible text")
        return _fallback(html), None, lang
    import trafilatura
    from lxml import etree

    try:
        xml = trafilatura.extract(
            html, output_format="xml", include_formatting=True, include_comments=False,
            include_tables=False, include_images=False, include_links=False, with_metadata=True,
        )
    except (ValueError, RecursionError, etree.LxmlError) as exc:
        log.info("trafilatura failed (%s); reading the page's visible text", exc)
        xml = None
    if not xml:
        return _fallback(html), None, lang
    root = etree.fromstring(xml.encode("utf-8"), etree.XMLParser(resolve_entities=False, no_network=True))
    title = root.get("title") or None
    out: list[Unit] = []
    main = root.find("main")
    for element in main if main is not None else []:
        tag = element.tag
        if tag == "head":
            out.append(Unit(_text(element), heading=True, trusted=True))
        elif tag == "quote":
            paragraphs = element.findall(".//p") or [element]
            out.extend(Unit(_text(p), quote=True, trusted=True) for p in paragraphs)
        elif tag == "list":
            out.extend(Unit(_text(item), item=True, trusted=True) for item in element.iter("item"))
        else:
            out.append(Unit(_text(element), trusted=True))
    return [u for u in out if u.text], title, lang
