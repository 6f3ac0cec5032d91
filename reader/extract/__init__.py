"""Extraction engines: direct quotes and their speakers, dates, numbers, and the cross-version ledger."""
