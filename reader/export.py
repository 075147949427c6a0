"""Export: encode an Episode to an audio file, loudness-normalized, with tags and chapters, atomically.

Uses ffmpeg. The format table is `formats`, atomic files are `files`, tags/chapters/covers are `tags`.
"""

from __future__ import annotations

import logging
import re
import subprocess
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import ffmpeg
from .errors import ExportError
from .files import atomic_path
from .formats import format_for
from .model import Episode, Timeline
from .tags import cover_args, embed_cover_with_mutagen, metadata_file, mp4_language, vorbis_chapters

__all__ = ["Loudness", "Meter", "loudness_chain", "measure", "measure_episode", "write"]

log = logging.getLogger(__name__)

def _pcm_input(episode: Episode) -> list[str]:
    return ["-f", "s16le", "-ar", str(episode.sample_rate), "-ac", str(episode.channels),
            "-i", f"file:{episode.pcm_path}"]


_COMPRESSOR = "acompressor=threshold=-28dB:ratio=3:attack=8:release=120:knee=4"
"""Gentle spoken-word compression: evens sentence-to-sentence level so the limiter has little to do."""
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


def _limiter(true_peak: float) -> str:
    limit = 10 ** (true_peak / 20)
    return f"alimiter=limit={limit:.4f}:attack=4:release=60:level=disabled:latency=1"


_SAMPLE_SPAN, _SAMPLE_MAX = 5.0, 60.0
"""How compression and limiting are measured: on the whole episode up to 60 s, else on 5 s spans
spread evenly over it, 60 s in all."""


def _excerpt(episode: Episode, folder: Path) -> Path:
    """A sample of the episode's PCM (spans spread over all of it) for measuring the limiter on."""
    frame = 2 * episode.channels
    span = round(_SAMPLE_SPAN * episode.sample_rate) * frame
    every = episode.duration * _SAMPLE_SPAN / _SAMPLE_MAX
    step = round(every * episode.sample_rate) * frame
    path = folder / "excerpt.pcm"
    with open(episode.pcm_path, "rb") as pcm, open(path, "wb") as out:
        for offset in range(0, episode.frames * frame, step):
            pcm.seek(offset)
            out.write(pcm.read(span))
    return path


def _chain_output(episode: Episode, chain: str) -> tuple[float, float]:
    """Loudness of (a sample of) the episode before and after `chain`, in LUFS.

    How much compression and limiting lower the loudness depends on how peaky the speech is (Piper's
    peaks stand 20-24 dB over its loudness, eSpeak NG's about 20, more or less from text to text), so
    it is measured rather than guessed: the whole episode up to a minute, else evenly spread spans.
    """
    with tempfile.TemporaryDirectory(prefix="reader-limit-") as work:
        excerpt = _excerpt(episode, Path(work)) if episode.duration > _SAMPLE_MAX else episode.pcm_path
        before = measure_episode(Episode(pcm_path=excerpt, sample_rate=episode.sample_rate,
                                         channels=episode.channels, frames=excerpt.stat().st_size // 2,
                                         timeline=Timeline(title="", duration=0.0)))
        err = ffmpeg.run(["-f", "s16le", "-ar", str(episode.sample_rate), "-ac", str(episode.channels),
                          "-i", f"file:{excerpt}", "-af", f"{chain},ebur128=framelog=quiet", "-f", "null", "-"],
                         what=f"measuring the limiter on {episode.title!r}")
    return before.integrated, _summary(err).integrated


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
        import numpy

        data = self._rest + data
        usable = len(data) - len(data) % (2 * self._channels)
        self._rest = data[usable:]
        if usable:
            self._state.add_frames(numpy.frombuffer(data, dtype=numpy.int16, count=usable // 2),
                                   usable // (2 * self._channels))
        return len(data)

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


def loudness_chain(episode: Episode, target: float, true_peak: float, headroom: float = 0.6,
                   measured: Loudness | None = None, resample: str = "anull") -> str:
    """An ffmpeg filter chain that brings the episode to `target` LUFS with true peaks under `true_peak`.

    One gain, with (when the peaks would pass the ceiling `headroom` dB under `true_peak`, which the
    codec's own overshoot needs) gentle compression before it and a limiter after it. The limiter runs
    at the output rate, after resampling (the working rate's audio is band-limited far below it, so
    sample peaks there are true peaks within a fraction of a dB). `measured` is what a Meter took while the episode was assembled;
    `resample` is the filter that brings the audio to the output rate.
    """
    if episode.frames == 0:
        return "anull"
    found = measured if measured is not None else measure_episode(episode)
    if found.integrated <= -69:  # silence (a dry run): nothing to normalize
        return "anull"
    ceiling = true_peak - headroom
    gain = target - found.integrated
    if found.peak + gain + _CEILING_MARGIN <= ceiling:
        log.debug("loudness: %.1f LUFS, gain %.2f dB, no limiting needed", found.integrated, gain)
        return f"volume={gain:.2f}dB"
    chain = f"{_COMPRESSOR},volume={{gain:.2f}}dB,{resample},{_limiter(ceiling)}"
    before, out0 = _chain_output(episode, chain.format(gain=gain))
    if before <= -69 or out0 <= -69:
        return chain.format(gain=gain)
    # Output loudness is not linear in the gain (the limiter takes more as the gain grows): a second
    # measurement where the first one's loss is made up, then the secant between the two.
    first = gain
    gain = first + target - out0
    out1 = _chain_output(episode, chain.format(gain=gain))[1]
    if out1 - out0 > 0.05:
        gain += (target - out1) * (gain - first) / (out1 - out0)
    log.debug("loudness: %.1f LUFS, peak %.1f dBFS; after the chain %.1f then %.1f LUFS; gain %.2f dB",
              found.integrated, found.peak, out0, out1, gain)
    return chain.format(gain=gain)


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
    resample = f"aresample={fmt.sample_rate}:resampler=soxr"
    chain = "anull"
    if loudness is not None:
        chain = loudness_chain(episode, loudness, true_peak, fmt.headroom, measured, resample)
    with tempfile.TemporaryDirectory(prefix="reader-export-") as work, atomic_path(output) as tmp:
        args = _pcm_input(episode)
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
        if resample not in chain:
            chain = f"{chain},{resample}"
        args += ["-af", chain, "-ac", str(episode.channels)]
        args += fmt.codec
        for key, value in all_tags.items():
            if value:
                args += ["-metadata", f"{key}={value}"]
        language = mp4_language(all_tags.get("language", ""))
        if fmt.muxer == "ipod" and language:  # MP4 keeps the language on the audio track, in three letters
            args += ["-metadata:s:a:0", f"language={language}"]
        args += ["-f", fmt.muxer, f"file:{tmp}"]
        ffmpeg.run(args, what=f"encoding {output}", progress=progress)
        if fmt.muxer in ("flac", "ogg") and episode.chapters:
            vorbis_chapters(tmp, episode)
        if cover is not None and fmt.muxer in ("ogg", "flac"):
            embed_cover_with_mutagen(tmp, fmt, cover)
    log.debug("wrote %s", output)
    return output
