"""Configuration at the edge: the user's config file, cache folder and voice folders.

Only the command line uses this module; library functions take explicit arguments.
"""

from __future__ import annotations

import json
import os
import tomllib
from pathlib import Path
from typing import Any

import click

from .cache import default_dir
from .errors import ReaderError

__all__ = ["APP_NAME", "cache_dir", "check_config_values", "config_path", "load_config"]

APP_NAME = "article-reader"


def config_path() -> Path:
    """$READER_CONFIG, else config.toml in the user's config folder.

    Raises:
        ReaderError: READER_CONFIG names a file that does not exist (a typo would silently drop settings).
    """
    override = os.environ.get("READER_CONFIG")
    if override:
        path = Path(override)
        if not path.is_file():
            raise ReaderError(f"READER_CONFIG={override}: no such config file; fix the path or unset READER_CONFIG")
        return path
    return Path(click.get_app_dir(APP_NAME)) / "config.toml"


def check_config_values(path: Path, defaults: dict[str, dict[str, Any]],
                        params: dict[str, dict[str, click.Parameter]]) -> None:
    """Check every value of the config file against its option's type, so a mistake names the file.

    `params` maps each command to its parameters by parameter name (as `load_config` returns keys).

    Raises:
        ReaderError: a value of the wrong type, naming the file, section and key.
    """
    for command, values in defaults.items():
        for name, value in values.items():
            param = params.get(command, {}).get(name)
            if param is None:
                continue
            key = next((o[2:] for o in param.opts if o.startswith("--")), name)
            where = f"{path}: [{command}] {key}"
            is_flag = isinstance(param, click.Option) and param.is_flag
            if is_flag and not isinstance(value, bool):
                raise ReaderError(f"{where} must be true or false, not {value!r}")
            if param.multiple and not isinstance(value, list):
                raise ReaderError(f"{where} must be a list, e.g. {key} = [{json.dumps(str(value))}]")
            for item in value if param.multiple else [value]:
                if isinstance(item, (dict, list)) or (isinstance(item, bool) and not is_flag):
                    raise ReaderError(f"{where}: {item!r} is not a valid value")
                try:
                    param.type.convert(item, param, None)
                except click.BadParameter as exc:
                    raise ReaderError(f"{where}: {exc.message}") from None


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
