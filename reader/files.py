"""Files that appear only when complete: atomic writes, output collision checks, stale temporary files.

Every module that writes a file the user keeps (audio, transcripts, read-along pages, feeds, batch
outputs) goes through `atomic_path`.
"""

from __future__ import annotations

import logging
import os
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import ExportError
from .formats import FORMATS

__all__ = ["atomic_path", "check_outputs", "remove_stale"]

log = logging.getLogger(__name__)

_UMASK = os.umask(0)
os.umask(_UMASK)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:  # one does not exist yet: compare where they would be
        return os.path.normcase(os.path.abspath(a)) == os.path.normcase(os.path.abspath(b))


def check_outputs(source: str, audio: Path, sidecars: list[Path]) -> None:
    """Refuse a run whose outputs would overwrite its input, each other, or another export's sidecars.

    Sidecars (transcripts, read-along page) are named after the audio's stem, so `a.mp3` and `a.m4b`
    in one folder would share `a.json`, `a.vtt` and `a.html`; the second export is refused rather
    than silently repointing them.

    Raises:
        ExportError: naming the colliding path and what to do.
    """
    outputs = [audio, *sidecars]
    if source != "-" and not re.match(r"https?://", source, re.I):
        for path in outputs:
            if _same_file(Path(source), path):
                raise ExportError(f"{path}: is the input {source}; writing it would destroy the article, "
                                  "choose another output name with -o")
    for i, path in enumerate(outputs):
        for other in outputs[:i]:
            if _same_file(path, other):
                raise ExportError(f"{path}: would be written twice in one run; choose another output name")
    if sidecars:
        folder = audio.parent if str(audio.parent) else Path(".")
        for ext in FORMATS:
            sibling = audio.with_suffix(ext)
            if ext != audio.suffix.lower() and sibling.name != audio.name and sibling.is_file():
                names = ", ".join(p.name for p in sidecars)
                raise ExportError(f"{audio}: {names} would also be taken for {sibling.name} in {folder}; "
                                  "give this export another name (e.g. -o "
                                  f"{audio.stem}-{audio.suffix.lstrip('.').lower()}{audio.suffix})")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's live process
        return True
    return True


def remove_stale(folder: Path, pattern: str) -> None:
    """Remove leftovers of killed runs: entries matching `pattern` whose name carries a dead process id.

    Names look like `.out.mp3.<pid>.<random>.part` or `reader-<pid>-<random>`; a run killed with
    SIGKILL cannot clean up after itself, so the next one does.
    """
    import shutil

    prefix = pattern.split("*", 1)[0]
    for path in folder.glob(pattern):
        found = re.match(r"(\d+)[.-]", path.name[len(prefix) :])
        if found and int(found.group(1)) != os.getpid() and not _alive(int(found.group(1))):
            log.info("removing %s, left by a run that was killed", path)
            if path.is_dir():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)


@contextmanager
def atomic_path(final: Path) -> Iterator[Path]:
    """A temporary path beside `final`, renamed over it only if the block succeeds; removed otherwise."""
    folder = final.parent if str(final.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(f"{final}: folder {folder} does not exist")
    remove_stale(folder, f".{final.name}.*.part")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{final.name}.{os.getpid()}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise ExportError(f"{final}: cannot write in {folder}: {exc.strerror}") from exc
    os.close(fd)
    tmp = Path(tmp_name)
    os.chmod(tmp, 0o666 & ~_UMASK)  # mkstemp makes files private; outputs get the user's usual mode
    try:
        yield tmp
        os.replace(tmp, final)
    except OSError as exc:
        raise ExportError(f"{final}: cannot write: {exc.strerror}") from exc
    finally:
        tmp.unlink(missing_ok=True)
