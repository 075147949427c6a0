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
