"""What the detail pane is told about a story's disagreements (no Textual needed)."""

from __future__ import annotations

from reader.corpus import load_corpus
from reader.tui.extraction import article_marks


def test_date_conflict_on_the_seeds_names_only_real_disagreements() -> None:
    corpus = load_corpus()
    story = corpus.stories[0]
    versions = [corpus.article(i) for i in story.article_ids]
    summaries = {
        a.id[:3]: [
            d.summary for d in article_marks(a, versions).disagreements if d.kind == "date conflict"
        ]
        for a in versions
    }
    # 000 is dated, 001 is not: its "Jan. 10" (XXXX-01-10) agrees with 000's 2022-01-10.
    assert len(summaries["000"]) == 1
    # Values are said as a reader says them (the TIMEX3 values stay in the ledger's JSON).
    assert "here “January 10” (Mon 10 Jan 2022)" in summaries["000"][0]
    assert "“January 9” (9 January, year unknown) in The Associated Press" in summaries["000"][0]
    assert "10 January, year unknown" not in summaries["000"][0]
    # 003 is the odd one out: the others give only January 10.
    assert "only “January 10”" in summaries["003"][0]
    assert (
        "“January 9” (9 January, year unknown), “10” (10 January, year unknown)"
        in summaries["003"][0]
    )
