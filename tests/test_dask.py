"""The Dask integration on a dask.distributed LocalCluster: same table as score_corpus."""

from __future__ import annotations

import pandas as pd
import pytest

from framing.article import Article
from framing.bench import synthetic_articles
from framing.corpus import score_corpus
from framing.errors import InputError

dask = pytest.importorskip("dask")
distributed = pytest.importorskip("distributed")
import dask.bag as db
import dask.dataframe as dd

from framing.dask_support import score_bag, score_dask_dataframe, to_table


@pytest.fixture(scope="module")
def client():
    # in-process workers (inproc transport, no sockets): fast, and the same code path as a
    # real cluster, where the tasks and their results are shipped the same way
    cluster = distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                       dashboard_address=None)
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


def _articles() -> list[Article]:
    return [*synthetic_articles(9, seed=11), Article(id="empty", text="", outlet="Outlet X")]


def test_bag_equals_score_corpus(client) -> None:
    articles = _articles()
    bag = db.from_sequence(articles, npartitions=3)
    table = to_table(score_bag(bag))
    pd.testing.assert_frame_equal(table, score_corpus(articles), check_exact=True)


def test_dataframe_equals_score_corpus(client) -> None:
    articles = _articles()
    frame = pd.DataFrame({
        "id": [a.id for a in articles],
        "text": [a.text for a in articles],
        "outlet": [a.outlet for a in articles],
        "date": [a.date.isoformat() if a.date else None for a in articles],
        "incident": [a.incident for a in articles],
    })
    scored = score_dask_dataframe(dd.from_pandas(frame, npartitions=2))
    assert list(scored.columns)[:2] == ["id", "outlet"]
    table = to_table(scored)
    expected = score_corpus(articles)
    pd.testing.assert_frame_equal(table, expected, check_dtype=False, check_exact=True)


def test_dataframe_bad_rows_become_error_rows(client) -> None:
    frame = pd.DataFrame({"id": ["ok", "bad"], "text": ["Police said so.", None]})
    table = to_table(score_dask_dataframe(dd.from_pandas(frame, npartitions=1)))
    assert list(table["id"]) == ["ok", "bad"]
    assert table["error"].iloc[0] is None
    assert table["error"].iloc[1].startswith("InputError: text:")


def test_missing_column_is_named() -> None:
    frame = dd.from_pandas(pd.DataFrame({"id": ["a"], "body": ["x"]}), npartitions=1)
    with pytest.raises(InputError, match="text_column: column 'text'"):
        score_dask_dataframe(frame)
