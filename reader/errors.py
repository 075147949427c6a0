"""The one exception root. Every user-fixable failure derives from ReaderError."""

from __future__ import annotations

__all__ = [
    "ArticleError",
    "EngineError",
    "EngineUnavailable",
    "TransientEngineError",
    "ExportError",
    "ReaderError",
    "VoiceError",
]


class ReaderError(Exception):
    """Something the user can fix. The CLI prints str(exc) on one line and exits 1."""

    def within(self, context: str) -> ReaderError:
        """This same error with `context` (a file, episode or line) put before its message, once.

        Re-raising the same object keeps its class and attributes; building a new one with
        `type(exc)(message)` breaks for subclasses whose constructors take other arguments.
        """
        message = str(self)
        if not message.startswith(context):  # already placed (e.g. "block 2, run 1 (piper, …)")
            self.args = (f"{context}: {message}",)
        return self


class ArticleError(ReaderError):
    """Input unreadable, or nothing left to speak."""


class VoiceError(ReaderError):
    """A voice profile is missing, malformed, or unusable by its engine."""


class EngineError(ReaderError):
    """An engine failed on a segment."""


class EngineUnavailable(EngineError):
    """An engine's package, OS voice, or network is missing."""


class TransientEngineError(EngineError):
    """An online engine failed in a way worth retrying (rate limit, server error, timeout)."""


class ExportError(ReaderError):
    """Audio could not be encoded or written."""
