"""The verbs-of-saying pattern matches exactly the listed forms, however it is factored."""

import re

from reader.segment import verbs


def test_speech_verbs_pattern_matches_every_form_and_nothing_near_it() -> None:
    pattern = re.compile(f"(?:{verbs.SPEECH_VERBS})", re.I)
    forms = verbs._all_words()
    assert len(forms) > 2000
    missing = [form for form in forms if not pattern.fullmatch(form)]
    assert missing == []
    known = {form.lower() for form in forms}
    # Near misses: an extra letter, a lost letter, a wrong ending, a prefix.
    near = {variant for form in forms for variant in (form + "z", form[:-1], form + "ая", form + "сяс", "о" + form)}
    extra = sorted(v for v in near if v.lower() not in known and pattern.fullmatch(v))
    assert extra == []


def test_stem_endings_are_read_for_russian_and_czech() -> None:
    pattern = re.compile(f"(?:{verbs.SPEECH_VERBS})", re.I)
    assert pattern.fullmatch("сказала")
    assert pattern.fullmatch("пожаловалась")
    assert pattern.fullmatch("řekla")
    assert not pattern.fullmatch("сказалу")
    assert not pattern.fullmatch("řeklu")
