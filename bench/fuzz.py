"""Fuzz `reader segments` and `reader export --engine silence` with random and mutated inputs.

Every case must end in exit 0 with its output, or exit 1 with exactly one line on stderr: never a
traceback, never a hang over 30 s, never a file left behind (no partial output, no temporary files).

    python bench/fuzz.py                      # the full run: 10,000 cases, two worker processes
    python bench/fuzz.py --cases 200 --seed 7 # a short run

Cases run in worker processes that call the real command-line entry point (`reader.cli.main`) in
process, which is what makes 10,000 cases affordable; a worker that passes the time limit is killed
and replaced, and the case counts as a hang. Inputs are generated from the seed, so a failing case
is reproduced with `--only N`.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import multiprocessing as mp
import os
import random
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
LIMIT = 30.0
"""Seconds a case may take before it counts as a hang."""

_SAMPLES = sorted((ROOT / "samples").glob("*"))
_WORDS = {
    "latin": "the ferry council voted winter night market glacier station report mayor said".split(),
    "cyrillic": "паром совет проголосовал зима ночной рынок станция мэр сказал".split(),
    "arabic": "العبارة المجلس صوت الشتاء السوق الليلي المحطة".split(),
    "hebrew": "המעבורת המועצה הצביעה חורף שוק לילה תחנה".split(),
    "cjk": ["渡轮", "议会", "冬天", "夜市", "冰川", "气象站", "市长说"],
    "devanagari": "नौका परिषद सर्दी बाजार".split(),
    "thai": "เรือข้ามฟาก สภา ฤดูหนาว ตลาด".split(),
    "greek": "πλοίο συμβούλιο χειμώνας αγορά".split(),
    "emoji": ["🚢", "🎉", "😀", "👩🏽‍🚀", "🏳️‍🌈"],
    "marks": ["e\u0301", "a\u0308\u0308\u0308", "\u202etxet\u202c", "\u200d", "\u00ad", "\ufffd"],
}
_TAGS = ["p", "div", "h1", "h2", "h3", "blockquote", "ul", "li", "ol", "article", "section", "span", "a", "b",
         "em", "table", "tr", "td", "pre", "code", "script", "style", "nav", "footer", "header", "aside", "br",
         "img", "figure", "figcaption", "q", "noscript", "template", "svg", "math", "iframe"]
_ENTITIES = ["&amp;", "&lt;", "&gt;", "&quot;", "&nbsp;", "&#x1F600;", "&#99999999;", "&#0;", "&bogus;", "&#x;",
             "&mdash;", "&laquo;", "&raquo;"]
_NUMBERS = ["9" * 400, "1e308", "-0.0000000001", "$99,999,999,999,999,999,999.99", "1,000,000,000,000th",
            "99/99/9999", "31.02.2025", "25:61", "1000000000000000000000 %", "№ 18446744073709551617",
            "3.14159265358979323846264338327950288", "10^999", "0x7FFFFFFF", "1/0", "½ ¾ ⅞", "٣٤٥", "一千万"]


def _words(rng: random.Random, n: int, scripts: list[str] | None = None) -> str:
    names = scripts or list(_WORDS)
    return " ".join(rng.choice(_WORDS[rng.choice(names)]) for _ in range(n))


def _sentence(rng: random.Random, scripts: list[str] | None = None) -> str:
    text = _words(rng, rng.randint(1, 20), scripts)
    return text[:1].upper() + text[1:] + rng.choice([".", "!", "?", "", "…", ":", ";"])


def _sample(rng: random.Random) -> bytes:
    return rng.choice(_SAMPLES).read_bytes()


def _mutate(rng: random.Random, data: bytes) -> bytes:
    buf = bytearray(data)
    for _ in range(rng.randint(1, 40)):
        op = rng.randrange(5)
        at = rng.randrange(len(buf) + 1)
        if op == 0 and buf:
            buf[min(at, len(buf) - 1)] = rng.randrange(256)
        elif op == 1:
            buf[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))
        elif op == 2:
            del buf[at : at + rng.randint(1, 200)]
        elif op == 3 and buf:
            start = rng.randrange(len(buf))
            buf[at:at] = buf[start : start + rng.randint(1, 400)]
        else:
            buf[at:at] = rng.choice([b"\n\n", b'"', b"\xc2\xab", b"\xe2\x80\x9c", b"#", b"> ", b"<p>", b"\0",
                                     b"\r", b"\x1b[31m", b"- ", b"\xe2\x80\x94 "])
    return bytes(buf)


def _html(rng: random.Random, depth: int = 0) -> str:
    parts = []
    for _ in range(rng.randint(1, 6)):
        roll = rng.random()
        if roll < 0.35 and depth < 12:
            tag = rng.choice(_TAGS)
            attrs = rng.choice(["", ' class="article"', ' id="x"', " hidden", ' style="display:none"',
                                ' href="http://evil.invalid/"', ' lang="ru"', ' dir="rtl"'])
            inner = _html(rng, depth + 1)
            close = "" if rng.random() < 0.15 else f"</{tag}>"
            parts.append(f"<{tag}{attrs}>{inner}{close}")
        elif roll < 0.45:
            parts.append(rng.choice(_ENTITIES))
        elif roll < 0.5:
            parts.append(rng.choice(["<!-- c -->", "<![CDATA[x]]>", "<!DOCTYPE html>", "<?xml version='1.0'?>",
                                     "</p>", "<", ">", "<p", "<<<>>>"]))
        else:
            parts.append(_sentence(rng))
    return " ".join(parts)


def _markdown(rng: random.Random) -> str:
    lines = []
    for _ in range(rng.randint(1, 25)):
        roll = rng.randrange(10)
        if roll == 0:
            lines.append("#" * rng.randint(1, 7) + " " + _words(rng, rng.randint(0, 8)))
        elif roll == 1:
            lines.append("> " * rng.randint(1, 4) + _sentence(rng))
        elif roll == 2:
            lines.append(rng.choice(["- ", "* ", "1. ", "+ ", "10000000000. "]) + _sentence(rng))
        elif roll == 3:
            lines.append("```\n" + _sentence(rng) + ("\n```" if rng.random() < 0.7 else ""))
        elif roll == 4:
            lines.append(f"[{_words(rng, 2)}](http://x.invalid/{rng.randrange(99)}) **{_words(rng, 2)}** _{_words(rng, 1)}_")
        elif roll == 5:
            lines.append("| a | b |\n|---|---|\n| " + _words(rng, 2) + " | " + rng.choice(_NUMBERS) + " |")
        elif roll == 6:
            lines.append(rng.choice(["---", "***", "===", "<div>", "<br/>", "![img](x.png)", "    code block"]))
        else:
            lines.append(_sentence(rng) + " " + _sentence(rng))
        lines.append("" if rng.random() < 0.6 else "\n")
    return "\n".join(lines)


def _text_case(rng: random.Random) -> str:
    kind = rng.randrange(5)
    if kind == 0:  # huge and odd numbers in prose
        return "\n\n".join(f"{_sentence(rng, ['latin'])} {rng.choice(_NUMBERS)} {_sentence(rng, ['latin'])}"
                           for _ in range(rng.randint(1, 6)))
    if kind == 1:  # control characters
        text = "\n\n".join(_sentence(rng, ["latin", "cyrillic"]) for _ in range(rng.randint(1, 8)))
        out = list(text)
        for _ in range(rng.randint(1, 30)):
            out.insert(rng.randrange(len(out) + 1), chr(rng.choice([*range(0, 32), 127, *range(0x80, 0xA0),
                                                                    0x2028, 0x2029, 0xFEFF, 0x200B])))
        return "".join(out)
    if kind == 2:  # mixed scripts in one paragraph
        return "\n\n".join(" ".join(_sentence(rng) for _ in range(rng.randint(1, 5))) for _ in range(rng.randint(1, 5)))
    if kind == 3:  # quotations, balanced or not
        quotes = ['"', "“", "”", "«", "»", "„", "—", "'"]
        return "\n\n".join(f"{rng.choice(quotes)}{_sentence(rng)}{rng.choice(quotes)} said {_words(rng, 2, ['latin'])}."
                           for _ in range(rng.randint(1, 8)))
    return rng.choice(["x" * rng.randint(1, 50000), ("word " * rng.randint(1, 6000)).strip(), "\n" * 1000,
                       " . " * 3000, _sentence(rng) * rng.randint(1, 400)])


@dataclass(frozen=True)
class Case:
    """One generated input."""

    index: int
    kind: str
    name: str
    data: bytes
    stdin: bool


def generate(index: int, seed: int) -> Case:
    """The `index`-th case of the run seeded with `seed` (the same every time)."""
    rng = random.Random(seed * 1_000_003 + index)
    kind = rng.choice(["bytes", "mutated", "utf8-cut", "utf16-cut", "html", "markdown", "text"])
    if kind == "bytes":
        data = bytes(rng.randrange(256) for _ in range(rng.randint(0, 4000)))
    elif kind == "mutated":
        data = _mutate(rng, _sample(rng))
    elif kind == "utf8-cut":
        data = _sample(rng)
        data = data[: rng.randrange(len(data) + 1)]
    elif kind == "utf16-cut":
        text = _sample(rng).decode("utf-8", "replace")
        data = text.encode(rng.choice(["utf-16", "utf-16-le", "utf-16-be", "utf-32"]))
        data = data[: rng.randrange(len(data) + 1)]
    elif kind == "html":
        body = _html(rng)
        data = (body if rng.random() < 0.5 else f"<html><head><title>{_words(rng, 3)}</title></head><body>{body}"
                f"</body></html>").encode("utf-8")
    elif kind == "markdown":
        data = _markdown(rng).encode("utf-8")
    else:
        data = _text_case(rng).encode(rng.choice(["utf-8", "utf-8", "utf-8", "utf-16"]), "replace")
    suffix = {"html": ".html", "markdown": ".md"}.get(kind, ".txt")
    suffix = rng.choice([suffix, suffix, suffix, "", ".htm", ".markdown", ".mp3", ".pdf", ".TXT"])
    return Case(index, kind, f"case-{index}{suffix}", data, stdin=rng.random() < 0.1)


# --- running a case, inside a worker process --------------------------------------------------------

def _invoke(args: list[str], stdin: bytes) -> tuple[int, str, str, str | None]:
    """Run `reader ARGS` in this process through the real entry point; (status, stdout, stderr, crash)."""
    import logging

    from reader import cli

    logging.root.handlers.clear()  # the CLI configures logging on stderr; let it find this case's stderr
    out, err = io.StringIO(), io.StringIO()
    saved = sys.argv, sys.stdin
    sys.argv = ["reader", *args]
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin))
    crash = None
    status = 0
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            cli.main()
    except SystemExit as exc:
        status = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except BaseException as exc:  # noqa: BLE001 - anything escaping main() is a traceback for the user
        import traceback

        crash = "".join(traceback.format_exception(exc))
        status = 1
    finally:
        sys.argv, sys.stdin = saved
    return status, out.getvalue(), err.getvalue(), crash


def _problems(command: str, status: int, stdout: str, stderr: str, crash: str | None, folder: Path,
              output: Path | None) -> list[str]:
    found = []
    if crash or "Traceback" in stderr:
        found.append(f"{command}: traceback: {(crash or stderr).strip().splitlines()[-1]}")
    if status not in (0, 1):
        found.append(f"{command}: exit status {status}: {stderr.strip()[:200]}")
    lines = [line for line in stderr.splitlines() if line.strip()]
    if status == 1 and len(lines) != 1:
        found.append(f"{command}: exit 1 with {len(lines)} lines on stderr: {stderr.strip()[:300]!r}")
    left = sorted(p.name for p in folder.iterdir())
    if status == 0:
        if output is not None:
            if not (output.is_file() and output.stat().st_size > 44):
                found.append(f"{command}: exit 0 without output")
            if left != [output.name]:
                found.append(f"{command}: files left beside the output: {left}")
        else:
            try:
                data = json.loads(stdout)
                if not data.get("blocks"):
                    found.append(f"{command}: exit 0 without blocks")
            except ValueError:
                found.append(f"{command}: exit 0 with stdout that is not JSON")
    elif left:
        found.append(f"{command}: failed but left files: {left}")
    return found


def run_case(case: Case, work: Path) -> dict[str, Any]:
    """Run one case through `segments --json` and `export --engine silence`; report what went wrong."""
    problems: list[str] = []
    statuses = []
    folder = work / f"case-{case.index}"
    folder.mkdir()
    try:
        source = folder / case.name
        source.write_bytes(case.data)
        arg = "-" if case.stdin else str(source)
        stdin = case.data if case.stdin else b""
        out = work / "out"
        for command, args, output in (
            ("segments", ["segments", arg, "--json"], None),
            ("export", ["export", arg, "-o", str(out / "episode.wav"), "--engine", "silence", "--no-cache",
                        "--no-loudnorm", "--json"], out / "episode.wav"),
        ):
            out.mkdir()
            status, stdout, stderr, crash = _invoke(args, stdin)
            statuses.append(status)
            problems += _problems(command, status, stdout, stderr, crash, out, output)
            shutil.rmtree(out)
        strays = [p.name for p in Path(tempfile.gettempdir()).iterdir()]
        if strays:
            problems.append(f"temporary files left: {strays[:5]}")
            for path in Path(tempfile.gettempdir()).iterdir():
                shutil.rmtree(path) if path.is_dir() else path.unlink()
        if sorted(p.name for p in folder.iterdir()) != [case.name]:
            problems.append(f"files left beside the input: {sorted(p.name for p in folder.iterdir())}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return {"index": case.index, "kind": case.kind, "status": statuses, "problems": problems}


def _worker(conn: Any, seed: int, work: str) -> None:
    private = Path(work)
    temp = private / "tmp"
    temp.mkdir(parents=True, exist_ok=True)
    os.environ["TMPDIR"] = str(temp)
    tempfile.tempdir = str(temp)
    os.environ["READER_CACHE_DIR"] = str(private / "cache")
    config = private / "config.toml"
    config.write_text("")
    os.environ["READER_CONFIG"] = str(config)
    os.environ["XDG_CONFIG_HOME"] = str(private / "config")
    cases = private / "cases"
    cases.mkdir(exist_ok=True)
    while True:
        index = conn.recv()
        if index is None:
            return
        conn.send(run_case(generate(index, seed), cases))


# --- the run --------------------------------------------------------------------------------------

class _Slot:
    """One worker process and the case it is running."""

    def __init__(self, ctx: Any, seed: int, base: Path, number: int) -> None:
        self.ctx, self.seed, self.base, self.number = ctx, seed, base, number
        self.generation = 0
        self.start()

    def start(self) -> None:
        self.generation += 1
        work = self.base / f"worker-{self.number}-{self.generation}"
        self.conn, child = self.ctx.Pipe()
        self.proc = self.ctx.Process(target=_worker, args=(child, self.seed, str(work)), daemon=True)
        self.proc.start()
        self.case: int | None = None
        self.since = 0.0

    def give(self, index: int) -> None:
        self.case, self.since = index, time.monotonic()
        self.conn.send(index)

    def kill(self) -> None:
        self.proc.kill()
        self.proc.join()
        self.start()


def fuzz(cases: int, seed: int = 1, jobs: int = 2, only: int | None = None, limit: float = LIMIT,
         log: Any = None) -> dict[str, Any]:
    """Run `cases` cases (or just case `only`) on `jobs` workers; return counts and every problem."""
    from multiprocessing.connection import wait

    indices = [only] if only is not None else list(range(cases))
    ctx = mp.get_context("spawn")
    results: list[dict[str, Any]] = []
    hangs: list[int] = []
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="reader-fuzz-") as base:
        slots = [_Slot(ctx, seed, Path(base), n) for n in range(min(jobs, len(indices)))]
        pending = list(reversed(indices))
        for slot in slots:
            if pending:
                slot.give(pending.pop())
        while any(slot.case is not None for slot in slots):
            busy = [slot for slot in slots if slot.case is not None]
            ready = wait([slot.conn for slot in busy], timeout=1.0)
            for slot in busy:
                if slot.conn in ready:
                    try:
                        results.append(slot.conn.recv())
                    except EOFError:  # the worker died: as bad as a traceback
                        results.append({"index": slot.case, "kind": "?", "status": [],
                                        "problems": ["the worker process died"]})
                        slot.kill()
                elif time.monotonic() - slot.since > limit:
                    hangs.append(slot.case or 0)
                    results.append({"index": slot.case, "kind": "?", "status": [],
                                    "problems": [f"hang: over {limit:.0f} s"]})
                    slot.kill()
                else:
                    continue
                slot.case = None
                if pending:
                    slot.give(pending.pop())
                if log is not None and len(results) % 500 == 0:
                    print(f"{len(results)} cases, {time.monotonic() - started:.0f} s", file=log, flush=True)
        for slot in slots:
            slot.conn.send(None)
            slot.proc.join(timeout=10)
    failed = [r for r in results if r["problems"]]
    ok = sum(1 for r in results if r["status"] and r["status"][1] == 0)
    return {"cases": len(results), "seed": seed, "exported": ok, "refused": len(results) - ok - len(failed),
            "failures": failed, "hangs": hangs, "seconds": round(time.monotonic() - started, 1)}


def main(argv: list[str] | None = None) -> int:
    """Command line: print a summary and each failing case; exit 1 if any case failed."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--only", type=int, help="run only this case number (to reproduce a failure)")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    summary = fuzz(args.cases, args.seed, args.jobs, args.only, log=sys.stderr)
    if args.json:
        print(json.dumps(summary, indent=2))
    else:
        print(f"{summary['cases']} cases (seed {summary['seed']}) in {summary['seconds']} s: "
              f"{summary['exported']} exported, {summary['refused']} refused with one line, "
              f"{len(summary['failures'])} failed ({len(summary['hangs'])} hangs)")
        for failure in summary["failures"][:50]:
            print(f"  case {failure['index']} ({failure['kind']}): {'; '.join(failure['problems'])}")
    return 1 if summary["failures"] else 0


if __name__ == "__main__":
    sys.exit(main())
