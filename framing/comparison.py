"""Compare outlets: within each incident first, then outlet profiles across incidents.

Three views, each a tidy (long) pandas DataFrame that pivots easily:

* :func:`compare` - within each incident, each outlet's value for every measure, its
  difference from the incident mean and its rank among the incident's outlets.
* :func:`outlet_profiles` - across incidents, each outlet's mean per measure with a
  percentile bootstrap 95% interval over its articles (Efron and Tibshirani 1993), given
  only when the outlet has at least ``min_n`` articles (``"n too small"`` otherwise).
* :func:`word_choice_table` - for each actor group, the labels each outlet used
  ("protesters", "activists", "mob" ...) with counts, from the scored articles.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from framing.errors import InputError

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "DEFAULT_MEASURES",
    "UNKNOWN_OUTLET",
    "actor_sentiment_table",
    "compare",
    "measures_in",
    "outlet_profiles",
    "verb_table",
    "word_choice_table",
]

#: Measures compared by default, in display order (those present in the table are used,
#: plus every ``quote_share_<role>`` column).
DEFAULT_MEASURES = (
    "words",
    "sentiment_mean",
    "sentiment_narrator",
    "sentiment_quoted",
    "sentiment_headline",
    "readability_flesch_reading_ease",
    "readability_flesch_kincaid_grade",
    "loaded_count",
    "loaded_per_1k",
    "loaded_narrator_per_1k",
    "loaded_quoted_per_1k",
    "quotes_direct",
    "quotes_partial",
    "quotes_indirect",
    "quote_sources",
    "quoted_word_share",
    "quote_balance",
    "attribution_loaded_share",
)

#: Label used for rows whose outlet (or other ``by`` value) is unknown (followed by the
#: article id: articles of unknown outlets are never pooled).
UNKNOWN_OUTLET = "(unknown)"


def _frame(data: Any) -> pd.DataFrame:
    import pandas as pd

    table = getattr(data, "table", data)
    if not isinstance(table, pd.DataFrame):
        raise InputError(
            f"df: expected the corpus table (pandas DataFrame from framing.score_corpus), "
            f"got {type(data).__name__}"
        )
    return table


def measures_in(df: pd.DataFrame, measures: Sequence[str] | None = None) -> list[str]:
    """The measures to compare: ``measures`` if given (each must be a column), else the
    :data:`DEFAULT_MEASURES` present plus every ``quote_share_<role>`` column.

    Raises:
        InputError: a named measure is not a column of ``df``.
    """
    if measures is not None:
        missing = [m for m in measures if m not in df.columns]
        if missing:
            raise InputError(
                f"measures: {missing!r} are not columns of the table; available: "
                f"{', '.join(map(str, df.columns))}"
            )
        return list(measures)
    chosen = [m for m in DEFAULT_MEASURES if m in df.columns]
    chosen += [c for c in df.columns if str(c).startswith("quote_share_")]
    return chosen


def _scored(df: pd.DataFrame) -> pd.DataFrame:
    """Rows that scored (no ``error``)."""
    if "error" not in df.columns:
        return df
    return df[df["error"].isna()]


def _column(df: pd.DataFrame, name: str, argument: str) -> pd.Series:
    if name not in df.columns:
        raise InputError(
            f"{argument}: {name!r} is not a column of the table; available: "
            f"{', '.join(map(str, df.columns))}"
        )
    return df[name].astype(object).where(df[name].notna(), None)


def _units(df: pd.DataFrame, by: str) -> pd.Series:
    """The ``by`` value of each row; an unknown one becomes ``"(unknown) <id>"``.

    Articles of unknown outlets are never pooled: two of them may come from different
    outlets, so each stands alone.
    """
    values = _column(df, by, "by")
    ids = df["id"] if "id" in df.columns else _row_numbers(len(df))
    return _series([
        f"{UNKNOWN_OUTLET} {ident}" if value is None else str(value)
        for value, ident in zip(values, ids)
    ], index=df.index)


def _row_numbers(n: int) -> list[str]:
    return [str(i) for i in range(n)]


def _series(values: list[str], index: Any) -> pd.Series:
    import pandas as pd

    return pd.Series(values, index=index, dtype=object)


def compare(
    df: Any,
    by: str = "outlet",
    within: str = "incident",
    measures: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Line outlets up within each incident.

    For every incident (``within``), every outlet (``by``) and every measure: the
    outlet's value (the mean over its articles in the incident, usually one), the
    incident mean (the mean of the outlets' values, each outlet weighing equally), the
    difference from it, and the rank (1 = highest value; ties share the lower rank; NaN
    is not ranked). A rank says which outlet has more of a measure, not which is better:
    higher ``loaded_narrator_per_1k`` is more loaded language, higher ``quote_balance``
    is more balanced quoting.

    Args:
        df: The corpus table (or a :class:`~framing.corpus.ScoredCorpus`). Rows with
            ``error`` set and rows without an incident are left out (fill incidents with
            :func:`framing.incidents.assign_incidents`).
        by: Column naming the compared units.
        within: Column naming the incident.
        measures: Columns to compare (default: :func:`measures_in`).

    Returns:
        Long DataFrame with columns ``incident, outlet, measure, value, n_articles,
        incident_mean, diff_from_mean, rank, n_outlets`` (named after ``within`` and
        ``by`` when those differ), sorted by incident (first appearance), measure (given
        order) and outlet. Pivot with
        ``table.pivot(index="measure", columns="outlet", values="value")``.

    Raises:
        InputError: ``by``, ``within`` or a measure is not a column.
    """
    import pandas as pd

    table = _scored(_frame(df))
    chosen = measures_in(table, measures)
    group = _column(table, within, "within")
    unit = _units(table, by)
    work = table[chosen].apply(pd.to_numeric, errors="coerce")
    work = work.assign(__incident=group, __unit=unit)
    work = work[work["__incident"].notna()]
    columns = [within, by, "measure", "value", "n_articles", "incident_mean",
               "diff_from_mean", "rank", "n_outlets"]
    if work.empty:
        return pd.DataFrame(columns=columns)
    rows: list[dict[str, Any]] = []
    for incident in dict.fromkeys(work["__incident"]):
        part = work[work["__incident"] == incident]
        counts = part.groupby("__unit", sort=True).size()
        values = part.groupby("__unit", sort=True)[chosen].mean()
        for measure in chosen:
            col = values[measure]
            mean = float(col.mean()) if col.notna().any() else math.nan
            ranks = col.rank(ascending=False, method="min")
            for outlet in values.index:
                value = float(col[outlet])
                rows.append({
                    within: incident,
                    by: outlet,
                    "measure": measure,
                    "value": value,
                    "n_articles": int(counts[outlet]),
                    "incident_mean": mean,
                    "diff_from_mean": value - mean,
                    "rank": float(ranks[outlet]),
                    "n_outlets": len(values.index),
                })
    return pd.DataFrame(rows, columns=columns)


def _bootstrap_ci(values: Any, n_boot: int, seed: int, level: float) -> tuple[float, float]:
    """Percentile bootstrap interval of the mean (seeded, deterministic)."""
    import numpy as np

    rng = np.random.default_rng(seed)
    idx = rng.integers(0, len(values), size=(n_boot, len(values)))
    means = values[idx].mean(axis=1)
    tail = (1.0 - level) / 2.0 * 100.0
    low, high = np.percentile(means, [tail, 100.0 - tail])
    return float(low), float(high)


def outlet_profiles(
    df: Any,
    by: str = "outlet",
    measures: Sequence[str] | None = None,
    *,
    min_n: int = 5,
    n_boot: int = 2000,
    seed: int = 0,
    level: float = 0.95,
) -> pd.DataFrame:
    """Each outlet's mean per measure across all its articles, with bootstrap intervals.

    Args:
        df: The corpus table (rows with ``error`` are left out).
        by: Column naming the outlet.
        measures: Columns to profile (default: :func:`measures_in`).
        min_n: Fewest articles with a defined value needed for an interval.
        n_boot: Bootstrap resamples.
        seed: Random seed (the same seed gives the same intervals).
        level: Interval coverage, 0..1 (0.95: the 2.5th and 97.5th percentiles of the
            resampled means).

    Returns:
        Long DataFrame ``outlet, measure, n, mean, ci_low, ci_high, note``; ``n`` counts
        articles with a defined (non-NaN) value; below ``min_n`` the interval is NaN and
        ``note`` reads ``"n too small (n=3 < 5)"``.
    """
    import numpy as np
    import pandas as pd

    if not 0.0 < level < 1.0:
        raise InputError(f"level: {level!r} is outside (0, 1); 0.95 gives a 95% interval")
    if min_n < 2:
        raise InputError(f"min_n: {min_n!r} is too small for a bootstrap; use 2 or more")
    table = _scored(_frame(df))
    chosen = measures_in(table, measures)
    unit = _units(table, by)
    rows: list[dict[str, Any]] = []
    for outlet in sorted(set(unit)):
        part = table[unit == outlet]
        for k, measure in enumerate(chosen):
            values = pd.to_numeric(part[measure], errors="coerce").dropna().to_numpy(float)
            n = len(values)
            mean = float(values.mean()) if n else math.nan
            low = high = math.nan
            note = ""
            if n >= min_n:
                low, high = _bootstrap_ci(values, n_boot, seed + k, level)
            else:
                note = f"n too small (n={n} < {min_n})"
            rows.append({by: outlet, "measure": measure, "n": n, "mean": mean,
                         "ci_low": low, "ci_high": high, "note": note})
    out = pd.DataFrame(rows, columns=[by, "measure", "n", "mean", "ci_low", "ci_high", "note"])
    out["n"] = out["n"].astype(np.int64)
    return out


def _label_fields(entry: Any) -> tuple[str, str, int, int]:
    """(group, label, count, quoted_count) from a label entry (object or tuple)."""
    if hasattr(entry, "group"):
        return (str(entry.group), str(entry.label), int(entry.count),
                int(getattr(entry, "quoted_count", 0) or 0))
    group, label, count, *rest = entry
    return str(group), str(label), int(count), int(rest[0]) if rest else 0


def _parse_labels(text: Any) -> list[tuple[str, str, int, int]]:
    """Entries of a ``loaded_actor_labels`` cell: ``"group:label:count:quoted;..."``."""
    if not isinstance(text, str) or not text:
        return []
    out = []
    for part in text.split(";"):
        fields = part.rsplit(":", 2)
        if len(fields) == 3 and ":" in fields[0]:
            group, label = fields[0].split(":", 1)
            try:
                out.append((group, label, int(fields[1]), int(fields[2])))
            except ValueError:
                continue
    return out


def _label_sources(scores: Any, by: str) -> Iterable[tuple[str, Iterable[Any]]]:
    """(unit, label entries) per article, from ArticleScores or a corpus table."""
    import pandas as pd

    data = getattr(scores, "scores", scores)
    if isinstance(data, pd.DataFrame):
        if "loaded_actor_labels" not in data.columns:
            return []
        table = _scored(data)
        units = _units(table, by)
        return [(u, _parse_labels(v)) for u, v in zip(units, table["loaded_actor_labels"])]
    out = []
    for item in data:
        unit = getattr(item.article, by, None)
        unit = f"{UNKNOWN_OUTLET} {item.article.id}" if unit is None else str(unit)
        out.append((unit, getattr(item.terms, "labels", ()) or ()))
    return out


def word_choice_table(scores: Iterable[Any], by: str = "outlet") -> pd.DataFrame:
    """The labels each outlet used for each actor group, with counts.

    Args:
        scores: :class:`~framing.scores.ArticleScores` (or a
            :class:`~framing.corpus.ScoredCorpus`); each carries ``terms.labels`` entries
            ``(group, label, count, quoted_count)``. The corpus table works too: its
            ``loaded_actor_labels`` column holds the same entries as text.
        by: Article attribute to group by (``"outlet"`` or ``"incident"`` ...).

    Returns:
        Long DataFrame ``group, label, outlet, count, narrator_count, quoted_count,
        articles`` (``articles``: how many of the outlet's articles use the label),
        sorted by group, label and outlet. ``narrator_count`` is ``count -
        quoted_count``: the outlet's own word, as opposed to a word in a quotation.
        Pivot with ``t.pivot_table(index=["group", "label"], columns="outlet",
        values="count", fill_value=0)``.
    """
    import pandas as pd

    totals: dict[tuple[str, str, str], list[int]] = {}
    for unit, entries in _label_sources(scores, by):
        for entry in entries:
            group, label, count, quoted = _label_fields(entry)
            if count <= 0:
                continue
            acc = totals.setdefault((group, label, unit), [0, 0, 0])
            acc[0] += count
            acc[1] += quoted
            acc[2] += 1
    rows = [
        {"group": g, "label": lab, by: unit, "count": c, "narrator_count": c - q,
         "quoted_count": q, "articles": a}
        for (g, lab, unit), (c, q, a) in sorted(totals.items())
    ]
    return pd.DataFrame(rows, columns=["group", "label", by, "count", "narrator_count",
                                       "quoted_count", "articles"])


def actor_sentiment_table(scores: Iterable[Any], by: str = "outlet") -> pd.DataFrame:
    """Mean sentence sentiment toward each actor group, per outlet.

    Args:
        scores: :class:`~framing.scores.ArticleScores` (or a ScoredCorpus); each carries
            ``sentiment.actors`` entries ``(actor, mentions, sentences, sentiment_mean)``.
        by: Article attribute to group by.

    Returns:
        Long DataFrame ``outlet, actor, articles, mentions, sentences, sentiment_mean``:
        ``sentiment_mean`` is the mean VADER compound (-1..+1) over every sentence that
        mentions the group in the outlet's articles (each article's mean weighted by its
        number of such sentences); actors never mentioned are left out.
    """
    import pandas as pd

    items = getattr(scores, "scores", scores)
    acc: dict[tuple[str, str], list[float]] = {}
    for item in items:
        unit = getattr(item.article, by, None)
        unit = f"{UNKNOWN_OUTLET} {item.article.id}" if unit is None else str(unit)
        for entry in getattr(item.sentiment, "actors", ()) or ():
            sentences = int(getattr(entry, "sentences", 0) or 0)
            mean = float(getattr(entry, "sentiment_mean", math.nan))
            if sentences <= 0 or math.isnan(mean):
                continue
            row = acc.setdefault((unit, str(entry.actor)), [0, 0, 0, 0.0])
            row[0] += 1
            row[1] += int(getattr(entry, "mentions", 0) or 0)
            row[2] += sentences
            row[3] += mean * sentences
    rows = [
        {by: unit, "actor": actor, "articles": a, "mentions": m, "sentences": s,
         "sentiment_mean": total / s}
        for (unit, actor), (a, m, s, total) in sorted(acc.items())
    ]
    return pd.DataFrame(rows, columns=[by, "actor", "articles", "mentions", "sentences",
                                       "sentiment_mean"])


def _attributions(item: Any) -> list[tuple[str, str, str]]:
    """(role, verb, verb class) of each attributed quote of one scored article.

    The quote scorer's ``attributions`` (verb lemmas: "says" and "said" are one verb) when
    present, else each quotation's cue as written, lower-cased.
    """
    given = getattr(getattr(item, "quotes", None), "attributions", None)
    if given is not None:
        return [(str(r), str(v), str(c or "")) for r, v, c in given]
    return [(q.role, q.cue.lower(), getattr(q, "cue_class", "") or "")
            for q in getattr(item.document, "quotes", ()) or () if q.cue]


def verb_table(scores: Iterable[Any], by: str = "outlet") -> pd.DataFrame:
    """Which attribution verbs each outlet used for each speaker role.

    Args:
        scores: :class:`~framing.scores.ArticleScores` (or a ScoredCorpus); the verbs
            come from the quote scores' ``attributions`` (verb lemmas), or else from
            each quotation's cue (``Quote.cue``, ``Quote.cue_class``).
        by: Article attribute to group by.

    Returns:
        Long DataFrame ``outlet, role, verb, verb_class, count``: ``verb`` is the verb
        lemma ("say", "claim") or the cue lower-cased, ``verb_class`` its class from the verb data file
        (``"neutral"`` for "said"; other classes mark verbs that are not neutral); quotes
        without a cue are left out. Sorted by outlet, role, then count (descending).
    """
    import pandas as pd

    items = getattr(scores, "scores", scores)
    counts: dict[tuple[str, str, str, str], int] = {}
    for item in items:
        unit = getattr(item.article, by, None)
        unit = f"{UNKNOWN_OUTLET} {item.article.id}" if unit is None else str(unit)
        for role, verb, verb_class in _attributions(item):
            key = (unit, role, verb, verb_class)
            counts[key] = counts.get(key, 0) + 1
    rows = [{by: u, "role": r, "verb": v, "verb_class": c, "count": n}
            for (u, r, v, c), n in counts.items()]
    out = pd.DataFrame(rows, columns=[by, "role", "verb", "verb_class", "count"])
    return out.sort_values([by, "role", "count", "verb"], ascending=[True, True, False, True],
                           ignore_index=True)
