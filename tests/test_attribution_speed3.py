"""The fast paths of the seventh attribution pass give the results of the plain forms.

Checked here against the plain forms they replace, written out: the cue-word test of a
name's words, the letter masks counted per distinct letter, the difflib ratio of a
surname held inside another, the integer form of the fuzzy scan's bound test, and the
plan of a one-word run.
"""

from __future__ import annotations

import difflib
import random
import string

from framing.roles import (
    _cue_regex,
    builtin_registry,
    is_cue_word,
    load_registry,
    role_from_cues,
)
from framing.speakers import (
    _ASCII_BITS,
    _CALENDAR_WORDS,
    _ORG_WORDS,
    _PLACE_WORDS,
    _TITLES,
    _ascii_letter_mask,
    _letters_plain,
    _plan,
    _run_plan,
    _split_title_plain,
    _surname_ratio,
    _surname_ratio_cached,
    _word_plan,
)

HOSTILE_WORDS = ["", "a", "A", "MP", "Mp", "mp", "shadow", "Shadow", "SHADOW", "shadows",
                 "Minister", "minister’s", "Minister's", "ex-", "Ex-Minister", "anti-war",
                 "İstanbul", "ſpokesman", "\u212aing", "Police.", "U.S.", "spokesman",
                 "spokesmen", "Spokeswoman", "chief", "chiefs", "x" * 300, "Dr", "Mr.",
                 "police-", "co-founder", "MPs", "Labour", "Tory", "Sen", "Rep.", "123",
                 "Éric", "naïve", "O'Brien", "O’Brien"]


def _words(rng: random.Random, alphabet: str, count: int, longest: int) -> list[str]:
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, longest)))
            for _ in range(count)]


# ------------------------------------------------------------------ cue words


def test_is_cue_word_is_role_from_cues_on_one_word():
    _, cues = _cue_regex()
    single = sorted(cue for cue in cues if " " not in cue)
    words = [*HOSTILE_WORDS, *single, *(c.upper() for c in single),
             *(c.title() for c in single), *(c + "s" for c in single),
             *(c[:-1] for c in single if len(c) > 1)]
    rng = random.Random(3)
    words += _words(rng, string.ascii_letters, 2000, 8)
    words += _words(rng, "aeilmnoprst-’'.İſ\u212a", 2000, 8)
    words += ["".join(rng.choice(single) for _ in range(2)) for _ in range(300)]
    hits = 0
    for word in words:
        assert is_cue_word(word) == (role_from_cues(word) is not None), word
        hits += is_cue_word(word)
    assert hits > 100  # cue words were tested, so the comparison can fail


def _plain_split_title(name: str) -> tuple[str, str]:
    """_split_title as first written: role_from_cues on every word but the last."""
    words = name.split()
    cut = 0
    for i, word in enumerate(words[:-1]):
        bare = word.rstrip(".")
        if bare in _TITLES or role_from_cues(bare) is not None:
            cut = i + 1
    if cut and words[cut - 1].rstrip(".") in _TITLES and cut == 1:
        return "", name
    if cut and words[cut - 1].rstrip(".") in {"Mr", "Mrs", "Ms", "Dr", "Sir", "Dame", "Miss"}:
        cut -= 1
    return " ".join(words[:cut]), " ".join(words[cut:])


def test_split_title_is_the_plain_rule():
    rng = random.Random(9)
    names = ["Home Secretary Laura Pemberton", "Labour MP Zarah Sultana", "Mr Sahleb",
             "Dr Alison Frayne", "Shadow Health Secretary Jo Bloggs", "İstanbul Police Chief Ali",
             "Ex-Minister Tom Ashworth", "Sen. Bernie Sanders", "U.S. District Judge Bo Velasco"]
    for _ in range(1500):
        names.append(" ".join(rng.choices(HOSTILE_WORDS[1:], k=rng.randint(1, 5))))
    for name in names:
        assert _split_title_plain(name) == _plain_split_title(name), name


# ------------------------------------------------------------------ letter masks


def _plain_mask(word: str) -> int | None:
    """The fixed-bit mask as first written: one bit per (letter, occurrence) pair."""
    mask = 0
    for pair in _letters_plain(word):
        bit = _ASCII_BITS.get(pair)
        if bit is None:
            return None
        mask |= 1 << bit
    return mask


def test_ascii_letter_mask_is_the_plain_mask():
    rng = random.Random(11)
    words = [*HOSTILE_WORDS, "a" * 8, "a" * 9, "abcabcabcabcabcabcabcabc" * 3, "zzzzzzzz",
             "mississippi"]
    words += _words(rng, string.ascii_lowercase, 3000, 14)
    words += _words(rng, "aab", 1000, 20)  # letters met more than eight times
    words += _words(rng, "abcAé1-ſ", 1000, 10)
    for word in words:
        _ascii_letter_mask.cache_clear()
        assert _ascii_letter_mask(word) == _plain_mask(word), word


# ------------------------------------------------------------------ surname ratio


def test_surname_ratio_of_a_word_inside_another_is_difflib():
    rng = random.Random(17)
    pairs = [("america", "american"), ("american", "america"), ("africa", "african-americans"),
             ("a", "a"), ("a", "b"), ("", "a"), ("a", ""), ("", ""), ("ana", "banana"),
             ("banana", "ana"), ("aa", "aaaa"), ("ab", "aab"), ("éa", "xéax")]
    for _ in range(3000):
        b = "".join(rng.choice("abn") for _ in range(rng.randint(0, 12)))
        i = rng.randint(0, len(b))
        a = b[i:rng.randint(i, len(b))]
        pairs += [(a, b), (b, a)]
    for _ in range(1000):
        pairs.append(tuple("".join(rng.choice("abcn") for _ in range(rng.randint(0, 8)))
                           for _ in range(2)))
    contained = 0
    for a, b in pairs:
        _surname_ratio_cached.cache_clear()
        assert _surname_ratio(a, b) == difflib.SequenceMatcher(None, a, b).ratio(), (a, b)
        contained += bool(a and b and (a in b or b in a))
    assert contained > 1000


# ------------------------------------------------------------------ fuzzy-scan bound


def test_integer_bound_test_is_the_float_test():
    # _find_person skips a key when 10 * shared < 3 * n, in place of 2.0 * shared / n < 0.6
    for n in range(1, 400):
        for shared in range(n + 1):
            assert (10 * shared < 3 * n) == (2.0 * shared / n < 0.6), (shared, n)
    for n in (10**6, 10**9 + 5, 10**12 + 3):
        for shared in (3 * n // 10 - 1, 3 * n // 10, 3 * n // 10 + 1):
            assert (10 * shared < 3 * n) == (2.0 * shared / n < 0.6), (shared, n)


# ------------------------------------------------------------------ one-word plans


def test_word_plan_is_the_general_plan():
    registries = [builtin_registry(), builtin_registry().merged(load_registry(
        {"Nine": "other", "Monday": "police", "@handle": "advocacy", "NATO": "government",
         "Street": "other", "Lee": "politician"}))]
    words = [*HOSTILE_WORDS[1:], *_CALENDAR_WORDS, *_ORG_WORDS, *_PLACE_WORDS, *_TITLES,
             "Nine", "NATO", "@handle", "@h’s", "Trump", "Trump’s", "Trump's", "Jones'",
             "U.S.", "A", "A.", "S’s", "Lee", "BBC’s", "Street.", "X" * 250, "Monday’s",
             "’s", "'s", ".", "Police’s", "Union'", "sUnion", "May", "April"]
    rng = random.Random(21)
    words += ["".join(rng.choice("AaBsS’'.@-") for _ in range(rng.randint(1, 6)))
              for _ in range(2000)]
    for registry in registries:
        for word in words:
            assert _word_plan(word, registry) == _run_plan(word, registry), word
            assert _plan(word, registry) == _run_plan(word, registry), word
        for run in (" Trump", "Trump ", "The ", "But\tTrump", "The\u00a0Met"):
            assert _plan(run, registry) == _run_plan(run, registry), run
