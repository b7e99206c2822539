"""Literal text every match of a regex must contain: a cheap test before a costly search.

A cleaning rule that searches anywhere in a line (``search = true``) costs a regex scan
of every line, and with ``re.IGNORECASE`` Python's engine tries the pattern at every
position. Most such patterns are alternations of phrases ("photo credit", "image
credit" ...) that no ordinary line contains. :func:`required_literals` reads the
pattern's parse tree and returns literal strings of which every match contains at least
one; :func:`may_contain` tests a line for them with substring checks, so the regex runs
only on the lines that pass (the same matches, found about 3x faster).

Only ASCII literals are used. Under ``re.IGNORECASE`` a character matches an ASCII
letter when it is that letter in either case or one of four others ("İ", "ı", "ſ" and
the Kelvin sign, found by testing every code point; see the tests), so the line is
folded by mapping those four and lower-casing (:func:`fold`) and the literals are
lower-cased; ASCII characters other than letters match only themselves.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

__all__ = ["fold", "may_contain", "required_literals"]

#: What ``str.lower`` leaves of the characters besides ASCII letters that
#: ``re.IGNORECASE`` matches to an ASCII letter: "ı" and "ſ" stay as they are, "İ"
#: becomes "i" and a combining dot above (the Kelvin sign becomes "k").
_LOWER_LEFTOVERS = ("\u0131", "\u017f", "\u0307")

# Literals shorter than this make a weak test: a pattern whose best literal is shorter
# gets no prefilter.
_MIN_LENGTH = 3


def fold(text: str) -> str:
    """``text`` lower-cased so that every ``re.IGNORECASE`` match of an ASCII literal is
    the lower-cased literal in the result.

    Dropping combining dots never removes part of an ASCII literal, so the result holds
    every such match (and perhaps a few more, which the regex then rules out).
    """
    low = text.lower()
    if low.isascii() or not any(mark in low for mark in _LOWER_LEFTOVERS):
        return low
    return low.replace("\u0131", "i").replace("\u017f", "s").replace("\u0307", "")


def may_contain(text: str, literals: Sequence[str]) -> bool:
    """True when ``text`` holds one of ``literals`` (fold ``text`` first for a pattern
    with ``re.IGNORECASE``)."""
    return any(literal in text for literal in literals)


def required_literals(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Literals of which every match of ``pattern`` contains one, or None.

    Args:
        pattern: A compiled ``str`` pattern.

    Returns:
        The literals (lower case when the pattern ignores case), sorted; None when the
        pattern gives no usable set (a literal under three characters, a non-ASCII or
        inline-flagged part, or a parse tree this reader does not know).
    """
    if not isinstance(pattern.pattern, str):
        return None
    try:
        from re import _constants as c  # type: ignore[attr-defined]
        from re import _parser  # type: ignore[attr-defined]

        tree = _parser.parse(pattern.pattern, pattern.flags)
        best = _best_set(list(tree), c)
    # A private parser: on another Python it may be missing or shaped differently; then
    # there is no prefilter and the results are the same.
    except (ImportError, AttributeError, TypeError, ValueError, IndexError, re.error,
            RecursionError):
        return None
    if not best or min(map(len, best)) < _MIN_LENGTH:
        return None
    ignore_case = bool(pattern.flags & re.IGNORECASE)
    return tuple(sorted({x.lower() if ignore_case else x for x in best}))


def _best_set(items: list[tuple[Any, Any]], c: Any) -> frozenset[str] | None:
    """The best necessary literal set of a node sequence: each candidate (a run of
    literals, or a group, alternation or repeat whose own set is necessary) is
    necessary for the whole; the one with the longest shortest member wins."""
    candidates: list[frozenset[str]] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            candidates.append(frozenset(["".join(run)]))
            run.clear()

    for op, av in items:
        if op is c.LITERAL and av < 128:
            run.append(chr(av))
            continue
        if op is c.AT:  # \b, ^, $: zero width, the literal run goes on
            continue
        flush()
        found: frozenset[str] | None = None
        if op is c.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            if not add_flags and not del_flags:
                found = _best_set(list(sub), c)
        elif op is c.BRANCH:
            alternatives = [_best_set(list(alt), c) for alt in av[1]]
            if alternatives and all(alternatives):
                found = frozenset().union(*alternatives)  # type: ignore[arg-type]
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            low, _high, sub = av
            if low >= 1:
                found = _best_set(list(sub), c)
        elif op is c.ATOMIC_GROUP:
            found = _best_set(list(av), c)
        if found:
            candidates.append(found)
    flush()
    if not candidates:
        return None
    return max(candidates, key=lambda s: (min(map(len, s)), -len(s)))
