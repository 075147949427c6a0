"""Running the ffmpeg binary: locate it, call it without a shell, and turn failures into ExportError."""

from __future__ import annotations

import errno
import logging
import shutil
import subprocess
from collections.abc import Callable, Sequence
from functools import cache

from .errors import ExportError

__all__ = ["decode", "executable", "run"]

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
        progress: Callable[[float], None] | None = None) -> str:
    """Run ffmpeg with `args` (never through a shell); return its stderr text.

    With `progress`, it is called with the seconds of output written so far, as ffmpeg reports them.

    Raises:
        ExportError: ffmpeg failed; the message names `what` and ffmpeg's last complaint.
    """
    cmd = [executable(), "-hide_banner", "-nostdin", "-y", *args]
    log.debug("ffmpeg: %s", cmd)
    if progress is not None and stdin is None:
        return _run_reporting(cmd, what, progress)
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


def _run_reporting(cmd: list[str], what: str, progress: Callable[[float], None]) -> str:
    """Run ffmpeg with `-progress` on a pipe, passing the output time on as it grows."""
    import tempfile

    cmd = [cmd[0], "-progress", "pipe:1", "-nostats", *cmd[1:]]
    with tempfile.TemporaryFile() as errors:
        try:
            proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=errors)
        except OSError as exc:
            raise ExportError(f"{what}: could not run ffmpeg: {exc}") from exc
        assert proc.stdout is not None
        try:
            for raw in proc.stdout:
                key, _, value = raw.decode("ascii", "replace").strip().partition("=")
                if key == "out_time_us" and value.isdigit():
                    progress(int(value) / 1e6)
        finally:
            proc.stdout.close()
            code = proc.wait()
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
