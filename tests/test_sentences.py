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
