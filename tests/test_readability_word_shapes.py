"""The compound and possessive fast paths give the general rules' profiles.

A hyphenated compound of ASCII letters ("anti-war") and a possessive of ASCII letters
("Trump's", "nation\u2019s") skip the steps of :func:`_profile_rules` that cannot apply to
them. Each is checked against :func:`_profile_rules` on every dictionary entry of its
shape, on shapes built from dictionary words in several spellings, and on random and
hostile strings (through :func:`_word_profile`, which picks the path).
"""

from __future__ import annotations

import random

import pytest

from framing import syllables
from framing.readability import (
    _ascii_compound_profile,
    _ascii_possessive_profile,
    _profile_rules,
    _word_profile,
)


def _spellings(word: str) -> list[str]:
    return [word, word.upper(), word.capitalize(), word.title(), word[:-1] + word[-1].upper()]


def _entries(shape) -> list[str]:
    return sorted(w for w in syllables._cmu_counts() if w.isascii() and shape(w))


def _is_compound(word: str) -> bool:
    parts = word.split("-")
    return len(parts) > 1 and all(map(str.isalpha, parts))


def _wrong(words: list[str]) -> list[str]:
    return [w for w in words if _word_profile(w) != _profile_rules(w)]


def test_compound_profile_on_the_dictionarys_compounds():
    compounds = _entries(_is_compound)  # about 1,000, e.g. "able-bodied"
    assert len(compounds) > 500
    assert _wrong([s for w in compounds for s in _spellings(w)]) == []


def test_compound_profile_on_compounds_of_dictionary_words(dictionary_words):
    rng = random.Random(7)
    words = dictionary_words
    pieces = ["anti", "pro", "self", "non", "well", "us", "nhs", "dr", "mc", "w", "a"]
    compounds = ["-".join(rng.choice(words + pieces) for _ in range(rng.randint(2, 4)))
                 for _ in range(3000)]
    assert _wrong([s for w in compounds for s in _spellings(w)]) == []


def test_possessive_profile_on_the_dictionarys_possessives():
    possessives = _entries(lambda w: w.endswith("'s") and w[:-2].isalpha())  # "america's"
    assert len(possessives) > 5000
    spelled = [s for w in possessives for s in _spellings(w)]
    spelled += [s.replace("'", "\u2019") for s in spelled]
    assert _wrong(spelled) == []


def test_possessive_profile_on_possessives_of_dictionary_words(dictionary_words):
    sample = random.Random(8).sample(dictionary_words, 5000)
    sample += ["it", "there", "that", "here", "he", "who", "what", "let", "church", "Alice",
               "NHS", "US", "MP", "Dr", "a", "s", "x", "judge", "box"]
    words = [s + end for w in sample for s in _spellings(w) for end in ("'s", "\u2019s", "'S")]
    assert _wrong(words) == []


def test_fast_paths_on_random_and_hostile_strings(hostile_letters):
    rng = random.Random(9)
    alphabet = "abcdelmnorstwyAEHNSUW-'\u2019\u2018\u02bc`./\u2013" + hostile_letters
    words = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12)))
             for _ in range(40000)]
    words += ["-", "--", "a-", "-a", "a--b", "a-b-", "'s", "\u2019s", "s's", "a's's", "a-b's",
              "it\u2019s", "It's", "anti-war", "Anti-War", "ANTI-WAR", "x-ray", "e-mail",
              "Ǆemal's", "İstanbul-based", "\u212aelvin's", "caf\u00e9's", "fi\ufb01-fo"]
    assert _wrong(words) == []


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        # (words, syllables, polysyllabic, complex, difficult, characters, letters), by
        # hand: an-ti + war = 3 syllables; "anti" is not on the Dale-Chall list; not
        # complex, as a compound of parts under three syllables; 8 characters, 7 letters
        ("anti-war", (1, 3, 1, 0, 1, 8, 7)),
        # well + known = 2; both parts on the list: familiar
        ("well-known", (1, 2, 0, 0, 0, 10, 9)),
        # self + jus-ti-fi-ca-tion = 6; "justification" has three or more: complex
        ("self-justification", (1, 6, 1, 1, 1, 18, 17)),
    ],
)
def test_compound_profile_by_hand(word: str, expected: tuple[int, ...]) -> None:
    assert _ascii_compound_profile(word, word.split("-")) == expected
    assert _profile_rules(word) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        # by hand: trump's = 1 syllable (no sibilant); "trump" is not on the list;
        # 7 characters, 6 letters
        ("Trump\u2019s", (1, 1, 0, 0, 1, 7, 6)),
        # church-es = 2 (one more after the sibilant "ch"); "church" is on the list
        ("church\u2019s", (1, 2, 0, 0, 0, 8, 7)),
        # al-ic-es = 3; not on the list, three syllables, not -ed/-es of a word: complex
        ("Alice's", (1, 3, 1, 1, 1, 7, 6)),
        # "it's" is on the list as written
        ("it\u2019s", (1, 1, 0, 0, 0, 4, 3)),
    ],
)
def test_possessive_profile_by_hand(word: str, expected: tuple[int, ...]) -> None:
    assert _ascii_possessive_profile(word) == expected
    assert _profile_rules(word) == expected
