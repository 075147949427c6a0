"""HTML pages: the headline and standfirst the page's metadata confirms, links to the site's other
pages, and subheadings the extractor dropped."""

from __future__ import annotations

from reader import segment
from reader.model import Article, BlockKind, Document, InputFormat

P1 = ("The harbour council voted on Tuesday to keep the night ferry running through the winter, after "
      "a petition signed by four thousand residents asked it to reconsider the planned cuts.")
P2 = ("Ferry workers said the decision would protect jobs on both sides of the bay, and the operator "
      "promised to publish a new timetable before the end of the month.")
P3 = ("Critics on the council argued that the subsidy could have paid for two new buses, but the motion "
      "passed by seven votes to four after a long debate in the chamber.")
P4 = ("The first winter sailings will leave the north pier at six in the evening, and tickets bought "
      "for the summer service will remain valid until the spring.")
P5 = ("Residents of the north shore, who rely on the last sailing to get home from evening shifts, "
      "welcomed the vote and thanked the councillors who had changed their minds.")
HEADLINE = "Night ferry will keep running through the winter"
STANDFIRST = ("Four thousand residents signed the petition. The council listened and reversed the cuts it "
              "had planned for the coldest months of the year.")


def _page(body: str, head: str = "") -> str:
    return (f"<!DOCTYPE html><html lang='en'><head><title>{HEADLINE} | Bay Courier</title>"
            f"<meta property='og:title' content='{HEADLINE}'>"
            f"<meta property='og:url' content='https://www.baycourier.example/news/ferry.html'>"
            f"<meta name='description' content='{STANDFIRST}'>{head}</head><body>"
            f"<header><h1 class='logo'><a href='/'>Bay Courier</a></h1>"
            f"<nav><a href='/news'>News</a> <a href='/sport'>Sport</a></nav></header>{body}</body></html>")


def _read(html: str) -> Document:
    return segment.split(Article(text=html, format=InputFormat.HTML, source="page.html"))


def _article(inside: str) -> str:
    return (f"<main><div class='top'><div class='kicker'><a href='/news'>News</a></div><h1>{HEADLINE}</h1>"
            f"<div class='share'><a href='/share'>Share</a></div><p class='lead'>{STANDFIRST}</p></div>"
            f"<div class='meta'>By Jane Doe, 3 March 2025</div>"
            f"<article><div class='body'>{inside}</div></article></main>")


def test_headline_is_the_heading_the_metadata_names_and_the_standfirst_is_read() -> None:
    doc = _read(_page(_article("".join(f"<p>{p}</p>" for p in (P1, P2, P3, P4)))))
    assert doc.title == HEADLINE  # not the logo's <h1>, not the <title> with the site's name
    assert doc.blocks[0].kind is BlockKind.HEADING and doc.blocks[0].text == HEADLINE
    assert doc.blocks[1].text == STANDFIRST
    assert [b.text for b in doc.blocks[2:]] == [P1, P2, P3, P4]
    assert sum(b.text == HEADLINE for b in doc.blocks) == 1


def test_a_page_without_a_visible_headline_takes_its_title_without_the_site_name() -> None:
    html = _page("<main><article>" + "".join(f"<p>{p}</p>" for p in (P1, P2, P3, P4)) + "</article></main>")
    doc = _read(html.replace(f"<meta property='og:title' content='{HEADLINE}'>", ""))
    assert doc.title == HEADLINE
    assert all(b.kind is BlockKind.PARAGRAPH for b in doc.blocks)


def test_links_to_the_sites_other_pages_are_skipped_and_sources_elsewhere_are_read() -> None:
    related = "".join(f"<p><a href='https://www.baycourier.example/news/story-{n}.html'>Council story number {n} "
                      f"about the ferry budget</a></p>" for n in range(1, 4))
    source = ("<p><a href='https://stats.example.net/ferry'>Ferry passenger numbers for the past decade, "
              "published by the statistics office</a></p>")
    inside = (f"<p>{P1}</p><p>{P2}</p><h3><a href='/news/related.html'>Ferry fares rise again for the third "
              f"year running as fuel costs climb</a></h3><p>{P3}</p>{related}<p>{P4}</p>{source}")
    doc = _read(_page(_article(inside)))
    spoken = "\n".join(b.text for b in doc.blocks)
    assert P4 in spoken and "Ferry passenger numbers for the past decade" in spoken
    assert "Council story number" not in spoken and "Ferry fares rise" not in spoken
    skipped = {s.text: s.reason for s in doc.skipped}
    assert skipped["Council story number 2 about the ferry budget"] == "teaser"


def test_reading_time_label_is_not_read() -> None:
    doc = _read(_page(_article("<p>4 min read</p>" + "".join(f"<p>{p}</p>" for p in (P1, P2, P3)))))
    assert "4 min read" not in [b.text for b in doc.blocks]
    assert ("4 min read", "boilerplate") in [(s.text, s.reason) for s in doc.skipped]


def test_a_subheading_between_kept_paragraphs_is_read() -> None:
    inside = (f"<p>{P1}</p><p>{P2}</p><h2>10.31 Uhr: Fähre fährt auch im Winter weiter</h2><p>{P3}</p>"
              f"<p>{P4}</p><h2>08.57 Uhr: Anwohner danken dem Rat</h2><p>{P5}</p>")
    doc = _read(_page(_article(inside)))
    texts = [b.text for b in doc.blocks]
    for heading in ("10.31 Uhr: Fähre fährt auch im Winter weiter", "08.57 Uhr: Anwohner danken dem Rat"):
        assert heading in texts
    assert texts.index(P5) > texts.index(P4)


def test_key_points_under_the_headline_are_read_and_related_links_are_not() -> None:
    points = ("<h2>Key points:</h2><ul><li>The night ferry keeps running all winter, the council decided.</li>"
              "<li>Four thousand residents had signed a petition against the cuts.</li></ul>")
    related = ("<ul><li><a href='/news/a.html'>Bus lanes open on the bridge next month, the city says.</a></li>"
               "<li><a href='/news/b.html'>The harbour market reopens after a long winter break.</a></li></ul>")
    body = "".join(f"<p>{p}</p>" for p in (P1, P2, P3, P4))
    html = _page(f"<main><h1>{HEADLINE}</h1><div class='share'><a href='/share'>Share</a></div>{points}{related}"
                 f"<article>{body}</article></main>")
    texts = [b.text for b in _read(html).blocks]
    assert texts[:3] == [HEADLINE, "Key points", "The night ferry keeps running all winter, the council decided."]
    assert "Bus lanes open on the bridge next month, the city says." not in texts
    assert texts[-4:] == [P1, P2, P3, P4]


def test_another_storys_box_set_between_paragraphs_is_skipped() -> None:
    excerpt = ("Two years ago the council cut the summer timetable instead, and the operator lost money on "
               "every sailing that was left.")
    box = (f"<div class='wrap'><div class='card'><h3>Ferry cuts, two years on</h3><div class='text'><p>{excerpt}</p>"
           f"</div><a href='https://www.baycourier.example/news/cuts.html'>Read the story</a></div></div>")
    inside = f"<p>{P1}</p><p>{P2}</p>{box}<p>{P3}</p><p>{P4}</p><p>{P5}</p>"
    doc = _read(_page(_article(inside)))
    texts = [b.text for b in doc.blocks]
    assert excerpt not in texts and "Ferry cuts, two years on" not in texts
    assert texts[-5:] == [P1, P2, P3, P4, P5]
    assert (excerpt, "boxed") in [(s.text, s.reason) for s in doc.skipped]


def test_a_heading_over_links_between_paragraphs_is_not_read() -> None:
    more = ("<h3>Also worth your time</h3><ul><li><a href='/news/a.html'>Buses on the bridge</a></li>"
            "<li><a href='/news/b.html'>The market reopens</a></li></ul>")
    inside = f"<p>{P1}</p><p>{P2}</p>{more}<p>{P3}</p><p>{P4}</p>"
    texts = [b.text for b in _read(_page(_article(inside))).blocks]
    assert "Also worth your time" not in texts
    assert texts[-4:] == [P1, P2, P3, P4]


def test_documents_the_site_hosts_are_sources_not_teasers() -> None:
    review = "".join(f"<p><a href='/uploads/2019/press-{n}.pdf'>Press cutting number {n} on the ferry vote</a></p>"
                     for n in range(1, 4))
    inside = f"<p>{P1}</p><p>{P2}</p><p>{P3}</p>{review}<p>{P4}</p>"
    doc = _read(_page(_article(inside)))
    assert "teaser" not in [s.reason for s in doc.skipped]


def test_a_photo_caption_is_not_read_even_when_the_metadata_describes_the_photo() -> None:
    caption = "Commuters board the last ferry of the evening at the north pier, where the service will go on."
    head = ("<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"headline\": \"" + HEADLINE + "\", "
            "\"description\": \"" + caption + "\"}</script>")
    figure = (f"<figure><img src='ferry.jpg' alt=''><figcaption><p>{caption}</p><p>Photo: Jane Doe</p>"
              f"</figcaption></figure>")
    html = _page(f"<main><h1>{HEADLINE}</h1>{figure}<article>" + "".join(f"<p>{p}</p>" for p in (P1, P2, P3))
                 + "</article></main>", head).replace(f"<meta name='description' content='{STANDFIRST}'>", "")
    doc = _read(html)
    assert caption not in [b.text for b in doc.blocks]
    assert [b.text for b in doc.blocks] == [HEADLINE, P1, P2, P3]


ZH = ["市议会周二投票决定，冬季继续开行夜间渡轮，"
      "此前四千名居民签名请愿，要求重新考虑削减计划。",
      "渡轮工人表示，这一决定将保护海湾两岸的工作岗位，"
      "运营方承诺在月底前公布新的时刻表。",
      "议会中的批评者认为，这笔补贴本可以购买两辆新公交车，"
      "但经过长时间辩论，动议以七票对四票获得通过。"]


def test_a_chinese_headline_styled_as_the_title_and_a_page_inside_a_form() -> None:
    headline = "夜间渡轮冬季继续运行"
    html = (f"<html lang='zh'><head><title>{headline}-海湾日报</title></head><body><form action='/'>"
            f"<div class='logo'>海湾日报</div><div class='h-title'>{headline}</div><div class='content'>"
            + "".join(f"<p>{p}</p>" for p in ZH) + "</div></form></body></html>")
    doc = _read(html)
    assert doc.title == headline
    assert [b.text for b in doc.blocks] == [headline, *ZH]


def test_a_reporters_address_signing_off_is_not_read() -> None:
    doc = _read(_page(_article("".join(f"<p>{p}</p>" for p in (P1, P2, P3)) + "<p>jdoe@baycourier.example (END)</p>")))
    assert [b.text for b in doc.blocks][-1] == P3
    assert ("jdoe@baycourier.example (END)", "byline") in [(s.text, s.reason) for s in doc.skipped]


def test_a_page_the_extractor_cannot_read_keeps_its_title() -> None:
    from reader.segment import htmlpage

    html = (f"<html><head><title>{HEADLINE} | Bay Courier</title></head>"
            "<body><script>document.write('no text here')</script></body></html>")
    page = htmlpage.read(html)
    assert not any(u.trusted for u in page.units) and page.title == HEADLINE


def test_a_live_tickers_timed_headings_are_read() -> None:
    inside = (f"<p>{P1}</p><h2>10.31 Uhr: Fähre fährt auch im Winter</h2><p>{P2}</p>"
              f"<h2>08.57 Uhr: Anwohner danken dem Rat</h2><p>{P3}</p>")
    texts = [b.text for b in _read(_page(_article(inside))).blocks]
    assert "10.31 Uhr: Fähre fährt auch im Winter" in texts and "08.57 Uhr: Anwohner danken dem Rat" in texts
