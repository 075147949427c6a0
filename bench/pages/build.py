"""Rebuild the page corpus: real HTML pages, their plain-text copies, and the article text as gold.

    python bench/pages/build.py [--mirrors /work/.mirror]

Sources are public repository snapshots (each a bare git directory `<mirrors>/<owner>+<name>/repo`,
or pass `--repo owner/name=PATH`); the commit read is recorded in `manifest.json`:

- AndyTheFactory/newspaper4k `tests/data/html` + `tests/data/txt`: pages with their full article
  text as the extractor's authors corrected it (gold as given).
- adbar/trafilatura `tests/eval` + `tests/evaldata.json`: multilingual pages with hand-picked
  snippets that must and must not be in the article. Gold is trafilatura's own extraction, accepted
  only when it holds every "with" snippet and no "without" snippet (otherwise the page is left out).
- goose3/goose3 `tests/data/content`: pages with the expected start of the article; gold is
  trafilatura's extraction, accepted only when it holds that start.
- adbar/trafilatura `tests/cache` with the `in result` / `not in result` assertions of its
  `tests/realworld_tests.py`: gold is trafilatura's extraction, accepted only when it holds every
  asserted snippet and none of the excluded ones (and at least two snippets are asserted).
- postlight/parser `fixtures` with the expected first words of each site's article in
  `src/extractors/custom/*/index.test.js`: gold is trafilatura's extraction, accepted only when those
  words open it (within its first 60 words, so that little can stand before the article).

`--fresh` builds a second set instead, into `bench/pages/fresh/`, from sources whose licences do not
let us keep their pages in git (build it here from the snapshots; it is git-ignored), with the same
copy rules and hash split:

- geodrome/page-signal `L3S-GN1-*/annotated`: the L3S-GN1 news set (2008, research use), each page
  with every text block labelled by a person; gold is the headline and the full-text blocks (not
  captions, related links or comments). The annotated copy of the page is read, so that the page and
  its gold share the characters its conversion lost. Pages are taken in the order of
  `bench/htmlpages/build.py` past its first FRESH_SKIP (the HTML set's tuned sample and its further
  check sample) and past SEEN_L3S, so that no reader was tuned on them.
- leogao2/htmltotext-benchmark `benchmarkdata/<lang>/{html,text}`: news pages with their text copied
  by hand (gold as given). The HTML set holds them too, and the HTML reading was tuned on its dev part.

The plain-text copy is what "select all, copy" gives in a browser: every visible text node in
document order, one block element per line, a blank line after each paragraph (`<p>`), cells of a
table row separated by tabs; scripts, styles, templates, `hidden` and `display:none` elements are
not visible and not copied. Pages whose gold is not in their copy (text drawn by scripts) are left
out. One page in three (by a hash of its name) is held out: never look at those while tuning.
A few golds were read by eye and found wrong; their corrections (cuts only, each with its reason)
are in CORRECTIONS and noted in the manifest.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
LANGS = ("en", "ru", "fr", "de", "es", "pt", "cs", "zh")
# How many pages of a language the corpus may hold when a source adds one (counted over the sources
# read before it): few of the plentiful English pages, every usable page in the rarer languages, and
# German from trafilatura's large German set only after fundus's German publishers.
CAPS: dict[str, dict[str, int]] = {
    "fundus": {"en": 12, "de": 20},
    "trafilatura": {"en": 20, "de": 45},
    "goose": {},
    "trafcache": {"en": 60, "de": 70},
    "mercury": {"en": 80, "de": 80},
}
DEFAULT_CAP = {"fundus": 30, "trafilatura": 30, "goose": 36, "trafcache": 40, "mercury": 40}
FRESH_SKIP = 180  # L3S-GN1 pages of the HTML set (bench/htmlpages): 90 tuned on, 90 a further check
FRESH_L3S = 60  # L3S-GN1 pages in the fresh set
# L3S-GN1 pages of an earlier fresh set, some of whose dev pages were read while tuning: never fresh again.
SEEN_L3S = frozenset("""
055c4531 10abe0fd 137e6374 234b1541 234d1e0e 2a1a1a56 2fe54bd6 31288d4b 36fefe4c 3df0f8d9 3df8d3a3 44740449
53b3df47 55694dd7 57064ff2 5d341f23 63264f14 66c26d22 69129590 6958faf6 6f945442 6fea31cc 710140ea 7526314a
756ff125 957b9663 9ad17d48 9b8b6d87 9d847a62 a1608707 a475816b a63984ae abe54c6a c4fa8a20 c61a5b06 d0d25fb4
d1ef797a d234a669 d4376471 e255c4b2 e4af1d07 e6ae8230 ebf90d72 efe470a1 f5593c1e f8cee3db
""".split())


def cap(source: str, lang: str) -> int:
    return CAPS[source].get(lang, DEFAULT_CAP[source])

_SKIP = {"script", "style", "noscript", "template", "head", "title", "meta", "link", "iframe", "svg",
         "object", "embed", "canvas", "select", "option", "datalist", "input", "textarea", "audio", "video",
         "map", "source", "track"}
_PARA = {"p"}
_BLOCK = {"address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog", "dir",
          "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
          "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav", "ol", "pre",
          "section", "summary", "table", "tbody", "thead", "tfoot", "tr", "ul", "caption"}
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_SPACE = re.compile(r"[ \t\r\f\v\u00a0\u200b]+")


def git_show(gitdir: Path, spec: str) -> bytes:
    return subprocess.run(["git", "--git-dir", str(gitdir), "show", spec], check=True,
                          capture_output=True).stdout


def git_ls(gitdir: Path, path: str) -> list[str]:
    out = subprocess.run(["git", "--git-dir", str(gitdir), "ls-tree", "-r", "--name-only", "HEAD", path],
                         check=True, capture_output=True, text=True).stdout
    return [line for line in out.splitlines() if line]


def git_head(gitdir: Path) -> str:
    return subprocess.run(["git", "--git-dir", str(gitdir), "rev-parse", "HEAD"], check=True,
                          capture_output=True, text=True).stdout.strip()


def parse_html(data: bytes) -> Any:
    from trafilatura.utils import load_html

    return load_html(data)


def text_copy(tree: Any) -> str:
    """The visible text of a parsed page, as a browser's select-all copy lays it out."""
    out: list[str] = []  # pieces; "\n" entries are required line breaks

    def brk(n: int) -> None:
        out.append("\n" * n)

    def walk(el: Any) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        tag = tag.lower().split("}")[-1]
        if not tag:  # comment or processing instruction: not visible, but its tail is
            return
        if tag in _SKIP or el.get("hidden") is not None or _HIDDEN_STYLE.search(el.get("style") or ""):
            return
        if tag == "br":
            brk(1)
            return
        block = 2 if tag in _PARA else 1 if tag in _BLOCK else 0
        if block:
            brk(block)
        if tag in ("td", "th"):
            out.append("\t")
        if el.text:
            out.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                out.append(child.tail)
        if block:
            brk(block)

    walk(tree)
    # Collapse whitespace inside lines, then resolve runs of required breaks to the largest one.
    text = "".join(out)
    lines: list[str] = []
    blank = 0
    for raw in re.split(r"(\n+)", text):
        if raw.startswith("\n"):
            blank = max(blank, min(len(raw), 2))
            continue
        line = _SPACE.sub(" ", raw).strip()
        if not line:
            continue
        if lines:
            lines.append("\n" * max(blank, 1))
        lines.append(line)
        blank = 0
    return "".join(lines) + "\n"


def words(text: str) -> list[str]:
    import unicodedata

    text = unicodedata.normalize("NFKC", text).lower().replace("’", "'")
    out: list[str] = []
    for w in re.findall(r"[\w']+", text):
        # CJK has no spaces: score each character as a word
        if re.search(r"[\u3400-\u9fff]", w):
            out.extend(re.findall(r"[\u3400-\u9fff]|[^\u3400-\u9fff]+", w))
        else:
            out.append(w)
    return out


def contained(gold: str, page: str) -> float:
    """Share of gold words found, in order, in the page text."""
    import difflib

    g, p = words(gold), words(page)
    if not g:
        return 0.0
    sm = difflib.SequenceMatcher(None, g, p, autojunk=False)
    return sum(m.size for m in sm.get_matching_blocks()) / len(g)


def trafilatura_blocks(html: bytes) -> tuple[list[dict[str, str]], str | None]:
    """Trafilatura's article as blocks ({'kind', 'text'}) and the page's title."""
    import trafilatura
    from lxml import etree

    xml = trafilatura.extract(html, output_format="xml", include_formatting=True, include_comments=False,
                              include_tables=True, include_images=False, include_links=False,
                              with_metadata=True)
    if not xml:
        return [], None
    root = etree.fromstring(xml.encode("utf-8"))
    main = root.find("main")
    blocks: list[dict[str, str]] = []

    def text(e: Any) -> str:
        return _SPACE.sub(" ", " ".join("".join(e.itertext()).split())).strip()

    for el in main if main is not None else []:
        if el.tag == "head":
            blocks.append({"kind": "heading", "text": text(el)})
        elif el.tag == "list":
            blocks.extend({"kind": "paragraph", "text": text(i)} for i in el.iter("item"))
        elif el.tag == "table":
            blocks.extend({"kind": "paragraph", "text": text(r)} for r in el.iter("row"))
        elif el.tag == "quote":
            ps = el.findall(".//p") or [el]
            blocks.extend({"kind": "paragraph", "text": text(p)} for p in ps)
        else:
            blocks.append({"kind": "paragraph", "text": text(el)})
    return [b for b in blocks if b["text"]], root.get("title")


def lang_of(text: str) -> str:
    import py3langid

    return str(py3langid.classify(text[:5000])[0])


def text_gold(gitdir: Path, path: str) -> tuple[str, list[dict[str, str]]] | None:
    """A plain-text gold file in a snapshot, as (language, paragraph blocks split at blank lines); None
    when the file is missing or its language is not one of ours."""
    try:
        gold = git_show(gitdir, f"HEAD:{path}").decode("utf-8")
    except subprocess.CalledProcessError:
        return None
    lang = lang_of(gold)
    if lang not in LANGS:
        return None
    return lang, [{"kind": "paragraph", "text": " ".join(p.split())} for p in re.split(r"\n\s*\n", gold) if p.strip()]


def mock_pages_of(source: str) -> dict[str, str]:
    """trafilatura's realworld tests: the MOCK_PAGES table (url -> cached file name)."""
    import ast

    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "MOCK_PAGES" for t in node.targets):
            value = ast.literal_eval(node.value)
            return {str(k): str(v) for k, v in value.items()}
    return {}


def realworld_snippets(source: str) -> list[tuple[str, tuple[list[str], list[str]]]]:
    """For each page a realworld test loads as `result = load(url)`: the snippets asserted in / not in it."""
    import ast

    found: dict[str, tuple[list[str], list[str]]] = {}
    for func in ast.walk(ast.parse(source)):
        if not isinstance(func, ast.FunctionDef):
            continue
        url: str | None = None
        for stmt in func.body:
            if isinstance(stmt, ast.Assign) and isinstance(stmt.value, ast.Call):
                call = stmt.value
                name = getattr(call.func, "id", "")
                if name in ("load_mock_page", "do_load_page") and call.args and isinstance(call.args[0], ast.Constant):
                    url = str(call.args[0].value)
                    found.setdefault(url, ([], []))
                else:
                    url = None
            elif isinstance(stmt, ast.Assert) and url and isinstance(stmt.test, ast.Compare):
                cmp = stmt.test
                if (isinstance(cmp.left, ast.Constant) and isinstance(cmp.left.value, str) and len(cmp.ops) == 1
                        and isinstance(cmp.comparators[0], ast.Name) and cmp.comparators[0].id == "result"):
                    if isinstance(cmp.ops[0], ast.In):
                        found[url][0].append(cmp.left.value)
                    elif isinstance(cmp.ops[0], ast.NotIn):
                        found[url][1].append(cmp.left.value)
    return list(found.items())


_JS_STRING = r"""(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|`((?:[^`\\]|\\.)*)`)"""


def mercury_expectation(test: str) -> tuple[str, str] | None:
    """A Mercury site test: the fixture it reads and the first words of the article it expects."""
    fixture = re.search(r"readFileSync\(\s*" + _JS_STRING, test)
    opening = re.search(r"assert\.equal\(\s*first\d+\s*,\s*" + _JS_STRING + r"\s*\)", test)
    if not fixture or not opening:
        return None
    path = next(g for g in fixture.groups() if g is not None).lstrip("./")
    text = next(g for g in opening.groups() if g is not None)
    text = re.sub(r"\\(.)", r"\1", text)
    return path, text


def l3s_gold(html: bytes) -> list[dict[str, str]]:
    """An L3S-GN1 annotated page's article: the text in its headline (x-nc-sel1) and full-text
    (x-nc-sel2) spans, laid out as the page's copy lays it out; the headline first, as the title."""
    import copy as _copy

    tree = parse_html(html)
    if tree is None:
        return []
    gold = _copy.deepcopy(tree)
    keep = {"x-nc-sel1", "x-nc-sel2"}

    def inside(el: Any) -> bool:
        return any((a.get("class") or "") in keep for a in el.iterancestors()) or (el.get("class") or "") in keep

    for el in gold.iter():
        if isinstance(el.tag, str) and inside(el):
            el.set("data-gold", "1")
    for el in gold.iter():
        if isinstance(el.tag, str) and not el.get("data-gold"):
            el.text = None
        parent = el.getparent()
        if parent is None or not parent.get("data-gold"):
            el.tail = None
    heads = [" ".join("".join(s.itertext()).split()) for s in gold.iter("span") if s.get("class") == "x-nc-sel1"]
    lines = [line for line in text_copy(gold).splitlines() if line.strip()]
    blocks = [{"kind": "paragraph", "text": line} for line in lines]
    if heads and heads[0] and blocks and blocks[0]["text"] == heads[0]:
        blocks[0]["kind"] = "title"
    return blocks


def held_out(name: str) -> bool:
    return int(hashlib.sha1(name.encode()).hexdigest(), 16) % 3 == 0


def _norm(s: str) -> str:
    return " ".join(s.split()).casefold()


# Gold read by eye and found wrong, with the reason. Only cuts are allowed (a block dropped, the
# gold ended before a block, or the page left out): a correction never adds words, so it cannot
# make the gold agree with any reader's extra text. `cut_from` and `drop` match a block's start.
CORRECTIONS: dict[str, dict[str, Any]] = {
    "goose-test_liberation": {
        "cut_from": "Ayrault en flagrant délit",
        "drop": ["A lire aussi :"],
        "why": "trafilatura's extraction runs on past the article's end into its 'À lire aussi' box and the "
               "site's front-page rail ('À la une de libération.fr', other stories with their excerpts), and "
               "keeps the 'A lire aussi : <other story>' link lines; goose's expected text vouches only for "
               "the opening",
    },
    "traf-france.attc.org-privatisations": {
        "cut_from": "Recevoir les informations d'Attac",
        "why": "the gold goes on into a newsletter sign-up form (its checkbox labels, 'Numéro de téléphone "
               "portable' and the form's data notice); without it the article is two sentences, too short "
               "for the corpus",
    },
    "traf-infocomcgt.fr.caisse": {
        "cut_from": "Point d’étape au",
        "why": "a fund's landing page: after its text come the donation widget (running totals, 'Faire un "
               "don' links, a contact address), poster downloads with 'Télécharger' and 'Partager sur "
               "Facebook' buttons, and a press-review list of dated links; trafilatura keeps the whole page",
    },
    "trafrw-austria.info.radfahren": {
        "cut_from": "Die Österreich Werbung betreibt",
        "drop": ["Auf unserer Website werden Cookies", "Benötigen Sie noch aktuelle"],
        "why": "trafilatura's extraction opens with the site's cookie notice and a 'call our experts' box, and "
               "runs on past the article into the site operator's notice and the newsletter sign-up form "
               "(its field labels, buttons and confirmation messages)",
    },
    "merc-www.buzzfeed.com": {
        "exclude": True,
        "why": "trafilatura's extraction stops at 'BuzzFeed last year.', in the middle of the article: the six "
               "paragraphs after it (the artist's reply, the edited drawing, the reactions) are left out; the "
               "gold is incomplete, and a cut cannot mend it",
    },
    "merc-deadline.com": {
        "cut_from": "Must Read Stories",
        "why": "trafilatura's extraction runs on past the article into the site's 'Must Read Stories' label and "
               "its newsletter pitch ('Subscribe to Deadline Breaking News Alerts …')",
    },
    "traf-ad-magazin.de.wellness": {
        "exclude": True,
        "why": "trafilatura's extraction stops halfway through the article's list of hotels and leaves out "
               "every hotel's subheading: the gold is incomplete, and a cut cannot mend it",
    },
}


def corrected(name: str, blocks: list[dict[str, str]]) -> list[dict[str, str]] | None:
    """The gold after its recorded correction (see CORRECTIONS); None when the page is left out."""
    fix = CORRECTIONS.get(name)
    if fix is None:
        return blocks
    if fix.get("exclude"):
        return None
    out: list[dict[str, str]] = []
    for block in blocks:
        if fix.get("cut_from") and block["text"].startswith(fix["cut_from"]):
            break
        if not any(block["text"].startswith(d) for d in fix.get("drop", [])):
            out.append(block)
    if len(out) == len(blocks):
        raise SystemExit(f"{name}: the recorded gold correction no longer matches the gold")
    return out


def with_title(blocks: list[dict[str, str]], title: str | None, copy: str) -> list[dict[str, str]]:
    """The article's headline first, when the page shows it as a line of its own."""
    if title:
        lines = {_norm(line) for line in copy.splitlines()}
        # A site name may also be joined to the headline by a bare colon ("Site | Slogan: Headline");
        # such a part must be long enough (five words) not to be a section label on the page.
        parts = [(c, 2) for c in (title, *re.split(r"\s+[|–—-]\s+|\s+[|:]\s+", title))]
        parts += [(c, 5) for c in re.split(r"(?<=\S):\s+", title)]
        for cand, least in parts:
            if len(cand.split()) >= least and _norm(cand) in lines:
                if not blocks or _norm(blocks[0]["text"]) != _norm(cand):
                    return [{"kind": "title", "text": cand.strip()}, *blocks]
                return blocks
    return blocks


def fresh_sources(repos: dict[str, Path], add: Any) -> None:
    """The fresh set's pages (see the module's docstring), each passed to `add`."""
    # L3S-GN1, in the HTML set's order (a hash of the page id), past the pages any reader was tuned on
    gd = repos["geodrome/page-signal"]
    if gd.exists():
        import importlib.util

        spec = importlib.util.spec_from_file_location("htmlpages_build", HERE.parent / "htmlpages" / "build.py")
        assert spec is not None and spec.loader is not None
        htmlset = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(htmlset)
        base = "L3S-GN1-20100130203947-00001"
        ids = sorted((Path(p).stem for p in git_ls(gd, f"{base}/original") if p.endswith(".html")),
                     key=lambda i: hashlib.sha1(i.encode()).hexdigest())
        seen = kept = 0
        for page_id in ids:
            if kept >= FRESH_L3S:
                break
            annotated = git_show(gd, f"HEAD:{base}/annotated/{page_id}.html")
            # The HTML set's own test of a usable page, so that its order is followed exactly.
            if sum(len(htmlset.words(b["text"])) for b in htmlset.l3s_gold(annotated) if b["kind"] == "paragraph") < 80:
                continue
            seen += 1
            if seen <= FRESH_SKIP or page_id[:8] in SEEN_L3S:
                continue
            blocks = l3s_gold(annotated)
            if blocks and lang_of(" ".join(b["text"] for b in blocks)) == "en":
                add(f"l3s-{page_id[:13]}", "geodrome/page-signal", f"{base}/annotated/{page_id}.html", annotated,
                    blocks, None, "en", "the dataset's labels by people (headline and full text)")
                kept += 1

    # htmltotext-benchmark: news pages copied by hand
    gd = repos["leogao2/htmltotext-benchmark"]
    if gd.exists():
        for path in git_ls(gd, "benchmarkdata"):
            parts = path.split("/")
            if len(parts) != 4 or parts[2] != "html" or not parts[3].startswith("news-"):
                continue
            stem = parts[3][: -len(".html")]
            found = text_gold(gd, f"benchmarkdata/{parts[1]}/text/{stem}.txt")
            if found is None:
                continue
            lang, blocks = found
            add(f"h2t-{stem[5:65]}", "leogao2/htmltotext-benchmark", path, git_show(gd, f"HEAD:{path}"), blocks,
                None, lang, "the repository's text, copied by hand")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mirrors", type=Path, default=Path("/work/.mirror"))
    ap.add_argument("--out", type=Path, default=None, help="default: corpus/, or fresh/ with --fresh")
    ap.add_argument("--fresh", action="store_true", help="build the fresh set (not in git) instead of the corpus")
    args = ap.parse_args(argv)
    args.out = args.out or HERE / ("fresh" if args.fresh else "corpus")
    repos = {name: args.mirrors / f"{name.replace('/', '+')}" / "repo"
             for name in ("adbar/trafilatura", "AndyTheFactory/newspaper4k", "goose3/goose3", "flairNLP/fundus",
                         "postlight/parser", "leogao2/htmltotext-benchmark", "geodrome/page-signal")}
    args.out.mkdir(parents=True, exist_ok=True)
    for old in args.out.glob("*"):
        old.unlink()
    manifest: list[dict[str, Any]] = []
    per_lang: dict[str, int] = {}

    def add(name: str, repo: str, path: str, html: bytes, blocks: list[dict[str, str]], title: str | None,
            lang: str, gold_note: str) -> None:
        tree = parse_html(html)
        if tree is None:
            return
        fixed = corrected(name, blocks)
        if fixed is None:
            print(f"skip {name}: {CORRECTIONS[name]['why']}", file=sys.stderr)
            return
        if fixed is not blocks:
            gold_note += f"; corrected: {CORRECTIONS[name]['why']}"
        blocks = fixed
        copy = text_copy(tree)
        gold_text = "\n".join(b["text"] for b in blocks)
        if len(words(gold_text)) < 60:
            print(f"skip {name}: gold too short", file=sys.stderr)
            return
        share = contained(gold_text, copy)
        if share < 0.97:
            print(f"skip {name}: only {share:.2f} of the gold is in the page's visible text", file=sys.stderr)
            return
        blocks = with_title(blocks, title, copy)
        (args.out / f"{name}.txt").write_text(copy, encoding="utf-8")
        # mtime 0: a rebuild from the same snapshots gives the same bytes
        with open(args.out / f"{name}.html.gz", "wb") as raw, \
                gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as fh:
            fh.write(html)
        (args.out / f"{name}.gold.json").write_text(
            json.dumps({"blocks": blocks}, ensure_ascii=False, indent=0), encoding="utf-8")
        manifest.append({"name": name, "lang": lang, "split": "heldout" if held_out(name) else "dev",
                         "repo": repo, "commit": git_head(repos[repo]), "path": path, "gold": gold_note})
        per_lang[lang] = per_lang.get(lang, 0) + 1

    if not args.fresh:
        # newspaper4k: full corrected text
        gd = repos["AndyTheFactory/newspaper4k"]
        if gd.exists():
            for path in git_ls(gd, "tests/data/html"):
                stem = Path(path).stem
                found = text_gold(gd, f"tests/data/txt/{stem}.txt")
                if found is None:
                    continue
                lang, blocks = found
                html = git_show(gd, f"HEAD:{path}")
                _, title = trafilatura_blocks(html)
                add(f"np4k-{stem}", "AndyTheFactory/newspaper4k", path, html, blocks, title, lang,
                    "the repository's expected text")

        # fundus: each publisher's parser output (title, summary, sections of headline + paragraphs)
        gd = repos["flairNLP/fundus"]
        if gd.exists():
            base = "tests/resources/parser/test_data"
            files = git_ls(gd, base)
            for jpath in sorted(f for f in files if f.endswith(".json") and not f.endswith("meta.info")):
                folder, publisher = jpath.rsplit("/", 1)[0], Path(jpath).stem
                pages = sorted(f for f in files if f.startswith(f"{folder}/{publisher}_") and f.endswith(".html.gz"))
                try:
                    versions = json.loads(git_show(gd, f"HEAD:{jpath}"))
                except (json.JSONDecodeError, subprocess.CalledProcessError):
                    continue
                for key, path in zip(sorted(versions, key=lambda k: (len(k), k)), pages):
                    meta = versions[key]
                    body = meta.get("body") or {}
                    blocks = [{"kind": "paragraph", "text": " ".join(t.split())} for t in body.get("summary") or []]
                    for section in body.get("sections") or []:
                        blocks += [{"kind": "heading", "text": " ".join(t.split())} for t in section.get("headline") or []]
                        blocks += [{"kind": "paragraph", "text": " ".join(t.split())} for t in section.get("paragraphs") or []]
                    blocks = [b for b in blocks if b["text"]]
                    if not blocks:
                        continue
                    lang = lang_of(" ".join(b["text"] for b in blocks))
                    if lang not in LANGS or per_lang.get(lang, 0) >= cap("fundus", lang):
                        continue
                    html = gzip.decompress(git_show(gd, f"HEAD:{path}"))
                    add(f"fundus-{Path(path).name[:-8]}", "flairNLP/fundus", path, html, blocks, meta.get("title"), lang,
                        "the publisher parser's expected output in the repository")

        # trafilatura: snippet-verified extraction
        gd = repos["adbar/trafilatura"]
        if gd.exists():
            evaldata = json.loads(git_show(gd, "HEAD:tests/evaldata.json"))
            for url, entry in sorted(evaldata.items(), key=lambda kv: hashlib.sha1(kv[0].encode()).hexdigest()):
                path = f"tests/eval/{entry['file']}"
                try:
                    html = git_show(gd, f"HEAD:{path}")
                except subprocess.CalledProcessError:
                    continue
                blocks, title = trafilatura_blocks(html)
                text = " ".join(b["text"] for b in blocks)
                if not blocks:
                    continue
                lang = lang_of(text)
                if lang not in LANGS or per_lang.get(lang, 0) >= cap("trafilatura", lang):
                    continue
                flat = _norm(text)
                if not all(_norm(s) in flat for s in entry.get("with", [])) or any(
                        _norm(s) in flat for s in entry.get("without", [])):
                    continue
                stem = re.sub(r"[^\w.-]+", "_", Path(entry["file"]).stem)[:60]
                add(f"traf-{stem}", "adbar/trafilatura", path, html, blocks, title, lang,
                    "trafilatura's extraction, checked against the repository's with/without snippets")

        # goose3: extraction checked against the expected opening
        gd = repos["goose3/goose3"]
        if gd.exists():
            for path in git_ls(gd, "tests/data/content"):
                if not path.endswith(".json"):
                    continue
                meta = json.loads(git_show(gd, f"HEAD:{path}"))
                start = (meta.get("expected") or {}).get("cleaned_text") or ""
                if len(start.split()) < 5 and len(start) < 20:
                    continue
                html = git_show(gd, f"HEAD:{path[:-5]}.html")
                blocks, title = trafilatura_blocks(html)
                text = " ".join(b["text"] for b in blocks)
                if not blocks or _norm(start[:200]) not in _norm(text):
                    continue
                lang = lang_of(text)
                if lang not in LANGS or per_lang.get(lang, 0) >= cap("goose", lang):
                    continue
                add(f"goose-{Path(path).stem}", "goose3/goose3", path[:-5] + ".html", html, blocks, title, lang,
                    "trafilatura's extraction, checked against the repository's expected opening")

        # trafilatura's realworld tests: cached pages with asserted snippets
        gd = repos["adbar/trafilatura"]
        if gd.exists():
            cached = set(git_ls(gd, "tests/cache"))
            tests = git_show(gd, "HEAD:tests/realworld_tests.py").decode("utf-8")
            mock_pages = mock_pages_of(tests)
            for url, (with_, without) in sorted(realworld_snippets(tests)):
                fname = mock_pages.get(url)
                path = f"tests/cache/{fname}"
                if not fname or path not in cached or len(with_) < 2:
                    continue
                html = git_show(gd, f"HEAD:{path}")
                blocks, title = trafilatura_blocks(html)
                text = " ".join(b["text"] for b in blocks)
                if not blocks:
                    continue
                lang = lang_of(text)
                if lang not in LANGS or per_lang.get(lang, 0) >= cap("trafcache", lang):
                    continue
                flat = _norm(text)
                if not all(_norm(s) in flat for s in with_) or any(_norm(s) in flat for s in without):
                    continue
                stem = re.sub(r"[^\w.-]+", "_", Path(fname).stem)[:60]
                if (args.out / f"traf-{stem}.txt").exists():
                    continue  # the same page is already in from the evaluation set
                add(f"trafrw-{stem}", "adbar/trafilatura", path, html, blocks, title, lang,
                    "trafilatura's extraction, checked against the snippets its realworld tests assert")

        # postlight/parser (Mercury): fixtures with the expected opening words of the article
        gd = repos["postlight/parser"]
        if gd.exists():
            fixtures = set(git_ls(gd, "fixtures"))
            for test in git_ls(gd, "src/extractors/custom"):
                if not test.endswith(".test.js"):
                    continue
                found = mercury_expectation(git_show(gd, f"HEAD:{test}").decode("utf-8"))
                if found is None or found[0] not in fixtures:
                    continue
                path, opening = found
                html = git_show(gd, f"HEAD:{path}")
                blocks, title = trafilatura_blocks(html)
                if not blocks:
                    continue
                text = " ".join(b["text"] for b in blocks)
                want, have = words(opening)[:13], words(text)[:60 + 13]
                if len(want) < 5 or not any(have[i:i + len(want)] == want for i in range(len(have))):
                    continue
                lang = lang_of(text)
                if lang not in LANGS or per_lang.get(lang, 0) >= cap("mercury", lang):
                    continue
                add(f"merc-{Path(path).name[:-5]}", "postlight/parser", path, html, blocks, title, lang,
                    "trafilatura's extraction, checked against the opening words the repository's site test expects")

    if args.fresh:
        fresh_sources(repos, add)
    (args.out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    print(json.dumps(per_lang, sort_keys=True), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
