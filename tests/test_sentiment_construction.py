"""The fast forms added for per-sentence fixed costs give exactly the plain results.

* :func:`framing.vader_fast._round` is Python's ``round(x, 4)`` / ``round(x, 3)``
  (value and sign) on every kind of input it meets (``|x| <= 1``): random values, exact
  ties (``k / 2**m``, where ``round`` goes to even), the decimals' midpoints and their
  neighbouring doubles, zeros of both signs and tiny negatives (``round`` gives -0.0);
* :func:`framing.sentiment._sentence_sentiment` builds the same frozen
  :class:`~framing.sentiment.SentenceSentiment` as its own constructor.
"""

from __future__ import annotations

import dataclasses
import math
import random

import pytest

from framing.sentiment import SentenceSentiment, _sentence_sentiment
from framing.vader_fast import _round


def _round_inputs() -> list[float]:
    rng = random.Random(11)
    values = [rng.uniform(-1, 1) for _ in range(200_000)]
    values += [rng.uniform(-1e-3, 1e-3) for _ in range(20_000)]
    values += [k / 2**12 for k in range(-2**12, 2**12 + 1)]  # many exact ties at 4 and 3 places
    for divisor in (20_000, 2_000):  # the midpoints of both roundings, and their neighbours
        for k in range(-divisor, divisor + 1):
            x = k / divisor
            values += [x, math.nextafter(x, -2.0), math.nextafter(x, 2.0)]
    values += [0.0, -0.0, 5e-324, -5e-324, 1e-300, -1e-300, 4.9999e-5, -4.9999e-5,
               5e-5, -5e-5, 0.0005, -0.0005, 0.03125, -0.03125, 0.0625, 1.0, -1.0]
    return values


@pytest.mark.parametrize("digits", [4, 3])
def test_fast_round_is_round(digits):
    # expected values: Python's round itself, the definition the fast form must keep
    for x in _round_inputs():
        got, expected = _round(x, digits), round(x, digits)
        assert got == expected and math.copysign(1, got) == math.copysign(1, expected), x


def test_fast_round_hand_picked():
    # hand-worked: 0.03125 * 10**4 = 312.5 exactly, a tie, which round sends to even
    assert _round(0.03125, 4) == 0.0312
    assert _round(0.00015, 4) == round(0.00015, 4)
    assert math.copysign(1, _round(-1e-6, 4)) == -1.0  # -0.0, as round
    assert _round(0.4404, 4) == 0.4404
    assert _round(2 / 3, 3) == 0.667


def test_fast_constructor_builds_the_frozen_dataclass():
    rng = random.Random(5)
    for _ in range(500):
        args = (rng.randrange(100), rng.randrange(1000), rng.randrange(1000),
                rng.uniform(-1, 1), rng.random(), rng.random(), rng.random(),
                rng.choice(["narrator", "quoted", "mixed"]),
                rng.choice(["body", "headline", "embed"]), rng.randrange(40),
                rng.randrange(40), rng.uniform(-1, 1), rng.uniform(-1, 1))
        for n in (8, 9, 11, 13):  # the defaults fill the rest, as in SentenceSentiment
            fast, plain = _sentence_sentiment(*args[:n]), SentenceSentiment(*args[:n])
            assert type(fast) is SentenceSentiment
            assert repr(fast) == repr(plain)
            assert [getattr(fast, f.name) is getattr(plain, f.name)
                    for f in dataclasses.fields(SentenceSentiment)] == [True] * 13
            assert (n < 13) or (fast == plain and hash(fast) == hash(plain))
    built = _sentence_sentiment(1, 0, 5, 0.5, 0.4, 0.6, 0.0, "narrator", "body", 3, 0)
    with pytest.raises(dataclasses.FrozenInstanceError):
        built.compound = 0.0  # still frozen
    assert built.narrator_weight == 1.0 and math.isnan(built.quoted_compound)
    assert dataclasses.replace(built, index=2).index == 2
