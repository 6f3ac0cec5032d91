"""Placing notes in the loaded corpus: story and version order, place in the text, orphans."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from reader.model import Article, Story
from reader.notes import NotesStore
from reader.notes.placement import NoteContext, group_notes


def test_notes_are_grouped_by_story_version_and_place_in_the_text(
    tmp_path: Path, seed_articles: dict[str, Article]
) -> None:
    first, second = seed_articles["001"], seed_articles["000"]
    story = Story("s-talks", "Talks", (first.id, second.id))
    loose = Article("loose", "/corpus/loose.txt", "A version in no story at all, said nobody.")
    with NotesStore(tmp_path / "notes.sqlite3") as store:
        late = store.add(first, 500, 540, body="later in 001")
        early = store.add(first, 10, 40, body="early in 001")
        on_000 = store.add(second, 0, 30)
        gone = store.add(second, 100, 140)
        on_loose = store.add(loose, 0, 9)
        unloaded = store.add(Article("away", "/elsewhere/away.txt", "Some text here."), 0, 4)
        notes = store.list()
    # 000's passage is rewritten since the note was made: the note stays, last of its article.
    edited = dataclasses.replace(second, text=second.text[:100] + "#" * 40 + second.text[140:])
    context = NoteContext.build([first, edited, loose], [story])
    groups = group_notes(notes, context)

    assert [
        (g.story.id if g.story else None, g.article.id if g.article else g.source) for g in groups
    ] == [
        ("s-talks", first.id),
        ("s-talks", edited.id),
        (None, "loose"),
        (None, "/elsewhere/away.txt"),
    ]
    assert [e.note.id for e in groups[0].entries] == [early.id, late.id]
    assert [e.note.id for e in groups[1].entries] == [on_000.id, gone.id]
    assert groups[1].entries[1].where is not None
    assert groups[1].entries[1].where.status == "orphaned"
    assert groups[1].entries[1].passage == second.text[100:140]  # the stored quote
    assert groups[0].entries[0].passage == first.text[10:40]
    assert [e.note.id for e in groups[2].entries] == [on_loose.id]
    assert groups[3].entries[0].where is None and groups[3].entries[0].note.id == unloaded.id


def test_one_story_per_note_for_the_screen_and_every_export(tmp_path: Path) -> None:
    import csv
    import io

    from reader.notes.export import filter_notes, to_csv, to_markdown

    moved = Article("b1", "/corpus/b1.txt", "The minister resigned on Friday, aides said.")
    story_two = Story("s2", "Story Two", (moved.id,))
    away = [Article(f"x{n}", f"/x/{n}.txt", f"Text of {n} here.") for n in "abc"]
    with NotesStore(tmp_path / "notes.sqlite3") as store:
        # Made in story s1 (no longer loaded): the article now stands in s2.
        made_elsewhere = store.add(moved, 4, 12, story_id="s1")
        # Articles no longer loaded keep the stories they were noted in: a, c in s-111, b s-222.
        for article, story_id in zip(away, ("s-111", "s-222", "s-111"), strict=True):
            store.add(article, 0, 4, story_id=story_id)
        notes = store.list()
    context = NoteContext.build([moved], [story_two])
    groups = group_notes(notes, context)
    assert [(g.story_id, g.source) for g in groups] == [
        ("s2", "/corpus/b1.txt"),
        ("s-111", "/x/a.txt"),
        ("s-111", "/x/c.txt"),
        ("s-222", "/x/b.txt"),
    ]
    rows = list(csv.DictReader(io.StringIO(to_csv(notes, [moved], [story_two]))))
    assert [row["story"] for row in rows] == [g.story_id for g in groups]
    assert [n.id for n in filter_notes(notes, story="s2", stories=[story_two])] == [
        made_elsewhere.id
    ]
    markdown = to_markdown(notes, [moved], [story_two])
    assert markdown.count("## Story `s-111`") == 1  # one heading for both of its notes
    assert markdown.index("## Story Two") < markdown.index("## Story `s-111`")
