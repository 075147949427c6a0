"""Running the ffmpeg binary: locate it, call it without a shell, and turn failures into ExportError."""

from __future__ import annotations

import errno
import logging
import shutil
import subprocess
from collections.abc import Callable, Sequence
from functools import cache
from typing import BinaryIO

from .errors import ExportError

__all__ = ["decode", "executable", "os_error_text", "run"]

log = logging.getLogger(__name__)


@cache
def executable() -> str:
    """The ffmpeg shipped by imageio-ffmpeg (honours IMAGEIO_FFMPEG_EXE), else one on PATH.

    Raises:
        ExportError: no ffmpeg can be found.
    """
    try:
        import imageio_ffmpeg

        return str(imageio_ffmpeg.get_ffmpeg_exe())
    except (ImportError, RuntimeError) as exc:
        found = shutil.which("ffmpeg")
        if found:
            return found
        raise ExportError(
            "encoding needs ffmpeg: pip install imageio-ffmpeg, or install ffmpeg on PATH; WAV needs neither"
        ) from exc


def run(args: Sequence[str], what: str, stdin: bytes | None = None, timeout: float | None = None,
        progress: Callable[[float], None] | None = None, feed: Callable[[BinaryIO], None] | None = None) -> str:
    """Run ffmpeg with `args` (never through a shell); return its stderr text.

    With `progress`, it is called with the seconds of output written so far, as ffmpeg reports them.
    With `feed`, ffmpeg's standard input (`pipe:0` in `args`) is written by `feed(stream)` in a thread
    while ffmpeg runs, so whatever makes the input works while ffmpeg encodes the part already made.

    Raises:
        ExportError: ffmpeg failed; the message names `what` and ffmpeg's last complaint.
    """
    cmd = [executable(), "-hide_banner", "-y", *args]
    log.debug("ffmpeg: %s", cmd)
    if feed is not None or (progress is not None and stdin is None):
        return _run_streaming(cmd, what, progress, feed)
    cmd.insert(2, "-nostdin")
    try:
        done = subprocess.run(
            cmd, input=stdin, stdin=None if stdin is not None else subprocess.DEVNULL,
            capture_output=True, timeout=timeout, check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise ExportError(f"{what}: could not run ffmpeg: {exc}") from exc
    err = done.stderr.decode("utf-8", "replace")
    if done.returncode != 0:
        _raise_os_error(what, done.returncode, err)
        last = [line for line in err.strip().splitlines() if line.strip()][-1:] or ["no message"]
        raise ExportError(f"{what}: ffmpeg failed ({done.returncode}): {last[0].strip()}")
    return err


def _run_streaming(cmd: list[str], what: str, progress: Callable[[float], None] | None,
                   feed: Callable[[BinaryIO], None] | None) -> str:
    """Run ffmpeg with `-progress` on a pipe (passing the output time on as it grows), its input
    written by `feed` in a thread."""
    import tempfile
    import threading

    cmd = [cmd[0], *(["-progress", "pipe:1", "-nostats"] if progress else []),
           *([] if feed else ["-nostdin"]), *cmd[1:]]
    failed: list[Exception] = []

    def write(stream: BinaryIO) -> None:
        assert feed is not None
        try:
            feed(stream)
        except BrokenPipeError:
            pass  # ffmpeg stopped reading: its own error says why
        except Exception as exc:  # noqa: BLE001 - re-raised in the caller's thread once ffmpeg has stopped
            failed.append(exc)
        finally:
            try:
                stream.close()
            except BrokenPipeError:
                pass

    with tempfile.TemporaryFile() as errors:
        try:
            proc = subprocess.Popen(cmd, stdin=subprocess.PIPE if feed else subprocess.DEVNULL,
                                    stdout=subprocess.PIPE if progress else subprocess.DEVNULL, stderr=errors)
        except OSError as exc:
            raise ExportError(f"{what}: could not run ffmpeg: {exc}") from exc
        writer = None
        if feed is not None:
            assert proc.stdin is not None
            writer = threading.Thread(target=write, args=(proc.stdin,), name="ffmpeg-input", daemon=True)
            writer.start()
        try:
            if progress is not None:
                assert proc.stdout is not None
                for raw in proc.stdout:
                    key, _, value = raw.decode("ascii", "replace").strip().partition("=")
                    if key == "out_time_us" and value.isdigit():
                        progress(int(value) / 1e6)
            code = proc.wait()
        finally:
            if proc.poll() is None:  # interrupted: ffmpeg must not outlive us
                proc.kill()
                proc.wait()
            if proc.stdout is not None:
                proc.stdout.close()
            if writer is not None:
                writer.join()
        if failed:  # making the input failed: that, not ffmpeg's view of a short input, is the error
            raise failed[0]
        errors.seek(0)
        err = errors.read().decode("utf-8", "replace")
    if code != 0:
        _raise_os_error(what, code, err)
        last = [line for line in err.strip().splitlines() if line.strip()][-1:] or ["no message"]
        raise ExportError(f"{what}: ffmpeg failed ({code}): {last[0].strip()}")
    return err


# ffmpeg exits with AVERROR(errno) & 0xFF; these are the ones a user can fix, with how.
_OS_ERRORS = {
    errno.ENOSPC: ("No space left on device", "free some space, or write somewhere else with -o"),
    errno.EDQUOT: ("Disk quota exceeded", "free some space, or write somewhere else with -o"),
    errno.EACCES: ("Permission denied", "write to a folder you own with -o"),
    errno.EROFS: ("Read-only file system", "write somewhere else with -o"),
}


def os_error_text(exc: OSError) -> str:
    """What a failed write means and how to fix it, in the words used for ffmpeg's own failures."""
    known = _OS_ERRORS.get(exc.errno) if exc.errno is not None else None
    return f"{known[0]}; {known[1]}" if known else str(exc.strerror or exc)


def _raise_os_error(what: str, code: int, err: str) -> None:
    """Name a full disk (or a denied write) as such, whatever the format, instead of 'Conversion failed!'.

    Raises:
        ExportError: ffmpeg failed because the operating system refused a write.
    """
    for number, (text, fix) in _OS_ERRORS.items():
        if code == (-number) & 0xFF or text.lower() in err.lower():
            raise ExportError(f"{what}: {text}; {fix}")


def decode(data: bytes, what: str, sample_rate: int = 24000) -> bytes:
    """Decode compressed audio bytes (MP3, …) to mono s16le PCM at `sample_rate`, through pipes.

    Raises:
        ExportError: ffmpeg could not decode the bytes.
    """
    cmd = [executable(), "-hide_banner", "-loglevel", "error", "-i", "pipe:0", "-f", "s16le", "-ac", "1",
           "-ar", str(sample_rate), "pipe:1"]
    try:
        done = subprocess.run(cmd, input=data, capture_output=True, timeout=120, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise ExportError(f"{what}: could not run ffmpeg: {exc}") from exc
    if done.returncode != 0:
        raise ExportError(f"{what}: ffmpeg could not decode the audio: {done.stderr.decode(errors='replace').strip()}")
    return done.stdout
