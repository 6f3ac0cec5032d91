"""A synthetic news corpus with known stories, built from the bundled seeds.

Each story gets a *base* article: seed sentences whose content words are remapped through a
story-specific vocabulary (so stories are different stories that still read like news and share
all the function words), plus invented names and figures of its own. Its other versions are:

- ``update``: the base with one small edit (a sentence added, removed or changed);
- ``rewrite``: a heavy rewrite (a third of the content words swapped for other words, a fifth of
  the sentences dropped, neighbouring sentences reordered).

Everything comes from one seeded ``random.Random``: the same arguments give the same corpus.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path

from reader.corpus import seeds_dir

KINDS = ("base", "update", "rewrite")
_WORD = re.compile(r"[A-Za-z][a-z]{3,}")
_SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "ra",
    "ten",
    "vo",
    "shi",
    "an",
    "del",
    "gu",
    "pa",
    "rin",
    "so",
    "mar",
    "el",
    "ti",
    "bo",
    "zan",
]


@dataclass(frozen=True, slots=True)
class SynthArticle:
    name: str
    """File name, unique in the corpus."""
    text: str
    story: int
    kind: str
    """One of ``KINDS``."""


def _seed_sentences() -> list[str]:
    sentences = []
    for path in sorted(seeds_dir().glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if len(line.split()) < 8 or "date" in line[:6]:
                continue
            for sentence in line.split(". "):
                sentence = sentence.strip()
                if len(sentence.split()) >= 6:
                    sentences.append(sentence if sentence[-1] in '.?!"”' else sentence + ".")
    return sentences


class SynthCorpus:
    """Generator of stories x versions from the seeds' sentences and vocabulary."""

    def __init__(self, seed: int = 0) -> None:
        self.rng = random.Random(seed)
        self.sentences = _seed_sentences()
        common = sorted({w.lower() for s in self.sentences for w in _WORD.findall(s)})
        self.common = common
        """The seeds' own words: what a rewrite swaps in, like a thesaurus would."""
        # Real news has a vocabulary of hundreds of thousands of words; recombining the seeds'
        # word halves ("diplo" + "tary") gives stories enough distinct words to be different.
        rng = self.rng
        invented = {
            rng.choice(common)[: rng.randint(3, 5)] + rng.choice(common)[-rng.randint(3, 5) :]
            for _ in range(40_000)
        }
        self.vocabulary = sorted(invented | set(common))

    def _name(self) -> str:
        rng = self.rng
        return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()

    def _story_base(self) -> list[str]:
        rng = self.rng
        mapping: dict[str, str] = {}
        names = [self._name() for _ in range(4)]
        figures = [str(rng.randint(2, 9999)) for _ in range(3)]

        def remap(match: re.Match[str]) -> str:
            word = match.group()
            key = word.lower()
            if key not in mapping:
                mapping[key] = rng.choice(self.vocabulary)
            new = mapping[key]
            return new.capitalize() if word[0].isupper() else new

        start = rng.randrange(len(self.sentences))
        count = rng.randint(10, 18)
        base = []
        for n in range(count):
            sentence = _WORD.sub(remap, self.sentences[(start + n * 7) % len(self.sentences)])
            # Every few sentences carry the story's own names and figures, as real reports do.
            if n % 3 == 0:
                sentence = f"{rng.choice(names)} {rng.choice(names)} said {rng.choice(figures)} {sentence[0].lower()}{sentence[1:]}"
            base.append(sentence)
        return base

    def _update(self, base: list[str]) -> list[str]:
        rng = self.rng
        version = list(base)
        edit = rng.choice(("add", "remove", "change"))
        position = rng.randrange(len(version))
        if edit == "add":
            version.insert(position, rng.choice(self.sentences))
        elif edit == "remove" and len(version) > 3:
            del version[position]
        else:
            words = version[position].split()
            words[rng.randrange(len(words))] = rng.choice(self.common)
            version[position] = " ".join(words)
        return version

    def _rewrite(self, base: list[str]) -> list[str]:
        rng = self.rng
        kept = [s for s in base if rng.random() > 0.2] or base[:1]
        for n in range(len(kept) - 1):
            if rng.random() < 0.3:
                kept[n], kept[n + 1] = kept[n + 1], kept[n]

        def swap(match: re.Match[str]) -> str:
            return rng.choice(self.common) if rng.random() < 0.33 else match.group()

        return [_WORD.sub(swap, s) for s in kept]

    def generate(
        self, stories: int, versions: int, rewrite_share: float = 0.25
    ) -> list[SynthArticle]:
        """``stories`` x ``versions`` articles: a base, then updates and rewrites of it."""
        articles = []
        for story in range(stories):
            base = self._story_base()
            for version in range(versions):
                if version == 0:
                    kind, body = "base", base
                elif self.rng.random() < rewrite_share:
                    kind, body = "rewrite", self._rewrite(base)
                else:
                    kind, body = "update", self._update(base)
                name = f"s{story:06d}_v{version:03d}.txt"
                articles.append(SynthArticle(name, "\n\n".join(body) + "\n", story, kind))
        return articles


def generate(stories: int, versions: int, seed: int = 0) -> list[SynthArticle]:
    return SynthCorpus(seed).generate(stories, versions)


def write_corpus(directory: Path, articles: list[SynthArticle]) -> dict[str, int]:
    """Write one ``.txt`` per article under ``directory``; returns file name -> story label."""
    directory.mkdir(parents=True, exist_ok=True)
    for article in articles:
        (directory / article.name).write_text(article.text, encoding="utf-8")
    return {a.name: a.story for a in articles}
