"""The fallback skips hyphenation when pyphen's count cannot beat the vowel groups.

:func:`framing.syllables._most_counted_pieces` bounds :func:`_pyphen_count` from above
without hyphenating; :func:`_fallback` returns the vowel-group count when the bound does
not exceed it. These tests check the bound against pyphen's own count on every
alphabetic CMU word and on random and hostile strings, and the fallback against its
definition (the larger of the two counts).
"""

from __future__ import annotations

import random

import pytest

from framing import syllables
from framing.syllables import _fallback, _most_counted_pieces, _pyphen_count, _vowel_groups


def _random_words(seed: int, alphabet: str, count: int, longest: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, longest)))
            for _ in range(count)]


def _by_definition(word: str) -> int:
    """The fallback as documented: max(pyphen's counted pieces, vowel groups)."""
    letters = "".join(ch for ch in word if ch.isalpha())
    if not letters:
        return 1
    return max(_pyphen_count(letters), _vowel_groups(syllables._unaccented(letters)))


def test_bound_is_never_below_pyphens_count_on_the_dictionary(dictionary_words):
    words = dictionary_words
    assert [w for w in words if _most_counted_pieces(w) < _pyphen_count(w)] == []


def test_bound_is_never_below_pyphens_count_on_random_strings():
    # Vowels, "l", "m" and "c" crowded together: many short pieces, "mc" pieces, "l" ends;
    # capitals, which neither count treats as vowels or "l".
    words = _random_words(1, "aeiouylmcbrstnAELMC", 40000, 14)
    words += _random_words(2, "abcdefghijklmnopqrstuvwxyz", 20000, 20)
    words += ["mc", "mcl", "mcmc", "mcmcmc", "lll", "llll", "ylly", "eaea", "a", "l", ""]
    assert [w for w in words if _most_counted_pieces(w) < _pyphen_count(w)] == []


@pytest.mark.parametrize(
    ("word", "bound"),
    [
        # by hand, from the definition: the first two letters, each vowel or "l" between
        # them and the last two, the last two letters, each "mc" after the first letter
        ("macron", 2),  # "ma" + (none in "cr") + "on"
        ("vaping", 2),  # "va" + "i" + ("ng": none)
        ("mcdaniel", 4),  # "mc" + "a", "i" + "el"
        ("mcmaster", 3),  # "mc" + "a" + "er"
        ("zzz", 1),  # under four letters: never cut, one piece
        ("brrr", 0),  # no vowel, no "l", no "mc": no piece can count
    ],
)
def test_bound_by_hand(word: str, bound: int) -> None:
    assert _most_counted_pieces(word) == bound
    assert _pyphen_count(word) <= bound


def test_fallback_equals_its_definition(dictionary_words):
    words = random.Random(3).sample(dictionary_words, 20000)
    words += _random_words(4, "aeiouylmcbrstnAELMC'.-0", 20000, 14)
    words += _random_words(5, "aeiouylmcbrst\u00e9\u00f8\u00e6\u00df\u0301\u00fc", 5000, 10)
    words += ["vaping", "unifier", "j\u00f3nsd\u00f3ttir", "mandl", "mcmaster", "\u00a350m", "19"]
    assert [w for w in words if _fallback(w) != _by_definition(w)] == []


def test_fallback_does_not_hyphenate_when_the_vowel_groups_suffice(monkeypatch):
    def refuse(letters: str) -> int:
        raise AssertionError(f"hyphenated {letters!r}")

    monkeypatch.setattr(syllables, "_pyphen_count", refuse)
    # by hand: ma-cron, two vowel groups and a bound of 2 (above)
    assert _fallback("macron") == 2
