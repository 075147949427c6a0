"""The one-call library API: inputs to segmentation, to a checked plan of voices, to finished audio."""

from __future__ import annotations

import dataclasses
import inspect
import logging
import math
import os
import queue
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from . import articles, assemble, export, files, formats, play, readalong, synth, transcripts, voices
from .cache import ClipCache
from .engines import Registry
from .errors import ExportError, ReaderError
from .model import Article, BlockKind, Clip, Document, InputFormat, Line, Role, Run, Timeline, VoiceProfile
from .options import CastingOptions, ExportOptions
from .progress import advance as progress_advance
from .progress import phase as progress_phase

if TYPE_CHECKING:
    from . import casting

__all__ = ["ExportResult", "Progress", "export_article", "export_fingerprint", "play_article", "read_document"]

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
    timeline: Timeline
    """Where every chapter, run and sentence sits in the audio."""
    warnings: list[str] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    """Every file written: the audio, then transcripts and the read-along page."""
    synthesized: int = 0
    """Utterances rendered by an engine in this run."""
    cached: int = 0
    """Utterances taken from the clip cache."""


def read_document(source: str, title: str | None = None) -> Document:
    """Load and segment an input (path, '-' or URL)."""
    # Imported here, not at the top: compiling the segmenter's patterns takes a while, and `play_article`
    # starts loading the voice model first so that the two overlap.
    from . import segment

    return segment.split(articles.load(source, title=title))


def export_key(lines: Sequence[Line], engines: Registry, output: Path, texts: Mapping[tuple[int, int], str],
               tags: Mapping[str, str], options: ExportOptions) -> str:
    """A hash of everything an export's bytes depend on: the export cache's key, and what a podcast
    compares to know an episode is unchanged."""
    import hashlib
    import json
    from importlib.metadata import version as dist_version

    versions = {name: engines.get(name).version() for name in {line.voice.engine for line in lines}}
    digest = hashlib.sha256(json.dumps(
        [dist_version("article-reader"), output.suffix.lower(), options.fingerprint(), sorted(tags.items()),
         sorted((f"{b}/{r}", t) for (b, r), t in texts.items()),
         [[ClipCache.key(line.text, line.voice, versions[line.voice.engine]), line.block, line.run, line.kind.value,
           line.role.value, line.speaker, line.lang, line.last_in_run, line.display, line.fallback_from,
           line.voice.name] for line in lines]],
        ensure_ascii=False).encode())
    if options.cover is not None:
        digest.update(options.cover.read_bytes())
    return digest.hexdigest()


def _preload_default_voice(engines: Registry, engine: str | None, threads: int | None = None
                           ) -> threading.Thread | None:
    """Start loading the narrator's engine (its model) in the background, where the engine offers a
    `preload()`: a neural model is the slowest step before speech. `threads` goes to a preload that
    takes it (Piper's threads per synthesis); None is returned when the engine has no preload.

    Join the returned thread before the process ends: a model half-loaded at interpreter exit crashes.
    """
    name = engine or voices.DEFAULT_ENGINE
    if name not in engines.names() or getattr(engines.get(name), "preload", None) is None:
        return None

    # numpy's C extension breaks when two threads import it at once (the language model needs it too).
    import numpy  # noqa: F401

    def load() -> None:
        try:
            preload = getattr(engines.get(name), "preload", None)
            if preload and threads is not None and "threads" in inspect.signature(preload).parameters:
                preload(threads=threads)
            elif preload:
                preload()
        except ReaderError as exc:  # the real attempt later reports it properly
            log.debug("preloading %s failed: %s", name, exc)

    thread = threading.Thread(target=load, name="piper-preload", daemon=True)
    thread.start()
    return thread


def _counted(clips: Iterator[Clip], total: int, progress: Progress | None) -> Iterable[Clip]:
    for done, clip in enumerate(clips, 1):
        if progress:
            progress(done, total)
        yield clip


def _prepare(source: str, engines: Registry, options: ExportOptions
             ) -> tuple[Document, casting.Plan, str, dict[tuple[int, int], str], dict[str, str]]:
    """Read and plan an export: the document, its plan, title, run texts and tags."""
    from . import casting

    document = read_document(source, options.title)
    planned = casting.plan(document, engines, options.casting)
    name = options.title or document.title or (Path(source).stem if source != "-" else "") or "article"
    texts = {(b, r): run.text for b, block in enumerate(document.blocks) for r, run in enumerate(block.runs)}
    all_tags = {"title": name, "language": document.language, "comment": source if source != "-" else "",
                "genre": "Speech", **options.tags}
    return document, planned, name, texts, all_tags


def export_fingerprint(source: str, output: Path, engines: Registry, options: ExportOptions = ExportOptions()) -> str:
    """The key `export_article` with these options files its result under in the export cache: it
    changes exactly when the exported bytes would (text, voices and their profiles, lexicon, engine
    versions, tags, loudness, pauses, cover). Reads and plans the input; synthesizes nothing.

    Raises:
        ReaderError: the input, a voice or an engine is unusable.
    """
    _, planned, _, texts, all_tags = _prepare(source, engines, options)
    return export_key(planned.lines, engines, output, texts, all_tags, options)


def export_article(
    source: str,
    output: Path,
    engines: Registry,
    options: ExportOptions = ExportOptions(),
    *,
    jobs: int = 1,
    progress: Progress | None = None,
    cache: ClipCache | None = None,
) -> ExportResult:
    """Read `source` aloud into `output` (format by extension), plus any transcripts and read-along page.

    Every file appears only when complete. `options.tags` (artist, album, date, …) add to or override
    the title, language and source tags taken from the article.

    Raises:
        ReaderError: any user-fixable failure, naming the file, voice, engine or line.
    """
    formats.format_for(output)  # fail on a bad extension before minutes of synthesis
    files.check_outputs(source, output, [output.with_suffix(f".{kind}") for kind in options.transcripts]
                         + ([output.with_suffix(".html")] if options.read_along else []))
    progress_phase(progress, "reading the article")
    # Without a cache every line is synthesized: the narrator's model loads while the article is read.
    # (With one, a finished export may be copied whole, and waiting for a model would only slow that.)
    preloading = _preload_default_voice(engines, options.casting.engine) if cache is None else None
    try:
        return _export(source, output, engines, options, jobs, progress, cache)
    finally:
        if preloading is not None:
            preloading.join()


def _export(source: str, output: Path, engines: Registry, options: ExportOptions, jobs: int,
            progress: Progress | None, cache: ClipCache | None) -> ExportResult:
    document, planned, name, texts, all_tags = _prepare(source, engines, options)
    renderer = synth.Renderer(engines, fallback=planned.fallback, cache=cache, stand_in=planned.narrator)
    key = export_key(planned.lines, engines, output, texts, all_tags, options) if cache else ""
    loudness, pauses, cover = options.loudness, options.pauses, options.cover
    hit = cache.exports.get(key) if cache else None
    if hit is not None:
        timeline = Timeline.from_json(hit[1])
        with files.atomic_path(output) as tmp:
            shutil.copyfile(hit[0], tmp)
        renderer.cached = len(planned.lines)
    else:
        files.remove_stale(Path(tempfile.gettempdir()), "reader-*")
        with tempfile.TemporaryDirectory(prefix=f"reader-{os.getpid()}-") as work:
            clips = _counted(synth.render(planned.lines, engines, jobs=jobs, synthesize=renderer),
                             len(planned.lines), progress)
            meter = export.Meter(assemble.SAMPLE_RATE) if loudness is not None else None
            try:
                episode = assemble.join(clips, Path(work) / "episode.pcm", title=name, pauses=pauses,
                                        run_texts=texts, tee=meter)  # type: ignore[arg-type]
                if meter:
                    progress_phase(progress, "measuring loudness")
                measured = meter.result() if meter else None
            except OSError as exc:
                raise ExportError(f"{output}: cannot write the audio being assembled in {work}: "
                                  f"{exc.strerror or exc}; free some space or set TMPDIR") from exc
            finally:
                if meter:
                    meter.close()
            if options.title and episode.chapters:  # --title names the opening chapter too, even over a headline
                chapters = (dataclasses.replace(episode.chapters[0], title=options.title), *episode.chapters[1:])
                episode = dataclasses.replace(episode, timeline=dataclasses.replace(episode.timeline,
                                                                                    chapters=chapters))
            progress_phase(progress, "encoding", max(1, math.ceil(episode.duration)), "seconds of audio")
            export.write(episode, output, loudness=loudness, tags=all_tags, cover=cover, measured=measured,
                         progress=lambda seconds: progress_advance(progress, seconds))
            timeline = episode.timeline
        if cache:
            cache.exports.put(key, output, timeline.to_json())
    written = [output]
    written += [transcripts.write(timeline, output, kind) for kind in options.transcripts]
    if options.read_along:
        written.append(readalong.write(timeline, output, document.language))
    return ExportResult(output=output, duration=timeline.duration, chapters=len(timeline.chapters),
                        lines=len(planned.lines), timeline=timeline, warnings=planned.warnings + renderer.warnings,
                        files=written, synthesized=renderer.synthesized, cached=renderer.cached)


def play_article(
    source: str,
    command: Sequence[str],
    engines: Registry,
    options: CastingOptions = CastingOptions(),
    title: str | None = None,
    *,
    jobs: int = 1,
    progress: Progress | None = None,
    cache: ClipCache | None = None,
) -> float:
    """Speak `source` through a player as it renders; return the seconds of audio played.

    The narrator's model loads in the background from the start, and the article's first sentence
    is synthesized there as soon as it is known, while the rest of the article is segmented and
    cast; it is used only if the finished plan opens with exactly that sentence in that voice.

    Raises:
        ReaderError: any user-fixable failure, naming the file, voice, engine or line.
    """
    # A neural voice reads one sentence at a time on every core: the first sentence is heard sooner
    # than when two share the cores, and one at a time is still about 30 times faster than speech.
    threads = max(1, min(jobs, os.cpu_count() or 1))
    warm = _WarmUp.start(engines, options, threads)
    try:
        progress_phase(progress, "reading the article")
        article = articles.load(source, title=title)
        if warm is not None:
            warm.imported.wait()
        # Imported here, not at the top: compiling the segmenter's patterns overlaps the model's load.
        from . import casting, segment

        if warm is not None:
            first = _first_utterance(article, engines, options)
            if first is not None and cache is not None and cache.get(
                    ClipCache.key(*first, engines.get(first[1].engine).version())) is not None:
                first = None  # the clip cache has it: rendering it again would only slow the reading
            warm.announce(engines, first)
        document = segment.split(article)
        planned = casting.plan(document, engines, options)
        renderer = synth.Renderer(engines, fallback=planned.fallback, cache=cache, stand_in=planned.narrator)
        clips = _counted(synth.render(planned.lines, engines, jobs=1 if warm else jobs, synthesize=renderer),
                         len(planned.lines), progress)
        return play.play(clips, command)
    finally:
        if warm is not None:
            warm.finish()


@dataclass
class _WarmUp:
    """The narrator's engine made ready in a background thread while the article is read: its
    packages imported, its model loaded, then the first sentence synthesized once the main thread
    names it.

    Only engines with a `preload()` take part (Piper); `expect()`/`render_expected()` let the
    engine hand the early sentence to the `synthesize` call that asks for exactly it.
    """

    thread: threading.Thread
    imported: threading.Event
    """Set once numpy and the engine's packages are imported (or failed to be). The main thread waits
    for it before importing the segmenter: imports hold the interpreter lock, so the two would only
    take turns, and the model's load (which runs outside the lock) would start later. numpy must not
    be imported by two threads at once either (the segmenter's language model uses it)."""
    first: queue.SimpleQueue[str | None]
    """The engine name of the announced first sentence, or None when there is none to render."""

    @classmethod
    def start(cls, engines: Registry, options: CastingOptions, threads: int) -> _WarmUp | None:
        """Start warming up the narrator's engine; None when it has nothing to load."""
        name = options.engine or voices.DEFAULT_ENGINE
        try:
            if name not in engines.names() or getattr(engines.get(name), "preload", None) is None:
                return None
        except ReaderError:  # casting reports it, with the fix
            return None
        imported = threading.Event()
        first: queue.SimpleQueue[str | None] = queue.SimpleQueue()

        def run() -> None:
            try:
                import numpy  # noqa: F401

                narrator = _narrator(engines, options)
                if narrator is not None:
                    getattr(engines.get(narrator[0]), "import_runtime", lambda: None)()
            except Exception as exc:  # noqa: BLE001 - reported by the synthesis that needs it, with its line
                log.debug("preparing the narrator's engine failed: %s", exc)
                narrator = None
            finally:
                imported.set()
            if narrator is not None and _preload(engines, *narrator, threads) and first.get() == narrator[0]:
                engines.get(narrator[0]).render_expected()  # type: ignore[attr-defined]

        thread = threading.Thread(target=run, name="narrator-warm-up", daemon=True)
        thread.start()
        return cls(thread, imported, first)

    def announce(self, engines: Registry, utterance: tuple[str, VoiceProfile] | None) -> None:
        """Tell the engine which sentence comes first (its text and voice), or that none is known."""
        engine = engines.get(utterance[1].engine) if utterance is not None else None
        if utterance is None or not hasattr(engine, "expect") or not hasattr(engine, "render_expected"):
            self.first.put(None)
            return
        engine.expect(*utterance)  # type: ignore[union-attr]
        self.first.put(utterance[1].engine)

    def finish(self) -> None:
        """Wait for the background thread: a model half-loaded at interpreter exit crashes."""
        self.first.put(None)
        self.thread.join()


def _narrator(engines: Registry, options: CastingOptions) -> tuple[str, VoiceProfile | None] | None:
    """The narrator's engine and profile (None: the engine's default voice) as casting will find them
    from the options alone, when that engine has a model to preload; None otherwise.

    Raises:
        ReaderError: the engine cannot be loaded (reported again, properly, when it is needed).
    """
    if options.engine:
        name, profile = options.engine, None
    else:
        profile = voices.load_profiles(options.voice_dirs, broken={}).get(
            options.assignments.get("narrator", voices.DEFAULT))
        if profile is None:
            return None
        name = profile.engine
    return (name, profile) if name in engines.names() and hasattr(engines.get(name), "preload") else None


def _preload(engines: Registry, name: str, profile: VoiceProfile | None, threads: int) -> bool:
    """Load the narrator's model (in a background thread); whether it loaded. A failure is left for
    the real attempt to report, with the line and the fix."""
    try:
        preload = engines.get(name).preload  # type: ignore[attr-defined]
        if "threads" in inspect.signature(preload).parameters:
            preload(profile, threads=threads)
        else:
            preload(profile)
    except Exception as exc:  # noqa: BLE001 - reported by the synthesis that needs the model, with its line
        log.debug("preloading the narrator's voice failed: %s", exc)
        return False
    return True


def _first_utterance(article: Article, engines: Registry, options: CastingOptions
                     ) -> tuple[str, VoiceProfile] | None:
    """A cheap guess at the plan's first line, as (text, voice): the first sentence of the first unit
    the page filter keeps, normalized, in the voice casting gives it. None when a guess would cost
    much (HTML goes through a full extraction) or cannot be made early (a quotation first needs its
    speaker, a language the narrator does not speak needs a voice). The plan decides: a wrong guess
    only costs the time spent on it.
    """
    from . import casting, normalize, sentences
    from .engines import Capabilities
    from .segment import chrome, language, page, quotes

    if article.format is InputFormat.HTML:
        return None
    try:
        units = page.units_of_text(article.text, markdown=article.format is InputFormat.MARKDOWN)
        labels = [label for label, _ in chrome.classify(units)]
        kept = " ".join(u.text for u, label in zip(units, labels, strict=True) if label is chrome.Label.BODY)
        unit, label = next((u, label) for u, label in zip(units, labels, strict=True) if label is not chrome.Label.SKIP)
        doc_lang = language.detect(kept[:4000], "en")
        heading = label in (chrome.Label.TITLE, chrome.Label.HEADING)
        if heading and (unit.text.rstrip().endswith(":") or quotes.is_attributed_speech(unit.text)):
            return None  # read as a paragraph, perhaps in a quoted person's voice
        text = unit.text
        if not heading:
            pieces = quotes.split_quotes(unit.text)
            if unit.quote or not pieces or pieces[0].quote:
                return None
            text = pieces[0].text
        run = Run(Role.NARRATION, text, None, language.detect(unit.text, doc_lang))
        caps = engines.capabilities(options.engine) if options.engine else Capabilities()
        cast = casting.make_cast(voices.load_profiles(options.voice_dirs, broken={}), options.assignments,
                                 engine=options.engine, capabilities=caps)
        piece, lang, _ = casting.pieces(run)[0]
        code = lang.split("-")[0]
        if not caps.any_language and code not in cast.languages and not casting.speaks_language(cast.narrator, code):
            return None  # casting gives this language a voice of its own
        voice = cast.voice_for(BlockKind.HEADING if heading else BlockKind.PARAGRAPH,
                               dataclasses.replace(run, lang=lang), lambda name: (0, None))
        spoken = [p for p in sentences.split(normalize.normalize(piece, lang, lexicon=options.lexicon))
                  if any(c.isalnum() for c in p)]
        return (spoken[0], voice) if spoken else None
    except (ReaderError, StopIteration, IndexError) as exc:
        log.debug("no early first sentence: %s", exc)
        return None
