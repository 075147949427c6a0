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


def test_verb_lexicon_matches_exactly_its_words() -> None:
    import re

    from reader.segment.verbs import SPEECH_VERBS, trie_pattern
    pattern = re.compile(rf"(?:{trie_pattern(['said', 'says', 'sagte', 'a déclaré'])})")
    assert [bool(pattern.fullmatch(w)) for w in ("said", "says", "sagte", "a déclaré", "sa", "sagten")] == \
        [True, True, True, True, False, False]
    speech = re.compile(rf"\b(?:{SPEECH_VERBS})\b", re.I)
    for verb in ("remarcó", "a souligné", "fügte hinzu", "afirmou", "uvedla", "подчеркнула", "detalló"):
        assert speech.search(verb), verb


def test_role_means_the_person_introduced_with_that_office() -> None:
    text = ("El presidente de Estados Unidos, Joe Biden, habló en Filadelfia. El senador Rick Scott lo criticó "
            "otra vez por la tarde.\n\n"
            '"Es la agenda de siempre, la de los extremos", dijo el mandatario.')
    assert _quotes(text) == [("Es la agenda de siempre, la de los extremos", "Joe Biden")]
    text = ("O ministro da Defesa, general Paulo Sérgio Nogueira, encontrou o ministro Luís Roberto Barroso.\n\n"
            'O titular da Defesa respondeu prontamente. "Afirmar isso sem prova alguma é irresponsável."')
    assert _quotes(text) == [("Afirmar isso sem prova alguma é irresponsável.", "Paulo Sérgio Nogueira")]


def test_documents_and_organisations_speak() -> None:
    assert _quotes("«Ситуация на границе находится под контролем», говорится в сообщении Минобороны.") == \
        [("Ситуация на границе находится под контролем", "Минобороны")]
    assert _quotes('"The plant will reopen in May after the repairs," the report says.') == \
        [("The plant will reopen in May after the repairs", None)]
    text = ("A spokesperson for the Harbour Workers Association said its members had not been consulted.\n\n"
            '"We learned about the plan from the newspaper like everyone else," he said.')
    assert _quotes(text) == [("We learned about the plan from the newspaper like everyone else",
                              "Harbour Workers Association")]


def test_given_name_alone_and_french_inversion() -> None:
    text = ("Marie Dupont, professeure d'histoire, défend la grève devant ses étudiants.\n\n"
            "Le problème est prégnant, comme nous le raconte Antoine, 32 ans, chargé de cours. « Je suis très "
            "inquiet pour mon avenir, a-t-il souligné. Mon contrat ne sera pas renouvelé. »")
    assert [s for _, s in _quotes(text)] == ["Antoine", "Antoine"]


def test_terms_titles_and_inverted_objects() -> None:
    text = ('A través de la "cuenta administrada por su familia", Ricardo Jaime escribió en Twitter: '
            '"La libertad les cambia lo que decían y pensaban".')
    assert _quotes(text) == [("La libertad les cambia lo que decían y pensaban", "Ricardo Jaime")]
    text = 'Gilley, author of the 2017 article "The Case for Colonialism," argued that the Reich was benevolent.'
    assert _quotes(text) == []
    text = ("Lisa Allendorf leitet die Initiative seit dem Frühjahr.\n\n"
            "„Die Liste der Künstler wird immer länger“, sagte Allendorf der Frankfurter Allgemeinen Zeitung.")
    assert _quotes(text) == [("Die Liste der Künstler wird immer länger", "Lisa Allendorf")]


def test_short_attributed_quotation_is_speech_not_a_heading() -> None:
    text = "Jan Novak, ministre des Affaires étrangères, était à Paris.\n\n« Nous devons aider jusqu'au bout », a-t-il dit."
    assert _quotes(text) == [("Nous devons aider jusqu'au bout", "Jan Novak")]
