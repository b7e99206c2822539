"""Report charts as inline SVG (matplotlib, drawn off-screen, no pyplot state).

Each function takes a tidy table and returns an ``<svg>`` string ready to inline in the
HTML report, or None when there is nothing to draw. matplotlib is imported on first use;
figures are built with :class:`matplotlib.figure.Figure` directly, so no global backend
or pyplot state is touched. Text stays text in the SVG (``svg.fonttype = none``) and is
XML-escaped by matplotlib; output is deterministic (fixed hash salt, no date metadata).
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "ROLE_COLOURS",
    "actor_sentiment_chart",
    "loaded_voice_chart",
    "quote_share_chart",
]

#: One colour per quote role, shared by the charts and the highlighted text (colour-blind
#: safe Okabe-Ito palette plus grey for "other").
ROLE_COLOURS = {
    "police": "#0072B2",
    "government": "#009E73",
    "politician": "#D55E00",
    "advocacy": "#CC79A7",
    "public": "#E69F00",
    "expert": "#56B4E9",
    "other": "#999999",
}

_NARRATOR = "#444444"
_QUOTED = "#E69F00"
_RC: dict[str, Any] = {"svg.fonttype": "none", "svg.hashsalt": "framing", "font.size": 9,
       "axes.spines.top": False, "axes.spines.right": False}


def _to_svg(fig: Any, prefix: str) -> str:
    """The figure as an ``<svg>`` element whose ids all start with ``prefix``.

    Several SVGs inlined in one page share one id space; prefixing keeps each chart's
    ``url(#...)`` and ``href="#..."`` references pointing into its own drawing.
    """
    buf = io.StringIO()
    fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
    svg = buf.getvalue()
    start = svg.find("<svg")
    svg = svg[start:] if start >= 0 else svg
    svg = re.sub(r'\bid="([^"]+)"', rf'id="{prefix}-\1"', svg)
    svg = re.sub(r"url\(#([^)]+)\)", rf"url(#{prefix}-\1)", svg)
    svg = re.sub(r'href="#([^"]+)"', rf'href="#{prefix}-\1"', svg)
    return svg.strip()


def _figure(width: float, height: float) -> Any:
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), dpi=96, layout="constrained")


def quote_share_chart(shares: pd.DataFrame, roles: Sequence[str] | None = None) -> str | None:
    """Stacked horizontal bars: each outlet's share of direct-quoted words by speaker role.

    Args:
        shares: One row per outlet (index), one ``quote_share_<role>`` column per role,
            values 0..1 (mean over the outlet's articles).
        roles: Role order (default: :data:`ROLE_COLOURS` order).

    Returns:
        SVG text, or None when no outlet has a defined share.
    """
    import matplotlib

    roles = list(roles or ROLE_COLOURS)
    cols = [f"quote_share_{r}" for r in roles if f"quote_share_{r}" in shares.columns]
    data = shares[cols].dropna(how="all") if cols else shares.iloc[0:0]
    if data.empty:
        return None
    with matplotlib.rc_context(_RC):  # type: ignore[arg-type]
        fig = _figure(7.0, 0.5 + 0.45 * len(data))
        ax = fig.add_subplot()
        left = [0.0] * len(data)
        labels = [str(i) for i in data.index]
        for col in cols:
            role = col.removeprefix("quote_share_")
            values = [0.0 if math.isnan(v) else float(v) for v in data[col]]
            ax.barh(labels, values, left=left, color=ROLE_COLOURS.get(role, "#999999"),
                    label=role, height=0.6)
            left = [a + b for a, b in zip(left, values)]
        ax.set_xlim(0, 1)
        ax.set_xlabel("share of direct-quoted words (0..1)")
        ax.invert_yaxis()
        ax.legend(ncols=min(len(cols), 7), loc="lower left", bbox_to_anchor=(0, 1.0),
                  frameon=False, fontsize=8)
        return _to_svg(fig, "chart-quotes")


def loaded_voice_chart(rates: pd.DataFrame) -> str | None:
    """Grouped bars: loaded terms per 1,000 words in the narrator's and in quoted voice.

    Args:
        rates: One row per outlet (index) with ``loaded_narrator_per_1k`` and
            ``loaded_quoted_per_1k`` (means over the outlet's articles).

    Returns:
        SVG text, or None when nothing is defined.
    """
    import matplotlib

    cols = [c for c in ("loaded_narrator_per_1k", "loaded_quoted_per_1k") if c in rates.columns]
    data = rates[cols].dropna(how="all") if cols else rates.iloc[0:0]
    if data.empty:
        return None
    with matplotlib.rc_context(_RC):  # type: ignore[arg-type]
        fig = _figure(7.0, 0.6 + 0.55 * len(data))
        ax = fig.add_subplot()
        ys = list(range(len(data)))
        for k, (col, colour, name) in enumerate((
            ("loaded_narrator_per_1k", _NARRATOR, "narrator (the outlet's own words)"),
            ("loaded_quoted_per_1k", _QUOTED, "inside quotations (sources' words)"),
        )):
            if col not in data.columns:
                continue
            values = [0.0 if math.isnan(v) else float(v) for v in data[col]]
            ax.barh([y + k * 0.38 for y in ys], values, height=0.36, color=colour, label=name)
        ax.set_yticks([y + 0.19 for y in ys], [str(i) for i in data.index])
        ax.set_xlabel("loaded terms per 1,000 words")
        ax.invert_yaxis()
        ax.legend(loc="lower left", bbox_to_anchor=(0, 1.0), ncols=2, frameon=False, fontsize=8)
        return _to_svg(fig, "chart-loaded")


def actor_sentiment_chart(table: pd.DataFrame, by: str = "outlet",
                          max_actors: int = 8) -> str | None:
    """Dot plot: mean sentence sentiment toward each actor group, one colour per outlet.

    Args:
        table: Long table with columns ``actor``, ``by`` (outlet), ``sentiment_mean``
            (VADER compound, -1 negative .. +1 positive) and ``sentences``.
        by: Column naming the outlet.
        max_actors: Draw the actors with the most sentences, at most this many.

    Returns:
        SVG text, or None when nothing is defined.
    """
    import matplotlib

    needed = {"actor", by, "sentiment_mean", "sentences"}
    if table.empty or not needed <= set(table.columns):
        return None
    data = table.dropna(subset=["sentiment_mean"])
    if data.empty:
        return None
    top = (data.groupby("actor")["sentences"].sum().sort_values(ascending=False)
           .head(max_actors).index.tolist())
    data = data[data["actor"].isin(top)]
    outlets = sorted(data[by].astype(str).unique())
    palette = list(ROLE_COLOURS.values())
    markers = "osD^v<>ph*"
    with matplotlib.rc_context(_RC):  # type: ignore[arg-type]
        fig = _figure(7.0, 0.8 + 0.4 * len(top))
        ax = fig.add_subplot()
        ax.axvline(0, color="#bbbbbb", linewidth=0.8)
        for k, outlet in enumerate(outlets):
            part = data[data[by].astype(str) == outlet].set_index("actor")
            ys = [top.index(a) + (k - (len(outlets) - 1) / 2) * 0.12 for a in part.index]
            ax.scatter(part["sentiment_mean"].astype(float), ys, label=outlet,
                       color=palette[k % len(palette)], marker=markers[k % len(markers)], s=28)
        ax.set_yticks(range(len(top)), top)
        ax.set_xlim(-1, 1)
        ax.set_xlabel("mean sentence sentiment (VADER compound, -1 .. +1)")
        ax.invert_yaxis()
        ax.legend(loc="lower left", bbox_to_anchor=(0, 1.0), ncols=min(len(outlets), 4),
                  frameon=False, fontsize=8)
        return _to_svg(fig, "chart-actors")
