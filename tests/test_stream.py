"""Streaming and parallel scoring (framing.stream): order, identity across jobs, bounded
look-ahead, worker crashes, streamed CLI output."""

from __future__ import annotations

import gc
import io
import itertools
import json
import math
import os
import sys
from pathlib import Path

import pandas as pd
import pytest

from framing.article import Article
from framing.bench import synthetic_articles
from framing.cli import main
from framing.corpus import read_table, records_to_frame, score_corpus, write_table
from framing.errors import InputError
from framing.load import LoadFailure, load_corpus
from framing.stream import WORKER_DIED, StreamStats, iter_records, score_record

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _mixed() -> list[Article]:
    """The five seeds plus 19 generated articles (24 = 3 chunks of 8 per worker)."""
    return [*load_corpus(SEEDS).articles, *synthetic_articles(19, seed=7)]


@pytest.fixture(scope="module")
def serial_table() -> pd.DataFrame:
    return score_corpus(_mixed(), jobs=1)


def test_jobs_two_equals_jobs_one_exactly(serial_table: pd.DataFrame) -> None:
    # every article scored by the same pure function, rows put back in input order
    parallel = score_corpus(_mixed(), jobs=2, chunksize=3)
    pd.testing.assert_frame_equal(serial_table, parallel, check_exact=True)
    assert list(parallel["id"]) == [a.id for a in _mixed()]


def test_generator_input_streams(serial_table: pd.DataFrame) -> None:
    streamed = score_corpus(a for a in _mixed())  # a generator has no len()
    pd.testing.assert_frame_equal(serial_table, streamed, check_exact=True)


def test_look_ahead_is_bounded() -> None:
    pulled = itertools.count()

    def articles():
        for article in synthetic_articles(200):
            next(pulled)
            yield article

    records = iter_records(articles(), jobs=1)
    next(records)
    assert next(pulled) == 1  # one article read for one record (the counter's next value)
    records.close()

    pulled = itertools.count()
    records = iter_records(articles(), jobs=2, chunksize=4)
    next(records)
    # at most 8 chunks per worker are held: 2 * 8 * 4 = 64 articles, plus one chunk read
    # ahead of the refill; far fewer than the 200 a non-streaming run would read
    assert next(pulled) <= 2 * 8 * 4 + 4
    records.close()


def test_load_failures_and_non_articles_become_error_records() -> None:
    failure = LoadFailure(id="bad", path="corpus/bad.txt", error="not UTF-8",
                          error_type="InputError")
    records = list(iter_records([failure, Article(id="ok", text="Fine."), 42], jobs=1))
    assert [r["id"] for r in records] == ["bad", "ok", "?"]
    assert records[0]["error"] == "not UTF-8"
    assert records[1]["error"] is None
    assert records[2]["error"] == "not an Article: int"


def test_bad_arguments() -> None:
    with pytest.raises(InputError, match="jobs"):
        iter_records([], jobs=True)
    with pytest.raises(InputError, match="chunksize"):
        iter_records([], chunksize=0)


def test_stats_and_parent_gc_left_unfrozen() -> None:
    stats = StreamStats()
    records = list(iter_records(synthetic_articles(6), jobs=2, chunksize=2, stats=stats))
    assert (stats.records, stats.scored, stats.failed) == (6, 6, 0)
    assert len(records) == 6
    assert gc.get_freeze_count() == 0  # frozen only while the workers forked


def test_a_callers_frozen_heap_stays_frozen() -> None:
    # framing score freezes its loaded resources before streaming; starting the pool
    # must not undo that (gc.unfreeze() would release everything the caller froze)
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        records = list(iter_records(synthetic_articles(4), jobs=2, chunksize=2))
        assert len(records) == 4
        assert gc.get_freeze_count() >= frozen > 0
    finally:
        gc.unfreeze()


@pytest.mark.skipif(not sys.platform.startswith("linux"),
                    reason="the patch reaches the workers only when they are forked (Linux)")
def test_a_worker_crash_does_not_stop_the_batch(monkeypatch: pytest.MonkeyPatch) -> None:
    import framing.scores as scores_mod

    parent = os.getpid()
    real = scores_mod.score

    def deadly(article, **kwargs):
        # the workers are forked from this process and inherit the patch; in a worker the
        # article "gen-5" kills the process outright (as a segfault or the OOM killer would)
        if article.id == "gen-5" and os.getpid() != parent:
            os._exit(1)
        return real(article, **kwargs)

    monkeypatch.setattr(scores_mod, "score", deadly)
    articles = list(synthetic_articles(12))
    records = list(iter_records(articles, jobs=2, chunksize=2))
    assert [r["id"] for r in records] == [a.id for a in articles]
    dead = [r for r in records if r["error"]]
    assert [r["id"] for r in dead] == ["gen-5"] and dead[0]["error"] == WORKER_DIED
    assert dead[0]["outlet"] == "Outlet 5"  # identity kept
    monkeypatch.undo()
    expected = [score_record(a) for a in articles if a.id != "gen-5"]
    survivors = [r for r in records if r["id"] != "gen-5"]
    # NaN != NaN, so compare the JSON text (NaN written as NaN)
    assert json.dumps(survivors, sort_keys=True) == json.dumps(expected, sort_keys=True)


def test_cli_streamed_output_reads_back_as_the_table(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for article in synthetic_articles(4):
        (folder / f"{article.id}.txt").write_text(article.text, encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"\x00\x01binary\x00")
    expected = score_corpus(str(folder))
    assert expected["error"].notna().sum() == 1  # the binary file's row
    for suffix in (".csv", ".jsonl"):
        reference = tmp_path / f"reference{suffix}"
        write_table(expected, reference)
        streamed = tmp_path / f"streamed{suffix}"
        code = main(["score", str(folder), "-o", str(streamed), "-q", "-j", "2"],
                    stdout=io.StringIO())
        assert code == 1  # one article failed
        pd.testing.assert_frame_equal(read_table(streamed), read_table(reference),
                                      check_dtype=False)
        assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    out = io.StringIO()
    assert main(["score", str(folder), "-q", "--format", "jsonl"], stdout=out) == 1
    assert out.getvalue().count("\n") == 5


def test_records_to_frame_matches_score_corpus(serial_table: pd.DataFrame) -> None:
    records = list(iter_records(_mixed()))
    rebuilt = records_to_frame(records, serial_table.attrs)
    pd.testing.assert_frame_equal(serial_table, rebuilt, check_exact=True)


def test_streamed_csv_neutralises_formulas_and_quotes_carriage_returns() -> None:
    import csv

    from framing.corpus import iter_table_lines, table_columns

    records = [{"id": "x1", "outlet": "=HYPERLINK(\"http://evil\")", "title": "a\rb",
                "loaded_per_1k": -1.5, "error": None},
               {"id": "x2", "outlet": "@Outlet", "title": "-12.5", "loaded_per_1k": math.nan,
                "error": "boom"}]
    text = "".join(iter_table_lines(records, table_columns(records[0]),
                                    {"framing_version": "9.9"}))
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert len(rows) == 2  # the carriage return stayed inside its quoted cell
    assert rows[0]["outlet"] == "'=HYPERLINK(\"http://evil\")"  # shown as text
    assert rows[0]["title"] == "a\rb"
    assert rows[0]["loaded_per_1k"] == "-1.5"  # numbers untouched
    assert rows[1]["outlet"] == "'@Outlet" and rows[1]["title"] == "-12.5"
    assert rows[1]["loaded_per_1k"] == "" and rows[1]["framing_version"] == "9.9"


def test_warm_up_loads_every_resource_a_batch_reads() -> None:
    # In a fresh interpreter: after the warm-up text is scored, scoring an article with
    # a word missing from the pronouncing dictionary loads nothing more (the hyphenation
    # dictionary and its trie, the resources only such a word needs, are already loaded).
    import subprocess

    code = (
        "from framing.stream import _warm_up, score_record\n"
        "from framing.article import Article\n"
        "from framing import syllables\n"
        "_warm_up({})\n"
        "loaded = [f.cache_info().currsize for f in (syllables._pyphen,"
        " syllables._hyphenation_trie)]\n"
        "score_record(Article(id='x', text='The Zorvathic plan. \\u201cNo,\\u201d she said.'))\n"
        "print(*loaded, syllables._pyphen.cache_info().misses,"
        " syllables._hyphenation_trie.cache_info().misses)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=120)
    # the hyphenation dictionary and its trie: loaded by the warm-up, once
    assert out.stdout.split() == ["1", "1", "1", "1"]
