"""The fast paths of framing.quotespans give the results of the plain methods.

Each speed-up (the mark regex opening with a character class, marks classified with the
open-family test and the last closing candidate worked out only where they decide, the
apostrophe between two letters or digits skipped before the classifier, the family of a
mark looked up in a table) is checked against the plain method it replaces, written out
here as it was, on hand-made cases chosen to hit its edge cases, the seed articles and
random strings over the characters the scanner tests.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from framing import quotespans
from framing.bench import synthetic_articles
from framing.document import Paragraph
from framing.quotespans import (
    _ELISION_RE,
    _FAMILY,
    _FUNCTION_WORD_RE,
    _MARK_RE,
    QUOTE_MARKS,
    _closes_context,
    _closing_candidates,
    _family,
    _is_space,
    _Open,
    _opens_context,
    find_quote_spans,
)

SEEDS = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))

#: The mark regex as first written: the two-apostrophe form tried first.
_PLAIN_MARK_RE = re.compile(r"''(?!')|[\"“”„'‘’]")

_ALPHABET = ["'", "’", "‘", '"', "“", "”", "„", "''", "'''", "a", "s", "S", "n", "1", " ",
             "\n", ".", ",", "—", "(", ")", "é", "_", "!", "…", "-", "the", "90s", "em"]

HAND = [
    "", "'", "''", "'''", "''''", "a''b", "''a''", "'' ''", "x'''y", "“''”", "‘'’",
    "we're the Met's 'best' officers' duties", "rock 'n' roll in the '90s",
    "He said ''no'' and 'the officers' duties are clear' today.",
    "‘Nested “double” quote,’ said Ann Lee. 'fine' and 'reckless' or 'dangerous'",
    "\"Straight \"inner\" quote\" and \" a lone mark \" here",
]


def _random_texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 24)))
            for _ in range(count)]


def _plain_classify(text: str, i: int, stack: list[_Open], last_candidate: int,
                    width: int = 1) -> str:
    """quotespans._classify as first written: the open-family test and the last closing
    candidate computed for every mark."""
    mark = '"' if width == 2 else text[i]
    prev = text[i - 1] if i > 0 else ""
    nxt = text[i + width] if i + width < len(text) else ""
    family = _family(mark)
    family_open = any(o.family == family for o in stack)
    if mark in "“„":
        return "open"
    if mark == "”":
        return "close" if family_open else "stray"
    if mark == '"':
        if any(o.mark in ('"', "''") for o in stack) or (family_open and not _opens_context(prev)):
            return "close"
        if _closes_context(nxt) and not _opens_context(prev):
            return "stray"
        if _is_space(nxt) and _is_space(prev):
            return "apostrophe"
        return "open"
    if prev.isalnum() and nxt.isalnum():
        return "apostrophe"
    if mark == "‘":
        if _ELISION_RE.match(text, i + 1):
            return "apostrophe"
        return "open"
    if _opens_context(prev) and (nxt.isalnum() or nxt in "“\"‘…(["):
        if _ELISION_RE.match(text, i + 1):
            return "apostrophe"
        if mark == "’":
            return "apostrophe"
        return "open"
    if _closes_context(nxt) and not _is_space(prev):
        if prev == "n" and i >= 2 and text[i - 2] in "'’" and _is_space(nxt):
            return "apostrophe"
        if family_open:
            if (
                prev in "sS"
                and nxt == " "
                and i + 2 < len(text)
                and text[i + 2].islower()
                and last_candidate > i
                and not _FUNCTION_WORD_RE.match(text, i + 2)
            ):
                return "apostrophe"
            return "close"
        if _is_space(nxt):
            return "apostrophe"
        return "stray"
    return "apostrophe"


def _stacks() -> list[list[_Open]]:
    """Every stack of up to two openers over one straight, curly and single mark each."""
    openers = [_Open(0, '"', "double"), _Open(0, "“", "double"), _Open(0, "''", "double"),
               _Open(0, "‘", "single"), _Open(0, "'", "single")]
    return [[]] + [[a] for a in openers] + [[a, b] for a in openers for b in openers]


def test_mark_regex_matches_like_the_plain_alternation():
    texts = HAND + _random_texts(20000, seed=11)
    texts += [path.read_text(encoding="utf-8") for path in SEEDS]
    for text in texts:
        assert [m.span() for m in _MARK_RE.finditer(text)] == [
            m.span() for m in _PLAIN_MARK_RE.finditer(text)
        ], text
    # by hand: two apostrophes not followed by a third are one mark; three are 1 + 2
    assert [m.group(0) for m in _MARK_RE.finditer("a''b'''c")] == ["''", "'", "''"]


def test_classify_gives_the_plain_answer_for_every_mark_and_stack():
    stacks = _stacks()
    for text in HAND + _random_texts(3000, seed=12):
        last = _closing_candidates(text)
        for m in _PLAIN_MARK_RE.finditer(text):
            i, width = m.start(), m.end() - m.start()
            for stack in stacks:
                lazy: list[int | None] = [None]
                assert quotespans._classify(text, i, stack, lazy, width) == _plain_classify(
                    text, i, stack, last, width), (text, i, stack)
                assert lazy[0] in (None, last)  # worked out, if at all, as the definition


def test_single_mark_between_letters_or_digits_is_an_apostrophe_whatever_is_open():
    # what _scan_paragraph skips before classifying: by the definition's first test of a
    # single mark, whatever the stack and the rest of the paragraph
    for text in ["we're", "Met's", "O’Neill", "1‘2", "é'é", "x’y 'open", "'a'b'"]:
        for m in _PLAIN_MARK_RE.finditer(text):
            i = m.start()
            if (m.end() - i == 1 and text[i] in "'‘’" and i and text[i - 1].isalnum()
                    and text[i + 1 : i + 2].isalnum()):
                for stack in _stacks():
                    assert _plain_classify(text, i, stack, _closing_candidates(text)) == (
                        "apostrophe")


def test_family_table_is_the_family_function():
    assert _FAMILY == {mark: _family(mark) for mark in [*QUOTE_MARKS, "''"]}
    assert _FAMILY["''"] == "double" and _FAMILY["’"] == "single"  # by hand


def _lines(text: str) -> list[Paragraph]:
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            kind = "embed" if line.startswith("EMBED") else "body"
            out.append(Paragraph(len(out), pos, pos + len(line), line, kind))
        pos += len(line) + 1
    return out


def _plain_classify_lazily_called(text, i, stack, last_candidate, width=1):
    return _plain_classify(text, i, stack, _closing_candidates(text), width)


def test_spans_are_those_of_the_plain_scanner(monkeypatch):
    texts = [path.read_text(encoding="utf-8") for path in SEEDS]
    texts += [article.text for article in synthetic_articles(20, seed=4)]
    rng = random.Random(13)
    texts += ["\n".join(rng.choice(["", "EMBED ", "x "]) + t
                        for t in _random_texts(rng.randint(1, 6), seed=rng.random()))
              for _ in range(1500)]
    texts += ["\n".join(HAND)]
    fast = [find_quote_spans(text, _lines(text)) for text in texts]
    # the same scan with the plain mark regex and classifier in place of the fast ones
    monkeypatch.setattr(quotespans, "_MARK_RE", _PLAIN_MARK_RE)
    monkeypatch.setattr(quotespans, "_classify", _plain_classify_lazily_called)
    plain = [find_quote_spans(text, _lines(text)) for text in texts]
    assert fast == plain
    assert sum(len(spans) for spans in fast) > 1000  # the texts hold many quotes
