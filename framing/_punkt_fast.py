"""Punkt's sentence spans without Punkt's token objects (same spans, about 5x faster).

framing runs NLTK's ``PunktSentenceTokenizer`` untrained: its parameters hold abbreviation
types and sentence starters only, with no collocations and no orthographic context. With
those parameters ``span_tokenize`` reduces to a few rules, which this module applies
directly, line for line after ``nltk/tokenize/punkt.py`` (NLTK 3.8.2 and later):

1. ``_match_potential_end_contexts``: each match of the language variables'
   ``period_context_re`` is a candidate; its context is the word before it (back to the
   last ASCII whitespace), the end mark and the text after it (one non-word mark, or
   whitespace and the next run of non-space characters). Of overlapping candidates
   (``acting!!!``) only the last is kept.
2. ``text_contains_sentbreak``: the context is split into Punkt's word tokens, which are
   annotated (first pass: end marks, ellipses, abbreviations; second pass: abbreviation
   before a capitalised sentence starter, initials and numbers before a lower-case word or
   a punctuation mark); the candidate is a boundary when some token other than the last
   is a sentence break.
3. ``_slices_from_text`` and ``_realign_boundaries``: boundaries become slices and closing
   marks after a boundary move back onto the sentence before it.

The speed comes from doing per candidate only what the decision needs: one ``findall``
of Punkt's word pattern over the short context and a loop over its two or three tokens,
instead of a ``PunktToken`` object per token with regex-computed properties; a paragraph
with no candidate is one span without further work. The token-type patterns that
NLTK compiles with the third-party ``regex`` engine (numbers, initials) are NLTK's own
compiled objects for non-ASCII tokens; on ASCII tokens the two engines agree and the
standard ``re`` is used. ``tests/test_punkt_fast.py`` compares the spans with NLTK's
``span_tokenize`` on random and hostile texts.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any

__all__ = ["PunktRules", "punkt_spans"]

# ``string.whitespace``: Punkt looks back for these (not for all of ``\s``) to find the
# word before a candidate.
_ASCII_SPACES = " \t\n\r\x0b\x0c"
_NUMBER = "##number##"
_END_MARKS = (".", "?", "!")  # PunktLanguageVars.sent_end_chars
_PUNCTUATION = (";", ":", ",", ".", "!", "?")  # PunktSentenceTokenizer.PUNCTUATION


@dataclass(frozen=True, slots=True)
class PunktRules:
    """What :func:`punkt_spans` needs from a ``PunktSentenceTokenizer``.

    Attributes:
        period_context: The language variables' candidate pattern (``period_context_re``).
        word: Punkt's word-splitting pattern (``_word_tokenizer_re``).
        realign: The closing-mark pattern of ``_realign_boundaries``.
        abbrev_types: Abbreviations, lower case, without the final full stop.
        sent_starters: Frequent sentence starters, lower case.
        numeric_ascii: Punkt's number pattern compiled with ``re`` (ASCII tokens).
        initial_ascii: Punkt's initial pattern compiled with ``re`` (ASCII tokens).
        numeric_match: NLTK's own number matcher (any token).
        initial_match: NLTK's own initial matcher (any token).
        ellipsis: Punkt's ellipsis pattern (only full stops, so both engines agree).
    """

    period_context: re.Pattern[str]
    word: re.Pattern[str]
    realign: re.Pattern[str]
    abbrev_types: frozenset[str]
    sent_starters: frozenset[str]
    numeric_ascii: re.Pattern[str]
    initial_ascii: re.Pattern[str]
    numeric_match: Callable[[str], Any]
    initial_match: Callable[[str], Any]
    ellipsis: re.Pattern[str]

    @classmethod
    def from_tokenizer(cls, tokenizer: Any) -> PunktRules:
        """Read the rules of an untrained ``PunktSentenceTokenizer``.

        Args:
            tokenizer: A ``PunktSentenceTokenizer`` whose parameters have no collocations
                and no orthographic context, and whose token class is ``PunktToken``.

        Returns:
            The rules.

        Raises:
            ValueError: The tokenizer uses something these rules do not reproduce.
        """
        from nltk.tokenize.punkt import PunktToken  # type: ignore[import-untyped]

        params = tokenizer._params
        lang_vars = tokenizer._lang_vars
        if params.collocations or any(params.ortho_context.values()):
            raise ValueError("punkt_spans: the tokenizer has collocations or ortho context")
        if tuple(lang_vars.sent_end_chars) != _END_MARKS or tokenizer._Token is not PunktToken:
            raise ValueError("punkt_spans: the tokenizer has non-default end marks or tokens")
        if tuple(tokenizer.PUNCTUATION) != _PUNCTUATION:
            raise ValueError("punkt_spans: the tokenizer has non-default PUNCTUATION")
        return cls(
            period_context=lang_vars.period_context_re(),
            word=lang_vars._word_tokenizer_re(),
            realign=lang_vars.re_boundary_realignment,
            abbrev_types=frozenset(params.abbrev_types),
            sent_starters=frozenset(params.sent_starters),
            numeric_ascii=re.compile(PunktToken._RE_NUMERIC.pattern),
            initial_ascii=re.compile(PunktToken._RE_INITIAL.pattern),
            numeric_match=PunktToken._RE_NUMERIC.match,
            initial_match=PunktToken._RE_INITIAL.match,
            ellipsis=re.compile(PunktToken._RE_ELLIPSIS.pattern),
        )


def punkt_spans(text: str, rules: PunktRules) -> list[tuple[int, int]]:
    """Sentence spans of ``text``: the same as ``list(tokenizer.span_tokenize(text))``.

    Args:
        text: One paragraph (any string).
        rules: :meth:`PunktRules.from_tokenizer` of the tokenizer being reproduced.

    Returns:
        ``(start, end)`` offsets into ``text``, in order.
    """
    if rules.period_context.search(text) is None:  # no candidate: one slice, nothing moves
        stop = len(text.rstrip())
        return [(0, stop)] if stop > 0 else []
    return _realign(text, _slices(text, rules), rules.realign)


def _slices(text: str, rules: PunktRules) -> list[tuple[int, int]]:
    """Punkt's ``_slices_from_text``: cut after each candidate that is a boundary."""
    slices: list[tuple[int, int]] = []
    last_break = 0
    for match, word_start, word_stop in _end_contexts(text, rules.period_context):
        if _is_boundary(text, word_start, word_stop, match, rules):
            slices.append((last_break, match.end()))
            last_break = match.start("next_tok") if match.group("next_tok") else match.end()
    slices.append((last_break, len(text.rstrip())))
    return slices


def _end_contexts(
    text: str, period_context: re.Pattern[str]
) -> list[tuple[re.Match[str], int, int]]:
    """Punkt's ``_match_potential_end_contexts``: the kept candidates, each with the
    ``[start, stop)`` of the word before it."""
    out: list[tuple[re.Match[str], int, int]] = []
    # Only blanks to look back for in most paragraphs: one rfind per candidate.
    other_spaces = [space for space in _ASCII_SPACES[1:] if space in text]
    prev_start = prev_stop = 0
    prev_match: re.Match[str] | None = None
    for match in period_context.finditer(text):
        match_start = match.start()
        space = text.rfind(" ", prev_stop, match_start)
        for other in other_spaces:
            space = max(space, text.rfind(other, max(space + 1, prev_stop), match_start))
        # Punkt takes a space at the very start of the searched text for "no space".
        word_start = space + 1 if space > prev_stop else prev_start
        if prev_match is not None and prev_stop <= word_start:
            out.append((prev_match, prev_start, prev_stop))
        prev_match = match
        prev_start, prev_stop = word_start, match_start
    if prev_match is not None:
        out.append((prev_match, prev_start, prev_stop))
    return out


def _is_boundary(
    text: str, word_start: int, word_stop: int, match: re.Match[str], rules: PunktRules
) -> bool:
    """Punkt's decision for one candidate (``text_contains_sentbreak`` of its context).

    Two shapes are decided without tokenizing. A ``?`` or ``!`` is always its own
    token (both are non-word marks, so the word before stops at them) and a sentence
    break, and the text after it always gives at least one more token: a boundary. A
    full stop after a word of two or more ASCII letters that is not an abbreviation is
    the end of that word's token, a sentence break that no second-pass rule changes (not
    an initial, not a number), again followed by a token: a boundary, unless the text
    after it is a spaced ellipsis (``. . .``), which Punkt reads as one token.
    """
    if match.group() != ".":
        return True
    word = text[word_start:word_stop]
    if (
        len(word) > 1
        and word.isascii()
        and word.isalpha()
        and word.lower() not in rules.abbrev_types
        and (match.group("next_tok") or " ")[0] != "."
    ):
        return True
    return _contains_sentbreak(word + "." + match.group("after_tok"), rules)


def _contains_sentbreak(context: str, rules: PunktRules) -> bool:
    """Punkt's ``text_contains_sentbreak`` for a tokenizer without collocations or ortho
    context: True when a token other than the last is annotated as a sentence break."""
    if "\n" in context:
        tokens = [
            tok for line in context.split("\n") if line.strip() for tok in rules.word.findall(line)
        ]
    else:
        tokens = rules.word.findall(context) if context.strip() else []
    first = [_first_pass(tok, rules) for tok in tokens]
    for i in range(len(tokens) - 1):
        if _second_pass(tokens[i], first[i], tokens[i + 1], first[i + 1], rules):
            return True
    return False


# First-pass annotations of a token (``_first_pass_annotation``).
_PLAIN, _SENTBREAK, _ABBR, _ELLIPSIS = 0, 1, 2, 3


def _first_pass(tok: str, rules: PunktRules) -> int:
    """End marks and non-abbreviations ending in a full stop break; abbreviations and
    ellipses are marked as such."""
    if tok in _END_MARKS:
        return _SENTBREAK
    if rules.ellipsis.match(tok):
        return _ELLIPSIS
    if tok.endswith(".") and not tok.endswith(".."):
        stem = tok[:-1].lower()
        abbrevs = rules.abbrev_types
        if stem in abbrevs or stem.split("-")[-1] in abbrevs:
            return _ABBR
        return _SENTBREAK
    return _PLAIN


def _token_type(tok: str, rules: PunktRules) -> str:
    """``PunktToken.type``: the lower-cased token, or ``##number##`` for a number."""
    lower = tok.lower()
    numeric = rules.numeric_ascii.match(lower) if lower.isascii() else rules.numeric_match(lower)
    return _NUMBER if numeric else lower


def _without_period(typ: str) -> str:
    """``PunktToken.type_no_period``."""
    return typ[:-1] if len(typ) > 1 and typ[-1] == "." else typ


def _second_pass(tok: str, note: int, next_tok: str, next_note: int, rules: PunktRules) -> bool:
    """Whether ``tok`` is a sentence break after ``_second_pass_annotation``.

    With empty ortho context Punkt's orthographic heuristic says "not a sentence starter"
    for a punctuation mark or a lower-case word and "unknown" otherwise, never "starter".
    """
    if not tok.endswith("."):
        return note == _SENTBREAK
    is_initial = bool(
        rules.initial_ascii.match(tok) if tok.isascii() else rules.initial_match(tok)
    )
    if (note == _ABBR or note == _ELLIPSIS) and not is_initial:
        next_type = _token_type(next_tok, rules)
        if next_note == _SENTBREAK:
            next_type = _without_period(next_type)
        if next_tok[0].isupper() and next_type in rules.sent_starters:
            return True
    if is_initial or _without_period(_token_type(tok, rules)) == _NUMBER:
        if next_tok in _PUNCTUATION or next_tok[0].islower():
            return False
        if is_initial and next_tok[0].isupper():
            return False
    return note == _SENTBREAK


def _realign(
    text: str, slices: Collection[tuple[int, int]], realign: re.Pattern[str]
) -> list[tuple[int, int]]:
    """Punkt's ``_realign_boundaries``: closing marks after a boundary join the sentence
    before it; empty slices are dropped (except where Punkt keeps them)."""
    out: list[tuple[int, int]] = []
    shift = 0
    pending: tuple[int, int] | None = None
    for current in slices:
        if pending is not None:
            start, stop = pending[0] + shift, pending[1]
            mark = realign.match(text[current[0] : current[1]])
            if mark:
                out.append((start, current[0] + len(mark.group(0).rstrip())))
                shift = mark.end()
            else:
                shift = 0
                if text[start:stop]:
                    out.append((start, stop))
        pending = current
    if pending is not None:
        start, stop = pending[0] + shift, pending[1]
        if text[start:stop]:
            out.append((start, stop))
    return out
