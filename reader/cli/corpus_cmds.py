"""``reader list``, ``reader stories`` and ``reader show``: what a corpus holds."""

from __future__ import annotations

import argparse
from typing import Any

from rich import box
from rich.table import Table
from rich.text import Text

from reader.cli.common import (
    add_corpus_options,
    add_json_option,
    console,
    corpus_for_refs,
    find_article,
    load_corpus_from_args,
    print_json,
)
from reader.corpus import Corpus
from reader.model import Article, Skipped, Story
from reader.text.counts import counted


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("list", help="list the articles of a corpus")
    add_corpus_options(p)
    add_json_option(p)
    p.set_defaults(func=cmd_list)

    p = subparsers.add_parser(
        "stories", help="group the articles into stories (versions of the same story)"
    )
    add_corpus_options(p)
    add_json_option(p)
    p.set_defaults(func=cmd_stories)

    p = subparsers.add_parser("show", help="show one article's clean text and metadata")
    p.add_argument("ref", metavar="ID|PATH", help="article id (or unique prefix) or file path")
    p.add_argument(
        "--boilerplate", action="store_true", help="also show the lines set aside as boilerplate"
    )
    add_corpus_options(p, positional=False)
    add_json_option(p)
    p.set_defaults(func=cmd_show)


def article_summary(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "path": article.path,
        "title": article.title,
        "outlet": article.outlet,
        "date": article.date,
    }


def skipped_json(skipped: list[Skipped]) -> list[dict[str, str]]:
    return [{"path": s.path, "reason": s.reason} for s in skipped]


def story_json(corpus: Corpus, story: Story) -> dict[str, Any]:
    return {
        "id": story.id,
        "title": story.title,
        "articles": [article_summary(corpus.article(i)) for i in story.article_ids],
        "pairs": [
            {"a": p.a, "b": p.b, "similarity": round(p.similarity, 4), "relation": p.relation}
            for p in story.pairs
        ],
    }


def _print_skipped(skipped: list[Skipped]) -> None:
    if not skipped:
        return
    console.print(Text(f"\nSkipped {counted(len(skipped), 'file')}:", style="bold yellow"))
    for s in skipped:
        console.print(Text.assemble("  ", (s.path, "yellow"), ": ", s.reason))


def cmd_list(args: argparse.Namespace) -> int:
    corpus = load_corpus_from_args(args, group=False)
    if args.json:
        print_json(
            {
                "articles": [{**article_summary(a), "words": a.words} for a in corpus.articles],
                "skipped": skipped_json(corpus.skipped),
            }
        )
        return 0
    table = Table(
        box=box.SIMPLE_HEAD, title=counted(len(corpus.articles), "article"), title_justify="left"
    )
    # Columns get fixed widths and cells are cut to fit: a news title must not wrap a row into
    # a paragraph, and rich drops whole columns when no-wrap cells overflow.
    narrow = console.width < 110
    id_width = min(14 if narrow else 28, max((len(a.id) for a in corpus.articles), default=2))
    outlet_width = 14 if narrow else 24
    title_width = max(12, console.width - id_width - outlet_width - 10 - 5 - 18)
    widths = {"id": id_width, "outlet": outlet_width, "date": 10, "words": 5, "title": title_width}
    for name, width in widths.items():
        table.add_column(
            name,
            width=width,
            no_wrap=True,
            justify="right" if name == "words" else "left",
            style="cyan" if name == "id" else None,
        )

    def cell(value: str, width: int) -> Text:
        text = Text(value)
        text.truncate(width, overflow="ellipsis")
        return text

    for a in corpus.articles:
        table.add_row(
            cell(a.id, id_width),
            cell(a.outlet or "—", outlet_width),
            Text(a.date or "—"),
            str(a.words),
            cell(a.title or _lede(a), title_width),
        )
    console.print(table)
    _print_skipped(corpus.skipped)
    return 0


def _lede(article: Article, words: int = 12) -> str:
    first = article.text.split()[:words]
    return " ".join(first) + (" …" if len(article.text.split()) > words else "")


def cmd_stories(args: argparse.Namespace) -> int:
    corpus = load_corpus_from_args(args)
    if args.json:
        print_json(
            {
                "stories": [story_json(corpus, s) for s in corpus.stories],
                "skipped": skipped_json(corpus.skipped),
            }
        )
        return 0
    multi = [s for s in corpus.stories if len(s.article_ids) > 1]
    console.print(
        Text(
            f"{counted(len(corpus.stories), 'story')} from {counted(len(corpus.articles), 'article')}"
            f" ({len(multi):,} with several versions)",
            style="bold",
        )
    )
    for story in corpus.stories:
        console.print()
        console.print(
            Text.assemble(
                (story.id, "cyan"),
                "  ",
                (story.title, "bold"),
                f"  ({counted(len(story.article_ids), 'version')})",
            ),
            no_wrap=True,
            overflow="ellipsis",
        )
        closest = max(story.pairs, key=lambda p: p.similarity, default=None)
        rows = []
        for article_id in story.article_ids:
            a = corpus.article(article_id)
            similarity = story.similarity(story.base, a.id)
            if a.id == story.base:
                likeness = "base"
            elif similarity is None:  # every grouped version is scored with the base; a story
                likeness = "–"  # built otherwise (an old cache) must still print
            else:
                likeness = f"{similarity:.0%} like the base"
            rows.append(
                (
                    "  • " + a.id,
                    a.outlet or "unknown outlet",
                    a.date or "undated",
                    counted(a.words, "word"),
                    likeness,
                )
            )
        # One row per version at any width: only the outlet gives way, cut with an ellipsis.
        others = sum(max(len(row[column]) for row in rows) for column in (0, 2, 3, 4))
        outlet_width = max(8, min(max(len(row[1]) for row in rows), console.width - others - 8))
        versions = Table.grid(padding=(0, 2), pad_edge=False)
        for column, style in enumerate(("cyan", "dim", "dim", "dim", "")):
            versions.add_column(
                no_wrap=True,
                style=style,
                overflow="ellipsis",
                justify="right" if column == 3 else "left",
                width=outlet_width if column == 1 else None,
            )
        for row in rows:
            versions.add_row(*map(Text, row))  # outlets and ids are the articles' text, no markup
        console.print(versions)
        if closest is not None:
            console.print(
                Text(
                    f"  closest pair: {closest.a} ~ {closest.b} ({closest.similarity:.0%}, {closest.relation or 'related'})",
                    style="green",
                )
            )
    _print_skipped(corpus.skipped)
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    corpus = corpus_for_refs(args, [args.ref], group=False)
    article = find_article(corpus, args.ref)
    if args.json:
        print_json(
            {
                **article_summary(article),
                "url": article.url,
                "text": article.text,
                "boilerplate": list(article.boilerplate),
            }
        )
        return 0
    console.print(Text(article.title or article.id, style="bold"))
    meta = " · ".join(x for x in (article.outlet, article.date, article.url, article.path) if x)
    console.print(Text(meta, style="dim"))
    console.print()
    console.print(Text(article.text))
    if args.boilerplate:
        console.print()
        console.print(
            Text(
                f"Boilerplate set aside ({counted(len(article.boilerplate), 'line')}):",
                style="bold yellow",
            )
        )
        for line in article.boilerplate:
            console.print(Text.assemble("  │ ", (line, "yellow")))
    return 0
