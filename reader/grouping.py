"""Story grouping: which articles are versions of the same story.

Four stages, each cheap enough for 100,000 articles (about 30 s for the grouping there, 3 s for
10,000, on one core of the project machine; see ``reader.bench.grouping``):

1. **Features** per article, with C-level operations only (``str.split``, ``Counter``,
   ``map``/``filter`` over the tokens): each distinct whitespace token is split into words,
   folded and classified once per corpus, so an article is a few passes over its tokens. It
   yields content-word counts under integer ids, with names (words the article always writes
   capitalised) boosted, and the content-word sequence as a string of one character per word
   (for the relation of versions).
2. **Weights**: TF-IDF over the corpus, with names and numbers boosted because two similar
   events of one kind (two earthquakes, two rehab stays) share topic words but not places,
   people, dates or figures. Each vector keeps its strongest terms only.
3. **Candidates** from an inverted index over each article's few most discriminative terms, so
   pairs are never enumerated all against all; each candidate pair is scored with the cosine of
   the truncated vectors. A term shared by very many articles links to the first few of them
   only (hubs), where several such terms agree.
4. **Clustering**: pairs whose word sequences are largely shared (one article reworded) are
   joined outright; the rest merge by average link over the candidate graph (two groups merge
   only when their members are similar *on average*, so one shared quote cannot chain two
   stories together). Groups whose articles were compared with hubs only are checked against
   the bigger group they link into (a story of hundreds of versions stays whole). A group mixing
   reports of several events of one kind is then split on the words that tell them apart.

Versions inside a story are then compared word by word (rapidfuzz Indel on the word
sequences) to label each pair ``near-copy``, ``rewrite`` or ``same-event``. Output is
deterministic: integer ids follow the canonical article order, and nothing iterates a set of
strings.
"""

from __future__ import annotations

import gc
import hashlib
import heapq
import math
import re
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import chain, compress, filterfalse, repeat
from operator import add, eq, itemgetter, mul

from rapidfuzz.distance import Indel

from reader.model import Article, Story, VersionPair

__all__ = ["group_articles", "pair_similarity", "relation_of"]

# Function words and news filler: they say nothing about which story an article tells.
_STOPWORD_TEXT = """
    a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it
    its itself just me more most my myself no nor not now of off on once only or other our ours
    ourselves out over own same she should so some such than that the their theirs them
    themselves then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would you your yours yourself yourselves
    said says say saying told tell according new may might must shall like get got us mr mrs ms
    st per via yet still even much many well back since around across among though although
    week weeks day days year years time times people one two three four five six seven eight
    nine ten first last next ago today yesterday tomorrow monday tuesday wednesday thursday
    friday saturday sunday
"""
_STOPWORDS = frozenset(_STOPWORD_TEXT.split())

# A word: letters and digits, keeping the dots and commas *inside* abbreviations and figures
# ("U.S", "10,000") whole. Apostrophes break ("Russia's" -> "Russia" + "s", dropped as too short).
# One C-level regex pass is faster than folding and translating the text.
_WORD_RE = re.compile(r"[^\W_]+(?:[.,][^\W_]+)*")

TOP_TERMS = 120
"""Terms kept per article vector: enough to describe a story, few enough to compare fast."""
INDEX_TERMS = 20
"""Terms per article put in the candidate index: its most discriminative ones."""
MAX_POSTINGS = 64
"""Index terms shared by more articles than this link each article to a few hubs only."""
HUB_LINKS = 8
MIN_SHARED_TERMS = 2
"""Index terms two articles share to be compared (one shared term is often chance); the set
operations of ``_candidate_pairs`` find the articles in two or more postings."""
BACKGROUND_DOCUMENTS = 1000
NAME_BOOST = 2.0
NUMBER_BOOST = 2.0
MERGE_THRESHOLD = 0.1
"""Average cosine two groups need to merge (tuned on the ECB+ dev topics, see scripts/)."""
REWRITE_FLOOR = 0.2
"""Cosine below which two articles are never checked for being one article reworded (on the
ECB+ dev topics every such pair is above 0.23)."""
ATTACH_SIMILARITY = 0.3
"""Average cosine with a big story's sampled members at which a group joins it."""
ATTACH_SUPPORT = 3
NEAR_COPY = 0.85
REWRITE = 0.4
"""Word-sequence similarity above which two versions are the same article (reworded)."""
MAX_STORY_PAIRS = 2000
"""Beyond this many pairs a story lists its verified pairs and base-to-each only."""

# Vocabulary flags: what a word is worth as a vector term.
_NOT_A_TERM = 0
_WORD = 1
_NUMBER = 2
_NAME_FACTOR = (1.0, NAME_BOOST)
_SEVERAL = -1
"""A token's id when it holds several words (``"U.S.-backed"``)."""


class _Vocabulary:
    """Words to integer ids; ids follow first use in the canonical article order.

    Everything an article needs is looked up per *token* (a whitespace-separated piece of text
    as written, such as ``"Iquique,"``), so each distinct token is split into words, folded and
    classified once per corpus, not once per use; an article costs one ``str.split`` and a few
    C-level passes over its tokens. Stop words and one-letter words get id 0 and no character:
    they are neither vector terms nor part of the compared word sequence.
    """

    def __init__(self) -> None:
        self.flags = bytearray([_NOT_A_TERM])
        """Per id: what the word is worth as a vector term."""
        self._word_id: dict[str, int] = dict.fromkeys(_STOPWORDS, 0)
        self._word_char: dict[str, str] = dict.fromkeys(_STOPWORDS, "")
        # Per token: its word's id (0 for none, _SEVERAL when ``several`` holds its words' ids)
        # and its words' characters; for the tokens writing a word capitalised (names are
        # never numbers), those words' ids.
        self.id: dict[str, int] = {}
        self.several: dict[str, tuple[int, ...]] = {}
        self.chars: dict[str, str] = {}
        self.capital: dict[str, tuple[int, ...]] = {}
        self.damped = [0.0] + [1.0 + math.log(c) for c in range(1, 256)]
        """Sublinear term frequency by count, looked up rather than computed."""

    def _word(self, word: str) -> int:
        number = self._word_id.get(word)
        if number is None:
            if len(word) < 2:
                number = 0
                self._word_char[word] = ""
            else:
                number = len(self.flags)
                self.flags.append(_NUMBER if word[0].isdigit() else _WORD)
                # One character per word: a version's word sequence is a string that rapidfuzz
                # compares at C speed. Past the Unicode range (a million distinct words)
                # characters repeat: only rare words share one, and only in that comparison.
                self._word_char[word] = chr(1 + (number - 1) % 0x10FFFF)
            self._word_id[word] = number
        return number

    def add(self, tokens: Iterable[str]) -> None:
        word_id = self._word_id
        # A token new to this article but repeated in it is seen again after it was added.
        for token in filterfalse(self.id.__contains__, tokens):
            spellings = _WORD_RE.findall(token)
            if len(spellings) == 1:  # the usual token: one word, perhaps with punctuation
                spelling = spellings[0]
                word = spelling.lower()
                number = word_id.get(word)
                if number is None:
                    number = self._word(word)
                self.id[token] = number
                self.chars[token] = self._word_char[word]
                named = number and self.flags[number] == _WORD
                if named and (spelling.istitle() or spelling.isupper()):
                    self.capital[token] = (number,)
                continue
            if not spellings:
                self.id[token] = 0
                self.chars[token] = ""
                continue
            ids = []
            capital = []
            chars = []
            for spelling in spellings:
                word = spelling.lower()
                number = self._word(word)
                chars.append(self._word_char[word])
                if not number:
                    continue
                ids.append(number)
                if self.flags[number] == _WORD and (spelling.istitle() or spelling.isupper()):
                    capital.append(number)
            if len(ids) > 1:
                self.id[token] = _SEVERAL
                self.several[token] = tuple(ids)
            else:
                self.id[token] = ids[0] if ids else 0
            self.chars[token] = "".join(chars)
            if capital:
                self.capital[token] = tuple(capital)

    def damp(self, top: int) -> None:
        if top >= len(self.damped):
            self.damped += [1.0 + math.log(c) for c in range(len(self.damped), top + 1)]


@dataclass(slots=True)
class _Vector:
    terms: array
    """Term ids, strongest first (ties in order of first use in the text)."""
    weights: array
    """Weights in the order of ``terms``: damped counts x name boost, then unit TF-IDF."""


def _features(text: str, vocabulary: _Vocabulary) -> tuple[_Vector, str]:
    """An article's term weights before IDF (names boosted) and its content-word sequence."""
    tokens = text.split()
    vocabulary.add(tokens)  # in order of first use, so new ids are deterministic
    counts = Counter(map(vocabulary.id.__getitem__, tokens))
    if _SEVERAL in counts:
        del counts[_SEVERAL]
        several = vocabulary.several
        counts.update(
            chain.from_iterable(map(several.__getitem__, filter(several.__contains__, tokens)))
        )
    counts.pop(0, None)
    vocabulary.damp(max(counts.values(), default=0))
    terms = list(counts)
    weights = map(vocabulary.damped.__getitem__, counts.values())
    # A name is a word the article always writes capitalised: sentence-initial common words
    # ("The", "But") also appear lower-cased elsewhere and so drop out.
    capital = vocabulary.capital
    capitalised = Counter(
        chain.from_iterable(map(capital.__getitem__, filter(capital.__contains__, tokens)))
    )
    if capitalised:
        always = map(eq, capitalised.values(), map(counts.__getitem__, capitalised))
        names = set(compress(capitalised, always))
        weights = map(mul, weights, map(_NAME_FACTOR.__getitem__, map(names.__contains__, terms)))
    vector = _Vector(array("i", terms), array("d", weights))
    return vector, "".join(map(vocabulary.chars.__getitem__, tokens))


def _weigh(vectors: list[_Vector], flags: bytearray) -> None:
    """Turn counts into unit TF-IDF vectors of the strongest terms, in place."""
    document_frequency = Counter(chain.from_iterable(vector.terms for vector in vectors))
    # The corpus is read as part of a larger background of unrelated news, so in a handful of
    # versions of one story the words they all share still count (a bare IDF would zero them).
    background = float(len(vectors) + BACKGROUND_DOCUMENTS)
    terms = list(document_frequency)
    rarity = map(
        math.log, map(background.__truediv__, map(add, document_frequency.values(), repeat(0.5)))
    )
    boost = map((1.0, 1.0, NUMBER_BOOST).__getitem__, map(flags.__getitem__, terms))
    idf = dict(zip(terms, map(mul, rarity, boost), strict=True))
    for vector in vectors:
        weights = list(map(mul, vector.weights, map(idf.__getitem__, vector.terms)))
        order = sorted(range(len(weights)), key=weights.__getitem__, reverse=True)[:TOP_TERMS]
        if len(order) > 1:
            pick = itemgetter(*order)  # picks a tuple at C speed
            kept, kept_terms = pick(weights), pick(vector.terms)
        else:
            kept, kept_terms = weights, vector.terms
        scale = 1.0 / (math.hypot(*kept) or 1.0)
        vector.terms = array("i", kept_terms)
        vector.weights = array("d", map(mul, kept, repeat(scale)))


def _lookup(vector: _Vector) -> dict[int, float]:
    return dict(zip(vector.terms, vector.weights, strict=True))


def _dot(lookup: dict[int, float], vector: _Vector) -> float:
    """Cosine of two unit vectors, one as a lookup table (summed in ``vector``'s term order)."""
    return sum(map(mul, map(lookup.get, vector.terms, repeat(0.0)), vector.weights))


def _candidate_pairs(vectors: list[_Vector]) -> tuple[dict[tuple[int, int], float], set[int]]:
    """Pairs sharing index terms, with their cosine (pairs below noise level dropped), and the
    articles compared with hubs only for some of their terms."""
    postings: dict[int, list[int]] = {}
    for index, vector in enumerate(vectors):
        for term in vector.terms[:INDEX_TERMS]:
            postings.setdefault(term, []).append(index)
    scored: dict[tuple[int, int], float] = {}
    sampled: set[int] = set()
    tried: set[tuple[int, int]] = set()
    for a, vector in enumerate(vectors):
        short: list[list[int]] = []
        heads: list[list[int]] = []
        for term in vector.terms[:INDEX_TERMS]:
            docs = postings[term]
            if len(docs) <= MAX_POSTINGS:
                short.append(docs)
            else:
                # A term shared by very many articles (a big story, or a common word): only its
                # first few articles count, so the work stays linear in the corpus size.
                heads.append(docs[:HUB_LINKS])
        # One shared term is often chance; versions of a story share several of their top
        # terms. Set operations find the articles in two or more of these postings.
        once: set[int] = set()
        several: set[int] = set()
        for docs in short:
            several.update(once.intersection(docs))
            once.update(docs)
        # Short postings are symmetric, so each such pair is scored from its lower index only.
        neighbours = sorted(filter(a.__lt__, several))
        hubs: list[int] = []
        if heads:
            sampled.add(a)
            # A hub is an article at the head of several of these long postings (a big story's
            # first versions), or of one and a short posting, not at the head of one common
            # word's only; it is seen from one side only.
            counts = Counter(chain.from_iterable(heads))
            hubs = sorted(
                b
                for b, n in counts.items()
                if b != a and b not in several and (n >= MIN_SHARED_TERMS or b in once)
            )
        if not neighbours and not hubs:
            continue
        lookup = _lookup(vector)
        for b in neighbours:
            similarity = _dot(lookup, vectors[b])
            if similarity > 0.05:
                scored[(a, b)] = similarity
        for b in hubs:
            key = (a, b) if a < b else (b, a)
            if key in tried or key in scored:
                continue
            tried.add(key)
            similarity = _dot(lookup, vectors[b])
            if similarity > 0.05:
                scored[key] = similarity
    return scored, sampled


def _same_articles(
    edges: dict[tuple[int, int], float], sequences: list[str]
) -> dict[tuple[int, int], float]:
    """Word-sequence similarity of the candidate pairs close enough to be one article."""
    return {
        pair: pair_similarity(sequences[pair[0]], sequences[pair[1]])
        for pair, similarity in edges.items()
        if similarity >= REWRITE_FLOOR
    }


def _components(count: int, pairs: Iterable[tuple[int, int]]) -> list[int]:
    """Union-find roots (the smallest member) of the groups that ``pairs`` join."""
    parent = list(range(count))

    def root(node: int) -> int:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for a, b in pairs:
        x, y = root(a), root(b)
        if x != y:
            parent[max(x, y)] = min(x, y)
    return [root(node) for node in range(count)]


def _average_link(
    count: int,
    edges: dict[tuple[int, int], float],
    threshold: float,
    start: list[int] | None = None,
) -> list[int]:
    """Cluster labels by average linkage; pairs not in ``edges`` count as similarity 0.

    ``start`` gives initial groups (a label per node, the group's smallest member): they are
    kept whole, and their members' links add up as one node of that size.
    """
    labels = start if start is not None else list(range(count))
    size = [0] * count
    for label in labels:
        size[label] += 1
    links: list[dict[int, float]] = [{} for _ in range(count)]
    for (a, b), similarity in edges.items():
        a, b = labels[a], labels[b]
        if a != b:
            links[a][b] = links[a].get(b, 0.0) + similarity
            links[b][a] = links[b].get(a, 0.0) + similarity
    alive = [size[node] > 0 for node in range(count)]
    heap = [
        (-total / (size[a] * size[b]), a, b)
        for a in range(count)
        for b, total in links[a].items()
        if a < b and total / (size[a] * size[b]) >= threshold
    ]
    heapq.heapify(heap)
    parent = list(range(count))
    while heap:
        negative, a, b = heapq.heappop(heap)
        if not (alive[a] and alive[b]):
            continue
        current = links[a].get(b, 0.0) / (size[a] * size[b])
        if abs(current + negative) > 1e-12:
            continue  # stale entry: the groups changed since it was pushed
        # Merge b into a (a is the smaller index, so labels stay deterministic).
        keep, gone = (a, b) if a < b else (b, a)
        alive[gone] = False
        parent[gone] = keep
        size[keep] += size[gone]
        links[keep].pop(gone, None)
        for other, total in links[gone].items():
            if other == keep:
                continue
            links[other].pop(gone, None)
            merged = links[keep].get(other, 0.0) + total
            links[keep][other] = merged
            links[other][keep] = merged
        links[gone] = {}
        for other, total in links[keep].items():
            average = total / (size[keep] * size[other])
            if average >= threshold:
                x, y = (keep, other) if keep < other else (other, keep)
                heapq.heappush(heap, (-average, x, y))
    result = []
    for node in range(count):
        root = labels[node]
        while parent[root] != root:
            root = parent[root]
        result.append(root)
    return result


def _attach_sampled(
    labels: list[int],
    edges: dict[tuple[int, int], float],
    sampled: set[int],
    vectors: list[_Vector],
) -> list[int]:
    """Join groups to a bigger group their sampled comparisons clearly belong to.

    An article whose index terms are shared by very many others (a story of hundreds of
    versions) was compared with a few hub members only, so the average over *all* pairs, with
    the pairs never compared counted as 0, underrates it. Such a group is compared with the
    first members of the bigger groups it has links into as well, and joins the one whose
    compared members are, on average, as similar as versions of one story are
    (``ATTACH_SIMILARITY``), when at least ``ATTACH_SUPPORT`` of them were compared.
    """
    size = Counter(labels)
    totals: dict[tuple[int, int], float] = {}
    links: dict[int, dict[int, float]] = {}
    for (a, b), similarity in edges.items():
        x, y = labels[a], labels[b]
        if x != y:
            for small, node, big, other in ((x, a, y, b), (y, b, x, a)):
                if node in sampled and size[small] < size[big]:
                    totals[(small, big)] = totals.get((small, big), 0.0) + similarity
                    links.setdefault(node, {})[other] = similarity
    if not totals:
        return labels
    # The few bigger groups each small group is most linked to.
    linked: dict[int, list[tuple[float, int]]] = {}
    for (small, big), total in totals.items():
        linked.setdefault(small, []).append((-total, big))
    members: dict[int, list[int]] = {}
    for node, label in enumerate(labels):
        members.setdefault(label, []).append(node)
    best: dict[int, tuple[float, int]] = {}
    for small, options in linked.items():
        for _, big in sorted(options)[:3]:
            compared = 0
            total = 0.0
            agreeing: set[int] = set()
            for node in members[small][:HUB_LINKS]:
                known = links.get(node, {})
                found = {other: known[other] for other in known if labels[other] == big}
                lookup = _lookup(vectors[node])
                for other in members[big][: 2 * HUB_LINKS]:
                    if other not in found:
                        found[other] = _dot(lookup, vectors[other])
                compared += len(found)
                total += sum(found.values())
                agreeing.update(found)
            if len(agreeing) < ATTACH_SUPPORT or len(agreeing) > size[big] // 2:
                continue  # too few to judge, or compared widely enough for the average to hold
            average = total / compared
            if average >= ATTACH_SIMILARITY and (small not in best or average > best[small][0]):
                best[small] = (average, big)
    if not best:
        return labels
    target = {small: big for small, (_, big) in best.items()}

    def final(label: int) -> int:
        seen = set()
        while label in target and label not in seen:
            seen.add(label)
            label = target[label]
        return label

    return [final(label) for label in labels]


SPLIT_THRESHOLD = 0.06
SPLIT_MIN = 4
SPLIT_MAX = 200
"""Groups up to this size are checked for several events (all pairs of members compared, so a
bigger group, rare and costly, stays whole)."""


def _split_events(members: list[int], vectors: list[_Vector]) -> list[list[int]]:
    """Split a group holding several events of one kind (two earthquakes, two rehab stays).

    Inside the group, words every member uses describe the kind of event; re-weighting each
    term by its rarity *within the group* leaves the words that tell its events apart.
    """
    local_df: Counter[int] = Counter()
    for i in members:
        local_df.update(vectors[i].terms)
    size = len(members)
    rarity = {t: math.log((size + 1) / (n + 0.5)) for t, n in local_df.items() if n > 1}
    local = []
    for i in members:
        vector = vectors[i]
        kept = list(map(rarity.__contains__, vector.terms))
        terms = list(compress(vector.terms, kept))
        weights = list(map(mul, compress(vector.weights, kept), map(rarity.__getitem__, terms)))
        scale = 1.0 / (math.hypot(*weights) or 1.0)
        local.append(_Vector(array("i", terms), array("d", map(mul, weights, repeat(scale)))))
    edges = {}
    overall = {}
    for a in range(size):
        lookup = _lookup(local[a])
        global_lookup = _lookup(vectors[members[a]])
        for b in range(a + 1, size):
            similarity = _dot(lookup, local[b])
            if similarity > 0:
                edges[(a, b)] = similarity
            overall[(a, b)] = _dot(global_lookup, vectors[members[b]])
    labels = _average_link(size, edges, SPLIT_THRESHOLD)
    # Versions of one article differ only in noise (the words each rewrite swapped in), which
    # the local weights magnify: parts still as similar overall as versions of one story are
    # (ATTACH_SIMILARITY) were never different events, and are put back together.
    labels = _average_link(size, overall, ATTACH_SIMILARITY, labels)
    parts: dict[int, list[int]] = {}
    for position, label in enumerate(labels):
        parts.setdefault(label, []).append(members[position])
    return list(parts.values())


def pair_similarity(words_a: Sequence[str], words_b: Sequence[str]) -> float:
    """How much of the word sequence two versions share, 0..1 (order-aware, folded words)."""
    if not words_a and not words_b:
        return 1.0
    return float(Indel.normalized_similarity(words_a, words_b))


def relation_of(sequence_similarity: float, topic_similarity: float) -> str | None:
    """The kind of relation between two versions grouped into one story."""
    if sequence_similarity >= NEAR_COPY:
        return "near-copy"
    if sequence_similarity >= REWRITE:
        return "rewrite"
    if topic_similarity >= MERGE_THRESHOLD:
        return "same-event"
    return None


def _date_key(article: Article) -> tuple[bool, str, str]:
    return (article.date is None, article.date or "", article.id)


def _story_id(article_ids: Sequence[str]) -> str:
    digest = hashlib.blake2b("\n".join(sorted(article_ids)).encode(), digest_size=6)
    return "s-" + digest.hexdigest()


def _first_words(text: str, limit: int = 12) -> str:
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        for end in (". ", "? ", "! "):
            cut = line.find(end)
            if cut > 0:
                line = line[: cut + 1]
        words = line.split()
        title = " ".join(words[:limit])
        return title + (" …" if len(words) > limit else "")
    return ""


def _story_title(members: Sequence[Article]) -> str:
    """The most common title among the versions (earliest wins a tie), else the base's opening."""
    titles = [a.title.strip() for a in members if a.title and a.title.strip()]
    if titles:
        counts = Counter(titles)  # in order of first use: max() keeps the earliest of a tie
        return max(counts, key=counts.__getitem__)
    return _first_words(members[0].text) or members[0].id


def _story(
    members: list[int],
    articles: Sequence[Article],
    sequences: list[str],
    vectors: list[_Vector],
    edges: dict[tuple[int, int], float],
    known: dict[tuple[int, int], float],
) -> Story:
    members = sorted(members, key=lambda i: _date_key(articles[i]))
    ordered = [articles[i] for i in members]
    ids = tuple(a.id for a in ordered)
    if len(members) * (len(members) - 1) // 2 <= MAX_STORY_PAIRS:
        wanted = [(a, b) for n, a in enumerate(members) for b in members[n + 1 :]]
    else:
        # A very large story: the base against each version, plus the pairs the index verified.
        position = {i: n for n, i in enumerate(members)}
        base = members[0]
        wanted = [(base, b) for b in members[1:]]
        wanted += sorted(
            ((a, b) if position[a] < position[b] else (b, a))
            for (a, b) in edges
            if a in position and b in position and base not in (a, b)
        )
    lookups: dict[int, dict[int, float]] = {}
    pairs = []
    for a, b in wanted:
        key = (a, b) if a < b else (b, a)
        sequence = known.get(key)
        if sequence is None:
            sequence = pair_similarity(sequences[a], sequences[b])
        topic = edges.get(key)
        if topic is None:
            lookup = lookups.get(a)
            if lookup is None:
                lookup = lookups[a] = _lookup(vectors[a])
            topic = _dot(lookup, vectors[b])
        similarity = round(max(sequence, topic), 4)
        pairs.append(
            VersionPair(articles[a].id, articles[b].id, similarity, relation_of(sequence, topic))
        )
    return Story(_story_id(ids), _story_title(ordered), ids, tuple(pairs))


def group_articles(
    articles: Sequence[Article], progress: Callable[[int, int], None] | None = None
) -> list[Story]:
    """Group articles that are versions of one story; every article lands in exactly one story.

    ``progress(done, total)`` is called as articles are read for features and once at the end.
    Output is deterministic: it depends only on the articles, not on their order or the process.
    """
    # The work allocates millions of small containers and frees none of them in cycles: the
    # cycle collector's repeated passes over everything alive would only cost time.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _group(articles, progress)
    finally:
        if collecting:
            gc.enable()


def _group(articles: Sequence[Article], progress: Callable[[int, int], None] | None) -> list[Story]:
    # Work in a canonical order so the input order cannot change any tie-break.
    articles = sorted(articles, key=lambda a: (a.id, a.path))
    total = len(articles)
    vocabulary = _Vocabulary()
    vectors = []
    sequences = []
    for done, article in enumerate(articles, start=1):
        vector, sequence = _features(article.text or "", vocabulary)
        vectors.append(vector)
        sequences.append(sequence)
        if progress is not None and done % 512 == 0:
            progress(done, total)
    flags = vocabulary.flags
    del vocabulary  # the per-token tables: the largest structure of a big corpus
    _weigh(vectors, flags)
    edges, sampled = _candidate_pairs(vectors)
    # Versions of one article reworded (word sequences largely shared) are one story whatever
    # the rest of the group: joined before the average test, so a story of hundreds of versions,
    # each compared with a few hub members only, stays whole.
    sequence_similarity = _same_articles(edges, sequences)
    same_article = _components(
        total, (pair for pair, value in sequence_similarity.items() if value >= REWRITE)
    )
    labels = _average_link(total, edges, MERGE_THRESHOLD, same_article)
    if sampled:
        labels = _attach_sampled(labels, edges, sampled, vectors)
    coarse: dict[int, list[int]] = {}
    for index, label in enumerate(labels):
        coarse.setdefault(label, []).append(index)
    groups = {}
    for members in coarse.values():
        # Versions of one article are one event; a group too big to compare all its pairs
        # stays whole.
        whole = len({same_article[i] for i in members}) == 1
        if whole or not SPLIT_MIN <= len(members) <= SPLIT_MAX:
            groups[members[0]] = members
            continue
        for part in _split_events(members, vectors):
            groups[part[0]] = part
    stories = [
        _story(m, articles, sequences, vectors, edges, sequence_similarity) for m in groups.values()
    ]
    by_id = {a.id: a for a in articles}
    stories.sort(
        key=lambda s: (-len(s.article_ids), _date_key(by_id[s.article_ids[0]])[:2], s.article_ids)
    )
    if progress is not None:
        progress(total, total)
    return stories
