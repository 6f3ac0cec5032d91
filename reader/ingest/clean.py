"""From a document's text to its clean body: headers, title, boilerplate set aside, paragraphs.

Nothing is dropped silently: every line that is not part of the body ends up in ``title``,
``date`` or ``boilerplate``, so ``reader show --boilerplate`` can show it all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.ingest import metadata

# Whole lines of site chrome, credits and notices. Matched against a stripped line, so a sentence
# of the story that merely contains these words is never taken.
_BOILERPLATE_LINES = re.compile(
    r"""^(?:
        press\s+["“]?enter["”]?\s+to\s+skip\s+to\s+content\.?
      | skip\s+to\s+(?:main\s+)?content
      | jump\s+to\s+(?:main\s+)?(?:content|navigation)
      | source\s+link
      | comments\s+are\s+closed\.?
      | (?:\d+\s+)?comments?
      | no\s+comments(?:\s+yet)?\.?
      | leave\s+a\s+(?:comment|reply)
      | (?:copyright|\(c\)|©).{0,400}
      | all\s+rights\s+reserved\.?
      | this\s+(?:article|story|material|piece|report)\s+(?:was|is|has\s+been)\s+(?:originally\s+)?(?:published|reprinted|republished|first\s+published|produced).{0,300}
      | this\s+material\s+may\s+not\s+be\s+published.{0,300}
      | reprinted\s+with\s+permission.{0,200}
      | \(?reporting\s+by\s+.{0,200}(?:editing|writing)\s+by\s+.{0,200}\)?
      | share\s+(?:this|on\s+\w+)(?:\s+\w+){0,3}:?
      | click\s+to\s+share.{0,80}
      | (?:tweet|email|print|whatsapp|facebook|twitter|linkedin|reddit|pinterest|share)(?:\s*[|·,]\s*(?:tweet|email|print|whatsapp|facebook|twitter|linkedin|reddit|pinterest|share))*
      | advertisement|sponsored(?:\s+content)?
      | related(?:\s+(?:articles?|stories|posts|coverage))?:?
      | (?:read|see)\s+(?:more|also)\b.{0,120}
      | recommended(?:\s+for\s+you)?:?
      | sign\s+up\s+.{0,120}newsletter.{0,80}
      | subscribe\s+(?:to|now|for|today).{0,120}
      | follow\s+(?:us|\w+)\s+on\s+(?:twitter|facebook|instagram|x|linkedin|telegram).{0,80}
      | (?:photo|image|video|file\s+photo)\s*(?:credit)?\s*:.{0,160}
      | (?:source|credit|via)\s*:\s*.{2,60}
    )$""",
    re.I | re.X,
)

# Contributor credits ("Associated Press writer X in Moscow contributed to this report.") end
# with the phrase, so they are matched separately and only on lines that contain it: a leading
# wildcard in the big alternation would be tried on every line.
_CREDIT_LINE = re.compile(
    r"^.{0,200}\bcontributed\s+(?:reporting|to\s+this\s+report)(?:\s+from\s+.{0,80})?\.?$", re.I
)

_MAX_BOILERPLATE_LINE = 600


def is_boilerplate(line: str) -> bool:
    stripped = line.strip()
    if not stripped or len(stripped) > _MAX_BOILERPLATE_LINE:
        return False
    if "contributed" in stripped and _CREDIT_LINE.match(stripped):
        return True
    return bool(_BOILERPLATE_LINES.match(stripped))


@dataclass
class CleanDocument:
    text: str
    title: str | None = None
    date: str | None = None
    outlet: str | None = None
    boilerplate: list[str] = field(default_factory=list)
    front_matter: dict[str, str] = field(default_factory=dict)


_FRONT_MATTER = re.compile(r"\A---\s*\n(?P<body>.*?)\n---\s*(?:\n|\Z)", re.S)
_FRONT_MATTER_FIELD = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)\s*:\s*(?P<value>.*?)\s*$", re.M)
_MD_HEADING = re.compile(r"^#{1,3}\s+(?P<title>.+?)\s*#*\s*$")


def clean_document(
    text: str, *, markdown: bool = False, known_title: str | None = None
) -> CleanDocument:
    """Split a document's text into metadata, boilerplate and the clean body.

    ``known_title`` (from a record's field) is not searched for again, but a first line equal
    to it is taken out of the body.
    """
    doc = CleanDocument(text="")
    if markdown:
        m = _FRONT_MATTER.match(text)
        if m:
            doc.front_matter = {
                f.group("key").lower(): f.group("value").strip().strip("'\"")
                for f in _FRONT_MATTER_FIELD.finditer(m.group("body"))
            }
            doc.boilerplate.extend(line for line in m.group(0).splitlines() if line.strip())
            text = text[m.end() :]

    lines = [line.strip() for line in text.split("\n")]
    content: list[int] = []  # indices of lines kept in the body
    for index, line in enumerate(lines):
        if not line:
            continue
        if is_boilerplate(line):
            doc.boilerplate.append(line)
        else:
            content.append(index)

    # Header zone: a date line and the headline sit in the first few content lines.
    title = known_title
    header_checked = 0
    while content and header_checked < 4:
        index = content[0]
        line = lines[index]
        found_date = metadata.date_line(line)
        # A date with no year gives no article date, but it is no headline or story either.
        if found_date or metadata.yearless_date_line(line):
            doc.date = doc.date or found_date
            doc.boilerplate.append(line)
            content.pop(0)
            header_checked += 1
            continue
        if title is not None and line == title.strip():
            content.pop(0)
            header_checked += 1
            continue
        heading = _MD_HEADING.match(line) if markdown else None
        if title is None and heading:
            title = heading.group("title")
            content.pop(0)
            header_checked += 1
            continue
        next_is_break = index + 1 >= len(lines) or not lines[index + 1]
        if title is None and len(content) > 1 and metadata.looks_like_title(line, next_is_break):
            title = line
            content.pop(0)
            header_checked += 1
            continue
        break

    if title is not None and title != known_title:
        cleaned = metadata.clean_title(title)
        if cleaned != title:
            doc.boilerplate.append(title)
        title = cleaned
    doc.title = title or None
    doc.text = _assemble_paragraphs(lines, content)
    return doc


def _assemble_paragraphs(lines: list[str], content: list[int]) -> str:
    """Join kept lines into paragraphs separated by one blank line.

    A text hard-wrapped at a fixed width (blocks of several short lines between blank lines) is
    unwrapped; otherwise each line is its own paragraph, as in scraped text and one-sentence-per-
    line collections.
    """
    blocks: list[list[str]] = []
    previous = -2
    for index in content:
        if index == previous + 1 and blocks:
            blocks[-1].append(lines[index])
        else:
            blocks.append([lines[index]])
        previous = index
    multi_line = [b for b in blocks if len(b) > 1]
    hard_wrapped = False
    if multi_line and len(blocks) > 1:
        lengths = [len(line) for b in multi_line for line in b[:-1]]
        hard_wrapped = max(lengths) <= 100 and len(multi_line) * 2 >= len(blocks)
    if hard_wrapped:
        return "\n\n".join(" ".join(b) for b in blocks)
    return "\n\n".join(line for b in blocks for line in b)
