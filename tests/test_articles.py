"""Input decoding and format sniffing."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader import articles
from reader.errors import ArticleError
from reader.model import InputFormat

TEXT = "Привет, мир. Это статья о погоде в Москве, и она написана по-русски."


@pytest.mark.parametrize(
    "encoded",
    [
        TEXT.encode("utf-8"),
        b"\xef\xbb\xbf" + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),
        TEXT.encode("cp1251"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-bom", "cp1251"],
)
def test_decodes_common_encodings(encoded: bytes) -> None:
    assert articles.decode(encoded, "x") == TEXT


def test_latin1() -> None:
    text = "Le café de la gare ferme à minuit, a déclaré le maire de la ville."
    assert articles.decode(text.encode("latin-1"), "x") == text


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + bytes(range(256)) * 4, b"\0" * 100])
def test_binary_is_refused(data: bytes) -> None:
    with pytest.raises(ArticleError, match="binary|image"):
        articles.decode(data, "x.bin")


def test_control_characters_are_dropped() -> None:
    body = b"A sentence of ordinary text. " * 20
    assert articles.decode(body + b"a\x07b\x1bc\r\nd", "x") == body.decode() + "abc\nd"


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_text("  \n\n ")
    with pytest.raises(ArticleError, match="empty"):
        articles.load(str(path))


@pytest.mark.parametrize(
    ("name", "text", "fmt"),
    [
        ("a.html", "hello", InputFormat.HTML),
        ("a.txt", "<!DOCTYPE html><html><body>x</body></html>", InputFormat.HTML),
        ("a.md", "# Title", InputFormat.MARKDOWN),
        ("a.txt", "Plain words.", InputFormat.TEXT),
    ],
)
def test_sniff_format(name: str, text: str, fmt: InputFormat) -> None:
    assert articles.sniff_format(name, text) is fmt
