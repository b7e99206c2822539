"""Parsing speed on the MBIC articles: tokens/s and words/s of each parsing stage.

Usage (from the project root)::

    python benchmarks/parse_speed.py            # all 919 articles, best of 3 runs
    python benchmarks/parse_speed.py --repeat 1 --limit 200

Reads ``../shared/benchmarks/babe_mbic/mbic_articles.jsonl`` (research-use data, never
copied into the project), resolved from this script's location. Each non-blank line of
an article is one paragraph. Words are tokens of kind ``word`` or ``number``. Stages:

* ``punkt``: NLTK Punkt alone (``span_tokenize`` per paragraph, framing's parameters);
* ``tokenize``: :func:`framing.segment.tokenize` per paragraph;
* ``split_sentences``: both plus the repairs and Sentence objects (what parse uses);
* ``parse``: :func:`framing.parse` end to end (cleaning, sentences, quote spans, quotes).

Timings are wall-clock on whatever machine runs it; report the machine with the figures.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections.abc import Callable
from pathlib import Path

from framing.document import Paragraph
from framing.parsing import parse
from framing.segment import sentence_tokenizer, split_sentences, tokenize

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "benchmarks" / "babe_mbic"


def _paragraphs(text: str) -> list[Paragraph]:
    out: list[Paragraph] = []
    for m in re.finditer(r"[^\n]+", text):
        stripped = m.group().strip()
        if stripped:
            start = m.start() + len(m.group()) - len(m.group().lstrip())
            out.append(Paragraph(len(out), start, start + len(stripped), stripped))
    return out


def _best(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        run()
        times.append(time.perf_counter() - t0)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per stage (best kept)")
    parser.add_argument("--limit", type=int, default=0, help="first N articles only")
    args = parser.parse_args(argv)

    path = DATA / "mbic_articles.jsonl"
    with path.open(encoding="utf-8") as handle:
        articles = [json.loads(line)["article"] for line in handle if line.strip()]
    if args.limit:
        articles = articles[: args.limit]
    docs = [(text, _paragraphs(text)) for text in articles]
    punkt = sentence_tokenizer()

    words = sum(
        1
        for text, paragraphs in docs
        for s in split_sentences(text, paragraphs)
        for t in s.tokens
        if t.kind in ("word", "number")
    )
    tokens = sum(len(tokenize(t, p.start, p.end)) for t, paragraphs in docs for p in paragraphs)
    stages: dict[str, Callable[[], object]] = {
        "punkt": lambda: [list(punkt.span_tokenize(p.text)) for _, ps in docs for p in ps],
        "tokenize": lambda: [tokenize(t, p.start, p.end) for t, ps in docs for p in ps],
        "split_sentences": lambda: [split_sentences(t, ps) for t, ps in docs],
        "parse": lambda: [parse(t) for t, _ in docs],
    }
    print(f"{len(docs)} articles, {words:,} words, {tokens:,} tokens; best of {args.repeat}")
    for name, run in stages.items():
        seconds = _best(run, args.repeat)
        print(
            f"{name:16s} {seconds:7.2f} s  {words / seconds:12,.0f} words/s"
            f"  {tokens / seconds:12,.0f} tokens/s"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
