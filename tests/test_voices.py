"""Voice profiles: shipped set, user folders, and load-time validation that names file and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader import voices
from reader.errors import VoiceError


def test_shipped_profiles_cover_the_roles_and_languages() -> None:
    profiles = voices.load_profiles([])
    for name in ("default", "quote", "heading", "system", "espeak-ru", "espeak-de", "espeak-fr", "espeak-es",
                 "gtts-en-uk", "gtts-en-au"):
        assert name in profiles
    assert profiles["quote"].pitch != profiles["default"].pitch


def test_user_folder_overrides_shipped(tmp_path: Path) -> None:
    (tmp_path / "default.toml").write_text('engine = "espeak"\nvoice = "en-us"\n')
    assert voices.load_profiles([tmp_path])["default"].engine == "espeak"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('engine = "piper"\ntempo = 1.2\n', "unknown key 'tempo'"),
        ('engine = "piper"\nrate = "fast"\n', "key 'rate' must be float"),
        ('voice = "x"\n', "missing key 'engine'"),
        ('engine = "piper"\nrate = -1\n', "positive multiplier"),
        ("engine = ", "not valid TOML"),
    ],
)
def test_validation_names_file_and_key(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(content)
    with pytest.raises(VoiceError, match=message) as info:
        voices.load_profiles([tmp_path])
    assert str(path) in str(info.value)


def test_did_you_mean(tmp_path: Path) -> None:
    (tmp_path / "x.toml").write_text('engine = "piper"\nlanguge = "en"\n')
    with pytest.raises(VoiceError, match="did you mean 'language'"):
        voices.load_profiles([tmp_path])
