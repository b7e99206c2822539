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
from pathlib import Path

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


# ----------------------------------------------------------------- sentence scoring paths


def _plain_sentence(source, sentence, kind, quoted):
    """Per-sentence scoring done the plain way: every sentence's quoted parts cut with
    _clip, words counted with the regular expression, each text and part normalised on
    its own and scored by vaderSentiment itself (the reference scorer)."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from framing.sentiment import (
        _LETTER,
        SentenceSentiment,
        _clip,
        _count_words,
        _cut_voices,
        _normalise,
    )

    vader = SentimentIntensityAnalyzer().polarity_scores

    def polarity(text):
        s = vader(_normalise(text))
        return s["compound"], s["pos"], s["neu"], s["neg"]

    text, nan = sentence.text, math.nan
    if not _LETTER.search(text):
        return SentenceSentiment(sentence.index, sentence.start, sentence.end,
                                 nan, nan, nan, nan, "narrator", kind)
    compound, pos, neu, neg = polarity(text)
    if kind == "embed":
        narrator_text, quoted_text = "", text
    else:
        start, end = sentence.start, sentence.end
        narrator_text, quoted_text = _cut_voices(source, start, end, _clip(quoted, start, end))
    n_words = _count_words(narrator_text) if narrator_text else 0
    q_words = _count_words(quoted_text) if quoted_text else 0
    if q_words == 0:
        voice, n_compound, q_compound = "narrator", compound, nan
    elif n_words == 0:
        voice, n_compound, q_compound = "quoted", nan, compound
    else:
        voice = "mixed"
        n_compound, q_compound = polarity(narrator_text)[0], polarity(quoted_text)[0]
    return SentenceSentiment(sentence.index, sentence.start, sentence.end, compound, pos,
                             neu, neg, voice, kind, n_words, q_words, n_compound, q_compound)


def _plain_sentences(doc):
    kinds = {p.index: p.kind for p in doc.paragraphs}
    quoted = doc.quoted_intervals()
    return tuple(
        _plain_sentence(doc.source, s, kinds.get(s.paragraph, "body"), quoted)
        for s in doc.sentences
        if kinds.get(s.paragraph, "body") != "embed_attribution"
    )


def _same(a, b):
    return repr(a) == repr(b)  # NaN-aware, and -0.0 differs from 0.0


_PIECES = ["The police were brave.", "It was not good at all!", "\u201cGreat,\u201d he said.",
           '"I love it," she said, "but it was BAD."', "Protesters \u2014 angry \u2014 left.",
           "\u2018Don\u2019t worry,\u2019 he said.", "I can't stand it :)", "U.S. GOOD news?",
           "It is kind of good.", '"', "\u201c\u201d", "-- 42 --", "Caf\u00e9 \u00e9t\u00e9 good",
           "\u0130stanbul was lovely.", "So happy \U0001F601.", "\u201cNo.\u201d", "ok. no, a.",
           # all quotation: one part, adjacent parts, parts joined by a mark
           '"Obviously, vaccines are safe."', '"Good""bad news."', '"Fine"-"great."',
           "\u201cNo\u201d \u201cway\u201d.", '"It is 42 -- ok."']


def test_sentence_scores_equal_the_plain_path_on_parsed_text():
    import framing

    texts = [p.read_text(encoding="utf-8") for p in sorted(
        (Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))]
    rng = random.Random(21)
    for _ in range(60):
        paragraphs = [" ".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 5)))
                      for _ in range(rng.randint(1, 4))]
        texts.append("\n\n".join(paragraphs))
    from framing.sentiment import _score_sentences

    for text in texts:
        doc = framing.parse(text)
        assert _same(_score_sentences(doc), _plain_sentences(doc))


def _hand_doc(texts, spans, kinds=None, shift_text=False):
    from framing.document import Document, Paragraph, QuoteSpan, Sentence

    source = " ".join(texts)
    sentences, pos = [], 0
    for i, text in enumerate(texts):
        written = text.upper() if shift_text and i % 2 else text  # not the source slice
        sentences.append(Sentence(i, pos, pos + len(text), written, i))
        pos += len(text) + 1
    kinds = kinds or ["body"] * len(texts)
    paragraphs = tuple(Paragraph(i, s.start, s.end, texts[i], kinds[i])
                       for i, s in enumerate(sentences))
    quote_spans = tuple(QuoteSpan(a - 1, b + 1, a, b, '"', '"') for a, b in spans)
    return Document(source=source, text=source, paragraphs=paragraphs,
                    sentences=tuple(sentences), quote_spans=quote_spans)


def test_sentence_scores_equal_the_plain_path_on_hand_built_documents():
    # Hand-built Documents may break what parse guarantees: quoted intervals unsorted or
    # overlapping, empty or reversed, a sentence's text differing from its source slice;
    # embedded posts and their attribution lines. The fast paths must then give what
    # the plain path gives.
    from framing.sentiment import _score_sentences

    rng = random.Random(22)
    kinds_pool = ["body", "body", "headline", "embed", "embed_attribution"]
    for _ in range(300):
        texts = [rng.choice(_PIECES) for _ in range(rng.randint(1, 5))]
        length = len(" ".join(texts))
        spans = []
        for _ in range(rng.randint(0, 4)):
            a = rng.randint(1, max(1, length - 1))
            spans.append((a, min(length, a + rng.randint(-2, 40))))
        if rng.random() < 0.5:
            spans.sort()
        kinds = [rng.choice(kinds_pool) for _ in texts]
        doc = _hand_doc(texts, spans, kinds, shift_text=rng.random() < 0.3)
        assert _same(_score_sentences(doc), _plain_sentences(doc)), (texts, spans, kinds)


def test_quote_free_is_clip_finding_nothing():
    from framing.sentiment import _clip, _quote_free

    rng = random.Random(23)
    for _ in range(3000):
        bounds = sorted(rng.sample(range(60), 2 * rng.randint(0, 6)))
        pairs = list(zip(bounds[::2], bounds[1::2]))
        if rng.random() < 0.3:  # zero-length intervals are allowed
            pairs.append((rng.choice(bounds) if bounds else 5,) * 2)
            pairs.sort()
        free = _quote_free(pairs)
        sorted_ok = all(a <= b for a, b in pairs) and all(
            pairs[k][1] <= pairs[k + 1][0] for k in range(len(pairs) - 1))
        if not sorted_ok:
            assert free is None
            continue
        for _ in range(20):
            start = rng.randint(0, 60)
            end = start + rng.randint(0, 15)
            assert free(start, end) == (not _clip(pairs, start, end)), (pairs, start, end)
    assert _quote_free([(5, 9), (2, 3)]) is None  # unsorted: general path for all
    # by hand: [10, 20) quoted; [0, 10) ends where the quote starts, [20, 25) starts
    # where it ends, [5, 11) takes one quoted character
    free = _quote_free([(10, 20)])
    assert free(0, 10) and free(20, 25) and not free(5, 11)


def test_article_aggregates_are_the_plain_formulas():
    import framing
    from framing.sentiment import score_sentiment

    for path in sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt")):
        doc = framing.parse(path.read_text(encoding="utf-8"))
        s = score_sentiment(doc, actors=())
        body = [x for x in s.sentences if x.kind != "headline" and not math.isnan(x.compound)]
        values = [x.compound for x in body]
        n = len(values)
        assert s.share_positive == sum(v >= 0.05 for v in values) / n
        assert s.share_negative == sum(v <= -0.05 for v in values) / n
        assert s.share_neutral == sum(-0.05 < v < 0.05 for v in values) / n
        pairs = [(x.narrator_compound, x.narrator_weight) for x in body if x.narrator_words]
        total = math.fsum(w for _, w in pairs)
        assert s.narrator == math.fsum(v * w for v, w in pairs) / total
        assert s.narrator_weight == total
        pairs = [(x.quoted_compound, 1.0 - x.narrator_weight) for x in body if x.quoted_words]
        total = math.fsum(w for _, w in pairs)
        assert s.quoted == math.fsum(v * w for v, w in pairs) / total
        assert s.quoted_weight == total


def test_all_quoted_sentence_word_counts_by_hand():
    # A sentence that is all quotation takes its quoted word count from the whole
    # sentence's VADER pass when it holds one quoted part, else counts the parts' words
    # (joined by a space). Counts by hand: chunks holding a letter or digit.
    import framing
    from framing.sentiment import _score_sentences

    cases = [
        ('"Obviously, vaccines are safe."', 4),
        ('"It is 42 -- ok."', 4),  # "--" holds no letter or digit
        ('"Good""bad news."', 3),  # two parts: "Good" and "bad news."
    ]
    for text, expected in cases:
        scored = _score_sentences(framing.parse(text))
        assert [(s.voice, s.narrator_words, s.quoted_words) for s in scored] == [
            ("quoted", 0, expected)], text
