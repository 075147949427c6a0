"""Sentence splitting for synthesis: table tests plus bounds on hostile input."""

from __future__ import annotations

import pytest

from reader import sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One. Two.", ["One.", "Two."]),
        ("Dr. Smith left at 5 p.m. on Monday! Why?", ["Dr. Smith left at 5 p.m. on Monday!", "Why?"]),
        ('He said "Go." Then he left.', ['He said "Go."', "Then he left."]),
        ("J. R. Tolkien wrote it.", ["J. R. Tolkien wrote it."]),
        ("It costs 1.5 million. Really.", ["It costs 1.5 million.", "Really."]),
        ("Он пришёл. Она ушла.", ["Он пришёл.", "Она ушла."]),
        ("no end punctuation", ["no end punctuation"]),
        ("", []),
    ],
)
def test_split(text: str, expected: list[str]) -> None:
    assert sentences.split(text) == expected


def test_long_unpunctuated_text_is_cut_under_the_limit_without_losing_words() -> None:
    text = " ".join(f"word{i}" for i in range(3000))
    pieces = sentences.split(text)
    assert all(len(p) <= sentences.MAX_CHARS for p in pieces)
    assert " ".join(pieces).split() == text.split()


def test_one_enormous_token_is_still_cut() -> None:
    pieces = sentences.split("x" * 20000)
    assert "".join(pieces) == "x" * 20000
    assert max(map(len, pieces)) <= sentences.MAX_CHARS


def test_cjk_sentence_ends_split_without_spaces() -> None:
    assert sentences.split("今天下雨了。他回家了！你呢？") == ["今天下雨了。", "他回家了！", "你呢？"]


def test_a_long_sentence_under_the_limit_stays_whole() -> None:
    text = ("On Monday the delegation, which had travelled overnight from the capital, met the regional governor, "
            "the mayor and two deputy ministers to discuss the reconstruction of the bridge that the spring "
            "floods had destroyed.")
    assert 200 < len(text) < sentences.MAX_CHARS
    assert sentences.split(text) == [text]


def test_an_overlong_sentence_is_cut_at_its_strongest_boundary() -> None:
    first = ("The committee reviewed the budget, the staffing plan, the audit of last year's accounts, "
             "the proposals for new offices in three regions and the long list of complaints from tenants")
    second = ("its chair, who had asked for the meeting, said that the work would take months, and that "
              "nobody should expect a decision before the end of the year, whatever the newspapers wrote")
    pieces = sentences.split(f"{first}; {second}.", limit=300)
    assert pieces == [f"{first};", f"{second}."]


def test_a_comma_before_a_conjunction_beats_a_plain_comma() -> None:
    clause = "the trucks waited at the border crossing for hours in the cold rain without any food or water"
    text = f"{clause}, {clause}, and {clause}, {clause}, {clause}, {clause}."
    pieces = sentences.split(text, limit=300)
    assert any(p.startswith("and ") for p in pieces)
    assert all(len(p) <= 300 for p in pieces)


def test_cuts_never_leave_a_short_fragment() -> None:
    words = ", ".join(f"item number {i} of the inventory" for i in range(40))
    pieces = sentences.split(words + ".")
    assert all(len(p) <= sentences.MAX_CHARS for p in pieces)
    assert min(map(len, pieces)) >= sentences.MIN_PIECE
    assert " ".join(pieces).split() == (words + ".").split()
