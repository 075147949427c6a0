"""One real Piper episode exported to every format: chapters, tags, cover, loudness, transcripts, atomicity."""

from __future__ import annotations

import json
import re
import subprocess
import tempfile
import wave
from collections.abc import Iterator
from typing import BinaryIO
from pathlib import Path

import pytest

from reader import assemble, casting, export, ffmpeg, pipeline, readalong, synth, transcripts, voices
from reader.engines import Registry
from reader.errors import ExportError
from reader.model import Episode

from .conftest import SAMPLES, probe

SAMPLE = SAMPLES / "glacier-station.md"


@pytest.fixture(scope="module")
def episode() -> Iterator[Episode]:
    document = pipeline.read_document(str(SAMPLE))
    engines = Registry.from_entry_points()
    lines = casting.plan(document, engines).lines
    texts = {(b, r): run.text for b, block in enumerate(document.blocks) for r, run in enumerate(block.runs)}
    with tempfile.TemporaryDirectory() as work:
        yield assemble.join(synth.render(lines, engines, jobs=2), Path(work) / "e.pcm", title=document.title or "",
                            run_texts=texts)


TAGS = {"language": "en", "artist": "Jonas Feld", "album": "Samples", "date": "2024-02-02",
        "comment": "https://example.org/glacier"}


@pytest.fixture(scope="module")
def cover(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cover") / "cover.png"
    subprocess.run([ffmpeg.executable(), "-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i",
                    "color=c=navy:s=64x64", "-frames:v", "1", str(path)], check=True)
    return path


def _ebur128(path: Path) -> tuple[float, float]:
    err = subprocess.run([ffmpeg.executable(), "-hide_banner", "-nostats", "-i", str(path), "-af",
                          "ebur128=peak=true", "-f", "null", "-"], capture_output=True, text=True).stderr
    return (float(re.findall(r"I:\s+(-?[\d.]+) LUFS", err)[-1]), float(re.findall(r"Peak:\s+(-?[\d.]+) dBFS", err)[-1]))


def _chapters(header: str) -> list[tuple[float, str]]:
    header = header.split("Stream mapping:")[0]  # the input's chapters, not the output's echo
    starts = [float(s) for s in re.findall(r"Chapter #\d+:\d+: start (\d+\.\d+)", header)]
    titles = re.findall(r"Chapter #\d+:\d+: start.*?\n\s+Metadata:\n\s+title\s+: (.+)", header)
    return list(zip(starts, titles))


@pytest.mark.parametrize("ext", [".mp3", ".m4b", ".opus", ".flac"])
def test_every_format_has_chapters_tags_cover_and_loudness(episode: Episode, cover: Path, tmp_path: Path,
                                                           ext: str) -> None:
    out = export.write(episode, tmp_path / f"glacier{ext}", tags={"title": episode.title, **TAGS}, cover=cover)
    info = probe(out)
    chapters = _chapters(info.header)
    assert [t.strip() for _, t in chapters] == [c.title for c in episode.chapters]
    for (start, _), chapter in zip(chapters, episode.chapters):
        assert abs(start - chapter.start) <= 0.25
    loud, peak = _ebur128(out)
    assert abs(loud + 16) <= 1.0, loud
    assert peak <= -1.0, peak
    assert abs(info.duration - episode.duration) < 0.3

    import mutagen

    tags = mutagen.File(out)
    assert tags is not None
    text = str(tags.tags)
    assert "A weather station on the glacier" in text and "Jonas Feld" in text and "Samples" in text
    pictures = {".mp3": "APIC", ".m4b": "covr", ".opus": "metadata_block_picture", ".flac": None}[ext]
    if pictures:
        assert pictures.lower() in text.lower() or any(pictures.lower() in k.lower() for k in tags.keys())
    else:
        assert tags.pictures


def test_wav_needs_no_chapters_and_keeps_levels_when_asked(episode: Episode, tmp_path: Path) -> None:
    out = export.write(episode, tmp_path / "g.wav", loudness=None)
    assert probe(out).codec == "pcm_s16le"
    with wave.open(str(out)) as wav:  # the assembled samples, untouched, at the voice's own rate
        assert (wav.getframerate(), wav.getnchannels(), wav.getsampwidth()) == (episode.sample_rate, 1, 2)
        assert wav.readframes(episode.frames) == episode.pcm_path.read_bytes()


def test_wav_is_written_without_ffmpeg_on_target_with_its_tags(episode: Episode, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    def no_ffmpeg(*args: object, **kw: object) -> str:
        raise AssertionError("a WAV export ran ffmpeg")

    monkeypatch.setattr(ffmpeg, "run", no_ffmpeg)
    monkeypatch.setattr(ffmpeg, "executable", no_ffmpeg)
    seconds: list[float] = []
    tags = {"title": "Станция на леднике", **TAGS, "show": "not a WAV tag"}
    out = export.write(episode, tmp_path / "g.wav", tags=tags, progress=seconds.append)
    monkeypatch.undo()
    assert seconds and abs(seconds[-1] - episode.duration) < 0.01 and seconds == sorted(seconds)
    loud, peak = _ebur128(out)
    assert abs(loud + 16) <= 1.0, loud
    assert peak <= -1.0, peak  # as for the other formats of this Piper episode
    info = probe(out)
    assert abs(info.duration - episode.duration) < 0.01
    for key, value in tags.items():  # ffmpeg reads back the tags WAV keeps (it shows no language)
        if key not in ("show", "language"):
            assert re.search(rf"^\s+{key}\s+: {re.escape(value)}$", info.header, re.MULTILINE), (key, info.header)
    head = out.read_bytes()[:1024]
    assert b"ILNG\x03\x00\x00\x00en\x00" in head and b"not a WAV tag" not in head


def test_a_quiet_target_needs_only_a_gain(episode: Episode, tmp_path: Path) -> None:
    out = export.write(episode, tmp_path / "quiet.wav", loudness=-30.0)
    loud, _ = _ebur128(out)
    assert abs(loud + 30) <= 0.3, loud
    assert isinstance(export.leveling(episode, -30.0, -1.5), float)


def test_a_full_disk_while_writing_wav_is_named_and_leaves_nothing(episode: Episode, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import errno
    import os

    from reader import dynamics

    def full(source: Path, sink: BinaryIO, *args: object) -> None:
        sink.write(b"\0" * 4096)
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(dynamics, "write", full)
    monkeypatch.setattr(dynamics, "amplify", full)
    (tmp_path / "keep.wav").write_bytes(b"previous")
    with pytest.raises(ExportError, match=r"keep\.wav: No space left on device; free some space"):
        export.write(episode, tmp_path / "keep.wav")
    assert [p.name for p in tmp_path.iterdir()] == ["keep.wav"]
    assert (tmp_path / "keep.wav").read_bytes() == b"previous"


def test_transcripts_and_read_along(episode: Episode, tmp_path: Path) -> None:
    audio = tmp_path / "glacier.mp3"
    timeline = json.loads(transcripts.write(episode.timeline, audio, "json").read_text())
    assert set(timeline) >= {"duration", "chapters", "runs"}
    run = timeline["runs"][0]
    assert set(run) >= {"block", "role", "speaker", "text", "lang", "voice", "start", "end"}
    assert run["voice"].startswith("piper:")
    quotes = [r for r in timeline["runs"] if r["role"] == "quote"]
    narr = {r["voice"] for r in timeline["runs"] if r["role"] == "narration" and r["kind"] == "paragraph"}
    assert quotes and all(q["voice"] not in narr for q in quotes)
    vtt = transcripts.write(episode.timeline, audio, "vtt").read_text()
    assert vtt.startswith("WEBVTT") and "<v Anna Lindqvist>" in vtt
    assert re.search(r"\d\d:\d\d:\d\d\.\d{3} --> \d\d:\d\d:\d\d\.\d{3}", vtt)
    srt = transcripts.write(episode.timeline, audio, "srt").read_text()
    assert re.search(r"^1\n\d\d:\d\d:\d\d,\d{3} --> ", srt)
    page = readalong.write(episode.timeline, audio).read_text()
    assert 'src="glacier.mp3"' in page and "http" not in page.replace("https://example.org/glacier", "")
    assert page.count('class="run') == len(episode.timeline.runs)


def test_failed_encoding_leaves_nothing(episode: Episode, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = ffmpeg.run

    def broken(args: list[str], what: str, **kw: object) -> str:
        if "-metadata" in args:  # the final encode: write part of a file, then fail
            Path(args[-1].removeprefix("file:")).write_bytes(b"partial")
            raise ExportError(f"{what}: ffmpeg failed (1): disk full")
        return real(args, what)

    monkeypatch.setattr(ffmpeg, "run", broken)
    (tmp_path / "keep.mp3").write_bytes(b"previous")
    with pytest.raises(ExportError, match="disk full"):
        export.write(episode, tmp_path / "keep.mp3", tags={"title": episode.title})
    assert [p.name for p in tmp_path.iterdir()] == ["keep.mp3"]
    assert (tmp_path / "keep.mp3").read_bytes() == b"previous"


def test_interrupt_leaves_nothing(episode: Episode, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(args: list[str], what: str, **kw: object) -> str:
        raise KeyboardInterrupt

    monkeypatch.setattr(ffmpeg, "run", interrupted)
    with pytest.raises(KeyboardInterrupt):
        export.write(episode, tmp_path / "x.mp3", loudness=None)
    assert list(tmp_path.iterdir()) == []


def test_unused_imports_stay_real() -> None:
    assert casting and voices  # the module fixture builds episodes through these stages


def test_an_encoder_fed_through_a_pipe_reports_a_failing_feed(tmp_path: Path) -> None:
    """Audio made while ffmpeg encodes it: written whole when the feed works, its error raised when not."""
    import array
    import math

    tone = array.array("h", [int(8000 * math.sin(i / 7)) for i in range(22050)]).tobytes()

    def good(sink: BinaryIO) -> None:
        for _ in range(3):
            sink.write(tone)

    out = tmp_path / "fed.wav"
    ffmpeg.run(["-f", "s16le", "-ar", "22050", "-ac", "1", "-i", "pipe:0", "-f", "wav", f"file:{out}"],
               what="encoding fed.wav", feed=good)
    with wave.open(str(out)) as wav:
        assert wav.getnframes() == 3 * 22050 and wav.readframes(22050) == tone

    def bad(sink: BinaryIO) -> None:
        sink.write(tone)
        raise OSError("episode.pcm: input/output error")

    with pytest.raises(OSError, match="input/output error"):
        ffmpeg.run(["-f", "s16le", "-ar", "22050", "-ac", "1", "-i", "pipe:0", "-f", "wav", f"file:{out}"],
                   what="encoding fed.wav", feed=bad)


def test_a_wav_past_four_gibibytes_is_refused_by_name(episode: Episode, tmp_path: Path) -> None:
    import dataclasses

    huge = dataclasses.replace(episode, frames=2**31)  # 27 hours at 22,050 Hz
    with pytest.raises(ExportError, match=r"huge\.wav: 27\.1 hours do not fit in a WAV file.*\.flac"):
        export.write(huge, tmp_path / "huge.wav", loudness=None)
    assert list(tmp_path.iterdir()) == []
