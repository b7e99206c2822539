"""The corpus table: one flat row per article, exported to CSV, JSONL or Parquet.

:func:`score_corpus` scores every article of a corpus and returns a pandas DataFrame with
one row per input, in input order. An article that cannot be scored keeps its row, with
the message in the ``error`` column and NaN scores, so a batch never stops on one bad
article and no failure goes unseen. Load failures (files that could not be read) become
rows with ``error`` set too, after the articles.

Provenance: ``df.attrs`` holds the framing version and the loaded-term lexicon's name,
version and content hash. :func:`write_table` writes the table by file suffix and adds
the same values as constant trailing columns (:data:`PROVENANCE_COLUMNS`) to every
export, so a CSV opened in a spreadsheet still says which package and lexicon produced
each number; :func:`read_table` moves them back into ``attrs``.
"""

from __future__ import annotations

import json
import logging
import math
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from framing._io import atomic_write_text, atomic_writer
from framing.article import Article
from framing.errors import InputError, MissingExtraError

if TYPE_CHECKING:
    import pandas as pd

    from framing.scores import ArticleScores

__all__ = [
    "IDENTITY_COLUMNS",
    "PROVENANCE_COLUMNS",
    "TABLE_SUFFIXES",
    "ScoredCorpus",
    "iter_articles",
    "provenance",
    "read_table",
    "records_to_frame",
    "score_articles",
    "score_corpus",
    "table_to_text",
    "write_table",
]

_log = logging.getLogger(__name__)

#: Constant columns added to every export (and read back into ``df.attrs``).
PROVENANCE_COLUMNS = ("framing_version", "lexicon_name", "lexicon_version", "lexicon_hash")

#: Columns that open every row, scored or failed.
IDENTITY_COLUMNS = ("id", "outlet", "date", "title", "author", "incident")

#: File suffixes :func:`write_table` and :func:`read_table` understand.
TABLE_SUFFIXES = (".csv", ".jsonl", ".parquet")

#: Characters that make a spreadsheet read a cell as a formula (OWASP CSV injection).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True, slots=True)
class ScoredCorpus:
    """Scores with their parsed documents kept, for reports and audits.

    Attributes:
        table: The corpus table, as :func:`score_corpus` returns it.
        scores: One :class:`~framing.scores.ArticleScores` per article that was scored,
            in input order (failed articles have none; their rows carry ``error``).
    """

    table: pd.DataFrame
    scores: tuple[ArticleScores, ...]


# -- inputs -------------------------------------------------------------------------------


def iter_articles(corpus: Any) -> Iterator[Any]:
    """Yield the articles of ``corpus``, then its load failures (if any).

    Args:
        corpus: A :class:`framing.Corpus`, a path (folder, ``.csv``, ``.jsonl``) handed to
            :func:`framing.load_corpus`, a single :class:`Article`, or any iterable of
            :class:`Article`.

    Yields:
        Articles in input order, then the corpus's load failures.

    Raises:
        InputError: ``corpus`` is none of the above.
    """
    if isinstance(corpus, (str, os.PathLike)):
        from framing.load import load_corpus

        corpus = load_corpus(corpus)
    if isinstance(corpus, Article):
        yield corpus
        return
    articles = getattr(corpus, "articles", None)
    if articles is not None:
        yield from articles
        yield from getattr(corpus, "failures", ()) or ()
        return
    if isinstance(corpus, Mapping) or not isinstance(corpus, Iterable):
        raise InputError(
            f"corpus: expected a framing.Corpus, a path or an iterable of framing.Article, "
            f"got {type(corpus).__name__}"
        )
    yield from corpus


# -- one article --------------------------------------------------------------------------


def _failure_row(item: Any, message: str) -> dict[str, Any]:
    """Row for an input that has no scores: its identity (where known) and the error."""
    row: dict[str, Any] = {}
    if isinstance(item, Article):
        row = {
            "id": item.id,
            "outlet": item.outlet,
            "date": item.date.isoformat() if item.date else None,
            "title": item.title,
            "author": item.author,
            "incident": item.incident,
        }
    else:
        path = getattr(item, "path", None)
        ident = getattr(item, "id", None) or (Path(path).stem if path else None)
        if ident is None and isinstance(item, tuple) and item:
            ident = Path(str(item[0])).stem
        row = {"id": str(ident) if ident is not None else "?"}
    row["error"] = message
    return row


def _load_failure_message(item: Any) -> str:
    for name in ("error", "message", "reason"):
        value = getattr(item, name, None)
        if value:
            return str(value)
    if isinstance(item, tuple) and len(item) > 1:
        return str(item[1])
    return f"not an Article: {type(item).__name__}"


def _score_row(
    article: Any, lexicon: Any = None, actors: Any = None, registry: Any = None
) -> dict[str, Any]:
    """Flat record of one article plus ``error`` (None when scored). Never raises."""
    if not isinstance(article, Article):
        return _failure_row(article, _load_failure_message(article))
    try:
        from framing.scores import score

        row = score(article, lexicon=lexicon, actors=actors, registry=registry).as_dict()
    except Exception as exc:  # noqa: BLE001 - a batch records the failure and goes on
        _log.warning("article %s failed: %s: %s", article.id, type(exc).__name__, exc)
        return _failure_row(article, f"{type(exc).__name__}: {exc}")
    row["error"] = None
    return row


def _score_full(
    article: Any, lexicon: Any = None, actors: Any = None, registry: Any = None
) -> tuple[ArticleScores | None, dict[str, Any]]:
    """Like :func:`_score_row` but also returns the ArticleScores (None on failure)."""
    if not isinstance(article, Article):
        return None, _failure_row(article, _load_failure_message(article))
    try:
        from framing.scores import score

        scores = score(article, lexicon=lexicon, actors=actors, registry=registry)
        row = scores.as_dict()
    except Exception as exc:  # noqa: BLE001 - a batch records the failure and goes on
        _log.warning("article %s failed: %s: %s", article.id, type(exc).__name__, exc)
        return None, _failure_row(article, f"{type(exc).__name__}: {exc}")
    row["error"] = None
    return scores, row


# -- provenance ---------------------------------------------------------------------------


def provenance(lexicon: Any = None) -> dict[str, str | None]:
    """Package version and lexicon name, version and content hash.

    Args:
        lexicon: The lexicon used for scoring (default: the built-in one). A value that
            cannot be read gives None for the lexicon fields, never an exception.

    Returns:
        A dict with the keys of :data:`PROVENANCE_COLUMNS`.
    """
    import framing

    info: dict[str, str | None] = {
        "framing_version": framing.__version__,
        "lexicon_name": None,
        "lexicon_version": None,
        "lexicon_hash": None,
    }
    try:
        from framing.lexicon import load_lexicon

        if lexicon is None:
            lex = load_lexicon()
        elif isinstance(lexicon, (str, os.PathLike)):
            lex = load_lexicon(Path(lexicon))
        else:
            lex = lexicon
    except Exception as exc:  # noqa: BLE001 - provenance must not break scoring
        _log.debug("lexicon provenance unavailable: %s", exc)
        return info
    for key, names in (
        ("lexicon_name", ("name",)),
        ("lexicon_version", ("version",)),
        ("lexicon_hash", ("hash", "sha256", "content_hash")),
    ):
        for name in names:
            value = getattr(lex, name, None)
            if value is not None:
                info[key] = str(value)
                break
    return info


# -- the table ----------------------------------------------------------------------------


def records_to_frame(records: Iterable[Mapping[str, Any]], attrs: Mapping[str, Any] | None = None
                     ) -> pd.DataFrame:
    """Build the corpus table from flat records (identity first, ``error`` last).

    Missing values in numeric columns become NaN; ``attrs`` is copied to ``df.attrs``.
    """
    import pandas as pd

    rows = [dict(r) for r in records]
    columns: list[str] = list(IDENTITY_COLUMNS)
    for row in rows:
        for key in row:
            if key not in columns and key != "error":
                columns.append(key)
    columns.append("error")
    df = pd.DataFrame.from_records(rows, columns=columns)
    if df.empty:
        df = pd.DataFrame(columns=columns)
    for col in columns:
        values = [v for v in df[col] if v is not None and not _is_nan(v)]
        if values and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values):
            converted = pd.to_numeric(df[col], errors="coerce")
            df[col] = converted.astype(float) if converted.isna().any() else converted
        elif col in IDENTITY_COLUMNS or col == "error" or not values or all(
            isinstance(v, str) for v in values
        ):
            df[col] = df[col].astype(object).where(df[col].notna(), None)
    df.attrs.update(dict(attrs or {}))
    return df


def _is_nan(value: Any) -> bool:
    return isinstance(value, float) and math.isnan(value)


def _progress_callback(progress: Any, total: int | None) -> tuple[Callable[[], None], Callable[[], None]]:
    """Return (tick, close) for ``progress``: None/False, True (tqdm bar) or a callable."""
    if not progress:
        return (lambda: None), (lambda: None)
    if callable(progress):
        count = [0]

        def tick() -> None:
            count[0] += 1
            progress(count[0], total)

        return tick, (lambda: None)
    from tqdm import tqdm

    bar = tqdm(total=total, unit="article", desc="scoring", leave=False)
    return (lambda: bar.update(1)), bar.close


def score_corpus(
    corpus: Any,
    jobs: int = 1,
    progress: Any = None,
    lexicon: Any = None,
    actors: Any = None,
    registry: Any = None,
) -> pd.DataFrame:
    """Score every article of a corpus into one table.

    Args:
        corpus: A :class:`framing.Corpus`, a path (folder / ``.csv`` / ``.jsonl``), or
            an iterable of :class:`framing.Article`.
        jobs: Worker processes (1: in this process; N > 1: a process pool of N; 0 or
            negative: one per core). Results are identical and in input order.
        progress: None or False (silent), True (a tqdm bar on stderr) or a callable
            called as ``progress(done, total)`` after each article (total may be None).
        lexicon: Loaded-term lexicon (default: the built-in one).
        actors: Actor groups for actor sentiment and word choice (default: built-in).
        registry: Optional speaker registry (name -> role).

    Returns:
        DataFrame with one row per input (articles in input order, then load failures):
        identity columns, the flat score keys (see docs/measures.md), ``flags`` and
        ``error`` (None, or the message; that row's scores are NaN). ``df.attrs`` holds
        :data:`PROVENANCE_COLUMNS`.

    Raises:
        InputError: ``corpus`` or ``jobs`` cannot be used.
    """
    if not isinstance(jobs, int) or isinstance(jobs, bool):
        raise InputError(f"jobs: expected an int (1, N or 0 for all cores), got {jobs!r}")
    items = list(iter_articles(corpus))
    tick, close = _progress_callback(progress, len(items))
    options = {"lexicon": lexicon, "actors": actors, "registry": registry}
    workers = (os.cpu_count() or 1) if jobs <= 0 else jobs
    records: list[dict[str, Any]] = []
    try:
        if workers == 1 or len(items) < 2:
            for item in items:
                records.append(_score_row(item, **options))
                tick()
        else:
            with ProcessPoolExecutor(max_workers=workers) as pool:
                futures = [pool.submit(_score_row, item, **options) for item in items]
                for future in futures:
                    records.append(future.result())
                    tick()
    finally:
        close()
    return records_to_frame(records, provenance(lexicon))


def score_articles(
    corpus: Any,
    progress: Any = None,
    lexicon: Any = None,
    actors: Any = None,
    registry: Any = None,
) -> ScoredCorpus:
    """Score a corpus keeping each article's :class:`ArticleScores` (for reports).

    Same arguments and table as :func:`score_corpus`, scored in this process.

    Returns:
        :class:`ScoredCorpus` with the table and the scores of the articles that scored.
    """
    items = list(iter_articles(corpus))
    tick, close = _progress_callback(progress, len(items))
    records: list[dict[str, Any]] = []
    kept: list[ArticleScores] = []
    try:
        for item in items:
            scores, row = _score_full(item, lexicon=lexicon, actors=actors, registry=registry)
            records.append(row)
            if scores is not None:
                kept.append(scores)
            tick()
    finally:
        close()
    return ScoredCorpus(table=records_to_frame(records, provenance(lexicon)), scores=tuple(kept))


# -- export -------------------------------------------------------------------------------


def _looks_numeric(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _neutralise_cell(value: Any) -> Any:
    """Prefix a text cell that a spreadsheet would run as a formula with ``'``.

    Numbers (including negative numbers written as text) are left alone.
    """
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS) and not _looks_numeric(value):
        return "'" + value
    return value


def _with_provenance(df: pd.DataFrame) -> pd.DataFrame:
    """Copy of ``df`` with the provenance columns (per-row values already there are kept)."""
    out = df.copy()
    for col in PROVENANCE_COLUMNS:
        if col not in out.columns:
            out[col] = df.attrs.get(col)
        elif df.attrs.get(col) is not None:
            out[col] = out[col].astype(object).where(out[col].notna(), df.attrs.get(col))
    return out


def _suffix(path: str | os.PathLike[str]) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in TABLE_SUFFIXES:
        raise InputError(
            f"path: {os.fspath(path)!r} has suffix {suffix!r}; use one of {', '.join(TABLE_SUFFIXES)}"
        )
    return suffix


def table_to_text(df: pd.DataFrame, fmt: str = "csv") -> str:
    """The table as CSV or JSONL text, with provenance columns (CSV cells neutralised)."""
    out = _with_provenance(df)
    if fmt == "csv":
        text_cols = [c for c in out.columns if out[c].dtype == object]
        for col in text_cols:
            out[col] = out[col].map(_neutralise_cell)
        return out.to_csv(index=False, lineterminator="\n")
    if fmt == "jsonl":
        lines = []
        for row in out.to_dict(orient="records"):
            clean = {k: (None if isinstance(v, float) and math.isnan(v) else v) for k, v in row.items()}
            lines.append(json.dumps(clean, ensure_ascii=False, default=str, allow_nan=False))
        return "\n".join(lines) + ("\n" if lines else "")
    raise InputError(f"fmt: {fmt!r} is not a text table format; use 'csv' or 'jsonl'")


def write_table(df: pd.DataFrame, path: str | os.PathLike[str]) -> Path:
    """Write the corpus table by suffix (``.csv``, ``.jsonl``, ``.parquet``), atomically.

    Every export carries the constant columns :data:`PROVENANCE_COLUMNS` (framing version,
    lexicon name, version and hash, from ``df.attrs``); Parquet also stores them in the
    file's metadata. CSV text cells starting with ``= + - @`` (tab, carriage return) are
    prefixed with ``'`` so a spreadsheet shows them as text; numbers are untouched.

    Raises:
        InputError: unknown suffix.
        MissingExtraError: ``.parquet`` without pyarrow (``pip install 'framing[parquet]'``).
    """
    suffix = _suffix(path)
    if suffix == ".csv":
        return atomic_write_text(path, table_to_text(df, "csv"))
    if suffix == ".jsonl":
        return atomic_write_text(path, table_to_text(df, "jsonl"))
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise MissingExtraError(
            f"path: writing {os.fspath(path)!r} needs pyarrow; install it with "
            "pip install 'framing[parquet]'"
        ) from exc
    table = pa.Table.from_pandas(_with_provenance(df), preserve_index=False)
    meta = dict(table.schema.metadata or {})
    meta[b"framing"] = json.dumps({k: df.attrs.get(k) for k in PROVENANCE_COLUMNS}).encode()
    table = table.replace_schema_metadata(meta)
    return atomic_writer(path, lambda handle: pq.write_table(table, handle))


def _unneutralise(value: Any) -> Any:
    if isinstance(value, str) and len(value) > 1 and value[0] == "'" and value[1] in "=+-@\t\r":
        return value[1:]
    return value


def read_table(path: str | os.PathLike[str]) -> pd.DataFrame:
    """Read a table written by :func:`write_table`.

    The columns come back as written, except ``framing_version``, which moves to
    ``df.attrs`` with the lexicon name, version and hash (read from their columns).

    Raises:
        InputError: unknown suffix, or the file is not a framing scores table.
    """
    import pandas as pd

    suffix = _suffix(path)
    if suffix == ".csv":
        text_cols = (*IDENTITY_COLUMNS, *PROVENANCE_COLUMNS, "error", "flags")
        df = pd.read_csv(path, dtype={c: object for c in text_cols}, keep_default_na=True)
        for col in df.columns:
            if df[col].dtype == object:
                df[col] = df[col].map(_unneutralise)
    elif suffix == ".jsonl":
        df = pd.read_json(path, lines=True, dtype={
            c: object for c in (*IDENTITY_COLUMNS, *PROVENANCE_COLUMNS, "error")})
    else:
        try:
            df = pd.read_parquet(path)
        except ImportError as exc:
            raise MissingExtraError(
                "reading Parquet needs pyarrow; install it with pip install 'framing[parquet]'"
            ) from exc
    if "framing_version" not in df.columns:
        raise InputError(
            f"path: {os.fspath(path)!r} is not a framing scores table (no framing_version "
            "column); write one with framing.corpus.write_table or `framing score -o`"
        )
    for col in PROVENANCE_COLUMNS:
        if col in df.columns:
            values = df[col].dropna()
            df.attrs[col] = str(values.iloc[0]) if len(values) else None
    df = df.drop(columns=["framing_version"])
    for col in (*IDENTITY_COLUMNS, *PROVENANCE_COLUMNS[1:], "error", "flags"):
        if col in df.columns:
            df[col] = df[col].astype(object).where(df[col].notna(), None)
            if col == "id":
                df[col] = df[col].map(lambda v: None if v is None else str(v))
    return df
