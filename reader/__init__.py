"""article-reader: read news articles aloud, offline, into audio files people keep."""

from __future__ import annotations

import logging
import warnings

from .errors import ArticleError, EngineError, EngineUnavailable, ExportError, ReaderError, VoiceError
from .model import Article, Block, BlockKind, Document, Episode, Line, Role, Run, Skipped, VoiceProfile

__all__ = [
    "Article",
    "ArticleError",
    "Block",
    "BlockKind",
    "Document",
    "EngineError",
    "EngineUnavailable",
    "Episode",
    "ExportError",
    "Line",
    "ReaderError",
    "Role",
    "Run",
    "Skipped",
    "VoiceError",
    "VoiceProfile",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())
# pydub warns at import when no ffmpeg is on PATH. We never use its converter: encoding goes through
# the ffmpeg binary that imageio-ffmpeg ships (reader.ffmpeg), so the warning is only noise.
warnings.filterwarnings("ignore", message="Couldn't find ffmpeg or avconv", category=RuntimeWarning)
