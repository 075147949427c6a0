"""Language as it changes: per sentence and inside sentences, with script as hard evidence."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader import casting
from reader.engines import Registry
from reader.model import Article, Role, Run
from reader.segment import language, split

from .test_casting import russian_engine

RUSSIAN = "Паром будет ходить на острова всю зиму, решил городской совет во вторник."
ENGLISH = "The ferry company said it was ready for the cold months ahead."
RUSSIAN_ENGINE = russian_engine()
"""Festival's Russian voice where it is installed, else eSpeak NG's."""


@pytest.mark.parametrize(("text", "default", "expected"), [
    (ENGLISH, "ru", "en"),  # Latin letters are never Russian, however short or long
    ("Hello there.", "ru", "en"),
    ("Hello there.", "ar", "en"),
    ("Hello there.", "fr", "fr"),  # too short to overrule a Latin-script default
    (RUSSIAN, "en", "ru"),  # Cyrillic is never English
    ("Так.", "en", "ru"),
    ("مرحبا بكم في السوق", "en", "ar"),
    ("ברוכים הבאים לשוק", "en", "he"),
])
def test_script_is_hard_evidence(text: str, default: str, expected: str) -> None:
    assert language.detect(text, default) == expected


@pytest.mark.parametrize(("sentence", "lang", "expected"), [
    ("He quoted Pushkin: «Я помню чудное мгновенье», and smiled.", "en",
     [("He quoted Pushkin:", "en"), ("«Я помню чудное мгновенье»,", "ru"), ("and smiled.", "en")]),
    ("Он сказал, что Financial Times ошиблась.", "ru",
     [("Он сказал, что", "ru"), ("Financial Times", "en"), ("ошиблась.", "ru")]),
    ("В NATO промолчали.", "ru", [("В NATO промолчали.", "ru")]),  # one Latin word stays with its sentence
    ("The signs read مرحبا بكم and שלום עליכם today.", "en",
     [("The signs read", "en"), ("مرحبا بكم", "ar"), ("and", "en"), ("שלום עליכם", "he"), ("today.", "en")]),
    (ENGLISH, "en", [(ENGLISH, "en")]),
])
def test_foreign_words_inside_a_sentence_are_their_own_pieces(sentence: str, lang: str,
                                                              expected: list[tuple[str, str]]) -> None:
    pieces = language.spans(sentence, lang)
    assert pieces == expected
    assert "".join(t for t, _ in pieces).replace(" ", "") == sentence.replace(" ", "")


def test_casting_follows_the_language_of_each_sentence() -> None:
    document = split(Article(text=f"{RUSSIAN} {ENGLISH} Жители давно просили об этом.\n"))
    assert casting.languages(document) == {"ru", "en"}
    lines = casting.plan(document, Registry.from_entry_points()).lines
    assert [(line.lang, line.voice.engine, line.voice.language.split("-")[0]) for line in lines] == [
        ("ru", RUSSIAN_ENGINE, "ru"), ("en", "piper", "en"), ("ru", RUSSIAN_ENGINE, "ru")]
    assert all(line.display for line in lines)  # whole sentences, each its own cue


def test_a_sentence_with_a_russian_quotation_gets_two_voices() -> None:
    run = Run(role=Role.NARRATION, text="He quoted Pushkin: «Я помню чудное мгновенье», and smiled.", lang="en")
    assert [(lang, bool(sentence)) for _, lang, sentence in casting.pieces(run)] == [
        ("en", True), ("ru", False), ("en", False)]


MIXED = ("The council met on Tuesday and decided that the night ferry will keep running all winter. "
         "Совет решил, что паром будет ходить всю зиму. The first crossing leaves at nine.\n\n"
         "The market signs read مرحبا بكم في السوق and ברוכים הבאים לשוק next to the English welcome, "
         "and visitors said they liked all three.\n")


def test_mixed_scripts_export_with_a_voice_for_each(tmp_path: Path) -> None:
    source = tmp_path / "mixed.txt"
    source.write_text(MIXED, encoding="utf-8")
    (tmp_path / "empty.toml").write_text("")
    env = {**os.environ, "READER_CACHE_DIR": str(tmp_path / "cache"), "READER_CONFIG": str(tmp_path / "empty.toml")}
    done = subprocess.run([sys.executable, "-m", "reader", "export", str(source), "-o", str(tmp_path / "m.mp3"),
                           "--transcript", "json", "-q"], capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr
    runs = json.loads((tmp_path / "m.json").read_text(encoding="utf-8"))["runs"]
    said = [(r["lang"], r["voice"].split("~")[0]) for r in runs]
    russian = "festival:msu_ru_nsh_clunits" if RUSSIAN_ENGINE == "festival" else "espeak:ru"
    assert said == [("en", "piper:en_US-joe-medium"), ("ru", russian), ("en", "piper:en_US-joe-medium"),
                    ("en", "piper:en_US-joe-medium"), ("ar", "espeak:ar"), ("en", "piper:en_US-joe-medium"),
                    ("he", "espeak:he"), ("en", "piper:en_US-joe-medium")]
    assert all(r["end"] > r["start"] for r in runs)
    assert all(a["end"] <= b["start"] for a, b in zip(runs, runs[1:]))
