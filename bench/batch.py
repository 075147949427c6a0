"""Batch benchmark: the same articles with --jobs 1, --jobs 2, and through a local two-worker Dask cluster.

    python bench/batch.py                      # 6 articles (our samples, each twice), one round
    python bench/batch.py --articles 12 --rounds 2 --json batch.json

Not part of the test run. Every build uses --no-cache (nothing is reused between runs). The cluster is
a `dask scheduler` and two `dask worker --nthreads 1` processes on 127.0.0.1, started before the timed
run (as a standing cluster would be); its workers load the voice on their first article, as local
worker processes do. Every process stays in this benchmark's session: Linux's autogroup scheduler
shares the CPU between sessions, so workers started in sessions of their own would win CPU from
other work on a busy machine and look faster than local processes for that reason alone. Reports articles per minute, seconds of CPU-bound wall time per article, the
cluster's overhead over local --jobs 2, and the peak memory of each worker process.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples").glob("*.*"))


def make_articles(folder: Path, count: int) -> tuple[int, list[str]]:
    """`count` article files from our samples (repeated under new names); returns their words and names."""
    folder.mkdir(parents=True)
    words = 0
    names = []
    for i in range(count):
        sample = SAMPLES[i % len(SAMPLES)]
        target = folder / f"{i + 1:03d}-{sample.name}"
        shutil.copy(sample, target)
        words += len(sample.read_text(encoding="utf-8").split())
        names.append(target.stem)
    return words, names


def run_batch(source: Path, out: Path, extra: list[str], env: dict[str, str]) -> tuple[float, dict[str, Any]]:
    cmd = [sys.executable, "-m", "reader", "batch", str(source), "-o", str(out), "--no-cache", "--json", *extra]
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"benchmark command failed: {' '.join(cmd)}\n{done.stderr}")
    return wall, json.loads(done.stdout)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Cluster:
    """A scheduler and two one-thread workers on this machine, stopped on exit."""

    def __init__(self, work: Path, env: dict[str, str]) -> None:
        self.address = f"tcp://127.0.0.1:{free_port()}"
        dask = str(Path(sys.executable).with_name("dask"))
        self.procs = []
        log = open(work / "dask.log", "wb")  # noqa: SIM115 - lives as long as the cluster
        self.procs.append(subprocess.Popen([dask, "scheduler", "--host", "127.0.0.1", "--port",
                                            self.address.rsplit(":", 1)[1], "--no-dashboard"], env=env, cwd=work,
                                           stdout=log, stderr=subprocess.STDOUT))
        for name in ("w1", "w2"):
            self.procs.append(subprocess.Popen([dask, "worker", self.address, "--host", "127.0.0.1", "--nthreads",
                                                "1", "--name", name, "--no-dashboard", "--local-directory",
                                                str(work / name)], env=env, cwd=work, stdout=log,
                                               stderr=subprocess.STDOUT))
        from distributed import Client

        with Client(self.address, timeout="60s") as client:
            client.wait_for_workers(2, timeout=120)

    def close(self) -> None:
        for proc in reversed(self.procs):  # workers (their nannies stop them), then the scheduler
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def summarize(label: str, wall: float, result: dict[str, Any], count: int, audio_minutes: float) -> dict[str, Any]:
    peaks: dict[str, float] = {}
    for article in result["articles"]:
        peaks[article["worker"]] = max(peaks.get(article["worker"], 0.0), article["peak_rss_mb"])
    return {"case": label, "wall_s": round(wall, 2), "articles": count,
            "articles_per_min": round(count / wall * 60, 2), "s_per_article": round(wall / count, 2),
            "audio_min": round(audio_minutes, 1), "workers": len(peaks),
            "cpu_s_per_article": round(sum(a["cpu_seconds"] for a in result["articles"]) / count, 2),
            "peak_rss_mb_per_worker": sorted(round(v) for v in peaks.values())}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=6)
    parser.add_argument("--rounds", type=int, default=1, help="repeat the three cases, alternating their order")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="reader-bench-batch-") as tmp:
        work = Path(tmp)
        env["READER_CACHE_DIR"] = str(work / "cache")
        words, _ = make_articles(work / "articles", args.articles)
        cluster = Cluster(work, env)
        try:
            cases = [("--jobs 1", ["--jobs", "1"]), ("--jobs 2", ["--jobs", "2"]),
                     ("Dask, 2 workers", ["--cluster", cluster.address])]
            for round_no in range(args.rounds):
                order = cases if round_no % 2 == 0 else list(reversed(cases))
                for label, extra in order:
                    out = work / f"out-{round_no}-{label.replace(' ', '')}"
                    wall, result = run_batch(work / "articles", out, extra, env)
                    minutes = sum(a["duration"] for a in result["articles"]) / 60
                    rows.append({"round": round_no + 1,
                                 **summarize(label, wall, result, args.articles, minutes)})
                    print(json.dumps(rows[-1]), file=sys.stderr)
        finally:
            cluster.close()

    def wall(label: str, round_no: int) -> float:
        return next(row["wall_s"] for row in rows if row["case"] == label and row["round"] == round_no)

    # Ratios within a round compare runs made minutes apart; the median of them resists a busy neighbour.
    rounds = range(1, args.rounds + 1)
    speedups = [wall("--jobs 1", r) / wall("--jobs 2", r) for r in rounds]
    overheads = [wall("Dask, 2 workers", r) / wall("--jobs 2", r) - 1 for r in rounds]
    report = {
        "machine": f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python "
                   f"{platform.python_version()}, {platform.system()}",
        "articles": args.articles, "words": words, "rounds": rows,
        "jobs2_speedup_over_jobs1": [round(x, 3) for x in speedups],
        "jobs2_speedup_over_jobs1_median": round(statistics.median(speedups), 3),
        "cluster_overhead_over_jobs2": [round(x, 3) for x in overheads],
        "cluster_overhead_over_jobs2_median": round(statistics.median(overheads), 3),
        "cpu_s_per_article": {label: round(statistics.median(r["cpu_s_per_article"] for r in rows
                                                             if r["case"] == label), 2)
                              for label in ("--jobs 1", "--jobs 2", "Dask, 2 workers")},
    }
    print(json.dumps(report, indent=2))
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n")


if __name__ == "__main__":
    main()
