"""The fast forms in sentiment scoring give exactly the plain computation's results.

* the bootstrap's uniform draws cut from one cached block per seed are numpy's draws
  for every shape;
* :func:`framing.sentiment._percentiles` is ``numpy.percentile`` (method "linear");
* the bootstrap interval is the plain formula (fresh generator, ``np.percentile``);
* :func:`framing.vader_fast.polarity_scores` agrees with vaderSentiment on hostile text
  (non-ASCII letters, case mappings that change length, curly quotes, emoji, idioms).
"""

from __future__ import annotations

import math
import random
import sys

import numpy as np
import pytest

from framing import vader_fast
from framing.sentiment import _bootstrap_interval, _percentiles, _uniform_draws


@pytest.mark.parametrize("seed", [2014, 7])
def test_cached_block_gives_numpys_draws_for_every_shape(seed):
    block = _uniform_draws(seed, 1 << 16)
    for rows, cols in [(100, 2), (2000, 3), (2000, 32), (777, 13), (1, 1)]:
        expected = np.random.default_rng(seed).random((rows, cols))
        assert np.array_equal(block[: rows * cols].reshape(rows, cols), expected)
    assert not block.flags.writeable


def test_percentiles_equal_numpy():
    rng = random.Random(3)
    for _ in range(2000):
        size = rng.randint(1, 3000)
        sample = np.random.default_rng(rng.randint(0, 1 << 30)).standard_normal(size)
        if rng.random() < 0.4:
            sample = np.round(sample, 1)  # many ties
        percents = [rng.choice([2.5, 97.5, 0.0, 100.0, 50.0, rng.uniform(0, 100)])
                    for _ in range(2)]
        assert _percentiles(sample, percents) == [float(x) for x in np.percentile(sample, percents)]
    # by hand: 0..10, 2.5th percentile at virtual index 10 * 0.025 = 0.25 -> 0.25
    assert _percentiles(np.arange(11.0), [2.5, 50.0]) == [0.25, 5.0]


def _plain_interval(values, resamples, seed):
    n = len(values)
    gen = np.random.default_rng(seed)
    index = (gen.random((resamples, n)) * n).astype(np.intp)
    means = np.asarray(values, dtype=float)[index].sum(axis=1) / n
    low, high = np.percentile(means, [2.5, 97.5])
    return float(low), float(high)


def test_bootstrap_interval_is_the_plain_formula_for_many_sizes():
    rng = random.Random(8)
    for n in (2, 3, 5, 33, 100, 401, 1200):
        for resamples, seed in ((2000, 2014), (100, 1), (537, 99)):
            values = [round(rng.uniform(-1, 1), 4) for _ in range(n)]
            assert _bootstrap_interval(values, resamples, seed) == _plain_interval(
                values, resamples, seed)
    # identical values: every resample mean is that value
    assert _bootstrap_interval([0.5] * 10, 2000, 2014) == (0.5, 0.5)


def test_bootstrap_interval_with_non_finite_values_is_numpys():
    values = [0.5, float("nan"), -0.2]
    low, high = _bootstrap_interval(values, 200, 1)
    plain = _plain_interval(values, 200, 1)
    assert np.isnan(low) and np.isnan(high) and np.isnan(plain[0]) and np.isnan(plain[1])


def test_lower_casing_preconditions_of_vader_fast():
    """vader_fast lower-cases a text once when no character changes length in lower
    case; it relies on no character other than ASCII punctuation lower-casing to ASCII
    punctuation, and on lower-casing never removing a character."""
    import string

    punctuation = set(string.punctuation)
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        lower = char.lower()
        assert len(lower) >= 1
        if char not in punctuation:
            assert not punctuation.intersection(lower), hex(code)


_HOSTILE = ["good", "bad", "not", "no", "never", "very", "but", "kind", "of", "the",
            "shit", "least", "this", "so", "without", "doubt", "kiss", "death", "n't",
            "isn't", "don\u2019t", "\u0130stanbul", "\u0130", "\u212aind", "\u03a3\u0391\u03a3",
            "\u00df", "GOOD", "BAD", ":)", ":D", "(:", "\U0001F601", "\u2014", "'", '"', "!",
            "?", ".", ",", "-", "a", "I", "ok", "no,", "(bad)", "'good'", "\u201cgreat\u201d",
            "sort", "yeah", "right", "bus", "stop", "to", "die", "for", "at", "or", "nor"]


def test_vader_fast_agrees_with_vadersentiment_on_hostile_text():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    reference = SentimentIntensityAnalyzer().polarity_scores
    rng = random.Random(11)
    texts = []
    for _ in range(4000):
        parts = [rng.choice(_HOSTILE) for _ in range(rng.randint(0, 14))]
        seps = [rng.choice([" ", " ", " ", "", "  ", "\t", "\n", "\u00a0"]) for _ in parts]
        texts.append("".join(p + s for p, s in zip(parts, seps)))
    wrong = [t for t in texts if repr(vader_fast.polarity_scores(t)) != repr(reference(t))]
    assert wrong == []


def test_word_count_is_the_chunks_holding_a_letter_or_digit():
    import re

    from framing.sentiment import _count_words

    plain = re.compile(r"\S*[^\W_]\S*")  # the whole chunk, backtracking to a letter
    rng = random.Random(12)
    alphabet = list("ab1_-.,'\"\u2014\u00e9\u0660 \t\n\u00a0\u3000") + ["  "]
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 25)))
        assert _count_words(text) == len(plain.findall(text)), repr(text)
    # by hand: "He said" 2, "-- _ 3." 1 ("3." holds a digit; "--" and "_" hold none)
    assert _count_words("He said") == 2
    assert _count_words("-- _ 3.") == 1


def test_draws_past_the_cached_size_are_not_kept(monkeypatch):
    # A bootstrap needing more draws than _MAX_CACHED_DRAWS draws its own (same values
    # as the plain formula) and leaves no block of that size in the cache.
    from framing import sentiment

    monkeypatch.setattr(sentiment, "_MAX_CACHED_DRAWS", 1 << 16)
    sentiment._uniform_draws.cache_clear()
    values = [round(math.sin(k), 4) for k in range(70)]  # 70 * 1000 > 2**16 draws
    assert _bootstrap_interval(values, 1000, 2014) == _plain_interval(values, 1000, 2014)
    assert sentiment._uniform_draws.cache_info().currsize == 0
