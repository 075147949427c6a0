"""Engines by name: built-ins and third-party ones are declared the same way, as entry points."""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from importlib.metadata import entry_points

from ..errors import EngineError, EngineUnavailable
from .base import Capabilities, Engine, VoiceInfo, capabilities_of

__all__ = ["GROUP", "Capabilities", "Engine", "Registry", "VoiceInfo", "capabilities_of"]

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
            EngineUnavailable: it cannot be loaded here (a missing package, or a plugin that fails).
        """
        if name not in self._factories:
            raise EngineError(f"unknown engine {name!r}; installed: {', '.join(self.names()) or 'none'}")
        with self._lock:
            if name not in self._instances:
                try:
                    self._instances[name] = self._factories[name]()
                except ImportError as exc:
                    missing = exc.name or "a package it imports"
                    raise EngineUnavailable(
                        f"engine {name!r} needs the {missing!r} package: pip install {missing}"
                    ) from exc
                except Exception as exc:  # a third-party plugin may fail in any way; it must not crash the run
                    raise EngineUnavailable(
                        f"engine {name!r} failed to load: {type(exc).__name__}: {exc}"
                    ) from exc
            return self._instances[name]

    def capabilities(self, name: str) -> Capabilities:
        """What the engine called `name` declares it can do.

        Raises:
            EngineError: no engine has that name.
            EngineUnavailable: it cannot be loaded here.
        """
        return capabilities_of(self.get(name))

    def usable(self, name: str) -> bool:
        """Whether `name` is registered, loads, and reports itself available on this machine."""
        try:
            return self.get(name).unavailable() is None
        except (EngineError, EngineUnavailable):
            return False
