"""Segmentation accuracy on the page corpus (bench/pages): body precision, recall and F1 per language.

    python bench/pages/build.py            # once: rebuild the corpus from repository snapshots
    python bench/segment_eval.py           # macro P/R/F1 per language, dev and held-out, text and HTML
    python bench/segment_eval.py --pages   # every page's scores, worst first
    python bench/segment_eval.py --show NAME [--html|--flat]   # one page: what was read and what was missed
    python bench/pages/build.py --fresh && python bench/segment_eval.py --corpus bench/pages/fresh
                                           # the fresh set (not in git), built from its snapshots

Three inputs per page: `text` (the plain-text copy), `flat` (the same copy with every blank line
removed, as some copy paths give it) and `html` (the page itself).

Words are compared in order (difflib over lower-cased word tokens; each CJK character is a word),
as in the fixture scorer: precision is the share of read words that are article words, recall the
share of article words that were read. The headline counts as article text when the page shows it;
"headline right" counts the pages whose headline was found as the title, among those that show one.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench" / "pages"))

from build import words  # noqa: E402
from scoring import prf, print_languages, show_reading  # noqa: E402

from reader.errors import ReaderError  # noqa: E402
from reader.model import Article, InputFormat  # noqa: E402
from reader.segment import split  # noqa: E402

CORPUS = ROOT / "bench" / "pages" / "corpus"


def flatten(text: str) -> str:
    """A copy with no blank lines at all: some copy paths (and some sites) give one line per block only."""
    return "\n".join(line for line in text.splitlines() if line.strip()) + "\n"


def read(name: str, html: bool, flat: bool = False) -> tuple[list[str], str | None]:
    if html:
        with gzip.open(CORPUS / f"{name}.html.gz", "rb") as fh:
            raw = fh.read()
        from reader.articles import decode

        text, fmt = decode(raw, name), InputFormat.HTML
    else:
        text, fmt = (CORPUS / f"{name}.txt").read_text(encoding="utf-8"), InputFormat.TEXT
        if flat:
            text = flatten(text)
    try:
        doc = split(Article(text, fmt, source=name))
    except ReaderError:
        return [], None
    return [" ".join(r.text for r in b.runs) for b in doc.blocks], doc.title


def _same(found: str | None, gold: str) -> bool:
    return " ".join((found or "").split()).casefold() == " ".join(gold.split()).casefold()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", action="store_true", help="list every page's scores")
    ap.add_argument("--show", metavar="NAME", help="print one page's reading against its gold")
    ap.add_argument("--html", action="store_true", help="with --show: the HTML reading")
    ap.add_argument("--flat", action="store_true", help="with --show: the copy with its blank lines removed")
    ap.add_argument("--only", choices=("text", "flat", "html"), help="score one input kind")
    ap.add_argument("--split", choices=("dev", "heldout"), help="score one split only")
    ap.add_argument("--corpus", type=Path, default=None, help="another page set built the same way (bench/pages/fresh)")
    ap.add_argument("--source", metavar="PREFIX", action="append",
                    help="score only pages whose name starts with PREFIX (a source: h2t-, l3s-, merc-, …); repeatable")
    ap.add_argument("--json", action="store_true", help="results as JSON on stdout")
    args = ap.parse_args(argv)
    if args.corpus is not None:
        global CORPUS
        CORPUS = args.corpus.resolve()
    manifest = json.loads((CORPUS / "manifest.json").read_text(encoding="utf-8"))
    if args.show:
        gold = json.loads((CORPUS / f"{args.show}.gold.json").read_text(encoding="utf-8"))["blocks"]
        blocks, title = read(args.show, args.html, args.flat)
        gw = [w for b in gold for w in words(b["text"])]
        print(f"title: {title!r}\ngold title/first: {gold[0]['text'][:100]!r}")
        show_reading(blocks, [w for b in blocks for w in words(b)], gw, words)
        return 0
    kinds = [args.only] if args.only else ["text", "flat", "html"]
    rows: list[dict[str, object]] = []
    started = time.perf_counter()
    for entry in manifest:
        if args.split and entry["split"] != args.split:
            continue
        if args.source and not entry["name"].startswith(tuple(args.source)):
            continue
        gold = json.loads((CORPUS / f"{entry['name']}.gold.json").read_text(encoding="utf-8"))["blocks"]
        gw = [w for b in gold for w in words(b["text"])]
        for kind in kinds:
            blocks, title = read(entry["name"], kind == "html", kind == "flat")
            p, r, f = prf([w for b in blocks for w in words(b)], gw)
            # The headline is right when the page shows one (the gold opens with it) and it was found.
            headline = None if gold[0]["kind"] != "title" else _same(title, gold[0]["text"])
            rows.append({"name": entry["name"], "lang": entry["lang"], "split": entry["split"], "kind": kind,
                         "independent": not entry["gold"].startswith("trafilatura"), "p": p, "r": r, "f1": f,
                         "headline": headline})
    elapsed = time.perf_counter() - started
    if args.json:
        print(json.dumps(rows, indent=1))
        return 0
    if args.pages:
        for row in sorted(rows, key=lambda x: float(x["f1"])):  # type: ignore[arg-type]
            print(f"{row['f1']:.3f} P={row['p']:.3f} R={row['r']:.3f} {row['kind']:4} {row['split']:7} "
                  f"{row['lang']} {row['name']}")
    langs = sorted({str(r["lang"]) for r in rows})
    for kind in kinds:
        for split_name in ("dev", "heldout"):
            sel = [r for r in rows if r["kind"] == kind and r["split"] == split_name]
            if kind == "html":  # trafilatura's own output is no fair gold for trafilatura
                sel = [r for r in sel if r["independent"]]
            if not sel:
                continue
            print(f"\n{kind} / {split_name}" + (" (pages with independent gold)" if kind == "html" else ""))
            print_languages(sel, langs)
            shown = [row for row in sel if row["headline"] is not None]
            print(f"{'headline right':>20}: {sum(bool(row['headline']) for row in shown)} of {len(shown)} pages")
    print(f"\n{len(rows)} readings in {elapsed:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
