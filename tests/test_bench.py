"""The throughput benchmark's plumbing (framing.bench, benchmarks/throughput.py): text
loading, word counts, figures and the generated articles. No timing is asserted."""

from __future__ import annotations

import importlib.util
import io
import json
import math
from pathlib import Path

import pytest

from framing import bench
from framing.cli import DEFAULT_BENCH_PATH, main
from framing.errors import CorpusReadError, InputError

ROOT = Path(__file__).resolve().parents[1]


def _jsonl(path: Path, texts: list[str]) -> Path:
    path.write_text("".join(json.dumps({"article": t}) + "\n" for t in texts), encoding="utf-8")
    return path


def test_load_texts_skips_empty_and_limits(tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "t.jsonl", ["One two.", "", "Three four five.", "Six."])
    assert bench.load_texts(path) == ["One two.", "Three four five.", "Six."]
    assert bench.load_texts(path, limit=2) == ["One two.", "Three four five."]


def test_load_texts_errors_name_the_line_and_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"article": "ok"}\n{not json\n', encoding="utf-8")
    with pytest.raises(InputError, match="line 2"):
        bench.load_texts(bad)
    with pytest.raises(CorpusReadError, match="missing.jsonl"):
        bench.load_texts(tmp_path / "missing.jsonl")


def test_run_counts_words_and_times_every_stage(tmp_path: Path) -> None:
    texts = ["Police said the march was peaceful. Protesters disagreed.",
             "\u201cWe will return,\u201d she said. It rained all day."]
    result = bench.run(_jsonl(tmp_path / "t.jsonl", texts))
    assert result.articles == 2
    assert result.words == 8 + 9  # whitespace-split words: 8 in the first text, 9 in the second
    assert set(result.stages) == {"parse", "readability", "sentiment", "terms", "quotes"}
    assert all(v >= 0 for v in result.stages.values())
    assert math.isclose(result.ratio, result.naive_seconds / result.framing_seconds)
    assert result.peak_rss_mb > 0 and "cores" in result.machine
    figures = result.as_dict()
    assert figures["words"] == 17 and "cpu_ratio" in figures
    assert "| framing stage | seconds | share |" in result.to_markdown()


def test_run_refuses_a_file_without_texts(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no non-empty texts"):
        bench.run(_jsonl(tmp_path / "t.jsonl", ["", "  "]))


def test_synthetic_articles_are_distinct_and_deterministic() -> None:
    first = list(bench.synthetic_articles(30, seed=1))
    assert [a.id for a in first] == [f"gen-{i}" for i in range(30)]
    assert len({a.text for a in first}) == 30  # no repeated text for caches to exploit
    assert [a.text for a in bench.synthetic_articles(30, seed=1)] == [a.text for a in first]
    assert [a.text for a in bench.synthetic_articles(3, seed=2)] != [a.text for a in first[:3]]
    later = list(bench.synthetic_articles(2, seed=1, start=28))
    assert [a.text for a in later] == [a.text for a in first[28:]]


def test_cli_bench_defaults_to_the_mbic_articles(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []

    class _Result:
        def to_markdown(self) -> str:
            return "figures"

    monkeypatch.setattr(bench, "run", lambda path, limit=None: calls.append((path, limit))
                        or _Result())
    assert main(["bench", "--limit", "5"], stdout=io.StringIO()) == 0
    assert calls == [(DEFAULT_BENCH_PATH, 5)]


def test_throughput_script_compares_jobs(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                         ) -> None:
    spec = importlib.util.spec_from_file_location("throughput", ROOT / "benchmarks" /
                                                  "throughput.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    texts = [a.text for a in bench.synthetic_articles(6)]
    out = tmp_path / "figures.json"
    assert module.main(["--path", str(_jsonl(tmp_path / "t.jsonl", texts)), "--jobs-only",
                        "--json", str(out)]) == 0
    figures = json.loads(out.read_text())
    assert figures["jobs"]["articles"] == 6
    assert figures["jobs"]["jobs_2"]["identical_to_jobs_1"] is True
    assert "speed-up" in capsys.readouterr().out


def test_load_texts_keeps_empty_texts_only_when_asked(tmp_path):
    # three lines: a text, an empty text, a text -> 2 non-empty, 3 with keep_empty
    from framing.bench import load_texts

    path = tmp_path / "texts.jsonl"
    path.write_text('{"article": "One."}\n{"article": ""}\n{"article": "Two."}\n', encoding="utf-8")
    assert load_texts(path) == ["One.", "Two."]
    assert load_texts(path, keep_empty=True) == ["One.", "", "Two."]
    assert load_texts(path, keep_empty=True, limit=2) == ["One.", ""]


def test_run_rounds_and_refuses_a_bad_repeat(tmp_path: Path) -> None:
    # Two rounds time each pipeline twice; the figures are those of one round, so the
    # word count is unchanged (2 + 3 words, counted by hand) and every time positive.
    path = _jsonl(tmp_path / "t.jsonl", ["One two.", "Three four five."])
    result = bench.run(path, repeat=2)
    assert result.words == 5
    assert result.naive_seconds > 0 and result.framing_seconds > 0
    assert set(result.stages) == {"parse", "readability", "sentiment", "terms", "quotes"}
    for bad in (0, -1, 1.5, True):
        with pytest.raises(InputError, match="repeat"):
            bench.run(path, repeat=bad)


@pytest.mark.skipif(not hasattr(__import__("os"), "fork"), reason="needs os.fork")
def test_a_round_in_a_fresh_copy_leaves_this_process_as_it_was() -> None:
    # What a timed round fills (here a list standing for a cache) stays in the copy;
    # the result comes back; an error in the round is an error here, not a hang.
    from framing.errors import FramingError

    cache: list[int] = []

    def round_() -> dict[str, int]:
        cache.append(1)
        return {"filled": len(cache)}

    seconds, cpu, result = bench.in_fresh_copy(round_)
    assert result == {"filled": 1} and cache == []
    assert seconds >= 0 and cpu >= 0
    _, _, again = bench.in_fresh_copy(round_)
    assert again == {"filled": 1}  # the second round starts from the same state
    with pytest.raises(FramingError, match="timed copy"):
        bench.in_fresh_copy(lambda: 1 / 0)
