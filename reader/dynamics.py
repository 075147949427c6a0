"""Spoken-word dynamics in numpy: gentle compression, a gain and a look-ahead peak limiter.

Export needs an episode at a loudness target with its peaks under a ceiling. Speech stands 20-24 dB
from its peaks to its loudness, more than a -16 LUFS target with a -1.5 dBTP ceiling leaves, so the
peaks must come down. ffmpeg's `acompressor` and `alimiter` do that sample by sample in C loops that
cost more than eSpeak NG takes to speak the text. Here the gain is worked out per block of 64
samples (2.9 ms at 22,050 Hz) with whole-array operations and applied in one multiplication:

- compression evens loud and quiet syllables: the block level (RMS over 20 ms) above a threshold set
  under the episode's loudness is reduced 3:1 with a soft knee; the gain holds for 40 ms and glides
  over 40 ms, so it rides syllables, not waves;
- the limiter's gain for each block is the lowest any block within 9 ms needs to keep its highest
  sample (or half-way point between two samples, where resampling draws peaks: Lanczos-interpolated) under the ceiling,
  then averaged over 9 ms: the average never exceeds what any block within its reach needs, so no
  sample passes the ceiling.

The episode is processed in chunks with overlapping context, so memory stays flat however long it is.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

__all__ = ["BLOCK", "Leveling", "Sink", "amplify", "apply", "block_gains", "block_stats", "loudness_change", "process",
           "write"]


class Sink(Protocol):
    """Where leveled samples go: a file, an encoder's input, anything with write(bytes)."""

    def write(self, data: bytes, /) -> object: ...


BLOCK = 64
"""Samples per gain step."""
_CHUNK_BLOCKS = 1 << 12
"""Blocks processed at once (about 12 s at 22,050 Hz): small, so leveling adds little to the peak
memory of an export whose voice model is still loaded."""
_CONTEXT_BLOCKS = 64
"""Blocks of context on either side of a chunk: more than the windows below reach."""


@dataclass(frozen=True, slots=True)
class Leveling:
    """Compression from `threshold`, then `gain`, then a `ceiling` no sample may pass."""

    gain: float
    """dB, after compression."""
    ceiling: float
    """dBFS."""
    threshold: float
    """dBFS of the 20 ms RMS level where compression starts (before the gain)."""
    ratio: float = 3.0
    knee: float = 4.0
    """dB width of the soft knee."""


_LANCZOS = 4
"""Lobes of the Lanczos kernel that finds the peaks between samples (eight taps)."""


def numpy_taps() -> Any:
    """The eight taps that interpolate half-way between two samples."""
    import numpy as np

    t = np.arange(-_LANCZOS + 1, _LANCZOS + 1) - 0.5
    return (np.sinc(t) * np.sinc(t / _LANCZOS)).astype(np.float32)


def _blocks(rate: int, ms: float) -> int:
    return max(1, round(ms * rate / 1000 / BLOCK))


def _box(values: Any, half: int) -> Any:
    """Centered moving average over 2*half+1 values (at the edges, of those that exist)."""
    import numpy as np

    kernel = np.ones(2 * half + 1, dtype=np.float32)
    return np.convolve(values, kernel, mode="same") / np.convolve(np.ones_like(values), kernel, mode="same")


def _sliding_min(values: Any, half: int) -> Any:
    import numpy as np

    out = values.copy()
    for shift in range(1, half + 1):
        np.minimum(out[shift:], values[:-shift], out=out[shift:])
        np.minimum(out[:-shift], values[shift:], out=out[:-shift])
    return out


def _block_max(values: Any) -> Any:
    """The largest of each block of BLOCK values, by halving the blocks six times: numpy reduces a
    short last axis one row at a time, and halving runs whole-array maxima instead (about 3x faster)."""
    import numpy as np

    half = values.reshape(-1, BLOCK)
    width = BLOCK
    while width > 1:
        width //= 2
        half = np.maximum(half[:, :width], half[:, width:2 * width])
    return half[:, 0]


def block_stats(samples: Any) -> tuple[Any, Any]:
    """Peak (of samples and of the half-way points between them) and mean energy of each block of
    int16 `samples` (a whole number of blocks), as float32."""
    import numpy as np

    return _stats(samples.astype(np.float32))


def _stats(x: Any) -> tuple[Any, Any]:
    """`block_stats` of float32 samples (left as they are)."""
    import numpy as np

    blocks = x.reshape(-1, BLOCK)
    energy = np.einsum("ij,ij->i", blocks, blocks) / BLOCK
    level = np.abs(x)
    if len(x) >= 2 * _LANCZOS:
        # Half-way points by Lanczos interpolation (a = 4): within 0.05 dB of what a resampler draws
        # between eSpeak NG's samples of bright speech, where a four-tap cubic misses 3 dB. The point
        # after sample i counts in sample i's block.
        mid = np.convolve(x, numpy_taps()[::-1], mode="valid")
        np.abs(mid, out=mid)
        inner = level[_LANCZOS - 1:len(x) - _LANCZOS]
        np.maximum(inner, mid, out=inner)
    return _block_max(level), energy


def block_gains(peak: Any, energy: Any, level: Leveling, rate: int) -> Any:
    """Linear gain per block: compression, `level.gain`, and limiting under the ceiling."""
    import numpy as np

    if not len(peak):
        return peak
    loud = 10 * np.log10(_box(energy, _blocks(rate, 10)) + 1e-3) - 20 * math.log10(32768)
    over = loud - level.threshold
    slope, knee = 1 / level.ratio - 1, level.knee
    reduction = np.where(over > knee / 2, slope * over,
                         np.where(over > -knee / 2, slope * (over + knee / 2) ** 2 / (2 * knee), 0.0))
    hold = _blocks(rate, 20)
    total = 10 ** ((_box(_sliding_min(reduction, hold), hold) + level.gain) / 20)
    ceiling = 32767 * 10 ** (level.ceiling / 20)
    needed = np.minimum(1.0, ceiling / np.maximum(peak * total, 1e-3))
    if needed.min() < 1.0:
        smooth = _blocks(rate, 8)
        needed = np.minimum(_box(_sliding_min(needed, 2 * smooth + 1), smooth), needed)
    return (total * needed).astype(np.float32)


def loudness_change(energy: Any, gains: Any) -> float:
    """dB the gains add to the loudness: energy-weighted over the blocks that count as speech (within
    a few hundredths of a dB of a BS.1770 measurement before and after)."""
    import numpy as np

    if not len(energy):
        return 0.0
    speech = energy > energy.mean() * 0.01  # BS.1770's relative gate sits 10 dB under the mean, this lower
    kept = float(np.dot(energy[speech], gains[speech] ** 2))
    total = float(energy[speech].sum())
    return 10 * math.log10(kept / total) if total > 0 and kept > 0 else 0.0


def process(samples: Any, level: Leveling, rate: int) -> Any:
    """Level int16 samples in memory; returns int16."""
    import numpy as np

    pad = -len(samples) % BLOCK
    padded = np.concatenate([samples, np.zeros(pad, dtype=np.int16)]) if pad else samples
    x = padded.astype(np.float32)
    gains = block_gains(*_stats(x), level, rate)
    out = x.reshape(-1, BLOCK)
    out *= gains[:, None]
    np.clip(out, -32768, 32767, out=out)
    return out.reshape(-1)[:len(samples)].astype(np.int16)


def apply(source: Path, target: Path, level: Leveling, rate: int) -> None:
    """Level a mono s16le PCM file into another, chunk by chunk."""
    with open(target, "wb") as out:
        write(source, out, level, rate)


def amplify(source: Path, sink: Sink, gain: float) -> None:
    """A mono s16le PCM file into `sink` with a plain gain in dB (samples clipped, never wrapped), chunk by chunk."""
    import numpy as np

    factor = np.float32(10 ** (gain / 20))
    with open(source, "rb") as pcm:
        while chunk := pcm.read(_CHUNK_BLOCKS * BLOCK * 2):
            samples = np.frombuffer(chunk, dtype=np.int16).astype(np.float32)
            samples *= factor
            np.rint(samples, out=samples)
            np.clip(samples, -32768, 32767, out=samples)
            sink.write(samples.astype(np.int16).tobytes())


def write(source: Path, sink: Sink, level: Leveling, rate: int, workers: int | None = None) -> None:
    """Level a mono s16le PCM file into `sink` (a file, or an encoder's input), chunk by chunk.

    Chunks are leveled by up to `workers` threads at once (default: two where there are two cores;
    numpy lets go of the interpreter lock for its array work) and written in order.
    """
    import os
    from contextlib import closing

    import numpy as np

    from . import parallel

    data = np.memmap(source, dtype=np.int16, mode="r") if source.stat().st_size >= 2 else np.zeros(0, np.int16)
    step, context = _CHUNK_BLOCKS * BLOCK, _CONTEXT_BLOCKS * BLOCK

    def chunk(start: int) -> bytes:
        # Context is a whole number of blocks, so block edges line up across chunks.
        lo, hi = max(0, start - context), min(len(data), start + step + context)
        leveled = process(np.asarray(data[lo:hi]), level, rate)
        return bytes(leveled[start - lo:start - lo + min(step, len(data) - start)].tobytes())

    starts = range(0, len(data), step)
    workers = min(workers or min(2, os.cpu_count() or 1), len(starts))
    with closing(parallel.in_order(chunk, starts, workers, "leveling")) as pieces:
        for piece in pieces:
            sink.write(piece)
