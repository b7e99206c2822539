"""Corpus table: one row per input in order, failures kept, provenance, exports."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest

import framing
from framing.article import Article
from framing.corpus import (
    PROVENANCE_COLUMNS,
    read_table,
    records_to_frame,
    score_corpus,
    table_to_text,
    write_table,
)
from framing.errors import InputError

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _articles() -> list[Article]:
    return [
        Article(id="a1", text="The police said the march was peaceful.", outlet="Daily A",
                date="2021-05-18", incident="i1"),
        Article(id="a2", text="", outlet="Daily B", date="2021-05-19", incident="i1"),
        Article(id="a3", text="Protesters marched. \u201cWe will return,\u201d she said.",
                outlet="Daily C", incident="i2"),
    ]


@dataclass(frozen=True)
class _LoadFailure:
    path: str
    error: str


@dataclass(frozen=True)
class _FakeCorpus:
    articles: tuple
    failures: tuple


def test_one_row_per_input_in_order() -> None:
    df = score_corpus(_articles())
    assert list(df["id"]) == ["a1", "a2", "a3"]
    assert list(df["outlet"]) == ["Daily A", "Daily B", "Daily C"]
    assert "error" in df.columns
    assert df.columns[-1] == "error"


def test_failing_article_keeps_its_row(monkeypatch: pytest.MonkeyPatch) -> None:
    import framing.scores as scores_mod

    real = scores_mod.score

    def flaky(article, **kwargs):
        if article.id == "a2":
            raise RuntimeError("boom")
        return real(article, **kwargs)

    monkeypatch.setattr(scores_mod, "score", flaky)
    df = score_corpus(_articles())
    assert list(df["id"]) == ["a1", "a2", "a3"]
    row = df.set_index("id").loc["a2"]
    assert row["error"] == "RuntimeError: boom"
    assert row["outlet"] == "Daily B"  # identity kept
    score_cols = [c for c in df.columns if c.startswith(("sentiment_", "loaded_", "quote"))
                  and df[c].dtype.kind == "f"]
    assert score_cols, "scores expected from the other articles"
    assert all(math.isnan(row[c]) for c in score_cols)  # NaN, never 0
    assert df.set_index("id").loc["a1", "error"] is None


def test_load_failures_become_rows() -> None:
    corpus = _FakeCorpus(articles=tuple(_articles()[:1]),
                         failures=(_LoadFailure(path="corpus/bad.txt", error="not UTF-8"),))
    df = score_corpus(corpus)
    assert list(df["id"]) == ["a1", "bad"]
    assert df.iloc[1]["error"] == "not UTF-8"


def test_path_input_loads_the_corpus() -> None:
    df = score_corpus(str(SEEDS))
    assert len(df) == 5
    assert sorted(df["id"]) == sorted(p.stem for p in SEEDS.glob("*.txt"))


def test_attrs_record_versions() -> None:
    df = score_corpus(_articles()[:1])
    assert df.attrs["framing_version"] == framing.__version__
    assert set(PROVENANCE_COLUMNS) <= set(df.attrs)


def test_bad_corpus_and_jobs() -> None:
    with pytest.raises(InputError, match="corpus"):
        score_corpus(42)
    with pytest.raises(InputError, match="jobs"):
        score_corpus(_articles(), jobs="2")


def test_jobs_two_gives_the_same_table() -> None:
    one = score_corpus(_articles(), jobs=1)
    two = score_corpus(_articles(), jobs=2)
    pd.testing.assert_frame_equal(one, two)


def test_progress_callable_sees_every_article() -> None:
    seen: list[tuple[int, int]] = []
    score_corpus(_articles(), progress=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 3), (2, 3), (3, 3)]


def _table() -> pd.DataFrame:
    records = [
        {"id": "x1", "outlet": "=HYPERLINK(\"http://evil\")", "date": "2021-05-18",
         "title": "-cmd|' /C calc'!A0", "loaded_per_1k": -1.5, "error": None},
        {"id": "x2", "outlet": "@Outlet", "date": None, "title": "+1 plain",
         "loaded_per_1k": float("nan"), "error": "boom"},
        {"id": "x3", "outlet": "Plain", "date": None, "title": "-12.5",
         "loaded_per_1k": 2.0, "error": None},
    ]
    return records_to_frame(records, {"framing_version": "9.9", "lexicon_name": "lex",
                                      "lexicon_version": "1", "lexicon_hash": "abc"})


def test_csv_neutralises_formulas_but_not_numbers() -> None:
    text = table_to_text(_table(), "csv")
    rows = list(pd.read_csv(pd.io.common.StringIO(text), dtype=str, keep_default_na=False)
                .itertuples(index=False))
    first, second, third = rows
    assert first.outlet == "'=HYPERLINK(\"http://evil\")"
    assert first.title == "'-cmd|' /C calc'!A0"
    assert first.loaded_per_1k == "-1.5"  # a numeric negative is left alone
    assert second.outlet == "'@Outlet"
    assert second.title == "'+1 plain"
    assert third.title == "-12.5"  # a number written as text is not a formula


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".parquet"])
def test_export_round_trip_with_provenance(tmp_path: Path, suffix: str) -> None:
    if suffix == ".parquet":
        pytest.importorskip("pyarrow")
    df = _table()
    path = write_table(df, tmp_path / f"scores{suffix}")
    assert path.exists()
    back = read_table(path)
    assert back.attrs["framing_version"] == "9.9"
    assert back.attrs["lexicon_hash"] == "abc"
    assert list(back["id"]) == ["x1", "x2", "x3"]
    assert back["outlet"].iloc[0] == "=HYPERLINK(\"http://evil\")"  # restored on read
    assert back["loaded_per_1k"].iloc[0] == -1.5
    assert math.isnan(back["loaded_per_1k"].iloc[1])
    assert back["error"].iloc[1] == "boom" and back["error"].iloc[0] is None
    assert "framing_version" not in back.columns  # moved to attrs
    assert set(back["lexicon_hash"]) == {"abc"}  # the lexicon stays on every row


def test_every_export_carries_the_versions(tmp_path: Path) -> None:
    df = _table()
    csv_header = table_to_text(df, "csv").splitlines()[0].split(",")
    assert csv_header[-4:] == list(PROVENANCE_COLUMNS)
    line = json.loads(table_to_text(df, "jsonl").splitlines()[1])
    assert line["framing_version"] == "9.9" and line["lexicon_hash"] == "abc"
    assert line["loaded_per_1k"] is None  # NaN becomes null, not 0


def test_unknown_suffix_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"\.xlsx"):
        write_table(_table(), tmp_path / "scores.xlsx")


def test_read_table_refuses_a_non_scores_csv(tmp_path: Path) -> None:
    path = tmp_path / "corpus.csv"
    path.write_text("id,text\n1,hello\n")
    with pytest.raises(InputError, match="not a framing scores table"):
        read_table(path)
