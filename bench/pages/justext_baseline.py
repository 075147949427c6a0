"""jusText on the plain-text copies, as a baseline: each line a <p>, the language's stoplist, defaults.

    python bench/pages/justext_baseline.py
"""
import html
import json
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / 'bench')); sys.path.insert(0, str(ROOT / 'bench' / 'pages')); sys.path.insert(0, str(ROOT))
import justext
from build import words
from segment_eval import CORPUS, prf

STOP = {"en": "English", "de": "German", "fr": "French", "es": "Spanish", "pt": "Portuguese", "ru": "Russian", "cs": "Czech"}
man = json.load(open(CORPUS / "manifest.json"))
res = {}
for e in man:
    if e["lang"] not in STOP: continue
    text = (CORPUS / f"{e['name']}.txt").read_text()
    page = "<html><body>" + "".join(f"<p>{html.escape(l)}</p>" for l in text.splitlines() if l.strip()) + "</body></html>"
    paras = justext.justext(page.encode(), justext.get_stoplist(STOP[e["lang"]]))
    cand = [w for p in paras if not p.is_boilerplate for w in words(p.text)]
    gold = [w for b in json.load(open(CORPUS / f"{e['name']}.gold.json"))["blocks"] for w in words(b["text"])]
    res.setdefault((e["lang"], e["split"]), []).append(prf(cand, gold)[2])
for split in ("dev", "heldout"):
    langs = {k[0]: statistics.mean(v) for k, v in res.items() if k[1] == split}
    print(split, {k: round(v, 3) for k, v in sorted(langs.items())}, "macro", round(statistics.mean(langs.values()), 3))
