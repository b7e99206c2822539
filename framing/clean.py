"""Boilerplate removal: which lines of an article are content, and why the others go.

The cleaner works line by line (a line is a run of text between line breaks). Every
non-blank line is tried against the *line rules* of a rule file, in file order; the first
rule that matches decides the line: it is removed with a reason (navigation, newsletter,
photo credit ...), read into metadata (byline, publication date, timestamp) or marked as
an embedded social-media post. *Structural rules* then look at neighbouring lines:
repeated byline names, duplicated photo captions above an agency credit, the text of an
embedded post above its "— Name (@handle) May 18, 2021" line, and the headline (the
first content line when it reads as one).

Rules are data: ``framing/data/boilerplate.toml`` holds the defaults; a user file can add
rules, replace a default rule of the same name or switch one off (see
``docs/cleaning.md``). Offsets of every kept and removed line index the text that was
passed in, so each decision can be audited.

Cost is linear in the length of the text: each line is tried against a fixed number of
precompiled regexes, and lines longer than a rule's ``max_length`` are not tried.
"""

from __future__ import annotations

import logging
import re
import tomllib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from os import PathLike
from pathlib import Path
from types import MappingProxyType
from typing import Any

from framing._construct import fast_constructor
from framing._identity import SameObject
from framing._required_text import fold, may_contain, required_literals
from framing._rule_prefilter import text_prefilter
from framing.document import PARAGRAPH_KINDS, RemovedLine
from framing.errors import InputError, LexiconError
from framing.metadata import clean_byline, looks_like_headline, parse_date

__all__ = [
    "ACTIONS",
    "FUNCTIONS",
    "Cleaned",
    "Line",
    "Rule",
    "Rules",
    "clean",
    "load_rules",
    "looks_binary",
]

_LOG = logging.getLogger(__name__)

#: Actions a rule may take (besides ``metadata:<key>``, which reads a metadata value).
ACTIONS = ("remove", "embed", "embed_attribution", "headline")

#: Structural rule functions and the action each one takes.
FUNCTIONS: Mapping[str, str] = MappingProxyType({
    "byline_repeat": "remove",
    "duplicate_caption": "remove",
    "embed_text": "embed",
    "first_line_headline": "headline",
})

_FUNCTION_PARAMS: Mapping[str, Mapping[str, type]] = MappingProxyType({
    "byline_repeat": {"window": int},
    "duplicate_caption": {"credit_rules": list, "duplicate_reason": str},
    "embed_text": {},
    "first_line_headline": {"max_chars": int, "max_words": int, "min_lines": int},
})

_RULE_FIELDS: Mapping[str, type] = MappingProxyType({
    "name": str, "reason": str, "action": str, "pattern": str, "lines": list,
    "function": str, "search": bool, "case_sensitive": bool, "max_length": int,
    "first_lines": int, "keep": bool, "enabled": bool,
})

_DATE_KEYS = ("date", "updated")
_NAME_RE = re.compile(r"[A-Za-z0-9_\-]+")
_META_KEY_RE = re.compile(r"metadata:([a-z][a-z_]*)")
_LINE_RE = re.compile(r"[^\n\r\u2028\u2029]+")
# The characters at which ``str.splitlines`` breaks a line and ``_LINE_RE`` does not.
_OTHER_BREAKS = frozenset("\v\f\x1c\x1d\x1e\x85")
_INVISIBLE = "\ufeff\u200b\u200c\u200d\u2060"


# --------------------------------------------------------------------------- results


@dataclass(frozen=True, slots=True)
class Line:
    """One content line that survives cleaning.

    Attributes:
        start: Offset of the first non-space character in ``Cleaned.source`` (after a
            metadata prefix such as ``date 2021-05-18`` when one was read off the line).
        end: Offset one past the last non-space character.
        kind: One of :data:`framing.document.PARAGRAPH_KINDS`.
    """

    start: int
    end: int
    kind: str


@dataclass(frozen=True, slots=True)
class Cleaned:
    """The outcome of :func:`clean`.

    Attributes:
        source: The input text. When HTML was detected, the same text with tags (and the
            contents of ``head``/``script``/``style``/comments) replaced by spaces of equal length,
            block-level tags starting with a line break, so offsets still index the input.
        lines: Content lines in order.
        removed: Boilerplate lines (and metadata prefixes) taken out, in order.
        metadata: Values read from the text: ``title``, ``author``, ``date`` (ISO),
            ``time``, ``updated`` (ISO), ``updated_time``, ``outlet`` (only when the text
            names the outlet unambiguously).
        flags: ``"empty"``, ``"binary"``, ``"html_input"``, ``"no_content_lines"``.
    """

    source: str
    lines: tuple[Line, ...] = ()
    removed: tuple[RemovedLine, ...] = ()
    metadata: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    flags: tuple[str, ...] = ()

    def text_of(self, line: Line) -> str:
        """The text of ``line`` (``source[line.start:line.end]``)."""
        return self.source[line.start:line.end]


#: ``Line(...)``, faster (see :func:`framing._construct.fast_constructor`).
_line = fast_constructor(Line)


# --------------------------------------------------------------------------- rules


@dataclass(frozen=True, slots=True)
class Rule:
    """One cleaning rule, validated and compiled.

    Attributes:
        name: Unique name, reported in ``RemovedLine.rule``.
        reason: Reason reported in ``RemovedLine.reason``.
        action: ``remove``, ``embed``, ``embed_attribution``, ``headline`` or
            ``metadata:<key>``.
        pattern: Compiled regex (line rules with ``pattern``).
        lines: Normalised exact lines (line rules with ``lines``).
        function: Structural function name (structural rules).
        search: The pattern may match anywhere in the line, not only the whole line.
        max_length: Lines longer than this are not tried.
        first_lines: Only the first N non-blank lines are tried (0 = all).
        keep: A metadata rule keeps its line as content.
        params: Parameters of a structural function.
        source: File the rule was read from.
        literals: For a ``search`` pattern, literal texts of which every match holds one
            (lower case when the pattern ignores case), so a line holding none is not
            searched (:mod:`framing._required_text`); None: the pattern always runs.
    """

    name: str
    reason: str
    action: str
    pattern: re.Pattern[str] | None = None
    lines: frozenset[str] = frozenset()
    function: str | None = None
    search: bool = False
    max_length: int = 400
    first_lines: int = 0
    keep: bool = False
    params: tuple[tuple[str, Any], ...] = ()
    source: str = ""
    literals: tuple[str, ...] | None = None

    def param(self, key: str, default: Any) -> Any:
        """A structural parameter, or ``default`` when the rule does not set it."""
        for name, value in self.params:
            if name == key:
                return value
        return default


@dataclass(frozen=True, slots=True)
class Rules:
    """An ordered, validated rule set.

    Attributes:
        rules: All rules, line rules and structural rules, in application order.
        version: ``meta.version`` of the default file, with ``+<file name>`` for each
            user file merged in.
        sources: Files the rules came from.
    """

    rules: tuple[Rule, ...]
    version: str = ""
    sources: tuple[str, ...] = ()

    @property
    def line_rules(self) -> tuple[Rule, ...]:
        """Rules tried on each line (``pattern`` or ``lines``)."""
        return tuple(r for r in self.rules if r.function is None)

    @property
    def structural(self) -> tuple[Rule, ...]:
        """Structural rules (``function``), in order."""
        return tuple(r for r in self.rules if r.function is not None)

    def __len__(self) -> int:
        return len(self.rules)


def _norm(line: str) -> str:
    """Whitespace-collapsed, case-folded line (what line-list rules compare)."""
    return " ".join(line.split()).casefold()


def _fail(source: str, index: int, name: object, fieldname: str, problem: str) -> LexiconError:
    label = f"rule {index}" + (f" ({name!r})" if isinstance(name, str) and name else "")
    return LexiconError(f"{source}: {label}, field {fieldname!r}: {problem}")


def _check_type(source: str, index: int, name: object, key: str, value: object,
                expected: type) -> None:
    ok = type(value) is expected if expected in (int, bool) else isinstance(value, expected)
    if not ok:
        raise _fail(source, index, name, key,
                    f"{value!r} is a {type(value).__name__}; expected {expected.__name__}")


def _build_rule(raw: object, index: int, source: str) -> Rule | None:
    if not isinstance(raw, dict):
        raise LexiconError(f"{source}: rule {index}: expected a table ([[rule]]), got {raw!r}")
    name = raw.get("name")
    function = raw.get("function")
    allowed = dict(_RULE_FIELDS)
    if isinstance(function, str) and function in _FUNCTION_PARAMS:
        allowed.update(_FUNCTION_PARAMS[function])
    for key, value in raw.items():
        if key not in allowed:
            raise _fail(source, index, name, key,
                        f"unknown field; allowed: {', '.join(sorted(allowed))}")
        _check_type(source, index, name, key, value, allowed[key])
    for required in ("name", "reason", "action"):
        if not raw.get(required):
            raise _fail(source, index, name, required, "missing or empty; every rule needs "
                        "name, reason and action")
    name = str(raw["name"])
    if not _NAME_RE.fullmatch(name):
        raise _fail(source, index, name, "name",
                    "use letters, digits, '_' and '-' only")
    if raw.get("enabled", True) is False:
        return None
    action = raw["action"]
    if action not in ACTIONS and not _META_KEY_RE.fullmatch(action):
        raise _fail(source, index, name, "action",
                    f"{action!r} is not allowed; use one of {', '.join(ACTIONS)} or "
                    "metadata:<key> (e.g. metadata:author, metadata:date)")
    given = [k for k in ("pattern", "lines", "function") if k in raw]
    if len(given) != 1:
        raise _fail(source, index, name, "/".join(given) or "pattern",
                    "give exactly one of pattern, lines or function")
    case_sensitive = raw.get("case_sensitive", False)
    common = {
        "name": name,
        "reason": raw["reason"],
        "action": action,
        "search": raw.get("search", False),
        "max_length": raw.get("max_length", 400),
        "first_lines": raw.get("first_lines", 0),
        "keep": raw.get("keep", False),
        "source": source,
    }
    if common["max_length"] <= 0 or common["first_lines"] < 0:
        raise _fail(source, index, name, "max_length" if common["max_length"] <= 0
                    else "first_lines", "must be a positive number (first_lines: 0 = all)")
    if "function" in raw:
        function = str(function)
        if function not in FUNCTIONS:
            raise _fail(source, index, name, "function",
                        f"{function!r} is unknown; allowed: {', '.join(FUNCTIONS)}")
        if action != FUNCTIONS[function]:
            raise _fail(source, index, name, "action",
                        f"function {function!r} takes action {FUNCTIONS[function]!r}, "
                        f"not {action!r}")
        params = tuple((k, tuple(v) if isinstance(v, list) else v)
                       for k, v in raw.items() if k in _FUNCTION_PARAMS[function])
        return Rule(function=function, params=params, **common)
    if "lines" in raw:
        lines = raw["lines"]
        if not lines or not all(isinstance(x, str) and x.strip() for x in lines):
            raise _fail(source, index, name, "lines", "must be a non-empty list of "
                        "non-empty strings")
        return Rule(lines=frozenset(_norm(x) for x in lines), **common)
    flags = 0 if case_sensitive else re.IGNORECASE
    try:
        pattern = re.compile(raw["pattern"], flags)
    except re.error as exc:
        raise _fail(source, index, name, "pattern", f"not a valid regex: {exc}") from None
    literals = required_literals(pattern) if common["search"] else None
    return Rule(pattern=pattern, literals=literals, **common)


def _parse_rules(text: str, source: str) -> tuple[list[Rule], str, set[str]]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(f"{source}: not valid TOML: {exc}") from None
    unknown = set(data) - {"meta", "rule"}
    if unknown:
        raise LexiconError(f"{source}: unknown top-level key(s) {sorted(unknown)}; "
                           "allowed: [meta] and [[rule]]")
    raw_rules = data.get("rule", [])
    if not isinstance(raw_rules, list):
        raise LexiconError(f"{source}: 'rule' must be an array of tables ([[rule]])")
    meta = data.get("meta", {})
    version = str(meta.get("version", "")) if isinstance(meta, dict) else ""
    rules: list[Rule] = []
    seen: set[str] = set()
    disabled: set[str] = set()
    for index, raw in enumerate(raw_rules, start=1):
        rule = _build_rule(raw, index, source)
        name = raw["name"]
        if name in seen:
            raise _fail(source, index, name, "name", "duplicate rule name in this file")
        seen.add(name)
        if rule is None:
            disabled.add(name)
        else:
            rules.append(rule)
    return rules, version, disabled


def _validate(rules: Sequence[Rule]) -> None:
    names = {r.name for r in rules}
    for rule in rules:
        for credit in rule.param("credit_rules", ()):
            if credit not in names:
                raise LexiconError(
                    f"{rule.source}: rule {rule.name!r}, field 'credit_rules': {credit!r} "
                    f"names no rule; known rules: {', '.join(sorted(names))}")


@cache
def _default_rules() -> Rules:
    resource = resources.files("framing").joinpath("data", "boilerplate.toml")
    rules, version, _ = _parse_rules(resource.read_text(encoding="utf-8"), "boilerplate.toml")
    _validate(rules)
    return Rules(rules=tuple(rules), version=version, sources=("boilerplate.toml",))


@lru_cache(maxsize=16)
def _file_rules(path: str, mtime_ns: int, replace: bool) -> Rules:
    del mtime_ns  # part of the cache key only: an edited file is read again
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise LexiconError(f"{path}: cannot read rules file: {exc}") from None
    user, user_version, disabled = _parse_rules(text, path)
    if replace:
        merged = list(user)
        version = user_version or Path(path).name
        sources: tuple[str, ...] = (path,)
    else:
        base = _default_rules()
        by_name = {r.name: r for r in user}
        merged = [r for r in user if r.function is None and
                  r.name not in {b.name for b in base.rules}]
        for rule in base.rules:
            if rule.name in disabled:
                continue
            merged.append(by_name.get(rule.name, rule))
        merged += [r for r in user if r.function is not None and
                   r.name not in {b.name for b in base.rules}]
        version = f"{base.version}+{Path(path).name}"
        sources = (*base.sources, path)
    _validate(merged)
    return Rules(rules=tuple(merged), version=version, sources=sources)


def load_rules(path: str | PathLike[str] | None = None, *, replace: bool = False) -> Rules:
    """Load cleaning rules.

    Args:
        path: A TOML rule file (format in ``docs/cleaning.md``). ``None`` gives the
            packaged defaults (``framing/data/boilerplate.toml``).
        replace: False (default): the file extends the defaults; its rules come before
            the default line rules (so they win), a rule with a default's name replaces
            that default in place, and ``enabled = false`` switches a default off.
            True: the file's rules are used alone.

    Returns:
        A validated :class:`Rules` (cached; an edited file is read again).

    Raises:
        LexiconError: The file cannot be read, is not TOML, or a rule is malformed; the
            message names the file, the rule (number and name) and the field.
    """
    if path is None:
        return _default_rules()
    resolved = Path(path).expanduser().resolve()
    try:
        mtime = resolved.stat().st_mtime_ns
    except OSError as exc:
        raise LexiconError(f"{path}: cannot read rules file: {exc}") from None
    return _file_rules(str(resolved), mtime, replace)


# --------------------------------------------------------------------------- input checks

_HTML_HINT = re.compile(
    r"<(?:!doctype\b|html\b|head\b|body\b|/?(?:p|div|span|br|a|h[1-6]|ul|ol|li|script|style|"
    r"article|section|table|tr|td|img|meta|link|em|strong|b|i|figure|figcaption|header|"
    r"footer|nav|blockquote|title)\b[^<>]*>)",
    re.IGNORECASE,
)
_RAW_OPEN = re.compile(r"<!--|<(script|style|noscript|template|head)\b", re.IGNORECASE)
_RAW_CLOSE = MappingProxyType({
    name: re.compile(rf"</{name}\s*>", re.IGNORECASE)
    for name in ("script", "style", "noscript", "template", "head")
})
_TAG = re.compile(r"<[!/?]?[A-Za-z][^<>]*>")
_BLOCK_TAG = re.compile(
    r"</?(?:p|div|br|hr|h[1-6]|li|ul|ol|tr|table|article|section|header|footer|nav|aside|"
    r"main|blockquote|figure|figcaption|title|body|head|html|pre|dd|dt|dl)\b",
    re.IGNORECASE,
)


def looks_binary(text: str) -> bool:
    """True when ``text`` looks like binary data rather than article text.

    The first 8,192 characters are checked: any NUL character, or more than 30% control
    characters (other than tab, line breaks and form feed), C1 controls or U+FFFD
    replacement characters (what undecodable bytes become), means binary. This follows
    git's NUL-byte heuristic for the first kilobytes of a file.

    Args:
        text: The decoded text.

    Returns:
        True for binary-looking data.
    """
    sample = text[:8192]
    if "\x00" in sample:
        return True
    limit = 0.3 * len(sample)
    if _binary_bound(sample) <= limit:
        return False  # at most that many binary characters: not more than 30%
    bad = len(_BINARY_CHAR_RE.findall(sample))
    return bad > limit


# C0 controls other than tab, line feed, vertical tab, form feed and carriage return;
# DEL and the C1 controls; U+FFFD (what undecodable bytes become).
_BINARY_CHAR_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")
# Every byte but the ASCII characters of ``_BINARY_CHAR_RE``.
_NOT_ASCII_BINARY = bytes(b for b in range(256) if not (b < 9 or 14 <= b < 32 or b == 127))


def _binary_bound(sample: str) -> int:
    """An upper bound of the ``_BINARY_CHAR_RE`` characters in ``sample``, found in C at
    a few instructions a character (the regex's character class costs ten times more).

    In UTF-8 an ASCII character is one byte that no other character's bytes contain, so
    deleting every other byte leaves the ASCII binary characters, exactly; every other
    binary character (C1 controls, U+FFFD) is non-ASCII, and each non-ASCII character
    adds at least one byte beyond its one character (a lone surrogate, encoded with
    ``surrogatepass``, three bytes).
    """
    encoded = sample.encode("utf-8", "surrogatepass")
    ascii_binary = len(encoded.translate(None, _NOT_ASCII_BINARY))
    return ascii_binary + len(encoded) - len(sample)


def _looks_like_html(text: str) -> bool:
    for count, match in enumerate(_HTML_HINT.finditer(text, 0, 200_000), start=1):
        if count >= 2 or match.group(0)[1:3].lower() in ("!d", "ht"):
            return True
    return False


def _blank_tag(tag: str) -> str:
    if _BLOCK_TAG.match(tag):
        return "\n" + " " * (len(tag) - 1)
    return " " * len(tag)


def _blank_html(text: str) -> str:
    """Replace tags, comments and head/script/style contents by spaces of equal length.

    Block-level tags (``<p>``, ``<br>``, ``<h1>`` ...) become a line break followed by
    spaces, so paragraphs stay on their own lines. ``&nbsp;`` becomes six spaces. Other
    entities are left as written (decoding them would shift offsets).
    """
    length = len(text)
    spans: list[tuple[int, int]] = []
    scan = 0
    while (opener := _RAW_OPEN.search(text, scan)) is not None:
        if opener.group(1) is None:
            close = text.find("-->", opener.end())
            end = length if close < 0 else close + 3
        else:
            closer = _RAW_CLOSE[opener.group(1).lower()].search(text, opener.end())
            end = length if closer is None else closer.end()
        spans.append((opener.start(), end))
        scan = end
    spans.append((length, length))
    pieces: list[str] = []
    cursor = 0
    for span_start, span_end in spans:
        for tag in _TAG.finditer(text, cursor, span_start):
            pieces.append(text[cursor:tag.start()])
            pieces.append(_blank_tag(tag.group(0)))
            cursor = tag.end()
        pieces.append(text[cursor:span_start])
        pieces.append(" " * (span_end - span_start))
        cursor = span_end
    return "".join(pieces).replace("&nbsp;", "      ")


# --------------------------------------------------------------------------- cleaning


class _Slot:
    """Mutable working state of one non-blank line during :func:`clean`."""

    __slots__ = ("_fold_of", "_fold_value", "_norm_of", "_norm_value", "end", "kind", "ordinal",
                 "reason", "rule", "start", "text")

    def __init__(self, ordinal: int, start: int, end: int, text: str) -> None:
        self.ordinal = ordinal
        self.start = start
        self.end = end
        self.text = text
        self.kind = "body"
        self.reason: str | None = None
        self.rule: str | None = None
        self._norm_of: str | None = None
        self._norm_value = ""
        self._fold_of: str | None = None
        self._fold_value = ""

    @property
    def norm(self) -> str:
        """``_norm(self.text)``, computed once per text: a line meets several line-list
        rules, and a rule may shorten ``text``."""
        if self._norm_of is not self.text:
            self._norm_value = _norm(self.text)
            self._norm_of = self.text
        return self._norm_value

    @property
    def folded(self) -> str:
        """:func:`framing._required_text.fold` of ``text``, computed once per text (the
        literal test of every case-insensitive search rule reads it)."""
        if self._fold_of is not self.text:
            self._fold_value = fold(self.text)
            self._fold_of = self.text
        return self._fold_value

    @property
    def kept(self) -> bool:
        return self.reason is None

    def remove(self, rule: Rule, reason: str | None = None) -> None:
        self.reason = reason or rule.reason
        self.rule = rule.name


class _State:
    """Working state of one :func:`clean` call (metadata read so far, extra removals)."""

    __slots__ = ("author_ordinal", "last_date_key", "meta", "prefixes")

    def __init__(self) -> None:
        self.meta: dict[str, str] = {}
        self.last_date_key: str | None = None
        self.author_ordinal: int | None = None
        self.prefixes: list[RemovedLine] = []


def _strip(raw: str) -> str:
    """Strip whitespace and the invisible characters scrapes leave at line edges."""
    core = raw.strip()
    while core and (core[0] in _INVISIBLE or core[-1] in _INVISIBLE):
        core = core.strip(_INVISIBLE).strip()
    return core


def _split(source: str) -> list[_Slot]:
    """The non-blank lines of ``source``, stripped, with their offsets.

    A line is a maximal run of characters other than ``_LINE_RE``'s line breaks (line
    feed, carriage return, U+2028, U+2029). ``str.splitlines`` breaks at those and at six
    more characters: when no piece ends with one of those, its pieces are the runs, each
    followed by its break (``\r\n`` counts as one; blank runs hold no line), and as
    every break is whitespace, stripping a piece strips its run. That is about five
    times cheaper than the regex's character class at every character.
    """
    slots: list[_Slot] = []
    end = 0
    for piece in source.splitlines(True):
        start = end
        end += len(piece)
        if piece[-1] in _OTHER_BREAKS:
            return _split_by_regex(source)
        stripped = _strip(piece)
        if stripped:
            # what comes before the stripped text is stripped characters, none of them
            # its first character: finding that finds where it starts
            start += piece.find(stripped[0])
            slots.append(_Slot(len(slots), start, start + len(stripped), stripped))
    return slots


def _split_by_regex(source: str) -> list[_Slot]:
    """:func:`_split`, by ``_LINE_RE`` (the reference; used when ``str.splitlines``
    would break lines at other characters)."""
    slots: list[_Slot] = []
    for match in _LINE_RE.finditer(source):
        raw = match.group(0)
        stripped = _strip(raw)
        if not stripped:
            continue
        start = match.start() + raw.find(stripped)
        slots.append(_Slot(len(slots), start, start + len(stripped), stripped))
    return slots


def _metadata_value(key: str, raw: str) -> str | None:
    if key in _DATE_KEYS:
        return parse_date(raw)
    if key == "author":
        return clean_byline(raw)
    value = " ".join(raw.split())
    return value or None


@lru_cache(maxsize=8)
def _prefilter(rules: SameObject) -> Callable[[str], Callable[[str], bool]]:
    """The :func:`framing._rule_prefilter.text_prefilter` of a rule set (kept for the
    last eight sets used)."""
    return text_prefilter(rules.value.line_rules, _norm)  # type: ignore[attr-defined]


def _apply_line_rule(rule: Rule, slot: _Slot, state: _State) -> bool:
    match: re.Match[str] | None = None
    if rule.pattern is not None:
        literals = rule.literals
        if literals is not None and not may_contain(
            slot.folded if rule.pattern.flags & re.IGNORECASE else slot.text, literals
        ):
            return False  # no literal every match holds: the search would find nothing
        match = (rule.pattern.search(slot.text) if rule.search
                 else rule.pattern.fullmatch(slot.text))
        if match is None:
            return False
    elif slot.norm not in rule.lines:
        return False
    action = rule.action
    if action == "remove":
        slot.remove(rule)
        return True
    if action in PARAGRAPH_KINDS:
        slot.kind = action
        if action == "headline":
            state.meta.setdefault("title", slot.text)
        return True
    key = action.split(":", 1)[1]
    groups = match.groupdict() if match is not None else {}
    raw = groups.get("value") or (match.group(0) if match is not None else slot.text)
    value = _metadata_value(key, raw)
    if value is None:
        return False
    if key == "time":
        key = "updated_time" if state.last_date_key == "updated" else "time"
    state.meta.setdefault(key, value)
    if key in _DATE_KEYS:
        state.last_date_key = key
    if key == "author" and state.author_ordinal is None:
        state.author_ordinal = slot.ordinal
    for name, extra in groups.items():
        if name not in ("value", "rest") and extra:
            state.meta.setdefault(name, " ".join(extra.split()))
    rest = groups.get("rest")
    if match is not None and rest and rest.strip():
        rest_start = slot.start + match.start("rest") + (len(rest) - len(rest.lstrip()))
        prefix = slot.text[: rest_start - slot.start].rstrip()
        state.prefixes.append(RemovedLine(prefix, rule.reason, rule.name, slot.start,
                                          slot.start + len(prefix)))
        slot.text = slot.text[rest_start - slot.start:]
        slot.start = rest_start
    elif not rule.keep:
        slot.remove(rule)
    return True


def _byline_repeat(slots: list[_Slot], rule: Rule, state: _State) -> None:
    author = state.meta.get("author")
    if author is None or state.author_ordinal is None:
        return
    window = rule.param("window", 3)
    target = _norm(author)
    low = max(0, state.author_ordinal - window)
    for slot in slots[low: state.author_ordinal + window + 1]:
        if slot.kept and slot.norm == target:
            slot.remove(rule)


def _may_share_norm(a: str, b: str) -> bool:
    """False when ``_norm(a) != _norm(b)`` is certain from the lines' ends alone.

    For a stripped line, ``_norm`` begins with the case fold of its first character and
    ends with that of its last (case folding works character by character and never
    yields whitespace), so lines whose folded ends differ differ (most neighbouring
    lines do, and their norms are not computed).
    """
    if not a or not b:
        return True
    return (a[0].casefold()[0] == b[0].casefold()[0]
            and a[-1].casefold()[-1] == b[-1].casefold()[-1])


def _duplicate_caption(slots: list[_Slot], rule: Rule, state: _State) -> None:
    credits = set(rule.param("credit_rules", ()))
    duplicate_reason = rule.param("duplicate_reason", "duplicated line")
    i = 0
    while i + 1 < len(slots):
        first, second = slots[i], slots[i + 1]
        if (first.kept and second.kept and first.kind == second.kind == "body"
                and _may_share_norm(first.text, second.text) and first.norm == second.norm):
            after = slots[i + 2] if i + 2 < len(slots) else None
            if after is not None and after.rule in credits:
                first.remove(rule)
                second.remove(rule)
            else:
                second.remove(rule, duplicate_reason)
            i += 2
            continue
        i += 1


def _embed_text(slots: list[_Slot], rule: Rule, state: _State) -> None:
    for i, slot in enumerate(slots):
        if slot.kept and slot.kind == "embed_attribution" and i > 0:
            before = slots[i - 1]
            if before.kept and before.kind == "body":
                before.kind = "embed"


def _first_line_headline(slots: list[_Slot], rule: Rule, state: _State) -> None:
    kept = [slot for slot in slots if slot.kept]
    if len(kept) < rule.param("min_lines", 2) or any(s.kind == "headline" for s in kept):
        return  # one line is a sentence, not a headlined article; or a rule found it
    for slot in slots:
        if not slot.kept:
            continue
        if slot.kind == "body" and looks_like_headline(
                slot.text, max_chars=rule.param("max_chars", 200),
                max_words=rule.param("max_words", 30)):
            slot.kind = "headline"
            state.meta.setdefault("title", slot.text)
        return


_STRUCTURAL: Mapping[str, Callable[[list[_Slot], Rule, _State], None]] = MappingProxyType({
    "byline_repeat": _byline_repeat,
    "duplicate_caption": _duplicate_caption,
    "embed_text": _embed_text,
    "first_line_headline": _first_line_headline,
})


def clean(text: str, rules: Rules | None = None) -> Cleaned:
    """Split an article into content lines and boilerplate, reading metadata on the way.

    Args:
        text: The article text. HTML given as text is detected (flag ``"html_input"``)
            and its tags blanked so that offsets still index ``text``.
        rules: Rule set from :func:`load_rules`; ``None`` uses the packaged defaults.

    Returns:
        A :class:`Cleaned` whose offsets index ``Cleaned.source``. Empty or
        whitespace-only text gives no lines and the flag ``"empty"``; binary data (NUL
        bytes, or mostly control / replacement characters) gives no lines and the flag
        ``"binary"``; text whose every line is boilerplate gives ``"no_content_lines"``.

    Raises:
        InputError: ``text`` is not a ``str``.
    """
    if not isinstance(text, str):
        raise InputError(f"text: expected str, got {type(text).__name__}; decode bytes first")
    if rules is None:
        rules = _default_rules()
    if not text.strip():
        return Cleaned(source=text, flags=("empty",))
    if looks_binary(text):
        _LOG.warning("binary data given as article text (%d characters); no lines kept",
                     len(text))
        return Cleaned(source=text, flags=("binary",))
    flags: list[str] = []
    source = text
    if _looks_like_html(text):
        source = _blank_html(text)
        flags.append("html_input")
    slots = _split(source)
    state = _State()
    line_rules = rules.line_rules
    may_apply = _prefilter(SameObject(rules))(source)
    for slot in slots:
        if not may_apply(slot.text):
            continue  # no rule can match the line (see framing._rule_prefilter)
        length = len(slot.text)
        for rule in line_rules:
            if length > rule.max_length or (rule.first_lines and
                                            slot.ordinal >= rule.first_lines):
                continue
            if _apply_line_rule(rule, slot, state):
                break
    for rule in rules.structural:
        _STRUCTURAL[rule.function](slots, rule, state)  # type: ignore[index]
    lines = tuple(_line(s.start, s.end, s.kind) for s in slots if s.kept)
    removed = [RemovedLine(s.text, s.reason, s.rule, s.start, s.end)  # type: ignore[arg-type]
               for s in slots if not s.kept]
    removed.extend(state.prefixes)
    removed.sort(key=lambda r: r.start)
    if not lines:
        flags.append("no_content_lines")
    return Cleaned(
        source=source,
        lines=lines,
        removed=tuple(removed),
        metadata=MappingProxyType(dict(state.meta)),
        flags=tuple(flags),
    )
