"""Speaker roles from cue words, and actor registries that override them.

A speaker's role (one of :data:`framing.quotes.ROLES`) comes, in order of precedence, from

1. a user :class:`ActorRegistry` (names and aliases -> role and optional side), then
2. the built-in actors of ``framing/data/roles.toml`` (``"Scotland Yard"`` is the
   Metropolitan Police), then
3. cue words in the speaker's description (titles, ``"Labour MP"``, ``"spokesman for the
   force"``, ``"campaign group"``, ``"resident"``), also from ``roles.toml``: the longest
   matching cue wins, ties go to the role listed first, and
4. ``"public"`` for a bare social-media handle, ``"other"`` when nothing matches.

Registry files are TOML with one ``[[actor]]`` table per actor::

    [[actor]]
    name = "Hackney Palestine Solidarity Campaign"
    role = "advocacy"
    side = "pro-Palestine"          # optional, free text
    aliases = ["HPSC", "the campaign"]

or CSV with the columns ``name,role[,side][,aliases]`` (aliases separated by ``|``).
"""

from __future__ import annotations

import csv
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from framing._identity import SameObject
from framing.errors import LexiconError

__all__ = [
    "Actor",
    "ActorRegistry",
    "builtin_registry",
    "is_shadow_office",
    "load_registry",
    "role_from_cues",
    "verb_class",
    "verb_lemma",
    "verb_pattern",
]

_ROLES = ("police", "government", "politician", "advocacy", "public", "expert", "other")


@dataclass(frozen=True, slots=True)
class Actor:
    """A known speaker.

    Attributes:
        name: Canonical name reported as the speaker.
        role: One of :data:`framing.quotes.ROLES`.
        side: Optional free-text side (``"pro-Palestine"``), or ``""``.
        aliases: Other names that identify the actor (matched case-insensitively).
    """

    name: str
    role: str
    side: str = ""
    aliases: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """The canonical name followed by the aliases."""
        return (self.name, *self.aliases)


@dataclass(frozen=True, slots=True)
class ActorRegistry:
    """Actors looked up by name or alias (case-insensitive, leading "the" ignored).

    Attributes:
        actors: The actors, in priority order (earlier wins on a shared alias).
    """

    actors: tuple[Actor, ...] = ()
    _index_cache: dict[str, Actor] | None = field(
        default=None, init=False, repr=False, compare=False, hash=False
    )
    _search_cache: tuple[re.Pattern[str] | None, tuple[Actor, ...]] | None = field(
        default=None, init=False, repr=False, compare=False, hash=False
    )

    def lookup(self, name: str | None) -> Actor | None:
        """The actor whose name or alias equals ``name``, or None."""
        if not name:
            return None
        index = self._index_cache  # _index() and _key() inlined: called per name mention
        if index is None:
            index = self._index()
        return index.get(_key_cached(name) if len(name) <= 200 else _key_plain(name))

    def find_in(self, text: str) -> tuple[Actor, str, int, int] | None:
        """The longest actor name or alias occurring in ``text`` as whole words.

        Returns:
            ``(actor, alias as written, start, end)`` with offsets into ``text``, or None.
        """
        search = self._search_cache
        if search is None:  # built once per registry (a frozen instance's private cache)
            search = _alias_search(self.actors)
            object.__setattr__(self, "_search_cache", search)
        pattern, owners = search
        if pattern is None:
            return _find_in_plain(self.actors, text)
        # One scan for every alias: at each position the pattern reports the best-ranked
        # alias starting there (longest, then first in registry order); the best-ranked
        # alias reported anywhere, at its first position, is what the plain loop keeps.
        best: re.Match[str] | None = None
        for m in pattern.finditer(text):
            if best is None or m.lastindex < best.lastindex:  # type: ignore[operator]
                best = m
        if best is None:
            return None
        group = best.lastindex or 0
        return owners[group - 1], best.group(group), best.start(group), best.end(group)

    def merged(self, other: ActorRegistry | None) -> ActorRegistry:
        """A registry where ``other``'s actors come first (and so win)."""
        if other is None:
            return self
        return ActorRegistry(other.actors + self.actors)

    def _index(self) -> dict[str, Actor]:
        index = self._index_cache
        if index is None:  # built once per registry (a frozen instance's private cache)
            index = _registry_index(SameObject(self.actors))
            object.__setattr__(self, "_index_cache", index)
        return index


@lru_cache(maxsize=64)
def _registry_index(same: SameObject) -> dict[str, Actor]:
    actors: tuple[Actor, ...] = same.value  # type: ignore[assignment]
    index: dict[str, Actor] = {}
    for actor in actors:
        for name in actor.names:
            index.setdefault(_key(name), actor)
    return index


def _find_in_plain(actors: tuple[Actor, ...], text: str) -> tuple[Actor, str, int, int] | None:
    """:meth:`ActorRegistry.find_in` alias by alias: the first longest match, where a match
    replaces the best so far only when strictly longer (so ties keep the actor and alias
    listed first, at its first position)."""
    best: tuple[Actor, str, int, int] | None = None
    for actor in actors:
        for alias in actor.names:
            for m in _alias_regex(alias).finditer(text):
                if best is None or (m.end() - m.start()) > (best[3] - best[2]):
                    best = (actor, m.group(0), m.start(), m.end())
    return best


def _alias_search(actors: tuple[Actor, ...]) -> tuple[re.Pattern[str] | None, tuple[Actor, ...]]:
    """One regex for all aliases of ``actors`` and the actor of each of its groups.

    Group ``k`` holds the ``k``-th alias ranked by length (longest first), then registry
    order; each alias keeps its own :func:`_alias_regex` body, case rule and word
    boundaries. Inside a lookahead the pattern matches (empty) at every position where an
    alias starts, reporting the best-ranked one there. Every match of an alias has the
    alias's length (a literal matches character by character, with or without case), so
    the plain loop's answer is the best-ranked alias that occurs, at its first occurrence.
    A registry with an empty alias gives no pattern (the plain loop is used).
    """
    ranked = []
    for actor in actors:
        for alias in actor.names:
            body = alias.strip()
            if not body:
                return None, ()
            exact = alias.isupper() and len(alias) <= 4  # as in _alias_regex
            ranked.append((-len(body), len(ranked), re.escape(body), exact, actor))
    ranked.sort(key=lambda entry: entry[:2])
    pattern = _alias_pattern(tuple((body, exact) for _, _, body, exact, _ in ranked))
    return pattern, tuple(entry[4] for entry in ranked)


@lru_cache(maxsize=64)
def _alias_pattern(alternatives: tuple[tuple[str, bool], ...]) -> re.Pattern[str] | None:
    if not alternatives:
        return None
    body = "|".join(
        f"({alias})(?![\\w])" if exact else f"((?i:{alias}))(?![\\w])"
        for alias, exact in alternatives
    )
    return re.compile(rf"(?<![\w@])(?=(?:{body}))")


@cache
def _alias_regex(alias: str) -> re.Pattern[str]:
    body = re.escape(alias.strip())
    flags = 0 if alias.isupper() and len(alias) <= 4 else re.IGNORECASE
    return re.compile(rf"(?<![\w@]){body}(?![\w])", flags)


_SPACES_RE = re.compile(r"\s+")


def _key(name: str) -> str:
    """Lookup key of a name: lower case, spaces collapsed, no leading article or 's.

    Names of up to 200 characters are cached (names recur; longer ones are rare).
    """
    return _key_cached(name) if len(name) <= 200 else _key_plain(name)


@lru_cache(maxsize=1 << 15)
def _key_cached(name: str) -> str:
    return _key_plain(name)


def cut_possessive(text: str) -> str:
    """``text`` less a final ``'s`` or ``’s``: ``re.sub(r"['’]s$", "", text)`` for a text
    that does not end in a line break (where ``$`` would also match); names and words
    never do."""
    return text[:-2] if text.endswith(("'s", "’s")) else text


def _key_plain(name: str) -> str:
    # String methods in place of three regex substitutions (r"\s+" -> " " after strip,
    # r"^(the|a|an) " -> "", r"['’]s$" -> ""), 2x: split() and \s agree on (Unicode)
    # whitespace, so the join collapses runs and strips as the first does.
    name = " ".join(name.lower().split())
    if name.startswith(("the ", "a ", "an ")):
        name = name[name.index(" ") + 1 :]
    return cut_possessive(name)


def _check_role(role: str, where: str) -> str:
    if role not in _ROLES:
        raise LexiconError(f"{where}: role {role!r} is not one of {', '.join(_ROLES)}")
    return role


def _actors_from_tables(tables: Iterable[Mapping[str, object]], where: str) -> tuple[Actor, ...]:
    actors = []
    for i, table in enumerate(tables, 1):
        name = table.get("name")
        role = table.get("role")
        if not isinstance(name, str) or not name.strip():
            raise LexiconError(f"{where}: actor {i}: field 'name' must be a non-empty string")
        if not isinstance(role, str):
            raise LexiconError(f"{where}: actor {i} ({name}): field 'role' is missing")
        aliases = table.get("aliases", ())
        if isinstance(aliases, str):
            aliases = [a for a in aliases.split("|") if a.strip()]
        if not isinstance(aliases, (list, tuple)) or not all(isinstance(a, str) for a in aliases):
            raise LexiconError(f"{where}: actor {i} ({name}): 'aliases' must be a list of strings")
        side = table.get("side", "") or ""
        actors.append(
            Actor(name.strip(), _check_role(role, f"{where}: actor {i} ({name})"), str(side),
                  tuple(a.strip() for a in aliases))
        )
    return tuple(actors)


def load_registry(
    source: str | Path | Mapping[str, object] | ActorRegistry | None,
) -> ActorRegistry | None:
    """Load a user actor registry.

    Args:
        source: None; an :class:`ActorRegistry`; a mapping ``{name: role}`` or
            ``{name: {"role": ..., "side": ..., "aliases": [...]}}``; or the path of a
            ``.toml`` (``[[actor]]`` tables) or ``.csv`` (``name,role,side,aliases``) file.

    Returns:
        The registry, or None for None.

    Raises:
        LexiconError: A role outside :data:`framing.quotes.ROLES`, a missing name or role;
            the message names the file (or ``registry``), the actor and the field.
        FileNotFoundError: The path does not exist.
    """
    if source is None or isinstance(source, ActorRegistry):
        return source
    if isinstance(source, Mapping):
        tables = []
        for name, value in source.items():
            if isinstance(value, str):
                tables.append({"name": name, "role": value})
            elif isinstance(value, Mapping):
                tables.append({"name": name, **value})
            else:
                raise LexiconError(f"registry: actor {name!r}: expected a role string or a table")
        return ActorRegistry(_actors_from_tables(tables, "registry"))
    path = Path(source)
    if path.suffix.lower() == ".csv":
        with path.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        return ActorRegistry(_actors_from_tables(rows, str(path)))
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(f"{path}: not valid TOML: {exc}") from exc
    return ActorRegistry(_actors_from_tables(data.get("actor", []), str(path)))


@cache
def _roles_data() -> dict[str, Any]:
    text = resources.files("framing.data").joinpath("roles.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


@cache
def builtin_registry() -> ActorRegistry:
    """The built-in actors of ``framing/data/roles.toml``."""
    data = _roles_data()
    return ActorRegistry(_actors_from_tables(data.get("actor", []), "framing/data/roles.toml"))


@cache
def _cue_regex() -> tuple[re.Pattern[str], dict[str, str]]:
    data = _roles_data()
    order = list(data["order"]["roles"])  # type: ignore[index]
    cues: dict[str, str] = {}
    for role in order:
        for cue in data["cues"].get(role, []):  # type: ignore[union-attr]
            cues.setdefault(cue.lower(), _check_role(role, "framing/data/roles.toml"))
    alternatives = sorted(cues, key=len, reverse=True)
    def escaped(cue: str) -> str:
        return re.escape(cue) if cue.endswith("-") else re.escape(cue) + r"(?![\w])"

    patterns = [escaped(c) for c in alternatives]
    if all(alternatives):
        # Grouped by first character, written once before the group's other characters
        # (the pattern is case-sensitive): the regex engine skips a group whose first
        # character differs without entering it (about twice as fast as a lookahead on
        # the character, itself twice as fast as the plain alternation), and at any
        # position at most one group can match, its cues keeping their order, so the
        # matches are those of the plain alternation.
        groups: dict[str, list[str]] = {}
        for cue in alternatives:
            groups.setdefault(cue[0], []).append(cue)
        patterns = []
        for first, group in groups.items():
            head = re.escape(first)  # escaped(cue) is head + the escaped rest of the cue
            rests = "|".join(escaped(cue)[len(head):] for cue in group)
            patterns.append(f"{head}(?:{rests})")
    return re.compile(rf"(?<![\w])(?:{'|'.join(patterns)})"), cues


def role_from_cues(description: str) -> str | None:
    """The role named by the cue words in ``description``, or None when none matches.

    The cue with the most words wins (``"spokesman for the force"`` over ``"spokesman"``);
    ties go to the role listed first in ``roles.toml``'s ``[order]`` (politician before
    government, so ``"shadow health secretary"`` is a politician).
    """
    if not description:
        return None
    if len(description) <= 500:  # cached: descriptions repeat (long ones are rare)
        return _role_from_cues_cached(description)
    return _role_from_cues(description)


@lru_cache(maxsize=1 << 15)
def _role_from_cues_cached(description: str) -> str | None:
    return _role_from_cues(description)


_SHADOW_RE = re.compile(r"\bshadow\b", re.IGNORECASE)


def is_shadow_office(description: str) -> bool:
    """True when ``description`` holds the word "shadow" (any case): a shadow minister
    is an opposition politician, whatever office follows."""
    return _SHADOW_RE.search(description) is not None


def is_cue_word(word: str) -> bool:
    """``role_from_cues(word) is not None``, for one word (as :func:`framing.speakers`
    asks of each word of a name).

    A word of ASCII letters alone is answered by a set test: in its lower case a cue can
    match only at the start (every later position follows a letter, and no cue matches
    after a word character) and only as the whole word (a cue is followed by no word
    character, or ends with "-", which such a word does not hold); the word "shadow" names
    a shadow office. Other words take :func:`role_from_cues`.
    """
    if word.isascii() and word.isalpha():
        low = word.lower()
        return low in _cue_regex()[1] or low == "shadow"
    return role_from_cues(word) is not None


@cache
def _cue_ranks() -> dict[str, tuple[int, int, str]]:
    """Each cue's ``(number of words, minus its role's place in [order], role)``."""
    _, cues = _cue_regex()
    order = list(_roles_data()["order"]["roles"])  # type: ignore[index]
    return {cue: (len(cue.split()), -order.index(role), role) for cue, role in cues.items()}


def _role_from_cues(description: str) -> str | None:
    """:func:`role_from_cues` of a non-empty description."""
    low = description.lower()
    # "hadow" in the lower case is implied by a match of _SHADOW_RE ("h", "a", "d", "o" and
    # "w" match only their two ASCII cases, as "s" does not), and cheaper to test
    if "hadow" in low and is_shadow_office(description):
        return "politician"  # shadow ministers are opposition politicians
    pattern, _ = _cue_regex()
    ranks = _cue_ranks()
    best: tuple[int, int, str] | None = None
    for m in pattern.finditer(low):
        rank = ranks[m.group(0)]  # the cue matched (the pattern's alternatives are the cues)
        if best is None or rank[:2] > best[:2]:
            best = rank
    return best[2] if best else None


@cache
def _verbs() -> dict[str, tuple[str, str]]:
    text = resources.files("framing.data").joinpath("verbs.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    classes = set(data.get("classes", {}))
    forms: dict[str, tuple[str, str]] = {}
    for lemma, entry in data["verbs"].items():
        cls = entry.get("class")
        if cls not in classes:
            raise LexiconError(
                f"framing/data/verbs.toml: verb {lemma!r}: class {cls!r} is not one of "
                f"{', '.join(sorted(classes))}"
            )
        for form in entry.get("forms", []):
            forms.setdefault(form.lower(), (lemma, cls))
    return forms


@cache
def verb_pattern() -> re.Pattern[str]:
    """A regex matching any attribution-verb form as whole words (case-insensitive)."""
    return _forms_pattern(tuple(sorted(_verbs(), key=len, reverse=True)))


@lru_cache(maxsize=8)
def _verb_subset_pattern(words: frozenset[str]) -> re.Pattern[str]:
    """A regex matching the single-word attribution-verb forms that are in ``words``
    (lower case), built as :func:`verb_pattern` is.

    Where :func:`verb_pattern` matches such a form it matches the whole word (no letter,
    apostrophe or hyphen beside it) and no longer form starts with that word (the
    multi-word forms open with other words and their later words, "to", "for", "out", are
    not in the verb list), so this pattern finds the same matches of those forms as
    :func:`verb_pattern` does, while skipping every other verb.
    """
    forms = [form for form in _verbs() if form in words]
    return _forms_pattern(tuple(sorted(forms, key=len, reverse=True)))


def _forms_pattern(alternatives: tuple[str, ...]) -> re.Pattern[str]:
    # case-insensitive through _partitioned's classes and (?i:...) groups
    return re.compile(rf"(?<![\w'’-])(?:{_partitioned(list(alternatives))})(?![\w'’-])")


#: The characters an ASCII letter matches case-insensitively besides its two cases
#: (Unicode simple case folding; checked over every code point in the tests).
_CASE_EXTRAS = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}


def _partitioned(alternatives: list[str]) -> str:
    """The alternation of ``alternatives`` (tried in the order given), grouped by first letter.

    Each group starts with a case-sensitive class of the characters its letter matches
    case-insensitively (``[Ss\u017f]``), followed by its forms' other characters under
    ``(?i:...)``: the regex engine skips a group whose first class fails without trying
    its forms (a branch opening with a case-sensitive class is tested on one character;
    a lookahead or a case-insensitive class would be entered), so it tries one group's
    forms instead of every form at each word start (1.25x a lookahead on the letter,
    which was about 5x the plain alternation). The matches are the same:
    case-insensitively, an ASCII letter matches only characters that no other ASCII
    letter matches, so at any position at most one group can match and its forms keep
    their order. Forms not starting with an ASCII letter give the plain alternation.
    """
    def escaped(form: str) -> str:
        return re.escape(form).replace(r"\ ", r"\s+")

    groups: dict[str, list[str]] = {}
    for form in alternatives:
        first = form[:1].lower()
        if not ("a" <= first <= "z"):
            return "|".join(escaped(f) for f in alternatives)
        groups.setdefault(first, []).append(form)
    return "|".join(
        f"[{first}{first.upper()}{_CASE_EXTRAS.get(first, '')}]"
        f"(?i:{'|'.join(escaped(f[1:]) for f in forms)})"
        for first, forms in groups.items()
    )


def verb_lemma(cue: str) -> str:
    """The lemma of an attribution verb form (``"claimed"`` -> ``"claim"``), or the cue."""
    entry = _verbs().get(_SPACES_RE.sub(" ", cue.lower().strip()))
    return entry[0] if entry else cue.lower().strip()


def verb_class(cue: str) -> str:
    """The class of an attribution verb form from ``verbs.toml``, or ``""`` when unknown."""
    low = cue.lower()
    # a cue of letters alone (nearly all) has no spaces to strip or collapse
    entry = _verbs().get(low if low.isalpha() else _SPACES_RE.sub(" ", low.strip()))
    return entry[1] if entry else ""
