"""One entry point for everything extracted from an article: quotes, dates and numbers.

The CLI, the app and the exports all call ``extract_article`` so an article is scanned once per
(text, reference date), however many views ask. Results are memoised in a small LRU keyed by the
article's content fingerprint, so an edited article (same id, new text) is scanned afresh.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass

from reader.extract.date_reading import reading
from reader.extract.dates import DateMention, find_dates
from reader.extract.numbers import NumberMention, find_numbers
from reader.extract.quotes import Quote, find_quotes
from reader.model import Article

__all__ = ["Extraction", "clear_cache", "extract_article"]

CACHE_SIZE = 128


@dataclass(frozen=True, slots=True)
class Extraction:
    """What one article holds; every offset points into ``Article.text``."""

    quotes: tuple[Quote, ...]
    dates: tuple[DateMention, ...]
    numbers: tuple[NumberMention, ...]
    dct: str | None
    """The reference date the dates were resolved against."""

    def reading(self, mention: DateMention) -> str:
        """How a person says one of the dates ("week of Mon 20 Dec 2021"), counted from ``dct``."""
        return reading(mention.type, mention.value, mention.mod, self.dct)


_cache: OrderedDict[tuple[str, str | None], Extraction] = OrderedDict()
# The app extracts from worker threads while the UI thread may read the cache.
_lock = threading.Lock()


def extract_article(article: Article, dct: str | None = None) -> Extraction:
    """Quotes, dates (resolved against ``dct``, default the article's date) and numbers."""
    reference = dct if dct is not None else article.date
    key = (article.fingerprint, reference)
    with _lock:
        hit = _cache.get(key)
        if hit is not None:
            _cache.move_to_end(key)
            return hit
    text = article.text
    extraction = Extraction(
        quotes=tuple(find_quotes(text)),
        dates=tuple(find_dates(text, reference)),
        numbers=tuple(find_numbers(text)),
        dct=reference,
    )
    with _lock:
        _cache[key] = extraction
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
    return extraction


def clear_cache() -> None:
    with _lock:
        _cache.clear()
