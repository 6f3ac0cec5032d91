"""``reader diff A B`` (two versions side by side) and ``reader diff --story ID`` (survival table)."""

from __future__ import annotations

import argparse

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
from reader.corpus import ArticleNotFound
from reader.diff import align, survival
from reader.diff.render import render_side_by_side, render_survival, render_unified


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "diff",
        help="compare two versions sentence by sentence, or follow a story's sentences across versions",
        description="Compare version A with version B: aligned sentences side by side, word edits "
        "highlighted, moved sentences marked. With --story, show which sentences of the base "
        "version survive in each other version.",
    )
    p.add_argument(
        "refs", nargs="*", metavar="A B", help="two article ids (or unique prefixes) or file paths"
    )
    p.add_argument(
        "--story", metavar="ID", help="a story id (or an article of it): the survival table"
    )
    p.add_argument(
        "--base", metavar="ID", help="with --story: the base version (default: the story's first)"
    )
    p.add_argument(
        "--unified", action="store_true", help="one column, edits inline, instead of side by side"
    )
    p.add_argument("--changes", action="store_true", help="show only the sentences that differ")
    add_corpus_options(p, positional=False)
    add_json_option(p)
    p.set_defaults(func=cmd_diff)


def cmd_diff(args: argparse.Namespace) -> int:
    if args.story:
        if args.refs:
            raise CliError("give either two versions (A B) or --story, not both")
        return _story(args)
    if args.base:
        raise CliError("--base goes with --story")
    if len(args.refs) != 2:
        raise CliError(f"diff needs two versions (A B), got {len(args.refs)}")
    corpus = corpus_for_refs(args, args.refs, group=False)
    a, b = (find_article(corpus, ref) for ref in args.refs)
    if a.id == b.id:
        # A diff of an article with itself says nothing, and a typo is the likely cause.
        raise CliError(f"A and B are the same article ({a.id}); give two versions")
    alignment = align(a, b)
    if args.json:
        print_json(alignment.to_json())
        return 0
    render = render_unified if args.unified else render_side_by_side
    console.print(render(alignment, _label(a), _label(b), changes_only=args.changes))
    return 0


def _label(article) -> str:  # noqa: ANN001 - an Article
    return f"{article.id} ({article.label})" if article.label != article.id else article.id


def _story(args: argparse.Namespace) -> int:
    corpus = load_corpus_from_args(args)
    try:
        story = corpus.story(args.story)
    except ArticleNotFound as exc:
        raise CliError(str(exc)) from None
    articles = [corpus.article(i) for i in story.article_ids]
    base_id = story.base
    if args.base:
        base_id = find_article(corpus, args.base).id
        if base_id not in story.article_ids:
            raise CliError(f"'{args.base}' is not a version of story {story.id}")
    result = survival(articles, base_id)
    if args.json:
        print_json({"story": story.id, **result.to_json()})
        return 0
    labels = {a.id: _label(a) for a in articles}
    console.print(render_survival(result, labels))
    return 0
