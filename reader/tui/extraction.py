"""One call per article into the extraction engine, for the reading and detail panes.

The widgets only render what this returns; they never re-derive quotes, dates or numbers. The
engine's ``extract_article`` is memoised and thread-safe, so workers can call it freely.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reader.extract.article import extract_article
from reader.extract.dates import DateMention, sort_key
from reader.extract.numbers import NumberMention
from reader.extract.quotes import Quote
from reader.model import Article


@dataclass(frozen=True, slots=True)
class Marks:
    """What the engine found in one article (all offsets into ``Article.text``)."""

    quotes: tuple[Quote, ...] = ()
    dates: tuple[DateMention, ...] = ()
    """In text order; the detail pane sorts them by time with the engine's ``sort_key``."""
    numbers: tuple[NumberMention, ...] = ()
    disagreements: tuple[Any, ...] = ()
    """Cross-version findings (altered quotes, conflicting dates/numbers) touching this article."""
    has_ledger: bool = False
    """Whether the cross-version ledger exists yet: absent is not the same as "none found"."""


def article_marks(article: Article) -> Marks:
    """The article's quotes, dates and numbers; safe to call from a worker thread.

    An engine failure on odd text must not take the app down: the article is then shown plain.
    """
    try:
        found = extract_article(article)
    except Exception:  # noqa: BLE001 - an article the engine cannot read still reads, unmarked
        return Marks()
    return Marks(quotes=found.quotes, dates=found.dates, numbers=found.numbers)


def date_sort_key(mention: DateMention) -> tuple[int, str, int, int]:
    """Time order for date mentions (the engine's own ordering)."""
    return sort_key(mention)
