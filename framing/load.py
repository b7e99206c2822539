"""Loading corpora: folders of text files, CSV and JSONL tables, HTML pages.

:func:`iter_corpus` reads lazily, one :class:`~framing.article.Article` (or one
:class:`LoadFailure`) at a time, so corpora larger than memory can be streamed;
:func:`load_corpus` materialises it into a :class:`Corpus`. Formats are described in
``docs/corpus.md``:

* a folder of ``.txt`` / ``.md`` / ``.html`` files (ids = file stems, sorted by name),
  with an optional manifest (``manifest.csv`` or ``manifest.jsonl`` in the folder, or
  an explicit path) matched by the ``file`` or ``id`` column;
* a ``.csv`` / ``.tsv`` or ``.jsonl`` file with one article per row and a text column;
* a single ``.txt`` / ``.md`` / ``.html`` file.

Metadata written in the text (``date YYYY-MM-DD`` first line, "By NAME", "Published:
13/11/2023", the headline) fills the fields the manifest leaves empty. A file that cannot
be read, is binary, or has no article text becomes a :class:`LoadFailure` and the batch
goes on; a malformed manifest or table header raises :class:`~framing.errors.ManifestError`
naming the file, the row and the field.
"""

from __future__ import annotations

import codecs
import csv
import datetime as _dt
import importlib
import json
import logging
import re
import sys
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from os import PathLike
from pathlib import Path
from typing import Any

from framing.article import Article
from framing.clean import looks_binary
from framing.errors import (
    CorpusReadError,
    FramingError,
    InputError,
    ManifestError,
    MissingExtraError,
)
from framing.metadata import read_metadata

__all__ = ["FIELDS", "TEXT_SUFFIXES", "Corpus", "LoadFailure", "iter_corpus", "load_corpus"]

_LOG = logging.getLogger(__name__)

#: Article fields a manifest or table column may fill.
FIELDS = ("id", "file", "text", "outlet", "date", "title", "author", "url", "incident")
#: File suffixes read as article text in a folder (``.html``/``.htm`` need ``framing[html]``).
TEXT_SUFFIXES = (".txt", ".md", ".html", ".htm")
_HTML_SUFFIXES = (".html", ".htm")
_MANIFEST_NAMES = ("manifest.csv", "manifest.jsonl")
_META_FIELDS = ("outlet", "date", "title", "author")
_SURROGATE = re.compile(r"[\udc80-\udcff]")
_BINARY_SNIFF = 8000


@dataclass(frozen=True, slots=True)
class LoadFailure:
    """An input that could not be turned into an article.

    Attributes:
        id: The article id it would have had (file stem, id column or row label).
        path: File (and row, for tables) it came from.
        error: What went wrong, naming the file / row / field.
        error_type: Name of the exception class (e.g. ``"PermissionError"``,
            ``"InputError"``, ``"ManifestError"``).
    """

    id: str
    path: str
    error: str
    error_type: str


@dataclass(frozen=True, slots=True)
class Corpus:
    """Articles loaded from one path, plus the inputs that failed.

    Iterating gives the articles; ``corpus[i]`` is the i-th article and ``corpus["id"]``
    the article with that id.

    Attributes:
        articles: Loaded articles, in input order (sorted file names for folders).
        failures: Inputs that could not be loaded, with the reason.
        path: The path the corpus was loaded from (``None`` when built in memory).
    """

    articles: tuple[Article, ...]
    failures: tuple[LoadFailure, ...] = ()
    path: str | None = None
    _index: dict[str, int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "articles", tuple(self.articles))
        object.__setattr__(self, "failures", tuple(self.failures))
        index: dict[str, int] = {}
        for i, article in enumerate(self.articles):
            if article.id in index:
                raise InputError(f"articles: id {article.id!r} occurs twice; ids must be unique")
            index[article.id] = i
        object.__setattr__(self, "_index", index)

    def __iter__(self) -> Iterator[Article]:
        return iter(self.articles)

    def __len__(self) -> int:
        return len(self.articles)

    def __getitem__(self, key: int | str) -> Article:
        if isinstance(key, str):
            try:
                return self.articles[self._index[key]]
            except KeyError:
                raise KeyError(f"no article with id {key!r} in this corpus") from None
        return self.articles[key]

    def __contains__(self, key: object) -> bool:
        return key in self._index

    @property
    def ids(self) -> tuple[str, ...]:
        """Article ids in order."""
        return tuple(a.id for a in self.articles)


# ----------------------------------------------------------------------- helpers


def _raise_csv_limit() -> None:
    """Let the csv module read very large cells (a 10 MB article in one cell)."""
    limit = sys.maxsize
    while True:
        try:
            csv.field_size_limit(limit)
            return
        except OverflowError:
            limit //= 10


def _decode(data: bytes, encoding: str, where: str) -> tuple[str, tuple[str, ...]]:
    codec = "utf-8-sig" if encoding.lower().replace("_", "-") in ("utf-8", "utf8") else encoding
    try:
        return data.decode(codec), ()
    except UnicodeDecodeError as exc:
        text = data.decode(codec, errors="replace")
        bad = text.count("\ufffd") - data.decode(codec, errors="ignore").count("\ufffd")
        message = (f"{where}: bytes not valid {encoding} (first at byte {exc.start}); "
                   f"{bad} replaced by U+FFFD")
        _LOG.warning(message)
        return text, (message,)


def _fix_surrogates(value: str, encoding: str, where: str) -> tuple[str, tuple[str, ...]]:
    if not _SURROGATE.search(value):
        return value, ()
    fixed, count = _SURROGATE.subn("\ufffd", value)
    message = f"{where}: {count} bytes not valid {encoding} replaced by U+FFFD"
    _LOG.warning(message)
    return fixed, (message,)


def _failure(article_id: str, path: str, exc: BaseException) -> LoadFailure:
    _LOG.warning("could not load %s: %s", path, exc)
    return LoadFailure(id=article_id, path=path, error=str(exc), error_type=type(exc).__name__)


def _trafilatura() -> Any:
    try:
        return importlib.import_module("trafilatura")
    except ImportError as exc:
        raise MissingExtraError(
            'reading .html files needs the optional extra: pip install "framing[html]" '
            f"(trafilatura); importing it failed: {exc}"
        ) from exc


def _extract_html(html: str, where: str) -> tuple[str, dict[str, str]]:
    """Article text and metadata of an HTML page, via trafilatura."""
    module = _trafilatura()
    result = module.bare_extraction(html, with_metadata=True, include_comments=False,
                                    include_tables=False)
    if result is not None and not isinstance(result, dict):
        result = result.as_dict()
    text = (result or {}).get("text") or ""
    if not text.strip():
        raise InputError(f"{where}: no article text found in the HTML")
    meta = {}
    for source_key, key in (("title", "title"), ("author", "author"), ("date", "date"),
                            ("sitename", "outlet"), ("url", "url")):
        value = result.get(source_key) if result else None
        if isinstance(value, str) and value.strip():
            meta[key] = value.strip()
    return text, meta


def _map_columns(columns: Sequence[str], *, where: str, text_column: str | None,
                 id_column: str, column_map: Mapping[str, str | None] | None,
                 extra_columns: Sequence[str], allowed: Sequence[str]) -> dict[str, str | None]:
    """Map source column names to field names (``None`` = ignore, ``extra:NAME`` = extra)."""
    mapping: dict[str, str | None] = {}
    given = dict(column_map or {})
    for column in columns:
        if column in given:
            target = given[column]
            if target and target not in allowed:
                raise ManifestError(
                    f"{where}: column_map maps column {column!r} to {target!r}; allowed "
                    f"fields: {', '.join(allowed)} (or None to ignore the column)")
            mapping[column] = target or None
        elif text_column is not None and column == text_column:
            mapping[column] = "text"
        elif column == id_column:
            mapping[column] = "id"
        elif column in extra_columns:
            mapping[column] = f"extra:{column}"
        elif column in allowed and column not in ("text", "id"):
            mapping[column] = column
        else:
            raise ManifestError(
                f"{where}, field {column!r}: unknown column; known: "
                f"{', '.join(a for a in allowed)}; keep it with extra_columns=[{column!r}], "
                f"rename it with column_map={{{column!r}: 'title'}} or ignore it with "
                f"column_map={{{column!r}: None}}")
    targets = [t for t in mapping.values() if t and not t.startswith("extra:")]
    for target in set(targets):
        if targets.count(target) > 1:
            raise ManifestError(f"{where}: several columns map to {target!r}")
    return mapping


def _row_fields(row: Mapping[str, Any], mapping: Mapping[str, str | None], where: str,
                ) -> tuple[dict[str, str], list[tuple[str, str]]]:
    fields: dict[str, str] = {}
    extra: list[tuple[str, str]] = []
    for column, value in row.items():
        target = mapping.get(column)
        if target is None:
            continue
        if value is None:
            text = ""
        elif isinstance(value, str):
            text = value
        elif isinstance(value, (int, float, bool)):
            text = str(value)
        elif target.startswith("extra:"):
            text = json.dumps(value, ensure_ascii=False)
        else:
            raise ManifestError(f"{where}, field {column!r}: expected a string, got "
                                f"{type(value).__name__} {value!r}")
        if target.startswith("extra:"):
            extra.append((target[6:], text))
        elif target == "text":
            fields[target] = text
        else:
            fields[target] = text.strip()
    date = fields.get("date")
    if date and not _is_iso_date(date):
        raise ManifestError(f"{where}, field 'date': {date!r} is not a date; use ISO "
                            "YYYY-MM-DD (e.g. 2021-05-18)")
    return fields, extra


def _is_iso_date(value: str) -> bool:
    """True when ``value`` starts with an ISO date (what :class:`Article` accepts)."""
    try:
        _dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return False
    return True


def _build_article(article_id: str, text: str, fields: Mapping[str, str],
                   extra: Sequence[tuple[str, str]], warnings: Sequence[str],
                   text_meta: Mapping[str, str] | None = None) -> Article:
    """An Article from manifest fields, filling gaps from metadata read in the text."""
    values: dict[str, Any] = {k: fields.get(k) or None for k in (
        "outlet", "date", "title", "author", "url", "incident")}
    notes = list(warnings)
    if not text.strip():
        notes.append("empty text")
    filled: list[str] = []
    known = dict(text_meta or {})
    if any(values[k] is None for k in _META_FIELDS) and text.strip():
        for key, value in read_metadata(text).items():
            known.setdefault(key, value)
    for key in _META_FIELDS:
        if values[key] is None and known.get(key):
            candidate = known[key]
            if key == "date" and not _is_iso_date(candidate):
                continue
            values[key] = candidate
            filled.append(key)
    if values["url"] is None and known.get("url"):
        values["url"] = known["url"]
        filled.append("url")
    extras = list(extra)
    if filled:
        extras.append(("filled_from_text", ",".join(filled)))
    return Article(id=article_id, text=text, extra=tuple(extras), warnings=tuple(notes),
                   **values)


# ----------------------------------------------------------------------- manifests


def _read_table_rows(path: Path, encoding: str
                     ) -> Iterator[tuple[int, str, dict[str, Any] | ManifestError]]:
    """Rows of a CSV/TSV or JSONL file as ``(row_number, where, mapping)``.

    CSV rows are numbered like a spreadsheet (header = row 1, yielded first as
    ``{"__header__": [...]}``); JSONL rows by line. A malformed row is yielded as a
    :class:`ManifestError` (the caller decides: raise for manifests, record a failure for
    tables); a malformed header raises.
    """
    suffix = path.suffix.lower()
    codec = "utf-8-sig" if encoding.lower().replace("_", "-") in ("utf-8", "utf8") else encoding
    try:
        handle = path.open(encoding=codec, errors="surrogateescape", newline="")
    except OSError as exc:
        raise CorpusReadError(f"{path}: cannot read: {exc}") from exc
    with handle:
        if suffix in (".jsonl", ".ndjson"):
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                where = f"{path}, row {number}"
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError as exc:
                    yield number, where, ManifestError(
                        f"{where}: not valid JSON ({exc.msg} at column {exc.colno})")
                    continue
                if not isinstance(obj, dict):
                    yield number, where, ManifestError(
                        f"{where}: expected a JSON object, got {type(obj).__name__}")
                    continue
                yield number, where, obj
            return
        _raise_csv_limit()
        first = handle.readline()
        if not first.strip():
            raise ManifestError(f"{path}, row 1 (header): the file has no header row")
        if suffix == ".tsv":
            delimiter = "\t"
        else:
            delimiter = max(",;\t|", key=first.count) if any(c in first for c in ",;\t|") else ","
        handle.seek(0)
        reader = csv.reader(handle, delimiter=delimiter)
        header = next(reader)
        header = [h.strip() for h in header]
        if len(set(header)) != len(header) or "" in header:
            raise ManifestError(f"{path}, row 1 (header): column names must be unique and "
                                f"non-empty, got {header}")
        yield 1, f"{path}, row 1 (header)", {"__header__": header}
        for number, cells in enumerate(reader, start=2):
            if not cells or (len(cells) == 1 and not cells[0].strip()):
                continue
            where = f"{path}, row {number}"
            if len(cells) != len(header):
                yield number, where, ManifestError(
                    f"{where}: {len(cells)} fields, the header has {len(header)}")
                continue
            yield number, where, dict(zip(header, cells))


def _read_manifest(path: Path, folder: Path, *, encoding: str, id_column: str,
                   column_map: Mapping[str, str | None] | None,
                   extra_columns: Sequence[str]) -> list[tuple[str, dict[str, str], list]]:
    """Manifest rows as ``(where, fields, extra)``; raises ManifestError when malformed."""
    allowed = [f for f in FIELDS if f != "text"]
    rows: list[tuple[str, dict[str, str], list]] = []
    mapping: dict[str, str | None] | None = None
    for number, where, obj in _read_table_rows(path, encoding):
        if isinstance(obj, ManifestError):
            raise obj
        if "__header__" in obj:
            mapping = _map_columns(obj["__header__"], where=where, text_column=None,
                                   id_column=id_column, column_map=column_map,
                                   extra_columns=extra_columns, allowed=allowed)
            if "file" not in mapping.values() and "id" not in mapping.values():
                raise ManifestError(f"{where}: a manifest needs a 'file' or an "
                                    f"{id_column!r} column to match articles; got "
                                    f"{obj['__header__']}")
            continue
        if mapping is None:  # JSONL: every object is checked against the fields
            row_map = _map_columns(list(obj), where=where, text_column=None,
                                   id_column=id_column, column_map=column_map,
                                   extra_columns=extra_columns, allowed=allowed)
        else:
            row_map = mapping
        obj = {k: _fix_surrogates(v, encoding, where)[0] if isinstance(v, str) else v
               for k, v in obj.items()}
        fields, extra = _row_fields(obj, row_map, where)
        if not fields.get("file") and not fields.get("id"):
            raise ManifestError(f"{where}, field 'file': empty; each row needs a file "
                                f"name or an {id_column!r}")
        if fields.get("file"):
            _check_inside(fields["file"], folder, where)
        rows.append((where, fields, extra))
    return rows


def _check_inside(name: str, folder: Path, where: str) -> Path:
    candidate = Path(name)
    if candidate.is_absolute() or ".." in candidate.parts:
        raise ManifestError(f"{where}, field 'file': {name!r} points outside the corpus "
                            f"folder {folder}; give a path relative to it")
    resolved = (folder / candidate).resolve()
    if not resolved.is_relative_to(folder.resolve()):
        raise ManifestError(f"{where}, field 'file': {name!r} resolves outside the corpus "
                            f"folder {folder}")
    return resolved


# ----------------------------------------------------------------------- readers


def _read_text_file(path: Path, article_id: str, encoding: str
                    ) -> tuple[str, tuple[str, ...], dict[str, str]]:
    """Text, warnings and HTML metadata of one file; raises on unreadable/binary files."""
    data = path.read_bytes()
    if b"\x00" in data[:_BINARY_SNIFF]:
        raise InputError(f"{path}: binary file (NUL bytes), not article text")
    text, warnings = _decode(data, encoding, str(path))
    if looks_binary(text):
        raise InputError(f"{path}: binary file (mostly control or undecodable bytes), "
                         "not article text")
    meta: dict[str, str] = {}
    if path.suffix.lower() in _HTML_SUFFIXES:
        text, meta = _extract_html(text, str(path))
    return text, warnings, meta


def _iter_folder(folder: Path, *, manifest: Path | None, encoding: str, id_column: str,
                 column_map: Mapping[str, str | None] | None,
                 extra_columns: Sequence[str]) -> Iterator[Article | LoadFailure]:
    if manifest is None:
        found = [folder / n for n in _MANIFEST_NAMES if (folder / n).is_file()]
        if len(found) > 1:
            raise ManifestError(f"{folder}: both manifest.csv and manifest.jsonl found; keep "
                                "one or pass manifest= explicitly")
        manifest = found[0] if found else None
    rows = (_read_manifest(manifest, folder, encoding=encoding, id_column=id_column,
                           column_map=column_map, extra_columns=extra_columns)
            if manifest is not None else [])
    try:
        entries = sorted(p for p in folder.iterdir()
                         if p.suffix.lower() in TEXT_SUFFIXES and not p.name.startswith(".")
                         and p.is_file())
    except OSError as exc:
        raise CorpusReadError(f"{folder}: cannot list the folder: {exc}") from exc
    by_file: dict[str, tuple[str, dict[str, str], list]] = {}
    by_id: dict[str, tuple[str, dict[str, str], list]] = {}
    for entry in rows:
        where, fields, _ = entry
        if fields.get("file"):
            key = Path(fields["file"]).as_posix()
            if key in by_file:
                raise ManifestError(f"{where}, field 'file': {fields['file']!r} is listed twice")
            by_file[key] = entry
        elif fields.get("id"):  # rows without a file name are matched by id (= file stem)
            if fields["id"] in by_id:
                raise ManifestError(f"{where}, field {id_column!r}: id {fields['id']!r} is "
                                    "listed twice")
            by_id[fields["id"]] = entry
    files = {p.relative_to(folder).as_posix(): p for p in entries}
    for key, (where, _, _) in by_file.items():
        if key not in files:
            files[key] = folder / key  # may be in a sub-folder, or missing (a failure)
    seen: set[str] = set()
    used_rows: set[int] = set()
    for key in sorted(files):
        path = files[key]
        row: tuple[str, dict[str, str], list] | None = (by_file.get(key)
                                                        or by_id.get(Path(key).stem))
        fields = dict(row[1]) if row else {}
        extra = list(row[2]) if row else []
        if row:
            used_rows.add(id(row))
        article_id = fields.get("id") or Path(key).stem
        if article_id in seen:
            yield _failure(article_id, str(path), InputError(
                f"{path}: id {article_id!r} is already used by another file; give the files "
                "different stems or ids in the manifest"))
            continue
        seen.add(article_id)
        try:
            if not path.is_file():
                raise FileNotFoundError(f"{path}: file named in {row[0] if row else 'manifest'}"
                                        " does not exist")
            text, warnings, meta = _read_text_file(path, article_id, encoding)
            yield _build_article(article_id, text, fields, extra, warnings, meta)
        except MissingExtraError:
            raise
        except (OSError, FramingError, ValueError) as exc:
            yield _failure(article_id, str(path), exc)
    for row in rows:
        if id(row) not in used_rows:
            where, fields, _ = row
            yield _failure(fields.get("id") or Path(fields.get("file", "")).stem, where,
                           FileNotFoundError(f"{where}: no file in {folder} matches "
                                             f"{fields.get('file') or fields.get('id')!r}"))


def _iter_table(path: Path, *, encoding: str, text_column: str, id_column: str,
                column_map: Mapping[str, str | None] | None,
                extra_columns: Sequence[str]) -> Iterator[Article | LoadFailure]:
    mapping: dict[str, str | None] | None = None
    seen: set[str] = set()
    for number, where, obj in _read_table_rows(path, encoding):
        if isinstance(obj, ManifestError):
            yield _failure(f"{path.stem}-{number}", where, obj)
            continue
        if "__header__" in obj:
            header = obj["__header__"]
            if text_column not in header and "text" not in (column_map or {}).values():
                raise ManifestError(f"{where}, field {text_column!r}: no text column; columns "
                                    f"are {header}; pass text_column= or column_map=")
            mapping = _map_columns(header, where=where, text_column=text_column,
                                   id_column=id_column, column_map=column_map,
                                   extra_columns=extra_columns, allowed=FIELDS)
            if "text" not in mapping.values():
                raise ManifestError(f"{where}, field {text_column!r}: no text column; columns "
                                    f"are {obj['__header__']}; pass text_column=")
            continue
        fallback_id = f"{path.stem}-{number}"
        row_map: Mapping[str, str | None] = mapping or {}
        try:
            if mapping is None:  # JSONL: each object is checked on its own
                row_map = _map_columns(list(obj), where=where, text_column=text_column,
                                       id_column=id_column, column_map=column_map,
                                       extra_columns=extra_columns, allowed=FIELDS)
            warnings: list[str] = []
            clean_obj = {}
            for key, value in obj.items():
                if isinstance(value, str):
                    value, notes = _fix_surrogates(value, encoding, f"{where}, field {key!r}")
                    warnings.extend(notes)
                clean_obj[key] = value
            fields, extra = _row_fields(clean_obj, row_map, where)
            if "text" not in fields:
                raise ManifestError(f"{where}, field {text_column!r}: missing")
            article_id = fields.get("id") or fallback_id
            if article_id in seen:
                raise ManifestError(f"{where}, field {id_column!r}: id {article_id!r} occurs "
                                    "twice")
            seen.add(article_id)
            if looks_binary(fields["text"]):
                raise InputError(f"{where}, field {text_column!r}: binary data, not text")
            yield _build_article(article_id, fields["text"], fields, extra, warnings)
        except (FramingError, ValueError) as exc:
            yield _failure(_fields_id(obj, row_map) or fallback_id, where, exc)


def _fields_id(obj: Mapping[str, Any], mapping: Mapping[str, str | None]) -> str | None:
    """The id value of a raw row, when it has one (used to label failures)."""
    for column, target in mapping.items():
        if target == "id" and isinstance(obj.get(column), (str, int)):
            return str(obj[column]).strip() or None
    return None


def iter_corpus(
    path: str | PathLike[str],
    *,
    manifest: str | PathLike[str] | None = None,
    text_column: str = "text",
    id_column: str = "id",
    column_map: Mapping[str, str | None] | None = None,
    extra_columns: Sequence[str] = (),
    encoding: str = "utf-8",
) -> Iterator[Article | LoadFailure]:
    """Read a corpus lazily, one article (or failure) at a time.

    Args:
        path: A folder of ``.txt``/``.md``/``.html`` files, a ``.csv``/``.tsv`` or
            ``.jsonl`` table, or a single text or HTML file.
        manifest: Manifest for a folder (CSV or JSONL). ``None``: ``manifest.csv`` or
            ``manifest.jsonl`` inside the folder is used when present.
        text_column: Column holding the article text (tables).
        id_column: Column holding article ids (tables and manifests). Without it, table
            rows get ids ``<file stem>-<row number>``.
        column_map: Renames source columns to framing fields (``{"headline": "title"}``);
            a value of ``None`` ignores the column.
        extra_columns: Further columns kept as strings in ``Article.extra``.
        encoding: Text encoding of the files (undecodable bytes are replaced and a
            warning is recorded in ``Article.warnings``).

    Yields:
        :class:`~framing.article.Article` for each readable input, in order (sorted file
        names for folders), or :class:`LoadFailure` for each one that is not.

    Raises:
        CorpusReadError: ``path`` does not exist or cannot be listed.
        ManifestError: A manifest or table header is malformed, has unknown columns, a bad
            date, a duplicate entry or a path outside the folder (the message names file,
            row and field). In a table, a bad row becomes a LoadFailure instead.
        MissingExtraError: An ``.html`` file is met and trafilatura is not installed.
        InputError: ``path`` has an unsupported suffix or ``encoding`` is unknown.
    """
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise InputError(f"encoding: {encoding!r} is not a known text encoding") from None
    root = Path(path)
    if not root.exists():
        raise CorpusReadError(f"path: {str(path)!r} does not exist; give a folder, a .csv, "
                              ".tsv or .jsonl file, or a .txt/.md/.html file")
    if root.is_dir():
        yield from _iter_folder(root, manifest=Path(manifest) if manifest else None,
                                encoding=encoding, id_column=id_column, column_map=column_map,
                                extra_columns=extra_columns)
        return
    suffix = root.suffix.lower()
    if suffix in (".csv", ".tsv", ".jsonl", ".ndjson"):
        yield from _iter_table(root, encoding=encoding, text_column=text_column,
                               id_column=id_column, column_map=column_map,
                               extra_columns=extra_columns)
        return
    if suffix in TEXT_SUFFIXES:
        try:
            text, warnings, meta = _read_text_file(root, root.stem, encoding)
            yield _build_article(root.stem, text, {}, [], warnings, meta)
        except MissingExtraError:
            raise
        except (OSError, FramingError, ValueError) as exc:
            yield _failure(root.stem, str(root), exc)
        return
    raise InputError(f"path: {str(path)!r} has an unsupported suffix {suffix!r}; allowed: a "
                     "folder, .csv, .tsv, .jsonl, .ndjson, .txt, .md, .html, .htm")


def load_corpus(
    path: str | PathLike[str],
    *,
    manifest: str | PathLike[str] | None = None,
    text_column: str = "text",
    id_column: str = "id",
    column_map: Mapping[str, str | None] | None = None,
    extra_columns: Sequence[str] = (),
    encoding: str = "utf-8",
) -> Corpus:
    """Load a corpus into memory.

    Same arguments as :func:`iter_corpus`, which this materialises.

    Returns:
        A :class:`Corpus` with every readable article and a :class:`LoadFailure` for each
        input that could not be read.

    Example:
        >>> corpus = load_corpus("seeds/")          # doctest: +SKIP
        >>> corpus["000_eded39321e4ca841"].outlet    # doctest: +SKIP
        'MailOnline'
    """
    articles: list[Article] = []
    failures: list[LoadFailure] = []
    for item in iter_corpus(path, manifest=manifest, text_column=text_column,
                            id_column=id_column, column_map=column_map,
                            extra_columns=extra_columns, encoding=encoding):
        if isinstance(item, Article):
            articles.append(item)
        else:
            failures.append(item)
    return Corpus(articles=tuple(articles), failures=tuple(failures), path=str(path))
