"""Podcast builds with real Piper: a feed podcast clients accept, incremental and parallel rebuilds."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import feedparser
import pytest

from reader import podcast
from reader.errors import ReaderError

ARTICLES = {
    "one.txt": "The ferry will run all winter.\n\nNew timetable\n\nThe last boat leaves at midnight. Tickets stay "
               "the same price for everyone.\n",
    "two.txt": "The glacier station sent its last report. The team will build a new one higher up.\n",
    "three.md": "# Market news\n\nThe night market will stay open. \"We are not leaving,\" said Gideon Mbeki.\n",
}


@pytest.fixture
def show(tmp_path: Path) -> Path:
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text)
    manifest = tmp_path / "show.toml"
    manifest.write_text("""
[show]
title = "Test Show"
author = "Reader Team"
description = "Articles read aloud."
language = "en"
base_url = "https://example.org/show"
category = "News"
explicit = false
email = "team@example.org"

[[episodes]]
input = "one.txt"
title = "Ferry"
date = 2025-03-14
description = "About the ferry."

[[episodes]]
input = "two.txt"
date = 2024-02-02
guid = "glacier-1"

[[episodes]]
input = "three.md"
date = 2025-10-09
""")
    return manifest


def _build(manifest: Path, out: Path) -> dict:  # type: ignore[type-arg]
    done = subprocess.run([sys.executable, "-m", "reader", "podcast", str(manifest), "-o", str(out), "--json",
                           "--jobs", "2"], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def test_feed_is_accepted_and_rebuilds_are_incremental(show: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    first = _build(show, site)
    assert [e["status"] for e in first["episodes"]] == ["built"] * 3
    feed = feedparser.parse(str(site / "feed.xml"))
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.feed.title == "Test Show" and feed.feed.language == "en"
    assert len(feed.entries) == 3
    for entry in feed.entries:
        enclosure = entry.enclosures[0]
        path = site / enclosure.href.removeprefix("https://example.org/show/")
        assert int(enclosure.length) == path.stat().st_size
        assert enclosure.type == "audio/mpeg"
        assert entry.itunes_duration.count(":") == 2
        assert entry.podcast_transcript["url"].startswith("https://example.org/show/episodes/")
        assert entry.podcast_chapters["type"] == "application/json+chapters"
        chapters = json.loads((site / entry.podcast_chapters["url"].removeprefix("https://example.org/show/"))
                              .read_text())
        assert chapters["version"] and chapters["chapters"][0]["startTime"] == 0
    assert [e.title for e in feed.entries][0] == "Market news"  # newest first
    xml = (site / "feed.xml").read_text()
    assert "<itunes:explicit>false</itunes:explicit>" in xml and '<itunes:category text="News"/>' in xml

    again = _build(show, site)
    assert [e["status"] for e in again["episodes"]] == ["unchanged"] * 3

    one = show.parent / "one.txt"
    one.write_text(one.read_text().replace("Tickets stay the same price", "Tickets keep the same price"))
    edited = _build(show, site)
    status = {e["title"]: (e["status"], e["synthesized"]) for e in edited["episodes"]}
    assert status["Ferry"] == ("built", 1)
    assert [e["status"] for e in edited["episodes"]][1:] == ["unchanged", "unchanged"]
    guids = [e.id for e in feedparser.parse(str(site / "feed.xml")).entries]
    assert guids == [e.id for e in feed.entries], "guids stay stable across rebuilds"


def test_output_names_never_leave_the_folder(tmp_path: Path) -> None:
    assert podcast.slug("../../etc/passwd") == "etc-passwd"
    assert podcast.slug("-rf") == "rf"
    assert podcast.slug("") == "episode"
    assert "/" not in podcast.slug("a/b\\c") and not podcast.slug("....").startswith(".")


@pytest.mark.parametrize(
    ("manifest", "message"),
    [
        ('[show]\ntitle="t"\nauthor="a"\ndescription="d"\nbase_url="ftp://x"\n[[episodes]]\ninput="a.txt"\n',
         "base_url must start with http"),
        ('[show]\ntitle="t"\nauthor="a"\ndescription="d"\nbase_url="https://x"\n', "no \\[\\[episodes\\]\\]"),
        ('[show]\ntitle="t"\nauthor="a"\ndescription="d"\nbase_url="https://x"\nhost="h"\n[[episodes]]\ninput="a"\n',
         "unknown key 'host'"),
        ('[show]\ntitle="t"\nauthor="a"\ndescription="d"\nbase_url="https://x"\n[[episodes]]\ninput="a"\n'
         'date="13/03/2025"\n', "date must look like"),
    ],
)
def test_manifest_errors_name_file_and_key(tmp_path: Path, manifest: str, message: str) -> None:
    path = tmp_path / "show.toml"
    path.write_text(manifest)
    with pytest.raises(ReaderError, match=message):
        podcast.load_manifest(path)
