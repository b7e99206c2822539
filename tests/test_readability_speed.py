"""The fast paths of readability and syllable counting give the general rules' results.

Each fast path has a slow reference in the package (or, for the Dale-Chall inflection
rules, the rule loop written out below); these tests run both on the whole CMU
dictionary's words in several spellings, on the Dale-Chall list's inflections and on
random strings, so a disagreement on any word fails.
"""

from __future__ import annotations

import random

import pytest

from framing import readability
from framing.readability import (
    _DOUBLING,
    _INFLECTIONS,
    _ascii_word_profile,
    _easy_words,
    _familiar_forms,
    _pack,
    _profile_rules,
    _sum_packed_words,
    _unpack,
    _word_profile,
)
from framing.syllables import _ascii_word_syllables, _resolve_rules


def _on_list_by_rules(word: str, easy: frozenset[str]) -> bool:
    """The Dale-Chall inflection rules applied to one word (the loop the set replaces)."""
    if word in easy:
        return True
    for suffix, replacements in _INFLECTIONS:
        if not word.endswith(suffix) or len(word) <= len(suffix) + 1:
            continue
        stem = word[: -len(suffix)]
        if any(stem + rep in easy for rep in replacements):
            return True
        if suffix in _DOUBLING and len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in easy:
            return True
    return False


def _spellings(word: str) -> list[str]:
    return [word, word.upper(), word.capitalize(), word[:-1] + word[-1].upper()]


def test_familiar_forms_are_exactly_the_words_the_rules_accept(dictionary_words):
    easy = _easy_words()
    forms = _familiar_forms()
    rng = random.Random(4)
    candidates = set(dictionary_words)
    for listed in easy:  # every inflection of every listed word, and near misses
        for end in ("s", "es", "ies", "ied", "ier", "iest", "ed", "d", "ing", "er", "est"):
            candidates.update((listed + end, listed[:-1] + end, listed + listed[-1:] + end,
                               listed[:-2] + end))
    candidates.update("".join(rng.choice("abeirsdgny.'") for _ in range(rng.randint(0, 8)))
                      for _ in range(20000))
    wrong = [w for w in candidates if (w in forms) != _on_list_by_rules(w, easy)]
    assert wrong == []
    # by hand: "cities" = "city" + -ies, "bigger" doubles the g of "big", "fastest" = fast
    assert {"cities", "bigger", "fastest"} <= forms
    assert "xylophones" not in forms


def test_ascii_syllables_equal_the_full_rules_on_the_dictionary(dictionary_words):
    words = dictionary_words
    wrong = [
        s for w in words[::3] for s in _spellings(w)
        if _ascii_word_syllables(s, s.lower()) != _resolve_rules(s)
    ]
    assert wrong == []


def test_ascii_syllables_equal_the_full_rules_on_acronyms_and_unknown_words():
    rng = random.Random(9)
    words = ["US", "UN", "NHS", "IDF", "MPs", "NATO", "Dr", "Supt", "W", "WWW", "Mc",
             "vaping", "Mandl", "Ms", "MSs", "ABCDEF", "ABCDEs", "I", "a"]
    words += ["".join(rng.choice("aeiouyAEIOUYbcdlmnrstwxzBCDLMNRSTWXZ")
                      for _ in range(rng.randint(1, 12))) for _ in range(20000)]
    assert [w for w in words if _ascii_word_syllables(w, w.lower()) != _resolve_rules(w)] == []


def test_ascii_profile_equals_the_general_rules(dictionary_words):
    words = dictionary_words
    rng = random.Random(2)
    sample = rng.sample(words, 20000) + ["US", "NHS", "MPs", "Dr", "I", "A", "suspected",
                                         "protesters", "unconstitutional", "Nolan"]
    wrong = [s for w in sample for s in _spellings(w) if _ascii_word_profile(s) != _profile_rules(s)]
    assert wrong == []
    # by hand: "police" is one word of 2 syllables (CMU: P AH0 L IY1 S), familiar, 6 letters
    assert _ascii_word_profile("police") == (1, 2, 0, 0, 0, 6, 6)


def test_capitalised_word_has_the_profile_of_its_lower_case_form(dictionary_words):
    words = dictionary_words
    for word in words[::7]:
        if len(word) > 1:
            assert _ascii_word_profile(word.capitalize()) == _ascii_word_profile(word), word


def test_packing_round_trips_and_adds_fieldwise():
    rng = random.Random(1)
    profiles = [tuple(rng.randint(0, 1000) for _ in range(7)) for _ in range(200)]
    for profile in profiles:
        assert _unpack(_pack(profile)) == profile
    total = sum(map(_pack, profiles))
    assert _unpack(total) == tuple(map(sum, zip(*profiles)))


def test_sum_of_packed_words_is_the_sum_of_word_profiles(monkeypatch):
    words = ["The", "police", "said", "the", "Police", "year\u2019s", "U.S.", "anti-war",
             "n't", "\u2014", "fi\ufb01gures", "NHS", "protesters", "the"]
    expected = tuple(map(sum, zip(*map(_word_profile, words))))
    readability._profile_table.cache_clear()
    try:
        assert _unpack(_sum_packed_words(words)) == expected  # cold
        assert _unpack(_sum_packed_words(words)) == expected  # from the table
        monkeypatch.setattr(readability, "_TABLE_SIZE", 2)  # full: emptied, refilled
        assert _unpack(_sum_packed_words(words[:5])) == tuple(
            map(sum, zip(*map(_word_profile, words[:5]))))
        assert _unpack(_sum_packed_words(words)) == expected
    finally:
        readability._profile_table.cache_clear()


@pytest.mark.parametrize("word", ["Police", "police", "POLICE", "US", "us", "Us", "MPs"])
def test_word_profile_by_hand(word):
    # hand counts: police = po-lice (2); US read letter by letter = yoo-ess (2) in capitals
    # only; MPs = em-peez (2); "Us"/"us" is the pronoun (1)
    expected_syllables = {"Police": 2, "police": 2, "POLICE": 2, "US": 2, "us": 1, "Us": 1,
                          "MPs": 2}[word]
    assert _word_profile(word)[1] == expected_syllables
