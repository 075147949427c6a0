"""Russian: numbers that agree in case and gender with the words around them, dates, times, money, units.

Russian numerals change with their case ("в пяти километрах", "более двадцати одной тысячи") and the
noun after them changes with the number ("два рубля", "пять рублей"). pymorphy3 (with its OpenCorpora
dictionary) parses the word after a number and inflects unit names; num2words says the number in the
case and gender found. The preposition before a number decides its case where the noun after it
cannot ("до 15 марта", "около 50").
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from .common import VULGAR, Step, roman_value, with_digits, words
from .web import phone_step

__all__ = ["steps"]

_MONTHS = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
           "ноября", "декабря")
_MONTH = "|".join(_MONTHS)
# pymorphy3 case tags -> num2words case letters.
_CASE = {"nomn": "n", "gent": "g", "gen2": "g", "datv": "d", "accs": "a", "ablt": "i", "loct": "p", "loc2": "p",
         "voct": "n"}
_TAG = {"n": "nomn", "g": "gent", "d": "datv", "a": "accs", "i": "ablt", "p": "loct"}
# Cases a preposition can govern, the most usual first.
_PREPOSITIONS = {
    **dict.fromkeys("без до из от у около более менее свыше после для против кроме вместо вокруг среди возле "
                    "накануне порядка сверх больше меньше из-за из-под".split(), ("g",)),
    "с": ("g", "i"), "со": ("g", "i"), "к": ("d",), "ко": ("d",), "по": ("d", "a", "p"), "благодаря": ("d",),
    "согласно": ("d",), "на": ("a", "p"), "в": ("a", "p"), "во": ("a", "p"), "за": ("a", "i"), "про": ("a",),
    "через": ("a",), "между": ("i",), "над": ("i",), "под": ("i", "a"), "перед": ("i",), "о": ("p",),
    "об": ("p",), "при": ("p",),
}
_SCALES = {"тыс.": "тысяча", "тыс": "тысяча", "млн.": "миллион", "млн": "миллион", "млрд.": "миллиард",
           "млрд": "миллиард", "трлн.": "триллион", "трлн": "триллион"}
_UNITS = {
    "км/ч": "километр в час", "м/с": "метр в секунду", "км²": "квадратный километр", "кв. км": "квадратный километр",
    "кв. м": "квадратный метр", "кв.м": "квадратный метр",
    "м²": "квадратный метр", "км": "километр", "см": "сантиметр", "мм": "миллиметр", "м": "метр", "кг": "килограмм",
    "мг": "миллиграмм", "г": "грамм", "т": "тонна", "л": "литр", "мл": "миллилитр", "ч": "час", "мин": "минута",
    "мин.": "минута", "сек": "секунда", "сек.": "секунда", "с": "секунда", "мс": "миллисекунда", "ГБ": "гигабайт",
    "Гб": "гигабайт", "МБ": "мегабайт", "Мб": "мегабайт", "ТБ": "терабайт", "ГГц": "гигагерц", "кВт": "киловатт",
    "МВт": "мегаватт", "га": "гектар", "°C": "градус Цельсия", "°С": "градус Цельсия", "°": "градус",
    "%": "процент", "руб.": "рубль", "руб": "рубль", "р.": "рубль", "коп.": "копейка", "долл.": "доллар",
    "$": "доллар", "€": "евро", "₽": "рубль", "£": "фунт", "¥": "иена",
}
_UNIT = "|".join(re.escape(u) for u in sorted(_UNITS, key=len, reverse=True))
_SCALE = r"(?:тыс\.?|млн\.?|млрд\.?|трлн\.?)"
_NUM = r"\d+(?:[.,]\d+)?"
_WORDS_AS_IS = frozenset("""НАТО ТАСС МГИМО МИД ООН ВУЗ ГОСТ ОМОН ЦУМ ГУМ МХАТ ЖЭК ЗАГС НАСА ЮНЕСКО ОПЕК ОБСЕ
    АЭС ГЭС ТЭЦ СМИ РАН МГУ СПбГУ ВШЭ""".split())
_AS_LETTERS = frozenset("ЕС ЦБ ЦРУ ВТО ЕГЭ ОАЭ ЮАР КНР КНДР РФ ФРГ ИИ".split())
_LETTER_NAMES = dict(zip("АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ",
                         "а бэ вэ гэ дэ е ё жэ зэ и и-краткое ка эль эм эн о пэ эр эс тэ у эф ха цэ чэ ша ща "
                         "твёрдый-знак ы мягкий-знак э ю я".split(), strict=True))
# Acronyms whose reading as a word or letters is a fixed convention; they keep their special forms.
_GENITIVE_VERBS = ("достиг", "достичь", "достигн")
"""Verbs (by their stem) whose number object is in the genitive: "достигла шестидесяти тысяч"."""
_NUMBERED_AFTER = frozenset("""глава том часть раздел статья пункт книга серия сезон акт сцена тур этап уровень
    класс категория группа степень созыв фаза приложение параграф лига дивизион""".split())
"""Nouns whose number is written after them in Roman numerals ("глава II", "том IV")."""
_ABBREVIATIONS = {"в т. ч.": "в том числе", "в т.ч.": "в том числе", "т. е.": "то есть", "т.е.": "то есть", "т. д.": "так далее", "т.д.": "так далее",
                  "т. п.": "тому подобное", "т.п.": "тому подобное", "и др.": "и другие", "ул.": "улица",
                  "пр-т": "проспект", "им.": "имени", "проф.": "профессор", "акад.": "академик", "зам.": "заместитель",
                  "св.": "святого", "см.": "смотрите", "напр.": "например", "обл.": "область", "р-н": "район"}


@cache
def _morph() -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


def _parse(word: str) -> list[Any]:
    return list(_morph().parse(word)) if word else []


def _case_from(preposition: str, noun: str) -> str:
    """The case a number takes between `preposition` and `noun` (num2words letter)."""
    allowed = _PREPOSITIONS.get(preposition.lower(), ())
    noun_cases = [_CASE.get(str(p.tag.case), "") for p in _parse(noun) if p.tag.case] if noun else []
    for case in allowed:
        if case in noun_cases and case not in ("g", "n"):
            return case
    if allowed:
        return allowed[0]
    # Without a preposition a noun in an oblique case other than genitive sets the case ("пяти книгам").
    for case in noun_cases[:1]:
        if case in ("d", "i", "p"):
            return case
    return "n"


def _gender(noun: str) -> str:
    """num2words gender of the noun a number counts: 'm', 'f' or 'n'."""
    if noun == "евро":  # by usage "двадцать один евро", though the dictionary says neuter
        return "m"
    for p in _parse(noun):
        if p.tag.POS in ("NOUN",) and p.tag.gender:
            return {"masc": "m", "femn": "f", "neut": "n"}.get(str(p.tag.gender), "m")
    return "m"


def _say(value: str, case: str = "n", gender: str = "m") -> str:
    """A cardinal in `case` and `gender`; decimals (with a comma or a point) as num2words reads them."""
    value = value.replace(",", ".")
    if "." in value:
        return _decimal(value, case)
    said = words(int(value), "ru", case=case, gender=gender, animate=False)
    # 1000-1999: people say "тысяча пятьсот", "около тысячи пятисот", not "одна тысяча пятьсот".
    return re.sub(r"^одн[а-я]* (?=тысяч)", "", said)


_FRACTION_NAMES = ("десятая", "сотая", "тысячная", "десятитысячная", "стотысячная", "миллионная")


def _decimal(value: str, case: str) -> str:
    """'92.5' in `case`: "девяносто две целых пять десятых", "до девяноста двух целых пяти десятых"."""
    whole, _, part = value.partition(".")
    part = part[:len(_FRACTION_NAMES)]
    if not part.strip("0"):
        return f"{words(int(whole), 'ru', case=case, gender='f', animate=False)} целых"
    said = []
    for number, noun in ((int(whole), "целая"), (int(part), _FRACTION_NAMES[len(part) - 1])):
        said.append(words(number, "ru", case=case, gender="f", animate=False))
        one = number % 10 == 1 and number % 100 != 11
        form = _parse(noun)[0].inflect({_TAG[case], "sing"} if one else {
            "gent" if case in ("n", "a") else _TAG[case], "plur"})
        said.append(form.word if form is not None else noun)
    return " ".join(said)


def _ordinal(value: int, case: str = "n", gender: str = "m", plural: bool = False) -> str:
    from num2words import num2words

    return str(num2words(value, lang="ru", to="ordinal", case=case, gender=gender, plural=plural))


def _agree(lemma: str, value: str, case: str) -> str:
    """The noun `lemma` (one word or 'градус Цельсия') in the form that follows the number `value`."""
    head, _, rest = lemma.partition(" ")
    if rest and any(p.tag.POS == "ADJF" for p in _parse(head)):  # "квадратный метр": both words agree
        noun = _agree(rest, value, case)
        gender = next((str(p.tag.gender) for p in _parse(rest) if p.tag.POS == "NOUN" and p.tag.gender), "masc")
        adjective = next((p for p in _parse(head) if p.tag.POS == "ADJF"), None)
        if adjective is None:
            return f"{head} {noun}"
        if "." in value.replace(",", "."):
            grammemes = {"gent", "sing", gender}  # "двух целых пяти десятых квадратного метра"
        else:
            one = int(value) % 10 == 1 and int(value) % 100 != 11
            if case in ("n", "a"):  # units are things: their accusative is the nominative
                grammemes = {"nomn", "sing", gender} if one else {"gent", "plur"}  # "два квадратных метра"
            else:
                grammemes = {_TAG[case], "sing", gender} if one else {_TAG[case], "plur"}
        form = adjective.inflect(grammemes)
        return f"{form.word if form is not None else head} {noun}"
    parsed = [p for p in _parse(head) if {"NOUN", "nomn", "sing"} in p.tag] or _parse(head)
    if not parsed or head == "евро":
        return lemma
    noun = parsed[0]
    if "." in value.replace(",", "."):
        form = noun.inflect({"gent", "sing"})
    elif case in ("n", "a"):
        form = noun.make_agree_with_number(int(value))
        if case == "a" and form is not None and int(value) % 10 == 1 and int(value) % 100 != 11:
            form = noun.inflect({"accs", "sing"})
    else:
        one = int(value) % 10 == 1 and int(value) % 100 != 11
        form = noun.inflect({_TAG[case], "sing" if one else "plur"})
    said = form.word if form is not None else head
    if rest.startswith("в ") or rest.startswith("в\u00a0"):  # "километр в час": only the head agrees
        return f"{said} {rest}"
    if rest:
        adjective = rest  # "Цельсия" stays; a leading adjective ("квадратный метр") is rare enough
        return f"{said} {adjective}"
    return said


def _kept_stop(m: re.Match[str]) -> str:
    """The full stop an abbreviation ('г.') swallowed when it also ended the sentence."""
    ends = re.match(r"\s*(?:$|[A-ZА-ЯЁ«\"—])", m.string[m.end():])
    return "." if m.group(0).endswith(".") and ends else ""


def _word_before(text: str, start: int) -> str:
    m = re.search(r"([\w-]+)\s*$", text[:start])
    return m.group(1) if m else ""


def _word_after(text: str, end: int) -> str:
    m = re.match(r"\s*([^\W\d_]+)", text[end:])
    return m.group(1) if m else ""


_ABBREVIATION_PATTERNS = tuple((re.compile(rf"(?<![\w.]){re.escape(short)}(?=\s|$|[,;:)])"), said)
                               for short, said in _ABBREVIATIONS.items())


def abbreviations(text: str) -> str:
    """т.е., т.д., ул., им. and similar written shortcuts."""
    for pattern, said in _ABBREVIATION_PATTERNS:
        text = pattern.sub(said, text)
    return text


def thousands(text: str) -> str:
    """'1 500 000' (spaces between groups of three) becomes one number."""
    return re.sub(r"(?<![\d,.])\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d])",
                  lambda m: re.sub(r"\s", "", m.group(0)), text)


def dates(text: str) -> str:
    """14.03.2025, 14/03/2025, 2025-03-14, 14 марта 2025 года, 14 марта."""
    def said(day: int, month: int, year: str | None, start: int, source: str) -> str:
        if not (1 <= month <= 12 and 1 <= day <= 31):
            raise ValueError
        preposition = _word_before(source, start).lower()
        case = {"к": "d", "ко": "d", "на": "a", "по": "a", "за": "a"}.get(preposition, "g")
        if preposition == "" or preposition[0].isupper():
            case = "g"
        out = f"{_ordinal(day, case, 'n')} {_MONTHS[month - 1]}"
        if year:
            out += f" {_ordinal(int(year), 'g')} года"
        return out

    def numeric(m: re.Match[str], order: str) -> str:
        if order == "iso":
            year, month, day = m.group(1), int(m.group(2)), int(m.group(3))
        else:
            day, month, year = int(m.group(1)), int(m.group(2)), m.group(3)
        try:
            return said(day, month, year, m.start(), m.string) + _kept_stop(m)
        except ValueError:
            return m.group(0)

    tail = r"(?:\s?(?:г\.|года)(?!\w))?"
    text = re.sub(rf"\b(\d{{4}})-(\d{{2}})-(\d{{2}})\b{tail}", lambda m: numeric(m, "iso"), text)
    text = re.sub(rf"\b(\d{{1,2}})[./](\d{{1,2}})[./](\d{{4}})\b{tail}", lambda m: numeric(m, "dmy"), text)
    return re.sub(rf"\b(\d{{1,2}})\s({_MONTH})(?:\s(\d{{4}}){tail})?",
                  lambda m: said(int(m.group(1)), _MONTHS.index(m.group(2)) + 1, m.group(3), m.start(), m.string)
                  + _kept_stop(m),
                  text)


def years(text: str) -> str:
    """в 2025 году, 2025 год, в 2025 г., в 2019–2021 годах, 1990-х годов: ordinals that agree with 'год'."""
    def form(m: re.Match[str]) -> str:
        first, second, word = m.group(1), m.group(2), m.group(3)
        preposition = _word_before(m.string, m.start()).lower()
        if word.startswith("г"):
            if word in ("г.", "гг."):
                case = _PREPOSITIONS.get(preposition, ("n",))[-1 if preposition in ("в", "во") else 0]
                if preposition not in _PREPOSITIONS and any(
                        p.tag.POS == "NOUN" for p in _parse(preposition)) and preposition[:1].islower():
                    case = "g"  # "за 9 месяцев 2024 г.", "на выборах 2018 г.": the year of something
                plural = word == "гг." or second is not None
                noun = _agree_year(case, plural)
            else:
                noun = word
                parsed = [p for p in _parse(word) if p.normal_form == "год"]
                case = _year_case(parsed, preposition) if parsed and word != "год" else "n"
                plural = bool(parsed) and parsed[0].tag.number == "plur"
        else:
            case, plural, noun = "n", False, word
        said = _ordinal(int(first), case, "m", plural and second is None)
        if second:
            said += "-" + _ordinal(int(second), case, "m", False)
        return f"{said} {noun}{_kept_stop(m)}"

    return re.sub(r"\b(\d{4})(?:\s?[–—-]\s?(\d{4}))?\s(год[а-я]*|гг\.|г\.)(?!\w)", form, text)


def _year_case(parsed: list[Any], preposition: str) -> str:
    """The case of a form of 'год' after `preposition`: 'году' is dative after 'к', prepositional after 'в'."""
    cases = [_CASE.get(str(p.tag.case), "n") for p in parsed]
    for case in _PREPOSITIONS.get(preposition, ()):
        if case in cases:
            return case
    return cases[0]


def _agree_year(case: str, plural: bool) -> str:
    noun = _parse("год")[0].inflect({_TAG[case], "plur" if plural else "sing"})
    if case == "p" and not plural:
        return "году"
    return str(noun.word) if noun is not None else "год"


def centuries(text: str) -> str:
    """XXI век, в XX веке, Пётр I, Екатерина II: Roman numerals as ordinals that agree."""
    def century(m: re.Match[str]) -> str:
        value = roman_value(m.group(1))
        if not value:
            return m.group(0)
        word = m.group(2)
        if word in ("в.", "вв."):
            case = _PREPOSITIONS.get(_word_before(m.string, m.start()).lower(), ("n",))[-1]
            noun = _parse("век")[0].inflect({_TAG[case], "plur" if word == "вв." else "sing"})
            word = "веке" if case == "p" and word == "в." else (noun.word if noun is not None else "век")
        parsed = [p for p in _parse(word) if p.normal_form == "век"]
        case = _CASE.get(str(parsed[0].tag.case), "n") if parsed and word != "век" else "n"
        return f"{_ordinal(value, case)} {word}{_kept_stop(m)}"

    text = re.sub(r"\b([IVXL]{1,7})\s(век[а-я]*|вв?\.)(?!\w)", century, text)

    def regnal(m: re.Match[str]) -> str:
        value = roman_value(m.group(2))
        if not value:
            return m.group(0)
        names = [p for p in _parse(m.group(1)) if "Name" in p.tag or "Surn" in p.tag]
        if names and m.group(1)[0].isupper():
            tag = names[0].tag
            case = _CASE.get(str(tag.case), "n")
            gender = "f" if tag.gender == "femn" else "m"
            return f"{m.group(1)} {_ordinal(value, case, gender).capitalize()}"
        if not any(p.normal_form in _NUMBERED_AFTER for p in _parse(m.group(1).lower())):
            return m.group(0)  # "итоги III квартала": the number belongs to the noun after it
        said = _ordinal_for(value, m.group(1), _word_before(m.string, m.start()).lower())
        return f"{m.group(1)} {said}" if said else m.group(0)

    text = re.sub(r"\b([А-ЯЁа-яё][а-яё]+)\s([IVXL]{1,7})\b", regnal, text)

    def numbered(m: re.Match[str]) -> str:  # "II квартал", "во II квартале", "на III съезде"
        value = roman_value(m.group(1))
        said = _ordinal_for(value, m.group(2), _word_before(m.string, m.start()).lower()) if value else None
        return f"{said} {m.group(2)}" if said else m.group(0)

    return re.sub(r"(?<![\w.])([IVXL]{1,7})\s(?=[а-яё])([а-яё]+)\b", numbered, text)


def _ordinal_for(value: int, noun: str, preposition: str) -> str | None:
    """The ordinal `value` agreeing with `noun` ("глава" -> "вторая", "квартале" -> "втором"), or None
    when `noun` is not a noun."""
    parsed = [p for p in _parse(noun.lower()) if p.tag.POS == "NOUN" and p.tag.case]
    if not parsed:
        return None
    # Numbered things are things: "глава" is the chapter (feminine), not the head of something.
    parsed.sort(key=lambda p: p.tag.animacy == "anim")
    allowed = _PREPOSITIONS.get(preposition, ())
    chosen = next((p for case in allowed for p in parsed if _CASE.get(str(p.tag.case)) == case), parsed[0])
    tag = chosen.tag
    plural = tag.number == "plur"
    gender = {"femn": "f", "neut": "n"}.get(str(tag.gender), "m")
    return _ordinal(value, _CASE.get(str(tag.case), "n"), gender, plural)


def times(text: str) -> str:
    """14:30 -> четырнадцать тридцать, 9:05 -> девять ноль пять, 14:00 -> четырнадцать ноль-ноль."""
    def clock(m: re.Match[str]) -> str:
        case = _case_from(_word_before(m.string, m.start()), "")
        case = case if case in ("g", "d", "i", "p") else "n"
        hours, minutes = int(m.group(1)), int(m.group(2))
        said = _say(str(hours), case)
        if minutes == 0:
            return f"{said} ноль-ноль"
        return f"{said} {'ноль ' if minutes < 10 else ''}{_say(str(minutes), case, 'f')}"

    return re.sub(r"\b([01]?\d|2[0-3]):([0-5]\d)\b", clock, text)


def fractions(text: str) -> str:
    """½ -> половина, 2½ -> два с половиной, около 1/3 -> около одной трети, 3/4 -> три четверти, 2/5 -> две пятых."""
    def fraction(num: int, den: int, m: re.Match[str]) -> str:
        case = _PREPOSITIONS.get(_word_before(m.string, m.start()).lower(), ("n",))[0]
        said = words(num, "ru", case=case, gender="f", animate=False)
        if den in (2, 3, 4):  # "половина", "две трети", "три четверти": the nouns people use
            noun = _agree({2: "половина", 3: "треть", 4: "четверть"}[den], str(num), case)
            return noun if num == 1 and den == 2 and case in ("n", "a") else f"{said} {noun}"
        if num % 10 == 1 and num % 100 != 11:
            return f"{said} {_ordinal(den, case, 'f')}"
        return f"{said} {_ordinal(den, 'g' if case in ('n', 'a') else case, 'm', plural=True)}"

    glyphs = "".join(VULGAR)
    text = re.sub(r"(\d)\s?½", lambda m: f"{_say(m.group(1))} с половиной", text)
    text = re.sub(rf"[{glyphs}]", lambda m: fraction(*VULGAR[m.group(0)], m), text)
    return re.sub(r"(?<![\d/.,])(\d{1,2})/(\d{1,2})(?![\d/])",
                  lambda m: fraction(int(m.group(1)), int(m.group(2)), m) if 1 < int(m.group(2)) <= 20
                  else m.group(0), text)


def decades(text: str) -> str:
    """1990-х годов, в 1990-е годы, в 1960–1970-х гг., в 2000-е: decades as plural ordinals."""
    endings = {"х": ("p", "g"), "е": ("n", "a"), "ми": ("i",)}

    def decade(m: re.Match[str]) -> str:
        first, second, ending, noun = m.group(1), m.group(2), m.group(3), m.group(4)
        if int(first) % 10 or (second and int(second) % 10):
            return m.group(0)
        possible = endings[ending]
        allowed = _PREPOSITIONS.get(_word_before(m.string, m.start()).lower(), ())
        case = next((c for c in allowed if c in possible), possible[-1])
        said_case = "n" if case == "a" else case  # "в 1990-е годы": an inanimate accusative is the nominative
        said = _ordinal(int(first), said_case, "m", True)
        if second:
            said += "-" + _ordinal(int(second), said_case, "m", True)
        if noun == "гг.":
            form = _parse("год")[0].inflect({_TAG[case], "plur"})
            noun = form.word if form is not None else "годы"
            ends = re.match(r"\s*(?:$|[A-ZА-ЯЁ«\"—])", m.string[m.end():])
            return f"{said} {noun}{'.' if ends else ''}"
        return f"{said} {noun}" if noun else said

    return re.sub(r"\b(\d{4})(?:\s?[–—-]\s?(\d{4}))?-(х|е|ми)(?:\s(гг\.|год[а-я]*))?(?!\w)", decade, text)


def scores(text: str) -> str:
    """со счётом 2:1 -> со счётом два-один (a score, after the word 'счёт')."""
    def score(m: re.Match[str]) -> str:
        return f"{m.group(1)}{_say(m.group(2))}-{_say(m.group(3))}"

    return re.sub(r"(\bсч[её]т[а-я]*\s+)(\d{1,3}):(\d{1,3})\b", score, text)


def ordinals(text: str) -> str:
    """5-й, 21-го, 3-я, 90-х: the ordinal whose ending is the one written after the hyphen."""
    def ordinal(m: re.Match[str]) -> str:
        value, ending = int(m.group(1)), m.group(2)
        allowed = _PREPOSITIONS.get(_word_before(m.string, m.start()).lower(), ())
        # "в 2023-м" is prepositional: the preposition's cases are tried before the rest
        cases = [*allowed, *(c for c in ("n", "g", "d", "a", "i", "p") if c not in allowed)]
        for plural in (False, True):
            for gender in ("m", "f", "n"):
                for case in cases:
                    said = _ordinal(value, case, gender, plural)
                    if said.endswith(ending):
                        return said
        return m.group(0)

    return re.sub(r"\b(\d+)-(й|я|е|го|му|м|ми|х|ю|ое|ый|ий|ая|ой|ых|ым)\b", ordinal, text)


def quantities(text: str) -> str:
    """Numbers with what they count: $500 млн, 5 млн рублей, 86%, 45 мин, 3,5 км, более 20 человек."""
    def quantity(m: re.Match[str]) -> str:
        value, scale, first = m.group("num"), m.group("scale"), m.group("first")
        unit = m.group("unit") or m.group("sign")
        if m.group("sign") and m.group("unit"):
            return m.group(0)
        after = _word_after(m.string, m.end())
        preposition = _word_before(m.string, m.start("first") if first else m.start())
        scale_lemma = _SCALES[scale] if scale else ""
        counted = scale_lemma or (_UNITS[unit] if unit else after)
        if preposition.lower().startswith(_GENITIVE_VERBS):  # "достигла 68 500 руб.": "шестидесяти восьми…"
            case = "g"
        elif preposition.lower() in _PREPOSITIONS:
            case = _case_from(preposition, "" if (scale or unit) else after)
        else:
            case = "n" if (scale or unit) else _case_from("", after)
        gender = _gender(counted.split(" ")[0]) if counted else "m"
        said = _say(value, case, gender)
        if first:  # a range, "10–15%": both ends in the same case, "на десять-пятнадцать процентов"
            said = f"{_say(first, case, gender)}-{said}"
        if m.group("minus"):
            said = f"{'плюс' if m.group('minus') == '+' else 'минус'} {said}"
        if scale:
            said += " " + _agree(scale_lemma, value, case)
            if unit:  # after a scale word the unit is always genitive plural: "пяти миллионов рублей"
                said += " " + _agree(_UNITS[unit], "5", "n")
        elif unit:
            said += " " + _agree(_UNITS[unit], value, case)
        if unit and unit.endswith(".") and re.match(r"\s*(?:$|[A-ZА-ЯЁ«\"—])", m.string[m.end():]):
            said += "."  # "до 180 руб. Около…": the abbreviation's point also ended the sentence
        return said

    return re.sub(rf"(?:(?P<sign>[$€₽£¥])\s?)?(?<![\w.,])(?:(?P<minus>(?<![^\s…(])[−+-])|(?P<first>{_NUM})\s?[–—-]\s?)?"
                  rf"(?P<num>{_NUM})(?:\s?(?P<scale>{_SCALE}))?"
                  rf"(?:\s?(?P<unit>{_UNIT})(?![\w/²]))?", quantity, text)


def acronyms(text: str) -> str:
    """ТАСС, МГИМО, НАТО as words; ФСБ, США, РФ letter by letter."""
    def spoken(m: re.Match[str]) -> str:
        word = m.group(0)
        if word == "США":
            return "сэ шэ а"
        if word in _WORDS_AS_IS:
            return word.lower()
        vowels = sum(c in "АЕЁИОУЫЭЮЯ" for c in word)
        if word in _AS_LETTERS or vowels == 0 or (len(word) <= 3 and word not in _WORDS_AS_IS and vowels < 2
                                                  and not re.fullmatch(r"[^АЕЁИОУЫЭЮЯ][АЕЁИОУЫЭЮЯ][^АЕЁИОУЫЭЮЯ]",
                                                                       word)):
            return " ".join(_LETTER_NAMES[c] for c in word)
        return word.lower()

    return re.sub(r"\b[А-ЯЁ]{2,6}\b", spoken, text)


def steps() -> tuple[Step, ...]:
    """Russian steps in order."""
    return (abbreviations, with_digits(dates), with_digits(years), with_digits(decades), centuries, with_digits(scores),
            with_digits(times), with_digits(phone_step("ru")), with_digits(thousands), fractions, with_digits(ordinals),
            with_digits(quantities), acronyms)
