"""The framing command: subcommands, outputs, exit codes, progress bar."""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest

import framing
from framing.cli import PROGRESS_MIN_ARTICLES, main
from framing.corpus import read_table

ARTICLE = (
    "Protesters clash with police at embassy\n"
    "Police said the march was mostly peaceful.\n"
    "\u201cWe will not be silenced,\u201d said Jane Doe, a campaigner.\n"
)


def _run(argv: list[str], stdin: str = "") -> tuple[int, str]:
    out = io.StringIO()
    code = main(argv, stdout=out, stdin=io.StringIO(stdin))
    return code, out.getvalue()


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "b.txt").write_text(ARTICLE.replace("Jane Doe", "John Roe"), encoding="utf-8")
    (folder / "manifest.csv").write_text(
        "file,outlet,date,incident\na.txt,Daily A,2021-05-18,march\nb.txt,Daily B,2021-05-18,march\n",
        encoding="utf-8")
    return folder


def test_help_texts(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    top = capsys.readouterr().out
    for command in ("score", "quotes", "terms", "compare", "report", "bench"):
        assert command in top
        assert main([command, "--help"]) == 0
        assert "Exit codes: 0 ok" in capsys.readouterr().out


def test_usage_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["nonsense"]) == 2
    assert main([]) == 2
    assert main(["score"]) == 2  # CORPUS missing
    assert main(["score", str(tmp_path / "missing")]) == 2
    err = capsys.readouterr().err
    assert "framing score: error:" in err and "missing" in err
    assert main(["score", str(tmp_path), "-j", "two"]) == 2


def test_quotes_table_and_json(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    code, out = _run(["quotes", str(path)])
    assert code == 0
    assert out.splitlines()[0].split() == ["speaker", "role", "kind", "cue", "first", "words"]
    quotes = framing.extract_quotes(ARTICLE)
    assert out.rstrip().endswith(f"{len(quotes)} quotes")
    code, out = _run(["quotes", "--json", "-"], stdin=ARTICLE)
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(rows) == len(quotes)
    for row, quote in zip(rows, quotes):
        assert row["text"] == quote.text and ARTICLE[row["start"]:row["end"]] == quote.text


def test_terms_in_context_and_json(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    hits = framing.find_loaded_terms(ARTICLE)
    code, out = _run(["terms", str(path)])
    assert code == 0 and out.rstrip().endswith(f"{len(hits)} hits")
    code, out = _run(["terms", "--json", str(path)])
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["term"] for r in rows] == [h.term for h in hits]
    for row in rows:
        assert row["voice"] in ("narrator", "quoted")
        assert ARTICLE[row["start"]:row["end"]] == row["text"]


def test_score_to_stdout_and_file(corpus: Path, tmp_path: Path) -> None:
    code, out = _run(["score", str(corpus)])
    assert code == 0
    df = pd.read_csv(io.StringIO(out))
    assert list(df["id"]) == ["a", "b"] and list(df["outlet"]) == ["Daily A", "Daily B"]
    assert df["framing_version"].iloc[0] == framing.__version__
    target = tmp_path / "scores.jsonl"
    code, out = _run(["score", str(corpus), "-o", str(target), "-q"])
    assert code == 0 and out == ""
    assert list(read_table(target)["id"]) == ["a", "b"]


def test_score_exit_1_when_an_article_fails(corpus: Path, monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    import framing.scores as scores_mod

    real = scores_mod.score

    def flaky(article, **kwargs):
        if article.id == "b":
            raise ValueError("bad article")
        return real(article, **kwargs)

    monkeypatch.setattr(scores_mod, "score", flaky)
    code, out = _run(["score", str(corpus)])
    assert code == 1
    df = pd.read_csv(io.StringIO(out))
    assert df.set_index("id").loc["b", "error"] == "ValueError: bad article"
    assert "1 of 2 articles failed" in capsys.readouterr().err


def test_progress_bar_only_on_bigger_corpora(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "big"
    folder.mkdir()
    for k in range(PROGRESS_MIN_ARTICLES + 1):
        (folder / f"{k:03d}.txt").write_text(f"Article {k}. Police said so.\n", encoding="utf-8")
    assert _run(["score", str(folder)])[0] == 0
    assert "scoring" in capsys.readouterr().err  # tqdm's bar on stderr
    assert _run(["score", str(folder), "--quiet"])[0] == 0
    assert "scoring" not in capsys.readouterr().err
    small = tmp_path / "small"
    small.mkdir()
    (small / "a.txt").write_text("Police said so.\n", encoding="utf-8")
    assert _run(["score", str(small)])[0] == 0
    assert "scoring" not in capsys.readouterr().err


def test_compare_from_a_scores_table(corpus: Path, tmp_path: Path) -> None:
    table = tmp_path / "scores.csv"
    assert _run(["score", str(corpus), "-o", str(table)])[0] == 0
    code, out = _run(["compare", str(table)])
    assert code == 0
    comp = pd.read_csv(io.StringIO(out))
    assert set(comp["outlet"]) == {"Daily A", "Daily B"} and set(comp["incident"]) == {"march"}
    code, out = _run(["compare", str(table), "--profiles"])
    prof = pd.read_csv(io.StringIO(out))
    # one article per outlet: no interval anywhere (n=0 where a measure is undefined)
    assert set(prof["note"]) <= {"n too small (n=1 < 5)", "n too small (n=0 < 5)"}
    assert "n too small (n=1 < 5)" in set(prof["note"])
    md = tmp_path / "compare.md"
    assert _run(["compare", str(corpus), "-o", str(md)])[0] == 0  # a corpus works too
    assert md.read_text().startswith("| incident | outlet | measure |")
    assert _run(["compare", str(table), "-o", str(tmp_path / "x.xlsx")])[0] == 2


def test_report_html_and_markdown(corpus: Path, tmp_path: Path) -> None:
    html = tmp_path / "report.html"
    code, out = _run(["report", str(corpus), "-o", str(html), "--title", "March <test>"])
    assert code == 0 and out == ""
    page = html.read_text()
    assert "<title>March &lt;test&gt;</title>" in page and page.count('class="card"') == 2
    code, out = _run(["report", str(corpus)])
    assert code == 0 and out.startswith("<!doctype html>")
    md = tmp_path / "report.md"
    assert _run(["report", str(corpus), "-o", str(md)])[0] == 0
    assert md.read_text().startswith("# framing report")
    assert _run(["report", str(corpus), "-o", str(tmp_path / "r.pdf")])[0] == 2
    table = tmp_path / "scores.jsonl"
    assert _run(["score", str(corpus), "-o", str(table)])[0] == 0
    code, out = _run(["report", str(table)])  # from a scores table: tables, no texts
    assert code == 0 and "article texts are not shown" in out and "Daily A" in out


@dataclass(frozen=True)
class _Bench:
    def as_dict(self) -> dict:
        return {"articles": 1}

    def to_markdown(self) -> str:
        return "| bench |"


def test_bench_calls_the_benchmark(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import framing.bench

    calls = []
    monkeypatch.setattr(framing.bench, "run",
                        lambda path, limit=None: calls.append((path, limit)) or _Bench())
    assert _run(["bench", "texts.jsonl", "--limit", "3"]) == (0, "| bench |\n")
    assert calls == [("texts.jsonl", 3)]
    assert json.loads(_run(["bench", "texts.jsonl", "--json"])[1]) == {"articles": 1}
    monkeypatch.undo()
    assert _run(["bench", str(tmp_path / "missing.jsonl")])[0] == 2
