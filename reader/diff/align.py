"""Sentence alignment of two versions: in-order backbone (1:1, 2:1, 1:2), moves, word diffs.

How it works:

1. Both texts are split into sentences (``reader.text.sentences``) and each sentence gets a
   scoring form: folded words lightly normalised (``Jan`` -> ``january``, plural/possessive
   ``s`` dropped, ``U.S.``/``United States``/``American`` one word, ``Russian`` -> ``russia``),
   mapped to integers, plus its set of content words (no stopwords).
2. Anchors (long versions only, more than ``DP_MAX_CELLS`` sentence pairs): sentences whose
   folded words are identical and unique on both sides; the longest in-order chain of them
   (longest increasing subsequence) is the first backbone.
3. Each gap between anchors is aligned by a monotone dynamic programme (Needleman-Wunsch-like)
   whose moves are: skip an A sentence (removed), skip a B sentence (added), match 1:1, merge
   2:1 or split 1:2. A match gains ``(score - MATCH_MIN) * words`` so that long, well-matched
   sentences weigh more, and weak pairs (score below ``MATCH_MIN``) are never matched. Large
   gaps are first cut by near-identical anchors (mutual best pairs, again an in-order chain), so
   the cost stays near-linear on long documents.
4. Moves: sentences left over on both sides that match well (``MOVE_MIN``) are paired as one
   ``moved`` pair, best score first.
5. Each pair gets a word diff (``reader.diff.words``) and a class.

Independent reports (short versions only): when fewer than ``REWRITE_SHARE_MIN`` of either
version's sentences have a good counterpart (two outlets' reports of one event, not one text
rewritten), steps 2-4 are replaced by an order-free matching: best score first, one-to-one; a
pair scoring below ``INDEPENDENT_STRONG`` also needs ``INDEPENDENT_EVIDENCE_MIN`` pieces of
shared evidence (content words; a phrase both share counts one piece per two words), so that
"the United States and its allies" alone does not make a counterpart. The longest in-order
chain of those pairs is the backbone and the rest are ``moved``.

The pair score mixes three signals, each 0..1: Indel similarity of the normalised word lists
(order-aware), ``fuzz.ratio`` of the joined words (catches spelling variants such as
"Bidens"/"Biden's"), and an IDF-weighted Dice overlap of content words (names, numbers and rare
words survive translation and synonym spinning when function words do not).

Classes (see ``reader.diff.model``): ``equal`` same tokens; ``minor`` same words (case,
punctuation, whitespace only); ``reworded`` word similarity >= ``REWORDED_MIN`` (0.6): a light
edit; ``changed`` below that; ``moved``; ``added``; ``removed``.
"""

from __future__ import annotations

import bisect
import functools
import math
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from reader.diff.model import PAIR_OPS, AlignedPair, Alignment, DiffStats, Row, TokenOp
from reader.diff.words import count_words, diff_words
from reader.extract.timex_lexicon import MONTH_NAMES, MONTHS
from reader.model import Article, Span
from reader.text.sentences import Sentence, split_sentences
from reader.text.tokens import words

__all__ = ["MATCH_MIN", "MOVE_MIN", "REWORDED_MIN", "align", "align_texts"]

MATCH_MIN = 0.3
"""Pair score below which two sentences are never counterparts in the in-order backbone."""
MOVE_MIN = 0.5
"""Pair score needed to call a leftover removed/added pair one moved sentence."""
REWORDED_MIN = 0.6
"""Word similarity from which a pair counts as ``reworded`` (light edit) rather than ``changed``."""
NEAR_ANCHOR_MIN = 0.6
"""Score of a mutual-best pair that may cut a large gap."""
NEAR_ANCHOR_MAX_POSTINGS = 12
"""In a large gap, only words in at most this many B sentences propose anchor candidates."""
DP_MAX_CELLS = 6_400
"""Gaps larger than this (sentences of A x sentences of B) are cut by anchors before the DP."""
MOVE_MAX_CELLS = 250_000
REWRITE_SHARE_MIN = 0.3
"""Share of one version's sentences that must have a good counterpart (score >= ``MOVE_MIN``) in
the other for the pair to be treated as one text rewritten (in-order backbone). Below it the two
are independent reports (e.g. two outlets): measured on the seeds, rewrites share 0.76-0.79,
independent reports 0.00-0.19."""
INDEPENDENT_EVIDENCE_MIN = 3
"""Independent reports: pieces of shared evidence (content words, a phrase shared by both counting
once) a pair needs, so that 'the United States and its allies' alone does not make a pair."""
INDEPENDENT_STRONG = 0.45
"""Independent reports: score from which a pair needs no evidence count (a quote shared word for
word is one long phrase, yet the strongest evidence there is)."""
INDEPENDENT_MIN_SENTENCES = 3


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Abbreviated month -> full name, so "Jan." and "January" score as one word.
_MONTHS = {
    word: MONTH_NAMES[number - 1] for word, number in MONTHS.items() if word not in MONTH_NAMES
}
_STOPWORDS = _word_set(
    "a an the and or but if of to in on at by for with from as into about over under after before "
    "than then that this these those there their they them he she it its his her him we our us i "
    "you your me my is are was were be been being has have had do does did will would shall should "
    "can could may might must not no nor so such also too very just which who whom whose what when "
    "where why how all any both each few more most other some own same only out up down off again "
    "further once here s said says say told"
)


@dataclass(slots=True)
class _Features:
    """The scoring form of one sentence (or of two merged sentences)."""

    ids: list[int]
    joined: str
    content: frozenset[int]
    words: int
    mass: float = -1.0
    """Summed IDF weight of ``content`` (set by the scorer)."""


# One entity, many spellings: "U.S.", "US", "the United States" and "America" are one word for
# scoring, as are a country and its adjective ("Russian" officials, "Russia" will...), so that
# two outlets' or a translation's sentences about the same fact share them.
_ENTITY_NAMES = re.compile(
    r"\b(?:(?P<unitedstates>U\.S\.(?:A\.)?|USA?|United States(?: of America)?"
    r"|(?<!Latin )(?<!South )(?<!North )(?<!Central )America)"
    r"|(?P<unitedkingdom>U\.K\.|UK|United Kingdom|Britain)"
    r"|(?P<unitednations>U\.N\.|UN|United Nations)"
    r"|(?P<europeanunion>E\.U\.|EU|European Union))(?![\w.])"
)
# A substring of every form _ENTITY_NAMES finds ("U." for U.S., U.K., U.N., E.U.).
_ENTITY_CLUES = ("U.", "US", "UK", "UN", "United", "EU", "European", "America", "Britain")
_DEMONYMS = {
    "american": "unitedstates",
    "british": "unitedkingdom",
    "russian": "russia",
    "ukrainian": "ukraine",
    "belarusian": "belarus",
    "chinese": "china",
    "french": "france",
    "german": "germany",
    "european": "europe",
    "iranian": "iran",
    "israeli": "israel",
    "palestinian": "palestine",
    "syrian": "syria",
    "iraqi": "iraq",
    "afghan": "afghanistan",
    "indian": "india",
    "pakistani": "pakistan",
    "japanese": "japan",
    "korean": "korea",
    "turkish": "turkey",
    "polish": "poland",
    "italian": "italy",
    "spanish": "spain",
    "canadian": "canada",
    "mexican": "mexico",
    "swiss": "switzerland",
    "dutch": "netherlands",
    "swedish": "sweden",
    "finnish": "finland",
    "norwegian": "norway",
    "greek": "greece",
    "egyptian": "egypt",
    "lebanese": "lebanon",
    "cuban": "cuba",
    "venezuelan": "venezuela",
    "brazilian": "brazil",
    "australian": "australia",
}


def _entity_word(match: re.Match[str]) -> str:
    return f" {match.lastgroup} "


@functools.lru_cache(maxsize=1 << 16)  # news vocabulary repeats: most words are hits
def _scoring_word(word: str) -> str:
    word = _MONTHS.get(word, word)
    if word.endswith("'s"):
        word = word[:-2]
    word = _DEMONYMS.get(word) or _DEMONYMS.get(word.removesuffix("s"), word)  # "swiss", "russians"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return word


def _features(
    text: str, sentence: Sentence, vocabulary: dict[str, int]
) -> tuple[_Features, tuple[str, ...]]:
    sentence_text = text[sentence.start : sentence.end]
    folded_words = words(sentence_text)
    scoring_words = folded_words
    # Most sentences name none of these entities; the substring test spares them the regex.
    if any(clue in sentence_text for clue in _ENTITY_CLUES):
        scoring_words = words(_ENTITY_NAMES.sub(_entity_word, sentence_text))
    forms = [_scoring_word(word) for word in scoring_words]
    ids = [vocabulary.setdefault(form, len(vocabulary)) for form in forms]
    content = frozenset(i for i, form in zip(ids, forms, strict=True) if form not in _STOPWORDS)
    return _Features(ids, " ".join(forms), content, len(ids)), tuple(folded_words)


def _merge(first: _Features, second: _Features) -> _Features:
    return _Features(
        first.ids + second.ids,
        f"{first.joined} {second.joined}",
        first.content | second.content,
        first.words + second.words,
    )


class _Scorer:
    """Pair scores between A's and B's sentences, cached."""

    def __init__(self, a: list[_Features], b: list[_Features]) -> None:
        self.a = a
        self.b = b
        document_frequency: dict[int, int] = defaultdict(int)
        for features in (*a, *b):
            for word in features.content:
                document_frequency[word] += 1
        total = len(a) + len(b) + 1
        self.weight = {word: math.log(1 + total / df) for word, df in document_frequency.items()}
        for features in (*a, *b):
            self.mass(features)
        self.cache: dict[tuple[int, int], float] = {}
        self.b_index: dict[int, list[int]] = defaultdict(list)
        # Sentences of function words only ("It was not.", "No.") share no content word with
        # anything, so they are proposed to their identical counterparts by their whole form.
        self.b_bare: dict[str, list[int]] = defaultdict(list)
        for j, features in enumerate(b):
            for word in features.content:
                self.b_index[word].append(j)
            if features.ids and not features.content:
                self.b_bare[features.joined].append(j)

    def mass(self, features: _Features) -> float:
        if features.mass < 0:
            features.mass = sum(self.weight[w] for w in features.content)
        return features.mass

    def features_score(self, x: _Features, y: _Features) -> float:
        if not x.ids or not y.ids:
            return 0.0
        shared = x.content & y.content
        if not shared and x.content and y.content:
            return 0.0  # no content word in common: not counterparts, and it saves time
        weight = self.weight
        both = self.mass(x) + self.mass(y)
        overlap = 2 * sum(weight[w] for w in shared) / both if both else 0.0
        order = Indel.normalized_similarity(x.ids, y.ids)
        characters = fuzz.ratio(x.joined, y.joined) / 100
        return 0.35 * order + 0.25 * characters + 0.4 * overlap

    def score(self, i: int, j: int) -> float:
        key = (i, j)
        value = self.cache.get(key)
        if value is None:
            value = self.features_score(self.a[i], self.b[j])
            self.cache[key] = value
        return value

    def containment(self, part: _Features, whole: _Features) -> float:
        """Weighted share of ``part``'s content words found in ``whole``."""
        total = sum(self.weight[w] for w in part.content)
        if not total:
            return 0.0
        return sum(self.weight[w] for w in part.content & whole.content) / total

    def candidates(self, i: int, j0: int, j1: int, max_postings: int | None = None) -> set[int]:
        """B sentences in ``[j0, j1)`` sharing a content word with A's sentence ``i`` (for a
        sentence of function words only: with the same words).

        With ``max_postings``, words found in more B sentences of the range than that are
        ignored: on long documents only rare words propose candidates, so the cost stays linear.
        """
        found: set[int] = set()
        features = self.a[i]
        posting_lists = [self.b_index.get(word, []) for word in features.content]
        if features.ids and not features.content:
            posting_lists.append(self.b_bare.get(features.joined, []))
        for postings in posting_lists:
            lo = bisect.bisect_left(postings, j0)
            hi = bisect.bisect_left(postings, j1)
            if max_postings is None or hi - lo <= max_postings:
                found.update(postings[lo:hi])
        return found


# A backbone match: A sentence indices and B sentence indices (1 or 2 each).
_Match = tuple[tuple[int, ...], tuple[int, ...]]


def align(a: Article, b: Article) -> Alignment:
    """Align version ``a`` with version ``b`` (offsets into each ``Article.text``)."""
    return align_texts(a.text, b.text, a.id, b.id)


def align_texts(a_text: str, b_text: str, a_id: str = "a", b_id: str = "b") -> Alignment:
    """Align two display texts; never raises on odd input (empty, binary-looking, any script)."""
    a_text = a_text if isinstance(a_text, str) else ""
    b_text = b_text if isinstance(b_text, str) else ""
    a_sentences = split_sentences(a_text)
    b_sentences = split_sentences(b_text)
    vocabulary: dict[str, int] = {}
    a_pairs = [_features(a_text, s, vocabulary) for s in a_sentences]
    b_pairs = [_features(b_text, s, vocabulary) for s in b_sentences]
    scorer = _Scorer([f for f, _ in a_pairs], [f for f, _ in b_pairs])

    # Short versions get one global DP (it weighs every pairing); anchors are only a speed
    # device for long ones, where a greedy anchor chain may cost an extra move now and then.
    small = len(a_sentences) * len(b_sentences) <= DP_MAX_CELLS
    scored = _candidate_scores(scorer) if small else []
    if small and _independent(scorer, scored):
        backbone, moves = _match_independent(scorer, scored)
        return _build(a_id, b_id, a_text, b_text, a_sentences, b_sentences, backbone, moves)
    anchors = [] if small else _exact_anchors([k for _, k in a_pairs], [k for _, k in b_pairs])
    backbone = _align_with_anchors(scorer, anchors, 0, len(a_sentences), 0, len(b_sentences))
    moves = _find_moves(scorer, backbone, len(a_sentences), len(b_sentences))
    return _build(a_id, b_id, a_text, b_text, a_sentences, b_sentences, backbone, moves)


def _candidate_scores(scorer: _Scorer) -> list[tuple[int, int, float]]:
    """(a index, b index, score) of every candidate pair (sharing a content word)."""
    return [
        (i, j, scorer.score(i, j))
        for i in range(len(scorer.a))
        for j in scorer.candidates(i, 0, len(scorer.b))
    ]


def _best_scores(
    scorer: _Scorer, scored: list[tuple[int, int, float]]
) -> tuple[list[float], list[float]]:
    """Best pair score of each A sentence and of each B sentence (candidates only)."""
    best_a = [0.0] * len(scorer.a)
    best_b = [0.0] * len(scorer.b)
    for i, j, value in scored:
        best_a[i] = max(best_a[i], value)
        best_b[j] = max(best_b[j], value)
    return best_a, best_b


def _independent(scorer: _Scorer, scored: list[tuple[int, int, float]]) -> bool:
    """Whether A and B are independent reports rather than one text rewritten.

    Independent reports of one event share a few facts in any order; forcing them into an
    in-order backbone pairs unrelated sentences that merely sit at matching positions.
    """
    n, m = len(scorer.a), len(scorer.b)
    if min(n, m) < INDEPENDENT_MIN_SENTENCES:
        return False
    best_a, best_b = _best_scores(scorer, scored)
    share_a = sum(value >= MOVE_MIN for value in best_a) / n
    share_b = sum(value >= MOVE_MIN for value in best_b) / m
    return max(share_a, share_b) < REWRITE_SHARE_MIN


def _evidence(x: _Features, y: _Features) -> int:
    """Pieces of shared evidence: shared content words, a phrase shared by both (adjacent content
    words in both sentences) counting one piece per two words ('National Security Council' is
    not three independent facts)."""
    shared = x.content & y.content
    if len(shared) < 2:
        return len(shared)
    y_content = [w for w in y.ids if w in y.content]
    y_bigrams = set(zip(y_content, y_content[1:], strict=False))
    pieces = 0
    run = 0  # length of the current shared phrase
    previous = -1
    seen: set[int] = set()
    for word in x.ids:
        if word not in x.content:
            continue
        if word not in shared or word in seen:
            run = 0
        elif run and (previous, word) in y_bigrams:
            run += 1
            pieces += run % 2  # every second word of a phrase adds nothing
        else:
            run = 1
            pieces += 1
        seen.add(word)
        previous = word
    return pieces


def _match_independent(
    scorer: _Scorer, candidates: list[tuple[int, int, float]]
) -> tuple[list[_Match], list[tuple[int, int, float]]]:
    """Pairs of independent reports: best score first, one-to-one, order-free.

    The longest in-order chain of the pairs is the backbone; the others are shown as moved
    (the fact is reported at another place in the other version).
    """
    scored = sorted(
        (-value, i, j)
        for i, j, value in candidates
        if value >= INDEPENDENT_STRONG
        or (value >= MATCH_MIN and _evidence(scorer.a[i], scorer.b[j]) >= INDEPENDENT_EVIDENCE_MIN)
    )
    taken_a: set[int] = set()
    taken_b: set[int] = set()
    chosen: dict[tuple[int, int], float] = {}
    for negative, i, j in scored:
        if i in taken_a or j in taken_b:
            continue
        taken_a.add(i)
        taken_b.add(j)
        chosen[(i, j)] = -negative
    chain = set(_longest_chain(list(chosen)))
    backbone: list[_Match] = [((i,), (j,)) for i, j in sorted(chain)]
    moves = [(i, j, value) for (i, j), value in sorted(chosen.items()) if (i, j) not in chain]
    return backbone, moves


def _exact_anchors(
    a_keys: Sequence[tuple[str, ...]], b_keys: Sequence[tuple[str, ...]]
) -> list[tuple[int, int]]:
    """In-order chain of sentences with identical words, unique on both sides."""
    a_count: dict[tuple[str, ...], int] = defaultdict(int)
    b_where: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for key in a_keys:
        a_count[key] += 1
    for j, key in enumerate(b_keys):
        b_where[key].append(j)
    pairs = [
        (i, b_where[key][0])
        for i, key in enumerate(a_keys)
        if len(key) >= 3 and a_count[key] == 1 and len(b_where.get(key, ())) == 1
    ]
    return _longest_chain(pairs)


def _longest_chain(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Longest subsequence of ``pairs`` (sorted by i) with strictly increasing j."""
    pairs = sorted(pairs)
    tails: list[int] = []  # smallest tail j of a chain of each length
    tail_index: list[int] = []
    previous: list[int] = []
    for index, (_, j) in enumerate(pairs):
        position = bisect.bisect_left(tails, j)
        if position == len(tails):
            tails.append(j)
            tail_index.append(index)
        else:
            tails[position] = j
            tail_index[position] = index
        previous.append(tail_index[position - 1] if position else -1)
    chain = []
    index = tail_index[-1] if tail_index else -1
    while index >= 0:
        chain.append(pairs[index])
        index = previous[index]
    return chain[::-1]


def _align_with_anchors(
    scorer: _Scorer, anchors: list[tuple[int, int]], i0: int, i1: int, j0: int, j1: int
) -> list[_Match]:
    """Backbone for ``[i0, i1) x [j0, j1)``: the anchors plus each gap between them aligned."""
    matches: list[_Match] = []
    start_i, start_j = i0, j0
    for i, j in anchors:
        matches.extend(_align_gap(scorer, start_i, i, start_j, j))
        matches.append(((i,), (j,)))
        start_i, start_j = i + 1, j + 1
    matches.extend(_align_gap(scorer, start_i, i1, start_j, j1))
    return matches


def _align_gap(scorer: _Scorer, i0: int, i1: int, j0: int, j1: int) -> list[_Match]:
    n, m = i1 - i0, j1 - j0
    if n <= 0 or m <= 0:
        return []
    if n * m <= DP_MAX_CELLS:
        return _dp(scorer, i0, i1, j0, j1)
    anchors = _near_anchors(scorer, i0, i1, j0, j1)
    if anchors:
        return _align_with_anchors(scorer, anchors, i0, i1, j0, j1)
    # No anchor at all in a large gap: align proportional blocks along the diagonal. Crude,
    # but near-linear; what it misses is recovered as moves when it matches well.
    block = max(1, int(math.sqrt(DP_MAX_CELLS * n / m)))
    matches: list[_Match] = []
    for start in range(i0, i1, block):
        stop = min(i1, start + block)
        b_start = j0 + (start - i0) * m // n
        b_stop = j0 + (stop - i0) * m // n if stop < i1 else j1
        matches.extend(_dp(scorer, start, stop, b_start, b_stop))
    return matches


def _near_anchors(scorer: _Scorer, i0: int, i1: int, j0: int, j1: int) -> list[tuple[int, int]]:
    """Mutual-best, well-matched pairs inside a gap, as an in-order chain."""
    best_for_a: dict[int, tuple[float, int]] = {}
    best_for_b: dict[int, tuple[float, int]] = {}
    for i in range(i0, i1):
        for j in sorted(scorer.candidates(i, j0, j1, NEAR_ANCHOR_MAX_POSTINGS)):
            score = scorer.score(i, j)
            if score < NEAR_ANCHOR_MIN:
                continue
            if score > best_for_a.get(i, (0.0, -1))[0]:
                best_for_a[i] = (score, j)
            if score > best_for_b.get(j, (0.0, -1))[0]:
                best_for_b[j] = (score, i)
    pairs = [(i, j) for i, (_, j) in best_for_a.items() if best_for_b[j][1] == i]
    return _longest_chain(pairs)


def _dp(scorer: _Scorer, i0: int, i1: int, j0: int, j1: int) -> list[_Match]:
    """Monotone alignment of a gap: maximise the summed gain of matches."""
    n, m = i1 - i0, j1 - j0
    a, b = scorer.a, scorer.b
    # Scores only where a content word is shared; every other pair scores 0 (never matched).
    score: dict[tuple[int, int], float] = {}
    for i in range(i0, i1):
        for j in scorer.candidates(i, j0, j1):
            value = scorer.score(i, j)
            if value > 0:
                score[(i, j)] = value

    def gain(value: float, words: int) -> float:
        return (value - MATCH_MIN) * max(words, 1)

    negative = -math.inf
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    step: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    for x in range(n + 1):
        row = best[x]
        for y in range(m + 1):
            if x == 0 and y == 0:
                continue
            value, move = negative, None
            if x > 0 and best[x - 1][y] > value:
                value, move = best[x - 1][y], (1, 0)
            if y > 0 and row[y - 1] > value:
                value, move = row[y - 1], (0, 1)
            if x > 0 and y > 0:
                i, j = i0 + x - 1, j0 + y - 1
                single = score.get((i, j), 0.0)
                if single >= MATCH_MIN:
                    candidate = best[x - 1][y - 1] + gain(single, a[i].words + b[j].words)
                    if candidate > value:
                        value, move = candidate, (1, 1)
                if x > 1:
                    merged = _merge_score(scorer, score, (i - 1, i), (j,))
                    if merged is not None:
                        candidate = best[x - 2][y - 1] + gain(
                            merged, a[i - 1].words + a[i].words + b[j].words
                        )
                        if candidate > value:
                            value, move = candidate, (2, 1)
                if y > 1:
                    merged = _merge_score(scorer, score, (i,), (j - 1, j))
                    if merged is not None:
                        candidate = best[x - 1][y - 2] + gain(
                            merged, a[i].words + b[j - 1].words + b[j].words
                        )
                        if candidate > value:
                            value, move = candidate, (1, 2)
            row[y] = value
            step[x][y] = move
    matches: list[_Match] = []
    x, y = n, m
    while x > 0 or y > 0:
        move = step[x][y]
        assert move is not None
        dx, dy = move
        if dx and dy:
            matches.append((tuple(range(i0 + x - dx, i0 + x)), tuple(range(j0 + y - dy, j0 + y))))
        x, y = x - dx, y - dy
    return matches[::-1]


def _merge_score(
    scorer: _Scorer,
    score: dict[tuple[int, int], float],
    a_side: tuple[int, ...],
    b_side: tuple[int, ...],
) -> float | None:
    """Score of a 2:1 or 1:2 match, or None when the split is not plausible.

    Each piece of the split side must be mostly found in the other side (content containment)
    and the merged score must beat each piece matched alone.
    """
    singles = [score.get((i, j), 0.0) for i in a_side for j in b_side]
    if max(singles) < MATCH_MIN or min(singles) <= 0.0:
        return None
    if len(a_side) == 2:
        whole = scorer.b[b_side[0]]
        pieces = [scorer.a[i] for i in a_side]
    else:
        whole = scorer.a[a_side[0]]
        pieces = [scorer.b[j] for j in b_side]
    if any(scorer.containment(piece, whole) < 0.4 for piece in pieces):
        return None
    merged = scorer.features_score(_merge(*pieces), whole)
    return merged if merged > max(singles) else None


def _find_moves(
    scorer: _Scorer, backbone: list[_Match], n: int, m: int
) -> list[tuple[int, int, float]]:
    """Pair leftover A and B sentences that match well: (a index, b index, score)."""
    used_a = {i for a_side, _ in backbone for i in a_side}
    used_b = {j for _, b_side in backbone for j in b_side}
    left_a = [i for i in range(n) if i not in used_a]
    left_b = set(range(m)) - used_b
    if not left_a or not left_b or len(left_a) * len(left_b) > MOVE_MAX_CELLS:
        return []
    scored = []
    for i in left_a:
        for j in scorer.candidates(i, 0, m):
            if j not in left_b:
                continue
            value = scorer.score(i, j)
            short = min(scorer.a[i].words, scorer.b[j].words) < 4
            if value >= (0.9 if short else MOVE_MIN):
                scored.append((-value, i, j))
    scored.sort()
    moves = []
    taken_a: set[int] = set()
    taken_b: set[int] = set()
    for negative, i, j in scored:
        if i in taken_a or j in taken_b:
            continue
        taken_a.add(i)
        taken_b.add(j)
        moves.append((i, j, -negative))
    return moves


def _classify(same_text: bool, same_words: bool, similarity: float) -> str:
    if same_text:
        return "equal"
    if same_words:
        return "minor"
    return "reworded" if similarity >= REWORDED_MIN else "changed"


def _build(
    a_id: str,
    b_id: str,
    a_text: str,
    b_text: str,
    a_sentences: list[Sentence],
    b_sentences: list[Sentence],
    backbone: list[_Match],
    moves: list[tuple[int, int, float]],
) -> Alignment:
    def a_span(indices: tuple[int, ...]) -> Span:
        return Span(a_sentences[indices[0]].start, a_sentences[indices[-1]].end)

    def b_span(indices: tuple[int, ...]) -> Span:
        return Span(b_sentences[indices[0]].start, b_sentences[indices[-1]].end)

    kept_words = 0

    def matched_pair(a_side: tuple[int, ...], b_side: tuple[int, ...], moved: bool) -> AlignedPair:
        nonlocal kept_words
        a, b = a_span(a_side), b_span(b_side)
        result = diff_words(a_text, a.start, a.end, b_text, b.start, b.end)
        kept_words += result.kept_words
        edit = _classify(result.same_text, result.same_words, result.similarity)
        return AlignedPair(
            "moved" if moved else edit, a, b, result.similarity, result.ops, a_side, b_side, edit
        )

    def removed_pair(i: int) -> AlignedPair:
        a = a_span((i,))
        op = TokenOp("delete", a.start, a.end, 0, 0)
        return AlignedPair("removed", a, None, 0.0, (op,), (i,), (), "removed")

    def added_pair(j: int) -> AlignedPair:
        b = b_span((j,))
        op = TokenOp("insert", 0, 0, b.start, b.end)
        return AlignedPair("added", None, b, 0.0, (op,), (), (j,), "added")

    move_of_a = {i: j for i, j, _ in moves}
    moved_b = {j: i for i, j, _ in moves}
    pairs: list[AlignedPair] = []
    rows: list[Row] = []
    pair_of_move: dict[int, int] = {}  # A index of a move -> pair index
    pending_b_rows: list[tuple[int, int]] = []  # (row index, A index) of moved B sides

    def gap(a_from: int, a_to: int, b_from: int, b_to: int) -> None:
        for i in range(a_from, a_to):
            if i in move_of_a:
                pair_of_move[i] = len(pairs)
                rows.append(Row(len(pairs), True, False))
                pairs.append(matched_pair((i,), (move_of_a[i],), moved=True))
            else:
                rows.append(Row(len(pairs), True, False))
                pairs.append(removed_pair(i))
        for j in range(b_from, b_to):
            if j in moved_b:
                pending_b_rows.append((len(rows), moved_b[j]))
                rows.append(Row(-1, False, True))
            else:
                rows.append(Row(len(pairs), False, True))
                pairs.append(added_pair(j))

    previous_a = previous_b = 0
    for a_side, b_side in backbone:
        gap(previous_a, a_side[0], previous_b, b_side[0])
        rows.append(Row(len(pairs), True, True))
        pairs.append(matched_pair(a_side, b_side, moved=False))
        previous_a, previous_b = a_side[-1] + 1, b_side[-1] + 1
    gap(previous_a, len(a_sentences), previous_b, len(b_sentences))

    # Moved B sides were met before or after their pair: fill in pair and partner rows now.
    a_row_of_pair = {
        row.pair: index for index, row in enumerate(rows) if row.show_a and not row.show_b
    }
    for row_index, i in pending_b_rows:
        pair_index = pair_of_move[i]
        a_row = a_row_of_pair[pair_index]
        rows[row_index] = Row(pair_index, False, True, a_row)
        rows[a_row] = Row(pair_index, True, False, row_index)

    a_words = sum(count_words(a_text, s.start, s.end) for s in a_sentences)
    b_words = sum(count_words(b_text, s.start, s.end) for s in b_sentences)
    counts = dict.fromkeys(PAIR_OPS, 0)
    for pair in pairs:
        counts[pair.op] += 1
    matched_a = sum(
        len(pair.a_sentences) for pair in pairs if pair.a is not None and pair.b is not None
    )
    # Two empty versions are the same.
    similarity = round(2 * kept_words / (a_words + b_words), 4) if a_words + b_words else 1.0
    stats = DiffStats(
        similarity=similarity,
        # An A without words keeps nothing of itself in a B that has some (B is all additions).
        kept=round(kept_words / a_words, 4) if a_words else float(not b_words),
        a_matched=round(matched_a / len(a_sentences), 4) if a_sentences else float(not b_sentences),
        counts=counts,
        a_words=a_words,
        b_words=b_words,
        a_sentences=len(a_sentences),
        b_sentences=len(b_sentences),
    )
    changes = tuple(index for index, pair in enumerate(pairs) if pair.op != "equal")
    return Alignment(
        a_id,
        b_id,
        tuple(pairs),
        similarity,
        stats,
        changes,
        tuple(rows),
        tuple(a_sentences),
        tuple(b_sentences),
        a_text,
        b_text,
    )
