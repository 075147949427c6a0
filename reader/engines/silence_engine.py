"""A deterministic engine: silence sized to the text. For dry runs and exact-timing tests."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from ..errors import VoiceError
from .base import Capabilities, VoiceInfo

if TYPE_CHECKING:
    from pydub import AudioSegment

    from ..model import VoiceProfile

__all__ = ["SilenceEngine"]


class SilenceEngine:
    """Returns `ms_per_char` milliseconds of silence per character of text, at 22,050 Hz mono."""

    name: ClassVar[str] = "silence"
    needs_network: ClassVar[bool] = False
    speaks: ClassVar[bool] = False
    capabilities: ClassVar[Capabilities] = Capabilities(any_language=True, rank=90)
    sample_rate: ClassVar[int] = 22050

    def __init__(self, ms_per_char: int = 60) -> None:
        self.ms_per_char = ms_per_char

    def version(self) -> str:
        """Engine version for cache keys."""
        return f"silence-1/{self.ms_per_char}"

    def unavailable(self) -> str | None:
        """Always available."""
        return None

    def list_voices(self) -> list[VoiceInfo]:
        """One voice, which says nothing in every language."""
        return [VoiceInfo(id="silence", name="Silence", description="timing dry run")]

    def check(self, voice: VoiceProfile) -> None:
        """Accepts no engine options."""
        if voice.options:
            raise VoiceError(f"voice {voice.name!r}: the silence engine takes no options")

    def synthesize(self, text: str, voice: VoiceProfile) -> AudioSegment:
        """Silence of a length proportional to the text."""
        from pydub import AudioSegment

        frames = self.sample_rate * self.ms_per_char * len(text) // 1000
        return AudioSegment(b"\0\0" * frames, frame_rate=self.sample_rate, sample_width=2, channels=1)
