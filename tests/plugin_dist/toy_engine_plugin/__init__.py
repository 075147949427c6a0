"""A third-party engine that exists only as an entry point of its own distribution (tests only).

It "speaks" a tone per character: enough for the pipeline's checks of real speech (length and
level), with pitch and rate honoured so that speaker variants and --engine prosody are audible.
"""

from __future__ import annotations

import math
import struct
from typing import Any, ClassVar

from reader.engines import Capabilities, VoiceInfo
from reader.errors import VoiceError

RATE = 16000


class ToyEngine:
    """Tones for text, in Dutch and Esperanto only."""

    name: ClassVar[str] = "toy"
    needs_network: ClassVar[bool] = False
    speaks: ClassVar[bool] = True
    capabilities: ClassVar[Capabilities] = Capabilities(language_voices=True, rank=1)

    def version(self) -> str:
        return "toy-1"

    def unavailable(self) -> str | None:
        return None

    def list_voices(self) -> list[VoiceInfo]:
        return [VoiceInfo(id="nl", name="Toy Dutch", languages=("nl",)),
                VoiceInfo(id="eo", name="Toy Esperanto", languages=("eo",))]

    def check(self, voice: Any) -> None:
        if voice.options:
            raise VoiceError(f"voice {voice.name!r}: the toy engine takes no options")

    def synthesize(self, text: str, voice: Any) -> Any:
        from pydub import AudioSegment

        frames = int(RATE * 0.07 * len(text) / voice.rate)
        hz = 180.0 * voice.pitch
        pcm = b"".join(struct.pack("<h", int(8000 * math.sin(2 * math.pi * hz * i / RATE))) for i in range(frames))
        return AudioSegment(pcm, frame_rate=RATE, sample_width=2, channels=1)
