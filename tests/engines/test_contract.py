"""Every built-in engine is registered, and every offline one passes the shipped contract check here."""

from __future__ import annotations

import pytest

from reader.engines import Registry
from reader.errors import EngineError, EngineUnavailable
from reader.model import VoiceProfile
from reader.testing import RecordingEngine, check_engine_contract


def test_entry_points_list_every_builtin() -> None:
    assert {"piper", "espeak", "pyttsx3", "gtts", "silence"} <= set(Registry.from_entry_points().names())


def test_unknown_engine_names_the_installed_ones() -> None:
    with pytest.raises(EngineError, match="installed: .*piper"):
        Registry.from_entry_points().get("no-such-engine")


def test_missing_package_is_unavailable_with_install_hint() -> None:
    def broken() -> RecordingEngine:
        raise ImportError("no module", name="pyttsx3")

    # The hint names the missing package itself: no extra is named after an engine.
    with pytest.raises(EngineError, match="needs the 'pyttsx3' package: pip install pyttsx3$"):
        Registry({"x": broken}).get("x")


def test_plugin_failing_in_any_way_is_unavailable_not_a_crash() -> None:
    def broken() -> RecordingEngine:
        raise RuntimeError("model file corrupt")

    registry = Registry({"x": broken})
    with pytest.raises(EngineUnavailable, match="engine 'x' failed to load: RuntimeError: model file corrupt"):
        registry.get("x")
    assert registry.usable("x") is False


@pytest.mark.parametrize(
    ("engine", "voice"),
    [
        ("piper", None),
        pytest.param("espeak", "en-us", marks=pytest.mark.espeak),
        pytest.param("pyttsx3", None, marks=pytest.mark.espeak),
    ],
)
def test_offline_engines_meet_the_contract(engine: str, voice: str | None) -> None:
    impl = Registry.from_entry_points().get(engine)
    check_engine_contract(impl, VoiceProfile(name=f"{engine}-test", engine=engine, voice=voice))


def test_recording_engine_records_calls() -> None:
    rec = RecordingEngine()
    profile = VoiceProfile(name="r", engine="recording")
    audio = rec.synthesize("hello there", profile)
    assert rec.calls == [("hello there", profile)]
    assert len(audio) == 60 * len("hello there")
