"""Leveling in numpy: the ceiling holds between samples too, chunks join seamlessly, quiet parts keep their level."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from reader import dynamics

RATE = 22050


def _speechlike(seconds: float, seed: int = 1) -> np.ndarray:
    """Bursts of harmonics of 120 Hz and a bright tone at a quarter of the rate (sampled 45 degrees off
    its crests, so its peaks fall between samples, as in a fricative), with pauses: peaky like speech."""
    rng = np.random.default_rng(seed)
    t = np.arange(int(seconds * RATE)) / RATE
    voice = sum(np.sin(2 * np.pi * 120 * k * t + rng.uniform(0, 6)) / k for k in range(1, 30))
    bright = 3.0 * np.sin(2 * np.pi * RATE / 4 * t + np.pi / 4) * (np.sin(2 * np.pi * 3 * t) > 0.6)
    envelope = np.repeat(rng.choice([0.0, 0.1, 0.4, 1.0], size=len(t) // 4410 + 1), 4410)[: len(t)]
    x = (voice + bright) * envelope
    return np.round(x / np.abs(x).max() * 30000).astype(np.int16)


def _half_sample_peak(x: np.ndarray) -> float:
    """Highest point of the signal upsampled eightfold by a long windowed sinc (a reference interpolator)."""
    f = x.astype(np.float64)
    taps = np.arange(-32, 33)
    best = float(np.abs(f).max())
    for phase in np.arange(1, 8) / 8:
        kernel = np.sinc(taps - phase) * np.hanning(len(taps) + 2)[1:-1]
        best = max(best, float(np.abs(np.convolve(f, kernel[::-1], mode="same")).max()))
    return best


def test_the_ceiling_holds_at_and_between_samples() -> None:
    x = _speechlike(20)
    level = dynamics.Leveling(gain=20.0, ceiling=-2.0, threshold=0.0)  # the limiter does all the work
    y = dynamics.process(x, level, RATE)
    ceiling = 32767 * 10 ** (-2.0 / 20)
    assert np.abs(y.astype(np.int32)).max() <= ceiling + 1
    assert _half_sample_peak(y) <= ceiling * 10 ** (0.3 / 20)  # within 0.3 dB between samples
    assert len(y) == len(x) and y.dtype == np.int16


def test_gain_without_limiting_is_exact_below_the_threshold() -> None:
    x = (_speechlike(5) // 20).astype(np.int16)  # about -26 dBFS peaks
    level = dynamics.Leveling(gain=6.0, ceiling=-1.0, threshold=0.0)  # compression never starts
    y = dynamics.process(x, level, RATE)
    loud = np.abs(x) > 100
    assert np.allclose(y[loud] / x[loud], 10 ** (6 / 20), rtol=0.01)


def test_files_level_in_chunks_exactly_as_in_one_piece(tmp_path: Path) -> None:
    x = _speechlike(30, seed=3)
    source, target = tmp_path / "in.pcm", tmp_path / "out.pcm"
    source.write_bytes(x.tobytes())
    level = dynamics.Leveling(gain=10.0, ceiling=-2.0, threshold=-28.0)
    old = dynamics._CHUNK_BLOCKS
    try:
        dynamics._CHUNK_BLOCKS = 1 << 9  # many chunks over 30 s
        dynamics.apply(source, target, level, RATE)
    finally:
        dynamics._CHUNK_BLOCKS = old
    assert np.array_equal(np.frombuffer(target.read_bytes(), dtype=np.int16), dynamics.process(x, level, RATE))


def test_the_loudness_estimate_follows_the_gains() -> None:
    x = _speechlike(20, seed=5)
    peak, energy = dynamics.block_stats(x[: len(x) - len(x) % dynamics.BLOCK])
    level = dynamics.Leveling(gain=12.0, ceiling=-2.0, threshold=-24.0)
    gains = dynamics.block_gains(peak, energy, level, RATE)
    y = dynamics.process(x, level, RATE).astype(np.float64)
    measured = 10 * np.log10(np.mean(y**2) / np.mean(x.astype(np.float64) ** 2))
    assert abs(dynamics.loudness_change(energy, gains) - measured) < 0.3
    assert dynamics.loudness_change(energy, np.ones_like(gains)) == 0.0


def test_chunks_leveled_side_by_side_arrive_in_order(tmp_path: Path) -> None:
    import io

    import pytest

    x = _speechlike(12, seed=7)
    source = tmp_path / "in.pcm"
    source.write_bytes(x.tobytes())
    level = dynamics.Leveling(gain=10.0, ceiling=-2.0, threshold=-28.0)
    old = dynamics._CHUNK_BLOCKS
    try:
        dynamics._CHUNK_BLOCKS = 1 << 8  # about 17 chunks
        outputs = []
        for workers in (1, 3):
            sink = io.BytesIO()
            dynamics.write(source, sink, level, RATE, workers=workers)
            outputs.append(sink.getvalue())

        class Full:
            written = 0

            def write(self, data: bytes) -> int:
                self.written += 1
                if self.written == 3:
                    raise OSError(28, "No space left on device")
                return len(data)

        with pytest.raises(OSError, match="No space"):
            dynamics.write(source, Full(), level, RATE, workers=3)
    finally:
        dynamics._CHUNK_BLOCKS = old
    assert outputs[0] == outputs[1] == dynamics.process(x, level, RATE).tobytes()


def test_a_plain_gain_rounds_and_clips_instead_of_wrapping(tmp_path: Path) -> None:
    import io

    x = np.array([0, 1000, -1000, 20000, -20000, 32767, -32768], dtype=np.int16)
    source = tmp_path / "in.pcm"
    source.write_bytes(x.tobytes())
    sink = io.BytesIO()
    dynamics.amplify(source, sink, 6.0)
    y = np.frombuffer(sink.getvalue(), dtype=np.int16)
    assert list(y[:3]) == [0, round(1000 * 10 ** 0.3), -round(1000 * 10 ** 0.3)]
    assert list(y[3:]) == [32767, -32768, 32767, -32768]
