"""Who speaks: gender evidence, attribution verbs per language, continuations, titles as narration."""

from __future__ import annotations

from reader.model import Article, Gender, Role
from reader.segment import split
from reader.segment.gender import of_cue, of_name
from reader.segment.quotes import split_quotes

BODY = "The council met on Tuesday evening to discuss the budget for the coming year and the harbour."


def _quotes(text: str) -> list[tuple[str, str | None]]:
    doc = split(Article(f"{BODY}\n\n{text}\n\n{BODY}"))
    return [(r.text, r.speaker) for b in doc.blocks for r in b.runs if r.role is Role.QUOTE]


def test_gender_from_names_and_grammar() -> None:
    assert of_name("Anna Berg") is Gender.FEMALE
    assert of_name("Steve Lederer") is Gender.MALE
    assert of_name("Екатерина Бурмистрова") is Gender.FEMALE
    assert of_cue("пожаловалась Поризкова") is Gender.FEMALE
    assert of_cue("uvedla") is Gender.FEMALE
    assert of_cue("a-t-il déclaré") is Gender.MALE
    assert of_cue("said the mayor") is None


def test_she_goes_to_the_woman_not_the_last_man_named() -> None:
    text = ("Maria Lopez, the harbour master, met Peter Brown on the quay before the vote.\n\n"
            '"We cannot wait another winter for this," she said.')
    assert _quotes(text) == [("We cannot wait another winter for this", "Maria Lopez")]


def test_verb_without_subject_goes_to_the_person_just_named() -> None:
    text = ("O presidente do Senado, Rodrigo Pacheco, falou com os jornalistas na saída.\n\n"
            '"Não houve crítica ao tribunal pela decisão de ontem", ressaltou.')
    assert _quotes(text) == [("Não houve crítica ao tribunal pela decisão de ontem", "Rodrigo Pacheco")]


def test_feminine_verb_picks_the_woman() -> None:
    text = ("На встрече были Иван Петров и Екатерина Бурмистрова.\n\n"
            "«Мы движемся в правильном направлении», — сказала она.")
    assert _quotes(text) == [("Мы движемся в правильном направлении", "Екатерина Бурмистрова")]


def test_quote_continued_over_paragraphs_keeps_its_speaker() -> None:
    text = ('Judge Neil Ford said: "There was no malicious intention in this case.\n\n'
            '"You knew the potential dangers of a leak.\n\n'
            '"Your sense of guilt is overwhelming."')
    assert [s for _, s in _quotes(text)] == ["Neil Ford"] * 3


def test_indefinite_speaker_stays_null() -> None:
    text = '"The very idea of a resort here is kind of cringey," said another person at the meeting.'
    assert _quotes(text) == [("The very idea of a resort here is kind of cringey", None)]


def test_german_reversed_guillemets_and_titles_stay_narration() -> None:
    pieces = split_quotes("Dann schickt Gezer eine Nachricht an die Kollegen: »Es ist schlimmer als jeder Albtraum.«")
    assert [(p.text, p.quote) for p in pieces] == [("Dann schickt Gezer eine Nachricht an die Kollegen", False),
                                                   ("Es ist schlimmer als jeder Albtraum.", True)]
    text = 'The film "Once Upon A Time in Hollywood" won again on Sunday, and the cast was on stage.'
    assert _quotes(text) == []


def test_document_lists_speakers_with_gender_and_cue() -> None:
    doc = split(Article(f'{BODY}\n\n"We will build it by May," said Anna Berg, the mayor.\n\n{BODY}'))
    assert [(s.name, s.gender) for s in doc.speakers] == [("Anna Berg", Gender.FEMALE)]
    run = next(r for b in doc.blocks for r in b.runs if r.role is Role.QUOTE)
    assert run.cue and "Anna Berg" in run.cue


def test_russian_names_in_any_case_and_dashes_without_spaces() -> None:
    text = ("Владимир Путин встретился в Кремле с премьер-министром Малайзии Анваром Ибрагимом.\n\n"
            "Анвар Ибрагим признался:\n\n"
            "— Я восхищаюсь теми связями, которые между нами есть, и это очень важно для нас.\n\n"
            "— Мы ждём его с визитом в Россию,— попросил коллегу господин Путин.— Это будет большая честь.")
    assert [s for _, s in _quotes(text)] == ["Анвар Ибрагим", "Владимир Путин", "Владимир Путин"]


def test_role_phrase_goes_to_the_person_introduced_with_it() -> None:
    text = ("David Campo, portavoz de la Asociación Vecinal, habló con los vecinos del barrio.\n\n"
            '"Nos sigue pareciendo insuficiente y muy ruidoso", afirma el portavoz de la Asociación.')
    assert _quotes(text) == [("Nos sigue pareciendo insuficiente y muy ruidoso", "David Campo")]


def test_organisation_names_are_not_people_and_czech_verbs_show_gender() -> None:
    text = ('Desde la Asociación Vecinal Pradera-Tercio Terol piden más control del ruido en el barrio.\n\n'
            '"Les dan igual los vecinos y el medio ambiente", asegura la vecina.')
    assert _quotes(text) == [("Les dan igual los vecinos y el medio ambiente", None)]
    assert of_cue("doplnila soudkyně") is Gender.FEMALE
    assert of_cue("doplnil soudce") is Gender.MALE
