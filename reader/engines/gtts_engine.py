"""Google Translate's voices through gTTS. Online only; many languages, accents by `tld`."""

from __future__ import annotations

import io
import logging
import socket
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, ClassVar

from ..errors import EngineError, EngineUnavailable, ExportError, TransientEngineError, VoiceError
from .base import Capabilities, VoiceInfo, check_options

if TYPE_CHECKING:
    from pydub import AudioSegment

    from ..model import VoiceProfile

__all__ = ["GttsEngine"]

log = logging.getLogger(__name__)

_OPTIONS = {"tld": str, "slow": bool}
_RATE = 24000
"""gTTS returns 24 kHz mono MP3."""
_NETWORK = (
    "gtts needs network access to Google's text-to-speech service; connect, or pass --fallback "
    "to read these runs with an offline voice"
)


class GttsEngine:
    """Google Translate text-to-speech. `voice` is unused; `language` and the `tld` option pick the voice."""

    name: ClassVar[str] = "gtts"
    needs_network: ClassVar[bool] = True
    speaks: ClassVar[bool] = True
    # Google has one speed and pitch; different accents make different speakers.
    capabilities: ClassVar[Capabilities] = Capabilities(
        prosody=False, language_voices=True, rank=40, voices_offline=True,
        speaker_option=("tld", ("com", "co.uk", "com.au", "co.in", "ca", "ie", "co.za")),
    )

    def __init__(self, timeout: float = 10.0) -> None:
        self.timeout = timeout
        """Seconds to wait for the service per request."""
        self._reachable: bool | None = None

    def version(self) -> str:
        """gTTS version, for cache keys."""
        try:
            return f"gTTS {version('gTTS')}"
        except PackageNotFoundError:
            return "gTTS missing"

    def _probe(self) -> bool:
        """Whether Google's service answers a TCP connection within a few seconds (cached per run)."""
        if self._reachable is None:
            try:
                socket.create_connection(("translate.google.com", 443), timeout=min(self.timeout, 5.0)).close()
                self._reachable = True
            except OSError as exc:
                log.debug("gtts probe failed: %s", exc)
                self._reachable = False
        return self._reachable

    def unavailable(self) -> str | None:
        """Why gTTS cannot be used right now, or None."""
        try:
            import gtts  # noqa: F401
        except ImportError:
            return "needs the gTTS package; fix: pip install gTTS"
        return None if self._probe() else _NETWORK

    def list_voices(self) -> list[VoiceInfo]:
        """Languages gTTS knows (from its local table; no network)."""
        from gtts.lang import tts_langs

        return [VoiceInfo(id=code, name=name, languages=(code,), description="set accents with options.tld")
                for code, name in sorted(tts_langs().items())]

    def check(self, voice: VoiceProfile) -> None:
        """Language must be one gTTS knows; options limited to tld and slow."""
        from gtts.lang import tts_langs

        check_options(voice, self.name, _OPTIONS)
        if voice.rate != 1.0 or voice.pitch != 1.0:
            raise VoiceError(f"voice {voice.name!r}: gtts has one speed and pitch; use options.slow = true instead")
        lang = voice.voice or voice.language
        if lang not in tts_langs():
            raise VoiceError(f"voice {voice.name!r}: gtts has no language {lang!r} (`reader voices --engine gtts`)")

    def synthesize(self, text: str, voice: VoiceProfile) -> AudioSegment:
        """Fetch MP3 from the service and decode it; retryable failures raise TransientEngineError."""
        import requests
        from gtts import gTTS, gTTSError
        from pydub import AudioSegment

        from .. import ffmpeg

        if not self._probe():
            raise EngineUnavailable(_NETWORK)
        tld = str(voice.options.get("tld", "com"))
        buffer = io.BytesIO()
        try:
            gTTS(text, lang=voice.voice or voice.language, tld=tld, slow=bool(voice.options.get("slow", False)),
                 lang_check=False, timeout=self.timeout).write_to_fp(buffer)
        except gTTSError as exc:
            status = getattr(exc.rsp, "status_code", None)
            cause = exc.__context__
            if status == 429 or (status is not None and status >= 500):
                raise TransientEngineError(f"gtts: {exc}") from exc
            if status is None and isinstance(cause, requests.exceptions.Timeout):
                raise TransientEngineError(f"gtts: no answer within {self.timeout:g} s") from exc
            if status is None:
                raise EngineUnavailable(f"{_NETWORK} ({exc})") from exc
            raise EngineError(f"gtts: {exc}") from exc
        if not buffer.getvalue():
            raise EngineError("gtts: the service returned no audio")
        try:
            pcm = ffmpeg.decode(buffer.getvalue(), "gtts audio", sample_rate=_RATE)
        except ExportError as exc:
            raise EngineError(str(exc)) from exc
        return AudioSegment(pcm, frame_rate=_RATE, sample_width=2, channels=1)
