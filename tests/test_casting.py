"""Who reads what: roles, distinct speakers, languages, cast files and overrides. No audio."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader import casting, pipeline, voices
from reader.engines import Registry
from reader.errors import VoiceError
from reader.model import Article, BlockKind, Role
from reader.options import CastingOptions
from reader.segment import split

from .conftest import SAMPLES

PROFILES = voices.load_profiles([])
BODY = "This is an ordinary paragraph of the article that sets the scene for what follows here."


def _lines(text: str, assignments: dict[str, str] | None = None, engine: str | None = None) -> list:
    document = split(Article(text=text))
    return casting.plan(document, Registry.from_entry_points(),
                        CastingOptions(assignments=assignments or {}, engine=engine)).lines


def test_roles_get_the_shipped_voices() -> None:
    lines = _lines(f"{BODY}\n\nWhat comes next\n\n" + 'Anna Berg said: "We will build the bridge by May."')
    by_role = {(line.kind, line.role): line.voice.name for line in lines}
    assert by_role[(BlockKind.PARAGRAPH, Role.NARRATION)] == "default"
    assert by_role[(BlockKind.HEADING, Role.NARRATION)] == "heading"
    assert by_role[(BlockKind.PARAGRAPH, Role.QUOTE)].startswith("quote")


def test_each_speaker_keeps_one_voice_and_speakers_differ() -> None:
    text = (f"{BODY}\n\n" + 'Anna Berg said: "We will build the bridge by May."\n\n'
            + 'Dev Patel noted: "Nobody here has seen the budget for it."\n\n'
            + '"The money is there," Berg said.\n\n' + '"Show it to us," Patel said.')
    quotes = [line for line in _lines(text) if line.role is Role.QUOTE]
    voices_of: dict[str, set[tuple[float, float]]] = {}
    for line in quotes:
        voices_of.setdefault(line.speaker or "", set()).add((line.voice.pitch, line.voice.rate))
    assert set(voices_of) == {"Anna Berg", "Dev Patel"}
    assert all(len(v) == 1 for v in voices_of.values())
    assert voices_of["Anna Berg"] != voices_of["Dev Patel"]
    narrator = PROFILES["default"]
    assert all((narrator.pitch, narrator.rate) not in v for v in voices_of.values())


def russian_engine() -> str:
    """Festival's Russian voice where it is installed (it ranks above eSpeak NG), else eSpeak NG."""
    from reader.engines.festival_engine import FestivalEngine

    registered = "festival" in Registry.from_entry_points().names()  # an older install may not list it yet
    return "festival" if registered and FestivalEngine().unavailable() is None and any(
        v.id == "msu_ru_nsh_clunits" for v in FestivalEngine().list_voices()) else "espeak"


@pytest.mark.espeak
def test_russian_paragraph_gets_a_russian_voice() -> None:
    lines = _lines(f"{BODY}\n\nЭто абзац на русском языке, и его читает другой голос.\n\n{BODY}")
    russian = [line for line in lines if line.lang == "ru"]
    assert russian and all(line.voice.language == "ru" and line.voice.engine == russian_engine() for line in russian)
    assert all(line.voice.name == "default" for line in lines if line.lang == "en")


def test_explicit_assignments_win() -> None:
    text = f"{BODY}\n\n" + 'Anna Berg said: "We will build the bridge by May."'
    lines = _lines(text, {"speaker:Anna Berg": "espeak-en", "narrator": "quote"})
    assert {line.voice.name for line in lines if line.role is Role.QUOTE} == {"espeak-en"}
    assert {line.voice.name for line in lines if line.role is Role.NARRATION} == {"quote"}


def test_engine_override_uses_that_engine_everywhere() -> None:
    lines = _lines(f"{BODY}\n\n" + 'Anna Berg said: "We will build the bridge by May."', engine="silence")
    assert {line.voice.engine for line in lines} == {"silence"}


def test_unknown_profile_and_role_are_named() -> None:
    with pytest.raises(VoiceError, match="no voice profile 'nope'.*known: .*default"):
        casting.make_cast(PROFILES, {"quote": "nope"})
    with pytest.raises(VoiceError, match="unknown role 'chorus'"):
        casting.make_cast(PROFILES, {"chorus": "default"})


def test_cast_file(tmp_path: Path) -> None:
    path = tmp_path / "cast.toml"
    path.write_text('narrator = "espeak-en"\n[speakers]\n"Anna Berg" = "quote"\n[languages]\nru = "espeak-ru"\n')
    assert casting.load_cast_file(path) == {"narrator": "espeak-en", "speaker:Anna Berg": "quote",
                                            "lang:ru": "espeak-ru"}
    path.write_text('narator = "x"\n')
    with pytest.raises(VoiceError, match="cast.toml: unknown or mistyped key 'narator'"):
        casting.load_cast_file(path)


def test_sample_casting_is_complete() -> None:
    document = pipeline.read_document(str(SAMPLES / "night-market.html"))
    lines = casting.plan(document, Registry.from_entry_points()).lines
    spoken = {(line.block, line.run) for line in lines}
    assert spoken == {(b, r) for b, block in enumerate(document.blocks) for r in range(len(block.runs))}
