"""The config file gives defaults to command options; its mistakes are one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from .conftest import SAMPLES


def _reader(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True, text=True, timeout=120)


def test_config_sets_defaults_and_flags_still_win(private_dirs: Path, tmp_path: Path) -> None:
    (private_dirs / "config.toml").write_text('[segments]\njson = true\n[export]\nengine = "silence"\n'
                                              'no-loudnorm = true\n')
    done = _reader("segments", str(SAMPLES / "harbour-ferry.txt"))
    assert json.loads(done.stdout)["blocks"]
    out = tmp_path / "x.wav"
    done = _reader("export", str(SAMPLES / "harbour-ferry.txt"), "-o", str(out), "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["synthesized"] > 0


def test_unknown_config_key_is_a_one_line_error(private_dirs: Path) -> None:
    (private_dirs / "config.toml").write_text("[export]\nloudnes = -18\n")
    done = _reader("segments", str(SAMPLES / "harbour-ferry.txt"))
    assert done.returncode == 1
    assert "has no option 'loudnes'" in done.stderr and len(done.stderr.strip().splitlines()) == 1


def test_export_json_reports_cache_use(tmp_path: Path) -> None:
    args = ("export", str(SAMPLES / "glacier-station.md"), "-o", str(tmp_path / "g.mp3"), "--json")
    first = json.loads(_reader(*args).stdout)
    second = json.loads(_reader(*args).stdout)
    assert first["synthesized"] == first["utterances"] - first["cached"] and first["synthesized"] > 0
    assert second["synthesized"] == 0 and second["cached"] == second["utterances"]
    assert second["outputs"] == [str(tmp_path / "g.mp3")]
