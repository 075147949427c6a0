"""HTML pages: trafilatura finds the article; its structure (headings, block quotes, lists) is kept.

The page's own evidence completes what the extractor returns: the headline is the visible heading
that the page's metadata (og:title, JSON-LD `headline`, <title>) names, and a standfirst under it is
read when it is the summary the metadata gives as the page's description. Nothing is fetched and no
script runs: the page is parsed as data only.
"""

from __future__ import annotations

import json
import logging
import re
from collections import Counter
from collections.abc import Iterator
from itertools import pairwise
from dataclasses import dataclass, field
from typing import Any

from . import compiled
from .chrome import Label, Unit, classify, is_sentence, word_count

__all__ = ["HtmlPage", "read"]

_Node = Any
"""An lxml element (lxml ships no type information)."""

log = logging.getLogger(__name__)

_LANG = compiled.regex(r"<html[^>]*\blang\s*=\s*[\"']?([a-zA-Z]{2,3})", re.I)
_SPACE = compiled.regex(r"\s+")
# libxml2 refuses trees deeper than this; such pages are hostile or broken, and read as text.
_MAX_DEPTH_HINT = 2000
# Up to this size (in characters) a page whose first reading does not follow its headline is read
# twice more; past it one extraction must do, so that a large page stays well under two seconds.
_RETRY_LIMIT = 400_000


def _text(element: _Node) -> str:
    return _SPACE.sub(" ", "".join(element.itertext())).strip()


def _fallback(html: str) -> list[Unit]:
    """Visible text of a page trafilatura could not read, one unit per block-level line."""
    text = re.sub(r"(?is)<(script|style|noscript|template)\b.*?</\1\s*>", " ", html)
    text = re.sub(r"(?i)<(br|/p|/div|/h\d|/li|/blockquote|/tr|/section|/article)\b[^>]*>", "\n", text)
    text = re.sub(r"<[^>]{0,2000}>", " ", text)
    import html as html_lib

    text = re.sub(r"&[A-Za-z][\w.-]{0,30};", " ", html_lib.unescape(text))  # undeclared or custom entities
    return [Unit(line) for line in (_SPACE.sub(" ", raw).strip() for raw in text.split("\n")) if line]


# A word, or one Chinese or Japanese character (those scripts do not space their words).
_CJK_CHARS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"
_TOKEN = compiled.regex(f"[{_CJK_CHARS}]|[^\\W_{_CJK_CHARS}]+")
_INVISIBLE = compiled.regex(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_HIDDEN_CLASS = compiled.regex(
    r"(?:^|\s)(?:element-invisible|sr-only|visually-hidden|screen-reader-text|hidden)(?:\s|$)", re.I)
# Separators between a page title and the site's name ("Headline | Site", "Headline - Site").
_TITLE_SEPARATOR = compiled.regex(r"\s+[|–—»·-]{1,2}\s+|(?<=[\u3400-\u9fff！？。])[-_|]{1,2}(?=[\u3400-\u9fff])")
# A separator set without spaces between a title's parts ("Headline-Section-Site", "Headline|Site").
_TIGHT_SEPARATOR = compiled.regex(r"(?<=[^\W\d])[-|](?=[^\W\d_])")
# A reading-time or widget line that extractors keep with the article ("3 Minuten Lesezeit", "5 min read").
_WIDGET = compiled.regex(
    r"^\W*(?:\d+\s*(?:min(?:ute[ns]?|utos?|\.)?|мин(?:ут[аы]?)?\.?)\s*(?:read|reading|lesezeit|de lecture|"
    r"de lectura|de leitura|čtení|чтения)|(?:reading time|read time|lesezeit|lesedauer|temps de lecture|"
    r"tiempo de lectura|tempo de leitura|doba čtení|время чтения)\s*:?\s*\d+\s*[^\W\d]*\.?)\W*$",
    re.I,
)
# A reporter's address alone on a line, as agencies sign off ("name@agency.example (END)").
_CONTACT = compiled.regex(r"^\W*[\w.+-]+@[\w-]+(?:\.[\w-]+)+\W*(?:end\W*)?$", re.I)
# Script or style text a page let into its visible text (an old page's "<!-- OAS_AD('x'); //-->").
_CODE = compiled.regex(r"^\s*<!--|//\s*-->|\bfunction\s*\w*\s*\([^()]*\)\s*\{|\bdocument\.write\b|[{;]\s*[a-z-]+\s*:\s*[^;{}]+;\s*[a-z-]+\s*:")
_TIMED = compiled.regex(r"^\W*\d{1,2}[.:h]\d{2}\s*(?:uhr|h|am|pm|hrs)?\s*[:–—|-]\s*(?:\S+\s+){2,}[^\W\d]{4,}", re.I)
# A date with its year and a clock time ("Associated Press - January 14, 2008 12:53 PM ET"): on a short
# line of its own, the story's date line, whoever it names beside the date.
_STAMP = compiled.regex(r"\b(?:19|20)\d\d\b.{0,12}?\b\d{1,2}[:.]\d\d\b|\b\d{1,2}[:.]\d\d\b.{0,40}?\b(?:19|20)\d\d\b")
_STANDFIRST_SHAPE = compiled.regex(r"\w[.!?…]\s+\S.*\w")
_SUBHEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
_BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd", "dt", "td", "figcaption")
_STORY_TYPE = compiled.regex(r"Article|Posting|WebPage|Report|Blog|LiveBlog", re.I)
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "button", "select", "option"})
_NOT_TITLES = frozenset({"html", "head", "body", "title", "meta", "script", "style", "a", "img", "link"})
_TITLE_CLASS = compiled.regex(r"(?:^|[\s_-])(?:title|headline)(?:$|[\s_-])|(?:headline|header)(?:$|[\s_-])", re.I)
_STANDFIRST_TAGS = frozenset({"p", "div", "h2", "h3", "h4", "span", "strong", "b", "section", "header", "em"})
# How far past the headline (in elements) a standfirst may sit; pages put share bars and bylines between.
_STANDFIRST_REACH = 400


def _tokens(text: str) -> list[str]:
    return [t.casefold() for t in _TOKEN.findall(text)]


def _overlap(a: list[str], b: list[str]) -> float:
    """F1 of two bags of words: 1.0 when they hold the same words."""
    if not a or not b:
        return 0.0
    common = sum((Counter(a) & Counter(b)).values())
    return 2 * common / (len(a) + len(b))


@dataclass
class _Meta:
    """What the page says about itself in its head and its JSON-LD."""

    titles: list[str] = field(default_factory=list)
    descriptions: list[str] = field(default_factory=list)
    site: str | None = None
    url: str | None = None


def _json_ld(data: object, meta: _Meta, depth: int = 0) -> None:
    """Add the headline and description of the article objects in a JSON-LD block to `meta`."""
    if depth > 6:
        return
    if isinstance(data, list):
        for item in data[:50]:
            _json_ld(item, meta, depth + 1)
    elif isinstance(data, dict):
        kind = data.get("@type")
        kinds = " ".join(k for k in (kind if isinstance(kind, list) else [kind]) if isinstance(k, str))
        # An article's (or its page's) headline and description; not a photo's, a video's or a person's.
        story = _STORY_TYPE.search(kinds) is not None
        for key, found in (("headline", meta.titles), ("description", meta.descriptions)) if story else ():
            value = data.get(key)
            if isinstance(value, str) and value.strip():
                found.append(_SPACE.sub(" ", value).strip())
        for key in ("@graph", "mainEntity", "mainEntityOfPage"):
            if isinstance(data.get(key), (list, dict)):
                _json_ld(data[key], meta, depth + 1)


def _page_meta(tree: _Node) -> _Meta:
    """The page's titles (og:title, twitter:title, JSON-LD headline, then <title>), descriptions,
    site name and canonical URL."""
    meta = _Meta()
    for element in tree.iter("meta"):
        key = (element.get("property") or element.get("name") or "").lower()
        value = _SPACE.sub(" ", element.get("content") or "").strip()
        if not value:
            continue
        if key in ("og:title", "twitter:title", "dc.title", "dc:title", "title"):
            meta.titles.append(value)
        elif key in ("description", "og:description", "twitter:description", "dc.description"):
            meta.descriptions.append(value)
        elif key == "og:site_name":
            meta.site = value
        elif key == "og:url" and not meta.url:
            meta.url = value
    for link in tree.iter("link"):
        if (link.get("rel") or "").lower() == "canonical" and link.get("href"):
            meta.url = meta.url or link.get("href")
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() == "application/ld+json" and script.text:
            try:
                _json_ld(json.loads(script.text), meta)
            except (ValueError, RecursionError):
                continue
    for element in tree.iter("title"):
        text = _text(element)
        if text:
            meta.titles.append(text)
        break
    return meta


def _visible(element: _Node) -> bool:
    node = element
    while node is not None:
        if not isinstance(node.tag, str) or node.tag in _SKIP_TAGS:
            return False
        if node.get("hidden") is not None or node.get("aria-hidden") == "true" \
                or _INVISIBLE.search(node.get("style") or "") or _HIDDEN_CLASS.search(node.get("class") or ""):
            return False
        node = node.getparent()
    return True


def _heading_text(element: _Node) -> str:
    """A heading's words; pieces in separate elements ("Kicker" + "Headline") keep a space between them."""
    parts: list[str] = []
    for piece in element.itertext():
        if parts and parts[-1][-1:].isalpha() and piece[:1].isupper():
            parts.append(" ")
        parts.append(piece)
    return _SPACE.sub(" ", "".join(parts)).strip()


def _headline(tree: _Node, meta: _Meta) -> tuple[str | None, _Node | None]:
    """The visible heading the page's metadata names as its title, and its element.

    A page's first <h1> is often the site's logo; the headline is the heading whose words the
    page's og:title, JSON-LD headline or <title> repeat. A kicker set in the same heading ("Analysis",
    "SVP-Sonderparteitag zur Migration") is left out when the metadata leaves it out.
    """
    titles = [_tokens(t) for t in meta.titles] + [_tokens(_clean_title(t, meta.site)) for t in meta.titles]
    # "Site -- Section -- Headline", "Headline - Section, Results, Fixtures": the longest part is the headline.
    titles += [_tokens(max(_TITLE_SEPARATOR.split(t), key=lambda part: len(_tokens(part)))) for t in meta.titles]
    # "Headline-Section-Site": some titles join their parts with a bare hyphen or bar; the headline is
    # then the title cut at one of them (a hyphenated word inside it only adds a shorter candidate).
    titles += [_tokens(t[: m.start()]) for t in meta.titles for m in _TIGHT_SEPARATOR.finditer(t)
               if len(_tokens(t[: m.start()])) >= 4]
    # "Site, its long tagline | Headline": the headline is then one of the shorter parts. A part of
    # three or four words is as often a section's or the site's name ("All The News") as a headline: a
    # heading that matches only such a part scores lower, under any heading that matches a longer one.
    short = [_tokens(part) for t in meta.titles for part in _TITLE_SEPARATOR.split(t)[1:]
             if 3 <= len(_tokens(part)) <= 4]
    titles += [_tokens(part) for t in meta.titles for part in _TITLE_SEPARATOR.split(t)[1:]
               if len(_tokens(part)) >= 5]
    titles = [t for t in titles if len(t) >= 2]
    title_words = {w for t in titles + short for w in t}
    if not titles:
        return _sole_h1(tree)
    best: tuple[float, str | None, _Node | None] = (0.0, None, None)
    for level, tag in enumerate(("h1", "h2", "h3", "", "*")):
        if tag == "*":
            # Last, any element whose own text the metadata names: pages without heading markup set
            # their headline in a styled <span>, <b> or table cell.
            found: Iterator[_Node] = (e for e in tree.iter() if isinstance(e.tag, str) and e.tag not in _NOT_TITLES
                                      and e.text and 2 <= len(e.text) <= 300 and e.text.strip())
        elif tag:
            found = tree.iter(tag)
        else:  # an element the page styles as its title ("h-title", "headline", "StoryHeader")
            found = (e for e in tree.iter() if isinstance(e.tag, str) and e.tag not in _NOT_TITLES
                     and _TITLE_CLASS.search(" ".join((e.get("class") or "", e.get("id") or ""))))
        for element in found:
            if not _visible(element):
                continue
            if tag == "*":
                options = [(_SPACE.sub(" ", element.text).strip(), element)]
            else:
                options = [(_heading_text(element), element)]
                options += [(_heading_text(child), element) for child in element.iterdescendants()
                            if isinstance(child.tag, str)]
                if element.text and element.text.strip():
                    options.append((_SPACE.sub(" ", element.text).strip(), element))
            for text, owner in options:
                if len(text) > 300:
                    continue
                words = _tokens(text)
                # Most of a page's text shares few words with its title: a cheap test before the count.
                if len(words) < 2 or len(title_words & set(words)) < 0.5 * len(words):
                    continue
                score = max([_overlap(words, t) for t in titles] + [_overlap(words, t) - 0.22 for t in short]) \
                    - 0.05 * level
                if score > best[0]:
                    best = (score, text, owner)
        if best[0] >= 0.8:
            break  # an <h1> that the metadata names beats any lower heading
    if best[0] < 0.6:
        return None, None
    # A breadcrumb's or a list's marker set before the headline ("» Headline") is no part of it.
    return (best[1] or "").lstrip(" »›>•·|") or best[1], best[2]


def _sole_h1(tree: _Node) -> tuple[str | None, _Node | None]:
    """A page that names no title in its head: its one visible, unlinked <h1> of headline length is
    its headline, else its one element so styled (with two or more, or none, the page does not say)."""
    for found in ([h for h in tree.iter("h1")],
                  [e for e in tree.iter() if isinstance(e.tag, str) and e.tag not in _NOT_TITLES
                   and _TITLE_CLASS.search(" ".join((e.get("class") or "", e.get("id") or "")))]):
        # Else the one element styled as the headline ("Headline", "story-title").
        found = [e for e in found if _visible(e) and 2 <= word_count(_heading_text(e)) <= 30]
        if len(found) == 1 and not _linked(found[0]):
            return _heading_text(found[0]), found[0]
    return None, None


def _clean_title(title: str, site: str | None) -> str:
    """A page title without the site's name ("Headline | Site" → "Headline")."""
    parts = _TITLE_SEPARATOR.split(title)
    if len(parts) > 1 and site and parts[-1].casefold() == site.casefold():
        return " ".join(title.rsplit(parts[-1], 1)[0].split()).rstrip(" |–—»·:_-") or title
    if len(parts) > 1 and len(parts[-1].split()) <= 4 and len(_tokens(title)) - len(_tokens(parts[-1])) >= 3:
        return title[: title.rfind(parts[-1])].rstrip(" |–—»·:_-").strip() or title
    return title


def _title_of(meta: _Meta) -> str | None:
    """The page's title without the site's name, from the first title its metadata gives."""
    return _clean_title(meta.titles[0], meta.site) if meta.titles else None


def _standfirst(head: _Node, meta: _Meta) -> str | None:
    """The summary printed under the headline when the page's description repeats it, else None."""
    wanted = [_tokens(d.rstrip(".…  ")) for d in meta.descriptions]
    wanted = [w for w in wanted if len(w) >= 6]
    if not wanted:
        return None
    best: tuple[float, str | None] = (0.0, None)
    for n, element in enumerate(_after(head)):
        if n > _STANDFIRST_REACH:
            break
        if element.tag not in _STANDFIRST_TAGS:
            continue
        text = _text(element)
        words = _tokens(text)
        if not words or len(words) > 3 * max(len(w) for w in wanted):
            continue
        for w in wanted:
            # A description may be cut short ("… looking absolutely stun…"): its words open the text.
            score = _overlap(words, w) if len(words) <= len(w) + 2 else \
                _overlap(words[: len(w)], w) * (1.0 if len(words) <= 2 * len(w) else 0.9)
            if score > best[0] and _visible(element):
                best = (score, text)
    return best[1] if best[0] >= 0.85 else None


def _after(element: _Node) -> Iterator[_Node]:
    """Elements after `element` in document order, its own descendants excluded."""
    node = element
    while node is not None:
        sibling = node.getnext()
        while sibling is not None:
            if isinstance(sibling.tag, str):
                yield sibling
                yield from (d for d in sibling.iterdescendants() if isinstance(d.tag, str))
            sibling = sibling.getnext()
        node = node.getparent()


def _covered(text: str, units: list[Unit]) -> int | None:
    """The unit in which the extractor already returned this text (or most of it), or None."""
    words = _tokens(text)
    for k, unit in enumerate(units):
        got = _tokens(unit.text)
        if not got:
            continue
        if sum((Counter(words) & Counter(got)).values()) >= 0.8 * len(words) and len(got) <= 2 * len(words) + 3:
            return k
        if " ".join(words) in " ".join(got):
            return k
    return None


def _host(url: str) -> str | None:
    """The site part of a URL's host: "fr.euronews.com" and "www.euronews.com" are both "euronews.com"."""
    match = re.match(r"^[a-z][a-z0-9+.-]*://([^/?#:@]+)", url.strip(), re.I)
    if not match:
        return None
    labels = match.group(1).lower().rstrip(".").split(".")
    # "bbc.co.uk", "abc.net.au": a second-level label under a country code is not the site.
    keep = 3 if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL else 2
    return ".".join(labels[-keep:])


_DOCUMENT = compiled.regex(
    r"\.(?:pdf|docx?|odt|xlsx?|ods|pptx?|jpe?g|png|gif|webp|mp3|mp4|m4a|ogg|wav|zip)(?:[?#]|$)", re.I)
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "gov", "ac", "edu", "gob", "gv", "or", "ne"})


def _internal(target: str, site: str | None) -> bool:
    """A link to elsewhere on the page's own site (another article, a section, an anchor); a
    document the site hosts (a PDF, a picture, a recording) is a source, not another page."""
    target = target.strip()
    if _DOCUMENT.search(target):
        return False
    if not target or target.startswith(("#", "/", "?")) and not target.startswith("//"):
        return bool(target)
    if target.startswith("//"):
        target = "https:" + target
    if target.lower().startswith("javascript:"):
        return True  # a script's link (share, mail, print, a teaser's click handler) stays on the page
    if not re.match(r"^https?://", target, re.I):
        return not re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I)  # a relative path; mailto: and tel: are not
    return site is not None and _host(target) == site


def _link_reason(text: str, linked: int, targets: list[str], site: str | None) -> str | None:
    """Why a unit that is (almost) all link text to the page's own site is not the article, or None.

    Related-story lists, "read also" teasers, author and section links and comment counters are
    links to elsewhere on the site; an article's own words are mostly not link text. Links to other
    sites (sources, a press review, documents) are left to the extractor's judgement.
    """
    words = word_count(text)
    if not targets or linked < 0.5 * len(text) or words > (60 if linked >= 0.9 * len(text) else 25):
        return None
    if not all(_internal(t, site) for t in targets):
        return None
    return "teaser" if words >= 4 else "boilerplate"


def _linked(element: _Node) -> bool:
    """A heading that is, or sits in, a link: a card pointing to another page (a teaser)."""
    return any((a.get("href") or "").strip() for a in element.iter("a")) or _linked_card(element)


def _sentence_item(element: _Node) -> bool:
    """A list item that is prose of its own (a key point), not a link to another page."""
    if element.tag != "li" or next(element.iterdescendants("li"), None) is not None or _linked_card(element):
        return False
    text = _text(element)
    linked = sum(len(_text(a)) for a in element.iter("a"))
    return linked < 0.3 * len(text) and is_sentence(text)


def _linked_card(element: _Node) -> bool:
    """An element inside a link (a card whose whole face links to another page)."""
    node = element.getparent()
    for _ in range(4):
        if node is None:
            return False
        if node.tag == "a" and (node.get("href") or "").strip():
            return True
        node = node.getparent()
    return False


def _dropped(blocks: list[tuple[_Node, bool]], lead: bool) -> list[Unit]:
    """What the extractor left out of a stretch of the article: subheadings straight over the text
    that follows, and list items that are prose (key points); before the text, a heading only over
    such a list. A heading over something else that was left out ("More on this" over links) is not
    put back."""
    found: list[Unit | None] = []  # None: a block of other text the extractor rightly left out
    for element, heading in blocks:
        if heading:
            text = _heading_text(element)
            if 0 < word_count(text) <= 20 and not _linked(element) and _visible(element) \
                    and next(element.iterancestors("figure", "figcaption"), None) is None:
                found.append(Unit(text, heading=True, trusted=True))
                continue
        elif _sentence_item(element) and _visible(element):
            found.append(Unit(_text(element), item=True, trusted=True))
            continue
        if _text(element) and element.tag != "figcaption" and next(element.iterancestors("figure"), None) is None:
            found.append(None)
    out: list[Unit] = []
    for k, unit in enumerate(found):
        after = found[k + 1] if k + 1 < len(found) else None
        if unit is not None and (unit.item or (after is not None and after.item) or (k + 1 == len(found) and not lead)):
            out.append(unit)
    return out


def _over_links(following: list[_Node], site: str | None) -> bool:
    """True when the first text after a heading, which the extractor left out, is links to the
    site's other pages: the heading is a "More on this" label over a list of teasers."""
    for element in following:
        text = _text(element)
        if not text or element.tag == "figcaption":
            continue
        links = [a for a in element.iter("a") if (a.get("href") or "").strip()]
        linked = sum(len(_text(a)) for a in links)
        return linked >= 0.5 * len(text) and all(_internal(a.get("href") or "", site) for a in links)
    return False


def _ancestor(element: _Node, level: int) -> _Node | None:
    for _ in range(level):
        element = element.getparent()
        if element is None:
            return None
    return element


def _flow(out: list[Unit], elements: list[_Node | None]) -> tuple[_Node, int, int] | None:
    """The container of the article's own paragraphs (their parent, or one wrapper up), how far up it
    is, and how many paragraphs it holds; None when no container holds three."""
    prose = [e for u, e in zip(out, elements) if e is not None and not (u.heading or u.item or u.quote)]
    for level in (1, 2):
        flow = Counter(a for a in (_ancestor(e, level) for e in prose) if a is not None)
        if flow and flow.most_common(1)[0][1] >= 3:
            main, count = flow.most_common(1)[0]
            return main, level, count
    return None


def _trailing(out: list[Unit], elements: list[_Node | None]) -> list[int]:
    """Units after the article that the extractor ran on into: a page's rail of teasers and ads.

    When the article's paragraphs share a container and everything kept after its last paragraph sits
    outside that container, that tail is another part of the page; it is let go when it reads as a
    rail (short lines, few sentences) rather than as the article continued in a second box.
    """
    found_flow = _flow(out, elements)
    if found_flow is None:
        return []
    main = found_flow[0]
    inside = [k for k, e in enumerate(elements) if e is not None and (e is main or main in e.iterancestors())]
    if not inside:
        return []
    tail = list(range(inside[-1] + 1, len(out)))
    if not tail or not any(elements[k] is not None for k in tail):
        return []
    # A page of several boxes alike (a list of places, each with its description) has no one flow.
    if sum(_prose([out[k]], [None]) for k in inside) < 0.6 * _prose(out[: inside[-1] + 1], [None] * (inside[-1] + 1)):
        return []
    words = [word_count(out[k].text) for k in tail]
    paragraphs = [n for k, n in zip(tail, words) if n >= 30 and not out[k].heading and is_sentence(out[k].text)]
    if len(paragraphs) >= 2 and sum(paragraphs) >= 0.3 * sum(words):
        return []
    return tail


def _boxed(out: list[Unit], elements: list[_Node | None], site: str | None) -> list[int]:
    """Units in a box set into the article: another story's heading and excerpt, with a link to it.

    The article's own paragraphs share one container (as its children, or one wrapper down); a box
    nests its paragraphs deeper in that container, under a heading, beside a link to another page of
    the site, between paragraphs of the article — or at its end, over a list of links to the site's
    other stories (a dossier's "more on this" box).
    """
    found_flow = _flow(out, elements)
    if found_flow is None:
        return []
    main, level, count = found_flow
    boxes: dict[_Node, list[int]] = {}
    inside: list[int] = []  # units of the article's own flow
    for k, (unit, element) in enumerate(zip(out, elements)):
        if element is None or unit.item or unit.quote:
            continue
        if _ancestor(element, level) is main:
            inside.append(k)
            continue
        path = list(element.iterancestors())
        if main in path and path.index(main) > level:
            boxes.setdefault(path[path.index(main) - 1], []).append(k)
    found: list[int] = []
    for box, members in boxes.items():
        # At the article's end, a box needs a list of links to the site's other stories under a short text.
        teasers = sum(_internal(a.get("href") or "", site) and not (a.get("href") or "").startswith("#")
                      for item in box.iter("li") for a in item.iter("a"))
        if len(members) > max(3, 0.3 * count) or not any(out[k].heading for k in members) \
                or all(out[k].heading for k in members) or not any(i < members[0] for i in inside) \
                or not any(i > members[-1] for i in inside) and (teasers < 2 or len(members) > 3):
            continue
        if any(_internal(a.get("href") or "", site) and not (a.get("href") or "").startswith("#")
               for a in box.iter("a")):
            found.extend(members)
    return sorted(found)


def _restore(tree: _Node, head: _Node | None, out: list[Unit], reasons: list[str | None],
             site: str | None) -> tuple[list[Unit], list[str | None]]:
    """Put back what the extractor dropped between the headline and the text, or between two kept paragraphs.

    Extractors drop some parts of an article: a live ticker's "10.31 Uhr: …" headings, a "key points"
    list under the headline. A subheading that sits in the page between two consecutive kept
    paragraphs, and is no link to another page, belongs to the article; so does a list of sentences
    there, or between the headline and the first paragraph.
    """
    blocks = [(element, element.tag in _SUBHEADINGS) for element in tree.iter(*_BLOCKS)]
    opening: dict[int, list[str]] = {}  # each block's first words, read once

    def opens(k: int) -> list[str]:
        if k not in opening:
            opening[k] = _tokens(_text(blocks[k][0])[:200])[:8]
        return opening[k]

    position: list[int | None] = []
    cursor = 0
    for unit in out:
        want = _tokens(unit.text[:200])[:8]
        found = None
        if len(want) >= 3 or unit.heading and want:
            for k in range(cursor, min(len(blocks), cursor + 400)):
                # A short heading matches a heading's whole text only.
                if opens(k)[: len(want)] == want and (len(want) >= 3 or blocks[k][1] and opens(k) == want):
                    found = k
                    break
        position.append(found)
        if found is not None:
            cursor = found + 1
    elements = [None if f is None else blocks[f][0] for f in position]
    for k in _boxed(out, elements, site):
        reasons[k] = reasons[k] or "boxed"
    for k in _trailing(out, elements):
        reasons[k] = reasons[k] or "after the article"
    text_seen = False  # a heading above the text (the headline, a kicker) may sit over links: a breadcrumb, a share bar
    for k, unit in enumerate(out):
        here = position[k]
        if unit.heading and here is not None and reasons[k] is None and text_seen:
            until = next((f for f in position[k + 1 :] if f is not None), None) or len(blocks)
            if _over_links([element for element, _ in blocks[here + 1 : min(until, here + 7)]], site):
                reasons[k] = "teaser"
        text_seen = text_seen or not unit.heading and reasons[k] is None
    top: int | None = None
    if head is not None:
        index = {element: k for k, (element, _) in enumerate(blocks)}
        top = next((index[node] for node in (head, *head.iterancestors()) if node in index), None)
    units: list[Unit] = []
    kept: list[str | None] = []
    for k, unit in enumerate(out):
        here, there = position[k - 1] if k else top, position[k]
        if here is not None and there is not None and here < there and not unit.heading and reasons[k] is None \
                and (k == 0 or reasons[k - 1] is None) and there - here <= (30 if k == 0 else 12):
            restored = _dropped(blocks[here + 1 : there], lead=k == 0)
            units.extend(restored)
            kept.extend([None] * len(restored))
        units.append(unit)
        kept.append(reasons[k])
    return units, kept


_INLINE = frozenset({"span", "b", "strong", "i", "em", "font", "a", "br", "u", "small", "big", "abbr", "cite"})


def _loose_lead(tree: _Node, out: list[Unit], reasons: list[str | None]) -> tuple[list[Unit], list[str | None]]:
    """The article's opening sentence when the page set it as loose text (or inline markup) straight
    before the first paragraph the extractor kept, outside any paragraph of its own: extractors drop
    such text, and it is the lead of the story (a dateline's first sentence, a wire story's summary)."""
    first = next((k for k, (u, r) in enumerate(zip(out, reasons))
                  if r is None and not u.heading and not u.item and not u.quote and is_sentence(u.text)), None)
    if first is None:
        return out, reasons
    want = _tokens(out[first].text[:200])[:8]
    if len(want) < 5:
        return out, reasons
    paragraph = next((p for p in tree.iter("p") if _tokens(_text(p)[:200])[:8] == want), None)
    if paragraph is None:
        return out, reasons
    pieces: list[str] = []
    node = paragraph.getprevious()
    while node is not None and isinstance(node.tag, str) and node.tag in _INLINE:
        pieces.insert(0, node.tail or "")
        if node.tag == "a" or not _visible(node):
            break  # a link is another page's, not the story's opening
        pieces.insert(0, "".join(node.itertext()))
        node = node.getprevious()
    if node is not None and isinstance(node.tag, str):
        pieces.insert(0, node.tail or "")  # the text after the block before it
    else:
        pieces.insert(0, paragraph.getparent().text or "")
    lead = _SPACE.sub(" ", "".join(pieces)).strip()
    if word_count(lead) < 10 or not is_sentence(lead) or _covered(lead, out) is not None:
        return out, reasons
    return out[:first] + [Unit(lead, trusted=True)] + out[first:], reasons[:first] + [None] + reasons[first:]


def _frame(tree: _Node, meta: _Meta, out: list[Unit], reasons: list[str | None], site: str | None,
           captions: list[str], head: tuple[str | None, _Node | None]
           ) -> tuple[list[Unit], list[str | None], str | None, int | None]:
    """The extracted units with the page's headline (`head`, as `_headline` found it) and standfirst in
    front where the extractor left them out, their reasons, the page's title, and which unit is the headline."""
    headline, element = head
    out, reasons = _restore(tree, element, out, list(reasons), site)
    out, reasons = _loose_lead(tree, out, reasons)
    front: list[Unit] = []
    at: int | None = None
    if headline and element is not None:
        kept = [u if r is None else Unit("") for u, r in zip(out, reasons)]
        found = _covered(headline, kept)
        if found is None:
            front.append(Unit(headline, heading=True, trusted=True))
            at = 0
        elif kept[found].heading and not any(u.text and not u.heading and is_sentence(u.text) for u in kept[:found]):
            at = found  # the extractor's heading above the text (past a date line, a kicker) is the headline
        lead = _standfirst(element, meta)
        if lead and _covered(lead, kept) is None and not _in_caption(lead, captions):
            front.append(Unit(lead, trusted=True))
        if at is not None and at == found:
            at += len(front)
    return front + out, [None] * len(front) + reasons, headline or _title_of(meta), at


@dataclass(frozen=True, slots=True)
class HtmlPage:
    """An HTML page read into units, with what its markup already says about them."""

    units: tuple[Unit, ...]
    reasons: tuple[str | None, ...]
    """Per unit: why its markup shows it is not the article (links to the site's other pages), or None."""
    title: str | None
    lang: str | None
    """The language the page's <html lang> declares."""
    headline: int | None = None
    """Which unit is the headline the page's metadata confirms, if one is."""

    def labels(self) -> list[tuple[Label, str | None]]:
        """A label for every unit: the markup's verdicts, the headline, and `chrome` for the rest."""
        keep = [i for i, reason in enumerate(self.reasons) if reason is None and i != self.headline]
        labels: list[tuple[Label, str | None]] = [(Label.SKIP, reason) for reason in self.reasons]
        for i, label in zip(keep, classify([self.units[i] for i in keep])):
            # With the headline known, another headline-shaped line above the text is a subheading.
            labels[i] = (Label.HEADING, None) if self.headline is not None and label[0] is Label.TITLE else label
            if label == (Label.SKIP, "byline") and self.units[i].heading and _TIMED.match(self.units[i].text) \
                    and 0 < i < len(self.units) - 1 and labels[i - 1][0] is Label.BODY:
                # A live ticker's entry heading ("10.31 Uhr: Farbanschlag auf …") is no date line.
                labels[i] = (Label.HEADING, None)
        if self.headline is not None:
            labels[self.headline] = (Label.TITLE, None)
            # Under a known headline, what the extractor kept above the text is the article's opening
            # (a standfirst, a key-points heading), not a search for the headline's place.
            start = next((i for i, label in enumerate(labels) if label[0] is Label.BODY), len(labels))
            for i in range(start - 1, self.headline, -1):
                unit = self.units[i]
                if labels[i] != (Label.SKIP, "outside the article"):
                    continue
                if unit.heading and labels[i + 1][0] is Label.BODY:
                    labels[i] = (Label.HEADING, None)
                elif not unit.heading and is_sentence(unit.text):
                    labels[i] = (Label.BODY, None)
        return labels


def _extract(html: str, recall: bool = False, tables: bool = False) -> _Node | None:
    """Trafilatura's reading of the page as an XML tree, or None when it finds no article; `recall`
    asks for its wider reading, `tables` for the text of tables (a page laid out in table rows)."""
    import trafilatura
    from lxml import etree

    # The page's own metadata is read elsewhere; trafilatura's (dates, authors) is not needed and is
    # the slower half of its work on a big page.
    xml = trafilatura.extract(
        html, output_format="xml", include_formatting=True, include_comments=False, include_tables=tables,
        include_images=False, include_links=True, with_metadata=False, favor_recall=recall,
    )
    if not xml:
        return None
    return etree.fromstring(xml.encode("utf-8"), etree.XMLParser(resolve_entities=False, no_network=True))


def _stamp(unit: Unit) -> bool:
    """A short line that dates the story to the minute (a date line with an agency's or author's
    name), not a sentence or a heading of the article."""
    text = unit.text.strip()
    return not unit.heading and word_count(text) <= 12 and _STAMP.search(text) is not None \
        and not text.endswith((".", "!", "?", ":")) and not is_sentence(text) \
        and not re.match(r"\W*\d{1,2}[:.]\d\d", text)  # a live ticker's entry opens with its time


def _outside_tables(element: _Node) -> str:
    """An element's text without the text of the tables set inside it."""
    pieces: list[str] = [element.text or ""]
    for child in element:
        if child.tag != "table":
            pieces.append(_outside_tables(child))
        pieces.append(child.tail or "")
    return _SPACE.sub(" ", "".join(pieces)).strip()


def _card(element: _Node, site: str | None) -> bool:
    """A paragraph that opens with a link to another of the site's pages, set on a line of its own
    over some text: a teaser's linked headline over its excerpt, not an article's sentence."""
    if (element.text or "").strip() or len(element) < 2:
        return False
    ref, brk = element[0], element[1]
    if ref.tag != "ref" or brk.tag != "lb" or (ref.tail or "").strip() or not _internal(ref.get("target") or "", site):
        return False
    head = _text(ref)
    return 2 <= word_count(head) <= 20 and not head.rstrip().endswith((".", ":"))


_XML_BLOCKS = frozenset({"p", "head", "list", "quote", "table", "div", "graphic"})


def _units(root: _Node, site: str | None) -> tuple[list[Unit], list[str | None]]:
    """The extractor's blocks as units, and per unit why its markup shows it is not the article."""
    from lxml import etree

    out: list[Unit] = []
    reasons: list[str | None] = []
    cards: list[int] = []

    def add(unit: Unit, element: _Node) -> None:
        if not unit.text:
            return
        refs = list(element.iter("ref"))
        linked = sum(len(_text(ref)) for ref in refs)
        out.append(unit)
        reasons.append((_WIDGET.match(unit.text) or _CODE.search(unit.text)) and "boilerplate"
                       or (_CONTACT.match(unit.text) or _stamp(unit)) and "byline"
                       or _link_reason(unit.text, linked, [ref.get("target") or "" for ref in refs], site))

    main = root.find("main")
    if main is not None and (main.text or "").strip():
        add(Unit(_SPACE.sub(" ", main.text).strip(), trusted=True), etree.Element("p"))
    def blocks(parent: _Node) -> Iterator[_Node]:
        # The extractor may wrap a stretch of the article in a <div> (a section of the page): its
        # blocks are read one by one, not as one paragraph; text of its own before them is a block too.
        for element in parent:
            if element.tag == "div" and any(child.tag in _XML_BLOCKS for child in element):
                if (element.text or "").strip():
                    own = etree.Element("p")
                    own.text = element.text
                    yield own
                yield from blocks(element)
                if (element.tail or "").strip():
                    tail = etree.Element("p")
                    tail.text = element.tail
                    yield tail
            else:
                yield element

    for element in blocks(main) if main is not None else []:
        tag = element.tag
        # Text the page set between blocks, outside any (a story written as text and <br>s) follows them.
        loose = _SPACE.sub(" ", element.tail or "").strip()
        if tag == "head":
            text = _text(element)
            # A "heading" of two sentences is a standfirst set in a heading's type.
            add(Unit(text, heading=not _STANDFIRST_SHAPE.search(text) or word_count(text) < 16, trusted=True), element)
        elif tag == "quote":
            for p in element.findall(".//p") or [element]:
                add(Unit(_text(p), quote=True, trusted=True), p)
        elif tag == "list":
            for item in element.iter("item"):
                add(Unit(_text(item), item=True, trusted=True), item)
        elif tag == "table":
            for row in element.iter("row"):
                # A table set in a cell (a layout table's nested rows) is read as its own rows, once.
                cells = [cell for cell in row.iter("cell") if next(cell.iterancestors("row")) is row]
                add(Unit(" ".join(filter(None, (_outside_tables(cell) for cell in cells))), trusted=True), row)
        else:
            if _card(element, site):
                cards.append(len(out))
            add(Unit(_text(element), trusted=True), element)
        if loose:
            add(Unit(loose, trusted=True), etree.Element("p"))
    # Two or more such cards are a list of teasers; one alone may be the article's own paragraph.
    for k in cards if len(cards) >= 2 else ():
        reasons[k] = reasons[k] or "teaser"
    return out, reasons


def read(html: str) -> HtmlPage:
    """The page's units, their markup's verdicts, its title and declared language."""
    lang_match = _LANG.search(html[:5000])
    lang = lang_match.group(1).lower()[:2] if lang_match else None
    if html.count("<") > 200_000 or html[:100_000].count("<div") > _MAX_DEPTH_HINT * 5:
        log.info("page too large or deep for extraction; reading its visible text")
        return _plain(_fallback(html), lang)
    import lxml.html
    from lxml import etree

    tree: _Node | None = None
    try:
        tree = lxml.html.document_fromstring(html.encode("utf-8", "replace"),
                                             parser=lxml.html.HTMLParser(encoding="utf-8", no_network=True))
        root = _extract(html)
    except (ValueError, RecursionError, etree.LxmlError) as exc:
        log.info("trafilatura failed (%s); reading the page's visible text", exc)
        root = None
    if root is None or tree is None:
        return _plain(_fallback(html), lang, None if tree is None else _title_of(_page_meta(tree)))
    meta = _page_meta(tree)
    site = _host(meta.url or "") or _common_host(root)
    out, reasons = _units(root, site)
    found = _headline(tree, meta)
    text, at = _page_text(tree, found[1])
    prose = _prose(out, reasons)
    if at >= 0 and _prose_after(out, reasons, text, at) < 0.5 * prose and len(html) <= _RETRY_LIMIT:
        # The article follows its headline; most of this reading does not. On a page laid out in tables
        # the extractor's first choice can be a rail, a footer or the whole page in one block; its wider
        # reading, or its reading of the page's table rows, is taken instead when that one follows the
        # headline.
        best = _prose_after(out, reasons, text, at)
        for options in ({"recall": True}, {"tables": True}):
            try:
                other_root = _extract(html, **options)
            except (ValueError, RecursionError, etree.LxmlError):
                continue
            if other_root is None:
                continue
            other_site = _host(meta.url or "") or _common_host(other_root)
            other, other_reasons = _units(other_root, other_site)
            score = _prose_after(other, other_reasons, text, at)
            if score >= max(2 * best, 100):
                out, reasons, best, site = other, other_reasons, score, other_site
    paragraphs = sum(r is None and not u.heading and is_sentence(u.text) for u, r in zip(out, reasons))
    if at >= 0 and found[1] is not None and paragraphs <= 3 and len(html) <= _RETRY_LIMIT:
        # The extractor can read another part of the page (a footer, the site's address, in a block or
        # three) instead of a story set as text and <br>s in a table cell: when little of its reading
        # is in the text that follows the headline in the headline's own container, and that text is
        # mostly prose that starts straight under the headline, that text is the article. A reading
        # of several paragraphs is left to the extractor: the headline's container may then be a box
        # of its own, with the story in another.
        lines = _following(found[1])
        prose_lines = _prose(lines, [None] * len(lines))
        opening = next((k for k, unit in enumerate(lines) if is_sentence(unit.text) and word_count(unit.text) >= 10), 99)
        if prose_lines >= max(80, 0.3 * _prose(out, reasons)) and _share(out, reasons, lines) < 0.2 \
                and opening <= 3 and prose_lines >= 0.7 * sum(word_count(unit.text) for unit in lines):
            out, reasons = lines, [None] * len(lines)
    for k in _before(out, reasons, text, at, found[0]):
        reasons[k] = reasons[k] or "before the headline"
    captions = _captions(tree)
    reasons = [r or ("credit" if not u.quote and _in_caption(u.text, captions) else None) for u, r in zip(out, reasons)]
    units, reasons, title, head_at = _frame(tree, meta, out, reasons, site, captions, found)
    return HtmlPage(tuple(units), tuple(reasons), title, lang, head_at)


_LINE_TAGS = frozenset({"br", "p", "div", "td", "th", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table",
                        "blockquote", "ul", "ol", "section", "article", "dd", "dt", "pre", "hr", "center"})


def _following(head: _Node) -> list[Unit]:
    """The visible text after the headline inside the nearest container that holds some prose after
    it, one unit per line (block elements and line breaks end a line): a page that sets its story as
    text and <br>s in a table cell, beside the site's rails."""
    from lxml import etree

    for box in head.iterancestors():
        lines: list[str] = [""]
        after = False
        hidden: list[_Node] = []
        for event, element in etree.iterwalk(box, events=("start", "end")):
            if not isinstance(element.tag, str):
                if event == "end" and after and not hidden and element.tail:
                    lines[-1] += element.tail
                continue
            if event == "start":
                if not hidden and (element.tag in _SKIP_TAGS or element.get("hidden") is not None
                                   or _INVISIBLE.search(element.get("style") or "")):
                    hidden.append(element)
                if element.tag in _LINE_TAGS:
                    lines.append("")
                if after and not hidden and element.text:
                    lines[-1] += element.text
                continue
            if hidden and hidden[-1] is element:
                hidden.pop()
            if element is head:
                after = True
            if element.tag in _LINE_TAGS:
                lines.append("")
            if after and not hidden and element.tail:
                lines[-1] += element.tail
        units = [Unit(line) for line in (_SPACE.sub(" ", raw).strip() for raw in lines) if line]
        if _prose(units, [None] * len(units)) >= 80 or box.tag == "body":
            return units
    return []


def _page_text(tree: _Node, head: _Node | None) -> tuple[str, int]:
    """The page's visible text with its spaces collapsed, and where the headline starts in it (-1: none)."""
    from lxml import etree

    body = tree.find("body")
    if body is None or head is None:
        return "", -1
    pieces: list[str] = []
    at = -1
    for event, element in etree.iterwalk(body, events=("start", "end")):
        if not isinstance(element.tag, str):
            if event == "end" and element.tail:
                pieces.append(element.tail)
            continue
        if event == "start":
            if element is head:
                at = len(_SPACE.sub(" ", "".join(pieces)))
            if element.text and element.tag not in _SKIP_TAGS:
                pieces.append(element.text)
        elif element.tail:
            pieces.append(element.tail)
    return _SPACE.sub(" ", "".join(pieces)), at


def _before(units: list[Unit], reasons: list[str | None], text: str, at: int, headline: str | None) -> list[int]:
    """The units the extractor kept from above the headline (a bulletin bar, a date line, a menu):
    the article starts at its headline. Kept when they would be a large part of the reading, as when
    the headline found is not the article's."""
    if at < 0 or not headline:
        return []
    found: list[int] = []
    head = _tokens(headline)
    for k, unit in enumerate(units):
        where = text.find(unit.text[:40])
        if where < 0 or where + len(unit.text) > at or _overlap(_tokens(unit.text), head) >= 0.8:
            break
        found.append(k)
    if not found or _prose([units[k] for k in found], [reasons[k] for k in found]) > 0.3 * _prose(units, reasons):
        return []
    return found


def _prose_after(units: list[Unit], reasons: list[str | None], text: str, at: int) -> int:
    """How many words of prose units the page shows after position `at` of its text."""
    if at < 0:
        return 0
    return sum(word_count(u.text) for u, r in zip(units, reasons)
               if r is None and not u.heading and is_sentence(u.text) and text.find(u.text[:40], at) >= 0)


def _share(units: list[Unit], reasons: list[str | None], others: list[Unit]) -> float:
    """How much of the prose in `units` the units `others` also hold, by pairs of consecutive words
    (single words would count every "the" and "of" two different texts share)."""
    def pairs(text: str) -> list[tuple[str, str]]:
        words = _tokens(text)
        return list(pairwise(words))

    mine = Counter(p for u, r in zip(units, reasons) if r is None and not u.heading and is_sentence(u.text)
                   for p in pairs(u.text))
    if not mine:
        return 1.0
    theirs = Counter(p for u in others for p in pairs(u.text))
    return sum((mine & theirs).values()) / sum(mine.values())


def _prose(units: list[Unit], reasons: list[str | None]) -> int:
    """How many words of running prose (sentences no markup verdict rules out) the units hold."""
    return sum(word_count(u.text) for u, r in zip(units, reasons) if r is None and not u.heading and is_sentence(u.text))


def _captions(tree: _Node) -> list[str]:
    """The words of the page's figure captions (a photo's description and credit), one string each."""
    found = []
    for element in tree.iter("figcaption", "figure"):
        if element.tag == "figure" and next(element.iter("blockquote"), None) is not None:
            continue  # a pull quote set as a figure
        words = _tokens(_text(element))
        if words:
            found.append(" ".join(words))
    return found


def _in_caption(text: str, captions: list[str]) -> bool:
    """A unit the extractor kept that is a figure's caption: a photo's description is not the article."""
    words = _tokens(text)
    return len(words) >= 3 and any(" ".join(words) in caption for caption in captions)


def _plain(units: list[Unit], lang: str | None, title: str | None = None) -> HtmlPage:
    return HtmlPage(tuple(units), (None,) * len(units), title, lang)


def _common_host(root: _Node) -> str | None:
    """The site most links point to: a page links to its own site more than to any other."""
    hosts = Counter(_host(ref.get("target") or "") for ref in root.iter("ref"))
    hosts.pop(None, None)
    return hosts.most_common(1)[0][0] if hosts else None

