"""File formats to articles: plain text, Markdown, JSON (one record or a list), JSONL and HTML."""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from reader.ingest.clean import clean_document
from reader.ingest.decode import NotText, decode_bytes, display_path, parse_json, strip_controls
from reader.ingest.metadata import AGENCIES, find_outlet, parse_date
from reader.model import Article, Skipped

TEXT_SUFFIXES = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md"}
RECORD_SUFFIXES = {".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl"}
HTML_SUFFIXES = {".html": "html", ".htm": "html", ".xhtml": "html"}
SUPPORTED_SUFFIXES = {**TEXT_SUFFIXES, **RECORD_SUFFIXES, **HTML_SUFFIXES}

MAX_FILE_BYTES = 25 * 1024 * 1024
"""Larger files are skipped: no news article is that long, and reading one would stall a corpus."""

HTML_EXTRA_HINT = "HTML needs the optional extractor: pip install 'reader[html]' (trafilatura)"

# Field names records use, most specific first.
TEXT_FIELDS = (
    "text",
    "body",
    "content",
    "article",
    "article_text",
    "story",
    "maintext",
    "full_text",
    "raw_text",
    "description",
)
TITLE_FIELDS = ("title", "headline", "heading", "name")
OUTLET_FIELDS = (
    "source",
    "outlet",
    "publisher",
    "site",
    "site_name",
    "sitename",
    "source_name",
    "domain",
    "media",
)
DATE_FIELDS = (
    "date",
    "published",
    "published_at",
    "publishedAt",
    "pubDate",
    "date_published",
    "datePublished",
    "publish_date",
    "created_at",
    "timestamp",
    "time",
)
URL_FIELDS = ("url", "link", "source_url", "href", "canonical_url")
ID_FIELDS = ("id", "_id", "uuid", "guid", "article_id", "doc_id")


class NotRegularFile(OSError):
    """A FIFO, socket or device: reading one would block or never end."""


class FileTooLarge(OSError):
    def __init__(self, size: int) -> None:
        super().__init__(f"{size} bytes")
        self.size = size


def read_regular_file(path: Path, limit: int | None = None) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes.

    Opened without blocking and checked on the open descriptor, so a FIFO or a link to a device
    (even one swapped in after the folder was listed) is refused instead of hanging the load; the
    read itself is bounded, so a file that grows while it is read cannot exhaust memory.
    """
    if limit is None:
        limit = MAX_FILE_BYTES
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise NotRegularFile(str(path))
        if info.st_size > limit:
            raise FileTooLarge(info.st_size)
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise FileTooLarge(len(data))
    return data


def read_file(path: Path, article_id: str) -> tuple[list[Article], list[Skipped]]:
    """Read one file into articles; every problem becomes a ``Skipped`` entry, never an exception."""
    where = display_path(path)
    kind = SUPPORTED_SUFFIXES.get(path.suffix.lower())
    if kind is None:
        return [], [
            Skipped(where, f"unsupported file type {display_path(path.suffix) or '(none)'}")
        ]
    try:
        data = read_regular_file(path)
    except NotRegularFile:
        return [], [Skipped(where, "not a regular file")]
    except FileTooLarge as exc:
        return [], [
            Skipped(
                where,
                f"too large ({exc.size / 1048576:.1f} MB; limit {MAX_FILE_BYTES // 1048576} MB)",
            )
        ]
    except OSError as exc:
        return [], [Skipped(where, f"unreadable: {exc.strerror or exc}")]
    if not data.strip():
        return [], [Skipped(where, "empty file")]
    try:
        raw, _encoding = decode_bytes(data)
    except NotText as exc:
        return [], [Skipped(where, str(exc))]
    raw = strip_controls(raw)
    if not raw.strip():
        return [], [Skipped(where, "empty file")]
    try:
        if kind in ("txt", "md"):
            article = _text_article(raw, where, article_id, markdown=kind == "md")
            return (
                ([article], [])
                if article
                else ([], [Skipped(where, "no article text after removing boilerplate")])
            )
        if kind == "html":
            return _html_articles(raw, where, article_id)
        return _record_articles(raw, where, article_id, jsonl=kind == "jsonl")
    except RecursionError:
        return [], [Skipped(where, "document nested too deeply to read")]


def _text_article(raw: str, where: str, article_id: str, *, markdown: bool) -> Article | None:
    doc = clean_document(raw, markdown=markdown)
    if not doc.text.strip():
        return None
    meta = doc.front_matter
    outlet = _first_str(meta, OUTLET_FIELDS) or find_outlet(doc.text[:600], doc.boilerplate)
    return Article(
        id=article_id,
        path=where,
        text=doc.text,
        title=_first_str(meta, TITLE_FIELDS) or doc.title,
        outlet=outlet,
        date=parse_date(_first_str(meta, DATE_FIELDS)) or doc.date,
        url=_first_str(meta, URL_FIELDS),
        boilerplate=tuple(doc.boilerplate),
        format="md" if markdown else "txt",
    )


def _html_articles(raw: str, where: str, article_id: str) -> tuple[list[Article], list[Skipped]]:
    article = html_article(raw, where, article_id)
    if isinstance(article, Skipped):
        return [], [article]
    return [article], []


def html_article(
    html: str, where: str, article_id: str, fields: dict[str, Any] | None = None
) -> Article | Skipped:
    """Extract an article's main text from HTML with trafilatura (the optional ``html`` extra)."""
    try:
        import trafilatura  # noqa: PLC0415 - optional dependency, imported only when needed
    except ImportError:
        return Skipped(where, HTML_EXTRA_HINT)
    try:
        extracted = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, favor_recall=True
        )
    except Exception as exc:  # noqa: BLE001 - a third-party parser may fail in any way on hostile HTML
        return Skipped(where, f"HTML could not be parsed: {type(exc).__name__}")
    if extracted is None:
        return Skipped(where, "no article text found in HTML")
    data = extracted if isinstance(extracted, dict) else extracted.as_dict()
    body = strip_controls(data.get("text") or "")
    fields = fields or {}
    title = _first_str(fields, TITLE_FIELDS) or _as_str(data.get("title"))
    doc = clean_document(body, known_title=title)
    if not doc.text.strip():
        return Skipped(where, "no article text found in HTML")
    outlet = (
        _first_str(fields, OUTLET_FIELDS)
        or _as_str(data.get("sitename"))
        or find_outlet(doc.text[:600], doc.boilerplate)
    )
    return Article(
        id=article_id,
        path=where,
        text=doc.text,
        title=strip_controls(title) if title else doc.title,
        outlet=strip_controls(outlet) if outlet else None,
        date=parse_date(_first_value(fields, DATE_FIELDS))
        or parse_date(data.get("date"))
        or doc.date,
        url=_first_str(fields, URL_FIELDS) or _as_str(data.get("url")),
        boilerplate=tuple(doc.boilerplate),
        format="html",
    )


def _record_articles(
    raw: str, where: str, stem: str, *, jsonl: bool
) -> tuple[list[Article], list[Skipped]]:
    articles: list[Article] = []
    skipped: list[Skipped] = []
    records: Iterator[tuple[int | str, Any]]
    single = False
    if jsonl:
        records = _jsonl_records(raw, where, skipped)
    else:
        try:
            data = parse_json(raw, with_line=True)
        except ValueError as exc:
            return [], [Skipped(where, f"invalid JSON: {exc}")]
        found = _record_lists(data) if isinstance(data, dict) and not _has_text(data) else []
        # A wrapper such as {"articles": [...]}, {"response": {"docs": [...]}}, or one with
        # several lists of articles ({"world": [...], "business": [...]}).
        if len(found) == 1:
            data = found[0][1]
        if len(found) > 1:
            records = (
                (f"{name}:{number}", record)
                for name, items in found
                for number, record in enumerate(items, start=1)
            )
        elif isinstance(data, dict):
            single = True
            records = iter([(1, data)])
        elif isinstance(data, list):
            records = enumerate(data, start=1)
        else:
            return [], [Skipped(where, "JSON holds no article record")]
    for number, record in records:
        label = where if single else f"{where}#{number}"
        if not isinstance(record, dict):
            skipped.append(Skipped(label, "record is not a JSON object"))
            continue
        record_id = _first_str(record, ID_FIELDS)
        article_id = record_id or (stem if single else f"{stem}:{number}")
        result = _record_article(record, label, article_id)
        if isinstance(result, Skipped):
            skipped.append(result)
        else:
            articles.append(result)
    if not articles and not skipped:
        skipped.append(Skipped(where, "JSON holds no article record"))
    return articles, skipped


def _record_lists(data: dict[str, Any], depth: int = 3) -> list[tuple[str, list[Any]]]:
    """The lists of article records inside a wrapper object, with their key paths.

    A list counts when one of its objects has a text field; without any such list, a lone list of
    objects still counts (its records are then reported one by one as having no text).
    """
    with_text: list[tuple[str, list[Any]]] = []
    of_objects: list[tuple[str, list[Any]]] = []

    def visit(node: dict[str, Any], path: str, level: int) -> None:
        for key, value in node.items():
            name = f"{path}.{key}" if path else str(key)
            if isinstance(value, list) and value and isinstance(value[0], dict):
                if any(isinstance(item, dict) and _has_text(item) for item in value):
                    with_text.append((name, value))
                else:
                    of_objects.append((name, value))
            elif isinstance(value, dict) and level > 1 and not _has_text(value):
                visit(value, name, level - 1)

    visit(data, "", depth)
    if with_text:
        return with_text
    return of_objects if len(of_objects) == 1 else []


def _jsonl_records(raw: str, where: str, skipped: list[Skipped]) -> Iterator[tuple[int, Any]]:
    for number, line in enumerate(raw.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = parse_json(line)
        except ValueError as exc:
            skipped.append(Skipped(f"{where}#{number}", f"invalid JSON: {exc}"))
            continue
        yield number, record


def _record_article(record: dict[str, Any], where: str, article_id: str) -> Article | Skipped:
    body = _first_value(record, TEXT_FIELDS)
    if isinstance(body, list):
        body = "\n\n".join(str(part) for part in body if isinstance(part, str | int | float))
    if not isinstance(body, str) or not body.strip():
        return Skipped(where, "record has no text field (text/body/content)")
    body = strip_controls(body)
    if re.search(r"<(?:p|div|article|br|html|body)\b", body[:2000], re.I):
        return html_article(body, where, article_id, record)
    title = _first_str(record, TITLE_FIELDS)
    doc = clean_document(body, known_title=title)
    if not doc.text.strip():
        return Skipped(where, "record text is empty after removing boilerplate")
    outlet = _first_str(record, OUTLET_FIELDS) or find_outlet(doc.text[:600], doc.boilerplate)
    return Article(
        id=strip_controls(article_id),
        path=where,
        text=doc.text,
        title=strip_controls(title) if title else doc.title,
        outlet=strip_controls(AGENCIES.get(outlet, outlet)) if outlet else None,
        date=parse_date(_first_value(record, DATE_FIELDS)) or doc.date,
        url=_first_str(record, URL_FIELDS),
        boilerplate=tuple(doc.boilerplate),
        format="json",
    )


def _has_text(record: dict[str, Any]) -> bool:
    return any(isinstance(record.get(name), str | list) for name in TEXT_FIELDS)


def _first_value(record: dict[str, Any], names: tuple[str, ...]) -> Any:
    for name in names:
        value = record.get(name)
        if value not in (None, ""):
            return value
    return None


def _first_str(record: dict[str, Any], names: tuple[str, ...]) -> str | None:
    return _as_str(_first_value(record, names))


def _as_str(value: Any) -> str | None:
    """A record field as a one-line string (a publisher may be ``{"name": ...}``)."""
    if isinstance(value, dict):
        value = value.get("name") or value.get("title")
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        value = str(value)
    if not isinstance(value, str):
        return None
    value = " ".join(strip_controls(value).split())
    return value or None
