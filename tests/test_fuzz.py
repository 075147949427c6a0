"""The fuzz harness in a bounded form: random and mutated inputs end in a result or one line, never worse.

The full run (10,000 cases) is `python bench/fuzz.py`; this runs a slice of it with another seed on
every test run, so a regression that the full run would catch shows here most of the time.
"""

from __future__ import annotations

import importlib
import os
import sys
from types import ModuleType

from .conftest import ROOT


def _harness() -> ModuleType:
    # Imported by name from bench/ so the worker processes it spawns can import it too.
    if str(ROOT / "bench") not in sys.path:
        sys.path.insert(0, str(ROOT / "bench"))
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    return importlib.import_module("fuzz")


def test_fuzzed_inputs_end_in_output_or_one_line() -> None:
    fuzz = _harness()
    cases = int(os.environ.get("READER_FUZZ_CASES", "80"))
    summary = fuzz.fuzz(cases, seed=20260, jobs=2)
    assert summary["cases"] == cases
    assert summary["failures"] == [], summary["failures"][:5]
    assert summary["exported"] > cases // 5 and summary["refused"] > cases // 10, summary


def test_the_harness_sees_a_traceback_and_stray_files(tmp_path: object) -> None:
    fuzz = _harness()
    found = fuzz._problems("export", 1, "", "Traceback (most recent call last):\n  x\nKeyError: 1\n", None,
                           ROOT / "samples", None)
    assert any("traceback" in p for p in found) and any("left files" in p for p in found)
    assert fuzz.generate(7, 1) == fuzz.generate(7, 1), "cases are reproducible from their number"
