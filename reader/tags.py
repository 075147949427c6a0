"""Tags, chapters and cover art for the encoded file: ffmetadata for ffmpeg, Vorbis comments and
pictures through mutagen. Used by `export.write`."""

from __future__ import annotations

import re
from pathlib import Path

from .errors import ExportError
from .formats import Format
from .model import Episode

__all__ = ["cover_args", "embed_cover_with_mutagen", "metadata_file", "mp4_language", "vorbis_chapters"]


def mp4_language(tag: str) -> str | None:
    """'ru' or 'ru-RU' as the three-letter ISO 639-2 code MP4 wants ('rus'); None if unknown."""
    import pycountry

    code = tag.split("-")[0].strip().lower()
    found = pycountry.languages.get(alpha_2=code) if len(code) == 2 else \
        pycountry.languages.get(alpha_3=code) if len(code) == 3 else None
    return str(found.alpha_3) if found is not None else None


def _escape_meta(value: str) -> str:
    return re.sub(r"([=;#\\\n])", r"\\\1", value)


def metadata_file(episode: Episode, folder: Path) -> Path:
    """An ffmetadata file with the episode's chapters (millisecond timebase)."""
    lines = [";FFMETADATA1"]
    for chapter in episode.chapters:
        lines += [
            "[CHAPTER]",
            "TIMEBASE=1/1000",
            f"START={round(chapter.start * 1000)}",
            f"END={round(chapter.end * 1000)}",
            f"title={_escape_meta(chapter.title)}",
        ]
    path = folder / "chapters.ffmeta"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def cover_args(cover: Path, index: int) -> list[str]:
    codec = "copy" if cover.suffix.lower() in (".jpg", ".jpeg", ".png") else "mjpeg"
    return ["-map", f"{index}:v", "-c:v", codec, "-disposition:v", "attached_pic",
            "-metadata:s:v", "title=Cover", "-metadata:s:v", "comment=Cover (front)"]


def vorbis_chapters(path: Path, episode: Episode) -> None:
    """Chapters as CHAPTERnnn / CHAPTERnnnNAME comments (the Ogg chapter convention) in FLAC and Opus.

    ffmpeg's FLAC muxer writes no chapters, and its Ogg muxer rounds a chapter's seconds up when the
    milliseconds pass 500 (81.677 s is written as 00:01:22.677), so both are written here exactly.
    """
    import mutagen

    audio = mutagen.File(path)
    if audio is None or audio.tags is None:
        raise ExportError(f"{path}: cannot reopen to write chapters")
    for key in [k for k in audio.tags.keys() if k.upper().startswith("CHAPTER")]:
        del audio.tags[key]
    for i, chapter in enumerate(episode.chapters, 1):
        ms = round(chapter.start * 1000)
        stamp = f"{ms // 3_600_000:02d}:{ms // 60_000 % 60:02d}:{ms // 1000 % 60:02d}.{ms % 1000:03d}"
        audio.tags[f"CHAPTER{i:03d}"] = stamp
        audio.tags[f"CHAPTER{i:03d}NAME"] = chapter.title
    audio.save()


def embed_cover_with_mutagen(path: Path, fmt: Format, cover: Path) -> None:  # mutagen is untyped
    """Ogg Opus and FLAC carry cover art as a METADATA_BLOCK_PICTURE, which ffmpeg cannot write."""
    import base64

    from mutagen.flac import FLAC, Picture
    from mutagen.oggopus import OggOpus

    picture = Picture()
    picture.type = 3  # front cover
    picture.mime = "image/png" if cover.suffix.lower() == ".png" else "image/jpeg"
    picture.data = cover.read_bytes()
    if fmt.muxer == "flac":
        flac = FLAC(path)
        flac.add_picture(picture)
        flac.save()
    else:
        opus = OggOpus(path)
        opus["METADATA_BLOCK_PICTURE"] = [base64.b64encode(picture.write()).decode("ascii")]
        opus.save()
