"""Assembly with the deterministic silence engine: exact pauses, timeline, chapters and cues."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader import assemble, casting, synth, voices
from reader.engines import Registry
from reader.engines.silence_engine import SilenceEngine
from reader.model import Article, BlockKind, Clip, Role
from reader.segment import split
from reader.testing import make_line

RATE = 22050
BODY = "The council met on Tuesday. It voted to keep the ferry."
QUOTE = 'Anna Berg said: "We will build it by May."'


def _episode(tmp_path: Path, text: str, pauses: assemble.Pauses = assemble.Pauses()):  # type: ignore[no-untyped-def]
    document = split(Article(text=text, title="T"))
    cast = casting.make_cast(voices.load_profiles([]), engine="silence")
    lines = casting.cast(document, cast)
    clips = synth.render(lines, Registry({"silence": SilenceEngine}))
    return lines, assemble.join(clips, tmp_path / "e.pcm", title="T", pauses=pauses)


def test_pauses_by_boundary_are_exact(tmp_path: Path) -> None:
    p = assemble.Pauses(sentence=0.5, run=0.7, paragraph=1.1, before_heading=1.7, after_heading=1.3,
                        lead_in=0.2, tail=0.4)
    lines, episode = _episode(tmp_path, f"{BODY}\n\nWhat comes next\n\n{QUOTE}", p)
    ms = [60 * len(line.text) for line in lines]
    kinds = [(line.block, line.run) for line in lines]
    assert kinds == [(0, 0), (0, 0), (1, 0), (2, 0), (2, 1)]
    expected = 0.2 + sum(ms) / 1000 + 0.5 + 1.7 + 1.3 + 0.7 + 0.4
    assert episode.duration == pytest.approx(expected, abs=2 / RATE * 10)
    runs = {(r.block, r.run): r for r in episode.timeline.runs}
    assert runs[(0, 0)].start == pytest.approx(0.2, abs=1e-3)
    assert runs[(0, 0)].end == pytest.approx(0.2 + (ms[0] + ms[1]) / 1000 + 0.5, abs=1e-3)
    assert runs[(1, 0)].start == pytest.approx(runs[(0, 0)].end + 1.7, abs=1e-3)
    assert runs[(2, 0)].start == pytest.approx(runs[(1, 0)].end + 1.3, abs=1e-3)
    assert runs[(2, 1)].start == pytest.approx(runs[(2, 0)].end + 0.7, abs=1e-3)
    assert episode.pcm_path.stat().st_size == 2 * episode.frames


def test_chapters_open_with_title_then_one_per_heading(tmp_path: Path) -> None:
    _, episode = _episode(tmp_path, f"{BODY}\n\nWhat comes next\n\n{BODY}\n\nAnd after that\n\n{BODY}")
    titles = [c.title for c in episode.chapters]
    assert titles == ["T", "What comes next", "And after that"]
    heads = [r for r in episode.timeline.runs if r.kind is BlockKind.HEADING]
    for chapter, head in zip(episode.chapters[1:], heads):
        assert abs(chapter.start - head.start) <= 0.25
    assert episode.chapters[-1].end == pytest.approx(episode.duration, abs=1e-3)
    assert all(a.end == b.start for a, b in zip(episode.chapters, episode.chapters[1:]))


def test_cues_show_the_original_sentences(tmp_path: Path) -> None:
    _, episode = _episode(tmp_path, "Prices rose 15% on 14 March. The end came.\n\n" + QUOTE)
    assert [c.text for c in episode.timeline.cues] == ["Prices rose 15% on 14 March.", "The end came.", "Anna Berg said",
                                              "We will build it by May."]
    assert episode.timeline.cues[-1].speaker == "Anna Berg"
    assert [r.role for r in episode.timeline.runs] == [Role.NARRATION, Role.NARRATION, Role.QUOTE]


def test_mixed_sample_rates_are_resampled(tmp_path: Path) -> None:
    from pydub import AudioSegment

    voice = voices.load_profiles([])["default"]
    clips = [Clip(make_line("a" * 20, voice), AudioSegment.silent(1000, frame_rate=24000)),
             Clip(make_line("b" * 20, voice, block=1), AudioSegment.silent(1000, frame_rate=16000))]
    episode = assemble.join(clips, tmp_path / "e.pcm", title="T", pauses=assemble.Pauses(lead_in=0, tail=0,
                                                                                          paragraph=0))
    assert episode.sample_rate == RATE
    assert episode.duration == pytest.approx(2.0, abs=0.01)


def test_one_hour_assembles_into_exactly_one_hour_of_pcm(tmp_path: Path) -> None:
    from pydub import AudioSegment

    voice = voices.load_profiles([])["default"]
    second = AudioSegment.silent(1000, frame_rate=RATE)
    clips = (Clip(make_line("x" * 20, voice, block=i), second) for i in range(3600))
    episode = assemble.join(clips, tmp_path / "hour.pcm", title="T",
                            pauses=assemble.Pauses(lead_in=0, tail=0, paragraph=0))
    assert episode.frames == 3600 * RATE
    assert len(episode.timeline.runs) == 3600
