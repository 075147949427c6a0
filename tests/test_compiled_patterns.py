"""The pattern cache: patterns read back from disk behave exactly as `re.compile`'s, and any trouble
with the cache falls back to compiling."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from reader import startup
from reader.segment import compiled
from reader.segment.verbs import SPEECH_VERBS

# Long enough to be cached; named groups, flags, lookarounds and a backreference.
PATTERN = rf"(?P<pre>[,!?…])\s+(?P<cue>(?:{SPEECH_VERBS})(?:-t-(?:il|elle))?)\b(?=\s)(?:\s+(?P<who>\w+))?(?:\s+(?P=who))?"
TEXTS = ["«Мы готовы», — сказала она.", '"Yes," said Maria Lopez Lopez today.', "« Non », a-t-elle ajouté.",
         "nothing to see here", "SAID, SAID you", "„Ja“, sagte er er."]


@pytest.fixture()
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("READER_STARTUP_CACHE", raising=False)
    compiled._enabled.cache_clear()
    return tmp_path


def _same(a: re.Pattern[str], b: re.Pattern[str]) -> None:
    assert a.pattern == b.pattern and a.flags == b.flags and a.groups == b.groups and a.groupindex == b.groupindex
    for text in TEXTS:
        assert [m.groupdict() for m in a.finditer(text)] == [m.groupdict() for m in b.finditer(text)]
        assert [m.span() for m in a.finditer(text)] == [m.span() for m in b.finditer(text)]


def test_first_run_writes_and_second_reads_the_same_pattern(cache_home: Path) -> None:
    expected = re.compile(PATTERN, re.I)
    first = compiled.regex(PATTERN, re.I)
    files = list(compiled.cache_dir().glob("*.re"))
    assert len(files) == 1 and str(cache_home) in str(files[0])
    second = compiled.regex(PATTERN, re.I)
    _same(first, expected)
    _same(second, expected)
    assert second.search("« Non », a-t-elle ajouté.") is not None


def test_flags_are_part_of_the_key(cache_home: Path) -> None:
    insensitive = compiled.regex(PATTERN, re.I)
    sensitive = compiled.regex(PATTERN)
    assert len(list(compiled.cache_dir().glob("*.re"))) == 2
    assert insensitive.search("SAID, SAID you") is not None
    assert sensitive.search("SAID, SAID you") is None


def test_a_damaged_file_is_compiled_again_and_replaced(cache_home: Path) -> None:
    compiled.regex(PATTERN, re.I)
    (path,) = compiled.cache_dir().glob("*.re")
    for damage in (b"", b"garbage", path.read_bytes()[:100]):
        path.write_bytes(damage)
        _same(compiled.regex(PATTERN, re.I), re.compile(PATTERN, re.I))
    assert path.stat().st_size > 1000  # written again whole


def test_a_wrong_program_in_a_file_is_rejected(cache_home: Path) -> None:
    import marshal

    compiled.regex(PATTERN, re.I)
    (path,) = compiled.cache_dir().glob("*.re")
    code, flags, groups, groupindex = marshal.loads(path.read_bytes())
    path.write_bytes(marshal.dumps(([7, 7, 7, 7], flags, groups, groupindex)))  # not a valid program
    _same(compiled.regex(PATTERN, re.I), re.compile(PATTERN, re.I))


def test_unwritable_cache_still_compiles(cache_home: Path) -> None:
    blocker = cache_home / "article-reader"
    blocker.write_text("a file where the folder should be")
    _same(compiled.regex(PATTERN, re.I), re.compile(PATTERN, re.I))


def test_turned_off_writes_nothing(cache_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("READER_STARTUP_CACHE", "0")
    compiled._enabled.cache_clear()
    _same(compiled.regex(PATTERN, re.I), re.compile(PATTERN, re.I))
    assert not compiled.cache_dir().exists()


def test_short_patterns_are_not_kept(cache_home: Path) -> None:
    compiled.regex(r"\bsaid\b", re.I)
    assert not compiled.cache_dir().exists()


def test_segmenter_reads_the_same_with_and_without_the_cache(tmp_path: Path) -> None:
    """A whole reading of the fixture through cached patterns equals one compiled from scratch."""
    fixture = Path(__file__).resolve().parents[2] / "shared" / "fixtures" / "izvestia-witkoff.txt"
    if not fixture.exists():
        pytest.skip("the shared fixture is not beside the checkout")
    outputs = []
    for setting in ("0", "1", "1"):  # off, then a cold cache, then a warm one
        env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path / "cache"),
               "READER_STARTUP_CACHE": setting}
        done = subprocess.run([sys.executable, "-m", "reader", "segments", str(fixture), "--json"], env=env,
                              capture_output=True, text=True, check=True)
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1] == outputs[2]
    assert list((tmp_path / "cache" / "article-reader" / "startup" / "patterns").glob("*.re"))


def test_name_list_answers_as_gender_guessers_detector(cache_home: Path) -> None:
    """Names read through the index (cold, then from the startup cache) get gender-guesser's own answers."""
    import random

    detector_module = pytest.importorskip("gender_guesser.detector")
    from reader.segment import gender

    full = detector_module.Detector(case_sensitive=False)
    names = sorted(full.names)
    sample = random.Random(7).sample(names, 400) + ["anne-marie", "annemarie", "anne marie", "maria", "jean",
                                                     "andrea", "ådne", "nobodyhasthisname"]
    answers = []
    for _ in range(2):  # the first builds the index and keeps it, the second reads it back
        gender._detector.cache_clear()
        names_list = gender._detector()
        answers.append([names_list.get_gender(name) for name in sample])
    assert list((startup.startup_dir() / "names").glob("*.marshal"))
    expected = [full.get_gender(name) for name in sample]
    assert answers[0] == expected and answers[1] == expected
    gender._detector.cache_clear()
