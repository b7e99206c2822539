"""Loaded-term lexicons as data: loading, validation, hashing and the word matcher.

A lexicon is a list of entries (term, category, weight 1-3, optional note, source) kept
in TOML or CSV files under ``framing/data/lexicon/``. The built-in lexicon is the union
of those files; users can extend it or replace it with their own TOML/CSV file
(:func:`load_lexicon`). Every lexicon carries a name, a version string and a SHA-256
content hash of its canonical entries, and those three go into every result so a
figure can be traced to the exact word list that produced it.

Matching (used by :mod:`framing.terms` and :mod:`framing.actors`) is one pass over the
word tokens of each sentence with a dict keyed by the first token of each entry:

* case-insensitive; inflection-aware through explicit forms generated for every entry
  word (:func:`inflections`: plural/third person, past, -ing; derivations kept apart),
  or, for entries marked ``match = "exact"``, only the forms as written;
* multi-word expressions match token sequences inside one sentence;
* hyphen variants: ``heavy-handed`` matches "heavy-handed", "heavy handed" and
  "heavyhanded";
* a match never starts or ends inside a longer word, and never inside a hyphenated
  compound ("terror" does not match "anti-terror").
"""

from __future__ import annotations

import csv
import hashlib
import io
import itertools
import json
import logging
import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from itertools import accumulate, compress, repeat
from operator import add, itemgetter, methodcaller
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from framing._tomltables import data_error, read_tables
from framing.errors import LexiconError

__all__ = [
    "CATEGORIES",
    "Entry",
    "Lexicon",
    "LexiconError",
    "WordToken",
    "inflections",
    "load_lexicon",
    "match_phrases",
    "word_tokens",
]

logger = logging.getLogger(__name__)

#: Built-in categories, in report order. User lexicons may add others (any lowercase
#: identifier); these are the ones every result reports a rate for.
CATEGORIES = (
    "emotive",
    "sensational",
    "conflict",
    "delegitimising",
    "partisan",
    "intensifier",
    "hedge",
    "factive",
    "implicative",
    "assertive",
    "report_verb",
    "subjective",
    "contested",
)

_MATCH_MODES = ("inflect", "exact")
_FIELDS = ("term", "category", "weight", "note", "source", "match")
_CATEGORY_RE = re.compile(r"^[a-z][a-z0-9_]*$")
#: A word of :func:`word_tokens`: letters and digits, joined by inner apostrophes.
WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_HYPHENS = frozenset("-‐‑")
#: What separates the words of a lexicon term or an actor alias: spaces and hyphens.
TERM_SPLIT_RE = re.compile(r"[\s\-‐‑]+")

T = TypeVar("T")


# --------------------------------------------------------------------------- tokens


class WordToken(NamedTuple):
    """A word for matching, with its offsets.

    Attributes:
        norm: Lower-cased form, curly apostrophe straightened, possessive ``'s`` removed.
        surface: The word as written (possessive ``'s`` removed).
        start: Offset of the first character in the text given to :func:`word_tokens`
            plus ``offset``.
        end: Offset one past the last character (before any possessive ``'s``).
        joined_before: True when a hyphen joins this word to the previous one.
        joined_after: True when a hyphen joins this word to the next one.
    """

    norm: str
    surface: str
    start: int
    end: int
    joined_before: bool
    joined_after: bool


def word_tokens(text: str, offset: int = 0) -> list[WordToken]:
    """Split ``text`` into words (letters/digits with inner apostrophes).

    Hyphens separate words but are remembered (``joined_before``/``joined_after``) so a
    match can be refused inside a hyphenated compound.

    Args:
        text: Any text (typically one sentence).
        offset: Added to every offset (the sentence's start in ``Document.source``).

    Returns:
        The words in order.
    """
    # Built column by column in C (split, accumulate, map): the words are every second
    # piece of a split on the word pattern, so the pieces' cumulative lengths are the
    # words' starts and ends. The rare possessives and hyphen joins are patched
    # afterwards, visiting only the words they concern (same tokens as a per-match loop,
    # which tests/test_speed_equivalence.py keeps).
    parts = _WORD_SPLIT_RE.split(text)
    if len(parts) == 1:
        return []
    words = parts[1::2]
    bounds = list(accumulate(map(len, parts)))  # start, end of each word, then len(text)
    starts = bounds[0:-1:2]
    ends = bounds[1::2]
    if offset:
        starts = list(map(add, starts, repeat(offset)))
        ends = list(map(add, ends, repeat(offset)))
    norms = list(map(str.lower, words))
    curly = "’" in text
    if curly:
        norms = list(map(_STRAIGHTEN, norms))
    make = tuple.__new__
    out = list(map(make, repeat(WordToken), zip(norms, words, starts, ends, _FALSE, _FALSE)))
    if curly or "'" in text:
        for k in compress(range(len(norms)), map(_POSSESSIVE, norms)):
            low = norms[k]
            if len(low) > 2:
                t = out[k]
                out[k] = make(WordToken, (low[:-2], t[1][:-2], t[2], t[3] - 2, False, False))
    for hyphen, join_re in _HYPHEN_JOINS:
        if hyphen not in text:
            continue
        # a hyphen between two letters/digits ends one word and starts the next (it is
        # no word character); bounds[2k] is the start of word k
        for m in join_re.finditer(text):
            k = bisect_left(bounds, m.end()) >> 1
            t = out[k]
            out[k] = make(WordToken, (t[0], t[1], t[2], t[3], True, t[5]))
            t = out[k - 1]
            out[k - 1] = make(WordToken, (t[0], t[1], t[2], t[3], t[4], True))
    return out


#: :data:`WORD_RE` as a split pattern: the words are the odd pieces.
_WORD_SPLIT_RE = re.compile(f"({WORD_RE.pattern})")
#: Each hyphen, and the pattern of it with a letter or digit on each side (it joins the
#: words either side); the hyphen first, so that ``finditer`` skips to it as to a literal.
_HYPHEN_JOINS = tuple(
    (h, re.compile(re.escape(h) + r"(?<=[^\W_].)(?=[^\W_])")) for h in sorted(_HYPHENS)
)
_FALSE = repeat(False)
_STRAIGHTEN = methodcaller("replace", "’", "'")
_POSSESSIVE = methodcaller("endswith", "'s")


_VOWELS = frozenset("aeiouy")

#: Function words inside multi-word entries that are never inflected.
_FIXED_WORDS = frozenset(
    ["a", "an", "the", "to", "of", "in", "on", "at", "out", "up", "off", "down", "over", "into", "onto", "as", "and", "or", "for", "with", "by", "is", "it", "its", "their", "his", "her", "he", "she", "they", "them", "this", "that", "all", "no", "not", "so", "too", "be", "been"]
)


def _bases(word: str) -> set[str]:
    """Possible uninflected forms of a lower-case word ("slammed" -> slam, slamm, ...)."""
    out = {word}
    if word.endswith("'s"):
        word = word[:-2]
        out.add(word)
    n = len(word)
    if n > 4 and word.endswith(("ies", "ied")):
        out.add(word[:-3] + "y")
    if n > 5 and word.endswith("ing"):
        b = word[:-3]
        out |= {b, b + "e"}
        if len(b) > 2 and b[-1] == b[-2]:
            out.add(b[:-1])
    if n > 4 and word.endswith("ed"):
        b = word[:-2]
        out |= {b, word[:-1]}
        if len(b) > 2 and b[-1] == b[-2]:
            out.add(b[:-1])
    if n > 4 and word.endswith(("sses", "shes", "ches", "xes", "zes")):
        out.add(word[:-2])
    elif n > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        out.add(word[:-1])
    return {b for b in out if len(b) >= 2}


def _forms(base: str) -> set[str]:
    """Regular inflected forms of a base (plural/3rd person, past, -ing)."""
    out = {base}
    if base.endswith("y") and len(base) > 2 and base[-2] not in _VOWELS:
        out |= {base[:-1] + "ies", base[:-1] + "ied", base + "ing"}
    elif base.endswith(("s", "x", "z", "ch", "sh")):
        out |= {base + "es", base + "ed", base + "ing"}
    elif base.endswith("e"):
        out |= {base + "s", base + "d", base[:-1] + "ing"}
    else:
        out |= {base + "s", base + "ed", base + "ing"}
        if len(base) >= 3 and base[-1] not in _VOWELS | {"w", "x"} and base[-2] in _VOWELS \
                and base[-3] not in _VOWELS:
            out |= {base + base[-1] + "ed", base + base[-1] + "ing"}
    return out


@lru_cache(maxsize=100_000)
def inflections(word: str) -> frozenset[str]:
    """Every regular inflection of a lower-case word, from whatever form it is given in.

    "slammed" gives slam, slams, slammed, slamming (and harmless non-words such as
    "slamm"); "outrage" gives outrages, outraged, outraging. Only inflection is
    generated: derivations stay apart ("social" does not give "socialism", "high" does
    not give "highly"), which is why explicit forms are used rather than a stemmer
    (the Snowball stemmer conflates social/socialism, several/severely, huge/hugging).

    Args:
        word: A lower-case word.

    Returns:
        The set of forms, the word itself included.
    """
    out: set[str] = set()
    for b in _bases(word):
        out |= _forms(b)
    out.add(word)
    return frozenset(out)


class _Candidate(NamedTuple):
    keys: tuple[str, ...]
    payload: Any


def build_index(items: Iterable[tuple[tuple[str, ...], T]]) -> dict[str, tuple[_Candidate, ...]]:
    """Index key sequences by their first key, longest sequence first.

    Args:
        items: ``(keys, payload)`` pairs; ``keys`` is a non-empty tuple of token keys.

    Returns:
        A dict from first key to candidates, longest first (ties keep input order).
    """
    tmp: dict[str, list[_Candidate]] = {}
    seen: set[tuple[tuple[str, ...], int]] = set()
    for keys, payload in items:
        if not keys:
            continue
        marker = (keys, id(payload))
        if marker in seen:
            continue
        seen.add(marker)
        tmp.setdefault(keys[0], []).append(_Candidate(keys, payload))
    return _PhraseIndex({k: tuple(sorted(v, key=lambda c: -len(c.keys))) for k, v in tmp.items()})


class _PhraseIndex(dict):
    """The first-key dict of :func:`build_index`, with the same candidates also indexed
    by their first two keys, so a frequent first word ("so", "it") with hundreds of
    candidates is not compared candidate by candidate.

    ``pairs[(k1, k2)]`` holds the candidates of two or more keys starting ``k1 k2`` and
    ``singles[k1]`` those of one key, each in the dict's order (longest first, so every
    pair candidate precedes every single).
    """

    __slots__ = ("pairs", "singles")

    def __init__(self, first: dict[str, tuple[_Candidate, ...]]) -> None:
        super().__init__(first)
        pairs: dict[tuple[str, str], list[_Candidate]] = {}
        singles: dict[str, tuple[_Candidate, ...]] = {}
        for key, cands in first.items():
            for cand in cands:
                if len(cand.keys) > 1:
                    pairs.setdefault((key, cand.keys[1]), []).append(cand)
            one = tuple(c for c in cands if len(c.keys) == 1)
            if one:
                singles[key] = one
        self.pairs = {k: tuple(v) for k, v in pairs.items()}
        self.singles = singles


def token_norms(tokens: Sequence[WordToken]) -> list[str]:
    """The ``norm`` of each token, in order: the keys :func:`match_phrases` looks up."""
    return list(map(_NORM, tokens))


#: A :class:`WordToken`'s ``norm`` (its first field).
_NORM = itemgetter(0)


def match_phrases(
    tokens: Sequence[WordToken],
    keys: Sequence[str],
    index: Mapping[str, Sequence[_Candidate]],
    accept: Callable[[Any, Sequence[WordToken]], bool] | None = None,
) -> list[tuple[int, int, Any]]:
    """Greedy leftmost-longest, non-overlapping phrase matching in one pass.

    Args:
        tokens: Words of one sentence (from :func:`word_tokens`).
        keys: Matching key of each token (its ``norm``), same length.
        index: From :func:`build_index`.
        accept: Optional extra test ``accept(payload, matched_tokens)`` (case rules).

    Returns:
        ``(i, j, payload)`` for each match covering ``tokens[i:j]``; a match never
        starts after or ends before a hyphen joining it to a neighbouring word.
    """
    out: list[tuple[int, int, Any]] = []
    n = len(tokens)
    # Only positions whose key starts a candidate can start a match; the others are
    # skipped at once (found in C), as the left-to-right scan would step over them.
    # With a _PhraseIndex only the candidates whose second key is the next word's
    # (then the one-word ones) are tried: the others would fail the comparison below.
    starts = list(compress(range(len(keys)), map(index.__contains__, keys)))
    if not starts:
        return out
    free = 0  # first token not covered by a match
    pairs = getattr(index, "pairs", None)
    singles = getattr(index, "singles", None)
    for i in starts:
        if i < free or tokens[i].joined_before:
            continue
        key = keys[i]
        if pairs is None:
            cands = index[key]
        elif i + 1 < n:
            cands = pairs.get((key, keys[i + 1]), ()) + singles.get(key, ())
        else:
            cands = singles.get(key, ())
        for cand in cands:
            size = len(cand.keys)
            j = i + size
            if j > n or tokens[j - 1].joined_after:
                continue
            # a _PhraseIndex candidate of one or two keys was filed under them
            if (size > 2 or pairs is None) and tuple(keys[i:j]) != cand.keys:
                continue
            if accept is not None and not accept(cand.payload, tokens[i:j]):
                continue
            out.append((i, j, cand.payload))
            free = j
            break
    return out


def term_parts(term: str) -> tuple[str, ...]:
    """Lower-case words of a term, split on spaces and hyphens (``'s`` kept as written)."""
    return tuple(p for p in TERM_SPLIT_RE.split(term.lower().replace("’", "'").strip()) if p)


# --------------------------------------------------------------------------- lexicon


@dataclass(frozen=True, slots=True)
class Entry:
    """One lexicon entry.

    Attributes:
        term: The word or expression as written (``"heavy-handed"``, ``"sparked outrage"``).
        category: Category identifier (see :data:`CATEGORIES`).
        weight: Strength 1 (mild) to 3 (strong).
        note: Free-text note (meaning, why it is loaded, caveats).
        source: Where the entry comes from (a citation or ``"framing"``).
        match: ``"inflect"`` (inflection-aware, default) or ``"exact"`` (forms as written).
    """

    term: str
    category: str
    weight: int
    note: str = ""
    source: str = ""
    match: str = "inflect"


@dataclass(frozen=True, slots=True)
class Lexicon:
    """A versioned, content-hashed set of entries.

    Attributes:
        name: Short name (``"framing-loaded"`` for the built-in lexicon).
        version: Version string read from the file(s).
        entries: Entries in file order; a term appears once (the last definition wins).
        sha256: Hex SHA-256 of the canonical entries (sorted JSON of every field), so two
            lexicons with the same entries have the same hash whatever their file layout.
    """

    name: str
    version: str
    entries: tuple[Entry, ...]
    sha256: str

    def __hash__(self) -> int:
        # Consistent with equality (equal lexicons have equal fields) and cheap: the
        # generated hash would hash every entry on each cached-index lookup.
        return hash((self.name, self.version, self.sha256, len(self.entries)))

    @property
    def categories(self) -> tuple[str, ...]:
        """Built-in categories followed by any extra ones used by the entries."""
        return _categories(self)

    def __len__(self) -> int:
        return len(self.entries)

    def counts(self) -> dict[str, int]:
        """Number of entries per category."""
        out = dict.fromkeys(self.categories, 0)
        for e in self.entries:
            out[e.category] += 1
        return out

    def index(self) -> tuple[dict[str, tuple[_Candidate, ...]], dict[str, tuple[_Candidate, ...]]]:
        """The matching indexes (cached per lexicon): inflected entries, exact entries."""
        return _lexicon_index(self)


@lru_cache(maxsize=32)
def _categories(lexicon: Lexicon) -> tuple[str, ...]:
    extra = sorted({e.category for e in lexicon.entries} - set(CATEGORIES))
    return (*CATEGORIES, *extra)


@lru_cache(maxsize=32)
def _lexicon_index(
    lexicon: Lexicon,
) -> tuple[dict[str, tuple[_Candidate, ...]], dict[str, tuple[_Candidate, ...]]]:
    inflected = [e for e in lexicon.entries if e.match == "inflect"]
    exact = [e for e in lexicon.entries if e.match == "exact"]
    return build_index(_entry_keys(inflected)), build_index(_entry_keys(exact))


def _entry_keys(entries: Iterable[Entry]) -> Iterable[tuple[tuple[str, ...], Entry]]:
    for e in entries:
        for parts in term_variants(e.term):
            if e.match == "exact":
                yield parts, e
                continue
            options = [
                (p,) if p in _FIXED_WORDS or not p.isalpha() else tuple(sorted(inflections(p)))
                for p in parts
            ]
            yield from ((keys, e) for keys in itertools.product(*options))


def term_variants(term: str) -> set[tuple[str, ...]]:
    """Token sequences of a term: split on spaces/hyphens, plus the hyphen-joined form."""
    low = term.lower().replace("’", "'").strip()
    out = {term_parts(low)}
    if any(h in low for h in _HYPHENS):
        joined = re.sub(r"[\-‐‑]", "", low)
        out.add(term_parts(joined))
    out = {tuple(p[:-2] if p.endswith("'s") and len(p) > 2 else p for p in v) for v in out}
    return {v for v in out if v}


def content_hash(entries: Iterable[Entry]) -> str:
    """SHA-256 hex digest of the canonical entries (sorted by term and category)."""
    rows = sorted(
        [e.term.lower(), e.category, e.weight, e.note, e.source, e.match] for e in entries
    )
    blob = json.dumps(rows, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


class _Raw(NamedTuple):
    """An entry as read, with the line it came from (for error messages)."""

    fields: Mapping[str, Any]
    line: int


_fail = data_error


def _validate(raw: _Raw, file: str) -> Entry:
    f, line = raw.fields, raw.line
    for key in f:
        if key not in _FIELDS:
            raise _fail(file, line, key, f"unknown field; allowed: {', '.join(_FIELDS)}")
    term = f.get("term")
    if not isinstance(term, str) or not term_parts(term):
        raise _fail(file, line, "term", f"expected a non-empty string, got {term!r}")
    category = f.get("category")
    if not isinstance(category, str) or not _CATEGORY_RE.match(category.strip()):
        raise _fail(
            file, line, "category",
            f"expected a lower-case identifier such as {CATEGORIES[0]!r}, got {category!r}",
        )
    weight = f.get("weight", 1)
    if isinstance(weight, str) and weight.strip().isdigit():
        weight = int(weight.strip())
    if isinstance(weight, bool) or not isinstance(weight, int) or not 1 <= weight <= 3:
        raise _fail(file, line, "weight", f"expected an integer 1, 2 or 3, got {weight!r}")
    match = f.get("match") or "inflect"
    if match == "stem":  # accepted alias
        match = "inflect"
    if match not in _MATCH_MODES:
        raise _fail(file, line, "match", f"expected one of {_MATCH_MODES}, got {match!r}")
    note = f.get("note") or ""
    source = f.get("source") or ""
    for name, value in (("note", note), ("source", source)):
        if not isinstance(value, str):
            raise _fail(file, line, name, f"expected a string, got {value!r}")
    return Entry(term.strip(), category.strip(), weight, note.strip(), source.strip(), match)


def _parse_toml(text: str, file: str) -> tuple[dict[str, Any], list[_Raw]]:
    data, entries, lines = read_tables(text, file, "entry")
    meta: dict[str, Any] = {k: v for k, v in data.items() if k != "entry"}
    for key in ("name", "version", "source"):
        if key in meta and not isinstance(meta[key], str):
            raise _fail(file, 1, key, f"expected a string, got {meta[key]!r}")
    raws = []
    for k, item in enumerate(entries):
        line = lines[k] if k < len(lines) else None
        if not isinstance(item, dict):
            raise _fail(file, line, "entry", f"expected a table, got {item!r}")
        fields = dict(item)
        if "source" not in fields and "source" in meta:
            fields["source"] = meta["source"]
        if "category" not in fields and "category" in meta:
            fields["category"] = meta["category"]
        raws.append(_Raw(fields, line or 0))
    return meta, raws


def _parse_csv(text: str, file: str) -> tuple[dict[str, Any], list[_Raw]]:
    meta: dict[str, Any] = {}
    body_lines: list[str] = []
    first_data = 0
    for i, ln in enumerate(text.splitlines(), 1):
        m = re.match(r"^#\s*(name|version|source)\s*[:=]\s*(.+?)\s*$", ln)
        if m and not body_lines:
            meta[m.group(1)] = m.group(2)
            continue
        if ln.startswith("#") and not body_lines:
            continue
        if not body_lines:
            first_data = i
        body_lines.append(ln)
    reader = csv.reader(io.StringIO("\n".join(body_lines)))
    rows = list(reader)
    if not rows:
        return meta, []
    header = [h.strip().lower() for h in rows[0]]
    for req in ("term", "category"):
        if req not in header:
            raise _fail(file, first_data, req, f"missing column; header must include term, category (got {header})")
    for h in header:
        if h not in _FIELDS:
            raise _fail(file, first_data, h, f"unknown column; allowed: {', '.join(_FIELDS)}")
    raws = []
    for k, row in enumerate(rows[1:], 1):
        line = first_data + k
        if not any(c.strip() for c in row):
            continue
        if len(row) > len(header):
            raise _fail(file, line, header[-1], f"{len(row)} values for {len(header)} columns")
        fields = {h: v for h, v in zip(header, row) if v.strip() != "" or h in ("term", "category")}
        if "source" not in fields and "source" in meta:
            fields["source"] = meta["source"]
        raws.append(_Raw(fields, line))
    return meta, raws


def _read_file(text: str, file: str) -> tuple[dict[str, Any], list[Entry]]:
    if file.lower().endswith(".csv"):
        meta, raws = _parse_csv(text, file)
    elif file.lower().endswith(".toml"):
        meta, raws = _parse_toml(text, file)
    else:
        raise _fail(file, None, "(file)", "expected a .toml or .csv lexicon file")
    return meta, [_validate(r, file) for r in raws]


@cache
def _builtin() -> Lexicon:
    pkg = resources.files("framing") / "data" / "lexicon"
    files = sorted((p for p in pkg.iterdir() if p.name.endswith((".toml", ".csv"))), key=lambda p: p.name)
    entries: list[Entry] = []
    versions: set[str] = set()
    for p in files:
        meta, items = _read_file(p.read_text(encoding="utf-8"), f"framing/data/lexicon/{p.name}")
        versions.add(str(meta.get("version", "")))
        entries.extend(items)
    version = ",".join(sorted(v for v in versions if v)) or "0"
    return _make("framing-loaded", version, entries)


def _make(name: str, version: str, entries: Iterable[Entry]) -> Lexicon:
    by_term: dict[str, Entry] = {}
    for e in entries:
        key = " ".join(term_parts(e.term))
        by_term.pop(key, None)  # last definition wins, placed at the end
        by_term[key] = e
    final = tuple(by_term.values())
    return Lexicon(name=name, version=version, entries=final, sha256=content_hash(final))


def load_lexicon(path: str | Path | None = None, *, replace: bool = False) -> Lexicon:
    """Load the built-in lexicon, optionally extended or replaced by a user file.

    A user file is TOML (``name``/``version`` keys, then ``[[entry]]`` tables with
    ``term``, ``category``, ``weight`` and optional ``note``, ``source``, ``match``) or
    CSV (header ``term,category,weight,note,source,match``; leading ``# name: ...`` and
    ``# version: ...`` comment lines). An entry whose term is already in the built-in
    lexicon redefines it.

    Args:
        path: User lexicon file, or None for the built-in lexicon alone.
        replace: If True, use only the user file; otherwise add it to the built-in one.

    Returns:
        The :class:`Lexicon`; its name is ``"framing-loaded"`` for the built-in lexicon,
        the file's ``name`` (or stem) for a replacement, ``"framing-loaded+<name>"`` for
        an extension; the version likewise combines both.

    Raises:
        LexiconError: The file is missing, unreadable or malformed; the message names
            the file, the line and the field.
    """
    base = _builtin()
    if path is None:
        return base
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise _fail(str(p), None, "(file)", f"cannot read lexicon: {exc}") from None
    meta, entries = _read_file(text, str(p))
    name = str(meta.get("name") or p.stem)
    version = str(meta.get("version") or "0")
    if replace:
        lex = _make(name, version, entries)
    else:
        lex = _make(f"{base.name}+{name}", f"{base.version}+{version}", [*base.entries, *entries])
    logger.debug("loaded lexicon %s %s (%d entries)", lex.name, lex.version, len(lex))
    return lex
