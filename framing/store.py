"""Resumable score store: one SQLite row per article, keyed by what determines its scores.

The key is the SHA-256 of the article's content (text and metadata), the framing version
and the lexicon hash, so a re-run scores only new or changed articles, and a run that was
killed resumes with nothing lost or duplicated (each record is committed as it is stored;
SQLite's write-ahead log makes every commit durable and atomic).
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from framing.article import Article
from framing.errors import CorpusReadError, InputError

__all__ = ["ScoreStore", "article_hash", "record_key"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS scores (
    key TEXT PRIMARY KEY,
    article_id TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    framing_version TEXT NOT NULL,
    lexicon_hash TEXT NOT NULL,
    seq INTEGER NOT NULL,
    record TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS scores_article ON scores(article_id);
"""


def article_hash(article: Article) -> str:
    """SHA-256 (hex) of the article's text and metadata, stable across runs."""
    payload = {
        "id": article.id,
        "text": article.text,
        "outlet": article.outlet,
        "date": article.date.isoformat() if article.date else None,
        "title": article.title,
        "author": article.author,
        "url": article.url,
        "incident": article.incident,
        "extra": list(article.extra),
    }
    blob = json.dumps(payload, sort_keys=True, ensure_ascii=False).encode("utf-8", "surrogatepass")
    return hashlib.sha256(blob).hexdigest()


def record_key(content_hash: str, framing_version: str, lexicon_hash: str) -> str:
    """Store key: content hash + package version + lexicon hash."""
    return hashlib.sha256(
        f"{content_hash}\x00{framing_version}\x00{lexicon_hash}".encode()
    ).hexdigest()


def _encode(record: Mapping[str, Any]) -> str:
    """JSON text of a record; NaN and None stay distinct, lone surrogates are escaped."""
    return json.dumps(dict(record), ensure_ascii=True, default=str)


def _decode(text: str) -> dict[str, Any]:
    decoded: dict[str, Any] = json.loads(text)
    return decoded


@dataclass(frozen=True, slots=True)
class ScoreStore:
    """A SQLite file of scored records (stdlib ``sqlite3``, WAL journal).

    Args:
        path: The database file; created when missing.
        framing_version: Version part of every key.
        lexicon_hash: Lexicon part of every key.
    """

    path: str
    framing_version: str
    lexicon_hash: str

    def __post_init__(self) -> None:
        if not self.path:
            raise InputError("path: an empty path is not allowed for the score store")
        with self._connect() as conn:
            conn.executescript(_SCHEMA)

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        """A connection that commits on success, rolls back on error, and is closed."""
        parent = os.path.dirname(os.path.abspath(self.path))
        os.makedirs(parent, exist_ok=True)
        try:
            conn = sqlite3.connect(self.path, timeout=30)
        except sqlite3.Error as exc:
            raise CorpusReadError(f"db: cannot open the score store {self.path!r} ({exc})") from exc
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            with conn:
                yield conn
        except sqlite3.DatabaseError as exc:
            raise CorpusReadError(
                f"db: {self.path!r} is not a usable framing score store ({exc})") from exc
        finally:
            conn.close()

    def key_for(self, article: Article) -> str:
        """The store key of ``article`` under this store's version and lexicon."""
        return record_key(article_hash(article), self.framing_version, self.lexicon_hash)

    def get(self, keys: Iterable[str]) -> dict[str, dict[str, Any]]:
        """Stored records for those of ``keys`` that are present."""
        wanted = list(dict.fromkeys(keys))
        found: dict[str, dict[str, Any]] = {}
        with self._connect() as conn:
            for i in range(0, len(wanted), 500):
                batch = wanted[i : i + 500]
                marks = ",".join("?" * len(batch))
                rows = conn.execute(f"SELECT key, record FROM scores WHERE key IN ({marks})", batch)
                for key, record in rows:
                    found[key] = _decode(record)
        return found

    def put(self, items: Iterable[tuple[str, Article, Mapping[str, Any]]]) -> int:
        """Store ``(key, article, record)`` triples in one transaction; returns rows written.

        Records with an ``error`` are not stored, so a failed article is retried next run.
        """
        rows = []
        for key, article, record in items:
            error = record.get("error")
            if isinstance(error, str) and error:
                continue
            rows.append((key, article.id, article_hash(article), self.framing_version,
                         self.lexicon_hash, _encode(record)))
        if not rows:
            return 0
        with self._connect() as conn:
            # take the write lock before reading MAX(seq): two runs writing to one store
            # then never hand out the same sequence numbers
            conn.execute("BEGIN IMMEDIATE")
            start = conn.execute("SELECT COALESCE(MAX(seq), -1) + 1 FROM scores").fetchone()[0]
            conn.executemany(
                "INSERT OR IGNORE INTO scores "
                "(key, article_id, content_hash, framing_version, lexicon_hash, seq, record) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(*row[:5], start + i, row[5]) for i, row in enumerate(rows)],
            )
        return len(rows)

    def __len__(self) -> int:
        with self._connect() as conn:
            return int(conn.execute("SELECT COUNT(*) FROM scores").fetchone()[0])

    def records(self, *, current_only: bool = True) -> Iterator[dict[str, Any]]:
        """Stored records in the order they were stored.

        Args:
            current_only: Only records of this store's framing version and lexicon hash.
        """
        query = "SELECT record FROM scores"
        params: tuple[str, ...] = ()
        if current_only:
            query += " WHERE framing_version = ? AND lexicon_hash = ?"
            params = (self.framing_version, self.lexicon_hash)
        with self._connect() as conn:
            cursor = conn.execute(query + " ORDER BY seq", params)
            while rows := cursor.fetchmany(500):
                for (record,) in rows:
                    yield _decode(record)

    def latest_records(self, *, current_only: bool = True) -> Iterator[dict[str, Any]]:
        """The most recently stored record of each article id, in storing order.

        An article whose text changed between runs has one record per version; this
        keeps the newest.

        Args:
            current_only: Only records of this store's framing version and lexicon hash.
        """
        where = ""
        params: tuple[str, ...] = ()
        if current_only:
            where = " WHERE framing_version = ? AND lexicon_hash = ?"
            params = (self.framing_version, self.lexicon_hash)
        query = (f"SELECT record FROM scores WHERE seq IN (SELECT MAX(seq) FROM scores{where} "
                 "GROUP BY article_id) ORDER BY seq")
        with self._connect() as conn:
            cursor = conn.execute(query, params)
            while rows := cursor.fetchmany(500):
                for (record,) in rows:
                    yield _decode(record)
