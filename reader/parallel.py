"""Work on a few threads at once, results in input order, with a bounded read-ahead (and, for work that
costs memory, a bound on what runs at once)."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Generator, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from typing import TypeVar

__all__ = ["in_order", "packed"]

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


def packed(work: Callable[[T], R], items: Iterable[T], workers: int, name: str, weight: Callable[[T], int],
           capacity: int) -> Generator[R, None, None]:
    """Like `in_order`, for work whose cost in memory is `weight(item)`: the items running at once
    weigh at most `capacity` together (one item alone always runs). When the next item does not fit
    beside those running, a later one in the read-ahead that does is started instead, so a worker is
    not left idle behind a heavy item; results are still yielded in input order. The read-ahead is
    a few items per worker, which also bounds how long an item can be passed over."""
    if workers <= 1:
        yield from in_order(work, items, workers, name)
        return
    source = iter(items)
    ahead = 12 * workers
    waiting: deque[tuple[int, T]] = deque()  # read, not started, in input order
    running: dict[Future[R], tuple[int, int]] = {}  # future -> (index, weight)
    finished: dict[int, Future[R]] = {}
    read = emitted = load = 0
    exhausted = False
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix=name) as pool:
        try:
            while True:
                while not exhausted and read - emitted < ahead:
                    try:
                        waiting.append((read, next(source)))
                    except StopIteration:
                        exhausted = True
                        break
                    read += 1
                while waiting and len(running) < workers:
                    # The first waiting item that fits beside what runs; alone, any item fits.
                    pick = next((k for k, (_, item) in enumerate(waiting)
                                 if not running or load + weight(item) <= capacity), None)
                    if pick is None:
                        break
                    index, item = waiting[pick]
                    del waiting[pick]
                    cost = weight(item)
                    running[pool.submit(work, item)] = (index, cost)
                    load += cost
                if emitted in finished:
                    yield finished.pop(emitted).result()
                    emitted += 1
                    continue
                if not running:
                    return
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in done:
                    index, cost = running.pop(future)
                    load -= cost
                    finished[index] = future
        finally:
            for future in running:
                future.cancel()
