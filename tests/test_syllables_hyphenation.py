"""The hyphenation trie reproduces pyphen's ``inserted`` exactly.

:func:`framing.syllables._hyphenate` hyphenates the fallback's words with a trie built
from pyphen's own en_US patterns (:func:`_hyphenation_trie`) instead of pyphen's
substring lookups. These tests compare the two on every alphabetic CMU word, on random
and hostile strings and with Hypothesis, and check the paths that hand a word to pyphen
itself (a long word, a pattern table the trie cannot read).
"""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing import syllables
from framing.syllables import _hyphenate, _hyphenated, _hyphenation_trie, _pyphen


def _pyphens(word: str) -> str:
    return str(_pyphen().inserted(word, hyphen="-"))


def _random_words(seed: int, alphabet: str, count: int, longest: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, longest)))
            for _ in range(count)]


def test_trie_is_available_for_the_installed_pyphen() -> None:
    assert _hyphenation_trie() is not None


def test_trie_equals_pyphen_on_the_dictionary(dictionary_words) -> None:
    words = random.Random(7).sample(dictionary_words, 30000)
    assert [w for w in words if _hyphenate(w) != _pyphens(w)] == []


def test_trie_equals_pyphen_on_random_and_hostile_strings(hostile_letters: str) -> None:
    words = _random_words(1, "abcdefghijklmnopqrstuvwxyz", 20000, 24)
    words += _random_words(2, "aeiouyhnstl.", 10000, 16)  # dense patterns, dots
    words += _random_words(3, "abcEIOUXYZ\u00e9\u00f8\u00df\u0130\u0131\u212a\u01c5", 5000, 14)
    words += _random_words(4, hostile_letters + "aeinst", 5000, 12)
    words += ["", "a", "ab", "abc", "abcd", ".", "..", "weeknights", "QWELBYRANT",
              "\u0130stanbul", "x" * 64, "hyphenation" * 5]
    assert [w for w in words if _hyphenate(w) != _pyphens(w)] == []


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_trie_equals_pyphen_on_any_text(word: str) -> None:
    assert _hyphenate(word) == _pyphens(word)


def test_long_words_go_to_pyphen(monkeypatch) -> None:
    word = "hyphenation" * 6  # longer than the trie's limit
    assert len(word) > syllables._MAX_TRIE_WORD
    expected = _pyphens(word)

    def refuse(*args: object) -> str:
        raise AssertionError("the trie hyphenated a long word")

    monkeypatch.setattr(syllables, "_hyphenated", refuse)
    assert _hyphenate(word) == expected


@pytest.mark.parametrize(
    "entry",
    [
        (0, (1, 16)),  # a value outside the packed field
        (0, (1, True)),  # an int subclass (pyphen's nonstandard hyphenation values are)
        (-1, (1,)),  # a negative offset
        ("0", (1,)),  # not pyphen's layout
        (0,),
    ],
)
def test_unreadable_patterns_fall_back_to_pyphen(monkeypatch, entry) -> None:
    patterns = dict(_pyphen().hd.patterns)
    patterns["zq"] = entry
    monkeypatch.setattr(_pyphen().hd, "patterns", patterns)
    _hyphenation_trie.cache_clear()
    try:
        assert _hyphenation_trie() is None
        assert _hyphenate("hyphenation") == _pyphens("hyphenation")
    finally:
        monkeypatch.undo()
        _hyphenation_trie.cache_clear()
    assert _hyphenation_trie() is not None


def test_disagreeing_trie_is_not_used(monkeypatch) -> None:
    # a trie that cuts nowhere disagrees with pyphen on the probe words: pyphen is used
    monkeypatch.setattr(syllables, "_FIELD_MASK", 0)
    _hyphenation_trie.cache_clear()
    try:
        assert _hyphenation_trie() is None
        assert _hyphenate("hyphenation") == "hy-phen-ation"
    finally:
        monkeypatch.undo()
        _hyphenation_trie.cache_clear()


def test_trie_by_hand() -> None:
    root, longest, left, right = _hyphenation_trie()
    assert (left, right) == (2, 2)  # pyphen's defaults: no cut within two letters of an end
    assert _hyphenated("hyphenation", root, longest, left, right) == "hy-phen-ation"
    assert _hyphenated("Weeknights", root, longest, left, right) == "Week-nights"
    assert _hyphenated("abc", root, longest, left, right) == "abc"
