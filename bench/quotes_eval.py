"""Score quotation detection and speaker attribution on the annotated pages in bench/quotes/.

Usage: python bench/quotes_eval.py [-v] [--split dev|heldout]

For each language and overall, per split: quotation precision and recall, speaker accuracy on the
quotations whose speaker the article states, how often a quotation the article leaves unattributed
got a name anyway, and the share of other quoted spans (scare quotes, titles, nicknames) read as
speech. Gold format: bench/quotes/README.md.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reader.model import Article, InputFormat, Role  # noqa: E402
from reader.segment import split  # noqa: E402

ROOT = Path(__file__).resolve().parent / "quotes"
_WORD = re.compile(r"\w+")
_SPAN = re.compile(r"“([^“”]{1,200})”|«([^«»]{1,200})»|„([^„“”]{1,200})[“”]|\"([^\"]{1,200})\"")


def words(text: str) -> list[str]:
    return _WORD.findall(unicodedata.normalize("NFKC", text).lower().replace("ё", "е"))


def contains(hay: list[str], needle: list[str]) -> bool:
    n = len(needle)
    return any(hay[i : i + n] == needle for i in range(len(hay) - n + 1)) if n else False


@dataclass
class Gold:
    para: int
    words: list[str]
    speakers: list[str]  # alternatives; ["?"] unknown; ["~"] either way


@dataclass
class Tally:
    gold: int = 0
    found: int = 0
    system: int = 0
    correct_runs: int = 0
    stated: int = 0
    speaker_ok: int = 0
    unknown: int = 0
    unknown_named: int = 0
    spans: int = 0
    spans_spoken: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for name in ("gold", "found", "system", "correct_runs", "stated", "speaker_ok", "unknown",
                     "unknown_named", "spans", "spans_spoken"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def load_gold(path: Path) -> tuple[str, list[Gold]]:
    split_name = "dev"
    out: list[Gold] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            m = re.search(r"split:\s*(\w+)", line)
            split_name = m.group(1) if m else split_name
            continue
        if not line.strip():
            continue
        para, snippet, speaker = line.split("\t")
        out.append(Gold(int(para), words(snippet), speaker.split("|")))
    return split_name, out


def same_person(system: str | None, gold: list[str]) -> bool:
    if not system:
        return False
    s = words(system)
    return any(s and words(g) and (s[-1] == words(g)[-1] or s == words(g)) for g in gold)


def score_page(page: Path, gold: list[Gold]) -> Tally:
    text = page.read_text(encoding="utf-8")
    doc = split(Article(text, InputFormat.TEXT, str(page)))
    runs = [(words(r.text), r.speaker) for b in doc.blocks for r in b.runs if r.role is Role.QUOTE]
    used: set[int] = set()
    t = Tally(system=len(runs))
    # Quotations first: an either-way phrase inside a quotation must not take that quotation's run.
    for g in sorted(gold, key=lambda g: g.speakers == ["~"]):
        hit = next((i for i, (w, _) in enumerate(runs) if i not in used and contains(w, g.words)), None)
        if hit is None:
            hit = next((i for i, (w, _) in enumerate(runs) if contains(w, g.words)), None)
            if hit is not None and g.speakers != ["~"]:
                hit = None  # one run cannot stand for two quotations
        if g.speakers == ["~"]:
            if hit is not None and hit not in used:
                used.add(hit)
                t.system -= 1  # either answer is right
            continue
        t.gold += 1
        if hit is None:
            t.misses.append(f"  MISSED  [{g.para}] {' '.join(g.words)}")
            continue
        used.add(hit)
        t.found += 1
        t.correct_runs += 1
        speaker = runs[hit][1]
        if g.speakers == ["?"]:
            t.unknown += 1
            if speaker:
                t.unknown_named += 1
                t.misses.append(f"  NAMED   [{g.para}] {' '.join(g.words)}: {speaker} (article names no one)")
        else:
            t.stated += 1
            if same_person(speaker, g.speakers):
                t.speaker_ok += 1
            else:
                t.misses.append(f"  SPEAKER [{g.para}] {' '.join(g.words)}: {speaker} != {g.speakers[0]}")
    for i, (w, speaker) in enumerate(runs):
        if i not in used:
            t.misses.append(f"  EXTRA   {' '.join(w)[:90]} ({speaker})")
    gold_quotes = [g.words for g in gold if g.speakers != ["~"]]
    optional = [g.words for g in gold if g.speakers == ["~"]]
    for m in _SPAN.finditer(text):
        span = words(next(x for x in m.groups() if x is not None))
        if not span or any(contains(span, q) or contains(q, span) for q in gold_quotes + optional):
            continue
        t.spans += 1
        if any(w == span for w, _ in runs):
            t.spans_spoken += 1
            t.misses.append(f"  SCARE   {' '.join(span)}")
    return t


def line(label: str, t: Tally) -> str:
    p = t.correct_runs / t.system if t.system else 1.0
    r = t.found / t.gold if t.gold else 1.0
    acc = t.speaker_ok / t.stated if t.stated else 1.0
    scare = t.spans_spoken / t.spans if t.spans else 0.0
    return (f"{label:<12} quotes={t.gold:>3}  P={p:.3f}  R={r:.3f}  speaker={t.speaker_ok}/{t.stated}={acc:.3f}"
            f"  unnamed_given_a_name={t.unknown_named}/{t.unknown}  scare_as_speech={t.spans_spoken}/{t.spans}={scare:.3f}")


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    only = argv[argv.index("--split") + 1] if "--split" in argv else None
    tallies: dict[tuple[str, str], Tally] = defaultdict(Tally)
    for gold_path in sorted((ROOT / "gold").glob("*.tsv")):
        split_name, gold = load_gold(gold_path)
        if only and split_name != only:
            continue
        page = ROOT / "pages" / (gold_path.stem + ".txt")
        lang = gold_path.stem.split("-")[0]
        t = score_page(page, gold)
        if verbose and t.misses:
            print(f"{gold_path.stem} ({split_name})")
            print("\n".join(t.misses))
        tallies[(split_name, lang)].add(t)
    for split_name in ("dev", "heldout"):
        keys = sorted(k for k in tallies if k[0] == split_name)
        if not keys:
            continue
        print(f"== {split_name}")
        total = Tally()
        for key in keys:
            print(line(key[1], tallies[key]))
            total.add(tallies[key])
        print(line("overall", total))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
