"""Notes: highlights, notes and pins on spans of articles, kept in a local SQLite store.

``store`` saves them, ``anchor`` finds them again in a possibly edited article, ``placement`` puts
them in story and text order in the loaded corpus, ``export`` writes Markdown, W3C Web Annotation
JSON-LD and CSV, and imports JSON back.

From a UI (every call is quick and one transaction; safe from a worker thread)::

    store = NotesStore()                      # or NotesStore(data_dir=...)
    note = store.add(article, start, end, body="...", tags=["check"])
    for note, where in anchor_all(store.list(article_id=article.id), article):
        ...                                   # where.status: exact / moved / fuzzy / orphaned
    store.update(note.id, body="...");  store.delete(note.id);  store.undelete(note.id)
"""

from reader.notes.anchor import (
    Anchor,
    TextPositionSelector,
    TextQuoteSelector,
    anchor,
    anchor_all,
    describe,
    find_quote,
)
from reader.notes.store import Note, NoteNotFound, NotesStore, NotesStoreError, default_data_dir

__all__ = [
    "Anchor",
    "Note",
    "NoteNotFound",
    "NotesStore",
    "NotesStoreError",
    "TextPositionSelector",
    "TextQuoteSelector",
    "anchor",
    "anchor_all",
    "default_data_dir",
    "describe",
    "find_quote",
]
