"""Ingest: seeds' metadata and boilerplate, formats, encodings, bad files."""

from __future__ import annotations

import codecs
import json
import os
from pathlib import Path

import pytest

from reader.ingest import read_path, read_paths
from reader.ingest import readers as readers_module
from reader.ingest.decode import display_path, strip_controls
from reader.ingest.metadata import parse_date
from reader.model import Article

# --- the seeds ---------------------------------------------------------------------------------


def test_seed_dates_titles_and_ledes(seed_articles: dict[str, Article]) -> None:
    assert seed_articles["000"].date == "2021-12-29"
    assert seed_articles["002"].date == "2021-12-29"
    # 000, 002 and 004 have no title: their first line is the lede and stays in the body.
    assert seed_articles["000"].title is None
    assert seed_articles["000"].text.startswith(
        "WASHINGTON The Biden administration said on Tuesday"
    )
    assert seed_articles["002"].title is None
    assert seed_articles["002"].text.startswith(
        "The United States and Russia will hold long-awaited talks"
    )
    assert seed_articles["004"].title is None
    assert seed_articles["004"].text.startswith(
        "U.S. and Russian officials will hold security talks on January 10"
    )
    # 001 and 003 have one, and it is not repeated in the body.
    assert (
        seed_articles["001"].title
        == "U.S. and Russia Conform to Talks Amid Rising Tensions Over Ukraine"
    )
    assert seed_articles["001"].text.startswith("WASHINGTON — The Biden administration mentioned")
    assert (
        seed_articles["003"].title
        == "US and Russia face deep differences ahead of talks with Ukraine"
    )
    assert seed_articles["003"].text.startswith("WILMINGTON, Delaware (AP) –")


def test_seed_outlets(seed_articles: dict[str, Article]) -> None:
    assert seed_articles["003"].outlet == "The Associated Press"
    assert seed_articles["004"].outlet == "Radio Free Europe/Radio Liberty"


def test_seed_site_chrome_is_set_aside_not_lost(seed_articles: dict[str, Article]) -> None:
    chrome_001 = seed_articles["001"].boilerplate
    assert 'Press "Enter" to skip to content' in chrome_001
    assert "Source link" in chrome_001
    assert "Comments are closed." in chrome_001
    for line in chrome_001:
        assert line not in seed_articles["001"].text
    assert any(
        line.startswith("Copyright 2021 The Associated Press")
        for line in seed_articles["003"].boilerplate
    )
    assert "Copyright" not in seed_articles["003"].text
    assert any(
        "originally published by Radio Free Europe" in line
        for line in seed_articles["004"].boilerplate
    )


@pytest.mark.parametrize("number", ["000", "001", "002", "003", "004"])
def test_no_word_of_a_seed_is_lost(seed_articles: dict[str, Article], number: str) -> None:
    article = seed_articles[number]
    raw = Path(article.path).read_text(encoding="utf-8")
    kept = " ".join([article.text, article.title or "", *article.boilerplate])
    for line in raw.splitlines():
        if line.strip():
            assert line.strip() in kept or line.strip() in " ".join(article.boilerplate), line


def test_quote_and_dash_characters_are_kept_as_written(seed_articles: dict[str, Article]) -> None:
    text = seed_articles["003"].text
    assert "“I have made it clear to President Putin" in text
    assert "(AP) –" in text
    assert "Mr. Biden’s “strategy" in seed_articles["001"].text


# --- formats -----------------------------------------------------------------------------------


def test_json_single_record_list_and_wrapper(tmp_path: Path) -> None:
    (tmp_path / "one.json").write_text(
        json.dumps(
            {
                "headline": "A headline",
                "body": "First paragraph.\n\nSecond one.",
                "publisher": {"name": "The Daily"},
                "published_at": "2021-12-29T08:00:00Z",
                "url": "https://x.example/a",
            }
        ),
        encoding="utf-8",
    )
    (tmp_path / "many.json").write_text(
        json.dumps(
            [
                {"id": "r-1", "text": "Alpha story text here."},
                {"content": "Beta story text.", "date": "Dec 28, 2021"},
            ]
        ),
        encoding="utf-8",
    )
    (tmp_path / "wrapped.json").write_text(
        json.dumps({"articles": [{"text": "Gamma text.", "source": "AP"}]}), encoding="utf-8"
    )
    articles, skipped = read_path(tmp_path)
    assert not skipped
    by_id = {a.id: a for a in articles}
    one = by_id["one"]
    assert (one.title, one.outlet, one.date, one.url) == (
        "A headline",
        "The Daily",
        "2021-12-29",
        "https://x.example/a",
    )
    assert one.text == "First paragraph.\n\nSecond one."
    assert by_id["r-1"].text == "Alpha story text here."
    assert by_id["many:2"].date == "2021-12-28"
    assert by_id["wrapped:1"].outlet == "The Associated Press"


def test_json_wrappers_with_nested_or_several_lists_of_articles(tmp_path: Path) -> None:
    # An API response nests its list; a feed export may keep one list per section, next to
    # lists that are not articles at all.
    (tmp_path / "api.json").write_text(
        json.dumps({"status": "ok", "response": {"docs": [{"body": "Delta story text."}]}}),
        encoding="utf-8",
    )
    (tmp_path / "feed.json").write_text(
        json.dumps(
            {
                "world": [{"text": "Epsilon story text."}, {"text": "Zeta story text."}],
                "business": [{"id": "b-7", "content": "Eta story text."}],
                "authors": [{"name": "A. Writer"}],
            }
        ),
        encoding="utf-8",
    )
    articles, skipped = read_path(tmp_path)
    assert not skipped
    by_id = {a.id: a.text for a in articles}
    assert by_id == {
        "api:1": "Delta story text.",
        "feed:world:1": "Epsilon story text.",
        "feed:world:2": "Zeta story text.",
        "b-7": "Eta story text.",
    }
    assert {a.path for a in articles if a.id.startswith("feed:")} == {
        f"{display_path(tmp_path / 'feed.json')}#world:1",
        f"{display_path(tmp_path / 'feed.json')}#world:2",
    }


def test_json_holding_no_record_is_skipped_and_the_rest_loads(tmp_path: Path) -> None:
    for name, content in (("null.json", "null"), ("number.json", "42"), ("empty.json", "{}")):
        (tmp_path / name).write_text(content, encoding="utf-8")
    (tmp_path / "story.txt").write_text("Talks open in Geneva on Monday.", encoding="utf-8")
    articles, skipped = read_path(tmp_path)
    assert [a.text for a in articles] == ["Talks open in Geneva on Monday."]
    assert sorted(Path(s.path).name for s in skipped) == ["empty.json", "null.json", "number.json"]


def test_jsonl_bad_line_is_reported_and_the_rest_loads(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": "Good one."}),
        "{not json",
        json.dumps({"title": "No text"}),
        json.dumps({"text": "Good two."}),
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles, skipped = read_path(tmp_path / "feed.jsonl")
    assert [a.id for a in articles] == ["feed:1", "feed:4"]
    reasons = {s.path.rsplit("#", 1)[1]: s.reason for s in skipped}
    assert reasons["2"].startswith("invalid JSON")
    assert "no text field" in reasons["3"]


def test_markdown_front_matter_and_heading(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(
        "---\ntitle: Front title\ndate: 2022-01-10\nsource: Reuters\n---\n\nBody text of the story.\n",
        encoding="utf-8",
    )
    (tmp_path / "b.md").write_text(
        "# A heading title\n\nThe lede sentence.\n\nMore text.\n", encoding="utf-8"
    )
    articles, _ = read_path(tmp_path)
    a, b = sorted(articles, key=lambda x: x.id)
    assert (a.title, a.date, a.outlet, a.text) == (
        "Front title",
        "2022-01-10",
        "Reuters",
        "Body text of the story.",
    )
    assert b.title == "A heading title"
    assert b.text == "The lede sentence.\n\nMore text."


def test_html_main_text_is_extracted(tmp_path: Path) -> None:
    pytest.importorskip("trafilatura")
    paragraphs = "".join(
        f"<p>Paragraph {i} of the story about talks in Geneva between the two sides, with enough words to count.</p>"
        for i in range(6)
    )
    html = f"<html><head><title>Talks open</title></head><body><nav>Home | World | Sport</nav><article><h1>Talks open</h1>{paragraphs}</article><footer>© 2021 Example News</footer></body></html>"
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    articles, skipped = read_path(tmp_path)
    assert not skipped
    assert "Paragraph 0 of the story" in articles[0].text
    assert "Paragraph 5 of the story" in articles[0].text
    assert "Home | World" not in articles[0].text


def test_html_without_the_extractor_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import builtins

    real_import = builtins.__import__

    def no_trafilatura(name: str, *args: object, **kwargs: object) -> object:
        if name == "trafilatura":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", no_trafilatura)
    (tmp_path / "page.html").write_text("<html><body><p>Text</p></body></html>", encoding="utf-8")
    articles, skipped = read_path(tmp_path)
    assert not articles
    assert "pip install 'reader[html]'" in skipped[0].reason


# --- encodings and bad files -------------------------------------------------------------------

STORY = "The minister said “talks will resume” — café owners in Kyiv welcomed it."


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("utf8.txt", STORY.encode("utf-8")),
        ("utf8bom.txt", codecs.BOM_UTF8 + STORY.encode("utf-8")),
        ("utf16le.txt", codecs.BOM_UTF16_LE + STORY.encode("utf-16-le")),
        ("utf16be.txt", codecs.BOM_UTF16_BE + STORY.encode("utf-16-be")),
        ("cp1252.txt", STORY.encode("cp1252")),
    ],
)
def test_encodings_are_read_correctly(tmp_path: Path, name: str, data: bytes) -> None:
    (tmp_path / name).write_bytes(data)
    articles, skipped = read_path(tmp_path / name)
    assert not skipped
    assert articles[0].text == STORY


def test_latin1_text(tmp_path: Path) -> None:
    (tmp_path / "old.txt").write_bytes(
        "Le président a déclaré à Genève: « non ».".encode("latin-1")
    )
    articles, _ = read_path(tmp_path)
    assert articles[0].text == "Le président a déclaré à Genève: « non »."


def test_control_sequences_are_stripped() -> None:
    dirty = "Title\x1b]0;pwned\x07 text\x1b[31mred\x1b[0m \x9b2J bell\x07 del\x7f c1\x85 tab\tnew\nline\r\nend"
    assert strip_controls(dirty) == "Title textred  bell del c1 tab\tnew\nline\nend"


def test_invisible_reordering_and_word_splitting_characters_are_stripped() -> None:
    # A right-to-left override would make a terminal show "said" as "dias"; a zero-width space
    # would split "Lavrov" into two words that no quote or diff could match.
    dirty = "He \u202esaid\u202c \u2066it\u2069 Lav\u200brov\ufeff.\u2028Next\u2029Para"
    assert strip_controls(dirty) == "He said it Lavrov.\nNext\n\nPara"
    # Joiners that emoji and Persian need stay.
    assert strip_controls(
        "family \U0001f468\u200d\U0001f469 \u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"
    ) == ("family \U0001f468\u200d\U0001f469 \u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645")


def test_escape_laden_file_is_cleaned(tmp_path: Path) -> None:
    (tmp_path / "esc.txt").write_text(
        "Headline\x1b[2J\n\nBody \x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\ here.\x00",
        encoding="utf-8",
    )
    articles, skipped = read_path(tmp_path / "esc.txt")
    # A NUL byte marks binary data; without it the text is cleaned and kept.
    assert skipped and "binary" in skipped[0].reason
    (tmp_path / "esc.txt").write_text(
        "Body \x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\ here.\x1b[31m Red.\x1b[0m",
        encoding="utf-8",
    )
    articles, skipped = read_path(tmp_path / "esc.txt")
    assert articles[0].text == "Body link here. Red."


def test_bad_files_are_skipped_with_reasons_and_good_ones_load(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "good.txt").write_text("A real story with words.", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.md").write_text("  \n\n \t\n", encoding="utf-8")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (tmp_path / "huge.txt").write_text("word " * 400, encoding="utf-8")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    os.symlink(tmp_path / "missing-target.txt", tmp_path / "dangling.txt")
    monkeypatch.setattr(readers_module, "MAX_FILE_BYTES", 1000)
    articles, skipped = read_path(tmp_path)
    assert [a.id for a in articles] == ["good"]
    reasons = {Path(s.path).name: s.reason for s in skipped}
    assert reasons["empty.txt"] == "empty file"
    assert reasons["blank.md"] == "empty file"
    assert "binary" in reasons["image.txt"]
    assert reasons["huge.txt"].startswith("too large")
    assert reasons["photo.jpg"] == "unsupported file type .jpg"
    assert reasons["dangling.txt"].startswith("unreadable")


def test_duplicate_stems_get_distinct_ids(tmp_path: Path) -> None:
    for folder in ("ap", "afp"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(f"Story from {folder}.", encoding="utf-8")
    articles, _ = read_paths([tmp_path])
    assert sorted(a.id for a in articles) == ["afp/story", "ap/story"]


def test_hard_wrapped_text_is_unwrapped_into_paragraphs(tmp_path: Path) -> None:
    wrapped = "The first paragraph is wrapped\nat a fixed width like an email.\n\nThe second paragraph is\nwrapped too, over lines.\n"
    (tmp_path / "w.txt").write_text(wrapped, encoding="utf-8")
    articles, _ = read_path(tmp_path)
    assert (
        articles[0].text
        == "The first paragraph is wrapped at a fixed width like an email.\n\nThe second paragraph is wrapped too, over lines."
    )


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("2021-12-29", "2021-12-29"),
        ("2021-12-29T23:10:00+01:00", "2021-12-29"),
        ("December 15th, 2008, 7:35 am", "2008-12-15"),
        ("Wed, 29 Dec 2021 10:00:00 GMT", "2021-12-29"),
        ("29 December 2021", "2021-12-29"),
        ("Sept. 3, 2020", "2020-09-03"),
        (1640736000, "2021-12-29"),
        ("not a date", None),
        ("2021-02-30", None),
    ],
)
def test_parse_date(raw: object, iso: str | None) -> None:
    assert parse_date(raw) == iso


def test_dated_headline_file_like_a_scraped_page(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text(
        "Report: Red Sox offer Teixeira $200 million\nDecember 15th, 2008, 7:35 am\nDan Patrick reported on his show that the Red Sox made an offer.\n",
        encoding="utf-8",
    )
    article = read_path(tmp_path)[0][0]
    assert article.title == "Report: Red Sox offer Teixeira $200 million"
    assert article.date == "2008-12-15"
    assert article.text == "Dan Patrick reported on his show that the Red Sox made an offer."


def test_contributor_credit_is_boilerplate_but_a_story_sentence_is_not(
    seed_articles: dict[str, Article],
) -> None:
    from reader.ingest.clean import is_boilerplate

    assert (
        "Associated Press writer Vladimir Isachenkov in Moscow contributed to this report."
        in seed_articles["003"].boilerplate
    )
    assert is_boilerplate("Reporting by Jane Roe in Geneva; Editing by John Doe")
    assert not is_boilerplate(
        "The senator said colleagues contributed to the bill before the vote on Tuesday, and more."
    )
    assert not is_boilerplate("Source of the leak was never identified, officials said.")


def test_yearless_date_line_is_set_aside_and_an_exclaiming_headline_is_a_title(
    tmp_path: Path,
) -> None:
    (tmp_path / "release.txt").write_text(
        "APR 28\n"
        "Obama Administration Restores Endangered Species Act Protections!\n"
        "Today, Interior Secretary Ken Salazar announced the restoration of the rules.\n"
        "The rules were weakened in the final days of the Bush administration!\n",
        encoding="utf-8",
    )
    (article,), _ = read_path(tmp_path)
    assert article.title == "Obama Administration Restores Endangered Species Act Protections!"
    assert article.text.startswith("Today, Interior Secretary")
    assert "APR 28" in article.boilerplate and article.date is None
    # With a label, as a dated header line may have ("Updated: April 28, 2015").
    (tmp_path / "release.txt").write_text(
        "Updated: April 28\nSalazar Restores Species Protections\nThe rules are back.\n",
        encoding="utf-8",
    )
    (article,), _ = read_path(tmp_path)
    assert article.title == "Salazar Restores Species Protections"
    assert article.boilerplate == ("Updated: April 28",) and article.date is None
    # A lede that exclaims, in sentence case, stays the story's first paragraph.
    (tmp_path / "release.txt").write_text(
        "We won the vote in the end after all!\nThe count took three days.\n", encoding="utf-8"
    )
    (article,), _ = read_path(tmp_path)
    assert article.title is None and article.text.startswith("We won the vote")
