"""Voice transformation: make one voice sound like another person, after any engine has spoken.

Praat's "Change gender" (through praat-parselmouth) scales the vocal tract (formants), moves the
median pitch and widens or narrows its range with PSOLA, keeping the duration; a spectral tilt then
makes the voice darker or brighter (a softer or a sharper glottal source), at the same loudness.
Numpy in, numpy out.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from .errors import EngineError

__all__ = ["PITCH_CEILING", "PITCH_FLOOR", "Voicing", "tilt", "transform"]

PITCH_FLOOR = 60.0
"""Lowest F0 (Hz) looked for; deep male voices reach about 70 Hz."""
PITCH_CEILING = 600.0
"""Highest F0 (Hz) looked for."""
_MIN_SECONDS = 0.1
"""Shorter clips have too few pitch periods to analyse; they pass through unchanged."""


@dataclass(frozen=True, slots=True)
class Voicing:
    """How far a voice is moved from the one the engine made."""

    pitch: float = 1.0
    """Median F0 multiplier (2.2 turns a 90 Hz man into a 200 Hz woman)."""
    formant: float = 1.0
    """Vocal-tract scale: above 1 a shorter tract (brighter, more like a woman or a child), below 1 a
    longer one (darker, a bigger man)."""
    pitch_range: float = 1.0
    """Multiplier of the F0 excursions around the median: below 1 flatter, above 1 livelier."""
    brightness: float = 0.0
    """Spectral tilt in dB per octave around 1 kHz: -4 is a dark, soft voice, +4 a bright, thin one."""

    @property
    def neutral(self) -> bool:
        """Whether this leaves the voice as it is."""
        return self.pitch == 1.0 and self.formant == 1.0 and self.pitch_range == 1.0 and self.brightness == 0.0

    @property
    def shapes(self) -> bool:
        """Whether Praat has work to do (anything but the tilt)."""
        return self.pitch != 1.0 or self.formant != 1.0 or self.pitch_range != 1.0


_TILT_LIMITS = (-15.0, 12.0)
"""dB the tilt may cut or boost at the ends of the spectrum, so hum and hiss are not raised far."""


_TILT_TAPS = 1023
"""Length of the tilt filter (46 ms at 22,050 Hz): fine enough for a curve that is smooth in octaves
and clamped below 60 Hz."""
_TILT_FFT = 1 << 15
"""FFT size of the block-wise convolution: each block adds about 1 MB, whatever the clip's length."""


@functools.lru_cache(maxsize=16)
def _tilt_filter(sample_rate: int, db_per_octave: float) -> npt.NDArray[np.complex128]:
    """The spectrum (at `_TILT_FFT` points) of a linear-phase filter with the tilt's response."""
    design = 2 * (_TILT_TAPS + 1)
    freqs = np.fft.rfftfreq(design, 1 / sample_rate)
    gain_db = np.clip(db_per_octave * np.log2(np.maximum(freqs, 60.0) / 1000.0), *_TILT_LIMITS)
    # The zero-phase impulse response, centred and windowed: a symmetric filter delaying by half its length.
    impulse = np.roll(np.fft.irfft(10 ** (gain_db / 20), design), _TILT_TAPS // 2)[:_TILT_TAPS]
    spectrum = np.fft.rfft(impulse * np.hanning(_TILT_TAPS), _TILT_FFT)
    spectrum.setflags(write=False)
    return spectrum


def tilt(samples: npt.NDArray[np.float64], sample_rate: int, db_per_octave: float) -> npt.NDArray[np.float64]:
    """`samples` with `db_per_octave` more level per octave above 1 kHz (less below), at the same RMS."""
    if db_per_octave == 0 or not len(samples):
        return samples
    response = _tilt_filter(sample_rate, float(db_per_octave))
    # Overlap-add in blocks rather than one FFT of the whole clip: a whole-clip transform of a long
    # quotation held several copies of it at once (30 MB for 20 s), beside the voice model's memory.
    block = _TILT_FFT - _TILT_TAPS + 1
    full = np.zeros(len(samples) + _TILT_TAPS - 1)
    for start in range(0, len(samples), block):
        piece = samples[start:start + block]
        span = len(piece) + _TILT_TAPS - 1
        full[start:start + span] += np.fft.irfft(np.fft.rfft(piece, _TILT_FFT) * response, _TILT_FFT)[:span]
    delay = _TILT_TAPS // 2
    out = full[delay:delay + len(samples)]
    before, after = float(np.mean(samples**2)), float(np.mean(out**2))
    return out * math.sqrt(before / after) if after > 0 else out


def transform(samples: npt.NDArray[np.int16], sample_rate: int, voicing: Voicing) -> npt.NDArray[np.int16]:
    """`samples` (mono 16-bit PCM) spoken by the voice `voicing` describes, at the same rate and length.

    Silence and clips too short to analyse come back unchanged; a clip without voiced frames keeps
    its pitch and still gets the formant change.

    Raises:
        EngineError: Praat failed on the audio.
    """
    if voicing.neutral or len(samples) < sample_rate * _MIN_SECONDS or not np.any(samples):
        return samples
    import parselmouth
    from parselmouth.praat import call

    sound = parselmouth.Sound(samples.astype(np.float64) / 32768.0, sampling_frequency=float(sample_rate))
    if not voicing.shapes:
        changed = sound
    else:
        try:
            pitch = sound.to_pitch(pitch_floor=PITCH_FLOOR, pitch_ceiling=PITCH_CEILING)
            median = float(call(pitch, "Get quantile", 0.0, 0.0, 0.5, "Hertz"))
            # 0 tells Praat to keep the pitch where there is none to measure.
            new_median = median * voicing.pitch if math.isfinite(median) else 0.0
            changed = call([sound, pitch], "Change gender", voicing.formant, new_median, voicing.pitch_range, 1.0)
        except parselmouth.PraatError as exc:
            raise EngineError(f"voicing: Praat could not transform a {len(samples) / sample_rate:.1f} s clip: "
                              f"{exc}") from exc
    out = np.asarray(changed.values[0], dtype=np.float64)
    if round(changed.sampling_frequency) != sample_rate:  # Praat keeps the rate; guard the contract anyway
        out = np.interp(np.arange(len(out) * sample_rate / changed.sampling_frequency)
                        * changed.sampling_frequency / sample_rate, np.arange(len(out)), out)
    # Same length as the input, so timings computed from the text still hold.
    out = np.pad(out, (0, max(0, len(samples) - len(out))))[: len(samples)]
    out = tilt(out, sample_rate, voicing.brightness)
    peak = float(np.max(np.abs(out)))
    if peak > 0.999:  # scale instead of clipping: a clipped peak crackles
        out *= 0.999 / peak
    return np.round(out * 32767.0).astype(np.int16)
