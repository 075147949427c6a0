"""Voicing: speaker voices made from one engine voice, checked on real Piper audio and on the table."""

from __future__ import annotations

import dataclasses
import itertools
from pathlib import Path

import numpy as np
import pytest

from reader import casting, voices
from reader.cache import ClipCache
from reader.engines.espeak_engine import EspeakEngine
from reader.engines.gtts_engine import GttsEngine
from reader.engines.piper_engine import PiperEngine
from reader.errors import VoiceError
from reader.model import Block, BlockKind, Document, Gender, Role, Run, Speaker, VoiceProfile
from reader.voicing import Voicing, tilt, transform

from .conftest import median_f0

TEXT = "The new bridge opens in May, and the ferry will stop running a week later."
PROFILES = voices.load_profiles([])


@pytest.fixture(scope="module")
def spoken() -> tuple[np.ndarray, int]:
    audio = PiperEngine().synthesize(TEXT, VoiceProfile(name="d", engine="piper"))
    return np.frombuffer(audio.raw_data, dtype=np.int16), audio.frame_rate


def _rms_db(x: np.ndarray) -> float:
    return float(20 * np.log10(np.sqrt(np.mean(x.astype(np.float64) ** 2)) / 32768))


@pytest.mark.parametrize(("voicing", "low", "high"), [
    (Voicing(formant=1.32, pitch=1.95, pitch_range=1.1), 1.7, 2.2),   # a woman from a man
    (Voicing(formant=0.82, pitch=1.0, pitch_range=0.85), 0.9, 1.12),  # a bigger man, same pitch
    (Voicing(formant=1.15, pitch=0.92, pitch_range=1.25), 0.82, 1.02),
])
def test_transform_moves_pitch_keeps_length_and_level(spoken: tuple[np.ndarray, int], voicing: Voicing,
                                                      low: float, high: float) -> None:
    samples, rate = spoken
    out = transform(samples, rate, voicing)
    assert out.dtype == np.int16 and len(out) == len(samples)
    ratio = median_f0(out, rate) / median_f0(samples, rate)
    assert low < ratio < high, ratio
    assert abs(_rms_db(out) - _rms_db(samples)) < 4
    assert np.max(np.abs(out.astype(np.int32))) < 32767
    assert not np.array_equal(out, samples)


def test_tilt_brightens_or_darkens_at_the_same_level(spoken: tuple[np.ndarray, int]) -> None:
    samples, rate = spoken

    def high_share(x: np.ndarray) -> float:
        power = np.abs(np.fft.rfft(x.astype(np.float64))) ** 2
        return float(power[np.fft.rfftfreq(len(x), 1 / rate) > 2000].sum() / power.sum())

    bright = transform(samples, rate, Voicing(brightness=4))
    dark = transform(samples, rate, Voicing(brightness=-4))
    assert len(bright) == len(dark) == len(samples)
    assert high_share(bright) > 1.5 * high_share(samples) > 2.25 * high_share(dark)
    rms = [float(np.sqrt(np.mean(x.astype(np.float64) ** 2))) for x in (samples, bright, dark)]
    assert abs(rms[1] / rms[0] - 1) < 0.05 and abs(rms[2] / rms[0] - 1) < 0.05


@pytest.mark.parametrize("db_per_octave", [-4.0, 2.5])
def test_tilt_follows_its_slope_without_delay_on_a_long_clip(db_per_octave: float) -> None:
    # 90 s: many blocks of the block-wise filter, with tones that would smear or shift at a seam.
    rate = 22050
    t = np.arange(90 * rate) / rate
    tones = np.sin(2 * np.pi * 500 * t) + np.sin(2 * np.pi * 4000 * t)
    out = tilt(tones, rate, db_per_octave)
    assert len(out) == len(tones)
    spectrum = np.abs(np.fft.rfft(out))
    freqs = np.fft.rfftfreq(len(out), 1 / rate)
    level = {f: 20 * np.log10(spectrum[np.argmin(np.abs(freqs - f))]) for f in (500, 4000)}
    assert level[4000] - level[500] == pytest.approx(3 * db_per_octave, abs=0.3)  # three octaves apart
    clicks = np.zeros(len(tones))
    clicks[rate * np.arange(1, 89)] = 1.0  # a click every second, across block boundaries
    filtered = tilt(clicks, rate, db_per_octave)
    assert set(np.argsort(np.abs(filtered))[-88:]) == set(rate * np.arange(1, 89))  # each peak stays in place


def test_neutral_short_and_silent_clips_pass_through(spoken: tuple[np.ndarray, int]) -> None:
    samples, rate = spoken
    assert transform(samples, rate, Voicing()) is samples
    short = samples[: rate // 20]
    assert transform(short, rate, Voicing(formant=1.2)) is short
    silent = np.zeros(rate, dtype=np.int16)
    assert transform(silent, rate, Voicing(pitch=2.0)) is silent


def test_piper_profile_goes_through_voicing() -> None:
    piper = PiperEngine()
    base = piper.synthesize(TEXT, VoiceProfile(name="d", engine="piper"))
    woman = piper.synthesize(TEXT, VoiceProfile(name="w", engine="piper", pitch=2.0, formant=1.25))
    assert abs(len(woman) - len(base)) < 0.05 * len(base), "voicing must not change the tempo"
    ratio = median_f0(woman.get_array_of_samples(), 22050) / median_f0(base.get_array_of_samples(), 22050)
    assert 1.75 < ratio < 2.25, ratio


@pytest.mark.espeak
def test_espeak_formant_and_range_apply_after_synthesis() -> None:
    espeak = EspeakEngine()
    plain = espeak.synthesize(TEXT, VoiceProfile(name="e", engine="espeak", voice="en-us"))
    moved = espeak.synthesize(TEXT, VoiceProfile(name="e", engine="espeak", voice="en-us", formant=1.2,
                                                 pitch_range=0.5))
    assert abs(len(moved) - len(plain)) < 0.03 * len(plain) and moved.raw_data != plain.raw_data
    ratio = median_f0(moved.get_array_of_samples(), moved.frame_rate) / median_f0(
        plain.get_array_of_samples(), plain.frame_rate)
    assert 0.85 < ratio < 1.15, "eSpeak sets the pitch itself; voicing keeps it"


# How each engine makes other people is its own declaration; the tables are casting's.
PIPER, ESPEAK, GTTS = PiperEngine.capabilities, EspeakEngine.capabilities, GttsEngine.capabilities


def test_table_gives_women_and_men_distinct_voices() -> None:
    base = PROFILES["quote"]
    women = [casting.speaker_variant(base, i, Gender.FEMALE, capabilities=PIPER) for i in range(1, 5)]
    men = [casting.speaker_variant(base, i, Gender.MALE, capabilities=PIPER) for i in range(1, 6)]
    assert all(v.gender is Gender.FEMALE and v.pitch >= 1.9 and v.formant >= 1.1 for v in women)
    # Men stay men: pitch at most 1.35 times a 90 Hz voice, vocal tract within a quarter of it.
    assert all(v.gender is Gender.MALE and v.pitch <= 1.4 and 0.8 <= v.formant <= 1.25 for v in men)
    assert all(-6 <= v.brightness <= 6 for v in men + women)
    # Five men: any two differ in vocal tract by 0.07 or more, or in tilt by 8 dB/octave or more.
    for a, b in itertools.combinations(men, 2):
        assert abs(a.formant - b.formant) >= 0.07 or abs(a.brightness - b.brightness) >= 8, (a, b)
    keys = {v.key for v in women + men} | {base.key, PROFILES["default"].key}
    assert len(keys) == 11, "every speaker voice differs from the others and from the narrator"
    assert len({v.name for v in women + men}) == 9
    assert casting.speaker_variant(base, 0, Gender.FEMALE, capabilities=PIPER) is base
    assert casting.speaker_variant(base, 5, Gender.FEMALE, capabilities=PIPER).key == women[0].key  # the set wraps around
    assert casting.speaker_variant(base, 1, capabilities=PIPER).gender is Gender.MALE
    for v in women + men:
        PiperEngine().check(v)


def test_table_turns_around_for_a_womans_voice() -> None:
    base = VoiceProfile(name="amy", engine="piper", gender=Gender.FEMALE)
    man = casting.speaker_variant(base, 1, Gender.MALE, capabilities=PIPER)
    woman = casting.speaker_variant(base, 1, Gender.FEMALE, capabilities=PIPER)
    assert man.pitch < 0.6 and man.formant < 0.9
    assert 0.6 < woman.pitch <= 1.3 and woman.gender is Gender.FEMALE  # 160-260 Hz from a 200 Hz woman


def test_espeak_and_gtts_variants() -> None:
    espeak = PROFILES["espeak-en"]
    assert casting.speaker_variant(espeak, 1, Gender.FEMALE, capabilities=ESPEAK).options["variant"] == "f1"
    assert casting.speaker_variant(espeak, 2, Gender.MALE, capabilities=ESPEAK).options["variant"] == "m3"
    gtts = PROFILES["gtts-en-us"]
    assert casting.speaker_variant(gtts, 1, Gender.FEMALE, capabilities=GTTS).options["tld"] != gtts.options.get("tld")


def _quote(speaker: str) -> Block:
    return Block(kind=BlockKind.PARAGRAPH, runs=(
        Run(role=Role.NARRATION, text=f"{speaker} spoke to reporters after the meeting."),
        Run(role=Role.QUOTE, text="We will build the bridge by May.", speaker=speaker)))


def test_cast_follows_the_speakers_gender() -> None:
    names = ["Anna Berg", "Dev Patel", "Maria Lopez", "Press Office", "Sam Reed", "Olga Ivanova"]
    document = Document(title=None, language="en", blocks=tuple(_quote(n) for n in names + names[:2]), speakers=(
        Speaker("Anna Berg", Gender.FEMALE), Speaker("Dev Patel", Gender.MALE), Speaker("Maria Lopez", Gender.FEMALE),
        Speaker("Press Office", None, organisation=True), Speaker("Sam Reed"), Speaker("Olga Ivanova", Gender.FEMALE)))
    lines = casting.cast(document, dataclasses.replace(casting.make_cast(PROFILES), capabilities={"piper": PIPER}))
    voice_of: dict[str, set[str]] = {}
    for line in lines:
        if line.role is Role.QUOTE and line.speaker:
            voice_of.setdefault(line.speaker, set()).add(line.voice.key)
    assert all(len(v) == 1 for v in voice_of.values()), "one voice per person"
    assert len({next(iter(v)) for v in voice_of.values()}) == len(names), "a different voice per person"
    gender = {line.speaker: line.voice.gender for line in lines if line.role is Role.QUOTE}
    assert [gender[n] for n in names] == [Gender.FEMALE, Gender.MALE, Gender.FEMALE,
                                          Gender.MALE, Gender.MALE, Gender.FEMALE]
    # Unknown people take the set used less so far: after two women and one man, the office is a man;
    # then the sets are level (2 and 2) and Sam Reed starts the next round with men.


def test_unknown_speakers_alternate() -> None:
    names = ["A One", "B Two", "C Three", "D Four"]
    document = Document(title=None, language="en", blocks=tuple(_quote(n) for n in names))
    lines = casting.cast(document, dataclasses.replace(casting.make_cast(PROFILES), capabilities={"piper": PIPER}))
    gender = {line.speaker: line.voice.gender for line in lines if line.role is Role.QUOTE}
    assert [gender[n] for n in names] == [Gender.MALE, Gender.FEMALE, Gender.MALE, Gender.FEMALE]


def test_profile_fields_parse_and_reach_the_cache_key(tmp_path: Path) -> None:
    path = tmp_path / "anna.toml"
    path.write_text('engine = "piper"\nformant = 1.2\npitch = 2.1\npitch_range = 1.3\nbrightness = -2\n'
                    'gender = "female"\n')
    anna = voices.load_profile(path)
    assert (anna.formant, anna.pitch, anna.pitch_range, anna.brightness, anna.gender) == (1.2, 2.1, 1.3, -2.0,
                                                                                          Gender.FEMALE)
    assert ClipCache.key("Hi.", anna, "v") != ClipCache.key("Hi.", dataclasses.replace(anna, brightness=0.0), "v")
    assert anna.key != dataclasses.replace(anna, brightness=0.0).key
    plain = dataclasses.replace(anna, formant=1.0)
    assert anna.key != plain.key
    assert ClipCache.key("Hi.", anna, "v") != ClipCache.key("Hi.", plain, "v")
    assert ClipCache.key("Hi.", anna, "v") != ClipCache.key("Hi.", dataclasses.replace(anna, pitch_range=1.0), "v")
    for bad, message in (("formant = 3.0", "formant"), ("pitch_range = -1", "pitch_range"), ("brightness = 9", "brightness"),
                         ('gender = "robot"', "gender")):
        path.write_text(f'engine = "piper"\n{bad}\n')
        with pytest.raises(VoiceError, match=message):
            voices.load_profile(path)
