"""Podcast builds: a TOML manifest of articles becomes episodes plus an RSS feed podcast apps accept.

Builds are incremental (an episode whose input and settings are unchanged is not rebuilt; an edited one
re-renders only the clips whose text changed, through the clip cache) and parallel across episodes.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import re
import tomllib
import unicodedata
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time
from email.utils import format_datetime
from importlib.metadata import version as dist_version
from pathlib import Path
from typing import Any
from urllib.parse import quote, urljoin

from . import pipeline
from .cache import ClipCache
from .casting import load_cast_file
from .engines import Registry
from .errors import ReaderError
from .files import atomic_path
from .model import Timeline
from .options import ExportOptions

__all__ = ["EpisodeResult", "Manifest", "ManifestEpisode", "Show", "build", "feed_warnings", "load_manifest", "slug"]

log = logging.getLogger(__name__)

_SHOW_KEYS = {"title", "author", "description", "language", "base_url", "cover", "category", "subcategory",
              "explicit", "email", "link", "feed", "limit"}
_EPISODE_KEYS = {"input", "title", "date", "description", "cast", "guid", "explicit"}
_STATE = ".reader-build.json"


@dataclass(frozen=True, slots=True)
class Show:
    """The [show] table of a manifest."""

    title: str
    author: str
    description: str
    language: str
    base_url: str
    cover: Path | None = None
    category: str = "News"
    subcategory: str | None = None
    explicit: bool = False
    email: str | None = None
    link: str | None = None
    feed: str | None = None
    """An RSS or Atom feed (URL, or path relative to the manifest) whose items become episodes."""
    limit: int | None = None
    """Only the feed's newest `limit` items."""


@dataclass(frozen=True, slots=True)
class ManifestEpisode:
    """One [[episodes]] entry of a manifest."""

    input: str
    title: str | None
    date: date | None
    description: str | None
    cast: Path | None
    guid: str
    explicit: bool | None = None


@dataclass(frozen=True, slots=True)
class Manifest:
    """A whole manifest, with paths resolved against its folder."""

    path: Path
    show: Show
    episodes: tuple[ManifestEpisode, ...]


@dataclass
class EpisodeResult:
    """What building one episode did."""

    guid: str
    title: str
    status: str
    """'built', 'unchanged' or 'failed'."""
    audio: Path
    duration: float
    bytes: int
    synthesized: int = 0
    cached: int = 0
    warnings: list[str] = field(default_factory=list)
    pub_date: str = ""
    fingerprint: str = ""
    """The export key the episode was built with; a rebuild is skipped while it stays the same."""
    error: str | None = None
    """Why the episode failed (status 'failed'); the others are still built."""


def slug(text: str, limit: int = 60) -> str:
    """A file-name-safe ASCII slug: never a path, never empty, never starting with '-' or '.'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    cleaned = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:limit].strip("-")
    return cleaned or "episode"


def _need(table: Mapping[str, Any], key: str, where: str, kind: type = str) -> Any:
    if key not in table:
        raise ReaderError(f"{where}: missing key {key!r}")
    value = table[key]
    if not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:
        raise ReaderError(f"{where}: key {key!r} must be {kind.__name__}")
    return value


def _check_keys(table: Mapping[str, Any], allowed: set[str], where: str) -> None:
    unknown = sorted(set(table) - allowed)
    if unknown:
        raise ReaderError(f"{where}: unknown key {unknown[0]!r}; known: {', '.join(sorted(allowed))}")


def load_manifest(path: Path) -> Manifest:
    """Read and validate a podcast manifest.

    Raises:
        ReaderError: unreadable TOML, a missing or unknown key, a bad date or base_url; names file and key.
    """
    try:
        raw: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ReaderError(f"{path}: no such manifest") from None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ReaderError(f"{path}: cannot read manifest: {exc}") from exc
    _check_keys(raw, {"show", "episodes"}, str(path))
    table = raw.get("show")
    if not isinstance(table, dict):
        raise ReaderError(f"{path}: missing [show] table")
    where = f"{path} [show]"
    _check_keys(table, _SHOW_KEYS, where)
    base_url = _need(table, "base_url", where)
    if not re.match(r"https?://", base_url):
        raise ReaderError(f"{where}: base_url must start with http:// or https://")
    folder = path.parent
    cover = folder / table["cover"] if "cover" in table else None
    if cover is not None and not cover.is_file():
        raise ReaderError(f"{where}: cover {cover} does not exist")
    show = Show(
        title=_need(table, "title", where), author=_need(table, "author", where),
        description=_need(table, "description", where), language=table.get("language", "en"),
        base_url=base_url if base_url.endswith("/") else base_url + "/", cover=cover,
        category=table.get("category", "News"), subcategory=table.get("subcategory"),
        explicit=bool(table.get("explicit", False)), email=table.get("email"), link=table.get("link"),
        feed=_need(table, "feed", where) if "feed" in table else None,
        limit=_need(table, "limit", where, int) if "limit" in table else None,
    )
    if show.limit is not None and show.limit < 1:
        raise ReaderError(f"{where}: limit must be 1 or more")
    entries = raw.get("episodes", [])
    if not isinstance(entries, list) or not (entries or show.feed):
        raise ReaderError(f"{path}: no [[episodes]] and no [show] feed")
    episodes = []
    seen: set[str] = set()
    for i, entry in enumerate(entries, 1):
        where = f"{path} episode {i}"
        if not isinstance(entry, dict):
            raise ReaderError(f"{where}: must be a table")
        _check_keys(entry, _EPISODE_KEYS, where)
        source = _need(entry, "input", where)
        is_url = bool(re.match(r"https?://", source))
        resolved = source if is_url else str((folder / source))
        when = entry.get("date")
        if isinstance(when, datetime):
            when = when.date()
        if when is not None and not isinstance(when, date):
            try:
                when = date.fromisoformat(str(when))
            except ValueError:
                raise ReaderError(f"{where}: date must look like 2025-03-13") from None
        cast = folder / entry["cast"] if "cast" in entry else None
        guid = str(entry.get("guid") or hashlib.sha256(f"{show.base_url}|{source}".encode()).hexdigest()[:24])
        if guid in seen:
            raise ReaderError(f"{where}: guid {guid!r} is used twice")
        seen.add(guid)
        episodes.append(ManifestEpisode(input=resolved, title=entry.get("title"), date=when,
                                description=entry.get("description"), cast=cast, guid=guid,
                                explicit=entry.get("explicit")))
    return Manifest(path=path, show=show, episodes=tuple(episodes))


def _file_name(episode: ManifestEpisode) -> str:
    """The episode's file stem: its title, then its guid (whole when the manifest gave one), both slugged."""
    derived = re.fullmatch(r"[0-9a-f]{24}", episode.guid) is not None
    if re.search(r"[:/]", episode.guid):  # a URL or tag: URI (feeds) says nothing a file name needs
        digest = hashlib.sha256(episode.guid.encode()).hexdigest()[:10]
        return f"{slug(episode.title or Path(episode.input).stem)}-{digest}"
    ident = episode.guid[:8] if derived else slug(episode.guid, limit=80)
    if not derived and ident != episode.guid:  # slugging merged characters: keep distinct guids distinct
        ident += "-" + hashlib.sha256(episode.guid.encode()).hexdigest()[:6]
    return f"{slug(episode.title or Path(episode.input).stem)}-{ident}"


def _chapters_json(timeline: Timeline) -> dict[str, Any]:
    """Podcasting 2.0 JSON chapters."""
    return {"version": "1.2.0",
            "chapters": [{"startTime": c.start, "endTime": c.end, "title": c.title} for c in timeline.chapters]}


def _transcript_json(timeline: Timeline) -> dict[str, Any]:
    """The Podcasting 2.0 JSON transcript: one segment per sentence, with its speaker when known."""
    segments = []
    for cue in timeline.cues:
        segment: dict[str, Any] = {"startTime": cue.start, "endTime": cue.end, "body": cue.text}
        if cue.speaker:
            segment = {"speaker": cue.speaker, **segment}
        segments.append(segment)
    return {"version": "1.0.0", "segments": segments}


def _write_json(path: Path, data: Any) -> None:
    with atomic_path(path) as tmp:
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def feed_warnings(manifest: Manifest) -> list[str]:
    """What podcast directories will complain about in this show."""
    warnings = []
    if manifest.show.cover is None:
        warnings.append("[show] has no cover: Apple Podcasts requires artwork (1400–3000 px square)")
    if manifest.show.email is None:
        warnings.append("[show] has no email: directories use it to confirm ownership")
    return warnings


def build(
    manifest: Manifest,
    out: Path,
    engines: Registry,
    options: ExportOptions = ExportOptions(),
    *,
    cache: ClipCache | None = None,
    jobs: int = 1,
    on_episode: Callable[[EpisodeResult], None] | None = None,
    exporter: Callable[..., pipeline.ExportResult] | None = None,
) -> tuple[Path, list[EpisodeResult]]:
    """Build every episode (skipping unchanged ones) and write `out/feed.xml`; return the feed and results.

    `options` applies to every episode; each episode adds its own title, cast file, tags and the
    show's cover. An episode that fails is returned with status 'failed' and its error, and left out of the feed; the
    others are still built. Episodes no longer in the manifest (or beyond a feed's `limit`) leave the
    feed and their files are removed. `exporter` replaces `pipeline.export_article` (e.g. to render on
    a cluster).

    Raises:
        ReaderError: a manifest or feed problem.
    """
    from . import feeds

    (out / "episodes").mkdir(parents=True, exist_ok=True)
    manifest = feeds.expand(manifest, out)
    export_article = exporter or pipeline.export_article
    state_path = out / _STATE
    try:
        state: dict[str, Any] = json.loads(state_path.read_text()) if state_path.is_file() else {}
    except (OSError, json.JSONDecodeError):
        state = {}

    def one(episode: ManifestEpisode) -> EpisodeResult:
        audio = out / "episodes" / f"{_file_name(episode)}.mp3"
        previous = state.get(episode.guid, {})
        files = [audio, audio.with_suffix(".vtt"), audio.with_suffix(".json"), audio.with_suffix(".chapters.json"),
                 audio.with_suffix(".transcript.json")]
        assignments = load_cast_file(episode.cast) if episode.cast else {}
        chosen = options.replace(
            casting=dataclasses.replace(options.casting, assignments={**options.casting.assignments, **assignments}),
            title=episode.title, transcripts=("vtt", "json"), cover=manifest.show.cover,
            tags={"album": manifest.show.title, "artist": manifest.show.author, "date": str(episode.date or "")},
        )
        try:
            # The export cache's own key: it changes exactly when the episode's bytes would.
            fingerprint = pipeline.export_fingerprint(episode.input, audio, engines, chosen)
            if previous.get("fingerprint") == fingerprint and all(f.is_file() for f in files) \
                    and audio.stat().st_size == previous.get("bytes"):
                return EpisodeResult(guid=episode.guid, title=previous["title"], status="unchanged", audio=audio,
                                     duration=previous["duration"], bytes=previous["bytes"],
                                     pub_date=previous["pub_date"], fingerprint=fingerprint)
            result = export_article(episode.input, audio, engines, chosen, cache=cache)
        except ReaderError as exc:
            raise exc.within(f"episode {episode.guid} ({episode.input})")
        _write_json(audio.with_suffix(".chapters.json"), _chapters_json(result.timeline))
        _write_json(audio.with_suffix(".transcript.json"), _transcript_json(result.timeline))
        when = datetime.combine(episode.date, time(6, 0), tzinfo=UTC) if episode.date \
            else datetime.fromisoformat(previous["first_built"]) if previous.get("first_built") \
            else datetime.now(UTC).replace(microsecond=0)
        return EpisodeResult(guid=episode.guid, title=episode.title or result.timeline.title, status="built",
                             audio=audio, duration=result.duration, bytes=audio.stat().st_size,
                             synthesized=result.synthesized, cached=result.cached, warnings=result.warnings,
                             pub_date=when.isoformat(), fingerprint=fingerprint)

    def attempt(episode: ManifestEpisode) -> EpisodeResult:
        try:
            return one(episode)
        except ReaderError as exc:
            return EpisodeResult(guid=episode.guid, title=episode.title or Path(episode.input).stem, status="failed",
                                 audio=Path(), duration=0.0, bytes=0, error=" ".join(str(exc).split()))

    results: list[EpisodeResult] = []
    with ThreadPoolExecutor(max_workers=max(1, jobs), thread_name_prefix="episode") as pool:
        for result in pool.map(attempt, manifest.episodes):
            results.append(result)
            if on_episode:
                on_episode(result)
    for episode, result in zip(manifest.episodes, results):
        if result.status == "failed":
            continue
        entry = {"fingerprint": result.fingerprint, "title": result.title, "duration": result.duration,
                 "bytes": result.bytes, "pub_date": result.pub_date, "audio": result.audio.name,
                 "first_built": state.get(episode.guid, {}).get("first_built") or result.pub_date}
        state[episode.guid] = entry
    for guid in set(state) - {episode.guid for episode in manifest.episodes}:
        gone = state.pop(guid)  # dropped from the manifest or the feed: its files leave the site too
        if isinstance(gone, dict) and gone.get("audio") and "/" not in gone["audio"]:
            audio = out / "episodes" / gone["audio"]
            for path in (audio, audio.with_suffix(".vtt"), audio.with_suffix(".json"),
                         audio.with_suffix(".chapters.json")):
                path.unlink(missing_ok=True)
    _write_json(state_path, state)
    feed = out / "feed.xml"
    built = [(episode, result) for episode, result in zip(manifest.episodes, results) if result.status != "failed"]
    _write_feed(replace(manifest, episodes=tuple(e for e, _ in built)), [r for _, r in built], feed, out)
    return feed, results


def _duration(seconds: float) -> str:
    total = round(seconds)
    return f"{total // 3600:02d}:{total // 60 % 60:02d}:{total % 60:02d}"


def _write_feed(manifest: Manifest, results: list[EpisodeResult], feed: Path, out: Path) -> None:
    """RSS 2.0 with the iTunes tags Apple requires and Podcasting 2.0 transcripts and chapters."""
    import shutil

    from lxml import etree

    show = manifest.show
    itunes = "http://www.itunes.com/dtds/podcast-1.0.dtd"
    pod = "https://podcastindex.org/namespace/1.0"
    atom = "http://www.w3.org/2005/Atom"
    nsmap = {"itunes": itunes, "podcast": pod, "atom": atom}

    def url(path: Path) -> str:
        return urljoin(show.base_url, quote(path.relative_to(out).as_posix()))

    def sub(parent: Any, tag: str, body: str | None = None, **attrs: str) -> Any:
        ns, _, local = tag.rpartition(":")
        element = etree.SubElement(parent, f"{{{nsmap[ns]}}}{local}" if ns else local, **attrs)
        if body is not None:
            element.text = body
        return element

    rss = etree.Element("rss", version="2.0", nsmap=nsmap)
    channel = sub(rss, "channel")
    sub(channel, "title", show.title)
    sub(channel, "link", show.link or show.base_url)
    sub(channel, "description", show.description)
    sub(channel, "language", show.language)
    sub(channel, "generator", f"article-reader {dist_version('article-reader')}")
    sub(channel, "lastBuildDate", format_datetime(datetime.now(UTC)))
    sub(channel, "atom:link", href=urljoin(show.base_url, "feed.xml"), rel="self", type="application/rss+xml")
    sub(channel, "itunes:author", show.author)
    sub(channel, "itunes:summary", show.description)
    owner = sub(channel, "itunes:owner")
    sub(owner, "itunes:name", show.author)
    if show.email:
        sub(owner, "itunes:email", show.email)
    if show.cover:
        cover = out / f"cover{show.cover.suffix.lower()}"
        shutil.copyfile(show.cover, cover)
        sub(channel, "itunes:image", href=url(cover))
        image = sub(channel, "image")
        sub(image, "url", url(cover))
        sub(image, "title", show.title)
        sub(image, "link", show.link or show.base_url)
    category = sub(channel, "itunes:category", **{"text": show.category})
    if show.subcategory:
        sub(category, "itunes:category", **{"text": show.subcategory})
    sub(channel, "itunes:explicit", "true" if show.explicit else "false")
    sub(channel, "itunes:type", "episodic")
    ordered = sorted(zip(manifest.episodes, results), key=lambda pair: pair[1].pub_date, reverse=True)
    for episode, result in ordered:
        item = sub(channel, "item")
        sub(item, "title", result.title)
        sub(item, "description", episode.description or result.title)
        sub(item, "guid", episode.guid, isPermaLink="false")
        sub(item, "pubDate", format_datetime(datetime.fromisoformat(result.pub_date)))
        sub(item, "enclosure", url=url(result.audio), length=str(result.audio.stat().st_size), type="audio/mpeg")
        sub(item, "itunes:title", result.title)
        sub(item, "itunes:duration", _duration(result.duration))
        explicit = show.explicit if episode.explicit is None else episode.explicit
        sub(item, "itunes:explicit", "true" if explicit else "false")
        sub(item, "itunes:episodeType", "full")
        sub(item, "podcast:transcript", url=url(result.audio.with_suffix(".vtt")), type="text/vtt")
        sub(item, "podcast:transcript", url=url(result.audio.with_suffix(".transcript.json")),
            type="application/json")
        sub(item, "podcast:chapters", url=url(result.audio.with_suffix(".chapters.json")),
            type="application/json+chapters")
    with atomic_path(feed) as tmp:
        tmp.write_bytes(etree.tostring(rss, xml_declaration=True, encoding="UTF-8", pretty_print=True))
