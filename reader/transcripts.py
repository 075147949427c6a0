"""Transcripts beside the audio: the JSON timeline, WebVTT (with speakers) and SRT. Written atomically."""

from __future__ import annotations

import html
import json
from pathlib import Path

from .files import atomic_path
from .model import Timeline

__all__ = ["FORMATS", "write"]

FORMATS = ("json", "vtt", "srt")
"""Transcript formats by name, which is also the file extension."""


def _stamp(seconds: float, sep: str) -> str:
    ms = round(seconds * 1000)
    h, rest = divmod(ms, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, ms = divmod(rest, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}{sep}{ms:03d}"


def _vtt(timeline: Timeline) -> str:
    out = ["WEBVTT", ""]
    for i, cue in enumerate(timeline.cues, 1):
        text = html.escape(cue.text, quote=False)
        if cue.speaker:
            name = cue.speaker.replace(">", "").replace("&", "and")
            text = f"<v {name}>{text}"
        out += [str(i), f"{_stamp(cue.start, '.')} --> {_stamp(cue.end, '.')}", text, ""]
    return "\n".join(out)


def _srt(timeline: Timeline) -> str:
    out = []
    for i, cue in enumerate(timeline.cues, 1):
        text = f"{cue.speaker}: {cue.text}" if cue.speaker else cue.text
        out += [str(i), f"{_stamp(cue.start, ',')} --> {_stamp(cue.end, ',')}", text, ""]
    return "\n".join(out)


def write(timeline: Timeline, audio: Path, kind: str) -> Path:
    """Write the `kind` transcript ('json', 'vtt' or 'srt') beside `audio`; return its path."""
    path = audio.with_suffix(f".{kind}")
    if kind == "json":
        text = json.dumps({**timeline.to_json(), "audio": audio.name}, ensure_ascii=False, indent=2) + "\n"
    elif kind == "vtt":
        text = _vtt(timeline)
    else:
        text = _srt(timeline)
    with atomic_path(path) as tmp:
        tmp.write_text(text, encoding="utf-8")
    return path
