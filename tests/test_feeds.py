"""Podcasts from feeds: RSS 2.0 and Atom items (with and without full content) become episodes."""

from __future__ import annotations

import shutil
from pathlib import Path

import feedparser
import pytest

from reader import feeds, podcast
from reader.engines import Registry
from reader.errors import ReaderError

from .conftest import ROOT, probe

DATA = ROOT / "tests" / "data" / "feeds"


@pytest.fixture
def site_source(tmp_path: Path) -> Path:
    """A copy of the feeds and the pages they link to, with a manifest to point at one of them."""
    folder = tmp_path / "show"
    shutil.copytree(DATA, folder)
    return folder


def _manifest(folder: Path, feed: str, limit: int | None) -> Path:
    path = folder / "show.toml"
    path.write_text(f"""
[show]
title = "Harbour Town, read aloud"
author = "Reader Team"
description = "The gazette's stories as audio."
base_url = "https://example.org/gazette/"
email = "team@example.org"
feed = "{feed}"
""" + (f"limit = {limit}\n" if limit else ""))
    return path


def test_rss_and_atom_items() -> None:
    rss = feeds.read_feed("rss.xml", DATA)
    assert [item.guid for item in rss] == ["gazette-2025-04-02-lighthouse", "gazette-2025-03-28-bakery",
                                           "gazette-2025-03-20-garden", "gazette-2025-03-11-ferry"]
    lighthouse, bakery = rss[0], rss[1]
    assert lighthouse.content and "<h2>What comes next</h2>" in lighthouse.content
    assert lighthouse.summary == "The last keeper hands over the keys."
    assert lighthouse.published and lighthouse.published.isoformat() == "2025-04-02T07:30:00+00:00"
    assert bakery.content is None and bakery.link == str(DATA / "pages" / "bakery.html")
    assert [item.guid for item in feeds.read_feed("rss.xml", DATA, limit=2)] == [i.guid for i in rss[:2]]

    atom = feeds.read_feed("atom.xml", DATA)
    assert [(i.title, bool(i.content), i.link) for i in atom] == [
        ("Mountain railway reopens after repairs", True, "https://valley.example.org/2025/05/railway"),
        ("Old quarry becomes a swimming lake", False, str(DATA / "pages" / "quarry.html"))]


def test_feed_errors_name_the_feed(tmp_path: Path) -> None:
    (tmp_path / "empty.xml").write_text("<html><body>Not a feed</body></html>")
    with pytest.raises(ReaderError, match="feed empty.xml: no items"):
        feeds.read_feed("empty.xml", tmp_path)
    with pytest.raises(ReaderError, match="missing.xml: cannot read"):
        feeds.read_feed("missing.xml", tmp_path)
    bad = _manifest(tmp_path, "empty.xml", None)
    bad.write_text(bad.read_text() + "limit = 0\n")
    with pytest.raises(ReaderError, match="limit must be 1 or more"):
        podcast.load_manifest(bad)


def _entries(site: Path) -> list[feedparser.FeedParserDict]:
    parsed = feedparser.parse(str(site / "feed.xml"))
    assert not parsed.bozo, parsed.get("bozo_exception")
    for entry in parsed.entries:
        audio = site / entry.enclosures[0].href.removeprefix("https://example.org/gazette/")
        assert int(entry.enclosures[0].length) == audio.stat().st_size
    return list(parsed.entries)


@pytest.mark.slow
def test_rss_podcast_respects_limit_rebuilds_incrementally_and_drops_old_episodes(site_source: Path,
                                                                                     tmp_path: Path) -> None:
    engines = Registry.from_entry_points()
    site = tmp_path / "site"
    manifest = podcast.load_manifest(_manifest(site_source, "rss.xml", 3))
    _, results = podcast.build(manifest, site, engines, cache=None, jobs=2)
    assert [(r.guid, r.status) for r in results] == [("gazette-2025-04-02-lighthouse", "built"),
                                                     ("gazette-2025-03-28-bakery", "built"),
                                                     ("gazette-2025-03-20-garden", "built")]
    entries = _entries(site)
    assert [e.id for e in entries] == [r.guid for r in results]
    assert entries[0].title == "Lighthouse keeper retires after thirty years"
    assert entries[0].published.startswith("Wed, 02 Apr 2025")
    lighthouse = next(r for r in results if r.guid.endswith("lighthouse"))
    timeline = (lighthouse.audio.with_suffix(".vtt")).read_text()
    assert "Morag Ellis climbed the lighthouse stairs" in timeline  # from the item's content:encoded
    bakery = next(r for r in results if r.guid.endswith("bakery"))
    vtt = bakery.audio.with_suffix(".vtt").read_text()
    assert "sourdough loaf beat forty other entries" in vtt and "Home" not in vtt  # the linked page, chrome dropped
    assert probe(bakery.audio).duration == pytest.approx(bakery.duration, abs=0.15)

    _, again = podcast.build(podcast.load_manifest(_manifest(site_source, "rss.xml", 3)), site, engines,
                             cache=None, jobs=2)
    assert [r.status for r in again] == ["unchanged"] * 3

    garden = next(r for r in results if r.guid.endswith("garden"))
    _, fewer = podcast.build(podcast.load_manifest(_manifest(site_source, "rss.xml", 2)), site, engines,
                             cache=None, jobs=2)
    assert [r.status for r in fewer] == ["unchanged"] * 2
    assert [e.id for e in _entries(site)] == [r.guid for r in results[:2]]
    assert not garden.audio.exists() and not garden.audio.with_suffix(".vtt").exists()
    assert len(list((site / ".reader-feed").glob("*.html"))) == 1  # only the lighthouse item's content is kept

    # An item with only a link, offline: its own clear error; the rest of the show is still there.
    _, offline = podcast.build(podcast.load_manifest(_manifest(site_source, "rss.xml", 4)), site, engines,
                               cache=None, jobs=2)
    failed = [r for r in offline if r.status == "failed"]
    assert [r.guid for r in failed] == ["gazette-2025-03-11-ferry"]
    assert "gazette.invalid" in (failed[0].error or "") and "network" in (failed[0].error or "")
    assert {r.guid: r.status for r in offline if r.status != "failed"} == {
        "gazette-2025-04-02-lighthouse": "unchanged", "gazette-2025-03-28-bakery": "unchanged",
        "gazette-2025-03-20-garden": "built"}
    assert len(_entries(site)) == 3


@pytest.mark.slow
def test_atom_podcast_from_the_command_line(site_source: Path, tmp_path: Path) -> None:
    import json
    import subprocess
    import sys

    manifest = _manifest(site_source, "atom.xml", None)
    site = tmp_path / "site"
    done = subprocess.run([sys.executable, "-m", "reader", "podcast", str(manifest), "-o", str(site), "--json"],
                          capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert [(e["title"], e["status"]) for e in result["episodes"]] == [
        ("Mountain railway reopens after repairs", "built"), ("Old quarry becomes a swimming lake", "built")]
    entries = _entries(site)
    assert [e.id for e in entries] == ["tag:valley.example.org,2025:railway", "tag:valley.example.org,2025:quarry"]
    names = sorted(p.name for p in (site / "episodes").glob("*.mp3"))
    assert len(names) == 2 and all("tag" not in name for name in names)  # URL-like guids do not name files
    quarry = next(p for p in (site / "episodes").glob("old-quarry-becomes-a-swimming-lake-*.json")
                  if not p.name.endswith((".chapters.json", ".transcript.json")))
    assert any("Lifeguards will watch the water" in run["text"] for run in json.loads(quarry.read_text())["runs"])
