"""Work on a few threads at once, results in input order, with a bounded read-ahead."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Generator, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

__all__ = ["in_order"]

T = TypeVar("T")
R = TypeVar("R")


def in_order(work: Callable[[T], R], items: Iterable[T], workers: int, name: str) -> Generator[R, None, None]:
    """`work(item)` for each item, yielded in order; up to `workers` run at once in threads named
    `name`. At most about twice `workers` results are held ahead, so memory stays flat on long
    inputs; closing the iterator early cancels what has not started. One worker runs in the caller's
    thread."""
    if workers <= 1:
        for item in items:
            yield work(item)
        return
    window: deque[Future[R]] = deque()
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix=name) as pool:
        try:
            for item in items:
                window.append(pool.submit(work, item))
                if len(window) > 2 * workers:
                    yield window.popleft().result()
            while window:
                yield window.popleft().result()
        finally:
            for pending in window:
                pending.cancel()
