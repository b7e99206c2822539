"""A faster VADER that reproduces vaderSentiment 3.3.2's scores exactly.

VADER (Hutto and Gilbert 2014) is the bottleneck of scoring sentiment sentence by
sentence. vaderSentiment spends most of its time on work that does not change the
result: a per-character Python loop looking for emoji in every text (even pure ASCII),
and, for every lexicon word, re-lower-casing the whole sentence several times (in the
negation and idiom checks). This module applies the same rules, in the same order, with
the same floating-point operations, but lower-cases each sentence once, skips the
emoji loop for ASCII text, finds with C-level set tests the sentences that hold no
lexicon word (a third of news sentences: compound 0, all neutral), and gives a lexicon
word with no booster, negator or idiom near it its lexicon value without the full rule
chain (see :func:`_score_words` for why that is exact). The lexicon, the emoji lexicon
and the rule constants (negators, boosters, special idioms, scalars) are read from the
installed vaderSentiment package, not copied.

Agreement is exact (same ``compound``, ``pos``, ``neu`` and ``neg``, already rounded by
VADER to 4 and 3 decimals) on all 9,390 texts of VADER's own ground truth
(``benchmarks/sentiment_speed.py --agreement``) and is re-checked at run time by
:func:`agrees_with_reference` before :mod:`framing.sentiment` uses it.
"""

from __future__ import annotations

import logging
import math
import string
from dataclasses import dataclass
from functools import cache
from itertools import compress, count, pairwise, repeat
from operator import is_not
from typing import Any

__all__ = [
    "PROBES",
    "REPRODUCED_VERSION",
    "agrees_with_reference",
    "polarity_and_words",
    "polarity_scores",
]

logger = logging.getLogger(__name__)

#: The vaderSentiment release whose rules this module reproduces.
REPRODUCED_VERSION = "3.3.2"

#: Sentences that exercise every rule (checked against vaderSentiment at run time).
PROBES = (
    "VADER is smart, handsome, and funny.",
    "VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!",
    "VADER is not smart, handsome, nor funny.",
    "At least it isn't a horrible book.",
    "The book was only kind of good.",
    "The plot was good, but the characters are uncompelling and the dialog is not great.",
    "Today only kinda sux! But I'll get by, lol",
    "Make sure you :) or :D today!",
    "Catch utf-8 emoji such as \U0001F498 and \U0001F48B and \U0001F601",
    "Not bad at all",
    "Sentiment analysis has never been this good!",
    "With VADER, sentiment analysis is the shit!",
    "On the other hand, VADER is quite bad ass",
    "Without a doubt, excellent idea.",
    "Roger Dodger is one of the least compelling variations on this theme.",
    "No good, no bad, no or nor happy??",
    "Good good good but bad bad, but GOOD?? ????",
    "It was sort of kind of just enough to die for, yeah right.",
)

_PUNCT = string.punctuation
#: KELVIN SIGN, the one character that lower-cases to an ASCII letter without changing
#: length (see :func:`polarity_and_words`).
_KELVIN = "\u212a"

#: ``(compound, pos, neu, neg, chunks)``, see :func:`polarity_and_words`.
_Scores = tuple[float, float, float, float, int]
#: Scores of a text with no word at all (no chunk either).
_EMPTY: _Scores = (0.0, 0.0, 0.0, 0.0, 0)
#: ``10**d`` for the rounding of the scores (see :func:`_round`).
_TEN_POWERS = (1, 10, 100, 1000, 10000)
_SCALES = tuple(map(float, _TEN_POWERS))


@dataclass(frozen=True, slots=True)
class _Tables:
    lexicon: dict[str, float]
    emojis: dict[str, str]
    emoji_chars: frozenset[str]
    negate: frozenset[str]
    boosters: dict[str, float]
    special: dict[str, float]
    b_incr: float
    c_incr: float
    n_scalar: float
    hit_keys: frozenset[str]
    context_words: frozenset[str]
    idiom_pairs: frozenset[tuple[str, str]]
    idiom_words: frozenset[str]
    long_keys: frozenset[str]
    short_keys: frozenset[str]
    blockers: frozenset[str]
    token_blockers: frozenset[str]


@cache
def _tables() -> _Tables:
    """Lexicons and rule constants of the installed vaderSentiment, loaded once."""
    from vaderSentiment import vaderSentiment as vs

    analyser = vs.SentimentIntensityAnalyzer()  # its own loader: identical dictionaries
    # vaderSentiment replaces emoji one character at a time, so only 1-character keys match
    single = sorted(k for k in analyser.emojis if len(k) == 1)
    boosters = dict(vs.BOOSTER_DICT)
    negate = frozenset(vs.NEGATE)
    # Adjacent word pairs of the multi-word idioms and booster n-grams: an idiom rule
    # can only fire where one of these pairs occurs in the sentence.
    phrases = [k.split() for k in (*vs.SPECIAL_CASES, *boosters) if " " in k]
    pairs = frozenset(pair for words in phrases for pair in pairwise(words))
    common = {"the", "of", "to", "for", "just", "right", "bad"}
    hit_keys = frozenset(analyser.lexicon).difference(boosters)
    context_words = frozenset(boosters) | negate | {"no", "so", "this", "least"}
    idiom_words = frozenset(b if b not in common else a for a, b in pairs)
    short_keys = frozenset(k for k in hit_keys if len(k.strip(_PUNCT)) <= 2)
    blockers = context_words | idiom_words | {"kind", "but"}
    return _Tables(
        lexicon=dict(analyser.lexicon),
        emojis=dict(analyser.emojis),
        emoji_chars=frozenset(single),
        negate=negate,
        boosters=boosters,
        special=dict(vs.SPECIAL_CASES),
        b_incr=vs.B_INCR,
        c_incr=vs.C_INCR,
        n_scalar=vs.N_SCALAR,
        hit_keys=hit_keys,
        # Words that change a lexicon word's valence from up to three places before it
        # (boosters, negators, "no", "so"/"this", "least"; see _score_words).
        context_words=context_words,
        idiom_pairs=pairs,
        # one word of every pair that is not a common word: without any of them in a
        # sentence, no pair can occur (a cheap set test before the pair test)
        idiom_words=idiom_words,
        # A word is scored as its punctuation-stripped core when that has more than two
        # characters, else as written (_strip_punc_if_word): it is a lexicon word exactly
        # when its core is one of the long keys or the word as written one of the keys
        # whose own core is that short (see polarity_and_words).
        long_keys=frozenset(k for k in hit_keys if len(k) > 2),
        short_keys=short_keys,
        # Words that can make a lexicon word's valence differ from its lexicon value
        # (besides capitals): context words, idiom words, "kind" (of), "but".
        blockers=blockers,
        token_blockers=blockers | short_keys,
    )


def _replace_emoji(text: str, emojis: dict[str, str]) -> str:
    """Emoji to their descriptions, exactly as vaderSentiment does (only for non-ASCII)."""
    out = []
    prev_space = True
    for ch in text:
        description = emojis.get(ch)
        if description is not None:
            if not prev_space:
                out.append(" ")
            out.append(description)
            prev_space = False
        else:
            out.append(ch)
            prev_space = ch == " "
    return "".join(out)


def _negated(word: str, negate: frozenset[str]) -> bool:
    return word in negate or "n't" in word


def _scalar(word: str, lower: str, valence: float, cap_diff: bool, t: _Tables) -> float:
    """Booster/dampener scalar of a preceding word (vaderSentiment's scalar_inc_dec)."""
    scalar = t.boosters.get(lower)
    if scalar is None:
        return 0.0
    if valence < 0:
        scalar *= -1
    if cap_diff and word.isupper():
        scalar = scalar + t.c_incr if valence > 0 else scalar - t.c_incr
    return scalar


def _idioms(valence: float, lw: list[str], i: int, t: _Tables) -> float:
    """vaderSentiment's _special_idioms_check (called with i >= 3)."""
    w0, w1, w2, w3 = lw[i], lw[i - 1], lw[i - 2], lw[i - 3]
    onezero = f"{w1} {w0}"
    twoonezero = f"{w2} {w1} {w0}"
    twoone = f"{w2} {w1}"
    threetwoone = f"{w3} {w2} {w1}"
    threetwo = f"{w3} {w2}"
    special = t.special
    for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
        if seq in special:
            valence = special[seq]
            break
    n = len(lw)
    if n - 1 > i:
        zeroone = f"{w0} {lw[i + 1]}"
        if zeroone in special:
            valence = special[zeroone]
    if n - 1 > i + 1:
        zeroonetwo = f"{w0} {lw[i + 1]} {lw[i + 2]}"
        if zeroonetwo in special:
            valence = special[zeroonetwo]
    boosters = t.boosters
    for n_gram in (threetwoone, threetwo, twoone):
        if n_gram in boosters:
            valence = valence + boosters[n_gram]
    return valence


def _negation(valence: float, lw: list[str], start_i: int, i: int, t: _Tables) -> float:
    """vaderSentiment's _negation_check."""
    if start_i == 0:
        if _negated(lw[i - 1], t.negate):
            valence = valence * t.n_scalar
    elif start_i == 1:
        if lw[i - 2] == "never" and (lw[i - 1] == "so" or lw[i - 1] == "this"):
            valence = valence * 1.25
        elif lw[i - 2] == "without" and lw[i - 1] == "doubt":
            pass
        elif _negated(lw[i - 2], t.negate):
            valence = valence * t.n_scalar
    else:
        if (lw[i - 3] == "never" and (lw[i - 2] == "so" or lw[i - 2] == "this")) or (
            lw[i - 1] == "so" or lw[i - 1] == "this"
        ):
            valence = valence * 1.25
        elif lw[i - 3] == "without" and (lw[i - 2] == "doubt" or lw[i - 1] == "doubt"):
            pass
        elif _negated(lw[i - 3], t.negate):
            valence = valence * t.n_scalar
    return valence


def _valence(
    words: list[str], lw: list[str], i: int, cap_diff: bool, t: _Tables, idioms: bool = True
) -> float:
    """Valence of the lexicon word at ``i`` (vaderSentiment's sentiment_valence).

    ``idioms`` False says that no adjacent pair of ``lw`` belongs to an idiom or booster
    n-gram (``_Tables.idiom_pairs``): then the idiom check, which only looks up
    space-joined runs of adjacent words, finds nothing and is skipped.
    """
    lex = t.lexicon
    item_lower = lw[i]
    valence = lex[item_lower]
    n = len(lw)
    if item_lower == "no" and i != n - 1 and lw[i + 1] in lex:
        valence = 0.0
    if (i > 0 and lw[i - 1] == "no") or (i > 1 and lw[i - 2] == "no") or (
        i > 2 and lw[i - 3] == "no" and lw[i - 1] in ("or", "nor")
    ):
        valence = lex[item_lower] * t.n_scalar
    if cap_diff and words[i].isupper():
        valence = valence + t.c_incr if valence > 0 else valence - t.c_incr
    for start_i in range(3):
        j = i - (start_i + 1)
        if j >= 0 and lw[j] not in lex:
            s = _scalar(words[j], lw[j], valence, cap_diff, t)
            if start_i == 1 and s != 0:
                s = s * 0.95
            if start_i == 2 and s != 0:
                s = s * 0.9
            valence = valence + s
            valence = _negation(valence, lw, start_i, i, t)
            if start_i == 2 and idioms:
                valence = _idioms(valence, lw, i, t)
    # "least" as negation (vaderSentiment's _least_check)
    if i > 1 and lw[i - 1] not in lex and lw[i - 1] == "least":
        if lw[i - 2] != "at" and lw[i - 2] != "very":
            valence = valence * t.n_scalar
    elif i > 0 and lw[i - 1] not in lex and lw[i - 1] == "least":
        valence = valence * t.n_scalar
    return valence


def _but_check(lw: list[str], sentiments: list[Any]) -> list[Any]:
    """vaderSentiment's _but_check, with its quirk kept.

    vaderSentiment walks the list and, for each value, rescales the *first* element equal
    to it (``list.index``): halved before the first "but", times 1.5 after it. A repeated
    valence therefore rescales the earlier occurrence again. Zeros stay zero whatever
    happens to them, so the walk is replayed over the non-zero entries only.
    """
    bi = lw.index("but")
    nonzero = [i for i, s in enumerate(sentiments) if s != 0]
    for k in nonzero:
        value = sentiments[k]
        si = next(j for j in nonzero if sentiments[j] == value)
        if si < bi:
            sentiments[si] = value * 0.5
        elif si > bi:
            sentiments[si] = value * 1.5
    return sentiments


def _score_valence(values: list[float], n: int, text: str, chunks: int) -> _Scores:
    """vaderSentiment's score_valence: compound, then the three shares, rounded alike.

    Args:
        values: The valences of the sentence's lexicon words, in word order (all other
            words have valence 0, which changes none of the sums below).
        n: Number of words of the sentence (> 0).
        text: The sentence (for its "!" and "?").
        chunks: Passed through as the last item (see :func:`polarity_and_words`).

    Returns:
        ``(compound, pos, neu, neg, chunks)``: the four scores, from the same
        floating-point operations in the same order as over the full per-word list:
        ``sum`` adds the other words' integer zeros as 0.0,
        which leaves a running float sum unchanged (it is never -0.0 after the first
        float is added to the integer start 0).
    """
    sum_s = float(sum(values))
    # vaderSentiment's punctuation emphasis: "!" adds 0.292 each (at most 4), two or
    # three "?" add 0.18 each, more add 0.96
    punct = min(text.count("!"), 4) * 0.292
    qm_count = text.count("?")
    if qm_count > 1:
        punct = punct + (qm_count * 0.18 if qm_count <= 3 else 0.96)
    if sum_s > 0:
        sum_s += punct
    elif sum_s < 0:
        sum_s -= punct
    compound = sum_s / math.sqrt((sum_s * sum_s) + 15)
    # max(-1.0, min(1.0, compound)) by comparisons (the sum is finite, never NaN)
    if compound > 1.0:
        compound = 1.0
    elif compound < -1.0:
        compound = -1.0
    # every value is a float, so float(score) is the value itself
    pos_sum = 0.0
    neg_sum = 0.0
    neu_count = n
    for score in values:
        if score > 0:
            pos_sum += score + 1
            neu_count -= 1
        elif score < 0:
            neg_sum += score - 1
            neu_count -= 1
    abs_neg = -neg_sum  # neg_sum <= 0, so this compares as math.fabs(neg_sum) does
    if pos_sum > abs_neg:
        pos_sum += punct
    elif pos_sum < abs_neg:
        neg_sum -= punct
    total = pos_sum + math.fabs(neg_sum) + neu_count
    # pos_sum and neu_count are >= 0 and total > 0: their shares are never negative
    # (nor -0.0), so math.fabs would return them unchanged. A share whose sum is zero
    # (no positive or no negative word: most sentences) is 0.0 / total = 0.0, which
    # round() returns unchanged but slowly: it is given directly. (pos_sum only grows
    # from 0.0, by more than 1 or by the emphasis when already positive; neg_sum only
    # falls from 0.0 likewise: neither is -0.0.)
    return (
        _round(compound, 4),
        _round(pos_sum / total, 3) if pos_sum else 0.0,
        _round(neu_count / total, 3) if neu_count else 0.0,
        _round(math.fabs(neg_sum / total), 3) if neg_sum else 0.0,
        chunks,
    )


def _round(x: float, digits: int, floor: Any = math.floor) -> float:
    """``round(x, digits)`` for ``|x| <= 1`` and ``digits`` 3 or 4, three to four times
    faster away from ties (VADER rounds every score it returns).

    ``round`` rounds the exact value of ``x * 10**digits`` to the nearest integer ``k``
    (ties to even) and returns the double nearest to ``k / 10**digits``. The computed
    product ``y`` is off the exact one by at most half an ulp (under 1e-12 for
    ``|y| <= 10**4``), so when ``y`` lies more than 1e-9 from every half-integer,
    ``floor(y + 0.5)`` is that same ``k``, and ``k / 10**digits`` (int by int, which
    Python rounds correctly) is the same double. Near a tie, and for ``k == 0``
    (``round`` gives -0.0 for a small negative ``x``), ``round`` itself decides.
    Checked against ``round`` on random values, exact ties, the decimals' midpoints and
    their neighbours (tests/test_sentiment_construction.py).
    """
    y = x * _SCALES[digits]
    k = floor(y + 0.5)
    if k and -0.499999999 < y - k < 0.499999999:
        return k / _TEN_POWERS[digits]
    return round(x, digits)


def polarity_scores(text: str) -> dict[str, float]:
    """VADER scores of ``text``, equal to vaderSentiment 3.3.2's ``polarity_scores``.

    Args:
        text: One sentence (VADER is designed and validated on sentences).

    Returns:
        ``{"neg", "neu", "pos", "compound"}``: compound in -1..+1 (higher = more positive,
        >= 0.05 positive, <= -0.05 negative; Hutto and Gilbert 2014), shares in 0..1.
    """
    compound, pos, neu, neg, _ = polarity_and_words(text)
    return {"neg": neg, "neu": neu, "pos": pos, "compound": compound}


def polarity_and_words(text: str) -> _Scores:
    """VADER scores of ``text`` as a tuple, with its word count when that comes free.

    The scores of :func:`polarity_scores` without building a dict (what
    :mod:`framing.sentiment` calls for every sentence), plus the number of
    whitespace-separated chunks of ``text`` that hold a letter or digit (the word
    count of :mod:`framing.sentiment`) when ``text`` is printable ASCII: there a
    chunk holds a letter or digit exactly when stripping ASCII punctuation leaves
    something, which the scorer computes anyway (``str.split`` and the regular
    expression ``\\S`` split at the same whitespace). Otherwise the count is -1
    (unknown).

    Args:
        text: One sentence.

    Returns:
        ``(compound, pos, neu, neg, chunks)``: the scores as in :func:`polarity_scores`
        and the chunk count (>= 0) or -1.
    """
    t = _tables()
    if text.isascii():
        countable = text.isprintable()
        caps_visible = True
    else:
        countable = False
        if not t.emoji_chars.isdisjoint(text):  # every emoji key is non-ASCII
            text = _replace_emoji(text, t.emojis)
        # Only U+0130 and the Kelvin sign lower-case to ASCII letters; U+0130 changes
        # length in lower case (the other path below), so without the Kelvin sign a word
        # that lower-cases to ASCII letters is written in ASCII letters, and it is in
        # capitals exactly when its upper-case form occurs in the text (see _score_words).
        caps_visible = _KELVIN not in text
    # vaderSentiment strips the text's outer whitespace; split() ignores it, and the
    # punctuation emphasis only counts "!" and "?", so the text is used unstripped.
    lower = text.lower()
    if len(lower) == len(text):
        # No character changed length in lower case (only U+0130 does), so lower-casing
        # the text once and splitting it gives each word lower-cased, and stripping ASCII
        # punctuation from a lower-cased word removes the same characters as from the
        # word as written (no character lower-cases to ASCII punctuation).
        tokens = lower.split()
        if not tokens:
            return _EMPTY
        # C-level map and set tests: a third of news sentences hold no lexicon word at
        # all (as a stripped word or as written), and are done here.
        cores = list(map(str.strip, tokens, repeat(_PUNCT)))
        chunks = len(cores) - cores.count("") if countable else -1
        # A word counts as its core when that is longer than two characters, else as
        # written: no long key among the cores and no short key among the words as
        # written is exactly "no lexicon word" (see _Tables.long_keys).
        # (token_blockers holds the short keys: one pass over the words for both tests)
        unblocked = t.token_blockers.isdisjoint(tokens)
        if t.long_keys.isdisjoint(cores) and (unblocked or t.short_keys.isdisjoint(tokens)):
            return (0.0, 0.0, 1.0, 0.0, chunks)  # words, none in the lexicon: all neutral
        if unblocked and caps_visible and "n't" not in lower and t.blockers.isdisjoint(cores):
            # Half the sentences with lexicon words have no word near which a rule
            # could fire (no context or idiom word, "kind" or "but" as core or as
            # written, no short key): every lexicon word is a core among the long keys
            # and scores its lexicon value unless written in capitals (see
            # _score_words), which it is not when its upper-case form is nowhere in
            # the text (caps_visible). All C-level: no per-word Python loop.
            found = list(filter(t.long_keys.__contains__, cores))
            for word in found:
                if word.upper() in text:
                    break  # maybe in capitals: the general path decides
            else:
                return _score_valence(list(map(t.lexicon.__getitem__, found)), len(tokens),
                                      text, chunks)
        # vaderSentiment's _strip_punc_if_word: keep the word when stripping leaves <= 2
        # chars. A word is its core (the same object: str.strip returns its string when
        # it strips nothing) but where stripping removed something, in C-level passes.
        lw = cores
        for i in compress(count(), map(is_not, cores, tokens)):
            if len(cores[i]) <= 2:
                lw[i] = tokens[i]
        plain_ok = "n't" not in lower
    else:
        words = [tok if len(s := tok.strip(_PUNCT)) <= 2 else s for tok in text.split()]
        if not words:
            return _EMPTY
        lw = [w.lower() for w in words]
        lower = " ".join(lw)  # holds every word of lw, as _score_words needs
        plain_ok = False
        chunks = -1
    return _score_words(text, lower, lw, plain_ok, caps_visible, t, chunks)


def _score_words(
    text: str,
    lower: str,
    lw: list[str],
    plain_ok: bool,
    caps_visible: bool,
    t: _Tables,
    chunks: int,
) -> _Scores:
    """Scores from the lower-cased, stripped words ``lw`` of ``text`` (and ``chunks``);
    ``lower`` holds every word of ``lw`` as a substring (the lower-cased text).

    Most lexicon words of news text have no booster, negator or idiom near them, and
    their valence is the lexicon value with at most the capitals rule applied. A word
    takes that short path when none of the three words before it is a context word
    (booster, negator, "no", "so", "this", "least"), it is not "no" itself, no word
    holds "n't" (``plain_ok``) and no idiom or booster n-gram pair occurs in the
    sentence: then every other rule of :func:`_valence` provably leaves the value
    unchanged (adding a booster scalar of 0.0 to a non-zero valence is exact, and no
    lexicon value is 0). All other words go through :func:`_valence`, which skips the
    idiom check when no such pair occurs. ``caps_visible`` says that a word of ``lw``
    is written in capitals only where its upper-case form occurs in ``text`` (true of
    ASCII text and of text without the Kelvin sign, see :func:`polarity_and_words`).
    """
    # one C-level pass for the lexicon words' places (no set intersection first)
    hits = list(compress(count(), map(t.hit_keys.__contains__, lw)))
    if not hits:
        return (0.0, 0.0, 1.0, 0.0, chunks)
    n = len(lw)
    # "kind of" is a dampener, not the lexicon word "kind"; only a lexicon word can be
    # dropped, so only the few lexicon words are searched for "kind"
    if "kind" in map(lw.__getitem__, hits):
        hits = [i for i in hits if not (lw[i] == "kind" and i < n - 1 and lw[i + 1] == "of")]
        if not hits:
            return (0.0, 0.0, 1.0, 0.0, chunks)
    # The words as written, for the capitals rules (str.isupper is the same on a word as
    # written and on it stripped of punctuation, which is uncased), split only on need:
    # with caps_visible a word written in capitals holds its lower-cased form
    # upper-cased (every lexicon word that can be found is ASCII), so a lexicon word
    # whose upper-case form is nowhere in the text is not in capitals (one substring
    # test instead of a second split of every sentence).
    words: list[str] | None = None
    cap_diff = None  # "some words in capitals, not all": counted on first need
    idioms = not t.idiom_words.isdisjoint(lw) and not t.idiom_pairs.isdisjoint(pairwise(lw))
    if idioms:
        plain_ok = False
    lex, context, c_incr = t.lexicon, t.context_words, t.c_incr
    no_context = plain_ok and context.isdisjoint(lw)  # most sentences: no test per word
    values = []
    for i in hits:
        w = lw[i]
        if plain_ok and w != "no" and (
            no_context or context.isdisjoint(lw[i - 3 if i > 3 else 0:i])
        ):
            # no rule but the capitals one can fire (see the docstring)
            valence = lex[w]
            if caps_visible and w.upper() not in text:
                pass  # not written in capitals
            else:
                if words is None:
                    words = text.split()
                if words[i].isupper():
                    if cap_diff is None:
                        cap_diff = 0 < n - sum(map(str.isupper, words)) < n
                    if cap_diff:
                        valence = valence + c_incr if valence > 0 else valence - c_incr
        else:
            if words is None:
                words = text.split()
            if cap_diff is None:
                cap_diff = 0 < n - sum(map(str.isupper, words)) < n
            valence = _valence(words, lw, i, cap_diff, t, idioms)
        values.append(valence)
    if "but" in lower and "but" in lw:  # a substring search first: "but" is rare
        sentiments: list[Any] = [0] * n
        for i, v in zip(hits, values):
            sentiments[i] = v
        sentiments = _but_check(lw, sentiments)
        values = [sentiments[i] for i in hits]
    return _score_valence(values, n, text, chunks)


@cache
def agrees_with_reference() -> bool:
    """True when the installed vaderSentiment is the reproduced release and every
    :data:`PROBES` sentence gets identical scores from both implementations."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        installed = version("vaderSentiment")
    except PackageNotFoundError:  # pragma: no cover - a hard dependency
        return False
    if installed != REPRODUCED_VERSION:
        logger.info("vaderSentiment %s installed; vader_fast reproduces %s",
                    installed, REPRODUCED_VERSION)
        return False
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    reference = SentimentIntensityAnalyzer()
    return all(polarity_scores(p) == reference.polarity_scores(p) for p in PROBES)
