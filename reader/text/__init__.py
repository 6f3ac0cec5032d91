"""Text model: tokens, the normalised comparison form, sentences and paragraphs."""
