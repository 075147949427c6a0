"""Configuration at the edge: the user's config file, cache folder and voice folders.

Only the command line uses this module; library functions take explicit arguments.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any

import click

from .cache import default_dir
from .errors import ReaderError

__all__ = ["APP_NAME", "cache_dir", "config_path", "load_config"]

APP_NAME = "article-reader"


def config_path() -> Path:
    """$READER_CONFIG, else config.toml in the user's config folder."""
    override = os.environ.get("READER_CONFIG")
    return Path(override) if override else Path(click.get_app_dir(APP_NAME)) / "config.toml"


def cache_dir() -> Path:
    """$READER_CACHE_DIR, else the platform's user cache folder."""
    override = os.environ.get("READER_CACHE_DIR")
    return Path(override) if override else default_dir()


def load_config(path: Path, commands: dict[str, dict[str, str]]) -> dict[str, dict[str, Any]]:
    """The config file as click's default_map: one table per command, keys named like its long options.

    ```toml
    [export]
    loudness = -18
    voice = ["quote=gtts-en-uk"]
    fallback = true
    [play]
    player = "mpv --no-video -"
    ```

    Raises:
        ReaderError: unreadable file, unknown command table or option, naming the file and key.
    """
    if not path.is_file():
        return {}
    try:
        raw: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ReaderError(f"{path}: cannot read config: {exc}") from exc
    out: dict[str, dict[str, Any]] = {}
    for command, table in raw.items():
        if command not in commands or not isinstance(table, dict):
            raise ReaderError(f"{path}: unknown section [{command}]; sections: {', '.join(sorted(commands))}")
        options = commands[command]
        for key in table:
            if key not in options:
                raise ReaderError(f"{path}: [{command}] has no option {key!r}; options: {', '.join(sorted(options))}")
        out[command] = {options[key]: value for key, value in table.items()}
    return out
