"""Throughput: framing's full profile against the naive pipeline, and -j 1 against -j 2.

Reads the 919 MBIC articles from ../shared/benchmarks/babe_mbic/mbic_articles.jsonl
(relative to the project root; research-use data, never copied into the package) and, in
one run on the same machine:

1. times the naive pipeline (textstat's seven readability functions + NLTK Punkt + VADER
   per sentence) and framing's full profile (all four measures) with per-stage times and
   peak memory (:func:`framing.bench.run`);
2. scores the same articles with ``framing.stream.iter_records`` at ``jobs=1`` and
   ``jobs=2`` (what ``framing score -j N`` runs), checks the records are identical, and
   reports words per second and the speed-up.

Usage (from the project root)::

    python benchmarks/throughput.py [--limit N] [--jobs-only | --no-jobs] [--repeat N]
                                    [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "benchmarks" / "babe_mbic" / "mbic_articles.jsonl"


def _busy_seconds() -> float:
    """CPU seconds all processes of the machine have used since boot (Linux /proc/stat)."""
    try:
        with open("/proc/stat", encoding="ascii") as handle:
            fields = [int(x) for x in handle.readline().split()[1:]]
    except (OSError, ValueError):
        return float("nan")
    user, nice, system, _idle, _iowait, irq, softirq, steal = fields[:8]
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def _own_seconds() -> float:
    """CPU seconds of this process and its finished children (the pool workers)."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def _jobs_comparison(texts: list[str], jobs: tuple[int, ...] = (1, 2), repeat: int = 1
                     ) -> dict[str, object]:
    """Time ``iter_records`` at each ``jobs``; best of ``repeat`` runs, with CPU accounting.

    Besides wall time, each run records framing's own CPU seconds (this process and its
    workers) and the CPU seconds the rest of the machine used meanwhile ("others"): on a
    shared machine a low speed-up with busy "others" means the workers waited for a core.
    """
    import hashlib

    from framing import Article
    from framing.bench import in_fresh_copy
    from framing.stream import iter_records

    articles = [Article(id=f"mbic-{i}", text=t) for i, t in enumerate(texts)]
    words = sum(len(t.split()) for t in texts)
    results: dict[str, object] = {"articles": len(articles), "words": words}
    reference = None
    list(iter_records(articles[:1]))  # load the resources first: both runs start warm

    def one_run(n: int) -> list[object]:
        busy0, own0, start = _busy_seconds(), _own_seconds(), time.perf_counter()
        records = list(iter_records(articles, jobs=n))
        seconds = time.perf_counter() - start
        own = _own_seconds() - own0
        others = max(0.0, _busy_seconds() - busy0 - own)
        digest = hashlib.sha256(json.dumps(records, sort_keys=True).encode()).hexdigest()
        return [seconds, own, others, digest]

    for n in jobs:
        runs = []
        for _ in range(repeat):
            # each run in a fresh copy of this process: no run reads the caches an
            # earlier run filled with the same texts (see framing.bench.in_fresh_copy)
            _, _, (seconds, own, others, digest) = in_fresh_copy(lambda n=n: one_run(n))
            runs.append((seconds, own, others))
            identical = reference is None or digest == reference
            reference = reference or digest
        seconds, own, others = min(runs)
        results[f"jobs_{n}"] = {"seconds": round(seconds, 3),
                                "words_per_second": round(words / seconds),
                                "framing_cpu_seconds": round(own, 2),
                                "other_processes_cpu_seconds": round(others, 2),
                                "identical_to_jobs_1": identical,
                                "all_runs_seconds": [round(r[0], 3) for r in runs]}
    first, last = results[f"jobs_{jobs[0]}"], results[f"jobs_{jobs[-1]}"]
    results["speedup"] = round(first["seconds"] / last["seconds"], 3)  # type: ignore[index]
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--path", default=str(DATA), help="JSONL with an 'article' field")
    parser.add_argument("--limit", type=int, help="first N texts only")
    view = parser.add_mutually_exclusive_group()
    view.add_argument("--jobs-only", action="store_true", help="only the -j 1 / -j 2 part")
    view.add_argument("--no-jobs", action="store_true", help="skip the -j 1 / -j 2 part")
    parser.add_argument("--repeat", type=int, default=1,
                        help="rounds of each timing, naive and framing taking turns, and runs per "
                             "jobs value in the -j part (the best of each is kept)")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    args = parser.parse_args(argv)

    from framing import bench

    out: dict[str, object] = {"machine": bench.machine_description(),
                              "command": " ".join(["python", "benchmarks/throughput.py",
                                                   *(argv if argv is not None else sys.argv[1:])])}
    if not args.jobs_only:
        result = bench.run(args.path, limit=args.limit, repeat=args.repeat)
        out["naive_vs_framing"] = result.as_dict()
        print(result.to_markdown())
    if not args.no_jobs:
        texts = bench.load_texts(args.path, limit=args.limit)
        comparison = _jobs_comparison(texts, repeat=args.repeat)
        out["jobs"] = comparison
        print("| jobs | seconds | words/s | framing CPU s | other processes' CPU s |\n"
              "|---:|---:|---:|---:|---:|")
        for n in (1, 2):
            row = comparison[f"jobs_{n}"]
            print(f"| {n} | {row['seconds']:.2f} | {row['words_per_second']:,} | "  # type: ignore[index]
                  f"{row['framing_cpu_seconds']:.1f} | {row['other_processes_cpu_seconds']:.1f} |")  # type: ignore[index]
        print(f"\n-j 2 / -j 1 speed-up: **{comparison['speedup']:.2f}x**; records identical: "
              f"{comparison['jobs_2']['identical_to_jobs_1']}")  # type: ignore[index]
    out["machine_after"] = bench.machine_description()
    if args.json:
        from framing._io import atomic_write_text

        atomic_write_text(args.json, json.dumps(out, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
