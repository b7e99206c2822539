"""Syllable counts: CMU dictionary first, then the documented fallbacks.

Expected values are syllables as the word is spoken, counted by hand by saying the word
and counting vowel sounds (the CMU convention: one syllable per vowel phoneme); the
split used is given in the comment next to each value.
"""

from __future__ import annotations

import pytest

from framing.syllables import cmu_syllables, count_syllables

# Words in the CMU dictionary: spoken syllables (hand split in the comment).
DICTIONARY_WORDS = [
    ("police", 2),  # po-lice
    ("Protesters", 3),  # pro-tes-ters
    ("the", 1),
    ("government", 3),  # gov-ern-ment (CMU's first pronunciation drops the "n" vowel)
    ("demonstration", 4),  # dem-on-stra-tion
    ("Palestinian", 5),  # pal-es-tin-i-an
    ("commissioner", 4),  # com-mis-sion-er
    ("U.S.", 2),  # you-ess (CMU has the dotted form)
    ("Mr.", 2),  # mis-ter
    ("couldn't", 2),  # could-n't
    ("don\u2019t", 1),  # curly apostrophe, same entry as "don't"
    ("police's", 3),  # po-lice-'s (CMU entry)
    ("BBC", 3),  # bee-bee-see
]


@pytest.mark.parametrize(("word", "expected"), DICTIONARY_WORDS)
def test_dictionary_words(word: str, expected: int) -> None:
    assert count_syllables(word) == expected


def test_cmu_lookup_uses_first_pronunciation_vowels() -> None:
    # "dr" has two pronunciations in CMU: "drive" (1) first, "doctor" (2) second.
    assert cmu_syllables("Dr") == 1
    assert cmu_syllables("notaword-xyz") is None


# Words the dictionary lacks (asserted below), counted by hand.
OUT_OF_DICTIONARY = [
    ("Sunak", 2),  # su-nak
    ("Covid", 2),  # co-vid
    ("Brexiteer", 3),  # brex-it-eer
    ("Shabana", 3),  # sha-ba-na
    ("Zelensky", 3),  # ze-len-sky
    ("Cressida", 3),  # cres-si-da
    ("TikTok", 2),  # tik-tok
    ("Lammy", 2),  # lam-my
    ("Yousaf", 2),  # you-saf
    ("Islamophobia", 6),  # is-lam-o-pho-bi-a
    ("antisemitism", 6),  # an-ti-sem-i-tis-m
    ("vaping", 2),  # va-ping (pyphen's va-p-ing piece "p" has no vowel: not a syllable)
    ("vapers", 2),  # va-pers
    ("unifier", 4),  # u-ni-fi-er: final "-ier" after a consonant is two vowels
    ("comfiest", 3),  # com-fi-est
    ("Zumba", 2),  # zum-ba
    # Accented vowels are vowels, in pyphen's pieces and in the vowel groups.
    ("J\u00f3nsd\u00f3ttir", 3),  # jons-dot-tir
    ("Fern\u00e1ndez", 3),  # fer-nan-dez
    ("Gal\u00e1pagos", 4),  # ga-la-pa-gos
    ("R\u00f6mer", 2),  # ro-mer
    ("J\u00f8rgen", 2),  # jor-gen ("\u00f8" has no NFKD decomposition)
    ("cr\u00e8ches", 2),  # cresh-es
]


@pytest.mark.parametrize(("word", "expected"), OUT_OF_DICTIONARY)
def test_fallback_for_unknown_words(word: str, expected: int) -> None:
    assert cmu_syllables(word) is None  # really exercises the fallback
    assert count_syllables(word) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("anti-terror", 4),  # an-ti + ter-ror: compounds are the sum of their parts
        ("Covid-19", 3),  # co-vid + "19" counted as one syllable (textstat's number rule)
        ("stop/search", 2),  # stop + search
        ("Starmer's", 2),  # star-mer's: no extra syllable after a non-sibilant
        ("Sunak's", 2),  # su-nak's
        ("Alice's", 3),  # al-ic-es: possessive after a sibilant adds one
        ("protesters'", 3),  # plural possessive adds nothing
        ("NHS", 3),  # en-aitch-ess: unknown capitals are spelled out
        ("IDF", 3),  # eye-dee-eff
        ("MPs", 2),  # em-peez
        ("NHS's", 4),  # en-aitch-ess-es
        ("Dr.", 2),  # doc-tor: title read in full (data/syllable_overrides.csv)
        ("Supt", 5),  # su-per-in-ten-dent
        ("Cllr", 3),  # coun-cil-lor
        ("2021", 1),  # numbers: one syllable, as textstat counts them
        ("\u00a350m", 1),  # no letters beyond a unit: one syllable
    ],
)
def test_compounds_possessives_acronyms_numbers(word: str, expected: int) -> None:
    assert count_syllables(word) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        # Two or three capitals with a letter-by-letter reading in the dictionary: read
        # that way, not as the word of the same spelling (CMU lists "us" as AH1 S first,
        # Y UW2 EH1 S second).
        ("US", 2),  # you-ess, the country
        ("UN", 2),  # you-en
        ("AI", 2),  # ay-eye
        ("IRA", 3),  # eye-ar-ay
        ("us", 1),  # the pronoun, lower case
        ("Us", 1),  # the pronoun starting a sentence
        ("NATO", 2),  # nay-toe: longer capitalised words keep the dictionary reading
        ("NASA", 2),  # nas-uh
        ("TO", 1),  # a word in an all-capital line: no letter reading in the dictionary
    ],
)
def test_capitals_read_letter_by_letter_when_the_dictionary_says_so(
    word: str, expected: int
) -> None:
    assert count_syllables(word) == expected


def test_ligatures_are_undone_before_lookup() -> None:
    # "\ufb01" is the "fi" ligature of text copied from PDFs: fig-ures, 2 as "figures".
    assert count_syllables("\ufb01gures") == count_syllables("figures") == 2
    assert count_syllables("\ufb02ight") == 1  # "fl" ligature: flight


def test_no_alphanumeric_character_is_zero() -> None:
    assert count_syllables("'") == 0
    assert count_syllables("") == 0


def test_cached_and_case_insensitive_for_dictionary_words() -> None:
    assert count_syllables("Police") == count_syllables("POLICE") == count_syllables("police")
    assert count_syllables.cache_info().maxsize is not None


class _FakeFiles:
    def __init__(self, text: str) -> None:
        self.text = text

    def joinpath(self, name: str) -> _FakeFiles:
        return self

    def read_text(self, encoding: str = "utf-8") -> str:
        return self.text


def test_malformed_override_file_names_file_and_line(monkeypatch: pytest.MonkeyPatch) -> None:
    from framing import syllables
    from framing.errors import LexiconError

    syllables._overrides.cache_clear()
    monkeypatch.setattr(syllables, "files",
                        lambda package: _FakeFiles("word,syllables,spoken_as\ndr,two,doctor\n"))
    try:
        with pytest.raises(LexiconError, match=r"syllable_overrides.csv line 2: .*'two'"):
            syllables._overrides()
    finally:
        monkeypatch.undo()
        syllables._overrides.cache_clear()
