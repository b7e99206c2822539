"""The fast paths of the probe search (framing._phrase_search) against their definitions.

The whole-document searches are held to matching every sentence whole in test_terms.py
and test_actors.py; the tests here check the pieces: the lower-case ASCII words made
without lower-casing the text, the region splits and run sets shared by two searches,
the run sets of the probe table, the probe hits of one sentence and the test that lets
a search skip counting the words of its windows.
"""

from __future__ import annotations

import random
import re
import sys

from framing import _phrase_search
from framing._phrase_search import (
    ascii_words,
    has_bare_piece,
    key_specs,
    lower_ascii_words,
    probe_sets,
    probe_table,
    region_hits,
    region_runs,
    region_words,
    searched_runs,
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


def _reference_bare(text: str) -> bool:
    """The definition: a piece of ``text`` split on spaces holds no ``[^\\W_]``
    character (no word of word_tokens starts in it)."""
    return any(re.search(r"[^\W_]", piece) is None for piece in text.split(" "))


def test_bare_pieces_by_hand() -> None:
    # by hand: "a b" has two pieces with a letter each; a double space or a lone dash,
    # underscore or newline between spaces makes a piece with none; so does an empty
    # text or a space at either end
    assert not has_bare_piece("a b") and not has_bare_piece("riot -police 0 x")
    assert not has_bare_piece("café, (b)") and not has_bare_piece("a\n")
    for text in ("a  b", "a - b", "a _ b", "a \n b", " a", "a ", "", "- a", "a -", "—"):
        assert has_bare_piece(text), text


def test_bare_pieces_on_random_texts() -> None:
    rng = random.Random(5)
    alphabet = ["a", "Z", "0", "é", "_", "-", "—", "'", "\n", " ", " ", "(", "٣", "\u00a0"]
    seen = 0
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        assert has_bare_piece(text) is _reference_bare(text), repr(text)
        seen += has_bare_piece(text)
    assert 500 < seen < 4500  # both answers are common


def test_window_search_skips_word_counts_exactly(monkeypatch) -> None:
    # Reference: the same searches with every window's words counted (the shortcut
    # taken only when no piece between spaces lacks a word turned off).
    from framing import parse
    from framing.actors import find_actor_mentions
    from framing.terms import find_loaded_terms

    rng = random.Random(8)
    words = ["riot", "police", "the", "Met", "climate", "crisis", "said", "to", "be",
             "slammed", "deep", "state", "boat", "people", "bizarrely", "Hamas", "x", "café"]
    gaps = [" ", " ", " ", "  ", " - ", "-", ", ", ". ", " _ ", "’s ", " (", "\n\n"]
    texts = []
    for k in range(200):
        some = gaps if k % 2 else gaps[:3] + gaps[5:8]  # half with no bare piece
        parts = [rng.choice(words) + rng.choice(some) for _ in range(rng.randint(1, 30))]
        texts.append("".join(parts))
    skipped = []
    plain = _phrase_search.has_bare_piece
    monkeypatch.setattr(
        _phrase_search, "has_bare_piece", lambda text: plain(text) or skipped.append(text)
    )

    def run() -> list:
        _phrase_search._prepared_cached.cache_clear()
        out = []
        for text in texts:
            doc = parse(text)
            out.append((find_actor_mentions(doc), find_loaded_terms(doc)))
        return out

    fast = run()
    monkeypatch.setattr(_phrase_search, "has_bare_piece", lambda text: True)
    assert run() == fast
    assert sum(len(m) + len(h) for m, h in fast) > 500  # the texts hold many matches
    assert len(skipped) > 100, len(skipped)  # and many searches took the shortcut


def test_region_runs_are_shared_by_the_tables_built_last() -> None:
    # Reference: each table's own runs among each region's words. The two tables built
    # last intersect a document's regions once, with the union of their runs; the
    # probes and the hits read from that superset are the table's own.
    one = key_specs([("riot", "police"), ("police",), ("the", "met")])
    two = key_specs([("climate", "crisis"), ("said", "to", "be"), ("police",)])
    table_one = probe_table(one, ["riot", "police", "the", "met"])
    table_two = probe_table(two, ["climate", "crisis", "said", "to", "be", "police"])
    union = searched_runs(table_one.runs)  # with the runs of tables built before
    assert union is searched_runs(table_two.runs) and table_one.runs | table_two.runs <= union
    source = "The riot police  met. Climate crisis, said to be, the Met police."
    text = lower_ascii_words(source)
    assert text is not None
    regions = [(0, 21, 0), (22, len(source), 1)]
    shared: list = []
    first = region_runs(text, regions, table_one.runs, shared)
    assert region_runs(text, regions, table_two.runs, shared) is first  # once
    for table in (table_one, table_two):
        for (start, end, _), runs in zip(regions, first):
            words = text[start:end].split()
            own = table.runs.intersection(words)
            assert own <= runs <= union
            assert table.words.intersection(runs) == table.words.intersection(own)
            assert region_hits(text, source, start, end, runs, table.words & runs, table) \
                == region_hits(text, source, start, end, own, table.words & own, table)
    # a table no longer among the recent ones: its own runs, intersected again
    for k in range(_phrase_search._RECENT_TABLES):
        probe_table(key_specs([(f"w{k}",)]), [f"w{k}"])
    assert len(_phrase_search._recent[0][0]) == _phrase_search._RECENT_TABLES
    assert searched_runs(table_one.runs) is table_one.runs
    again = region_runs(text, regions, table_one.runs, shared)
    assert again is not first
    assert again == [table_one.runs.intersection(text[a:b].split()) for a, b, _ in regions]
