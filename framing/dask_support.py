"""Optional Dask integration: score a ``dask.bag`` or ``dask.dataframe`` partition-wise.

Install with ``pip install "framing[dask]"``. Each partition is scored by the same pure
function as :func:`framing.score_corpus` (``framing.stream.score_record``), so results
equal a local run; Dask does the distribution, framing adds none of its own.
"""

from __future__ import annotations

from typing import Any

from framing.article import Article
from framing.errors import InputError, MissingExtraError

__all__ = ["record_meta", "score_bag", "score_dask_dataframe", "to_table"]

_EXTRA_HINT = 'the Dask integration needs the extra: pip install "framing[dask]"'


def _require_dask() -> None:
    try:
        import dask  # noqa: F401
    except ImportError as exc:  # pragma: no cover - exercised only without the extra
        raise MissingExtraError(_EXTRA_HINT) from exc


def _score_partition(items: list[Any], options: dict[str, Any]) -> list[dict[str, Any]]:
    from framing.stream import score_record

    return [score_record(item, **options) for item in items]


def score_bag(bag: Any, *, lexicon: Any = None, actors: Any = None, registry: Any = None) -> Any:
    """Score a ``dask.bag.Bag`` of :class:`Article` into a bag of flat records.

    Args:
        bag: A bag whose items are Articles (or load failures, which become error records).
        lexicon, actors, registry: Passed to :func:`framing.score`.

    Returns:
        A lazy bag of dicts, one per input item, in partition order.
    """
    _require_dask()
    options = {"lexicon": lexicon, "actors": actors, "registry": registry}
    return bag.map_partitions(_score_partition, options)


_ARTICLE_FIELDS = ("outlet", "date", "title", "author", "url", "incident")


def _field(value: Any) -> str | None:
    """A metadata cell as text (None for missing; dates as ISO dates)."""
    import pandas as pd

    if value is None or (not isinstance(value, str) and bool(pd.isna(value))):  # NaN, NaT
        return None
    isoformat = getattr(value, "isoformat", None)
    if isoformat is not None and hasattr(value, "year"):
        return str(value.date().isoformat() if hasattr(value, "date") else isoformat())
    return str(value)


def _rows_to_articles(frame: Any, text_column: str, id_column: str) -> list[Any]:
    items: list[Any] = []
    for row in frame.to_dict("records"):
        article_id = str(row.get(id_column, ""))
        try:
            fields: dict[str, Any] = {
                name: _field(row.get(name)) for name in _ARTICLE_FIELDS if name in row}
            text = row[text_column]
            if not isinstance(text, str):
                raise InputError(f"{text_column}: expected text, got {type(text).__name__}")
            items.append(Article(id=article_id, text=text, **fields))
        except (InputError, KeyError, TypeError) as exc:
            items.append(_Failure(article_id or "?", f"{type(exc).__name__}: {exc}"))
    return items


class _Failure:
    """A row that could not become an Article (scored as an error record)."""

    __slots__ = ("error", "id")

    def __init__(self, article_id: str, error: str) -> None:
        self.id = article_id
        self.error = error


def record_meta(lexicon: Any = None, actors: Any = None, registry: Any = None) -> Any:
    """An empty pandas DataFrame with the columns and dtypes of scored records."""
    import pandas as pd

    from framing.stream import score_record

    sample = score_record(
        Article(id="meta", text="A sample sentence for the column schema. It has two."),
        lexicon=lexicon, actors=actors, registry=registry,
    )
    frame = pd.DataFrame([sample])
    frame["error"] = frame["error"].astype(object)
    return frame.iloc[:0]


def score_dask_dataframe(
    ddf: Any,
    *,
    text_column: str = "text",
    id_column: str = "id",
    lexicon: Any = None,
    actors: Any = None,
    registry: Any = None,
) -> Any:
    """Score a ``dask.dataframe.DataFrame`` with one article per row.

    Args:
        ddf: Rows with at least ``text_column`` and ``id_column``; the columns ``outlet``,
            ``date``, ``title``, ``author``, ``url`` and ``incident`` are used when present.
        text_column: Column holding the article text.
        id_column: Column holding the article id.
        lexicon, actors, registry: Passed to :func:`framing.score`.

    Returns:
        A lazy Dask DataFrame of flat records (one row per input row, ``error`` included).
    """
    _require_dask()
    for name in (text_column, id_column):
        if name not in ddf.columns:
            raise InputError(
                f"{'text_column' if name == text_column else 'id_column'}: column {name!r} "
                f"not in the frame; columns are {list(ddf.columns)}"
            )
    options = {"lexicon": lexicon, "actors": actors, "registry": registry}
    meta = record_meta(**options)

    def partition(frame: Any) -> Any:
        import pandas as pd

        records = _score_partition(_rows_to_articles(frame, text_column, id_column), options)
        out = pd.DataFrame(records)
        return out.reindex(columns=meta.columns).astype(meta.dtypes.to_dict(), errors="ignore")

    return ddf.map_partitions(partition, meta=meta)


def to_table(scored: Any, lexicon: Any = None) -> Any:
    """Compute a scored bag or Dask DataFrame into the corpus table of :func:`score_corpus`.

    Args:
        scored: The result of :func:`score_bag` or :func:`score_dask_dataframe`.
        lexicon: The lexicon used for scoring (for the provenance in ``df.attrs``).

    Returns:
        The pandas corpus table (one row per input, in partition order), equal to
        :func:`framing.score_corpus` on the same articles.
    """
    from framing.corpus import provenance, records_to_frame

    result = scored.compute()
    records = result.to_dict("records") if hasattr(result, "to_dict") else list(result)
    return records_to_frame(records, provenance(lexicon))
