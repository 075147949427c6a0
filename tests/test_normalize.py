"""Text normalization, one table per rule: English and Russian in depth, numbers/dates/times elsewhere."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reader.errors import VoiceError
from reader.normalize import load_lexicon, normalize, utterances

EN = [
    # dates in every common written form; numeric ones by locale
    ("dates", "on 14/03/2025", "on March fourteenth, twenty twenty-five"),
    ("dates", "on 03/14/2025", "on March fourteenth, twenty twenty-five"),
    ("dates", "on 2025-03-14", "on March fourteenth, twenty twenty-five"),
    ("dates", "on 14.03.2025", "on March fourteenth, twenty twenty-five"),
    ("dates", "on 14 March 2025", "on the fourteenth of March, twenty twenty-five"),
    ("dates", "On March 13, it began.", "On March thirteenth, it began."),
    ("dates", "by March 14, 2025", "by March fourteenth, twenty twenty-five"),
    ("dates", "the 3rd of May", "the third of May"),
    ("dates", "on 5 Sept", "on the fifth of September"),
    # times
    ("times", "at 11:45 p.m. sharp", "at eleven forty-five p.m. sharp"),
    ("times", "at 7:05", "at seven oh five"),
    ("times", "at 14:30", "at fourteen thirty"),
    ("times", "at 9am", "at nine a.m."),
    ("times", "at 18:00", "at eighteen hundred"),
    ("times", "It ends at 10:30 p.m.", "It ends at ten thirty p.m."),
    ("times", "at 10:30 PM today", "at ten thirty p.m. today"),
    # fractions
    ("fractions", "1/3 of the vote", "one third of the vote"),
    ("fractions", "3/4 of them", "three quarters of them"),
    ("fractions", "½ of it", "one half of it"),
    ("fractions", "2½ cups", "two and a half cups"),
    ("fractions", "⅔ majority", "two thirds majority"),
    # ranges
    ("ranges", "in 2019–2021", "in twenty nineteen to twenty twenty-one"),
    ("ranges", "between 2019-2021", "between twenty nineteen and twenty twenty-one"),
    ("ranges", "by 10-15%", "by ten to fifteen percent"),
    # units: "45 min" is minutes, never "men"
    ("units", "45 min", "forty-five minutes"),
    ("units", "1 min", "one minute"),
    ("units", "3.5 km away", "three point five kilometres away"),
    ("units", "a 2 kg bag", "a two kilograms bag"),
    ("units", "at 60 mph", "at sixty miles per hour"),
    ("units", "rose by 1.8 °C", "rose by one point eight degrees Celsius"),
    ("units", "-5 °C at night", "minus five degrees Celsius at night"),
    ("units", "16 GB of memory", "sixteen gigabytes of memory"),
    ("units", "120 km/h", "one hundred and twenty kilometres per hour"),
    # currencies with scale
    ("currency", "It costs $3.50.", "It costs three dollars fifty cents."),
    ("currency", "about $1.2 million", "about one point two million dollars"),
    ("currency", "worth $500 million", "worth five hundred million dollars"),
    ("currency", "€1.2bn in aid", "one point two billion euros in aid"),
    ("currency", "£3m", "three million pounds"),
    ("currency", "€18,000 in total", "eighteen thousand euros in total"),
    ("currency", "20 USD", "twenty dollars"),
    # percent, ordinals, years, plain numbers
    ("numbers", "86% of the region", "eighty-six percent of the region"),
    ("numbers", "the 1st and 22nd", "the first and twenty-second"),
    ("numbers", "since 1993", "since nineteen ninety-three"),
    ("numbers", "since 2014, and", "since twenty fourteen, and"),
    ("numbers", "2,014 votes", "two thousand and fourteen votes"),
    ("numbers", "270,000 records", "two hundred and seventy thousand records"),
    # Roman numerals
    ("roman", "after World War II", "after World War two"),
    ("roman", "Henry VIII had six wives", "Henry the Eighth had six wives"),
    ("roman", "Elizabeth II's reign", "Elizabeth the Second's reign"),
    ("roman", "the XXI century", "the twenty-first century"),
    ("roman", "Chapter IV", "Chapter four"),
    ("roman", "I think", "I think"),
    # titles by context
    ("titles", "Mr. Smith and Mrs Jones", "Mister Smith and Missus Jones"),
    ("titles", "Dr. Anna Berg said", "Doctor Anna Berg said"),
    ("titles", "on Harley Dr. today", "on Harley Drive today"),
    ("titles", "St. Petersburg", "Saint Petersburg"),
    ("titles", "at 10 Baker St.", "at ten Baker Street."),
    ("titles", "Martin Luther King Jr. spoke", "Martin Luther King Junior spoke"),
    ("titles", "cats, dogs, etc. and e.g. mice", "cats, dogs, et cetera and for example mice"),
    # phone numbers digit by digit in groups
    ("phone", "call +1 (555) 123-4567", "call plus one, five five five, one two three, four five six seven"),
    ("phone", "call 555-0199 now", "call five five five, zero one nine nine now"),
    ("phone", "+44 20 7946 0958", "plus four four, two zero, seven nine four six, zero nine five eight"),
    # URLs and e-mail: the domain spoken, never letter by letter
    ("web", "see https://www.example.com/news", "see example dot com slash news"),
    ("web", "at bbc.co.uk today", "at B B C dot co dot U K today"),
    ("web", "write to press@example.org.", "write to press at example dot org."),
    ("web", "mail anna.berg@city-news.com", "mail anna berg at city news dot com"),
    ("web", "Follow #ClimateWeek", "Follow hashtag Climate Week"),
    ("web", "and @nasa_jpl", "and at nasa jpl"),
    # abbreviations as words or letters
    ("acronyms", "the HSE and NATO", "the H S E and Nato"),
    ("acronyms", "NASA and the FBI", "Nasa and the F B I"),
    ("acronyms", "US officials", "U S officials"),
    ("acronyms", "at MGIMO", "at Mgimo"),
    ("acronyms", "three CEOs", "three C E O's"),
    ("acronyms", "BREAKING NEWS FROM PARIS", "BREAKING NEWS FROM PARIS"),
    # punctuation clean-up
    ("punctuation", "Commander—in-Chief [Vladimir Putin] came", "Commander-in-Chief Vladimir Putin came"),
    ("punctuation", "Ukraine.: We agree", "Ukraine: We agree"),
    ("punctuation", "come - tomorrow", "come, tomorrow"),
]


@pytest.mark.parametrize(("rule", "text", "spoken"), EN, ids=[f"{r}:{t}" for r, t, _ in EN])
def test_english(rule: str, text: str, spoken: str) -> None:
    assert normalize(text, "en") == spoken


def test_numeric_dates_follow_the_locale() -> None:
    assert normalize("on 04/03/2025", "en") == "on April third, twenty twenty-five"
    assert normalize("on 04/03/2025", "en-gb") == "on the fourth of March, twenty twenty-five"
    assert normalize("on 03/14/2025", "en-gb") == "on the fourteenth of March, twenty twenty-five"


RU = [
    ("dates", "Встреча прошла 14.03.2025.", "Встреча прошла четырнадцатого марта две тысячи двадцать пятого года."),
    ("dates", "с 2025-03-14", "с четырнадцатого марта две тысячи двадцать пятого года"),
    ("dates", "до 14/03/2025", "до четырнадцатого марта две тысячи двадцать пятого года"),
    ("dates", "подписан 14 марта 2025 года", "подписан четырнадцатого марта две тысячи двадцать пятого года"),
    ("dates", "к 1 мая", "к первому мая"),
    ("dates", "на 9 мая", "на девятое мая"),
    ("years", "в 2014 году", "в две тысячи четырнадцатом году"),
    ("years", "2025 год стал", "две тысячи двадцать пятый год стал"),
    ("years", "в 2025 г. доход", "в две тысячи двадцать пятом году доход"),
    ("years", "в 1990-х годах", "в тысяча девятьсот девяностых годах"),
    ("years", "к 2030 году", "к две тысячи тридцатому году"),
    ("decades", "в 1990-е годы", "в тысяча девятьсот девяностые годы"),
    ("decades", "в 2000-е", "в двухтысячные"),
    ("decades", "в 1990-х гг. в стране", "в тысяча девятьсот девяностых годах в стране"),
    ("decades", "до 1980-х гг. Потом", "до тысяча девятьсот восьмидесятых годов. Потом"),
    ("decades", "в 1960–1970-х гг.", "в тысяча девятьсот шестидесятых-тысяча девятьсот семидесятых годах."),
    ("scores", "со счётом 2:1", "со счётом два-один"),
    ("years", "по 2030 год", "по две тысячи тридцатый год"),
    ("centuries", "XXI век", "двадцать первый век"),
    ("centuries", "в XX веке", "в двадцатом веке"),
    ("centuries", "начала XIX века", "начала девятнадцатого века"),
    ("regnal", "При Петре I", "При Петре Первом"),
    ("regnal", "Екатерина II правила", "Екатерина Вторая правила"),
    ("roman", "Глава II закона", "Глава вторая закона"),
    ("roman", "в томе IV собраны", "в томе четвёртом собраны"),
    ("roman", "во II квартале", "во втором квартале"),
    ("roman", "итоги III квартала", "итоги третьего квартала"),
    ("roman", "на XX съезде", "на двадцатом съезде"),
    ("roman", "песню I love you", "песню I love you"),
    ("times", "в 14:30", "в четырнадцать тридцать"),
    ("times", "в 9:05", "в девять ноль пять"),
    ("fractions", "1/3 голосов", "одна треть голосов"),
    ("fractions", "⅔ депутатов", "две трети депутатов"),
    ("fractions", "¾ жителей", "три четверти жителей"),
    ("fractions", "½ пути", "половина пути"),
    ("fractions", "2/5 бюджета", "две пятых бюджета"),
    ("fractions", "1/10 доли", "одна десятая доли"),
    ("fractions", "2½ часа", "два с половиной часа"),
    ("fractions", "около 1/3 средств", "около одной трети средств"),
    ("fractions", "около 2/5 средств", "около двух пятых средств"),
    ("percent", "более 86% региона", "более восьмидесяти шести процентов региона"),
    ("percent", "21% голосов", "двадцать один процент голосов"),
    ("percent", "3% роста", "три процента роста"),
    ("percent", "3,5% роста", "три целых пять десятых процента роста"),
    ("ranges", "на 10–15%", "на десять-пятнадцать процентов"),
    ("ranges", "в 2019–2021 годах", "в две тысячи девятнадцатом-две тысячи двадцать первом годах"),
    ("currency", "стоит $5", "стоит пять долларов"),
    ("currency", "5 млн рублей", "пять миллионов рублей"),
    ("currency", "контракт на $500 млн", "контракт на пятьсот миллионов долларов"),
    ("currency", "1,2 млрд долларов", "одна целая две десятых миллиарда долларов"),
    ("currency", "более 2 тыс. рублей", "более двух тысяч рублей"),
    ("currency", "100 руб.", "сто рублей."),
    ("currency", "до 180 руб. Около", "до ста восьмидесяти рублей. Около"),
    ("currency", "100 руб. в месяц", "сто рублей в месяц"),
    ("currency", "€21", "двадцать один евро"),
    ("units", "45 мин", "сорок пять минут"),
    ("units", "10 км", "десять километров"),
    ("units", "в 3 км от", "в три километра от"),
    ("units", "2 кг", "два килограмма"),
    ("units", "при −5 °C", "при минус пяти градусах Цельсия"),
    ("units", "днём до +3 °C", "днём до плюс трёх градусов Цельсия"),
    ("units", "16 ГБ", "шестнадцать гигабайтов"),
    ("agreement", "около 50 человек", "около пятидесяти человек"),
    ("agreement", "в 21 регионе", "в двадцати одном регионе"),
    ("agreement", "21 неделя", "двадцать одна неделя"),
    ("agreement", "2 книги", "две книги"),
    ("agreement", "к 5 часам", "к пяти часам"),
    ("agreement", "1 500 000 жителей", "один миллион пятьсот тысяч жителей"),
    ("agreement", "1 500 человек", "тысяча пятьсот человек"),
    ("agreement", "около 1500 человек", "около тысячи пятисот человек"),
    ("agreement", "1000 рублей", "тысяча рублей"),
    ("ordinals", "5-й раз", "пятый раз"),
    ("ordinals", "21-го числа", "двадцать первого числа"),
    ("ordinals", "3-я попытка", "третья попытка"),
    ("phone", "+7 (495) 123-45-67", "плюс семь, четыре девять пять, один два три, четыре пять, шесть семь"),
    ("web", "пишите на press@example.ru", "пишите на press собака example точка ru"),
    ("web", "сайт www.example.com/news", "сайт example точка com слэш news"),
    ("acronyms", "сообщает ТАСС", "сообщает тасс"),
    ("acronyms", "выпускник МГИМО", "выпускник мгимо"),
    ("acronyms", "ФСБ и США", "эф эс бэ и сэ шэ а"),
    ("acronyms", "НАТО и ООН", "нато и оон"),
    ("abbreviations", "т.е. всё", "то есть всё"),
    ("abbreviations", "и т.д. и т.п.", "и так далее и тому подобное"),
    ("abbreviations", "в т.ч. дети", "в том числе дети"),
    ("agreement", "достигла 68 500 руб.", "достигла шестидесяти восьми тысяч пятисот рублей."),
    ("phone", "8 800 200-34-34", "восемь, восемь ноль ноль, два ноль ноль, три четыре, три четыре"),
    ("dates", "на 15 марта 2026 г. Справки", "на пятнадцатое марта две тысячи двадцать шестого года. Справки"),
    ("decimals", "до 92,5 руб.", "до девяноста двух целых пяти десятых рубля."),
    ("decimals", "около 1,5 км", "около одной целой пяти десятых километра"),
    ("decimals", "при 36,6 °C", "при тридцати шести целых шести десятых градуса Цельсия"),
    ("decimals", "3,05 млн рублей", "три целых пять сотых миллиона рублей"),
    ("years", "за 9 месяцев 2024 г. выручка", "за девять месяцев две тысячи двадцать четвёртого года выручка"),
    ("years", "на выборах 2018 г. явка", "на выборах две тысячи восемнадцатого года явка"),
    ("units", "200 кв. м", "двести квадратных метров"),
    ("units", "2 кв. м", "два квадратных метра"),
    ("units", "21 кв. м", "двадцать один квадратный метр"),
    ("units", "о 5 км²", "о пяти квадратных километрах"),
    ("units", "+25…+30 °C", "плюс двадцать пять…плюс тридцать градусов Цельсия"),
    ("ordinals", "чем в 2023-м", "чем в две тысячи двадцать третьем"),
]


@pytest.mark.parametrize(("rule", "text", "spoken"), RU, ids=[f"{r}:{t}" for r, t, _ in RU])
def test_russian(rule: str, text: str, spoken: str) -> None:
    assert normalize(text, "ru") == spoken


OTHER = [
    ("fr", "le 14/03/2025", "le quatorze mars deux mille vingt-cinq"),
    ("fr", "le 1 mai 2024", "le premier mai deux mille vingt-quatre"),
    ("fr", "à 14:30", "à quatorze heures trente"),
    ("fr", "86 % des voix", "quatre-vingt-six pour cent des voix"),
    ("fr", "1,5 km", "un virgule cinq kilomètres"),
    ("fr", "2019–2021", "deux mille dix-neuf à deux mille vingt et un"),
    ("fr", "½ litre", "un demi litre"),
    ("de", "am 14.03.2025", "am vierzehnter März zweitausendfünfundzwanzig"),
    ("de", "am 14. März 2025", "am vierzehnter März zweitausendfünfundzwanzig"),
    ("de", "um 14:30 Uhr", "um vierzehn Uhr dreißig"),
    ("de", "45 min", "fünfundvierzig Minuten"),
    ("de", "5 °C", "fünf Grad Celsius"),
    ("de", "1.000 €", "eintausend Euro"),
    ("de", "2,5 Mrd. €", "zwei Komma fünf Milliarden Euro"),
    ("es", "el 14/03/2025", "el catorce de marzo de dos mil veinticinco"),
    ("es", "el 14 de marzo de 2025", "el catorce de marzo de dos mil veinticinco"),
    ("es", "el 2025-03-14", "el catorce de marzo de dos mil veinticinco"),
    ("es", "a las 14:30", "a las catorce treinta"),
    ("es", "10 km", "diez kilómetros"),
    ("es", "15 %", "quince por ciento"),
    ("pt", "em 14/03/2025", "em catorze de março de dois mil e vinte e cinco"),
    ("pt", "às 14h30", "às catorze e trinta"),
    ("pt", "3 kg", "três quilogramas"),
    ("cs", "dne 14. 3. 2025", "dne čtrnáctého března dva tisíce dvacet pět"),
    ("cs", "14. března 2025", "čtrnáctého března dva tisíce dvacet pět"),
    ("cs", "v 14:30", "v čtrnáct třicet"),
    ("cs", "3 km", "tři kilometry"),
    ("cs", "5 km", "pět kilometrů"),
    ("cs", "1 km", "jedna kilometr"),
    ("cs", "+420 601 123 456", "plus čtyři dva nula, šest nula jedna, jedna dva tři, čtyři pět šest"),
]


@pytest.mark.parametrize(("lang", "text", "spoken"), OTHER, ids=[f"{lang}:{t}" for lang, t, _ in OTHER])
def test_other_languages(lang: str, text: str, spoken: str) -> None:
    assert normalize(text, lang) == spoken


def test_languages_without_rules_keep_digits_for_the_engine() -> None:
    assert normalize("Le 14 mars — 86 %", "it") == "Le 14 mars, 86 %"


def test_lexicon_wins(tmp_path: Path) -> None:
    path = tmp_path / "lexicon.toml"
    path.write_text('Witkoff = "Whit-koff"\nHSE = "Higher School of Economics"\nWHO = "W H O"\n'
                    '"GB" = "gigabytes"\n[ru]\n"МГИМО" = "эм-гимо"\n', encoding="utf-8")
    lexicon = load_lexicon(path, "en")
    assert normalize("Witkoff met the HSE team.", "en", lexicon) == "Whit-koff met the Higher School of Economics team."
    # The replacement is not normalized again: "W H O" is not re-read as an acronym.
    assert normalize("the WHO said", "en", lexicon) == "the W H O said"
    ru = load_lexicon(path, "ru")
    assert ru["МГИМО"] == "эм-гимо"
    assert normalize("выпускник МГИМО", "ru", ru) == "выпускник эм-гимо"
    path.write_text("x = 3\n")
    with pytest.raises(VoiceError, match="entry 'x'"):
        load_lexicon(path)


def test_utterances_pair_each_sentence_with_what_is_said() -> None:
    said = utterances("It took 45 min. Call 555-0199 now!", "en")
    assert [(u.text, u.spoken) for u in said] == [
        ("It took 45 min.", "It took forty-five minutes."),
        ("Call 555-0199 now!", "Call five five five, zero one nine nine now!"),
    ]


@pytest.mark.parametrize("lang", ["en", "ru", "fr", "de", "es", "pt", "cs"])
def test_hostile_text_is_bounded(lang: str) -> None:
    text = "1" * 5000 + " " + "12-" * 2000 + " " + "@" * 300 + "#" * 300 + " I" * 500
    assert isinstance(normalize(text, lang), str)


@pytest.mark.parametrize("article", ["numbers-ru.txt", "numbers-ru-2.txt"])
def test_russian_number_articles_are_said_as_their_read_aloud_references(article: str) -> None:
    """Every paragraph as the voice receives it, word for word the reference a person wrote by reading it."""
    data = Path(__file__).parent / "data"
    source = (data / article).read_text(encoding="utf-8")
    reference = (data / article.replace(".txt", ".reference.txt")).read_text(encoding="utf-8")

    def said(text: str) -> list[str]:
        return re.sub(r"[^\w\s]|_", " ", text.lower()).split()

    spoken = [normalize(paragraph, "ru") for paragraph in source.split("\n\n")]
    assert said(" ".join(spoken)) == said(reference)
