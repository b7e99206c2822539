"""The ``framing`` command: a thin layer over the public API.

Subcommands: ``score`` (corpus table), ``quotes`` and ``terms`` (one article, audited),
``compare`` (outlets within incidents), ``report`` (HTML or Markdown) and ``bench``.
Exit codes: 0 ok, 1 some articles failed (their rows carry the error), 2 usage or input
error (bad option, missing file, malformed manifest or lexicon).
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

__all__ = ["DEFAULT_BENCH_PATH", "PROGRESS_MIN_ARTICLES", "build_parser", "main"]

#: Corpora with more articles than this get a progress bar on stderr.
PROGRESS_MIN_ARTICLES = 30

EXIT_OK, EXIT_FAILED_ARTICLES, EXIT_USAGE = 0, 1, 2

#: Texts ``framing bench`` times when no path is given (MBIC's 919 articles).
DEFAULT_BENCH_PATH = "../shared/benchmarks/babe_mbic/mbic_articles.jsonl"

_EPILOG = (
    "Exit codes: 0 ok, 1 some articles failed (see the error column), 2 usage or input "
    "error. Docs: docs/cli.md."
)


def _add_corpus_options(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("--lexicon", metavar="PATH",
                     help="user lexicon (TOML or CSV) that extends the built-in one")
    sub.add_argument("--actors", metavar="PATH",
                     help="user actor groups (TOML) that extend the built-in ones")
    sub.add_argument("-q", "--quiet", action="store_true", help="no progress bar")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for documentation and tests)."""
    import framing

    parser = argparse.ArgumentParser(
        prog="framing",
        description="Score news articles for sentiment, readability, loaded terms and "
                    "quote balance, and compare outlets incident by incident.",
        epilog=_EPILOG,
    )
    parser.add_argument("--version", action="version", version=f"framing {framing.__version__}")
    subs = parser.add_subparsers(dest="command", metavar="COMMAND")
    subs.required = True

    score = subs.add_parser(
        "score", help="score a corpus into one table (one row per article)",
        description="Score every article of CORPUS (folder of .txt/.md/.html files with an "
                    "optional manifest, or a .csv/.jsonl file) into one table: one row per "
                    "article in input order; failed articles keep their row with 'error'.",
        epilog=_EPILOG)
    score.add_argument("corpus", metavar="CORPUS", help="folder, .csv or .jsonl corpus")
    score.add_argument("-o", "--output", metavar="FILE",
                       help="write to FILE (.csv, .jsonl or .parquet by suffix); "
                            "default: CSV on stdout")
    score.add_argument("--format", choices=("csv", "jsonl"), default="csv",
                       help="format on stdout (default csv)")
    score.add_argument("-j", "--jobs", type=int, default=1, metavar="N",
                       help="worker processes (default 1; 0 = all cores); same rows, same order")
    score.add_argument("--db", metavar="FILE",
                       help="SQLite score store: reuse stored scores of unchanged articles, "
                            "store new ones as they come (a killed run resumes)")
    _add_corpus_options(score)

    quotes = subs.add_parser(
        "quotes", help="list the quotations of one article",
        description="Print each quotation of FILE (a text file, '-' for stdin): speaker, "
                    "role, kind, attribution verb and first words.", epilog=_EPILOG)
    quotes.add_argument("file", metavar="FILE", help="article text file, or - for stdin")
    quotes.add_argument("--json", action="store_true", help="JSON lines with every field")

    terms = subs.add_parser(
        "terms", help="list the loaded terms of one article",
        description="Print each loaded-term hit of FILE in context, with its category, "
                    "weight and voice (narrator or quoted).", epilog=_EPILOG)
    terms.add_argument("file", metavar="FILE", help="article text file, or - for stdin")
    terms.add_argument("--json", action="store_true", help="JSON lines with every field")
    terms.add_argument("--lexicon", metavar="PATH",
                       help="user lexicon (TOML or CSV) that extends the built-in one")

    compare = subs.add_parser(
        "compare", help="compare outlets within each incident",
        description="Compare outlets within each incident: each outlet's value per measure, "
                    "its difference from the incident mean and its rank. INPUT is a scores "
                    "table written by 'framing score -o' or a corpus (scored first).",
        epilog=_EPILOG)
    compare.add_argument("input", metavar="INPUT", help="scores table or corpus")
    compare.add_argument("-o", "--output", metavar="FILE",
                         help="write to FILE (.csv, .jsonl or .md); default: CSV on stdout")
    compare.add_argument("--by", default="outlet", help="column to compare (default outlet)")
    compare.add_argument("--within", default="incident",
                         help="column naming the incident (default incident)")
    view = compare.add_mutually_exclusive_group()
    view.add_argument("--profiles", action="store_true",
                      help="outlet profiles across incidents with bootstrap 95%% intervals")
    view.add_argument("--word-choice", action="store_true",
                      help="labels each outlet used for each actor group")
    _add_corpus_options(compare)

    report = subs.add_parser(
        "report", help="write the comparison report (HTML or Markdown)",
        description="Write the comparison report of INPUT (a corpus, or a scores table for "
                    "the tables alone): self-contained HTML, or Markdown when FILE ends in "
                    ".md.", epilog=_EPILOG)
    report.add_argument("input", metavar="INPUT", nargs="?",
                        help="corpus or scores table (or give --db)")
    report.add_argument("--db", metavar="FILE",
                        help="report from a score store written by 'framing score --db' "
                             "(tables and charts; no article texts)")
    report.add_argument("-o", "--output", metavar="FILE",
                        help="write to FILE (.html or .md); default: HTML on stdout")
    report.add_argument("--title", help="report title")
    report.add_argument("--threshold", type=float, metavar="X",
                        help="incident grouping: TF-IDF cosine threshold (0..1)")
    report.add_argument("--window-days", type=float, metavar="N",
                        help="incident grouping: largest date gap in days")
    _add_corpus_options(report)

    bench = subs.add_parser(
        "bench", help="time framing against the naive pipeline",
        description="Time framing's full profile against the naive pipeline (textstat, "
                    "NLTK Punkt, VADER per sentence) on the texts of a JSONL file with an "
                    "'article' field.", epilog=_EPILOG)
    bench.add_argument("path", metavar="JSONL", nargs="?", default=None,
                       help="texts to time (an 'article' field per line; default: "
                            f"{DEFAULT_BENCH_PATH}, relative to the current folder)")
    bench.add_argument("--limit", type=int, metavar="N", help="use the first N texts")
    bench.add_argument("--json", action="store_true", help="print the result as JSON")
    return parser


# -- helpers ------------------------------------------------------------------------------


def _read_text(file: str, stdin: IO[str]) -> str:
    if file == "-":
        return stdin.read()
    from framing.errors import CorpusReadError

    try:
        return Path(file).read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise CorpusReadError(f"FILE: cannot read {file!r} ({exc.strerror})") from exc


def _is_scores_table(path: str) -> bool:
    """True when ``path`` is a table written by ``framing score -o``."""
    from framing.corpus import TABLE_SUFFIXES

    p = Path(path)
    suffix = p.suffix.lower()
    if not p.is_file() or suffix not in TABLE_SUFFIXES:
        return False
    if suffix == ".parquet":
        return True
    with p.open(encoding="utf-8", errors="replace") as handle:
        first = handle.readline()
    if suffix == ".csv":
        return "framing_version" in first.strip().split(",")
    try:
        return "framing_version" in json.loads(first)
    except (ValueError, TypeError):
        return False


def _load_corpus(path: str) -> Any:
    import framing

    return framing.load_corpus(path)


def _progress(corpus: Any, quiet: bool) -> bool:
    return not quiet and len(corpus.articles) + len(corpus.failures) > PROGRESS_MIN_ARTICLES


def _options(args: argparse.Namespace) -> dict[str, Any]:
    options: dict[str, Any] = {}
    if getattr(args, "lexicon", None):
        import framing

        options["lexicon"] = framing.load_lexicon(args.lexicon)
    if getattr(args, "actors", None):
        from framing.actors import load_actors

        options["actors"] = load_actors(args.actors)
    return options


def _exit_for(table: Any) -> int:
    failed = int(table["error"].notna().sum()) if "error" in table.columns else 0
    if failed:
        print(f"framing: {failed} of {len(table)} articles failed (see the error column)",
              file=sys.stderr)
    return EXIT_FAILED_ARTICLES if failed else EXIT_OK


def _emit(text: str, output: str | None, stdout: IO[str]) -> None:
    if output:
        from framing._io import atomic_write_text

        atomic_write_text(output, text)
    else:
        stdout.write(text)


def _safe_csv(frame: Any) -> str:
    """CSV text of ``frame`` with formula-like text cells neutralised (see write_table)."""
    from framing.corpus import neutralise_cell

    out = frame.copy()
    for col in out.columns:
        if out[col].dtype == object:
            out[col] = out[col].map(neutralise_cell)
    return str(out.to_csv(index=False, lineterminator="\n"))


def _first_words(text: str, n: int = 10) -> str:
    words = text.split()
    return " ".join(words[:n]) + (" ..." if len(words) > n else "")


def _format_rows(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A plain-text table with columns padded to their widest cell."""
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h)
              for i, h in enumerate(header)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows]
    return "\n".join(lines) + "\n"


# -- commands -----------------------------------------------------------------------------


def _stream_progress(quiet: bool, total: int | None = None) -> tuple[Any, Any]:
    """(tick, close) for a streamed run: a tqdm bar on stderr once the run passes
    :data:`PROGRESS_MIN_ARTICLES` records (the corpus size is not known in advance)."""
    state: dict[str, Any] = {"done": 0, "bar": None}

    def tick(_record: Any) -> None:
        state["done"] += 1
        if state["bar"] is not None:
            state["bar"].update(1)
        elif not quiet and state["done"] > PROGRESS_MIN_ARTICLES:
            from tqdm import tqdm

            state["bar"] = tqdm(total=total, initial=state["done"], unit="article",
                                desc="scoring", leave=False, file=sys.stderr)

    def close() -> None:
        if state["bar"] is not None:
            state["bar"].close()

    return tick, close


def _peek(items: Any) -> Any:
    """``items`` with its first element read now, so a bad path fails before any output."""
    import itertools

    iterator = iter(items)
    first = next(iterator, _END)
    return iterator if first is _END else itertools.chain([first], iterator)


_END = object()


def _cmd_score(args: argparse.Namespace, stdout: IO[str]) -> int:
    from framing.article import Article
    from framing.corpus import (
        iter_articles,
        iter_table_lines,
        open_store,
        provenance,
        stream_table,
        table_columns,
    )
    from framing.stream import WARM_UP_TEXT, StreamStats, iter_records, score_record

    options = _options(args)
    items = _peek(iter_articles(args.corpus))
    store = open_store(args.db, **options) if args.db else None
    stats = StreamStats()
    tick, close = _stream_progress(args.quiet)
    columns = table_columns(score_record(Article(id="columns", text=WARM_UP_TEXT), **options))
    attrs = provenance(options.get("lexicon"))
    # The scoring resources are loaded now (the column probe above used them): move them
    # out of the garbage collector's view, so its full collections stop walking the
    # dictionaries and lexicons on every pass (about 6% of the time of a long -j 1 run).
    gc.collect()
    gc.freeze()
    records = iter_records(items, jobs=args.jobs, on_record=tick, store=store, stats=stats,
                           **options)
    try:
        if args.output:
            stream_table(records, args.output, columns=columns, attrs=attrs)
        else:
            for line in iter_table_lines(records, columns, attrs, args.format):
                stdout.write(line)
    finally:
        close()
        gc.unfreeze()  # leave an in-process caller's collector as it was
    if store is not None:
        print(f"framing: {stats.scored} articles scored, {stats.from_store} taken from "
              f"{args.db}", file=sys.stderr)
    if stats.failed:
        print(f"framing: {stats.failed} of {stats.records} articles failed (see the error "
              "column)", file=sys.stderr)
        return EXIT_FAILED_ARTICLES
    return EXIT_OK


def _cmd_quotes(args: argparse.Namespace, stdout: IO[str], stdin: IO[str]) -> int:
    import framing

    quotes = framing.extract_quotes(_read_text(args.file, stdin))
    if args.json:
        for q in quotes:
            stdout.write(json.dumps({
                "speaker": q.speaker, "role": q.role, "kind": q.kind, "cue": q.cue,
                "cue_class": q.cue_class, "text": q.text, "start": q.start, "end": q.end,
                "speaker_mention": q.speaker_mention, "words": q.word_count,
            }, ensure_ascii=False) + "\n")
        return EXIT_OK
    rows = [[q.speaker or "?", q.role, q.kind, q.cue or "", _first_words(q.text)] for q in quotes]
    stdout.write(_format_rows(["speaker", "role", "kind", "cue", "first words"], rows))
    stdout.write(f"{len(quotes)} quotes\n")
    return EXIT_OK


def _cmd_terms(args: argparse.Namespace, stdout: IO[str], stdin: IO[str]) -> int:
    import framing

    text = _read_text(args.file, stdin)
    lexicon = framing.load_lexicon(args.lexicon) if args.lexicon else None
    hits = framing.find_loaded_terms(text, lexicon)
    if args.json:
        for h in hits:
            stdout.write(json.dumps({
                "term": h.term, "text": h.text, "category": h.category, "weight": h.weight,
                "voice": "quoted" if h.quoted else "narrator", "scare_quote": h.scare_quote,
                "start": h.start, "end": h.end,
            }, ensure_ascii=False) + "\n")
        return EXIT_OK
    rows = []
    for h in hits:
        before = " ".join(text[max(0, h.start - 40):h.start].split())
        after = " ".join(text[h.end:h.end + 40].split())
        rows.append([h.category, str(h.weight), "quoted" if h.quoted else "narrator",
                     f"...{before[-30:]} [{text[h.start:h.end]}] {after[:30]}..."])
    stdout.write(_format_rows(["category", "weight", "voice", "in context"], rows))
    stdout.write(f"{len(hits)} hits\n")
    return EXIT_OK


def _table_from(input_path: str, args: argparse.Namespace) -> Any:
    import framing
    from framing.corpus import read_table

    if _is_scores_table(input_path):
        return read_table(input_path)
    corpus = _load_corpus(input_path)
    return framing.score_corpus(corpus, progress=_progress(corpus, args.quiet), **_options(args))


def _cmd_compare(args: argparse.Namespace, stdout: IO[str]) -> int:
    from framing.comparison import compare, outlet_profiles, word_choice_table
    from framing.reporting import markdown_table

    table = _table_from(args.input, args)
    if args.profiles:
        result = outlet_profiles(table, by=args.by)
    elif args.word_choice:
        result = word_choice_table(table, by=args.by)
    else:
        from framing.incidents import assign_incidents

        if args.within == "incident" and "incident" in table.columns \
                and table["incident"].isna().any():
            table = assign_incidents(table)
        result = compare(table, by=args.by, within=args.within)
    suffix = Path(args.output).suffix.lower() if args.output else ".csv"
    if suffix == ".md":
        text = "\n".join(markdown_table(list(map(str, result.columns)),
                                   result.astype(object).values.tolist())) + "\n"
    elif suffix == ".jsonl":
        text = result.to_json(orient="records", lines=True, force_ascii=False)
    elif suffix == ".csv":
        text = _safe_csv(result)
    else:
        raise _usage(f"-o: {args.output!r} must end in .csv, .jsonl or .md")
    _emit(text, args.output, stdout)
    return _exit_for(table)


def _cmd_report(args: argparse.Namespace, stdout: IO[str]) -> int:
    from framing.corpus import read_table
    from framing.reporting import prepare, render_html, render_markdown

    options: dict[str, Any] = {"title": args.title, "threshold": args.threshold,
                               "window_days": args.window_days}
    if args.db and args.input:
        raise _usage("give INPUT or --db, not both")
    if args.db:
        data = prepare(_table_from_store(args.db, _options(args)), **options)
    elif not args.input:
        raise _usage("INPUT: give a corpus or scores table, or --db FILE")
    elif _is_scores_table(args.input):
        data = prepare(read_table(args.input), **options)
    else:
        corpus = _load_corpus(args.input)
        data = prepare(corpus, progress=_progress(corpus, args.quiet), **options,
                       **_options(args))
    suffix = Path(args.output).suffix.lower() if args.output else ".html"
    if suffix not in (".html", ".htm", ".md"):
        raise _usage(f"-o: {args.output!r} must end in .html, .htm or .md")
    text = render_markdown(data) if suffix == ".md" else render_html(data)
    _emit(text, args.output, stdout)
    if args.output:
        print(f"framing: wrote {args.output}", file=sys.stderr)
    return _exit_for(data.table)


def _table_from_store(db: str, options: dict[str, Any]) -> Any:
    """The corpus table of a score store: the latest record of each article id."""
    from framing.corpus import open_store, provenance, records_to_frame
    from framing.errors import CorpusReadError

    if not Path(db).is_file():
        raise CorpusReadError(f"--db: {db!r} does not exist; write it with "
                              "'framing score CORPUS --db FILE'")
    store = open_store(db, **options)
    table = records_to_frame(store.latest_records(), provenance(options.get("lexicon")))
    if table.empty:
        raise _usage(f"--db: {db!r} holds no scores for framing {store.framing_version} with "
                     f"lexicon hash {store.lexicon_hash} (give the --lexicon/--actors the "
                     "store was written with)")
    return table


def _cmd_bench(args: argparse.Namespace, stdout: IO[str]) -> int:
    try:
        from framing import bench
    except ImportError:
        print("framing: the benchmark module is not available in this installation",
              file=sys.stderr)
        return EXIT_USAGE
    result = bench.run(args.path or DEFAULT_BENCH_PATH, limit=args.limit)
    if args.json:
        stdout.write(json.dumps(result.as_dict(), indent=2) + "\n")
    else:
        stdout.write(result.to_markdown() + "\n")
    return EXIT_OK


class _UsageError(Exception):
    pass


def _usage(message: str) -> _UsageError:
    return _UsageError(message)


def main(argv: Sequence[str] | None = None, *, stdout: IO[str] | None = None,
         stdin: IO[str] | None = None) -> int:
    """Run the ``framing`` command.

    Args:
        argv: Arguments without the program name (default: ``sys.argv[1:]``).
        stdout: Where results go (default ``sys.stdout``); messages go to stderr.
        stdin: Where ``-`` reads from (default ``sys.stdin``).

    Returns:
        0 ok, 1 some articles failed, 2 usage or input error.
    """
    from framing.errors import FramingError

    stdout = stdout or sys.stdout
    stdin = stdin or sys.stdin
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: --help exits 0, a usage error exits 2
        return int(exc.code or 0)
    try:
        if args.command == "score":
            return _cmd_score(args, stdout)
        if args.command == "quotes":
            return _cmd_quotes(args, stdout, stdin)
        if args.command == "terms":
            return _cmd_terms(args, stdout, stdin)
        if args.command == "compare":
            return _cmd_compare(args, stdout)
        if args.command == "report":
            return _cmd_report(args, stdout)
        return _cmd_bench(args, stdout)
    except (FramingError, _UsageError) as exc:
        print(f"framing {args.command}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # e.g. `framing score ... | head`
        return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
