"""eSpeak NG: about a hundred languages, offline, very fast.

Synthesis runs in process through libespeak-ng (ctypes): the system's library when eSpeak NG is
installed, else the copy that piper-tts bundles for its phonemizer (its extension module exports the
whole eSpeak NG API, and its `espeak-ng-data` holds the voices), so `pip install` alone speaks every
language. The `espeak-ng` program is the last resort, when no library can be loaded.
`READER_ESPEAK_LIBRARY` picks one: `system`, `bundled`, or a path to a libespeak-ng file.
"""

from __future__ import annotations

import ctypes
import itertools
import logging
import os
import shutil
import subprocess
import tempfile
import threading
import wave
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from ..errors import EngineError, VoiceError
from .base import Capabilities, VoiceInfo, check_options, program_version

if TYPE_CHECKING:
    from pydub import AudioSegment

    from ..model import VoiceProfile

__all__ = ["LIBRARY_ENV", "EspeakEngine", "bundled_library", "espeak_executable", "list_espeak_voices", "read_wav"]

log = logging.getLogger(__name__)

_DEFAULT_WPM = 175
_DEFAULT_PITCH = 50
_OPTIONS = {"variant": str, "gap": int}
_INSTALL = ("pip install 'piper-tts>=1.8,<1.9' (it bundles eSpeak NG), or install eSpeak NG "
            "(Debian/Ubuntu: apt install espeak-ng; macOS: brew install espeak-ng; Windows: the espeak-ng .msi)")
LIBRARY_ENV = "READER_ESPEAK_LIBRARY"
"""Environment variable choosing the eSpeak NG library: `system`, `bundled` or a file path."""


def espeak_executable() -> str | None:
    """Path of `espeak-ng` (or the older `espeak`) on PATH."""
    return shutil.which("espeak-ng") or shutil.which("espeak")


def bundled_library() -> tuple[Path, Path] | None:
    """piper-tts's eSpeak NG as (extension module exporting the eSpeak NG API, its espeak-ng-data folder)."""
    import importlib.util

    try:
        spec = importlib.util.find_spec("piper")
    except (ImportError, ValueError):
        return None
    if spec is None or spec.origin is None:
        return None
    folder = Path(spec.origin).parent
    data = folder / "espeak-ng-data"
    modules = sorted(folder.glob("espeakbridge*.so")) + sorted(folder.glob("espeakbridge*.pyd"))
    return (modules[0], data) if modules and data.is_dir() else None


@cache
def list_espeak_voices() -> tuple[VoiceInfo, ...]:
    """Every voice eSpeak NG has (as `espeak-ng --voices` lists them)."""
    library = _library()
    if library is not None:
        return library.voices()
    exe = espeak_executable()
    if exe is None:
        return ()
    out = subprocess.run([exe, "--voices"], capture_output=True, text=True, timeout=30, check=False).stdout
    voices = []
    for line in out.splitlines()[1:]:
        parts = line.split()
        if len(parts) >= 5:
            lang, gender, name, file = parts[1], parts[2].split("/")[-1], parts[3], parts[4]
            voices.append(VoiceInfo(id=lang, name=name.replace("_", " "), languages=(lang,),
                                    gender={"M": "male", "F": "female"}.get(gender),
                                    description=f"espeak-ng file {file}"))
    return tuple(voices)


@cache
def _variants() -> frozenset[str]:
    library = _library()
    if library is not None:
        return frozenset(v.description.rsplit("/", 1)[-1].lower() for v in library.voices(b"variant"))
    exe = espeak_executable()
    if exe is None:
        return frozenset()
    out = subprocess.run([exe, "--voices=variant"], capture_output=True, text=True, timeout=30, check=False).stdout
    names = set()
    for line in out.splitlines()[1:]:
        parts = line.split()
        if len(parts) >= 5:
            names.add(parts[4].split("/")[-1].lower())
    return frozenset(names)


@cache
def _version() -> str:
    library = _library()
    if library is not None:
        return f"espeak-ng {library.version} ({library.origin})"
    exe = espeak_executable()
    if exe is None:
        return "espeak-ng missing"
    return program_version(exe, "espeak-ng")


def read_wav(path: str) -> AudioSegment:
    """A WAV file as an AudioSegment (16-bit PCM), without ffmpeg.

    Raises:
        EngineError: the file is missing or not a readable WAV.
    """
    from pydub import AudioSegment

    try:
        with wave.open(path, "rb") as wav:
            frames = wav.readframes(wav.getnframes())
            return AudioSegment(frames, frame_rate=wav.getframerate(), sample_width=wav.getsampwidth(),
                                channels=wav.getnchannels())
    except (OSError, EOFError, wave.Error) as exc:
        raise EngineError(f"unreadable audio file {path}: {exc}") from exc


class _Voice(ctypes.Structure):
    """espeak_VOICE, as speak_lib.h declares it."""

    _fields_ = [("name", ctypes.c_char_p), ("languages", ctypes.c_void_p), ("identifier", ctypes.c_char_p),
                ("gender", ctypes.c_ubyte), ("age", ctypes.c_ubyte), ("variant", ctypes.c_ubyte),
                ("xx1", ctypes.c_ubyte), ("score", ctypes.c_int), ("spare", ctypes.c_void_p)]


def _private_copy(module: Path) -> str:
    """A private copy of piper's extension module to load with ctypes.

    Loading the same file again would share the instance piper's phonemizer uses (one set of
    globals: voice, callback), and a Piper sentence phonemized while eSpeak NG speaks in another
    thread would switch language under it. A copy is a separate instance.
    """
    import shutil

    fd, name = tempfile.mkstemp(prefix="reader-espeak-", suffix=module.suffix)
    os.close(fd)
    shutil.copyfile(module, name)
    return name


class _Library:
    """libespeak-ng through ctypes: in-process synthesis, without a program start per sentence.

    The library keeps global state and is not thread-safe, so every call holds one lock. Threads
    that speak at once each get an instance of their own (`_speaking`): a private copy of the file,
    loaded again, has its own globals.
    """

    _SYNCHRONOUS = 2  # AUDIO_OUTPUT_SYNCHRONOUS: samples arrive through the callback
    _BUFFER_MS = 500
    """Audio per callback: the default (60 ms) calls back into Python about 20 times a second of speech;
    the text is spoken whole before speak() returns either way, so larger pieces only save calls."""
    _RATE, _PITCH, _WORDGAP = 1, 3, 7  # espeak_PARAMETER values
    _CHARS_UTF8 = 1

    def __init__(self, path: str, data: Path | None = None, origin: str = "system", private: bool = False) -> None:
        copy = _private_copy(Path(path)) if origin == "bundled" or private else None
        try:
            self.lib = ctypes.CDLL(copy or path)
        finally:
            if copy:
                try:  # the mapping outlives the name (on Windows the open file cannot go: left in temp)
                    os.unlink(copy)
                except OSError:
                    pass
        self.origin = origin
        self.path = _loaded_file(path) if copy is None else path
        """The library file itself (for more instances), when it can be found."""
        self.data = data
        home = str(data.parent).encode() if data is not None else None
        self.sample_rate = int(self.lib.espeak_Initialize(self._SYNCHRONOUS, self._BUFFER_MS, home, 0))
        if self.sample_rate <= 0:
            raise OSError(f"espeak_Initialize failed ({self.sample_rate})")
        self._chunks: list[bytes] = []
        callback_type = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.c_void_p)

        def collect(wav: Any, count: int, events: Any) -> int:
            if count > 0:
                self._chunks.append(ctypes.string_at(wav, count * 2))
            return 0

        self._callback = callback_type(collect)  # kept referenced: the library calls it later
        self.lib.espeak_SetSynthCallback(self._callback)
        self.lib.espeak_Synth.argtypes = [ctypes.c_char_p, ctypes.c_size_t, ctypes.c_uint, ctypes.c_int,
                                          ctypes.c_uint, ctypes.c_uint, ctypes.c_void_p, ctypes.c_void_p]
        self.lib.espeak_ListVoices.restype = ctypes.POINTER(ctypes.POINTER(_Voice))
        self.lib.espeak_ListVoices.argtypes = [ctypes.POINTER(_Voice)]
        self.lib.espeak_Info.restype = ctypes.c_char_p
        self.lib.espeak_Info.argtypes = [ctypes.c_void_p]
        self.version = (self.lib.espeak_Info(None) or b"unknown").decode("utf-8", "replace").split()[0]
        self.lock = threading.RLock()  # re-entered when a voice is looked up while speaking

    def voices(self, kind: bytes | None = None) -> tuple[VoiceInfo, ...]:
        """The voices (or, with kind b"variant", the variants) in the library's data folder."""
        spec = None
        if kind is not None:
            spec = _Voice()
            spec.languages = ctypes.cast(ctypes.c_char_p(kind), ctypes.c_void_p)
        with self.lock:
            found = self.lib.espeak_ListVoices(ctypes.byref(spec) if spec is not None else None)
            out = []
            for i in itertools.count():
                if not found[i]:
                    break
                voice = found[i].contents
                # `languages` is a list of (priority byte, NUL-terminated name); the first is the main one.
                lang = ctypes.string_at(voice.languages + 1).decode("utf-8", "replace") if voice.languages else ""
                file = (voice.identifier or b"").decode("utf-8", "replace")
                out.append(VoiceInfo(id=lang, name=(voice.name or b"").decode("utf-8", "replace").replace("_", " "),
                                     languages=(lang,), gender={1: "male", 2: "female"}.get(voice.gender),
                                     description=f"espeak-ng file {file}"))
        return tuple(out)

    def speak(self, text: str, voice: str, wpm: int, pitch: int, gap: int = 0) -> bytes:
        data = text.encode("utf-8") + b"\0"
        with self.lock:
            if self.lib.espeak_SetVoiceByName(voice.encode("utf-8")) != 0:
                # Language ids such as "fr-fr" are not voice names; the voice file ("roa/fr") is.
                base, plus, variant = voice.partition("+")
                found = [v.description.rsplit(" ", 1)[-1] for v in list_espeak_voices()
                         if v.id.lower() == base.lower()]
                if not found or self.lib.espeak_SetVoiceByName((found[0] + plus + variant).encode("utf-8")) != 0:
                    raise EngineError(f"espeak: the library has no voice {voice!r}")
            self.lib.espeak_SetParameter(self._RATE, wpm, 0)
            self.lib.espeak_SetParameter(self._PITCH, pitch, 0)
            self.lib.espeak_SetParameter(self._WORDGAP, gap, 0)
            self._chunks = []
            status = self.lib.espeak_Synth(data, len(data), 0, 1, 0, self._CHARS_UTF8, None, None)
            if status != 0:
                raise EngineError(f"espeak: synthesis failed (status {status})")
            return b"".join(self._chunks)


_LIBRARY_LOCK = threading.Lock()
_LIBRARY: list[_Library | None] = []
_IDLE: list[_Library] = []
"""Instances not speaking now; the first library is one of them."""
_INSTANCES: list[_Library] = []
"""Every instance made, the first library first."""


def _loaded_file(name: str) -> str | None:
    """The file a library loaded by `name` came from (a soname such as libespeak-ng.so.1 is not a
    path): read from the process's memory map on Linux; None elsewhere."""
    if os.path.isabs(name):
        return name
    stem = os.path.basename(name).split(".so")[0] + ".so"
    try:
        with open("/proc/self/maps", encoding="utf-8", errors="replace") as maps:
            for line in maps:
                found = line.rstrip("\n").split(None, 5)[-1]
                if os.path.isabs(found) and os.path.basename(found).startswith(stem):
                    return found
    except OSError:
        pass
    return None


@contextmanager
def _speaking(library: _Library) -> Iterator[_Library]:
    """An instance of `library` for this thread alone while it speaks: an idle one, or a new private
    copy while fewer than the cores are speaking, so threads speak in parallel (eSpeak NG itself
    uses one core); else wait for the first library."""
    with _LIBRARY_LOCK:
        instance = _IDLE.pop() if _IDLE else None
        # Not on Windows, where a loaded copy cannot be deleted and each would stay in the temp folder.
        if instance is None and library.path and os.name != "nt" and len(_INSTANCES) < (os.cpu_count() or 1):
            try:
                instance = _Library(library.path, library.data, library.origin, private=True)
                _INSTANCES.append(instance)
                log.debug("eSpeak NG: instance %d of %s", len(_INSTANCES), library.path)
            except (OSError, AttributeError) as exc:
                log.debug("no further eSpeak NG instance (%s)", exc)
    if instance is None:
        yield library  # its lock makes this thread wait its turn
        return
    try:
        yield instance
    finally:
        with _LIBRARY_LOCK:
            _IDLE.append(instance)


def _library_candidates() -> list[tuple[str, Path | None, str]]:
    """Libraries to try, in order, as (file, data folder or None for its default, origin)."""
    import ctypes.util

    choice = os.environ.get(LIBRARY_ENV, "").strip()
    system = ("system", ctypes.util.find_library("espeak-ng") or "libespeak-ng.so.1")
    bundled = bundled_library()
    out: list[tuple[str, Path | None, str]] = []
    if choice in ("", "system"):
        out.append((system[1], None, "system"))
    if choice in ("", "bundled") and bundled is not None:
        out.append((str(bundled[0]), bundled[1], "bundled"))
    if choice not in ("", "system", "bundled"):
        out.append((choice, None, "system"))
    return out


def _library() -> _Library | None:
    """The shared library binding, made once (under a lock: two first calls at once corrupt its state)."""
    with _LIBRARY_LOCK:
        if not _LIBRARY:
            for path, data, origin in _library_candidates():
                try:
                    library = _Library(path, data, origin)
                    _LIBRARY.append(library)
                    _INSTANCES.append(library)
                    _IDLE.append(library)
                    log.debug("eSpeak NG: %s library %s", origin, path)
                    break
                except (OSError, AttributeError) as exc:
                    log.debug("eSpeak NG library %s unusable (%s)", path, exc)
            else:
                log.debug("no eSpeak NG library; using the espeak-ng program if there is one")
                _LIBRARY.append(None)
        return _LIBRARY[0]


class EspeakEngine:
    """eSpeak NG voices by language id ('en-us', 'ru', 'de'), with optional variants ('f3')."""

    name: ClassVar[str] = "espeak"
    needs_network: ClassVar[bool] = False
    speaks: ClassVar[bool] = True
    # eSpeak NG ships its own voice variants, each a different synthetic person.
    capabilities: ClassVar[Capabilities] = Capabilities(
        language_voices=True, rank=20, fallback=True, voicing=True,
        gendered_option=("variant", ("m1", "m3", "m2", "m7", "m4", "m6"), ("f1", "f3", "f2", "f4", "f5")),
    )

    def version(self) -> str:
        """espeak-ng's own version line, for cache keys."""
        return _version()

    def unavailable(self) -> str | None:
        """Why eSpeak NG cannot run here, or None."""
        if _library() is not None or espeak_executable():
            return None
        return f"no eSpeak NG library or espeak-ng program found; fix: {_INSTALL}"

    def list_voices(self) -> list[VoiceInfo]:
        """Installed eSpeak NG voices."""
        return list(list_espeak_voices())

    def _voice_arg(self, voice: VoiceProfile) -> str:
        base = voice.voice or voice.language or "en"
        variant = voice.options.get("variant")
        return f"{base}+{variant}" if variant else base

    def check(self, voice: VoiceProfile) -> None:
        """The voice id must be one eSpeak NG lists, and options known."""
        check_options(voice, self.name, _OPTIONS)
        if _library() is None and espeak_executable() is None:
            return  # unavailable() reports this with the fix
        base = (voice.voice or voice.language or "en").lower()
        known = {v.id.lower() for v in list_espeak_voices()}
        known |= {k.split("-")[0] for k in known}  # "en" picks eSpeak's preferred English voice
        files = {v.description.rsplit(" ", 1)[-1].lower() for v in list_espeak_voices()}
        if base not in known and base not in files:
            close = sorted(k for k in known if k.split("-")[0] == base.split("-")[0])[:8]
            hint = f"; close: {', '.join(close)}" if close else "; `reader voices --engine espeak` lists them"
            raise VoiceError(f"voice {voice.name!r}: espeak has no voice {base!r}{hint}")
        variant = voice.options.get("variant")
        if isinstance(variant, str) and variant.lower() not in _variants():
            raise VoiceError(f"voice {voice.name!r}: espeak has no variant {variant!r}")

    def synthesize(self, text: str, voice: VoiceProfile) -> AudioSegment:
        """Speak `text` through libespeak-ng in process, or the `espeak-ng -w` program when no library
        can be loaded (the text goes through stdin, never the command line). eSpeak sets the pitch
        itself; formants and pitch range are then moved by voicing."""
        audio = self._speak(text, voice)
        if (voice.formant, voice.pitch_range, voice.brightness) == (1.0, 1.0, 0.0):
            return audio
        import numpy as np

        from ..voicing import Voicing, transform

        samples = np.frombuffer(audio.raw_data, dtype=np.int16)
        moved = transform(samples, audio.frame_rate, Voicing(formant=voice.formant, pitch_range=voice.pitch_range,
                                                                      brightness=voice.brightness))
        return audio._spawn(moved.tobytes())

    def _speak(self, text: str, voice: VoiceProfile) -> AudioSegment:
        wpm = round(_DEFAULT_WPM * voice.rate)
        pitch = max(0, min(99, round(_DEFAULT_PITCH * voice.pitch)))
        library = _library()
        if library is not None:
            from pydub import AudioSegment

            gap = voice.options.get("gap")
            with _speaking(library) as instance:
                pcm = instance.speak(text, self._voice_arg(voice), wpm, pitch, gap=gap if isinstance(gap, int) else 0)
            return AudioSegment(pcm, frame_rate=library.sample_rate, sample_width=2, channels=1)
        exe = espeak_executable()
        if exe is None:
            raise EngineError(f"espeak: espeak-ng is not on PATH; fix: {_INSTALL}")
        fd, path = tempfile.mkstemp(prefix="reader-espeak-", suffix=".wav")
        os.close(fd)
        cmd = [exe, "-b", "1", "-v", self._voice_arg(voice), "-s", str(wpm), "-p", str(pitch), "-w", path]
        gap = voice.options.get("gap")
        if isinstance(gap, int):
            cmd += ["-g", str(gap)]
        try:
            done = subprocess.run(cmd, input=text.encode("utf-8"), capture_output=True, timeout=120, check=False)
            if done.returncode != 0:
                message = done.stderr.decode("utf-8", "replace").strip() or f"exit status {done.returncode}"
                raise EngineError(f"espeak: {message}")
            return read_wav(path)
        except subprocess.TimeoutExpired as exc:
            raise EngineError("espeak: espeak-ng did not finish within 120 s") from exc
        finally:
            os.unlink(path)
