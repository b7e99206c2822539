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
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple

from framing._construct import fast_constructor
from framing._phrase_search import (
    ProbeSpec,
    ProbeTable,
    Span,
    key_specs,
    probe_sets,
    probe_table,
    search_regions,
)
from framing._tomltables import data_error, read_tables
from framing.document import Document, interval_membership, sentence_regions
from framing.lexicon import (
    TERM_SPLIT_RE,
    WordToken,
    build_index,
    match_phrases,
    term_parts,
    token_norms,
)

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
            payload = _Alias(g.name, alias, cased, tuple(TERM_SPLIT_RE.split(alias.strip())))
            items.extend((keys, payload) for keys in _alias_keys(alias))
    return build_index(items)



@lru_cache(maxsize=16)
def _specs(actors: tuple[ActorGroup, ...]) -> tuple[ProbeSpec, ...]:
    """The probe of every alias key sequence (see :func:`framing._phrase_search.key_specs`)."""
    return key_specs(cand.keys for cands in _actor_index(actors).values() for cand in cands)


@lru_cache(maxsize=16)
def _probes(actors: tuple[ActorGroup, ...]) -> dict[str, tuple[tuple[str, ...], ...]] | None:
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
    return probe_sets(_specs(actors))


@lru_cache(maxsize=16)
def _probe_table(actors: tuple[ActorGroup, ...]) -> ProbeTable:
    """The probes of :func:`_probes` (when not None) for a search of whole documents."""
    keys = {key for cands in _actor_index(actors).values() for c in cands for key in c.keys}
    return probe_table(_specs(actors), keys)


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


#: ``ActorMention(...)``, faster (see :func:`framing._construct.fast_constructor`).
_actor_mention = fast_constructor(ActorMention)


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
                _actor_mention(alias.group, alias.label, source[s:e], s, e, sent, is_quoted(s))
            )
    return tuple(out)


@lru_cache(maxsize=16)
def _matcher(
    actors: tuple[ActorGroup, ...],
) -> tuple[dict[str, tuple[tuple[str, ...], ...]] | None, Any, ProbeTable | None]:
    """The probes, the phrase index and the probe table (None when the probes are) of
    ``actors``, looked up once."""
    probes = _probes(actors)
    return probes, _actor_index(actors), None if probes is None else _probe_table(actors)


#: The last groups searched and their :func:`_matcher`: the same tuple (the built-in
#: groups, usually) is then not hashed again, group by group, for the cache.
_last_matcher: list[tuple[tuple[ActorGroup, ...], Any]] = [((), None)]


def _sentence_spans(
    source: str, regions: list[tuple[int, int, int]], groups: tuple[ActorGroup, ...]
) -> Iterator[tuple[int, list[Span]]]:
    """``(sentence index, mention spans)`` for the sentences that may hold a mention.

    Every sentence's words are matched unless the probe prefilter (:func:`_probes`)
    rules the sentence out; see :func:`framing._phrase_search.search_regions` (only
    the words around the probes are matched, same spans).
    """
    last_groups, found = _last_matcher[0]
    if last_groups is not groups:  # (a tuple and its frozen groups cannot change)
        found = _matcher(groups)
        _last_matcher[0] = (groups, found)
    probes, index, table = found

    def match(toks: list[WordToken], _where: Any) -> list[tuple[int, int, Any]]:
        return match_phrases(toks, token_norms(toks), index, _case_ok)

    for region, spans in search_regions(source, regions, probes, table, match):
        yield region[2], spans


def sentence_of(doc: Document, offset: int) -> int:
    """Index of the sentence containing ``offset``, or -1."""
    starts = [s.start for s in doc.sentences]
    i = bisect.bisect_right(starts, offset) - 1
    if i >= 0 and doc.sentences[i].start <= offset < doc.sentences[i].end:
        return doc.sentences[i].index
    return -1
