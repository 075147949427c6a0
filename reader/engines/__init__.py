"""Engines by name: built-ins and third-party ones are declared the same way, as entry points."""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from importlib.metadata import entry_points

from ..errors import EngineError, EngineUnavailable
from .base import Engine, VoiceInfo

__all__ = ["GROUP", "Engine", "Registry", "VoiceInfo"]

GROUP = "article_reader.engines"


class Registry:
    """Engines by name. Built from entry points in production; from a dict in tests."""

    def __init__(self, factories: Mapping[str, Callable[[], Engine]]) -> None:
        self._factories = dict(factories)
        self._instances: dict[str, Engine] = {}
        self._lock = threading.Lock()

    @classmethod
    def from_entry_points(cls) -> Registry:
        """Built-in and third-party engines, as declared under GROUP."""
        factories: dict[str, Callable[[], Engine]] = {}
        for ep in entry_points(group=GROUP):
            factories[ep.name] = lambda ep=ep: ep.load()()  # type: ignore[misc]
        return cls(factories)

    def names(self) -> list[str]:
        """Names of every registered engine, sorted."""
        return sorted(self._factories)

    def get(self, name: str) -> Engine:
        """The engine called `name`, made on first use and kept for the run.

        Raises:
            EngineError: no engine has that name.
            EngineUnavailable: its package is not installed.
        """
        if name not in self._factories:
            raise EngineError(f"unknown engine {name!r}; installed: {', '.join(self.names()) or 'none'}")
        with self._lock:
            if name not in self._instances:
                try:
                    self._instances[name] = self._factories[name]()
                except ImportError as exc:
                    raise EngineUnavailable(
                        f"engine {name!r} needs the {exc.name!r} package: pip install 'article-reader[{name}]'"
                    ) from exc
            return self._instances[name]
