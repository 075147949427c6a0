"""A self-contained read-along page: the audio plays and the run being spoken is highlighted.

One HTML file beside the audio, with its styles and script inline and the audio referenced by its
relative name, so it works offline straight from the file system. `page.html#t=42.5` opens at 42.5 s.
"""

from __future__ import annotations

import html
from pathlib import Path

from .files import atomic_path
from .model import BlockKind, Role, Timeline

__all__ = ["write"]

_STYLE = """
body { font: 18px/1.6 Georgia, serif; max-width: 44rem; margin: 0 auto; padding: 1rem 1rem 40vh; color: #222; }
header { position: sticky; top: 0; background: #fff; padding: .5rem 0; border-bottom: 1px solid #ddd; z-index: 1; }
header h1 { font-size: 1.3rem; margin: .2rem 0 .5rem; }
audio { width: 100%; }
h2 { font-size: 1.15rem; margin-top: 2rem; }
p, h2 { cursor: pointer; }
.run { border-radius: 3px; transition: background-color .15s; }
.quote { color: #234f7a; }
.quote::before { content: attr(data-speaker); font: 600 .7rem/1 sans-serif; color: #678; margin-right: .3rem;
                 vertical-align: super; }
.current { background: #ffe58a; }
"""

_SCRIPT = """
(function () {
  var audio = document.getElementById('audio');
  var runs = Array.prototype.slice.call(document.querySelectorAll('.run'));
  var starts = runs.map(function (el) { return parseFloat(el.dataset.start); });
  var current = null;
  function at(t) {
    var lo = 0, hi = starts.length - 1, found = -1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (starts[mid] <= t + 0.001) { found = mid; lo = mid + 1; } else { hi = mid - 1; }
    }
    return found < 0 ? null : runs[found];
  }
  function highlight() {
    var run = at(audio.currentTime);
    if (run === current) return;
    if (current) current.classList.remove('current');
    current = run;
    if (run) {
      run.classList.add('current');
      run.scrollIntoView({block: 'center', behavior: 'smooth'});
    }
  }
  function tick() { highlight(); if (!audio.paused) requestAnimationFrame(tick); }
  audio.addEventListener('timeupdate', highlight);
  audio.addEventListener('seeked', highlight);
  audio.addEventListener('play', function () { requestAnimationFrame(tick); });
  function seek(t) { audio.currentTime = t; }
  document.getElementById('text').addEventListener('click', function (event) {
    var el = event.target.closest('.run') || event.target.closest('[data-start]');
    if (!el) { var block = event.target.closest('p, h2'); el = block && block.querySelector('.run'); }
    if (el) { seek(parseFloat(el.dataset.start)); audio.play(); }
  });
  document.addEventListener('keydown', function (event) {
    if (event.code === 'Space' && event.target === document.body) {
      event.preventDefault();
      if (audio.paused) audio.play(); else audio.pause();
    }
  });
  function fromHash() {
    var m = /t=([0-9.]+)/.exec(location.hash);
    if (m) seek(parseFloat(m[1]));
  }
  if (audio.readyState >= 1) fromHash(); else audio.addEventListener('loadedmetadata', fromHash, {once: true});
  window.addEventListener('hashchange', fromHash);
})();
"""


def _page(timeline: Timeline, audio_name: str, language: str) -> str:
    esc = html.escape
    by_block: dict[int, list[str]] = {}
    kinds: dict[int, BlockKind] = {}
    for run in timeline.runs:
        kinds[run.block] = run.kind
        classes = "run quote" if run.role is Role.QUOTE else "run"
        speaker = f' data-speaker="{esc(run.speaker)}" title="{esc(run.speaker)}"' if run.speaker else ""
        lang = f' lang="{esc(run.lang)}"' if run.lang != language else ""
        by_block.setdefault(run.block, []).append(
            f'<span class="{classes}" data-start="{run.start:.3f}" data-end="{run.end:.3f}" '
            f'id="b{run.block}r{run.run}"{speaker}{lang}>{esc(run.text)}</span>'
        )
    body = []
    for block in sorted(by_block):
        tag = "h2" if kinds[block] is BlockKind.HEADING else "p"
        body.append(f"<{tag}>{' '.join(by_block[block])}</{tag}>")
    return (
        f'<!DOCTYPE html>\n<html lang="{esc(language)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{esc(timeline.title)}</title>\n'
        f"<style>{_STYLE}</style>\n</head>\n<body>\n<header>\n<h1>{esc(timeline.title)}</h1>\n"
        f'<audio id="audio" controls preload="auto" src="{esc(audio_name)}"></audio>\n</header>\n'
        f'<main id="text">\n' + "\n".join(body) + f"\n</main>\n<script>{_SCRIPT}</script>\n</body>\n</html>\n"
    )


def write(timeline: Timeline, audio: Path, language: str = "en") -> Path:
    """Write `<audio stem>.html` beside `audio`; return its path."""
    from urllib.parse import quote

    path = audio.with_suffix(".html")
    with atomic_path(path) as tmp:
        tmp.write_text(_page(timeline, quote(audio.name), language), encoding="utf-8")
    return path
