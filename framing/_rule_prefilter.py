"""One cheap test of a line against every cleaning line rule: can any rule apply to it?

The cleaner tries each line against each line rule in turn (:func:`framing.clean.clean`),
about twenty Python-level tries per line, although almost every line of running text
meets none of them. :func:`line_prefilter` builds, once per rule set, a test that is
True whenever some rule's pattern or line list could match the line:

* the whole-line patterns joined into one alternation, each alternative keeping its own
  flags: ``alternation.fullmatch(line)`` finds a match exactly when one of them does
  (the engine backtracks into every alternative until one spans the line);
* the search-anywhere patterns by the literals of which each of their matches holds
  one (:mod:`framing._required_text`), all tested on the line folded once (the cleaner
  tests only those that the folded article holds: :func:`text_prefilter`); a pattern
  without such literals by its own search;
* a line list by the case-folded first word of the line (case folding works character
  by character and never yields whitespace, checked for every code point in the
  tests), then the full normalised line.

A line that fails the test meets no rule, so skipping it gives the cleaner's results
unchanged. The lengths and first-line limits of the rules are left to the rule loop:
they only narrow what may apply.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from framing._required_text import fold

__all__ = ["line_prefilter", "text_prefilter"]

# A named group opening not preceded by a backslash; named groups become plain groups
# in the alternation (several rules name a group "value").
_NAMED_GROUP_RE = re.compile(r"(?<!\\)\(\?P<\w+>")
# Backreferences (numbered or named) would change meaning once patterns are joined, and
# global inline flags ("(?i)") are allowed only at the start of a whole pattern.
_ALONE_RE = re.compile(r"\\[1-9]|\(\?P=|\\g<|\(\?[aiLmsux]+\)")
# Flags a scoped group can carry, by their letter.
_SCOPED_FLAGS = ((re.IGNORECASE, "i"), (re.MULTILINE, "m"), (re.DOTALL, "s"),
                 (re.VERBOSE, "x"))
_DEFAULT_FLAGS = re.UNICODE


def _alternative(pattern: re.Pattern[str]) -> str | None:
    """``pattern`` as one alternative of a joined pattern, or None when it cannot be one."""
    text = pattern.pattern
    flags = pattern.flags & ~_DEFAULT_FLAGS
    letters = "".join(letter for flag, letter in _SCOPED_FLAGS if flags & flag)
    if flags & ~sum(flag for flag, _ in _SCOPED_FLAGS) or _ALONE_RE.search(text):
        return None
    body = _NAMED_GROUP_RE.sub("(", text)
    if flags & re.VERBOSE:
        body += "\n"  # a trailing comment must not swallow the closing parenthesis
    return f"(?{letters}:{body})" if letters else f"(?:{body})"


def _joined(patterns: Sequence[re.Pattern[str]]) -> tuple[re.Pattern[str] | None,
                                                          list[re.Pattern[str]]]:
    """One alternation of the patterns that can be joined, and the others."""
    parts: list[str] = []
    alone: list[re.Pattern[str]] = []
    for pattern in patterns:
        part = _alternative(pattern)
        if part is None:
            alone.append(pattern)
        else:
            parts.append(part)
    if not parts:
        return None, alone
    try:
        return re.compile("|".join(parts)), alone
    except (re.error, RecursionError, OverflowError):
        return None, list(patterns)


@dataclass(frozen=True, slots=True)
class _Parts:
    """What the line test reads, built once per rule set (see :func:`line_prefilter`)."""

    joined: re.Pattern[str] | None
    alone: tuple[re.Pattern[str], ...]
    literals: tuple[str, ...]
    unfiltered: tuple[re.Pattern[str], ...]
    listed: frozenset[str]
    first_words: frozenset[str]
    normalise: Callable[[str], str]


def _parts(line_rules: Sequence[Any], normalise: Callable[[str], str]) -> _Parts:
    whole = [r.pattern for r in line_rules if r.pattern is not None and not r.search]
    joined, alone = _joined(whole)
    searches = [r for r in line_rules if r.pattern is not None and r.search]
    unfiltered = tuple(r.pattern for r in searches if r.literals is None)
    # every literal is ASCII and lower case under re.IGNORECASE; a case-sensitive one
    # found in the line is found in the line folded too (fold lower-cases character by
    # character and changes no ASCII letter of a match)
    literals = tuple(sorted({x for r in searches if r.literals is not None for x in r.literals}))
    listed = frozenset().union(*(r.lines for r in line_rules if r.pattern is None))
    first_words = frozenset(line.split(" ", 1)[0] for line in listed)
    return _Parts(joined, tuple(alone), literals, unfiltered, listed, first_words, normalise)


def _line_test(parts: _Parts, literals: tuple[str, ...]) -> Callable[[str], bool]:
    """The test of :func:`line_prefilter`, with the search patterns' ``literals``."""
    joined, alone, unfiltered = parts.joined, parts.alone, parts.unfiltered
    listed, first_words, normalise = parts.listed, parts.first_words, parts.normalise

    def may_apply(line: str) -> bool:
        if joined is not None and joined.fullmatch(line) is not None:
            return True
        if alone and any(pattern.fullmatch(line) is not None for pattern in alone):
            return True
        if literals:
            folded = fold(line)
            if any(literal in folded for literal in literals):
                return True
        if unfiltered and any(pattern.search(line) is not None for pattern in unfiltered):
            return True
        if listed:
            words = line.split(None, 1)
            if words and words[0].casefold() in first_words:
                return normalise(line) in listed
        return False

    return may_apply


def line_prefilter(
    line_rules: Sequence[Any], normalise: Callable[[str], str]
) -> Callable[[str], bool]:
    """A test ``line -> bool`` that is True whenever one of ``line_rules`` may apply.

    Args:
        line_rules: :class:`framing.clean.Rule` objects with a ``pattern`` (``search``
            tells whether it may match anywhere; ``literals`` its literal prefilter) or
            ``lines`` (normalised exact lines).
        normalise: How a line is normalised for the ``lines`` rules
            (:func:`framing.clean._norm`: whitespace collapsed, case-folded).

    Returns:
        The test; False only for a line no rule can match.
    """
    parts = _parts(line_rules, normalise)
    return _line_test(parts, parts.literals)


def text_prefilter(
    line_rules: Sequence[Any], normalise: Callable[[str], str]
) -> Callable[[str], Callable[[str], bool]]:
    """``text -> test``: the test of :func:`line_prefilter` for the lines of ``text``.

    A literal that the folded text does not hold is in none of its folded lines, so it
    is left out of the test of every line. Folding works character by character
    (``str.lower`` reads a neighbour only to choose between two non-ASCII sigmas), so
    the fold of a line is the fold of its stretch of the text, but for those sigmas;
    and the literals are ASCII. Most articles hold none of the literals, and their
    lines are then neither folded nor searched (one search of the text per literal
    instead of one per literal and line).

    Args:
        line_rules: As for :func:`line_prefilter`.
        normalise: As for :func:`line_prefilter`.

    Returns:
        A function giving, for a text, a test valid for every substring of it.
    """
    parts = _parts(line_rules, normalise)
    literals = parts.literals

    def for_text(text: str) -> Callable[[str], bool]:
        folded = fold(text) if literals else ""
        return _line_test(parts, tuple(x for x in literals if x in folded))

    return for_text
