"""The cross-version ledger: how quotes, dates and numbers fare across the versions of a story.

``build_ledger(articles)`` takes the versions of one story and reports:

- **Quote groups**: each direct quote matched across versions. A member is ``verbatim`` (same
  words), ``altered`` (quoted, with different words: the word diff against the group's reference
  quote comes with it) or ``unquoted`` (the same words present without quotation marks, as a
  machine translation that strips quote marks gives); versions without it are listed as
  ``missing``. A group whose members name incompatible speakers is flagged ``reattributed``.
- **Date conflicts**: dates whose sentence context matches across versions ("talks", "Geneva")
  but whose normalised values differ ("January 9 and 10" against "January 10").
- **Number conflicts**: the same for quantities with the same unit ("100,000 troops" against
  "90,000 troops").

Matching is by folded words, so curly/straight quotes, case and punctuation never matter. The
output is deterministic: articles keep the order given, mentions keep text order.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from reader.diff.model import TokenOp
from reader.diff.words import diff_words
from reader.extract import timex_lexicon as lx
from reader.extract.article import Extraction, extract_article
from reader.extract.date_reading import reading
from reader.extract.dates import DateMention
from reader.extract.numbers import unit_key
from reader.extract.quotes import Quote
from reader.model import Article
from reader.text.sentences import Sentence, sentence_index_at, split_sentences
from reader.text.tokens import WORD_RE, fold

__all__ = [
    "Conflict",
    "ConflictValue",
    "Ledger",
    "QuoteGroup",
    "QuoteMember",
    "build_ledger",
]

QUOTE_STATUSES = ("verbatim", "altered", "unquoted", "missing")

# Quote-to-quote: Indel similarity of the folded word sequences (spun copies of the seeds score
# 0.53-0.65; unrelated quotes of one story at most 0.3).
QUOTE_MATCH_MIN = 0.5
# Or one quote contains most of the other (a version that quotes only part of a passage).
QUOTE_CONTAINMENT_MIN = 0.8
# Quotes shorter than this many words match only exactly ("hard line", "treaty").
SHORT_QUOTE_WORDS = 3
# Unquoted passages: character-level partial ratio to find the span, then word-level checks.
UNQUOTED_CHAR_MIN = 60.0
UNQUOTED_WORD_MIN = 0.45
UNQUOTED_CONTENT_SHARE = 0.4
# Date/number contexts: at least this many shared content words and this overlap coefficient.
CONTEXT_SHARED_MIN = 2
CONTEXT_OVERLAP_MIN = 0.3
# A disagreement between facts with no value in common needs this context score (sentence
# overlap + near-word overlap, both weighted by rarity; 2.0 is identical context).
CONFLICT_CONTEXT_MIN = 0.8
AGREEMENT_BONUS = 0.5


# --------------------------------------------------------------------------- data types


@dataclass(frozen=True, slots=True)
class QuoteMember:
    """One version's form of a quote; offsets point into that article's display text."""

    article: str
    text: str
    start: int
    end: int
    """The quoted words (without marks) or the unquoted passage."""
    status: str
    """verbatim | altered | unquoted (see ``QUOTE_STATUSES``)."""
    similarity: float
    """Word similarity to the group's reference quote, 0..1."""
    speaker: str | None = None
    quote_index: int | None = None
    """Index into the article's ``Extraction.quotes`` (None for an unquoted passage)."""
    ops: tuple[TokenOp, ...] = ()
    """Word diff from the reference quote (``a_*``) to this member (``b_*``); empty if verbatim."""

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "article": self.article,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "status": self.status,
            "similarity": round(self.similarity, 4),
            "speaker": self.speaker,
        }
        if self.ops:
            data["ops"] = [op.to_json() for op in self.ops]
        return data


@dataclass(frozen=True, slots=True)
class QuoteGroup:
    """A quote and its forms across the versions of a story."""

    reference: str
    """Article id of the reference member (the first version that quotes it)."""
    members: tuple[QuoteMember, ...]
    """In the ledger's article order; the reference member is among them."""
    missing: tuple[str, ...]
    """Versions in which the quote was not found."""
    speakers: tuple[str, ...]
    reattributed: bool
    """Members name speakers that cannot be the same source."""

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(m.article for m in self.members)

    def member(self, article_id: str) -> QuoteMember | None:
        return next((m for m in self.members if m.article == article_id), None)

    def to_json(self) -> dict[str, Any]:
        return {
            "reference": self.reference,
            "speakers": list(self.speakers),
            "reattributed": self.reattributed,
            "members": [m.to_json() for m in self.members],
            "missing": list(self.missing),
        }


@dataclass(frozen=True, slots=True)
class ConflictValue:
    article: str
    text: str
    value: str
    """The normalised value: a TIMEX3 value for dates, the number (as text) for quantities."""
    start: int
    end: int
    unit: str | None = None

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "article": self.article,
            "text": self.text,
            "value": self.value,
            "start": self.start,
            "end": self.end,
        }
        if self.unit is not None:
            data["unit"] = self.unit
        return data


@dataclass(frozen=True, slots=True)
class Conflict:
    """Versions that say different things about the same thing."""

    kind: str
    """date | number"""
    about: str
    """The context words the versions share ("talks Geneva")."""
    values: tuple[ConflictValue, ...]

    def reading(self, value: str) -> str:
        """One of the values as a person reads it: a date's reading, a number as it is."""
        return reading("DATE", value) if self.kind == "date" else value

    def stands_alone(self, article: str, value: str) -> bool:
        """Whether no other version agrees with ``article``'s ``value`` (an undated copy's
        ``XXXX-01-10`` agrees with ``2022-01-10``)."""
        return not any(
            values_agree(value, other.value) for other in self.values if other.article != article
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "about": self.about,
            "values": [v.to_json() for v in self.values],
        }


@dataclass(frozen=True, slots=True)
class Ledger:
    articles: tuple[str, ...]
    groups: tuple[QuoteGroup, ...]
    date_conflicts: tuple[Conflict, ...]
    number_conflicts: tuple[Conflict, ...]
    extractions: dict[str, Extraction] = field(default_factory=dict, compare=False, repr=False)

    def to_json(self) -> dict[str, Any]:
        return {
            "articles": list(self.articles),
            "groups": [g.to_json() for g in self.groups],
            "date_conflicts": [c.to_json() for c in self.date_conflicts],
            "number_conflicts": [c.to_json() for c in self.number_conflicts],
        }


# --------------------------------------------------------------------------- words


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_STOP = _word_set(
    """
    a an the this that these those it its it's their our his her my your them they we he she i
    you who whom whose which what where when while if than then as of in on at to from by for
    with into onto over under about after before since until during between among against
    through across along around near without within per via and or but nor so yet not no is are
    was were be been being have has had do does did will would shall should can could may might
    must also only just even still already more most less least very too said says say told
    according each every all both either neither any some many much few other another such there
    here now again ago later earlier mr mrs ms s t ll d re ve m
    """
)
_DATE_WORDS = (
    frozenset(lx.MONTHS)
    | frozenset(lx.WEEKDAY_NAMES)
    | _word_set("today yesterday tomorrow week weeks month months year years day days")
)


@dataclass(slots=True)
class _Doc:
    """An article with what the ledger needs from it, computed once."""

    article: Article
    extraction: Extraction
    folded: str
    sentences: list[Sentence]
    sentence_starts: list[int]
    sentence_words: list[frozenset[str]]
    claimed: list[tuple[int, int]] = field(default_factory=list)
    used_quotes: set[int] = field(default_factory=set)


def _content_words(folded: str, start: int, end: int) -> list[str]:
    return [
        w
        for w in WORD_RE.findall(folded, start, end)
        if w not in _STOP and not w.isdigit() and len(w) > 1
    ]


def _make_doc(article: Article, dct: str | None) -> _Doc:
    folded = fold(article.text)
    sentences = split_sentences(article.text)
    return _Doc(
        article=article,
        extraction=extract_article(article, dct),
        folded=folded,
        sentences=sentences,
        sentence_starts=[s.start for s in sentences],
        sentence_words=[frozenset(_content_words(folded, s.start, s.end)) for s in sentences],
    )


def _word_spans(folded: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in WORD_RE.finditer(folded, start, end)]


def _overlaps(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


# --------------------------------------------------------------------------- quotes


def _quote_words(doc: _Doc, quote: Quote) -> list[str]:
    return WORD_RE.findall(doc.folded, quote.content_start, quote.content_end)


def _lcs_scores(a: list[str], b: list[str]) -> tuple[float, float]:
    """(Indel similarity, containment of the shorter in the longer) of two word lists."""
    if not a or not b:
        return 0.0, 0.0
    similarity = Indel.normalized_similarity(a, b)
    common = similarity * (len(a) + len(b)) / 2
    return similarity, common / min(len(a), len(b))


def _speaker_key(speaker: str | None) -> frozenset[str]:
    """Capitalised name words of a speaker ("the White House spokesperson" -> white, house)."""
    if not speaker:
        return frozenset()
    names = re.findall(r"\b[A-Z][\w'\u2019-]*", speaker)
    ignore = {"the", "president", "mr", "mrs", "ms", "dr", "sen", "gov", "rep", "secretary"}
    return frozenset(n.lower().rstrip("'\u2019s") for n in names if n.lower() not in ignore)


def _reattributed(speakers: Sequence[str | None]) -> bool:
    keys = [k for k in (_speaker_key(s) for s in speakers) if k]
    return any(not (a & b) for i, a in enumerate(keys) for b in keys[i + 1 :])


def _best_quote(doc: _Doc, words: list[str], short: bool) -> tuple[int, float] | None:
    """The unused quote of ``doc`` that best matches ``words``: (index, similarity)."""
    best: tuple[float, int] | None = None
    for index, quote in enumerate(doc.extraction.quotes):
        if index in doc.used_quotes:
            continue
        other = _quote_words(doc, quote)
        if short or len(other) < SHORT_QUOTE_WORDS:
            if other == words:
                return index, 1.0
            continue
        similarity, containment = _lcs_scores(words, other)
        if similarity < QUOTE_MATCH_MIN and not (
            containment >= QUOTE_CONTAINMENT_MIN and min(len(words), len(other)) >= 4
        ):
            continue
        if best is None or similarity > best[0]:
            best = (similarity, index)
    return (best[1], best[0]) if best is not None else None


def _find_passage(doc: _Doc, words: list[str], needle: str) -> tuple[int, int, float] | None:
    """Where ``doc`` carries the quote's words without quotation marks: (start, end, similarity)."""
    content = {w for w in words if w not in _STOP and len(w) > 1}
    if len(content) < 2:
        return None
    scored = sorted(
        ((len(content & sw), -i) for i, sw in enumerate(doc.sentence_words) if sw),
        reverse=True,
    )
    best: tuple[float, int, int] | None = None
    for shared, negative_index in scored[:3]:
        if shared < 2:
            break
        i = -negative_index
        # A quote may run over a sentence break the other version inserted: take the neighbours
        # in the same paragraph too.
        first, last = i, i
        paragraph = doc.sentences[i].paragraph
        if i > 0 and doc.sentences[i - 1].paragraph == paragraph:
            first = i - 1
        if i + 1 < len(doc.sentences) and doc.sentences[i + 1].paragraph == paragraph:
            last = i + 1
        w_start, w_end = doc.sentences[first].start, doc.sentences[last].end
        window = doc.folded[w_start:w_end]
        alignment = fuzz.partial_ratio_alignment(needle, window)
        if alignment is None or alignment.score < UNQUOTED_CHAR_MIN:
            continue
        a_start, a_end = w_start + alignment.dest_start, w_start + alignment.dest_end
        refined = _refine(doc, words, w_start, w_end, a_start, a_end)
        if refined is None:
            continue
        start, end, similarity = refined
        if best is None or similarity > best[0]:
            best = (similarity, start, end)
    if best is None:
        return None
    similarity, start, end = best
    passage_content = set(_content_words(doc.folded, start, end))
    passage_words = len(WORD_RE.findall(doc.folded, start, end))
    if (
        similarity < UNQUOTED_WORD_MIN
        or passage_words < len(words) / 2
        or len(content & passage_content)
        < max(min(3, len(content)), UNQUOTED_CONTENT_SHARE * len(content))
    ):
        return None
    return start, end, similarity


def _refine(
    doc: _Doc, words: list[str], w_start: int, w_end: int, a_start: int, a_end: int
) -> tuple[int, int, float] | None:
    """Move the ends of a character alignment to the word range most like the quote."""
    spans = _word_spans(doc.folded, w_start, w_end)
    if not spans:
        return None
    first = next((k for k, s in enumerate(spans) if s[1] > a_start), 0)
    last = next((k for k in range(len(spans) - 1, -1, -1) if spans[k][0] < a_end), len(spans) - 1)
    tokens = [s[2] for s in spans]
    best: tuple[float, int, int] | None = None
    slack = 4
    for i in range(max(0, first - slack), min(len(spans), first + slack + 1)):
        for j in range(max(i, last - slack), min(len(spans), last + slack + 1)):
            similarity = Indel.normalized_similarity(words, tokens[i : j + 1])
            # Ties keep the shorter span: no stray words at either end.
            if best is None or similarity > best[0] + 1e-9:
                best = (similarity, i, j)
    if best is None:
        return None
    similarity, i, j = best
    return spans[i][0], spans[j][1], similarity


def _quote_groups(docs: list[_Doc]) -> list[QuoteGroup]:
    groups: list[QuoteGroup] = []
    for doc in docs:
        for index, quote in enumerate(doc.extraction.quotes):
            if index in doc.used_quotes:
                continue
            words = _quote_words(doc, quote)
            if not words:
                continue
            short = len(words) < SHORT_QUOTE_WORDS
            doc.used_quotes.add(index)
            found: list[tuple[_Doc, QuoteMember]] = []
            for other in docs:
                if other is doc:
                    continue
                member = _match_in(doc, quote, words, short, other)
                if member is not None:
                    found.append((other, member))
            if short and not found:
                # A one- or two-word fragment alone says nothing across versions.
                continue
            reference = QuoteMember(
                doc.article.id,
                doc.article.text[quote.content_start : quote.content_end],
                quote.content_start,
                quote.content_end,
                "verbatim",
                1.0,
                quote.speaker,
                index,
            )
            doc.claimed.append((quote.content_start, quote.content_end))
            by_article = {doc.article.id: reference}
            for other, member in found:
                by_article[other.article.id] = member
                other.claimed.append((member.start, member.end))
                if member.quote_index is not None:
                    other.used_quotes.add(member.quote_index)
            members = tuple(by_article[d.article.id] for d in docs if d.article.id in by_article)
            speakers = [m.speaker for m in members if m.speaker]
            groups.append(
                QuoteGroup(
                    reference=doc.article.id,
                    members=members,
                    missing=tuple(d.article.id for d in docs if d.article.id not in by_article),
                    speakers=tuple(dict.fromkeys(speakers)),
                    reattributed=_reattributed(speakers),
                )
            )
    return groups


def _match_in(
    doc: _Doc, quote: Quote, words: list[str], short: bool, other: _Doc
) -> QuoteMember | None:
    """``quote`` (of ``doc``) as ``other`` carries it: quoted, unquoted, or None."""
    hit = _best_quote(other, words, short)
    if hit is not None:
        o_index, similarity = hit
        o_quote = other.extraction.quotes[o_index]
        start, end = o_quote.content_start, o_quote.content_end
        if _overlaps(other.claimed, start, end):
            return None
        return _member(doc, quote, other, start, end, o_quote.speaker, o_index, similarity)
    if short:
        return None
    needle = doc.folded[quote.content_start : quote.content_end]
    passage = _find_passage(other, words, needle)
    if passage is None:
        return None
    start, end, similarity = passage
    if _overlaps(other.claimed, start, end):
        return None
    # The passage may lie inside a longer quote of ``other`` (one that adds words around it):
    # then the words are quoted there, altered, and the member is the passage.
    for o_index, o_quote in enumerate(other.extraction.quotes):
        inside = min(end, o_quote.content_end) - max(start, o_quote.content_start)
        if o_index not in other.used_quotes and inside > (end - start) / 2:
            return _member(doc, quote, other, start, end, o_quote.speaker, o_index, similarity)
    return _member(doc, quote, other, start, end, None, None, similarity)


def _member(
    doc: _Doc,
    quote: Quote,
    other: _Doc,
    start: int,
    end: int,
    speaker: str | None,
    quote_index: int | None,
    similarity: float,
) -> QuoteMember:
    diff = diff_words(
        doc.article.text, quote.content_start, quote.content_end, other.article.text, start, end
    )
    status = "unquoted" if quote_index is None else "verbatim" if diff.same_words else "altered"
    ops = () if diff.same_words and quote_index is not None else diff.ops
    return QuoteMember(
        other.article.id,
        other.article.text[start:end],
        start,
        end,
        status,
        diff.similarity if diff.similarity else similarity,
        speaker,
        quote_index,
        ops,
    )


# --------------------------------------------------------------------------- dates, numbers


@dataclass(slots=True)
class _Fact:
    """A date or number as one version states it, with its context words.

    Coordinated dates ("January 9 and 10") are one fact with several values, so that a version
    naming both days disagrees with one naming only the 10th.
    """

    doc: int
    sentence_index: int
    parts: list[tuple[int, int, str, str]]
    """(start, end, text, value) of each mention the fact is made of, in text order."""
    comparable: str
    """Only facts with the same key are compared: the date granularity, or the number's unit."""
    sentence: frozenset[str]
    near: frozenset[str]
    numeric: float | None = None
    approx: bool = False
    vague: bool = False
    unit: str | None = None

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(part[3] for part in self.parts)


_DAY_VALUE = re.compile(r"[\dX]{4}-\d\d-\d\d")
_MONTH_VALUE = re.compile(r"[\dX]{4}-\d\d")
_YEAR_VALUE = re.compile(r"\d{4}")
_COORDINATION = re.compile(
    r"\s*,?\s*(?:and|or|to|through|until|-|\u2013|\u2014)?\s*", re.IGNORECASE
)


def _context(doc: _Doc, start: int, end: int) -> tuple[int, frozenset[str], frozenset[str]] | None:
    """(sentence index, the sentence's content words, the five content words either side)."""
    index = sentence_index_at(doc.sentences, start)
    if index is None:
        return None
    sentence = doc.sentences[index]
    content = [
        (m.start(), m.group())
        for m in WORD_RE.finditer(doc.folded, sentence.start, sentence.end)
        if not (start <= m.start() < end)
        and m.group() not in _STOP
        and m.group() not in _DATE_WORDS
        and not m.group()[:1].isdigit()
        and len(m.group()) > 1
    ]
    before = [w for pos, w in content if pos < start][-5:]
    after = [w for pos, w in content if pos >= end][:5]
    return index, frozenset(w for _, w in content), frozenset(before + after)


def _granularity(value: str) -> str | None:
    if _DAY_VALUE.fullmatch(value):
        return "day"
    if _MONTH_VALUE.fullmatch(value):
        return "month"
    if _YEAR_VALUE.fullmatch(value):
        return "year"
    return None  # weeks, seasons, durations, references: too loose to call a disagreement


def _date_facts(d: int, doc: _Doc) -> list[_Fact]:
    facts: list[_Fact] = []
    text = doc.article.text
    previous: DateMention | None = None
    for mention in doc.extraction.dates:
        granularity = _granularity(mention.value) if mention.type == "DATE" else None
        if granularity is None:
            previous = None
            continue
        part = (mention.start, mention.end, mention.text, mention.value)
        if (
            previous is not None
            and facts
            and facts[-1].comparable == granularity
            and _COORDINATION.fullmatch(text, previous.end, mention.start)
        ):
            facts[-1].parts.append(part)
            previous = mention
            continue
        context = _context(doc, mention.start, mention.end)
        previous = mention
        if context is None:
            continue
        facts.append(_Fact(d, context[0], [part], granularity, context[1], context[2]))
    # Context words of a coordinated fact exclude all of its parts.
    for fact in facts:
        if len(fact.parts) > 1:
            context = _context(doc, fact.parts[0][0], fact.parts[-1][1])
            if context is not None:
                fact.sentence, fact.near = context[1], context[2]
    return facts


def _number_facts(d: int, doc: _Doc) -> list[_Fact]:
    facts: list[_Fact] = []
    for mention in doc.extraction.numbers:
        key = unit_key(mention)
        if key is None or mention.kind == "ordinal":
            continue
        context = _context(doc, mention.start, mention.end)
        if context is None:
            continue
        part = (mention.start, mention.end, mention.text, _format_number(mention.value))
        facts.append(
            _Fact(
                d,
                context[0],
                [part],
                f"{mention.kind}:{key}",
                context[1],
                context[2],
                numeric=mention.value,
                approx=mention.approx,
                vague=mention.vague,
                unit=mention.unit,
            )
        )
    return facts


def _format_number(value: float) -> str:
    return str(int(value)) if value == int(value) and abs(value) < 1e18 else repr(value)


def _context_score(a: _Fact, b: _Fact, weights: dict[str, float]) -> float:
    """How surely two facts are about the same thing (0 when not at all).

    Words are weighted by rarity across the story's sentences, so the story's topic words
    ("talks", "Russia") count for little and distinctive ones ("Geneva", "annexed") for much.
    """
    shared = a.sentence & b.sentence
    if len(shared) < CONTEXT_SHARED_MIN:
        return 0.0

    def weight(words: frozenset[str]) -> float:
        return sum(weights.get(w, 1.0) for w in words)

    overlap = weight(shared) / min(weight(a.sentence), weight(b.sentence))
    near = a.near & b.near
    near_overlap = weight(near) / min(weight(a.near), weight(b.near)) if near else 0.0
    if overlap < CONTEXT_OVERLAP_MIN and not near:
        return 0.0
    return overlap + near_overlap


def _word_weights(docs: list[_Doc]) -> dict[str, float]:
    counts: dict[str, int] = {}
    total = 0
    for doc in docs:
        for words in doc.sentence_words:
            total += 1
            for word in words:
                counts[word] = counts.get(word, 0) + 1
    return {word: math.log((total + 1) / (count + 0.5)) for word, count in counts.items()}


def _same_value(a: _Fact, b: _Fact) -> bool:
    if a.numeric is not None and b.numeric is not None:
        return _same_number(a, b)
    return all(any(values_agree(x, y) for y in b.values) for x in a.values) and all(
        any(values_agree(x, y) for x in a.values) for y in b.values
    )


def _share_a_value(a: _Fact, b: _Fact) -> bool:
    if a.numeric is not None:
        return False
    return any(values_agree(x, y) for x in a.values for y in b.values)


def _same_number(a: _Fact, b: _Fact) -> bool:
    x, y = abs(a.numeric or 0.0), abs(b.numeric or 0.0)
    if a.vague or b.vague:
        # "tens of thousands" covers 10,000 up to 100,000 ("some 100,000" is not a disagreement).
        low, other = (x, y) if a.vague else (y, x)
        return low * 0.99 <= other <= low * 10.01
    if a.approx or b.approx:
        low, high = sorted((x, y))
        return high <= low * 1.5
    return abs(x - y) <= 1e-9 * max(x, y, 1.0)


def values_agree(a: str, b: str) -> bool:
    """Two normalised values agree where both are known (``XXXX-01-10`` agrees with
    ``2022-01-10``: an undated version's "January 10" is no disagreement)."""
    return len(a) == len(b) and all(
        x == y or x == "X" or y == "X" for x, y in zip(a, b, strict=True)
    )


def _conflicts(docs: list[_Doc], facts: list[_Fact], kind: str) -> list[Conflict]:
    """Facts matched one to one between every two versions, then clustered; a cluster in which
    two matched facts disagree is a conflict."""
    parent = list(range(len(facts)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_doc: dict[int, list[int]] = {}
    for i, fact in enumerate(facts):
        by_doc.setdefault(fact.doc, []).append(i)
    weights = _word_weights(docs)
    disagreeing: set[int] = set()
    doc_ids = sorted(by_doc)
    for x, a_doc in enumerate(doc_ids):
        for b_doc in doc_ids[x + 1 :]:
            candidates = []
            for i in by_doc[a_doc]:
                for j in by_doc[b_doc]:
                    if facts[i].comparable != facts[j].comparable:
                        continue
                    score = _context_score(facts[i], facts[j], weights)
                    if score <= 0:
                        continue
                    same = _same_value(facts[i], facts[j])
                    partial = not same and _share_a_value(facts[i], facts[j])
                    # Claiming a disagreement takes more evidence than an agreement: a shared
                    # value ("January 9 and 10" / "January 10") or a context that is clearly the
                    # same; otherwise two dates in one sentence ("said on Tuesday that talks would
                    # open on January 10") would be set against each other.
                    if not (same or partial or score >= CONFLICT_CONTEXT_MIN):
                        continue
                    # Agreeing counterparts are matched first, as a diff anchors on equal text.
                    priority = score + (
                        AGREEMENT_BONUS if same else AGREEMENT_BONUS / 2 if partial else 0
                    )
                    candidates.append((-priority, i, j, same))
            candidates.sort()
            taken: set[int] = set()
            for _, i, j, same in candidates:
                if i in taken or j in taken:
                    continue
                taken.update((i, j))
                a, b = find(i), find(j)
                if a != b:
                    parent[max(a, b)] = min(a, b)
                if not same:
                    disagreeing.update((i, j))
    clusters: dict[int, list[int]] = {}
    for i in range(len(facts)):
        clusters.setdefault(find(i), []).append(i)
    conflicts: list[Conflict] = []
    for members in clusters.values():
        if not disagreeing.intersection(members):
            continue
        ordered = sorted(members, key=lambda i: (facts[i].doc, facts[i].start))
        values = tuple(
            ConflictValue(docs[facts[i].doc].article.id, text, value, start, end, facts[i].unit)
            for i in ordered
            for start, end, text, value in facts[i].parts
        )
        anchor = facts[min(disagreeing.intersection(members))]
        about = _about(docs, [facts[i] for i in ordered], anchor)
        conflicts.append(Conflict(kind, about, values))
    conflicts.sort(key=lambda c: (docs_order(docs, c.values[0].article), c.values[0].start))
    return conflicts


def docs_order(docs: list[_Doc], article_id: str) -> int:
    return next(i for i, doc in enumerate(docs) if doc.article.id == article_id)


def _about(docs: list[_Doc], facts: list[_Fact], anchor: _Fact | None = None) -> str:
    """Up to three context words most versions share, in the first version's reading order."""
    counts: dict[str, set[int]] = {}
    for fact in facts:
        for word in fact.sentence:
            counts.setdefault(word, set()).add(fact.doc)
    first = anchor or facts[0]
    doc = docs[first.doc]
    sentence = doc.sentences[first.sentence_index]
    order: list[str] = []
    display: dict[str, str] = {}
    for m in WORD_RE.finditer(doc.article.text, sentence.start, sentence.end):
        folded = doc.folded[m.start() : m.end()]
        if folded in first.sentence and folded not in display:
            display[folded] = m.group()
            order.append(folded)
    shared = [w for w in order if len(counts.get(w, ())) >= 2]
    shared.sort(key=lambda w: (-len(counts[w]), w not in first.near, order.index(w)))
    return " ".join(display[w] for w in sorted(shared[:3], key=order.index))


# --------------------------------------------------------------------------- public API


def build_ledger(articles: Sequence[Article], dct: str | None = None) -> Ledger:
    """Quote groups and date/number conflicts across ``articles`` (the versions of one story).

    ``dct`` overrides every article's own date as the reference for relative dates. Articles
    with the same id are counted once.
    """
    unique: list[Article] = []
    seen: set[str] = set()
    for article in articles:
        if article.id not in seen:
            seen.add(article.id)
            unique.append(article)
    docs = [_make_doc(article, dct) for article in unique]
    groups = _quote_groups(docs)
    date_facts = [f for d, doc in enumerate(docs) for f in _date_facts(d, doc)]
    number_facts = [f for d, doc in enumerate(docs) for f in _number_facts(d, doc)]
    date_conflicts = _conflicts(docs, date_facts, "date")
    number_conflicts = _conflicts(docs, number_facts, "number")
    return Ledger(
        articles=tuple(a.id for a in unique),
        groups=tuple(groups),
        date_conflicts=tuple(date_conflicts),
        number_conflicts=tuple(number_conflicts),
        extractions={doc.article.id: doc.extraction for doc in docs},
    )
