"""``reader quotes``, ``reader dates`` and ``reader numbers``: what each version says, and where
the versions of a story disagree (quote groups and conflicts come from the cross-version ledger)."""

from __future__ import annotations

import argparse
import dataclasses
import re
from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from rich import box
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.table import Table
from rich.text import Text

from reader.cli.common import (
    CliError,
    add_corpus_options,
    add_json_option,
    console,
    corpus_for_refs,
    find_article,
    load_corpus_from_args,
    print_json,
)
from reader.corpus import Corpus
from reader.model import Article
from reader.text.counts import counted, plural

if TYPE_CHECKING:
    from reader.extract.article import Extraction
    from reader.extract.ledger import Conflict, Ledger, QuoteGroup

STATUS_STYLES = {
    "verbatim": "green",
    "altered": "yellow",
    "unquoted": "magenta",
    "missing": "red",
}

# The --json fields of each kind of mention, in output order (after the article's id).
QUOTE_FIELDS = ("text", "start", "end", "content_start", "content_end", "speaker", "cue", "partial")
DATE_FIELDS = ("text", "start", "end", "type", "value", "resolved", "mod")
NUMBER_FIELDS = ("text", "start", "end", "value", "unit", "kind", "approx")


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "quotes", help="direct quotes, their speakers, and how each fares across versions"
    )
    _common_options(p)
    p.set_defaults(func=cmd_quotes)

    p = subparsers.add_parser(
        "dates", help="dates, normalised, and the dates versions of a story disagree on"
    )
    _common_options(p)
    p.add_argument(
        "--dct",
        metavar="YYYY-MM-DD",
        help="reference date for relative dates (overrides every article's own date)",
    )
    p.set_defaults(func=cmd_dates)

    p = subparsers.add_parser(
        "numbers", help="counts, money, percentages and measures, and where versions disagree"
    )
    _common_options(p)
    p.set_defaults(func=cmd_numbers)


def _common_options(parser: argparse.ArgumentParser) -> None:
    add_corpus_options(parser)
    parser.add_argument(
        "-a",
        "--article",
        action="append",
        default=[],
        metavar="ID",
        help="only this article (id, unique id prefix or path; repeatable)",
    )
    add_json_option(parser)


# --------------------------------------------------------------------------- shared


def _parse_dct(value: str | None) -> str | None:
    if value is None:
        return None
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        raise CliError(f"--dct must be a date as YYYY-MM-DD, not '{value}'")
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise CliError(f"--dct is not a valid calendar date: '{value}'") from None


def _selection(args: argparse.Namespace) -> tuple[Corpus, list[Article]]:
    if not args.article:
        corpus = load_corpus_from_args(args)
        return corpus, list(corpus.articles)
    # ``-a PATH`` without a corpus reads that file, as ``reader show PATH`` does.
    corpus = corpus_for_refs(args, args.article)
    chosen = [find_article(corpus, ref) for ref in args.article]
    return corpus, list({a.id: a for a in chosen}.values())


def _ledgers(corpus: Corpus, articles: list[Article], dct: str | None) -> list[Ledger]:
    """One ledger per story holding a selected article and more than one version."""
    from reader.extract.ledger import build_ledger  # noqa: PLC0415  (see _gather)

    wanted = {a.id for a in articles}
    ledgers = []
    seen: set[str] = set()
    for article in articles:
        try:
            story = corpus.story_of(article.id)
        except KeyError:
            continue
        if story.id in seen or len(story.article_ids) < 2:
            continue
        seen.add(story.id)
        versions = [corpus.article(i) for i in story.article_ids]
        ledger = build_ledger(versions, dct=dct)
        ledgers.append(_restrict(ledger, wanted) if len(wanted) < len(corpus.articles) else ledger)
    return ledgers


def _restrict(ledger: Ledger, wanted: set[str]) -> Ledger:
    """Only the groups and conflicts that involve a selected article."""
    return dataclasses.replace(
        ledger,
        groups=tuple(g for g in ledger.groups if wanted & set(g.articles)),
        date_conflicts=tuple(
            c for c in ledger.date_conflicts if wanted & {v.article for v in c.values}
        ),
        number_conflicts=tuple(
            c for c in ledger.number_conflicts if wanted & {v.article for v in c.values}
        ),
    )


def _gather(
    args: argparse.Namespace, dct: str | None
) -> tuple[list[tuple[Article, Extraction]], list[Ledger]]:
    """The selected articles with their extractions, and their stories' ledgers.

    The ledgers are built first and their extractions reused: ``extract_article``'s cache holds
    only the most recent articles, so extracting the selection before the ledgers did every
    article twice on a corpus larger than the cache."""
    # The engine is imported on first use: compiling its grammars costs ~0.14 s, which
    # `reader list` and the other commands need not pay.
    from reader.extract.article import extract_article  # noqa: PLC0415

    corpus, articles = _selection(args)
    ledgers = _ledgers(corpus, articles, dct)
    known = {aid: e for ledger in ledgers for aid, e in ledger.extractions.items()}
    extractions = [(a, known[a.id] if a.id in known else extract_article(a, dct)) for a in articles]
    return extractions, ledgers


def _header(article: Article, count: int, noun: str) -> Text:
    line = Text()
    line.append(article.id, "bold cyan")
    label = article.label if article.label != article.id else ""
    if label:
        line.append(f"  {label}", "dim")
    line.append(f"  {counted(count, noun)}")
    return line


def _print_conflicts(conflicts: list[Conflict], title: str) -> None:
    if not conflicts:
        console.print(Text(f"\nNo {plural(title)} between versions.", style="dim"))
        return
    console.print(Text(f"\n{counted(len(conflicts), title)}:", style="bold red"))
    for conflict in conflicts:
        console.print(Text.assemble("  about ", (conflict.about or "—", "bold")))
        # A version saying the same thing twice is one line; a date no other version agrees
        # with is marked as the odd one.
        mentions: dict[tuple[str, str, str], int] = {}
        for mention in conflict.values:
            key = (mention.article, mention.text, mention.value)
            mentions[key] = mentions.get(key, 0) + 1
        for (article, text, value), times in mentions.items():
            odd = conflict.kind == "date" and conflict.stands_alone(article, value)
            said = conflict.reading(value)
            console.print(
                Text.assemble(
                    ("  ≠ " if odd else "    ", "bold red"),
                    (article, "cyan"),
                    "  ",
                    (text, "yellow"),
                    "  → ",
                    (value, "bold"),
                    # A number, or a year, reads as its value: say it once.
                    ("  " + said if said != value else "", "dim"),
                    (f"  ({times} mentions)" if times > 1 else "", "dim"),
                )
            )


def _mentions_json(
    extractions: list[tuple[Article, Extraction]],
    get: Callable[[Extraction], Sequence[object]],
    fields: tuple[str, ...],
) -> list[dict[str, Any]]:
    """One object per mention: its article's id, then ``fields`` in this order."""
    return [
        {"article": article.id, **{name: getattr(mention, name) for name in fields}}
        for article, extraction in extractions
        for mention in get(extraction)
    ]


# --------------------------------------------------------------------------- quotes


def cmd_quotes(args: argparse.Namespace) -> int:
    extractions, ledgers = _gather(args, None)
    groups = [g for ledger in ledgers for g in ledger.groups]
    if args.json:
        print_json(
            {
                "quotes": _mentions_json(extractions, lambda e: e.quotes, QUOTE_FIELDS),
                "groups": [g.to_json() for g in groups],
            }
        )
        return 0
    for article, extraction in extractions:
        console.print(_header(article, len(extraction.quotes), "quote"))
        if not extraction.quotes:
            continue
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
        table.add_column("#", justify="right", style="dim", no_wrap=True)
        table.add_column("speaker", style="cyan", ratio=1)
        table.add_column("cue", style="dim", no_wrap=True)
        table.add_column("quote", ratio=3)
        for number, quote in enumerate(extraction.quotes, start=1):
            table.add_row(
                str(number),
                Text(quote.speaker or "—"),
                Text(quote.cue or ""),
                Text(quote.text, style="italic" if quote.partial else ""),
            )
        console.print(table)
    shared = [g for g in groups if len(g.members) > 1]
    if ledgers:
        console.print(
            Text(f"\n{counted(len(shared), 'quote')} found in more than one version:", style="bold")
        )
        for group in shared:
            _print_group(group)
    return 0


def _print_group(group: QuoteGroup) -> None:
    head = Text("\n  ")
    head.append(", ".join(group.speakers) or "unattributed", "cyan")
    if group.reattributed:
        head.append("  (attributed differently across versions)", "bold red")
    console.print(head)
    for member in group.members:
        line = Text("    ")
        line.append(f"{member.status:<9}", STATUS_STYLES.get(member.status, ""))
        line.append(f" {member.article}  ", "cyan")
        line.append(member.text)
        console.print(line)
    for article_id in group.missing:
        console.print(
            Text.assemble("    ", (f"{'missing':<9}", STATUS_STYLES["missing"]), f" {article_id}")
        )


# --------------------------------------------------------------------------- dates


def cmd_dates(args: argparse.Namespace) -> int:

    dct = _parse_dct(args.dct)
    extractions, ledgers = _gather(args, dct)
    conflicts = [c for ledger in ledgers for c in ledger.date_conflicts]
    if args.json:
        print_json(
            {
                "dates": _mentions_json(extractions, lambda e: e.dates, DATE_FIELDS),
                "conflicts": [c.to_json() for c in conflicts],
            }
        )
        return 0
    for article, extraction in extractions:
        console.print(_header(article, len(extraction.dates), "date"))
        if extraction.dct is None:
            console.print(Text("  no article date: relative dates stay unresolved", style="dim"))
        if not extraction.dates:
            continue
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
        table.add_column("value", no_wrap=True)
        table.add_column("reading", no_wrap=True)
        table.add_column("type", no_wrap=True)
        table.add_column("in context")  # takes the width the other columns leave
        for mention in extraction.dates:
            table.add_row(
                Text(mention.value, style="bold" if mention.resolved else "dim"),
                Text(extraction.reading(mention)),
                Text(mention.type, style="dim"),
                _InContext(article.text, mention.start, mention.end),
            )
        console.print(table)
    if ledgers:
        _print_conflicts(conflicts, "date conflict")
    return 0


# --------------------------------------------------------------------------- numbers


def cmd_numbers(args: argparse.Namespace) -> int:
    extractions, ledgers = _gather(args, None)
    conflicts = [c for ledger in ledgers for c in ledger.number_conflicts]
    if args.json:
        print_json(
            {
                "numbers": _mentions_json(extractions, lambda e: e.numbers, NUMBER_FIELDS),
                "conflicts": [c.to_json() for c in conflicts],
            }
        )
        return 0
    for article, extraction in extractions:
        console.print(_header(article, len(extraction.numbers), "number"))
        if not extraction.numbers:
            continue
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
        for name in ("text", "kind", "value", "unit"):
            table.add_column(name, no_wrap=True, justify="right" if name == "value" else "left")
        for mention in extraction.numbers:
            value = f"{mention.value:,.6g}" if mention.value < 1e6 else f"{mention.value:,.0f}"
            table.add_row(
                Text(mention.text, style="yellow"),
                Text(mention.kind, style="dim"),
                Text(("≈ " if mention.approx else "") + value),
                Text(mention.unit or "—"),
            )
        console.print(table)
    if ledgers:
        _print_conflicts(conflicts, "number conflict")
    return 0


class _InContext:
    """A mention highlighted in one line of its context, cut to the width its column gets."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text, self.start, self.end = text, start, end

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        line = _context(self.text, self.start, self.end, options.max_width)
        line.no_wrap, line.overflow = True, "ellipsis"  # a mention wider than its column
        yield line


def _context(text: str, start: int, end: int, room: int) -> Text:
    """One line of the words around a mention, the mention highlighted, ``room`` cells at most
    (a wide character takes two): whole words, one from each side in turn while they fit, and
    "…" where the text goes on. Never parsed as markup."""
    mention = " ".join(text[start:end].split())
    # Twice the room each side holds more words than can show; a window that stops short of
    # the text's ends may cut a word, which is dropped.
    window_start, window_end = max(0, start - room * 2), min(len(text), end + room * 2)
    before = text[window_start:start].split()
    after = text[end:window_end].split()
    if window_start > 0 and before:
        before.pop(0)
    if window_end < len(text) and after:
        after.pop()
    # A word touching the mention ("(January 10)") is shown touching it.
    left_gap = " " if text[start - 1 : start].isspace() else ""
    right_gap = " " if text[end : end + 1].isspace() else ""

    def sides(left_count: int, right_count: int) -> tuple[str, str]:
        shown_left = before[len(before) - left_count :] if left_count else []
        shown_right = after[:right_count]
        left = " ".join(shown_left) + left_gap if shown_left else ""
        right = right_gap + " ".join(shown_right) if shown_right else ""
        if left_count < len(before) or window_start > 0:
            left = "… " + left if left else "…"
        if right_count < len(after) or window_end < len(text):
            right = right + "…"
        return left, right

    counts = [0, 0]
    turn = 1  # the words after the mention first: what follows a date tells most about it
    for _ in range(len(before) + len(after)):
        for side in (turn, 1 - turn):
            if counts[side] < (len(after) if side else len(before)):
                trial = counts.copy()
                trial[side] += 1
                left, right = sides(*trial)
                if cell_len(left + mention + right) <= room:
                    counts = trial
                    turn = 1 - side
                    break
        else:
            break
    left, right = sides(*counts)
    return Text.assemble(left, (mention, "bold yellow"), right)
