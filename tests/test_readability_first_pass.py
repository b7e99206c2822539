"""The first-pass fast paths give the general rules' results.

A new word takes one of two shortcuts: a lower-case dictionary word reads its profile
from the table built once (:func:`framing.readability._dictionary_profiles`), and a
capitalised dictionary word reads its lower-case form's. Each is checked against its
reference (:func:`_profile_rules` / :func:`_word_profile`) on every dictionary word and
on random and hostile strings.
"""

from __future__ import annotations

import random
import string

from framing import readability
from framing.readability import (
    _ascii_word_profile,
    _dictionary_profiles,
    _pack,
    _profile_rules,
    _sum_packed_words,
    _word_profile,
)


def _random_words(rng: random.Random, alphabet: str, count: int, longest: int) -> list[str]:
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, longest)))
            for _ in range(count)]


def test_dictionary_profiles_hold_every_lower_case_dictionary_word(dictionary_words):
    profiles = _dictionary_profiles()
    assert sorted(profiles) == [w for w in dictionary_words if w.islower()]
    # by hand: "police" is one word of 2 syllables (CMU: P AH0 L IY1 S), familiar,
    # 6 characters and 6 letters
    assert profiles["police"] == _pack((1, 2, 0, 0, 0, 6, 6))


def test_dictionary_profiles_equal_the_word_profile():
    profiles = _dictionary_profiles()
    wrong = [w for w, packed in profiles.items() if packed != _pack(_ascii_word_profile(w))]
    assert wrong == []


def test_capitalised_dictionary_words_share_the_lower_case_profile(dictionary_words):
    # The bulk path gives a capitalised word ("Police", and single capitals "A", "W") the
    # profile of its lower-case form; the reference is the word's own profile.
    profiles = _dictionary_profiles()
    words = dictionary_words
    wrong = [w for w in words if profiles[w] != _pack(_word_profile(w.capitalize()))]
    assert wrong == []
    for letter in string.ascii_uppercase:  # the general rules, by the definition
        assert profiles[letter.lower()] == _pack(_profile_rules(letter)), letter


def test_dictionary_profiles_equal_the_general_rules_on_a_sample(dictionary_words):
    profiles = _dictionary_profiles()
    sample = random.Random(5).sample(dictionary_words, 5000)
    assert [w for w in sample if profiles[w] != _pack(_profile_rules(w))] == []


def _expected_sum(words: list[str]) -> int:
    return sum(_pack(_profile_rules(w)) for w in words)


def test_first_pass_sum_equals_the_general_rules_on_mixed_words(
    dictionary_words, hostile_letters
):
    rng = random.Random(11)
    dictionary = rng.sample(dictionary_words, 3000)
    words = [s for w in dictionary for s in (w, w.upper(), w.capitalize(), w[:-1] + w[-1].upper())]
    words += _random_words(rng, string.ascii_letters, 3000, 12)
    words += _random_words(rng, string.ascii_letters + hostile_letters + "'\u2019-./", 3000, 10)
    words += ["US", "Us", "A", "I", "W", "Dr", "DR", "Mc", "MPs", "Ǆemal", "ǅemal", "\u212aelvin",
              "İstanbul", "Élan", "Police", "police", "year\u2019s", "anti-war", "U.S.", "n't"]
    rng.shuffle(words)
    readability._profile_table.cache_clear()
    try:
        for start in range(0, len(words), 700):  # articles of 700 tokens, cold table
            chunk = words[start : start + 700] * 2  # each new word met twice
            assert _sum_packed_words(chunk) == _expected_sum(chunk)
    finally:
        readability._profile_table.cache_clear()
