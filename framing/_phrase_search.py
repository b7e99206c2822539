"""Document-wide phrase search around probe words (used by actors and loaded terms).

Matching a phrase index (:func:`framing.lexicon.build_index`) against every word of every
sentence splits every sentence into words, although most words start no phrase. This
module finds the same matches while splitting only a few words:

* every candidate phrase gets a *probe*: its most telling letter/digit run (the longest
  that is not a function word), and the set of all its runs (:func:`key_specs`);
* the document is mapped once to bytes of the same length, its lower-case ASCII letters
  and digits kept and every other byte a space (:func:`lower_ascii_words`), so a
  sentence's runs are a split of its slice and a probe is found with ``bytes.find``;
* the sentences' splits are intersected with the phrases' runs and probes in C, one
  call per sentence; the splits, and the intersections with the runs of the tables
  built last, are shared by the searches of one document (:func:`region_runs`);
* a sentence is read only when its runs include every run of some candidate of a probe
  it holds (:func:`region_hits`), and then only a window of words around each probe hit,
  as many words before and after as the longest candidate with that probe needs
  (:func:`windows`);
* the windows of a whole document are joined, separated by a word that is no key, and
  matched in one pass (:func:`window_search`); their words are counted (is a window
  short of words?) only when a piece between two spaces holds no word
  (:func:`has_bare_piece`).

The caller's matcher (``match(tokens, where)``) is the one it would run on a sentence's
words; ``where(offset)`` tells it which region a token of the joined text comes from and
how far the joined text is shifted from the source. The matches are those of matching
every region whole as long as every match holds the probe of a spec whose runs it holds
all of, no more than the spec's ``back`` words after its first word and ``fwd`` words
before its last. The specs of the key sequences ensure this when a word's key is its
normalised form; a caller that gives some words another key (the term search's ``-ly``
adverbs) adds specs for those words.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache
from operator import itemgetter
from typing import Any, NamedTuple

from framing.lexicon import WordToken, word_tokens

RUN_RE = re.compile(r"[^\W_]+")
#: Words too common to serve as probes when the phrase has another word ("the Met").
FUNCTION_WORDS = frozenset(["the", "a", "an", "of", "and", "for", "in", "on", "at", "to", "no"])

#: A region of the source: ``(start, end, ...)``, the rest the caller's (index, kind).
Region = tuple[Any, ...]
#: Where a token of the joined windows comes from: its region and the source offset
#: minus the joined offset.
Where = Callable[[int], tuple[Region, int]]
#: A matcher: ``(tokens, where) -> [(i, j, payload)]`` for matches over ``tokens[i:j]``.
Matcher = Callable[[list[WordToken], Where], list[tuple[int, int, Any]]]
#: A match in source offsets: ``(start, end, payload)``.
Span = tuple[int, int, Any]


class ProbeSpec(NamedTuple):
    """What one candidate phrase asks of a sentence.

    Attributes:
        probe: The run a match must hold as a whole run of the lower-cased sentence.
        needs: Every run a match holds (the probe included), sorted, each once.
        back: Words of the phrase before the word holding the probe.
        fwd: Words of the phrase after it.
    """

    probe: str
    needs: tuple[str, ...]
    back: int
    fwd: int


def best_run(runs: Sequence[str]) -> str:
    """The most telling run of a phrase: the longest that is not a function word."""
    return max(runs, key=lambda r: (r not in FUNCTION_WORDS, len(r)))


def key_specs(key_seqs: Iterable[tuple[str, ...]]) -> tuple[ProbeSpec, ...]:
    """The :class:`ProbeSpec` of each key sequence (a phrase's normalised words).

    A match of a key sequence needs a word whose normalised form is each key, and the
    letter/digit runs of a word's normalised form are runs of the lower-cased sentence.
    """
    out = []
    key_runs: dict[str, list[str]] = {}  # keys repeat across phrases: split each once
    for keys in key_seqs:
        runs = [key_runs.get(key) or key_runs.setdefault(key, RUN_RE.findall(key)) for key in keys]
        flat = runs[0] if len(runs) == 1 else [r for one in runs for r in one]
        if len(runs) == 1 and len(flat) == 1:  # one key, one run: the common case
            out.append(ProbeSpec(flat[0], (flat[0],), 0, 0))
            continue
        if not flat:
            out.append(ProbeSpec("", (), 0, 0))
            continue
        best = best_run(flat)
        at = [k for k, one in enumerate(runs) if best in one]
        needs = tuple(sorted(set(flat)))
        out.append(ProbeSpec(best, needs, max(at), len(runs) - 1 - min(at)))
    return tuple(out)


def probe_sets(specs: Iterable[ProbeSpec]) -> dict[str, tuple[tuple[str, ...], ...]] | None:
    """For each probe, the run sets of the phrases it stands for.

    A sentence can hold a match only if its runs include one of the run sets of a probe
    it holds; sentences that include none are skipped without splitting them into words.
    Only ASCII runs are used (their lower-casing is context-free); otherwise None (no
    prefilter).
    """
    probes: dict[str, set[tuple[str, ...]]] = {}
    for spec in specs:
        if not spec.needs:
            return None
        probes.setdefault(spec.probe, set()).add(spec.needs)
    if not all(r.isascii() for sets in probes.values() for need in sets for r in need):
        return None
    return {probe: tuple(sets) for probe, sets in probes.items()}


def may_match(text: str, probes: dict[str, tuple[tuple[str, ...], ...]]) -> bool:
    """False only when ``text`` cannot hold a match (see :func:`probe_sets`)."""
    runs = set(RUN_RE.findall(text.lower()))
    return any(runs.issuperset(need) for probe in probes.keys() & runs for need in probes[probe])


#: One probe run, prepared for a search of a whole document (see :func:`probe_table`):
#: ``(pattern, size, needs, back, fwd)``. ``pattern`` is the run between two spaces, as
#: ASCII bytes (``b" police "``); ``size`` its length; ``needs`` None when the run alone
#: is a phrase's every run, otherwise the other runs of each run set of
#: :func:`probe_sets`, as ASCII bytes: ``(ones, more)``, the other run of each set with
#: one (a tuple of them) and the other runs of each set with more (a tuple each);
#: ``back`` the most words a phrase with this run can have before the word holding it,
#: ``fwd`` after that word. A plain tuple of tuples and atoms (not a named tuple), so
#: the garbage collector stops tracking the many probes of a large lexicon.
Probe = tuple[
    bytes, int, tuple[tuple[bytes, ...], tuple[tuple[bytes, ...], ...]] | None, int, int
]


class ProbeTable(NamedTuple):
    """What :func:`window_search` needs of a phrase set.

    Attributes:
        probes: The probes of :func:`probe_sets`, keyed by their ASCII bytes.
        words: The keys of ``probes``.
        runs: Every run of every phrase, as ASCII bytes.
        separator: A word that is no phrase's word (``" 0 "``), between two windows.
    """

    probes: dict[bytes, Probe]
    words: frozenset[bytes]
    runs: frozenset[bytes]
    separator: str


def probe_table(
    specs: Sequence[ProbeSpec],
    keys: Iterable[str],
    probes: dict[str, tuple[tuple[str, ...], ...]] | None = None,
) -> ProbeTable:
    """The probes of ``specs`` (when :func:`probe_sets` is not None) for whole documents.

    Args:
        specs: The phrases' :class:`ProbeSpec`.
        keys: Every key of every phrase (the separator is none of them).
        probes: ``probe_sets(specs)`` when already computed.
    """
    if probes is None:
        probes = probe_sets(specs) or {}
    reach: dict[str, tuple[int, int]] = {}
    for spec in specs:
        if spec.back or spec.fwd:
            back, fwd = reach.get(spec.probe, (0, 0))
            reach[spec.probe] = (max(back, spec.back), max(fwd, spec.fwd))
    table = {}
    for word, sets in probes.items():
        if (word,) in sets:  # the run alone is a phrase's every run
            needs = None
        else:
            others = sorted(tuple(r.encode() for r in need if r != word) for need in sets)
            ones = tuple(other[0] for other in others if len(other) == 1)
            needs = (ones, tuple(other for other in others if len(other) > 1))
        back, fwd = reach.get(word, (0, 0))
        table[word.encode()] = (b" " + word.encode() + b" ", len(word), needs, back, fwd)
    runs = frozenset(r.encode() for sets in probes.values() for need in sets for r in need)
    key_set = set(keys)
    separator = next(f" {'0' * n} " for n in itertools.count(1) if "0" * n not in key_set)
    _remember_runs(runs)
    return ProbeTable(table, frozenset(table), runs, separator)


#: How many of the last built tables' runs :func:`searched_runs` unites.
_RECENT_TABLES = 4
#: One item: the runs of the last :data:`_RECENT_TABLES` tables built
#: (:func:`probe_table`), newest first, and their union (replaced as one, so a reader
#: never sees a table's runs listed without them in the union).
_recent: list[tuple[tuple[frozenset[bytes], ...], frozenset[bytes]]] = [((), frozenset())]


def _remember_runs(runs: frozenset[bytes]) -> None:
    """Adds a new table's runs to the recent ones (see :func:`searched_runs`)."""
    tables = (runs, *_recent[0][0])[:_RECENT_TABLES]
    _recent[0] = (tables, frozenset().union(*tables))


def searched_runs(runs: frozenset[bytes]) -> frozenset[bytes]:
    """The runs to intersect a region's words with for a table whose runs are ``runs``:
    the union of the recent tables' runs when ``runs`` is one of them, else ``runs``.

    The actor and the term search of a document then intersect each region's words
    with the same set, once (:func:`region_runs`). A superset of the table's runs
    gives the same tests: every run set asked about is the table's, and a run of
    another table is no probe of this one. The union holds at most
    :data:`_RECENT_TABLES` tables' runs.
    """
    tables, union = _recent[0]
    for recent in tables:
        if recent is runs:
            return union
    return runs


#: ASCII letters and digits kept, every other byte a space (see :func:`ascii_words`).
_ASCII_ALNUM = bytes(c if chr(c).isascii() and chr(c).isalnum() else 32 for c in range(256))


def ascii_words(lower: str) -> bytes:
    """``lower`` as bytes of the same length: ASCII letters and digits kept, all else a space.

    Non-ASCII characters first become "?", so offsets are unchanged and every run of
    ASCII letters and digits of ``lower`` (or of a slice of it) is a space-delimited
    word of the result (or of the same slice of it).
    """
    return lower.encode("ascii", "replace").translate(_ASCII_ALNUM)


#: As :data:`_ASCII_ALNUM`, ASCII capitals lower-cased.
_ASCII_ALNUM_LOWER = bytes(
    ord(chr(c).lower()) if chr(c).isascii() and chr(c).isalnum() else 32 for c in range(256)
)


def lower_ascii_words(source: str) -> bytes | None:
    """``ascii_words(source.lower())``, or None when lower-casing changes an offset.

    Only "İ" (U+0130) lower-cases to more than one character and only it and the Kelvin
    sign (U+212A, to "k") lower-case from non-ASCII to ASCII (both checked for every
    code point in the tests). Without them, a character of ``source`` is an ASCII letter
    or digit exactly when its lower-case form is, so the bytes are made from ``source``
    without lower-casing it.
    """
    if "\u0130" in source:
        return None
    if "\u212a" in source:
        return ascii_words(source.lower())
    return source.encode("ascii", "replace").translate(_ASCII_ALNUM_LOWER)


def region_hits(
    ascii_text: bytes,
    source: str,
    start: int,
    end: int,
    runs: frozenset[bytes],
    present: Iterable[bytes],
    table: ProbeTable,
) -> list[tuple[int, Probe]]:
    """Probe hits of the sentence ``source[start:end]`` worth reading, in text order.

    ``runs`` hold the table's runs among the sentence's words in ``ascii_text`` (its
    :func:`lower_ascii_words`: every ASCII run of the sentence, and perhaps pieces of
    words with non-ASCII letters: "caf" of "café"), perhaps with other runs of those
    words (:func:`searched_runs`); ``present`` are the probes among them. A probe is
    kept when all runs of one of its run sets are among the words (as :func:`may_match`
    asks of the sentence's runs); its hits are the places where it is a whole run of
    the sentence.
    Returns ``(offset, probe)`` pairs; none when the sentence cannot hold a match.
    """
    region = None
    hits: list[tuple[int, Probe]] = []
    for word in present:
        probe = table.probes[word]
        pattern, size, needs, _, _ = probe
        if needs is not None and runs.isdisjoint(needs[0]):
            more = needs[1]
            if not more or not any(map(runs.issuperset, more)):
                continue
        if region is None:  # region[j] is the byte before source[start + j]
            region = b" " + ascii_text[start:end] + b" "
        j = region.find(pattern)
        while j >= 0:  # the run is at source[i:i + size]; is it a whole run of the sentence?
            i = start + j  # (lower-casing keeps a character a letter/digit or not)
            if (j == 0 or not source[i - 1].isalnum()) and (
                i + size == end or not source[i + size].isalnum()
            ):
                hits.append((i, probe))
            j = region.find(pattern, j + size + 1)
    if len(hits) > 1:
        hits.sort(key=itemgetter(0))
    return hits


def region_spans(source: str, region: Region, match: Matcher) -> list[Span]:
    """Match spans of the region ``source[start:end]``, matching all of its words."""
    start, end = region[0], region[1]
    toks = word_tokens(source[start:end], start)
    located = (region, 0)
    return [
        (toks[i].start, toks[j - 1].end, payload)
        for i, j, payload in match(toks, lambda _offset: located)
    ]


def search_regions(
    source: str,
    regions: Sequence[Region],
    probes: dict[str, tuple[tuple[str, ...], ...]] | None,
    table: ProbeTable | None,
    match: Matcher,
) -> Iterator[tuple[Region, list[Span]]]:
    """``(region, spans)`` for the regions that may hold a match, in region order.

    Every region's words are matched (:func:`region_spans`) unless the prefilter
    (``probes``, from :func:`probe_sets`; None: no prefilter) rules the region out.
    When lower-casing keeps every offset, the document is mapped to lower-case ASCII
    words once (:func:`lower_ascii_words`) and only the words around the probes are
    matched (:func:`window_search`, same spans); otherwise the prefilter runs region
    by region (:func:`may_match`).
    """
    if probes is None or table is None:
        for region in regions:
            yield region, region_spans(source, region, match)
        return
    text, shared = _prepared(source)
    if text is not None:
        yield from window_search(source, regions, table, match, text, shared)
        return
    for region in regions:
        if may_match(source[region[0] : region[1]], probes):
            yield region, region_spans(source, region, match)


#: Longest text whose preparation :func:`_prepared` keeps (a hostile huge input is
#: prepared again rather than held).
_PREPARED_MAX = 1_000_000

#: The word splits of a document's regions (:func:`region_runs`): the regions'
#: ``(start, end)``, ``text[start:end].split()`` of each, the set of runs they were
#: last intersected with (None: not yet) and the runs among each's words of that set.
RegionWords = tuple[
    tuple[tuple[int, int], ...], list[list[bytes]], frozenset[bytes] | None, list[set[bytes]]
]

_BOUNDS = itemgetter(0, 1)


def region_words(
    text: bytes, regions: Sequence[Region], shared: list[RegionWords]
) -> list[list[bytes]]:
    """``text[start:end].split()`` of each region; ``shared`` holds the last regions' of
    the same document (one entry, replaced when the regions differ), so the actor and
    the term search of a document split it once."""
    bounds = tuple(map(_BOUNDS, regions))
    if shared and shared[0][0] == bounds:
        return shared[0][1]
    lists = [text[a:b].split() for a, b in bounds]
    shared[:] = [(bounds, lists, None, [])]
    return lists


def region_runs(
    text: bytes, regions: Sequence[Region], runs: frozenset[bytes], shared: list[RegionWords]
) -> list[set[bytes]]:
    """``searched_runs(runs).intersection(words)`` for the words of each region
    (:func:`region_words`), kept in ``shared`` with the splits, so the actor and the
    term search of a document, whose tables were built last, intersect once."""
    lists = region_words(text, regions, shared)
    wanted = searched_runs(runs)
    entry = shared[0]
    if entry[1] is lists and entry[2] is wanted:
        return entry[3]
    sets = list(map(wanted.intersection, lists))
    if entry[1] is lists:  # (else another search replaced the slot meanwhile)
        shared[0] = (entry[0], lists, wanted, sets)
    return sets


def _prepared(source: str) -> tuple[bytes | None, list[RegionWords]]:
    """:func:`lower_ascii_words` of ``source`` and a slot for its regions' words
    (:func:`region_words`); the last two texts' are kept, since the actor search and
    the term search of one document both read them."""
    if len(source) > _PREPARED_MAX:
        return _prepare(source)
    return _prepared_cached(source)


@lru_cache(maxsize=2)
def _prepared_cached(source: str) -> tuple[bytes | None, list[RegionWords]]:
    return _prepare(source)


def _prepare(source: str) -> tuple[bytes | None, list[RegionWords]]:
    return lower_ascii_words(source), []


def window(source: str, start: int, end: int, pos: int, probe: Probe) -> list[int]:
    """``[a, b]``: from ``back`` spaces before ``pos`` to ``fwd`` spaces after
    the run, or the sentence's edge; ``source[a - 1]`` and ``source[b]`` are spaces."""
    _, size, _, back, fwd = probe
    a = source.rfind(" ", start, pos)
    for _ in range(back):
        if a < 0:
            break
        a = source.rfind(" ", start, a)
    b = source.find(" ", pos + size, end)
    for _ in range(fwd):
        if b < 0:
            break
        b = source.find(" ", b + 1, end)
    return [start if a < 0 else a + 1, end if b < 0 else b]


def windows(source: str, start: int, end: int, hits: list[tuple[int, Probe]]) -> list[list[int]]:
    """The merged windows (:func:`window`) of a sentence's hits, in text order."""
    if len(hits) == 1:
        return [window(source, start, end, *hits[0])]
    out: list[list[int]] = []
    for win in sorted(window(source, start, end, pos, probe) for pos, probe in hits):
        if out and win[0] < out[-1][1]:
            out[-1][1] = max(out[-1][1], win[1])
        else:
            out.append(win)
    return out


def window_search(
    source: str,
    regions: Sequence[Region],
    table: ProbeTable,
    match: Matcher,
    text: bytes,
    shared: list[RegionWords] | None = None,
) -> Iterator[tuple[Region, list[Span]]]:
    """The spans of :func:`region_spans` for the regions passing the prefilter, matching
    only the words near the probe hits. ``text`` is :func:`lower_ascii_words` of
    ``source`` (not None: lower-casing keeps every offset), and ``shared`` the slot of
    :func:`region_words` shared with another search of the same document.

    Lower-casing a character keeps it a letter/digit or not (checked for every code
    point in the tests), so with offsets unchanged a word's normalised form has its
    runs at the word's place in ``source.lower()``, and every match holds a hit of its
    phrase's probe (:func:`region_hits`), at most ``back`` words after the match's
    first word and ``fwd`` words before its last (:class:`Probe`). Each hit gets a
    window reaching that far (:func:`window`); overlapping windows are merged. A window
    starts and ends next to a space or at the region's edge, so its words are the
    region's words (same offsets, hyphen joins and possessives); every match lies in one
    window, and a phrase running past a window's edge cannot match in the region either.
    The windows of the whole document are read as one text, separated by a word that is
    no phrase's word (:attr:`ProbeTable.separator`), so one left-to-right,
    longest-first matching pass gives each region's matches. A region whose window holds
    fewer words around a hit than it should (spaces not between words: "a  b", "a - b")
    is matched whole instead. That is checked only when the joined windows hold a
    piece between spaces with no word (:func:`has_bare_piece`): otherwise each of the
    ``back`` pieces a window reaches before its hit's piece, and each of the ``fwd``
    after it, holds a word of its own. Yields ``(region, spans)`` in region order, for
    regions with a match (and perhaps some without).
    """
    # per region, in C: the (recent tables') runs among its words, and the probes
    # among those
    runs_of = region_runs(text, regions, table.runs, [] if shared is None else shared)
    presents = list(map(table.words.intersection, runs_of))
    plans = []  # (region, hits, first window, end of its windows)
    texts: list[str] = []  # the windows' words, joined by the separator
    wins: list[tuple[int, int, int]] = []  # (a, b, region's plan) of each window
    offsets: list[int] = []  # where each window starts in the joined text
    at = 0
    step = len(table.separator)
    # a region with no probe is skipped: may_match is False there
    for k in itertools.compress(range(len(presents)), presents):
        region = regions[k]
        start, end = region[0], region[1]
        hits = region_hits(text, source, start, end, runs_of[k], presents[k], table)
        if not hits:
            continue
        plan = len(plans)
        first = len(wins)
        for a, b in windows(source, start, end, hits):
            texts.append(source[a:b])
            wins.append((a, b, plan))
            offsets.append(at)
            at += b - a + step
        plans.append((region, hits, first, len(wins)))
    if not plans:
        return
    joined = table.separator.join(texts)
    toks = word_tokens(joined)
    spans: list[list[Span] | None] = [[] for _ in plans]
    if has_bare_piece(joined):  # else every window has its words
        firsts = [t.start for t in toks]
        for plan, (region, hits, first, last) in enumerate(plans):
            checks = [hit for hit in hits if hit[1][3] or hit[1][4]]
            if checks and not _enough_words(
                checks, region[0], region[1], wins[first:last], offsets[first:last], firsts
            ):
                spans[plan] = None  # matched whole below
    search = bisect.bisect_right

    def where(offset: int) -> tuple[Region, int]:
        w = search(offsets, offset) - 1
        a, _, plan = wins[w]
        return plans[plan][0], a - offsets[w]

    for i, j, payload in match(toks, where):
        s = toks[i].start
        w = search(offsets, s) - 1
        a, _, plan = wins[w]
        found = spans[plan]
        if found is not None:
            shift = a - offsets[w]
            found.append((s + shift, toks[j - 1].end + shift, payload))
    for (region, _, _, _), found in zip(plans, spans):
        if found is None:
            yield region, region_spans(source, region, match)
        elif found:
            yield region, found


#: A piece of text with no letter or digit up to a space or the end, after a space
#: (searched) or at the start (matched): no word starts in it (a word of
#: :func:`word_tokens` starts with a ``[^\W_]`` character).
_BARE_AFTER_SPACE = re.compile(r" (?:[^\w ]|_)*(?= |\Z)")
_BARE_AT_START = re.compile(r"(?:[^\w ]|_)*(?= |\Z)")


def has_bare_piece(text: str) -> bool:
    """True when a piece of ``text`` between spaces (or a space and an end) holds no
    letter or digit, so that no word starts in it ("a  b", "a - b")."""
    return _BARE_AFTER_SPACE.search(text) is not None or _BARE_AT_START.match(text) is not None


def _enough_words(
    checks: list[tuple[int, Probe]],
    start: int,
    end: int,
    wins: list[tuple[int, int, int]],
    offsets: list[int],
    firsts: list[int],
) -> bool:
    """True when the window of each hit of a region holds ``back`` words before the
    hit's word and ``fwd`` after it, or reaches the region's edge.

    ``wins`` and ``offsets`` are the region's windows and where they start in the
    joined text; ``firsts`` are the start offsets of the joined text's words.
    """
    w = 0
    for pos, probe in checks:
        while wins[w][1] <= pos:
            w += 1
        a, b, _ = wins[w]
        shift = a - offsets[w]  # source offset minus joined offset
        lo = bisect.bisect_left(firsts, a - shift)
        hi = bisect.bisect_left(firsts, b - shift)
        k = bisect.bisect_right(firsts, pos - shift) - 1
        _, _, _, back, fwd = probe
        if (k - lo < back and a != start) or (hi - 1 - k < fwd and b != end):
            return False
    return True
