"""Helpers for testing engines and pipelines, shipped so third-party engine authors can use them too."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar

from .engines.base import Capabilities, Engine, VoiceInfo, capabilities_of
from .engines.silence_engine import SilenceEngine
from .errors import EngineError
from .model import BlockKind, Line, Role, VoiceProfile
from .synth import check_clip

if TYPE_CHECKING:
    from pydub import AudioSegment

__all__ = ["RecordingEngine", "check_engine_contract", "make_line"]


@dataclass
class RecordingEngine(SilenceEngine):
    """Silence, plus a record of every (text, voice) it was asked to speak."""

    calls: list[tuple[str, VoiceProfile]] = field(default_factory=list)
    name: ClassVar[str] = "recording"

    def __post_init__(self) -> None:
        SilenceEngine.__init__(self)

    def synthesize(self, text: str, voice: VoiceProfile) -> AudioSegment:
        """Record the call, then answer like the silence engine."""
        self.calls.append((text, voice))
        return super().synthesize(text, voice)


def make_line(text: str, voice: VoiceProfile, block: int = 0, run: int = 0) -> Line:
    """A narration Line for `text`, for feeding engines and renderers directly."""
    return Line(block=block, run=run, kind=BlockKind.PARAGRAPH, role=Role.NARRATION, text=text, voice=voice)


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise AssertionError(message)


def check_engine_contract(engine: Engine, voice: VoiceProfile) -> None:
    """Assert the documented engine contract on this machine: metadata, voices, check() and real audio.

    Raises:
        AssertionError: the engine breaks the contract (the message says how).
        EngineError: the engine cannot speak here.
    """
    # Real checks, not `assert`: `python -O` strips asserts, and a contract check must never pass silently.
    _require(isinstance(engine.name, str) and bool(engine.name), "engine.name must be a non-empty string")
    _require(isinstance(engine.needs_network, bool), "engine.needs_network must be a bool")
    _require(isinstance(engine.version(), str) and bool(engine.version()), "version() must describe the engine")
    _require(isinstance(capabilities_of(engine), Capabilities), "capabilities must be a Capabilities")
    reason = engine.unavailable()
    if reason is not None:
        raise EngineError(f"{engine.name} is unavailable here: {reason}")
    listed = engine.list_voices()
    _require(all(isinstance(v, VoiceInfo) for v in listed), "list_voices() must return VoiceInfo items")
    engine.check(voice)
    text = "The harbour ferry will run every night this winter."
    audio = engine.synthesize(text, voice)
    _require(audio.sample_width == 2, "clips must be 16-bit")
    _require(audio.frame_rate >= 8000, "clips need a real sample rate")
    check_clip(make_line(text, voice), audio, speaks=engine.speaks)
