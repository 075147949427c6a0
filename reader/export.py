"""Export: encode an Episode to an audio file with tags and chapters, atomically. Uses ffmpeg."""

from __future__ import annotations

import json
import logging
import os
import re
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from . import ffmpeg
from .errors import ExportError
from .model import Episode

__all__ = ["FORMATS", "Format", "atomic_path", "format_for", "measure_loudness", "write"]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Format:
    """How one output extension is encoded."""

    muxer: str
    codec: list[str]
    sample_rate: int
    chapters: bool


_MP4 = Format("ipod", ["-c:a", "aac", "-b:a", "96k"], 44100, True)
FORMATS: Mapping[str, Format] = {
    ".mp3": Format("mp3", ["-c:a", "libmp3lame", "-b:a", "96k", "-id3v2_version", "3"], 44100, True),
    ".m4a": _MP4,
    ".m4b": _MP4,
    ".opus": Format("ogg", ["-c:a", "libopus", "-b:a", "48k", "-application", "voip"], 48000, True),
    ".ogg": Format("ogg", ["-c:a", "libopus", "-b:a", "48k", "-application", "voip"], 48000, True),
    ".flac": Format("flac", ["-c:a", "flac"], 44100, True),
    ".wav": Format("wav", ["-c:a", "pcm_s16le"], 44100, False),
}
"""Output formats by file extension."""


def format_for(path: Path) -> Format:
    """The Format an output path asks for by its extension.

    Raises:
        ExportError: the extension is not one we write.
    """
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise ExportError(f"{path}: unknown output format {path.suffix or '(none)'!r}; use one of {', '.join(FORMATS)}")
    return fmt


@contextmanager
def atomic_path(final: Path) -> Iterator[Path]:
    """A temporary path beside `final`, renamed over it only if the block succeeds; removed otherwise."""
    folder = final.parent if str(final.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(f"{final}: folder {folder} does not exist")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{final.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise ExportError(f"{final}: cannot write in {folder}: {exc.strerror}") from exc
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        os.replace(tmp, final)
    except OSError as exc:
        raise ExportError(f"{final}: cannot write: {exc.strerror}") from exc
    finally:
        tmp.unlink(missing_ok=True)


def _pcm_input(episode: Episode) -> list[str]:
    return ["-f", "s16le", "-ar", str(episode.sample_rate), "-ac", str(episode.channels),
            "-i", f"file:{episode.pcm_path}"]


def measure_loudness(episode: Episode, target: float, true_peak: float) -> dict[str, str]:
    """First pass of ffmpeg's loudnorm: the episode's measured loudness figures."""
    err = ffmpeg.run(
        [*_pcm_input(episode), "-af", f"loudnorm=I={target}:TP={true_peak}:LRA=11:print_format=json",
         "-f", "null", "-"],
        what=f"measuring loudness of {episode.title!r}",
    )
    found = re.search(r"\{[^{}]*\"input_i\"[^{}]*\}", err)
    if not found:
        raise ExportError("loudness measurement: ffmpeg printed no loudnorm figures")
    figures: dict[str, str] = json.loads(found.group(0))
    return figures


def _filters(episode: Episode, fmt: Format, loudness: float | None, true_peak: float) -> str:
    chain = []
    if loudness is not None and episode.frames > 0:
        m = measure_loudness(episode, loudness, true_peak)
        if m["input_i"] not in ("-inf", "inf"):
            chain.append(
                f"loudnorm=I={loudness}:TP={true_peak}:LRA=11:measured_I={m['input_i']}"
                f":measured_TP={m['input_tp']}:measured_LRA={m['input_lra']}"
                f":measured_thresh={m['input_thresh']}:offset={m['target_offset']}:linear=true"
            )
    # soxr gives clean resampling; loudnorm itself works at 192 kHz internally.
    chain.append(f"aresample={fmt.sample_rate}:resampler=soxr")
    return ",".join(chain)


def _escape_meta(value: str) -> str:
    return re.sub(r"([=;#\\\n])", r"\\\1", value)


def _metadata_file(episode: Episode, folder: Path) -> Path:
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


def write(
    episode: Episode,
    output: Path,
    loudness: float | None = -16.0,
    true_peak: float = -1.5,
    tags: Mapping[str, str] | None = None,
) -> Path:
    """Encode `episode` to `output` (format by extension) with tags and chapters; atomic.

    `loudness` is the integrated target in LUFS (None leaves levels as synthesized).

    Raises:
        ExportError: unknown format, unwritable folder, or an encoder failure.
    """
    fmt = format_for(output)
    all_tags = {**episode.tags, **(tags or {})}
    with tempfile.TemporaryDirectory(prefix="reader-export-") as work, atomic_path(output) as tmp:
        args = _pcm_input(episode)
        if fmt.chapters and episode.chapters:
            args += ["-f", "ffmetadata", "-i", f"file:{_metadata_file(episode, Path(work))}",
                     "-map", "0:a", "-map_chapters", "1"]
        args += ["-af", _filters(episode, fmt, loudness, true_peak), "-ac", str(episode.channels)]
        args += fmt.codec
        for key, value in all_tags.items():
            if value:
                args += ["-metadata", f"{key}={value}"]
        args += ["-f", fmt.muxer, f"file:{tmp}"]
        ffmpeg.run(args, what=f"encoding {output}")
    log.debug("wrote %s", output)
    return output
