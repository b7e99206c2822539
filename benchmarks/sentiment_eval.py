"""Validity of framing's sentence sentiment against human ratings.

Data (research use only, read in place from ``../shared/benchmarks/`` next to the project):

* VADER's ground truth (Hutto and Gilbert 2014): 5,190 NYT editorial snippets and 4,200
  tweets, each with the mean of >= 20 human ratings on -4..+4. We report Pearson and
  Spearman correlation of the compound score with the human mean (the paper's measure)
  and the 3-class accuracy / macro-F1 (human mean > 0 / < 0 / == 0 against compound
  >= 0.05 / <= -0.05 / between).
* NewsMTSC devtest_rw (Hamborg and Donnay 2021): 1,146 (sentence, target) pairs from
  political news labelled negative / neutral / positive *towards the target*. Sentence
  polarity is not target polarity, so this is a proxy: 3-class accuracy and macro-F1 of
  the sentence's compound class against the target label.

Each figure is given for framing's scorer (``framing.sentiment.polarity``: typographic
quotes mapped to ASCII, then VADER) and for bare vaderSentiment on the raw text.

Usage (from the project root)::

    python benchmarks/sentiment_eval.py            # prints a Markdown table
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "benchmarks"
sys.path.insert(0, str(ROOT))

from framing.sentiment import NEGATIVE_THRESHOLD, POSITIVE_THRESHOLD, polarity

LABELS = ("neg", "neu", "pos")


def load_vader_groundtruth(name: str) -> list[tuple[str, float, str]]:
    """(id, human mean in -4..4, text) rows of a ``*_GroundTruth.txt`` file."""
    path = DATA / "vader_groundtruth" / f"{name}_GroundTruth.txt"
    rows = []
    with open(path, encoding="utf-8", newline="") as fh:
        for line in fh:
            line = line.rstrip("\r\n")
            if not line.strip():
                continue
            sid, mean, text = line.split("\t", 2)
            rows.append((sid, float(mean), text))
    return rows


def load_newsmtsc() -> list[tuple[str, str]]:
    """(sentence, target label) pairs of NewsMTSC devtest_rw."""
    names = {2.0: "neg", 4.0: "neu", 6.0: "pos"}
    out = []
    with open(DATA / "newsmtsc" / "devtest_rw.jsonl", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            out.extend((rec["sentence_normalized"], names[t["polarity"]]) for t in rec["targets"])
    return out


def compound_class(c: float) -> str:
    """VADER's 3 classes from the compound score (+-0.05)."""
    return "pos" if c >= POSITIVE_THRESHOLD else "neg" if c <= NEGATIVE_THRESHOLD else "neu"


def gold_class(mean: float) -> str:
    """3 classes from a human mean rating (sign)."""
    return "pos" if mean > 0 else "neg" if mean < 0 else "neu"


def accuracy_macro_f1(gold: Sequence[str], pred: Sequence[str]) -> tuple[float, float]:
    """Accuracy and macro-averaged F1 over the three labels."""
    g, p = np.asarray(gold), np.asarray(pred)
    f1s = []
    for label in LABELS:
        tp = np.sum((g == label) & (p == label))
        fp = np.sum((g != label) & (p == label))
        fn = np.sum((g == label) & (p != label))
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return float(np.mean(g == p)), float(np.mean(f1s))


def _bare_vader() -> Callable[[str], float]:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyser = SentimentIntensityAnalyzer()
    return lambda text: analyser.polarity_scores(text)["compound"]


def evaluate() -> pd.DataFrame:
    """One row per (data set, scorer) with the validity figures."""
    scorers = {"framing": lambda text: polarity(text)[0], "bare vaderSentiment": _bare_vader()}
    rows = []
    for name, label in (("nytEditorialSnippets", "NYT editorial snippets"),
                        ("tweets", "tweets")):
        data = load_vader_groundtruth(name)
        human = pd.Series([m for _, m, _ in data])
        for scorer_name, fn in scorers.items():
            scores = pd.Series([fn(t) for _, _, t in data])
            acc, f1 = accuracy_macro_f1([gold_class(m) for m in human],
                                        [compound_class(c) for c in scores])
            rows.append({"data": label, "n": len(data), "scorer": scorer_name,
                         "pearson_r": human.corr(scores, method="pearson"),
                         "spearman_rho": human.corr(scores, method="spearman"),
                         "accuracy_3class": acc, "macro_f1_3class": f1})
    pairs = load_newsmtsc()
    for scorer_name, fn in scorers.items():
        cache: dict[str, float] = {}
        pred = [compound_class(cache.setdefault(s, fn(s))) for s, _ in pairs]
        acc, f1 = accuracy_macro_f1([g for _, g in pairs], pred)
        rows.append({"data": "NewsMTSC devtest_rw (target polarity, proxy)", "n": len(pairs),
                     "scorer": scorer_name, "pearson_r": float("nan"),
                     "spearman_rho": float("nan"), "accuracy_3class": acc,
                     "macro_f1_3class": f1})
    return pd.DataFrame(rows)


def markdown(table: pd.DataFrame) -> str:
    """A Markdown table, floats to 3 decimals (no tabulate dependency)."""
    def cell(v: object) -> str:
        return f"{v:.3f}" if isinstance(v, float) else str(v)

    lines = ["| " + " | ".join(table.columns) + " |", "|" + "---|" * len(table.columns)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in table.itertuples(index=False)]
    return "\n".join(lines)


def normalisation_effect() -> str:
    """How many NewsMTSC sentences change score when typographic quotes become ASCII."""
    sentences = sorted({s for s, _ in load_newsmtsc()})
    bare = _bare_vader()
    changed = [s for s in sentences if polarity(s)[0] != bare(s)]
    flipped = [s for s in changed if compound_class(polarity(s)[0]) != compound_class(bare(s))]
    return (f"NewsMTSC devtest_rw: {len(changed)} of {len(sentences)} distinct sentences change "
            f"compound with typographic quotes mapped to ASCII; {len(flipped)} change class.")


def main() -> int:
    print(markdown(evaluate()))
    print()
    print(normalisation_effect())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
