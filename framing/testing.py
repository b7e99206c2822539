"""Assertion helpers for newsroom standards checks written as pytest tests.

Each helper takes scores in any of the forms framing produces - the corpus table
(``framing_scores`` fixture, :func:`framing.score_corpus`), a
:class:`~framing.corpus.ScoredCorpus`, one or more
:class:`~framing.scores.ArticleScores` - checks every article and raises one
``AssertionError`` that names each failing article (id, outlet, date, headline) with the
value that failed. An article that could not be scored fails every check: a standards
check must not pass because an article was skipped.

Example::

    from framing.testing import assert_loaded_rate_below, assert_quote_balance

    def test_sources_are_balanced(framing_scores):
        assert_quote_balance(framing_scores, min_roles=2)

    def test_narrator_voice_is_restrained(framing_scores):
        assert_loaded_rate_below(framing_scores, 5.0)
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

from framing.errors import InputError

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "as_table",
    "assert_attribution_neutral",
    "assert_loaded_rate_below",
    "assert_measure",
    "assert_no_failures",
    "assert_quote_balance",
]

_VOICES = {"narrator": "loaded_narrator_per_1k", "quoted": "loaded_quoted_per_1k",
           "all": "loaded_per_1k"}


def as_table(scores: Any) -> pd.DataFrame:
    """The corpus table of ``scores`` (DataFrame, ScoredCorpus, ArticleScores or a list)."""
    import pandas as pd

    from framing.corpus import records_to_frame

    if isinstance(scores, pd.DataFrame):
        return scores
    table = getattr(scores, "table", None)
    if isinstance(table, pd.DataFrame):
        return table
    items = [scores] if hasattr(scores, "as_dict") else scores
    if not isinstance(items, Iterable):
        raise InputError(
            f"scores: expected the corpus table or ArticleScores, got {type(scores).__name__}"
        )
    return records_to_frame(dict(item.as_dict(), error=None) for item in items)


def _num(value: Any) -> float:
    return float(value)


def _is_nan(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _describe(row: Mapping[str, Any]) -> str:
    bits = [str(row.get(k)) for k in ("outlet", "date") if not _is_nan(row.get(k))]
    where = f" ({', '.join(bits)})" if bits else ""
    title = row.get("title")
    headline = ""
    if not _is_nan(title):
        text = str(title)
        headline = f' "{text[:60]}{"..." if len(text) > 60 else ""}"'
    return f"{row.get('id')}{where}{headline}"


def _check(scores: Any, what: str, test: Callable[[Mapping[str, Any]], str | None]) -> None:
    """Run ``test`` on every row; ``test`` returns None (pass) or the reason it fails."""
    table = as_table(scores)
    failures = []
    for row in table.to_dict(orient="records"):
        error = row.get("error")
        reason = f"could not be scored: {error}" if not _is_nan(error) else test(row)
        if reason:
            failures.append(f"  - {_describe(row)}: {reason}")
    if failures:
        raise AssertionError(
            f"{what}: {len(failures)} of {len(table)} articles fail:\n" + "\n".join(failures)
        )


def assert_no_failures(scores: Any) -> None:
    """Every article was loaded and scored (no ``error``)."""
    _check(scores, "scoring", lambda row: None)


def _roles(row: Mapping[str, Any]) -> dict[str, float]:
    return {
        key.removeprefix("quote_share_"): _num(value)
        for key, value in row.items()
        if key.startswith("quote_share_") and not _is_nan(value) and _num(value) > 0
    }


def assert_quote_balance(scores: Any, min_roles: int = 2, *,
                         min_balance: float | None = None) -> None:
    """Each article quotes (directly) at least ``min_roles`` speaker roles.

    Args:
        scores: Scores in any form (see the module docstring).
        min_roles: Fewest distinct roles (police, government, politician, advocacy,
            public, expert, other) with direct-quoted words.
        min_balance: Also require ``quote_balance`` (normalised entropy over roles, 0 one
            role .. 1 all roles equal) to be at least this.

    Raises:
        AssertionError: naming each article that quotes fewer roles (and which it quotes).
    """
    if min_roles < 1:
        raise InputError(f"min_roles: {min_roles!r} must be 1 or more")

    def test(row: Mapping[str, Any]) -> str | None:
        roles = _roles(row)
        found = ", ".join(f"{r} {s:.2f}" for r, s in sorted(roles.items(), key=lambda kv: -kv[1]))
        if len(roles) < min_roles:
            return (f"{len(roles)} role{'s' if len(roles) != 1 else ''} quoted "
                    f"(need {min_roles}){': ' + found if found else ': no direct quotes'}")
        balance = row.get("quote_balance")
        if min_balance is not None and (_is_nan(balance) or _num(balance) < min_balance):
            shown = "undefined" if _is_nan(balance) else f"{_num(balance):.2f}"
            return f"quote balance {shown} < {min_balance} ({found})"
        return None

    _check(scores, f"quote balance (at least {min_roles} roles)", test)


def assert_loaded_rate_below(scores: Any, limit: float = 5.0, *, voice: str = "narrator") -> None:
    """Each article uses fewer than ``limit`` loaded terms per 1,000 words.

    Args:
        scores: Scores in any form.
        limit: Largest allowed rate (exclusive), per 1,000 words.
        voice: ``"narrator"`` (the outlet's own words, default), ``"quoted"`` or ``"all"``.

    Raises:
        AssertionError: naming each article at or above the limit, with its rate and top
            terms. An undefined rate (no words in that voice) passes: there is nothing to
            count.
    """
    column = _VOICES.get(voice)
    if column is None:
        raise InputError(f"voice: {voice!r} is not one of {', '.join(_VOICES)}")

    def test(row: Mapping[str, Any]) -> str | None:
        rate = row.get(column)
        if _is_nan(rate) or _num(rate) < limit:
            return None
        top = row.get("loaded_top_terms")
        terms = f"; top terms {top}" if isinstance(top, str) and top else ""
        return f"{_num(rate):.2f} loaded terms per 1,000 {voice} words (limit {limit}){terms}"

    _check(scores, f"loaded terms ({voice} voice) below {limit} per 1,000 words", test)


def assert_attribution_neutral(scores: Any, max_share: float = 0.25) -> None:
    """At most ``max_share`` (0..1) of each article's attribution verbs are non-neutral
    ("claimed", "admitted", "slammed" rather than "said"); articles without attributions
    pass."""

    def test(row: Mapping[str, Any]) -> str | None:
        share = row.get("attribution_loaded_share")
        if _is_nan(share) or _num(share) <= max_share:
            return None
        return f"{_num(share):.2f} of attribution verbs are not neutral (limit {max_share})"

    _check(scores, f"attribution verbs at most {max_share} non-neutral", test)


def assert_measure(scores: Any, column: str, *, at_least: float | None = None,
                   below: float | None = None, allow_undefined: bool = True) -> None:
    """Any measure column within bounds: ``at_least <= value < below``.

    Args:
        scores: Scores in any form.
        column: A column of the corpus table (e.g. ``"readability_flesch_kincaid_grade"``).
        at_least: Smallest allowed value (inclusive).
        below: Largest allowed value (exclusive).
        allow_undefined: Whether NaN passes.

    Raises:
        InputError: ``column`` is not in the table, or no bound is given.
        AssertionError: naming each article out of bounds.
    """
    if at_least is None and below is None:
        raise InputError("assert_measure: give at_least, below or both")
    table = as_table(scores)
    if column not in table.columns:
        raise InputError(f"column: {column!r} is not a column of the scores table")

    def test(row: Mapping[str, Any]) -> str | None:
        value = row.get(column)
        if _is_nan(value):
            return None if allow_undefined else f"{column} is undefined"
        value = _num(value)
        if at_least is not None and value < at_least:
            return f"{column} = {value:.2f} < {at_least}"
        if below is not None and value >= below:
            return f"{column} = {value:.2f} >= {below}"
        return None

    bounds = " and ".join(b for b in (f">= {at_least}" if at_least is not None else "",
                                      f"< {below}" if below is not None else "") if b)
    _check(table, f"{column} {bounds}", test)
