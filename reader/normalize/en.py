"""English: what a newsreader says for titles, dates, times, money, units, fractions, Roman numerals and acronyms."""

from __future__ import annotations

import re

from .common import NUMBER, VULGAR, Step, plain, roman_value, with_digits, words
from .web import phone_step

__all__ = ["steps"]

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")
_MONTH_ABBR = {m[:3]: m for m in _MONTHS} | {"Sept": "September"}
_MONTH = "|".join(_MONTHS) + r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
# Regions whose English writes the day first (14/03/2025); US-style month first otherwise.
_MONTH_FIRST = {"en", "en-us", "en-ca", "en-ph"}

# Acronyms people say as words; Capitalized so that engines do not spell them.
_AS_WORDS = frozenset("""NATO NASA UNESCO UNICEF OPEC MGIMO COVID AIDS NAFTA ASEAN FIFA UEFA OSCE ISIS LAN RAM SIM PIN
    GIF JPEG LASER RADAR SCUBA SARS MERS NAND OPEX CAPEX FEMA OSHA NOAA DARPA INTERPOL EUROPOL FRONTEX SWIFT TASS
    ROSATOM GAZPROM SEAL SWAT NIMBY ASAP UNIFIL MERCOSUR""".split())
# Acronyms people spell although they could be said as a word.
_AS_LETTERS = frozenset("""US UK EU UN HSE FBI CIA CEO BBC CNN GDP AI MP PM USA TV IT ID PR VIP NGO IMF WHO WTO
    UAE USSR DPRK HQ OK EPA FDA IRS DOJ DOD NHS ECB IAEA OECD USB URL NYC LA DC MIT UCLA IOU OAS AU""".split())

_TITLES_BEFORE_NAME = {"Mr": "Mister", "Mrs": "Missus", "Ms": "Miz", "Dr": "Doctor", "Prof": "Professor",
                       "Gen": "General", "Lt": "Lieutenant", "Col": "Colonel", "Sgt": "Sergeant", "Capt": "Captain",
                       "Gov": "Governor", "Sen": "Senator", "Rep": "Representative", "Pres": "President",
                       "Rev": "Reverend", "Fr": "Father", "Mt": "Mount", "Ft": "Fort", "St": "Saint"}
_AFTER_NAME = {"Jr": "Junior", "Sr": "Senior", "St": "Street", "Ave": "Avenue", "Rd": "Road", "Dr": "Drive",
               "Blvd": "Boulevard", "Ln": "Lane", "Sq": "Square"}
_LATIN = {"e.g.": "for example", "i.e.": "that is", "etc.": "et cetera", "vs.": "versus", "vs": "versus",
          "approx.": "approximately", "a.k.a.": "also known as", "No.": "number"}

# (singular, plural) for unit symbols that follow a number.
_UNITS = {
    "km/h": ("kilometre per hour", "kilometres per hour"), "kph": ("kilometre per hour", "kilometres per hour"),
    "mph": ("mile per hour", "miles per hour"), "m/s": ("metre per second", "metres per second"),
    "km²": ("square kilometre", "square kilometres"), "sq km": ("square kilometre", "square kilometres"),
    "m²": ("square metre", "square metres"), "km": ("kilometre", "kilometres"), "cm": ("centimetre", "centimetres"),
    "mm": ("millimetre", "millimetres"), "m": ("metre", "metres"), "mi": ("mile", "miles"), "ft": ("foot", "feet"),
    "kg": ("kilogram", "kilograms"), "mg": ("milligram", "milligrams"), "g": ("gram", "grams"),
    "lb": ("pound", "pounds"), "lbs": ("pound", "pounds"), "oz": ("ounce", "ounces"), "t": ("tonne", "tonnes"),
    "ml": ("millilitre", "millilitres"), "l": ("litre", "litres"), "min": ("minute", "minutes"),
    "mins": ("minute", "minutes"), "sec": ("second", "seconds"), "secs": ("second", "seconds"),
    "ms": ("millisecond", "milliseconds"), "hr": ("hour", "hours"), "hrs": ("hour", "hours"), "h": ("hour", "hours"),
    "GB": ("gigabyte", "gigabytes"), "MB": ("megabyte", "megabytes"), "TB": ("terabyte", "terabytes"),
    "kB": ("kilobyte", "kilobytes"), "KB": ("kilobyte", "kilobytes"), "GHz": ("gigahertz", "gigahertz"),
    "MHz": ("megahertz", "megahertz"), "kWh": ("kilowatt hour", "kilowatt hours"), "kW": ("kilowatt", "kilowatts"),
    "MW": ("megawatt", "megawatts"), "GW": ("gigawatt", "gigawatts"), "ha": ("hectare", "hectares"),
    "°C": ("degree Celsius", "degrees Celsius"), "°F": ("degree Fahrenheit", "degrees Fahrenheit"),
    "°": ("degree", "degrees"),
}
_UNIT = "|".join(re.escape(u) for u in sorted(_UNITS, key=len, reverse=True))
_SCALES = {"thousand": "thousand", "million": "million", "billion": "billion", "trillion": "trillion",
           "k": "thousand", "m": "million", "mn": "million", "bn": "billion", "b": "billion", "tn": "trillion",
           "trn": "trillion"}
_CURRENCIES = {"$": ("dollar", "dollars", "cent", "cents"), "€": ("euro", "euros", "cent", "cents"),
               "£": ("pound", "pounds", "penny", "pence"), "¥": ("yen", "yen", "sen", "sen"),
               "₽": ("ruble", "rubles", "kopeck", "kopecks"), "USD": ("dollar", "dollars", "cent", "cents"),
               "EUR": ("euro", "euros", "cent", "cents"), "GBP": ("pound", "pounds", "penny", "pence"),
               "RUB": ("ruble", "rubles", "kopeck", "kopecks")}
_ROMAN_CARDINAL = (r"(?:World War|Part|Chapter|Volume|Vol\.|Act|Book|Phase|Type|Class|Round|Stage|Level|Season|"
                   r"Episode|Article|Title|Super Bowl|Apollo|Vatican|Schedule|Appendix|Category)")


def _n(num: str) -> str:
    return words(plain(num))


def _ordinal(value: int | str) -> str:
    return words(int(value), to="ordinal")


def _year(value: int | str) -> str:
    return words(int(value), to="year")


def _fraction(num: int, den: int) -> str:
    if den == 2:
        return f"{words(num)} {'half' if num == 1 else 'halves'}"
    if den == 4:
        return f"{words(num)} {'quarter' if num == 1 else 'quarters'}"
    name = _ordinal(den)
    return f"{words(num)} {name if num == 1 else name + 's'}"


_LATIN_PATTERNS = tuple((re.compile(rf"(?<![\w.]){re.escape(short)}(?=\s|$|,)" if short.endswith(".")
                                    else rf"\b{re.escape(short)}\b"), said) for short, said in _LATIN.items())
_NUMBER_SIGN = re.compile(r"\bNo\.(?=\s?\d)")
_TITLE_BEFORE = re.compile(rf"\b({'|'.join(_TITLES_BEFORE_NAME)})\.?(?=\s+[A-Z])"
                           r"(?!\s+(?:[A-Z]\w*\s+)?(?:Street|Road)\b)")
# "Baker St." / "Martin Luther King Jr." / "12 Oak Ave": after a capitalized word or a number.
_TITLE_AFTER = re.compile(rf"\b([A-Z][\w'’]*|\d+)(,?) ({'|'.join(_AFTER_NAME)})\b\.?(?=\s+[a-z]|[,;:)]|\s*$|\.)")


def titles(text: str) -> str:
    """Mr, Dr, St, Jr and friends, by context: 'Dr. Smith' is a doctor, 'Harley Dr.' a drive."""
    for pattern, said in _LATIN_PATTERNS:
        text = pattern.sub(said, text)
    text = _NUMBER_SIGN.sub("number", text)
    text = _TITLE_BEFORE.sub(lambda m: _TITLES_BEFORE_NAME[m.group(1)], text)
    return _TITLE_AFTER.sub(lambda m: f"{m.group(1)}{m.group(2)} {_AFTER_NAME[m.group(3)]}"
                            + ("." if m.group(0).endswith(".") and m.end() == len(m.string) else ""), text)


def currency(text: str) -> str:
    """$500 million, €1.2bn, £3.50, 20 USD."""
    def spoken(sym: str, num: str, scale: str | None) -> str:
        one, many, sub_one, sub_many = _CURRENCIES[sym]
        num = plain(num)
        if scale:
            return f"{words(num)} {_SCALES[scale.lower()]} {many}"
        whole, _, frac = num.partition(".")
        out = f"{words(whole)} {one if whole == '1' else many}"
        cents = int(frac[:2].ljust(2, "0")) if frac else 0
        if cents:
            out += f" {words(cents)} {sub_one if cents == 1 else sub_many}"
        return out

    scale = r"(?:\s?(?P<scale>thousand|million|billion|trillion|bn|mn|trn|tn|[kmb])\b)?"
    text = re.sub(rf"(?P<sym>[$€£¥₽])\s?{NUMBER}{scale}",
                  lambda m: spoken(m.group("sym"), m.group("num"), m.group("scale")), text)
    text = re.sub(rf"\b(?P<sym>USD|EUR|GBP|RUB)\s?{NUMBER}{scale}",
                  lambda m: spoken(m.group("sym"), m.group("num"), m.group("scale")), text)
    return re.sub(rf"{NUMBER}{scale}\s?(?P<sym>USD|EUR|GBP|RUB)\b",
                  lambda m: spoken(m.group("sym"), m.group("num"), m.group("scale")), text)


def dates(text: str, lang: str = "en") -> str:
    """2025-03-14, 14/03/2025 (03/14/2025 in the US), 14.03.2025, 14 March 2025, March 14, 2025, March 14."""
    month_first = lang.lower() in _MONTH_FIRST

    def said(day: int, month: int, year: str | None) -> str:
        if not (1 <= month <= 12 and 1 <= day <= 31):
            raise ValueError
        name = _MONTHS[month - 1]
        out = f"{name} {_ordinal(day)}" if month_first else f"the {_ordinal(day)} of {name}"
        return f"{out}, {_year(year)}" if year else out

    def numeric(m: re.Match[str], order: str) -> str:
        a, b, year = int(m.group(1)), int(m.group(2)), m.group(3)
        if len(year) == 2:
            year = "20" + year
        day, month = (b, a) if order == "mdy" else (a, b)
        if order == "slash":
            day, month = (b, a) if month_first else (a, b)
            if month > 12 >= day:  # 14/03 in the US, 03/14 in Britain: only one reading is possible
                day, month = month, day
        try:
            return said(day, month, year)
        except ValueError:
            return m.group(0)

    def iso(m: re.Match[str]) -> str:
        try:
            return said(int(m.group(3)), int(m.group(2)), m.group(1))
        except ValueError:
            return m.group(0)

    text = re.sub(r"\b(\d{4})-(\d{2})-(\d{2})\b", iso, text)
    text = re.sub(r"\b(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})\b", lambda m: numeric(m, "slash"), text)
    text = re.sub(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b", lambda m: numeric(m, "dmy"), text)

    def month(name: str) -> str:
        return _MONTH_ABBR.get(name.rstrip("."), name.rstrip("."))

    text = re.sub(rf"\b(?:the\s)?(\d{{1,2}})(?:st|nd|rd|th)?(?:\sof)?\s({_MONTH})(?:,?\s(\d{{4}}))?\b",
                  lambda m: f"the {_ordinal(m.group(1))} of {month(m.group(2))}"
                            + (f", {_year(m.group(3))}" if m.group(3) else ""), text)
    return re.sub(rf"\b({_MONTH})\s(\d{{1,2}})(?:st|nd|rd|th)?\b(?!:|\d|\.\d)(?:,?\s(\d{{4}})\b)?",
                  lambda m: f"{month(m.group(1))} {_ordinal(m.group(2))}"
                            + (f", {_year(m.group(3))}" if m.group(3) else ""), text)


def times(text: str) -> str:
    """14:30, 7:05 a.m., 9pm."""
    def clock(m: re.Match[str]) -> str:
        hours, minutes, half = int(m.group(1)), int(m.group(2) or 0), m.group(3)
        said = words(hours)
        if minutes == 0:
            said += "" if half else " hundred" if hours >= 13 or m.group(1).startswith("0") else " o'clock"
        elif minutes < 10:
            said += f" oh {words(minutes)}"
        else:
            said += f" {words(minutes)}"
        if half:
            # Written "a.m." so that the phonemizer says "ay em" ("a m" comes out as "uh em").
            said += " a.m." if half.lower().startswith("a") else " p.m."
        return said

    text = re.sub(r"\b([01]?\d|2[0-3]):([0-5]\d)(?:\s*([ap]\.?m\b\.?))?", clock, text, flags=re.I)
    return re.sub(r"\b(1[0-2]|0?[1-9])()\s?([ap]\.?m\b\.?)", clock, text, flags=re.I)


def ranges(text: str) -> str:
    """2019–2021 and 10-15%: a dash between two numbers is 'to'."""
    def span(m: re.Match[str]) -> str:
        between = re.search(r"\bbetween\s+(?:the\s+)?$", m.string[:m.start()], re.I)
        return f"{m.group(1)} {'and' if between else 'to'} "

    return re.sub(r"(?<![\d.,-])(\d[\d,.]*)\s?[–—-]\s?(?=[$€£]?\d)", span, text)


def fractions(text: str) -> str:
    """½, 2½, 1/3, 3/4."""
    glyphs = "".join(VULGAR)
    text = re.sub(rf"(\d)\s?([{glyphs}])", lambda m: f"{m.group(1)} and {_fraction(*VULGAR[m.group(2)])}"
                  .replace("and one half", "and a half").replace("and one quarter", "and a quarter"), text)
    text = re.sub(rf"[{glyphs}]", lambda m: _fraction(*VULGAR[m.group(0)]), text)
    return re.sub(r"(?<![\d/.])(\d{1,2})/(\d{1,2})(?![\d/])",
                  lambda m: _fraction(int(m.group(1)), int(m.group(2))) if 1 < int(m.group(2)) <= 20 else m.group(0),
                  text)


def percent(text: str) -> str:
    """15% and 1.5 %."""
    return re.sub(rf"{NUMBER}\s?%", lambda m: f"{_n(m.group('num'))} percent", text)


def units(text: str) -> str:
    """45 min, 3.5 km, 20 °C, 60 mph, 16 GB: the unit's name, singular after exactly one."""
    def spoken(m: re.Match[str]) -> str:
        one, many = _UNITS[m.group(2)]
        return f"{m.group(1)} {one if m.group(1) == '1' else many}"

    text = re.sub(rf"(?<![\w.,])(\d[\d,]*(?:\.\d+)?)\s?({_UNIT})(?![\w/²])", spoken, text)
    text = re.sub(r"(\d)\s?°\s?([CF])\b", lambda m: f"{m.group(1)} degrees "
                  f"{'Celsius' if m.group(2) == 'C' else 'Fahrenheit'}", text)
    return re.sub(r"\s&\s", " and ", text)


def negatives(text: str) -> str:
    """−5 and -5 before a number are 'minus'."""
    return re.sub(r"(?<![\w.,])[−-](?=\d)", "minus ", text)


def ordinals(text: str) -> str:
    """1st, 22nd, 103rd."""
    return re.sub(r"\b(\d+)(?:st|nd|rd|th)\b", lambda m: _ordinal(m.group(1)), text)


def roman(text: str) -> str:
    """World War II, Henry VIII, the XXI century."""
    def cardinal(m: re.Match[str]) -> str:
        value = roman_value(m.group(2))
        return f"{m.group(1)} {words(value)}" if value else m.group(0)

    text = re.sub(rf"\b({_ROMAN_CARDINAL}) ([IVXLC]+)\b", cardinal, text)
    text = re.sub(r"\b([IVXLC]{1,6})(?=\s+[Cc]entur)",
                  lambda m: _ordinal(v) if (v := roman_value(m.group(1))) else m.group(0), text)

    def regnal(m: re.Match[str]) -> str:
        name, numeral = m.group(1), m.group(2)
        value = roman_value(numeral)
        if not value or numeral in _AS_LETTERS or name.isupper():
            return m.group(0)
        return f"{name} the {_ordinal(value).capitalize()}{m.group(3)}"

    return re.sub(r"\b([A-Z][a-z]+) (I{2,3}|IV|VI{0,3}|IX|XI{0,3}|XI?V|XVI{1,3}|XI?X|XXI{0,3})\b(['’]s\b|(?!['’-]))",
                  regnal, text)


def years(text: str) -> str:
    """1993 and 2025 as years: 'nineteen ninety-three', not 'one thousand nine hundred…'."""
    return re.sub(r"(?<![\d,.$€£])\b(1[1-9]\d\d|20\d\d)\b(?!\d|,\d|\.\d|\s?%)",
                  lambda m: _year(m.group(1)), text)


def numbers(text: str) -> str:
    """Every number left: cardinals, with decimals and thousands separators."""
    text = re.sub(rf"{NUMBER}(?=\s?(?:thousand|million|billion|trillion)\b)", lambda m: _n(m.group("num")), text)
    return re.sub(rf"(?<![\w.]){NUMBER}(?![\w])", lambda m: _n(m.group("num")), text)


def acronyms(text: str) -> str:
    """NATO and NASA as words, FBI and BBC as letters; a shouted all-capitals line is left alone."""
    if not re.search(r"\b[a-z]{2,}", text) and len(re.findall(r"\b[A-Z]{2,}\b", text)) >= 3:
        return text

    def spoken(m: re.Match[str]) -> str:
        word, plural = m.group(1), m.group(2)
        if word in _AS_WORDS:
            return word.capitalize() + plural
        if word in _AS_LETTERS or len(word) <= 3 or not re.search(r"[AEIOUY]", word):
            return " ".join(word) + ("'s" if plural else "")
        return m.group(0)

    return re.sub(r"\b([A-Z]{2,7})(s?)\b", spoken, text)


def steps(lang: str = "en") -> tuple[Step, ...]:
    """English steps in order; `lang` picks day-first or month-first numeric dates ('en-gb' vs 'en')."""
    return (titles, with_digits(currency), with_digits(lambda text: dates(text, lang)), with_digits(times),
            with_digits(phone_step("en")), with_digits(ranges), fractions, with_digits(percent), units,
            with_digits(negatives), with_digits(ordinals), roman, with_digits(years), with_digits(numbers), acronyms)
