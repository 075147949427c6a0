"""Progress on stderr for people: every phase of a run, in words a listener uses, with a steady ETA.

The library reports through a plain callable `(done, total)` for synthesis; a reporter that also has
`phase()` and `advance()` (like `Reporter`) is told about the other phases: reading the article,
measuring loudness, encoding. Nothing here writes to stdout.
"""

from __future__ import annotations

import shutil
import sys
from typing import IO, Any

__all__ = ["Reporter", "advance", "phase"]

_BAR = "{desc}: {percentage:3.0f}% |{bar}| {n_fmt}/{total_fmt} {unit} [{elapsed}<{remaining}]"
_OPEN = "{desc}… {elapsed}"
_WIDTH = 80
"""Columns used when the terminal does not report its size (a pseudo-terminal made by `script`)."""


def phase(progress: object, name: str, total: float | None = None, unit: str = "") -> None:
    """Tell `progress` that a new phase began, if it follows phases (a plain callable does not)."""
    start = getattr(progress, "phase", None)
    if callable(start):
        start(name, total, unit)


def advance(progress: object, done: float) -> None:
    """Tell `progress` how far the current phase is, if it follows phases."""
    step = getattr(progress, "advance", None)
    if callable(step):
        step(done)


class Reporter:
    """One line per phase on a terminal, redrawn in place; silent when disabled or not on a terminal.

    Synthesis counts sentences; encoding counts seconds of audio; phases without a known size
    (reading, measuring loudness) show their elapsed time. The ETA averages over the whole phase
    (no smoothing), so it does not jump with every slow or cached sentence.
    """

    def __init__(self, enabled: bool, stream: IO[str] | None = None) -> None:
        self.stream = stream or sys.stderr
        self.enabled = enabled and self.stream.isatty()
        self.bar: Any = None
        self.name = ""

    def phase(self, name: str, total: float | None = None, unit: str = "") -> None:
        """Close the current phase's line and start `name`."""
        if not self.enabled:
            return
        self.close()
        from tqdm import tqdm

        size = shutil.get_terminal_size((0, 0))
        sized = size.columns > 0 and size.lines > 0
        self.name = name
        # A terminal of size 0x0 would make tqdm draw nothing at all (no room); assume 80x24 there.
        self.bar = tqdm(total=total, desc=name, unit=unit, file=self.stream, leave=False, smoothing=0,
                        ncols=size.columns if sized else _WIDTH, nrows=size.lines if sized else 24,
                        dynamic_ncols=sized, bar_format=_BAR if total else _OPEN, mininterval=0.2)

    def advance(self, done: float) -> None:
        """Set how far the current phase is (in its unit)."""
        if self.bar is None:
            return
        if self.bar.total:
            done = min(done, self.bar.total)
        self.bar.update(int(done) - self.bar.n)
        if self.bar.total and self.bar.n >= self.bar.total:
            self.bar.refresh()  # a phase faster than the refresh interval still shows that it finished

    def __call__(self, done: int, total: int) -> None:
        """Synthesis progress: `done` of `total` sentences."""
        if not self.enabled:
            return
        if self.name != "synthesizing" or self.bar is None:
            self.phase("synthesizing", total, "sentences")
        self.advance(done)

    def close(self) -> None:
        """Remove the current line."""
        if self.bar is not None:
            self.bar.close()
            self.bar = None
            self.name = ""
