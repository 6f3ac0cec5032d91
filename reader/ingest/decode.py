"""Bytes to clean text: encodings, binary detection, terminal control characters.

Article text is untrusted. Every string that enters reader passes through ``strip_controls`` so
no escape sequence can reach the terminal, whatever renders it later.
"""

from __future__ import annotations

import codecs
import json
import os
import re
from typing import Any


class NotText(ValueError):
    """The bytes are not a text document (the message says why, for the skip report)."""


# ESC-introduced sequences first (CSI, OSC, DCS/SOS/PM/APC with their terminators, two-byte
# escapes), so their parameters do not survive as visible junk; then any remaining C0 control but
# tab and newline, DEL, and the C1 range, including the 8-bit CSI. Bidi embeddings, overrides and
# isolates go too: they can make a terminal show text in an order other than the one stored (the
# "Trojan Source" trick), so a quote could read differently from what a diff compares. So do
# zero-width spaces and stray byte-order marks, invisible characters that split a word in two.
# Zero-width joiners stay (emoji and Persian need them), as do the LRM/RLM marks.
_ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI ... final
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC ... BEL or ST
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS, SOS, PM, APC ... ST
    r"|\x1b[ -/]*[0-~]?"  # other escapes (charset selection, RIS, ...)
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
    r"|\x9d[^\x07\x9c]*[\x07\x9c]?"  # 8-bit OSC
)
# Invisible characters that reorder or split what a terminal shows: bidi embeddings, overrides
# and isolates, zero-width spaces, byte-order marks.
_INVISIBLE = r"\u200b\u202a-\u202e\u2066-\u2069\ufeff"
_CONTROL_CHARS = re.compile(rf"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f{_INVISIBLE}]")
# Unicode line and paragraph separators: lines, as the rest of the engine knows them.
_LINE_SEPARATORS = str.maketrans({"\u2028": "\n", "\u2029": "\n\n"})


def strip_controls(text: str) -> str:
    """Remove terminal control sequences and characters; keep newlines and tabs.

    Carriage returns become newlines first, so ``\\r\\n`` and old Mac line ends survive as lines.
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\u2028" in text or "\u2029" in text:
        text = text.translate(_LINE_SEPARATORS)
    if "\x1b" in text or "\x9b" in text or "\x9d" in text:
        text = _ESCAPE_SEQUENCE.sub("", text)
    return _CONTROL_CHARS.sub("", text)


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Bytes that are control characters in every single-byte encoding we fall back to; a document
# with many of them is binary, not legacy text.
_BINARY_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode a document, returning ``(text, encoding)``; raise ``NotText`` for binary data.

    Order: a byte-order mark decides; else strict UTF-8; else cp1252 (a superset of latin-1's
    printable range that Windows text actually uses), with latin-1 for the five bytes cp1252
    leaves undefined.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding.replace("-sig", "")
            except UnicodeDecodeError as exc:
                raise NotText(f"invalid {encoding} after a byte-order mark") from exc
    sample = data[:65536]
    if b"\x00" in sample:
        raise NotText("binary file (contains NUL bytes)")
    control_bytes = len(_BINARY_BYTES.findall(sample))
    # A few stray controls (a BEL, an escape sequence's bytes) are dirty text, cleaned later;
    # many of them are data.
    if control_bytes > 16 and control_bytes > len(sample) * 0.05:
        raise NotText("binary file (control bytes)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


# In a name every control character, invisible one and line separator is escaped, not removed:
# the name must still say which file it was.
_NAME_CONTROLS = re.compile(rf"[\x00-\x1f\x7f-\x9f{_INVISIBLE}\u2028\u2029]")


def display_path(path: str | os.PathLike[str]) -> str:
    """A file path as text that is safe to print and store.

    File names are untrusted too: bytes that are not UTF-8 (a name from an old archive, which
    Python holds as lone surrogates that no output or database accepts), control characters
    (an escape sequence in a downloaded file's name) and bidi overrides or line separators
    (which reorder or break what is printed) become visible backslash escapes.
    """
    raw = os.fspath(path)
    try:
        text = raw.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # surrogates that did not come from a file system name
        text = raw.encode("utf-8", "backslashreplace").decode("utf-8")
    return _NAME_CONTROLS.sub(_escaped, text)


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def parse_json(text: str, *, with_line: bool = False) -> Any:
    """``json.loads``, with every way the parser refuses a document as one ``ValueError`` whose
    message fits a skip report: a syntax error, a number past Python's digit limit, nesting past
    the recursion limit."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"{exc.msg} at line {exc.lineno}" if with_line else exc.msg) from None
    except RecursionError:
        raise ValueError("nested too deeply") from None
    except ValueError:
        raise ValueError("a number too long to read") from None
