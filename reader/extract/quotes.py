"""Direct quotations: where they are, and who said them.

``find_quotes(text)`` scans the display text once with a regex for quotation marks, pairs them
paragraph by paragraph, and hands each quote to :mod:`reader.extract.attribution` for its speaker.

What counts as a quote:

- double marks in every common form: ``"``, ``“ ”``, ``„``, ``« »`` and the typewriter pair
  ``''`` / ````;
- single-mark quotes (``‘…’``, ``'…'``) when they are not nested in a double-quoted passage
  (nested ones belong to the outer quote);
- a closing mark typed as an opening one (``… we are. “``), a space before the closing mark, and
  an opening mark typed as a closing one at a paragraph start (``”Mr. Trump …``) are repaired;
- a quote runs over a paragraph break only by news convention (the next paragraph opens with a
  quotation mark: each paragraph becomes one quote, the later ones ``continued_from`` the first)
  or when the next paragraph's first mark can only be a closing one. Otherwise an unclosed quote
  ends at its paragraph's end and is flagged ``unbalanced``: it never swallows the article.

Not quotes: marks inside markup tags (``<tweet author="…">``), nicknames (``Robert C. "Bobby"
Scott``) and title-case names of works after a possessive or "titled" (``CBS's "Face the Nation"``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.extract import attribution
from reader.extract.attribution import CUE_PATTERN, CUE_VERBS, is_title_case
from reader.text.tokens import words

__all__ = ["Quote", "find_quotes", "quote_words"]


@dataclass(frozen=True, slots=True)
class Quote:
    """One quoted passage, with offsets into the text it was found in."""

    start: int
    end: int
    """Span of the quotation including its marks; an unbalanced quote ends at its paragraph end."""
    text: str
    content_start: int
    content_end: int
    """The quoted words without the marks and surrounding spaces."""
    speaker: str | None
    """Full name as written where the article gives it, or a descriptor ("the White House")."""
    speaker_start: int | None
    speaker_end: int | None
    """Span of the fullest mention of the speaker that the attribution resolved to."""
    cue: str | None
    """The attribution cue: "said", "told", "according to", "wrote", "―" (a dash credit) …"""
    partial: bool
    """A fragment embedded in the writer's sentence (scare or partial quote)."""
    unbalanced: bool
    """The mark was never closed; the quote was ended at its paragraph end."""
    continued_from: int | None
    """Index of the quote whose speaker this one continues (same paragraph or the next)."""
    mention_start: int | None = None
    mention_end: int | None = None
    """The mention the attribution found next to this quote (may be a pronoun or a surname)."""

    @property
    def content(self) -> str:
        """The quoted words (``text`` without marks); needs no source text."""
        return self.text[self.content_start - self.start : self.content_end - self.start]


def quote_words(quote: Quote, text: str | None = None) -> list[str]:
    """The folded words of a quote's content: the key for matching a quote across versions."""
    source = text[quote.content_start : quote.content_end] if text is not None else quote.content
    return words(source)


# --------------------------------------------------------------------------- marks

_PARAGRAPH_RE = re.compile(r"[^\n\r\u2028\u2029]+")
# What may follow a quote's closing mark to the end of its line: a short attribution with a cue
# verb ("Obama said.", "said Rep. Nick Rahall, who chairs the committee.").
_ATTRIBUTION_TAIL_RE = re.compile(
    rf"\s*(?:[^\s.!?]+\s+){{0,6}}?{CUE_PATTERN}[^\n]{{0,120}}?[.!?]?\s*"
)
_DOUBLE_MARK_RE = re.compile("''|``|[\"\u201c\u201d\u201e\u201f\u00ab\u00bb]")
# A single-mark quote: an opening mark at a word start, then anything up to the first closing
# mark that ends a word (apostrophes inside words, "don't", "Trump's", are skipped over).
_SINGLE_QUOTE_RE = re.compile(
    "(?<![\\w'\u2018\u2019])[\u2018'](?=[^\\W_])"
    "(?:[^\n\u2018\u2019']|['\u2019](?=[^\\W_]))"
    "{1,400}?(?<=\\S)[\u2019'](?![\\w'])"
)
_TAG_RE = re.compile(r"<[A-Za-z/][^<>\n]*>")

_OPEN_CURLY = "\u201c\u201e\u201f\u00ab"
_CLOSE_CURLY = "\u201d\u00bb"
_QUOTE_CHARS = "\"'`\u201c\u201d\u201e\u201f\u00ab\u00bb\u2018\u2019"
# Characters after which a mark opens rather than closes.
_OPENING_CONTEXT = "([{/\u2014\u2013-" + _QUOTE_CHARS
# Characters that may follow a closing mark.
_CLOSING_FOLLOW = ".,;:!?)]}\u2026\u2014\u2013-" + _QUOTE_CHARS


def _mark_roles(text: str, pos: int, end: int, para_start: int, para_end: int) -> tuple[bool, bool]:
    """(can_open, can_close) for the quotation mark at ``text[pos:end]`` from its neighbours."""
    mark = text[pos]
    before = text[pos - 1] if pos > para_start else " "
    after = text[end] if end < para_end else " "
    before_space = before.isspace() or before in _OPENING_CONTEXT
    after_space = after.isspace()
    if mark in _OPEN_CURLY:
        # An opening mark followed by a space, punctuation or the paragraph end is a closer typed
        # the wrong way round ("... we are. “").
        can_open = not (end >= para_end or after in _CLOSING_FOLLOW)
        return can_open, not after.isalnum()
    if mark in _CLOSE_CURLY:
        # A closing mark glued to the next word at a paragraph or word start opens ("”Mr. Trump").
        return before_space and after.isalnum(), True
    # Straight marks and typewriter pairs: decide by which side touches a word.
    left = before_space and not after_space
    right = not before.isspace() and (after_space or after in _CLOSING_FOLLOW)
    if left and not right:
        return True, False
    if right and not left:
        return False, True
    return True, True


@dataclass(slots=True)
class _RawQuote:
    start: int
    end: int
    content_start: int
    content_end: int
    paragraph: int
    unbalanced: bool = False
    continues_previous_paragraph: bool = False
    open_at_paragraph_end: bool = False
    resumes_after_attribution: bool = False
    """The second half of a quote its attribution splits ('"X," Obama said, "and Y."')."""


def _content_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _starts_with_opening_mark(text: str, para_start: int, para_end: int) -> bool:
    first = _DOUBLE_MARK_RE.match(text, para_start, para_end)
    if first is None:
        return False
    return _mark_roles(text, first.start(), first.end(), para_start, para_end)[0]


def _first_mark_closes_only(text: str, para_start: int, para_end: int) -> bool:
    first = _DOUBLE_MARK_RE.search(text, para_start, para_end)
    if first is None:
        return False
    can_open, can_close = _mark_roles(text, first.start(), first.end(), para_start, para_end)
    if can_close and not can_open:
        return True
    if _DOUBLE_MARK_RE.search(text, first.end(), para_end) is not None:
        return False
    return _closes_before_attribution(text, first.start(), first.end(), para_start, para_end)


def _closes_before_attribution(
    text: str, pos: int, end: int, para_start: int, para_end: int
) -> bool:
    """A paragraph's last mark, written like an opening one, that closes a quote.

    Tokenised text puts spaces around marks ('"The man is petrified, "Judge Vincent DelGiudice
    said.'); a mark right after a clause-ending comma or stop and followed by nothing but an
    attribution to the end of its paragraph can only close.
    """
    before = text[para_start:pos].rstrip()
    return before.endswith((",", ".", "?", "!")) and bool(
        _ATTRIBUTION_TAIL_RE.fullmatch(text, end, para_end)
    )


def _closes_before_attribution_at(
    text: str, marks: list[tuple[int, int]], number: int, para_start: int, para_end: int
) -> bool:
    """Whether mark ``number``, written like an opening one, closes the open quote: it is the
    paragraph's last mark and only an attribution follows, or an attribution alone stands
    between it and an opening mark that resumes the quote ('"We can grow our economy today,
    "Obama said, "and preserve the environment."')."""
    pos, end = marks[number]
    if number == len(marks) - 1:
        return _closes_before_attribution(text, pos, end, para_start, para_end)
    next_pos, next_end = marks[number + 1]
    return _mark_roles(text, next_pos, next_end, para_start, para_end)[0] and (
        _closes_before_attribution(text, pos, end, para_start, next_pos)
    )


def _is_curly(mark: str) -> bool:
    return mark in _OPEN_CURLY or mark in _CLOSE_CURLY


def _mixed_style_pairs(
    text: str, marks: list[tuple[int, int]], para_start: int, para_end: int
) -> list[tuple[int, int, int, int]] | None:
    """The top-level quotes of a paragraph that uses both straight and curly marks, pairing
    each style with itself: ``"… read you the question: “As you know …” Forty-three."`` is one
    quote holding another. An opening mark of one style that is never closed while the other
    style pairs cleanly inside it (``"Trump walked on, chanting “U-S-A!”``: a scraper's block
    mark) is dropped and the inner quotes stand alone. ``None`` when the marks do not nest
    cleanly: the caller pairs them regardless of style."""
    stack: list[tuple[int, int, bool]] = []
    pairs: list[tuple[int, int, int, int, int]] = []  # open, open end, close, close end, depth
    for pos, end in marks:
        can_open, can_close = _mark_roles(text, pos, end, para_start, para_end)
        curly = _is_curly(text[pos])
        if stack and stack[-1][2] == curly and can_close:
            open_pos, open_end, _ = stack.pop()
            pairs.append((open_pos, open_end, pos, end, len(stack)))
        elif can_open:
            stack.append((pos, end, curly))
        else:
            return None
    if not stack:
        depth = 0
    elif len(stack) == 1 and stack[0][0] == marks[0][0] and pairs:
        depth = 1
    else:
        return None
    return [(a, b, c, d) for a, b, c, d, level in pairs if level == depth]


def _double_quotes(
    text: str, paragraphs: list[tuple[int, int]], tags: list[tuple[int, int]]
) -> list[_RawQuote]:
    quotes: list[_RawQuote] = []
    carried: _RawQuote | None = None  # a quote still open across a paragraph break
    for index, (para_start, para_end) in enumerate(paragraphs):
        marks = [m.span() for m in _DOUBLE_MARK_RE.finditer(text, para_start, para_end)]
        if tags:
            marks = [(pos, end) for pos, end in marks if not any(a <= pos < b for a, b in tags)]
        if carried is None and len(marks) > 2:
            styles = {_is_curly(text[pos]) for pos, _ in marks}
            mixed = (
                _mixed_style_pairs(text, marks, para_start, para_end) if len(styles) == 2 else None
            )
            if mixed is not None:
                for open_pos, open_end, close_pos, close_end in sorted(mixed):
                    cs, ce = _content_bounds(text, open_end, close_pos)
                    quotes.append(_RawQuote(open_pos, close_end, cs, ce, index))
                continue
        open_at: int | None = None
        open_mark_end = 0
        if carried is not None:
            open_at, open_mark_end = para_start, para_start
        for number, (pos, end) in enumerate(marks):
            # (A quote carried here closes at this paragraph's first mark: its roles, or the
            # attribution after it, say so, as they did when it was carried.)
            can_open, can_close = _mark_roles(text, pos, end, para_start, para_end)
            if open_at is not None and not can_close:
                can_close = _closes_before_attribution_at(text, marks, number, para_start, para_end)
            if open_at is None:
                if can_open:
                    open_at, open_mark_end = pos, end
                continue
            if can_close:
                if carried is not None:
                    carried.end = end
                    carried.content_end = _content_bounds(text, carried.content_start, pos)[1]
                    carried = None
                else:
                    cs, ce = _content_bounds(text, open_mark_end, pos)
                    quotes.append(_RawQuote(open_at, end, cs, ce, index))
                open_at = None
                continue
            # An opening-only mark while a quote is open: the earlier one was never closed.
            if carried is not None:
                carried.unbalanced = True
                carried = None
            else:
                cs, ce = _content_bounds(text, open_mark_end, pos)
                quotes.append(_RawQuote(open_at, ce, cs, ce, index, unbalanced=True))
            open_at, open_mark_end = pos, end
        if open_at is None or carried is not None and open_at == para_start:
            if carried is not None:
                # A carried quote with no closing mark in this paragraph either.
                carried.unbalanced = True
                carried = None
            continue
        cs, ce = _content_bounds(text, open_mark_end, para_end)
        raw = _RawQuote(open_at, ce, cs, ce, index)
        quotes.append(raw)
        following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
        if following is not None and _starts_with_opening_mark(text, *following):
            raw.open_at_paragraph_end = True  # news convention: the next paragraph goes on
        elif following is not None and _first_mark_closes_only(text, *following):
            carried = raw  # the text closes it in the next paragraph
        else:
            raw.unbalanced = True
    return quotes


def _single_quotes(
    text: str, paragraphs: list[tuple[int, int]], doubles: list[_RawQuote]
) -> list[_RawQuote]:
    quotes = []
    double_index = 0
    for index, (para_start, para_end) in enumerate(paragraphs):
        for match in _SINGLE_QUOTE_RE.finditer(text, para_start, para_end):
            start, end = match.span()
            while double_index < len(doubles) and doubles[double_index].end <= start:
                double_index += 1
            # Nested in a double-quoted passage: part of that quote, not a quote of its own.
            if double_index < len(doubles) and doubles[double_index].start < end:
                continue
            cs, ce = _content_bounds(text, start + 1, end - 1)
            quotes.append(_RawQuote(start, end, cs, ce, index))
    return quotes


_NICKNAME_BEFORE_RE = re.compile(r"(?:^|\s)(?:[A-Z]\.|[A-Z][a-z]+)\s$")
_NICKNAME_AFTER_RE = re.compile(r"\s[A-Z][a-z]")
_WORK_TITLE_BEFORE_RE = re.compile(
    r"(?:['\u2019]s|\b(?:titled|entitled|book|show|program|programme|film|movie|documentary"
    r"|series|column|op-ed|song|album|headline|newsletter|podcast|slogan|hashtag|anthem|novel"
    r"|memoir|(?:episode|broadcast|edition|clip|preview|trailer|chapter|season)\s+of))\s*$"
)
_WORK_TITLE_AFTER_RE = re.compile(
    r"\s*(?:radio\s+|television\s+|TV\s+)?(?:show|program|programme|podcast|segment|series|documentary)\b"
)
_WORD_RE = re.compile(r"[A-Za-z]+")


def _in_heading(text: str, raw: _RawQuote, content: str) -> bool:
    """A quote in a short line with no sentence punctuation and no cue verb is part of a
    (sub)heading ("Not just ‘blah blah blah’"), which quotes nobody by itself."""
    line_start = text.rfind("\n", 0, raw.start) + 1
    line_end = text.find("\n", raw.end)
    line_end = len(text) if line_end == -1 else line_end
    if line_end - line_start > 80 or text[raw.end : line_end].strip():
        return False
    if content[-1:] in ".!?,;:\u2026" or text[line_start : raw.start].rstrip()[-1:] in ":,":
        return False
    return not any(w.lower() in CUE_VERBS for w in _WORD_RE.findall(text, line_start, raw.start))


def _not_a_quote(text: str, raw: _RawQuote) -> bool:
    """Nicknames and names of works use quotation marks but quote nobody."""
    content = text[raw.content_start : raw.content_end]
    if not content or not any(ch.isalnum() for ch in content):
        return True
    before = text[max(0, raw.start - 40) : raw.start]
    if (
        " " not in content
        and content[:1].isupper()
        and _NICKNAME_BEFORE_RE.search(before)
        and _NICKNAME_AFTER_RE.match(text, raw.end)
    ):
        return True
    if _in_heading(text, raw, content):
        return True
    if not is_title_case(content):
        return False
    if _WORK_TITLE_BEFORE_RE.search(before) or _WORK_TITLE_AFTER_RE.match(text, raw.end):
        return True
    # A title-case line standing alone is a subheading ("'All Bets Are Off.'"), not a quotation.
    line_start = text.rfind("\n", 0, raw.start) + 1
    line_end = text.find("\n", raw.end)
    line_end = len(text) if line_end == -1 else line_end
    return not text[line_start : raw.start].strip() and not text[raw.end : line_end].strip(" .")


_BOUNDARY_CHARS = ".!?:;,\u2014\u2013-(\u2026" + _QUOTE_CHARS


def _is_partial(text: str, raw: _RawQuote, para_start: int) -> bool:
    """A fragment inside the writer's sentence rather than a quoted sentence of its own."""
    if raw.continues_previous_paragraph or raw.resumes_after_attribution:
        return False
    first = text[raw.content_start : raw.content_start + 1]
    if first.islower():
        return True
    before = text[para_start : raw.start].rstrip()
    if not before:
        return False
    return before[-1] not in _BOUNDARY_CHARS


# --------------------------------------------------------------------------- public


def find_quotes(text: str) -> list[Quote]:
    """Every quoted passage in ``text``, in text order, with its speaker where the text gives one."""
    if not text or not isinstance(text, str):
        return []
    paragraphs = [m.span() for m in _PARAGRAPH_RE.finditer(text)]
    tags = [m.span() for m in _TAG_RE.finditer(text)] if "<" in text else []
    doubles = _double_quotes(text, paragraphs, tags)
    raws = doubles + _single_quotes(text, paragraphs, doubles)
    raws.sort(key=lambda r: r.start)
    raws = [r for r in raws if not _not_a_quote(text, r)]
    for previous, current in zip(raws, raws[1:], strict=False):
        if previous.open_at_paragraph_end and current.paragraph == previous.paragraph + 1:
            current.continues_previous_paragraph = True
        if (
            current.paragraph == previous.paragraph
            and text[previous.end : current.start].rstrip().endswith(",")
            and _ATTRIBUTION_TAIL_RE.fullmatch(text, previous.end, current.start)
        ):
            current.resumes_after_attribution = True
    quotes = [
        Quote(
            start=r.start,
            end=r.end,
            text=text[r.start : r.end],
            content_start=r.content_start,
            content_end=r.content_end,
            speaker=None,
            speaker_start=None,
            speaker_end=None,
            cue=None,
            partial=_is_partial(text, r, paragraphs[r.paragraph][0]),
            unbalanced=r.unbalanced,
            continued_from=None,
        )
        for r in raws
    ]
    return attribution.attribute(
        text,
        quotes,
        paragraphs,
        [r.paragraph for r in raws],
        [r.continues_previous_paragraph for r in raws],
    )
