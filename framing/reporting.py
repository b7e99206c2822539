"""The comparison report: one self-contained HTML file (or Markdown with the same tables).

:func:`report` scores a corpus (or takes a scored table), groups articles into
incidents where the manifest gives none, and writes:

* an overview table (one row per article, failures included);
* per-incident panels: the outlets side by side (value, difference from the incident
  mean, rank) and the articles side by side, each with its loaded terms and quotations
  highlighted (colour = speaker role, speaker and verb on hover), the removed boilerplate
  folded away;
* charts (inline SVG): quote share by role per outlet, loaded terms per 1,000 words in
  narrator vs quoted voice, sentiment toward each actor group;
* the word-choice table (labels per actor group per outlet) and outlet profiles with
  bootstrap intervals;
* method notes with the package and lexicon versions.

The HTML needs no network: CSS and charts are inline, there is no script. Templates are
Jinja2 with autoescaping on, and highlighted article text is built from character offsets
into ``Document.source`` with every piece escaped, so article text can never inject markup.
"""

from __future__ import annotations

import datetime as _dt
import itertools
import math
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from framing._io import atomic_write_text
from framing.errors import InputError

if TYPE_CHECKING:
    import pandas as pd
    from jinja2 import Environment
    from markupsafe import Markup

__all__ = [
    "MEASURE_LABELS",
    "ReportData",
    "highlight_html",
    "markdown_table",
    "prepare",
    "render_html",
    "render_markdown",
    "report",
]

#: Display names of the measures, with range and direction.
MEASURE_LABELS: Mapping[str, str] = {
    "words": "Words",
    "sentences": "Sentences",
    "sentiment_mean": "Sentiment, mean over sentences (-1 neg .. +1 pos)",
    "sentiment_narrator": "Sentiment, narrator voice (-1 .. +1)",
    "sentiment_quoted": "Sentiment, quoted voice (-1 .. +1)",
    "sentiment_headline": "Sentiment, headline (-1 .. +1)",
    "readability_flesch_reading_ease": "Flesch reading ease (higher = easier)",
    "readability_flesch_kincaid_grade": "Flesch-Kincaid grade (school years)",
    "readability_gunning_fog": "Gunning fog (school years)",
    "readability_smog_index": "SMOG (school years)",
    "readability_coleman_liau_index": "Coleman-Liau (school years)",
    "readability_automated_readability_index": "ARI (school years)",
    "readability_dale_chall": "Dale-Chall (higher = harder)",
    "loaded_count": "Loaded terms (count)",
    "loaded_per_1k": "Loaded terms per 1,000 words",
    "loaded_narrator_per_1k": "Loaded terms per 1,000 narrator words",
    "loaded_quoted_per_1k": "Loaded terms per 1,000 quoted words",
    "quotes_direct": "Direct quotes",
    "quotes_partial": "Partial quotes",
    "quotes_indirect": "Indirect (reported) quotes",
    "quote_sources": "Distinct quoted sources",
    "quoted_word_share": "Share of words in quotations (0..1)",
    "quote_balance": "Quote balance over roles (0 one role .. 1 even)",
    "attribution_loaded_share": "Non-neutral attribution verbs (0..1)",
}

#: Columns of the overview table.
_OVERVIEW = (
    "words", "sentiment_mean", "readability_flesch_kincaid_grade", "loaded_per_1k",
    "loaded_narrator_per_1k", "loaded_quoted_per_1k", "quotes_direct", "quote_sources",
    "quote_balance",
)
_OVERVIEW_SHORT = {
    "words": "words", "sentiment_mean": "sentiment", "readability_flesch_kincaid_grade": "FK grade",
    "loaded_per_1k": "loaded /1k", "loaded_narrator_per_1k": "narrator /1k",
    "loaded_quoted_per_1k": "quoted /1k", "quotes_direct": "direct quotes",
    "quote_sources": "sources", "quote_balance": "quote balance",
}


def measure_label(measure: str) -> str:
    """Human name of a measure column (``quote_share_police`` -> "Quoted words: police")."""
    if measure in MEASURE_LABELS:
        return MEASURE_LABELS[measure]
    if measure.startswith("quote_share_"):
        return f"Share of direct-quoted words: {measure.removeprefix('quote_share_')} (0..1)"
    return measure


def fmt(value: Any, digits: int = 2) -> str:
    """A number for display: integers plainly, floats to ``digits`` places, NaN as n/a."""
    if value is None:
        return "n/a"
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return f"{value:,}"
    try:
        number = float(value)
    except (TypeError, ValueError):
        return str(value)
    if math.isnan(number):
        return "n/a"
    if round(number, digits) == 0:
        number = 0.0  # no "-0.00"
    if number.is_integer() and abs(number) >= 10:
        return f"{int(number):,}"
    return f"{number:.{digits}f}"


#: Measures that count things: shown without decimals when whole.
_COUNTS = frozenset({"words", "sentences", "loaded_count", "quotes_direct", "quotes_partial",
                     "quotes_indirect", "quote_sources", "n", "n_articles"})


def fmt_measure(value: Any, measure: str) -> str:
    """:func:`fmt` with counts shown as whole numbers (a mean of counts keeps 1 decimal)."""
    if measure in _COUNTS:
        try:
            number = float(value)
        except (TypeError, ValueError):
            return fmt(value)
        if not math.isnan(number):
            return f"{int(number):,}" if number.is_integer() else f"{number:,.1f}"
    return fmt(value)


def _signed(value: Any, digits: int = 2) -> str:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return "n/a"
    if math.isnan(number):
        return "n/a"
    return f"{0.0 if round(number, digits) == 0 else number:+.{digits}f}"


# -- highlighting -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Layer:
    """One annotation over ``[start, end)`` of the source."""

    start: int
    end: int
    level: int  # 0 quote, 1 cue/speaker, 2 loaded term (inner)
    tag: str
    css: str
    title: str


def _quote_layers(doc: Any) -> list[_Layer]:
    layers: list[_Layer] = []
    covered: list[tuple[int, int]] = []
    for q in getattr(doc, "quotes", ()) or ():
        speaker = q.speaker or q.speaker_mention or "speaker not found"
        cue = f", {q.cue}" if q.cue else ""
        cls = f" ({q.cue_class})" if getattr(q, "cue_class", "") else ""
        title = f"{speaker} ({q.role}){cue}{cls} - {q.kind} quote"
        parts = tuple(getattr(q, "segments", ()) or ()) or ((q.start, q.end),)
        if q.kind == "indirect":
            css = f"q q-indirect role-{q.role}"
        else:
            css = f"q role-{q.role}"
        for start, end in parts:
            layers.append(_Layer(start, end, 0, "span", css, title))
            covered.append((start, end))
        if getattr(q, "cue_start", -1) >= 0 and q.cue_end > q.cue_start:
            layers.append(_Layer(q.cue_start, q.cue_end, 1, "span",
                                 f"cue cue-{q.cue_class or 'unknown'}",
                                 f"attribution verb: {q.cue} ({q.cue_class or 'unclassified'})"))
        if getattr(q, "speaker_start", -1) >= 0 and q.speaker_end > q.speaker_start:
            layers.append(_Layer(q.speaker_start, q.speaker_end, 1, "span", f"who role-{q.role}",
                                 f"speaker: {speaker} ({q.role})"))
    for span in getattr(doc, "quote_spans", ()) or ():
        if span.depth != 0:
            continue
        inside = any(s <= span.content_start and span.content_end <= e for s, e in covered)
        overlaps = any(s < span.content_end and span.content_start < e for s, e in covered)
        if not inside and not overlaps:
            layers.append(_Layer(span.start, span.end, 0, "span", "q q-unattributed",
                                 "quoted, no speaker attributed"))
    return layers


def _term_layers(hits: Iterable[Any]) -> list[_Layer]:
    layers = []
    for hit in hits:
        voice = "quoted" if getattr(hit, "quoted", False) else "narrator"
        scare = ", scare quote" if getattr(hit, "scare_quote", False) else ""
        weight = getattr(hit, "weight", None)
        weight_text = f", weight {weight}" if weight is not None else ""
        title = f"{hit.term}: {hit.category}{weight_text}, {voice} voice{scare}"
        css = f"term term-{voice}" + (" term-scare" if scare else "")
        layers.append(_Layer(hit.start, hit.end, 2, "mark", css, title))
    return layers


def highlight_html(source: str, start: int, end: int, layers: Sequence[_Layer]) -> Markup:
    """HTML of ``source[start:end]`` with annotation layers, every piece escaped.

    The range is cut at every layer boundary; each piece is escaped and wrapped in the
    tags of the layers covering it (outer to inner), so the markup is always well formed
    however layers overlap.

    Args:
        source: ``Document.source``.
        start: First offset of the passage (a paragraph's start).
        end: Offset one past the passage.
        layers: Annotations with offsets into ``source``.

    Returns:
        Safe markup (``markupsafe.Markup``).
    """
    from markupsafe import Markup, escape

    active = [ly for ly in layers if ly.start < end and start < ly.end and ly.start < ly.end]
    cuts = {start, end}
    for ly in active:
        cuts.add(max(start, ly.start))
        cuts.add(min(end, ly.end))
    points = sorted(cuts)
    out: list[str] = []
    for a, b in itertools.pairwise(points):
        piece = str(escape(source[a:b]))
        covering = sorted((ly for ly in active if ly.start <= a and b <= ly.end),
                          key=lambda ly: (ly.level, ly.start))
        seen_levels: set[int] = set()
        chosen = []
        for ly in covering:
            if ly.level not in seen_levels:
                seen_levels.add(ly.level)
                chosen.append(ly)
        for ly in reversed(chosen):
            piece = (f'<{ly.tag} class="{escape(ly.css)}" title="{escape(ly.title)}">'
                     f"{piece}</{ly.tag}>")
        out.append(piece)
    return Markup("".join(out))


def _article_view(item: Any) -> dict[str, Any]:
    """Template data for one scored article: highlighted paragraphs, quotes, removed."""
    doc = item.document
    hits = getattr(item.terms, "hits", ()) or ()
    layers = _quote_layers(doc) + _term_layers(hits)
    paragraphs = [
        {"kind": p.kind, "html": highlight_html(doc.source, p.start, p.end, layers)}
        for p in doc.paragraphs
    ]
    quotes = [
        {"speaker": q.speaker or q.speaker_mention or "", "role": q.role, "kind": q.kind,
         "cue": q.cue, "cue_class": getattr(q, "cue_class", ""), "words": q.word_count,
         "text": _first_words(q.text, 14)}
        for q in getattr(doc, "quotes", ()) or ()
    ]
    removed = [{"line": r.line, "reason": r.reason} for r in getattr(doc, "removed", ()) or ()]
    art = item.article
    return {
        "id": art.id, "outlet": art.outlet or "(unknown outlet)", "title": art.title or "",
        "date": art.date.isoformat() if art.date else "", "incident": art.incident or "",
        "paragraphs": paragraphs, "quotes": quotes, "removed": removed,
        "n_terms": len(hits), "flags": list(getattr(item, "flags", ()) or ()),
    }


def _first_words(text: str, n: int) -> str:
    words = text.split()
    return " ".join(words[:n]) + (" ..." if len(words) > n else "")


# -- data ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ReportData:
    """Everything a report shows, computed once for HTML and Markdown.

    Attributes:
        table: The corpus table with incidents filled.
        scores: Scored articles with documents (empty when built from a table alone).
        comparison: :func:`framing.compare` output.
        profiles: :func:`framing.comparison.outlet_profiles` output.
        word_choice: :func:`framing.comparison.word_choice_table` output.
        actor_sentiment: :func:`framing.comparison.actor_sentiment_table` output.
        verbs: :func:`framing.comparison.verb_table` output.
        title: Report title.
        generated: Date of the report (ISO).
    """

    table: pd.DataFrame
    scores: tuple[Any, ...]
    comparison: pd.DataFrame
    profiles: pd.DataFrame
    word_choice: pd.DataFrame
    actor_sentiment: pd.DataFrame
    verbs: pd.DataFrame
    title: str
    generated: str


def _fill_incidents(table: pd.DataFrame, scores: tuple[Any, ...], threshold: float | None,
                    window_days: float | None) -> tuple[pd.DataFrame, tuple[Any, ...]]:
    from framing.incidents import DEFAULT_THRESHOLD, DEFAULT_WINDOW_DAYS, assign_incidents

    options: dict[str, Any] = {"threshold": DEFAULT_THRESHOLD if threshold is None else threshold,
               "window_days": DEFAULT_WINDOW_DAYS if window_days is None else window_days}
    table = table.copy()
    if "incident" not in table.columns:
        table["incident"] = None
    if scores:
        scores = tuple(assign_incidents(list(scores), **options))
        by_id = {s.article.id: s.article.incident for s in scores}
        table["incident"] = [
            by_id.get(i, inc) if inc is None or (isinstance(inc, float) and math.isnan(inc))
            else inc
            for i, inc in zip(table["id"], table["incident"])
        ]
        return table, scores
    if table["incident"].isna().any() and ("text" in table.columns or "title" in table.columns):
        scored = table["error"].isna() if "error" in table.columns else table["id"].notna()
        part = assign_incidents(table[scored], **options)
        table.loc[scored, "incident"] = part["incident"].to_numpy()
    return table, scores


def prepare(
    data: Any,
    *,
    title: str | None = None,
    lexicon: Any = None,
    actors: Any = None,
    registry: Any = None,
    threshold: float | None = None,
    window_days: float | None = None,
    progress: Any = None,
) -> ReportData:
    """Score (if needed), fill incidents and compute every table of the report.

    Args:
        data: A corpus (path, :class:`framing.Corpus`, iterable of Articles), a
            :class:`~framing.corpus.ScoredCorpus`, or a corpus table (DataFrame; the
            report then has no article texts, word-choice table or actor chart).
        title: Report title (default "framing report").
        lexicon, actors, registry: Passed to scoring.
        threshold, window_days: Incident grouping for articles without an incident
            (defaults in :mod:`framing.incidents`).
        progress: As for :func:`framing.score_corpus`.
    """
    import pandas as pd

    from framing.comparison import (
        actor_sentiment_table,
        compare,
        outlet_profiles,
        verb_table,
        word_choice_table,
    )
    from framing.corpus import ScoredCorpus, score_articles

    scores: tuple[Any, ...]
    if isinstance(data, pd.DataFrame):
        table, scores = data, ()
    elif isinstance(data, ScoredCorpus):
        table, scores = data.table, data.scores
    else:
        scored = score_articles(data, progress=progress, lexicon=lexicon, actors=actors,
                                registry=registry)
        table, scores = scored.table, scored.scores
    attrs = dict(table.attrs)
    table, scores = _fill_incidents(table, tuple(scores), threshold, window_days)
    table.attrs.update(attrs)
    comparison = compare(table) if "outlet" in table.columns else pd.DataFrame()
    profiles = outlet_profiles(table) if "outlet" in table.columns else pd.DataFrame()
    return ReportData(
        table=table,
        scores=tuple(scores),
        comparison=comparison,
        profiles=profiles,
        word_choice=word_choice_table(scores if scores else table),
        actor_sentiment=actor_sentiment_table(scores),
        verbs=verb_table(scores),
        title=title or "framing report",
        generated=_dt.date.today().isoformat(),
    )


# -- rendering ----------------------------------------------------------------------------


@cache
def _environment() -> Environment:
    from jinja2 import Environment, PackageLoader, StrictUndefined

    env = Environment(
        loader=PackageLoader("framing", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=StrictUndefined,
    )
    env.filters["num"] = fmt
    env.filters["mnum"] = fmt_measure
    env.filters["signed"] = _signed
    env.filters["measure_label"] = measure_label
    return env


def _cell(value: Any) -> Any:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return value


def _overview(data: ReportData) -> dict[str, Any]:
    table = data.table
    cols = [c for c in _OVERVIEW if c in table.columns]
    rows = []
    for rec in table.to_dict(orient="records"):
        rows.append({
            "id": rec.get("id"), "outlet": _cell(rec.get("outlet")), "date": _cell(rec.get("date")),
            "title": _cell(rec.get("title")), "incident": _cell(rec.get("incident")),
            "error": _cell(rec.get("error")),
            "values": [rec.get(c) for c in cols],
        })
    return {"columns": [_OVERVIEW_SHORT.get(c, c) for c in cols], "measures": cols,
            "titles": [measure_label(c) for c in cols], "rows": rows}


def _incident_panels(data: ReportData) -> list[dict[str, Any]]:
    comp = data.comparison
    if comp.empty:
        return []
    views = {s.article.id: s for s in data.scores}
    table = data.table
    panels = []
    for incident in dict.fromkeys(comp["incident"]):
        part = comp[comp["incident"] == incident]
        outlets = list(dict.fromkeys(part["outlet"]))
        measures = list(dict.fromkeys(part["measure"]))
        grid = []
        for m in measures:
            cells = []
            rows = part[part["measure"] == m].set_index("outlet")
            for o in outlets:
                r = rows.loc[o]
                cells.append({"value": r["value"], "diff": r["diff_from_mean"],
                              "rank": r["rank"]})
            grid.append({"measure": m, "mean": rows["incident_mean"].iloc[0], "cells": cells})
        counts = part.drop_duplicates("outlet").set_index("outlet")["n_articles"]
        ok = table["error"].isna() if "error" in table.columns else table["id"].notna()
        ids = [i for i, inc in zip(table.loc[ok, "id"], table.loc[ok, "incident"])
               if inc == incident]
        articles = [_article_view(views[i]) for i in ids if i in views]
        panels.append({
            "incident": incident, "outlets": outlets,
            "counts": [int(counts[o]) for o in outlets], "grid": grid, "articles": articles,
            "single": len(outlets) == 1,
        })
    return panels


def _by_outlet_means(data: ReportData, columns: Sequence[str]) -> pd.DataFrame:
    import pandas as pd

    table = data.table
    cols = [c for c in columns if c in table.columns]
    if not cols or "outlet" not in table.columns:
        return pd.DataFrame()
    from framing.comparison import _units

    ok = table[table["error"].isna()] if "error" in table.columns else table
    return ok[cols].apply(pd.to_numeric, errors="coerce").groupby(_units(ok, "outlet")).mean()


def _charts(data: ReportData) -> list[dict[str, Any]]:
    from framing import charts

    shares = _by_outlet_means(data, [c for c in data.table.columns
                                     if str(c).startswith("quote_share_")])
    rates = _by_outlet_means(data, ["loaded_narrator_per_1k", "loaded_quoted_per_1k"])
    out = [
        {"title": "Who is quoted: share of direct-quoted words by speaker role, per outlet",
         "svg": charts.quote_share_chart(shares) if not shares.empty else None,
         "note": "Mean over each outlet's articles; roles as in the quote legend."},
        {"title": "Loaded terms per 1,000 words: the outlet's own voice vs quotations",
         "svg": charts.loaded_voice_chart(rates) if not rates.empty else None,
         "note": "Narrator = words outside quotation marks; quoted = the sources' words."},
        {"title": "Sentiment toward each actor group, per outlet",
         "svg": charts.actor_sentiment_chart(data.actor_sentiment)
         if not data.actor_sentiment.empty else None,
         "note": "Mean VADER compound of sentences that mention the group (-1 .. +1)."},
    ]
    from markupsafe import Markup

    for chart in out:
        # matplotlib writes the SVG and escapes every label in it
        chart["svg"] = Markup(chart["svg"]) if chart["svg"] else None
    return out


def _word_choice(data: ReportData) -> list[dict[str, Any]]:
    wc = data.word_choice
    if wc.empty:
        return []
    outlets = sorted(set(wc["outlet"]))
    groups = []
    for group in dict.fromkeys(wc["group"]):
        part = wc[wc["group"] == group]
        rows = []
        for label in dict.fromkeys(part["label"]):
            lab = part[part["label"] == label].set_index("outlet")
            rows.append({"label": label, "cells": [
                (int(lab.loc[o, "count"]), int(lab.loc[o, "quoted_count"])) if o in lab.index
                else (0, 0) for o in outlets]})
        groups.append({"group": group, "rows": rows})
    return [{"outlets": outlets, "groups": groups}]


def _verbs(data: ReportData) -> list[dict[str, Any]]:
    """Per outlet and role: the verbs used, e.g. ``said x3, claimed x1 (loaded)``."""
    verbs = data.verbs
    if verbs.empty:
        return []
    rows = []
    for (outlet, role), part in verbs.groupby(["outlet", "role"], sort=True):
        rows.append({
            "outlet": outlet, "role": role, "total": int(part["count"].sum()),
            "not_neutral": int(part.loc[part["verb_class"] != "neutral", "count"].sum()),
            "verbs": [{"verb": v, "count": int(n), "neutral": c == "neutral", "class": c}
                      for v, c, n in zip(part["verb"], part["verb_class"], part["count"])],
        })
    return rows


def _profiles(data: ReportData) -> list[dict[str, Any]]:
    prof = data.profiles
    if prof.empty:
        return []
    return prof.to_dict(orient="records")


def _method(data: ReportData) -> dict[str, Any]:
    from framing.incidents import DEFAULT_THRESHOLD, DEFAULT_WINDOW_DAYS
    from framing.quotes import ROLES

    attrs = data.table.attrs
    import framing

    return {
        "framing_version": attrs.get("framing_version") or framing.__version__,
        "lexicon_name": attrs.get("lexicon_name") or "n/a",
        "lexicon_version": attrs.get("lexicon_version") or "n/a",
        "lexicon_hash": attrs.get("lexicon_hash") or "n/a",
        "threshold": DEFAULT_THRESHOLD,
        "window_days": DEFAULT_WINDOW_DAYS,
        "roles": list(ROLES),
    }


def _context(data: ReportData) -> dict[str, Any]:
    from framing.charts import ROLE_COLOURS

    table = data.table
    failed = int(table["error"].notna().sum()) if "error" in table.columns else 0
    return {
        "title": data.title,
        "generated": data.generated,
        "n_articles": len(table),
        "n_failed": failed,
        "has_texts": bool(data.scores),
        "overview": _overview(data),
        "panels": _incident_panels(data),
        "charts": _charts(data),
        "word_choice": _word_choice(data),
        "verbs": _verbs(data),
        "profiles": _profiles(data),
        "method": _method(data),
        "role_colours": ROLE_COLOURS,
    }


def render_html(data: Any, **options: Any) -> str:
    """The report as one self-contained HTML page (see :func:`prepare` for arguments)."""
    prepared = data if isinstance(data, ReportData) else prepare(data, **options)
    return _environment().get_template("report.html").render(**_context(prepared))


def _md_escape(value: Any) -> str:
    text = "" if value is None else str(value)
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").replace("<", "&lt;")


def markdown_table(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> list[str]:
    """Lines of a Markdown pipe table; cells escaped (``|``, newlines, ``<``)."""
    lines = ["| " + " | ".join(_md_escape(h) for h in header) + " |",
             "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(_md_escape(c) for c in row) + " |" for row in rows]
    return lines


def render_markdown(data: Any, **options: Any) -> str:
    """The report's tables as Markdown (pipe tables; no charts or article texts)."""
    prepared = data if isinstance(data, ReportData) else prepare(data, **options)
    ctx = _context(prepared)
    method = ctx["method"]
    lines = [f"# {_md_escape(ctx['title'])}", "",
             (f"{ctx['n_articles']} articles ({ctx['n_failed']} failed); framing "
              f"{method['framing_version']}, lexicon {method['lexicon_name']} "
              f"{method['lexicon_version']} (sha256 {method['lexicon_hash']}); "
              f"generated {ctx['generated']}."), "", "## Overview", ""]
    ov = ctx["overview"]
    lines += markdown_table(
        ["id", "outlet", "date", "incident", *ov["columns"], "error"],
        ([r["id"], r["outlet"] or "", r["date"] or "", r["incident"] or "",
          *(fmt_measure(v, m) for v, m in zip(r["values"], ov["measures"])), r["error"] or ""]
         for r in ov["rows"]),
    )
    for panel in ctx["panels"]:
        lines += ["", f"## Incident: {_md_escape(panel['incident'])}", "",
                  "One outlet only: nothing to compare within this incident." if panel["single"]
                  else "Each cell: value (difference from the incident mean; rank, 1 = highest).",
                  ""]
        header = ["measure", *(f"{o} (n={n})" for o, n in zip(panel["outlets"], panel["counts"])),
                  "incident mean"]
        lines += markdown_table(header, (
            [measure_label(g["measure"]),
             *(_md_cell(c, g["measure"], panel["single"]) for c in g["cells"]),
             fmt_measure(g["mean"], g["measure"])]
            for g in panel["grid"]))
    for wc in ctx["word_choice"]:
        lines += ["", "## Word choice per actor group", "",
                  "Count of each label per outlet (of which inside quotations).", ""]
        rows = []
        for group in wc["groups"]:
            for row in group["rows"]:
                rows.append([group["group"], row["label"],
                             *(f"{c} ({q})" if c else "" for c, q in row["cells"])])
        lines += markdown_table(["actor group", "label", *wc["outlets"]], rows)
    if ctx["verbs"]:
        lines += ["", "## Attribution verbs by speaker role", ""]
        lines += markdown_table(["outlet", "role", "quotes with a verb", "not neutral", "verbs"], (
            [v["outlet"], v["role"], v["total"], v["not_neutral"],
             ", ".join(f"{x['verb']} x{x['count']}" + ("" if x["neutral"] else f" ({x['class']})")
                       for x in v["verbs"])]
            for v in ctx["verbs"]))
    if ctx["profiles"]:
        lines += ["", "## Outlet profiles across incidents", "",
                  ("Mean per outlet with a percentile bootstrap 95% interval over articles "
                   "(2,000 resamples, seeded) when the outlet has at least 5 articles."), ""]
        lines += markdown_table(["outlet", "measure", "n", "mean", "95% interval"], (
            [p["outlet"], measure_label(p["measure"]), p["n"], fmt_measure(p["mean"], p["measure"]),
             p["note"] or f"{fmt(p['ci_low'])} .. {fmt(p['ci_high'])}"]
            for p in ctx["profiles"]))
    lines += ["", "## Method notes", "",
              (f"- Incidents: the manifest's label; otherwise TF-IDF cosine >= "
               f"{method['threshold']} within {method['window_days']} days "
               "(docs/comparison.md)."),
              "- Narrator vs quoted voice: words outside vs inside quotation marks.",
              (f"- Loaded-term lexicon: {method['lexicon_name']} {method['lexicon_version']}, "
               f"sha256 {method['lexicon_hash']}."), ""]
    return "\n".join(lines)


def _md_cell(cell: Mapping[str, Any], measure: str, single: bool) -> str:
    if _isnan(cell["value"]):
        return "n/a"
    value = fmt_measure(cell["value"], measure)
    return value if single else f"{value} ({_signed(cell['diff'])}; #{fmt(cell['rank'], 0)})"


def _isnan(value: Any) -> bool:
    try:
        return math.isnan(float(value))
    except (TypeError, ValueError):
        return value is None


def report(
    corpus_or_df: Any,
    path: str | os.PathLike[str],
    **options: Any,
) -> Path:
    """Write the comparison report: HTML, or Markdown when ``path`` ends in ``.md``.

    Args:
        corpus_or_df: A corpus (path, :class:`framing.Corpus`, iterable of Articles), a
            :class:`~framing.corpus.ScoredCorpus` or the corpus table (DataFrame: tables
            only, no highlighted texts).
        path: Output file; written atomically.
        **options: ``title``, ``lexicon``, ``actors``, ``registry``, ``threshold``,
            ``window_days``, ``progress`` (see :func:`prepare`).

    Returns:
        The path written.

    Raises:
        InputError: ``path`` has a suffix other than ``.html``, ``.htm`` or ``.md``.
    """
    suffix = Path(path).suffix.lower()
    if suffix not in (".html", ".htm", ".md"):
        raise InputError(f"path: {os.fspath(path)!r} must end in .html, .htm or .md")
    data = prepare(corpus_or_df, **options)
    text = render_markdown(data) if suffix == ".md" else render_html(data)
    return atomic_write_text(path, text)
