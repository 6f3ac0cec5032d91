"""Notes: highlights, notes and pins on spans of articles, kept in a local SQLite store.

``store`` saves them, ``anchor`` finds them again in a possibly edited article, ``export`` writes
Markdown, W3C Web Annotation JSON-LD and CSV, and imports JSON back.
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
