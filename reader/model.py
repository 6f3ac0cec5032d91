"""The engine's shared data model.

Every span anywhere in reader is a pair of character offsets into an article's *display text*
(``Article.text``, the clean body), so highlights, diffs, extraction and notes all point at the
same characters.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open range ``[start, end)`` of character offsets into an article's display text."""

    start: int
    end: int

    def text_of(self, text: str) -> str:
        return text[self.start : self.end]

    def __len__(self) -> int:
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class Article:
    """One version of a story, as read from a file or a record."""

    id: str
    path: str
    text: str
    """The clean body: what the user reads and what every offset points into."""
    title: str | None = None
    outlet: str | None = None
    date: str | None = None
    """ISO ``YYYY-MM-DD`` or None."""
    url: str | None = None
    boilerplate: tuple[str, ...] = ()
    """Lines set aside as site chrome, credits or notices: never lost, shown on request."""
    format: str = "txt"

    @property
    def words(self) -> int:
        return len(self.text.split())

    @property
    def fingerprint(self) -> str:
        """A content hash of the display text (notes use it to notice an edited article)."""
        return hashlib.sha1(self.text.encode("utf-8", "surrogatepass")).hexdigest()

    @property
    def label(self) -> str:
        """A short human name: outlet and date, else the id."""
        parts = [p for p in (self.outlet, self.date) if p]
        return " · ".join(parts) if parts else self.id


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file (or record) that could not be read as an article, and why."""

    path: str
    reason: str


RELATIONS = ("near-copy", "rewrite", "same-event")
"""Kinds of relation between two versions of a story, closest first."""


@dataclass(frozen=True, slots=True)
class VersionPair:
    """How similar two versions of one story are (``a`` and ``b`` are article ids)."""

    a: str
    b: str
    similarity: float
    relation: str | None = None


@dataclass(frozen=True, slots=True)
class Story:
    """Articles that are versions of the same story."""

    id: str
    title: str
    article_ids: tuple[str, ...]
    """Ordered by date (undated last), then id."""
    pairs: tuple[VersionPair, ...] = field(default=())
    _similarities: dict[tuple[str, str], float] | None = field(
        default=None, init=False, repr=False, compare=False
    )
    """``similarity``'s index, built on first use: a scan per lookup made listing a story of
    100,000 versions quadratic (1.5 million pairs scanned once per version)."""

    @property
    def base(self) -> str:
        return self.article_ids[0]

    def similarity(self, a: str, b: str) -> float | None:
        index = self._similarities
        if index is None:
            index = {}
            for pair in self.pairs:
                index.setdefault((pair.a, pair.b), pair.similarity)
                index.setdefault((pair.b, pair.a), pair.similarity)
            object.__setattr__(self, "_similarities", index)  # a cache on a frozen dataclass
        return index.get((a, b))

    def closest(self, article_id: str) -> str | None:
        """The other version most similar to ``article_id`` (None for a one-version story)."""
        best: tuple[float, str] | None = None
        for pair in self.pairs:
            if article_id not in (pair.a, pair.b):
                continue
            other = pair.b if pair.a == article_id else pair.a
            key = (pair.similarity, other)
            if best is None or key[0] > best[0]:
                best = key
        if best is not None:
            return best[1]
        others = [i for i in self.article_ids if i != article_id]
        return others[0] if others else None
