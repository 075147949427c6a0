"""Data that flows between pipeline stages. Immutable values; no I/O here."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pydub is only needed where audio is made; keep `reader --help` light
    from pydub import AudioSegment

__all__ = [
    "Article",
    "Block",
    "BlockKind",
    "Chapter",
    "Clip",
    "Cue",
    "Document",
    "Episode",
    "InputFormat",
    "Line",
    "Role",
    "Run",
    "Skipped",
    "TimedRun",
    "VoiceProfile",
]


class InputFormat(str, Enum):
    """How an input's text is laid out, which decides how it is segmented."""

    TEXT = "text"
    MARKDOWN = "markdown"
    HTML = "html"


class BlockKind(str, Enum):
    """What a block is; headings become chapters."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"


class Role(str, Enum):
    """Whose words a run carries: the article's own, or a quoted speaker's."""

    NARRATION = "narration"
    QUOTE = "quote"


@dataclass(frozen=True, slots=True)
class Article:
    """An input document, decoded to text, before segmentation."""

    text: str
    """The whole decoded input (HTML source for HTML inputs)."""
    format: InputFormat = InputFormat.TEXT
    source: str | None = None
    """Path or URL it was read from; used in tags and messages."""
    title: str | None = None
    """Title given by the user or found in the input's metadata."""


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of a block spoken by one voice: narration, or one quotation."""

    role: Role
    text: str
    speaker: str | None = None
    """Who says a quotation, when the article says so; None when unknown."""
    lang: str = "en"
    """ISO 639-1 code of the run's language."""
    cue: str | None = None
    """The words that named the speaker ("said Anna Berg", "she said"), so a user can see why."""


@dataclass(frozen=True, slots=True)
class Block:
    """A heading or a paragraph, as a sequence of runs in reading order."""

    kind: BlockKind
    runs: tuple[Run, ...]

    @property
    def text(self) -> str:
        """The block's words, runs joined by spaces."""
        return " ".join(run.text for run in self.runs)


@dataclass(frozen=True, slots=True)
class Skipped:
    """A piece of the input that is not read aloud, and why."""

    text: str
    reason: str


class Gender(str, Enum):
    """A speaker's gender as the article shows it (pronouns, grammar, given names)."""

    FEMALE = "female"
    MALE = "male"


@dataclass(frozen=True, slots=True)
class Speaker:
    """Someone quoted in the article: a person or an organisation."""

    name: str
    gender: Gender | None = None
    """None when the article gives no evidence either way."""
    organisation: bool = False


@dataclass(frozen=True, slots=True)
class Document:
    """The segmentation of an article: what will be read, and what was left out."""

    title: str | None
    language: str
    blocks: tuple[Block, ...]
    skipped: tuple[Skipped, ...] = ()
    source: str | None = None
    speakers: tuple[Speaker, ...] = ()
    """Everyone who speaks a quotation, by the name runs carry in `Run.speaker`."""

    def speaker(self, name: str | None) -> Speaker | None:
        """The Speaker called `name`, if any."""
        return next((s for s in self.speakers if s.name == name), None) if name else None


@dataclass(frozen=True, slots=True)
class VoiceProfile:
    """A named voice: which engine, which of its voices, and how to speak."""

    name: str
    engine: str
    voice: str | None = None
    """The engine's own voice id or model path; None means the engine's default."""
    language: str = "en"
    rate: float = 1.0
    """Speed multiplier; 1.0 is the engine's natural speed."""
    pitch: float = 1.0
    """Pitch multiplier; 1.0 is the voice's natural pitch."""
    formant: float = 1.0
    """Vocal-tract scale applied after synthesis: above 1 shorter (brighter, towards a woman's or a
    child's voice), below 1 longer (darker, a bigger man)."""
    pitch_range: float = 1.0
    """Multiplier of the pitch excursions around the median: below 1 flatter, above 1 livelier."""
    brightness: float = 0.0
    """Spectral tilt applied after synthesis, in dB per octave around 1 kHz: below 0 darker and
    softer, above 0 brighter and thinner."""
    gender: Gender | None = None
    """How the voice sounds, when known; speaker variants are built from it."""
    options: Mapping[str, object] = field(default_factory=lambda: MappingProxyType({}), hash=False)
    """Engine-specific settings; the engine's check() rejects unknown keys."""
    description: str = ""
    path: Path | None = None
    """The TOML file it came from; None for built-in profiles."""

    @property
    def key(self) -> str:
        """A stable description of how this profile sounds, for cache keys and timelines."""
        opts = ",".join(f"{k}={self.options[k]!r}" for k in sorted(self.options))
        shape = f"|f{self.formant:g}|r{self.pitch_range:g}" if (self.formant, self.pitch_range) != (1.0, 1.0) else ""
        if self.brightness:
            shape += f"|b{self.brightness:g}"
        return f"{self.engine}:{self.voice or 'default'}|{self.language}|{self.rate:g}|{self.pitch:g}{shape}|{opts}"


@dataclass(frozen=True, slots=True)
class Line:
    """One utterance (a sentence, or a piece of a long one) paired with the voice that reads it."""

    block: int
    """Index of the block in Document.blocks."""
    run: int
    """Index of the run within its block."""
    kind: BlockKind
    role: Role
    text: str
    """Exactly what the engine is asked to speak."""
    voice: VoiceProfile
    speaker: str | None = None
    lang: str = "en"
    last_in_run: bool = True
    """False when another utterance of the same run follows (a sentence pause, not a run pause)."""
    fallback_from: str | None = None
    """Name of the profile that should have read this line, when an offline fallback read it instead."""
    display: str = ""
    """The original sentence this utterance speaks, for transcripts; empty for the later pieces of a
    sentence that had to be cut."""

    @property
    def label(self) -> str:
        """How messages name this line: 'block 3, run 2'."""
        return f"block {self.block + 1}, run {self.run + 1}"


@dataclass(frozen=True, slots=True)
class Clip:
    """Rendered audio for one line."""

    line: Line
    audio: AudioSegment


@dataclass(frozen=True, slots=True)
class Chapter:
    """A chapter mark in the joined audio, in seconds."""

    title: str
    start: float
    end: float


@dataclass(frozen=True, slots=True)
class TimedRun:
    """Where one run sits in the joined audio, in seconds."""

    block: int
    run: int
    kind: BlockKind
    role: Role
    text: str
    speaker: str | None
    lang: str
    voice: str
    """The voice that read it, as 'engine:voice-id'."""
    start: float
    end: float
    profile: str = ""
    """Name of the voice profile that read it."""
    fallback_from: str | None = None
    """The profile that was meant to read it, when a fallback voice did."""


@dataclass(frozen=True, slots=True)
class Cue:
    """One sentence's place in the joined audio, for subtitles and read-along pages."""

    block: int
    run: int
    text: str
    speaker: str | None
    start: float
    end: float
    spoken: str = ""
    """The text its voice received (after normalization and lexicon); a cut sentence's pieces joined."""


@dataclass(frozen=True, slots=True)
class Timeline:
    """Where everything sits in the joined audio: chapters, runs and sentences, in seconds.

    It outlives the audio it describes: transcripts, read-along pages, podcast chapters and the
    export cache all work from it, through one JSON form (`to_json` / `from_json`).
    """

    title: str
    duration: float
    chapters: tuple[Chapter, ...] = ()
    runs: tuple[TimedRun, ...] = ()
    cues: tuple[Cue, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """The `--transcript json` shape (DESIGN.md section 4): title, duration, chapters, runs, sentences."""
        return {
            "title": self.title,
            "duration": round(self.duration, 3),
            "chapters": [{"title": c.title, "start": c.start, "end": c.end} for c in self.chapters],
            "runs": [
                {"block": r.block, "run": r.run, "kind": r.kind.value, "role": r.role.value, "speaker": r.speaker,
                 "text": r.text, "lang": r.lang, "voice": r.voice, "profile": r.profile,
                 "fallback_from": r.fallback_from, "start": r.start, "end": r.end}
                for r in self.runs
            ],
            "sentences": [{"block": c.block, "run": c.run, "speaker": c.speaker, "text": c.text,
                           "spoken": c.spoken or c.text, "start": c.start, "end": c.end} for c in self.cues],
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Timeline:
        """The Timeline that `to_json` wrote.

        Raises:
            KeyError, ValueError, TypeError: `data` is not a timeline (callers treat it as damaged).
        """
        return cls(
            title=str(data["title"]), duration=float(data["duration"]),
            chapters=tuple(Chapter(c["title"], c["start"], c["end"]) for c in data["chapters"]),
            runs=tuple(TimedRun(block=r["block"], run=r["run"], kind=BlockKind(r["kind"]), role=Role(r["role"]),
                                text=r["text"], speaker=r["speaker"], lang=r["lang"], voice=r["voice"],
                                start=r["start"], end=r["end"], profile=r.get("profile", ""),
                                fallback_from=r.get("fallback_from")) for r in data["runs"]),
            cues=tuple(Cue(c["block"], c["run"], c["text"], c["speaker"], c["start"], c["end"],
                           c.get("spoken", "")) for c in data["sentences"]),
        )


@dataclass(frozen=True, slots=True)
class Episode:
    """The joined result before encoding: PCM audio on disk and its timeline. Lives only as long as
    the PCM file does (the export's work folder); what outlives it is the Timeline."""

    pcm_path: Path
    """Raw signed 16-bit little-endian PCM, `channels` interleaved, at `sample_rate`."""
    sample_rate: int
    channels: int
    frames: int
    """Number of sample frames in the PCM file."""
    timeline: Timeline

    @property
    def title(self) -> str:
        """The episode's title (its timeline's)."""
        return self.timeline.title

    @property
    def chapters(self) -> tuple[Chapter, ...]:
        """Chapter marks, from the timeline."""
        return self.timeline.chapters

    @property
    def duration(self) -> float:
        """Length in seconds."""
        return self.frames / self.sample_rate
