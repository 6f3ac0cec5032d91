"""reader: compare versions of the same news story.

The engine (everything outside ``reader.tui`` and ``reader.cli``) never imports Textual.
"""

__version__ = "0.1.0"
