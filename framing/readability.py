"""Readability: seven classic formulas from one counting pass over a parsed Document.

The counts come from the Document's own sentences and tokens (the shared sentence
splitter, which knows "Mr." and "U.S." are not sentence ends and that a headline without
a full stop is a sentence of its own), not from a regular expression over raw text. The
formulas and their constants are textstat's (0.7.x), so for the same counts every score
equals textstat's; see docs/readability.md for where the counts differ and why.

What is counted:
    * Paragraphs: the headline and body paragraphs. Embedded social-media posts and their
      attribution lines are left out (they are someone else's writing, often fragments).
      So are subheadings and labels inside the body (a one-sentence body paragraph of at
      most :data:`MAX_HEADING_WORDS` words that ends without ``. ! ? … : ; ,``) and
      section numbers standing alone as a "sentence" ("4."): Flesch (1979) tests only the
      running text, skipping headings, subheads and section numbers.
    * Words: tokens of kind ``word`` or ``number``. Hyphenated compounds and contractions
      written as one token are one word (Flesch's rule, as textstat). URLs, handles,
      hashtags, e-mail addresses, symbols and punctuation are not words.
    * Sentences: sentences of the counted paragraphs holding at least one word, less the
      skipped subheadings, labels and section numbers.
    * Syllables: :func:`framing.syllables.count_syllables` (CMU dictionary, pyphen
      fallback); a number token counts one syllable, as in textstat.
    * Polysyllabic words (SMOG): words of three or more syllables.
    * Complex words (Gunning fog): words of three or more syllables that are not familiar
      (see below), not a verb form made three syllables by ``-ed``/``-es``, and not a
      hyphenated compound of shorter words (Gunning 1952's exclusions, except proper
      nouns, which are not detected).
    * Difficult words (Dale-Chall): words not on the Dale-Chall familiar-word list after
      the Dale-Chall rules for regular inflections (-s, -es, -ies, -ed, -ied, -ing, -er,
      -est, possessive 's), contractions and hyphenated compounds of familiar words;
      numbers are familiar. The list is the one textstat ships (``textstat/resources/en/easy_words.txt``,
      2,940 entries), read from the installed package.
    * Characters (ARI): characters of the word and number tokens (letters, digits and
      in-word marks such as apostrophes, hyphens and periods), no sentence punctuation.
    * Letters (Coleman-Liau): letters and digits of the word and number tokens.
"""

from __future__ import annotations

import logging
import math
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files
from itertools import compress, repeat
from operator import eq, is_
from typing import TYPE_CHECKING, cast

from framing.document import TokenColumns, token_columns
from framing.errors import LexiconError
from framing.syllables import (
    _ascii_compound_syllables,
    _ascii_possessive_syllables,
    _ascii_word_syllables,
    _cmu_counts,
    _overrides,
    cmu_syllables,
    count_syllables,
)

if TYPE_CHECKING:
    from framing.document import Document

__all__ = [
    "COUNTED_PARAGRAPH_KINDS",
    "FORMULAS",
    "MAX_HEADING_WORDS",
    "MIN_WORDS",
    "SMOG_SENTENCES",
    "ReadabilityCounts",
    "ReadabilityScores",
    "count_readability",
    "is_familiar_word",
    "readability_from_counts",
    "score_readability",
]

logger = logging.getLogger(__name__)

#: Paragraph kinds whose sentences are counted.
COUNTED_PARAGRAPH_KINDS: frozenset[str] = frozenset({"headline", "body"})

#: Below this many words every formula is NaN and the result is flagged
#: ``readability_too_short``: Flesch (1948) and Dale and Chall (1948) calibrated their
#: formulas on samples of about 100 words, and below that a single sentence more or less
#: moves the grade by several points.
MIN_WORDS = 100

#: SMOG is defined on 30 sentences (McLaughlin 1969); fewer are extrapolated by the
#: formula's 30/sentences factor and flagged ``readability_smog_few_sentences``.
SMOG_SENTENCES = 30

#: Longest body paragraph (in words) that can be a subheading: a one-sentence body
#: paragraph this short, ending without sentence or clause punctuation, is a heading or a
#: label ("4 Electronic tagging", "Jason Mathias, 26, Baltimore, Maryland") and is not
#: counted. Longer unterminated lines are kept: they are usually sentences that lost their
#: full stop or were broken across lines.
MAX_HEADING_WORDS = 20

#: The seven formulas, in record order (suffixes of the ``readability_`` keys).
FORMULAS = (
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "automated_readability_index",
    "dale_chall",
)

_EASY_WORDS_RESOURCE = "resources/en/easy_words.txt"
# A line ending in one of these (before closing quotes/brackets) is running text.
_LINE_END_MARKS = frozenset(".!?\u2026:;,")
_CLOSING_MARKS = frozenset("\"')]}\u2019\u201d\u00bb\u203a")
_ENUMERATOR_MARKS = frozenset({".", ")"})
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})
# Possessive endings of the possessive fast path (see _ascii_possessive_profile).
_POSSESSIVE_ENDINGS = ("'s", "\u2019s")
_HYPHENS = ("-", "\u2010", "\u2011", "/")
# Contraction pieces some tokenizers split off ("is" + "n't"): part of the previous word.
_CLITICS = frozenset({"'s", "'re", "'ve", "'ll", "'d", "'m", "n't", "'t"})
# (suffix, replacements): "cities" -> "city", "used" -> "use", "taller" -> "tall".
_INFLECTIONS = (
    ("ies", ("y",)),
    ("ied", ("y",)),
    ("ier", ("y",)),
    ("iest", ("y",)),
    ("es", ("", "e")),
    ("s", ("",)),
    ("ed", ("", "e")),
    ("d", ("",)),
    ("ing", ("", "e")),
    ("er", ("", "e")),
    ("est", ("", "e")),
)
_DOUBLING = ("ed", "ing", "er", "est")
_IRREGULAR_CONTRACTIONS = {"can't": "can", "won't": "will", "shan't": "shall", "ain't": "am"}


@dataclass(frozen=True, slots=True)
class ReadabilityCounts:
    """The counts behind the seven formulas (definitions in the module docstring).

    Attributes:
        words: Word and number tokens in the headline and body.
        sentences: Sentences holding at least one word.
        syllables: Syllables over all words.
        polysyllabic_words: Words of three or more syllables (SMOG).
        complex_words: Unfamiliar words of three or more syllables (Gunning fog).
        difficult_words: Words not on the Dale-Chall familiar list (Dale-Chall).
        characters: Characters of the words, without spaces or sentence punctuation (ARI).
        letters: Letters and digits of the words (Coleman-Liau).
    """

    words: int = 0
    sentences: int = 0
    syllables: int = 0
    polysyllabic_words: int = 0
    complex_words: int = 0
    difficult_words: int = 0
    characters: int = 0
    letters: int = 0

    def as_dict(self) -> dict[str, int]:
        """The counts under ``readability_<name>`` keys."""
        return {f"readability_{name}": getattr(self, name) for name in self.__slots__}


@dataclass(frozen=True, slots=True)
class ReadabilityScores:
    """Seven readability formulas and the counts they were computed from.

    Every score is NaN (never 0) when the text has fewer than ``min_words`` words.

    Attributes:
        counts: The :class:`ReadabilityCounts`.
        flesch_reading_ease: 206.835 - 1.015 W/S - 84.6 Sy/W (Flesch 1948). Higher is
            easier; about 0..100 for ordinary prose (60-70 plain English, below 30 very
            difficult), unbounded in principle.
        flesch_kincaid_grade: 0.39 W/S + 11.8 Sy/W - 15.59 (Kincaid et al. 1975). US
            school grade; higher is harder.
        gunning_fog: 0.4 (W/S + 100 C/W), C = complex words (Gunning 1952). Years of
            schooling; higher is harder.
        smog_index: 1.043 sqrt(30 P/S) + 3.1291, P = polysyllabic words (McLaughlin
            1969). Grade; higher is harder; >= 3.1291.
        coleman_liau_index: 0.058 L - 0.296 S100 - 15.8, L letters and S100 sentences
            per 100 words (Coleman and Liau 1975). Grade; higher is harder.
        automated_readability_index: 4.71 Ch/W + 0.5 W/S - 21.43 (Smith and Senter
            1967). Grade; higher is harder.
        dale_chall: 0.1579 PDW + 0.0496 W/S, plus 3.6365 when PDW > 5, PDW = percentage
            of difficult words (Dale and Chall 1948 coefficients; word list and grade
            bands of Chall and Dale 1995). Higher is harder: 4.9 or lower is grade 4,
            9.0-9.9 college, 10 or more college graduate.
        flags: Warnings: ``readability_empty`` (no words), ``readability_too_short``
            (fewer than ``min_words`` words), ``readability_smog_few_sentences`` (fewer
            than 30 sentences for SMOG).
    """

    counts: ReadabilityCounts
    flesch_reading_ease: float = math.nan
    flesch_kincaid_grade: float = math.nan
    gunning_fog: float = math.nan
    smog_index: float = math.nan
    coleman_liau_index: float = math.nan
    automated_readability_index: float = math.nan
    dale_chall: float = math.nan
    flags: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, float | int]:
        """Flat record: ``readability_<formula>`` for the seven scores, then the counts."""
        record: dict[str, float | int] = {
            f"readability_{name}": getattr(self, name) for name in FORMULAS
        }
        record.update(self.counts.as_dict())
        return record


# --------------------------------------------------------------------------- word lists


@cache
def _easy_words() -> frozenset[str]:
    """The Dale-Chall familiar-word list shipped with textstat, lowercased."""
    try:
        text = files("textstat").joinpath(_EASY_WORDS_RESOURCE).read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, OSError) as exc:
        raise LexiconError(
            f"Dale-Chall list: cannot read textstat/{_EASY_WORDS_RESOURCE} from the "
            f"installed textstat package ({exc}); install textstat>=0.7.4"
        ) from exc
    words = {line.strip().lower() for line in text.splitlines() if line.strip()}
    words |= {w.rstrip(".") for w in words}  # "mr." is also familiar written "Mr"
    return frozenset(words)


@cache
def _familiar_forms() -> frozenset[str]:
    """The Dale-Chall list with every regular inflection of its words (see
    :func:`_inflected_forms`): a word or inflection is on the list when it is in this set,
    one lookup instead of trying the eleven inflection rules on each word."""
    return _inflected_forms(_easy_words())


def _inflected_forms(easy: frozenset[str]) -> frozenset[str]:
    """``easy`` and every word that is a regular inflection of a word of ``easy``.

    The rules of :data:`_INFLECTIONS` run forwards: a word ending in ``suffix`` whose
    stem (``word`` less the suffix, longer than one character) plus one of the
    replacements is listed ("cities": "cit" + "y"), or whose stem doubles the last
    letter of a listed word before -ed/-ing/-er/-est ("bigger": "bigg" from "big").
    Generating these forms from the 2,940 listed words gives exactly the words the
    rules accept (about 30,000), so each check is one set lookup.
    """
    forms = set(easy)
    for listed in easy:
        for suffix, replacements in _INFLECTIONS:
            for replacement in replacements:
                if listed.endswith(replacement):
                    stem = listed[: len(listed) - len(replacement)]
                    if len(stem) > 1:
                        forms.add(stem + suffix)
            if suffix in _DOUBLING and len(listed) > 1:
                forms.add(listed + listed[-1] + suffix)
    return frozenset(forms)


@lru_cache(maxsize=1 << 16)
def is_familiar_word(word: str) -> bool:
    """Whether a word counts as familiar under the Dale-Chall rules used here.

    Familiar: on the Dale-Chall list (as shipped with textstat), a regular inflection of
    a listed word (-s, -es, -ies, -ed, -ied, -ing, -er, -est, doubled final consonant,
    possessive 's), a contraction of a familiar word ("weren't"), a hyphenated compound
    whose parts are all familiar, or a number.

    Args:
        word: One token as written (any case, straight or curly apostrophes).

    Returns:
        True when familiar, False when the word is "difficult" for Dale-Chall.
    """
    easy = _easy_words()
    if word in easy:
        return True
    word = word.translate(_APOSTROPHES).lower().strip("'\"")
    if word.isalpha():
        return word in _familiar_forms()
    if not word or word[0].isdigit() or not any(ch.isalpha() for ch in word):
        return True
    if word in easy:
        return True
    word = word.rstrip(".")
    base = _contraction_base(word)
    if base is not None:
        return is_familiar_word(base)
    if word.endswith("'s"):
        word = word[:-2]
    elif word.endswith("s'"):
        word = word[:-1]
    if any(h in word for h in _HYPHENS):
        parts = [p for p in _split_compound(word) if p]
        return bool(parts) and all(is_familiar_word(p) for p in parts)
    return word in _familiar_forms()


def _contraction_base(word: str) -> str | None:
    """The first word of a contraction ("weren't" -> "were"), or None."""
    if word in _IRREGULAR_CONTRACTIONS:
        return _IRREGULAR_CONTRACTIONS[word]
    if word.endswith("n't") and len(word) > 3:
        return word[:-3]
    head, sep, tail = word.rpartition("'")
    if sep and head and tail in ("re", "ve", "ll", "d", "m"):
        return head
    return None


def _split_compound(word: str) -> list[str]:
    for h in _HYPHENS[1:]:
        word = word.replace(h, "-")
    return word.split("-")


def _is_complex(word: str, syllables: int, familiar: bool | None = None) -> bool:
    """Gunning's "hard word": 3+ syllables, unfamiliar, not -ed/-es, not a compound."""
    if syllables < 3:
        return False
    if familiar if familiar is not None else is_familiar_word(word):
        return False
    lower = word.translate(_APOSTROPHES).lower()
    if any(h in lower for h in _HYPHENS):
        parts = [p for p in _split_compound(lower.strip("'\".")) if p]
        if parts and all(count_syllables(p) < 3 for p in parts):
            return False
    if lower.endswith(("ed", "es")):
        for stem in (lower[:-1], lower[:-2]):
            if len(stem) > 1 and cmu_syllables(stem) is not None:
                return count_syllables(stem) >= 3
    return True


# ------------------------------------------------------------------------ counting pass


def _word_profile(text: str) -> tuple[int, int, int, int, int, int, int]:
    """(words, syllables, polysyllabic, complex, difficult, characters, letters) of a word.

    Typographic ligatures are undone first (NFKC): "ﬁgures" is seven letters and the
    familiar word "figures". Words of ASCII letters, compounds of them joined by single
    hyphens and their possessives take short paths equal to :func:`_profile_rules`. Not
    cached: articles read the packed profiles of :func:`_sum_packed_words`, which keeps
    each word's once.
    """
    if text.isascii() and text.isalpha():
        return _ascii_word_profile(text)
    parts = text.split("-")
    if len(parts) > 1 and text.isascii() and all(map(str.isalpha, parts)):
        return _ascii_compound_profile(text, parts)
    if text.endswith(_POSSESSIVE_ENDINGS) and text[:-2].isascii() and text[:-2].isalpha():
        return _ascii_possessive_profile(text)
    return _profile_rules(text)


def _profile_rules(text: str) -> tuple[int, int, int, int, int, int, int]:
    """:func:`_word_profile` by the general rules, for any token text (the ASCII-letters path
    of :func:`_ascii_word_profile` is tested against it)."""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    letters = len(text) if text.isalnum() else sum(1 for ch in text if ch.isalnum())
    if text.translate(_APOSTROPHES).lower() in _CLITICS:
        # A split-off contraction piece belongs to the previous word.
        syllables = 1 if text.lower().startswith("n") else 0
        return (0, syllables, 0, 0, 0, len(text), letters)
    if letters == 0:
        return (0, 0, 0, 0, 0, 0, 0)
    # Uncached inner functions: this profile is itself cached per token text.
    syllables = _count_syllables_uncached(text)
    familiar = _is_familiar_uncached(text)
    return (
        1,
        syllables,
        1 if syllables >= 3 else 0,
        1 if _is_complex(text, syllables, familiar) else 0,
        0 if familiar else 1,
        len(text),
        letters,
    )


def _ascii_word_profile(text: str) -> tuple[int, int, int, int, int, int, int]:
    """The profile of a word of ASCII letters only (most words): the general rules with
    the steps that cannot apply to it left out.

    No normalisation, no clitic (clitics hold an apostrophe); the syllables are
    :func:`framing.syllables._ascii_word_syllables`; familiar means the lower-cased
    word is on the list or an accepted inflection (what :func:`is_familiar_word`
    reduces to for such a word).
    """
    lower = text.lower()
    syllables = _ascii_word_syllables(text, lower)
    familiar = lower in _familiar_forms()
    return _counted_profile(text, syllables, familiar, len(text))


def _counted_profile(
    text: str, syllables: int, familiar: bool, letters: int
) -> tuple[int, int, int, int, int, int, int]:
    """The profile of one counted word (see :func:`_word_profile`) from its syllables,
    whether it is familiar and its letters: polysyllabic at 3+ syllables, complex when
    also unfamiliar and no Gunning exception (:func:`_is_complex`), difficult when
    unfamiliar, characters the whole text."""
    return (
        1,
        syllables,
        1 if syllables >= 3 else 0,
        1 if syllables >= 3 and not familiar and _is_complex(text, syllables, familiar) else 0,
        0 if familiar else 1,
        len(text),
        letters,
    )


def _ascii_compound_profile(
    text: str, parts: list[str]
) -> tuple[int, int, int, int, int, int, int]:
    """The profile of runs of ASCII letters joined by single hyphens ("anti-war";
    ``parts`` is ``text.split("-")``): the general rules with the steps that cannot apply
    left out.

    No normalisation, no clitic (clitics hold an apostrophe); the syllables are
    :func:`framing.syllables._ascii_compound_syllables`; familiar means the word as
    written or lower-cased is on the list, or every lower-cased part is on it or an
    accepted inflection (what :func:`is_familiar_word` reduces to for such a word);
    every character but the hyphens is a letter.
    """
    lower = text.lower()
    syllables = _ascii_compound_syllables(text, lower)
    easy = _easy_words()
    familiar = (
        text in easy or lower in easy or all(map(_familiar_forms().__contains__, lower.split("-")))
    )
    return _counted_profile(text, syllables, familiar, len(text) - len(parts) + 1)


def _ascii_possessive_profile(text: str) -> tuple[int, int, int, int, int, int, int]:
    """The profile of a possessive of ASCII letters ("Trump's", "nation’s": a word of
    ASCII letters, then ``'s`` or ``’s``): the general rules with the steps that
    cannot apply left out.

    No normalisation (the curly apostrophe has none), no clitic (the base is not empty);
    the syllables are :func:`framing.syllables._ascii_possessive_syllables`; familiar
    means the word as written or with a straight apostrophe is on the list (as "it's"
    is), or the lower-cased base is on it or an accepted inflection (what
    :func:`is_familiar_word` reduces to for such a word: ``'s`` is no contraction
    there); every character but the apostrophe is a letter.
    """
    base = text[:-2]
    lower = base.lower()
    syllables = _ascii_possessive_syllables(base, lower)
    easy = _easy_words()
    familiar = text in easy or lower + "'s" in easy or lower in _familiar_forms()
    return _counted_profile(text, syllables, familiar, len(text) - 1)


_count_syllables_uncached = count_syllables.__wrapped__
_is_familiar_uncached = is_familiar_word.__wrapped__


def _number_profile(text: str) -> tuple[int, int, int, int, int, int, int]:
    """A number token: one word of one syllable, familiar, never complex."""
    return (1, 1, 0, 0, 0, len(text), sum(1 for ch in text if ch.isalnum()))


# A profile packed into one int, FIELD_BITS bits per count, so that an article's
# counts are one C-level sum() of ints instead of a sum over seven-tuples. A field
# overflows only past 2**48 words or characters, far beyond any text.
_FIELD_BITS = 48


def _pack(profile: tuple[int, ...]) -> int:
    words, syllables, poly, complex_, difficult, characters, letters = profile
    return (
        words
        | syllables << _FIELD_BITS
        | poly << 2 * _FIELD_BITS
        | complex_ << 3 * _FIELD_BITS
        | difficult << 4 * _FIELD_BITS
        | characters << 5 * _FIELD_BITS
        | letters << 6 * _FIELD_BITS
    )


def _unpack(packed: int) -> tuple[int, ...]:
    mask = (1 << _FIELD_BITS) - 1
    return tuple((packed >> (_FIELD_BITS * k)) & mask for k in range(7))


def _new_packed_word(text: str, table: dict[str, int]) -> int:
    """:func:`_word_profile` of a word token not in ``table``, packed (see :func:`_pack`).

    A capitalised word of ASCII letters ("Police") has the profile of its lower-case
    form (every rule that reads capitals needs two of them, see
    :func:`_ascii_word_profile`), so it is computed, and kept in ``table``, under that
    form: one profile for the two spellings.
    """
    # for ASCII letters istitle() is "one capital, then lower case", as in _sum_packed_words
    if len(text) > 1 and text.isascii() and text.isalpha() and text.istitle():
        lower = text.lower()
        packed = table.get(lower)
        if packed is None:
            packed = table[lower] = _pack(_ascii_word_profile(lower))
        return packed
    return _pack(_word_profile(text))


@cache
def _dictionary_profiles() -> dict[str, int]:
    """Packed profiles of the 117,493 lower-case alphabetic CMU dictionary words.

    Each is :func:`_ascii_word_profile` of the word, computed without the steps that
    cannot apply to a lower-case dictionary word: its syllables are the override or the
    dictionary count (at least 1), as in :func:`framing.syllables._ascii_word_syllables`.
    Built once, on the first word not yet in :func:`_profile_table` (about 0.13 s and
    4 MB: the keys are the dictionary's own strings and its 144 distinct profiles are
    shared), and never changed, so it needs no bound. A new dictionary word then costs
    one C-level lookup in :func:`_sum_packed_words` instead of the rules.
    """
    familiar_forms = _familiar_forms()
    # One packed profile per (length, syllables, familiar, complex): the 144 that occur.
    shared: dict[tuple[int, int, bool, bool], int] = {}
    profiles: dict[str, int] = {}
    overrides = _overrides()
    for word, count in _cmu_counts().items():
        if not (word.isascii() and word.isalpha() and word.islower()):
            continue
        syllables = overrides.get(word) or max(count, 1)  # syllables._listed, inlined
        familiar = word in familiar_forms
        key = (len(word), syllables, familiar,
               syllables >= 3 and not familiar and _is_complex(word, syllables, False))
        packed = shared.get(key)
        if packed is None:
            packed = shared[key] = _pack(_counted_profile(word, syllables, familiar, len(word)))
        profiles[word] = packed
    return profiles


#: Entries of the word-profile table before it is emptied (about 20 MB when full).
_TABLE_SIZE = 1 << 17


@cache
def _profile_table() -> dict[str, int]:
    """Packed profiles of the word tokens met so far, by token text (a cache).

    A plain dict read with ``map(dict.get, words)``: about a third of the cost per token
    of calling an ``lru_cache``-wrapped function on every token, and the per-token
    lookups are most of an article's readability time once its words are known.
    Bounded by emptying it when it passes :data:`_TABLE_SIZE` entries.
    """
    return {}


def _sum_packed_words(words: list[str]) -> int:
    """Sum of the packed profiles of ``words`` (see :func:`_pack`)."""
    table = _profile_table()
    found = list(map(table.get, words))
    if None not in found:  # every word met before: the usual case
        return sum(cast("list[int]", found))
    if len(table) > _TABLE_SIZE:
        table.clear()
    # The sum reads the new profiles from this call's own dict, not from the table,
    # so that another thread emptying the table meanwhile cannot lose one.
    missing = list(compress(words, map(is_, found, repeat(None))))  # C-level pass
    profiles = _dictionary_profiles()
    unique = set(missing)
    # Dictionary words in C-level passes: lower-case ones, then capitalised ones of
    # ASCII letters ("Police"), which share the lower-case profile (see
    # _new_packed_word; for ASCII letters istitle() is "one capital, then lower case").
    new = dict(zip(unique, map(profiles.get, unique)))
    rest = [w for w, p in new.items() if p is None]
    titled = list(filter(str.istitle, filter(str.isalpha, filter(str.isascii, rest))))
    new.update(zip(titled, map(profiles.get, map(str.lower, titled))))
    for word in [w for w in rest if new[w] is None]:
        new[word] = _new_packed_word(word, table)
    resolved = cast("dict[str, int]", new)  # every word now has its profile
    table.update(resolved)
    # filter(None, ...) drops the Nones (and zeros, which add nothing) in C
    return sum(filter(None, found)) + sum(map(resolved.__getitem__, missing))


@lru_cache(maxsize=1 << 14)
def _packed_number(text: str) -> int:
    """:func:`_number_profile` of a number token, packed."""
    return _pack(_number_profile(text))


_WORD, _NUMBER = "word", "number"  # token kinds counted


def _is_enumerator(tokens: TokenColumns) -> bool:
    """A section or list number standing alone as a sentence: "4." or "4)"."""
    texts, _, kinds = tokens
    return (
        0 < len(texts) <= 2
        and kinds[0] == "number"
        and (len(texts) == 1 or texts[1] in _ENUMERATOR_MARKS)
    )


def _is_heading(tokens: TokenColumns) -> bool:
    """A subheading or label: at most MAX_HEADING_WORDS words, no closing punctuation.

    Args:
        tokens: The tokens of a body paragraph's only sentence.

    Returns:
        True when the last token that is not a closing quote or bracket does not end in
        ``. ! ? … : ; ,`` and the line has at most :data:`MAX_HEADING_WORDS` words.
    """
    texts, _, kinds = tokens
    last = ""
    for text in reversed(texts):
        if not all(ch in _CLOSING_MARKS for ch in text):
            last = text
            break
    if not last or last[-1] in _LINE_END_MARKS:
        return False
    words = sum(1 for kind in kinds if kind == _WORD or kind == _NUMBER)
    return 0 < words <= MAX_HEADING_WORDS


def _running_text(
    doc: Document, paragraph_kinds: frozenset[str]
) -> Iterator[TokenColumns]:
    """Token columns of the sentences that count: running text of the counted paragraphs.

    Skipped: paragraphs of other kinds, section numbers standing alone ("4."), and body
    paragraphs that are a single heading-like sentence (:func:`_is_heading`).
    """
    kinds = [p.kind for p in doc.paragraphs]
    n_paragraphs = len(kinds)
    kept: list[tuple[int, TokenColumns]] = []
    for sentence in doc.sentences:
        p = sentence.paragraph
        if p < n_paragraphs and kinds[p] not in paragraph_kinds:
            continue
        tokens = token_columns(sentence)
        if _is_enumerator(tokens):
            continue
        kept.append((p, tokens))
    per_paragraph = Counter(p for p, _ in kept)
    for p, tokens in kept:
        if (
            per_paragraph[p] == 1
            and p < n_paragraphs
            and kinds[p] == "body"
            and _is_heading(tokens)
        ):
            continue
        yield tokens


def count_readability(
    doc: Document, *, paragraph_kinds: frozenset[str] = COUNTED_PARAGRAPH_KINDS
) -> ReadabilityCounts:
    """Count words, sentences, syllables and the rest in one pass over the tokens.

    Only running text is counted (Flesch 1979): the headline and body paragraphs, less
    subheadings, labels and stand-alone section numbers (see the module docstring).

    Args:
        doc: A parsed Document (:func:`framing.parse`).
        paragraph_kinds: Paragraph kinds to count (default: headline and body).

    Returns:
        The :class:`ReadabilityCounts`; all zero for an empty document.
    """
    kept = list(_running_text(doc, paragraph_kinds))
    # The texts of each kind are picked from the columns in C (compress over
    # operator.eq: a bound str.__eq__ is a slot wrapper, called through a new argument
    # tuple per token), and the packed profiles add up in one C-level sum per kind.
    words: list[str] = []
    numbers: list[str] = []
    sentences = 0
    for texts, _, kinds in kept:
        if _WORD in kinds:
            words += compress(texts, map(eq, kinds, repeat(_WORD)))
        elif _NUMBER not in kinds:
            continue  # a sentence counts when it holds a word or number token
        if _NUMBER in kinds:
            numbers += compress(texts, map(eq, kinds, repeat(_NUMBER)))
        sentences += 1
    if not words and not numbers:
        return ReadabilityCounts()
    total = _sum_packed_words(words) + sum(map(_packed_number, numbers))
    n_words, syllables, poly, complex_, difficult, characters, letters = _unpack(total)
    if n_words == 0:
        sentences = 0
    return ReadabilityCounts(
        words=n_words,
        sentences=sentences,
        syllables=syllables,
        polysyllabic_words=poly,
        complex_words=complex_,
        difficult_words=difficult,
        characters=characters,
        letters=letters,
    )


# ----------------------------------------------------------------------------- formulas


def readability_from_counts(
    counts: ReadabilityCounts, *, min_words: int = MIN_WORDS
) -> ReadabilityScores:
    """Apply the seven formulas to counts (pure; textstat 0.7's formulas and constants).

    Args:
        counts: The counts (e.g. from :func:`count_readability`).
        min_words: Fewer words than this give NaN scores flagged
            ``readability_too_short`` (default :data:`MIN_WORDS`; 1 computes any text
            with a word).

    Returns:
        :class:`ReadabilityScores`; NaN scores (never 0) with a flag when undefined.
    """
    w, s = counts.words, counts.sentences
    if w <= 0 or s <= 0:
        return ReadabilityScores(counts=counts, flags=("readability_empty",))
    if w < min_words:
        return ReadabilityScores(counts=counts, flags=("readability_too_short",))
    flags = ("readability_smog_few_sentences",) if s < SMOG_SENTENCES else ()
    words_per_sentence = w / s
    syllables_per_word = counts.syllables / w
    percent_difficult = 100 * counts.difficult_words / w
    dale_chall = 0.1579 * percent_difficult + 0.0496 * words_per_sentence
    if percent_difficult > 5:
        dale_chall += 3.6365
    return ReadabilityScores(
        counts=counts,
        flesch_reading_ease=206.835 - 1.015 * words_per_sentence - 84.6 * syllables_per_word,
        flesch_kincaid_grade=0.39 * words_per_sentence + 11.8 * syllables_per_word - 15.59,
        gunning_fog=0.4 * (words_per_sentence + 100 * counts.complex_words / w),
        smog_index=1.043 * (30 * (counts.polysyllabic_words / s)) ** 0.5 + 3.1291,
        coleman_liau_index=0.058 * (counts.letters / w * 100) - 0.296 * (s / w * 100) - 15.8,
        automated_readability_index=4.71 * (counts.characters / w)
        + 0.5 * words_per_sentence
        - 21.43,
        dale_chall=dale_chall,
        flags=flags,
    )


def score_readability(doc: Document, *, min_words: int = MIN_WORDS) -> ReadabilityScores:
    """Readability of a parsed article: one counting pass, then the seven formulas.

    Args:
        doc: A parsed Document (:func:`framing.parse`).
        min_words: Minimum words for defined scores (default :data:`MIN_WORDS` = 100).

    Returns:
        :class:`ReadabilityScores`. Empty or short text gives NaN scores and a flag,
        never 0 and never an exception.

    Examples:
        >>> import framing
        >>> r = score_readability(framing.parse(open("seeds/000_eded39321e4ca841.txt").read()))
        >>> 0 < r.flesch_kincaid_grade < 25
        True
    """
    return readability_from_counts(count_readability(doc), min_words=min_words)
