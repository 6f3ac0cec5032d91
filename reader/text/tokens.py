"""Tokenisation and the normalised comparison form.

Display text keeps quote and dash characters as written; comparisons use a folded form in which
curly quotes, primes and guillemets become straight quotes, every dash becomes ``-``, odd spaces
become a plain space, and letters are lower-cased. The folding is one character for one
character, so an offset into the folded form is an offset into the display text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_FOLD_SOURCES = {
    "'": "\u2018\u2019\u201a\u201b\u2032\u2035`\u00b4",
    '"': "\u201c\u201d\u201e\u201f\u2033\u2036\u00ab\u00bb\u2039\u203a",
    "-": "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d",
    " ": "\u00a0\u2007\u202f\u2009\u200a\u2002\u2003\u2004\u2005\u2006\u2008\u205f\u3000",
}
_FOLD_TABLE = {ord(ch): target for target, sources in _FOLD_SOURCES.items() for ch in sources}

QUOTE_CHARS = "\"'" + _FOLD_SOURCES['"'] + _FOLD_SOURCES["'"]
"""Every character that may open or close a quotation."""


def fold(text: str) -> str:
    """The comparison form of ``text``: same length, quotes/dashes/spaces folded, lower case.

    ``str.lower`` can change length for a few characters (``İ``), so those are folded one by one.
    """
    folded = text.translate(_FOLD_TABLE).lower()
    if len(folded) == len(text):
        return folded
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text.translate(_FOLD_TABLE))


# A word is letters/digits with inner apostrophes, hyphens, dots or commas between digits
# ("1,000", "2.5", "don't", "anti-tank"); anything else that is not space is one punctuation token.
TOKEN_RE = re.compile(
    r"\d+(?:[.,:/]\d+)*(?:['\u2019]s)?"
    r"|[^\W\d_]+(?:['\u2019\-\u2010\u2011][^\W\d_]+)*"
    r"|\w+"
    r"|[^\w\s]",
)
WORD_RE = re.compile(r"\w+(?:['\u2019]\w+)*")


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str
    norm: str

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalnum()


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]`` with offsets into ``text`` and their folded form."""
    stop = len(text) if end is None else end
    folded = fold(text[start:stop])
    tokens = []
    for m in TOKEN_RE.finditer(text, start, stop):
        s, e = m.span()
        tokens.append(Token(s, e, m.group(), folded[s - start : e - start]))
    return tokens


def words(text: str) -> list[str]:
    """Folded word tokens only (no punctuation): the fast path for fingerprints and scoring."""
    return WORD_RE.findall(fold(text))
