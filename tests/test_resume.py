"""The resumable score store end to end: re-runs score only new or changed articles, a
run killed with SIGKILL resumes with nothing lost or duplicated, reports come from the
store, and interrupted exports leave no half-written file."""

from __future__ import annotations

import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest

import framing.scores as scores_mod
from framing.bench import synthetic_articles
from framing.cli import main
from framing.corpus import open_store, read_table, score_corpus, stream_table, write_table

ROOT = Path(__file__).resolve().parents[1]


def _write_jsonl(path: Path, articles) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for a in articles:
            handle.write(json.dumps({"id": a.id, "text": a.text, "outlet": a.outlet,
                                     "date": a.date.isoformat(), "incident": a.incident}) + "\n")
    return path


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Patch framing.score to record the id of every article it scores (jobs=1)."""
    seen: list[str] = []
    real = scores_mod.score

    def counting(article, **kwargs):
        seen.append(article.id)
        return real(article, **kwargs)

    monkeypatch.setattr(scores_mod, "score", counting)
    return seen


def test_rerun_scores_only_new_or_changed_articles(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "scores.sqlite"
    articles = list(synthetic_articles(6))
    seen = _counting(monkeypatch)
    first = score_corpus(articles, db=db)
    assert seen == [a.id for a in articles]  # a new store: everything scored
    seen.clear()
    again = score_corpus(articles, db=db)
    assert seen == []  # nothing changed: nothing scored
    pd.testing.assert_frame_equal(first, again, check_exact=True)

    changed = [*articles[:2], replace(articles[2], text=articles[2].text + " One more."),
               *articles[3:], *synthetic_articles(1, start=6)]
    seen.clear()
    third = score_corpus(changed, db=db)
    assert seen == ["gen-2", "gen-6"]  # the edited article and the new one
    assert list(third["id"]) == [a.id for a in changed]
    store = open_store(db)
    assert len(store) == 8  # 6 + the new version of gen-2 + gen-6
    latest = {r["id"]: r for r in store.latest_records()}
    assert len(latest) == 7 and latest["gen-2"]["words"] == third.iloc[2]["words"]


def test_store_key_includes_the_lexicon(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from framing.lexicon import load_lexicon

    db = tmp_path / "scores.sqlite"
    articles = list(synthetic_articles(2))
    score_corpus(articles, db=db)
    lexicon = load_lexicon()
    other = replace(lexicon, sha256="0" * 64)  # a different lexicon hash
    seen = _counting(monkeypatch)
    score_corpus(articles, db=db, lexicon=other)
    assert seen == ["gen-0", "gen-1"]


def test_failed_articles_are_retried(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "scores.sqlite"
    articles = list(synthetic_articles(3))
    real = scores_mod.score

    def flaky(article, **kwargs):
        if article.id == "gen-1":
            raise RuntimeError("transient")
        return real(article, **kwargs)

    monkeypatch.setattr(scores_mod, "score", flaky)
    assert score_corpus(articles, db=db)["error"].tolist() == [None, "RuntimeError: transient",
                                                                None]
    monkeypatch.undo()
    seen = _counting(monkeypatch)
    assert score_corpus(articles, db=db)["error"].tolist() == [None, None, None]
    assert seen == ["gen-1"]


def _stored(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return int(conn.execute("SELECT COUNT(*) FROM scores").fetchone()[0])
    except sqlite3.Error:  # not created yet
        return 0


def test_killed_run_resumes_with_nothing_lost_or_duplicated(tmp_path: Path) -> None:
    n = 240
    corpus = _write_jsonl(tmp_path / "corpus.jsonl", synthetic_articles(n, seed=3))
    db, out = tmp_path / "scores.sqlite", tmp_path / "out.csv"
    command = [sys.executable, "-m", "framing.cli", "score", str(corpus), "--db", str(db),
               "-o", str(out), "-q"]
    proc = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while _stored(db) < 16 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert proc.poll() is None, "the run finished before it could be killed"
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait()
    assert proc.returncode == -signal.SIGKILL
    before = _stored(db)
    assert 16 <= before < n  # killed mid-way
    assert not out.exists()  # the export is written to a temporary file, renamed at the end

    code = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    assert code.returncode == 0, code.stderr
    # only the articles missing from the store were scored
    assert f"{n - before} articles scored, {before} taken from" in code.stderr
    with sqlite3.connect(db) as conn:
        ids = [row[0] for row in conn.execute("SELECT article_id FROM scores")]
    assert len(ids) == n and len(set(ids)) == n  # every article exactly once

    clean = tmp_path / "clean.csv"
    write_table(score_corpus(str(corpus)), clean)
    pd.testing.assert_frame_equal(read_table(out), read_table(clean), check_dtype=False)


def test_report_from_the_store(tmp_path: Path) -> None:
    corpus = _write_jsonl(tmp_path / "corpus.jsonl", synthetic_articles(4))
    db = tmp_path / "scores.sqlite"
    assert main(["score", str(corpus), "--db", str(db), "-o", str(tmp_path / "s.csv"),
                 "-q"], stdout=io.StringIO()) == 0
    html = tmp_path / "report.html"
    assert main(["report", "--db", str(db), "-o", str(html)], stdout=io.StringIO()) == 0
    page = html.read_text(encoding="utf-8")
    assert "Outlet 3" in page and "article texts are not shown" in page
    assert main(["report", "--db", str(tmp_path / "none.sqlite")], stdout=io.StringIO()) == 2
    assert main(["report"], stdout=io.StringIO()) == 2
    assert main(["report", str(corpus), "--db", str(db)], stdout=io.StringIO()) == 2


def test_interrupted_export_leaves_no_half_written_file(tmp_path: Path) -> None:
    articles = list(synthetic_articles(3))
    table = score_corpus(articles)
    target = tmp_path / "scores.csv"
    write_table(table, target)
    before = target.read_bytes()

    def interrupted():
        yield table.iloc[0].to_dict()
        raise KeyboardInterrupt  # Ctrl-C in the middle of the export

    for path in (target, tmp_path / "new.jsonl"):
        with pytest.raises(KeyboardInterrupt):
            stream_table(interrupted(), path, columns=list(table.columns), attrs=table.attrs)
    assert target.read_bytes() == before  # the old file is intact
    assert not (tmp_path / "new.jsonl").exists()  # no half-written new file
    assert sorted(p.name for p in tmp_path.iterdir()) == ["scores.csv"]  # no temp files


def test_store_with_two_workers_keeps_input_order(tmp_path: Path) -> None:
    from framing.stream import StreamStats, iter_records

    db = tmp_path / "scores.sqlite"
    articles = list(synthetic_articles(10, seed=5))
    score_corpus(articles[::2], db=db)  # five of the ten already stored
    stats = StreamStats()
    records = list(iter_records(articles, jobs=2, chunksize=2, store=open_store(db),
                                stats=stats))
    assert (stats.scored, stats.from_store) == (5, 5)
    assert [r["id"] for r in records] == [a.id for a in articles]
    assert json.dumps(records, sort_keys=True) == json.dumps(
        list(iter_records(articles)), sort_keys=True)  # NaN-safe exact comparison
