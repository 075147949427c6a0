"""Nothing wrong leaves with exit 0: outputs are checked, collisions refused, failures reported.

Each test here pins a defect a first-time user could hit: a damaged cache copied out as the result, an
output written over its own input, a player that failed reported as played, a misread input.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pydub import AudioSegment

from reader import ffmpeg, formats, synth
from reader.cache import ClipCache
from reader.engines import Registry
from reader.errors import ExportError, ReaderError
from reader.model import BlockKind, Line, Role, VoiceProfile

from .conftest import ROOT, SAMPLES, probe

BODY = "The council met on Tuesday and voted to keep the night ferry running all winter long."


def reader(*args: str, stdin: bytes | None = None, cwd: Path | None = None,
           timeout: float = 300) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}  # this checkout's reader, whatever the working folder
    done = subprocess.run([sys.executable, "-m", "reader", *args], input=stdin, capture_output=True,
                          timeout=timeout, cwd=cwd, env=env)
    return subprocess.CompletedProcess(done.args, done.returncode, done.stdout.decode("utf-8", "replace"),
                                       done.stderr.decode("utf-8", "replace"))


def one_line_error(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 1, (done.returncode, done.stdout, done.stderr)
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    return lines[0]


# --- the player ----------------------------------------------------------------------------------

def test_a_player_that_fails_is_an_error_naming_it() -> None:
    done = reader("play", str(SAMPLES / "harbour-ferry.txt"), "--engine", "silence", "--player", "false")
    line = one_line_error(done)
    assert "'false'" in line and "exit status 1" in line and "played" not in done.stderr


def test_a_player_that_stops_reading_early_is_an_error() -> None:
    done = reader("play", str(SAMPLES / "harbour-ferry.txt"), "--engine", "silence", "--player", "head -c 100")
    line = one_line_error(done)
    assert "'head'" in line and "before the end" in line


def test_an_empty_player_is_a_usage_error() -> None:
    done = reader("play", str(SAMPLES / "harbour-ferry.txt"), "--engine", "silence", "--player", "")
    assert done.returncode == 2 and "--player" in done.stderr and "Traceback" not in done.stderr


# --- the caches ----------------------------------------------------------------------------------

def test_a_damaged_cached_export_is_made_again_not_copied_out(tmp_path: Path, private_dirs: Path) -> None:
    out = tmp_path / "a.mp3"
    first = reader("export", str(SAMPLES / "harbour-ferry.txt"), "-o", str(out), "--engine", "silence", "--json")
    assert first.returncode == 0, first.stderr
    good = out.read_bytes()
    cached = list((private_dirs / "cache" / "exports").glob("*.audio"))
    assert len(cached) == 1
    data = bytearray(cached[0].read_bytes())
    for i in range(len(data) // 3, len(data) // 3 + 4000):
        data[i] ^= 0x5A  # same size, different bytes: only a checksum can tell
    cached[0].write_bytes(bytes(data))
    out.unlink()
    again = reader("export", str(SAMPLES / "harbour-ferry.txt"), "-o", str(out), "--engine", "silence", "--json")
    assert again.returncode == 0, again.stderr
    assert again.stderr.count("damaged") == 1, again.stderr
    assert out.read_bytes() == good, "rebuilt from the clips, not copied from the damaged entry"
    assert probe(out).duration > 10


def test_many_damaged_clips_make_one_warning(tmp_path: Path, private_dirs: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text(f"{BODY}\n\nThe mayor answered every question. She spoke for an hour. Then she left.\n")
    first = reader("export", str(source), "-o", str(tmp_path / "a.wav"), "--engine", "espeak", "--json")
    assert first.returncode == 0, first.stderr
    clips = list((private_dirs / "cache").glob("*/*.clip"))
    assert len(clips) >= 3
    for clip in clips:
        clip.write_bytes(clip.read_bytes()[:-10] + b"0123456789")
    ClipCache(private_dirs / "cache").exports.clear()
    again = reader("export", str(source), "-o", str(tmp_path / "a.wav"), "--engine", "espeak", "--json")
    assert again.returncode == 0, again.stderr
    assert again.stderr.count("damaged") == 1, again.stderr
    assert json.loads(again.stdout)["synthesized"] == len(clips)


# --- outputs that would destroy something ---------------------------------------------------------

def test_an_output_named_like_the_input_is_refused_and_the_input_kept(tmp_path: Path) -> None:
    source = tmp_path / "same.mp3"
    source.write_text(f"{BODY}\n")
    for args in (["-o", str(source)], []):  # explicit, and the default name INPUT.mp3
        done = reader("export", str(source), *args, "--engine", "silence", cwd=tmp_path)
        assert "is the input" in one_line_error(done)
        assert source.read_text() == f"{BODY}\n"
    page = tmp_path / "page.html"
    page.write_text(f"<html><body><p>{BODY}</p></body></html>")
    done = reader("export", str(page), "-o", str(tmp_path / "page.wav"), "--read-along", "--engine", "silence")
    assert "is the input" in one_line_error(done)
    assert page.read_text().startswith("<html>") and not (tmp_path / "page.wav").exists()


def test_sidecars_of_two_formats_never_overwrite_each_other(tmp_path: Path) -> None:
    source = SAMPLES / "harbour-ferry.txt"
    first = reader("export", str(source), "-o", str(tmp_path / "a.wav"), "--engine", "silence", "--transcript",
                   "json", "--transcript", "vtt", "--read-along")
    assert first.returncode == 0, first.stderr
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    second = reader("export", str(source), "-o", str(tmp_path / "a.flac"), "--engine", "silence", "--transcript",
                    "json", "--read-along")
    line = one_line_error(second)
    assert "a.wav" in line and "a.json" in line
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before
    assert 'src="a.wav"' in (tmp_path / "a.html").read_text()
    third = reader("export", str(source), "-o", str(tmp_path / "a.flac"), "--engine", "silence")
    assert third.returncode == 0, "audio alone takes no sidecar names"


# --- inputs we must not misread --------------------------------------------------------------------

def test_markdown_on_stdin_keeps_its_headings_and_title(tmp_path: Path) -> None:
    data = (SAMPLES / "glacier-station.md").read_bytes()
    done = reader("export", "-", "-o", str(tmp_path / "g.wav"), "--engine", "silence", "--transcript", "json",
                  stdin=data)
    assert done.returncode == 0, done.stderr
    timeline = json.loads((tmp_path / "g.json").read_text())
    assert timeline["title"] == "A weather station on the glacier sends its last report"
    assert [c["title"] for c in timeline["chapters"]][1:] == ["Three decades in numbers", "What comes next"]
    segments = reader("segments", "-", "--json", stdin=data)
    from_file = reader("segments", str(SAMPLES / "glacier-station.md"), "--json")
    assert json.loads(segments.stdout)["blocks"] == json.loads(from_file.stdout)["blocks"]


def test_plain_text_on_stdin_is_never_titled_dash(tmp_path: Path) -> None:
    done = reader("export", "-", "-o", str(tmp_path / "p.wav"), "--engine", "silence", "--transcript", "json",
                  stdin=f"{BODY}\n\n{BODY}\n".encode())
    assert done.returncode == 0, done.stderr
    timeline = json.loads((tmp_path / "p.json").read_text())
    assert timeline["title"] != "-" and timeline["chapters"][0]["title"] != "-"


def test_title_names_the_opening_chapter_over_the_headline(tmp_path: Path) -> None:
    done = reader("export", str(SAMPLES / "glacier-station.md"), "-o", str(tmp_path / "g.wav"), "--engine",
                  "silence", "--transcript", "json", "--title", "Morning briefing")
    assert done.returncode == 0, done.stderr
    timeline = json.loads((tmp_path / "g.json").read_text())
    assert timeline["title"] == "Morning briefing"
    assert timeline["chapters"][0]["title"] == "Morning briefing"
    assert timeline["chapters"][1]["title"] == "Three decades in numbers"


def _zip(path: Path, members: dict[str, str]) -> None:
    import zipfile

    with zipfile.ZipFile(path, "w") as archive:
        for name, text in members.items():
            archive.writestr(name, text)


@pytest.mark.parametrize(("name", "what"), [
    ("plain.pdf", "PDF"), ("deflated.pdf", "PDF"), ("report.docx", "Word"), ("book.epub", "EPUB"),
    ("bundle.zip", "ZIP"), ("photo.png", "PNG"), ("photo.jpg", "JPEG"), ("renamed.txt", "PDF"),
])
def test_documents_images_and_archives_are_refused_by_what_they_are(tmp_path: Path, name: str, what: str) -> None:
    import zlib

    path = tmp_path / name
    if name in ("plain.pdf", "renamed.txt"):
        path.write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Page >>\nstream\nBT /F1 12 Tf (" + BODY.encode()
                         + b") Tj ET\nendstream\nendobj\ntrailer\n%%EOF\n")
    elif name == "deflated.pdf":
        path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Filter /FlateDecode >>\nstream\n"
                         + zlib.compress(BODY.encode() * 20) + b"\nendstream\nendobj\n")
    elif name == "report.docx":
        _zip(path, {"[Content_Types].xml": "<Types/>", "word/document.xml": f"<w:t>{BODY}</w:t>"})
    elif name == "book.epub":
        _zip(path, {"mimetype": "application/epub+zip", "OEBPS/ch1.xhtml": f"<p>{BODY}</p>"})
    elif name == "bundle.zip":
        _zip(path, {"article.txt": BODY})
    elif name == "photo.png":
        path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(200))
    else:
        path.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(200))
    done = reader("export", str(path), "-o", str(tmp_path / "x.wav"), "--engine", "silence")
    line = one_line_error(done)
    assert what in line and name in line, line
    assert not (tmp_path / "x.wav").exists()


# --- a voice that cannot read a run ------------------------------------------------------------------

class _Tone:
    """Speaks a tone of `ms_per_char` per character; a voice named 'spells' takes ten times longer."""

    name = "tone"
    needs_network = False
    speaks = True

    def version(self) -> str:
        return "tone-1"

    def unavailable(self) -> None:
        return None

    def check(self, voice: object) -> None:
        return None

    def synthesize(self, text: str, voice: VoiceProfile) -> AudioSegment:
        ms = len(text) * (900 if voice.name == "spells" else 70)
        frames = 22050 * ms // 1000
        return AudioSegment(b"\x00\x20\x00\xe0" * (frames // 2), frame_rate=22050, sample_width=2, channels=1)


def _line(text: str, voice: VoiceProfile) -> Line:
    return Line(block=1, run=0, kind=BlockKind.PARAGRAPH, role=Role.NARRATION, text=text, voice=voice, lang="he")


def test_a_voice_that_cannot_read_a_run_hands_it_to_the_narrator_with_a_warning() -> None:
    spells = VoiceProfile(name="spells", engine="tone", language="he")
    narrator = VoiceProfile(name="narrator", engine="tone")
    renderer = synth.Renderer(Registry({"tone": _Tone}), stand_in=narrator)
    clip = renderer(_line("The trader smiled and said hello to all.", spells))
    assert clip.line.voice.name == "narrator" and clip.line.fallback_from == "spells"
    assert len(renderer.warnings) == 1 and "'spells'" in renderer.warnings[0]
    assert "read by voice 'narrator' instead" in renderer.warnings[0]


def test_mixed_scripts_no_voice_reads_are_read_anyway_with_a_warning() -> None:
    spells = VoiceProfile(name="spells", engine="tone", language="he")
    renderer = synth.Renderer(Registry({"tone": _Tone}), stand_in=spells)
    clip = renderer(_line("שלום לכולם בשוק. مرحبا بالجميع في السوق", spells))
    assert len(clip.audio) > 10_000 and len(renderer.warnings) == 1
    assert "writing systems" in renderer.warnings[0]


def test_an_implausible_clip_in_one_script_still_fails_once_labelled() -> None:
    spells = VoiceProfile(name="spells", engine="tone")
    with pytest.raises(ReaderError) as caught:
        synth.Renderer(Registry({"tone": _Tone}))(_line("A plain English sentence that is long.", spells))
    assert str(caught.value).count("block 2, run 1") == 1, str(caught.value)


@pytest.mark.espeak
def test_arabic_english_and_hebrew_in_one_paragraph_export(tmp_path: Path) -> None:
    source = tmp_path / "mixed.txt"
    source.write_text("Voices at the night market\n\nThe ferry council met on Tuesday and voted to keep the night "
                      "service running through the winter.\n\nשלום לכולם בשוק. مرحبا بالجميع في السوق الليلي الكبير. "
                      "The trader smiled. המעבורת תמשיך לפעול כל הלילה.\n\nThe mayor thanked everyone for coming "
                      "to the hall and answered questions for an hour.\n")
    done = reader("export", str(source), "-o", str(tmp_path / "m.mp3"), "--json", "--transcript", "json")
    assert done.returncode == 0, done.stderr
    # Each script is read by a voice for it (eSpeak NG speaks Arabic and Hebrew), so nothing is skipped.
    voices = {run["lang"]: run["voice"] for run in json.loads((tmp_path / "m.json").read_text())["runs"]}
    assert voices.get("ar", "").startswith("espeak:ar") and voices.get("he", "").startswith("espeak:he"), voices
    assert probe(tmp_path / "m.mp3").duration > 20


@pytest.mark.parametrize("heading", ["Chapter 1000: The Return", "Part 1999: After the storm", "Mile 5280: Denver"])
def test_headings_with_big_numbers_are_read_not_skipped_as_bylines(tmp_path: Path, heading: str) -> None:
    from reader import pipeline

    for name, text in (("a.md", f"# The long voyage\n\n{BODY}\n\n## {heading}\n\n{BODY} Then they left.\n"),
                       ("a.txt", f"The long voyage\n\n{BODY}\n\n{heading}\n\n{BODY} Then they left.\n")):
        (tmp_path / name).write_text(text)
        document = pipeline.read_document(str(tmp_path / name))
        assert heading in [block.text for block in document.blocks], (name, document.skipped)


# --- messages --------------------------------------------------------------------------------------

@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full, a device that is always full")
@pytest.mark.parametrize("ext", sorted(formats.FORMATS))
def test_a_full_disk_says_so_in_every_format(ext: str) -> None:
    fmt = formats.FORMATS[ext]
    with pytest.raises(ExportError) as caught:
        ffmpeg.run(["-f", "lavfi", "-i", "sine=d=30", *fmt.codec, "-f", fmt.muxer, "file:/dev/full"],
                   what=f"encoding /srv/out/a{ext}")
    message = str(caught.value)
    assert f"/srv/out/a{ext}" in message and "No space left on device" in message, message


def test_a_wrong_type_in_the_config_file_names_the_file(private_dirs: Path, tmp_path: Path) -> None:
    config = private_dirs / "config.toml"
    for text, key in (('[export]\nloudness = "loud"\n', "loudness"), ('[export]\nfallback = "yes"\n', "fallback"),
                      ('[export]\ntranscript = "vtt"\n', "transcript"), ("[podcast]\njobs = 0\n", "jobs")):
        config.write_text(text)
        line = one_line_error(reader("segments", str(SAMPLES / "harbour-ferry.txt")))
        assert str(config) in line and key in line, line


def test_reader_config_naming_a_missing_file_is_an_error(tmp_path: Path) -> None:
    missing = tmp_path / "nope.toml"
    env = {**os.environ, "READER_CONFIG": str(missing), "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "reader", "segments", str(SAMPLES / "harbour-ferry.txt")],
                          capture_output=True, text=True, env=env, timeout=120)
    line = one_line_error(done)
    assert str(missing) in line and "READER_CONFIG" in line


def test_a_broken_profile_the_run_does_not_use_is_only_a_warning(private_dirs: Path, tmp_path: Path) -> None:
    folder = private_dirs / "config" / "article-reader" / "voices"
    folder.mkdir(parents=True)
    (folder / "unused.toml").write_text('engine = "espeak"\nrate = "fast"\n')
    out = tmp_path / "a.wav"
    done = reader("export", str(SAMPLES / "harbour-ferry.txt"), "-o", str(out), "--engine", "silence", "--json")
    assert done.returncode == 0, done.stderr
    warnings = json.loads(done.stdout)["warnings"]
    assert any("unused.toml" in w and "rate" in w for w in warnings), warnings
    used = reader("export", str(SAMPLES / "harbour-ferry.txt"), "-o", str(out), "--voice", "narrator=unused")
    line = one_line_error(used)
    assert "unused.toml" in line and "rate" in line


# --- podcasts --------------------------------------------------------------------------------------

def _podcast(tmp_path: Path, show_title: str = "Test Show", guid: str = "ferry-2025-03-14") -> Path:
    (tmp_path / "one.txt").write_text(f"Night ferry\n\n{BODY} \"We will keep going,\" said Anna Berg.\n")
    (tmp_path / "cast.toml").write_text('narrator = "quiet"\nquote = "quiet"\nheading = "quiet"\n')
    manifest = tmp_path / "show.toml"
    manifest.write_text(f'[show]\ntitle = "{show_title}"\nauthor = "A"\ndescription = "D"\n'
                        f'base_url = "https://example.org/show/"\n[[episodes]]\ninput = "one.txt"\n'
                        f'cast = "cast.toml"\nguid = "{guid}"\ndate = 2025-03-14\n')
    return manifest


def _statuses(manifest: Path, site: Path, voices: Path, private_dirs: Path) -> list[str]:
    from reader import podcast
    from reader.options import CastingOptions, ExportOptions

    _, results = podcast.build(podcast.load_manifest(manifest), site, Registry.from_entry_points(),
                               ExportOptions(casting=CastingOptions(voice_dirs=(voices,))),
                               cache=ClipCache(private_dirs / "cache"))
    return [r.status for r in results]


def test_an_episode_is_unchanged_only_while_its_bytes_would_be(tmp_path: Path, private_dirs: Path) -> None:
    voices = tmp_path / "voices"
    voices.mkdir()
    profile = voices / "quiet.toml"
    profile.write_text('engine = "silence"\nrate = 1.0\n')
    site = tmp_path / "site"
    manifest = _podcast(tmp_path)
    assert _statuses(manifest, site, voices, private_dirs) == ["built"]
    assert _statuses(manifest, site, voices, private_dirs) == ["unchanged"]
    profile.write_text('engine = "silence"\nrate = 1.3\n')  # an edited voice profile
    assert _statuses(manifest, site, voices, private_dirs) == ["built"]
    assert _statuses(manifest, site, voices, private_dirs) == ["unchanged"]
    manifest = _podcast(tmp_path, show_title="Renamed Show")  # the album tag in every episode
    assert _statuses(manifest, site, voices, private_dirs) == ["built"]
    import mutagen

    audio = next((site / "episodes").glob("*.mp3"))
    assert str(mutagen.File(audio).tags["TALB"]) == "Renamed Show"


def test_the_feed_links_a_podcasting_json_transcript_and_keeps_the_timeline(tmp_path: Path,
                                                                            private_dirs: Path) -> None:
    import feedparser

    voices = tmp_path / "voices"
    voices.mkdir()
    (voices / "quiet.toml").write_text('engine = "silence"\n')
    site = tmp_path / "site"
    assert _statuses(_podcast(tmp_path), site, voices, private_dirs) == ["built"]
    entry = feedparser.parse(str(site / "feed.xml")).entries[0]
    links = {link["type"]: link["url"] for link in _transcript_links(site / "feed.xml")}
    transcript = json.loads((site / links["application/json"].removeprefix("https://example.org/show/")).read_text())
    assert transcript["version"] and transcript["segments"]
    for segment in transcript["segments"]:
        assert set(segment) <= {"speaker", "startTime", "endTime", "body"}
        assert segment["endTime"] >= segment["startTime"] and segment["body"]
    assert any(s.get("speaker") == "Anna Berg" for s in transcript["segments"])
    timeline = site / "episodes" / Path(links["application/json"]).name.replace(".transcript.json", ".json")
    assert "runs" in json.loads(timeline.read_text()), "our own timeline stays beside it"
    assert entry.title


def _transcript_links(feed: Path) -> list[dict[str, str]]:
    from lxml import etree

    tree = etree.parse(str(feed))
    return [dict(e.attrib) for e in tree.iter("{https://podcastindex.org/namespace/1.0}transcript")]


def test_a_custom_guid_is_whole_in_file_names(tmp_path: Path, private_dirs: Path) -> None:
    voices = tmp_path / "voices"
    voices.mkdir()
    (voices / "quiet.toml").write_text('engine = "silence"\n')
    site = tmp_path / "site"
    _statuses(_podcast(tmp_path, guid="ferry-2025-03-14"), site, voices, private_dirs)
    assert [p.name for p in (site / "episodes").glob("*.mp3")] == ["one-ferry-2025-03-14.mp3"]


# --- words the user reads --------------------------------------------------------------------------

def test_variant_voices_are_named_for_people_not_by_internal_ids() -> None:
    from reader import voices

    assert voices.describe("gtts-en-uk~3") == "the third quoted speaker's voice (a variant of 'gtts-en-uk')"
    assert voices.describe("espeak-ru") == "'espeak-ru'"
    assert voices.describe_many(["quote~1", "quote~2", "default"]) == \
        "'default', the voices of 2 quoted speakers (variants of 'quote')"


def test_offline_gtts_messages_hide_ids_and_advise_fallback_only_without_it(tmp_path: Path) -> None:
    if _online():
        pytest.skip("this machine reaches Google; the offline messages cannot be seen")
    args = ["export", str(SAMPLES / "harbour-ferry.txt"), "-o", str(tmp_path / "g.wav"), "--voice",
            "quote=gtts-en-uk"]
    without = one_line_error(reader(*args))
    assert "~" not in without and "quoted speaker" in without and "--fallback" in without
    done = reader(*args, "--fallback", "--json")
    assert done.returncode == 0, done.stderr
    warnings = " ".join(json.loads(done.stdout)["warnings"])
    assert "~" not in warnings and "--fallback" not in warnings and "quoted speakers" in warnings


def _online() -> bool:
    import socket

    try:
        socket.create_connection(("translate.google.com", 443), timeout=2).close()
        return True
    except OSError:
        return False


def test_counts_are_singular_when_there_is_one(tmp_path: Path) -> None:
    source = tmp_path / "one.txt"
    source.write_text(f"{BODY}\n")
    done = reader("export", str(source), "-o", str(tmp_path / "one.wav"), "--engine", "silence")
    assert done.returncode == 0 and "1 chapter," in done.stderr and "1 sentence," in done.stderr, done.stderr
    listing = reader("voices", "--engine", "silence")
    assert "— 1 voice\n" in listing.stdout, listing.stdout


def test_voices_json_filters_by_engine_like_the_text() -> None:
    done = reader("voices", "--engine", "espeak", "--json")
    assert done.returncode == 0, done.stderr
    listing = json.loads(done.stdout)
    assert [e["name"] for e in listing["engines"]] == ["espeak"]
    assert listing["profiles"] and {p["engine"] for p in listing["profiles"]} == {"espeak"}


@pytest.mark.espeak
def test_pyttsx3_reads_french_with_its_french_voice(tmp_path: Path) -> None:
    source = tmp_path / "fr.txt"
    source.write_text("Le maire a dit que le bac de nuit continuera de circuler tout l'hiver prochain.\n\n"
                      "The mayor said the ferry will keep running all winter long, whatever the weather.\n")
    done = reader("export", str(source), "-o", str(tmp_path / "fr.wav"), "--engine", "pyttsx3", "--json",
                  "--transcript", "json")
    if done.returncode == 1 and "pyttsx3" in done.stderr and "unavailable" in done.stderr:
        pytest.skip(done.stderr)
    assert done.returncode == 0, done.stderr
    assert not any("'fr'" in w for w in json.loads(done.stdout)["warnings"])
    runs = json.loads((tmp_path / "fr.json").read_text())["runs"]
    assert "fr" in next(r["voice"] for r in runs if r["lang"].startswith("fr"))


def test_m4b_carries_the_language(tmp_path: Path) -> None:
    source = tmp_path / "ru.txt"
    source.write_text("Совет проголосовал во вторник за то, чтобы паром ходил всю зиму.\n")
    out = tmp_path / "ru.m4b"
    done = reader("export", str(source), "-o", str(out), "--engine", "silence")
    assert done.returncode == 0, done.stderr
    assert "(rus): Audio" in probe(out).header


def test_progress_shows_every_phase_in_a_terminal_without_a_size(tmp_path: Path) -> None:
    import pty
    import select

    main, child = pty.openpty()  # a fresh pseudo-terminal reports 0 columns and 0 rows, like `script`
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("COLUMNS", None)
    env.pop("LINES", None)
    proc = subprocess.Popen([sys.executable, "-m", "reader", "export", str(SAMPLES / "harbour-ferry.txt"), "-o",
                             str(tmp_path / "p.mp3"), "--engine", "espeak", "--no-cache"],
                            stdout=subprocess.PIPE, stderr=child, env=env)
    os.close(child)
    seen = b""
    while True:
        ready, _, _ = select.select([main], [], [], 120)
        if not ready:
            break
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the child closed its end
            break
        if not chunk:
            break
        seen += chunk
    stdout = proc.stdout.read() if proc.stdout else b""
    assert proc.wait(timeout=120) == 0, seen
    os.close(main)
    text = seen.decode("utf-8", "replace")
    for phase in ("reading the article", "synthesizing", "sentences", "measuring loudness", "encoding",
                  "seconds of audio"):
        assert phase in text, (phase, text)
    assert "utt" not in text and re.search(r"\d+/\d+ sentences \[\d\d:\d\d<\d\d:\d\d\]", text), text
    assert stdout == b""
