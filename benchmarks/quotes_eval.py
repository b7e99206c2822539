"""Quote extraction accuracy: PolNeAR (dev/test) and the project's hand-annotated gold set.

Usage (from the project root)::

    python benchmarks/quotes_eval.py dev              # PolNeAR dev: tune here
    python benchmarks/quotes_eval.py test             # PolNeAR test: report these
    python benchmarks/quotes_eval.py gold             # tests/data/quotes_gold (seeds, written, holdout)
    python benchmarks/quotes_eval.py dev --errors 40  # + sample misses / false positives
    python benchmarks/quotes_eval.py test --json out.json

PolNeAR (Newell, Margolin & Ruths, LREC 2018) is read from ``../shared/benchmarks/polnear/``
relative to the project root (research use only; never copied into the project). One
annotation per article: the first annotator in sorted order. Every attribution with a
content span is a gold quote; its kind is ``direct`` when the content contains a quotation
mark (the corpus's ``is_direct_quote`` heuristic), ``indirect`` otherwise; its speaker is
the Source span (None for "Attribution-no-source").

Predicted kinds ``direct``, ``partial`` and ``embed`` count as ``direct`` (content with
quotation marks), ``indirect`` as ``indirect``. Matching and measures are those of
``framing.evaluation`` (definitions in docs/quotes_accuracy.md): a gold quote is found when
the word-token overlap ``|P ∩ G| / max(|P|, |G|)`` of the predictions pooled on it reaches
0.3 or 0.8; speaker accuracy is over found quotes that have a Source: right when the
predicted speaker (or its mention) matches the Source text by name/surname, or when the
predicted speaker mention overlaps the Source span (PolNeAR Sources are mentions as
written, "he" or "the Republican nominee", not resolved names).
Citron-style token-level content and source F1 are given too.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POLNEAR = ROOT.parent / "shared" / "benchmarks" / "polnear"
GOLD = ROOT / "tests" / "data" / "quotes_gold"
sys.path.insert(0, str(ROOT))

from framing.evaluation import (
    GoldQuote,
    KindScores,
    MatchResult,
    load_gold_dir,
    match_quotes,
    summarise,
    token_level_prf,
)

#: Published figures set beside ours (content overlap, speaker).
PUBLISHED = {
    "Gender Gap Tracker (Asr et al. 2021, PLoS ONE)": "P 84.6 / R 82.7 / F1 83.7 at overlap 0.3; speaker accuracy 86.5%",
    "BBC Citron (Newell et al. 2018; PARC 3.0 test)": "content overlap F1 83.2; source overlap F1 82.0",
}
_KIND_MAP = {"direct": "direct", "partial": "direct", "embed": "direct", "indirect": "indirect"}


@dataclass(frozen=True, slots=True)
class _Pred:
    """A prediction with its kind mapped to PolNeAR's two classes."""

    start: int
    end: int
    segments: tuple[tuple[int, int], ...]
    speaker: str | None
    role: str
    kind: str
    speaker_mention: str
    speaker_start: int
    speaker_end: int
    text: str
    original_kind: str


def _polnear_docs(split: str) -> list[dict]:
    path = POLNEAR / f"polnear_{split}.jsonl"
    if not path.is_file():
        raise SystemExit(
            f"PolNeAR file not found: {path} (see ../shared/benchmarks/polnear/SOURCE.md)"
        )
    docs = [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    first: dict[str, dict] = {}
    for doc in sorted(docs, key=lambda d: (d["filename"], d["annotator"])):
        first.setdefault(doc["filename"], doc)
    return [first[name] for name in sorted(first)]


def _polnear_gold(doc: dict) -> list[GoldQuote]:
    text = doc["text"]
    quotes = []
    for attribution in doc["attributions"]:
        segments = tuple((s, e) for span in attribution["content"] for s, e in span["segments"])
        if not segments:
            continue
        segments = tuple(sorted(segments))
        sources = attribution["source"]
        speaker = " ".join(s["text"] for s in sources) or None
        quotes.append(
            GoldQuote(
                kind="direct" if attribution["is_direct_quote"] else "indirect",
                speaker=speaker,
                role=None,
                text=" ".join(text[s:e] for s, e in segments),
                segments=segments,
                cue=" ".join(c["text"] for c in attribution["cue"]),
                speaker_segments=tuple((s, e) for span in sources for s, e in span["segments"]),
            )
        )
    return quotes


def _predict(text: str, map_kinds: bool) -> list[_Pred]:
    from framing import extract_quotes

    out = []
    for q in extract_quotes(text):
        kind = _KIND_MAP.get(q.kind, q.kind) if map_kinds else q.kind
        out.append(
            _Pred(
                q.start,
                q.end,
                tuple(q.segments) or ((q.start, q.end),),
                q.speaker,
                q.role,
                kind,
                q.speaker_mention,
                q.speaker_start,
                q.speaker_end,
                q.text,
                q.kind,
            )
        )
    return out


def _pct(x: float) -> str:
    return "n/a" if math.isnan(x) else f"{100 * x:.1f}"


def _table(scores: dict[str, KindScores], kinds: Sequence[str], roles: bool) -> str:
    head = (
        "| kind | gold | pred | found | P | R | F1 | speaker acc | "
        + ("role acc | " if roles else "")
        + "kind acc |"
    )
    rule = "|" + "---|" * (head.count("|") - 1)
    rows = [head, rule]
    for kind in (*kinds, "all"):
        s = scores[kind]
        cells = [
            kind,
            str(s.n_gold),
            str(s.n_pred),
            str(s.found),
            _pct(s.precision),
            _pct(s.recall),
            _pct(s.f1),
            f"{_pct(s.speaker_accuracy)} (n={s.n_speaker})",
        ]
        if roles:
            cells.append(f"{_pct(s.role_accuracy)} (n={s.n_role})")
        cells.append(_pct(s.kind_accuracy))
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def _snippet(text: str, segments: Iterable[tuple[int, int]], width: int = 110) -> str:
    joined = " / ".join(text[s:e] for s, e in segments).replace("\n", " ")
    return joined if len(joined) <= width else joined[: width - 3] + "..."


def _errors(items: list[tuple[str, str, list, list[GoldQuote], MatchResult]], limit: int) -> str:
    lines = ["## Misses (gold quotes not found)", ""]
    misses = [(name, text, gold[g]) for name, text, _, gold, r in items for g in r.missed]
    for name, text, g in misses[:limit]:
        lines.append(
            f"- [{g.kind}] {name}: speaker={g.speaker!r} cue={g.cue!r}: {_snippet(text, g.segments)}"
        )
    lines += ["", f"({len(misses)} misses in all)", "", "## False positives", ""]
    fps = [(name, text, preds[p]) for name, text, preds, _, r in items for p in r.false_positives]
    for name, text, p in fps[:limit]:
        lines.append(
            f"- [{p.kind}] {name}: speaker={p.speaker!r} cue=?: {_snippet(text, p.segments)}"
        )
    lines += [
        "",
        f"({len(fps)} false positives in all)",
        "",
        "## Wrong speakers (found quotes)",
        "",
    ]
    wrong = [
        (name, text, gold[m.gold], preds[m.predicted[0]])
        for name, text, preds, gold, r in items
        for m in r.matches
        if m.speaker_ok is False
    ]
    for name, text, g, p in wrong[:limit]:
        lines.append(
            f"- [{g.kind}] {name}: gold={g.speaker!r} predicted={p.speaker!r} "
            f"(mention {p.speaker_mention!r}): {_snippet(text, g.segments, 70)}"
        )
    lines += ["", f"({len(wrong)} wrong speakers in all)"]
    roles = [
        (name, gold[m.gold], preds[m.predicted[0]])
        for name, _, preds, gold, r in items
        for m in r.matches
        if m.role_ok is False
    ]
    if roles:
        lines += ["", "## Wrong roles (found quotes)", ""]
        for name, g, p in roles[:limit]:
            lines.append(
                f"- [{g.kind}] {name}: {g.speaker!r} gold={g.role} predicted={p.role} "
                f"(predicted speaker {p.speaker!r})"
            )
        lines += ["", f"({len(roles)} wrong roles in all)"]
    return "\n".join(lines)


def run_polnear(split: str, errors: int) -> dict:
    """Score ``framing.extract_quotes`` on a PolNeAR split; print Markdown; return figures."""
    docs = _polnear_docs(split)
    started = time.perf_counter()
    predictions = [(doc, _polnear_gold(doc), _predict(doc["text"], True)) for doc in docs]
    seconds = time.perf_counter() - started
    out: dict = {"split": split, "articles": len(docs), "extract_seconds": round(seconds, 1)}
    print(
        f"# PolNeAR {split}: {len(docs)} articles, "
        f"{sum(len(g) for _, g, _ in predictions)} gold attributions, "
        f"{sum(len(p) for _, _, p in predictions)} predicted quotes\n"
    )
    for threshold in (0.3, 0.8):
        for denominator in ("max", "gold"):
            results = [
                match_quotes(d["text"], p, g, threshold, denominator, mention_overlap=True)
                for d, g, p in predictions
            ]
            scores = summarise(results, kinds=("direct", "indirect"))
            key = f"overlap_{threshold}_{denominator}"
            out[key] = {k: v.as_dict() for k, v in scores.items()}
            label = "|P∩G| / max(|P|,|G|)" if denominator == "max" else "|P∩G| / |G| (lenient)"
            print(f"## Token overlap >= {threshold}, {label}\n")
            print(_table(scores, ("direct", "indirect"), roles=False), "\n")
            if threshold == 0.3 and denominator == "max" and errors:
                items = [
                    (d["filename"], d["text"], p, g, r)
                    for (d, g, p), r in zip(predictions, results)
                ]
                error_text = _errors(items, errors)
    content = [
        token_level_prf(d["text"], [p.segments for p in preds], [q.segments for q in gold])
        for d, gold, preds in predictions
    ]
    source = [
        token_level_prf(
            d["text"],
            [[(p.speaker_start, p.speaker_end)] for p in preds if p.speaker_start >= 0],
            [q.speaker_segments for q in gold if q.speaker_segments],
        )
        for d, gold, preds in predictions
    ]
    for name, rows in (("content", content), ("source", source)):
        shared, n_pred, n_gold = (sum(r[i] for r in rows) for i in (3, 4, 5))
        p = shared / n_pred if n_pred else math.nan
        r = shared / n_gold if n_gold else math.nan
        f = 2 * p * r / (p + r) if p + r else math.nan
        out[f"token_level_{name}"] = {"precision": p, "recall": r, "f1": f}
    tl_c, tl_s = out["token_level_content"], out["token_level_source"]
    print("## Citron-style token-level overlap (all kinds)\n")
    print("| span | P | R | F1 |\n|---|---|---|---|")
    print(f"| content | {_pct(tl_c['precision'])} | {_pct(tl_c['recall'])} | {_pct(tl_c['f1'])} |")
    print(f"| source | {_pct(tl_s['precision'])} | {_pct(tl_s['recall'])} | {_pct(tl_s['f1'])} |\n")
    print("## Published figures (other corpora; for orientation)\n")
    for system, figures in PUBLISHED.items():
        print(f"- {system}: {figures}")
    print(f"\nExtraction time: {seconds:.1f} s")
    if errors:
        print("\n" + error_text)
    return out


def run_gold(errors: int) -> dict:
    """Score ``framing.extract_quotes`` on the hand-annotated gold set; print Markdown."""
    out: dict = {}
    kinds = ("direct", "partial", "indirect", "embed")
    for part in ("seeds", "written", "holdout"):
        articles = load_gold_dir(GOLD / part)
        items = []
        for a in articles:
            preds = _predict(a.text, False)
            items.append(
                (a.id, a.text, preds, list(a.quotes), match_quotes(a.text, preds, a.quotes, 0.5))
            )
        scores = summarise([i[4] for i in items], kinds=kinds)
        out[part] = {k: v.as_dict() for k, v in scores.items()}
        print(
            f"## Gold set: {part} ({len(articles)} articles), token overlap >= 0.5 (max denominator)\n"
        )
        print(_table(scores, kinds, roles=True), "\n")
        if errors:
            print(_errors(items, errors), "\n")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("what", choices=("dev", "test", "gold"))
    parser.add_argument(
        "--errors",
        type=int,
        default=0,
        metavar="N",
        help="also list up to N misses, false positives and wrong speakers",
    )
    parser.add_argument("--json", type=Path, default=None, help="write the figures as JSON")
    args = parser.parse_args(argv)
    figures = run_gold(args.errors) if args.what == "gold" else run_polnear(args.what, args.errors)
    if args.json:
        from framing._io import atomic_write_text

        atomic_write_text(args.json, json.dumps(figures, indent=1, default=str) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
