"""Which spans of a news page are quotations: one short case per detection rule."""

from __future__ import annotations

from reader.model import Article, InputFormat, Role
from reader.segment import split
from reader.segment.quotes import split_quotes

BODY = "The council met on Tuesday evening to discuss the budget for the coming year in some detail."


def _quotes(text: str) -> list[str]:
    return [p.text for p in split_quotes(text) if p.quote]


def _page_quotes(text: str) -> list[str]:
    doc = split(Article(text, InputFormat.TEXT, "test"))
    return [r.text for b in doc.blocks for r in b.runs if r.role is Role.QUOTE]


# Dash-led paragraphs: speech only when attributed or announced.

def test_list_item_led_by_a_hyphen_is_not_speech() -> None:
    assert _quotes("- Schools will stay closed until the end of the month.") == []
    assert _quotes("— Reporting by Jane Doe in London; editing by John Roe") == []


def test_dash_speech_with_its_attribution_is_speech() -> None:
    assert _quotes("— Мы работаем здесь уже тридцать лет, — сказал он.") == ["Мы работаем здесь уже тридцать лет"]
    assert _quotes("— On travaille ici depuis trente ans, dit-il en souriant.") != []


def test_dash_speech_announced_by_a_colon_goes_on_as_a_dialogue() -> None:
    page = (f"{BODY}\n\nThe minister then protested:\n\n— I have only one wife, and she knows it.\n\n"
            f"— And the third throne is for my mother.\n\n{BODY}")
    assert _page_quotes(page) == ["I have only one wife, and she knows it.", "And the third throne is for my mother."]


def test_bullets_after_a_plain_paragraph_stay_narration() -> None:
    page = f"{BODY}\n\n- Shops reopen on Monday.\n\n- Schools reopen a week later.\n\n{BODY}"
    assert _page_quotes(page) == []


# Names, titles and nicknames stay narration.

def test_title_of_a_work_with_the_sentence_period_inside_the_marks() -> None:
    text = 'It opened third, after "The Avengers" and "Harry Potter and the Deathly Hallows — Part 2."'
    assert _quotes(text) == []


def test_sentence_of_capitalized_german_nouns_after_a_colon_is_speech() -> None:
    assert _quotes("Relotius schreibt: »Drückt uns die Daumen.«") == ["Drückt uns die Daumen."]


def test_words_that_give_a_name_keep_the_quoted_name_in_narration() -> None:
    assert _quotes('The protest group, dubbed "the Tuesday Club of Angry Neighbours", said it would march.') == []
    assert _quotes('She wrote a book titled "Why the river always wins in the end" last year, she said.') == []
    assert _quotes('The minister said a group called "Friends of the Old Harbour Station" had asked.') == []
    assert _quotes("Le ministre a évoqué le projet baptisé « Grand Paris des transports de demain », a-t-il dit.") == []
    assert _quotes('El ministro habló del plan apodado "Escudo Social para todos los hogares" y dijo que seguirá.') == []


def test_called_after_a_person_gives_their_words() -> None:
    assert _quotes('It was a plan which he called "a disaster for every family in this town", aides said.') == [
        "a disaster for every family in this town"]


# Headlines and pull quotes.

def test_headline_in_single_marks_attributed_in_the_headline_is_speech() -> None:
    page = ("'We want to get to the end of AIDS,' top researcher says at conference\n\n"
            f"{BODY}\n\nThe researcher, Dr. Ann Fowler, spoke first. \"No promises, no dates,\" Fowler said.")
    assert _page_quotes(page)[0] == "We want to get to the end of AIDS"


def test_headline_repeating_a_quotation_of_the_article_takes_its_speaker() -> None:
    page = ("KI in der Schule – „Sie werden schneller und erfolgreicher“\n\n"
            "Die Schule plant ein Computerlabor für die Klassen fünf bis zehn, das im Herbst öffnen soll. "
            "Mohammed Aloof leitet die IT-Abteilung.\n\n"
            "Er sagt: „Es ist nicht so, dass Kinder durch KI faul würden. Sie werden schneller und erfolgreicher.“")
    doc = split(Article(page, InputFormat.TEXT, "test"))
    runs = [r for b in doc.blocks for r in b.runs if r.role is Role.QUOTE]
    assert [r.text for r in runs][0] == "Sie werden schneller und erfolgreicher"
    assert runs[0].speaker == runs[1].speaker == "Mohammed Aloof"


def test_headline_scare_quotes_and_titles_stay_narration() -> None:
    page = (f"3 Arrested in Separate 'Dark Knight' Incidents\n\n{BODY}\n\n"
            "A man was arrested after watching \"The Dark Knight Rises,\" police said Monday.")
    assert _page_quotes(page) == []
    page = f"'Whingers' Harry and Meghan 'won't recover' from 'terrible' snub\n\n{BODY}\n\n{BODY}"
    assert _page_quotes(page) == []


def test_headline_quote_that_the_article_does_not_repeat_stays_narration() -> None:
    page = f"Residents demand changes: \"Fifteen days of noise is far too much\"\n\n{BODY}\n\n{BODY}"
    assert _page_quotes(page) == []


# Unclosed and short quotations.

def test_quotation_opened_after_a_sentence_and_left_open_runs_to_the_paragraph_end() -> None:
    # English leaves a quotation open at a paragraph's end when the next paragraph goes on with it.
    text = '"We are working hard," he said. "This is ongoing and we will not stop until the job is done.'
    assert _quotes(text) == ["We are working hard", "This is ongoing and we will not stop until the job is done."]


def test_opener_left_open_inside_a_sentence_is_not_a_quotation() -> None:
    assert _quotes('He said the plan was "a first step, not the last one and more will follow soon.') == []


def test_short_quotation_with_its_comma_inside_the_marks_is_attributed_speech() -> None:
    assert _quotes("“We will win,” he said, “because we must.”") == ["We will win", "because we must."]


def test_title_followed_by_a_verb_of_saying_stays_a_title() -> None:
    assert _quotes('A man was arrested after watching "The Dark Knight Rises," Maine state police said.') == []
    assert _quotes('A través de la "cuenta administrada por su familia", Ricardo Jaime escribió en Twitter.') == []


def test_title_after_the_kind_of_work_stays_narration() -> None:
    assert _quotes('Her new film "What the river keeps from us all" opened on Friday, she said.') == []
    assert _quotes("Der Minister sagte, das Buch „Warum wir den Wald nicht retten werden“ sei wichtig.") == []
    assert _quotes("Глава компании «Северные морские перевозки и логистика» заявил, что всё хорошо.") == []


def test_name_given_with_como_stays_narration() -> None:
    text = "La institución se nominaría como “Ministerio de Seguridad, Protección Civil y Convivencia Ciudadana”."
    assert _quotes(text) == []


def test_reference_to_an_article_stays_narration() -> None:
    text = "Sung Il-kwon, « En Corée, la politique du rayon de soleil », Le Monde diplomatique, juin 2018."
    assert _quotes(text) == []
    assert _quotes("« Nous irons jusqu'au bout, quoi qu'il arrive », a dit Marie Dupont, Le Monde.") != []


# Spanish and Portuguese pages: interview questions, names and titles in sentence case.

def test_spanish_interview_question_led_by_a_dash_is_speech_by_no_one_named() -> None:
    page = (f"{BODY}\n\nMarta Gil, directora del instituto, considera que los precios seguirán altos.\n\n"
            "—¿Cuál es la situación de los precios este año?\n\nLos precios subieron mucho en marzo.\n\n"
            "—El Gobierno prepara una ley de aranceles, ¿cómo la evalúan?\n\nEs una medida oportuna.")
    doc = split(Article(page, InputFormat.TEXT, "test"))
    quotes = [r for b in doc.blocks for r in b.runs if r.role is Role.QUOTE]
    assert [q.text[:12] for q in quotes] == ["¿Cuál es la ", "El Gobierno "]
    assert [q.speaker for q in quotes] == [None, None]
    # A dash-led line that is no question and has no verb of saying stays a list item.
    assert _quotes("—El Gobierno prepara una ley de aranceles para el año próximo.") == []


def test_sentence_case_title_after_an_article_or_a_naming_verb_stays_narration() -> None:
    assert _quotes('Muchos quieren conocer el contenido del "Programa para la transformación del trabajo '
                   'político-ideológico", sobre todo los jóvenes.') == []
    assert _quotes('Lo que llamas "Programa para la transformación del trabajo político" no es un documento.') == []
    assert _quotes('O deputado repudiou a exibição da peça teatral “O Evangelho Segundo Jesus, Rainha do Céu”.') == []
    # Speech after an article stays speech when a verb of saying attributes it.
    assert _quotes('Ella dijo a la prensa: "Nadie nos avisó de los cambios en el plan".') != []
