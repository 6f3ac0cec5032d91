"""Survival of a base version's sentences across several versions."""

from __future__ import annotations

import json

import pytest

from reader.diff import survival
from reader.model import Article

BASE = (
    "The foreign ministers arrived in Geneva on Monday evening.\n"
    "Officials said the talks would focus on missile deployments in Europe.\n"
    "Protesters gathered outside the hotel, holding banners about the war.\n"
    "Analysts doubt that a breakthrough is possible before the summer."
)


def article(article_id: str, text: str) -> Article:
    return Article(id=article_id, path=f"{article_id}.txt", text=text)


@pytest.fixture()
def versions() -> list[Article]:
    kept_all = article("copy", BASE.replace("Monday evening.", "Monday evening!"))
    edited = article(
        "edited",
        "Analysts doubt that a breakthrough is possible before the summer.\n"
        "The foreign ministers arrived in Geneva on Monday evening.\n"
        "Officials said the talks would concentrate on missile deployments in Europe.",
    )
    return [article("base", BASE), kept_all, edited]


def test_fates_per_version(versions: list[Article]) -> None:
    result = survival(versions, "base")
    assert result.version_ids == ("copy", "edited")
    assert len(result.rows) == 4
    copy_fates = [row.fates[0].status for row in result.rows]
    assert copy_fates == ["kept", "kept", "kept", "kept"]
    edited = [row.fates[1] for row in result.rows]
    assert [f.status for f in edited] == ["kept", "changed", "dropped", "kept"]
    assert 0.6 <= edited[1].similarity < 1.0
    assert edited[2].span is None and edited[2].similarity == 0.0
    assert [f.moved for f in edited] == [False, False, False, True]
    counterpart = edited[3].span
    assert counterpart is not None
    assert versions[2].text[counterpart.start : counterpart.end].startswith("Analysts doubt")
    assert result.share("copy") == 1.0
    assert result.share("edited", "dropped") == 0.25


def test_json_and_single_version(versions: list[Article]) -> None:
    data = survival(versions, "edited").to_json()
    json.dumps(data)
    assert data["base"] == "edited" and data["versions"] == ["base", "copy"]
    assert data["sentences"][0]["text"].startswith("Analysts doubt")
    alone = survival(versions[:1], "base")
    assert alone.version_ids == () and len(alone.rows) == 4
    empty = survival([article("empty", "")], "empty")
    assert empty.rows == () and empty.to_json()["sentences"] == []


def test_unknown_base_is_a_clear_error(versions: list[Article]) -> None:
    with pytest.raises(ValueError, match="not among"):
        survival(versions, "nope")
