"""Comparison: within incidents, outlet profiles with bootstrap intervals, word choice."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pytest

from framing.article import Article
from framing.comparison import compare, outlet_profiles, verb_table, word_choice_table
from framing.errors import InputError


def _table() -> pd.DataFrame:
    # Incident i1: outlets A (two articles), B, C. Incident i2: A and B. One failed row.
    return pd.DataFrame({
        "id": ["a1", "a2", "b1", "c1", "a3", "b2", "x"],
        "outlet": ["A", "A", "B", "C", "A", "B", "C"],
        "incident": ["i1", "i1", "i1", "i1", "i2", "i2", "i1"],
        "loaded_narrator_per_1k": [2.0, 4.0, 6.0, float("nan"), 1.0, 1.0, float("nan")],
        "quote_balance": [0.5, 0.7, 0.2, 0.9, 0.0, 1.0, float("nan")],
        "error": [None, None, None, None, None, None, "boom"],
    })


def test_within_incident_values_diffs_and_ranks() -> None:
    out = compare(_table(), measures=["loaded_narrator_per_1k", "quote_balance"])
    assert list(out.columns) == ["incident", "outlet", "measure", "value", "n_articles",
                                 "incident_mean", "diff_from_mean", "rank", "n_outlets"]
    i1 = out[(out.incident == "i1") & (out.measure == "loaded_narrator_per_1k")].set_index("outlet")
    # A = mean(2, 4) = 3; B = 6; C undefined. Incident mean over defined outlets: 4.5.
    assert i1.loc["A", "value"] == 3.0 and i1.loc["A", "n_articles"] == 2
    assert i1.loc["A", "incident_mean"] == 4.5
    assert i1.loc["A", "diff_from_mean"] == -1.5
    assert i1.loc["B", "rank"] == 1.0 and i1.loc["A", "rank"] == 2.0
    assert math.isnan(i1.loc["C", "value"]) and math.isnan(i1.loc["C", "rank"])
    assert set(i1["n_outlets"]) == {3}
    qb = out[(out.incident == "i1") & (out.measure == "quote_balance")].set_index("outlet")
    # A = mean(0.5, 0.7) = 0.6, B = 0.2, C = 0.9 -> mean 1.7/3; ranks C=1, A=2, B=3.
    assert qb.loc["A", "value"] == pytest.approx(0.6)
    assert qb.loc["A", "incident_mean"] == pytest.approx(1.7 / 3)
    assert list(qb.loc[["C", "A", "B"], "rank"]) == [1.0, 2.0, 3.0]


def test_failed_rows_and_ties() -> None:
    out = compare(_table(), measures=["loaded_narrator_per_1k"])
    i2 = out[out.incident == "i2"].set_index("outlet")
    assert list(i2["rank"]) == [1.0, 1.0]  # A and B both 1.0: ties share rank 1
    assert list(i2["diff_from_mean"]) == [0.0, 0.0]
    assert "x" not in set(out.get("id", []))
    # the failed row (outlet C, i1) did not add an article to C
    i1 = out[out.incident == "i1"].set_index("outlet")
    assert i1.loc["C", "n_articles"] == 1


def test_rows_without_incident_are_left_out_and_columns_checked() -> None:
    df = _table()
    df.loc[0, "incident"] = None
    out = compare(df, measures=["quote_balance"])
    a = out[(out.incident == "i1") & (out.outlet == "A")]
    assert a["n_articles"].iloc[0] == 1 and a["value"].iloc[0] == 0.7
    with pytest.raises(InputError, match="within"):
        compare(df, within="story")
    with pytest.raises(InputError, match="measures"):
        compare(df, measures=["nope"])


def test_default_measures_include_role_shares() -> None:
    df = _table().assign(quote_share_police=0.5, quote_share_public=0.5)
    measures = set(compare(df)["measure"])
    assert {"quote_share_police", "quote_share_public", "quote_balance"} <= measures


def test_public_name_is_the_function_after_the_module_is_imported() -> None:
    # the module is framing.comparison, so importing it never shadows framing.compare
    import framing.comparison

    expected = compare(_table(), measures=["quote_balance"])
    pd.testing.assert_frame_equal(framing.compare(_table(), measures=["quote_balance"]), expected)


def test_profiles_bootstrap_only_with_enough_articles() -> None:
    values = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0]
    df = pd.DataFrame({
        "outlet": ["Big"] * 6 + ["Small"] * 3,
        "loaded_per_1k": values + [1.0, 2.0, float("nan")],
        "error": [None] * 9,
    })
    prof = outlet_profiles(df, measures=["loaded_per_1k"]).set_index("outlet")
    big, small = prof.loc["Big"], prof.loc["Small"]
    assert big["n"] == 6 and big["mean"] == 3.5 and big["note"] == ""
    # the interval of a mean lies within the data's range and around the mean
    assert 1.0 <= big["ci_low"] < 3.5 < big["ci_high"] <= 6.0
    # n counts defined values only: 2, so no interval
    assert small["n"] == 2 and small["mean"] == 1.5
    assert small["note"] == "n too small (n=2 < 5)"
    assert math.isnan(small["ci_low"]) and math.isnan(small["ci_high"])


def test_bootstrap_is_seeded_and_matches_a_direct_computation() -> None:
    df = pd.DataFrame({"outlet": ["O"] * 8, "m": [0.1, 0.4, 0.2, 0.9, 0.5, 0.3, 0.8, 0.7]})
    a = outlet_profiles(df, measures=["m"], seed=3)
    b = outlet_profiles(df, measures=["m"], seed=3)
    pd.testing.assert_frame_equal(a, b)
    # the definition: 2000 resamples of 8 articles with replacement, percentiles 2.5/97.5
    rng = np.random.default_rng(3)
    x = df["m"].to_numpy()
    means = x[rng.integers(0, 8, size=(2000, 8))].mean(axis=1)
    low, high = np.percentile(means, [2.5, 97.5])
    assert a["ci_low"].iloc[0] == pytest.approx(low)
    assert a["ci_high"].iloc[0] == pytest.approx(high)


@dataclass(frozen=True)
class _Label:
    group: str
    label: str
    count: int
    quoted_count: int


@dataclass(frozen=True)
class _Terms:
    labels: tuple


@dataclass(frozen=True)
class _Scores:
    article: Article
    terms: _Terms


def test_word_choice_table_counts_labels_per_outlet() -> None:
    scores = [
        _Scores(Article(id="1", text="x", outlet="Mail"),
                _Terms((_Label("protesters", "mob", 2, 1), _Label("protesters", "protesters", 3, 0)))),
        _Scores(Article(id="2", text="x", outlet="Mail"),
                _Terms((("protesters", "mob", 1, 0),))),  # a plain tuple works too
        _Scores(Article(id="3", text="x", outlet="Express"),
                _Terms((_Label("protesters", "activists", 4, 0), _Label("police", "officers", 2, 0)))),
    ]
    t = word_choice_table(scores)
    assert list(t.columns) == ["group", "label", "outlet", "count", "narrator_count",
                               "quoted_count", "articles"]
    mob = t[(t.label == "mob")].iloc[0]
    # Mail used "mob" 2 + 1 = 3 times in 2 articles, 1 of them inside a quotation
    assert (mob["outlet"], mob["count"], mob["quoted_count"], mob["narrator_count"],
            mob["articles"]) == ("Mail", 3, 1, 2, 2)
    assert list(t["group"]) == ["police", "protesters", "protesters", "protesters"]
    assert set(t[t.outlet == "Express"]["label"]) == {"activists", "officers"}


def test_unknown_outlets_are_never_pooled() -> None:
    df = pd.DataFrame({
        "id": ["u1", "u2", "k1"], "outlet": [None, None, "Known"],
        "incident": ["i", "i", "i"], "quote_balance": [0.2, 0.4, 0.9], "error": [None] * 3,
    })
    out = compare(df, measures=["quote_balance"]).set_index("outlet")
    # three units (two unknown articles stand alone): mean (0.2 + 0.4 + 0.9) / 3 = 0.5
    assert list(out.index) == ["(unknown) u1", "(unknown) u2", "Known"]
    assert set(out["n_outlets"]) == {3}
    assert out.loc["Known", "incident_mean"] == pytest.approx(0.5)


def test_word_choice_from_the_table_column() -> None:
    # the flat record's loaded_actor_labels: "group:label:count:quoted;..."
    df = pd.DataFrame({
        "id": ["1", "2", "3"], "outlet": ["Mail", "Mail", "Star"],
        "loaded_actor_labels": ["protesters:mob:2:1;police:officers:1:0",
                                "protesters:mob:1:0", None],
        "error": [None, None, None],
    })
    t = word_choice_table(df)
    mob = t[t.label == "mob"].iloc[0]
    assert (mob["outlet"], mob["count"], mob["quoted_count"], mob["articles"]) == ("Mail", 3, 1, 2)
    assert len(t) == 2  # Star used no label


@dataclass(frozen=True)
class _Q:
    role: str
    cue: str
    cue_class: str


@dataclass(frozen=True)
class _Doc:
    quotes: tuple


@dataclass(frozen=True)
class _Scored:
    article: Article
    document: _Doc


def test_verb_table_counts_verbs_per_role() -> None:
    scores = [
        _Scored(Article(id="1", text="x", outlet="Mail"),
                _Doc((_Q("police", "said", "neutral"), _Q("advocacy", "Claimed", "loaded"),
                      _Q("advocacy", "claimed", "loaded"), _Q("public", "", "")))),
        _Scored(Article(id="2", text="x", outlet="Mail"), _Doc((_Q("police", "said", "neutral"),))),
    ]
    t = verb_table(scores)
    # Mail: advocacy "claimed" twice (case folded), police "said" twice; no-cue quote left out
    assert t.values.tolist() == [["Mail", "advocacy", "claimed", "loaded", 2],
                                 ["Mail", "police", "said", "neutral", 2]]
