"""Regular expressions compiled once per machine rather than once per run.

The attribution patterns embed the whole speech-verb lexicon of every language (13,000 characters
each); Python's `re` parses and compiles such a pattern in about 20 ms, and a dozen of them cost a
fifth of a second at every start, longer than eSpeak NG takes to read a short article. Python keeps
compiled bytecode of modules in `__pycache__`; this does the same for these patterns: the compiled
program of each pattern is kept in the user cache folder, keyed by the interpreter's exact version
and the pattern, and later runs build the pattern object from it directly. Every module-level
pattern of the segmenter goes through here (about 130, 70 of them long enough to keep).

It reads CPython's own compiler output (`re._compiler`, `_sre`), which carries no stability promise,
so every step is guarded: on another interpreter, another version, an unreadable or damaged file, or
any error, the pattern is compiled by `re` as usual and the result is the same. Writes are atomic
(temporary file, then rename), so concurrent runs never see half a file. `READER_STARTUP_CACHE=0`
turns it off.
"""

from __future__ import annotations

import hashlib
import importlib
import logging
import marshal
import re
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

from .. import startup

__all__ = ["cache_dir", "regex"]

log = logging.getLogger(__name__)

# Only patterns this long are worth a file: shorter ones compile faster than a file is read.
_WORTH_CACHING = 200


def cache_dir() -> Path:
    """Where compiled patterns are kept."""
    return startup.startup_dir() / "patterns"


@lru_cache(maxsize=1)
def _enabled() -> bool:
    if not startup.enabled():
        return False
    if sys.implementation.name != "cpython":
        return False
    try:
        sre = importlib.import_module("_sre")
        importlib.import_module("re._compiler")
        importlib.import_module("re._parser")
    except ImportError:
        return False
    return hasattr(sre, "compile") and hasattr(sre, "MAGIC")


def _key(pattern: str, flags: int) -> str:
    sre: Any = importlib.import_module("_sre")

    digest = hashlib.sha256()
    for part in (sys.version, str(sre.MAGIC), str(sre.CODESIZE), str(int(flags)), pattern):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()[:40]


def _from_program(pattern: str, program: tuple[list[int], int, int, dict[str, int]]) -> re.Pattern[str]:
    sre: Any = importlib.import_module("_sre")
    code, flags, groups, groupindex = program
    indexgroup: list[str | None] = [None] * groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    compiled: re.Pattern[str] = sre.compile(pattern, flags, code, groups - 1, groupindex, tuple(indexgroup))
    return compiled


def _program(pattern: str, flags: int) -> tuple[list[int], int, int, dict[str, int]]:
    """What `re.compile` hands to `_sre.compile`, as plain data."""
    # Not in the typing stubs: private modules, reached by name.
    parser: Any = importlib.import_module("re._parser")
    compiler: Any = importlib.import_module("re._compiler")
    parsed = parser.parse(pattern, flags)
    code = compiler._code(parsed, flags)
    return ([int(op) for op in code], int(parsed.state.flags), int(parsed.state.groups),
            {str(name): int(index) for name, index in parsed.state.groupdict.items()})


def _load(path: Path, pattern: str) -> re.Pattern[str] | None:
    try:
        program = marshal.loads(path.read_bytes())
        return _from_program(pattern, program)
    except FileNotFoundError:
        return None
    except Exception as exc:  # noqa: BLE001  (a damaged or foreign file: compile again below)
        log.debug("compiled pattern %s unusable (%s): compiling again", path.name, exc)
        return None


def regex(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, read from the pattern cache when an earlier run compiled it.

    The object returned behaves exactly as `re.compile`'s (same program, flags and groups).
    """
    flags = int(flags)
    if len(pattern) < _WORTH_CACHING or not _enabled():
        return re.compile(pattern, flags)
    try:
        path = cache_dir() / f"{_key(pattern, flags)}.re"
    except Exception as exc:  # noqa: BLE001  (no usable home folder: nothing to keep)
        log.debug("no pattern cache: %s", exc)
        return re.compile(pattern, flags)
    found = _load(path, pattern)
    if found is not None:
        return found
    try:
        program = _program(pattern, flags)
        compiled = _from_program(pattern, program)
    except Exception as exc:  # noqa: BLE001  (internals changed: the public way still works)
        log.debug("compiling %d-character pattern the usual way: %s", len(pattern), exc)
        return re.compile(pattern, flags)
    startup.keep(path, marshal.dumps(program))
    return compiled
