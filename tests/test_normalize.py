"""Text normalization, table-driven, English and Russian, with a user lexicon that wins."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.errors import VoiceError
from reader.normalize import load_lexicon, normalize


@pytest.mark.parametrize(
    ("text", "spoken"),
    [
        ("86% of the region", "eighty-six percent of the region"),
        ("It costs $3.50.", "It costs three dollars fifty cents."),
        ("about $1.2 million", "about one point two million dollars"),
        ("€18,000 in total", "eighteen thousand euros in total"),
        ("on 14 March 2025", "on the fourteenth of March twenty twenty-five"),
        ("On March 13, it began.", "On March thirteenth, it began."),
        ("at 11:45 p.m. sharp", "at eleven forty-five p m sharp"),
        ("at 7:05", "at seven oh five"),
        ("the 1st and 22nd", "the first and twenty-second"),
        ("since 1993", "since nineteen ninety-three"),
        ("270,000 records", "two hundred and seventy thousand records"),
        ("rose by 1.8 °C", "rose by one point eight degrees Celsius"),
        ("the HSE and NATO", "the H S E and Nato"),
        ("US officials", "U S officials"),
        ("Commander—in-Chief [Vladimir Putin] came", "Commander-in-Chief Vladimir Putin came"),
        ("Ukraine.: We agree", "Ukraine: We agree"),
        ("come - tomorrow", "come, tomorrow"),
    ],
)
def test_english(text: str, spoken: str) -> None:
    assert normalize(text, "en") == spoken


@pytest.mark.parametrize(
    ("text", "spoken"),
    [
        ("более 86% региона", "более восемьдесят шесть процентов региона"),
        ("21% голосов", "двадцать один процент голосов"),
        ("3% роста", "три процента роста"),
        ("стоит $5", "стоит пять долларов"),
        ("в 2014 году", "в две тысячи четырнадцать году"),
    ],
)
def test_russian(text: str, spoken: str) -> None:
    assert normalize(text, "ru") == spoken


def test_other_languages_keep_digits_for_the_engine() -> None:
    assert normalize("Le 14 mars — 86 %", "fr") == "Le 14 mars, 86 %"


def test_lexicon_wins(tmp_path: Path) -> None:
    path = tmp_path / "lexicon.toml"
    path.write_text('Witkoff = "Whit-koff"\nHSE = "Higher School of Economics"\n[ru]\n"МГИМО" = "эм-гимо"\n',
                    encoding="utf-8")
    lexicon = load_lexicon(path, "en")
    assert normalize("Witkoff met the HSE team.", "en", lexicon) == "Whit-koff met the Higher School of Economics team."
    assert load_lexicon(path, "ru")["МГИМО"] == "эм-гимо"
    path.write_text("x = 3\n")
    with pytest.raises(VoiceError, match="entry 'x'"):
        load_lexicon(path)
