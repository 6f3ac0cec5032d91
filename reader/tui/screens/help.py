"""The keys help: every binding of the screen underneath, generated from the bindings themselves."""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.widgets import Input, Static


def _pane_name(node: object) -> str:
    if isinstance(node, App):
        return "Everywhere"
    if isinstance(node, Screen):
        # LibraryScreen -> "Library": the screen's name as the README and the footer use it.
        name = type(node).__name__.removesuffix("Screen")
        return name or "This screen"
    if isinstance(node, Widget):
        return str(getattr(node, "PANE_NAME", "") or type(node).__name__)
    return type(node).__name__


def binding_sections(screen: Screen) -> list[tuple[str, list[tuple[str, str]]]]:
    """(section, [(keys, description)]) for the screen's active keys, then its other panes' keys.

    Keys of one action are merged ("j / down"); bindings without a description are left out
    (they are internal); system bindings (copy, quit) are kept because people look for them.
    """
    app = screen.app
    sections: dict[str, dict[str, list[str]]] = {}
    seen_nodes: list[object] = []

    def add(section: str, bindings: Iterable[tuple[str, Binding]]) -> None:
        actions = sections.setdefault(section, {})
        for _key, binding in bindings:
            if not binding.description:
                continue
            label = binding.key_display or app.get_key_display(binding)
            keys = actions.setdefault(binding.description, [])
            if label not in keys:
                keys.append(label)

    active = screen.active_bindings
    by_node: dict[int, tuple[object, list[tuple[str, Binding]]]] = {}
    for key, active_binding in active.items():
        entry = by_node.setdefault(id(active_binding.node), (active_binding.node, []))
        entry[1].append((key, active_binding.binding))
    # The focused pane first, then the screen, the other panes, and the app's keys last: the
    # order people reach for them.
    ordered = sorted(
        (e for e in by_node.values() if e[0] is not app),
        key=lambda e: isinstance(e[0], Screen),
    )
    for node, bindings in ordered:
        seen_nodes.append(node)
        add(_pane_name(node), bindings)
    for widget in screen.query("*"):
        if widget in seen_nodes or not widget.can_focus or not type(widget).BINDINGS:
            continue
        if isinstance(widget, Input):
            continue  # a text field's editing keys are everyone's; listed, they bury the app's
        if widget.display is False:
            continue
        own = [(b.key, b) for b in Binding.make_bindings(type(widget).BINDINGS)]
        add(_pane_name(widget), own)
    for node, bindings in by_node.values():
        if node is app:
            add(_pane_name(node), bindings)
    return [
        (section, [(" / ".join(keys), description) for description, keys in actions.items()])
        for section, actions in sections.items()
        if actions
    ]


Section = tuple[str, list[tuple[str, str]]]


def _two_columns(sections: list[Section]) -> list[list[Section]]:
    """Split sections, in order, into two columns whose taller one is as short as possible."""
    heights = [len(rows) + 2 for _, rows in sections]  # the title and the gap above it
    if len(sections) < 2:
        return [sections]
    best = min(
        range(1, len(sections)),
        key=lambda k: (max(sum(heights[:k]), sum(heights[k:])), k),
    )
    return [sections[:best], sections[best:]]


class HelpScreen(ModalScreen[None]):
    """A modal listing the keys of the screen it was opened from."""

    BINDINGS = [
        Binding("escape,q,question_mark", "close", "Close help", id="help.close"),
    ]

    def __init__(self, sections: list[tuple[str, list[tuple[str, str]]]]) -> None:
        super().__init__()
        self._sections = sections

    def compose(self) -> ComposeResult:
        with Vertical(id="help-dialog") as dialog:
            dialog.border_title = "Keys"
            dialog.border_subtitle = "esc to close"
            with VerticalScroll(id="help-body"), Horizontal(id="help-columns"):
                # Two columns of sections, balanced by height, so a small terminal shows them all.
                for column in _two_columns(self._sections):
                    with Vertical(classes="help-column"):
                        for section, rows in column:
                            yield Static(Content(section), classes="help-section")
                            width = max(len(keys) for keys, _ in rows)
                            lines = [
                                Content.assemble(
                                    (keys.ljust(width), "bold $text-accent"), "  ", description
                                )
                                for keys, description in rows
                            ]
                            yield Static(Content("\n").join(lines), classes="help-keys")

    def on_mount(self) -> None:
        self.call_after_refresh(self._say_if_more)

    def _say_if_more(self) -> None:
        body = self.query_one("#help-body", VerticalScroll)
        if body.max_scroll_y > 0:
            self.query_one("#help-dialog").border_subtitle = "↓ more · esc to close"

    def action_close(self) -> None:
        self.dismiss(None)
