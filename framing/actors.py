"""Actor groups and their mentions: who is being written about, and with which label.

Groups (police, protesters, government, Israel/Israelis, Palestinians, Hamas, the
Jewish and Muslim communities, migrants, the military, courts, media ...) are data in
``framing/data/actors.toml``: for each group its *names* (proper names and metonyms such
as "Scotland Yard", "the Met") and its *label family*, the common nouns a writer picks
from ("protesters", "demonstrators", "activists", "mob", "rioters", "zealots" ...).
Which label an outlet picks for the same people is a framing choice (Entman 1993;
Entman, "Framing: Toward clarification of a fractured paradigm", J. Communication 43(4)).

Matching rules:

* lower-case entries match in any case and in singular or plural ("protester",
  "Protesters", "protesters'"); possessive ``'s`` is ignored;
* entries containing a capital letter are names and match only with that capitalisation
  (so "Met" matches "the Met" but not "they met"), or in all capitals for words longer
  than three letters ("HAMAS" in a headline); plural ``s`` is allowed ("Israelis");
* multi-word and hyphenated entries match as token sequences, longest first, so
  "riot police" is one mention and "Hamas militants" is a Hamas mention;
* a mention never starts or ends inside a longer word or hyphenated compound.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from operator import itemgetter
from pathlib import Path
from typing import Any, NamedTuple

from framing._tomltables import data_error, read_tables
from framing.document import Document, interval_membership, sentence_regions
from framing.lexicon import WordToken, build_index, match_phrases, term_parts, word_tokens

__all__ = ["ActorGroup", "ActorMention", "find_actor_mentions", "load_actors"]

_NAME_RE = re.compile(r"^[a-z][a-z0-9_]*$")
_GROUP_FIELDS = ("name", "description", "names", "labels")


@dataclass(frozen=True, slots=True)
class ActorGroup:
    """An actor group and the words that refer to it.

    Attributes:
        name: Group identifier, lower-case (``"police"``, ``"protesters"``).
        aliases: Every surface form that refers to the group: names (``"Scotland Yard"``,
            ``"Met"``) followed by the labels, as written in the data file.
        labels: The label family a writer chooses from (``"protesters"``, ``"mob"``...).
    """

    name: str
    aliases: tuple[str, ...]
    labels: tuple[str, ...]

    def __hash__(self) -> int:
        # Consistent with equality (equal groups have equal fields) and cheap: the cached
        # matchers hash every group of the set on each call.
        return hash((self.name, len(self.aliases), len(self.labels)))


@dataclass(frozen=True, slots=True)
class ActorMention:
    """One mention of an actor group.

    Attributes:
        group: The group's name.
        label: The alias that matched, as written in the data file (so "protester" and
            "Protesters'" both give ``"protesters"``).
        text: The words as written in the article (``source[start:end]``).
        start: Offset in ``Document.source``.
        end: Offset one past the mention.
        sentence: Index of the sentence holding the mention.
        quoted: True when the mention lies inside a quotation (quoted voice).
    """

    group: str
    label: str
    text: str
    start: int
    end: int
    sentence: int
    quoted: bool


class _Alias(NamedTuple):
    group: str
    label: str
    cased: bool
    parts: tuple[str, ...]  # as written, split on spaces/hyphens


# ------------------------------------------------------------------ loading


_fail = data_error


def _parse_groups(text: str, file: str) -> list[ActorGroup]:
    _, groups, lines = read_tables(text, file, "group")
    out = []
    for k, g in enumerate(groups):
        line = lines[k] if k < len(lines) else None
        if not isinstance(g, dict):
            raise _fail(file, line, "group", f"expected a table, got {g!r}")
        for key in g:
            if key not in _GROUP_FIELDS:
                raise _fail(file, line, key, f"unknown field; allowed: {', '.join(_GROUP_FIELDS)}")
        name = g.get("name")
        if not isinstance(name, str) or not _NAME_RE.match(name):
            raise _fail(file, line, "name", f"expected a lower-case identifier, got {name!r}")
        lists = {}
        for field in ("names", "labels"):
            value = g.get(field, [])
            if not isinstance(value, list) or not all(
                isinstance(v, str) and term_parts(v) for v in value
            ):
                raise _fail(file, line, field, f"expected a list of non-empty strings, got {value!r}")
            lists[field] = tuple(v.strip() for v in value)
        if not lists["names"] and not lists["labels"]:
            raise _fail(file, line, "labels", "a group needs at least one name or label")
        aliases = tuple(dict.fromkeys((*lists["names"], *lists["labels"])))
        out.append(ActorGroup(name=name, aliases=aliases, labels=lists["labels"]))
    return out


def _merge(groups: Iterable[ActorGroup]) -> tuple[ActorGroup, ...]:
    merged: dict[str, ActorGroup] = {}
    for g in groups:
        old = merged.get(g.name)
        if old is None:
            merged[g.name] = g
        else:
            merged[g.name] = ActorGroup(
                name=g.name,
                aliases=tuple(dict.fromkeys((*old.aliases, *g.aliases))),
                labels=tuple(dict.fromkeys((*old.labels, *g.labels))),
            )
    return tuple(merged.values())


@cache
def _builtin() -> tuple[ActorGroup, ...]:
    text = (resources.files("framing") / "data" / "actors.toml").read_text(encoding="utf-8")
    return _merge(_parse_groups(text, "framing/data/actors.toml"))


def load_actors(path: str | Path | None = None, *, replace: bool = False) -> tuple[ActorGroup, ...]:
    """Load the built-in actor groups, optionally extended or replaced by a user TOML file.

    The file holds ``[[group]]`` tables with ``name`` (lower-case identifier), ``names``
    (proper names, matched with their capitalisation), ``labels`` (the label family,
    matched in any case and number) and an optional ``description``. A group whose name
    already exists gets the new names and labels added.

    Args:
        path: User TOML file, or None for the built-in groups.
        replace: If True, use only the user file's groups.

    Returns:
        The groups, built-in order first.

    Raises:
        LexiconError: The file is missing or malformed; the message names the file, the
            line and the field.
    """
    if path is None:
        return _builtin()
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise _fail(str(p), None, "(file)", f"cannot read actor file: {exc}") from None
    user = _parse_groups(text, str(p))
    return _merge(user) if replace else _merge((*_builtin(), *user))


# ------------------------------------------------------------------ matching


def _noun_forms(word: str) -> set[str]:
    """Singular and plural forms of a lower-case English noun (regular rules + -man)."""
    forms = {word}
    if word.endswith("men"):
        forms.add(word[:-3] + "man")
    elif word.endswith("man"):
        forms.add(word[:-3] + "men")
    elif word.endswith("ies") and len(word) > 4:
        forms.add(word[:-3] + "y")
    elif word.endswith(("sses", "xes", "ches", "shes", "zes")):
        forms.add(word[:-2])
    elif word.endswith("s") and not word.endswith(("ss", "us", "is", "news")) and len(word) > 3:
        forms.add(word[:-1])
    elif word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        forms.add(word[:-1] + "ies")
    elif word.endswith(("s", "x", "ch", "sh", "z")):
        forms.add(word + "es")
    elif word == "people":
        forms.add("person")
    elif word == "person":
        forms.add("people")
    elif word not in ("police", "media", "press", "military", "public", "army", "navy"):
        forms.add(word + "s")
    return forms


def _alias_keys(alias: str) -> list[tuple[str, ...]]:
    parts = term_parts(alias)
    variants = {parts}
    if "-" in alias:
        variants.add(term_parts(alias.replace("-", "")))
    out: list[tuple[str, ...]] = []
    for v in variants:
        last = v[-1]
        if alias != alias.lower():  # a name: allow a plural s only
            lasts = {last, last + "s"} if not last.endswith("s") else {last}
        else:
            lasts = _noun_forms(last)
        out.extend((*v[:-1], form) for form in lasts)
    return out


@lru_cache(maxsize=16)
def _actor_index(actors: tuple[ActorGroup, ...]) -> dict[str, Any]:
    items: list[tuple[tuple[str, ...], _Alias]] = []
    for g in actors:
        for alias in g.aliases:
            cased = alias != alias.lower()
            payload = _Alias(g.name, alias, cased, tuple(_TERM_SPLIT.split(alias.strip())))
            items.extend((keys, payload) for keys in _alias_keys(alias))
    return build_index(items)


_TERM_SPLIT = re.compile(r"[\s\-‐‑]+")
_RUN_RE = re.compile(r"[^\W_]+")
#: Words too common to serve as probes when the alias has another word ("the Met").
_FUNCTION_WORDS = frozenset(["the", "a", "an", "of", "and", "for", "in", "on", "at", "to", "no"])


def _best_run(runs: Sequence[str]) -> str:
    """The most telling run of an alias: the longest that is not a function word."""
    return max(runs, key=lambda r: (r not in _FUNCTION_WORDS, len(r)))


@lru_cache(maxsize=16)
def _probes(actors: tuple[ActorGroup, ...]) -> dict[str, tuple[frozenset[str], ...]] | None:
    """Letter runs that any sentence mentioning an actor must contain, for a prefilter.

    A match of an alias's key sequence needs a word whose normalised form is each key,
    and the letter/digit runs of a word's normalised form are runs of the lower-cased
    sentence. So a sentence can mention an alias only if the runs of the lower-cased
    sentence include every run of the alias's keys; sentences that include none are
    skipped without splitting them into words. Returns, for the most telling run of
    each alias (the longest that is not a function word), the run sets of the aliases
    it stands for. Only ASCII runs are used (their lower-casing is context-free);
    otherwise None (no prefilter).
    """
    probes: dict[str, set[frozenset[str]]] = {}
    for candidates in _actor_index(actors).values():
        for cand in candidates:
            runs = [r for key in cand.keys for r in _RUN_RE.findall(key)]
            if not runs or not all(r.isascii() for r in runs):
                return None
            probes.setdefault(_best_run(runs), set()).add(frozenset(runs))
    return {probe: tuple(sets) for probe, sets in probes.items()}


def _may_mention(text: str, probes: dict[str, tuple[frozenset[str], ...]]) -> bool:
    """False only when ``text`` cannot hold a mention of any alias (see :func:`_probes`)."""
    runs = set(_RUN_RE.findall(text.lower()))
    return any(need <= runs for probe in probes.keys() & runs for need in probes[probe])


class _Probe(NamedTuple):
    """One probe run, prepared for a search of a whole document (see :func:`_probe_table`).

    Attributes:
        pattern: The run between two spaces, as ASCII bytes (``b" police "``).
        size: Length of the run.
        needs: None when the run alone is an alias's every run; otherwise, for each run
            set of :func:`_probes`, its other runs as ASCII bytes.
        back: Most words an alias with this run can have before the word holding it.
        fwd: Most words such an alias can have after that word.
    """

    pattern: bytes
    size: int
    needs: tuple[tuple[bytes, ...], ...] | None
    back: int
    fwd: int


class _ProbeTable(NamedTuple):
    """What :func:`_window_spans` needs of an actor set.

    Attributes:
        probes: The probes of :func:`_probes`, keyed by their ASCII bytes.
        words: The keys of ``probes``.
        runs: Every run of every alias, as ASCII bytes.
        separator: A word that is no alias's word (``" 0 "``), between two windows.
    """

    probes: dict[bytes, _Probe]
    words: frozenset[bytes]
    runs: frozenset[bytes]
    separator: str


@lru_cache(maxsize=16)
def _probe_table(actors: tuple[ActorGroup, ...]) -> _ProbeTable:
    """The probes of :func:`_probes` (when not None) for a search of whole documents."""
    probes = _probes(actors) or {}
    reach: dict[str, tuple[int, int]] = {}
    for candidates in _actor_index(actors).values():
        for cand in candidates:
            runs = [_RUN_RE.findall(key) for key in cand.keys]
            best = _best_run([r for key_runs in runs for r in key_runs])
            at = [k for k, key_runs in enumerate(runs) if best in key_runs]
            back, fwd = reach.get(best, (0, 0))
            reach[best] = (max(back, *at), max(fwd, *(len(runs) - 1 - k for k in at)))
    table = {}
    for word, sets in probes.items():
        needs = sorted(tuple(r.encode() for r in sorted(need) if r != word) for need in sets)
        alone = () in needs
        table[word.encode()] = _Probe(
            b" " + word.encode() + b" ", len(word), None if alone else tuple(needs), *reach[word]
        )
    runs = frozenset(r.encode() for sets in probes.values() for need in sets for r in need)
    keys = {key for cands in _actor_index(actors).values() for c in cands for key in c.keys}
    separator = next(f" {'0' * n} " for n in itertools.count(1) if "0" * n not in keys)
    return _ProbeTable(table, frozenset(table), runs, separator)


#: ASCII letters and digits kept, every other byte a space (see :func:`_ascii_words`).
_ASCII_ALNUM = bytes(c if chr(c).isascii() and chr(c).isalnum() else 32 for c in range(256))


def _ascii_words(lower: str) -> bytes:
    """``lower`` as bytes of the same length: ASCII letters and digits kept, all else a space.

    Non-ASCII characters first become "?", so offsets are unchanged and every run of
    ASCII letters and digits of ``lower`` (or of a slice of it) is a space-delimited
    word of the result (or of the same slice of it).
    """
    return lower.encode("ascii", "replace").translate(_ASCII_ALNUM)


def _region_hits(
    ascii_words: bytes,
    lower: str,
    start: int,
    end: int,
    words: list[bytes],
    present: set[bytes],
    table: _ProbeTable,
) -> list[tuple[int, _Probe]]:
    """Probe hits of the sentence ``lower[start:end]`` worth reading, in text order.

    ``words`` are the sentence's words in :func:`_ascii_words`: every ASCII run of the
    sentence, and perhaps pieces of words with non-ASCII letters ("caf" of "café");
    ``present`` are the probes among them. A probe is kept when all runs of one of its
    run sets are among the words (as :func:`_may_mention` asks of the sentence's runs);
    its hits are the places where it is a whole run of the sentence. Returns
    ``(offset, probe)`` pairs; none when the sentence cannot hold a mention.
    """
    runs = None
    region = None
    hits: list[tuple[int, _Probe]] = []
    for word in present:
        probe = table.probes[word]
        pattern, size, needs, _, _ = probe
        if needs is not None:
            if runs is None:
                runs = table.runs.intersection(words)
            if not any(map(runs.issuperset, needs)):
                continue
        if region is None:  # region[j] is the byte before lower[start + j]
            region = b" " + ascii_words[start:end] + b" "
        j = region.find(pattern)
        while j >= 0:  # the run is lower[i:i + size]; is it a whole run of the sentence?
            i = start + j
            if (j == 0 or not lower[i - 1].isalnum()) and (
                i + size == end or not lower[i + size].isalnum()
            ):
                hits.append((i, probe))
            j = region.find(pattern, j + size + 1)
    if len(hits) > 1:
        hits.sort(key=itemgetter(0))
    return hits


def _case_ok(alias: _Alias, toks: Sequence[WordToken]) -> bool:
    if not alias.cased:
        return True
    if len(alias.parts) != len(toks):  # hyphen-joined variant of a cased name
        surface = "".join(t.surface for t in toks)
        return surface.startswith("".join(alias.parts)) or surface.isupper()
    for want, tok in zip(alias.parts, toks):
        got = tok.surface.replace("’", "'")
        if want == want.lower():
            continue
        if got.startswith(want) or got.rstrip("s") == want.rstrip("s"):
            continue
        if got.isupper() and len(got) > 3:
            continue
        return False
    return True


def find_actor_mentions(
    doc: Document, actors: Sequence[ActorGroup] | None = None
) -> tuple[ActorMention, ...]:
    """Find every mention of every actor group in a parsed document.

    Args:
        doc: A parsed :class:`~framing.document.Document` (boilerplate already removed).
        actors: Groups from :func:`load_actors` (default: the built-in groups).

    Returns:
        Mentions in text order; overlapping aliases resolve to the longest match, so
        "Metropolitan Police" is one police mention.
    """
    groups = tuple(actors) if actors is not None else load_actors()
    is_quoted = interval_membership(doc.quoted_intervals())
    source = doc.source
    out: list[ActorMention] = []
    for sent, spans in _sentence_spans(source, sentence_regions(doc), groups):
        for s, e, alias in spans:
            out.append(
                ActorMention(alias.group, alias.label, source[s:e], s, e, sent, is_quoted(s))
            )
    return tuple(out)


_Span = tuple[int, int, _Alias]


@lru_cache(maxsize=16)
def _matcher(actors: tuple[ActorGroup, ...]) -> tuple[Any, _ProbeTable]:
    """The phrase index and the probe table of ``actors`` (prefilter on), looked up once."""
    return _actor_index(actors), _probe_table(actors)


def _sentence_spans(
    source: str, regions: list[tuple[int, int, int]], groups: tuple[ActorGroup, ...]
) -> Iterator[tuple[int, list[_Span]]]:
    """``(sentence index, mention spans)`` for the sentences that may hold a mention.

    Every sentence's words are matched (:func:`_matches`) unless the probe prefilter
    (:func:`_probes`) rules the sentence out. When lower-casing keeps every offset, the
    document is lower-cased once and only the words around the probes are matched
    (:func:`_window_spans`, same spans); otherwise the prefilter runs sentence by
    sentence (:func:`_may_mention`).
    """
    probes = _probes(groups)
    if probes is None:
        index = _actor_index(groups)
        for start, end, sent in regions:
            yield sent, _matches(source, start, end, index)
        return
    index, table = _matcher(groups)
    lower = source.lower()
    if len(lower) == len(source):
        yield from _window_spans(source, lower, regions, index, table)
        return
    for start, end, sent in regions:
        if _may_mention(source[start:end], probes):
            yield sent, _matches(source, start, end, index)


def _matches(source: str, start: int, end: int, index: Any) -> list[_Span]:
    """Mention spans of ``source[start:end]``, matching all of its words."""
    toks = word_tokens(source[start:end], start)
    keys = [t.norm for t in toks]
    return [
        (toks[i].start, toks[j - 1].end, alias)
        for i, j, alias in match_phrases(toks, keys, index, _case_ok)
    ]


def _window(source: str, start: int, end: int, pos: int, probe: _Probe) -> list[int]:
    """``[a, b]``: from ``probe.back`` spaces before ``pos`` to ``probe.fwd`` spaces after
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


def _windows(
    source: str, start: int, end: int, hits: list[tuple[int, _Probe]]
) -> list[list[int]]:
    """The merged windows (:func:`_window`) of a sentence's hits, in text order."""
    if len(hits) == 1:
        return [_window(source, start, end, *hits[0])]
    windows: list[list[int]] = []
    for window in sorted(_window(source, start, end, pos, probe) for pos, probe in hits):
        if windows and window[0] < windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], window[1])
        else:
            windows.append(window)
    return windows


def _window_spans(
    source: str, lower: str, regions: list[tuple[int, int, int]], index: Any, table: _ProbeTable
) -> Iterator[tuple[int, list[_Span]]]:
    """The spans of :func:`_matches` for the sentences passing the prefilter, matching
    only the words near the probe hits. ``lower`` is ``source.lower()``, same length.

    Lower-casing a character keeps it a letter/digit or not (checked for every code
    point in the tests), so with offsets unchanged a word's normalised form has its
    runs at the word's place in ``lower``, and every mention holds a hit of its
    alias's probe (:func:`_region_hits`), at most ``back`` words after the mention's
    first word and ``fwd`` words before its last (:class:`_Probe`). Each hit gets a
    window reaching that far (:func:`_window`); overlapping windows are merged. A
    window starts and ends next to a space or at the sentence's edge, so its words are
    the sentence's words (same offsets, hyphen joins and possessives); every mention
    lies in one window, and an alias running past a window's edge cannot match in the
    sentence either. The windows of the whole document are read as one text, separated
    by a word that is no alias's word (:attr:`_ProbeTable.separator`), so one
    left-to-right, longest-first matching pass gives each sentence's mentions. A
    sentence whose window holds fewer words around a hit than it should (spaces not
    between words: "a  b", "a - b") is matched whole instead.
    """
    ascii_words = _ascii_words(lower)
    plans = []  # (start, end, sentence, hits to check, first window, end of its windows)
    texts: list[str] = []  # the windows' words, joined by the separator
    windows: list[tuple[int, int, int]] = []  # (a, b, sentence's plan) of each window
    offsets: list[int] = []  # where each window starts in the joined text
    at = 0
    step = len(table.separator)
    for start, end, sent in regions:
        words = ascii_words[start:end].split()  # the sentence's ASCII runs, and more
        present = table.words.intersection(words)
        if not present:
            continue  # no probe in the sentence: _may_mention is False
        hits = _region_hits(ascii_words, lower, start, end, words, present, table)
        if not hits:
            continue
        plan = len(plans)
        first = len(windows)
        for a, b in _windows(source, start, end, hits):
            texts.append(source[a:b])
            windows.append((a, b, plan))
            offsets.append(at)
            at += b - a + step
        checks = [hit for hit in hits if hit[1].back or hit[1].fwd]
        plans.append((start, end, sent, checks, first, len(windows)))
    if not plans:
        return
    toks = word_tokens(table.separator.join(texts))
    spans: list[list[_Span] | None] = [[] for _ in plans]
    firsts = None
    for plan, (start, end, _, checks, first, last) in enumerate(plans):
        if checks:
            if firsts is None:
                firsts = [t.start for t in toks]
            if not _enough_words(
                checks, start, end, windows[first:last], offsets[first:last], firsts
            ):
                spans[plan] = None  # matched whole below
    keys = [t.norm for t in toks]
    for i, j, alias in match_phrases(toks, keys, index, _case_ok):
        s = toks[i].start
        w = bisect.bisect_right(offsets, s) - 1
        a, _, plan = windows[w]
        found = spans[plan]
        if found is not None:
            shift = a - offsets[w]
            found.append((s + shift, toks[j - 1].end + shift, alias))
    for (start, end, sent, _, _, _), found in zip(plans, spans):
        if found is None:
            yield sent, _matches(source, start, end, index)
        elif found:
            yield sent, found


def _enough_words(
    checks: list[tuple[int, _Probe]],
    start: int,
    end: int,
    windows: list[tuple[int, int, int]],
    offsets: list[int],
    firsts: list[int],
) -> bool:
    """True when the window of each hit of a sentence holds ``back`` words before the
    hit's word and ``fwd`` after it, or reaches the sentence's edge.

    ``windows`` and ``offsets`` are the sentence's windows and where they start in the
    joined text; ``firsts`` are the start offsets of the joined text's words.
    """
    w = 0
    for pos, probe in checks:
        while windows[w][1] <= pos:
            w += 1
        a, b, _ = windows[w]
        shift = a - offsets[w]  # source offset minus joined offset
        lo = bisect.bisect_left(firsts, a - shift)
        hi = bisect.bisect_left(firsts, b - shift)
        k = bisect.bisect_right(firsts, pos - shift) - 1
        if (k - lo < probe.back and a != start) or (hi - 1 - k < probe.fwd and b != end):
            return False
    return True


def sentence_of(doc: Document, offset: int) -> int:
    """Index of the sentence containing ``offset``, or -1."""
    starts = [s.start for s in doc.sentences]
    i = bisect.bisect_right(starts, offset) - 1
    if i >= 0 and doc.sentences[i].start <= offset < doc.sentences[i].end:
        return doc.sentences[i].index
    return -1
