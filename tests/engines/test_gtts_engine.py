"""gTTS without the internet: offline failure and fallback, retries, and success against a faked response."""

from __future__ import annotations

import base64
import socket
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest
import requests
from click.testing import CliRunner

from reader import casting, ffmpeg, pipeline
from reader.cli import App, cli
from reader.engines import Registry
from reader.engines.gtts_engine import GttsEngine
from reader.errors import EngineUnavailable, TransientEngineError, VoiceError
from reader.model import VoiceProfile
from reader.options import CastingOptions
from reader.synth import Renderer
from reader.testing import make_line

from ..conftest import SAMPLES

VOICE = VoiceProfile(name="gtts-en-uk", engine="gtts", language="en", options={"tld": "co.uk"})


@pytest.fixture(scope="module")
def tone_mp3() -> bytes:
    """One second of a 220 Hz tone as MP3, standing in for Google's audio."""
    return subprocess.run(
        [ffmpeg.executable(), "-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i",
         "sine=frequency=220:duration=1", "-ar", "24000", "-ac", "1", "-f", "mp3", "pipe:1"],
        capture_output=True, check=True).stdout


def _response(status: int, body: bytes = b"") -> requests.Response:
    r = requests.Response()
    r.status_code = status
    r.reason = {200: "OK", 429: "Too Many Requests", 503: "Service Unavailable"}.get(status, "")
    r._content = body
    r._content_consumed = True
    r.request = requests.Request("POST", "https://translate.google.co.uk/x").prepare()
    return r


def _batch(mp3: bytes) -> bytes:
    payload = base64.b64encode(mp3).decode()
    return f')]}}\'\n\n[["wrb.fr","jQ1olc","[\\"{payload}\\"]",null,null,null,"generic"]]\n'.encode()


@pytest.fixture
def offline(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any, **kwargs: Any) -> socket.socket:
        raise OSError("Network is unreachable")

    monkeypatch.setattr(socket, "create_connection", refuse)


def _online(engine: GttsEngine) -> GttsEngine:
    engine._reachable = True
    return engine


def test_offline_is_unavailable_with_a_reason(offline: None) -> None:
    engine = GttsEngine()
    assert "network access" in (engine.unavailable() or "")
    with pytest.raises(EngineUnavailable, match="network access"):
        engine.synthesize("Hello there.", VOICE)


def test_success_against_a_faked_response(monkeypatch: pytest.MonkeyPatch, tone_mp3: bytes) -> None:
    sent: list[str] = []

    def send(self: requests.Session, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:
        sent.append(str(request.url))
        return _response(200, _batch(tone_mp3))

    monkeypatch.setattr(requests.Session, "send", send)
    audio = _online(GttsEngine()).synthesize("The ferry runs all winter.", VOICE)
    assert audio.frame_rate == 24000
    assert 900 <= len(audio) <= 1200 * len(sent)
    assert sent and "translate.google.co.uk" in sent[0], "the tld option picks the accent's host"


def test_rate_limits_are_retried_with_backoff(monkeypatch: pytest.MonkeyPatch, tone_mp3: bytes) -> None:
    answers = [_response(429), _response(503), _response(200, _batch(tone_mp3))]
    monkeypatch.setattr(requests.Session, "send", lambda self, request, **kw: answers.pop(0))
    slept: list[float] = []
    engine = _online(GttsEngine())
    clip = Renderer(Registry({"gtts": lambda: engine}), sleep=slept.append)(make_line("Hello there, everyone.", VOICE))
    assert slept == [1.0, 2.0]
    assert len(clip.audio) > 900


def test_persistent_server_errors_fail_naming_the_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(requests.Session, "send", lambda self, request, **kw: _response(503))
    engine = _online(GttsEngine())
    renderer = Renderer(Registry({"gtts": lambda: engine}), sleep=lambda s: None)
    with pytest.raises(TransientEngineError, match="block 3, run 2.*503"):
        renderer(make_line("Hello there, everyone.", VOICE, block=2, run=1))


def test_timeouts_are_transient(monkeypatch: pytest.MonkeyPatch) -> None:
    def slow(self: requests.Session, request: requests.PreparedRequest, **kw: Any) -> requests.Response:
        raise requests.exceptions.ReadTimeout("read timed out")

    monkeypatch.setattr(requests.Session, "send", slow)
    with pytest.raises(TransientEngineError, match="no answer"):
        _online(GttsEngine()).synthesize("Hello there.", VOICE)


def test_check_rejects_unknown_language_and_options() -> None:
    engine = GttsEngine()
    with pytest.raises(VoiceError, match="no language 'xx'"):
        engine.check(VoiceProfile(name="x", engine="gtts", language="xx"))
    with pytest.raises(VoiceError, match="unknown gtts option"):
        engine.check(VoiceProfile(name="x", engine="gtts", options={"accent": "uk"}))


def test_cli_export_offline_is_one_line_error_fast(offline: None, tmp_path: Path) -> None:
    started = time.monotonic()
    result = CliRunner().invoke(cli, ["export", str(SAMPLES / "harbour-ferry.txt"), "-o", str(tmp_path / "x.mp3"),
                                      "--engine", "gtts"], obj=App())
    assert result.exit_code == 1
    assert "network access" in result.output and result.output.count("\n") == 1
    assert time.monotonic() - started < 20
    assert not list(tmp_path.iterdir())


def test_fallback_reads_offline_runs_with_the_offline_voice(offline: None) -> None:
    document = pipeline.read_document(str(SAMPLES / "harbour-ferry.txt"))
    planned = casting.plan(document, Registry.from_entry_points(),
                           CastingOptions(assignments={"narrator": "gtts-en-uk"}, fallback=True))
    narration = [line for line in planned.lines if line.fallback_from == "gtts-en-uk"]
    assert narration and all(line.voice.engine == "piper" for line in narration)
    assert any("gtts-en-uk" in w and "network access" in w for w in planned.warnings)


@pytest.mark.network
def test_live_service_speaks() -> None:
    audio = GttsEngine().synthesize("The ferry runs all winter.", VOICE)
    assert len(audio) > 800 and audio.dBFS > -40
