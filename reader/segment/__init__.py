"""Segmentation stage: an Article becomes a Document of headings and paragraphs of runs.

One public entry, `split`, plus `to_json` for the shape of `reader segments --json`. The rooms
inside: `page` (units of a page and the overall pass), `chrome` (what is page furniture),
`htmlpage` (HTML through trafilatura), `quotes` and `people` (quotations and who speaks them),
`language` (the language of each run). No audio and no I/O here.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from ..model import Document
from .page import split

__all__ = ["split", "to_json"]


def to_json(document: Document) -> dict[str, Any]:
    """A Document as the JSON of `reader segments --json` (DESIGN.md section 4)."""
    data = asdict(document)
    for block in data["blocks"]:
        block["kind"] = block["kind"].value
        for run in block["runs"]:
            run["role"] = run["role"].value
    for speaker in data["speakers"]:
        speaker["gender"] = speaker["gender"].value if speaker["gender"] else None
    return data
