"""Story grouping: which articles are versions of the same story.

Four stages, each cheap enough for 100,000 articles:

1. **Features** per article, with C-level string operations only (fold, translate, split,
   Counter): content-word counts, the set of words written capitalised mid-sentence (names),
   and the folded word sequence (for the relation of two versions).
2. **Weights**: TF-IDF over the corpus, with names and numbers boosted because two similar
   events of one kind (two earthquakes, two rehab stays) share topic words but not places,
   people, dates or figures. Each vector keeps its strongest terms only.
3. **Candidates** from an inverted index over each article's few most discriminative terms, so
   pairs are never enumerated all against all; each candidate pair is scored with the cosine of
   the truncated vectors.
4. **Average-link clustering** over the candidate graph: two groups merge only when their members
   are similar *on average*, so one shared quote cannot chain two stories together.

Versions inside a story are then compared word by word (rapidfuzz Indel on folded word lists) to
label each pair ``near-copy``, ``rewrite`` or ``same-event``.
"""

from __future__ import annotations

import hashlib
import heapq
import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

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

TOP_TERMS = 150
"""Terms kept per article vector: enough to describe a story, few enough to compare fast."""
INDEX_TERMS = 20
"""Terms per article put in the candidate index: its most discriminative ones."""
MAX_POSTINGS = 64
"""Index terms shared by more articles than this link each article to a few hubs only."""
HUB_LINKS = 8
MIN_SHARED_TERMS = 2
BACKGROUND_DOCUMENTS = 1000
NAME_BOOST = 2.0
NUMBER_BOOST = 2.0
MERGE_THRESHOLD = 0.1
"""Average cosine two groups need to merge (tuned on the ECB+ dev topics, see scripts/)."""
NEAR_COPY = 0.85
REWRITE = 0.4
"""Word-sequence similarity above which two versions are the same article (reworded)."""
MAX_STORY_PAIRS = 2000
"""Beyond this many pairs a story lists its verified pairs and base-to-each only."""


@dataclass(slots=True)
class _Features:
    counts: Counter[str]
    names: frozenset[str]
    words: list[str]


def _features(text: str) -> _Features:
    raw = _WORD_RE.findall(text)
    words = " ".join(raw).lower().split()
    counts = Counter(words)
    for stop in _STOPWORDS & counts.keys():
        del counts[stop]
    for short in [w for w in counts if len(w) < 2]:
        del counts[short]
    # A name is a word written capitalised somewhere and never in lower case: sentence-initial
    # common words ("The", "But") also appear lower-cased elsewhere and so drop out.
    unique = set(raw)
    capitalised = {w.lower() for w in unique if w[:1].isupper()}
    lower = {w for w in unique if w[:1].islower()}
    names = frozenset(capitalised - lower - _STOPWORDS)
    return _Features(counts, names, words)


def _vectors(features: list[_Features]) -> list[dict[str, float]]:
    document_frequency: Counter[str] = Counter()
    for feature in features:
        document_frequency.update(feature.counts.keys())
    total = len(features)
    # The corpus is read as part of a larger background of unrelated news, so in a handful of
    # versions of one story the words they all share still count (a bare IDF would zero them).
    background = total + BACKGROUND_DOCUMENTS
    idf = {
        w: math.log(background / (n + 0.5)) * (NUMBER_BOOST if w[0].isdigit() else 1.0)
        for w, n in document_frequency.items()
    }
    # Sublinear term frequency, looked up rather than computed for the usual small counts.
    damped = [0.0] + [1.0 + math.log(c) for c in range(1, 64)]
    vectors = []
    for feature in features:
        weights = {
            w: (damped[c] if c < 64 else 1.0 + math.log(c)) * idf[w]
            for w, c in feature.counts.items()
        }
        for name in feature.names & weights.keys():
            if not name[0].isdigit():
                weights[name] *= NAME_BOOST
        if len(weights) > TOP_TERMS:
            kept = heapq.nlargest(TOP_TERMS, weights.items(), key=lambda item: (item[1], item[0]))
            weights = dict(kept)
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        vectors.append({w: x / norm for w, x in weights.items()})
    return vectors


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(a[w] * b[w] for w in a.keys() & b.keys())


def _candidate_pairs(vectors: list[dict[str, float]]) -> dict[tuple[int, int], float]:
    """Pairs sharing an index term, with their cosine (pairs below noise level dropped)."""
    postings: dict[str, list[int]] = {}
    indexed = []
    for index, vector in enumerate(vectors):
        top = heapq.nlargest(INDEX_TERMS, vector.items(), key=lambda item: (item[1], item[0]))
        terms = [word for word, _ in top]
        indexed.append(terms)
        for word in terms:
            postings.setdefault(word, []).append(index)
    scored = {}
    for a, terms in enumerate(indexed):
        shared: Counter[int] = Counter()
        hubs: set[int] = set()
        for word in terms:
            docs = postings[word]
            if len(docs) <= MAX_POSTINGS:
                shared.update(docs)
            else:
                # A term shared by very many articles (a big story, or a common word): link to a
                # few fixed members only, so the work stays linear in the corpus size.
                hubs.update(docs[:HUB_LINKS])
        # Short postings are symmetric, so each such pair is scored from its lower index only.
        # One shared term is often chance; versions of a story share several of their top terms.
        neighbours = [b for b, n in shared.items() if n >= MIN_SHARED_TERMS and b > a]
        for b in neighbours + [b for b in hubs if b != a]:
            key = (a, b) if a < b else (b, a)
            if key in scored:
                continue
            similarity = _cosine(vectors[a], vectors[b])
            if similarity > 0.05:
                scored[key] = similarity
    return scored


def _average_link(count: int, edges: dict[tuple[int, int], float], threshold: float) -> list[int]:
    """Cluster labels by average linkage; pairs not in ``edges`` count as similarity 0."""
    size = [1] * count
    links: list[dict[int, float]] = [{} for _ in range(count)]
    for (a, b), similarity in edges.items():
        links[a][b] = similarity
        links[b][a] = similarity
    alive = [True] * count
    heap = [(-s, a, b) for (a, b), s in edges.items() if s >= threshold]
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
    labels = []
    for node in range(count):
        root = node
        while parent[root] != root:
            root = parent[root]
        labels.append(root)
    return labels


SPLIT_THRESHOLD = 0.06
SPLIT_MIN = 4


def _split_events(members: list[int], vectors: list[dict[str, float]]) -> list[list[int]]:
    """Split a group holding several events of one kind (two earthquakes, two rehab stays).

    Inside the group, words every member uses describe the kind of event; re-weighting each
    term by its rarity *within the group* leaves the words that tell its events apart.
    """
    if len(members) < SPLIT_MIN:
        return [members]
    local_df: Counter[str] = Counter()
    for i in members:
        local_df.update(vectors[i].keys())
    size = len(members)
    local = []
    for i in members:
        weights = {
            w: x * math.log((size + 1) / (local_df[w] + 0.5))
            for w, x in vectors[i].items()
            if local_df[w] > 1
        }
        norm = math.sqrt(sum(x * x for x in weights.values())) or 1.0
        local.append({w: x / norm for w, x in weights.items()})
    edges = {}
    for a in range(size):
        for b in range(a + 1, size):
            similarity = _cosine(local[a], local[b])
            if similarity > 0:
                edges[(a, b)] = similarity
    labels = _average_link(size, edges, SPLIT_THRESHOLD)
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
        counts = Counter(titles)
        return max(titles, key=lambda t: (counts[t], -titles.index(t)))
    return _first_words(members[0].text) or members[0].id


def _content_words(words: list[str]) -> list[str]:
    return [w for w in words if w not in _STOPWORDS]


def _story(
    members: list[int],
    articles: Sequence[Article],
    features: list[_Features],
    vectors: list[dict[str, float]],
    edges: dict[tuple[int, int], float],
) -> Story:
    members = sorted(members, key=lambda i: _date_key(articles[i]))
    ordered = [articles[i] for i in members]
    ids = tuple(a.id for a in ordered)
    if len(members) * (len(members) - 1) // 2 <= MAX_STORY_PAIRS:
        wanted = [(a, b) for n, a in enumerate(members) for b in members[n + 1 :]]
    else:
        # A very large story: the pairs the index verified, plus the base against each version.
        inside = set(members)
        base = members[0]
        wanted = [(base, b) for b in members[1:]]
        wanted += [
            (a, b) if members.index(a) < members.index(b) else (b, a)
            for (a, b) in edges
            if a in inside and b in inside and base not in (a, b)
        ]
    sequences = {i: _content_words(features[i].words) for i in members}
    pairs = []
    for a, b in wanted:
        sequence = pair_similarity(sequences[a], sequences[b])
        topic = edges.get((a, b) if a < b else (b, a))
        if topic is None:
            topic = _cosine(vectors[a], vectors[b])
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
    # Work in a canonical order so the input order cannot change any tie-break.
    articles = sorted(articles, key=lambda a: (a.id, a.path))
    total = len(articles)
    features = []
    for done, article in enumerate(articles, start=1):
        features.append(_features(article.text or ""))
        if progress is not None and done % 512 == 0:
            progress(done, total)
    vectors = _vectors(features)
    edges = _candidate_pairs(vectors)
    labels = _average_link(total, edges, MERGE_THRESHOLD)
    coarse: dict[int, list[int]] = {}
    for index, label in enumerate(labels):
        coarse.setdefault(label, []).append(index)
    groups = {}
    for members in coarse.values():
        for part in _split_events(members, vectors):
            groups[part[0]] = part
    stories = [_story(m, articles, features, vectors, edges) for m in groups.values()]
    by_id = {a.id: a for a in articles}
    stories.sort(
        key=lambda s: (-len(s.article_ids), _date_key(by_id[s.article_ids[0]])[:2], s.article_ids)
    )
    if progress is not None:
        progress(total, total)
    return stories
