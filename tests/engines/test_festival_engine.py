"""Festival for real where it is installed (its Russian voice), and the parts that need no Festival."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

import pytest

from reader.casting import voice_for_language
from reader.engines import Capabilities, Registry
from reader.engines import festival_engine as festival
from reader.errors import EngineError, VoiceError
from reader.model import VoiceProfile
from reader.testing import RecordingEngine, check_engine_contract

RUSSIAN = VoiceProfile(name="festival-ru", engine="festival", voice="msu_ru_nsh_clunits", language="ru")
have_russian = pytest.mark.skipif(
    festival.festival_executable() is None
    or "msu_ru_nsh_clunits" not in {v.id for v in festival.list_festival_voices()},
    reason="Festival's Russian voice is not installed (apt install festival festvox-ru)")


@pytest.fixture(scope="module")
def engine() -> Iterator[festival.FestivalEngine]:
    """One engine (one festival process) for the tests that leave it running."""
    made = festival.FestivalEngine()
    yield made
    made.close()


@pytest.mark.parametrize(("text", "literal"), [
    ("Привет, мир.", '"Привет, мир."'),
    ('Он сказал: "да".', '"Он сказал: \\"да\\"."'),
    ("a\\b", '"a\\\\b"'),
    ("две\nстроки\t вместе", '"две строки вместе"'),
])
def test_text_becomes_one_scheme_string(text: str, literal: str) -> None:
    assert festival.scheme_string(text) == literal


def test_missing_program_is_unavailable_with_the_fix(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(festival, "festival_executable", lambda: None)
    reason = festival.FestivalEngine().unavailable()
    assert reason is not None and "apt install festival festvox-ru" in reason


@have_russian
def test_contract_and_russian_speech(engine: festival.FestivalEngine) -> None:
    check_engine_contract(engine, RUSSIAN)
    audio = engine.synthesize("Паром будет ходить всю зиму.", RUSSIAN)
    assert audio.dBFS > -35 and 800 < len(audio) < 5000
    longer = engine.synthesize("Паром будет ходить всю зиму, даже в самые сильные морозы и в шторм.", RUSSIAN)
    assert len(longer) > 1.5 * len(audio)


@have_russian
def test_quotes_and_backslashes_do_not_break_the_session(engine: festival.FestivalEngine) -> None:
    first = engine.synthesize('Он сказал: "Мы успеем" \\ и ушёл.', RUSSIAN)
    second = engine.synthesize("Паром ушёл вовремя.", RUSSIAN)
    assert len(first) > 500 and len(second) > 500


@have_russian
def test_unknown_voice_names_the_installed_ones(engine: festival.FestivalEngine) -> None:
    with pytest.raises(VoiceError, match="festival has no voice 'nobody'.*msu_ru_nsh_clunits"):
        engine.check(VoiceProfile(name="x", engine="festival", voice="nobody", language="ru"))
    with pytest.raises(VoiceError, match="unknown festival option"):
        engine.check(VoiceProfile(name="x", engine="festival", voice="msu_ru_nsh_clunits", options={"rate": 1}))


@have_russian
def test_a_dead_process_is_an_engine_error_then_restarts() -> None:
    engine = festival.FestivalEngine()
    try:
        engine.synthesize("Первая фраза.", RUSSIAN)
        assert engine._session is not None
        engine._session.process.kill()
        engine._session.process.wait()
        # A killed process is noticed before use and replaced: the next sentence still speaks.
        assert len(engine.synthesize("Вторая фраза.", RUSSIAN)) > 300
    finally:
        engine.close()


@dataclass
class _Ranked(RecordingEngine):
    """A speaking engine with a rank and a set of installed voices, for casting."""

    installed: frozenset[str] = frozenset()
    speaks: ClassVar[bool] = True

    def check(self, voice: VoiceProfile) -> None:
        if voice.voice not in self.installed:
            raise VoiceError(f"voice {voice.name!r}: not installed")


def _registry(festival_voices: frozenset[str]) -> Registry:
    recorded = _Ranked(installed=festival_voices)
    recorded.capabilities = Capabilities(prosody=False, rank=15)  # type: ignore[misc]
    espeak = _Ranked(installed=frozenset({"ru"}))
    espeak.capabilities = Capabilities(language_voices=True, rank=20)  # type: ignore[misc]
    return Registry({"festival": lambda: recorded, "espeak": lambda: espeak})


PROFILES = {"festival-ru": RUSSIAN,
            "espeak-ru": VoiceProfile(name="espeak-ru", engine="espeak", voice="ru", language="ru")}


def test_russian_goes_to_the_better_ranked_voice_where_it_is_installed() -> None:
    chosen = voice_for_language("ru", PROFILES, _registry(frozenset({"msu_ru_nsh_clunits"})))
    assert chosen is not None and chosen.name == "festival-ru"


def test_a_profile_whose_voice_is_missing_is_passed_over() -> None:
    chosen = voice_for_language("ru", PROFILES, _registry(frozenset({"kal_diphone"})))
    assert chosen is not None and chosen.name == "espeak-ru"


@have_russian
def test_an_error_in_festival_is_an_engine_error_and_the_session_goes_on(engine: festival.FestivalEngine) -> None:
    engine.synthesize("Первая фраза.", RUSSIAN)
    assert engine._session is not None
    with pytest.raises(EngineError, match="^festival: error while testing"):
        engine._session.run("(reader-no-such-function 1)", what="testing")
    assert len(engine.synthesize("Вторая фраза.", RUSSIAN)) > 300


@have_russian
@pytest.mark.parametrize("text", ["Цена: 5 $ & 3 € / 100 % #тег @автор ~ ^ ` | _ * + = < > [ ] { }",
                                  "Сайт port.ru и почта info@port.ru, English words too.",
                                  "Число 123 и год 2025.", "Из Ростова-на-Дону в 12:30, 3.5 часа, д'Артаньян."])
def test_symbols_latin_and_digits_do_not_stop_the_russian_voice(engine: festival.FestivalEngine, text: str) -> None:
    assert len(engine.synthesize(text, RUSSIAN)) > 1000
