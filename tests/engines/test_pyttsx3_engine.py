"""pyttsx3 on this machine: 20 consecutive clips with none empty, truncated or shifted."""

from __future__ import annotations

import random
import subprocess
import tempfile
from pathlib import Path

import pytest

from reader.engines.espeak_engine import read_wav
from reader.engines.pyttsx3_engine import Pyttsx3Engine
from reader.errors import EngineError
from reader.model import VoiceProfile

pytestmark = pytest.mark.espeak

WORDS = ("the council voted on Tuesday to keep the night ferry running through winter while critics asked "
         "about the money and the mayor answered every question").split()


@pytest.fixture(scope="module")
def engine() -> Pyttsx3Engine:
    found = Pyttsx3Engine()
    reason = found.unavailable()
    if reason:
        pytest.fail(f"pyttsx3 should work wherever espeak-ng is installed: {reason}")
    return found


def _reference_seconds(text: str, voice: str, wpm: int) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "ref.wav"
        subprocess.run(["espeak-ng", "-b", "1", "-v", voice, "-s", str(wpm), "-w", str(path)],
                       input=text.encode(), check=True)
        return len(read_wav(str(path))) / 1000


def test_twenty_consecutive_segments_are_each_the_right_clip(engine: Pyttsx3Engine) -> None:
    rng = random.Random(7)
    texts = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 70))) + "." for _ in range(20)]
    texts[3] = "Yes."
    profile = VoiceProfile(name="system", engine="pyttsx3", voice="gmw/en-US")
    worker = engine._ensure()
    previous = None
    for text in texts:
        audio = engine.synthesize(text, profile)
        assert len(audio) > 0 and audio.dBFS > -40
        expected = _reference_seconds(text, "gmw/en-US", worker.rate)
        # Long texts are spoken in pieces of at most 140 characters, with tiny joins between them.
        assert abs(len(audio) / 1000 - expected) <= max(0.25, 0.1 * expected), text
        assert audio.raw_data != previous
        previous = audio.raw_data


def test_a_shifted_clip_is_refused(engine: Pyttsx3Engine) -> None:
    profile = VoiceProfile(name="system", engine="pyttsx3", voice="gmw/en-US")
    short = engine.synthesize("Four.", profile)
    worker = engine._ensure()
    with pytest.raises(EngineError, match="does not match|stale"):
        engine._prove("A much longer sentence that cannot possibly fit in the audio of one short word.",
                      short, worker, profile, worker.rate)


def test_rate_multiplier(engine: Pyttsx3Engine) -> None:
    text = "A sentence long enough to hear a change of speed in it."
    slow = engine.synthesize(text, VoiceProfile(name="s", engine="pyttsx3", rate=0.7))
    fast = engine.synthesize(text, VoiceProfile(name="f", engine="pyttsx3", rate=1.4))
    assert len(fast) < 0.7 * len(slow)


def test_unknown_system_voice_lists_some(engine: Pyttsx3Engine) -> None:
    from reader.errors import VoiceError

    with pytest.raises(VoiceError, match="no system voice 'nope'.*some available"):
        engine.check(VoiceProfile(name="x", engine="pyttsx3", voice="nope"))
