"""Many articles to finished files: on this machine in worker processes, or on a Dask cluster.

The unit of work is one article. A worker gets the article's bytes (or its URL) and the export
settings, renders it with `pipeline.export_article` into its own temporary folder, and hands back the
finished audio, transcripts and timeline as bytes; only the client writes into the output folder, so
workers need no shared filesystem. Every output is written atomically and recorded in a state file,
so a batch that was interrupted and is run again redoes only what is missing or changed.

Dask (`dask.distributed`) is optional and imported only when a scheduler address is given.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import time
import tomllib
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from importlib.metadata import version as dist_version
from pathlib import Path
from typing import Any, Protocol

from .articles import read_file
from .errors import ReaderError
from .model import Timeline
from .options import ExportOptions

__all__ = ["ARTICLE_SUFFIXES", "BatchResult", "DaskRunner", "Job", "JobSettings", "LocalRunner", "Outcome",
           "RemoteExport", "Rendered", "Runner", "connect", "load_jobs", "render", "run"]

log = logging.getLogger(__name__)

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".xhtml")
"""Files a folder batch picks up."""

INSTALL_HINT = "pip install 'article-reader[cluster]'"
_STATE = ".reader-batch.json"
_URL = re.compile(r"https?://", re.I)


@dataclass(frozen=True, slots=True)
class JobSettings:
    """What a worker needs besides the article: the export options, and what travels with them."""

    export: ExportOptions = ExportOptions()
    """The house options object; its voice folders must exist at the same paths on every worker."""
    suffix: str = ".mp3"
    cover: tuple[str, bytes] | None = None
    """Cover art to embed: its file name (for the extension) and bytes, since workers share no files."""
    use_cache: bool = True
    """Use the worker's clip cache (READER_CACHE_DIR or the user cache folder on that worker)."""
    synth_jobs: int | None = None
    """Sentences synthesized at once inside one article; None lets the worker choose from its cores."""
    synth_jobs_by_worker: tuple[tuple[str, int], ...] = ()
    """Per Dask worker address, when several workers share one machine's cores."""


@dataclass(frozen=True, slots=True)
class Job:
    """One article to render: its name in the output folder, where it came from, and its bytes."""

    name: str
    """Output file stem, unique within the batch."""
    source: str
    """The path or URL the user gave, for messages and the source tag."""
    data: bytes | None
    """The article's bytes, read by the client; None for a URL the worker fetches itself."""
    title: str | None = None
    options: JobSettings = JobSettings()
    version: str = ""
    """The client's article-reader version; a worker running another one refuses the job."""

    @property
    def fingerprint(self) -> str:
        """A hash of everything the outputs depend on, to skip articles already done."""
        digest = hashlib.sha256(self.data if self.data is not None else self.source.encode())
        # Only what changes content: not the threads used to make it.
        cover = hashlib.sha256(self.options.cover[1]).hexdigest() if self.options.cover else None
        digest.update(json.dumps([self.name, self.title, self.version, self.options.export.fingerprint(),
                                  self.options.suffix, cover], default=str).encode())
        return digest.hexdigest()


@dataclass(frozen=True, slots=True)
class Rendered:
    """What a worker hands back: the finished files as bytes, and what making them took."""

    name: str
    files: tuple[tuple[str, bytes], ...] = ()
    """(suffix, bytes): the audio first, then transcripts and the read-along page."""
    timeline: str = ""
    """The episode's timeline as JSON text (runs, sentences, chapters, sample rate, tags)."""
    duration: float = 0.0
    chapters: int = 0
    lines: int = 0
    synthesized: int = 0
    cached: int = 0
    warnings: tuple[str, ...] = ()
    error: str | None = None
    """One line naming what went wrong, when the article failed."""
    worker: str = ""
    """host:pid of the process that rendered it."""
    peak_rss_mb: float = 0.0
    """That process's peak resident memory so far."""
    seconds: float = 0.0
    cpu_seconds: float = 0.0
    """CPU time the article took in the worker and its ffmpeg children (exact when a worker renders one
    article at a time)."""


@dataclass(frozen=True, slots=True)
class Outcome:
    """One article's result in a batch, as listed by `--json`."""

    name: str
    source: str
    status: str
    """'built', 'unchanged' (already done by an earlier run) or 'failed'."""
    outputs: tuple[Path, ...] = ()
    duration: float = 0.0
    chapters: int = 0
    synthesized: int = 0
    cached: int = 0
    warnings: tuple[str, ...] = ()
    error: str | None = None
    worker: str = ""
    peak_rss_mb: float = 0.0
    seconds: float = 0.0
    cpu_seconds: float = 0.0

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {"name": self.name, "source": self.source, "status": self.status,
                "outputs": [str(p) for p in self.outputs], "duration": round(self.duration, 3),
                "chapters": self.chapters, "synthesized": self.synthesized, "cached": self.cached,
                "warnings": list(self.warnings), "error": self.error, "worker": self.worker,
                "peak_rss_mb": round(self.peak_rss_mb, 1), "seconds": round(self.seconds, 3),
                "cpu_seconds": round(self.cpu_seconds, 3)}


@dataclass
class BatchResult:
    """A whole batch: every article's outcome, in input order, and the wall time."""

    outcomes: list[Outcome] = field(default_factory=list)
    seconds: float = 0.0
    where: str = ""

    @property
    def failed(self) -> list[Outcome]:
        """The outcomes that failed."""
        return [o for o in self.outcomes if o.status == "failed"]


# --- inputs -------------------------------------------------------------------------------------------


def _unique(stem: str, taken: set[str]) -> str:
    from .podcast import slug

    base = slug(stem, limit=80)
    name, n = base, 1
    while name in taken:
        n += 1
        name = f"{base}-{n}"
    taken.add(name)
    return name


def load_jobs(source: Path, options: JobSettings) -> list[Job]:
    """The batch's articles: every article file in a folder (sorted by name), or a TOML manifest:

    ```toml
    [[articles]]
    input = "ferry.txt"      # a path (relative to the manifest) or an http(s) URL
    title = "Night ferry"    # optional
    name = "ferry-2025"      # optional output file stem; by default the input's name
    ```

    Raises:
        ReaderError: no such folder or manifest, an unreadable manifest, a missing or unknown key.
    """
    version = dist_version("article-reader")
    taken: set[str] = set()
    jobs: list[Job] = []
    if source.is_dir():
        files = sorted(p for p in source.iterdir()
                       if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES and not p.name.startswith("."))
        if not files:
            raise ReaderError(f"{source}: no article files ({', '.join(ARTICLE_SUFFIXES)}) in this folder")
        for path in files:
            jobs.append(Job(name=_unique(path.stem, taken), source=str(path), data=read_file(path), options=options,
                            version=version))
        return jobs
    if not source.is_file():
        raise ReaderError(f"{source}: no such manifest or folder")
    try:
        raw = tomllib.loads(source.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ReaderError(f"{source}: cannot read manifest: {exc}; a batch manifest is TOML with [[articles]]") \
            from exc
    unknown = sorted(set(raw) - {"articles"})
    if unknown:
        raise ReaderError(f"{source}: unknown key {unknown[0]!r}; a batch manifest has only [[articles]]")
    entries = raw.get("articles")
    if not isinstance(entries, list) or not entries:
        raise ReaderError(f"{source}: no [[articles]]")
    for i, entry in enumerate(entries, 1):
        where = f"{source} article {i}"
        if not isinstance(entry, dict):
            raise ReaderError(f"{where}: must be a table")
        extra = sorted(set(entry) - {"input", "title", "name"})
        if extra:
            raise ReaderError(f"{where}: unknown key {extra[0]!r}; known: input, name, title")
        given = entry.get("input")
        if not isinstance(given, str) or not given.strip():
            raise ReaderError(f"{where}: missing key 'input'")
        for key in ("title", "name"):
            if key in entry and not isinstance(entry[key], str):
                raise ReaderError(f"{where}: key {key!r} must be a string")
        if _URL.match(given):
            stem = entry.get("name") or given.rstrip("/").rsplit("/", 1)[-1].rsplit(".", 1)[0] or "article"
            jobs.append(Job(name=_unique(stem, taken), source=given, data=None, title=entry.get("title"),
                            options=options, version=version))
        else:
            path = source.parent / given
            jobs.append(Job(name=_unique(entry.get("name") or path.stem, taken), source=str(path), data=read_file(path),
                            title=entry.get("title"), options=options, version=version))
    return jobs


# --- the worker side ------------------------------------------------------------------------------------

_ENGINES: Any = None


def _engines() -> Any:
    """One engine registry per worker process, so models load once and serve every article."""
    global _ENGINES
    if _ENGINES is None:
        from .engines import Registry

        _ENGINES = Registry.from_entry_points()
    return _ENGINES


def _peak_rss_mb() -> float:
    try:
        import resource
    except ImportError:  # Windows
        return 0.0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    import sys

    return peak / 2**20 if sys.platform == "darwin" else peak / 1024


def _cpu_seconds() -> float:
    """CPU time of this process and the children it has waited for (ffmpeg)."""
    try:
        import resource
    except ImportError:  # Windows
        return time.process_time()
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _synth_jobs(options: JobSettings) -> int:
    if options.synth_jobs:
        return options.synth_jobs
    cores = os.cpu_count() or 1
    try:
        from distributed import get_worker

        worker = get_worker()
    except (ImportError, ValueError):
        return cores
    chosen = dict(options.synth_jobs_by_worker).get(worker.address)
    return chosen or max(1, cores // max(1, worker.state.nthreads))


def render(job: Job) -> Rendered:
    """Render one article in this process and return its files as bytes; never raises for the article's
    own problems (they come back as `error`), so one bad article cannot stop a batch."""
    import socket
    import tempfile

    started, cpu = time.perf_counter(), _cpu_seconds()
    where = f"{socket.gethostname()}:{os.getpid()}"
    mine = dist_version("article-reader")
    if job.version and job.version != mine:
        return Rendered(name=job.name, error=f"worker {where} runs article-reader {mine}, the client {job.version}; "
                        f"install the same version on every worker", worker=where)
    from . import pipeline
    from .cache import ClipCache
    from .config import cache_dir

    options = job.options
    try:
        with tempfile.TemporaryDirectory(prefix=f"reader-{os.getpid()}-batch-") as work:
            if job.data is not None:
                # The file keeps its own name: its extension tells the format, its stem the default title.
                folder = Path(work) / "in"
                folder.mkdir()
                source = folder / Path(job.source).name
                source.write_bytes(job.data)
                given = str(source)
            else:
                given = job.source
            output = Path(work) / f"{job.name}{options.suffix}"
            cover = None
            if options.cover is not None:
                cover = Path(work) / f"cover{Path(options.cover[0]).suffix}"
                cover.write_bytes(options.cover[1])
            export = options.export.replace(title=job.title or options.export.title, cover=cover,
                                            tags={"comment": job.source, **options.export.tags})
            result = pipeline.export_article(given, output, _engines(), export, jobs=_synth_jobs(options),
                                             cache=ClipCache(cache_dir()) if options.use_cache else None)
            timeline = json.dumps(result.timeline.to_json())
            files = tuple((path.name[len(job.name):], path.read_bytes()) for path in result.files)
    except ReaderError as exc:
        return Rendered(name=job.name, error=" ".join(str(exc).split()), worker=where, peak_rss_mb=_peak_rss_mb(),
                        seconds=time.perf_counter() - started)
    except Exception as exc:  # noqa: BLE001 - a bug on one article must not sink the batch; reported with its type
        log.exception("rendering %s failed", job.source)
        return Rendered(name=job.name, error=f"{job.source}: internal error {type(exc).__name__}: "
                        f"{' '.join(str(exc).split())}", worker=where, peak_rss_mb=_peak_rss_mb(),
                        seconds=time.perf_counter() - started)
    return Rendered(name=job.name, files=files, timeline=timeline, duration=result.duration,
                    chapters=result.chapters, lines=result.lines, synthesized=result.synthesized,
                    cached=result.cached, warnings=tuple(result.warnings), worker=where,
                    peak_rss_mb=_peak_rss_mb(), seconds=time.perf_counter() - started,
                    cpu_seconds=_cpu_seconds() - cpu)


# --- runners ----------------------------------------------------------------------------------------------


class Runner(Protocol):
    """Somewhere jobs run: yields each job's Rendered as it finishes (in any order)."""

    where: str

    def run(self, jobs: Sequence[Job]) -> Iterator[tuple[Job, Rendered]]:
        """Render every job; a lost worker's jobs are run again, a job that cannot finish comes back failed."""
        ...

    def call(self, job: Job) -> Rendered:
        """Render one job and wait for it (safe to call from several threads at once)."""
        ...

    def close(self) -> None:
        """Release the workers or the connection."""
        ...


class LocalRunner:
    """Worker processes on this machine (nothing to start). Each renders one article at a time; the
    machine's cores are shared among them for sentence-level parallelism inside each article."""

    def __init__(self, jobs: int = 1) -> None:
        self.jobs = max(1, jobs)
        self.where = f"local, {self.jobs} process{'es' if self.jobs > 1 else ''}"
        self._pool: ProcessPoolExecutor | None = None

    def _executor(self) -> ProcessPoolExecutor:
        import multiprocessing

        if self._pool is None:
            # spawn: a fresh interpreter per worker, the same on every platform, no forked model threads
            self._pool = ProcessPoolExecutor(self.jobs, mp_context=multiprocessing.get_context("spawn"))
        return self._pool

    def _prepared(self, job: Job) -> Job:
        if job.options.synth_jobs:
            return job
        threads = max(1, (os.cpu_count() or 1) // self.jobs)
        return replace(job, options=replace(job.options, synth_jobs=threads))

    def run(self, jobs: Sequence[Job]) -> Iterator[tuple[Job, Rendered]]:
        """Render every job in the process pool; a crashed process costs only a retry of the unfinished."""
        pending = list(jobs)
        for attempt in range(3):
            if not pending:
                return
            pool = self._executor()
            futures: dict[Future[Rendered], Job] = {}
            queue = list(pending)
            broken = False
            while queue or futures:
                while queue and len(futures) < self.jobs * 2:
                    job = queue.pop(0)
                    try:
                        futures[pool.submit(render, self._prepared(job))] = job
                    except BrokenProcessPool:
                        queue.insert(0, job)
                        broken = True
                        break
                if broken or not futures:
                    break
                done, _ = wait(futures, return_when=FIRST_COMPLETED)
                for future in done:
                    job = futures.pop(future)
                    try:
                        rendered = future.result()
                    except BrokenProcessPool:
                        broken = True
                        continue
                    pending.remove(job)
                    yield job, rendered
                if broken:
                    break
            if broken:
                log.warning("a worker process died; running its %d unfinished articles again", len(pending))
                self.close()
        for job in pending:
            yield job, Rendered(name=job.name, error=f"{job.source}: the worker process rendering it died "
                                                     f"three times (out of memory?)")

    def call(self, job: Job) -> Rendered:
        """Render one job in the pool and wait for it."""
        return self._executor().submit(render, self._prepared(job)).result()

    def close(self) -> None:
        """Stop the worker processes."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


class DaskRunner:
    """An existing Dask scheduler and its workers. Results (audio bytes) come back to this client."""

    def __init__(self, client: Any, address: str) -> None:
        self.client = client
        self.where = f"Dask scheduler {address}"
        self._per_worker: tuple[tuple[str, int], ...] = ()

    def _prepared(self, job: Job) -> Job:
        if job.options.synth_jobs:
            return job
        return replace(job, options=replace(job.options, synth_jobs_by_worker=self._per_worker))

    def _plan_threads(self) -> None:
        """Share each machine's cores among the worker threads that run on it."""
        try:
            cores: dict[str, int] = self.client.run(os.cpu_count)
            workers = self.client.scheduler_info()["workers"]
        except Exception as exc:  # noqa: BLE001 - an optimisation only; workers fall back to their own guess
            log.debug("could not ask the workers for their cores: %s", exc)
            return
        per_host: dict[str, int] = {}
        for info in workers.values():
            per_host[info["host"]] = per_host.get(info["host"], 0) + int(info["nthreads"])
        self._per_worker = tuple(sorted(
            (address, max(1, (cores.get(address) or 1) // max(1, per_host.get(info["host"], 1))))
            for address, info in workers.items()))

    def run(self, jobs: Sequence[Job]) -> Iterator[tuple[Job, Rendered]]:
        """Submit every job; the scheduler reruns the jobs of a worker that dies."""
        from distributed import as_completed

        self._plan_threads()
        futures = {self.client.submit(render, self._prepared(job), key=f"article-{job.name}-{job.fingerprint[:12]}",
                                      pure=False): job for job in jobs}
        for future in as_completed(list(futures), loop=self.client.loop):  # type: ignore[no-untyped-call]
            job = futures.pop(future)
            yield job, self._result(job, future)
            future.release()

    def _result(self, job: Job, future: Any) -> Rendered:
        try:
            rendered: Rendered = future.result()
        except Exception as exc:  # noqa: BLE001 - KilledWorker, lost connection: this article failed, not the batch
            return Rendered(name=job.name, error=f"{job.source}: the cluster could not finish it "
                                                 f"({type(exc).__name__}: {' '.join(str(exc).split())[:200]})")
        return rendered

    def call(self, job: Job) -> Rendered:
        """Submit one job and wait for it."""
        if not self._per_worker:
            self._plan_threads()
        return self._result(job, self.client.submit(render, self._prepared(job), pure=False))

    def close(self) -> None:
        """Disconnect from the scheduler (the cluster keeps running)."""
        self.client.close()


def connect(address: str, timeout: float = 10.0) -> DaskRunner:
    """A runner on the Dask scheduler at `address` (tcp://HOST:PORT).

    Raises:
        ReaderError: Dask is not installed (names the install command), or the scheduler cannot be reached.
    """
    try:
        from distributed import Client
    except ImportError:
        raise ReaderError(f"--cluster needs Dask, which is not installed: {INSTALL_HINT}") from None
    if "://" not in address:
        address = f"tcp://{address}"
    try:
        client = Client(address, timeout=f"{timeout}s", set_as_default=False)  # type: ignore[no-untyped-call]
    except (OSError, TimeoutError) as exc:
        raise ReaderError(f"cannot reach the Dask scheduler at {address} ({' '.join(str(exc).split())[:160]}); "
                          f"start one with `dask scheduler` and workers with `dask worker {address}`") from exc
    return DaskRunner(client, address)


# --- the client side -----------------------------------------------------------------------------------


def _write_outputs(out: Path, rendered: Rendered) -> tuple[Path, ...]:
    from .files import atomic_path

    written = []
    for suffix, data in rendered.files:
        path = out / f"{rendered.name}{suffix}"
        with atomic_path(path) as tmp:
            tmp.write_bytes(data)
        written.append(path)
    return tuple(written)


def _load_state(path: Path) -> dict[str, Any]:
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return state if isinstance(state, dict) else {}


def _save_state(path: Path, state: Mapping[str, Any]) -> None:
    from .files import atomic_path

    with atomic_path(path) as tmp:
        tmp.write_text(json.dumps(state, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def run(jobs: Sequence[Job], out: Path, runner: Runner,
        on_outcome: Callable[[Outcome], None] | None = None) -> BatchResult:
    """Render `jobs` into `out` with `runner`, skipping those an earlier run already finished.

    Each article's files are written atomically as soon as it arrives, and the state file after them,
    so an interrupted batch loses at most the articles in flight.

    Raises:
        ReaderError: the output folder cannot be created or written.
    """
    started = time.perf_counter()
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ReaderError(f"{out}: cannot create the output folder: {exc.strerror}") from exc
    state_path = out / _STATE
    state = _load_state(state_path)
    outcomes: dict[str, Outcome] = {}
    todo: list[Job] = []
    for job in jobs:
        previous = state.get(job.name)
        if isinstance(previous, dict) and previous.get("fingerprint") == job.fingerprint \
                and all((out / name).is_file() for name in previous.get("files", [])):
            outcome = Outcome(name=job.name, source=job.source, status="unchanged",
                              outputs=tuple(out / name for name in previous["files"]),
                              duration=float(previous.get("duration", 0.0)),
                              chapters=int(previous.get("chapters", 0)))
            outcomes[job.name] = outcome
            if on_outcome:
                on_outcome(outcome)
        else:
            todo.append(job)
    # Longest first (URLs, of unknown length, before all): the last articles to finish are then short,
    # so fewer workers sit idle at the end of the batch.
    todo.sort(key=lambda job: -1 if job.data is None else -len(job.data))
    for job, rendered in runner.run(todo):
        if rendered.error is None:
            written = _write_outputs(out, rendered)
            previous = state.get(job.name)
            if isinstance(previous, dict):  # files an earlier run made with other settings (a dropped transcript)
                for stale in set(previous.get("files", [])) - {p.name for p in written}:
                    if "/" not in stale and stale.startswith(job.name):
                        (out / stale).unlink(missing_ok=True)
            state[job.name] = {"fingerprint": job.fingerprint, "files": [p.name for p in written],
                               "duration": rendered.duration, "chapters": rendered.chapters}
            _save_state(state_path, state)
            outcome = Outcome(name=job.name, source=job.source, status="built", outputs=written,
                              duration=rendered.duration, chapters=rendered.chapters,
                              synthesized=rendered.synthesized, cached=rendered.cached,
                              warnings=rendered.warnings, worker=rendered.worker,
                              peak_rss_mb=rendered.peak_rss_mb, seconds=rendered.seconds,
                              cpu_seconds=rendered.cpu_seconds)
        else:
            outcome = Outcome(name=job.name, source=job.source, status="failed", error=rendered.error,
                              worker=rendered.worker, peak_rss_mb=rendered.peak_rss_mb, seconds=rendered.seconds)
        outcomes[job.name] = outcome
        if on_outcome:
            on_outcome(outcome)
    return BatchResult(outcomes=[outcomes[job.name] for job in jobs], seconds=time.perf_counter() - started,
                       where=runner.where)


# --- podcasts on the same machinery --------------------------------------------------------------------


class RemoteExport:
    """`pipeline.export_article`'s shape for podcast builds, run through a Runner: the worker renders,
    this client writes the files where the podcast wants them."""

    def __init__(self, runner: Runner, use_cache: bool = True) -> None:
        self.runner = runner
        self.use_cache = use_cache

    def __call__(self, source: str, output: Path, engines: Any, options: ExportOptions = ExportOptions(), *,
                 cache: Any = None, **_: Any) -> Any:
        """Render `source` on a worker into `output` (and its transcripts); an ExportResult.

        Raises:
            ReaderError: the article failed on the worker (its one-line error).
        """
        from . import pipeline

        is_url = bool(_URL.match(source))
        cover = options.cover
        settings = JobSettings(export=options.replace(cover=None), suffix=output.suffix, use_cache=self.use_cache,
                               cover=(cover.name, cover.read_bytes()) if cover is not None else None)
        job = Job(name=output.stem, source=source, data=None if is_url else read_file(Path(source)), title=options.title,
                  options=settings, version=dist_version("article-reader"))
        rendered = self.runner.call(job)
        if rendered.error is not None:
            raise ReaderError(rendered.error)
        files = list(_write_outputs(output.parent, rendered))
        timeline = Timeline.from_json(json.loads(rendered.timeline))
        return pipeline.ExportResult(output=output, duration=rendered.duration, chapters=rendered.chapters,
                                     lines=rendered.lines, timeline=timeline, warnings=list(rendered.warnings),
                                     files=files, synthesized=rendered.synthesized, cached=rendered.cached)


def summary(result: BatchResult) -> dict[str, Any]:
    """The `--json` result of a batch."""
    counts: dict[str, int] = {}
    for outcome in result.outcomes:
        counts[outcome.status] = counts.get(outcome.status, 0) + 1
    return {"where": result.where, "seconds": round(result.seconds, 3), "counts": counts,
            "articles": [o.to_json() for o in result.outcomes]}

