"""Export: encode an Episode to an audio file, loudness-normalized, with tags and chapters, atomically.

Encoded formats go through ffmpeg; WAV is written in process. The format table is `formats`, atomic
files are `files`, tags/chapters/covers are `tags`.
"""

from __future__ import annotations

import logging
import re
import subprocess
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, BinaryIO

from . import dynamics, ffmpeg
from .errors import ExportError
from .files import atomic_path
from .formats import format_for
from .model import Episode
from .tags import cover_args, embed_cover_with_mutagen, metadata_file, mp4_language, vorbis_chapters

__all__ = ["Loudness", "Meter", "leveling", "measure", "measure_episode", "write"]

log = logging.getLogger(__name__)

def _pcm_input(episode: Episode, piped: bool = False) -> list[str]:
    """ffmpeg's input options for the episode's PCM: its file, or (`piped`) standard input."""
    source = "pipe:0" if piped else f"file:{episode.pcm_path}"
    return ["-f", "s16le", "-ar", str(episode.sample_rate), "-ac", str(episode.channels), "-i", source]


_COMPRESS_BELOW = 8.0
"""dB under the episode's loudness where compression starts: it evens syllable-to-syllable level so
the limiter has little to do."""
_CEILING_MARGIN = 1.0
"""dB between a sample peak measured at the working rate and the true peak it may hide: below the
ceiling by this much, no limiter is needed."""


@dataclass(frozen=True, slots=True)
class Loudness:
    """What a Meter measured: ITU-R BS.1770 integrated loudness and the highest sample."""

    integrated: float
    """LUFS (-70 or below for silence)."""
    peak: float
    """dBFS of the highest sample."""


_SAMPLE_SPAN, _SAMPLE_MAX = 5.0, 60.0
"""How limiting is measured: on the whole episode up to 60 s, else on 5 s spans
spread evenly over it, 60 s in all."""


def _excerpt(episode: Episode) -> Any:
    """A sample of the episode's PCM (spans spread over all of it, each a whole number of blocks)."""
    import numpy

    data = numpy.memmap(episode.pcm_path, dtype=numpy.int16, mode="r")
    if episode.duration <= _SAMPLE_MAX:
        return numpy.array(data[:len(data) - len(data) % dynamics.BLOCK])
    span = round(_SAMPLE_SPAN * episode.sample_rate) // dynamics.BLOCK * dynamics.BLOCK
    step = round(episode.duration * _SAMPLE_SPAN / _SAMPLE_MAX * episode.sample_rate)
    spans = [data[offset:offset + span] for offset in range(0, len(data) - span, step)]
    return numpy.concatenate(spans) if spans else numpy.zeros(0, numpy.int16)


def _summary(err: str) -> Loudness:
    tail = err.rsplit("Summary:", 1)[-1]
    loud = re.search(r"I:\s+(-?[\d.]+|-inf) LUFS", tail)
    peak = re.search(r"Peak:\s+(-?[\d.]+|-inf) dBFS", tail)
    if not loud:
        raise ExportError("loudness measurement: ffmpeg printed no EBU R128 summary")
    return Loudness(float(loud.group(1)), float(peak.group(1)) if peak else -120.0)


def measure(episode: Episode, chain: str = "anull") -> tuple[float, float]:
    """Integrated loudness (LUFS) and true peak (dBTP) of the episode after `chain`, by ffmpeg's ebur128."""
    err = ffmpeg.run([*_pcm_input(episode), "-af", f"{chain},ebur128=peak=true:framelog=quiet", "-f", "null", "-"],
                     what=f"measuring loudness of {episode.title!r}")
    found = _summary(err)
    return found.integrated, found.peak


class Meter:
    """Measures PCM's loudness and peak while it is being written, so export needs no measuring pass.

    Feed it the same bytes as the episode file (`write`), then `result()`. In process through
    libebur128 (pyebur128) where that is installed, else in a parallel ffmpeg running its ebur128
    filter on the same stream.
    """

    def __init__(self, sample_rate: int, channels: int = 1) -> None:
        self._channels = channels
        self._rest = b""
        self._state: Any = None
        self._proc: subprocess.Popen[bytes] | None = None
        try:
            import pyebur128

            mode = pyebur128.MeasurementMode.MODE_I | pyebur128.MeasurementMode.MODE_SAMPLE_PEAK
            self._state = pyebur128.R128State(channels, sample_rate, mode)
            return
        except ImportError:
            log.debug("pyebur128 missing: measuring loudness with a parallel ffmpeg")
        cmd = [ffmpeg.executable(), "-hide_banner", "-nostdin", "-nostats", "-f", "s16le", "-ar", str(sample_rate),
               "-ac", str(channels), "-i", "pipe:0", "-af", "ebur128=peak=sample:framelog=quiet", "-f", "null", "-"]
        self._errors = tempfile.TemporaryFile()
        try:
            self._proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                          stderr=self._errors)
        except OSError as exc:
            raise ExportError(f"cannot run ffmpeg to measure loudness: {exc.strerror}") from exc

    def write(self, data: bytes) -> int:
        """Pass samples on to the measurement."""
        if self._proc is not None:
            if self._proc.stdin is not None:
                self._proc.stdin.write(data)
            return len(data)
        given = len(data)
        if self._rest:
            data = self._rest + data
        usable = len(data) - len(data) % (2 * self._channels)
        self._rest = bytes(data[usable:])
        if usable:
            # A plain memoryview of the bytes as shorts: libebur128 reads it in place, without numpy.
            self._state.add_frames(memoryview(data)[:usable].cast("h"), usable // (2 * self._channels))
        return given

    def close(self) -> None:
        """Stop measuring (used when the export fails)."""
        if self._proc is not None:
            if self._proc.poll() is None:
                self._proc.kill()
            self._proc.wait()
            self._errors.close()

    def result(self) -> Loudness:
        """Integrated loudness and sample peak of everything written.

        Raises:
            ExportError: ffmpeg failed or printed no summary.
        """
        if self._proc is None:
            import math

            import pyebur128

            level = pyebur128.get_loudness_global(self._state)
            peak = max(pyebur128.get_sample_peak(self._state, c) for c in range(self._channels))
            return Loudness(level if math.isfinite(level) else -70.0,
                            20 * math.log10(peak) if peak > 0 else -120.0)
        if self._proc.stdin is not None:
            self._proc.stdin.close()
        code = self._proc.wait()
        self._errors.seek(0)
        err = self._errors.read().decode("utf-8", "replace")
        self._errors.close()
        if code != 0:
            raise ExportError(f"loudness measurement: ffmpeg failed ({code})")
        return _summary(err)


def measure_episode(episode: Episode) -> Loudness:
    """Loudness and peak of an episode already on disk (when no Meter watched it being made)."""
    meter = Meter(episode.sample_rate, episode.channels)
    try:
        with open(episode.pcm_path, "rb") as pcm:
            while chunk := pcm.read(1 << 20):
                meter.write(chunk)
        return meter.result()
    finally:
        meter.close()


def leveling(episode: Episode, target: float, true_peak: float, headroom: float = 0.6,
             measured: Loudness | None = None) -> float | dynamics.Leveling | None:
    """How the episode reaches `target` LUFS with true peaks under `true_peak`: None when it is silent
    (a dry run), a plain gain in dB when its peaks allow, else a gain and a ceiling for
    `dynamics.apply`.

    The ceiling sits `headroom` dB under `true_peak` for the codec's own overshoot. How much limiting
    lowers the loudness depends on how peaky the speech is (Piper's peaks stand 20-24 dB over its
    loudness, eSpeak NG's about 20, more or less from text to text), so it is worked out on (a sample
    of) the episode rather than guessed. `measured` is what a Meter took while the episode was
    assembled.
    """
    if episode.frames == 0:
        return None
    found = measured if measured is not None else measure_episode(episode)
    if found.integrated <= -69:  # silence (a dry run): nothing to normalize
        return None
    ceiling = true_peak - headroom
    gain = target - found.integrated
    if found.peak + gain + _CEILING_MARGIN <= ceiling:
        log.debug("loudness: %.1f LUFS, gain %.2f dB, no limiting needed", found.integrated, gain)
        return gain
    # Compression and limiting lower the loudness (2-4 dB for speech), more as the gain grows: the
    # output's loudness is worked out on a sample of the episode (block energies weighted by the
    # gains, within a few hundredths of a dB of a BS.1770 measurement) and the gain found by secant.
    stats = dynamics.block_stats(_excerpt(episode))
    wanted = target - found.integrated
    plan = dynamics.Leveling(gain=gain, ceiling=ceiling, threshold=found.integrated - _COMPRESS_BELOW)

    def miss(gain: float) -> float:
        return dynamics.loudness_change(stats[1], dynamics.block_gains(*stats, replace(plan, gain=gain),
                                                                       episode.sample_rate)) - wanted

    # miss() grows with the gain but flattens as the limiter takes more: bracketed regula falsi
    # (Illinois), from the plain gain (never too loud) to 15 dB more.
    low, high = gain, gain + 15.0
    f_low, f_high = miss(low), miss(high)
    best = high if f_high <= 0 else low
    side = 0
    for _ in range(12):
        if f_high <= 0 or abs(f_low) < 0.02:
            break
        best = (low * f_high - high * f_low) / (f_high - f_low)
        f_best = miss(best)
        if abs(f_best) < 0.02:
            break
        if f_best < 0:
            low, f_low = best, f_best
            f_high = f_high / 2 if side == -1 else f_high
            side = -1
        else:
            high, f_high = best, f_best
            f_low = f_low / 2 if side == 1 else f_low
            side = 1
    plan = replace(plan, gain=best)
    taken = wanted - best
    log.debug("loudness: %.1f LUFS, peak %.1f dBFS; compression and limiting take %.2f dB; gain %.2f dB",
              found.integrated, found.peak, taken, plan.gain)
    return plan


_RIFF_INFO = {"title": b"INAM", "artist": b"IART", "album": b"IPRD", "comment": b"ICMT", "genre": b"IGNR",
              "date": b"ICRD", "language": b"ILNG", "copyright": b"ICOP", "track": b"IPRT",
              "encoded_by": b"ITCH"}
"""Tags a WAV file keeps, as RIFF INFO items (the names ffmpeg reads and writes; others have no place)."""
_WAV_LIMIT = 0xFFFFFFFF
"""Largest RIFF file: its sizes are 32-bit."""


def _riff_info(tags: Mapping[str, str]) -> bytes:
    """A LIST/INFO chunk with the tags WAV can carry (UTF-8, as ffmpeg writes them), or b"" for none."""
    import struct

    items = b""
    for key, value in tags.items():
        ident = _RIFF_INFO.get(key.lower())
        if ident is None or not value:
            continue
        text = value.encode("utf-8") + b"\0"
        items += ident + struct.pack("<I", len(text)) + text + b"\0" * (len(text) % 2)
    return b"LIST" + struct.pack("<I", 4 + len(items)) + b"INFO" + items if items else b""


def _write_wav(episode: Episode, path: Path, plan: float | dynamics.Leveling | None, tags: Mapping[str, str],
               progress: Callable[[float], None] | None, output: Path) -> None:
    """The episode as 16-bit PCM WAV at its own rate, leveled by `plan`, written to `path` in process
    (nothing to encode or resample, so no ffmpeg); messages name `output`, the file it becomes."""
    import shutil
    import struct

    info = _riff_info(tags)
    size = episode.frames * episode.channels * 2
    if 4 + 24 + len(info) + 8 + size > _WAV_LIMIT:
        raise ExportError(f"{output}: {episode.duration / 3600:.1f} hours do not fit in a WAV file (4 GiB at "
                          "most); export to .flac instead")
    rate, block = episode.sample_rate, 2 * episode.channels
    header = (b"RIFF" + struct.pack("<I", 4 + 24 + len(info) + 8 + size) + b"WAVE"
              + b"fmt " + struct.pack("<IHHIIHH", 16, 1, episode.channels, rate, rate * block, block, 16)
              + info + b"data" + struct.pack("<I", size))
    with open(path, "wb") as out:
        out.write(header)
        sink = _Progress(out, rate * block, progress)
        if isinstance(plan, dynamics.Leveling):
            dynamics.write(episode.pcm_path, sink, plan, rate)
        elif isinstance(plan, float):
            dynamics.amplify(episode.pcm_path, sink, plan)
        else:
            with open(episode.pcm_path, "rb") as pcm:
                shutil.copyfileobj(pcm, sink, 1 << 20)
        if out.tell() != len(header) + size:  # the episode file is not what assembly reported
            raise ExportError(f"{output}: the assembled audio in {episode.pcm_path} has "
                              f"{out.tell() - len(header)} bytes, not {size}")


class _Progress:
    """Passes writes on to a file, reporting the seconds of audio written so far."""

    def __init__(self, out: BinaryIO, per_second: int, progress: Callable[[float], None] | None) -> None:
        self._out, self._per_second, self._progress, self._written = out, per_second, progress, 0

    def write(self, data: bytes) -> int:
        count = self._out.write(data)
        self._written += len(data)
        if self._progress is not None:
            self._progress(self._written / self._per_second)
        return count


def write(
    episode: Episode,
    output: Path,
    loudness: float | None = -16.0,
    true_peak: float = -1.5,
    tags: Mapping[str, str] | None = None,
    cover: Path | None = None,
    measured: Loudness | None = None,
    progress: Callable[[float], None] | None = None,
) -> Path:
    """Encode `episode` to `output` (format by extension) with tags, chapters and cover art; atomic.

    `progress`, when given, is called with the seconds of audio encoded so far. `loudness` is the
    integrated target in LUFS (None leaves levels as synthesized); `measured` is what a Meter took
    while the episode was assembled (otherwise the episode is measured here first).

    Raises:
        ExportError: unknown format, unwritable folder, unreadable cover, or an encoder failure.
    """
    fmt = format_for(output)
    if cover is not None and not cover.is_file():
        raise ExportError(f"cover {cover}: no such image file")
    all_tags = dict(tags or {})
    plan = leveling(episode, loudness, true_peak, fmt.headroom, measured) if loudness is not None else None
    if fmt.sample_rate is None:  # PCM at the episode's rate: written here, no encoder
        with atomic_path(output) as tmp:
            try:
                _write_wav(episode, tmp, plan, all_tags, progress, output)
            except OSError as exc:
                raise ExportError(f"writing {output}: {ffmpeg.os_error_text(exc)}") from exc
        log.debug("wrote %s", output)
        return output
    resample = f"aresample={fmt.sample_rate}:resampler=soxr"
    chain = f"volume={plan:.2f}dB,{resample}" if isinstance(plan, float) else resample
    with tempfile.TemporaryDirectory(prefix="reader-export-") as work, atomic_path(output) as tmp:
        feed: Callable[[BinaryIO], None] | None = None
        if isinstance(plan, dynamics.Leveling):
            # Leveled chunk by chunk straight into the encoder, which encodes one chunk while the next
            # is leveled (on another core), with no leveled copy of the episode on disk.
            leveling_plan = plan

            def feed(sink: BinaryIO) -> None:
                dynamics.write(episode.pcm_path, sink, leveling_plan, episode.sample_rate)

        args = _pcm_input(episode, piped=feed is not None)
        inputs = 1
        maps = ["-map", "0:a"]
        if fmt.chapters and episode.chapters:
            args += ["-f", "ffmetadata", "-i", f"file:{metadata_file(episode, Path(work))}"]
            maps += ["-map_chapters", str(inputs)]
            inputs += 1
        if cover is not None and fmt.muxer in ("mp3", "ipod"):
            args += ["-i", f"file:{cover}"]
            maps += cover_args(cover, inputs)
            inputs += 1
        args += maps
        args += ["-af", chain, "-ac", str(episode.channels)]
        args += fmt.codec
        for key, value in all_tags.items():
            if value:
                args += ["-metadata", f"{key}={value}"]
        language = mp4_language(all_tags.get("language", "")) if fmt.muxer == "ipod" else None
        if language:  # MP4 keeps the language on the audio track, in three letters
            args += ["-metadata:s:a:0", f"language={language}"]
        args += ["-f", fmt.muxer, f"file:{tmp}"]
        ffmpeg.run(args, what=f"encoding {output}", progress=progress, feed=feed)
        if fmt.muxer in ("flac", "ogg") and episode.chapters:
            vorbis_chapters(tmp, episode)
        if cover is not None and fmt.muxer in ("ogg", "flac"):
            embed_cover_with_mutagen(tmp, fmt, cover)
    log.debug("wrote %s", output)
    return output
