"""The command line: thin click commands over the library. The only module that prints."""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import click

from .errors import ReaderError
from .progress import Reporter

__all__ = ["App", "cli", "main"]

F = TypeVar("F", bound=Callable[..., Any])


def _registry() -> Any:
    from .engines import Registry

    return Registry.from_entry_points()


@dataclass
class App:
    """Per-invocation state. Real by default; tests pass obj=App(engines=Registry({...}))."""

    engines: Any = field(default_factory=_registry)
    debug: bool = False


class ReaderGroup(click.Group):
    """Prints any ReaderError as one 'Error: …' line (exit 1); --debug shows the traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ReaderError as exc:
            if isinstance(ctx.obj, App) and ctx.obj.debug:
                raise
            raise click.ClickException(" ".join(str(exc).split())) from exc


@click.group(cls=ReaderGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="article-reader")
@click.option("--debug", is_flag=True, help="Show tracebacks and debug logs.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Read news articles aloud: export audio files, play them now, build podcasts."""
    app = ctx.ensure_object(App)
    app.debug = debug
    logging.basicConfig(level=logging.DEBUG if debug else logging.WARNING, stream=sys.stderr,
                        format="%(levelname)s %(name)s: %(message)s")
    if not debug:  # extractor libraries log their own guesses as warnings; they are not the user's problem
        for name in ("trafilatura", "htmldate", "courlan", "charset_normalizer", "readability", "justext"):
            logging.getLogger(name).setLevel(logging.CRITICAL)


def _parse_voices(values: tuple[str, ...] | list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for value in values:
        role, sep, profile = value.partition("=")
        if not sep or not role.strip() or not profile.strip():
            raise click.BadParameter(f"{value!r} is not ROLE=PROFILE (e.g. quote=default)", param_hint="--voice")
        out[role.strip()] = profile.strip()
    return out


def _count(n: int, word: str) -> str:
    """'1 chapter', '3 chapters'."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _user_voice_dirs(extra: tuple[Path, ...]) -> list[Path]:
    """Voice folders, highest precedence first: --voices-dir, then the user's config folder."""
    from .config import APP_NAME

    return [*extra, Path(click.get_app_dir(APP_NAME)) / "voices"]


def _casting_options(params: dict[str, Any]) -> Any:
    """The CastingOptions of a command's parameters (the config file's defaults already merged in by click)."""
    from .options import CastingOptions

    # casting and normalize are imported only when a file needs reading: importing casting compiles
    # the segmenter's patterns, which `play` would rather overlap with loading the voice model.
    chosen: dict[str, str] = {}
    if params.get("cast_file"):
        from .casting import load_cast_file

        chosen = load_cast_file(params["cast_file"])
    chosen.update(_parse_voices(params.get("voice_args", ())))
    lexicon = params.get("lexicon")
    if lexicon:
        from .normalize import load_lexicon
    return CastingOptions(assignments=chosen, engine=params.get("engine"),
                          voice_dirs=tuple(_user_voice_dirs(tuple(params.get("voice_dirs", ())))),
                          fallback=bool(params.get("fallback")), lexicon=load_lexicon(lexicon) if lexicon else None)


def _export_options(params: dict[str, Any]) -> Any:
    """The ExportOptions of `export`'s (or `podcast`'s) parameters, built in one place."""
    from .options import ExportOptions

    tags = {key: params[name] for key, name in (("artist", "author"), ("album", "album"), ("date", "date_tag"))
            if params.get(name)}
    return ExportOptions(
        casting=_casting_options(params), title=params.get("title"),
        loudness=None if params.get("no_loudnorm") else params.get("loudness", -16.0),
        transcripts=tuple(params.get("transcript_kinds", ())), read_along=bool(params.get("read_along")),
        cover=params.get("cover"), tags=tags,
    )


def _cache(no_cache: bool) -> Any:
    from .cache import ClipCache
    from .config import cache_dir

    return None if no_cache else ClipCache(cache_dir())


def _options(*decorators: Any) -> Callable[[F], F]:
    def apply(func: F) -> F:
        for decorator in reversed(decorators):
            func = decorator(func)
        return func

    return apply


casting_options = _options(
    click.option("--voice", "voice_args", multiple=True, metavar="ROLE=PROFILE",
                 help="Voice for a role: narrator, quote, heading, fallback, speaker:NAME, lang:CODE. Repeatable."),
    click.option("--cast", "cast_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
                 help="Cast file (TOML) mapping roles, speakers and languages to voice profiles."),
    click.option("--engine", help="Speak everything with this engine (piper, espeak, pyttsx3, gtts, silence)."),
    click.option("--voices-dir", "voice_dirs", multiple=True, type=click.Path(file_okay=False, path_type=Path),
                 help="Extra folder of voice profiles (TOML). Repeatable."),
    click.option("--fallback", is_flag=True,
                 help="Read runs whose engine is unavailable (e.g. gtts offline) with an offline voice."),
    click.option("--lexicon", type=click.Path(exists=True, dir_okay=False, path_type=Path),
                 help="Pronunciation lexicon (TOML) that overrides the default text normalization."),
)
"""The options that make a CastingOptions (see `_casting_options`)."""

voice_options = _options(
    casting_options,
    click.option("-j", "--jobs", type=click.IntRange(1, 64), default=min(os.cpu_count() or 1, 8),
                 show_default="number of cores", help="Sentences synthesized at once."),
    click.option("--no-cache", is_flag=True, help="Render every clip again instead of using the clip cache."),
    click.option("-q", "--quiet", is_flag=True, help="No progress or summary on stderr."),
)

output_options = _options(
    click.option("--loudness", type=float, default=-16.0, show_default=True, help="Target loudness in LUFS."),
    click.option("--no-loudnorm", is_flag=True, help="Keep the engines' levels."),
    click.option("--transcript", "transcript_kinds", multiple=True, type=click.Choice(["vtt", "srt", "json"]),
                 help="Write a transcript beside the audio (json is the full timeline). Repeatable."),
    click.option("--read-along", is_flag=True, help="Write an HTML page beside the audio that highlights each run."),
    click.option("--author", help="Artist/author tag."),
    click.option("--album", help="Album/show tag."),
)
"""The options that, with the casting options, make an ExportOptions (see `_export_options`)."""


@cli.command("export")
@click.argument("source", metavar="INPUT")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Audio file to write; format from its extension. Default: INPUT's name with .mp3.")
@voice_options
@click.option("--title", help="Title for tags and the opening chapter (default: the article's).")
@output_options
@click.option("--cover", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Cover art (JPEG or PNG) to embed.")
@click.option("--date", "date_tag", help="Date tag (e.g. 2025-03-13).")
@click.option("--json", "as_json", is_flag=True, help="Print a machine-readable result on stdout.")
@click.pass_obj
def export_cmd(app: App, /, source: str, output: Path | None, jobs: int, no_cache: bool, quiet: bool, as_json: bool,
               **params: Any) -> None:
    """Read INPUT (a file, '-' for stdin, or a URL) aloud into an audio file."""
    from . import pipeline

    options = _export_options(params)
    target = output or Path(Path(source).stem if source != "-" else "article").with_suffix(".mp3")
    progress = Reporter(not (quiet or as_json))
    try:
        result = pipeline.export_article(source, target, app.engines, options, jobs=jobs, progress=progress,
                                         cache=_cache(no_cache))
    finally:
        progress.close()
    if as_json:
        click.echo(json.dumps({
            "outputs": [str(p) for p in result.files], "duration": round(result.duration, 3),
            "chapters": result.chapters, "utterances": result.lines, "synthesized": result.synthesized,
            "cached": result.cached, "warnings": result.warnings,
        }, ensure_ascii=False, indent=2))
    if not quiet:
        for warning in result.warnings:
            click.echo(f"warning: {warning}", err=True)
    if not (quiet or as_json):
        click.echo(f"wrote {result.output} ({result.duration / 60:.1f} min, {_count(result.chapters, 'chapter')}, "
                   f"{_count(result.lines, 'sentence')}, {result.cached} from cache)", err=True)
        for extra in result.files[1:]:
            click.echo(f"wrote {extra}", err=True)


@cli.command("play")
@click.argument("source", metavar="INPUT")
@voice_options
@click.option("--title", help="Title override.")
@click.option("--player", help="Command that plays a WAV stream from its standard input (e.g. 'mpv -').")
@click.pass_obj
def play_cmd(app: App, /, source: str, jobs: int, no_cache: bool, quiet: bool, title: str | None, player: str | None,
             **params: Any) -> None:
    """Speak INPUT now through a desktop player, starting while the rest is rendered."""
    from . import pipeline
    from .play import player_command

    if player is not None and not player.strip():
        raise click.BadParameter("is empty; give a command that reads audio on stdin, or leave it out",
                                 param_hint="--player")
    options = _casting_options(params)
    command = player_command(player)
    progress = Reporter(not quiet)
    try:
        seconds = pipeline.play_article(source, command, app.engines, options, title, jobs=jobs, progress=progress,
                                        cache=_cache(no_cache))
    finally:
        progress.close()
    if not quiet:
        click.echo(f"played {seconds / 60:.1f} min", err=True)


@cli.command("podcast")
@click.argument("manifest", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", "out", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the episodes and feed.xml.")
@click.option("-j", "--jobs", type=click.IntRange(1, 16), default=2, show_default=True,
              help="Episodes built at once.")
@click.option("--loudness", type=float, default=-16.0, show_default=True, help="Target loudness in LUFS.")
@click.option("--voices-dir", "voice_dirs", multiple=True, type=click.Path(file_okay=False, path_type=Path),
              help="Extra folder of voice profiles (TOML). Repeatable.")
@click.option("--fallback", is_flag=True, help="Read runs whose engine is unavailable with an offline voice.")
@click.option("--no-cache", is_flag=True, help="Render every clip again instead of using the clip cache.")
@click.option("-q", "--quiet", is_flag=True, help="No progress on stderr.")
@click.option("--json", "as_json", is_flag=True, help="Print a machine-readable result on stdout.")
@click.option("--cluster", metavar="tcp://HOST:PORT",
              help="Render the episodes on this Dask scheduler's workers (needs the [cluster] extra).")
@click.pass_obj
def podcast_cmd(app: App, /, manifest: Path, out: Path, jobs: int, no_cache: bool, quiet: bool, as_json: bool,
                cluster: str | None, **params: Any) -> None:
    """Build MANIFEST's episodes (only what changed) and an RSS feed into a folder."""
    from . import podcast

    show = podcast.load_manifest(manifest)
    runner = None
    if cluster:
        from . import batch

        runner = batch.connect(cluster)

    def report(result: podcast.EpisodeResult) -> None:
        if result.status == "failed":
            if not (quiet or as_json):
                click.echo(f"failed    {result.title}: {result.error}", err=True)
        elif not (quiet or as_json):
            click.echo(f"{result.status:9} {result.audio.name} ({result.duration / 60:.1f} min, "
                       f"{result.synthesized} synthesized, {result.cached} cached)", err=True)

    try:
        feed, results = podcast.build(
            show, out, app.engines, _export_options(params), cache=_cache(no_cache), jobs=jobs, on_episode=report,
            exporter=batch.RemoteExport(runner, use_cache=not no_cache) if runner else None)
    finally:
        if runner:
            runner.close()
    warnings = podcast.feed_warnings(show)
    if as_json:
        click.echo(json.dumps({"feed": str(feed), "warnings": warnings, "episodes": [
            {"guid": r.guid, "title": r.title, "status": r.status, "output": str(r.audio) if r.bytes else None,
             "duration": round(r.duration, 3), "bytes": r.bytes, "synthesized": r.synthesized,
             "cached": r.cached, "warnings": r.warnings, "error": r.error} for r in results]},
            ensure_ascii=False, indent=2))
    elif not quiet:
        for warning in warnings:
            click.echo(f"warning: {warning}", err=True)
        click.echo(f"wrote {feed}", err=True)
    failed = [r for r in results if r.status == "failed"]
    if failed:
        raise ReaderError(f"{len(failed)} of {len(results)} episodes failed (the feed has the rest): "
                          + "; ".join(r.error or r.guid for r in failed)[:2000])


@cli.command("batch")
@click.argument("source", metavar="MANIFEST_OR_FOLDER", type=click.Path(path_type=Path))
@click.option("-o", "--output", "out", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the finished files (NAME.mp3 and what else is asked for).")
@click.option("-j", "--jobs", type=click.IntRange(1, 64), default=min(os.cpu_count() or 1, 8),
              show_default="number of cores", help="Articles rendered at once on this machine (processes).")
@click.option("--cluster", metavar="tcp://HOST:PORT",
              help="Run on this Dask scheduler's workers instead (needs the [cluster] extra).")
@click.option("--format", "fmt", type=click.Choice(["mp3", "m4a", "m4b", "opus", "ogg", "flac", "wav"]),
              default="mp3", show_default=True, help="Audio format of every output.")
@casting_options
@output_options
@click.option("--no-cache", is_flag=True, help="Render every clip again instead of using each worker's clip cache.")
@click.option("-q", "--quiet", is_flag=True, help="No per-article lines on stderr.")
@click.option("--json", "as_json", is_flag=True, help="Print every article's outcome as JSON on stdout.")
@click.pass_obj
def batch_cmd(app: App, /, source: Path, out: Path, jobs: int, cluster: str | None, fmt: str, no_cache: bool,
              quiet: bool, as_json: bool, **params: Any) -> None:
    """Render every article of a folder or a manifest into OUTPUT, here or on a Dask cluster.

    Articles already finished by an earlier run (same input, same settings) are skipped; one that fails
    is reported with its error and the others still finish (exit status 1 then).
    """
    from . import batch

    params["voice_dirs"] = tuple(Path(p).resolve() for p in params.get("voice_dirs", ()))
    options = batch.JobSettings(export=_export_options(params), suffix=f".{fmt}", use_cache=not no_cache)
    jobs_list = batch.load_jobs(source, options)
    runner: batch.Runner = batch.connect(cluster) if cluster else batch.LocalRunner(jobs)

    def report(outcome: batch.Outcome) -> None:
        if quiet or as_json:
            return
        if outcome.status == "failed":
            click.echo(f"failed    {outcome.name}: {outcome.error}", err=True)
        else:
            click.echo(f"{outcome.status:9} {outcome.name} ({outcome.duration / 60:.1f} min"
                       + (f", {outcome.worker}" if outcome.worker else "") + ")", err=True)

    try:
        result = batch.run(jobs_list, out, runner, on_outcome=report)
    finally:
        runner.close()
    if as_json:
        click.echo(json.dumps(batch.summary(result), ensure_ascii=False, indent=2))
    if result.failed:
        raise ReaderError(f"{len(result.failed)} of {len(result.outcomes)} articles failed: "
                          + "; ".join(f"{o.name}: {o.error}" for o in result.failed)[:2000])
    if not (quiet or as_json):
        click.echo(f"{len(result.outcomes)} articles in {out} ({result.seconds:.1f} s, {result.where})", err=True)


@cli.command("voices")
@click.option("--engine", help="Only this engine.")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@click.option("--voices-dir", "voice_dirs", multiple=True, type=click.Path(file_okay=False, path_type=Path),
              help="Extra folder of voice profiles (TOML). Repeatable.")
@click.pass_obj
def voices_cmd(app: App, engine: str | None, as_json: bool, voice_dirs: tuple[Path, ...]) -> None:
    """List engines (available or not, and why), their voices, and the voice profiles."""
    from . import inventory

    listing = inventory.describe(app.engines, _user_voice_dirs(voice_dirs), engine)
    if as_json:
        click.echo(json.dumps(listing, ensure_ascii=False, indent=2))
        return
    for item in listing["engines"]:
        state = "available" if item["available"] else f"unavailable: {item['reason']}"
        net = ", online" if item["needs_network"] else ""
        click.echo(f"{item['name']} ({state}{net}) — {_count(len(item['voices']), 'voice')}")
        for voice in item["voices"][:12]:
            langs = ",".join(voice["languages"])
            click.echo(f"    {voice['id']:<28} {voice['name']} [{langs}]")
        if len(item["voices"]) > 12:
            click.echo(f"    … {len(item['voices']) - 12} more (--json lists all)")
    click.echo("\nprofiles:")
    for profile in listing["profiles"]:
        click.echo(f"  {profile['name']:<14} {profile['engine']:<8} {profile['language']:<5} {profile['description']}")


@cli.group("cache")
def cache_group() -> None:
    """Inspect or empty the clip cache."""


@cache_group.command("info")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
def cache_info(as_json: bool) -> None:
    """Where the clip cache and the startup cache are and how much they hold."""
    from . import startup

    stats = _cache(False).stats()
    files, size = startup.usage()
    if as_json:
        click.echo(json.dumps({"path": str(stats.path), "entries": stats.entries, "bytes": stats.bytes,
                               "startup": {"path": str(startup.startup_dir()), "files": files, "bytes": size}}))
    else:
        click.echo(f"{stats.path}: {_count(stats.entries, 'clip')}, {stats.bytes / 2**20:.1f} MiB")
        click.echo(f"{startup.startup_dir()}: startup cache, {_count(files, 'file')}, {size / 2**20:.1f} MiB")


@cache_group.command("clear")
def cache_clear() -> None:
    """Remove every cached clip and the startup cache."""
    from . import startup

    removed = _cache(False).clear()
    kept = startup.clear()
    click.echo(f"removed {_count(removed, 'clip')} and {_count(kept, 'startup cache file')}", err=True)


@cli.command("segments")
@click.argument("source", metavar="INPUT")
@click.option("--json", "as_json", is_flag=True, help="Print the segmentation as JSON.")
@click.option("--title", help="Override the title.")
@click.option("--spoken", is_flag=True,
              help="Show each sentence exactly as its voice will receive it (after normalization and the lexicon).")
@click.option("--lexicon", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Pronunciation lexicon (TOML) to apply, as export would.")
def segments_cmd(source: str, as_json: bool, title: str | None, spoken: bool, lexicon: Path | None) -> None:
    """Show how INPUT is split into headings, paragraphs and runs, and what is skipped."""
    from . import normalize, pipeline, segment

    document = pipeline.read_document(source, title)
    words = normalize.load_lexicon(lexicon) if lexicon else None
    if as_json:
        data = segment.to_json(document)
        for block_data, block in zip(data["blocks"], document.blocks, strict=True):
            for run_data, run in zip(block_data["runs"], block.runs, strict=True):
                run_data["sentences"] = [{"text": u.text, "spoken": u.spoken}
                                         for u in normalize.utterances(run.text, run.lang, words)]
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    click.echo(f"title: {document.title or '(none)'}   language: {document.language}")
    for i, block in enumerate(document.blocks, 1):
        click.echo(f"\n[{i}] {block.kind.value}")
        for run in block.runs:
            who = f" ({run.speaker}{' <- ' + repr(run.cue) if run.cue else ''})" if run.speaker else ""
            if spoken:
                said = " | ".join(u.spoken for u in normalize.utterances(run.text, run.lang, words))
                click.echo(f"  {run.role.value}{who} [{run.lang}]: {said}")
            else:
                click.echo(f"  {run.role.value}{who} [{run.lang}]: {run.text}")
    if document.skipped:
        click.echo("\nskipped:")
        for item in document.skipped:
            click.echo(f"  {item.reason}: {item.text}")


def _commands_and_options() -> dict[str, dict[str, str]]:
    """For each command: config key (its long option without dashes) -> parameter name."""
    table: dict[str, dict[str, str]] = {}
    for name, command in cli.commands.items():
        if isinstance(command, click.Group):
            continue
        keys: dict[str, str] = {}
        for param in command.params:
            if isinstance(param, click.Option) and param.name:
                for opt in param.opts:
                    if opt.startswith("--"):
                        keys[opt[2:]] = param.name
        table[name] = keys
    return table


def main() -> None:
    """Console-script entry point: config file defaults, one-line errors, Ctrl-C exits 130."""
    from .config import check_config_values, config_path, load_config

    # numpy's OpenBLAS starts a thread per core when it loads (15 ms here), for matrix products this
    # program never makes large; synthesis and leveling bring their own threads. A user's setting wins.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

    debug = "--debug" in sys.argv[1:]
    try:
        path = config_path()
        defaults = load_config(path, _commands_and_options())
        check_config_values(path, defaults, {name: {p.name: p for p in command.params if p.name}
                                             for name, command in cli.commands.items()})
    except ReaderError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(1)
    try:
        cli.main(prog_name="reader", default_map=defaults, standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(130)
    except KeyboardInterrupt:
        if debug:
            raise
        click.echo("Interrupted.", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except BrokenPipeError:
        # stdout closed early (e.g. `reader segments … | head`): not an error worth a traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)
