"""Listening now: stream clips to a desktop player as they are rendered, so speech starts at once.

The player reads a WAV stream on its standard input (mpv, ffplay, cvlc, aplay, or any `--player`
command), or raw samples (paplay). macOS's afplay cannot read a pipe, so it gets one short file per
clip, played in order. Nothing goes through a shell.
"""

from __future__ import annotations

import logging
import os
import shlex
import shutil
import struct
import subprocess
import tempfile
from collections.abc import Iterable, Sequence
from typing import IO

from . import assemble
from .errors import ReaderError
from .model import Clip

__all__ = ["PLAYERS", "find_player", "play", "player_command", "wav_stream_header"]

log = logging.getLogger(__name__)

PLAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("mpv", ("--no-video", "--really-quiet", "--cache=no", "-")),
    ("ffplay", ("-nodisp", "-autoexit", "-loglevel", "quiet", "-i", "-")),
    ("cvlc", ("--play-and-exit", "--quiet", "-")),
    ("paplay", ("--raw", "--rate={rate}", "--channels=1", "--format=s16le")),
    ("aplay", ("-q", "-")),
    ("afplay", ()),
)
"""Players tried in order, with the arguments that make them read standard input."""


def wav_stream_header(rate: int, channels: int = 1) -> bytes:
    """A WAV header for a stream of unknown length (sizes set to the maximum, as pipes require)."""
    block = 2 * channels
    return (b"RIFF" + struct.pack("<I", 0xFFFFFFFF) + b"WAVEfmt " + struct.pack("<IHHIIHH", 16, 1, channels, rate,
            rate * block, block, 16) + b"data" + struct.pack("<I", 0xFFFFFFFF))


def find_player() -> list[str] | None:
    """The first known player on PATH, as a command line; None when there is none."""
    for name, args in PLAYERS:
        exe = shutil.which(name)
        if exe:
            return [exe, *args]
    return None


def player_command(custom: str | None) -> list[str]:
    """The command to play with: `custom` split like a shell would (but never run by one), or a found player.

    Raises:
        ReaderError: no player is installed and none was given.
    """
    if custom is not None:
        try:
            parts = shlex.split(custom)
        except ValueError as exc:
            raise ReaderError(f"player {custom!r}: {exc}; quote the command as a shell would") from None
        if not parts:
            raise ReaderError("--player is empty; give a command that reads audio on stdin, or leave it out")
        if not parts or shutil.which(parts[0]) is None:
            raise ReaderError(f"player {custom!r} not found; give a command that reads audio on stdin")
        return parts
    found = find_player()
    if found is None:
        raise ReaderError("no audio player found (mpv, ffplay, cvlc, paplay, aplay, afplay); install one, "
                          "pass --player CMD, or use `reader export` to write a file")
    return found


class _ClipFiles:
    """A sink for players that need files (afplay): each chunk becomes a WAV played to the end."""

    def __init__(self, command: Sequence[str], rate: int) -> None:
        self.command = list(command)
        self.rate = rate

    def write(self, data: bytes) -> int:
        if not data.strip(b"\0"):
            return len(data)  # pauses are the gaps between files
        fd, path = tempfile.mkstemp(prefix="reader-play-", suffix=".wav")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(wav_stream_header(self.rate)[:40] + struct.pack("<I", len(data)) + data)
            done = subprocess.run([*self.command, path], check=False)
            if done.returncode != 0:
                raise ReaderError(f"player {self.command[0]!r} failed (exit status {done.returncode})")
        finally:
            os.unlink(path)
        return len(data)


def play(clips: Iterable[Clip], command: Sequence[str], pauses: assemble.Pauses = assemble.Pauses(),
         sample_rate: int = assemble.SAMPLE_RATE) -> float:
    """Stream `clips` to the player `command`; return seconds of audio sent. Stops cleanly on Ctrl-C.

    Raises:
        ReaderError: the player could not be started.
    """
    argv = [part.replace("{rate}", str(sample_rate)) for part in command]
    if os.path.basename(argv[0]) == "afplay":
        return assemble.stream(clips, _ClipFiles(argv, sample_rate), pauses, sample_rate) / sample_rate  # type: ignore[arg-type]
    raw = os.path.basename(argv[0]) == "paplay"
    try:
        proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL)
    except OSError as exc:
        raise ReaderError(f"cannot start player {argv[0]!r}: {exc.strerror}") from exc
    sink: IO[bytes] | None = proc.stdin
    if sink is None:
        raise ReaderError(f"player {argv[0]!r} has no input")
    frames = 0
    closed_early = False
    try:
        if not raw:
            sink.write(wav_stream_header(sample_rate))
        frames = assemble.stream(clips, _Flushing(sink), pauses, sample_rate)  # type: ignore[arg-type]
        sink.close()
        proc.wait()
    except BrokenPipeError:
        closed_early = True
    except KeyboardInterrupt:
        proc.terminate()
        raise
    finally:
        if proc.poll() is None and sink.closed is False:
            try:
                sink.close()
            except BrokenPipeError:
                closed_early = True
        if proc.poll() is None:
            proc.wait()
    _check_player(argv[0], proc.returncode, closed_early)
    return frames / sample_rate


def _check_player(name: str, status: int, closed_early: bool) -> None:
    """A player that failed, or stopped reading before the end, means the listener did not hear it all.

    Raises:
        ReaderError: naming the player and its exit status.
    """
    player = os.path.basename(name)
    if status != 0:
        why = f"was killed by signal {-status}" if status < 0 else f"failed (exit status {status})"
        raise ReaderError(f"player {player!r} {why}; check that it plays audio here (a sound device), "
                          "or pass --player CMD, or use `reader export` to write a file")
    if closed_early:
        raise ReaderError(f"player {player!r} stopped reading before the end of the article (exit status 0); "
                          "give a command that plays a WAV stream from its standard input")


class _Flushing:
    """Writes through to the player at once: buffered audio would delay the first words."""

    def __init__(self, sink: IO[bytes]) -> None:
        self.sink = sink

    def write(self, data: bytes) -> int:
        written = self.sink.write(data)
        self.sink.flush()
        return written
