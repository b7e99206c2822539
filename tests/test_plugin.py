"""pytest plugin (fixtures, --framing-report) and the framing.testing assertion helpers."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from framing.errors import InputError
from framing.testing import (
    assert_attribution_neutral,
    assert_loaded_rate_below,
    assert_measure,
    assert_no_failures,
    assert_quote_balance,
)

pytest_plugins = ["pytester"]

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _table() -> pd.DataFrame:
    return pd.DataFrame({
        "id": ["a1", "a2", "a3", "a4"],
        "outlet": ["Daily A", "Daily B", None, "Daily D"],
        "date": ["2021-05-18", None, None, "2021-05-19"],
        "title": ["Police and protesters clash", None, "A very long headline " * 5, "Calm"],
        "quote_share_police": [0.7, 1.0, float("nan"), 0.5],
        "quote_share_public": [0.3, 0.0, float("nan"), 0.5],
        "quote_balance": [0.88, 0.0, float("nan"), 1.0],
        "loaded_narrator_per_1k": [2.0, 7.5, float("nan"), 5.0],
        "loaded_top_terms": ["clash:2", "mob:3;thugs:1", "", ""],
        "attribution_loaded_share": [0.0, 0.5, float("nan"), 0.25],
        "error": [None, None, None, None],
    })


def test_quote_balance_names_the_failing_articles() -> None:
    with pytest.raises(AssertionError) as info:
        assert_quote_balance(_table(), min_roles=2)
    message = str(info.value)
    # a2 quotes police only (public share 0.0 does not count); a3 has no direct quotes
    assert message.splitlines()[0] == "quote balance (at least 2 roles): 2 of 4 articles fail:"
    assert "  - a2 (Daily B): 1 role quoted (need 2): police 1.00" in message
    # headlines are cut to their first 60 characters
    assert f'  - a3 "{("A very long headline " * 5)[:60]}...": 0 roles' in message
    assert "0 roles quoted (need 2): no direct quotes" in message
    assert "a1" not in message and "a4" not in message
    assert_quote_balance(_table().iloc[[0, 3]], min_roles=2)  # a1 and a4 pass


def test_quote_balance_minimum() -> None:
    with pytest.raises(AssertionError, match=r"a1 \(Daily A, 2021-05-18\).*quote balance 0.88 < 0.9"):
        assert_quote_balance(_table().iloc[[0, 3]], min_roles=2, min_balance=0.9)
    with pytest.raises(InputError, match="min_roles"):
        assert_quote_balance(_table(), min_roles=0)


def test_loaded_rate_below() -> None:
    with pytest.raises(AssertionError) as info:
        assert_loaded_rate_below(_table(), 5.0)
    message = str(info.value)
    # a2 (7.5) and a4 (5.0: the limit is exclusive) fail; a3's undefined rate passes
    assert "2 of 4 articles fail" in message
    assert "a2 (Daily B): 7.50 loaded terms per 1,000 narrator words (limit 5.0); " \
           "top terms mob:3;thugs:1" in message
    assert "a4 (Daily D, 2021-05-19) \"Calm\": 5.00" in message
    assert_loaded_rate_below(_table(), 7.6)
    with pytest.raises(InputError, match="voice"):
        assert_loaded_rate_below(_table(), 5.0, voice="headline")


def test_attribution_and_generic_measure() -> None:
    with pytest.raises(AssertionError, match=r"1 of 4 articles fail:\n  - a2 .*0.50 of attribution"):
        assert_attribution_neutral(_table(), max_share=0.25)
    with pytest.raises(AssertionError, match=r"a1 .*quote_balance = 0.88 < 0.9"):
        assert_measure(_table(), "quote_balance", at_least=0.9, below=2.0)
    with pytest.raises(InputError, match="nope"):
        assert_measure(_table(), "nope", below=1)


def test_failed_article_fails_every_check() -> None:
    table = _table()
    table.loc[0, "error"] = "InputError: empty text"
    with pytest.raises(AssertionError, match="a1 .*could not be scored: InputError: empty text"):
        assert_no_failures(table)
    with pytest.raises(AssertionError, match="could not be scored"):
        assert_loaded_rate_below(table.iloc[[0]], 100.0)


_CHECKS = """
from framing.testing import assert_loaded_rate_below, assert_no_failures

def test_scored(framing_scores):
    assert len(framing_scores) == 3
    assert_no_failures(framing_scores)

def test_rate(framing_scores):
    assert_loaded_rate_below(framing_scores, 1000.0)

def test_corpus(framing_corpus):
    assert [a.id for a in framing_corpus] == ["a", "b", "c"]
"""


def _write_corpus(pytester: pytest.Pytester) -> Path:
    folder = pytester.mkdir("corpus")
    texts = {
        "a": "Police said the march was peaceful.\n",
        "b": "Protesters marched through London on Saturday.\n",
        "c": "\u201cWe will return,\u201d one campaigner said.\n",
    }
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


def test_fixtures_from_the_command_line(pytester: pytest.Pytester) -> None:
    folder = _write_corpus(pytester)
    pytester.makepyfile(test_standards=_CHECKS)
    result = pytester.runpytest_inprocess(f"--framing-corpus={folder}")
    result.assert_outcomes(passed=3)


def test_fixtures_from_the_ini_option(pytester: pytest.Pytester) -> None:
    _write_corpus(pytester)
    pytester.makeini("[pytest]\nframing_corpus = corpus\n")
    pytester.makepyfile(test_standards=_CHECKS)
    pytester.runpytest_inprocess().assert_outcomes(passed=3)


def test_fixtures_skip_without_a_corpus(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_standards=_CHECKS)
    result = pytester.runpytest_inprocess("-rs")
    result.assert_outcomes(skipped=3)
    result.stdout.fnmatch_lines(["*no corpus given: pass --framing-corpus PATH*"])


def test_failing_check_names_articles(pytester: pytest.Pytester) -> None:
    folder = _write_corpus(pytester)
    pytester.makepyfile(test_standards="""
from framing.testing import assert_quote_balance

def test_balance(framing_scores):
    assert_quote_balance(framing_scores, min_roles=2)
""")
    result = pytester.runpytest_inprocess(f"--framing-corpus={folder}")
    result.assert_outcomes(failed=1)
    # none of the three articles quotes two roles
    result.stdout.fnmatch_lines(["*quote balance (at least 2 roles): 3 of 3 articles fail:*",
                                 "*- a*", "*- b*", "*- c*"])


def test_framing_report_option_writes_the_report(pytester: pytest.Pytester) -> None:
    folder = _write_corpus(pytester)
    pytester.makepyfile(test_standards=_CHECKS)
    out = pytester.path / "out" / "standards.html"
    result = pytester.runpytest_inprocess(f"--framing-corpus={folder}",
                                          f"--framing-report={out}")
    result.assert_outcomes(passed=3)
    result.stdout.fnmatch_lines([f"framing: comparison report written to {out}"])
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>")
    assert page.count('class="card"') == 3  # every scored article, highlighted


def test_no_report_when_nothing_was_scored(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_plain="def test_x():\n    assert True\n")
    out = pytester.path / "standards.html"
    pytester.runpytest_inprocess(f"--framing-report={out}").assert_outcomes(passed=1)
    assert not out.exists()


def test_help_lists_the_options(pytester: pytest.Pytester) -> None:
    result = pytester.runpytest_inprocess("--help")
    result.stdout.fnmatch_lines(["*--framing-corpus=PATH*", "*--framing-report=PATH*",
                                 "*framing_corpus*"])
