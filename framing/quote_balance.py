"""Quote balance: who is quoted, how much, first and last, and with which verbs.

Every measure reads the quotations of :func:`framing.quotes.attribute_quotes` (already on
``Document.quotes``):

* ``quotes_direct`` / ``quotes_partial`` / ``quotes_indirect`` / ``quotes_embed``: counts
  by kind (a quote split by its attribution or running over paragraphs counts once).
* ``quote_sources``: distinct speakers over all kinds (case-insensitive names; quotes
  without a speaker are not counted).
* ``quoted_word_share``: words inside quotation marks (and embedded posts), the
  top-level mask of ``Document.quoted_intervals()``, over all words of the document,
  0..1, higher = more of the article is other people's words. NaN for an empty document.
* ``quote_words_direct``: words of direct quotes (word = run of letters/digits with
  inner apostrophes).
* ``quote_share_<role>``: share of direct-quoted words spoken by each role of
  :data:`framing.quotes.ROLES`, 0..1, summing to 1. NaN when there are no direct quotes.
* ``quote_balance``: normalised Shannon entropy (Shannon 1948; evenness as in Pielou 1966)
  of the direct-quoted words over the roles, ``H / ln(K)`` with ``H = -sum p_r ln p_r``
  and ``K = len(ROLES) = 7`` (the whole taxonomy, not only the roles present, so quoting
  two roles equally scores ln 2 / ln 7 = 0.356 and quoting all seven equally 1.0).
  0 = every direct-quoted word from one role, 1 = words spread evenly over all seven
  roles. NaN when there are no direct quotes.
* ``quote_first_role`` / ``quote_last_role``: role of the first and last direct quote
  (``""`` in the dataclass, NaN in :meth:`QuoteScores.as_dict` when there is none).
* ``attribution_loaded_share``: share of quotes with an attribution verb whose verb is
  not ``neutral`` in ``framing/data/verbs.toml`` ("claimed", "admitted", "slammed",
  "insisted" ...), 0..1, higher = more evaluative attribution. NaN when no quote has a
  known verb.
* :meth:`QuoteScores.verb_table`: verb lemmas counted by speaker role.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from framing.document import Document, voice_word_counts
from framing.quotes import ROLES, Quote, document_quotes

__all__ = ["QUOTE_KEYS", "QuoteScores", "score_quotes"]

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")

#: Keys of :meth:`QuoteScores.as_dict`, in order.
QUOTE_KEYS = (
    "quotes_direct",
    "quotes_partial",
    "quotes_indirect",
    "quotes_embed",
    "quote_sources",
    "quoted_word_share",
    "quote_words_direct",
    *(f"quote_share_{role}" for role in ROLES),
    "quote_balance",
    "quote_first_role",
    "quote_last_role",
    "attribution_loaded_share",
)


@dataclass(frozen=True, slots=True)
class QuoteScores:
    """Quote-balance measures of one article (definitions in the module docstring).

    Attributes:
        quotes_direct: Number of direct quotes.
        quotes_partial: Number of partial quotes.
        quotes_indirect: Number of indirect (reported-speech) quotes.
        quotes_embed: Number of embedded social-media posts.
        quote_sources: Distinct named or described speakers.
        quoted_word_share: Quoted words / all words, 0..1 (NaN for no words).
        quote_words_direct: Words in direct quotes.
        role_shares: ``(role, share)`` for every role, in :data:`ROLES` order.
        quote_balance: Normalised entropy over roles, 0..1 (NaN without direct quotes).
        quote_first_role: Role of the first direct quote, or ``""``.
        quote_last_role: Role of the last direct quote, or ``""``.
        attribution_loaded_share: Non-neutral attribution verbs / all known ones, 0..1.
        attributions: ``(role, verb lemma, verb class)`` of every quote with a known verb.
        flags: ``"no_quotes"``, ``"no_direct_quotes"``, ``"unattributed_direct_quote"``.
    """

    quotes_direct: int
    quotes_partial: int
    quotes_indirect: int
    quotes_embed: int
    quote_sources: int
    quoted_word_share: float
    quote_words_direct: int
    role_shares: tuple[tuple[str, float], ...]
    quote_balance: float
    quote_first_role: str
    quote_last_role: str
    attribution_loaded_share: float
    attributions: tuple[tuple[str, str, str], ...] = ()
    flags: tuple[str, ...] = ()

    def share(self, role: str) -> float:
        """Share of direct-quoted words spoken by ``role`` (NaN without direct quotes)."""
        return dict(self.role_shares).get(role, math.nan)

    def as_dict(self) -> dict[str, float | int | str]:
        """Flat record with the keys of :data:`QUOTE_KEYS` (undefined values are NaN)."""
        record: dict[str, float | int | str] = {
            "quotes_direct": self.quotes_direct,
            "quotes_partial": self.quotes_partial,
            "quotes_indirect": self.quotes_indirect,
            "quotes_embed": self.quotes_embed,
            "quote_sources": self.quote_sources,
            "quoted_word_share": self.quoted_word_share,
            "quote_words_direct": self.quote_words_direct,
        }
        for role, value in self.role_shares:
            record[f"quote_share_{role}"] = value
        record["quote_balance"] = self.quote_balance
        record["quote_first_role"] = self.quote_first_role or math.nan
        record["quote_last_role"] = self.quote_last_role or math.nan
        record["attribution_loaded_share"] = self.attribution_loaded_share
        return record

    def verb_table(self) -> dict[str, dict[str, int]]:
        """Attribution verbs by speaker role: ``{role: {lemma: count}}``, roles in order.

        Every role of :data:`ROLES` is a key (empty when the role has no attributed quote).
        """
        table: dict[str, Counter[str]] = {role: Counter() for role in ROLES}
        for role, lemma, _ in self.attributions:
            table.setdefault(role, Counter())[lemma] += 1
        return {role: dict(counter.most_common()) for role, counter in table.items()}

    def verb_frame(self) -> Any:
        """:meth:`verb_table` as a pandas DataFrame (roles as rows, verb lemmas as columns)."""
        import pandas as pd  # type: ignore[import-untyped]

        table = self.verb_table()
        return pd.DataFrame.from_dict(table, orient="index").fillna(0).astype(int)


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def _quoted_word_share(doc: Document) -> float:
    words, quoted = voice_word_counts(doc)
    return quoted / words if words else math.nan


def _normalised_entropy(counts: dict[str, int]) -> float:
    total = sum(counts.values())
    if total <= 0:
        return math.nan
    h = -sum((c / total) * math.log(c / total) for c in counts.values() if c > 0)
    return max(0.0, h / math.log(len(ROLES)))  # one role gives -0.0; report 0.0


def _apply_registry(quotes: tuple[Quote, ...], registry: Any) -> tuple[Quote, ...]:
    from dataclasses import replace

    from framing.roles import load_registry

    reg = load_registry(registry)
    if reg is None:
        return quotes
    out = []
    for q in quotes:
        actor = reg.lookup(q.speaker) or reg.lookup(q.speaker_mention)
        out.append(replace(q, speaker=actor.name, role=actor.role) if actor else q)
    return tuple(out)


def score_quotes(doc: Document, *, registry: Any = None, reattribute: bool = True
                 ) -> QuoteScores:
    """Score who is quoted in ``doc``, how much, and how they are introduced.

    Args:
        doc: A parsed document (its ``quotes`` are used).
        registry: Optional actor registry (mapping ``{name: role}``, TOML/CSV path or
            :class:`framing.roles.ActorRegistry`); when given, quotes are attributed again
            with it and its roles win over cue words.
        reattribute: With a ``registry``, attribute the quotes again (True, the default)
            or take ``doc.quotes`` as already attributed with that same registry (False:
            ``doc`` came from ``framing.parse(text, registry=registry)``, as in
            :func:`framing.score`, which so attributes once). Its roles still win.

    Returns:
        :class:`QuoteScores`; see the module docstring for ranges and directions.
    """
    if registry is None:
        quotes = document_quotes(doc)
    else:
        from framing.parsing import NOT_ATTRIBUTED
        from framing.quotes import attribute_quotes

        if reattribute or NOT_ATTRIBUTED in doc.flags:
            quotes = attribute_quotes(doc, registry)
        else:
            quotes = doc.quotes
        quotes = _apply_registry(quotes, registry)
    kinds = Counter(q.kind for q in quotes)
    direct = sorted((q for q in quotes if q.kind == "direct"), key=lambda q: q.start)
    words_by_role: dict[str, int] = {role: 0 for role in ROLES}
    for q in direct:
        words_by_role[q.role if q.role in words_by_role else "other"] += _words(q.text)
    total = sum(words_by_role.values())
    shares = tuple(
        (role, (words_by_role[role] / total) if total else math.nan) for role in ROLES
    )
    sources = {q.speaker.casefold() for q in quotes if q.speaker}
    attributions = tuple(
        (q.role, _lemma(q.cue), q.cue_class) for q in quotes if q.cue and q.cue_class
    )
    loaded = [cls != "neutral" for _, _, cls in attributions]
    flags = []
    if not quotes:
        flags.append("no_quotes")
    if not direct:
        flags.append("no_direct_quotes")
    if any(q.speaker is None for q in direct):
        flags.append("unattributed_direct_quote")
    return QuoteScores(
        quotes_direct=kinds.get("direct", 0),
        quotes_partial=kinds.get("partial", 0),
        quotes_indirect=kinds.get("indirect", 0),
        quotes_embed=kinds.get("embed", 0),
        quote_sources=len(sources),
        quoted_word_share=_quoted_word_share(doc),
        quote_words_direct=total,
        role_shares=shares,
        quote_balance=_normalised_entropy(words_by_role) if total else math.nan,
        quote_first_role=direct[0].role if direct else "",
        quote_last_role=direct[-1].role if direct else "",
        attribution_loaded_share=(sum(loaded) / len(loaded)) if loaded else math.nan,
        attributions=attributions,
        flags=tuple(flags),
    )


def _lemma(cue: str) -> str:
    from framing.roles import verb_lemma

    return verb_lemma(cue)
