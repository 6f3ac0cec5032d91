"""One call per article into the extraction engine, for the reading and detail panes.

The widgets only render what this returns; they never re-derive quotes, dates or numbers. The
engine's ``extract_article`` is memoised and thread-safe, so workers can call it freely.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from threading import Lock

from reader.extract.article import extract_article
from reader.extract.dates import DateMention, sort_key
from reader.extract.ledger import Conflict, ConflictValue, Ledger, build_ledger, values_agree
from reader.extract.numbers import NumberMention
from reader.extract.quotes import Quote
from reader.model import Article
from reader.text.shorten import clip
from reader.tui.labels import short_name


@dataclass(frozen=True, slots=True)
class Disagreement:
    """One ledger finding as the detail pane lists it, placed in the current article."""

    kind: str
    summary: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Marks:
    """What the engine found in one article (all offsets into ``Article.text``)."""

    quotes: tuple[Quote, ...] = ()
    dates: tuple[DateMention, ...] = ()
    """In text order; the detail pane sorts them by time with the engine's ``sort_key``."""
    numbers: tuple[NumberMention, ...] = ()
    timeline: tuple[tuple[DateMention, str], ...] = ()
    """The dates in time order (the engine's ``sort_key``), each with how a person says it."""
    disagreements: tuple[Disagreement, ...] = ()
    """Cross-version findings (altered quotes, conflicting dates/numbers) touching this article."""
    has_ledger: bool = False
    """Whether the story's versions were compared (more than one version, and the ledger was
    built): without a comparison, "no disagreements" would be a false claim."""


_QUOTE_KINDS = {"altered": "altered quote", "unquoted": "unquoted copy"}

_ledgers: OrderedDict[tuple[tuple[str, str], ...], Ledger] = OrderedDict()
_ledger_lock = Lock()


def _ledger(versions: Sequence[Article]) -> Ledger:
    key = tuple((a.id, a.fingerprint) for a in versions)
    with _ledger_lock:
        if key in _ledgers:
            _ledgers.move_to_end(key)
            return _ledgers[key]
    ledger = build_ledger(versions)
    with _ledger_lock:
        _ledgers[key] = ledger
        while len(_ledgers) > 16:
            _ledgers.popitem(last=False)
    return ledger


def disagreements_for(
    ledger: Ledger, article_id: str, labels: dict[str, str]
) -> list[Disagreement]:
    """The ledger's findings that touch ``article_id``, each placed at its span in that article."""
    found: list[Disagreement] = []

    def name(other: str) -> str:
        return labels.get(other, other)

    for group in ledger.groups:
        member = group.member(article_id)
        if member is None:
            continue
        others = [m for m in group.members if m.article != article_id]
        changed = [m for m in others if m.status != "verbatim"] + (
            [member] if member.status != "verbatim" else []
        )
        if not changed and not group.reattributed:
            continue
        if group.reattributed:
            kind = "reattributed quote"
        elif member.status in _QUOTE_KINDS:
            kind = _QUOTE_KINDS[member.status]
        else:
            kind = "quote changed elsewhere"
        elsewhere = "; ".join(f"{m.status} in {name(m.article)}" for m in others)
        summary = f"“{clip(member.text, 90)}”"
        if group.reattributed and group.speakers:
            summary += " · speakers: " + ", ".join(group.speakers)
        if elsewhere:
            summary += f" · {elsewhere}"
        found.append(Disagreement(kind, summary, member.start, member.end))
    for conflicts in (ledger.date_conflicts, ledger.number_conflicts):
        for conflict in conflicts:
            mine = [v for v in conflict.values if v.article == article_id]
            if not mine:
                continue
            here = mine[0]
            own_values = [m.value for m in mine]
            # Per other version: its values that agree with none of ours (an undated copy's
            # XXXX-01-10 agrees with 2022-01-10), or, when it says less than we do ("January 10"
            # against our "January 9 and 10"), what it says.
            differing: dict[str, list[str]] = {}
            others_by_article: dict[str, list[ConflictValue]] = {}
            for value in conflict.values:
                if value.article != article_id:
                    others_by_article.setdefault(value.article, []).append(value)
            for other, values in others_by_article.items():
                new = [
                    v for v in values if not any(values_agree(v.value, own) for own in own_values)
                ]
                unmatched_own = [
                    o for o in own_values if not any(values_agree(o, v.value) for v in values)
                ]
                if new:
                    labels_here = [said_as(conflict, v) for v in new]
                elif unmatched_own:
                    said = dict.fromkeys(f"“{clip(v.text, 24)}”" for v in values)
                    labels_here = ["only " + ", ".join(said)]
                else:
                    continue
                for label in dict.fromkeys(labels_here):
                    who = differing.setdefault(label, [])
                    if name(other) not in who:
                        who.append(name(other))
            if not differing:
                continue
            elsewhere = "; ".join(f"{v} in {', '.join(who)}" for v, who in differing.items())
            own = ", ".join(dict.fromkeys(said_as(conflict, m) for m in mine))
            summary = f"{conflict.about}: here {own} · {elsewhere}"
            found.append(Disagreement(f"{conflict.kind} conflict", summary, here.start, here.end))
    found.sort(key=lambda d: (d.start, d.end))
    return found


def said_as(conflict: Conflict, value: ConflictValue) -> str:
    """A version's wording and what it means: “Jan. 9” (Sun 9 Jan 2022)."""
    return f"“{clip(value.text, 24)}” ({conflict.reading(value.value)})"


def article_marks(article: Article, versions: Sequence[Article] = ()) -> Marks:
    """The article's quotes, dates and numbers, and the story's disagreements touching it.

    ``versions`` are the story's articles (including ``article``); safe to call from a worker
    thread. An engine failure on odd text must not take the app down: the article is then
    shown plain.
    """
    try:
        found = extract_article(article)
    except Exception:  # noqa: BLE001 - an article the engine cannot read still reads, unmarked
        return Marks()
    disagreements: tuple[Disagreement, ...] = ()
    has_ledger = False
    if len(versions) > 1:
        try:
            ledger = _ledger(versions)
            labels = {a.id: short_name(a) for a in versions}
            disagreements = tuple(disagreements_for(ledger, article.id, labels))
            has_ledger = True
        except Exception:  # noqa: BLE001 - the cross-version view is extra; the article still reads
            pass
    return Marks(
        quotes=found.quotes,
        dates=found.dates,
        numbers=found.numbers,
        timeline=tuple((m, found.reading(m)) for m in sorted(found.dates, key=sort_key)),
        disagreements=disagreements,
        has_ledger=has_ledger,
    )
