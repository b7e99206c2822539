"""Validity of the loaded-term lexicon against expert media-bias labels (BABE SG2).

Data: ``../shared/benchmarks/babe_mbic/final_labels_SG2.csv`` relative to the project
root (Spinde et al., "Neural Media Bias Detection Using Distant Supervision With BABE",
Findings of EMNLP 2021; AGPL-3.0, research use; never copied into the package).
Split (fixed by the data's SOURCE.md): data rows numbered from 0 in file order;
``i % 3 == 0`` is test, the rest dev; "No agreement" rows are skipped after numbering.

Measures, per split:

* ``any_hit``: a sentence is predicted Biased when it has at least one loaded-term hit in
  the narrator's voice (contested terms excluded); precision, recall and F1 of the
  Biased class and macro-F1 over both classes.
* ``weighted``: the sum of the weights of the narrator hits, thresholded at the value
  that maximises dev macro-F1 (chosen on dev only, applied unchanged to test).
* word level: recall of the annotated biased words (a word counts as found when a hit,
  in any voice and any category, overlaps it) and the precision of hits (share of hits
  in the split that overlap an annotated biased word); F1 of the two.
* the same sentence and word measures for the reference word list shipped with the
  data (``bias_word_lexicon.txt``, semi-automatic, unreviewed), read at run time only.

``--errors`` prints an error analysis of the DEV split only (terms behind false
positives, annotated words missed); the test split is never inspected that way.

Usage (from the project root)::

    python benchmarks/bias_eval.py                 # figures for dev and test
    python benchmarks/bias_eval.py --errors        # plus dev error analysis
    python benchmarks/bias_eval.py --json out.json # also write the figures
"""

from __future__ import annotations

import argparse
import ast
import csv
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "benchmarks" / "babe_mbic"
sys.path.insert(0, str(ROOT))

from framing.document import Document, Paragraph, Sentence
from framing.errors import FramingError
from framing.lexicon import Lexicon, load_lexicon, word_tokens
from framing.terms import NOT_LOADED, TermHit, find_loaded_terms


@dataclass(frozen=True, slots=True)
class Row:
    """One BABE sentence."""

    index: int
    text: str
    biased: bool
    words: tuple[str, ...]
    split: str


def load_rows(path: Path) -> list[Row]:
    """Read SG2 with the fixed split; 'No agreement' rows are numbered, then skipped."""
    rows = []
    with path.open(encoding="utf-8-sig", newline="") as fh:
        for i, r in enumerate(csv.DictReader(fh, delimiter=";")):
            if r["label_bias"] not in ("Biased", "Non-biased"):
                continue
            words = tuple(ast.literal_eval(r["biased_words"] or "[]"))
            rows.append(Row(i, r["text"], r["label_bias"] == "Biased", words,
                            "test" if i % 3 == 0 else "dev"))
    return rows


def _doc(text: str) -> Document:
    from framing.parsing import parse

    try:
        return parse(text)
    except FramingError:  # a benchmark sentence the parser rejects: score it plainly
        return Document(source=text, text=text,
                        paragraphs=(Paragraph(0, 0, len(text), text),),
                        sentences=(Sentence(0, 0, len(text), text, 0),))


def _prf(pred: Sequence[bool], gold: Sequence[bool]) -> dict[str, float]:
    tp = sum(p and g for p, g in zip(pred, gold))
    fp = sum(p and not g for p, g in zip(pred, gold))
    fn = sum(g and not p for p, g in zip(pred, gold))
    tn = sum(not p and not g for p, g in zip(pred, gold))

    def f1(tp_: int, fp_: int, fn_: int) -> float:
        return 2 * tp_ / (2 * tp_ + fp_ + fn_) if tp_ else 0.0

    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f_pos, f_neg = f1(tp, fp, fn), f1(tn, fn, fp)
    return {"precision": round(prec, 4), "recall": round(rec, 4), "f1_biased": round(f_pos, 4),
            "macro_f1": round((f_pos + f_neg) / 2, 4), "n": len(gold),
            "accuracy": round((tp + tn) / len(gold), 4) if gold else 0.0}


def _word_spans(text: str, words: Iterable[str]) -> list[tuple[int, int, str]]:
    """Offsets of each annotated word (first whole-word, case-insensitive occurrence)."""
    out = []
    for w in words:
        w = w.strip()
        if not w:
            continue
        m = re.search(r"(?<![\w])" + re.escape(w) + r"(?![\w])", text, flags=re.IGNORECASE)
        if m:
            out.append((m.start(), m.end(), w))
    return out


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


@dataclass(frozen=True, slots=True)
class Scored:
    """Hits of one sentence."""

    row: Row
    hits: tuple[TermHit, ...]

    @property
    def narrator(self) -> tuple[TermHit, ...]:
        return tuple(h for h in self.hits if not h.quoted and h.category not in NOT_LOADED)

    @property
    def weight(self) -> int:
        return sum(h.weight for h in self.narrator)


def score_rows(rows: Sequence[Row], lexicon: Lexicon) -> list[Scored]:
    """Loaded-term hits for every sentence."""
    return [Scored(r, tuple(find_loaded_terms(_doc(r.text), lexicon))) for r in rows]


def word_level(scored: Sequence[Scored]) -> dict[str, float]:
    """Recall of annotated biased words, precision of hits, F1."""
    found = total = hit_ok = hit_all = 0
    for s in scored:
        spans = _word_spans(s.row.text, s.row.words)
        hits = [h for h in s.hits if h.category not in NOT_LOADED]
        total += len(spans)
        found += sum(any(_overlaps((a, b), (h.start, h.end)) for h in hits) for a, b, _ in spans)
        hit_all += len(hits)
        hit_ok += sum(any(_overlaps((a, b), (h.start, h.end)) for a, b, _ in spans) for h in hits)
    rec = found / total if total else 0.0
    prec = hit_ok / hit_all if hit_all else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {"word_recall": round(rec, 4), "word_precision": round(prec, 4),
            "word_f1": round(f1, 4), "annotated_words": total, "hits": hit_all}


def best_threshold(scored: Sequence[Scored]) -> int:
    """Weighted-score threshold (predict Biased when score >= t) maximising macro-F1."""
    gold = [s.row.biased for s in scored]
    best_t, best_f = 1, -1.0
    for t in range(1, 13):
        f = _prf([s.weight >= t for s in scored], gold)["macro_f1"]
        if f > best_f:
            best_t, best_f = t, f
    return best_t


# ---------------------------------------------------------------- reference list


def load_reference() -> frozenset[str]:
    """The data's semi-automatic bias word list (lower case), read at run time."""
    path = DATA / "bias_word_lexicon.txt"
    return frozenset(
        ln.strip().lower() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()
    )


def reference_eval(rows: Sequence[Row], ref: frozenset[str]) -> dict[str, float]:
    """Sentence and word measures of exact (lower-case) word matching with the list."""
    pred, gold = [], []
    found = total = hit_ok = hit_all = 0
    for r in rows:
        toks = [t for t in word_tokens(r.text) if t.norm in ref]
        pred.append(bool(toks))
        gold.append(r.biased)
        spans = _word_spans(r.text, r.words)
        total += len(spans)
        found += sum(any(_overlaps((a, b), (t.start, t.end)) for t in toks) for a, b, _ in spans)
        hit_all += len(toks)
        hit_ok += sum(any(_overlaps((a, b), (t.start, t.end)) for a, b, _ in spans) for t in toks)
    out = _prf(pred, gold)
    rec = found / total if total else 0.0
    prec = hit_ok / hit_all if hit_all else 0.0
    out.update({"word_recall": round(rec, 4), "word_precision": round(prec, 4),
                "word_f1": round(2 * prec * rec / (prec + rec), 4) if prec + rec else 0.0})
    return out


def lexicon_overlap(lexicon: Lexicon, ref: frozenset[str]) -> dict[str, int]:
    """How many single-word lexicon terms also appear in the reference list."""
    single = {e.term.lower() for e in lexicon.entries if " " not in e.term and "-" not in e.term}
    return {"lexicon_single_words": len(single), "in_reference_list": len(single & ref),
            "reference_size": len(ref)}


# ---------------------------------------------------------------- error analysis


def error_analysis(dev: Sequence[Scored], top: int = 40) -> dict[str, list[tuple[str, int]]]:
    """DEV only: terms behind false positives, and annotated words never hit."""
    fp_terms: Counter[str] = Counter()
    tp_terms: Counter[str] = Counter()
    missed: Counter[str] = Counter()
    for s in dev:
        terms = {h.term.lower() for h in s.narrator}
        if s.row.biased:
            tp_terms.update(terms)
            hits = [h for h in s.hits if h.category not in NOT_LOADED]
            for a, b, w in _word_spans(s.row.text, s.row.words):
                if not any(_overlaps((a, b), (h.start, h.end)) for h in hits):
                    missed[w.lower()] += 1
        else:
            fp_terms.update(terms)
    precision = {
        t: (tp_terms[t], fp_terms[t]) for t in set(fp_terms) | set(tp_terms)
    }
    worst = sorted(precision.items(), key=lambda kv: (kv[1][0] - kv[1][1], -kv[1][1]))[:top]
    return {
        "false_positive_terms": fp_terms.most_common(top),
        "worst_terms_tp_minus_fp": [(t, tp - fp) for t, (tp, fp) in worst],
        "missed_biased_words": missed.most_common(top),
    }


def run(errors: bool = False) -> dict[str, object]:
    """Score dev and test; return every figure (and the dev error analysis if asked)."""
    lexicon = load_lexicon()
    rows = load_rows(DATA / "final_labels_SG2.csv")
    by_split = {sp: [r for r in rows if r.split == sp] for sp in ("dev", "test")}
    scored = {sp: score_rows(rs, lexicon) for sp, rs in by_split.items()}
    threshold = best_threshold(scored["dev"])
    ref = load_reference()
    result: dict[str, object] = {
        "lexicon": {"name": lexicon.name, "version": lexicon.version, "sha256": lexicon.sha256,
                    "entries": len(lexicon), "per_category": lexicon.counts()},
        "weighted_threshold_from_dev": threshold,
        "reference_overlap": lexicon_overlap(lexicon, ref),
    }
    for sp, sc in scored.items():
        gold = [s.row.biased for s in sc]
        result[sp] = {
            "any_hit": _prf([bool(s.narrator) for s in sc], gold),
            "any_hit_weight2": _prf([any(h.weight >= 2 for h in s.narrator) for s in sc], gold),
            "weighted": _prf([s.weight >= threshold for s in sc], gold),
            "words": word_level(sc),
            "reference_list": reference_eval(by_split[sp], ref),
            "biased_share": round(sum(gold) / len(gold), 4),
        }
    if errors:
        result["dev_error_analysis"] = error_analysis(scored["dev"])
    return result


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--errors", action="store_true", help="print the dev error analysis")
    ap.add_argument("--json", type=Path, help="write the figures to this JSON file")
    args = ap.parse_args(argv)
    if not (DATA / "final_labels_SG2.csv").exists():
        print(f"BABE data not found at {DATA}", file=sys.stderr)
        return 2
    result = run(errors=args.errors)
    text = json.dumps(result, indent=2)
    print(text)
    if args.json:
        from framing._io import atomic_write_text

        atomic_write_text(args.json, text + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
