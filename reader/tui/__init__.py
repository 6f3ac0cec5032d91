"""The terminal app (Textual). The engine never imports this package."""
