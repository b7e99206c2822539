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
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence, Sized
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from framing._io import atomic_write_bytes, atomic_writer
from framing.article import Article
from framing.errors import InputError, MissingExtraError

if TYPE_CHECKING:
    import pandas as pd

    from framing.scores import ArticleScores
    from framing.store import ScoreStore

__all__ = [
    "IDENTITY_COLUMNS",
    "PROVENANCE_COLUMNS",
    "TABLE_SUFFIXES",
    "ScoredCorpus",
    "iter_articles",
    "iter_table_lines",
    "neutralise_cell",
    "open_store",
    "provenance",
    "read_table",
    "records_to_frame",
    "score_articles",
    "score_corpus",
    "stream_table",
    "table_columns",
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
    """Yield the articles of ``corpus`` lazily (load failures included, as they come).

    Args:
        corpus: A :class:`framing.Corpus` (its articles, then its load failures), a path
            (folder, ``.csv``, ``.jsonl``) streamed by :func:`framing.load.iter_corpus`
            (articles and load failures in file order, one at a time), a single
            :class:`Article`, or any iterable of :class:`Article`.

    Yields:
        Articles and load failures in input order.

    Raises:
        InputError: ``corpus`` is none of the above.
    """
    if isinstance(corpus, (str, os.PathLike)):
        from framing.load import iter_corpus

        yield from iter_corpus(corpus)
        return
    if isinstance(corpus, Article):
        yield corpus
        return
    articles = getattr(corpus, "articles", None)
    if articles is not None:
        yield from articles
        yield from getattr(corpus, "failures", ()) or ()
        return
    if isinstance(corpus, (Mapping, str, bytes)) or not isinstance(corpus, Iterable):
        raise InputError(
            f"corpus: expected a framing.Corpus, a path or an iterable of framing.Article, "
            f"got {type(corpus).__name__}"
        )
    yield from corpus


def _total(corpus: Any) -> int | None:
    """Number of inputs when known without reading them (None for streams and paths)."""
    if isinstance(corpus, Article):
        return 1
    articles = getattr(corpus, "articles", None)
    if articles is not None:
        return len(articles) + len(getattr(corpus, "failures", ()) or ())
    if isinstance(corpus, Sized) and not isinstance(corpus, (str, os.PathLike, Mapping)):
        return len(corpus)
    return None


def _score_full(
    article: Any, lexicon: Any = None, actors: Any = None, registry: Any = None
) -> tuple[ArticleScores | None, dict[str, Any]]:
    """Like :func:`framing.stream.score_record` but also returns the ArticleScores."""
    from framing.stream import failure_record, load_failure_message

    if not isinstance(article, Article):
        return None, failure_record(article, load_failure_message(article))
    try:
        from framing.scores import score

        scores = score(article, lexicon=lexicon, actors=actors, registry=registry)
        row = scores.as_dict()
    except Exception as exc:  # noqa: BLE001 - a batch records the failure and goes on
        _log.warning("article %s failed: %s: %s", article.id, type(exc).__name__, exc)
        return None, failure_record(article, f"{type(exc).__name__}: {exc}")
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


def open_store(db: str | os.PathLike[str], lexicon: Any = None, actors: Any = None,
               registry: Any = None) -> ScoreStore:
    """The score store at ``db`` keyed for this framing version and these options.

    Args:
        db: SQLite file (created when missing).
        lexicon, actors, registry: The scoring options; their hash is part of every key
            (see :func:`framing.stream.options_hash`).
    """
    import framing
    from framing.store import ScoreStore
    from framing.stream import options_hash

    return ScoreStore(os.fspath(db), framing_version=framing.__version__,
                      lexicon_hash=options_hash(lexicon, actors, registry))


def score_corpus(
    corpus: Any,
    jobs: int = 1,
    progress: Any = None,
    lexicon: Any = None,
    actors: Any = None,
    registry: Any = None,
    *,
    db: str | os.PathLike[str] | None = None,
    chunksize: int = 8,
) -> pd.DataFrame:
    """Score every article of a corpus into one table.

    The corpus is streamed (:func:`framing.stream.iter_records`): only the table grows
    with the corpus. For corpora whose table does not fit in memory either, iterate
    :func:`framing.stream.iter_records` yourself or use ``framing score -o``, which
    writes rows as they come.

    Args:
        corpus: A :class:`framing.Corpus`, a path (folder / ``.csv`` / ``.jsonl``, read
            lazily), or any iterable of :class:`framing.Article` (a generator is fine).
        jobs: Worker processes (1: in this process; N > 1: a process pool of N; 0 or
            negative: one per core). Results are identical and in input order.
        progress: None or False (silent), True (a tqdm bar on stderr) or a callable
            called as ``progress(done, total)`` after each article (total is None when
            the corpus size is not known in advance: paths and generators).
        lexicon: Loaded-term lexicon (default: the built-in one).
        actors: Actor groups for actor sentiment and word choice (default: built-in).
        registry: Optional speaker registry (name -> role).
        db: Optional SQLite score store (see :mod:`framing.store`): articles already
            stored under the same content, framing version and lexicon are not scored
            again; new records are committed as they arrive, so a killed run resumes.
        chunksize: Articles per task sent to a worker.

    Returns:
        DataFrame with one row per input, in input order (for a :class:`framing.Corpus`,
        its load failures come after its articles): identity columns, the flat score
        keys (see docs/measures.md), ``flags`` and ``error`` (None, or the message; that
        row's scores are NaN). ``df.attrs`` holds :data:`PROVENANCE_COLUMNS`.

    Raises:
        InputError: ``corpus`` or ``jobs`` cannot be used.
    """
    from framing.stream import iter_records

    if not isinstance(jobs, int) or isinstance(jobs, bool):
        raise InputError(f"jobs: expected an int (1, N or 0 for all cores), got {jobs!r}")
    items = iter_articles(corpus)
    store = open_store(db, lexicon, actors, registry) if db is not None else None
    tick, close = _progress_callback(progress, _total(corpus))
    try:
        records = list(iter_records(
            items, jobs=jobs, chunksize=chunksize, lexicon=lexicon, actors=actors,
            registry=registry, on_record=lambda _record: tick(), store=store))
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
    items = iter_articles(corpus)
    tick, close = _progress_callback(progress, _total(corpus))
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


def neutralise_cell(value: Any) -> Any:
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
    if fmt == "csv":
        return "".join(iter_table_lines(df.to_dict(orient="records"), list(df.columns),
                                        df.attrs, "csv"))
    out = _with_provenance(df)
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
    if suffix in (".csv", ".jsonl"):
        data = table_to_text(df, suffix[1:]).encode("utf-8", "replace")
        return atomic_write_bytes(path, data)
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


def table_columns(template: Mapping[str, Any]) -> list[str]:
    """Columns of the table built from records shaped like ``template``.

    Identity columns first, then the record's keys in order, ``error`` last: the order
    :func:`records_to_frame` gives.
    """
    columns = list(IDENTITY_COLUMNS)
    columns += [k for k in template if k not in columns and k != "error"]
    return [*columns, "error"]


def _csv_cell(value: Any) -> str:
    if value is None or _is_nan(value):
        return ""
    if isinstance(value, float):
        return float.__repr__(value)
    return str(neutralise_cell(value))


def _csv_line(cells: Iterable[str]) -> str:
    """One CSV record (RFC 4180 quoting), ended by ``\\n``.

    A field is quoted when it holds a comma, a double quote, ``\\n`` or ``\\r``: Python's
    csv writer with a ``\\n`` line terminator leaves a bare ``\\r`` unquoted, which splits
    the row in any reader.
    """
    fields = []
    for cell in cells:
        if any(c in cell for c in ',"\n\r'):
            cell = '"' + cell.replace('"', '""') + '"'
        fields.append(cell)
    return ",".join(fields) + "\n"


def iter_table_lines(records: Iterable[Mapping[str, Any]], columns: Sequence[str],
                     attrs: Mapping[str, Any], fmt: str = "csv") -> Iterator[str]:
    """Lines of the corpus table, one per record as it arrives (CSV: a header first).

    The same text :func:`table_to_text` gives for the finished table, except that
    integer columns stay integers in rows of their own (no float promotion): every
    row carries :data:`PROVENANCE_COLUMNS` (a record's own value, else ``attrs``), CSV
    cells are neutralised against formula injection, NaN is an empty CSV cell or a JSON
    ``null``. A key outside ``columns`` is dropped (logged once).

    Args:
        records: Flat records, e.g. from :func:`framing.stream.iter_records`.
        columns: Record columns (see :func:`table_columns`).
        attrs: Provenance values (see :func:`provenance`).
        fmt: ``"csv"`` or ``"jsonl"``.
    """
    if fmt not in ("csv", "jsonl"):
        raise InputError(f"fmt: {fmt!r} is not a text table format; use 'csv' or 'jsonl'")
    out_columns = [*columns, *(c for c in PROVENANCE_COLUMNS if c not in columns)]
    known = set(columns)
    warned = False
    if fmt == "csv":
        yield _csv_line(out_columns)
    for record in records:
        if not warned and not known.issuperset(record):
            _log.warning("columns %s are not in the table header and are dropped",
                         sorted(set(record) - known))
            warned = True
        row = {c: record.get(c) for c in columns}
        for col in PROVENANCE_COLUMNS:
            if row.get(col) is None or _is_nan(row.get(col)):
                row[col] = attrs.get(col)
        if fmt == "csv":
            yield _csv_line(_csv_cell(row[c]) for c in out_columns)
        else:
            clean = {c: (None if _is_nan(row[c]) else row[c]) for c in out_columns}
            yield json.dumps(clean, ensure_ascii=False, default=str, allow_nan=False) + "\n"


def stream_table(records: Iterable[Mapping[str, Any]], path: str | os.PathLike[str], *,
                 columns: Sequence[str], attrs: Mapping[str, Any]) -> Path:
    """Write records to ``path`` as they arrive, atomically (temporary file, then rename).

    ``.csv`` and ``.jsonl`` are written row by row (memory stays flat); ``.parquet`` is
    columnar and is built in memory first. A run that is interrupted leaves no file (or
    the previous one), never a half-written table.

    Args:
        records: Flat records, consumed lazily.
        path: Target file; its suffix picks the format.
        columns: Record columns (see :func:`table_columns`).
        attrs: Provenance values (see :func:`provenance`).

    Raises:
        InputError: unknown suffix.
        MissingExtraError: ``.parquet`` without pyarrow.
    """
    suffix = _suffix(path)
    if suffix == ".parquet":
        return write_table(records_to_frame(records, attrs), path)

    def write(handle: Any) -> None:
        import io

        text = io.TextIOWrapper(handle, encoding="utf-8", errors="replace", newline="")
        for line in iter_table_lines(records, columns, attrs, suffix[1:]):
            text.write(line)
        text.flush()
        text.detach()

    return atomic_writer(path, write)


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
