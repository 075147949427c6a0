"""Properties of segmentation: nothing lost, nothing duplicated, bounded on hostile input."""

from __future__ import annotations

import re
import resource
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader import segment
from reader.errors import ArticleError
from reader.model import Article, InputFormat

WORD = re.compile(r"[^\W_]+")

TOKENS = st.sampled_from(
    ["the", "council", "said", "Anna", "Berg", "he", "asked", "Moscow", "Реклама", "мост", "Advertisement",
     "Share", "Menu", "Read", "also:", "Photo:", "©", "2025", "13.5%", "$3", "—", "–", "-", ",", ".", "?", "!",
     ":", '"', "“", "”", "«", "»", "„", "(", ")", "[", "]", "By", "Updated", "cookies", "Comments", "according",
     "to", "noted:", "believes.", "广告", "新闻。"]
)
LINE = st.lists(TOKENS, min_size=1, max_size=30).map(" ".join)
PAGE = st.lists(st.tuples(LINE, st.sampled_from(["\n", "\n\n", "\n\n\n"])), min_size=1, max_size=25).map(
    lambda parts: "".join(line + sep for line, sep in parts)
)


def _words(text: str) -> Counter[str]:
    return Counter(WORD.findall(text))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(PAGE, st.sampled_from([InputFormat.TEXT, InputFormat.TEXT, InputFormat.MARKDOWN]))
def test_every_word_lands_in_exactly_one_run_or_skipped_entry(page: str, fmt: InputFormat) -> None:
    if fmt is InputFormat.MARKDOWN:
        # Markdown syntax characters are markup, not words; keep the page free of them for this property.
        page = re.sub(r"[#>*_`\[\]()!]", " ", page)
    try:
        doc = segment.split(Article(text=page, format=fmt))
    except ArticleError:
        return
    out = " ".join(run.text for block in doc.blocks for run in block.runs)
    out += " " + " ".join(item.text for item in doc.skipped)
    assert _words(out) == _words(page)


def test_reading_order_is_kept(shared_fixture: Path) -> None:
    doc = segment.split(Article(text=shared_fixture.read_text(encoding="utf-8")))
    spoken = WORD.findall(" ".join(b.text for b in doc.blocks))
    page = WORD.findall(shared_fixture.read_text(encoding="utf-8"))
    it = iter(page)
    assert all(word in it for word in spoken), "spoken words must be a subsequence of the page"


def _hostile_inputs(tmp: Path) -> dict[str, Path]:
    body = "The council met on Tuesday and voted to keep the ferry running all winter long. "
    cases = {
        "sentence-20k.txt": (body * 300)[:20000].replace(".", ",") + ".",
        "nested-10k.html": "<html><body>" + "<div>" * 10000 + f"<p>{body}</p>" + "</div>" * 10000 + "</body></html>",
        "repeated-line.txt": "The same line is repeated again and again.\n" * 40000,
        "quotes-only.txt": '"' * 20000 + " “" * 5000 + "«" * 5000 + "\n\n" + body,
        "one-megabyte.txt": (body + "\n\n") * 12000,
        "entities.html": '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;">]><html><body><p>' + body + "&c;&c;&c;</p></body></html>",
    }
    paths = {}
    for name, text in cases.items():
        path = tmp / name
        path.write_text(text, encoding="utf-8")
        paths[name] = path
    return paths


@pytest.mark.parametrize(
    "name", ["sentence-20k.txt", "nested-10k.html", "repeated-line.txt", "quotes-only.txt", "one-megabyte.txt",
             "entities.html"]
)
def test_hostile_input_finishes_with_bounded_memory(tmp_path: Path, name: str) -> None:
    path = _hostile_inputs(tmp_path)[name]
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    # The timeout is a hang guard, not a speed target (speed lives in bench/).
    done = subprocess.run([sys.executable, "-m", "reader", "segments", str(path), "--json"],
                          capture_output=True, text=True, timeout=120)
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    assert done.returncode in (0, 1), done.stderr
    assert "Traceback" not in done.stderr
    if done.returncode == 1:
        assert len(done.stderr.strip().splitlines()) == 1
    if before < peak_mb * 1024:  # this child set a new peak, so the figure is its own
        assert peak_mb < 600, f"{name}: {peak_mb:.0f} MB"
