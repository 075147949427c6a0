"""Thread maps: results in input order; packed work stays within its capacity and keeps workers busy."""

from __future__ import annotations

import random
import threading
import time

import pytest

from reader import parallel


class Meter:
    """Records the weight of what runs at once."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.load = 0
        self.running = 0
        self.most = 0
        self.most_together = 0

    def __call__(self, item: tuple[int, int, float]) -> int:
        index, weight, pause = item
        with self.lock:
            self.load += weight
            self.running += 1
            if self.running > 1:
                self.most_together = max(self.most_together, self.load)
            self.most = max(self.most, self.load)
        time.sleep(pause)
        with self.lock:
            self.load -= weight
            self.running -= 1
        return index


def test_packed_yields_every_result_in_order_within_capacity() -> None:
    rng = random.Random(7)
    items = [(i, rng.randint(10, 300), rng.uniform(0.0, 0.004)) for i in range(200)]
    meter = Meter()
    out = list(parallel.packed(meter, items, 3, "t", weight=lambda item: item[1], capacity=400))
    assert out == list(range(200))
    assert meter.most_together <= 400


def test_an_item_heavier_than_the_capacity_runs_alone() -> None:
    meter = Meter()
    items = [(0, 50, 0.01), (1, 900, 0.01), (2, 50, 0.01)]
    assert list(parallel.packed(meter, items, 2, "t", weight=lambda item: item[1], capacity=400)) == [0, 1, 2]
    assert meter.most == 900 and meter.most_together <= 400


def test_light_items_run_beside_a_heavy_one_instead_of_waiting() -> None:
    started: list[int] = []
    heavy_running = threading.Event()
    release = threading.Event()

    def work(item: tuple[int, int]) -> int:
        index, weight = item
        started.append(index)
        if weight > 200:
            heavy_running.set()
            assert release.wait(5)  # the heavy one ends only after the light ones behind its neighbour ran
        else:
            heavy_running.wait(5)
            if index == 3:
                release.set()
        return index

    # 0 and 1 are heavy together (over 400): 1 waits, and 2 and 3, light, run beside 0 meanwhile.
    items = [(0, 300), (1, 250), (2, 50), (3, 50)]
    out = list(parallel.packed(work, items, 2, "t", weight=lambda item: item[1], capacity=400))
    assert out == [0, 1, 2, 3]
    assert started.index(2) < started.index(1) and started.index(3) < started.index(1)


def test_an_error_surfaces_at_its_place_in_the_order() -> None:
    def work(item: int) -> int:
        if item == 5:
            raise ValueError("five")
        return item

    seen = []
    with pytest.raises(ValueError, match="five"):
        for value in parallel.packed(work, range(10), 2, "t", weight=lambda item: 100, capacity=150):
            seen.append(value)
    assert seen == [0, 1, 2, 3, 4]


def test_one_worker_is_the_plain_order() -> None:
    assert list(parallel.packed(lambda x: x * 2, range(5), 1, "t", weight=lambda x: 1000, capacity=1)) == [0, 2, 4, 6, 8]
