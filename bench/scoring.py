"""What the page scorers share: word-order precision/recall/F1 and the per-language table."""

from __future__ import annotations

import difflib
import statistics
from collections.abc import Callable, Mapping, Sequence


def prf(cand: list[str], gold: list[str]) -> tuple[float, float, float]:
    """Precision, recall and F1 of `cand`'s words against `gold`'s, matched in order."""
    if not cand or not gold:
        return 0.0, 0.0, 0.0
    sm = difflib.SequenceMatcher(None, cand, gold, autojunk=False)
    m = sum(b.size for b in sm.get_matching_blocks())
    p, r = m / len(cand), m / len(gold)
    return p, r, (2 * p * r / (p + r) if m else 0.0)


def print_languages(rows: Sequence[Mapping[str, object]], langs: Sequence[str]) -> float:
    """Print mean P/R/F1 and the lowest F1 per language and for all `rows` (each with lang, p, r,
    f1), then the macro F1 over languages, which is returned."""
    print(f"{'lang':5} {'pages':>5} {'P':>6} {'R':>6} {'F1':>6} {'min F1':>7}")
    per_lang = []
    for lang in [*langs, "all"]:
        part = rows if lang == "all" else [r for r in rows if r["lang"] == lang]
        if not part:
            continue
        mean = {k: statistics.mean(float(r[k]) for r in part) for k in ("p", "r", "f1")}  # type: ignore[arg-type]
        low = min(float(r["f1"]) for r in part)  # type: ignore[arg-type]
        if lang != "all":
            per_lang.append(mean["f1"])
        print(f"{lang:5} {len(part):5d} {mean['p']:6.3f} {mean['r']:6.3f} {mean['f1']:6.3f} {low:7.3f}")
    macro = statistics.mean(per_lang)
    print(f"{'macro over languages':>20}: F1 {macro:.3f}")
    return macro


def show_reading(blocks: Sequence[str], cand: list[str], gold: list[str],
                 words: Callable[[str], list[str]]) -> None:
    """Print one reading against its gold: each block read (marked ++ when most of its words are not in
    the gold), the gold's runs of words the reading missed, and P/R/F1."""
    gold_set = set(gold)
    for block in blocks:
        ws = words(block)
        mark = "  " if sum(w in gold_set for w in ws) >= 0.7 * max(len(ws), 1) else "++"
        print(mark, block[:160])
    sm = difflib.SequenceMatcher(None, cand, gold, autojunk=False)
    for tag, _, _, j1, j2 in sm.get_opcodes():
        if tag in ("delete", "replace") and j2 > j1 or tag == "insert":
            print("MISSED:", " ".join(gold[j1:j2])[:300])
    print("P/R/F1 = %.3f %.3f %.3f" % prf(cand, gold))
