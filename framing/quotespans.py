"""Quotation-mark spans: the narrator/quoted mask every scorer reads.

:func:`find_quote_spans` scans each paragraph once, left to right, and pairs quotation
marks with a small stack (so the whole pass is linear in the length of the text):

* Double quotes: straight ``"`` (an open straight quote is closed by the next one),
  curly ``“`` (always opens) and ``”`` (always closes), low ``„`` (opens).
* Single quotes (British style): ``‘`` opens; ``'`` and ``’`` open or close, or are
  apostrophes. An apostrophe is told from a quote mark by its neighbours: a mark between
  two letters or digits is an apostrophe (``we're``, ``Met's``, ``O'Neill``); a mark before
  two digits and ``s`` (``'90s``) or in ``'n'`` / ``'em`` / ``'til`` is an apostrophe; a
  mark after a word and before a space closes a quote only when a single quote is open
  (``the officers' impartiality`` has none open, so it is a possessive). After ``s``
  followed by a space and a lower-case word that is not a function word
  (``'the officers' duties are ...'``, but not ``'reckless' and``), the mark is taken as a
  possessive when another closing candidate follows in the paragraph.
* Nesting: a quote opened inside an open quote has depth 1 (``‘potential’`` inside
  ``“...”``); deeper marks are ignored.
* A quote never crosses a paragraph on its own: an unclosed quote ends at the end of its
  paragraph with ``closed=False``, so one missing mark cannot swallow the article.
* Paragraph continuation (news convention): a paragraph whose top-level quote is still
  open continues when the next paragraph opens with a quotation mark of the same family
  (double or single). Each paragraph's part is its own :class:`QuoteSpan` (so text
  between the parts, such as an embedded post or a removed ``READ MORE`` line, stays
  out of the mask), and every part carries the indexes of all the paragraphs of the quote
  in ``paragraphs``. A part followed by a continuation has ``closed=True`` and
  ``close_mark=""``.
* Lost opening marks: when an open quote is followed by up to three paragraphs without
  any quotation mark and then by a paragraph that starts with no mark but holds a
  closing mark of the same family with nothing open (``... is appropriate'.``), those
  paragraphs are the rest of the quote (scraped text often drops the continuation
  marks). Their parts have ``open_mark=""``.
* Embedded social-media posts (paragraphs of kind ``"embed"``) are the poster's voice,
  not the narrator's: each is one mark-less span (``open_mark=""``) of depth 0, and
  quotation marks inside it have depth 1.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from framing._construct import fast_constructor
from framing.document import Paragraph, QuoteSpan

__all__ = ["QUOTE_MARKS", "find_quote_spans"]

#: Characters treated as quotation marks (or apostrophes).
QUOTE_MARKS = "\"“”„'‘’"

#: Two straight apostrophes (``''``) stand for a straight double quote in some wire and
#: archive text (the New York Times in PolNeAR); they are matched first. Written as
#: ``[\"“”„'‘’]`` then, after a ``'``, an optional second ``'`` not followed by a third:
#: the same matches as ``''(?!')|[\"“”„'‘’]``, but a pattern opening with a character
#: class lets the regex engine skip to the next mark in C (2x on news text).
_MARK_RE = re.compile(r"[\"“”„'‘’](?:(?<=')'(?!'))?")
#: The single marks that may close a quotation (see :func:`_closing_candidates`).
_SINGLE_MARK_RE = re.compile(r"['’]")
_DOUBLE = frozenset("\"“”„")
#: Words that begin with an apostrophe standing for left-out letters.
_ELISION_RE = re.compile(r"(?:\d\ds\b|n['’]|em\b|til\b|cause\b|tis\b|twas\b|bout\b)")
#: Words that follow a closing mark but never a possessive ("'reckless' and 'dangerous'").
_FUNCTION_WORD_RE = re.compile(
    r"(?:and|or|but|nor|to|of|in|on|at|for|with|as|by|from|that|which|who|is|are|was|were|"
    r"be|been|the|a|an|amid|after|before|while|when|if|over|into|than|despite|because|since|"
    r"said|says|say|told|added|he|she|they|it|we|according|about|against|until|so|then)\b"
)
_OPENING_PUNCT = frozenset("([{—–-/")
_CLOSING_PUNCT = frozenset(".,;:!?)]}…—–-")
_MAX_DEPTH = 2
_MAX_MARKLESS_PARAGRAPHS = 3
_SKIPPABLE_KINDS = frozenset({"embed", "embed_attribution"})


@dataclass(slots=True)
class _Open:
    """An opening mark waiting for its closer (scan-time only)."""

    pos: int
    mark: str
    family: str


@dataclass(slots=True)
class _Part:
    """A span under construction (scan-time only)."""

    start: int
    end: int
    content_start: int
    content_end: int
    open_mark: str
    close_mark: str
    closed: bool
    depth: int
    paragraph: int
    group: list[int] = field(default_factory=list)


@dataclass(slots=True)
class _ParagraphScan:
    """What one paragraph's scan found (scan-time only)."""

    parts: list[_Part]
    unclosed_top: _Part | None
    first_top: _Part | None
    stray_close: tuple[int, str] | None  # (offset of the mark, family) before any opener
    has_marks: bool


def _family(mark: str) -> str:
    return "double" if mark in _DOUBLE or mark == "''" else "single"


#: :func:`_family` of each mark.
_FAMILY = {mark: _family(mark) for mark in [*QUOTE_MARKS, "''"]}

#: ``QuoteSpan(...)``, faster (see :func:`framing._construct.fast_constructor`).
_quote_span = fast_constructor(QuoteSpan)


def _is_space(ch: str) -> bool:
    return ch == "" or ch.isspace()


def _opens_context(prev: str) -> bool:
    """True when the character before a mark lets it open a quotation."""
    return _is_space(prev) or prev in _OPENING_PUNCT or prev in "\"“‘'"


def _closes_context(nxt: str) -> bool:
    """True when the character after a mark lets it close a quotation."""
    return _is_space(nxt) or nxt in _CLOSING_PUNCT or nxt in "\"”’'"


def _classify(
    text: str, i: int, stack: list[_Open], last_candidate: list[int | None], width: int = 1
) -> str:
    """Classify the mark at ``text[i:i + width]`` as ``open``, ``close``, ``stray`` or
    ``apostrophe``.

    ``stray`` is a closing mark with no matching opener (a possible lost-opener quote).
    A two-character ``''`` is classified as a straight double quote. ``last_candidate``
    is a one-item list holding :func:`_closing_candidates` of ``text``, or None until
    a mark first needs it (few do: it is then worked out once per paragraph). Whether a
    quote of the mark's family is open is likewise tested only where it decides.
    """
    mark = '"' if width == 2 else text[i]
    prev = text[i - 1] if i > 0 else ""
    nxt = text[i + width] if i + width < len(text) else ""
    if mark in "“„":
        return "open"
    if mark in _DOUBLE:  # a double mark ("''" counts as '"')
        family_open = any(o.family == "double" for o in stack)
        if mark == "”":
            return "close" if family_open else "stray"
        if any(o.mark in ('"', "''") for o in stack) or (family_open and not _opens_context(prev)):
            return "close"
        if _closes_context(nxt) and not _opens_context(prev):
            return "stray"
        if _is_space(nxt) and _is_space(prev):
            return "apostrophe"  # a lone mark between spaces: ignore
        return "open"
    # single-quote family
    if prev.isalnum() and nxt.isalnum():
        return "apostrophe"  # we're, Met's, O'Neill
    if mark == "‘":
        if _ELISION_RE.match(text, i + 1):
            return "apostrophe"  # ‘90s, rock ‘n’ roll
        return "open"
    if _opens_context(prev) and (nxt.isalnum() or nxt in "“\"‘…(["):
        if _ELISION_RE.match(text, i + 1):
            return "apostrophe"  # '90s, 'em, 'til, rock 'n' roll
        if mark == "’":
            return "apostrophe"  # ’90s typed with a right quote: never opens
        return "open"
    if _closes_context(nxt) and not _is_space(prev):
        if prev == "n" and i >= 2 and text[i - 2] in "'’" and _is_space(nxt):
            return "apostrophe"  # the closing mark of 'n'
        if any(o.family == "single" for o in stack):
            if (
                prev in "sS"
                and nxt == " "
                and i + 2 < len(text)
                and text[i + 2].islower()
                and _last_candidate(text, last_candidate) > i
                and not _FUNCTION_WORD_RE.match(text, i + 2)
            ):
                return "apostrophe"  # 'the officers' duties ...': plural possessive
            return "close"
        if _is_space(nxt):
            return "apostrophe"  # officers' impartiality: nothing open
        return "stray"
    return "apostrophe"


def _last_candidate(text: str, last_candidate: list[int | None]) -> int:
    """The item of ``last_candidate``, worked out (and kept there) if still None."""
    found = last_candidate[0]
    if found is None:
        found = last_candidate[0] = _closing_candidates(text)
    return found


def _closing_candidates(text: str) -> int:
    """Offset of the last single mark that could close a quotation, or -1."""
    last = -1
    for m in _SINGLE_MARK_RE.finditer(text):
        i = m.start()
        prev = text[i - 1] if i > 0 else ""
        nxt = text[i + 1] if i + 1 < len(text) else ""
        if not _is_space(prev) and not nxt.isalnum() and _closes_context(nxt):
            last = i
    return last


def _scan_paragraph(
    source: str, para: Paragraph, base_depth: int, out: list[_Part]
) -> _ParagraphScan:
    """Pair the marks of one paragraph; append its parts to ``out``."""
    text = source[para.start : para.end]
    offset = para.start
    stack: list[_Open] = []
    parts: list[_Part] = []
    stray: tuple[int, str] | None = None
    seen_open = False
    has_marks = False
    last_candidate: list[int | None] = [None]  # _closing_candidates(text), when needed
    for m in _MARK_RE.finditer(text):
        i = m.start()
        width = m.end() - i
        if width == 1 and i and text[i] in "'‘’" and text[i - 1].isalnum() and text[
                i + 1 : i + 2].isalnum():
            continue  # we're, Met's: _classify's first test of a single mark, inlined
        kind = _classify(text, i, stack, last_candidate, width)
        if kind == "apostrophe":
            continue
        has_marks = True
        mark = m.group(0)
        family = "double" if width == 2 else _FAMILY[mark]
        if kind == "open":
            seen_open = True
            if len(stack) + base_depth < _MAX_DEPTH:
                stack.append(_Open(i, mark, family))
            continue
        if kind == "stray":
            if stray is None and not seen_open and not stack:
                stray = (offset + i, family)
            continue
        # close: pop to the innermost opener of the same family (straight " matches ")
        j = len(stack) - 1
        while j >= 0 and stack[j].family != family:
            j -= 1
        if j < 0:
            continue
        while len(stack) > j + 1:
            inner = stack.pop()
            parts.append(_unclosed(inner, offset, offset + i, base_depth + len(stack), para.index))
        opener = stack.pop()
        parts.append(
            _Part(
                start=offset + opener.pos,
                end=offset + i + width,
                content_start=offset + opener.pos + len(opener.mark),
                content_end=offset + i,
                open_mark=opener.mark,
                close_mark=mark,
                closed=True,
                depth=base_depth + len(stack),
                paragraph=para.index,
            )
        )
    end = para.end
    unclosed_top: _Part | None = None
    while stack:
        opener = stack.pop()
        part = _unclosed(opener, offset, end, base_depth + len(stack), para.index)
        parts.append(part)
        if part.depth == 0:
            unclosed_top = part
    first_top = None
    if parts:  # most paragraphs quote nothing
        parts.sort(key=lambda p: (p.start, p.depth))
        first_top = next((p for p in parts if p.depth == 0), None)
        out.extend(parts)
    return _ParagraphScan(parts, unclosed_top, first_top, stray, has_marks)


def _unclosed(opener: _Open, offset: int, end: int, depth: int, paragraph: int) -> _Part:
    """A part for an opener that found no closer before ``end``."""
    return _Part(
        start=offset + opener.pos,
        end=end,
        content_start=offset + opener.pos + len(opener.mark),
        content_end=end,
        open_mark=opener.mark,
        close_mark="",
        closed=False,
        depth=depth,
        paragraph=paragraph,
    )


def _embed_part(para: Paragraph) -> _Part:
    return _Part(para.start, para.end, para.start, para.end, "", "", True, 0, para.index)


def _link(group: list[_Part]) -> None:
    """Mark ``group`` as one quotation: every part but the last is continued.

    All parts share the list of the quotation's paragraphs; the last part keeps its own
    ``closed`` state.
    """
    if len(group) < 2:
        return
    indexes = [p.paragraph for p in group]
    for part in group[:-1]:
        part.closed = True
        part.close_mark = ""
    for part in group:
        part.group = indexes


def _continue(
    source: str,
    para: Paragraph,
    scan: _ParagraphScan,
    group: list[_Part],
    markless: list[Paragraph],
    parts: list[_Part],
) -> tuple[list[_Part], list[Paragraph], bool]:
    """Try to continue the open quotation ``group`` into ``para``.

    Returns the group and mark-less paragraphs still pending, and whether ``para``
    needs no further handling (it is a pending mark-less paragraph or the continuation
    part that stays open).
    """
    family = _family(group[0].open_mark)
    first = scan.first_top
    if (
        not markless
        and first is not None
        and first.start == para.start
        and _family(first.open_mark) == family
    ):
        group.append(first)
        if first is scan.unclosed_top:
            return group, markless, True
        _link(group)
        return [], [], False
    stray = scan.stray_close
    if stray is not None and stray[1] == family and (first is None or first.start > stray[0]):
        close_at = stray[0]
        for bare in markless:
            group.append(
                _Part(bare.start, bare.end, bare.start, bare.end, "", "", True, 0, bare.index)
            )
        group.append(
            _Part(para.start, close_at + 1, para.start, close_at, "", source[close_at], True, 0,
                  para.index)
        )
        parts.extend(group[1:])
        _link(group)
        return [], [], False
    if not scan.has_marks and len(markless) < _MAX_MARKLESS_PARAGRAPHS:
        markless.append(para)
        return group, markless, True
    _link(group)
    return [], [], False


def find_quote_spans(source: str, paragraphs: Sequence[Paragraph]) -> tuple[QuoteSpan, ...]:
    """Find every quotation-mark span in the content paragraphs, in linear time.

    Args:
        source: The text the paragraph offsets index (``Document.source``).
        paragraphs: Content paragraphs in reading order (boilerplate lines already out).

    Returns:
        Spans sorted by start. Top-level spans (``depth == 0``) never overlap; a quote
        nested in another has ``depth == 1``. A paragraph-continuation quote is one span
        per paragraph part, each listing all the quote's paragraphs in ``paragraphs``;
        an embedded post (paragraph kind ``"embed"``) is one mark-less span.
    """
    parts: list[_Part] = []
    group: list[_Part] = []  # parts of a quotation still open at its paragraph's end
    markless: list[Paragraph] = []  # paragraphs without marks inside that quotation
    for para in paragraphs:
        if para.kind == "embed":
            parts.append(_embed_part(para))
            _scan_paragraph(source, para, 1, parts)
            continue
        scan = _scan_paragraph(source, para, 0, parts)
        if para.kind in _SKIPPABLE_KINDS:
            continue
        if group:
            group, markless, consumed = _continue(source, para, scan, group, markless, parts)
            if consumed:
                continue
        if scan.unclosed_top is not None:
            group, markless = [scan.unclosed_top], []
    _link(group)
    parts.sort(key=lambda p: (p.start, p.depth))
    return tuple(
        _quote_span(  # QuoteSpan(start, end, content_start, content_end, open_mark,
            p.start,  # close_mark, closed, depth, paragraphs)
            p.end,
            p.content_start,
            p.content_end,
            p.open_mark,
            p.close_mark,
            p.closed,
            p.depth,
            tuple(p.group) if p.group else (p.paragraph,),
        )
        for p in parts
    )
