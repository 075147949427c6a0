"""Transcripts beside the audio: the JSON timeline, WebVTT (with speakers) and SRT. Written atomically."""

from __future__ import annotations

import html
import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from .export import atomic_path
from .model import Episode, Line

__all__ = ["FORMATS", "timeline", "write"]

FORMATS = ("json", "vtt", "srt")
"""Transcript formats by name, which is also the file extension."""


def _spoken(lines: Sequence[Line]) -> dict[tuple[int, int], list[str]]:
    """Per run, what each sentence's voice received: a cut sentence's pieces joined (as assembly joins cues)."""
    said: dict[tuple[int, int], list[str]] = {}
    for line in lines:
        run = said.setdefault((line.block, line.run), [])
        if line.display or not run:
            run.append(line.text)
        else:
            run[-1] += " " + line.text
    return said


def timeline(episode: Episode, extra: Mapping[str, Any] | None = None,
             lines: Sequence[Line] = ()) -> dict[str, Any]:
    """The episode's timeline as plain data: duration, chapters, and every run with its voice and times.

    With the `lines` that were synthesized, each sentence also has `spoken`: the text its voice received.
    """
    data: dict[str, Any] = {
        "title": episode.title,
        "duration": round(episode.duration, 3),
        "chapters": [{"title": c.title, "start": c.start, "end": c.end} for c in episode.chapters],
        "runs": [
            {"block": r.block, "run": r.run, "kind": r.kind.value, "role": r.role.value, "speaker": r.speaker,
             "text": r.text, "lang": r.lang, "voice": r.voice, "profile": r.profile,
             "fallback_from": r.fallback_from, "start": r.start, "end": r.end}
            for r in episode.runs
        ],
        "sentences": [{"block": c.block, "run": c.run, "speaker": c.speaker, "text": c.text, "start": c.start,
                       "end": c.end} for c in episode.cues],
    }
    if lines:
        spoken = _spoken(lines)
        for cue in data["sentences"]:
            pending = spoken.get((cue["block"], cue["run"]))
            cue["spoken"] = pending.pop(0) if pending else cue["text"]
    data.update(extra or {})
    return data


def _stamp(seconds: float, sep: str) -> str:
    ms = round(seconds * 1000)
    h, rest = divmod(ms, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, ms = divmod(rest, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}{sep}{ms:03d}"


def _vtt(episode: Episode) -> str:
    out = ["WEBVTT", ""]
    for i, cue in enumerate(episode.cues, 1):
        text = html.escape(cue.text, quote=False)
        if cue.speaker:
            name = cue.speaker.replace(">", "").replace("&", "and")
            text = f"<v {name}>{text}"
        out += [str(i), f"{_stamp(cue.start, '.')} --> {_stamp(cue.end, '.')}", text, ""]
    return "\n".join(out)


def _srt(episode: Episode) -> str:
    out = []
    for i, cue in enumerate(episode.cues, 1):
        text = f"{cue.speaker}: {cue.text}" if cue.speaker else cue.text
        out += [str(i), f"{_stamp(cue.start, ',')} --> {_stamp(cue.end, ',')}", text, ""]
    return "\n".join(out)


def write(episode: Episode, audio: Path, kind: str, lines: Sequence[Line] = ()) -> Path:
    """Write the `kind` transcript ('json', 'vtt' or 'srt') beside `audio`; return its path.

    `lines` (what was synthesized) add each sentence's spoken text to the JSON timeline.
    """
    path = audio.with_suffix(f".{kind}")
    if kind == "json":
        text = json.dumps(timeline(episode, {"audio": audio.name}, lines), ensure_ascii=False, indent=2) + "\n"
    elif kind == "vtt":
        text = _vtt(episode)
    else:
        text = _srt(episode)
    with atomic_path(path) as tmp:
        tmp.write_text(text, encoding="utf-8")
    return path
