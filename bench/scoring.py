"""What the page scorers share: word-order precision/recall/F1 and the per-language table."""

from __future__ import annotations

import difflib
import statistics
from collections.abc import Mapping, Sequence


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
