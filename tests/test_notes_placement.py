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
