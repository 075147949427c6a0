"""HTML reading accuracy on the extra page set (bench/htmlpages): body precision, recall and F1 per language.

    python bench/htmlpages/build.py         # once: rebuild the set from repository snapshots
    python bench/htmlpages/eval.py          # macro P/R/F1 per language, dev and held-out, lowest pages
    python bench/htmlpages/eval.py --pages  # every page's scores, worst first
    python bench/htmlpages/eval.py --show NAME   # one dev page: what was read and what was missed
    python bench/htmlpages/build.py --skip 90 --out /tmp/fresh && python bench/htmlpages/eval.py --corpus /tmp/fresh
                                            # a further L3S-GN1 sample nobody tuned on: totals only

Every gold here is a person's: the pages are read as HTML (trafilatura first, then the page's own
markup) and compared word by word, in order, as in bench/segment_eval.py. Words split at every
non-word character (the L3S copies lost curly quotes to "?"). A gold without the page's headline
(some hand copies start at the first paragraph) does not score the reading's headline either.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(HERE))

from build import words  # noqa: E402
from scoring import prf, print_languages, show_reading  # noqa: E402

from reader.errors import ReaderError  # noqa: E402
from reader.model import Article, InputFormat  # noqa: E402
from reader.segment import split  # noqa: E402

CORPUS = HERE / "corpus"


def read(name: str) -> tuple[list[str], str | None]:
    from reader.articles import decode

    with gzip.open(CORPUS / f"{name}.html.gz", "rb") as fh:
        text = decode(fh.read(), name)
    try:
        doc = split(Article(text, InputFormat.HTML, source=name))
    except ReaderError:
        return [], None
    return [" ".join(r.text for r in b.runs) for b in doc.blocks], doc.title


def scored(name: str) -> tuple[list[str], list[str], list[str]]:
    """The reading's blocks, its words and the gold's words, headline dropped when the gold has none."""
    gold = json.loads((CORPUS / f"{name}.gold.json").read_text(encoding="utf-8"))["blocks"]
    gw = [w for b in gold for w in words(b["text"])]
    blocks, title = read(name)
    if blocks and title and blocks[0] == title:
        head = words(title)
        opening = " ".join(gw[: len(head) + 40])
        if head and " ".join(head) not in opening:
            blocks = blocks[1:]
    return blocks, [w for b in blocks for w in words(b)], gw


def main(argv: list[str] | None = None) -> int:
    global CORPUS
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", action="store_true", help="list every page's scores (held-out pages by score only)")
    ap.add_argument("--show", metavar="NAME", help="print one dev page's reading against its gold")
    ap.add_argument("--split", choices=("dev", "heldout"), help="score one split only")
    ap.add_argument("--json", action="store_true", help="results as JSON on stdout")
    ap.add_argument("--corpus", type=Path, default=CORPUS, help="the set to score (default: %(default)s)")
    args = ap.parse_args(argv)
    CORPUS = args.corpus
    if not (CORPUS / "manifest.json").is_file():
        print(f"error: no HTML set in {CORPUS}; build it first: python bench/htmlpages/build.py", file=sys.stderr)
        return 1
    manifest = json.loads((CORPUS / "manifest.json").read_text(encoding="utf-8"))
    if args.show:
        entry = next(e for e in manifest if e["name"] == args.show)
        if entry["split"] != "dev":
            print("that page is held out: its scores count in the totals only", file=sys.stderr)
            return 1
        blocks, cw, gw = scored(args.show)
        show_reading(blocks, cw, gw, words)
        return 0
    rows: list[dict[str, object]] = []
    started = time.perf_counter()
    for entry in manifest:
        if args.split and entry["split"] != args.split:
            continue
        _, cw, gw = scored(entry["name"])
        p, r, f = prf(cw, gw)
        rows.append({"name": entry["name"], "lang": entry["lang"], "split": entry["split"], "p": p, "r": r, "f1": f})
    elapsed = time.perf_counter() - started
    if args.json:
        print(json.dumps(rows, indent=1))
        return 0
    if args.pages:
        for row in sorted(rows, key=lambda x: float(x["f1"])):  # type: ignore[arg-type]
            name = row["name"] if row["split"] == "dev" else "(held out)"
            print(f"{row['f1']:.3f} P={row['p']:.3f} R={row['r']:.3f} {row['split']:7} {row['lang']} {name}")
    langs = sorted({str(r["lang"]) for r in rows})
    for split_name in ("dev", "heldout"):
        sel = [r for r in rows if r["split"] == split_name]
        if not sel:
            continue
        print(f"\nhtml / {split_name}")
        print_languages(sel, langs)
        below = sum(float(r["f1"]) < 0.8 for r in sel)  # type: ignore[arg-type]
        print(f"{'pages below 0.80':>20}: {below}")
    print(f"\n{len(rows)} readings in {elapsed:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
