"""Output formats: which muxer, codec, sample rate and features each file extension gets. No I/O here."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .errors import ExportError

__all__ = ["FORMATS", "Format", "format_for"]


@dataclass(frozen=True, slots=True)
class Format:
    """How one output extension is encoded."""

    muxer: str
    codec: list[str]
    sample_rate: int | None
    """Hz of the file; None keeps the episode's own rate (WAV: the voices' samples as they are)."""
    chapters: bool
    headroom: float = 0.6
    """dB kept under the true-peak target for the codec's own overshoot (lossy codecs add peaks)."""


# ffmpeg's AAC encoder overshot a -2.8 dBTP ceiling by up to 2 dB on one Piper episode in a few dozen
# (true peak -0.8 dBTP against the -1.5 target), so it keeps more room than 1.3 dB.
_MP4 = Format("ipod", ["-c:a", "aac", "-b:a", "96k"], 44100, True, headroom=2.0)
_OPUS = Format("ogg", ["-c:a", "libopus", "-b:a", "64k", "-application", "voip"], 48000, True, headroom=3.0)
FORMATS: Mapping[str, Format] = {
    # LAME quality 7 halves encoding time; at 96 kbit/s mono speech it is not audibly different.
    ".mp3": Format("mp3", ["-c:a", "libmp3lame", "-b:a", "96k", "-compression_level", "7", "-id3v2_version", "3"],
                   44100, True),
    ".m4a": _MP4,
    ".m4b": _MP4,
    ".opus": _OPUS,
    ".ogg": _OPUS,
    ".flac": Format("flac", ["-c:a", "flac"], 44100, True, headroom=0.5),
    # WAV is the assembled PCM with a header, written in process: raising the rate would add no sound.
    ".wav": Format("wav", ["-c:a", "pcm_s16le"], None, False, headroom=0.5),
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
