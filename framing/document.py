"""The parsed article: paragraphs, sentences, tokens and quote spans with offsets.

Every offset in this module indexes ``Document.source``, the exact text passed to
:func:`framing.parse`, so ``doc.source[x.start:x.end]`` is always the audited words.
``Document.text`` is the cleaned reading text (content paragraphs joined by blank lines).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress, repeat
from operator import add
from types import MappingProxyType
from typing import TYPE_CHECKING, NamedTuple

from framing._identity import SameObject

if TYPE_CHECKING:
    from framing.quotes import Quote

__all__ = [
    "PARAGRAPH_KINDS",
    "TOKEN_KINDS",
    "Document",
    "Paragraph",
    "QuoteSpan",
    "RemovedLine",
    "Sentence",
    "Token",
    "TokenColumns",
    "count_in_intervals",
    "interval_membership",
    "offset_in_intervals",
    "sentence_regions",
    "token_columns",
    "voice_word_counts",
]

#: Paragraph kinds: the headline, ordinary body text, an embedded social-media post's
#: text and the post's "— Name (@handle) date" attribution line.
PARAGRAPH_KINDS = ("headline", "body", "embed", "embed_attribution")

#: Token kinds produced by the tokenizer.
TOKEN_KINDS = ("word", "number", "punct", "url", "handle", "hashtag", "email", "symbol")


class Token(NamedTuple):
    """One token. A NamedTuple (immutable, cheap) because articles have thousands.

    Attributes:
        text: The token as written.
        start: Offset of the first character in ``Document.source``.
        end: Offset one past the last character.
        kind: One of :data:`TOKEN_KINDS`.
    """

    text: str
    start: int
    end: int
    kind: str


class TokenColumns(NamedTuple):
    """Tokens stored column by column: how :func:`framing.parse` keeps a sentence's tokens.

    Token ``i`` is ``Token(texts[i], starts[i], starts[i] + len(texts[i]), kinds[i])``:
    a token is exactly its text (``source[start:end]``), so its end is not stored. The
    scorers read these lists; :attr:`Sentence.tokens` builds the Token tuples from them on
    first read (see :class:`Sentence`).

    Attributes:
        texts: The tokens' texts, in order.
        starts: Their start offsets in ``Document.source`` (increasing).
        kinds: Their kinds (:data:`TOKEN_KINDS`).
    """

    texts: Sequence[str]
    starts: Sequence[int]
    kinds: Sequence[str]

    def tokens(self) -> tuple[Token, ...]:
        """The Token tuples, in order."""
        ends = map(add, self.starts, map(len, self.texts))
        return tuple(map(_new_tuple, repeat(Token), zip(self.texts, self.starts, ends, self.kinds)))


_new_tuple = tuple.__new__  # Token(...) without NamedTuple.__new__'s Python-level overhead


class RemovedLine(NamedTuple):
    """A boilerplate line taken out by the cleaner, and why.

    Attributes:
        line: The removed line as written (stripped of surrounding whitespace).
        reason: Human-readable reason, e.g. ``"navigation"``.
        rule: Name of the cleaning rule that fired.
        start: Offset of the line in ``Document.source``.
        end: Offset one past the line's last character.
    """

    line: str
    reason: str
    rule: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A content paragraph (one line of the cleaned text).

    Attributes:
        index: Position among the document's paragraphs, from 0.
        start: Offset of the first non-space character in ``Document.source``.
        end: Offset one past the last non-space character.
        text: ``source[start:end]``.
        kind: One of :data:`PARAGRAPH_KINDS`.
    """

    index: int
    start: int
    end: int
    text: str
    kind: str = "body"


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence; never crosses a paragraph boundary.

    Attributes:
        index: Position among the document's sentences, from 0.
        start: Offset in ``Document.source``.
        end: Offset one past the last character.
        text: ``source[start:end]``.
        paragraph: Index of the paragraph holding the sentence.
        tokens: The sentence's tokens, in order. :func:`framing.parse` passes them as
            :class:`TokenColumns`, and reading ``tokens`` turns them into Token tuples
            once (stored in place of the columns); a tuple of Token works too.

    Keeping the tokens column by column until they are read, as spaCy's ``Doc`` keeps its
    token arrays, spares the scorers, which read the columns (:func:`token_columns`),
    about 800,000 Token tuples per 919 news articles and the garbage collections their
    allocation triggers (docs/performance.md). Equality, hashing, ``repr``, pickling
    and :func:`dataclasses.replace` read ``tokens``, so they see the Token tuples.
    """

    index: int
    start: int
    end: int
    text: str
    paragraph: int
    tokens: tuple[Token, ...] = ()

    @property
    def words(self) -> tuple[Token, ...]:
        """Tokens that count as words (kind ``word`` or ``number``)."""
        return tuple(t for t in self.tokens if t.kind in ("word", "number"))


#: The slot that holds a Sentence's tokens: TokenColumns until ``tokens`` is first read.
_TOKENS_SLOT = Sentence.__dict__["tokens"]


def _read_tokens(sentence: Sentence) -> tuple[Token, ...]:
    value = _TOKENS_SLOT.__get__(sentence, Sentence)
    if type(value) is TokenColumns:
        value = value.tokens()
        _TOKENS_SLOT.__set__(sentence, value)  # once: later reads return the same tuple
    return value  # type: ignore[no-any-return]


# ``tokens`` stays a dataclass field (constructor, fields(), equality, repr); the
# property in place of its slot's descriptor builds the Token tuples on first read. Only
# ``object.__setattr__`` (the dataclass's own __init__ and __setstate__) reaches the
# setter: assigning ``sentence.tokens`` still raises FrozenInstanceError.
Sentence.tokens = property(  # type: ignore[assignment,method-assign]
    _read_tokens, _TOKENS_SLOT.__set__, doc="The sentence's tokens, in order (Token tuples)."
)


def token_columns(sentence: Sentence) -> TokenColumns:
    """The tokens of ``sentence`` as columns, without building Token tuples if possible.

    The scorers' way to read tokens: the columns :func:`framing.parse` stored, or, for a
    sentence built with (or already read as) Token tuples, columns made from them.
    """
    value = _TOKENS_SLOT.__get__(sentence, Sentence)
    if type(value) is TokenColumns:
        return value  # type: ignore[no-any-return]
    tokens = tuple(value)
    return TokenColumns([t[0] for t in tokens], [t[1] for t in tokens], [t[3] for t in tokens])


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """Text between quotation marks (the narrator/quoted mask).

    Attributes:
        start: Offset of the opening mark.
        end: Offset one past the closing mark, or the end of the paragraph where an
            unclosed quote stops.
        content_start: Offset of the first character inside the marks.
        content_end: Offset one past the last character inside the marks.
        open_mark: The opening mark as written (``"``, ``“``, ``'`` or ``‘``).
        close_mark: The closing mark, or ``""`` when the quote is unclosed.
        closed: False when no closing mark was found before the paragraph ended.
        depth: 0 for a top-level quote, 1 for a quote nested inside another.
        paragraphs: Indexes of the paragraphs the span covers (more than one for a
            paragraph-continuation quote).
    """

    start: int
    end: int
    content_start: int
    content_end: int
    open_mark: str
    close_mark: str
    closed: bool = True
    depth: int = 0
    paragraphs: tuple[int, ...] = ()

    @property
    def is_continued(self) -> bool:
        """True when the quote runs over more than one paragraph."""
        return len(self.paragraphs) > 1


@dataclass(frozen=True, slots=True)
class Document:
    """An article parsed once, shared by every scorer.

    Attributes:
        source: The exact text given to :func:`framing.parse`; all offsets index it.
        text: Cleaned reading text: content paragraphs joined by ``"\\n\\n"``.
        paragraphs: Content paragraphs in order (boilerplate removed).
        sentences: Sentences of all paragraphs, in order.
        quote_spans: Quotation-mark spans, sorted by start; nested ones have depth 1.
        quotes: Attributed quotations (see :func:`framing.extract_quotes`).
        removed: Boilerplate lines taken out, each with its reason.
        metadata: Values read from the text itself (``title``, ``author``, ``date``,
            ``updated``, ``outlet`` ...), as strings.
        flags: Warnings about the input, e.g. ``"empty"``, ``"html_input"``,
            ``"unclosed_quote"``.
    """

    source: str
    text: str
    paragraphs: tuple[Paragraph, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    quote_spans: tuple[QuoteSpan, ...] = ()
    quotes: tuple[Quote, ...] = ()
    removed: tuple[RemovedLine, ...] = ()
    metadata: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    flags: tuple[str, ...] = ()

    @property
    def headline(self) -> Paragraph | None:
        """The headline paragraph, or None when the text has none."""
        for paragraph in self.paragraphs:
            if paragraph.kind == "headline":
                return paragraph
        return None

    @property
    def word_count(self) -> int:
        """Number of word and number tokens over all sentences."""
        return voice_word_counts(self)[0]

    def quoted_intervals(self) -> tuple[tuple[int, int], ...]:
        """Top-level quoted content as sorted, non-overlapping ``(start, end)`` pairs."""
        return tuple(
            (q.content_start, q.content_end) for q in self.quote_spans if q.depth == 0
        )

    def is_quoted(self, offset: int) -> bool:
        """True when ``offset`` lies inside a top-level quotation's content."""
        return offset_in_intervals(self.quoted_intervals(), offset)


def sentence_regions(doc: Document) -> list[tuple[int, int, int]]:
    """``(start, end, sentence index)`` of every sentence; paragraphs (index -1) if none."""
    if doc.sentences:
        return [(s.start, s.end, s.index) for s in doc.sentences]
    return [(p.start, p.end, -1) for p in doc.paragraphs]


def interval_membership(intervals: Sequence[tuple[int, int]]) -> Callable[[int], bool]:
    """A fast ``offset -> bool`` test for sorted, non-overlapping half-open intervals.

    The interval starts are listed once, so testing every token of a document costs one
    binary search per token.
    """
    if not intervals:
        return lambda offset: False
    starts = [start for start, _ in intervals]
    ends = [end for _, end in intervals]
    search = bisect.bisect_right

    def inside(offset: int) -> bool:
        i = search(starts, offset) - 1
        return i >= 0 and offset < ends[i]

    return inside


def offset_in_intervals(intervals: Sequence[tuple[int, int]], offset: int) -> bool:
    """True when ``offset`` falls in one of the sorted, non-overlapping half-open intervals.

    For many offsets against the same intervals use :func:`interval_membership`.
    """
    return interval_membership(intervals)(offset)


def count_in_intervals(offsets: list[int], intervals: Sequence[tuple[int, int]]) -> int:
    """How many ``offsets`` :func:`interval_membership` puts inside ``intervals``.

    The membership test reads the last interval starting at or before an offset, so,
    with sorted offsets and sorted interval starts, an interval holds the offsets from
    its start up to its end or the next interval's start, whichever comes first: two
    binary searches per interval count them. Otherwise every offset is tested.
    """
    starts = [a for a, _ in intervals]
    if starts != sorted(starts) or offsets != sorted(offsets):
        inside = interval_membership(intervals)
        return sum(1 for offset in offsets if inside(offset))
    left = bisect.bisect_left
    count = 0
    for (a, b), following in zip(intervals, [*starts[1:], None]):
        stop = b if following is None or following > b else following
        if stop > a:
            count += left(offsets, stop) - left(offsets, a)
    return count


_COUNTED_KINDS = frozenset(("word", "number"))


def voice_word_counts(doc: Document) -> tuple[int, int]:
    """Word and number tokens of ``doc``'s sentences, and how many are quoted.

    Loaded terms and quote balance both read these counts of one Document; the counts of
    the last two Documents are kept, so :func:`framing.score` counts once.

    Returns:
        ``(words, quoted)``: the count of ``word`` and ``number`` tokens, and of those
        starting inside a top-level quotation's content (:meth:`Document.quoted_intervals`).
    """
    return _voice_word_counts(SameObject(doc))


@lru_cache(maxsize=2)
def _voice_word_counts(key: SameObject) -> tuple[int, int]:
    doc: Document = key.value  # type: ignore[assignment]
    starts: list[int] = []
    counted = _COUNTED_KINDS.__contains__
    for sentence in doc.sentences:
        _, token_starts, kinds = token_columns(sentence)
        starts += compress(token_starts, map(counted, kinds))
    intervals = doc.quoted_intervals()
    quoted = count_in_intervals(starts, intervals) if intervals and starts else 0
    return len(starts), quoted
