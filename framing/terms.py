"""Loaded terms, scare quotes and word choice per actor.

The third measure: how much charged, emotive or labelling language an article uses, in
the writer's own voice (narrator) and inside quotations (the sources' words), and which
labels it picks for the same actors. Every hit carries offsets into ``Document.source``
so it can be audited, and every result names the lexicon (name, version, SHA-256) that
produced it.

Method: dictionary matching with an explainable, versioned lexicon
(:mod:`framing.lexicon`); the cue classes for epistemological bias (factive,
implicative and assertive verbs, hedges, report verbs, subjective intensifiers) follow
Recasens, Danescu-Niculescu-Mizil & Jurafsky, "Linguistic Models for Analyzing and
Detecting Biased Language", ACL 2013. Validity against expert sentence labels (BABE,
Spinde et al. 2021) is measured by ``benchmarks/bias_eval.py`` (see docs/lexicon.md).
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, islice
from operator import methodcaller
from pathlib import Path
from typing import Any

from framing._construct import fast_constructor
from framing._phrase_search import (
    RUN_RE,
    ProbeSpec,
    ProbeTable,
    Where,
    best_run,
    key_specs,
    probe_sets,
    probe_table,
    search_regions,
)
from framing.actors import ActorGroup, ActorMention, find_actor_mentions
from framing.document import (
    Document,
    count_in_intervals,
    interval_membership,
    sentence_regions,
    voice_word_counts,
)
from framing.errors import InputError
from framing.lexicon import (
    WORD_RE,
    Entry,
    Lexicon,
    WordToken,
    inflections,
    load_lexicon,
    match_phrases,
    term_variants,
    token_norms,
    word_tokens,
)
from framing.quotes import document_quotes

__all__ = [
    "NOT_LOADED",
    "LabelUse",
    "ScareQuote",
    "TermHit",
    "TermScores",
    "find_loaded_terms",
    "find_scare_quotes",
    "hits_table",
    "score_terms",
    "word_choice",
]

#: Categories recorded and reported but not counted as loaded language (contested
#: terms such as "genocide", "occupation", "terrorist" are recorded, not judged).
NOT_LOADED = frozenset({"contested"})

#: Longest quoted fragment, in words, that can be a scare quote.
SCARE_MAX_WORDS = 3

#: Words that attribute speech or writing in a sentence; a short quoted fragment in a
#: sentence holding one of them is treated as a (partial) quotation, not a scare quote.
_SPEECH_CUES = frozenset(
    form
    for w in ["said", "says", "say", "told", "tell", "tells", "telling", "according", "claimed", "claims", "called", "calls", "calling", "described", "describes", "describing", "branded", "dubbed", "labelled", "labeled", "termed", "wrote", "writes", "written", "tweeted", "posted", "chanted", "chanting", "chant", "chants", "shouted", "shouting", "sang", "singing", "added", "warned", "insisted", "argued", "stated", "statement", "urged", "asked", "replied", "responded", "accused", "admitted", "announced", "declared", "explained", "promised", "vowed", "demanded", "slammed", "quoted", "quoting", "headline", "headlined", "reads", "read", "spoke", "speaking", "speech", "comments", "remarks", "referred", "referring", "saying", "words", "phrase", "slogan", "slogans", "banner", "banners", "placard", "placards", "sign", "signs", "letter", "message"]
    for form in inflections(w)
)

#: The test for an ``-ly`` word.
_ENDS_LY = methodcaller("endswith", "ly")

#: The lower-cased words whose :func:`word_tokens` norm is a speech cue.
_SPEECH_CUE_WORDS = frozenset(
    form for cue in _SPEECH_CUES for form in (cue, cue + "'s", cue + "’s")
)

_WORDISH = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")


@dataclass(frozen=True, slots=True)
class TermHit:
    """One loaded-term match.

    Attributes:
        term: The lexicon entry's term as written in the lexicon (``"slammed"``).
        category: The entry's category (see :data:`framing.lexicon.CATEGORIES`).
        start: Offset of the match in ``Document.source``.
        end: Offset one past the match.
        quoted: True when the match lies inside a quotation (the source's words),
            False in the narrator's voice.
        text: The words as written (``source[start:end]``).
        weight: The entry's weight, 1 (mild) to 3 (strong).
        scare_quote: True when the match lies inside a scare quote (a short unattributed
            quoted fragment the writer distances itself from).
    """

    term: str
    category: str
    start: int
    end: int
    quoted: bool
    text: str
    weight: int
    scare_quote: bool = False


#: ``TermHit(...)``, faster (see :func:`framing._construct.fast_constructor`).
_term_hit = fast_constructor(TermHit)


@dataclass(frozen=True, slots=True)
class LabelUse:
    """How often an article uses one label for one actor group.

    Attributes:
        group: Actor group name (``"protesters"``).
        label: The label as written in the actor data (``"mob"``).
        count: Mentions with this label (narrator and quoted).
        quoted_count: Of those, mentions inside quotations.
    """

    group: str
    label: str
    count: int
    quoted_count: int

    @property
    def narrator_count(self) -> int:
        """Mentions in the writer's own voice."""
        return self.count - self.quoted_count


@dataclass(frozen=True, slots=True)
class ScareQuote:
    """A short quoted fragment with no speaker: distancing ("scare") quotes.

    Attributes:
        text: The words inside the marks.
        start: Offset of the first character inside the marks.
        end: Offset one past the last character inside the marks.
        sentence: Index of the sentence holding it (-1 when unknown).
    """

    text: str
    start: int
    end: int
    sentence: int


@dataclass(frozen=True, slots=True)
class TermScores:
    """Loaded-term scores of one article.

    Rates are per 1,000 words (range 0 upward; higher = more loaded language). Word
    counts come from the document's sentences; narrator and quoted rates divide by the
    narrator and quoted word counts respectively. Undefined rates (no words in that
    voice) are NaN, never 0.

    Attributes:
        hits: Every match in text order, contested terms included.
        labels: Word choice per actor group (see :func:`word_choice`).
        scare_quotes: Short unattributed quoted fragments.
        words: Word count of the article.
        narrator_words: Words outside quotations.
        quoted_words: Words inside quotations.
        lexicon_name: Name of the lexicon used.
        lexicon_version: Its version string.
        lexicon_hash: SHA-256 of its canonical entries.
        categories: Categories reported (the lexicon's).
        flags: Warnings, e.g. ``"terms_no_words"``.
    """

    hits: tuple[TermHit, ...]
    labels: tuple[LabelUse, ...]
    scare_quotes: tuple[ScareQuote, ...]
    words: int
    narrator_words: int
    quoted_words: int
    lexicon_name: str
    lexicon_version: str
    lexicon_hash: str
    categories: tuple[str, ...]
    flags: tuple[str, ...] = ()

    @property
    def loaded_hits(self) -> tuple[TermHit, ...]:
        """Hits that count as loaded language (every category but :data:`NOT_LOADED`)."""
        return tuple(h for h in self.hits if h.category not in NOT_LOADED)

    def as_dict(self) -> dict[str, Any]:
        """Flat record with ``loaded_`` keys, ``scare_quotes`` and the lexicon identity.

        Keys: ``loaded_count`` (loaded hits, both voices), ``loaded_narrator_count``,
        ``loaded_quoted_count``, ``loaded_per_1k``, ``loaded_narrator_per_1k`` (per 1,000
        narrator words), ``loaded_quoted_per_1k`` (per 1,000 quoted words),
        ``loaded_weighted_per_1k`` (sum of weights per 1,000 words),
        ``loaded_<category>_per_1k`` for every category (both voices; ``contested`` is
        reported here but not counted in ``loaded_count``), ``loaded_top_terms``
        (``"term:count;..."``, five most frequent, ties alphabetical),
        ``loaded_actor_labels`` (``"group:label:count:quoted;..."``), ``scare_quotes``
        (count), ``scare_quote_texts`` (``"|"``-joined), ``lexicon_name``,
        ``lexicon_version``, ``lexicon_hash``.
        """
        loaded = self.loaded_hits
        narrator = sum(1 for h in loaded if not h.quoted)
        quoted = len(loaded) - narrator
        by_cat = Counter(h.category for h in self.hits)
        top = Counter(h.term.lower() for h in loaded)
        top_terms = sorted(top.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
        out: dict[str, Any] = {
            "loaded_count": len(loaded),
            "loaded_narrator_count": narrator,
            "loaded_quoted_count": quoted,
            "loaded_per_1k": _rate(len(loaded), self.words),
            "loaded_narrator_per_1k": _rate(narrator, self.narrator_words),
            "loaded_quoted_per_1k": _rate(quoted, self.quoted_words),
            "loaded_weighted_per_1k": _rate(sum(h.weight for h in loaded), self.words),
        }
        for cat in self.categories:
            out[f"loaded_{cat}_per_1k"] = _rate(by_cat.get(cat, 0), self.words)
        out["loaded_top_terms"] = ";".join(f"{t}:{n}" for t, n in top_terms)
        out["loaded_actor_labels"] = ";".join(
            f"{u.group}:{u.label}:{u.count}:{u.quoted_count}" for u in self.labels
        )
        out["scare_quotes"] = len(self.scare_quotes)
        out["scare_quote_texts"] = "|".join(q.text for q in self.scare_quotes)
        out["lexicon_name"] = self.lexicon_name
        out["lexicon_version"] = self.lexicon_version
        out["lexicon_hash"] = self.lexicon_hash
        return out


def _rate(count: int, words: int) -> float:
    return 1000.0 * count / words if words > 0 else math.nan


# ----------------------------------------------------------------- helpers


def _as_doc(text_or_doc: str | Document) -> Document:
    if isinstance(text_or_doc, Document):
        return text_or_doc
    if isinstance(text_or_doc, str):
        from framing.parsing import parse

        return parse(text_or_doc)
    raise InputError(
        f"text_or_doc: expected str or framing.Document, got {type(text_or_doc).__name__}"
    )


def _as_lexicon(lexicon: Lexicon | str | Path | None) -> Lexicon:
    if lexicon is None:
        return load_lexicon()
    if isinstance(lexicon, Lexicon):
        return lexicon
    if isinstance(lexicon, (str, Path)):
        return load_lexicon(lexicon)
    raise InputError(
        f"lexicon: expected a framing.lexicon.Lexicon, a path or None, got {type(lexicon).__name__}"
    )


def _word_counts(doc: Document) -> tuple[int, int]:
    """(all words, quoted words) over the document's sentences."""
    total, quoted = voice_word_counts(doc)
    if total:
        return total, quoted
    # documents built without tokens: word-like runs of the sentences
    word_starts = [
        m.start()
        for start, end, _ in sentence_regions(doc)
        for m in _WORDISH.finditer(doc.source, start, end)
    ]
    intervals = doc.quoted_intervals()
    if not intervals:
        return len(word_starts), 0
    return len(word_starts), count_in_intervals(word_starts, intervals)


# ----------------------------------------------------------------- scare quotes


def find_scare_quotes(doc: Document) -> tuple[ScareQuote, ...]:
    """Short quoted fragments with no speaker: the writer's distancing quotes.

    A top-level, closed quotation of 1 to :data:`SCARE_MAX_WORDS` words is a scare quote
    when no attributed quotation (``doc.quotes`` with a speaker) overlaps it and its
    sentence holds no speech cue ("said", "told", "according", "called", "chanted",
    "branded" ...). Example: ``BBC 'impartiality' row`` in a headline.

    Args:
        doc: A parsed document.

    Returns:
        The scare quotes in text order.
    """
    attributed = [(q.start, q.end) for q in document_quotes(doc) if q.speaker]
    out = []
    sentences = doc.sentences
    sentence_starts = [s.start for s in sentences]
    for span in doc.quote_spans:
        if span.depth != 0 or not span.closed:
            continue
        inner = doc.source[span.content_start : span.content_end]
        # words counted up to one past the longest scare quote, not through long quotes
        n_words = sum(1 for _ in islice(_WORDISH.finditer(inner), SCARE_MAX_WORDS + 1))
        if not 1 <= n_words <= SCARE_MAX_WORDS:
            continue
        if any(a < span.content_end and span.content_start < b for a, b in attributed):
            continue
        sent = _sentence_at(sentences, sentence_starts, span.start)
        if sent is not None:
            ctx = doc.source[sent.start : span.start] + " " + doc.source[span.end : sent.end]
        else:
            para = next((p for p in doc.paragraphs if p.start <= span.start < p.end), None)
            ctx = "" if para is None else (
                doc.source[para.start : span.start] + " " + doc.source[span.end : para.end]
            )
        if _has_speech_cue(ctx):
            continue
        out.append(
            ScareQuote(inner.strip(), span.content_start, span.content_end,
                       sent.index if sent is not None else -1)
        )
    return tuple(out)


def _sentence_at(sentences: Sequence[Any], starts: list[int], offset: int) -> Any:
    """The first sentence with ``start <= offset < end`` (sentences are sorted and
    disjoint, so it is the last one starting at or before ``offset``), or None."""
    i = bisect.bisect_right(starts, offset) - 1
    if i >= 0 and offset < sentences[i].end:
        return sentences[i]
    return None


#: Runs of lower-case ASCII letters: a word whose norm is a speech cue is one of them.
_ASCII_RUN = re.compile(r"[a-z]+")


def _has_speech_cue(text: str) -> bool:
    """True when a word of ``text`` (:func:`word_tokens` norms) is a speech cue.

    Every cue is lower-case ASCII letters, so a word whose norm is a cue is a run of
    ``[a-z]`` in ``text.lower()`` with no such letter beside it; a text with no cue
    among those runs needs no tokens (the common case, about 3x faster).
    """
    if _SPEECH_CUES.isdisjoint(_ASCII_RUN.findall(text.lower())):
        return False
    # a word's norm is a cue exactly when the word, lower-cased, is a cue or a cue
    # followed by a possessive (cues have no apostrophe): no tokens needed
    return not _SPEECH_CUE_WORDS.isdisjoint(map(str.lower, WORD_RE.findall(text)))


# ----------------------------------------------------------------- matching


def _regions_with_kind(doc: Document) -> list[tuple[int, int, bool]]:
    """(start, end, is_headline) of every sentence (paragraphs when there are none)."""
    kinds = {p.index: p.kind for p in doc.paragraphs}
    if doc.sentences:
        return [(s.start, s.end, kinds.get(s.paragraph) == "headline") for s in doc.sentences]
    return [(p.start, p.end, p.kind == "headline") for p in doc.paragraphs]


#: Characters that, right before a capitalised word, make it no name (a quote opens,
#: a colon or dash introduces a phrase).
_NAME_BREAKS = "\"“‘':(—–-["


def _title_case(tokens: Sequence[WordToken]) -> bool:
    """True for a title-case line (a headline not marked as one): 60% or more of its
    words over three letters start with a capital."""
    long_words = [t for t in tokens if len(t.surface) > 3]
    capitalised = sum(t.surface[:1].isupper() for t in long_words)
    return bool(long_words) and capitalised >= 0.6 * len(long_words)


def _name_like(
    token: WordToken,
    region: tuple[int, int, bool],
    offset: int,
    source: str,
    lines: dict[tuple[int, int, bool], bool],
) -> bool:
    """True when a capitalised word of a sentence looks like a name.

    A word is name-like when it starts with a capital, is not all capitals, is not the
    sentence's first word, does not follow an opening quote mark, colon or dash, and
    the sentence is neither a headline nor in title case. A lower-case lexicon entry
    matches a name-like word only in the form written in the lexicon, not through a
    generated inflection: "Stoke" (the city) is not "stoked", while "the Woke
    Taliban" still matches "woke".

    Args:
        token: The word (its offsets may be shifted from the source's).
        region: The sentence ``(start, end, is_headline)`` holding the word.
        offset: The word's start in ``source``.
        source: The document's source.
        lines: Title-case test of the sentences tested so far (filled here), so a
            sentence is split into words for it at most once.
    """
    surface = token.surface
    if not surface[:1].isupper() or surface.isupper():
        return False
    start, end, headline = region
    if headline:
        return False
    prev = source[max(0, offset - 3) : offset].rstrip()[-1:]
    if prev and prev in _NAME_BREAKS:
        return False
    if not RUN_RE.search(source, start, offset):
        return False  # the sentence's first word: no letter or digit before it
    title = lines.get(region)
    if title is None:
        title = lines[region] = _title_case(word_tokens(source[start:end], start))
    return not title


@lru_cache(maxsize=4096)
def _own_forms(term: str) -> frozenset[tuple[str, ...]]:
    """The word sequences of a term as written (no generated inflections)."""
    return frozenset(term_variants(term))


@lru_cache(maxsize=32)
def _search_plan(
    lex: Lexicon,
) -> tuple[dict[str, tuple[tuple[str, ...], ...]] | None, ProbeTable | None]:
    """The probe sets and table of a lexicon (:mod:`framing._phrase_search`), built once.

    Every candidate of both indexes gets its probe. An ``-ly`` adverb that takes a
    single-word entry's key (:func:`_key`: "bizarrely" for "bizarre") stands for that
    key wherever it occurs in a phrase of the inflected index, so it is a probe of its
    own, needing nothing else and reaching as far as the longest phrase holding the
    key. Probe sets are None (every sentence matched whole) when a key has a
    non-ASCII letter.
    """
    inflected, exact = lex.index()
    cands = [c for idx in (inflected, exact) for group in idx.values() for c in group]
    specs = list(key_specs(c.keys for c in cands))
    adverbs: dict[str, list[str]] = {}  # adverb -> the keys it may take
    for key, group in inflected.items():
        if len(group[-1].keys) != 1:  # one-word candidates come last
            continue
        for adverb in (key + "ly", key[:-1] + "ily", key[:-1] + "y", key + "ally"):
            if adverb not in inflected and key in _adverb_bases(adverb):
                adverbs.setdefault(adverb, []).append(key)
    stood_for = {key for keys in adverbs.values() for key in keys}
    reach: dict[str, tuple[int, int]] = dict.fromkeys(stood_for, (0, 0))
    for c in cands:
        if len(c.keys) > 1 and not stood_for.isdisjoint(c.keys):
            last = len(c.keys) - 1
            for p, k in enumerate(c.keys):
                if k in stood_for:
                    back, fwd = reach[k]
                    reach[k] = (max(back, p), max(fwd, last - p))
    for adverb, keys in adverbs.items():
        runs = RUN_RE.findall(adverb)
        if runs:
            probe = best_run(runs)
            back = max(reach[k][0] for k in keys)
            fwd = max(reach[k][1] for k in keys)
            specs.append(ProbeSpec(probe, (probe,), back, fwd))
    probes = probe_sets(specs)
    if probes is None:
        return None, None
    return probes, probe_table(specs, (k for c in cands for k in c.keys), probes)


def _hits(doc: Document, lex: Lexicon, scare: Sequence[ScareQuote]) -> list[TermHit]:
    """Every hit of ``lex`` in ``doc``, in text order: each sentence's words matched
    leftmost-longest (:func:`_match_both`), read only around probe words when the
    lexicon allows (:func:`_search_plan`, same hits)."""
    index = lex.index()
    inflected = index[0]
    in_quotes = interval_membership(doc.quoted_intervals())
    in_scare = interval_membership(tuple((q.start, q.end) for q in scare))
    source = doc.source
    lines: dict[tuple[int, int, bool], bool] = {}

    def match(toks: list[WordToken], where: Where) -> list[tuple[int, int, Entry]]:
        exact_keys = token_norms(toks)
        keys = exact_keys
        # _key changes only -ly words that are not entries themselves (found in C)
        for k in compress(range(len(exact_keys)), map(_ENDS_LY, exact_keys)):
            n = exact_keys[k]
            if n not in inflected:
                if keys is exact_keys:
                    keys = exact_keys.copy()
                keys[k] = _key(n, inflected)

        def accept(entry: Entry, matched: Sequence[WordToken]) -> bool:
            first = matched[0]
            if not first.surface[:1].isupper():
                return True  # not name-like: spare the lookup below
            if entry.term != entry.term.lower():
                return True
            region, shift = where(first.start)
            if not _name_like(first, region, first.start + shift, source, lines):
                return True
            return tuple(t.norm for t in matched) in _own_forms(entry.term)

        return _match_both(toks, keys, exact_keys, index, accept)

    probes, table = _search_plan(lex)
    out: list[TermHit] = []
    for _, spans in search_regions(source, _regions_with_kind(doc), probes, table, match):
        for s, e, entry in spans:
            out.append(
                _term_hit(  # TermHit(term, category, start, end, quoted, text, weight,
                    entry.term,  # scare_quote)
                    entry.category,
                    s,
                    e,
                    in_quotes(s),
                    source[s:e],
                    entry.weight,
                    in_scare(s),
                )
            )
    return out


def _adverb_bases(word: str) -> tuple[str, ...]:
    """Adjectives an ``-ly`` adverb may come from ("bizarrely" -> "bizarre")."""
    if len(word) < 6 or not word.endswith("ly"):
        return ()
    out = [word[:-2]]
    if word.endswith("ily"):
        out.append(word[:-3] + "y")
    if word.endswith(("bly", "ply")):
        out.append(word[:-1] + "e")
    if word.endswith("ically"):
        out.append(word[:-4])
    return tuple(out)


def _key(norm: str, index: Any) -> str:
    """Matching key of a word; an ``-ly`` adverb of a single-word entry takes its key.

    "bizarrely" matches the entry "bizarre" and "radically" the entry "radical" (the
    adverb carries the same evaluation); the rule applies only when the adverb itself
    is not an entry, and only towards single-word entries.
    """
    if norm in index:
        return norm
    for base in _adverb_bases(norm):
        if any(len(c.keys) == 1 for c in index.get(base, ())):
            return base
    return norm


def _match_both(
    toks: Sequence[WordToken],
    keys: Sequence[str],
    exact_keys: Sequence[str],
    index: tuple[Any, Any],
    accept: Any = None,
) -> list[tuple[int, int, Entry]]:
    """Leftmost-longest matching over the inflected and the exact-form indexes."""
    inflected_index, exact_index = index
    a = match_phrases(toks, keys, inflected_index, accept)
    b = match_phrases(toks, exact_keys, exact_index, accept) if exact_index else []
    if not b:
        return a
    if not a:
        return b
    merged = sorted(a + b, key=lambda m: (m[0], -(m[1] - m[0])))
    out, last_end = [], -1
    for m in merged:
        if m[0] >= last_end:
            out.append(m)
            last_end = m[1]
    return out


def find_loaded_terms(
    text_or_doc: str | Document, lexicon: Lexicon | str | Path | None = None
) -> list[TermHit]:
    """Find loaded terms in an article.

    Args:
        text_or_doc: Raw article text (parsed with :func:`framing.parse`) or a parsed
            :class:`~framing.document.Document`.
        lexicon: A :class:`~framing.lexicon.Lexicon`, a path to a user lexicon file
            (added to the built-in one), or None for the built-in lexicon.

    Returns:
        Hits in text order; offsets index the text given (``Document.source``).
        Contested terms are included (category ``"contested"``).

    Raises:
        InputError: ``text_or_doc`` is neither str nor Document.
        LexiconError: A lexicon file is malformed.
    """
    doc = _as_doc(text_or_doc)
    lex = _as_lexicon(lexicon)
    return _hits(doc, lex, find_scare_quotes(doc))


def word_choice(
    doc: Document | str,
    actors: Sequence[ActorGroup] | None = None,
    *,
    mentions: Sequence[ActorMention] | None = None,
) -> tuple[LabelUse, ...]:
    """Labels used for each actor group, with counts.

    Args:
        doc: A parsed document (or raw text, parsed first).
        actors: Actor groups (default: :func:`framing.actors.load_actors`).
        mentions: The mentions of ``actors`` in ``doc`` when already found with
            :func:`framing.actors.find_actor_mentions` (found here when None).

    Returns:
        One :class:`LabelUse` per (group, label) used, ordered by group (data-file
        order) then by descending count, then label.
    """
    document = _as_doc(doc)
    if mentions is None:
        mentions = find_actor_mentions(document, actors)
    counts: Counter[tuple[str, str]] = Counter()
    quoted: Counter[tuple[str, str]] = Counter()
    order: dict[str, int] = {}
    for m in mentions:
        key = (m.group, m.label)
        counts[key] += 1
        quoted[key] += m.quoted
        order.setdefault(m.group, len(order))
    items = sorted(counts.items(), key=lambda kv: (order[kv[0][0]], -kv[1], kv[0][1].lower()))
    return tuple(LabelUse(g, lab, n, quoted[(g, lab)]) for (g, lab), n in items)


def score_terms(
    doc: Document,
    *,
    lexicon: Lexicon | str | Path | None = None,
    actors: Sequence[ActorGroup] | None = None,
    mentions: Sequence[ActorMention] | None = None,
) -> TermScores:
    """Score loaded-term use, scare quotes and word choice of a parsed article.

    Args:
        doc: The parsed document.
        lexicon: Lexicon, path to a user lexicon file, or None for the built-in one.
        actors: Actor groups for word choice (default: built-in).
        mentions: The mentions of ``actors`` in ``doc`` when already found with
            :func:`framing.actors.find_actor_mentions` (found here when None), so that
            :func:`framing.score` searches once for sentiment and word choice.

    Returns:
        :class:`TermScores`; rates are NaN when the article (or that voice) has no
        words, and the result is flagged ``"terms_no_words"``.
    """
    lex = _as_lexicon(lexicon)
    scare = find_scare_quotes(doc)
    hits = _hits(doc, lex, scare)
    words, quoted_words = _word_counts(doc)
    flags = () if words else ("terms_no_words",)
    return TermScores(
        hits=tuple(hits),
        labels=word_choice(doc, actors, mentions=mentions),
        scare_quotes=scare,
        words=words,
        narrator_words=words - quoted_words,
        quoted_words=quoted_words,
        lexicon_name=lex.name,
        lexicon_version=lex.version,
        lexicon_hash=lex.sha256,
        categories=lex.categories,
        flags=flags,
    )


def hits_table(
    text_or_doc: str | Document,
    lexicon: Lexicon | str | Path | None = None,
    *,
    width: int = 40,
) -> list[dict[str, Any]]:
    """Every hit with its context, as plain records (for ``framing terms FILE``).

    Args:
        text_or_doc: Raw text or a parsed document.
        lexicon: Lexicon, user lexicon path, or None for the built-in one.
        width: Characters of context on each side (newlines shown as spaces).

    Returns:
        One dict per hit, in text order, with ``term``, ``category``, ``weight``,
        ``voice`` (``"narrator"`` or ``"quoted"``), ``scare_quote``, ``start``, ``end``,
        ``text``, ``left`` and ``right``; JSON-serialisable.
    """
    doc = _as_doc(text_or_doc)
    rows = []
    for h in find_loaded_terms(doc, lexicon):
        left = doc.source[max(0, h.start - width) : h.start].replace("\n", " ")
        right = doc.source[h.end : h.end + width].replace("\n", " ")
        rows.append({
            "term": h.term,
            "category": h.category,
            "weight": h.weight,
            "voice": "quoted" if h.quoted else "narrator",
            "scare_quote": h.scare_quote,
            "start": h.start,
            "end": h.end,
            "text": h.text,
            "left": left,
            "right": right,
        })
    return rows
