"""Input: read a file, stdin or URL, detect its encoding and layout, and return an Article.

No segmentation here: this stage only turns bytes into trustworthy text.
"""

from __future__ import annotations

import codecs
import logging
import re
import sys
import unicodedata
from pathlib import Path

from .errors import ArticleError
from .model import Article, InputFormat

__all__ = ["MAX_BYTES", "decode", "load", "read_file", "sniff_format"]

log = logging.getLogger(__name__)

MAX_BYTES = 32 * 1024 * 1024
"""Largest input accepted; a 100,000-word book is well under 1 MB of text."""

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# C0 and C1 controls other than tab and newlines, which no article means to contain.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u2028\u2029\ufeff]")
_MD_HEADING = re.compile(r"^#{1,6}[ \t]+\S", re.M)
_MD_SETEXT = re.compile(r"^\S[^\n]*\n(?:=+|-{3,})[ \t]*$", re.M)
_MD_MARKS = re.compile(r"^>[ \t]|^```|\[[^\]\n]+\]\([^)\s]+\)|\*\*[^*\n]+\*\*|^[-*+][ \t]+\S", re.M)
_HTML_SNIFF = re.compile(r"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|article|div|p)\b", re.I | re.S)


_TEXT_ADVICE = "save it as text (.txt), Markdown or HTML and give that file"
# Formats that are not articles we can read, by their first bytes; each with what to do instead.
_SIGNATURES: tuple[tuple[bytes, int, str], ...] = (
    (b"%PDF-", 0, "a PDF document; extract its text first (e.g. `pdftotext -layout FILE out.txt`) or "
                  "copy the article from a browser into a .txt file"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 0, f"an old Microsoft Office document; {_TEXT_ADVICE}"),
    (b"{\\rtf", 0, f"an RTF document; {_TEXT_ADVICE}"),
    (b"\x89PNG\r\n\x1a\n", 0, "a PNG image, not an article; give the article's text"),
    (b"\xff\xd8\xff", 0, "a JPEG image, not an article; give the article's text"),
    (b"GIF8", 0, "a GIF image, not an article; give the article's text"),
    (b"WEBP", 8, "a WebP image, not an article; give the article's text"),
    (b"II*\x00", 0, "a TIFF image, not an article; give the article's text"),
    (b"MM\x00*", 0, "a TIFF image, not an article; give the article's text"),
    (b"WAVE", 8, "a WAV audio file, not an article; give the article's text"),
    (b"ID3", 0, "an MP3 audio file, not an article; give the article's text"),
    (b"fLaC", 0, "a FLAC audio file, not an article; give the article's text"),
    (b"OggS", 0, "an Ogg audio file, not an article; give the article's text"),
    (b"ftyp", 4, "an MP4/M4A/M4B file, not an article; give the article's text"),
    (b"\x1f\x8b", 0, "a gzip archive; unpack it and give the article inside"),
)


def _refuse_by_signature(data: bytes, name: str) -> None:
    """Documents, archives, images and audio are named for what they are, with what to do instead.

    Raises:
        ArticleError: the bytes start like a format that is not an article text.
    """
    for magic, offset, what in _SIGNATURES:
        if data[offset : offset + len(magic)] == magic and (offset != 8 or data[:4] == b"RIFF"):
            raise ArticleError(f"{name}: is {what}")
    if data.startswith(b"PK\x03\x04"):
        head = data[:65536]
        if b"mimetypeapplication/epub+zip" in head:
            what = "an EPUB e-book; convert it to text first (e.g. with Calibre's ebook-convert FILE out.txt)"
        elif b"word/" in head:
            what = f"a Word (DOCX) document; {_TEXT_ADVICE}"
        elif b"mimetypeapplication/vnd.oasis.opendocument" in head:
            what = f"an OpenDocument file; {_TEXT_ADVICE}"
        else:
            what = "a ZIP archive; unpack it and give the article inside"
        raise ArticleError(f"{name}: is {what}")


def _looks_binary(data: bytes) -> bool:
    """Mostly control bytes or NULs: a program, an image, an archive. A stray NUL or escape code in an
    otherwise readable article is not enough (those are dropped after decoding)."""
    sample = data[:65536]
    if not sample:
        return False
    nuls = sample.count(0)
    controls = sum(1 for byte in sample if byte < 9 or 13 < byte < 32)
    return nuls > len(sample) * 0.01 or controls > len(sample) * 0.05


def _wide_unicode(data: bytes) -> str | None:
    """UTF-16 or UTF-32 text without a byte-order mark (many NULs, in a regular pattern)."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[:65536]).best()
    if best is not None and best.encoding and best.encoding.startswith(("utf_16", "utf_32")):
        try:
            return data.decode(best.encoding)
        except UnicodeDecodeError:
            return None
    return None


def decode(data: bytes, name: str) -> str:
    """Bytes to text: BOM first, then strict UTF-8, then charset detection; never a blind guess.

    Raises:
        ArticleError: the bytes are binary, or no encoding explains them.
    """
    _refuse_by_signature(data, name)
    text: str | None = None
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise ArticleError(f"{name}: starts with a {encoding} mark but is not valid {encoding}") from exc
            break
    if text is None and _looks_binary(data):
        text = _wide_unicode(data)
        if text is None:
            raise ArticleError(f"{name}: looks like a binary file, not text; give a .txt, .md or .html article")
    if text is None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        if text is None:
            from charset_normalizer import from_bytes

            best = from_bytes(data).best()
            if best is None or best.encoding is None:
                raise ArticleError(f"{name}: cannot tell its text encoding; save it as UTF-8") from None
            log.info("%s: decoded as %s", name, best.encoding)
            text = str(best)
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return _CONTROLS.sub("", text)


def sniff_format(name: str, text: str) -> InputFormat:
    """HTML, Markdown or plain text, by extension first, then by content."""
    suffix = Path(name).suffix.lower()
    if suffix in (".html", ".htm", ".xhtml"):
        return InputFormat.HTML
    if suffix in (".md", ".markdown"):
        return InputFormat.MARKDOWN
    if _HTML_SNIFF.match(text[:4096]):
        return InputFormat.HTML
    if _looks_markdown(text[:65536]):
        return InputFormat.MARKDOWN
    return InputFormat.TEXT


def _looks_markdown(text: str) -> bool:
    """Markdown by content (for standard input and odd extensions): a '#' headline first, or several
    headings, or headings with other marks (quotes, links, bold, lists). A copied web page rarely has any."""
    headings = len(_MD_HEADING.findall(text)) + len(_MD_SETEXT.findall(text))
    first = text.lstrip().split("\n", 1)[0]
    marks = len(_MD_MARKS.findall(text))
    return bool(_MD_HEADING.match(first)) or headings >= 2 or (headings >= 1 and marks >= 2)


def _read_url(url: str) -> tuple[bytes, str]:
    import urllib.error
    import urllib.request

    request = urllib.request.Request(url, headers={"User-Agent": "article-reader"})
    try:
        with urllib.request.urlopen(request, timeout=20) as response:  # noqa: S310 - http(s) only
            data: bytes = response.read(MAX_BYTES + 1)
            ctype = response.headers.get("Content-Type", "")
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        raise ArticleError(
            f"{url}: cannot fetch ({reason}); this needs network access, or save the page and pass the file"
        ) from exc
    return data, ("page.html" if "html" in ctype else url)


def read_file(path: Path) -> bytes:
    """The bytes of an article file, at most one byte past MAX_BYTES (so callers can tell it is too large).

    Raises:
        ArticleError: missing, a folder, or unreadable.
    """
    if path.is_dir():
        raise ArticleError(f"{path}: is a folder; give an article file")
    try:
        with open(path, "rb") as fh:
            return fh.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise ArticleError(f"{path}: no such file; check the path") from None
    except OSError as exc:
        raise ArticleError(f"{path}: cannot read: {exc.strerror}") from exc


def load(source: str, title: str | None = None, fmt: InputFormat | None = None) -> Article:
    """Read an article from a path, '-' (stdin) or an http(s) URL.

    Raises:
        ArticleError: missing, unreadable, too large, binary, undecodable or empty input.
    """
    name = "stdin" if source == "-" else source
    if re.match(r"https?://", source, re.I):
        data, sniff_name = _read_url(source)
    else:
        sniff_name = name
        try:
            if source == "-":
                data = sys.stdin.buffer.read(MAX_BYTES + 1)
            else:
                data = read_file(Path(source))
        except OSError as exc:
            raise ArticleError(f"{source}: cannot read: {exc.strerror}") from exc
    if len(data) > MAX_BYTES:
        raise ArticleError(f"{name}: larger than {MAX_BYTES // 2**20} MB; split it into smaller articles")
    text = decode(data, name)
    if not text.strip():
        raise ArticleError(f"{name}: is empty; there is nothing to read")
    return Article(text=text, format=fmt or sniff_format(sniff_name, text), source=source, title=title)
