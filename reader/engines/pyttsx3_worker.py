"""A child process that owns one pyttsx3 engine and writes utterances to files on request.

Run by `pyttsx3_engine` as `python -m reader.engines.pyttsx3_worker`; speaks JSON lines on stdin and
stdout. Keeping pyttsx3 in its own process lets the parent kill and replace it when a driver hangs
(nateshmbhat/pyttsx3 #194, #170), without losing the export that is running.
"""

from __future__ import annotations

import json
import sys
from typing import Any

# pyttsx3 prints progress ("Audio saved to …") on stdout; replies get the real stdout to themselves.
_OUT = sys.stdout
sys.stdout = sys.stderr


def _reply(message: dict[str, Any]) -> None:
    _OUT.write(json.dumps(message) + "\n")
    _OUT.flush()


def main() -> None:
    """Serve requests until stdin closes."""
    try:
        import pyttsx3

        engine = pyttsx3.init()
    except Exception as exc:  # any failure to start means "unavailable", reported to the parent
        _reply({"ok": False, "error": f"{type(exc).__name__}: {exc}"})
        return
    driver = type(engine.proxy._driver).__module__.rsplit(".", 1)[-1]
    default_rate = engine.getProperty("rate")
    default_voice = engine.getProperty("voice")
    _reply({"ok": True, "driver": driver, "rate": default_rate, "voice": default_voice})
    for line in sys.stdin:
        request = json.loads(line)
        try:
            if request.get("cmd") == "voices":
                voices = [{"id": v.id, "name": v.name, "languages": [str(x) for x in (v.languages or [])],
                           "gender": v.gender} for v in engine.getProperty("voices")]
                _reply({"ok": True, "voices": voices})
                continue
            engine.setProperty("voice", request.get("voice") or default_voice)
            engine.setProperty("rate", request.get("rate") or default_rate)
            engine.save_to_file(request["text"], request["path"])
            engine.runAndWait()
            _reply({"ok": True})
        except Exception as exc:  # reported to the parent, which names the segment
            _reply({"ok": False, "error": f"{type(exc).__name__}: {exc}"})


if __name__ == "__main__":
    main()
