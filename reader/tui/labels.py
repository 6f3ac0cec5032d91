"""Human names for versions: what the story list, compare header and details call an article.

Many versions have no outlet (a copy scraped from a blog, a machine translation) and some have
no title either; their file id ("000_0a79532c2183a85b") means nothing to a reader. The name
falls back from the outlet to the title to the opening words of the text, with the short id
(the part before the hash, which the command line also accepts) so the two can be matched.
"""

from __future__ import annotations

import re

from reader.model import Article
from reader.text.shorten import clip

__all__ = ["short_id", "short_name", "version_name"]

_HASHED_ID = re.compile(r"^(.+?)_[0-9a-f]{8,}$")
_OPENING_WORDS = 6


def short_id(article_id: str) -> str:
    """``000_0a79532c2183a85b`` -> ``000``; ids without a hash suffix are kept whole."""
    match = _HASHED_ID.match(article_id)
    return match.group(1) if match else article_id


def _opening(text: str) -> str:
    words = text.split()
    if not words:
        return ""
    opening = " ".join(words[:_OPENING_WORDS])
    return f"“{opening}…”" if len(words) > _OPENING_WORDS else f"“{opening}”"


def version_name(article: Article) -> str:
    """The outlet, else the title, else the short id and the opening words of the text."""
    if article.outlet:
        return " ".join(article.outlet.split())
    if article.title:
        return " ".join(article.title.split())
    opening = _opening(article.text)
    ident = short_id(article.id)
    return f"{ident} {opening}" if opening else ident


def short_name(article: Article, limit: int = 32) -> str:
    """A name short enough to cite inside a sentence ("verbatim in …")."""
    if article.outlet:
        return clip(article.outlet, limit)
    if article.title:
        return clip(article.title, limit)
    return short_id(article.id)
