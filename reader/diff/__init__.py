"""Version comparison: sentence alignment, word diffs and survival across versions.

``align(a, b)`` / ``align_texts(a_text, b_text)`` return an ``Alignment`` (``reader.diff.model``);
``survival(articles, base_id)`` follows each base sentence through the other versions.
"""

from reader.diff.align import align, align_texts
from reader.diff.model import AlignedPair, Alignment, DiffStats, Row, TokenOp
from reader.diff.survival import SentenceFate, Survival, SurvivalRow, survival

__all__ = [
    "AlignedPair",
    "Alignment",
    "DiffStats",
    "Row",
    "SentenceFate",
    "Survival",
    "SurvivalRow",
    "TokenOp",
    "align",
    "align_texts",
    "survival",
]
