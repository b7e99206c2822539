"""Tests for the resumable SQLite score store (framing.store)."""

import math
from pathlib import Path

from framing import Article
from framing.store import ScoreStore, article_hash, record_key

ROOT = Path(__file__).resolve().parents[1]


def _store(tmp_path, version="1", lexicon="abc"):
    return ScoreStore(str(tmp_path / "scores.sqlite"), framing_version=version, lexicon_hash=lexicon)


def test_hash_changes_with_text_and_metadata_only():
    a = Article(id="a", text="Police said.", outlet="X")
    assert article_hash(a) == article_hash(Article(id="a", text="Police said.", outlet="X"))
    assert article_hash(a) != article_hash(Article(id="a", text="Police said!", outlet="X"))
    assert article_hash(a) != article_hash(Article(id="a", text="Police said.", outlet="Y"))


def test_key_depends_on_version_and_lexicon():
    h = "0" * 64
    keys = {record_key(h, "1", "x"), record_key(h, "2", "x"), record_key(h, "1", "y")}
    assert len(keys) == 3


def test_put_get_round_trip_keeps_nan_and_order(tmp_path):
    store = _store(tmp_path)
    arts = [Article(id=f"a{i}", text=f"Text {i}.") for i in range(3)]
    items = [(store.key_for(a), a, {"id": a.id, "score": float(i), "undefined": math.nan})
             for i, a in enumerate(arts)]
    assert store.put(items) == 3
    assert store.put(items) == 3  # same keys again: ignored, nothing duplicated
    assert len(store) == 3
    got = store.get([store.key_for(a) for a in arts])
    assert got[store.key_for(arts[1])]["score"] == 1.0
    assert math.isnan(got[store.key_for(arts[1])]["undefined"])
    assert [r["id"] for r in store.records()] == ["a0", "a1", "a2"]


def test_error_records_are_not_stored(tmp_path):
    store = _store(tmp_path)
    art = Article(id="bad", text="x")
    assert store.put([(store.key_for(art), art, {"id": "bad", "error": "boom"})]) == 0
    assert len(store) == 0


def test_records_filtered_by_version(tmp_path):
    old = _store(tmp_path, version="1")
    art = Article(id="a", text="x")
    old.put([(old.key_for(art), art, {"id": "a"})])
    new = _store(tmp_path, version="2")
    assert list(new.records()) == []
    assert len(list(new.records(current_only=False))) == 1


def test_wal_journal_mode(tmp_path):
    import sqlite3

    store = _store(tmp_path)
    conn = sqlite3.connect(store.path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
