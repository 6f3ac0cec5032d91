"""``reader notes``: add, list, remove, import and export notes from the command line."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rich import box
from rich.table import Table
from rich.text import Text

from reader.cli.common import (
    CliError,
    add_corpus_options,
    add_data_dir_option,
    add_json_option,
    console,
    corpus_for_refs,
    err_console,
    find_article,
    load_corpus_from_args,
    print_json,
)
from reader.corpus import Corpus
from reader.notes import Note, NoteNotFound, NotesStore, NotesStoreError, find_quote
from reader.notes.export import (
    FORMATS,
    ExportError,
    default_enricher,
    filter_notes,
    import_annotations,
    load_annotations,
    render,
    write_export,
)
from reader.notes.store import default_store_path
from reader.text.counts import counted
from reader.text.shorten import clip
from reader.text.tokens import fold


def register(subparsers: argparse._SubParsersAction) -> None:
    notes = subparsers.add_parser(
        "notes",
        help="highlights and notes: add, list, rm, import, export",
        description="Notes live in a local SQLite store (--data-dir, $READER_DATA_DIR, or the "
        "platform's user data directory).",
    )
    add_data_dir_option(notes, default=None)
    notes.set_defaults(func=lambda args: _usage(notes))
    commands = notes.add_subparsers(dest="notes_command", metavar="COMMAND")

    p = commands.add_parser("add", help="note a passage of an article")
    p.add_argument("article", metavar="ARTICLE", help="article id (or unique prefix) or file path")
    p.add_argument(
        "--quote", required=True, metavar="TEXT", help="the passage, as it appears in the article"
    )
    p.add_argument(
        "--note", default="", metavar="TEXT", help="your note (omit for a bare highlight)"
    )
    p.add_argument("--tag", action="append", default=[], metavar="TAG", help="a tag (repeatable)")
    p.add_argument("--story", metavar="ID", help="the story this note belongs to")
    _add_corpus(p)
    add_data_dir_option(p)
    add_json_option(p)
    p.set_defaults(func=cmd_add)

    p = commands.add_parser("list", help="list notes")
    _add_filters(p)
    p.add_argument("--deleted", action="store_true", help="include deleted notes")
    _add_corpus(p)
    add_data_dir_option(p)
    add_json_option(p)
    p.set_defaults(func=cmd_list)

    p = commands.add_parser("rm", help="delete a note (undo with --undo)")
    p.add_argument("id", metavar="ID", help="note id (or unique prefix)")
    p.add_argument("--undo", action="store_true", help="bring a deleted note back")
    add_data_dir_option(p)
    add_json_option(p)
    p.set_defaults(func=cmd_rm)

    p = commands.add_parser("import", help="import a JSON export (no duplicates)")
    p.add_argument("file", metavar="FILE", help="a reader JSON export ('-' for stdin)")
    add_data_dir_option(p)
    add_json_option(p)
    p.set_defaults(func=cmd_import)

    p = commands.add_parser("export", help="export notes as Markdown, W3C JSON-LD or CSV")
    p.add_argument("--format", choices=FORMATS, default="md", help="output format (default md)")
    p.add_argument(
        "-o",
        "--output",
        default="-",
        metavar="FILE",
        help="file to write ('-', the default, is stdout)",
    )
    p.add_argument("--force", action="store_true", help="overwrite an existing file")
    _add_filters(p)
    _add_corpus(p)
    add_data_dir_option(p)
    p.set_defaults(func=cmd_export)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2


def _add_corpus(parser: argparse.ArgumentParser) -> None:
    add_corpus_options(
        parser, positional=False, default="the folders the notes came from, or the seeds"
    )


def _add_filters(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--story", metavar="ID", help="only notes on this story")
    parser.add_argument("--article", metavar="ID", help="only notes on this article (id or path)")
    parser.add_argument("--tag", metavar="TAG", help="only notes with this tag")


def _open_store(args: argparse.Namespace) -> NotesStore:
    try:
        return NotesStore(data_dir=getattr(args, "data_dir", None))
    except NotesStoreError as exc:
        raise CliError(str(exc)) from None


def _store_exists(args: argparse.Namespace) -> bool:
    """Whether there is a store to read: commands that only read must not create one (a
    mistyped ``--data-dir`` would leave a folder and an empty database behind)."""
    try:
        default_store_path(getattr(args, "data_dir", None)).stat()
    except (FileNotFoundError, NotADirectoryError):
        return False
    except OSError:
        return True  # there but not checkable: opening it says why
    return True


def _stored_notes(args: argparse.Namespace, *, include_deleted: bool = False) -> list[Note]:
    if not _store_exists(args):
        return []
    with _open_store(args) as store:
        return store.list(include_deleted=include_deleted)


def note_json(note: Note) -> dict[str, Any]:
    return {
        "id": note.id,
        "kind": note.kind,
        "article_id": note.article_id,
        "article_path": note.article_path,
        "story_id": note.story_id,
        "quote": note.quote.exact,
        "start": note.position.start if note.position else None,
        "end": note.position.end if note.position else None,
        "note": note.body,
        "tags": list(note.tags),
        "payload": dict(note.payload) if note.payload is not None else None,
        "created": note.created_at,
        "updated": note.updated_at,
        "deleted": note.deleted,
    }


# -- commands --------------------------------------------------------------------------------------


def cmd_add(args: argparse.Namespace) -> int:
    corpus = corpus_for_refs(args, [args.article], group=False)
    article = find_article(corpus, args.article)
    found = find_quote(article.text, args.quote)
    if found is None:
        raise CliError(f"the quote is not in article {article.id}: {clip(args.quote, 60)!r}")
    start, end = found
    repeats = fold(article.text).count(fold(article.text[start:end]))
    with _open_store(args) as store:
        note = store.add(article, start, end, body=args.note, tags=args.tag, story_id=args.story)
    if args.json:
        print_json(note_json(note))
        return 0
    console.print(
        Text.assemble(
            ("Added ", "green"),
            (note.short_id, "bold"),
            f" ({note.kind}) on {article.id}: ",
            (clip(note.quote.exact, 70), "italic"),
        )
    )
    if repeats > 1:
        err_console.print(
            Text(
                f"note: the quote occurs {repeats} times in {article.id}; the first one was noted."
            ),
            style="yellow",
        )
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    notes = _stored_notes(args, include_deleted=args.deleted)
    story, stories = args.story, []
    if story is not None:
        corpus = _corpus_for_story(args, notes)
        story, stories = _resolve_story(corpus, story), corpus.stories
    notes = filter_notes(notes, story=story, tag=args.tag, stories=stories)
    notes = [n for n in notes if args.article is None or _matches_article(n, args.article)]
    if args.json:
        print_json({"notes": [note_json(n) for n in notes]})
        return 0
    if not notes:
        console.print(Text("No notes.", style="dim"))
        return 0
    wide = console.width >= 120
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column("id", no_wrap=True)
    if wide:
        table.add_column("kind", no_wrap=True)
    table.add_column("article", no_wrap=True, max_width=10)
    table.add_column("quote", ratio=3)
    table.add_column("note", ratio=2)
    table.add_column("tags", ratio=1)
    table.add_column("created", no_wrap=True)
    for note in notes:
        kind = [Text(note.kind)] if wide else []
        table.add_row(
            Text(note.short_id, style="strike dim" if note.deleted else "bold"),
            *kind,
            Text(clip(note.article_id, 24)),
            Text(clip(note.quote.exact, 60), style="italic"),
            Text(clip(note.body, 60)),
            Text(", ".join(note.tags), style="cyan"),
            Text(
                note.created_at[:16].replace("T", " ") if wide else note.created_at[:10],
                style="dim",
            ),
        )
    console.print(table)
    return 0


def cmd_rm(args: argparse.Namespace) -> int:
    if not _store_exists(args):
        raise CliError(f"no note with id {args.id.strip()!r}")
    with _open_store(args) as store:
        try:
            note = store.get(args.id, include_deleted=True)
            # Say what happened: deleting twice (or restoring a live note) changes nothing.
            if args.undo and not note.deleted:
                raise CliError(f"note {note.short_id} is not deleted")
            if not args.undo and note.deleted:
                raise CliError(
                    f"note {note.short_id} was already deleted "
                    f"(undo: reader notes rm --undo {note.short_id})"
                )
            note = store.undelete(note.id) if args.undo else store.delete(note.id)
        except NoteNotFound as exc:
            raise CliError(str(exc.args[0] if exc.args else exc)) from None
    if args.json:
        print_json({**note_json(note), "deleted": not args.undo})
        return 0
    if args.undo:
        console.print(Text.assemble(("Restored ", "green"), (note.short_id, "bold")))
    else:
        console.print(
            Text.assemble(
                ("Deleted ", "yellow"),
                (note.short_id, "bold"),
                f" (undo: reader notes rm --undo {note.short_id})",
            )
        )
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    try:
        items = load_annotations(args.file)
    except ExportError as exc:
        raise CliError(str(exc)) from None
    with _open_store(args) as store:
        result = import_annotations(store, items)
    if args.json:
        print_json(
            {
                "added": result.added,
                "updated": result.updated,
                "unchanged": result.unchanged,
                "skipped": result.skipped,
            }
        )
        return 0
    console.print(
        Text(
            f"Imported {result.added} new, {result.updated} updated, {result.unchanged} unchanged."
        )
    )
    for reason in result.skipped:
        err_console.print(Text(f"skipped {reason}", style="yellow"))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    notes = _stored_notes(args)
    corpus = _corpus_for_notes(args, notes)
    stories = corpus.stories if corpus is not None else []
    story = _resolve_story(corpus, args.story) if corpus is not None and args.story else args.story
    notes = filter_notes(notes, story=story, tag=args.tag, stories=stories)
    notes = [n for n in notes if args.article is None or _matches_article(n, args.article, corpus)]
    articles = corpus.articles if corpus is not None else []
    enrich = default_enricher() if args.format == "md" else None
    content = render(args.format, notes, articles, stories, enrich=enrich)
    try:
        written = write_export(content, args.output, force=args.force)
    except ExportError as exc:
        raise CliError(str(exc)) from None
    except OSError as exc:
        raise CliError(f"cannot write {args.output}: {exc.strerror or exc}") from None
    if written is not None:
        err_console.print(Text(f"Wrote {counted(len(notes), 'note')} to {written}"))
    return 0


# -- helpers -----------------------------------------------------------------------------------------


def _matches_article(note: Note, ref: str, corpus: Corpus | None = None) -> bool:
    if ref in (note.article_id, note.article_path) or note.article_id.startswith(ref):
        return True
    if corpus is not None:
        try:
            return corpus.article(ref).id == note.article_id
        except KeyError:
            return False
    return False


def _note_folders(notes: Sequence[Note]) -> list[str]:
    """The folders of the files the notes were made on, if they still exist: the corpus the
    notes came from, as near as the store knows it (a record path ends in ``#n``)."""
    folders: dict[str, None] = {}
    for note in notes:
        path = note.article_path.split("#", 1)[0]
        try:
            is_file = bool(path) and Path(path).is_file()
        except (OSError, ValueError):  # too long a name, a folder we may not read: not there
            is_file = False
        if is_file:
            folders.setdefault(str(Path(path).parent), None)
    return list(folders)


def _corpus_for_notes(args: argparse.Namespace, notes: Sequence[Note]) -> Corpus | None:
    """Articles to export with: ``--corpus`` if given, else the folders the notes came from."""
    if args.paths:
        return load_corpus_from_args(args)
    paths = _note_folders(notes)
    if not paths:
        return None
    # The notes carry their own passages: folders emptied since still export.
    return load_corpus_from_args(args, paths, require_articles=False)


def _corpus_for_story(args: argparse.Namespace, notes: Sequence[Note]) -> Corpus:
    corpus = _corpus_for_notes(args, notes)
    if corpus is None:
        return load_corpus_from_args(args, [])
    return corpus


def _resolve_story(corpus: Corpus, ref: str) -> str:
    """A story id from an id, a unique prefix or an article ref; else ``ref`` as a stored id."""
    try:
        return corpus.story(ref).id
    except KeyError:
        return ref
