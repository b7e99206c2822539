"""Accuracy of framing.extract_quotes against hand-annotated gold articles.

Gold: ``tests/data/quotes_gold/`` (format and conventions in its README.md): every quote of
the five seed articles, and short articles written for the test set in several house styles.
Scoring: ``framing.evaluation`` (a gold quote is found at word-token overlap
``|P ∩ G| / max(|P|, |G|) >= 0.5``; speaker by name, surname, alias or mention offsets).

Targets on the seeds are the issue's acceptance targets (issue 4, point 5): direct-quote
recall >= 0.95 and precision >= 0.9, speaker accuracy >= 0.9 and role accuracy >= 0.85.
Floors on the written set, and on the held-out articles (``holdout/``, added after the
extractor was developed, so a check that it generalises), are set out in
docs/quotes_accuracy.md. Figures per kind:
``python benchmarks/quotes_eval.py gold``.
"""

from __future__ import annotations

import itertools
import math
from functools import cache
from pathlib import Path

import pytest

from framing.evaluation import GoldArticle, KindScores, load_gold_dir, match_quotes, summarise

GOLD = Path(__file__).parent / "data" / "quotes_gold"
SEEDS = Path(__file__).parent.parent / "seeds"
THRESHOLD = 0.5


@cache
def _gold(part: str) -> tuple[GoldArticle, ...]:
    return tuple(load_gold_dir(GOLD / part))


@cache
def _scores(part: str) -> dict[str, KindScores]:
    from framing import extract_quotes

    results = []
    for article in _gold(part):
        predicted = extract_quotes(article.text)
        results.append(match_quotes(article.text, predicted, article.quotes, THRESHOLD))
    return summarise(results)


def _at_least(value: float, floor: float) -> bool:
    return not math.isnan(value) and value >= floor


# --- the gold data itself ---------------------------------------------------------------


def test_every_seed_is_annotated():
    annotated = {Path(a.path).stem for a in _gold("seeds")}
    seeds = {p.name.split("_")[0] for p in SEEDS.glob("*.txt")}
    assert seeds and annotated == seeds
    assert all(a.source == "seed" for a in _gold("seeds"))


def test_written_set_size_styles_and_kinds():
    written = _gold("written")
    assert len(written) >= 15
    assert all(a.source == "written" for a in written)
    assert all(120 <= len(a.text.split()) <= 420 for a in written)  # short articles
    styles = {a.style for a in written}
    assert {"uk-tabloid", "uk-broadsheet", "wire-us", "campaign"} <= styles
    kinds = {q.kind for a in written for q in a.quotes if not q.optional}
    assert kinds == {"direct", "partial", "indirect", "embed"}
    # Single and double marks, straight and curly, all occur in quoted spans.
    marks = {a.text[q.start - 1] for a in written for q in a.quotes if q.kind == "direct"}
    assert {"'", '"', "\u201c", "\u2018"} <= marks


def test_gold_quotes_have_speakers_roles_and_do_not_overlap():
    from framing.quotes import ROLES

    for article in (*_gold("seeds"), *_gold("written"), *_gold("holdout")):
        spans = sorted(s for q in article.quotes for s in q.segments)
        for (s1, e1), (s2, _) in itertools.pairwise(spans):
            assert e1 <= s2, f"{article.path}: overlapping gold segments at {s1}..{e1} / {s2}"
        for q in article.quotes:
            if q.optional and q.speaker is None:
                continue
            assert q.speaker, f"{article.path}: {q.text[:40]!r} has no speaker"
            assert q.role in ROLES, f"{article.path}: {q.text[:40]!r} role {q.role!r}"


# --- the targets on the seeds ---------------------------------------------------


def test_seed_direct_quote_recall():
    assert _at_least(_scores("seeds")["direct"].recall, 0.95)


def test_seed_direct_quote_precision():
    assert _at_least(_scores("seeds")["direct"].precision, 0.9)


@pytest.mark.parametrize("kind", ["direct", "all"])
def test_seed_speaker_accuracy(kind):
    assert _at_least(_scores("seeds")[kind].speaker_accuracy, 0.9)


@pytest.mark.parametrize("kind", ["direct", "all"])
def test_seed_role_accuracy(kind):
    assert _at_least(_scores("seeds")[kind].role_accuracy, 0.85)


# --- floors on the written and held-out sets (docs/quotes_accuracy.md explains them) -------


def test_holdout_set_is_separate():
    holdout = _gold("holdout")
    assert len(holdout) >= 5
    assert all(a.source == "holdout" for a in holdout)
    assert not {a.id for a in holdout} & {a.id for a in _gold("written")}


@pytest.mark.parametrize("part", ["written", "holdout"])
@pytest.mark.parametrize(
    ("kind", "recall", "precision"),
    [("direct", 0.95, 0.9), ("embed", 0.9, 0.9), ("partial", 0.7, 0.7), ("indirect", 0.6, 0.6)],
)
def test_written_precision_recall_floors(part, kind, recall, precision):
    scores = _scores(part)[kind]
    assert _at_least(scores.recall, recall), f"{kind} recall {scores.recall:.3f}"
    assert _at_least(scores.precision, precision), f"{kind} precision {scores.precision:.3f}"


@pytest.mark.parametrize(
    ("part", "kind", "speaker", "role"),
    [
        # goals on the written set, which the extractor was developed against
        ("written", "direct", 0.9, 0.85),
        ("written", "all", 0.85, 0.8),
        # held-out articles were scored once, unseen, and never tuned on; these floors are
        # the measured levels (direct 12/15 speakers, 9/15 roles; all kinds 26/32, 21/32),
        # a regression guard, not the goal: the gap to the written-set goals is reported
        # in docs/quotes_accuracy.md rather than closed by tuning on these articles
        ("holdout", "direct", 0.8, 0.6),
        ("holdout", "all", 0.8, 0.65),
    ],
)
def test_written_attribution_floors(part, kind, speaker, role):
    scores = _scores(part)[kind]
    assert _at_least(scores.speaker_accuracy, speaker), f"speaker {scores.speaker_accuracy:.3f}"
    assert _at_least(scores.role_accuracy, role), f"role {scores.role_accuracy:.3f}"
