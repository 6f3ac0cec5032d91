"""Three or more versions: what becomes of each sentence of a base version in the others.

For each sentence of the base and each other version the fate is ``kept`` (same words: the
pair is ``equal`` or ``minor``), ``changed`` (a counterpart with other wording; its word
similarity says how much) or ``dropped`` (no counterpart). A sentence found elsewhere in the
other version is still kept or changed, with ``moved`` set.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reader.diff.align import align
from reader.model import Article, Span
from reader.text.sentences import split_sentences

__all__ = ["SentenceFate", "Survival", "SurvivalRow", "survival"]

FATES = ("kept", "changed", "dropped")


@dataclass(frozen=True, slots=True)
class SentenceFate:
    version: str
    """The other version's article id."""
    status: str
    """``kept``, ``changed`` or ``dropped``."""
    similarity: float
    """Word similarity with the counterpart (1.0 kept, 0.0 dropped)."""
    moved: bool
    span: Span | None
    """The counterpart in that version's text (None when dropped)."""


@dataclass(frozen=True, slots=True)
class SurvivalRow:
    sentence: int
    """Index into the base version's sentences (``reader.text.sentences.split_sentences``)."""
    span: Span
    fates: tuple[SentenceFate, ...]
    """One per other version, in ``Survival.version_ids`` order."""


@dataclass(frozen=True, slots=True)
class Survival:
    base_id: str
    version_ids: tuple[str, ...]
    """The other versions, in the order given."""
    rows: tuple[SurvivalRow, ...]
    base_text: str

    def share(self, version_id: str, status: str = "kept") -> float:
        """Share of the base's sentences with this fate in ``version_id`` (0 for no sentences)."""
        column = self.version_ids.index(version_id)
        if not self.rows:
            return 0.0
        return round(
            sum(row.fates[column].status == status for row in self.rows) / len(self.rows), 4
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "base": self.base_id,
            "versions": list(self.version_ids),
            "summary": {
                version: {status: self.share(version, status) for status in FATES}
                for version in self.version_ids
            },
            "sentences": [
                {
                    "index": row.sentence,
                    "start": row.span.start,
                    "end": row.span.end,
                    "text": self.base_text[row.span.start : row.span.end],
                    "fates": [
                        {
                            "version": fate.version,
                            "status": fate.status,
                            "similarity": fate.similarity,
                            "moved": fate.moved,
                            "start": fate.span.start if fate.span else None,
                            "end": fate.span.end if fate.span else None,
                        }
                        for fate in row.fates
                    ],
                }
                for row in self.rows
            ],
        }


def survival(story_articles: Sequence[Article], base_id: str) -> Survival:
    """Follow each sentence of the article ``base_id`` through the other articles.

    Raises ``ValueError`` when ``base_id`` is not one of ``story_articles``.
    """
    base = next((a for a in story_articles if a.id == base_id), None)
    if base is None:
        raise ValueError(f"base version '{base_id}' is not among the story's articles")
    others = [a for a in story_articles if a.id != base_id]
    columns: list[dict[int, SentenceFate]] = []
    sentences = None
    for other in others:
        alignment = align(base, other)
        sentences = alignment.a_sentences
        fates: dict[int, SentenceFate] = {}
        for pair in alignment.pairs:
            if pair.a is None:
                continue
            for index in pair.a_sentences:
                if pair.b is None:
                    fates[index] = SentenceFate(other.id, "dropped", 0.0, False, None)
                else:
                    status = "kept" if pair.edit in ("equal", "minor") else "changed"
                    fates[index] = SentenceFate(
                        other.id, status, pair.similarity, pair.op == "moved", pair.b
                    )
        columns.append(fates)
    if sentences is None:  # no other version: the base alone
        sentences = tuple(split_sentences(base.text))
    rows = tuple(
        SurvivalRow(index, sentence.span, tuple(column[index] for column in columns))
        for index, sentence in enumerate(sentences)
    )
    return Survival(base.id, tuple(a.id for a in others), rows, base.text)
