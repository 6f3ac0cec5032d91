"""Messages the app's parts send each other (the widgets' own messages live in their classes)."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from reader.corpus import Corpus


@dataclass
class LoadProgress(Message):
    """The corpus loader reports a stage ("reading", "grouping") and how far it has got."""

    stage: str
    done: int
    total: int

    def can_replace(self, message: Message) -> bool:
        # Only the latest progress matters; a flood of updates must not queue up.
        return isinstance(message, LoadProgress)


@dataclass
class CorpusLoaded(Message):
    corpus: Corpus


@dataclass
class CorpusFailed(Message):
    error: str
