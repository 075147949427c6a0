"""The one-call library API: input file to segmentation, and input file to finished audio file."""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from . import articles, assemble, casting, export, segment, synth, voices
from .engines import Registry
from .errors import EngineUnavailable
from .model import Clip, Document, Episode, Line

__all__ = ["ExportResult", "Progress", "export_article", "plan", "read_document"]

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
"""Called as (lines done, lines total) while synthesis runs."""


@dataclass(frozen=True, slots=True)
class ExportResult:
    """What an export produced."""

    output: Path
    duration: float
    chapters: int
    lines: int
    episode: Episode


def read_document(source: str, title: str | None = None) -> Document:
    """Load and segment an input (path, '-' or URL)."""
    return segment.split(articles.load(source, title=title))


def plan(
    document: Document,
    engines: Registry,
    assignments: Mapping[str, str] | None = None,
    engine: str | None = None,
    voice_dirs: Sequence[Path] = (),
) -> list[Line]:
    """Cast the document and check every voice it uses before any synthesis starts.

    Raises:
        VoiceError: a profile is unknown or unusable.
        EngineUnavailable: an engine the cast needs cannot run here.
    """
    cast = casting.make_cast(voices.load_profiles(voice_dirs), assignments, engine=engine)
    lines = casting.cast(document, cast)
    for profile in {line.voice for line in lines}:
        impl = engines.get(profile.engine)
        why = impl.unavailable()
        if why:
            raise EngineUnavailable(f"engine {profile.engine!r} (voice {profile.name!r}) is unavailable: {why}")
        impl.check(profile)
    return lines


def _counted(clips: Iterator[Clip], total: int, progress: Progress | None) -> Iterable[Clip]:
    for done, clip in enumerate(clips, 1):
        if progress:
            progress(done, total)
        yield clip


def export_article(
    source: str,
    output: Path,
    engines: Registry,
    assignments: Mapping[str, str] | None = None,
    engine: str | None = None,
    title: str | None = None,
    voice_dirs: Sequence[Path] = (),
    jobs: int = 1,
    loudness: float | None = -16.0,
    pauses: assemble.Pauses = assemble.Pauses(),
    progress: Progress | None = None,
) -> ExportResult:
    """Read `source` aloud into `output` (format by extension). The output appears only when complete.

    Raises:
        ReaderError: any user-fixable failure, naming the file, voice, engine or line.
    """
    export.format_for(output)  # fail on a bad extension before minutes of synthesis
    document = read_document(source, title)
    lines = plan(document, engines, assignments, engine, voice_dirs)
    name = title or document.title or Path(source).stem or "article"
    texts = {(b, r): run.text for b, block in enumerate(document.blocks) for r, run in enumerate(block.runs)}
    tags = {"title": name, "language": document.language, "comment": source if source != "-" else ""}
    with tempfile.TemporaryDirectory(prefix="reader-") as work:
        clips = _counted(synth.render(lines, engines, jobs=jobs), len(lines), progress)
        episode = assemble.join(clips, Path(work) / "episode.pcm", title=name, pauses=pauses,
                                run_texts=texts, tags=tags)
        export.write(episode, output, loudness=loudness)
        duration = episode.duration
    return ExportResult(output=output, duration=duration, chapters=len(episode.chapters),
                        lines=len(lines), episode=episode)
