"""Rules of the plain-text page reader that choose the article among a page's runs of prose."""

from __future__ import annotations

from reader import segment
from reader.model import Article
from reader.segment import chrome


def _spoken(text: str) -> str:
    return " ".join(b.text for b in segment.split(Article(text=text)).blocks)


def test_numbered_cards_are_a_ranked_list_not_a_rail() -> None:
    people = [("Ada Marsh", "She coaches the junior team and writes a weekly column about tactics."),
              ("Bea Lund", "She calls the league's games on the radio every Saturday afternoon."),
              ("Cleo Park", "She runs the fan club that brought two thousand women to the final."),
              ("Dora Quist", "She started the podcast that the club now sponsors in its second year.")]
    cards = "\n\n".join(f"{n}. {name}\n\n{line}" for n, (name, line) in enumerate(people, 1))
    page = ("Home\n\nBlog\n\nMy Top Four Women Who Talk Sports\n\n"
            "Plenty of people still believe that only men talk about sport, and this list shows otherwise.\n\n"
            f"{cards}\n\n5. You!\n\nKeep talking sports!\n\nCategory: Blog\n\nPrevious\n\nNext\n")
    spoken = _spoken(page)
    for name, line in people:
        assert line in spoken
    assert "Dora Quist" in spoken


def test_numbered_in_turn() -> None:
    assert chrome._numbered_in_turn(["1. Ada", "2. Bea", "3.Cleo", "4) Dora"])
    assert chrome._numbered_in_turn(["10. Ten", "9. Nine", "8. Eight"])
    assert not chrome._numbered_in_turn(["Ada", "Bea", "Cleo"])
    assert not chrome._numbered_in_turn(["5. Ada", "12. Bea", "30. Cleo"])  # counts, not ranks


def test_a_comment_thread_under_reply_buttons_does_not_outweigh_the_article() -> None:
    article = "\n\n".join(
        f"Paragraph {n} of the essay explains, in some detail, why the committee changed its mind on the "
        f"new rules for the language of official forms and what the change will cost." for n in range(4))
    comment = ("I read this twice and I still think the committee was wrong about every single point it "
               "made, and I would like to explain at some length why that is the case for the forms. First, "
               "nobody asked the people who fill them in. Second, the cost was never counted. Third, the old "
               "forms worked well enough for forty years and nobody complained about them until now.")
    thread = "\n\n".join(f"Reader {n}\n\n12. Juni 2021 um 10:1{n} Uhr\n\n{comment} ({n})\n\nAntworten"
                         for n in range(8))
    page = f"The forms debate\n\n{article}\n\nKommentare Schreibe einen Kommentar\n\n{thread}\n"
    spoken = _spoken(page)
    assert "Paragraph 3 of the essay" in spoken
    assert "I read this twice" not in spoken


def test_a_paragraph_shown_again_in_another_rail_weighs_as_a_teaser() -> None:
    article = ("The contest returns to the lake on the nineteenth of August, with a floating ramp, a prize "
               "of five thousand euros and twenty riders invited from all over Europe. The organisers "
               "expect more visitors than last year, when the event was held in Austria.")
    other = ["Last summer the team went to Berlin to ride at a street contest and shot a short film there.",
             "The shop in Bremen opened its doors today with a party and a demo on the mini ramp outside.",
             "Two days of riding at the lake in Austria ended with a final in front of a big crowd."]
    rail = "\n\n".join(f"Story {n}\n\n{t}\n\nStory {n}" for n, t in enumerate(other))
    page = (f"The contest on the lake\n\n{article}\n\nBe there!\n\nSimilar articles\n\n{rail}\n\n"
            f"Share\n\nTopics:\n\nContest\n\nSimilar articles\n\nNews\n\n{rail}\n")
    spoken = _spoken(page)
    assert "floating ramp" in spoken
    assert "shop in Bremen" not in spoken


def test_a_caption_credit_with_a_year_is_not_the_site_footer() -> None:
    assert chrome._footer_year("© 2019 Skateboard Magazine")
    assert chrome._footer_year("Copyright Example News 2010–2021")
    assert not chrome._footer_year("Elder at the Masters 1975, the crowd's favourite. | © Augusta National/Getty Images")


def test_cards_each_with_their_own_date_and_byline_are_teasers() -> None:
    body = ("A large grey plane circled low over the city for an hour on Tuesday morning, and the calls to "
            "the police started within minutes. The air force later said it was a planned training flight. ")
    cards = "\n\n".join(f"Story number {n} about something else entirely\n\nOne line that sells the story {n}.\n\n"
                        f"07/1{n}/2022\n\nBy Sam Writer" for n in range(5))
    page = f"Plane over the city\n\n{body}\n\n{body.replace('Tuesday', 'Wednesday')}\n\nMore in Tech\n\n{cards}\n"
    spoken = _spoken(page)
    assert "planned training flight" in spoken
    assert "sells the story" not in spoken


def test_dated_cards_need_a_run() -> None:
    units = [chrome.Unit(t) for t in ("The article's last paragraph goes on about the plans for the year.",
                                      "Headline one", "07/12/2022", "Headline two", "07/13/2022")]
    reasons: list[str | None] = [None, None, "byline", None, "byline"]
    chrome._dated_cards(units, reasons)
    assert reasons == [None, None, "byline", None, "byline"]  # two bylines are not a listing


def test_the_article_goes_on_past_a_related_box_set_inside_it() -> None:
    topic = ("parasitic flower genome", "parasitic flower genes", "flower parasite genome")
    paras = [f"Researchers studying the {topic[n % 3]} found that the plant lost many genes that other "
             f"plants keep, and borrowed others from its host vine over millions of years ({n})."
             for n in range(8)]
    tail = ("The parasitic flower genome also carries many jumping genes, which the researchers think "
            "came from the host vine along with the borrowed genes over millions of years. ")
    page = ("Home\n\nThe strange genome of a parasitic flower\n\n" + "\n\n".join(paras)
            + "\n\nYou might also like:\n\nSpecial issue\n\nThe wonder of plants\n\n"
            + f"{tail}\n\n{tail.replace('also', 'still')}\n\nShare\n")
    spoken = _spoken(page)
    assert "jumping genes" in spoken


def test_the_headline_is_the_line_mostly_about_the_lead_not_a_teaser_sharing_a_word() -> None:
    lead = ("Twitter erupted on Monday morning when the president advised Boeing to rebrand its grounded "
            "jet, after the airline cancelled more flights. Boeing said it would fix the jet first. ")
    page = ("Business\n\nPresident advises Boeing to rebrand its grounded jet\n\nBy Lisa Moor\n\n"
            "More stories by Lisa\n\nDebate format still to be announced\n\n"
            "Morning show host stays on for another season of weekend editions\n\nView All\n\n"
            f"April 15, 2019\n\n{lead}\n\n{lead.replace('Monday', 'Tuesday')}\n")
    doc = segment.split(Article(text=page))
    assert doc.title == "President advises Boeing to rebrand its grounded jet"


def test_a_list_of_author_names_is_a_byline() -> None:
    authors = ("Havell Marks, Jun Zhao, Tania Conte-Cuomo, Elizabeth Raup, Ahuva Oden-Berg, Sydney Connor, "
               "Bradon R. McDonald, Elizabeth Hutch")
    assert chrome._chrome_reason(authors, False) == "byline"
    # A sentence that names people, a role list and a place list are not author lists.
    assert chrome._chrome_reason("The prize went to Ana Ruiz, Jun Zhao, Tom Berg and Eva Lind on Monday.", False) is None
    assert chrome._chrome_reason("Anne Wizorek, Digital Media Consultant, Bloggerin und Autorin, Speakerin, "
                                 "Initiatorin von #aufschrei.", False) is None


def test_a_run_of_lines_cut_short_is_a_teaser_rail() -> None:
    article = "\n\n".join(
        f"The river rose by {n} metres overnight, and the town council closed the old bridge to cars and "
        f"to people on foot until engineers have looked at its piers." for n in range(2, 5))
    rail = "\n\n".join(f"{t}..." for t in ("Storm warning issued for the whole of the northern coast and its",
                                          "Farmers count the cost of a wet spring that ruined the early",
                                          "New ferry timetable starts on Monday with two extra crossings for",
                                          "School holidays moved by a week after the council voted on the"))
    page = f"Flood closes the bridge\n\n{article}\n\nMore\n\n{rail}\n"
    spoken = _spoken(page)
    assert "engineers have looked at its piers" in spoken
    assert "Storm warning" not in spoken
    units = [chrome.Unit(t) for t in ("A sentence that trails off...", "Another one...", "A third one...")]
    assert [r for _, r in chrome.classify(units, plain=True)] == ["teaser"] * 3
    # Two dots make a run only when a box cut every line at one length.
    boxed = [chrome.Unit(t) for t in ("1. Council votes on the new..", "2. Ferry runs two more ti..",
                                      "3. School holidays move by..")]
    assert [r for _, r in chrome.classify(boxed, plain=True)] == ["teaser"] * 3
    ragged = [chrome.Unit(t) for t in ("It rained..", "The river rose over the bank..", "Then it rained again..")]
    assert "teaser" not in [r for _, r in chrome.classify(ragged, plain=True)]


def test_a_headline_with_its_own_date_inside_the_article_is_a_link_to_another_story() -> None:
    para = ("The harbour authority has agreed to rebuild the northern pier, which storms damaged twice "
            "last winter, and work is to start in the spring once the tender has been decided.")
    page = (f"Harbour to rebuild the pier\n\n{para}\n\nStorms batter the northern coast again\n\n"
            f"23. 12. 2024 13:31\n\n{para.replace('northern', 'old')}\n\nWhat the work will cost\n\n"
            f"{para.replace('harbour', 'city')}\n")
    spoken = _spoken(page)
    assert "Storms batter" not in spoken
    assert "What the work will cost" in spoken
    # A post quoted in the article names its author with a dash before the date: not a link.
    units = [chrome.Unit(t) for t in ("Look at the line across both eyes", "— Jane Doe (@jane) July 3, 2019")]
    assert not chrome._linked_card(units, ["", "byline"], 0)


def test_a_recipe_reads_its_headline_over_a_long_ingredient_list_and_its_step_numbers() -> None:
    items = "\n\n".join(f"{n} spoons of ingredient number {n}" for n in range(1, 12))
    steps = "\n\n".join(f"{n}.\n\nStep {n}: stir the mixture slowly with a wooden spoon until it thickens." for n in
                        range(1, 5))
    page = f"Home\n\nRecipes\n\nButter Biscuits with Dark Chocolate\n\nServes\n\n40\n\nIngredients\n\n{items}\n\n" \
           f"Method\n\n{steps}\n\nYou may also like\n"
    doc = segment.split(Article(text=page))
    assert doc.title == "Butter Biscuits with Dark Chocolate"
    spoken = [b.text for b in doc.blocks]
    assert "1." in spoken and "4." in spoken
    assert spoken.index("1.") + 1 == spoken.index("Step 1: stir the mixture slowly with a wooden spoon until it thickens.")


def test_a_sentence_shown_three_times_is_a_widget_text() -> None:
    para = ("The museum reopens on Saturday after two years of work on its roof, its heating and the "
            "lighting of the great hall, which now shows the old ceiling paintings again.")
    notice = "Embedded content from another site follows. You can skip it here."
    page = "\n\n".join(["Museum reopens its doors", para, notice, "Video", para.replace("museum", "gallery"),
                        notice, "Chart", para.replace("roof", "floor"), notice, "Map", para.replace("old", "fine")])
    spoken = _spoken(page)
    assert "the lighting of the great hall" in spoken
    assert notice not in spoken
    # A text that is one paragraph said three times is still read.
    assert notice in _spoken("\n\n".join([notice] * 3))
    # Said twice (a pull quote) is still the article's.
    assert notice in _spoken("\n\n".join(["Museum reopens its doors", para, notice, para.replace("roof", "floor"),
                                          notice, para.replace("old", "fine")]))


def test_a_page_of_several_full_articles_reads_the_first() -> None:
    def story(topic: str) -> str:
        return "\n\n".join(f"Part {n} of the report on {topic} sets out who decided what, when the money was "
                           f"paid and why the council was never told about the contract until the audit."
                           for n in range(6))
    page = ("Home\n\nThe harbour contract\n\nBy Ann Lee\n\n14 May 2019\n\n" + story("the harbour")
            + "\n\nNewsletter\n\nThe school contract\n\nBy Ann Lee\n\n18 June 2019\n\n" + story("the schools") + "\n")
    spoken = _spoken(page)
    assert "Part 5 of the report on the harbour" in spoken
    assert "the schools" not in spoken


def test_by_and_a_year_opens_a_sentence_not_a_byline() -> None:
    assert chrome._chrome_reason("By Ann Lee", False) == "byline"
    assert chrome._chrome_reason("By 1963, as the city's own report explains", False) is None


def test_an_article_goes_on_across_lists_and_light_lines_between() -> None:
    def prose(topic: str, n: int) -> str:
        return "\n\n".join(f"The {topic} will move to a new home next month, and every page, picture and "
                           f"message posted there over eight years is kept for readers ({k})." for k in range(n))

    def listing(tag: str) -> str:
        return "\n\n".join(f"@{tag}{k} will be kept at @{tag}{k}old" for k in range(9))
    page = "\n\n".join([
        "Moving forward with the archive", prose("old website", 4), listing("a"),
        prose("photo stream", 2), listing("b"), "Some other accounts you may be looking for are listed below:", listing("c"),
        "More of the accounts you may be looking for are listed here:", listing("d"), prose("video channel", 9), "About us\n"])
    spoken = _spoken(page)
    assert "The old website will move" in spoken
    assert "The video channel will move" in spoken


def test_a_long_headline_over_its_byline_wins_over_a_nearer_teaser() -> None:
    headline = ("Mayor Tells The Harbour Board To Rename The Old Ferry, Asking “But What Do I Know "
                "About Boats Anyway?”; Harbour Answers")
    para = ("The mayor told the harbour board on Monday to rename the old ferry after its engines failed "
            "twice this spring, and the board answered that a new name would not fix the engines.")
    page = (f"News\n\n{headline}\n\nBy Ann Lee\n\nAnn Lee\n\nColumnist\n\nMore Stories By Ann\n\n"
            f"Council Sets The Date For The Budget Debate\n\nApril 15, 2019 6:18am\n\n{para}\n\n{para}\n")
    assert segment.split(Article(text=page)).title == headline


def test_a_breadcrumb_trail_is_not_a_headline() -> None:
    assert chrome._breadcrumb("Sie sind hier: Home » Europa » Deutschland » Niedersachsen » Emden")
    assert chrome._breadcrumb("News › World › Europe")
    assert not chrome._breadcrumb("Ayrault «assume» et «revendique» sa méthode")
    assert not chrome._breadcrumb("Prices rise > wages rise > prices rise again, the bank warned.")


def test_short_lines_above_the_byline_are_not_the_article() -> None:
    para = ("The old mill by the river opens again as a museum this summer, after ten years of repairs "
            "paid for by the town and by a group of volunteers who restored the wheel themselves.")
    page = ("Horoscope\n\nWhich star sign are you? Find out!\n\nDraw your tarot card today!\n\n"
            "Which sign suits Pisces? We tell you!\n\nThe Mill Turns Again After Ten Years\n\n19 June 2019\n\n"
            f"{para}\n\n{para.replace('summer', 'autumn')}\n\n{para.replace('river', 'lake')}\n")
    doc = segment.split(Article(text=page))
    spoken = " ".join(b.text for b in doc.blocks)
    assert "tarot" not in spoken and "Pisces" not in spoken
    assert "opens again as a museum this autumn" in spoken
    assert doc.title == "The Mill Turns Again After Ten Years"


def test_a_link_back_up_the_site_is_chrome_but_a_heading_starting_with_back_to_is_not() -> None:
    for label in ("« Back to Football Home", "Back to overview", "Zurück zur Übersicht", "Retour à la liste",
                  "Volver a la portada"):
        assert chrome._chrome_reason(label, False) == "boilerplate", label
    for heading in ("Back to basics", "Back to the drawing board", "Back to School"):
        assert chrome._chrome_reason(heading, False) is None, heading


def test_a_caption_that_points_at_the_people_in_the_photo_is_a_credit() -> None:
    assert chrome._chrome_reason("Marcell Jansen (l.) und Piotr Trochowski haben einen guten Draht.", False) == "credit"
    assert chrome._chrome_reason("UC Global CEO David Morales (left) at a security fair in Las Vegas", False) == "credit"
    # A parenthesis glued to a word is spelling, and a long paragraph is the article's.
    assert chrome._chrome_reason("Warst du schon bei eine(r) Ärztin oder einem Arzt in der Stadt?", False) is None


def test_a_table_of_figures_inside_the_article_is_read_and_does_not_cut_it() -> None:
    intro = ("In this year's test, eighteen child seats were checked for safety, handling, comfort and harmful "
             "substances in their covers.")
    rows = "\n\n".join(f"Seat model {name}\n\n{price} €\n\n{'yes' if n % 2 else 'no'}\n\n{n % 4 + 1},{n % 9}"
                       for n, (name, price) in enumerate(zip("ABCDEFGHIJKLMN", range(120, 500, 25))))
    rest = "\n\n".join(
        f"Paragraph {n}: the child seats in this test that failed did so because of the harmful substances "
        f"in their covers, which the testers measured in the laboratory against the limits for toys."
        for n in range(6))
    page = (f"Home\n\nTests\n\nEighteen child seats in the test: four fail\n\n{intro}\n\nThe results\n\n"
            f"Model\n\nPrice\n\nIsofix\n\nGrade\n\n{rows}\n\n{rest}\n\nImprint\n")
    spoken = _spoken(page)
    assert intro in spoken
    assert "Seat model C" in spoken and "Paragraph 5" in spoken
    assert "Imprint" not in spoken


def test_a_menu_of_words_is_no_table_of_figures() -> None:
    units = [chrome.Unit(t) for t in ["A sentence that ends here."] + ["News", "Sport", "Weather", "Culture",
                                                                         "Travel", "Money", "Life", "Cars",
                                                                         "Jobs"] + ["Another sentence ends."]]
    assert not chrome._figures(units, 0, len(units) - 1)


_CHORUS = "Rain on the river, rain on the river\nRain on the river, rain on the river\nI only want to see you by the river"
_VERSES = ["I never meant to leave you in the morning\nI never meant to leave you on your own\n"
           "I only wanted one more day of singing\nI only wanted one more road to home",
           "I never wanted to be a passing stranger\nI only wanted to be the one you call\n"
           "Maybe we could never run from danger\nIt's such a shame the summer had to fall"]


def test_a_songs_lyrics_over_the_text_about_the_song_are_read() -> None:
    lyrics = "\n\n".join(f"[Verse {n}]\n\n{v}\n\n[Chorus]\n\n{_CHORUS}" for n, v in enumerate(_VERSES, 1))
    about = ("The title track of the band's third album tells of a summer that ended too soon, and it became "
             "their best-known song within a year of its release.\n\nThe singer wrote it in one night, she "
             "said later, after a long walk along the river near the studio where the album was recorded.")
    page = f"Home\n\nSongs\n\nRain on the River Lyrics\n\n{lyrics}\n\nMore on the site\n\nAbout the song\n\n{about}\n"
    spoken = _spoken(page.replace("\n", "\n\n"))
    assert "I never meant to leave you in the morning" in spoken
    assert "I only want to see you by the river" in spoken
    assert "The singer wrote it in one night" in spoken


def test_a_rail_of_headlines_over_the_article_is_no_song() -> None:
    rail = "\n\n".join(["The mayor plans a new tram line for the east side",
                        "The teachers' union calls a strike for next week",
                        "A long wait at the end of the world", "The farmers block the road to the port again",
                        "The council votes to close two of the city's pools",
                        "A new bridge for the old town is years away",
                        "The hospital opens a ward for children with asthma",
                        "The river rose in the night and flooded three streets",
                        "A bakery in the north wins the prize for its bread",
                        "The zoo welcomes two young bears from a park abroad",
                        "The museum will stay open late on Thursdays this summer",
                        "The end of shared scooters in the city"])
    article = "\n\n".join(f"Sentence {n} of the report says that the city ends its trial of shared scooters, "
                          f"because too many riders broke the rules on the pavements." for n in range(5))
    page = f"The end of shared scooters in the city\n\nIn this section\n\n{rail}\n\n{article}\n"
    spoken = _spoken(page)
    assert "Sentence 4 of the report" in spoken
    assert "The zoo welcomes two young bears" not in spoken


def test_a_newsletter_pitch_is_chrome_even_when_it_names_the_newsletter_late() -> None:
    pitch = ('"Here is the region": our daily Newsletter tells you every weekday evening what mattered today, '
             "in short and straight to your inbox.")
    assert chrome._chrome_reason(pitch, False) == "boilerplate"
    story = ("The company said its newsletter business grew by a third last year, while its advertising income "
             "fell for the second year running.")
    assert chrome._chrome_reason(story, False) is None


_EVENT = ("The third edition of the contest takes place on the lake this summer, with a floating ramp, a "
          "live DJ and twenty riders invited from all over Europe to compete for the prize money.\n\n"
          "The beach by the lake has a lawn that slopes down to the water and platforms in the lake, which "
          "give everyone a perfect view of the ramp, and the organisers expect a big crowd.")


def test_labelled_notes_under_the_last_paragraph_are_read() -> None:
    page = (f"Home\n\nEvents\n\nThe contest on the lake\n\n{_EVENT}\n\nThe timetable looks like this:\n\n"
            "Warm up 11:00\n\nContest 12:00\n\nAwards 18:30\n\nDirections:\n\nLake Beach 257\n\n41542 Dormagen\n\n"
            "Be there!\n\nShare with:\n\nFacebook\n\nSimilar articles\n\nThe shop opens in Bremen\n")
    spoken = _spoken(page)
    assert "Contest 12:00" in spoken and "41542 Dormagen" in spoken and "Be there!" in spoken
    assert "Share with" not in spoken and "The shop opens" not in spoken


def test_a_rail_under_section_labels_is_no_notes() -> None:
    page = (f"The contest on the lake\n\n{_EVENT}\n\nBack to top\n\nAFRICA:\n\nProtests greet the leader's second "
            "term\n\nUSA:\n\nSo many candidates, so hard to decide\n\nMIAMI:\n\nThe oldest orangutan dies\n")
    assert "Protests greet" not in _spoken(page)
    page = f"The contest on the lake\n\n{_EVENT}\n\nRelated topics:\n\nLake Beach\n\nContest\n\nRiders\n\nSummer\n"
    assert "Lake Beach" not in _spoken(page)


def test_a_title_with_a_year_is_no_dateline_but_a_dateline_is() -> None:
    assert chrome._chrome_reason("Digitalpolitische Jahrestagung 2015 der Heinrich-Böll-Stiftung Baden-Württemberg",
                                 False) is None
    for dateline in ("Montag, 15. Januar 2015, 10:30 Uhr", "Patricio Candia | Palma de Mallorca | 08/01/2014",
                     "Wednesday 2 January 2008 14.45 GMT"):
        assert chrome._chrome_reason(dateline, False) == "byline", dateline


def test_a_list_of_tags_is_never_the_headline() -> None:
    assert chrome._tag_list("Anmeldung, BaWü, Beteiligung, Digitale Gesellschaft, Digitalpolitik, Diskussion")
    assert chrome._tag_list("Aus den Ländern, Blog, sonstiges, Termine")
    assert not chrome._tag_list("Paris, London, Berlin: the cities where rents rose fastest this year")
    assert not chrome._headline_shaped(chrome.Unit("Aus den Ländern, Blog, sonstiges, Termine"))


def test_an_embedded_posts_line_and_a_share_bar_with_counts_are_chrome() -> None:
    assert chrome._chrome_reason("Ein Beitrag geteilt von SKEP (@skep.association) am 23. Okt 2017 um 0:31 Uhr",
                                 False) == "credit"
    assert chrome._chrome_reason("A post shared by Jane Doe (@janedoe) on Mar 3, 2019 at 9:12am PST", False) == "credit"
    assert chrome._chrome_reason("Teilen auf Facebook: 5Teilen auf Twitter: 2 WhatsApp Teilen…", False) == "boilerplate"


def test_a_comments_button_under_the_headline_does_not_cut_the_article_open() -> None:
    lead = ("Unverified claims flooded social networks and the media during the pandemic, and some of them "
            "were believed by millions of people before anyone checked them.")
    body = "\n\n".join(f"Paragraph {n} follows one rumour from its first post to the evening news, and shows "
                       f"how each retelling made it sound a little more certain than the one before." for n in range(6))
    second = ("On the fourteenth of March the health minister warned against a common painkiller, and within "
              "a day the warning had turned into a story about a ban that never existed.")
    page = (f"Home\n\nHealth\n\nHow a rumour becomes a fact\n\nBy\n\nJane Doe\n\n14.09.2020\n\n{lead}\n\n"
            f"{second}\n\nComments\n\n{body}\n\nComments\n\nA reader\n\nI never believed any of it, and I said so at the time, "
            "loudly and often, to anyone who would listen to me at work or at home.\n\nReply\n")
    labels = segment.split(Article(text=page))
    spoken = " ".join(b.text for b in labels.blocks)
    assert lead in spoken and second in spoken and "Paragraph 5" in spoken
    assert "I never believed" not in spoken
    assert labels.title == "How a rumour becomes a fact"


def test_the_line_over_its_byline_is_the_headline_even_when_short() -> None:
    rail = "\n\n".join(["Two charged in August shooting death", "Furniture stores feel the pinch",
                        "Winds are back this weekend", "More News", "Print", "Email"])
    # The lead shares words with a teaser above ("shooting", "August"), none with the headline's.
    body = "\n\n".join(f"Sentence {n}: the team's shooting has been poor since August, against two of the best "
                       f"sides in the country, and it plays its next league game tonight at home." for n in range(5))
    page = f"Sports\n\n{rail}\n\nUSC faces imposing challenge\n\nBy Phil Collin, Staff Writer\n\n{body}\n"
    doc = segment.split(Article(text=page))
    assert doc.title == "USC faces imposing challenge"


def test_a_photographer_and_paper_in_brackets_is_a_credit() -> None:
    assert chrome._chrome_reason("(Elizabeth Conley / Houston Chronicle)", False) == "credit"
    assert chrome._chrome_reason("(and / or)", False) is None


def test_a_rail_label_is_never_the_headline_and_a_byline_may_sit_under_the_date() -> None:
    body = "\n\n".join(f"Sentence {n}: the tour has twenty-two rookies at the opening event this week, and the "
                       f"veteran who lost his card last year feels like one of them." for n in range(5))
    page = (f"Golf\n\nVenus advances at the Open\n\n1/15/2008, 6:26 a.m. EST\n\nMore Golf News\n\n"
            f"New life for McGovern\n\n1/10/2008, 6:07 a.m. EST\n\nBy DOUG FERGUSON\n\n{body}\n")
    assert segment.split(Article(text=page)).title == "New life for McGovern"
    assert chrome._END_MARK.match("More Golf News") and chrome._END_MARK.match("All Anne Perkins articles")


def test_the_paper_a_story_comes_from_is_a_byline() -> None:
    assert chrome._chrome_reason("From: The Guardian", False) == "byline"
    assert chrome._chrome_reason("From there: a long way to go", False) is None


def test_prose_straight_under_the_articles_closing_list_is_read() -> None:
    intro = "\n\n".join(f"Paragraph {n}: the Japanese idea of ikigai, a reason to get up in the morning, has found "
                        f"readers all over the world, and a new book explains how to find your own." for n in range(5))
    principles = "\n\n".join(["Take time for dreams", "Stay active", "Look after yourself", "Avoid stress traps",
                              "Practise gratitude", "Live in a community", "Listen to your heart",
                              "Stay curious"])
    questions = ("The book's questions help you find your own ikigai:\n\n"
                 "Does it give me a reason to live? Is it my idea?\n\nDoes it make me curious?\n\n"
                 "Is it a reason why I get up in the morning?\n\nWould I explain it to readers all over the world?")
    page = (f"Living with ikigai\n\n{intro}\n\nThe ten principles of ikigai\n\nIn her book, the author sets out "
            f"the principles of a life with ikigai as follows:\n\n{principles}\n\n{questions}\n\n"
            "Topics in this article\n\nHappiness\n\nNew in love\n")
    spoken = _spoken(page)
    assert "Stay curious" in spoken
    assert "Is it a reason why I get up in the morning?" in spoken
    assert "New in love" not in spoken


def test_a_short_headline_straight_over_the_text_is_the_headline() -> None:
    body = "\n\n".join(f"Sentence {n}: under this motto a demonstration takes place in the capital on the "
                       f"fourteenth of September, and the party calls on its members to join it." for n in range(4))
    page = f"Home\n\nParty\n\nTwitter Facebook Youtube\n\nIncome is a right!\n\n{body}\n"
    assert segment.split(Article(text=page)).title == "Income is a right!"


def test_a_texts_first_line_of_two_words_over_its_first_paragraph_is_the_headline() -> None:
    body = ("Rain fell on the capital on Monday for the first time in weeks. Forecasters expect colder days "
            "ahead, and drivers were told to take care on wet roads.\n\nThe city has opened two more shelters.\n")
    assert segment.split(Article(text=f"Rain returns\n\n{body}")).title == "Rain returns"
    assert segment.split(Article(text="北京新闻\n\n今天北京下雨了。明天会更冷吗？天气预报显示气温将下降五度。\n")).title == "北京新闻"
    # One word is a section's name, not a headline.
    assert segment.split(Article(text=f"Sport\n\n{body}")).title is None
