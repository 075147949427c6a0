"""HTML pages: the page's structure checks what the extractor returns — text between its blocks,
headlines set without heading markup, rails after the article, lines above the headline, script
text, and a second reading when the first does not follow the headline."""

from __future__ import annotations

from typing import Any

import lxml.html
import pytest
from lxml import etree

from reader import segment
from reader.model import Article, Document, InputFormat
from reader.segment import htmlpage
from reader.segment.chrome import Unit

P1 = ("The lighthouse keepers of the outer island voted on Monday to stay on through the storm season, "
      "after the coastguard offered to double their supply runs in the coming months.")
P2 = ("Their union said the decision was taken after a long meeting in the keepers' cottage, where the "
      "coastguard's officers answered questions about the new radio masts.")
P3 = ("The island's lamp has been kept burning by hand since the year the cable to the mainland failed, "
      "and the keepers say they are proud that it has not gone dark once.")
P4 = ("A relief crew will sail out before the first gales arrive, carrying fuel, tinned food and the parts "
      "the keepers need to mend the lamp's old clockwork motor.")
HEADLINE = "Keepers will stay on the outer island through the storms"


def _read(html: str) -> Document:
    return segment.split(Article(text=html, format=InputFormat.HTML, source="page.html"))


def _xml(main: str) -> Any:
    return etree.fromstring(f"<doc><main>{main}</main></doc>")


def test_text_the_page_set_between_blocks_is_read() -> None:
    # A story written as bare text and <br>s reaches the extractor's output outside any paragraph.
    root = _xml(f"{P1}<p>By the island desk</p>{P2} {P3}<p>{P4}</p>")
    units, reasons = htmlpage._units(root, None)
    assert [u.text for u in units] == [P1, "By the island desk", f"{P2} {P3}", P4]
    assert reasons == [None] * 4


def test_a_page_read_as_table_rows_gives_one_unit_per_row() -> None:
    root = _xml(f"<table><row><cell>{P1}</cell></row><row><cell>{P2}</cell><cell/></row></table>")
    units, _ = htmlpage._units(root, None)
    assert [u.text for u in units] == [P1, P2]


def test_script_text_spilled_into_the_page_is_not_read_but_prose_about_functions_is() -> None:
    talk = ("The keepers' function (as the coastguard puts it) is to watch the lamp, and the radio is their "
            "only link to the mainland.")
    root = _xml(f"<p>{P1}</p><p>&lt;!-- OAS_AD('Top'); //--&gt;</p>"
                "<p>.story-head { font-family: Verdana; font-size: 9pt; color: #000 }</p>"
                f"<p>{talk}</p>")
    units, reasons = htmlpage._units(root, None)
    assert reasons == [None, "boilerplate", "boilerplate", None]
    assert units[3].text == talk


@pytest.mark.parametrize("markup", [
    f"<span class='StoryDetailsHeader'><strong>{HEADLINE}</strong></span>",  # styled as a header
    f"<div id='title'>{HEADLINE}</div>",  # named by its id
    f"<table><tr><td><b>{HEADLINE}</b></td></tr></table>",  # no heading markup at all
])
def test_a_headline_set_without_heading_markup_is_found(markup: str) -> None:
    html = (f"<html><head><title>Island Gazette -- News -- {HEADLINE}</title></head><body>"
            f"<div class='nav'><a href='/'>Home</a> <a href='/news'>News</a></div>{markup}"
            f"<div class='text'><p>{P1}</p><p>{P2}</p><p>{P3}</p><p>{P4}</p></div></body></html>")
    doc = _read(html)
    assert doc.title == HEADLINE
    assert [b.text for b in doc.blocks] == [HEADLINE, P1, P2, P3, P4]


def _elements(html: str) -> tuple[list[Unit], list[Any]]:
    tree = lxml.html.document_fromstring(html)
    elements = [e for e in tree.iter("p", "h3", "li") if e.text_content().strip()]
    return [Unit(" ".join(e.text_content().split()), heading=e.tag == "h3") for e in elements], elements


def test_a_rail_after_the_articles_container_is_let_go() -> None:
    rail = ("<div class='side'><h3>Most read</h3><p>Ferry fares rise again</p><p>Harbour market reopens</p>"
            "<h3>Jobs</h3><p>Deckhand, full time, north pier</p></div>")
    units, elements = _elements(f"<body><div class='story'><p>{P1}</p><p>{P2}</p><p>{P3}</p><p>{P4}</p></div>"
                                f"{rail}</body>")
    assert htmlpage._trailing(units, elements) == [4, 5, 6, 7, 8]


def test_an_article_continued_in_a_second_box_and_a_page_of_like_boxes_are_kept() -> None:
    more = ("The coastguard has promised a new cable within two years, though the keepers have heard such "
            "promises before and say they will believe it when the first mast is standing on the rock.")
    last = ("The keepers' families, who live in the harbour town across the water, say they will send letters "
            "with every supply run and hope that the radio masts are finished before the worst of the winter.")
    continued = (f"<body><div class='story'><p>{P1}</p><p>{P2}</p><p>{P3}</p></div>"
                 f"<div class='story-2'><p>{P4}</p><p>{more}</p><p>{last}</p></div></body>")
    assert htmlpage._trailing(*_elements(continued)) == []
    boxes = "".join(f"<div class='place'><h3>Place {n}</h3><p>{P1}</p><p>{P2}</p><p>{P3}</p></div>" for n in range(4))
    assert htmlpage._trailing(*_elements(f"<body>{boxes}</body>")) == []


def test_lines_above_the_headline_are_not_read_but_the_headline_is_kept() -> None:
    text = f"WEATHER BULLETIN: gales tonight Menu Home News {HEADLINE} {P1} {P2} {P3}"
    at = text.index(HEADLINE)
    units = [Unit("WEATHER BULLETIN: gales tonight"), Unit("Menu Home News"), Unit(HEADLINE),
             Unit(P1), Unit(P2), Unit(P3)]
    assert htmlpage._before(units, [None] * 6, text, at, HEADLINE) == [0, 1]
    # When what stands above the headline is much of the reading, the headline found is not trusted.
    assert htmlpage._before([Unit(P1), Unit(P2), Unit(HEADLINE), Unit(P3)], [None] * 4,
                            f"{P1} {P2} {HEADLINE} {P3}", len(f"{P1} {P2} "), HEADLINE) == []


def test_a_reading_that_does_not_follow_the_headline_is_replaced_by_one_that_does(
        monkeypatch: pytest.MonkeyPatch) -> None:
    footer = ("This site is part of the Island Media Network: the Gazette, the Harbour Times, the Pier "
              "Weekly and the North Shore Courier, each published every morning of the week.")
    html = (f"<html><head><title>{HEADLINE}</title></head><body><p>{footer}</p><h1>{HEADLINE}</h1>"
            "<table>" + "".join(f"<tr><td>{p}</td></tr>" for p in (P1, P2, P3, P4)) + "</table></body></html>")
    calls: list[dict[str, bool]] = []

    def extract(page: str, recall: bool = False, tables: bool = False) -> Any:
        calls.append({"recall": recall, "tables": tables})
        if tables:
            return _xml("<table>" + "".join(f"<row><cell>{p}</cell></row>" for p in (P1, P2, P3, P4)) + "</table>")
        return _xml(f"<p>{footer}</p>")

    monkeypatch.setattr(htmlpage, "_extract", extract)
    page = htmlpage.read(html)
    assert [u.text for u, r in zip(page.units, page.reasons) if r is None] == [HEADLINE, P1, P2, P3, P4]
    assert calls[-1] == {"recall": False, "tables": True}


def test_a_reading_that_follows_the_headline_is_not_read_twice(monkeypatch: pytest.MonkeyPatch) -> None:
    html = (f"<html><head><title>{HEADLINE}</title></head><body><h1>{HEADLINE}</h1>"
            f"<p>{P1}</p><p>{P2}</p></body></html>")
    calls: list[bool] = []

    def extract(page: str, recall: bool = False, tables: bool = False) -> Any:
        calls.append(recall or tables)
        return _xml(f"<p>{P1}</p><p>{P2}</p>")

    monkeypatch.setattr(htmlpage, "_extract", extract)
    htmlpage.read(html)
    assert calls == [False]


def test_a_dossier_box_at_the_articles_end_over_links_to_other_stories_is_let_go() -> None:
    background = ("The keepers' strike of the winter before last closed the lamp for a week and led to the "
                  "inquiry whose report the coastguard published in the spring.")
    links = "".join(f"<li><a href='/island/story-{n}.html'>Earlier story number {n} about the strike</a></li>"
                    for n in range(3))
    html = (f"<html><head><title>{HEADLINE}</title>"
            "<meta property='og:url' content='https://gazette.example/island/keepers.html'></head><body>"
            f"<article><h1>{HEADLINE}</h1><div class='body'><p>{P1}</p><p>{P2}</p><p>{P3}</p><p>{P4}</p>"
            f"<div class='dossier'><div class='inner'><h2>The keepers' strike</h2><p>{background}</p>"
            f"<ul>{links}</ul></div></div></div></article></body></html>")
    page = htmlpage.read(html)
    read = [u.text for u, r in zip(page.units, page.reasons) if r is None]
    assert P4 in read and background not in read and "The keepers' strike" not in read
    assert (background, "boxed") in zip((u.text for u in page.units), page.reasons)


@pytest.mark.parametrize("title", [
    f"{HEADLINE}-Island News and Weather-The Island Gazette",  # parts joined by bare hyphens
    f"The Island Gazette, daily news of the outer islands, the harbour towns and the pier | {HEADLINE}",
])
def test_a_headline_is_found_in_a_title_whose_other_parts_are_long_or_tightly_joined(title: str) -> None:
    html = (f"<html><head><title>{title}</title></head><body>"
            f"<table><tr><td><span class='big'><b>{HEADLINE}</b></span><br><br>"
            f"<p>{P1}</p><p>{P2}</p><p>{P3}</p><p>{P4}</p></td></tr></table></body></html>")
    doc = _read(html)
    assert doc.title == HEADLINE
    assert [b.text for b in doc.blocks][:2] == [HEADLINE, P1]


@pytest.mark.parametrize("markup", [f"<h1>{HEADLINE}</h1>", f"<b class='Headline'>{HEADLINE}</b>"])
def test_a_page_without_a_title_takes_its_one_headline_element(markup: str) -> None:
    html = (f"<html><head></head><body><div class='nav'><a href='/'>Home</a></div>{markup}"
            f"<div class='text'><p>{P1}</p><p>{P2}</p><p>{P3}</p></div></body></html>")
    assert _read(html).title == HEADLINE
    # Two such elements: the page does not say which is its headline.
    tree = lxml.html.document_fromstring(html.replace(markup, markup + markup))
    assert htmlpage._headline(tree, htmlpage._page_meta(tree)) == (None, None)


def test_linked_headlines_over_their_excerpts_are_a_teaser_list() -> None:
    card = "<p><ref target='{}'>{}</ref><lb/>{}</p>"
    root = _xml(f"<p>{P1}</p><p>{P2}</p>"
                + card.format("javascript:void(0)", "Ferry fares rise again on the north route", P3)
                + card.format("/harbour/market.html", "Harbour market reopens after the gales", P4))
    _, reasons = htmlpage._units(root, "gazette.example")
    assert reasons == [None, None, "teaser", "teaser"]
    # One such paragraph alone, or a link to another site over the text (a source), is the article's own.
    alone = _xml(f"<p>{P1}</p>" + card.format("/harbour/market.html", "Harbour market reopens", P2))
    assert htmlpage._units(alone, "gazette.example")[1] == [None, None]
    sources = _xml("".join(card.format("https://coastguard.example/report", "The coastguard's report", p)
                           for p in (P1, P2)))
    assert htmlpage._units(sources, "gazette.example")[1] == [None, None]


def test_a_story_in_a_table_cell_is_read_when_the_extractor_read_the_footer(monkeypatch: pytest.MonkeyPatch) -> None:
    footer = ("This site is part of the Island Media Network: the Gazette, the Harbour Times, the Pier Weekly "
              "and the North Shore Courier, each published every morning of the week from the old mill.")
    html = (f"<html><head><title>Island Gazette: News | {HEADLINE}</title></head><body><table><tr>"
            "<td><a href='/'>Home</a><br><a href='/news'>News</a></td>"
            f"<td><b class='Headline'>{HEADLINE}</b><br><br>{P1}<br><br>{P2}<br><br>{P3}<br><br>{P4}</td>"
            f"</tr></table><div class='foot'>{footer}</div></body></html>")
    monkeypatch.setattr(htmlpage, "_extract", lambda page, recall=False, tables=False: _xml(f"<p>{footer}</p>"))
    page = htmlpage.read(html)
    assert [u.text for u, r in zip(page.units, page.reasons) if r is None] == [HEADLINE, P1, P2, P3, P4]
    # A reading of several paragraphs elsewhere is the extractor's choice to keep.
    others = [f"{footer} Paragraph {n} of the harbour report follows here." for n in range(4)]
    monkeypatch.setattr(htmlpage, "_extract",
                        lambda page, recall=False, tables=False: _xml("".join(f"<p>{p}</p>" for p in others)))
    page = htmlpage.read(html)
    assert P1 not in [u.text for u in page.units]


@pytest.mark.parametrize("lead_markup", ["{}", "<span class='lead'>{}</span>", "<b>{}</b><br><br>"])
def test_an_opening_sentence_set_outside_any_paragraph_is_read_first(lead_markup: str) -> None:
    lead = ("The keepers of the outer island will stay at their posts through the winter, the coastguard "
            "said on Monday.")
    page = (f"<html><body><article><h1>{HEADLINE}</h1><div class='photo'><img src='lamp.jpg'></div>"
            "{}" + f"<p>{P1}</p><p>{P2}</p></article></body></html>")
    reading = [Unit(HEADLINE, heading=True), Unit(P1), Unit(P2)]

    def texts(html: str, units: list[Unit]) -> list[str]:
        found, reasons = htmlpage._loose_lead(lxml.html.document_fromstring(html), units, [None] * len(units))
        assert len(reasons) == len(found)
        return [u.text for u in found]

    assert texts(page.format(lead_markup.format(lead)), reading) == [HEADLINE, lead, P1, P2]
    # A link before the first paragraph (another story's) is not the opening, and a lead already read stays single.
    assert texts(page.format(f"<a href='/other.html'>{lead}</a>"), reading) == [HEADLINE, P1, P2]
    assert texts(page.format(lead_markup.format(lead)), [reading[0], Unit(lead), *reading[1:]]) \
        == [HEADLINE, lead, P1, P2]


def test_paragraphs_the_extractor_wrapped_in_a_div_are_read_one_by_one() -> None:
    credit = "Copyright 2008 The Island Gazette. All rights reserved."
    root = _xml(f"<div>{P1}<p>{P2}</p><div><p>{P3}</p><p>{credit}</p></div></div><p>{P4}</p>")
    units, reasons = htmlpage._units(root, None)
    assert [u.text for u in units] == [P1, P2, P3, credit, P4]
    assert reasons == [None] * 5
    # A div of text alone (no blocks inside) stays one paragraph.
    assert [u.text for u in htmlpage._units(_xml(f"<div>{P1} <hi>{P2}</hi></div>"), None)[0]] == [f"{P1} {P2}"]


def test_a_table_set_in_a_table_cell_is_read_once() -> None:
    root = _xml(f"<table><row><cell>{HEADLINE}<table><row><cell>{P1}</cell></row><row><cell>{P2}</cell></row>"
                f"</table></cell></row><row><cell>{P3}</cell></row></table>")
    units, _ = htmlpage._units(root, None)
    assert [u.text for u in units] == [HEADLINE, P1, P2, P3]


def test_a_short_line_dating_the_story_to_the_minute_is_a_date_line() -> None:
    stamp = "Island Wire Service - January 14, 2008 12:53 PM ET"
    ticker = "10.31 Uhr: Keepers vote to stay on the island, 2008"
    said = "The vote was held at 12:53 on January 14, 2008 in the keepers' cottage."
    root = _xml(f"<p>{stamp}</p><p>{P1}</p><p>{ticker}</p><p>{said}</p>")
    _, reasons = htmlpage._units(root, None)
    assert reasons == ["byline", None, None, None]


def test_a_section_named_in_the_title_is_not_taken_for_the_headline() -> None:
    short = "Storms hit the pier"
    section = ("<html><head><title>Gazette Online - Keepers will stay on the outer island - Island News - Gazette"
               "</title></head><body><h1>Island News</h1><h2>Keepers will stay on the outer island</h2>"
               f"<p>{P1}</p><p>{P2}</p><p>{P3}</p></body></html>")
    tree = lxml.html.document_fromstring(section.replace("Island News", "All The Island News"))
    assert htmlpage._headline(tree, htmlpage._page_meta(tree))[0] == "Keepers will stay on the outer island"
    # A headline of three or four words that only a short part of the title names is still found.
    page = (f"<html><head><title>Island Gazette, The Daily Paper: News | {short}</title></head><body>"
            f"<b class='Headline'>{short}</b><p>{P1}</p><p>{P2}</p></body></html>")
    tree = lxml.html.document_fromstring(page)
    assert htmlpage._headline(tree, htmlpage._page_meta(tree))[0] == short


def test_a_marker_before_the_headline_is_left_out_but_closing_quotes_stay() -> None:
    for markup, title, want in ((f"<span>» {HEADLINE}</span>", HEADLINE, HEADLINE),
                                ("<h1>Keepers warn of « the worst storm season »</h1>",
                                 "Keepers warn of « the worst storm season »", "Keepers warn of « the worst storm season »")):
        tree = lxml.html.document_fromstring(f"<html><head><title>{title}</title></head><body>{markup}"
                                             f"<p>{P1}</p></body></html>")
        assert htmlpage._headline(tree, htmlpage._page_meta(tree))[0] == want
