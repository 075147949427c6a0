"""Segmentation: golden readings of every sample and the fixture, the gold score, and table tests."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from reader import articles, segment
from reader.errors import ArticleError
from reader.model import Article, BlockKind, InputFormat, Role

from .conftest import ROOT, SAMPLES, SHARED

GOLDEN = ROOT / "tests" / "golden"
INPUTS = sorted(p for p in SAMPLES.iterdir() if p.suffix in (".txt", ".md", ".html"))


def _document_json(path: Path) -> dict[str, object]:
    data = segment.to_json(segment.split(articles.load(str(path))))
    data["source"] = path.name
    roundtrip: dict[str, object] = json.loads(json.dumps(data, ensure_ascii=False))
    return roundtrip


def _check_golden(golden: Path, got: dict[str, object], update_golden: bool) -> None:
    """Compare with the pinned reading; only --update-golden writes one (a missing file fails)."""
    if update_golden:
        golden.write_text(json.dumps(got, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    assert golden.exists(), f"{golden.name} is missing: pin it on purpose with pytest --update-golden"
    assert got == json.loads(golden.read_text(encoding="utf-8")), f"re-pin with pytest --update-golden: {golden.name}"


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_golden_samples(path: Path, update_golden: bool) -> None:
    _check_golden(GOLDEN / f"{path.name}.json", _document_json(path), update_golden)


def test_golden_fixture(shared_fixture: Path, update_golden: bool) -> None:
    _check_golden(GOLDEN / "izvestia-witkoff.txt.json", _document_json(shared_fixture), update_golden)


def test_fixture_scores_against_its_gold_reading(shared_fixture: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    out.write_text(json.dumps(_document_json(shared_fixture), ensure_ascii=False), encoding="utf-8")
    scorer = SHARED / "tools" / "score_gold.py"
    gold = SHARED / "fixtures" / "izvestia-witkoff.gold.json"
    line = subprocess.run([sys.executable, str(scorer), str(out), str(gold)], capture_output=True, text=True,
                          check=True).stdout.strip().splitlines()[-1]
    score = dict(re.findall(r"(\w+)=([\d./]+)", line))
    assert float(score["body_f1"]) >= 0.995, line

    def frac(key: str) -> tuple[int, int]:
        got, total = score[key].split("/")
        return int(got), int(total)

    assert frac("headings") == (2, 2), line
    assert frac("blocks")[0] >= 17, line
    assert frac("quotes")[0] >= 9, line
    assert frac("speakers")[0] >= 8, line
    assert int(score["false_quotes"]) <= 1, line
    assert int(score["chrome_spoken"]) == 0, line


def _runs(text: str, fmt: InputFormat = InputFormat.TEXT) -> list[tuple[str, str, str | None]]:
    doc = segment.split(Article(text=text, format=fmt))
    return [(r.role.value, r.text, r.speaker) for b in doc.blocks for r in b.runs]


BODY = "This is an ordinary paragraph of the article that sets the scene for what follows here."


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ('Anna Berg said: "We will build it."',
         [("narration", "Anna Berg said", None), ("quote", "We will build it.", "Anna Berg")]),
        ('"We will build it," said Anna Berg.',
         [("quote", "We will build it", "Anna Berg"), ("narration", "said Anna Berg.", None)]),
        ("Officials called it a «temporary» measure that would end soon.",
         [("narration", "Officials called it a «temporary» measure that would end soon.", None)]),
        ("According to Anna Berg, „the bridge will open in May, not June.“",
         [("narration", "According to Anna Berg,", None),
          ("quote", "the bridge will open in May, not June.", "Anna Berg")]),
        ("— Мы построим мост к маю, — сказал Иван Петров. — Денег хватит.",
         [("quote", "Мы построим мост к маю", "Иван Петров"), ("narration", "сказал Иван Петров.", None),
          ("quote", "Денег хватит.", "Иван Петров")]),
    ],
)
def test_quotations_and_speakers(paragraph: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert _runs(f"{BODY}\n\n{paragraph}\n\n{BODY}")[1:-1] == expected


def test_pronoun_and_title_resolve_to_named_people() -> None:
    text = (
        f"{BODY}\n\nThe talks were held with Mayor Lena Sorensen and Councillor Dev Patel present at the table.\n\n"
        'The mayor spoke first: "We have the money for this bridge."\n\n'
        '"Where will it come from?" he asked, looking at the budget papers on the table.'
    )
    runs = _runs(text)
    quotes = [(t, s) for role, t, s in runs if role == "quote"]
    # "he" is the man at the table, not the woman who spoke last.
    assert quotes == [("We have the money for this bridge.", "Lena Sorensen"),
                      ("Where will it come from?", "Dev Patel")]


def test_unknown_speaker_stays_null() -> None:
    runs = _runs(f'{BODY}\n\n"Nothing will change here for a very long time."\n\n{BODY}')
    assert ("quote", "Nothing will change here for a very long time.", None) in runs


def test_russian_paragraph_is_marked_russian() -> None:
    doc = segment.split(Article(text=f"{BODY}\n\nЭто абзац на русском языке, и его читает другой голос.\n\n{BODY}"))
    assert [b.runs[0].lang for b in doc.blocks] == ["en", "ru", "en"]
    assert doc.language == "en"


@pytest.mark.parametrize(
    "chrome",
    [
        "Advertisement", "Реклама", "Publicité", "Anzeige", "Publicidad", "Publicidade", "Reklama", "广告",
        "Читайте также: Мост откроют в мае", "Lire aussi : Le pont ouvrira en mai", "Lesen Sie auch: Die Brücke",
        "Leia também: A ponte", "Čtěte také: Most", "Photo: Reuters", "Фото: ТАСС", "© 2025 Daily News",
        "Share this article", "By Jane Doe", "Updated 14 March 2025, 18:40",
        "We use cookies to improve your experience. By continuing you accept our policy.",
    ],
)
def test_chrome_lines_are_skipped(chrome: str) -> None:
    doc = segment.split(Article(text=f"{chrome}\n\n{BODY}\n\n{chrome}\n\n{BODY}\n\n{chrome}"))
    spoken = " ".join(b.text for b in doc.blocks)
    assert chrome not in spoken
    assert spoken.count("ordinary paragraph") == 2


def test_nothing_after_a_comments_marker_is_read() -> None:
    doc = segment.split(Article(text=f"{BODY}\n\n{BODY}\n\nComments (12)\n\nJo: I disagree with every word of this, frankly.\n"))
    assert "disagree" not in " ".join(b.text for b in doc.blocks)
    assert any("disagree" in s.text for s in doc.skipped)


def test_headings_between_paragraphs() -> None:
    doc = segment.split(Article(text=f"{BODY}\n\nWhat happens next\n\n{BODY}"))
    assert [b.kind for b in doc.blocks] == [BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.PARAGRAPH]


def test_markdown_structure() -> None:
    text = f"# The title\n\n{BODY}\n\n## A section\n\n> A quoted passage that stands alone as a block.\n\n- first item,\n- second item\n"
    doc = segment.split(Article(text=text, format=InputFormat.MARKDOWN))
    assert doc.title == "The title"
    kinds = [(b.kind, b.runs[0].role) for b in doc.blocks]
    assert kinds[:4] == [(BlockKind.HEADING, Role.NARRATION), (BlockKind.PARAGRAPH, Role.NARRATION),
                         (BlockKind.HEADING, Role.NARRATION), (BlockKind.PARAGRAPH, Role.QUOTE)]
    assert "second item" in " ".join(b.text for b in doc.blocks)


def test_html_keeps_headings_and_blockquotes() -> None:
    doc = segment.split(articles.load(str(SAMPLES / "night-market.html")))
    assert doc.title == "The night market that would not close"
    headings = [b.text for b in doc.blocks if b.kind is BlockKind.HEADING]
    assert headings[1:] == ["A landlord with other plans", "Voices from the stalls"]
    spoken = " ".join(b.text for b in doc.blocks)
    for chrome in ("Skip to main content", "Advertisement", "Most read", "cookies", "tracking", "Photo:"):
        assert chrome not in spoken


def test_only_chrome_is_an_error() -> None:
    with pytest.raises(ArticleError, match="no article text"):
        segment.split(Article(text="Menu\nSearch\nAdvertisement\nSign in\n"))


def test_title_override() -> None:
    doc = segment.split(articles.load(str(SAMPLES / "harbour-ferry.txt"), title="My title"))
    assert doc.title == "My title"
