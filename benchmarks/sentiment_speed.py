"""Speed of framing's sentiment aggregation against bare VADER, and vader_fast agreement.

Corpus: the 919 real articles of ``../shared/benchmarks/babe_mbic/mbic_articles.jsonl``
(research use only, read in place). Every article is parsed once with
:func:`framing.parse`; then, on the same sentences:

* **bare VADER**: vaderSentiment's ``polarity_scores`` on every sentence's text, nothing
  else (what a user would write by hand);
* **framing, no actors**: :func:`framing.sentiment.score_sentiment` with ``actors=()``:
  whole sentences, the narrator/quoted parts of mixed sentences, headline, shares and the
  2,000-resample bootstrap interval;
* **framing, with actors**: the same with the built-in actor groups (adds the actor
  mention search of :mod:`framing.actors`).

Each timing is the best of ``--repeats`` rounds (default 3) in this one process, one core;
the three steps take turns within each round, so a drift in the machine's speed
affects them alike.

``--agreement`` also checks that :mod:`framing.vader_fast` gives exactly the scores of
vaderSentiment (all four values) on all 9,390 texts of VADER's ground truth, on every
sentence of the corpus and on every sentence of the seeds, and times both.

``--saturation`` reports how often whole-article VADER saturates (|compound| >= 0.9)
compared with the sentence mean.

Usage (from the project root)::

    python benchmarks/sentiment_speed.py --agreement --saturation
"""

from __future__ import annotations

import argparse
import math
import platform
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "benchmarks"
sys.path.insert(0, str(ROOT))

import framing
from framing import vader_fast
from framing.bench import best_of, best_of_interleaved, load_texts
from framing.sentiment import score_sentiment


def load_articles(limit: int | None = None) -> list[str]:
    """Article texts of the MBIC corpus, in file order (the one empty article included)."""
    return load_texts(DATA / "babe_mbic" / "mbic_articles.jsonl", limit=limit or None,
                      keep_empty=True)


def ground_truth_texts() -> list[str]:
    """The 9,390 texts of VADER's NYT and tweet ground truth."""
    texts = []
    for name in ("nytEditorialSnippets", "tweets"):
        path = DATA / "vader_groundtruth" / f"{name}_GroundTruth.txt"
        with open(path, encoding="utf-8", newline="") as fh:
            texts.extend(line.rstrip("\r\n").split("\t", 2)[2] for line in fh if line.strip())
    return texts


def agreement(groups: dict[str, Sequence[str]], repeats: int) -> list[str]:
    """Markdown lines: disagreements and speed of vader_fast against vaderSentiment."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    reference = SentimentIntensityAnalyzer().polarity_scores
    fast = vader_fast.polarity_scores
    lines = ["| texts | n | differing (any of 4 values) | vaderSentiment s | vader_fast s | speed-up |",
             "|---|---|---|---|---|---|"]
    for label, texts in groups.items():
        differ = sum(fast(t) != reference(t) for t in texts)
        t_ref = best_of(lambda texts=texts: [reference(t) for t in texts], repeats)
        t_fast = best_of(lambda texts=texts: [fast(t) for t in texts], repeats)
        lines.append(f"| {label} | {len(texts)} | {differ} | {t_ref:.2f} | {t_fast:.2f} | "
                     f"{t_ref / t_fast:.2f}x |")
    return lines


def saturation(texts: Sequence[str], docs: Sequence[Any]) -> list[str]:
    """Markdown lines: whole-article compound vs sentence mean, share near +-1."""
    whole = [vader_fast.polarity_scores(t)["compound"] for t in texts]
    means = [score_sentiment(d, actors=()).mean for d in docs]
    means = [m for m in means if not math.isnan(m)]
    share = lambda xs: sum(abs(x) >= 0.9 for x in xs) / len(xs)
    return [
        "| scoring unit | articles | share with abs(score) >= 0.9 |",
        "|---|---|---|",
        f"| whole article (one VADER call) | {len(whole)} | {share(whole):.3f} |",
        f"| mean over sentences (sentiment_mean) | {len(means)} | {share(means):.3f} |",
    ]


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--limit", type=int, default=None, help="first N articles only")
    ap.add_argument("--agreement", action="store_true")
    ap.add_argument("--saturation", action="store_true")
    args = ap.parse_args(argv)

    texts = load_articles(args.limit)
    start = time.perf_counter()
    docs = [framing.parse(t) for t in texts]
    t_parse = time.perf_counter() - start
    sentences = [s.text for d in docs for s in d.sentences]
    words = sum(d.word_count for d in docs)

    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyser = SentimentIntensityAnalyzer()
    score_sentiment(docs[0])  # warm the caches (lexicons, actor index) outside the timings
    t_bare, t_ours, t_actor = best_of_interleaved(
        [lambda: [analyser.polarity_scores(s) for s in sentences],
         lambda: [score_sentiment(d, actors=()) for d in docs],
         lambda: [score_sentiment(d) for d in docs]],
        args.repeats,
    )

    print(f"machine: {platform.processor() or platform.machine()}, Python "
          f"{platform.python_version()}, one process; best of {args.repeats}")
    print(f"corpus: {len(docs)} articles, {len(sentences)} sentences, {words} words; "
          f"parse {t_parse:.2f} s (once, not in the figures below)\n")
    print("| step | seconds | words/s | vs bare VADER |")
    print("|---|---|---|---|")
    for label, t in (("bare VADER polarity_scores per sentence", t_bare),
                     ("framing score_sentiment, actors=()", t_ours),
                     ("framing score_sentiment, built-in actors", t_actor)):
        print(f"| {label} | {t:.2f} | {words / t:,.0f} | {t / t_bare:.2f}x time |")

    if args.agreement:
        seeds = [s.text for p in sorted((ROOT / "seeds").glob("*.txt"))
                 for s in framing.parse(p.read_text(encoding="utf-8")).sentences]
        print()
        print("\n".join(agreement({"VADER ground truth (NYT + tweets)": ground_truth_texts(),
                                   "MBIC article sentences": sentences,
                                   "seed sentences": seeds}, args.repeats)))
    if args.saturation:
        print()
        print("\n".join(saturation(texts, docs)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
