"""Where notes stand in the loaded corpus: each note's article, story and anchor as they are now.

The exports and the app's Notes screen place notes through here, so both find a note's article
the same way (by id, else by the path it was made on: ids can differ between loads), re-anchor it
in the article's current text, and list a note whose passage is gone as orphaned (never dropped).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from reader.model import Article, Story
from reader.notes.anchor import Anchor, anchor_all
from reader.notes.store import Note


@dataclass(frozen=True)
class NoteContext:
    """The loaded articles and stories, indexed for placing notes."""

    articles: dict[str, Article]
    stories: dict[str, Story]
    story_of_article: dict[str, str]
    articles_by_path: dict[str, Article]
    story_rank: dict[str, int]
    """Story id -> its place in the corpus order."""
    article_rank: dict[str, int]
    """Article id -> its place among the versions of its story."""

    @classmethod
    def build(
        cls,
        articles: Iterable[Article] | Mapping[str, Article],
        stories: Iterable[Story] | Mapping[str, Story],
    ) -> NoteContext:
        article_list = list(articles.values()) if isinstance(articles, Mapping) else list(articles)
        story_list = list(stories.values()) if isinstance(stories, Mapping) else list(stories)
        story_of: dict[str, str] = {}
        article_rank: dict[str, int] = {}
        for story in story_list:
            for rank, article_id in enumerate(story.article_ids):
                story_of.setdefault(article_id, story.id)
                article_rank.setdefault(article_id, rank)
        by_path: dict[str, Article] = {}
        for article in article_list:
            by_path.setdefault(article.path, article)
        stories_by_id = {s.id: s for s in story_list}
        return cls(
            {a.id: a for a in article_list},
            stories_by_id,
            story_of,
            by_path,
            {story_id: rank for rank, story_id in enumerate(stories_by_id)},
            article_rank,
        )

    def article_for(self, note: Note) -> Article | None:
        """The loaded article a note is on: by id, else by path (ids can differ between loads)."""
        found = self.articles.get(note.article_id)
        if found is None and note.article_path:
            found = self.articles_by_path.get(note.article_path)
        return found

    def story_id(self, note: Note, article: Article | None = None) -> str | None:
        """The note's story: the one it was made in if loaded, else its article's (``article``:
        the note's loaded article, when the caller has looked it up already)."""
        if note.story_id and note.story_id in self.stories:
            return note.story_id
        if article is None:
            article = self.article_for(note)
        article_id = article.id if article is not None else note.article_id
        return self.story_of_article.get(article_id, note.story_id)


@dataclass(frozen=True, slots=True)
class PlacedNote:
    """One note where it stands now."""

    note: Note
    article: Article | None
    """The loaded article it is on (None: not in this corpus)."""
    where: Anchor | None
    passage: str
    """The text the note covers now (its stored quote when orphaned or not loaded)."""


@dataclass(frozen=True, slots=True)
class NoteGroup:
    """The notes of one article in one story: loaded ones under their story, others under
    their stored path."""

    story: Story | None
    """The loaded story (None for an article that is not loaded or in no story)."""
    story_id: str | None
    """The story's id, also when the story is not loaded (the one a note was made in)."""
    article: Article | None
    source: str
    """The stored path (else id) the notes were made on, for an article that is not loaded."""
    entries: tuple[PlacedNote, ...]


def group_notes(notes: Iterable[Note], context: NoteContext) -> list[NoteGroup]:
    """Notes by story (corpus order), article (story order), then place in the text (orphaned
    ones last, as ``anchor_all`` gives them); articles in no story after the stories, articles
    not loaded last, by their stored story and path."""
    unranked = len(context.story_rank)
    keyed: dict[tuple[object, ...], tuple[str | None, Article | None, str, list[Note]]] = {}
    for note in notes:
        article = context.article_for(note)
        story_id = context.story_id(note, article)
        rank = context.story_rank.get(story_id or "", unranked)
        source = note.article_path or note.article_id
        if article is None:
            key: tuple[object, ...] = (1, rank, story_id or "", source)
        else:
            key = (0, rank, context.article_rank.get(article.id, 0), article.id, story_id or "")
        keyed.setdefault(key, (story_id, article, source, []))[3].append(note)
    groups = []
    for _, (story_id, article, source, grouped) in sorted(keyed.items(), key=lambda kv: kv[0]):
        if article is None:
            entries = [PlacedNote(n, None, None, n.quote.exact) for n in grouped]
        else:
            entries = [
                PlacedNote(n, article, where, _passage(n, article, where))
                for n, where in anchor_all(grouped, article)
            ]
        story = context.stories.get(story_id or "") if article is not None else None
        groups.append(NoteGroup(story, story_id, article, source, tuple(entries)))
    return groups


def _passage(note: Note, article: Article, where: Anchor) -> str:
    if where.start is None or where.end is None:
        return note.quote.exact
    return article.text[where.start : where.end]
