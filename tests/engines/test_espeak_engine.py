"""eSpeak NG for real: languages, rate and pitch, errors."""

from __future__ import annotations

import pytest

from reader.engines.espeak_engine import EspeakEngine
from reader.errors import VoiceError
from reader.model import VoiceProfile

pytestmark = pytest.mark.espeak


@pytest.fixture(scope="module")
def espeak() -> EspeakEngine:
    return EspeakEngine()


@pytest.mark.parametrize(("voice", "text"), [("en-us", "The ferry runs all winter."),
                                             ("ru", "Паром будет ходить всю зиму."),
                                             ("de", "Die Fähre fährt den ganzen Winter."),
                                             ("fr-fr", "Le bateau de nuit change la vie des îles."),
                                             ("pt", "O barco da noite muda a vida das ilhas."),
                                             ("cmn", "夜间渡轮改变了岛上的生活。")])
def test_languages_speak(espeak: EspeakEngine, voice: str, text: str) -> None:
    profile = VoiceProfile(name=voice, engine="espeak", voice=voice, language=voice[:2])
    espeak.check(profile)
    audio = espeak.synthesize(text, profile)
    assert audio.frame_rate == 22050 and audio.dBFS > -35
    assert 600 < len(audio) < 6000


def test_rate_and_variant(espeak: EspeakEngine) -> None:
    text = "A sentence long enough to hear a change of speed in it."
    slow = espeak.synthesize(text, VoiceProfile(name="s", engine="espeak", voice="en-us", rate=0.7))
    fast = espeak.synthesize(text, VoiceProfile(name="f", engine="espeak", voice="en-us", rate=1.4))
    assert len(fast) < 0.65 * len(slow)
    voice = VoiceProfile(name="v", engine="espeak", voice="en-us", options={"variant": "f3"})
    espeak.check(voice)
    assert len(espeak.synthesize(text, voice)) > 1000


def test_text_starting_with_a_dash_is_spoken_not_parsed(espeak: EspeakEngine) -> None:
    audio = espeak.synthesize("-v xx --help is not an option here.", VoiceProfile(name="e", engine="espeak"))
    assert len(audio) > 1000


def test_unknown_voice_suggests_close_ones(espeak: EspeakEngine) -> None:
    with pytest.raises(VoiceError, match="no voice 'en-xx'.*en-us"):
        espeak.check(VoiceProfile(name="x", engine="espeak", voice="en-xx"))
    with pytest.raises(VoiceError, match="unknown espeak option"):
        espeak.check(VoiceProfile(name="x", engine="espeak", options={"speed": 2}))


BUNDLED_CHECK = """
import shutil, sys, threading
from reader.engines import espeak_engine, piper_engine
from reader.model import VoiceProfile
assert shutil.which("espeak-ng") is None and shutil.which("espeak") is None, "the program must be hidden"
engine = espeak_engine.EspeakEngine()
assert engine.unavailable() is None, engine.unavailable()
assert espeak_engine._library().origin == "bundled"
ids = {v.id for v in engine.list_voices()}
assert {"ru", "fr-fr", "de", "ar", "he"} <= ids, sorted(ids)
russian = VoiceProfile(name="ru", engine="espeak", voice="ru", language="ru")
engine.check(russian)
engine.check(VoiceProfile(name="f", engine="espeak", voice="en-us", options={"variant": "f3", "gap": 4}))
# Piper's phonemizer uses the same eSpeak NG code in this process; both must work side by side.
piper = piper_engine.PiperEngine()
english = VoiceProfile(name="d", engine="piper")
out = {}
def speak_piper():
    out["piper"] = len(piper.synthesize("The ferry will keep running all winter long.", english))
thread = threading.Thread(target=speak_piper)
thread.start()
lengths = [len(engine.synthesize("Паром будет ходить всю зиму, решил совет во вторник.", russian)) for _ in range(5)]
thread.join()
assert len(set(lengths)) == 1 and 1500 < lengths[0] < 6000, lengths
assert 1500 < out["piper"] < 6000, out
print("ok", espeak_engine._version())
"""


def test_bundled_library_speaks_without_a_system_espeak(tmp_path: object) -> None:
    """piper-tts's own eSpeak NG, forced even where the system has one, with the program off PATH."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "READER_ESPEAK_LIBRARY": "bundled", "PATH": "/nonexistent"}
    done = subprocess.run([sys.executable, "-c", BUNDLED_CHECK], env=env, capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.startswith("ok espeak-ng ") and "(bundled)" in done.stdout


def test_threads_speaking_at_once_get_instances_of_their_own(espeak: EspeakEngine) -> None:
    """Two threads speak in parallel through two copies of the library, each with its own state."""
    import os
    import threading

    from reader.engines import espeak_engine

    library = espeak_engine._library()
    if library is None or library.path is None or (os.cpu_count() or 1) < 2 or os.name == "nt":
        pytest.skip("one eSpeak NG instance here (no library file found, or one core)")
    with espeak_engine._speaking(library) as first, espeak_engine._speaking(library) as second:
        assert first is not second and first.lib is not second.lib
    english = VoiceProfile(name="e", engine="espeak", voice="en-us")
    russian = VoiceProfile(name="r", engine="espeak", voice="ru", language="ru")
    texts = {"e": ("The ferry will keep running all winter long, the council decided.", english),
             "r": ("Паром будет ходить всю зиму, решил совет во вторник.", russian)}
    alone = {key: len(espeak.synthesize(text, voice)) for key, (text, voice) in texts.items()}
    together: dict[str, list[int]] = {"e": [], "r": []}

    def speak(key: str) -> None:
        text, voice = texts[key]
        for _ in range(6):
            together[key].append(len(espeak.synthesize(text, voice)))

    threads = [threading.Thread(target=speak, args=(key,)) for key in texts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # A voice switched under the other thread would read English with Russian rules or the reverse:
    # lengths far from each text's own.
    for key, lengths in together.items():
        assert all(abs(length - alone[key]) <= 0.05 * alone[key] for length in lengths), (key, alone[key], lengths)
