"""The startup cache: what every run would otherwise redo before its first word, kept between runs.

Like Python's `__pycache__`: the segmenter's compiled patterns (`segment/compiled.py`), the language
model unpacked (`segment/language.py`) and the given-name list indexed (`segment/gender.py`) are kept
in `article-reader/startup` in the user cache folder, each keyed by the versions that made it and
written atomically. Every reader of it falls back to doing the work when an entry is missing or
unreadable, so results never depend on it. `READER_STARTUP_CACHE=0` turns it off.
"""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path

__all__ = ["clear", "enabled", "keep", "startup_dir", "usage"]

log = logging.getLogger(__name__)


def startup_dir() -> Path:
    """Where work every run would repeat is kept: `article-reader/startup` in the user cache folder
    (beside the clip cache; `READER_STARTUP_CACHE=0` turns its use off)."""
    from .cache import default_dir

    return default_dir().parent / "startup"


def enabled() -> bool:
    """Whether the startup cache is in use (`READER_STARTUP_CACHE` is not 0/no/off/false)."""
    return os.environ.get("READER_STARTUP_CACHE", "1").strip().lower() not in ("0", "no", "off", "false")


def usage() -> tuple[int, int]:
    """Files and bytes in the startup cache."""
    root = startup_dir()
    sizes = [path.stat().st_size for path in root.rglob("*") if path.is_file()] if root.is_dir() else []
    return len(sizes), sum(sizes)


def clear() -> int:
    """Empty the startup cache (the next run makes it again); the number of files removed."""
    import shutil

    files, _ = usage()
    shutil.rmtree(startup_dir(), ignore_errors=True)
    return files


def keep(path: Path, data: bytes) -> None:
    """Write `data` to `path` in the startup cache atomically; a read-only home only costs the work
    again next time, so failures are logged, not raised."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, path)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    except OSError as exc:
        log.debug("cannot keep %s in the startup cache: %s", path.name, exc)
