"""Feed input for podcasts: the items of an RSS or Atom feed become episodes.

Each item gives an episode its title, date, guid and link. Its text is the item's full content when
the feed carries it (RSS `content:encoded`, Atom `<content>`), kept as a small HTML page in the site's
work folder; otherwise the episode reads the page the item links to (an http(s) URL, fetched when it
is built, or a local file for a feed on disk). Parsing is feedparser's, the parser podcast apps and
feed readers have relied on for two decades.
"""

from __future__ import annotations

import calendar
import hashlib
import html
import re
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlparse

from .errors import ReaderError

if TYPE_CHECKING:
    from .podcast import Manifest, ManifestEpisode

__all__ = ["FeedItem", "expand", "read_feed"]

_URL = re.compile(r"https?://", re.I)
_FOLDER = ".reader-feed"
"""Where item content lives beside the site's state file."""


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One feed entry, as an episode needs it."""

    guid: str
    title: str
    published: datetime | None
    link: str | None
    """An http(s) URL, or a local path for a feed read from disk."""
    summary: str | None
    """The item's short description as plain text."""
    content: str | None
    """The item's full content (HTML), when the feed carries it."""


def _fetch(url: str) -> bytes:
    import urllib.error
    import urllib.request

    request = urllib.request.Request(url, headers={"User-Agent": "article-reader"})
    try:
        with urllib.request.urlopen(request, timeout=20) as response:  # noqa: S310 - http(s) only
            data: bytes = response.read(32 * 2**20)
    except (urllib.error.URLError, OSError, ValueError) as exc:
        raise ReaderError(f"feed {url}: cannot fetch ({getattr(exc, 'reason', exc)}); this needs network access, "
                          f"or save the feed and give its path") from exc
    return data


def _plain(markup: str) -> str:
    """Text of an HTML fragment, on one line."""
    text = re.sub(r"<[^>]+>", " ", markup)
    return " ".join(html.unescape(text).split())


def _when(entry: Any) -> datetime | None:
    for key in ("published_parsed", "updated_parsed"):
        parsed = entry.get(key)
        if parsed:
            return datetime.fromtimestamp(calendar.timegm(parsed), UTC)
    return None


def _local_link(link: str, folder: Path | None) -> str:
    """A file: URI, or a relative link in a feed on disk, as a path; anything else as it is."""
    parsed = urlparse(link)
    if parsed.scheme == "file":
        return unquote(parsed.path)
    if not parsed.scheme and folder is not None:
        return str((folder / unquote(parsed.path)).resolve())
    return link


def read_feed(source: str, base: Path, limit: int | None = None) -> list[FeedItem]:
    """The newest `limit` items of the feed at `source` (an http(s) URL, or a path relative to `base`).

    Items are ordered newest first when every item has a date, else as the feed lists them.

    Raises:
        ReaderError: the feed cannot be fetched or read, is not a feed, or has no items.
    """
    import feedparser

    folder: Path | None = None
    headers: dict[str, str] = {}
    if _URL.match(source):
        data = _fetch(source)
        headers["content-location"] = source  # relative links resolve against the feed's own address
    else:
        path = (base / source).resolve()
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ReaderError(f"feed {path}: cannot read: {exc.strerror}; check [show] feed") from exc
        folder = path.parent  # relative links are files beside the feed (feedparser mangles file: bases)
    parsed = feedparser.parse(data, response_headers=headers)
    if not parsed.entries:
        why = f" ({' '.join(str(parsed.get('bozo_exception', '')).split())})" if parsed.get("bozo") else ""
        raise ReaderError(f"feed {source}: no items{why}; give an RSS 2.0 or Atom feed")
    items = []
    for number, entry in enumerate(parsed.entries, 1):
        link = entry.get("link")
        title = _plain(entry.get("title", "")) or f"Item {number}"
        guid = str(entry.get("id") or link or hashlib.sha256(f"{source}|{title}".encode()).hexdigest()[:24])
        content = None
        for part in entry.get("content", []):
            value = part.get("value", "")
            if value.strip():
                content = value if "html" in part.get("type", "text/html") else f"<p>{html.escape(value)}</p>"
                break
        summary = _plain(entry.get("summary", "")) or None
        items.append(FeedItem(guid=guid, title=title, published=_when(entry),
                              link=_local_link(link, folder) if link else None, summary=summary, content=content))
    if all(item.published for item in items):
        items.sort(key=lambda item: item.published or datetime.min.replace(tzinfo=UTC), reverse=True)
    return items[:limit] if limit else items


def _page(item: FeedItem) -> str:
    """The item's content as a page the HTML extractor reads like any other article."""
    title = html.escape(item.title)
    return (f"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{title}</title></head>\n"
            f"<body><article><h1>{title}</h1>\n{item.content}\n</article></body></html>\n")


def _write_if_changed(path: Path, text: str) -> None:
    from .files import atomic_path

    try:
        if path.read_text(encoding="utf-8") == text:
            return  # unchanged bytes keep the episode's fingerprint, and its build, as they were
    except OSError:
        pass
    with atomic_path(path) as tmp:
        tmp.write_text(text, encoding="utf-8")


def expand(manifest: Manifest, out: Path) -> Manifest:
    """`manifest` with its feed's items appended as episodes (after its own [[episodes]]).

    Items with full content are written as pages into `out/.reader-feed/`; pages of items no longer in
    the feed (beyond `limit`, or gone from it) are removed there.

    Raises:
        ReaderError: the feed cannot be read, or an item's guid repeats an episode's.
    """
    from .podcast import ManifestEpisode

    show = manifest.show
    if not show.feed:
        return manifest
    items = read_feed(show.feed, manifest.path.parent, show.limit)
    folder = out / _FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    taken = {episode.guid for episode in manifest.episodes}
    episodes: list[ManifestEpisode] = list(manifest.episodes)
    pages: set[str] = set()
    for item in items:
        if item.guid in taken:
            raise ReaderError(f"{manifest.path}: feed item {item.guid!r} repeats the guid of another episode")
        taken.add(item.guid)
        if item.content:
            page = folder / f"{hashlib.sha256(item.guid.encode()).hexdigest()[:20]}.html"
            _write_if_changed(page, _page(item))
            pages.add(page.name)
            source = str(page)
        elif item.link:
            source = item.link
        else:
            source = ""  # fails when built, with a message naming the item
        when: date | None = item.published.date() if item.published else None
        episodes.append(ManifestEpisode(input=source or f"feed item {item.guid} has neither content nor a link",
                                title=item.title, date=when, description=item.summary, cast=None, guid=item.guid))
    for stale in folder.glob("*.html"):
        if stale.name not in pages:
            stale.unlink(missing_ok=True)
    return replace(manifest, episodes=tuple(episodes))
