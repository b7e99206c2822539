"""Sentence-level VADER sentiment, split by voice and by actor.

VADER (Hutto and Gilbert 2014) is a lexicon-and-rules scorer built and validated on
sentences. Scoring a whole article with it saturates (hundreds of lexicon hits push the
normalised sum to -1 or +1), so every score here is computed per sentence of the parsed
:class:`~framing.document.Document` and then aggregated:

* ``sentiment_mean``: mean compound score over the body sentences (headline excluded,
  embedded social-media posts included as quoted voice), range -1..+1, higher = more
  positive; with a seeded bootstrap 95% interval (``sentiment_ci_low/high``).
* ``sentiment_share_positive/negative/neutral``: share of body sentences with compound
  >= 0.05, <= -0.05 and in between (VADER's own thresholds), each 0..1.
* ``sentiment_narrator`` / ``sentiment_quoted``: the same mean for the words outside and
  inside quotation marks. A sentence that is all narrator (or all quoted) counts whole; a
  mixed sentence is cut at the quote marks, each voice's part is scored by VADER on its
  own and weighted by its share of the sentence's words, so every sentence weighs 1 in
  total and a three-word attribution tail ("a spokesman said") weighs little.
* ``sentiment_headline``: mean compound of the headline's sentence(s).
* ``sentiment_actor_<group>``: mean compound of the sentences that mention the group
  (co-occurrence, not sentiment *towards* the group; see docs/sentiment.md).

Before scoring, typographic quotes and apostrophes are mapped to ASCII (``don’t`` ->
``don't``) because VADER's tokenizer only strips ASCII punctuation and only knows ASCII
contractions; otherwise a curly apostrophe silently disables negation.
"""

from __future__ import annotations

import bisect
import logging
import math
import re
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import pairwise
from os import PathLike
from typing import TYPE_CHECKING, Any

from framing._construct import fast_constructor
from framing.document import Document, Sentence
from framing.errors import InputError

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "NEGATIVE_THRESHOLD",
    "POSITIVE_THRESHOLD",
    "VOICES",
    "ActorSentiment",
    "SentenceSentiment",
    "SentimentScores",
    "actor_sentiment_table",
    "polarity",
    "score_sentiment",
]

logger = logging.getLogger(__name__)

#: VADER's own class thresholds on the compound score (Hutto and Gilbert 2014, README).
POSITIVE_THRESHOLD = 0.05
NEGATIVE_THRESHOLD = -0.05

#: Voice of a sentence: all words outside quotes, all inside, or both.
VOICES = ("narrator", "quoted", "mixed")

#: Bootstrap resamples and seed for the article-mean interval (fixed: deterministic output).
BOOTSTRAP_RESAMPLES = 2000
BOOTSTRAP_SEED = 2014

_TYPOGRAPHIC = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"', "\u2039": "'", "\u203a": "'",
})
_TYPOGRAPHIC_PAIRS = tuple((chr(code), ascii_mark) for code, ascii_mark in _TYPOGRAPHIC.items())
_LETTER = re.compile(r"[^\W\d_]")
# From a chunk's first letter or digit to its end: one match per whitespace-separated
# chunk that holds a letter or digit, as r"\S*[^\W_]\S*" finds, without consuming each
# chunk twice (backtracking from its end to its last letter): a quarter faster.
_WORD = re.compile(r"[^\W_]\S*")
_KEY_UNSAFE = re.compile(r"[^0-9a-z]+")

Polarity = tuple[float, float, float, float]
#: ``(compound, pos, neu, neg, words)``, words -1 when unknown (see :func:`_scorer`).
_Scores = tuple[float, float, float, float, int]


# --------------------------------------------------------------------------- data


@dataclass(frozen=True, slots=True)
class SentenceSentiment:
    """VADER scores of one sentence, with its voice split.

    Attributes:
        index: Index of the sentence in ``Document.sentences``.
        start: Offset of the sentence in ``Document.source``.
        end: Offset one past its last character.
        compound: VADER compound score of the whole sentence, -1..+1 (higher = more
            positive), NaN when the sentence has no letter (not scored).
        pos: VADER share of positive valence, 0..1.
        neu: VADER share of neutral words, 0..1.
        neg: VADER share of negative valence, 0..1.
        voice: ``"narrator"``, ``"quoted"`` or ``"mixed"`` (see :data:`VOICES`).
        kind: Paragraph kind of the sentence (``"headline"``, ``"body"``, ``"embed"``).
        narrator_words: Words outside quotation marks.
        quoted_words: Words inside quotation marks (all words of an embedded post).
        narrator_compound: Compound of the narrator part (the whole sentence's when it is
            all narrator), NaN when there is none.
        quoted_compound: Compound of the quoted part, NaN when there is none.
    """

    index: int
    start: int
    end: int
    compound: float
    pos: float
    neu: float
    neg: float
    voice: str
    kind: str = "body"
    narrator_words: int = 0
    quoted_words: int = 0
    narrator_compound: float = math.nan
    quoted_compound: float = math.nan

    @property
    def narrator_weight(self) -> float:
        """Share of the sentence's words outside quotes, 0..1 (NaN with no words)."""
        total = self.narrator_words + self.quoted_words
        return self.narrator_words / total if total else math.nan


#: ``SentenceSentiment(...)``, faster (see :func:`framing._construct.fast_constructor`).
_sentence_sentiment = fast_constructor(SentenceSentiment)


@dataclass(frozen=True, slots=True)
class ActorSentiment:
    """Sentence sentiment around one actor group in one article.

    Attributes:
        actor: Actor group name (e.g. ``"police"``).
        mentions: Number of alias mentions of the group.
        sentences: Number of distinct scored sentences holding a mention.
        sentiment_mean: Mean compound of those sentences, -1..+1, NaN without mentions.
    """

    actor: str
    mentions: int
    sentences: int
    sentiment_mean: float


@dataclass(frozen=True, slots=True)
class SentimentScores:
    """Sentiment aggregates of one article (all means of VADER compound, -1..+1).

    Attributes:
        sentences: Per-sentence scores (headline, body and embed sentences).
        actors: One entry per actor group of the actor set, mentioned or not.
        flags: Warnings, e.g. ``"sentiment_no_sentences"``.
        mean: Mean compound over body sentences (headline excluded); NaN when none.
        narrator: Word-share-weighted mean of narrator parts; NaN when none.
        quoted: Word-share-weighted mean of quoted parts; NaN when none.
        headline: Mean compound of the headline sentence(s); NaN without headline.
        share_positive: Share of body sentences with compound >= 0.05, 0..1.
        share_negative: Share of body sentences with compound <= -0.05, 0..1.
        share_neutral: Share of the others, 0..1.
        ci_low: Lower end of the bootstrap 95% percentile interval of ``mean``.
        ci_high: Upper end; both NaN with fewer than 2 body sentences.
        narrator_weight: Sentence-equivalents behind ``narrator`` (sum of word shares).
        quoted_weight: Sentence-equivalents behind ``quoted``.
    """

    sentences: tuple[SentenceSentiment, ...] = ()
    actors: tuple[ActorSentiment, ...] = ()
    flags: tuple[str, ...] = ()
    mean: float = math.nan
    narrator: float = math.nan
    quoted: float = math.nan
    headline: float = math.nan
    share_positive: float = math.nan
    share_negative: float = math.nan
    share_neutral: float = math.nan
    ci_low: float = math.nan
    ci_high: float = math.nan
    narrator_weight: float = 0.0
    quoted_weight: float = 0.0

    def as_dict(self) -> dict[str, float]:
        """Flat record: ``sentiment_*`` keys, then ``sentiment_actor_<group>`` columns.

        Undefined values are NaN, never 0. Actor columns hold the mean compound of the
        sentences mentioning the group (NaN when it is not mentioned); every group of the
        actor set has a column, so records of different articles line up.
        """
        record: dict[str, float] = {
            "sentiment_mean": self.mean,
            "sentiment_narrator": self.narrator,
            "sentiment_quoted": self.quoted,
            "sentiment_headline": self.headline,
            "sentiment_share_positive": self.share_positive,
            "sentiment_share_negative": self.share_negative,
            "sentiment_share_neutral": self.share_neutral,
            "sentiment_ci_low": self.ci_low,
            "sentiment_ci_high": self.ci_high,
        }
        for actor in self.actors:
            record[actor_column(actor.actor)] = actor.sentiment_mean
        return record


def actor_column(actor: str) -> str:
    """Record key of an actor group: ``"Jewish community"`` -> ``sentiment_actor_jewish_community``."""
    return "sentiment_actor_" + (_KEY_UNSAFE.sub("_", actor.lower()).strip("_") or "unnamed")


# --------------------------------------------------------------------------- VADER


@cache
def _vader_reference() -> Callable[[str], dict[str, float]]:
    """vaderSentiment's own ``polarity_scores`` (analyser built once, on first use)."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer().polarity_scores


@cache
def _vader() -> Callable[[str], dict[str, float]]:
    """The VADER scorer in use: :mod:`framing.vader_fast` when it reproduces the installed
    vaderSentiment exactly (checked once on probe sentences), else vaderSentiment itself."""
    try:
        from framing import vader_fast
    except ImportError:  # pragma: no cover - optional module
        return _vader_reference()
    if vader_fast.agrees_with_reference():
        return vader_fast.polarity_scores
    logger.warning(
        "framing.vader_fast does not reproduce the installed vaderSentiment; "
        "scoring with vaderSentiment itself (slower, same method)"
    )
    return _vader_reference()


def _normalise(text: str) -> str:
    """Typographic quotes and apostrophes to ASCII, so VADER sees ``don't`` and ``"good``.

    The same result as ``text.translate(_TYPOGRAPHIC)`` (every mark maps to an ASCII
    character that is not itself mapped), by ``str.replace`` of the marks present,
    which is several times faster than a per-character table lookup.
    """
    for mark, ascii_mark in _TYPOGRAPHIC_PAIRS:
        if mark in text:
            text = text.replace(mark, ascii_mark)
    return text


def _reference_scores(vader: Callable[[str], dict[str, float]]) -> Callable[[str], _Scores]:
    """``vader``'s dict as :func:`framing.vader_fast.polarity_and_words`'s tuple (count -1)."""

    def scores(text: str) -> _Scores:
        result = vader(text)
        return result["compound"], result["pos"], result["neu"], result["neg"], -1

    return scores


def _scorer() -> Callable[[str], _Scores]:
    """``text -> (compound, pos, neu, neg, words or -1)`` from the scorer :func:`_vader` picked.

    With :mod:`framing.vader_fast`, its :func:`~framing.vader_fast.polarity_and_words`:
    no dict per sentence, and the word count of printable ASCII text for free.
    """
    vader = _vader()
    fast = sys.modules.get("framing.vader_fast")
    if fast is not None and vader is fast.polarity_scores:
        return fast.polarity_and_words
    return _reference_scores(vader)


def polarity(text: str) -> Polarity:
    """VADER scores of one sentence (Hutto and Gilbert 2014).

    Args:
        text: One sentence. Typographic quotes/apostrophes are mapped to ASCII first.

    Returns:
        ``(compound, pos, neu, neg)``: compound in -1..+1 (>= 0.05 positive, <= -0.05
        negative), the three shares in 0..1, exactly as vaderSentiment rounds them.
    """
    compound, pos, neu, neg, _ = _scorer()(text if text.isascii() else _normalise(text))
    return compound, pos, neu, neg


# --------------------------------------------------------------------------- voices


def _clip(intervals: Sequence[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """Parts of the sorted, non-overlapping ``intervals`` inside ``[start, end)``."""
    parts = []
    i = max(bisect.bisect_right(intervals, (start, start)) - 1, 0)
    for a, b in intervals[i:]:
        if a >= end:
            break
        if b > start:
            parts.append((max(a, start), min(b, end)))
    return parts


def _cut_voices(
    source: str, start: int, end: int, inside: Sequence[tuple[int, int]]
) -> tuple[str, str]:
    """Narrator text and quoted text of ``source[start:end]``, parts joined by a space,
    given its quoted parts ``inside`` (:func:`_clip`'s result)."""
    if not inside:
        return source[start:end], ""
    narrator, quoted_parts, pos = [], [], start
    for a, b in inside:
        narrator.append(source[pos:a])
        quoted_parts.append(source[a:b])
        pos = b
    narrator.append(source[pos:end])
    return " ".join(p for p in narrator if p.strip()), " ".join(quoted_parts)


def _count_words(text: str) -> int:
    """Whitespace-separated chunks holding a letter or digit (VADER's unit, roughly)."""
    return len(_WORD.findall(text))


def _quote_free(quoted: Sequence[tuple[int, int]]) -> Callable[[int, int], bool] | None:
    """A test ``(start, end) -> True`` when no quoted interval meets ``[start, end)``.

    Exactly when :func:`_clip` finds no part there, for sorted, non-overlapping
    intervals: the first interval ending after ``start`` (one binary search over the
    ends) must start at or after ``end``. None when ``quoted`` is not sorted and
    non-overlapping (a hand-built Document): then every sentence takes the general path.
    """
    if any(a > b for a, b in quoted) or any(b > c for (_, b), (c, _) in pairwise(quoted)):
        return None
    if not quoted:
        return lambda start, end: True
    starts = [a for a, _ in quoted]
    ends = [b for _, b in quoted]
    last = len(quoted)
    search = bisect.bisect_right

    def free(start: int, end: int) -> bool:
        i = search(ends, start)
        return i == last or starts[i] >= end

    return free


def _score_sentence(
    source: str,
    ascii_source: str,
    sentence: Sentence,
    kind: str,
    quoted: Sequence[tuple[int, int]],
    score: Callable[[str], _Scores],
) -> SentenceSentiment:
    """Score one sentence whole and, when its voices mix, each voice's part.

    The general path, for sentences that meet a quotation (and all sentences of a
    Document whose quoted intervals are not sorted); :func:`_score_sentences` scores
    the others directly. ``ascii_source`` is ``_normalise(source)``: the same length
    (one character for one), so the voice parts are cut from it already normalised.
    """
    text = sentence.text
    nan = math.nan
    if not _LETTER.search(text):
        return _sentence_sentiment(sentence.index, sentence.start, sentence.end,
                                   nan, nan, nan, nan, "narrator", kind)
    start, end = sentence.start, sentence.end
    if text.isascii():
        ascii_text = text
    elif source[start:end] == text:  # as documented: normalised with the whole source
        ascii_text = ascii_source[start:end]
    else:
        ascii_text = _normalise(text)
    compound, pos, neu, neg, words = score(ascii_text)
    if kind == "embed":  # an embedded post is someone else's voice, all of it
        q_words = words if words >= 0 else _count_words(text)
        return _sentence_sentiment(sentence.index, start, end, compound,
                                   pos, neu, neg, "quoted", kind, 0, q_words, nan, compound)
    # Parts cut from the normalised source: _normalise maps each mark to an ASCII mark,
    # neither is a letter, digit or space, so the parts' emptiness, blankness and word
    # counts are those of the parts of the source, and VADER gets what it got before.
    inside = _clip(quoted, start, end)
    narrator_text, quoted_text = _cut_voices(ascii_source, start, end, inside)
    n_words = q_words = 0
    if not quoted_text:  # no quotation met after all
        n_words = _count_words(narrator_text) if narrator_text else 0
    else:
        # A narrator part holding a word is scored before its words are counted:
        # VADER's pass gives the count. The quoted part is scored only when the
        # narrator part has words (the sentence is mixed, or quotes no word);
        # otherwise the whole sentence's scores are the quoted ones, and with a single
        # quoted part its word count is the whole sentence's (when VADER counted that
        # from the source): the narrator text around it holds no letter or digit, so
        # every chunk of the sentence holding one meets the part in exactly one chunk
        # of the part, and each chunk of the part holding one lies in such a chunk.
        if narrator_text and _WORD.search(narrator_text):  # often only quote marks
            n_scores = score(narrator_text)
            n_words = n_scores[4] if n_scores[4] >= 0 else _count_words(narrator_text)
        if n_words == 0:
            q_words = (
                words
                if words >= 0 and len(inside) == 1 and source[start:end] == text
                else _count_words(quoted_text)
            )
        else:
            q_scores = score(quoted_text)
            q_words = q_scores[4] if q_scores[4] >= 0 else _count_words(quoted_text)
    if q_words == 0:
        voice, n_compound, q_compound = "narrator", compound, nan
    elif n_words == 0:
        voice, n_compound, q_compound = "quoted", nan, compound
    else:
        voice, n_compound, q_compound = "mixed", n_scores[0], q_scores[0]
    return _sentence_sentiment(
        sentence.index, start, end, compound, pos, neu, neg, voice, kind,
        n_words, q_words, n_compound, q_compound,
    )


def _score_sentences(doc: Document) -> tuple[SentenceSentiment, ...]:
    """Scores of every sentence of ``doc`` except attribution lines of embedded posts.

    Most sentences meet no quotation: the sorted quoted intervals tell that with one
    binary search per sentence, and such a sentence (all narrator, or an embedded
    post's, all quoted) is scored once, its word count taken from VADER's pass over
    it. The others go through :func:`_score_sentence`. Typographic marks are mapped to
    ASCII once for the whole source (one character for one, so offsets hold), not
    once per sentence and part.
    """
    kinds = {p.index: p.kind for p in doc.paragraphs}
    quoted = doc.quoted_intervals()
    source = doc.source
    ascii_source = _normalise(source)
    score = _scorer()
    free = _quote_free(quoted)
    letter = _LETTER.search
    nan = math.nan
    scored = []
    append = scored.append
    for sentence in doc.sentences:
        kind = kinds.get(sentence.paragraph, "body")
        if kind == "embed_attribution":
            continue
        text = sentence.text
        start, end = sentence.start, sentence.end
        # The direct path needs the sentence to be its slice of the source (as
        # documented; a hand-built Document may differ) and to meet no quotation.
        if (
            (kind == "embed" or (free is not None and free(start, end)))
            and source[start:end] == text
            and letter(text)
        ):
            compound, pos, neu, neg, words = score(ascii_source[start:end])
            if words < 0:
                words = _count_words(text)
            if kind == "embed":  # someone else's voice, all of it
                append(_sentence_sentiment(sentence.index, start, end, compound, pos, neu,
                                           neg, "quoted", kind, 0, words, nan, compound))
            else:
                append(_sentence_sentiment(sentence.index, start, end, compound, pos, neu,
                                           neg, "narrator", kind, words, 0, compound, nan))
        else:
            append(_score_sentence(source, ascii_source, sentence, kind, quoted, score))
    return tuple(scored)


# --------------------------------------------------------------------------- aggregates


def _mean(values: Sequence[float]) -> float:
    return math.fsum(values) / len(values) if values else math.nan


def _split_scores(
    scored: Sequence[SentenceSentiment],
) -> tuple[list[float], list[float], list[tuple[float, float]], list[tuple[float, float]]]:
    """Inputs of the article means, in one pass over the scored sentences.

    Returns:
        The compounds of the headline sentences, those of the body sentences (both
        without NaN: unscored sentences), and the ``(compound, weight)`` pairs of the
        body's narrator parts and quoted parts, weighted by their share of the
        sentence's words (:attr:`SentenceSentiment.narrator_weight`, computed inline).
    """
    isnan = math.isnan
    head: list[float] = []
    values: list[float] = []
    narrator: list[tuple[float, float]] = []
    quoted: list[tuple[float, float]] = []
    for s in scored:
        compound = s.compound
        if isnan(compound):
            continue
        if s.kind == "headline":
            head.append(compound)
            continue
        values.append(compound)
        n_words, q_words = s.narrator_words, s.quoted_words
        if n_words:
            narrator.append((s.narrator_compound, n_words / (n_words + q_words)))
        if q_words:
            quoted.append((s.quoted_compound, 1.0 - n_words / (n_words + q_words)))
    return head, values, narrator, quoted


def _weighted_mean(pairs: Sequence[tuple[float, float]]) -> tuple[float, float]:
    """Weighted mean of ``(value, weight)`` pairs and the total weight (NaN when 0)."""
    total = math.fsum(w for _, w in pairs)
    if total <= 0:
        return math.nan, 0.0
    return math.fsum(v * w for v, w in pairs) / total, total


#: Smallest block of uniform draws generated for the bootstrap (see _uniform_draws).
_MIN_DRAWS = 1 << 16
#: Largest block kept between calls (32 MB); a longer article (over 4,194 sentences at
#: 1,000 resamples) draws its own, so one huge input never stays in memory.
_MAX_CACHED_DRAWS = 1 << 22


@lru_cache(maxsize=8)
def _uniform_draws(seed: int, size: int) -> Any:
    """The first ``size`` uniform draws of ``numpy.random.default_rng(seed)`` (read-only).

    ``Generator.random(shape)`` fills its array in C order from one stream, one 64-bit
    output per double, so the first ``r * n`` values of this block reshaped to
    ``(r, n)`` are exactly ``default_rng(seed).random((r, n))``. Every article uses the
    same seed, so the block is generated once per process instead of once per article
    (generating the draws was two thirds of the bootstrap's time). ``size`` is a power
    of two from ``_MIN_DRAWS`` to ``_MAX_CACHED_DRAWS``: at most 64 MB for all seven
    sizes (8 MB for the longest MBIC article).
    """
    import numpy as np

    draws = np.random.default_rng(seed).random(size)
    draws.flags.writeable = False
    return draws


def _bootstrap_interval(values: Sequence[float], resamples: int, seed: int) -> tuple[float, float]:
    """Percentile bootstrap 95% interval of the mean (Efron and Tibshirani 1993).

    ``resamples`` resamples of ``len(values)`` draws with replacement; indexes are
    ``floor(u * n)`` of the uniforms ``u = numpy.random.default_rng(seed).random((resamples,
    n))`` (deterministic; about 3x faster than ``rng.integers``; the uniforms are cut from
    a block cached per seed, see :func:`_uniform_draws`); the interval is the 2.5th and
    97.5th percentiles (linear interpolation) of the resample means. NaN for fewer than
    two values.
    """
    n = len(values)
    if n < 2:
        return math.nan, math.nan
    import numpy as np

    data = np.asarray(values, dtype=float)
    count = resamples * n
    size = max(_MIN_DRAWS, 1 << (count - 1).bit_length())
    if size <= _MAX_CACHED_DRAWS:
        block = _uniform_draws(seed, size)
    else:
        block = np.random.default_rng(seed).random(count)
    # u * n computed in float64 and truncated to intp on the way out: the same values
    # as (u * n).astype(np.intp), without the intermediate float array
    index = np.empty((resamples, n), dtype=np.intp)
    np.multiply(block[:count].reshape(resamples, n), n, out=index, casting="unsafe")
    means = data.take(index).sum(axis=1) / n
    if not np.isfinite(data).all():
        low, high = np.percentile(means, [2.5, 97.5])
        return float(low), float(high)
    low, high = _percentiles(means, (2.5, 97.5))
    return low, high


def _percentiles(sample: Any, percents: Sequence[float]) -> list[float]:
    """``numpy.percentile(sample, percents)`` (method "linear") of a finite 1-D array.

    The same arithmetic as numpy's ``_quantile``: virtual index ``(m - 1) * (p / 100)``,
    its floor and the next rank of the sorted sample, then numpy's ``_lerp``
    (``a + (b - a) * g``, or ``b - (b - a) * (1 - g)`` when ``g >= 0.5``), in float64
    (Python floats are IEEE doubles too). About 10x faster than ``numpy.percentile``,
    whose fixed cost per call was a fifth of the bootstrap's time; the equality is
    tested on random samples (tests/test_sentiment_speed.py).
    """
    import numpy as np

    m = sample.shape[0]
    spots = []
    for percent in percents:
        virtual = (m - 1) * (percent / 100)
        previous = math.floor(virtual)
        if virtual >= m - 1:
            previous = following = m - 1
        elif virtual < 0:
            previous = following = 0
        else:
            following = previous + 1
        spots.append((virtual - previous, previous, following))
    # A full sort (vectorised in numpy >= 2) is several times faster here than
    # np.partition, which slows down on the many tied means of short articles.
    ranked = np.sort(sample)
    result = []
    for gamma, previous, following in spots:
        a, b = float(ranked[previous]), float(ranked[following])
        diff = b - a
        result.append(b - diff * (1 - gamma) if gamma >= 0.5 else a + diff * gamma)
    return result


def _resolve_actors(actors: Any) -> tuple[Any, ...]:
    """Actor groups from ``None`` (built-in file), a path, or an iterable of groups."""
    if actors is None or isinstance(actors, (str, PathLike)):
        from framing.actors import load_actors

        return tuple(load_actors() if actors is None else load_actors(actors))
    try:
        groups = tuple(actors)
    except TypeError:
        raise InputError(
            f"actors: expected None, a path to an actors TOML file or an iterable of "
            f"ActorGroup, got {type(actors).__name__}"
        ) from None
    for group in groups:
        if not isinstance(getattr(group, "name", None), str):
            raise InputError(
                f"actors: every item must be an ActorGroup with a str .name, got {group!r}"
            )
    return groups


def _actor_sentiment(
    doc: Document,
    groups: tuple[Any, ...],
    compounds: Mapping[int, float],
    found: Sequence[Any] | None = None,
) -> tuple[ActorSentiment, ...]:
    """Mean compound of the scored sentences mentioning each group (co-occurrence)."""
    from framing.actors import find_actor_mentions

    if found is None:
        found = find_actor_mentions(doc, actors=groups)
    mentions: dict[str, int] = {g.name: 0 for g in groups}
    sentences: dict[str, set[int]] = {g.name: set() for g in groups}
    for mention in found:
        if mention.group not in mentions:
            continue
        mentions[mention.group] += 1
        if mention.sentence is not None and not math.isnan(compounds.get(mention.sentence, math.nan)):
            sentences[mention.group].add(mention.sentence)
    return tuple(
        ActorSentiment(
            actor=g.name,
            mentions=mentions[g.name],
            sentences=len(sentences[g.name]),
            sentiment_mean=_mean([compounds[i] for i in sorted(sentences[g.name])]),
        )
        if mentions[g.name]
        else _unmentioned(g.name)
        for g in groups
    )


@lru_cache(maxsize=1024)
def _unmentioned(actor: str) -> ActorSentiment:
    """The entry of a group with no mention (frozen, so one object serves every article:
    most groups of the actor set are absent from most articles)."""
    return ActorSentiment(actor=actor, mentions=0, sentences=0, sentiment_mean=math.nan)


def score_sentiment(
    doc: Document,
    *,
    actors: Any = None,
    resamples: int = BOOTSTRAP_RESAMPLES,
    seed: int = BOOTSTRAP_SEED,
    mentions: Sequence[Any] | None = None,
) -> SentimentScores:
    """Score a parsed article's sentiment sentence by sentence with VADER.

    VADER (Hutto and Gilbert 2014) scores each sentence of ``doc``; never the whole
    article. Headline sentences give ``headline`` only; body sentences and the text of
    embedded posts give ``mean``, the shares and the interval; attribution lines of
    embedded posts and sentences without a letter are not scored. Narrator and quoted
    voices come from ``doc.quoted_intervals()`` (see the module docstring).

    Args:
        doc: A Document from :func:`framing.parse`.
        actors: Actor groups for actor sentiment: None for the built-in
            ``framing/data/actors.toml``, a path to a TOML file, or ActorGroup objects.
        resamples: Bootstrap resamples for the interval of the mean (>= 100).
        seed: Seed of ``numpy.random.default_rng`` for the bootstrap.
        mentions: The mentions of ``actors`` in ``doc`` when already found with
            :func:`framing.actors.find_actor_mentions` (found here when None), so that
            :func:`framing.score` searches once for sentiment and word choice.

    Returns:
        :class:`SentimentScores`. Compound means lie in -1..+1 (higher = more positive),
        shares in 0..1; undefined values are NaN and flagged
        (``sentiment_no_sentences``, ``sentiment_single_sentence``), never 0.

    Raises:
        InputError: ``doc`` is not a Document, ``actors`` is of the wrong type, or
            ``resamples`` is below 100.
    """
    if not isinstance(doc, Document):
        raise InputError(
            f"doc: expected framing.Document (from framing.parse), got {type(doc).__name__}"
        )
    if not isinstance(resamples, int) or resamples < 100:
        raise InputError(f"resamples: expected an int >= 100, got {resamples!r}")
    scored = _score_sentences(doc)
    head, values, narrator_pairs, quoted_pairs = _split_scores(scored)
    flags: list[str] = []
    if not values:
        flags.append("sentiment_no_sentences")
    elif len(values) == 1:
        flags.append("sentiment_single_sentence")
    n = len(values)
    narrator, n_weight = _weighted_mean(narrator_pairs)
    quoted_mean, q_weight = _weighted_mean(quoted_pairs)
    # counted with C-level comparisons; the values hold no NaN, so every value is
    # positive (>= 0.05), negative (<= -0.05) or neutral (in between), one of the three
    n_positive = sum(map(POSITIVE_THRESHOLD.__le__, values))
    n_negative = sum(map(NEGATIVE_THRESHOLD.__ge__, values))
    ci_low, ci_high = _bootstrap_interval(values, resamples, seed)
    groups = _resolve_actors(actors)
    actor_scores = (
        _actor_sentiment(doc, groups, {s.index: s.compound for s in scored}, mentions)
        if groups
        else ()
    )
    return SentimentScores(
        sentences=scored,
        actors=actor_scores,
        flags=tuple(flags),
        mean=_mean(values),
        narrator=narrator,
        quoted=quoted_mean,
        headline=_mean(head),
        share_positive=n_positive / n if n else math.nan,
        share_negative=n_negative / n if n else math.nan,
        share_neutral=(n - n_positive - n_negative) / n if n else math.nan,
        ci_low=ci_low,
        ci_high=ci_high,
        narrator_weight=n_weight,
        quoted_weight=q_weight,
    )


# --------------------------------------------------------------------------- tables


def _iter_items(items: Any) -> Iterable[tuple[Any, Any]]:
    """``(article id, item)`` pairs from one item, a mapping or an iterable."""
    if isinstance(items, (SentimentScores, Document)) or hasattr(items, "sentiment"):
        return [(_item_id(items, 0), items)]
    if isinstance(items, Mapping):
        return list(items.items())
    try:
        return [(_item_id(item, i), item) for i, item in enumerate(items)]
    except TypeError:
        raise InputError(
            f"items: expected SentimentScores, ArticleScores, Document, a mapping of id to "
            f"those, or an iterable of them; got {type(items).__name__}"
        ) from None


def _item_id(item: Any, position: int) -> Any:
    article = getattr(item, "article", None)
    return getattr(article, "id", position) if article is not None else position


def _as_sentiment(item: Any, actors: Any) -> SentimentScores:
    if isinstance(item, SentimentScores):
        return item
    if isinstance(item, Document):
        return score_sentiment(item, actors=actors)
    sentiment = getattr(item, "sentiment", None)
    if isinstance(sentiment, SentimentScores):
        return sentiment
    raise InputError(
        f"items: each item must be SentimentScores, ArticleScores or Document, "
        f"got {type(item).__name__}"
    )


def actor_sentiment_table(
    items: Any, *, actors: Any = None, include_absent: bool = False
) -> pd.DataFrame:
    """Long table of actor sentiment: one row per (article, actor group).

    Args:
        items: One :class:`SentimentScores` / ``ArticleScores`` / Document, a mapping of
            article id to those, or an iterable of them (ids taken from
            ``ArticleScores.article.id``, else the position).
        actors: Actor groups used when a Document has to be scored (see
            :func:`score_sentiment`).
        include_absent: Also list groups with no mention (``mentions == 0``, NaN mean).

    Returns:
        A DataFrame with columns ``article, actor, mentions, sentences, sentiment_mean``
        (mean compound of the sentences mentioning the group, -1..+1).
    """
    import pandas as pd

    rows = []
    for article_id, item in _iter_items(items):
        for actor in _as_sentiment(item, actors).actors:
            if actor.mentions or include_absent:
                rows.append({
                    "article": article_id,
                    "actor": actor.actor,
                    "mentions": actor.mentions,
                    "sentences": actor.sentences,
                    "sentiment_mean": actor.sentiment_mean,
                })
    columns = ["article", "actor", "mentions", "sentences", "sentiment_mean"]
    return pd.DataFrame(rows, columns=columns)
