"""The app's widgets: the story list, the reading pane, the detail pane and the status line."""

from reader.tui.widgets.article_view import ArticleView
from reader.tui.widgets.detail_pane import DetailPane
from reader.tui.widgets.status import ReaderFooter, StatusLine
from reader.tui.widgets.story_list import StoryList

__all__ = ["ArticleView", "DetailPane", "ReaderFooter", "StatusLine", "StoryList"]
