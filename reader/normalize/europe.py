"""French, German, Spanish, Portuguese and Czech: numbers, dates, times, percentages, money and units.

num2words says the numbers; the tables here say how each language writes and reads dates ("le
quatorze mars", "vierzehnter März", "catorce de marzo", "čtrnáctého března"), times, money and units.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from .common import Step, with_digits, words
from .web import phone_step

__all__ = ["LANGUAGES", "steps"]


@dataclass(frozen=True, slots=True)
class _Language:
    months: tuple[str, ...]
    """Month names as they stand in a date (Czech: genitive)."""
    percent: str
    hour: str
    """Word between hours and minutes ('heures', 'Uhr'); empty when the minutes just follow."""
    date: str
    """How a date is said: {day} {month} {year} placeholders."""
    day_ordinal: bool
    """Whether the day is an ordinal ('vierzehnter') rather than a cardinal ('quatorze')."""
    units: Mapping[str, tuple[str, str, str]]
    """Symbol -> (one, two to four, five and more)."""
    scales: Mapping[str, tuple[str, str]]
    """Abbreviation -> (one, many)."""
    currencies: Mapping[str, tuple[str, str, str]]
    to: str
    """The word of a range: 2019–2021 is 'deux mille dix-neuf à deux mille vingt et un'."""
    halves: tuple[str, str, str]
    """How ½, ⅓ and ¼ are said."""


def _u(one: str, many: str, few: str | None = None) -> tuple[str, str, str]:
    return (one, few or many, many)


_FR = _Language(
    months=("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
            "novembre", "décembre"),
    percent="pour cent", hour="heures", date="{day} {month} {year}", day_ordinal=False,
    units={"km": _u("kilomètre", "kilomètres"), "m": _u("mètre", "mètres"), "cm": _u("centimètre", "centimètres"),
           "kg": _u("kilogramme", "kilogrammes"), "g": _u("gramme", "grammes"), "°C": _u("degré", "degrés"),
           "min": _u("minute", "minutes"), "h": _u("heure", "heures"), "km/h": _u("kilomètre-heure", "kilomètres-heure"),
           "Go": _u("gigaoctet", "gigaoctets"), "l": _u("litre", "litres"), "t": _u("tonne", "tonnes")},
    scales={"k": ("mille", "mille"), "M": ("million", "millions"), "Md": ("milliard", "milliards"),
            "Mds": ("milliard", "milliards"), "millions": ("million", "millions"),
            "milliards": ("milliard", "milliards")},
    currencies={"€": _u("euro", "euros"), "$": _u("dollar", "dollars"), "£": _u("livre", "livres")},
    to="à", halves=("un demi", "un tiers", "un quart"),
)
_DE = _Language(
    months=("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
            "November", "Dezember"),
    percent="Prozent", hour="Uhr", date="{day} {month} {year}", day_ordinal=True,
    units={"km": _u("Kilometer", "Kilometer"), "m": _u("Meter", "Meter"), "cm": _u("Zentimeter", "Zentimeter"),
           "kg": _u("Kilogramm", "Kilogramm"), "g": _u("Gramm", "Gramm"), "°C": _u("Grad", "Grad"),
           "min": _u("Minute", "Minuten"), "Min.": _u("Minute", "Minuten"), "h": _u("Stunde", "Stunden"),
           "Std.": _u("Stunde", "Stunden"), "km/h": _u("Stundenkilometer", "Stundenkilometer"),
           "GB": _u("Gigabyte", "Gigabyte"), "l": _u("Liter", "Liter"), "t": _u("Tonne", "Tonnen")},
    scales={"Tsd.": ("tausend", "tausend"), "Mio.": ("Million", "Millionen"), "Mrd.": ("Milliarde", "Milliarden"),
            "Millionen": ("Million", "Millionen"), "Milliarden": ("Milliarde", "Milliarden")},
    currencies={"€": _u("Euro", "Euro"), "$": _u("Dollar", "Dollar"), "£": _u("Pfund", "Pfund")},
    to="bis", halves=("ein halb", "ein Drittel", "ein Viertel"),
)
_ES = _Language(
    months=("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
            "noviembre", "diciembre"),
    percent="por ciento", hour="", date="{day} de {month} de {year}", day_ordinal=False,
    units={"km": _u("kilómetro", "kilómetros"), "m": _u("metro", "metros"), "cm": _u("centímetro", "centímetros"),
           "kg": _u("kilogramo", "kilogramos"), "g": _u("gramo", "gramos"), "°C": _u("grado", "grados"),
           "min": _u("minuto", "minutos"), "h": _u("hora", "horas"), "km/h": _u("kilómetro por hora",
                                                                               "kilómetros por hora"),
           "GB": _u("gigabyte", "gigabytes"), "l": _u("litro", "litros"), "t": _u("tonelada", "toneladas")},
    scales={"mil": ("mil", "mil"), "M": ("millón", "millones"), "mill.": ("millón", "millones"),
            "millones": ("millón", "millones"), "mil millones": ("mil millones", "mil millones")},
    currencies={"€": _u("euro", "euros"), "$": _u("dólar", "dólares"), "£": _u("libra", "libras")},
    to="a", halves=("un medio", "un tercio", "un cuarto"),
)
_PT = _Language(
    months=("janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro",
            "novembro", "dezembro"),
    percent="por cento", hour="e", date="{day} de {month} de {year}", day_ordinal=False,
    units={"km": _u("quilómetro", "quilómetros"), "m": _u("metro", "metros"), "cm": _u("centímetro", "centímetros"),
           "kg": _u("quilograma", "quilogramas"), "g": _u("grama", "gramas"), "°C": _u("grau", "graus"),
           "min": _u("minuto", "minutos"), "h": _u("hora", "horas"), "km/h": _u("quilómetro por hora",
                                                                               "quilómetros por hora"),
           "GB": _u("gigabyte", "gigabytes"), "l": _u("litro", "litros"), "t": _u("tonelada", "toneladas")},
    scales={"mil": ("mil", "mil"), "M": ("milhão", "milhões"), "mi": ("milhão", "milhões"),
            "milhões": ("milhão", "milhões"), "mil milhões": ("mil milhões", "mil milhões")},
    currencies={"€": _u("euro", "euros"), "$": _u("dólar", "dólares"), "R$": _u("real", "reais"),
                "£": _u("libra", "libras")},
    to="a", halves=("um meio", "um terço", "um quarto"),
)
_CS = _Language(
    months=("ledna", "února", "března", "dubna", "května", "června", "července", "srpna", "září", "října",
            "listopadu", "prosince"),
    percent="procent", hour="", date="{day} {month} {year}", day_ordinal=True,
    units={"km": _u("kilometr", "kilometrů", "kilometry"), "m": _u("metr", "metrů", "metry"),
           "cm": _u("centimetr", "centimetrů", "centimetry"), "kg": _u("kilogram", "kilogramů", "kilogramy"),
           "g": _u("gram", "gramů", "gramy"), "°C": _u("stupeň", "stupňů", "stupně"),
           "min": _u("minuta", "minut", "minuty"), "h": _u("hodina", "hodin", "hodiny"),
           "km/h": _u("kilometr za hodinu", "kilometrů za hodinu", "kilometry za hodinu"),
           "GB": _u("gigabajt", "gigabajtů", "gigabajty"), "l": _u("litr", "litrů", "litry"),
           "t": _u("tuna", "tun", "tuny")},
    scales={"tis.": ("tisíc", "tisíc"), "mil.": ("milion", "milionů"), "mld.": ("miliarda", "miliard")},
    currencies={"€": _u("euro", "eur"), "$": _u("dolar", "dolarů", "dolary"), "Kč": _u("koruna", "korun", "koruny")},
    to="až", halves=("jedna polovina", "jedna třetina", "jedna čtvrtina"),
)
_LANGUAGES: Mapping[str, _Language] = {"fr": _FR, "de": _DE, "es": _ES, "pt": _PT, "cs": _CS}
LANGUAGES = frozenset(_LANGUAGES)
"""Language codes this module normalizes."""

_CS_ORDINAL_GENITIVE = ("prvního druhého třetího čtvrtého pátého šestého sedmého osmého devátého desátého "
                        "jedenáctého dvanáctého třináctého čtrnáctého patnáctého šestnáctého sedmnáctého "
                        "osmnáctého devatenáctého dvacátého").split()


def _day(day: int, lang: str) -> str:
    if lang == "cs":
        if day <= 20:
            return _CS_ORDINAL_GENITIVE[day - 1]
        tens = "dvacátého" if day < 30 else "třicátého"
        return tens + (f" {_CS_ORDINAL_GENITIVE[day % 10 - 1]}" if day % 10 else "")
    if lang == "de":
        return words(day, "de", to="ordinal") + "r"
    if lang == "fr" and day == 1:
        return "premier"
    if lang in ("es", "pt") and day == 1:
        return "primero" if lang == "es" else "primeiro"
    return words(day, lang)


def _number(value: str, lang: str) -> str:
    """A number as this language writes it ('1,5', '1.000', '1 000') in words."""
    if lang in ("de", "es", "pt"):
        value = re.sub(r"\.(?=\d{3}\b)", "", value)
    value = re.sub(r"[\s\u00a0\u202f](?=\d{3}\b)", "", value).replace(",", ".")
    if value.count(".") > 1:
        return value
    return words(value, lang)


def _form(forms: tuple[str, str, str], value: str, lang: str) -> str:
    if value in ("1", "1,0"):
        return forms[0]
    if lang == "cs" and value.isdigit() and 2 <= int(value) <= 4:
        return forms[1]
    if lang == "cs" and not value.isdigit():
        return forms[1]  # Czech decimals take the genitive singular, close to the "few" form
    return forms[2]


def steps(lang: str) -> tuple[Step, ...]:
    """Number, date and time steps for `lang` (one of LANGUAGES)."""
    table = _LANGUAGES[lang]
    number = r"\d{1,3}(?:[.\u00a0\u202f ]\d{3})+(?:,\d+)?|\d+(?:,\d+)?"

    def dates(text: str) -> str:
        def said(day: int, month: int, year: str | None) -> str:
            if not (1 <= month <= 12 and 1 <= day <= 31):
                raise ValueError
            out = table.date.format(day=_day(day, lang), month=table.months[month - 1], year=year or "")
            if year:
                out = out.replace(year, words(int(year), lang))
            return re.sub(r"\s+(de\s+)?$", "", out)

        def numeric(m: re.Match[str], iso: bool) -> str:
            day, month, year = (m.group(3), m.group(2), m.group(1)) if iso else (m.group(1), m.group(2), m.group(3))
            try:
                return said(int(day), int(month), year)
            except ValueError:
                return m.group(0)

        text = re.sub(r"\b(\d{4})-(\d{2})-(\d{2})\b", lambda m: numeric(m, True), text)
        text = re.sub(r"\b(\d{1,2})[./]\s?(\d{1,2})[./]\s?(\d{4})\b", lambda m: numeric(m, False), text)
        months = "|".join(table.months)
        joiner = r"\s(?:de\s)?" if lang in ("es", "pt") else r"\.?\s"
        return re.sub(rf"\b(\d{{1,2}}){joiner}({months})(?:{joiner}(\d{{4}}))?\b",
                      lambda m: said(int(m.group(1)), table.months.index(m.group(2)) + 1, m.group(3)), text)

    def times(text: str) -> str:
        def clock(m: re.Match[str]) -> str:
            hours, minutes = int(m.group(1)), int(m.group(2))
            said = words(hours, lang)
            if table.hour:
                said += f" {table.hour}"
            return f"{said} {words(minutes, lang)}" if minutes else said

        return re.sub(r"\b([01]?\d|2[0-3])(?::|h\s?|\s?h\s)([0-5]\d)\b(?:\s?Uhr\b)?", clock, text)

    def fractions(text: str) -> str:
        return re.sub(r"[½⅓¼]", lambda m: " " + table.halves["½⅓¼".index(m.group(0))], text)

    currency_symbols = "|".join(re.escape(s) for s in sorted(table.currencies, key=len, reverse=True))
    scales = "|".join(re.escape(s) for s in sorted(table.scales, key=len, reverse=True))
    sign_first = re.compile(rf"(?P<sym>{currency_symbols})\s?(?P<num>{number})(?:\s(?P<scale>{scales})(?!\w))?")
    sign_after = re.compile(rf"(?<![\w.,])(?P<num>{number})(?:\s(?P<scale>{scales}))?\s?(?P<sym>{currency_symbols})(?!\w)")
    unit_symbols = "|".join(re.escape(s) for s in sorted(table.units, key=len, reverse=True))
    percent = re.compile(rf"(?<![\w.,])({number})\s?%")
    measure = re.compile(rf"(?<![\w.,])({number})\s?({unit_symbols})(?![\w/])")
    year_span = re.compile(r"(?<![\w.,])(\d{4})\s?[–—-]\s?(\d{4})\b")
    cardinal_number = re.compile(rf"(?<![\w.,])(?:(?<=\s)[−-]|^[−-])?(?:{number})(?![\w])")

    def money(text: str) -> str:
        def said(value: str, scale: str | None, symbol: str) -> str:
            out = _number(value, lang)
            if scale:
                one, many = table.scales[scale]
                out += f" {one if value == '1' else many}"
                if lang in ("fr", "es", "pt") and not scale.startswith("mil"):
                    out += " de"
                return f"{out} {table.currencies[symbol][2]}"
            return f"{out} {_form(table.currencies[symbol], value, lang)}"

        text = sign_first.sub(lambda m: said(m.group("num"), m.group("scale"), m.group("sym")), text)
        return sign_after.sub(lambda m: said(m.group("num"), m.group("scale"), m.group("sym")), text)

    def units(text: str) -> str:
        text = percent.sub(lambda m: f"{_number(m.group(1), lang)} {table.percent}", text)
        return measure.sub(lambda m: f"{_number(m.group(1), lang)} {_form(table.units[m.group(2)], m.group(1), lang)}"
                           + (" Celsius" if m.group(2) == "°C" else ""), text)

    def numbers(text: str) -> str:
        text = year_span.sub(lambda m: f"{words(int(m.group(1)), lang)} {table.to} {words(int(m.group(2)), lang)}",
                             text)
        minus = {"fr": "moins", "es": "menos", "pt": "menos"}.get(lang, "minus")

        def cardinal(m: re.Match[str]) -> str:
            value = m.group(0)
            sign = f"{minus} " if value[0] in "−-" else ""
            return sign + _number(value.lstrip("−-"), lang)

        return cardinal_number.sub(cardinal, text)

    return (with_digits(dates), with_digits(times), with_digits(phone_step(lang)), fractions, with_digits(money),
            with_digits(units), with_digits(numbers))
