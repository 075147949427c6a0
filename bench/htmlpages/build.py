"""Rebuild the extra HTML evaluation set: real pages from sources the page corpus does not use.

    python bench/htmlpages/build.py [--mirrors /work/.mirror]

Sources are public repository snapshots (bare git directories `<mirrors>/<owner>+<name>/repo`); the
commit read is recorded in `corpus/manifest.json`. Every gold here was made by people, not by an
extractor, so the HTML reading (trafilatura first) can be scored against it fairly:

- geodrome/page-signal `L3S-GN1-20100130203947-00001`: the L3S-GN1 news collection (Kohlschütter et
  al., WSDM 2010; research use): English news pages from 408 sites, 2008, whose text blocks human
  assessors marked as headline, full text, supplemental (captions), related content or comments. Gold
  is the headline and the full text, in page order. A sample of SAMPLE pages (by a hash of the page's
  id) is kept, so that the set stays small in git.
- leogao2/htmltotext-benchmark `benchmarkdata/<lang>/{html,text}`: news and blog pages in English,
  German, Croatian and Chinese, with the text a person copied from each by hand. Forum threads and
  encyclopedia pages are left out (not articles), and so is one blog page whose hand copy holds its
  comment thread (LEFT_OUT).

Pages are split like the page corpus: one in three, by a hash of its name, is held out (never look at
those while tuning). The pages are stored gzipped, with the gold as JSON blocks. The built corpus is
not kept in git (L3S-GN1 is for research use, and the hand copies carry no licence): build it here
from the two snapshots (`fetch` them into the mirrors folder) before running `eval.py`.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import subprocess
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
SAMPLE = 90  # L3S-GN1 pages kept
L3S_DIR = "L3S-GN1-20100130203947-00001"
LEFT_OUT = {
    "leo-blog-scott-aaronson-4916": "the hand copy holds the post's comment thread (290,000 characters), "
                                    "which the product does not read",
}
_BLOCK_TAGS = {"p", "div", "td", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "dd", "dt", "pre",
               "body", "table", "tr", "ul", "ol", "center", "font"}


def git(gitdir: Path, *args: str) -> bytes:
    return subprocess.run(["git", "--git-dir", str(gitdir), *args], check=True, capture_output=True).stdout


def held_out(name: str) -> bool:
    return int(hashlib.sha1(name.encode()).hexdigest(), 16) % 3 == 0


def words(text: str) -> list[str]:
    """Lower-cased word tokens; each CJK character is one. Apostrophes split words: the L3S annotated
    copies lost every non-Latin-1 character to "?" ("Kosovo?s"), and "Kosovo's" must match it."""
    import unicodedata

    out: list[str] = []
    for w in re.findall(r"\w+", unicodedata.normalize("NFKC", text).lower()):
        if re.search(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]", w):
            out.extend(re.findall(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]|[^\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]+", w))
        else:
            out.append(w)
    return out


def l3s_gold(annotated: bytes) -> list[dict[str, str]]:
    """The headline and full-text of an assessed L3S page, one block per enclosing block element.

    Each piece of text takes the label of the nearest marked <span> around it (marks nest)."""
    import lxml.html

    tree = lxml.html.document_fromstring(annotated.decode("utf-8", "replace"))
    blocks: list[dict[str, str]] = []
    last: Any = None

    def label(element: Any) -> str | None:
        for node in (element, *element.iterancestors()):
            if "x-nc-invisible" in (node.get("class") or ""):
                return None
        for node in (element, *element.iterancestors()):
            cls = node.get("class") or "" if node.tag == "span" else ""
            if "x-nc-sel" in cls:
                return "title" if "x-nc-sel1" in cls else "paragraph" if "x-nc-sel2" in cls else None
        return None

    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag in ("script", "style", "head", "title"):
            continue
        for text, owner in ((element.text, element), (element.tail, element.getparent())):
            text = " ".join((text or "").split())
            if not text or owner is None or owner.tag in ("script", "style"):
                continue
            kind = label(owner)
            if kind is None:
                continue
            block = next((a for a in (owner, *owner.iterancestors()) if a.tag in _BLOCK_TAGS), None)
            if blocks and block is last and blocks[-1]["kind"] == kind:
                blocks[-1]["text"] += " " + text
            else:
                blocks.append({"kind": kind, "text": text})
            last = block
    return blocks


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mirrors", type=Path, default=Path("/work/.mirror"))
    ap.add_argument("--out", type=Path, default=CORPUS, help="where to write the set (default: %(default)s)")
    ap.add_argument("--skip", type=int, default=0,
                    help="leave out the first N L3S-GN1 pages of the sample order and the other sources: a "
                         "further sample for a fresh check, never to tune on")
    args = ap.parse_args(argv)
    out = args.out
    out.mkdir(exist_ok=True)
    for old in out.iterdir():
        old.unlink()
    manifest: list[dict[str, Any]] = []

    def add(name: str, lang: str, repo: str, commit: str, path: str, html: bytes, blocks: list[dict[str, str]],
            gold: str) -> None:
        with gzip.GzipFile(out / f"{name}.html.gz", "wb", mtime=0) as fh:
            fh.write(html)
        (out / f"{name}.gold.json").write_text(json.dumps({"blocks": blocks}, ensure_ascii=False, indent=0),
                                                  encoding="utf-8")
        manifest.append({"name": name, "lang": lang, "split": "heldout" if held_out(name) else "dev",
                         "repo": repo, "commit": commit, "path": path, "gold": gold})

    # L3S-GN1
    gd = args.mirrors / "geodrome+page-signal" / "repo"
    commit = git(gd, "rev-parse", "HEAD").decode().strip()
    ids = [Path(p).stem for p in git(gd, "ls-tree", "--name-only", "HEAD", f"{L3S_DIR}/original/").decode().split()]
    ids.sort(key=lambda i: hashlib.sha1(i.encode()).hexdigest())
    kept = seen = 0
    for page_id in ids:
        if kept >= SAMPLE:
            break
        html = git(gd, "show", f"HEAD:{L3S_DIR}/original/{page_id}.html")
        blocks = l3s_gold(git(gd, "show", f"HEAD:{L3S_DIR}/annotated/{page_id}.html"))
        if sum(len(words(b["text"])) for b in blocks if b["kind"] == "paragraph") < 80:
            continue  # a stub or a page the assessors found no article on
        seen += 1
        if seen <= args.skip:
            continue
        add(f"l3s-{page_id[:8]}", "en", "geodrome/page-signal", commit, f"{L3S_DIR}/original/{page_id}.html",
            html, blocks, "L3S-GN1 assessors: headline + full text")
        kept += 1

    # leogao2/htmltotext-benchmark
    if args.skip:
        return _finish(out, manifest)
    gd = args.mirrors / "leogao2+htmltotext-benchmark" / "repo"
    commit = git(gd, "rev-parse", "HEAD").decode().strip()
    for path in git(gd, "ls-tree", "-r", "--name-only", "HEAD", "benchmarkdata").decode().split("\n"):
        match = re.match(r"benchmarkdata/(\w+)/html/((?:news|blog)-.+)\.html$", path)
        if not match:
            continue
        lang, stem = match.groups()
        name = f"leo-{stem}"
        if name in LEFT_OUT:
            continue
        text = git(gd, "show", f"HEAD:benchmarkdata/{lang}/text/{stem}.txt").decode("utf-8")
        blocks = [{"kind": "paragraph", "text": " ".join(p.split())} for p in re.split(r"\n\s*\n", text) if p.strip()]
        add(name, lang, "leogao2/htmltotext-benchmark", commit, path, git(gd, "show", f"HEAD:{path}"), blocks,
            "hand copy of the article")
    return _finish(out, manifest)


def _finish(out: Path, manifest: list[dict[str, Any]]) -> int:
    manifest.sort(key=lambda e: e["name"])
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(manifest)} pages ({sum(e['split'] == 'dev' for e in manifest)} dev) in {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
