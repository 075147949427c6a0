"""Assembly: join clips into one PCM stream with pauses by boundary, and time every run.

Linear time and flat memory: each clip is converted and appended to a file as it arrives; nothing
is ever concatenated in memory (pydub's `+=` copies the whole episode on every join).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from .model import BlockKind, Chapter, Clip, Cue, Episode, Line, TimedRun, Timeline
from .synth import voice_id

__all__ = ["Pauses", "join", "stream"]

SAMPLE_RATE = 22050
"""Working sample rate: the embedded voice's own, so the default path never resamples."""


@dataclass(frozen=True, slots=True)
class Pauses:
    """Silence, in seconds, inserted at each kind of boundary (sentence < run < paragraph < heading)."""

    sentence: float = 0.30
    run: float = 0.40
    """Between runs of one paragraph: a breath around quotations."""
    paragraph: float = 0.75
    before_heading: float = 1.20
    after_heading: float = 0.80
    lead_in: float = 0.25
    tail: float = 0.60
    switch: float = 0.08
    """Inside a sentence, where another voice takes over for words in another language."""

    def between(self, prev: Line | None, line: Line) -> float:
        """The pause that precedes `line` when `prev` was spoken just before it."""
        if prev is None:
            return self.lead_in
        if line.block == prev.block:
            if line.run == prev.run and not line.display and (line.voice != prev.voice or line.lang != prev.lang):
                return self.switch
            return self.sentence if line.run == prev.run else self.run
        if line.kind is BlockKind.HEADING:
            return self.before_heading
        if prev.kind is BlockKind.HEADING:
            return self.after_heading
        return self.paragraph


class _Timeline:
    """Collects each run's first and last frame while clips stream past (a run that changes voice
    part-way, for a sentence or words in another language, is one span per voice)."""

    def __init__(self) -> None:
        self.spans: list[tuple[Line, int, int, list[str]]] = []
        self.cues: list[tuple[Line, str, str, int, int]] = []

    def add(self, line: Line, start: int, end: int) -> None:
        last = self.spans[-1] if self.spans else None
        if last and (last[0].block, last[0].run, last[0].voice) == (line.block, line.run, line.voice):
            last[3].append(line.text)
            self.spans[-1] = (last[0], last[1], end, last[3])
        else:
            self.spans.append((line, start, end, [line.text]))
        if line.display or not self.cues:
            self.cues.append((line, line.display or line.text, line.text, start, end))
        else:  # a later piece of a cut sentence extends that sentence's cue
            cue_line, text, spoken, cue_start, _ = self.cues[-1]
            self.cues[-1] = (cue_line, text, f"{spoken} {line.text}", cue_start, end)

    def cue_list(self, rate: int) -> tuple[Cue, ...]:
        return tuple(Cue(block=line.block, run=line.run, text=text, speaker=line.speaker,
                         start=round(start / rate, 3), end=round(end / rate, 3), spoken=spoken)
                     for line, text, spoken, start, end in self.cues)

    def runs(self, rate: int, texts: Mapping[tuple[int, int], str]) -> tuple[TimedRun, ...]:
        out = []
        count: dict[tuple[int, int], int] = {}
        for line, _, _, _ in self.spans:
            count[line.block, line.run] = count.get((line.block, line.run), 0) + 1
        for line, start, end, spoken in sorted(self.spans, key=lambda span: (span[0].block, span[0].run, span[1])):
            key = (line.block, line.run)
            # A run read by one voice shows its text as written; each voice's part of a shared run shows
            # what that voice said.
            text = texts.get(key, " ".join(spoken)) if count[key] == 1 else " ".join(spoken)
            out.append(
                TimedRun(
                    block=line.block,
                    run=line.run,
                    kind=line.kind,
                    role=line.role,
                    text=text,
                    speaker=line.speaker,
                    lang=line.lang,
                    voice=voice_id(line.voice),
                    start=round(start / rate, 3),
                    end=round(end / rate, 3),
                    profile=line.voice.name,
                    fallback_from=line.fallback_from,
                )
            )
        return tuple(out)


def _chapters(runs: tuple[TimedRun, ...], duration: float, opening: str) -> tuple[Chapter, ...]:
    heads = [(r.start, r.text) for r in runs if r.kind is BlockKind.HEADING and r.run == 0]
    if not runs:
        return ()
    # A chapter opens just before its heading is spoken, so a jump never clips the first syllable.
    starts = [(0.0, opening)] + [(max(start - 0.15, 0.0), title) for start, title in heads]
    if len(starts) > 1 and starts[1][0] <= 0.5:  # the article opens with a heading: no separate opening
        starts = starts[1:]
        starts[0] = (0.0, starts[0][1])
    ends = [s for s, _ in starts[1:]] + [duration]
    return tuple(Chapter(title=t, start=round(s, 3), end=round(e, 3)) for (s, t), e in zip(starts, ends))


class _Tee:
    """Writes every chunk to two sinks."""

    def __init__(self, first: BinaryIO, second: BinaryIO) -> None:
        self.first, self.second = first, second

    def write(self, data: bytes) -> int:
        self.second.write(data)
        return self.first.write(data)


def stream(
    clips: Iterable[Clip],
    sink: BinaryIO,
    pauses: Pauses = Pauses(),
    sample_rate: int = SAMPLE_RATE,
    on_clip: Callable[[Line, int, int], None] | None = None,
) -> int:
    """Write the clips, with pauses, to `sink` as mono s16le at `sample_rate`; return the frames written.

    `on_clip(line, start_frame, end_frame)` is called as each clip lands, for timelines and progress.
    """
    frames = 0
    prev: Line | None = None
    for clip in clips:
        gap = round(pauses.between(prev, clip.line) * sample_rate)
        audio = clip.audio
        if audio.channels != 1:
            audio = audio.set_channels(1)
        if audio.sample_width != 2:
            audio = audio.set_sample_width(2)
        if audio.frame_rate != sample_rate:
            audio = audio.set_frame_rate(sample_rate)
        data = audio.raw_data
        sink.write(b"\0\0" * gap + data)
        if on_clip:
            on_clip(clip.line, frames + gap, frames + gap + len(data) // 2)
        frames += gap + len(data) // 2
        prev = clip.line
    if prev is not None:
        tail = round(pauses.tail * sample_rate)
        sink.write(b"\0\0" * tail)
        frames += tail
    return frames


def join(
    clips: Iterable[Clip],
    pcm_path: Path,
    title: str,
    pauses: Pauses = Pauses(),
    sample_rate: int = SAMPLE_RATE,
    run_texts: Mapping[tuple[int, int], str] | None = None,
    tee: BinaryIO | None = None,
) -> Episode:
    """Write the clips, with pauses, to `pcm_path` as mono s16le at `sample_rate`; return the Episode.

    `run_texts` maps (block, run) to the run's original text for the timeline (clips carry
    normalized utterances). `tee` receives a copy of every byte (e.g. a loudness meter).
    """
    timeline = _Timeline()
    with open(pcm_path, "wb") as out:
        sink: BinaryIO = out if tee is None else _Tee(out, tee)  # type: ignore[assignment]
        frames = stream(clips, sink, pauses, sample_rate, on_clip=timeline.add)
    runs = timeline.runs(sample_rate, run_texts or {})
    duration = frames / sample_rate
    return Episode(
        pcm_path=pcm_path,
        sample_rate=sample_rate,
        channels=1,
        frames=frames,
        timeline=Timeline(title=title, duration=duration, chapters=_chapters(runs, duration, title), runs=runs,
                          cues=timeline.cue_list(sample_rate)),
    )
