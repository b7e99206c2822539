"""The fast paths of the probe search (framing._phrase_search) against their definitions.

The whole-document searches are held to matching every sentence whole in test_terms.py
and test_actors.py; the tests here check the pieces: the lower-case ASCII words made
without lower-casing the text, the region splits shared by two searches, the run sets
of the probe table and the probe hits of one sentence.
"""

from __future__ import annotations

import random
import re
import sys

from framing._phrase_search import (
    ascii_words,
    key_specs,
    lower_ascii_words,
    probe_sets,
    probe_table,
    region_hits,
    region_words,
)


def _reference_words(text: str) -> bytes | None:
    """The definition: ``ascii_words`` of the lower-cased text, None when lower-casing
    changes the length."""
    lower = text.lower()
    return ascii_words(lower) if len(lower) == len(text) else None


def test_lower_ascii_words_by_hand() -> None:
    # by hand: capitals lower-cased, the hyphen, "é" and the space become spaces, the
    # Kelvin sign lower-cases to an ASCII "k", "İ" lower-cases to two characters
    assert lower_ascii_words("Police-Café K9") == b"police caf  k9"
    assert lower_ascii_words("\u212a9 units") == b"k9 units"
    assert lower_ascii_words("İstanbul") is None
    assert lower_ascii_words("") == b""


def test_lower_ascii_words_over_every_code_point() -> None:
    # Reference: the definition, on a text holding every code point but the two that
    # lower-case from non-ASCII to ASCII or change the length (the direct path), then
    # with each of those added (the other two paths).
    chars = [chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF]
    plain = "".join(c for c in chars if c not in "\u0130\u212a")
    assert lower_ascii_words(plain) == _reference_words(plain)
    for extra in ("\u212a", "\u0130", "\u212a\u0130"):
        text = plain[:5000] + extra + plain[5000:10000]
        assert lower_ascii_words(text) == _reference_words(text)


def test_lower_ascii_words_on_random_texts() -> None:
    rng = random.Random(11)
    alphabet = ["a", "B", "z", "Q", "0", "9", " ", "-", "'", "é", "É", "ß", "Σ", "ς",
                "\u212a", "\u0130", "\u00a0", "\n", "_", "ǅ", "ﬁ", "Ⅻ", "²", "٣"]
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        assert lower_ascii_words(text) == _reference_words(text), text


def test_region_words_are_split_once_per_document() -> None:
    text = b"the riot police   came  in x"
    regions = [(0, 16, 0), (16, 28, 1)]
    shared: list = []
    first = region_words(text, regions, shared)
    # the definition: each region's slice split on spaces
    assert first == [[b"the", b"riot", b"police"], [b"came", b"in", b"x"]]
    # same bounds (other region tuples, as the term search passes): the same lists
    assert region_words(text, [(0, 16, True), (16, 28, False)], shared) is first
    # other bounds: split again, and the slot now holds the new ones
    other = region_words(text, [(4, 16, 0)], shared)
    assert other == [[b"riot", b"police"]]
    assert len(shared) == 1 and shared[0][1] is other


def test_probe_run_sets_by_hand() -> None:
    # "climate" is the probe of both phrases (7 letters against 6); its run sets, less
    # the probe, are ("crisis",), one other run, and ("change", "denial"), two. "said" is
    # the probe of "said to be" ("to" is a function word, "be" shorter); "police"
    # alone is a phrase's every run, so it needs nothing.
    keys = [("climate", "crisis"), ("climate", "change", "denial"), ("said", "to", "be"),
            ("police",), ("riot", "police")]
    specs = key_specs(keys)
    table = probe_table(specs, [k for seq in keys for k in seq])
    assert table.probes[b"climate"] == (
        b" climate ", 7, ((b"crisis",), ((b"change", b"denial"),)), 0, 2)
    assert table.probes[b"said"] == (b" said ", 4, ((), ((b"be", b"to"),)), 0, 2)
    assert table.probes[b"police"] == (b" police ", 6, None, 1, 0)


def test_region_hits_match_their_definition() -> None:
    # Reference: the definition. A probe word is kept in a sentence when one of its run
    # sets (probe_sets) is among the sentence's ASCII words; its hits are the offsets
    # where it is a whole letter/digit run of the lower-cased sentence.
    keys = [("climate", "crisis"), ("climate", "change", "denial"), ("said", "to", "be"),
            ("police",), ("riot", "police"), ("o'brien",), ("no", "10"), ("the", "met"),
            ("mob",), ("left", "wing"), ("hard", "left"), ("crisis",)]
    specs = key_specs(keys)
    sets = probe_sets(specs)
    table = probe_table(specs, [k for seq in keys for k in seq], sets)
    words = ["climate", "Crisis", "change", "DENIAL", "said", "to", "be", "police", "riot",
             "O'Brien", "brien", "no", "10", "the", "Met", "mob", "mobs", "left", "wing",
             "hard", "café", "Policeé", "x", "\u212aelvin"]
    gaps = [" ", "  ", "-", ", ", ". ", "'", "’", " - ", "\n", "", "/", '"', "é", "_"]
    rng = random.Random(3)
    total = 0
    for _ in range(2000):
        parts = [rng.choice(words) + rng.choice(gaps) for _ in range(rng.randint(1, 14))]
        source = "".join(parts)
        start = rng.randint(0, min(3, len(source)))
        end = rng.randint(start, len(source))
        text = lower_ascii_words(source)
        assert text is not None
        found = text[start:end].split()
        runs = table.runs.intersection(found)
        got = region_hits(text, source, start, end, runs, table.words.intersection(runs), table)
        have = {w.decode() for w in found}
        expected = []
        for m in re.finditer(r"[^\W_]+", source.lower()[start:end]):
            run = m.group()
            if run in sets and any(have.issuperset(need) for need in sets[run]):
                expected.append((start + m.start(), table.probes[run.encode()]))
        assert got == expected, (source, start, end)
        total += len(expected)
    assert total > 500  # the random sentences hold many hits (981)
