"""Batches of articles: local worker processes, a real Dask cluster that loses a worker, and reruns."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from reader import batch
from reader.errors import ReaderError

from .conftest import ROOT, probe

ARTICLES = ROOT / "tests" / "data" / "batch"


def _reader(*args: str) -> list[str]:
    return [sys.executable, "-m", "reader", "batch", *args]


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT)}


def _wait_for(predicate: Any, timeout: float, what: str) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = predicate()
        if found:
            return found
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def test_jobs_from_a_folder_and_a_manifest(tmp_path: Path) -> None:
    for name in ("a.txt", "a.md", "b.html", ".hidden.txt", "notes.pdf"):
        (tmp_path / name).write_text("The ferry runs at night.")
    jobs = batch.load_jobs(tmp_path, batch.JobSettings())
    assert [job.name for job in jobs] == ["a", "a-2", "b"]
    assert jobs[0].data == b"The ferry runs at night." and jobs[0].version

    manifest = tmp_path / "batch.toml"
    manifest.write_text('[[articles]]\ninput = "a.txt"\ntitle = "Ferry"\nname = "ferry"\n\n'
                        '[[articles]]\ninput = "https://news.invalid/2025/ferry.html"\n')
    jobs = batch.load_jobs(manifest, batch.JobSettings())
    assert [(job.name, job.title, job.data is None) for job in jobs] == [("ferry", "Ferry", False),
                                                                          ("ferry-2", None, True)]
    manifest.write_text('[[articles]]\ninput = "a.txt"\nvoice = "x"\n')
    with pytest.raises(ReaderError, match=r"batch.toml article 1: unknown key 'voice'"):
        batch.load_jobs(manifest, batch.JobSettings())
    with pytest.raises(ReaderError, match="no such manifest or folder"):
        batch.load_jobs(tmp_path / "missing.toml", batch.JobSettings())


def test_missing_dask_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(ReaderError, match=r"pip install 'article-reader\[cluster\]'"):
        batch.connect("tcp://127.0.0.1:1")


def test_unreachable_scheduler_is_one_line() -> None:
    pytest.importorskip("distributed")
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    done = subprocess.run(_reader(str(ARTICLES), "-o", "out", "--cluster", f"127.0.0.1:{port}"),
                          capture_output=True, text=True, timeout=120, env=_env(), cwd=ROOT)
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "cannot reach the Dask scheduler" in lines[0] and "dask scheduler" in lines[0]


@pytest.mark.slow
def test_local_batch_survives_a_kill_and_a_bad_article(tmp_path: Path) -> None:
    source = tmp_path / "articles"
    source.mkdir()
    for name in ("allotment-water.txt", "bridge-closure.md", "choir-tour.txt"):
        shutil.copy(ARTICLES / name, source / name)
    (source / "broken.txt").write_bytes(bytes(range(256)) * 40)
    out = tmp_path / "out"
    first = subprocess.Popen(_reader(str(source), "-o", str(out), "--jobs", "1", "-q"), env=_env(), cwd=ROOT,
                             start_new_session=True, stderr=subprocess.DEVNULL)
    try:
        _wait_for(lambda: list(out.glob("*.mp3")), 240, "the first finished article")
    finally:
        os.killpg(first.pid, signal.SIGKILL)  # the client and its worker process, like a power cut
        first.wait()
    done_before = sorted(p.stem for p in out.glob("*.mp3"))
    assert 1 <= len(done_before) < 3

    again = subprocess.run(_reader(str(source), "-o", str(out), "--jobs", "2", "--json"), capture_output=True,
                           text=True, timeout=600, env=_env(), cwd=ROOT)
    assert again.returncode == 1, again.stderr
    assert again.stderr.count("\n") == 1 and "1 of 4 articles failed" in again.stderr and "broken" in again.stderr
    result = json.loads(again.stdout)
    status = {a["name"]: a["status"] for a in result["articles"]}
    assert status == {"allotment-water": "unchanged" if "allotment-water" in done_before else "built",
                      "bridge-closure": "unchanged" if "bridge-closure" in done_before else "built",
                      "broken": "failed", "choir-tour": "built"}
    broken = next(a for a in result["articles"] if a["name"] == "broken")
    assert "broken.txt" in broken["error"] and "binary" in broken["error"]
    assert not [p for p in out.iterdir() if p.name.endswith(".part")], "a killed run's temporary files were left"
    for name in ("allotment-water", "bridge-closure", "choir-tour"):
        assert probe(out / f"{name}.mp3").duration > 5


# --- a real cluster: a scheduler and two worker processes on this machine ------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def cluster(tmp_path: Path) -> Iterator[tuple[str, dict[str, subprocess.Popen[bytes]]]]:
    """`dask scheduler` and two `dask worker` processes on 127.0.0.1, each in its own process group."""
    pytest.importorskip("distributed")
    dask = Path(sys.executable).with_name("dask")
    if not dask.exists():
        pytest.skip("the dask command is not installed beside this Python")
    address = f"tcp://127.0.0.1:{_free_port()}"
    logs = tmp_path / "dask-logs"
    logs.mkdir()
    procs: dict[str, subprocess.Popen[bytes]] = {}

    def start(name: str, *args: str) -> None:
        with open(logs / f"{name}.log", "wb") as log:
            procs[name] = subprocess.Popen([str(dask), *args], env=_env(), cwd=tmp_path, stdout=log,
                                           stderr=subprocess.STDOUT, start_new_session=True)

    try:
        start("scheduler", "scheduler", "--host", "127.0.0.1", "--port", address.rsplit(":", 1)[1],
              "--no-dashboard")
        for name in ("w1", "w2"):
            start(name, "worker", address, "--host", "127.0.0.1", "--nthreads", "1", "--name", name,
                  "--no-dashboard", "--local-directory", str(tmp_path / name))
        from distributed import Client

        with Client(address, timeout="60s") as client:
            client.wait_for_workers(2, timeout=120)
        yield address, procs
    finally:
        for proc in procs.values():
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def _timeline(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@pytest.mark.slow
def test_cluster_batch_matches_local_and_survives_a_killed_worker(
        tmp_path: Path, cluster: tuple[str, dict[str, subprocess.Popen[bytes]]]) -> None:
    from distributed import Client

    address, procs = cluster
    assert len(list(ARTICLES.iterdir())) >= 6
    local = tmp_path / "local"
    done = subprocess.run(_reader(str(ARTICLES), "-o", str(local), "--jobs", "1", "--no-cache", "--transcript",
                                  "json", "--json"), capture_output=True, text=True, timeout=600, env=_env(), cwd=ROOT)
    assert done.returncode == 0, done.stderr

    out = tmp_path / "cluster"
    run = subprocess.Popen(_reader(str(ARTICLES), "-o", str(out), "--cluster", address, "--no-cache",
                                   "--transcript", "json", "--json"), env=_env(), cwd=ROOT,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    with Client(address, timeout="30s") as client:
        names = {info["name"]: addr for addr, info in client.scheduler_info()["workers"].items()}

        def busy_worker_after_first_result() -> tuple[str, list[str]] | None:
            if not list(out.glob("*.mp3")):
                return None
            for name, addr in names.items():
                keys = [str(k) for k in client.processing().get(addr, ())]
                if keys:
                    return name, keys
            return None

        victim, in_flight = _wait_for(busy_worker_after_first_result, 300, "a worker busy after the first result")
        victim_pid = client.run(os.getpid, workers=[names[victim]])[names[victim]]
        os.killpg(procs[victim].pid, signal.SIGKILL)  # the worker and its nanny: a machine lost mid-article
    stdout, stderr = run.communicate(timeout=600)
    assert run.returncode == 0, stderr
    result = json.loads(stdout)
    assert result["counts"] == {"built": len(list(ARTICLES.iterdir()))}
    lost = [a for a in result["articles"] if any(key.startswith(f"article-{a['name']}-") for key in in_flight)]
    assert lost, in_flight
    for article in lost:  # rerun elsewhere, after the kill
        assert not article["worker"].endswith(f":{victim_pid}"), article

    totals = [0.0, 0.0]
    for article in result["articles"]:
        name = article["name"]
        ours, theirs = _timeline(out / f"{name}.json"), _timeline(local / f"{name}.json")
        assert [c["title"] for c in ours["chapters"]] == [c["title"] for c in theirs["chapters"]]
        keys = ("block", "run", "kind", "role", "speaker", "text", "lang", "voice", "profile")
        assert [[r[k] for k in keys] for r in ours["runs"]] == [[r[k] for k in keys] for r in theirs["runs"]]
        # Piper draws random noise for phoneme lengths on every render, so one short article can move by
        # a few percent between two builds; the batch as a whole must stay within 3%.
        assert ours["duration"] == pytest.approx(theirs["duration"], rel=0.06)
        totals[0] += ours["duration"]
        totals[1] += theirs["duration"]
        decoded = probe(out / f"{name}.mp3")
        assert decoded.codec == "mp3" and decoded.duration == pytest.approx(ours["duration"], abs=0.15)
        assert decoded.peak > 0.1, f"{name}.mp3 is silent"
    assert totals[0] == pytest.approx(totals[1], rel=0.03)


@pytest.mark.slow
def test_podcast_from_a_feed_on_the_cluster(tmp_path: Path,
                                            cluster: tuple[str, dict[str, subprocess.Popen[bytes]]]) -> None:
    import feedparser
    from mutagen.id3 import ID3

    from reader import ffmpeg

    address, _ = cluster
    show = tmp_path / "show"
    shutil.copytree(ROOT / "tests" / "data" / "feeds", show)
    subprocess.run([ffmpeg.executable(), "-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i",
                    "color=c=navy:s=64x64", "-frames:v", "1", str(show / "cover.png")], check=True)
    (show / "show.toml").write_text('[show]\ntitle = "Valley Post aloud"\nauthor = "Reader Team"\n'
                                    'description = "Read aloud."\nbase_url = "https://example.org/valley/"\n'
                                    'cover = "cover.png"\nfeed = "atom.xml"\n')
    site = tmp_path / "site"
    done = subprocess.run([sys.executable, "-m", "reader", "podcast", str(show / "show.toml"), "-o", str(site),
                           "--cluster", address, "--json"], capture_output=True, text=True, timeout=600, env=_env(),
                          cwd=ROOT)
    assert done.returncode == 0, done.stderr
    episodes = json.loads(done.stdout)["episodes"]
    assert [e["status"] for e in episodes] == ["built", "built"]
    parsed = feedparser.parse(str(site / "feed.xml"))
    assert not parsed.bozo and len(parsed.entries) == 2
    for episode in episodes:
        audio = Path(episode["output"])
        assert probe(audio).duration == pytest.approx(episode["duration"], abs=0.15)
        assert ID3(audio).getall("APIC"), "the cover travelled to the worker and was embedded"
        for suffix in (".vtt", ".json", ".chapters.json"):
            assert audio.with_name(audio.stem + suffix).is_file()
