"""Plain-text page copies: the article region, its headline, and chrome told apart by structure."""

from __future__ import annotations

from reader import segment
from reader.model import Article

P1 = ("The harbour council voted on Tuesday to keep the night ferry running through the winter, after "
      "a petition signed by four thousand residents asked it to reconsider the planned cuts.")
P2 = ("Ferry workers said the decision would protect jobs on both sides of the bay, and the operator "
      "promised to publish a new timetable before the end of the month.")
P3 = ("Critics on the council argued that the subsidy could have paid for two new buses, but the motion "
      "passed by seven votes to four after a long debate in the chamber.")
P4 = ("The first winter sailings will leave the north pier at six in the evening, and tickets bought "
      "for the summer service will remain valid until the spring.")


def _read(text: str) -> tuple[str, str | None, list[tuple[str, str]]]:
    doc = segment.split(Article(text=text))
    spoken = "\n".join(b.text for b in doc.blocks)
    return spoken, doc.title, [(s.text, s.reason) for s in doc.skipped]


def test_teaser_rail_after_the_article_is_not_read() -> None:
    teasers = "\n".join(
        f"Story number {n} about something else entirely\nA single sentence of teaser text that sells story {n} to readers today."
        for n in range(1, 7)
    )
    spoken, _, skipped = _read(f"Night ferry stays\n\n{P1}\n\n{P2}\n\n{P3}\n\nMore stories\n{teasers}\n")
    assert P3 in spoken and "teaser text" not in spoken
    assert any("teaser text" in text for text, _ in skipped)


def test_a_gallery_inside_the_article_does_not_cut_it() -> None:
    gallery = "\n".join(f"Picture {n} of 12" for n in range(1, 13))
    spoken, _, _ = _read(f"{P1}\n\n{P2}\n\n{gallery}\n\n{P3}\n\n{P4}\n")
    for paragraph in (P1, P2, P3, P4):
        assert paragraph in spoken


def test_headline_is_never_a_widget_label() -> None:
    page = f"Menu\nWinter ferry service saved by council vote\nCopy this link\nListen to this text\nBack to overview\n\n{P1}\n\n{P2}\n"
    spoken, title, _ = _read(page)
    assert title == "Winter ferry service saved by council vote"
    for label in ("Copy this link", "Listen to this text", "Back to overview"):
        assert label not in spoken


def test_headline_that_names_the_story_wins_over_a_nearer_line() -> None:
    page = f"Council keeps the night ferry running\nPhotos from around the region today\n\n{P1}\n\n{P2}\n"
    _, title, _ = _read(page)
    assert title == "Council keeps the night ferry running"


def test_comment_form_ends_the_article() -> None:
    page = (f"{P1}\n\n{P2}\n\nLeave a comment\n\nMarta\nI think the council got this badly wrong and will regret it soon.\n"
            "Olek\nFinally some good news for the people who work late in the city.\n")
    spoken, _, _ = _read(page)
    assert "regret" not in spoken and "good news" not in spoken


def test_month_names_are_whole_words() -> None:
    spoken, _, _ = _read(f"{P1}\n\nProfile: Julian Assange\n\n{P2}\n")
    assert "Profile: Julian Assange" in spoken


def test_french_sentence_starting_with_de_is_not_a_byline() -> None:
    sentence = "De nombreux habitants ont salué la décision du conseil."
    spoken, _, _ = _read(f"{P1}\n\n{sentence}\n\n{P2}\n")
    assert sentence in spoken


def test_authors_note_closing_the_article_is_skipped_with_a_reason() -> None:
    bio = "Jane Doe is a freelance reporter covering transport and the coast."
    spoken, _, skipped = _read(f"{P1}\n\n{P2}\n\n{P3}\n\n{bio}\n")
    assert bio not in spoken and (bio, "byline") in skipped


def test_chinese_menu_line_is_skipped() -> None:
    menu = "时政 地方 法治 高层 人事 理论 国际"
    body = "市议会周二投票决定冬季继续运营夜间渡轮。四千名居民签署请愿书，要求重新考虑削减计划。渡轮工人表示，这一决定将保护海湾两岸的工作岗位。"
    spoken, _, skipped = _read(f"{menu}\n\n{body}\n\n{body}\n")
    assert menu not in spoken and any(text == menu for text, _ in skipped)


def test_a_long_consent_notice_is_not_read_but_an_article_about_cookies_is() -> None:
    notice = ("We and our partners use cookies and similar technologies to store and access information on "
              "your device, to measure audiences and to show you personalised advertising and content. "
              "By clicking accept you agree to this processing; you can change your choices at any time in "
              "the privacy settings at the bottom of every page, where you can also withdraw your consent "
              "or object to processing based on legitimate interest by our partners and their vendors.")
    about = ("Browser makers have spent years phasing out third-party cookies, the small files that let "
             "advertisers follow people from site to site, and regulators say the change has reshaped how "
             "publishers sell space, how much they earn from each visit and how much of a reader's browsing "
             "history ends up in the hands of companies they have never heard of, according to the report.")
    assert len(notice.split()) > 60 and len(about.split()) > 60
    spoken, _, skipped = _read(f"{notice}\n\n{P1}\n\n{about}\n\n{P2}\n\n{P3}\n")
    assert notice not in spoken and (notice, "consent") in skipped
    assert about in spoken


def test_a_long_author_note_closing_the_article_is_not_read() -> None:
    bio = ("Jane Doe is a freelance reporter covering transport, housing and the coast for several regional "
           "papers. She previously worked for ten years at a news agency in the capital, where she reported "
           "on the courts and local government, and she has written two books about the islands of the "
           "north sea, the second of which won a prize for regional non-fiction in the year it appeared.")
    assert len(bio.split()) > 60
    spoken, _, skipped = _read(f"{P1}\n\n{P2}\n\n{P3}\n\n{bio}\n")
    assert bio not in spoken and (bio, "byline") in skipped


def test_captions_and_agency_credits_alone_are_not_read_but_an_agency_in_a_sentence_is() -> None:
    epa = "The EPA said on Monday that it would review the harbour dredging permit before the spring."
    page = (f"{P1}\n\nReuters\n\nMedia caption The night ferry leaving the north pier\n\n{epa}\n\n"
            f"Passengers on the north pier in December. (Photo: Jane Doe / AFP)\n\n{P2}\n\nEPA\n\n{P3}\n")
    spoken, _, skipped = _read(page)
    assert epa in spoken and P3 in spoken
    for credit in ("Reuters", "EPA", "Media caption The night ferry leaving the north pier",
                   "Passengers on the north pier in December. (Photo: Jane Doe / AFP)"):
        assert (credit, "credit") in skipped


def test_a_subheading_followed_by_a_photo_credit_is_kept() -> None:
    spoken, _, _ = _read(f"{P1}\n\n{P2}\n\nMaria Lopez, ferry captain\n\nPhoto: John Smith\n\n{P3}\n\n{P4}\n")
    assert "Maria Lopez, ferry captain" in spoken


def test_a_list_between_paragraphs_is_read() -> None:
    items = ["2 cups of flour", "3/4 cup of sugar", "1 teaspoon of baking powder", "200 g of butter"]
    steps = "\n".join(items)
    spoken, _, _ = _read(f"{P1}\n\n{P2}\n\nIngredients\n{steps}\n\n{P3}\n\n{P4}\n")
    for item in items:
        assert item in spoken
    assert "Ingredients" in spoken


def test_a_rail_of_cards_with_no_marker_line_is_cut_from_the_end() -> None:
    cards = "\n".join(
        f"Headline of another story number {n} here\nOne sentence of teaser text about story {n} for readers.\n"
        f"Author Name{n}" for n in range(1, 7))
    footer = ("The Paper is where the region's news is reported and explained, every day, by a newsroom of "
              "forty people who live and work here.")
    spoken, _, _ = _read(f"Night ferry stays open all winter\n\n{P1}\n\n{P2}\n\n{P3}\n\n{P4}\n\n{cards}\n\n{footer}\n")
    assert P4 in spoken and "teaser text" not in spoken


def test_chinese_punctuation_ends_lines_in_chrome_decisions() -> None:
    from reader.segment import chrome

    assert not chrome._headingish(chrome.Unit("会议决定，明年继续开通夜间渡轮，"))
    assert chrome._colon_end("记者表示：")


def test_a_page_of_verse_reads_the_verse() -> None:
    verse = ["I walked along the harbour wall", "the night was cold and still", "the ferry lights were far away",
             "and no one on the hill", "I waited for the morning boat", "the gulls were fast asleep",
             "the water spoke of other towns", "and secrets it would keep", "so sing me home across the bay",
             "and wake me at the pier"]
    links = "\n".join(f"Other Song Title Number {n} Lyrics" for n in range(1, 10))
    spoken, _, _ = _read("Home\nLyrics\nArtists\n\nHarbour Song Lyrics\n\n" + "\n".join(verse[:5]) + "\n\n"
                         + "\n".join(verse[5:]) + f"\n\nPopular lyrics\n{links}\n")
    for line in verse:
        assert line in spoken
    assert "Other Song Title Number 3" not in spoken


def _wrap(text: str, width: int = 72) -> list[str]:
    import textwrap

    return textwrap.wrap(text, width)


def test_hard_wrapped_paragraphs_are_joined_in_a_copy_without_blank_lines() -> None:
    # One block for the whole page: the width is read from the lines around, not from the longest line.
    long_para = " ".join([P1, P4, P1, P4])
    lines = ["Night ferry stays", long_para, *_wrap(P2), *_wrap(P3), "Share", P4]
    spoken, _, _ = _read("\n".join(lines) + "\n")
    assert P2 in spoken.split("\n") and P3 in spoken.split("\n")


def test_a_stack_of_headlines_is_not_joined_into_prose() -> None:
    stack = [f"08/01/2014 Councillor number {n} criticises the plan for the northern ferry pier" for n in range(6)]
    spoken, _, _ = _read("\n".join([P1, P2, P3, *stack]) + "\n")
    assert "criticises" not in spoken


def test_a_caption_above_its_photo_credit_and_an_analysis_byline_are_not_the_headline() -> None:
    page = ("Council keeps the night ferry running through the winter\nAnalysis by Jane Doe, harbour correspondent\n"
            "Harbour master Ana Costa at the north pier\nPhoto: John Smith / Reuters\n\n"
            f"{P1}\n\n{P2}\n\n{P3}\n")
    spoken, title, skipped = _read(page)
    assert title == "Council keeps the night ferry running through the winter"
    assert ("Analysis by Jane Doe, harbour correspondent", "byline") in skipped


def test_headline_over_a_long_standfirst_is_found_past_share_buttons_and_the_standfirst_is_read() -> None:
    standfirst = ("The council voted to keep the night ferry running through the winter, and the harbour "
                  "operator now has a month to publish a new timetable for the evening sailings.")
    share = "\n".join(f"Partager sur {site}" for site in ("Twitter", "Facebook", "Whatsapp", "Linkedin", "Messenger"))
    page = (f"Night ferry keeps running through the winter\n{standfirst}\nBy Jane Doe\nReading time 4 min.\n"
            f"Partager Partager\n{share}\nCopy this link\n\n{P1}\n\n{P2}\n\n{P3}\n")
    spoken, title, _ = _read(page)
    assert title == "Night ferry keeps running through the winter"
    assert standfirst in spoken and "Partager" not in spoken and "Reading time" not in spoken


def test_a_list_under_a_read_also_label_is_teasers_not_the_article() -> None:
    from reader import segment
    from reader.model import Article

    body = ("The council met on Tuesday and agreed to keep the night ferry running through the winter months. "
            "Officials said the money had already been set aside in the budget approved in the spring.")
    text = (f"Council keeps the night ferry running\n\n{body}\n\n{body.replace('Tuesday', 'Monday')}\n\nSaiba mais\n\n"
            "- Política Câmara aprova nova lei de transportes\n\n- Economia Preço da energia sobe no Nordeste\n\n"
            "- Cidades Prefeitura abre consulta sobre o porto\n\n"
            f"{body.replace('council', 'mayor')}\n\n{body.replace('night', 'morning')}\n")
    doc = segment.split(Article(text=text))
    spoken = " ".join(b.text for b in doc.blocks)
    assert "Câmara aprova" not in spoken and "Preço da energia" not in spoken
    assert "morning ferry" in spoken and "mayor met" in spoken  # the article goes on after the box
    assert any(s.reason == "teaser" and "Câmara" in s.text for s in doc.skipped)


def test_short_sections_that_go_on_from_the_article_are_read() -> None:
    # Interview answers, one paragraph under each name: the shape of a teaser rail, but straight after
    # the article's prose, with nothing set aside between and no excerpt cut short.
    answers = "\n\n".join(
        f"SKIPPER NUMBER {n}: THE WINTER CROSSING\n\nThe crossing in winter is slow and the wind is hard on the "
        f"deck, said skipper {n}, but the passengers keep coming back every evening of the week." for n in range(1, 6))
    teasers = "\n".join(f"Headline of another story number {n} here\nOne sentence of teaser text about story {n} "
                        f"for readers…" for n in range(1, 6))
    spoken, _, _ = _read(f"Night ferry stays open all winter\n\n{P1}\n\n{P2}\n\n{answers}\n\nMore\n\n{teasers}\n")
    for n in range(1, 6):
        assert f"said skipper {n}," in spoken
    assert "teaser text" not in spoken


def test_nothing_past_the_site_footer_and_its_consent_notice_joins_the_article() -> None:
    menu = "\n".join(["Home", "News", "Police", "Sport", "Contact", "Imprint", "Privacy", "Archive"])
    consent = "\n\n".join(
        f"The technical storage or access for purpose {n} is needed so that the service can keep the settings "
        f"that the subscriber or user asked for, and for nothing else at all." for n in range(1, 6))
    page = (f"Night ferry stays open all winter\n\n{P1}\n\n{P2}\n\n{menu}\n\nCopyright © 2023 The Harbour Paper. "
            f"All rights reserved.\n\nManage cookie consent\n\nWe use technologies like cookies to store and access "
            f"device information; you can withdraw your consent at any time in the settings.\n\n{consent}\n")
    spoken, _, _ = _read(page)
    assert P1 in spoken and P2 in spoken
    assert "technical storage" not in spoken


def test_a_photo_credit_reserving_rights_is_no_page_footer() -> None:
    gallery = "\n".join(["Picture 1 of 3", "© Reuters / All rights reserved", "Picture 2 of 3", "Picture 3 of 3"])
    spoken, _, _ = _read(f"{P1}\n\n{P2}\n\n{gallery}\n\n{P3}\n\n{P4}\n")
    for paragraph in (P1, P2, P3, P4):
        assert paragraph in spoken


def test_cards_cut_from_one_template_close_no_article() -> None:
    # Each card's headline is a sentence of its own, so only the repeated widget lines show the cards.
    cards = "\n".join(f"Big news from the harbour, story number {n}!\nOne sentence of teaser text about story {n}.\n"
                      f"Share\nCopy link" for n in range(1, 6))
    spoken, _, _ = _read(f"Night ferry stays open all winter\n\n{P1}\n\n{P2}\n\n{P3}\n\n{cards}\n")
    assert P3 in spoken and "teaser text" not in spoken


def test_a_gallery_with_one_credit_under_every_picture_does_not_end_the_article() -> None:
    gallery = "\n".join(f"The north pier at dusk, picture {n}.\nPhoto: Harbour Paper" for n in range(1, 6))
    spoken, _, _ = _read(f"{P1}\n\n{P2}\n\n{gallery}\n\n{P3}\n\n{P4}\n")
    for paragraph in (P1, P2, P3, P4):
        assert paragraph in spoken


def test_an_unpunctuated_clause_between_two_sentences_is_read() -> None:
    goal = ("2-1: Anna Berg scores at the 45th minute with a header from inside the small box after a cross "
            "from the left wing")
    link = ("Read the council's full report on the winter ferry service and the two new night buses "
            "with every figure from the budget debate")
    spoken, _, _ = _read(f"{P1}\n\n{P2}\n\n{goal}\n\n{P3}\n\nShare\n\n{link}\n\nShare\n\n{P4}\n")
    assert goal in spoken
    assert link not in spoken  # not between two sentences


def test_a_notice_about_the_browser_is_not_read() -> None:
    notices = ["To view this content, Javascript must be enabled and Adobe Flash Player must be installed.",
               "Bitte JavaScript aktivieren, um das Video zu sehen.", "Your browser does not support the audio element."]
    spoken, _, skipped = _read(f"{P1}\n\n{notices[0]}\n\n{P2}\n\n{notices[1]}\n\n{P3}\n\n{notices[2]}\n\n{P4}\n")
    for notice in notices:
        assert notice not in spoken
        assert (notice, "boilerplate") in skipped


def test_newsletter_pitches_share_prompts_and_marked_captions_are_not_read() -> None:
    lines = {"The Morning newsletter brings you the day's news from the harbour before breakfast.": "boilerplate",
             "Der Newsletter informiert Sie montags bis freitags über das Wichtigste vom Tag.": "boilerplate",
             "Klicken, um die Teilen-Funktion zu öffnen.": "boilerplate",
             "(Symbolbild) Wenn Bus und Bahn stillstehen, wird der Arbeitsweg für viele zur Herausforderung.": "credit"}
    body = f"{P1}\n\n{P2}\n\n" + "\n\n".join(lines) + f"\n\n{P3}\n\n{P4}\n"
    spoken, _, skipped = _read(body)
    for line, reason in lines.items():
        assert line not in spoken
        assert (line, reason) in skipped
    # An article about a newsletter that does not speak to the reader is read.
    report = ("The council's weekly newsletter will now be printed on recycled paper, the clerk said, "
              "after complaints from residents.")
    spoken, _, _ = _read(f"{P1}\n\n{report}\n\n{P2}\n")
    assert report in spoken


def test_an_amount_is_not_a_date_and_a_list_of_figures_is_read() -> None:
    from reader.segment import chrome

    assert chrome._chrome_reason("Neupreis: 20.000 Euro", False) is None
    assert chrome._chrome_reason("Článek", False) == "boilerplate"  # the label over an embedded article card
    assert chrome._chrome_reason("Updated 10:45", False) == "byline"
    figures = ["Price new: 20,000 euros", "Term: three years", "Deposit: 4,000 euros", "Monthly rate: 300 euros"]
    spoken, _, _ = _read(f"{P1}\n\n{P2}\n\nAn example\n" + "\n".join(figures) + f"\n\n{P3}\n\n{P4}\n")
    for line in figures:
        assert line in spoken


def test_a_short_section_after_a_table_of_the_article_is_read() -> None:
    long_part = "\n\n".join([P1, P2, P3, P4] * 4)
    table = "\n".join(["Pros and cons of leasing", "Pros", "Cons", "short terms", "service contracts bind you",
                       "low monthly rates", "the car is never yours", "cheap for people who drive little",
                       "mileage must be planned"])
    closing = ("Buying suits drivers who keep a car for many years and want no ties to a workshop, the adviser "
               "said, while leasing suits people who drive little and like a new car every few years. Both "
               "should read the small print on mileage before they sign anything.")
    spoken, _, _ = _read(f"Lease or buy a car\n\n{long_part}\n\n{table}\n\n{closing}\n")
    assert closing in spoken


def test_a_headline_that_asks_is_the_title_and_is_read_once() -> None:
    headline = "Night ferry: is the winter service worth its cost?"
    spoken, title, _ = _read(f"Home\nNews\nAudio\n\n{headline}\n\n{headline}\n\n{P1}\n\n{P2}\n\n{P3}\n")
    assert title == headline
    assert spoken.count(headline) == 1


def test_a_headline_of_short_words_and_members_only_widgets() -> None:
    headline = "Where and How to Buy an RTX 3080 or 3090"
    page = (f"Home\nNews\n{headline}\nBy\nJane Doe\n04 November 2020\nShow more sharing options\n"
            f"Esta funcionalidad es sólo para suscriptores\n\n{P1}\n\n{P2}\n\n{P3}\n")
    spoken, title, skipped = _read(page)
    assert title == headline
    assert ("Show more sharing options", "boilerplate") in skipped
    assert ("Esta funcionalidad es sólo para suscriptores", "boilerplate") in skipped


def test_a_byline_cut_in_two_lines_does_not_hide_the_headline() -> None:
    headline = "Covid et infox : comment une rumeur devient réalité sur les réseaux"
    standfirst = ("Les informations non vérifiées ont envahi les réseaux sociaux et les médias pendant la pandémie, "
                  "et certaines ont fini par être reprises comme des faits établis.")
    spoken, title, skipped = _read(f"Accueil\n\n{headline}\nPar\nNicolas Martin\nle 14.09.2020 à 11h46\n\n{standfirst}\n\n"
                                   f"Commenter\n\n{P1}\n\n{P2}\n\n{P3}\n")
    assert title == headline
    assert ("Par", "byline") in skipped and ("Nicolas Martin", "byline") in skipped


def test_a_long_headline_over_its_standfirst_is_the_title() -> None:
    headline = ("Los vecinos de Carabanchel exigen cambios en las próximas ediciones de San Isidro: "
                "quince días son demasiados")
    standfirst = ("Los residentes del barrio madrileño denuncian la duración de las fiestas un año más, como cada "
                  "primavera, y piden al ayuntamiento que escuche sus quejas.")
    spoken, title, _ = _read(f"Inicio\n\n{headline}\n\n{standfirst}\n\nComparte\nLuna González\n\n{P1}\n\n{P2}\n\n{P3}\n")
    assert title == headline


def test_a_long_slideshow_inside_the_article_does_not_cut_it() -> None:
    slides = "\n".join(f"Photo {n} of 45" for n in range(1, 46))
    spoken, _, _ = _read(f"Night ferry stays open all winter\n\n{P1}\n\n{P2}\n\n{slides}\n\n{P3}\n\n{P4}\n")
    for paragraph in (P1, P2, P3, P4):
        assert paragraph in spoken


def test_cards_under_a_read_also_label_inside_the_article_are_teasers() -> None:
    cards = "\n".join(f"The port rebuilds its quays, part {n}\nOne sentence of teaser text that sells story {n} to readers."
                      for n in range(1, 5))
    spoken, _, skipped = _read(f"Night ferry stays open all winter\n\n{P1}\n\n{P2}\n\nRead also\n{cards}\n\n{P3}\n\n{P4}\n")
    for paragraph in (P1, P2, P3, P4):
        assert paragraph in spoken
    assert "teaser text" not in spoken
    assert ("One sentence of teaser text that sells story 1 to readers.", "teaser") in skipped
