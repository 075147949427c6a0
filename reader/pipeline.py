"""The one-call library API: inputs to segmentation, to a checked plan of voices, to finished audio."""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import articles, assemble, casting, export, play, readalong, segment, synth, transcripts, voices
from .cache import ClipCache
from .casting import Cast
from .engines import Registry
from .errors import EngineUnavailable, ExportError, ReaderError
from .model import Clip, Document, Episode, Line, VoiceProfile

__all__ = ["ExportResult", "Plan", "Progress", "export_article", "plan", "play_article", "read_document",
           "voice_for_language"]

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
"""Called as (lines done, lines total) while synthesis runs."""

_ENGINE_PREFERENCE = ("piper", "espeak", "pyttsx3", "gtts")


@dataclass(frozen=True, slots=True)
class Plan:
    """Every utterance with its voice, checked before synthesis, and what casting had to warn about."""

    lines: list[Line]
    fallback: VoiceProfile | None = None
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class ExportResult:
    """What an export produced."""

    output: Path
    duration: float
    chapters: int
    lines: int
    episode: Episode
    """The joined episode (its PCM file no longer exists; its timeline and chapters do)."""
    warnings: list[str] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    """Every file written: the audio, then transcripts and the read-along page."""
    synthesized: int = 0
    """Utterances rendered by an engine in this run."""
    cached: int = 0
    """Utterances taken from the clip cache."""


def read_document(source: str, title: str | None = None) -> Document:
    """Load and segment an input (path, '-' or URL)."""
    return segment.split(articles.load(source, title=title))


def _usable(engines: Registry, name: str) -> bool:
    try:
        return engines.get(name).unavailable() is None
    except EngineUnavailable:
        return False


def voice_for_language(lang: str, profiles: Mapping[str, VoiceProfile], engines: Registry,
                       engine: str | None = None) -> VoiceProfile | None:
    """An offline-first profile that speaks `lang` and can run here, or None."""
    if engine in ("espeak", "gtts"):
        return VoiceProfile(name=f"{engine}-{lang}", engine=engine, voice=lang, language=lang)
    if engine:
        return None
    candidates = sorted((p for p in profiles.values() if casting.speaks_language(p, lang)),
                        key=lambda p: (_ENGINE_PREFERENCE.index(p.engine) if p.engine in _ENGINE_PREFERENCE else 9,
                                       p.name))
    for profile in candidates:
        if profile.engine != "gtts" and _usable(engines, profile.engine):
            return profile
    if _usable(engines, "espeak"):
        from .engines.espeak_engine import list_espeak_voices

        if any(v.id.split("-")[0] == lang for v in list_espeak_voices()):
            return VoiceProfile(name=f"espeak-{lang}", engine="espeak", voice=lang, language=lang)
    return None


def _cast_languages(document: Document, cast: Cast, profiles: Mapping[str, VoiceProfile], engines: Registry,
                    engine: str | None, warnings: list[str]) -> Cast:
    """Add a voice for every run language the cast's voices do not speak."""
    if engine == "silence":
        return cast
    langs = casting.languages(document)
    added = dict(cast.languages)
    for lang in sorted(langs - set(added)):
        if casting.speaks_language(cast.narrator, lang):
            continue
        found = voice_for_language(lang, profiles, engines, engine)
        if found is None:
            warnings.append(f"no voice here speaks {lang!r}; those runs are read by {cast.narrator.name!r}")
            continue
        added[lang] = found
    from types import MappingProxyType

    return Cast(narrator=cast.narrator, quote=cast.quote, heading=cast.heading, speakers=cast.speakers,
                languages=MappingProxyType(added), vary_speakers=cast.vary_speakers, fallback=cast.fallback)


def plan(
    document: Document,
    engines: Registry,
    assignments: Mapping[str, str] | None = None,
    engine: str | None = None,
    voice_dirs: Sequence[Path] = (),
    fallback: bool = False,
    lexicon: Mapping[str, str] | None = None,
) -> Plan:
    """Cast the document and check every voice it uses before any synthesis starts.

    With `fallback`, runs whose engine is unavailable (gtts offline) are read by the cast's fallback
    voice (or the offline default) with a warning, instead of failing.

    Raises:
        VoiceError: a profile is unknown or unusable.
        EngineUnavailable: an engine the cast needs cannot run here (and no fallback was allowed).
    """
    profiles = voices.load_profiles(voice_dirs)
    warnings: list[str] = []
    cast = casting.make_cast(profiles, assignments, engine=engine)
    cast = _cast_languages(document, cast, profiles, engines, engine, warnings)
    backup: VoiceProfile | None = None
    if fallback:
        backup = cast.fallback or (cast.narrator if cast.narrator.engine in ("piper", "espeak")
                                   else profiles[voices.DEFAULT])
    lines = casting.cast(document, cast, lexicon=lexicon)
    unusable: dict[str, str] = {}
    for profile in {line.voice for line in lines} | ({backup} if backup else set()):
        impl = engines.get(profile.engine)
        why = impl.unavailable()
        if why:
            unusable[profile.name] = why
            continue
        impl.check(profile)
    if unusable:
        if backup is None or backup.name in unusable:
            name, why = next(iter(unusable.items()))
            engine_name = next(line.voice.engine for line in lines if line.voice.name == name) \
                if any(line.voice.name == name for line in lines) else name
            raise EngineUnavailable(f"engine {engine_name!r} (voice {name!r}) is unavailable: {why}")
        replaced = []
        for line in lines:
            if line.voice.name in unusable:
                line = Line(block=line.block, run=line.run, kind=line.kind, role=line.role, text=line.text,
                            voice=backup, speaker=line.speaker, lang=line.lang, last_in_run=line.last_in_run,
                            fallback_from=line.voice.name)
            replaced.append(line)
        lines = replaced
        for why in sorted(set(unusable.values())):
            names = sorted(name for name, reason in unusable.items() if reason == why)
            warnings.append(f"{why} — voices {', '.join(names)} are read by {backup.name!r} instead")
    return Plan(lines=lines, fallback=backup, warnings=warnings)


def _export_key(lines: Sequence[Line], engines: Registry, output: Path, texts: Mapping[tuple[int, int], str],
                tags: Mapping[str, str], loudness: float | None, pauses: assemble.Pauses, cover: Path | None) -> str:
    """A hash of everything an export's bytes depend on, for the export cache."""
    import hashlib
    import json
    from dataclasses import astuple
    from importlib.metadata import version as dist_version

    versions = {name: engines.get(name).version() for name in {line.voice.engine for line in lines}}
    digest = hashlib.sha256(json.dumps(
        [dist_version("article-reader"), output.suffix.lower(), loudness, astuple(pauses), sorted(tags.items()),
         sorted((f"{b}/{r}", t) for (b, r), t in texts.items()),
         [[ClipCache.key(line.text, line.voice, versions[line.voice.engine]), line.block, line.run, line.kind.value,
           line.role.value, line.speaker, line.lang, line.last_in_run, line.display, line.fallback_from,
           line.voice.name] for line in lines]],
        ensure_ascii=False).encode())
    if cover is not None:
        digest.update(cover.read_bytes())
    return digest.hexdigest()


def _episode_data(episode: Episode) -> dict[str, Any]:
    data = transcripts.timeline(episode)
    data.update(sample_rate=episode.sample_rate, channels=episode.channels, frames=episode.frames,
                tags=dict(episode.tags))
    return data


def _episode_from(data: Mapping[str, Any]) -> Episode:
    """An Episode rebuilt from the export cache (its audio lives in the cached file, not in PCM)."""
    from types import MappingProxyType

    from .model import BlockKind, Chapter, Cue, Role, TimedRun

    return Episode(
        title=data["title"], pcm_path=Path(os.devnull), sample_rate=data["sample_rate"], channels=data["channels"],
        frames=data["frames"],
        chapters=tuple(Chapter(c["title"], c["start"], c["end"]) for c in data["chapters"]),
        runs=tuple(TimedRun(block=r["block"], run=r["run"], kind=BlockKind(r["kind"]), role=Role(r["role"]),
                            text=r["text"], speaker=r["speaker"], lang=r["lang"], voice=r["voice"], start=r["start"],
                            end=r["end"], profile=r["profile"], fallback_from=r["fallback_from"])
                   for r in data["runs"]),
        cues=tuple(Cue(c["block"], c["run"], c["text"], c["speaker"], c["start"], c["end"])
                   for c in data["sentences"]),
        tags=MappingProxyType(dict(data["tags"])),
    )


def _preload_default_voice(engines: Registry, engine: str | None) -> threading.Thread | None:
    """Start loading the embedded Piper model in the background: it is the slowest step before speech.

    Join the returned thread before the process ends: a model half-loaded at interpreter exit crashes.
    """
    if engine not in (None, "piper") or "piper" not in engines.names():
        return None

    # numpy's C extension breaks when two threads import it at once (the language model needs it too).
    import numpy  # noqa: F401

    def load() -> None:
        try:
            preload = getattr(engines.get("piper"), "preload", None)
            if preload:
                preload()
        except ReaderError as exc:  # the real attempt later reports it properly
            log.debug("preloading piper failed: %s", exc)

    thread = threading.Thread(target=load, name="piper-preload", daemon=True)
    thread.start()
    return thread


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
    fallback: bool = False,
    lexicon: Mapping[str, str] | None = None,
    transcript_kinds: Sequence[str] = (),
    read_along: bool = False,
    cover: Path | None = None,
    tags: Mapping[str, str] | None = None,
    cache: ClipCache | None = None,
) -> ExportResult:
    """Read `source` aloud into `output` (format by extension), plus any transcripts and read-along page.

    Every file appears only when complete. `tags` (artist, album, date, …) add to or override the
    title, language and source tags taken from the article.

    Raises:
        ReaderError: any user-fixable failure, naming the file, voice, engine or line.
    """
    export.format_for(output)  # fail on a bad extension before minutes of synthesis
    document = read_document(source, title)
    planned = plan(document, engines, assignments, engine, voice_dirs, fallback=fallback, lexicon=lexicon)
    name = title or document.title or Path(source).stem or "article"
    texts = {(b, r): run.text for b, block in enumerate(document.blocks) for r, run in enumerate(block.runs)}
    all_tags = {"title": name, "language": document.language, "comment": source if source != "-" else "",
                "genre": "Speech", **(tags or {})}
    renderer = synth.Renderer(engines, fallback=planned.fallback, cache=cache)
    key = _export_key(planned.lines, engines, output, texts, all_tags, loudness, pauses, cover) if cache else ""
    hit = cache.exports.get(key) if cache else None
    if hit is not None:
        episode = _episode_from(hit[1])
        with export.atomic_path(output) as tmp:
            shutil.copyfile(hit[0], tmp)
        renderer.cached = len(planned.lines)
    else:
        export.remove_stale(Path(tempfile.gettempdir()), "reader-*")
        with tempfile.TemporaryDirectory(prefix=f"reader-{os.getpid()}-") as work:
            clips = _counted(synth.render(planned.lines, engines, jobs=jobs, synthesize=renderer),
                             len(planned.lines), progress)
            meter = export.Meter(assemble.SAMPLE_RATE) if loudness is not None else None
            try:
                episode = assemble.join(clips, Path(work) / "episode.pcm", title=name, pauses=pauses,
                                        run_texts=texts, tags=all_tags, tee=meter)  # type: ignore[arg-type]
                measured = meter.result() if meter else None
            except OSError as exc:
                raise ExportError(f"{output}: cannot write the audio being assembled in {work}: "
                                  f"{exc.strerror or exc}; free some space or set TMPDIR") from exc
            finally:
                if meter:
                    meter.close()
            export.write(episode, output, loudness=loudness, cover=cover, measured=measured)
        if cache:
            cache.exports.put(key, output, _episode_data(episode))
    files = [output]
    files += [transcripts.write(episode, output, kind) for kind in transcript_kinds]
    if read_along:
        files.append(readalong.write(episode, output, document.language))
    return ExportResult(output=output, duration=episode.duration, chapters=len(episode.chapters),
                        lines=len(planned.lines), episode=episode, warnings=planned.warnings + renderer.warnings,
                        files=files, synthesized=renderer.synthesized, cached=renderer.cached)


def play_article(
    source: str,
    command: Sequence[str],
    engines: Registry,
    assignments: Mapping[str, str] | None = None,
    engine: str | None = None,
    title: str | None = None,
    voice_dirs: Sequence[Path] = (),
    jobs: int = 1,
    progress: Progress | None = None,
    fallback: bool = False,
    lexicon: Mapping[str, str] | None = None,
    cache: ClipCache | None = None,
) -> float:
    """Speak `source` through a player as it renders; return the seconds of audio played.

    Raises:
        ReaderError: any user-fixable failure, naming the file, voice, engine or line.
    """
    preloading = _preload_default_voice(engines, engine)
    try:
        document = read_document(source, title)
        planned = plan(document, engines, assignments, engine, voice_dirs, fallback=fallback, lexicon=lexicon)
        renderer = synth.Renderer(engines, fallback=planned.fallback, cache=cache)
        clips = _counted(synth.render(planned.lines, engines, jobs=jobs, synthesize=renderer),
                         len(planned.lines), progress)
        return play.play(clips, command)
    finally:
        if preloading is not None:
            preloading.join()
