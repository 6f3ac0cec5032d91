"""Export notes as Markdown, W3C Web Annotation JSON-LD or CSV, and import the JSON back.

Exports take the notes plus whatever articles and stories are loaded: a loaded article gives the
title, outlet and date and lets each note be re-anchored (so the quote shown is the text as it is
now, with a word if it moved or was lost); a note whose article is not loaded falls back to what
the note itself stored. The JSON export keeps every stored field under ``reader:note`` so an import
restores notes exactly; importing the same file twice changes nothing.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import re
import sys
import tempfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from reader.ingest.decode import parse_json, strip_controls
from reader.model import Article, Story
from reader.notes.anchor import TextPositionSelector, TextQuoteSelector
from reader.notes.placement import NoteContext, NoteGroup, PlacedNote, group_notes
from reader.notes.store import NOTE_KINDS, Note, NotesStore, check_span, clean_tags
from reader.text.counts import counted

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
READER_KEY = "reader:note"
"""Where reader's own fields live in an annotation (a compact IRI, kept apart from W3C terms)."""
FORMATS = ("md", "json", "csv")
CSV_COLUMNS = (
    "id",
    "story",
    "article",
    "outlet",
    "date",
    "quote",
    "note",
    "tags",
    "start",
    "end",
    "created",
    "updated",
    "kind",
    "anchor",
)
_MOTIVATIONS = {"highlight": "highlighting", "note": "commenting", "pin": "bookmarking"}

Enricher = Callable[[Article, int, int], Mapping[str, Any]]
"""``enrich(article, start, end)`` -> extra facts about a span, e.g. ``{"speaker": ..., "dates": [...]}``."""


class ExportError(Exception):
    """An export or import that cannot be done (file exists, unreadable file, bad JSON)."""


def filter_notes(
    notes: Iterable[Note],
    *,
    story: str | None = None,
    article: str | None = None,
    tag: str | None = None,
    stories: Iterable[Story] | Mapping[str, Story] = (),
) -> list[Note]:
    """Notes on ``story`` (stored story id, or an article the loaded story holds), ``article``
    (id or path) and carrying ``tag``; a filter left as None does not filter."""
    context = NoteContext.build((), stories)
    selected = []
    for note in notes:
        if story is not None and story not in (note.story_id, context.story_id(note)):
            continue
        if article is not None and article not in (note.article_id, note.article_path):
            continue
        if tag is not None and tag.strip() not in note.tags:
            continue
        selected.append(note)
    return selected


def _placed(notes: Iterable[Note], context: NoteContext) -> list[tuple[NoteGroup, PlacedNote]]:
    """The notes where they stand now, each with its group, in the Notes screen's order, so an
    export reads as the app lists them: story (corpus order), article (story order), place in
    the text, orphaned notes last in their article."""
    return [(group, entry) for group in group_notes(notes, context) for entry in group.entries]


# -- enrichment from the extraction engines ----------------------------------------------------


def default_enricher() -> Enricher:
    """Speakers and normalised dates from ``reader.extract`` for the spans of notes."""
    # Imported here: loading the taggers is only worth it when a Markdown export enriches.
    from reader.extract.article import extract_article  # noqa: PLC0415

    failed: set[str] = set()

    def enrich(article: Article, start: int, end: int) -> dict[str, Any]:
        # The one memoised extraction the CLI and the app share. A failure there costs only
        # the enrichment (``_note_block`` guards every enricher), and is not paid again for
        # each further note on that article: only successes are memoised.
        if article.fingerprint in failed:
            return {}
        try:
            extraction = extract_article(article)
        except Exception:
            failed.add(article.fingerprint)
            raise
        quotes, dates = extraction.quotes, extraction.dates
        facts: dict[str, Any] = {}
        for quote in quotes:
            speaker = (quote.speaker or "").strip()
            if quote.start < end and start < quote.end and speaker:
                facts["speaker"] = speaker
                break
        found_dates = []
        for date in dates:
            value = date.value.strip()
            if date.start < end and start < date.end and value:
                found_dates.append(
                    {
                        "text": article.text[date.start : date.end],
                        "value": value,
                        "reading": extraction.reading(date),
                    }
                )
        if found_dates:
            facts["dates"] = found_dates
        return facts

    return enrich


# -- Markdown ----------------------------------------------------------------------------------

_MD_INLINE = re.compile(r"([\\`*_\[\]<>|#~])")
_MD_LINE_START = re.compile(r"^(\s*)([-+>]|\d+[.)])(?=\s|$)")


def md_escape(text: str) -> str:
    """Article text as literal Markdown: no emphasis, links, HTML or headings sneak in."""
    lines = []
    for line in text.splitlines() or [""]:
        line = _MD_INLINE.sub(r"\\\1", line)
        line = _MD_LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), line)
        lines.append(line)
    return "\n".join(lines)


def _code(text: str) -> str:
    """An inline code span that survives backticks inside ``text``."""
    text = " ".join(text.split())
    fence = "`"
    while fence in text:
        fence += "`"
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


_ANCHOR_WORDS = {
    "moved": "moved: the article changed, the quote was found elsewhere",
    "fuzzy": "approximate: the article's wording changed here",
    "orphaned": "orphaned: the quote is no longer in the article (stored text shown)",
}


def to_markdown(
    notes: Iterable[Note],
    articles: Iterable[Article] | Mapping[str, Article] = (),
    stories: Iterable[Story] | Mapping[str, Story] = (),
    *,
    enrich: Enricher | None = None,
    title: str = "Notes",
) -> str:
    """A readable report: story, then article (title, outlet, date, source), then each note."""
    context = NoteContext.build(articles, stories)
    groups = group_notes(notes, context)
    out = [f"# {md_escape(title)}", ""]
    count = sum(len(group.entries) for group in groups)
    out += [f"{counted(count, 'note')}.", ""]
    current_story: object = object()
    for group in groups:
        story_id = group.story_id
        if story_id != current_story:
            current_story = story_id
            story = context.stories.get(story_id or "")
            if story is not None:
                out += [f"## {md_escape(story.title)}", "", f"Story {_code(story.id)}", ""]
            elif story_id:
                out += [f"## Story {_code(story_id)}", ""]
            else:
                out += ["## Not in a story", ""]
        out += _article_heading(group.entries[0].note, group.article)
        for entry in group.entries:
            out += _note_block(entry, enrich)
    return "\n".join(out).rstrip() + "\n"


def _article_heading(note: Note, article: Article | None) -> list[str]:
    if article is None:
        return [
            f"### {md_escape(note.article_id)}",
            "",
            f"Source: {_code(note.article_path)} (not loaded: quotes as stored)",
            "",
        ]
    heading = article.title or f"Article {article.id}"
    facts = [part for part in (article.outlet, article.date) if part]
    lines = [f"### {md_escape(heading)}", ""]
    if facts:
        lines += [md_escape(" · ".join(facts)), ""]
    source = f"Source: {_code(article.path)}"
    if article.url:
        source += f" <{article.url}>" if " " not in article.url else f" {_code(article.url)}"
    return [*lines, source, ""]


def _note_block(entry: PlacedNote, enrich: Enricher | None) -> list[str]:
    note, found, quote, article = entry.note, entry.where, entry.passage, entry.article
    lines = [f"> {line}" if line else ">" for line in md_escape(quote).split("\n")]
    lines.append("")
    if note.body.strip():
        # The body is the user's own writing, kept as Markdown on purpose.
        lines += [note.body.strip(), ""]
    facts = []
    if note.tags:
        facts.append("Tags: " + ", ".join(_code(tag) for tag in note.tags))
    if note.kind == "pin" and note.payload:
        pinned = ", ".join(f"{key}: {value}" for key, value in sorted(note.payload.items()))
        facts.append(f"Pinned: {md_escape(pinned)}")
    if enrich is not None and article is not None and found is not None and found.start is not None:
        extra: Mapping[str, Any] = {}
        with contextlib.suppress(Exception):
            extra = enrich(article, found.start, found.end or found.start) or {}
        if extra.get("speaker"):
            facts.append(f"Speaker: {md_escape(str(extra['speaker']))}")
        for date in extra.get("dates") or ():
            value, said = str(date.get("value")), str(date.get("reading") or "")
            words = f" {md_escape(said)}" if said and said != value else ""
            facts.append(f"Date: {_code(value)}{words} ({md_escape(str(date.get('text')))})")
    if found is not None and found.status != "exact":
        facts.append(f"Anchor: {_ANCHOR_WORDS[found.status]}")
    facts.append(f"{note.kind.capitalize()} {_code(note.short_id)}, {note.created_at}")
    lines += [f"- {fact}" for fact in facts]
    return [*lines, ""]


# -- W3C Web Annotation JSON-LD ------------------------------------------------------------------


def _annotation_id(note_id: str) -> str:
    if re.fullmatch(r"[0-9a-f]{32}", note_id):
        hex_id = note_id
        return f"urn:uuid:{hex_id[:8]}-{hex_id[8:12]}-{hex_id[12:16]}-{hex_id[16:20]}-{hex_id[20:]}"
    return "urn:reader:note:" + note_id


def to_annotation(note: Note, article: Article | None = None) -> dict[str, Any]:
    """One note as a W3C ``Annotation`` (reader's own fields under ``reader:note``)."""
    bodies: list[dict[str, Any]] = []
    if note.body:
        bodies.append(
            {
                "type": "TextualBody",
                "value": note.body,
                "purpose": "commenting",
                "format": "text/plain",
            }
        )
    bodies += [{"type": "TextualBody", "value": tag, "purpose": "tagging"} for tag in note.tags]
    selectors: list[dict[str, Any]] = [note.quote.to_json()]
    if note.position is not None:
        selectors.append(note.position.to_json())
    source = (article.url if article is not None and article.url else None) or note.article_path
    annotation: dict[str, Any] = {
        "id": _annotation_id(note.id),
        "type": "Annotation",
        "motivation": _MOTIVATIONS[note.kind],
        "created": note.created_at,
        "modified": note.updated_at,
    }
    if bodies:
        annotation["body"] = bodies
    annotation["target"] = {"source": source, "selector": selectors}
    annotation[READER_KEY] = {
        "id": note.id,
        "kind": note.kind,
        "article_id": note.article_id,
        "article_path": note.article_path,
        "article_fingerprint": note.article_fingerprint,
        "story_id": note.story_id,
        "body": note.body,
        "tags": list(note.tags),
        "payload": dict(note.payload) if note.payload is not None else None,
        "deleted": note.deleted,
    }
    return annotation


def to_annotation_collection(
    notes: Iterable[Note],
    articles: Iterable[Article] | Mapping[str, Article] = (),
    stories: Iterable[Story] | Mapping[str, Story] = (),
    *,
    label: str = "reader notes",
) -> dict[str, Any]:
    context = NoteContext.build(articles, stories)
    items = [to_annotation(entry.note, entry.article) for _, entry in _placed(notes, context)]
    return {
        "@context": ANNO_CONTEXT,
        "type": "AnnotationCollection",
        "label": label,
        "total": len(items),
        "items": items,
    }


def to_json(
    notes: Iterable[Note],
    articles: Iterable[Article] | Mapping[str, Article] = (),
    stories: Iterable[Story] | Mapping[str, Story] = (),
) -> str:
    collection = to_annotation_collection(notes, articles, stories)
    return json.dumps(collection, ensure_ascii=False, indent=2) + "\n"


# -- CSV -------------------------------------------------------------------------------------------


def _csv_safe(value: str) -> str:
    """Spreadsheets run cells starting with these as formulas; article text must not."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def to_csv(
    notes: Iterable[Note],
    articles: Iterable[Article] | Mapping[str, Article] = (),
    stories: Iterable[Story] | Mapping[str, Story] = (),
) -> str:
    """One row per note; ``start``/``end`` are where the quote is now (stored ones if orphaned)."""
    context = NoteContext.build(articles, stories)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for group, entry in _placed(notes, context):
        note, article, found, quote = entry.note, entry.article, entry.where, entry.passage
        start: int | None = note.position.start if note.position else None
        end: int | None = note.position.end if note.position else None
        if found is not None and found.start is not None:
            start, end = found.start, found.end
        row = [
            note.id,
            group.story_id or "",
            note.article_id,
            (article.outlet if article else None) or "",
            (article.date if article else None) or "",
            quote,
            note.body,
            ";".join(note.tags),
            "" if start is None else str(start),
            "" if end is None else str(end),
            note.created_at,
            note.updated_at,
            note.kind,
            found.status if found is not None else "not loaded",
        ]
        writer.writerow([_csv_safe(cell) for cell in row])
    return buffer.getvalue()


def render(
    fmt: str,
    notes: Iterable[Note],
    articles: Iterable[Article] | Mapping[str, Article] = (),
    stories: Iterable[Story] | Mapping[str, Story] = (),
    *,
    enrich: Enricher | None = None,
) -> str:
    """The export text in ``fmt`` (``md``, ``json`` or ``csv``)."""
    if fmt == "md":
        return to_markdown(notes, articles, stories, enrich=enrich)
    if fmt == "json":
        return to_json(notes, articles, stories)
    if fmt == "csv":
        return to_csv(notes, articles, stories)
    raise ValueError(f"unknown export format {fmt!r} (expected one of {', '.join(FORMATS)})")


# -- writing files ---------------------------------------------------------------------------------


def write_export(
    content: str, dest: str | os.PathLike[str], *, force: bool = False, stdout: TextIO | None = None
) -> Path | None:
    """Write ``content`` to ``dest`` atomically (``-`` means stdout; returns None then).

    A reader of ``dest`` sees the old file or the whole new one, never half; an existing file is
    kept unless ``force``.
    """
    if str(dest) == "-":
        out = stdout or sys.stdout
        buffer = getattr(out, "buffer", None)
        if buffer is None:
            out.write(content)
        else:
            # An export is a UTF-8 file wherever it goes: a pipe in a C or latin-1 locale must not
            # turn the notes' non-ASCII characters into replacement characters.
            out.flush()
            buffer.write(content.encode("utf-8"))
            buffer.flush()
        return None
    path = Path(dest).expanduser()
    if path.is_dir():
        raise ExportError(f"{path} is a directory")
    if path.exists() and not path.is_file():
        # A FIFO, a terminal, /dev/stdout or /dev/null: stream into it. Nothing is overwritten,
        # and replacing it with a file would break it (for everyone, if run as root).
        with open(path, "wb") as handle:
            handle.write(content.encode("utf-8"))
        return path
    if path.is_symlink():
        # Replace the file the link points to, not the link.
        path = Path(os.path.realpath(path))
    if path.exists() and not force:
        raise ExportError(f"{path} already exists (use --force to overwrite)")
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise ExportError(f"directory {parent} does not exist")
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content.encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
    return path


# -- import ----------------------------------------------------------------------------------------


@dataclass
class ImportResult:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: list[str] = field(default_factory=list)
    """One line per annotation that could not be imported, saying why."""


def _without_controls(value: Any) -> Any:
    """A JSON value with every string passed through ``strip_controls`` (keys included)."""
    if isinstance(value, str):
        return strip_controls(value)
    if isinstance(value, list):
        return [_without_controls(item) for item in value]
    if isinstance(value, dict):
        return {strip_controls(str(k)): _without_controls(v) for k, v in value.items()}
    return value


def note_from_annotation(item: Mapping[str, Any]) -> Note:
    """A reader note back from an annotation this module wrote (``ValueError`` if it is not one)."""
    if not isinstance(item, Mapping) or item.get("type") != "Annotation":
        raise ValueError("not an Annotation")
    # An imported file is untrusted like any article: no control sequence may reach a terminal
    # (article text has none, so a cleaned quote still finds its passage). Cleaned before it is
    # checked, so an id made only of control characters is no id.
    item = _without_controls(dict(item))
    own = item.get(READER_KEY)
    if not isinstance(own, Mapping):
        raise ValueError(f"no {READER_KEY} fields (not written by reader)")
    target = item.get("target")
    if not isinstance(target, Mapping):
        raise ValueError("no target")
    selectors = target.get("selector")
    if isinstance(selectors, Mapping):
        selectors = [selectors]
    quote: TextQuoteSelector | None = None
    position: TextPositionSelector | None = None
    for selector in selectors if isinstance(selectors, list) else []:
        if not isinstance(selector, Mapping):
            continue
        if selector.get("type") == "TextQuoteSelector":
            quote = TextQuoteSelector.from_json(
                {key: str(selector.get(key) or "") for key in ("exact", "prefix", "suffix")}
            )
        elif selector.get("type") == "TextPositionSelector":
            # A bad position is a bad item, not a store error halfway through the file (a
            # number past SQLite's integers) or a span that anchors nowhere (negative, reversed).
            start, end = check_span(selector.get("start"), selector.get("end"))
            position = TextPositionSelector(start, end)
    if quote is None or not quote.exact:
        raise ValueError("no TextQuoteSelector")
    note_id = own.get("id")
    kind = own.get("kind")
    article_id = own.get("article_id")
    if not isinstance(note_id, str) or not note_id.strip():
        raise ValueError("no note id")
    if kind not in NOTE_KINDS:
        raise ValueError(f"unknown kind {kind!r}")
    if not isinstance(article_id, str) or not article_id:
        raise ValueError("no article id")
    created = str(item.get("created") or "")
    payload = own.get("payload")
    tags = own.get("tags")
    return Note(
        id=note_id.strip(),
        kind=kind,
        article_id=article_id,
        article_path=str(own.get("article_path") or target.get("source") or ""),
        article_fingerprint=str(own.get("article_fingerprint") or ""),
        quote=quote,
        position=position,
        body=str(own.get("body") or ""),
        tags=clean_tags(str(tag) for tag in (tags if isinstance(tags, list) else [])),
        story_id=str(own["story_id"]) if own.get("story_id") else None,
        payload=dict(payload) if isinstance(payload, Mapping) else None,
        created_at=created,
        updated_at=str(item.get("modified") or created),
        deleted=bool(own.get("deleted")),
    )


MAX_IMPORT_BYTES = 64 * 1024 * 1024
"""The largest file ``load_annotations`` reads: some 50,000 notes, more than anyone keeps."""


def load_annotations(source: str | os.PathLike[str] | TextIO) -> list[Any]:
    """The annotation items of a JSON export file (or an open text stream)."""
    limit = MAX_IMPORT_BYTES
    try:
        raw: str | bytes
        if isinstance(source, (str, os.PathLike)):
            if str(source) == "-":
                stdin_bytes = getattr(sys.stdin, "buffer", None)
                raw = (stdin_bytes or sys.stdin).read(limit + 1)
            else:
                with open(source, "rb") as handle:
                    raw = handle.read(limit + 1)
        else:
            raw = source.read(limit + 1)
        # Read one unit past the cap: a bigger file (or /dev/zero) is refused without being
        # held in memory whole.
        if len(raw) > limit:
            name = "standard input" if str(source) == "-" else source
            raise ExportError(
                f"{name} is too large for a notes export (over {limit // 1048576} MB)"
            )
        text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
        data = parse_json(text, with_line=True)
    except OSError as exc:
        raise ExportError(f"cannot read {source}: {exc.strerror or exc}") from exc
    except ValueError as exc:  # bad UTF-8, or what parse_json refuses
        raise ExportError(f"{source} is not a JSON notes export: {exc}") from None
    if isinstance(data, list):
        return data
    if isinstance(data, Mapping):
        if data.get("type") == "Annotation":
            return [data]
        items = data.get("items")
        if items is None and isinstance(data.get("first"), Mapping):
            items = data["first"].get("items")
        if isinstance(items, list):
            return items
    raise ExportError(f"{source} is not an AnnotationCollection")


def import_annotations(store: NotesStore, items: Iterable[Any]) -> ImportResult:
    """Add notes from annotations; a note already in the store is updated only if newer."""
    result = ImportResult()
    for index, item in enumerate(items):
        try:
            note = note_from_annotation(item)
        except ValueError as exc:
            result.skipped.append(f"item {index}: {exc}")
            continue
        try:
            outcome = store.put(note)
        except ValueError as exc:
            result.skipped.append(f"item {index}: {exc}")
            continue
        if outcome == "added":
            result.added += 1
        elif outcome == "updated":
            result.updated += 1
        else:
            result.unchanged += 1
    return result
