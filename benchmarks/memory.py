"""Peak memory of ``framing score`` streaming 1k vs 20k generated articles.

For each size, a JSONL corpus of distinct generated articles
(:func:`framing.bench.synthetic_articles`) is written to a temporary folder, then
``python -m framing.cli score CORPUS -o OUT.csv -q [-j N]`` runs in its own subprocess and
its peak resident set size (and that of its largest worker, with ``-j``) is read from
``os.wait4``. The table goes to a file, row by row, so the output takes no memory: the
growth from 1k to 20k articles is what streaming leaves.

Usage (from the project root)::

    python benchmarks/memory.py [--sizes 1000 20000] [--jobs 1] [--json FILE]
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


def _write_corpus(path: Path, n: int) -> int:
    from framing.bench import synthetic_articles

    words = 0
    with path.open("w", encoding="utf-8") as handle:
        for a in synthetic_articles(n, seed=42):
            words += len(a.text.split())
            handle.write(json.dumps({"id": a.id, "text": a.text, "outlet": a.outlet,
                                     "date": a.date.isoformat(), "incident": a.incident},
                                    ensure_ascii=False) + "\n")
    return words


def _measure(corpus: Path, out: Path, jobs: int) -> dict[str, float]:
    command = [sys.executable, "-m", "framing.cli", "score", str(corpus), "-o", str(out),
               "-q", "-j", str(jobs)]
    start = time.perf_counter()
    proc = subprocess.Popen(command, cwd=ROOT)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"framing score failed with status {status}")
    # ru_maxrss of wait4 is the child's own peak (KiB on Linux); the pool workers are its
    # children, so RUSAGE_CHILDREN of a wrapper would mix them: report the CLI process.
    return {"peak_rss_mib": usage.ru_maxrss / 1024, "seconds": round(seconds, 2)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 20000])
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--json", metavar="FILE")
    args = parser.parse_args(argv)

    from framing.bench import machine_description

    results: dict[str, object] = {"machine": machine_description(), "jobs": args.jobs}
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            corpus = Path(tmp) / f"corpus-{n}.jsonl"
            words = _write_corpus(corpus, n)
            out = Path(tmp) / f"scores-{n}.csv"
            figures = _measure(corpus, out, args.jobs)
            figures.update(articles=n, words=words,
                           corpus_mib=round(corpus.stat().st_size / 2**20, 1),
                           output_mib=round(out.stat().st_size / 2**20, 1),
                           words_per_second=round(words / figures["seconds"]))
            rows.append(figures)
            corpus.unlink()
            out.unlink()
            print(f"{n} articles ({words:,} words, {figures['corpus_mib']} MiB corpus): peak RSS "
                  f"{figures['peak_rss_mib']:.1f} MiB in {figures['seconds']} s", flush=True)
    results["runs"] = rows
    if len(rows) >= 2:
        growth = rows[-1]["peak_rss_mib"] - rows[0]["peak_rss_mib"]
        results["growth_mib"] = round(growth, 1)
        print(f"growth {rows[0]['articles']} -> {rows[-1]['articles']} articles: {growth:.1f} MiB")
    if args.json:
        from framing._io import atomic_write_text

        atomic_write_text(args.json, json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
