"""The Library: stories and versions on the left, the chosen version in the centre, details on the right."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, Input
from textual.worker import get_current_worker

from reader.corpus import Corpus
from reader.model import Article, Story
from reader.text.counts import counted
from reader.tui.extraction import Marks, article_marks
from reader.tui.labels import version_name
from reader.tui.notes_actions import notes_of
from reader.tui.widgets import ArticleView, DetailPane, ReaderFooter, StatusLine, StoryList


class LibraryScreen(Screen[None]):
    """The start screen: browse the corpus, read a version, see what the engine found in it."""

    AUTO_FOCUS = "StoryList"

    BINDINGS = [
        Binding(
            "slash",
            "filter",
            "Filter",
            tooltip="Filter stories by title, outlet or id",
            id="library.filter",
        ),
        Binding("escape", "clear_filter", "Clear filter", show=False, id="library.clear-filter"),
        Binding(
            "c",
            "compare",
            "Compare",
            tooltip="Compare with the closest other version",
            id="library.compare",
        ),
        Binding(
            "b",
            "toggle_boilerplate",
            "Boilerplate",
            show=False,
            tooltip="Show or hide the lines set aside as boilerplate",
            id="library.boilerplate",
        ),
        Binding(
            "d",
            "toggle_detail",
            "Details",
            tooltip="Go to the details (quotes, dates, numbers, disagreements); again to hide them",
            id="library.details",
        ),
        Binding(
            "e",
            "export_notes",
            "Export notes",
            show=False,
            tooltip="Write the notes as Markdown, JSON or CSV",
            id="library.export-notes",
        ),
        Binding("q", "quit", "Quit", id="library.quit"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.corpus: Corpus | None = None
        self.marks: Marks | None = None
        self._pending: Corpus | None = None
        self._mounted = False
        self._narrow: bool | None = None
        """The layout mode of the last resize (crossing the breakpoint resets the details)."""

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="panes"):
            with Vertical(id="left"):
                yield Input(
                    placeholder="filter: title, outlet or id",
                    id="filter",
                    select_on_focus=False,
                    compact=True,
                )
                yield StoryList(id="stories")
            yield ArticleView(id="article")
            yield DetailPane(id="detail")
        yield StatusLine(id="status")
        yield ReaderFooter()

    def on_mount(self) -> None:
        left = self.query_one("#left", Vertical)
        left.border_title = "Stories"
        self.detail_pane.show(None)
        self._mounted = True
        notes_of(self.app).changed.subscribe(self, self._on_notes_changed, immediate=True)
        if self._pending is not None:
            self.set_corpus(self._pending)

    def on_resize(self) -> None:
        self._sync_layout_mode()

    def on_screen_resume(self) -> None:
        self._sync_layout_mode()  # the terminal may have been resized under another screen

    def _sync_layout_mode(self) -> None:
        """Crossing the breakpoint starts the new mode at its default (text, details beside if
        wide): a choice made for one layout means nothing in the other."""
        narrow = self.has_class("-narrow")
        if self._narrow is not None and narrow != self._narrow:
            self.remove_class("-details-hidden", "-details-shown")
        self._narrow = narrow

    def _details_shown(self) -> bool:
        """Wide, the details stand beside the text unless hidden (``-details-hidden``); narrow,
        they are away unless shown in the text's place (``-details-shown``)."""
        if self.has_class("-narrow"):
            return self.has_class("-details-shown")
        return not self.has_class("-details-hidden")

    def _show_details(self, shown: bool) -> None:
        if self.has_class("-narrow"):
            self.set_class(shown, "-details-shown")
        else:
            self.set_class(not shown, "-details-hidden")

    # ------------------------------------------------------------------ parts

    @property
    def story_list(self) -> StoryList:
        return self.query_one(StoryList)

    @property
    def article_view(self) -> ArticleView:
        return self.query_one(ArticleView)

    @property
    def detail_pane(self) -> DetailPane:
        return self.query_one(DetailPane)

    @property
    def status(self) -> StatusLine:
        return self.query_one(StatusLine)

    @property
    def current_article(self) -> Article | None:
        return self.article_view.article

    @property
    def current_story(self) -> Story | None:
        article = self.current_article
        if article is None or self.corpus is None:
            return None
        try:
            return self.corpus.story_of(article.id)
        except KeyError:
            return None

    # ------------------------------------------------------------------ loading

    def show_progress(self, stage: str, done: int, total: int) -> None:
        self.status.progress(stage, done, total)

    def show_error(self, message: str) -> None:
        self.status.done_loading()
        self.status.show(
            Content.assemble(("Could not load the corpus: ", "bold $text-error"), message)
        )
        self.story_list.empty_message = "Nothing to show."
        self.story_list.refresh()

    def set_corpus(self, corpus: Corpus) -> None:
        if not self._mounted:
            self._pending = corpus  # a corpus handed in ready-made can arrive before the panes
            return
        self._pending = None
        self.corpus = corpus
        self.status.done_loading()
        stories = len(corpus.stories)
        versions = len(corpus.articles)
        summary = f"{counted(versions, 'version')} in {counted(stories, 'story')}"
        if corpus.skipped:
            summary += f" · {counted(len(corpus.skipped), 'file')} skipped"
        self.status.show(summary)
        self.app.sub_title = f"{self.app.sub_title.split(' · ')[0]} · {summary}"
        self.story_list.set_corpus(corpus)
        self._count_stories()

    def open_article(self, article_id: str, *, focus: bool = True) -> None:
        """Show a version (from the palette or elsewhere): list cursor, text and details."""
        self.story_list.move_to_article(article_id)  # clears a filter that hides it
        self._count_stories()
        self._show(article_id)
        if focus:
            self.article_view.focus()

    def _show(self, article_id: str) -> None:
        if self.corpus is None:
            return
        current = self.current_article
        if current is not None and current.id == article_id:
            return
        try:
            article = self.corpus.article(article_id)
        except KeyError:
            return
        self.marks = None
        self.article_view.show_article(article)
        self._paint_notes()
        self.detail_pane.show(None, pending=True)
        self._extract(article)

    @work(thread=True, exclusive=True, group="marks", exit_on_error=False)
    def _extract(self, article: Article) -> None:
        versions: list[Article] = []
        if self.corpus is not None:
            try:
                story = self.corpus.story_of(article.id)
                versions = [self.corpus.article(i) for i in story.article_ids]
            except KeyError:
                versions = []
        marks = article_marks(article, versions)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._apply_marks, article.id, marks)

    def _apply_marks(self, article_id: str, marks: Marks) -> None:
        article = self.current_article
        if article is None or article.id != article_id:
            return  # the user has moved on; these marks belong to another version
        self.marks = marks
        self.article_view.set_marks(marks.quotes, marks.dates)
        self.detail_pane.show(marks, article_id=article_id)

    # ------------------------------------------------------------------ notes

    def _paint_notes(self) -> None:
        article = self.current_article
        if article is not None:
            self.article_view.set_notes(notes_of(self.app).spans(article))

    def _on_notes_changed(self, article_id: str) -> None:
        article = self.current_article
        if article is not None and article.id == article_id:
            self._paint_notes()

    @on(ArticleView.NoteRequested)
    def _on_note_requested(self, event: ArticleView.NoteRequested) -> None:
        article = self.current_article
        if article is None:
            return
        story = self.current_story
        notes_of(self.app).request(
            event.action,
            article,
            event.span,
            story_id=story.id if story is not None else None,
            where=version_name(article),
        )

    @on(DetailPane.Pin)
    def _on_pin(self, event: DetailPane.Pin) -> None:
        article = self.current_article
        if article is None:
            return
        story = self.current_story
        note = notes_of(self.app).pin(
            article, event.span, event.payload, story_id=story.id if story else None
        )
        if note is not None:
            self.notify("Pinned as a note (N lists your notes).", timeout=3)

    def action_export_notes(self) -> None:
        from reader.tui.screens.export_dialog import ExportDialog  # noqa: PLC0415

        self.app.push_screen(ExportDialog(notes_of(self.app), self.corpus))

    # ------------------------------------------------------------------ events

    @on(StoryList.ArticleHighlighted)
    def _on_highlighted(self, event: StoryList.ArticleHighlighted) -> None:
        if event.article_id:
            self._show(event.article_id)

    @on(StoryList.ArticleSelected)
    def _on_selected(self, event: StoryList.ArticleSelected) -> None:
        self._show(event.article_id)
        if self.has_class("-narrow"):
            self._show_details(False)  # the text is what was asked for
        self.article_view.focus()

    @on(DetailPane.Jump)
    def _on_jump(self, event: DetailPane.Jump) -> None:
        if self.has_class("-narrow"):
            self._show_details(False)  # narrow: the text takes the details' place again
        self.article_view.jump_to(event.span.start, event.span.end)
        self.article_view.focus()

    @on(ArticleView.CursorMoved)
    def _on_cursor(self, event: ArticleView.CursorMoved) -> None:
        view = self.article_view
        if view.article is None or event.sentence is None:
            return
        parts: list[str | tuple[str, str] | Content] = [
            f"Sentence {event.sentence + 1:,} of {view.sentence_count:,}"
        ]
        quote = view.quote_at_cursor()
        if quote is not None:
            speaker = quote.speaker or "no speaker found"
            parts += [
                "  ·  quote: ",
                (speaker, "bold"),
                (f" ({quote.cue})" if quote.cue else "", ""),
            ]
        self.status.show(Content.assemble(*parts))

    @on(Input.Changed, "#filter")
    def _on_filter_changed(self, event: Input.Changed) -> None:
        self.story_list.filter_text = event.value
        self._count_stories()

    def _count_stories(self) -> None:
        """The list's border counts the stories, those the filter leaves out of all of them."""
        corpus = self.corpus
        if corpus is None:
            return
        total = len(corpus.stories)
        shown = self.story_list.shown_stories
        left = self.query_one("#left", Vertical)
        if self.story_list.filter_text.strip():
            left.border_subtitle = f"{shown} of {counted(total, 'story')}"
        else:
            left.border_subtitle = counted(total, "story")

    @on(Input.Submitted, "#filter")
    def _on_filter_submitted(self, event: Input.Submitted) -> None:
        if not event.value:
            self.remove_class("-filtering")
        self.story_list.focus()

    # ------------------------------------------------------------------ actions

    def action_filter(self) -> None:
        self.add_class("-filtering")
        self.query_one("#filter", Input).focus()

    def action_clear_filter(self) -> None:
        filter_input = self.query_one("#filter", Input)
        if filter_input.value or self.has_class("-filtering"):
            filter_input.value = ""
            self.story_list.filter_text = ""
            self._count_stories()
            self.remove_class("-filtering")
            self.story_list.focus()

    def action_toggle_boilerplate(self) -> None:
        view = self.article_view
        view.show_boilerplate = not view.show_boilerplate
        self.notify(
            "Showing the lines set aside as boilerplate"
            if view.show_boilerplate
            else "Boilerplate hidden",
            timeout=2,
        )

    def action_toggle_detail(self) -> None:
        """Go to the details (showing them if hidden); from the details, put them away."""
        if self._details_shown() and self.detail_pane.has_focus:
            self._show_details(False)
            self.article_view.focus()
            return
        self._show_details(True)
        self.detail_pane.focus()

    def action_compare(self) -> None:
        article = self.current_article
        story = self.current_story
        if article is None or story is None or self.corpus is None:
            self.notify("Choose a version first.", severity="warning", timeout=3)
            return
        other = story.closest(article.id)
        if other is None:
            self.notify(
                "This story has only one version: nothing to compare.",
                severity="warning",
                timeout=3,
            )
            return
        # Imported on first use: the Library opens without loading the diff view.
        from reader.tui.screens.compare import CompareScreen  # noqa: PLC0415

        order = {article_id: n for n, article_id in enumerate(story.article_ids)}
        left, right = sorted((article.id, other), key=lambda i: order.get(i, 0))
        self.app.push_screen(CompareScreen(self.corpus, story, left, right))

    def action_quit(self) -> None:
        self.app.exit()
