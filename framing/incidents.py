"""Group articles into incidents: the manifest's label first, else TF-IDF plus a date window.

Comparison is meaningful only between articles about the same event. When the manifest
gives an ``incident`` it is used as is. Articles without one are grouped automatically:

1. Each text becomes a TF-IDF vector over its content words: lower-cased word tokens of
   three letters or more, function words and attribution/dateline words removed
   (``framing/data/incident_stopwords.txt``), reduced to their Snowball stems (Porter
   1980; the English Snowball variant), so "officer" and "officers" count as one term.
   Term frequency is sublinear, ``1 + ln(count)``; inverse document frequency is
   smoothed, ``ln((1 + n) / (1 + df)) + 1`` (the scikit-learn defaults, Salton and
   Buckley 1988); vectors are L2-normalised, so their dot product is the cosine.
2. Two articles are linked when their cosine similarity is at least ``threshold`` and
   their dates are at most ``window_days`` apart (an article without a date is not held
   back by the window).
3. Incidents are the connected components of the links (single linkage), labelled
   ``"auto <earliest date> #<k>"`` in order of first appearance; an article linked to
   nothing is an incident of its own.

The default threshold (:data:`DEFAULT_THRESHOLD`) was chosen on the five seed articles
(see docs/comparison.md for the measured similarities): the two May 2021 reports of the
officer chanting at a protest score far above it, every other pair far below.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import replace
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from framing.article import Article
from framing.errors import InputError

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

__all__ = [
    "DEFAULT_THRESHOLD",
    "DEFAULT_WINDOW_DAYS",
    "assign_incidents",
    "content_terms",
    "group_texts",
    "incident_labels",
    "similarity_matrix",
]

#: Cosine similarity (0..1) at or above which two articles are linked. On the seeds the
#: two May 2021 articles score 0.33 and the highest other pair 0.19 (docs/comparison.md).
DEFAULT_THRESHOLD = 0.25

#: Largest gap in days between two linked articles' dates.
DEFAULT_WINDOW_DAYS = 7

_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*", re.UNICODE)


@cache
def _stopwords() -> frozenset[str]:
    text = resources.files("framing").joinpath("data/incident_stopwords.txt").read_text("utf-8")
    return frozenset(
        line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


@cache
def _stemmer() -> Any:
    from nltk.stem.snowball import SnowballStemmer  # ships its rules; no NLTK data needed

    return SnowballStemmer("english")


def content_terms(text: str) -> list[str]:
    """Stemmed content words of ``text`` in order (the TF-IDF vocabulary).

    Args:
        text: Any text.

    Returns:
        Snowball stems of word tokens of 3+ letters that are not stop words; possessive
        ``'s`` is dropped first ("Met's" -> "met").
    """
    stop = _stopwords()
    stem = _stemmer().stem
    out: list[str] = []
    for match in _WORD.finditer(text.lower()):
        word = re.sub(r"['\u2019]s$", "", match.group())
        if len(word) < 3 or word in stop:
            continue
        out.append(stem(word))
    return out


def similarity_matrix(texts: Sequence[str]) -> np.ndarray:
    """Pairwise TF-IDF cosine similarity of ``texts`` (see the module docstring).

    Returns:
        Symmetric ``n x n`` float array with values in 0..1 and 1 on the diagonal (0 for
        a text without content words).
    """
    import numpy as np

    docs = [Counter(content_terms(t)) for t in texts]
    n = len(docs)
    vocab = sorted(set().union(*docs)) if docs else []
    col = {term: j for j, term in enumerate(vocab)}
    matrix = np.zeros((n, len(vocab)))
    for i, counts in enumerate(docs):
        for term, count in counts.items():
            matrix[i, col[term]] = 1.0 + math.log(count)
    df = (matrix > 0).sum(axis=0)
    idf = np.log((1.0 + n) / (1.0 + df)) + 1.0
    matrix *= idf
    norms = np.linalg.norm(matrix, axis=1)
    norms[norms == 0] = 1.0
    matrix /= norms[:, None]
    sims = matrix @ matrix.T
    np.fill_diagonal(sims, 1.0)
    return np.clip(sims, 0.0, 1.0)


def _within_window(a: _dt.date | None, b: _dt.date | None, window_days: float) -> bool:
    if a is None or b is None:
        return True
    return abs((a - b).days) <= window_days


def group_texts(
    texts: Sequence[str],
    dates: Sequence[_dt.date | None] | None = None,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    window_days: float = DEFAULT_WINDOW_DAYS,
) -> list[int]:
    """Group texts into incidents by TF-IDF cosine and date window (single linkage).

    Args:
        texts: Article texts.
        dates: Publication dates (None where unknown), aligned with ``texts``.
        threshold: Minimum cosine similarity (0..1) to link two texts.
        window_days: Maximum date gap in days to link two texts.

    Returns:
        A group number per text, numbered from 0 in order of first appearance.

    Raises:
        InputError: bad threshold, window or lengths.
    """
    if not 0.0 <= threshold <= 1.0:
        raise InputError(f"threshold: {threshold!r} is outside 0..1 (cosine similarity)")
    if window_days < 0:
        raise InputError(f"window_days: {window_days!r} is negative; give days >= 0")
    n = len(texts)
    dates = list(dates) if dates is not None else [None] * n
    if len(dates) != n:
        raise InputError(f"dates: {len(dates)} dates for {n} texts; give one per text")
    sims = similarity_matrix(texts)
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(n):
        for j in range(i + 1, n):
            if sims[i, j] >= threshold and _within_window(dates[i], dates[j], window_days):
                ri, rj = find(i), find(j)
                if ri != rj:
                    parent[max(ri, rj)] = min(ri, rj)
    numbers: dict[int, int] = {}
    return [numbers.setdefault(find(i), len(numbers)) for i in range(n)]


def incident_labels(
    texts: Sequence[str],
    dates: Sequence[_dt.date | None],
    given: Sequence[str | None],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    window_days: float = DEFAULT_WINDOW_DAYS,
) -> list[str]:
    """Incident label per article: the given label, else an automatic group's label.

    Only articles without a given label are grouped among themselves.

    Returns:
        Labels aligned with ``texts``; automatic ones read ``"auto 2021-05-18 #1"``.
    """
    todo = [i for i, label in enumerate(given) if not label]
    groups = group_texts([texts[i] for i in todo], [dates[i] for i in todo],
                         threshold=threshold, window_days=window_days)
    members: dict[int, list[int]] = {}
    for i, g in zip(todo, groups):
        members.setdefault(g, []).append(i)
    labels = [label or "" for label in given]
    for g, idx in members.items():
        known = [d for d in (dates[i] for i in idx) if d is not None]
        when = min(known).isoformat() if known else "undated"
        for i in idx:
            labels[i] = f"auto {when} #{g + 1}"
    return labels


def _as_date(value: Any) -> _dt.date | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    try:
        return _dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or str(value).strip() == ""


def assign_incidents(
    data: Any,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    window_days: float = DEFAULT_WINDOW_DAYS,
    overrides: Mapping[str, str] | None = None,
    replace_given: bool = False,
    text_column: str = "text",
) -> Any:
    """Fill in the incident of every article that has none.

    Args:
        data: A DataFrame (with a ``text_column``; without one the ``title`` column is
            used), a :class:`framing.Corpus`, or an iterable of :class:`Article` or of
            :class:`~framing.scores.ArticleScores`.
        threshold: Cosine similarity (0..1) needed to link two articles.
        window_days: Largest date gap between linked articles.
        overrides: ``{article id: incident}`` set by the user; wins over everything.
        replace_given: If True, regroup every article, ignoring manifest labels.
        text_column: DataFrame column holding the article text.

    Returns:
        For a DataFrame, a copy with ``incident`` filled and an ``incident_source``
        column (``"given"``, ``"auto"`` or ``"override"``); otherwise a list of the
        same kind of items (Articles or ArticleScores) with ``incident`` filled.

    Raises:
        InputError: the DataFrame has neither the text column nor ``title``.
    """
    overrides = dict(overrides or {})
    try:
        import pandas as pd

        is_frame = isinstance(data, pd.DataFrame)
    except ImportError:  # pragma: no cover - pandas is a dependency
        is_frame = False
    if is_frame:
        return _assign_frame(data, threshold, window_days, overrides, replace_given, text_column)
    items = list(getattr(data, "articles", data))
    arts = [getattr(item, "article", item) for item in items]
    for item in arts:
        if not isinstance(item, Article):
            raise InputError(
                f"data: expected Articles or ArticleScores, got {type(item).__name__}"
            )
    texts = [
        item.document.text if hasattr(item, "document") else art.text
        for item, art in zip(items, arts)
    ]
    given = [None if replace_given else art.incident for art in arts]
    labels = incident_labels(texts, [a.date for a in arts], given,
                             threshold=threshold, window_days=window_days)
    out = []
    for item, art, label in zip(items, arts, labels):
        label = overrides.get(art.id, label)
        if label == art.incident:
            out.append(item)
            continue
        new_art = replace(art, incident=label)
        out.append(replace(item, article=new_art) if item is not art else new_art)
    return out


def _assign_frame(df: pd.DataFrame, threshold: float, window_days: float,
                  overrides: dict[str, str], replace_given: bool, text_column: str
                  ) -> pd.DataFrame:
    column = text_column if text_column in df.columns else "title" if "title" in df.columns else None
    if column is None:
        raise InputError(
            f"text_column: the table has no {text_column!r} column and no 'title' column to "
            "group articles by; pass the articles instead, or set 'incident' yourself"
        )
    out = df.copy()
    if "incident" not in out.columns:
        out["incident"] = None
    texts = ["" if _blank(v) else str(v) for v in out[column]]
    dates = [_as_date(v) for v in (out["date"] if "date" in out.columns else [None] * len(out))]
    given = [None if replace_given or _blank(v) else str(v) for v in out["incident"]]
    labels = incident_labels(texts, dates, given, threshold=threshold, window_days=window_days)
    ids = [str(v) for v in (out["id"] if "id" in out.columns else range(len(out)))]
    sources = ["given" if g else "auto" for g in given]
    for k, ident in enumerate(ids):
        if ident in overrides:
            labels[k] = overrides[ident]
            sources[k] = "override"
    out["incident"] = labels
    out["incident_source"] = sources
    return out

