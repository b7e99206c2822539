"""Sentences and tokens with character offsets.

Sentence splitting is NLTK's Punkt (Kiss & Strunk 2006, *Unsupervised Multilingual
Sentence Boundary Detection*, Computational Linguistics 32(4)) built from parameters
written by hand rather than trained or downloaded: the news abbreviation list and the
frequent sentence starters in ``framing/data/abbreviations.toml``. Punkt runs on one
paragraph at a time (sentences never cross paragraphs) and gives spans, so offsets are
exact; ``framing._punkt_fast`` computes the spans ``span_tokenize`` gives, with Punkt's
rules applied directly. A few documented repairs follow (see ``docs/parsing.md``).

Tokenizing is one compiled regular expression, run once per paragraph, whose named
alternatives give each token's kind (:data:`framing.document.TOKEN_KINDS`).
"""

from __future__ import annotations

import bisect
import logging
import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from operator import attrgetter
from typing import TYPE_CHECKING

from framing._construct import fast_constructor
from framing._punkt_fast import PunktRules, punkt_spans
from framing.document import Paragraph, Sentence, Token, TokenColumns
from framing.errors import InputError, LexiconError

if TYPE_CHECKING:  # nltk loads on first use (importing it takes about half a second)
    from nltk.tokenize.punkt import (  # type: ignore[import-untyped]
        PunktLanguageVars,
        PunktSentenceTokenizer,
    )

__all__ = [
    "AbbreviationLists",
    "abbreviation_lists",
    "sentence_tokenizer",
    "split_sentences",
    "tokenize",
]

_LOG = logging.getLogger(__name__)
_DATA_FILE = "abbreviations.toml"
_SECTIONS = ("titles", "abbreviations", "before_numbers", "sentence_starters")

# --------------------------------------------------------------------------------------
# Abbreviation data
# --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AbbreviationLists:
    """The word lists that parameterise sentence splitting (all lower case, no final stop).

    Attributes:
        titles: Forms that precede a name ("mr", "supt", "vs"); a full stop after one
            never ends a sentence.
        abbreviations: Other abbreviations ("u.s", "etc", "jan"); a full stop after one
            ends a sentence only before a capitalised word from ``sentence_starters``.
        before_numbers: Abbreviations only when a number follows ("no" in "No. 10").
        sentence_starters: Words that often begin a sentence ("the", "but", "police").
    """

    titles: frozenset[str]
    abbreviations: frozenset[str]
    before_numbers: frozenset[str]
    sentence_starters: frozenset[str]


def _read_entries(data: dict[str, object], section: str, source: str) -> frozenset[str]:
    """Validate one ``[section] entries = [...]`` list of the abbreviation file."""
    table = data.get(section)
    if not isinstance(table, dict) or "entries" not in table:
        raise LexiconError(f"{source}: section [{section}] with an 'entries' list is missing")
    entries = table["entries"]
    if not isinstance(entries, list):
        raise LexiconError(
            f"{source}: [{section}] entries: expected a list of strings, "
            f"got {type(entries).__name__}"
        )
    for position, entry in enumerate(entries):
        if not isinstance(entry, str) or not entry or entry != entry.strip().lower():
            raise LexiconError(
                f"{source}: [{section}] entries[{position}] = {entry!r}: entries must be "
                "non-empty lower-case strings without surrounding spaces"
            )
        if entry.endswith("."):
            raise LexiconError(
                f"{source}: [{section}] entries[{position}] = {entry!r}: write the "
                f"abbreviation without its final full stop ({entry[:-1]!r})"
            )
    return frozenset(entries)


@cache
def abbreviation_lists() -> AbbreviationLists:
    """Load ``framing/data/abbreviations.toml`` once (cached).

    Returns:
        The validated word lists.

    Raises:
        LexiconError: The file is not valid TOML or a section or entry is malformed; the
            message names the file, the section and the entry.
    """
    source = f"framing/data/{_DATA_FILE}"
    raw = resources.files("framing").joinpath("data", _DATA_FILE).read_bytes()
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise LexiconError(f"{source}: cannot be read as UTF-8 TOML: {exc}") from exc
    lists = {section: _read_entries(data, section, source) for section in _SECTIONS}
    return AbbreviationLists(**lists)


# --------------------------------------------------------------------------------------
# Punkt
# --------------------------------------------------------------------------------------

_CLOSERS = "\"')\\]}\u2018\u2019\u201c\u201d\xab\xbb"


@cache
def _language_vars() -> PunktLanguageVars:
    """framing's Punkt language variables (the class is made here so nltk loads lazily)."""
    from nltk.tokenize.punkt import PunktLanguageVars  # type: ignore[import-untyped]

    class _NewsLanguageVars(PunktLanguageVars):
        """Punkt variables that treat curly quotes and guillemets like ASCII quotes.

        NLTK before 3.10 only knows ``"`` and ``'`` here, so ``...recovery.’ Next`` was
        never split and ``shortly.”`` lost its closing mark to the next sentence. Setting
        both attributes makes the behaviour the same on every supported NLTK version.
        """

        re_boundary_realignment = re.compile(
            r'["\')\]}\u2018\u2019\u201c\u201d\xab\xbb]+?(?:\s+|(?=--)|$)', re.MULTILINE
        )

        @property
        def _re_non_word_chars(self) -> str:
            others = re.escape("".join(sorted(set(self.sent_end_chars) - {"."})))
            return r"(?:[)\";}\]\*:@\'\({\[\u2018\u2019\u201c\u201d\xab\xbb" + others + "])"

        # Recent NLTK wraps these two patterns in a guard that abandons a whole
        # ``finditer`` after 5 s of wall-clock time, so a single multi-megabyte
        # paragraph would fail (or pass) depending on machine load. Both patterns are
        # linear (the NLTK 3.8.2 ReDoS fix), so framing compiles them with ``re``.

        def period_context_re(self) -> re.Pattern[str]:
            """The candidate-boundary pattern, compiled once with the standard ``re``."""
            pattern: re.Pattern[str] | None = getattr(self, "_re_period_context", None)
            if pattern is None:
                parts = {
                    "NonWord": self._re_non_word_chars,
                    "SentEndChars": self._re_sent_end_chars,
                }
                pattern = re.compile(
                    self._period_context_fmt % parts, re.UNICODE | re.VERBOSE
                )
                setattr(self, "_re_period_context", pattern)  # noqa: B010 (slot of the base)
            return pattern

        def _word_tokenizer_re(self) -> re.Pattern[str]:
            """Punkt's word pattern, compiled once with the standard ``re``."""
            pattern: re.Pattern[str] | None = getattr(self, "_re_word_tokenizer", None)
            if pattern is None:
                pattern = re.compile(
                    self._word_tokenize_fmt
                    % {
                        "NonWord": self._re_non_word_chars,
                        "MultiChar": self._re_multi_char_punct,
                        "WordStart": self._re_word_start,
                    },
                    re.UNICODE | re.VERBOSE,
                )
                setattr(self, "_re_word_tokenizer", pattern)  # noqa: B010 (slot of the base)
            return pattern

    return _NewsLanguageVars()


@cache
def sentence_tokenizer() -> PunktSentenceTokenizer:
    """The Punkt sentence tokenizer used by :func:`split_sentences` (built once, cached).

    Built from :func:`abbreviation_lists` (titles and abbreviations as Punkt's
    ``abbrev_types``, the starters as ``sent_starters``) with no training text and no
    downloaded model. Callers must not change its parameters.

    Returns:
        A ``PunktSentenceTokenizer``.
    """
    from nltk.tokenize.punkt import (  # type: ignore[import-untyped]
        PunktParameters,
        PunktSentenceTokenizer,
    )

    lists = abbreviation_lists()
    params = PunktParameters()
    params.abbrev_types = set(lists.titles | lists.abbreviations)
    params.sent_starters = set(lists.sentence_starters)
    return PunktSentenceTokenizer(params, lang_vars=_language_vars())


@cache
def _punkt_rules() -> PunktRules | None:
    """The rules of :func:`sentence_tokenizer`, applied by ``framing._punkt_fast``.

    None when this NLTK's Punkt cannot be read that way (its internals changed); the
    spans then come from ``sentence_tokenizer().span_tokenize`` itself.
    """
    try:
        return PunktRules.from_tokenizer(sentence_tokenizer())
    except (AttributeError, TypeError, ValueError) as exc:
        _LOG.warning("Punkt fast path unavailable (%s); using NLTK's span_tokenize", exc)
        return None


def _punkt_spans(text: str) -> list[tuple[int, int]]:
    """Punkt's sentence spans of ``text`` (``sentence_tokenizer().span_tokenize``)."""
    rules = _punkt_rules()
    if rules is None:
        return list(sentence_tokenizer().span_tokenize(text))
    return punkt_spans(text, rules)


# --------------------------------------------------------------------------------------
# Tokens
# --------------------------------------------------------------------------------------

_URL_TAIL = r"[^\s<>\"\u201c\u201d\u2018\u2019]*[^\s<>\"\u201c\u201d\u2018\u2019.,;:!?)\]}'*]"
_TLDS = r"com|org|net|gov|edu|int|mil|io|co|uk|ie|us|eu|ly|me|info|news|tv|fm|be|gl"
_WORD = r"\w+(?:['\u2019]\w+)*(?:[-\u2010]\w+(?:['\u2019]\w+)*)*(?:(?<=[sS])['\u2019](?!\w))?"
# Alternatives are tried in order. The commonest comes first: a word starting with a
# letter is taken at once unless "://", or a full stop or @ plus a word character,
# follows it; then URLs, handles, hashtags and numbers; then the e-mail, bare-domain
# and dotted-acronym alternatives, and finally the word again.
_TOKEN_RE = re.compile(
    rf"""
    (?P<plain>[^\W\d_]\w*{_WORD[3:]}(?![.@]\w|\w|://))
    |(?P<url>(?:https?://|www\.){_URL_TAIL})
    |(?P<handle>(?<![\w@])@\w{{1,50}})
    |(?P<hashtag>(?<![\w#&])\#\w*[^\W\d]\w*)
    |(?P<decade>['\u2018\u2019]\d\ds\b)
    |(?P<number>(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?(?:[-/]\d+)*
        (?:%|[^\W\d_]+)?(?![\w@]|[-\u2010]\w))
    |(?P<word>{_WORD}(?![.@]\w|\w))
    |(?P<email>(?<![\w.+-])[\w.+-]{{1,64}}@
        [\w-]{{1,63}}(?:\.[\w-]{{1,63}}){{0,8}}\.[^\W\d_]{{2,24}}\b)
    |(?P<domain>(?<![\w@.-])(?:[\w-]{{1,63}}\.){{1,8}}(?:{_TLDS})\b(?![.-]?\w)(?:/{_URL_TAIL})?)
    |(?P<acronym>(?:[^\W\d_]\.){{2,}}(?!\w))
    |(?P<word2>{_WORD})
    |(?P<ellipsis>\.{{2,}}|\u2026|-{{2,}})
    |(?P<symbol>[$\u00a3\u20ac\u00a5\u20b9\u00a2\u20bd%&+=<>]
        |[\u00b0\u00a9\u00ae\u2122\u00a7~^|*/\\@\#\u2022])
    |(?P<punct>[^\w\s])
    """,
    re.VERBOSE,
)
_GROUP_KIND = {
    "url": "url",
    "domain": "url",
    "email": "email",
    "handle": "handle",
    "hashtag": "hashtag",
    "acronym": "word",
    "decade": "number",
    "number": "number",
    "plain": "word",
    "word": "word",
    "word2": "word",
    "ellipsis": "punct",
    "symbol": "symbol",
    "punct": "punct",
}
# The pattern ``tokenize`` runs: the same alternatives behind a non-space lookahead, so
# that ``finditer`` rejects each space with one test instead of trying every alternative
# there. No alternative matches whitespace and one always matches a non-space character,
# so the tokens are the same, and each match is exactly its token (``group()``,
# ``start()`` and ``end()`` without a group argument are about 3x cheaper than with one,
# as after a ``\s*+`` prefix). Two first alternatives take the commonest tokens at less
# cost (1.5x for the whole regex):
# * ``fast``: a run of ASCII letters followed by whitespace, one of ``,;)"”?!``, a full
#   stop or colon not followed by a word character or ``/``, or the end of the range.
#   There ``plain`` would match the same run: ``\w*`` stops at that character, none of
#   the optional parts can start there and the final lookahead passes.
# * ``fast_punct``: a mark that no alternative before ``punct`` can start with (not a
#   word character, not ``. + - ' ‘ ’ @ # …``, not a symbol), or a full stop that cannot
#   start an ellipsis or an e-mail address (not followed by ``.``, ``+``, ``-``, ``@``
#   or a word character): ``punct`` would take the same single character.
_FAST_WORD = r"""(?P<fast>[A-Za-z]++(?=[\s,;)"\u201d?!]|[.:](?![\w/])|\Z))"""
_FAST_PUNCT = r"""(?P<fast_punct>[,;:?!()\[\]"\u201c\u201d\u2014\u2013]|\.(?![\w.+\-@]))"""
_NONSPACE_TOKEN_RE = re.compile(
    r"(?=\S)(?:" + _FAST_WORD + "|" + _FAST_PUNCT + "|" + _TOKEN_RE.pattern + ")", re.VERBOSE
)
_KIND_BY_INDEX = {
    i: {"fast": "word", "fast_punct": "punct"}.get(name) or _GROUP_KIND[name]
    for name, i in _NONSPACE_TOKEN_RE.groupindex.items()
}
# A word ending in s + apostrophe: a possessive ("officers'") or a closing quote.
_TRAILING_APOSTROPHE_RE = re.compile(r"[sS]['\u2019](?!\w)")
_SINGLE_MARKS = frozenset("'\u2018\u2019")
_OPEN_BEFORE = frozenset(" \t\n\r\f\v([{\"\u201c\u2014\u2013-/")
# Scare quotes are short: a trailing apostrophe this many tokens or fewer after an open
# single quote closes it even when a word follows.
_SHORT_QUOTE_TOKENS = 6
# The next single-quote mark: one that opens a quote, or one shaped like a closing mark.
_NEXT_MARK_RE = re.compile(
    r"(?P<opener>(?<=[\s(\[{\"\u201c\u2014\u2013/-])['\u2018](?!\d\ds\b)(?=[^\W_]|[\"\u201c]))"
    r"|(?P<closer>(?<=\S)['\u2019](?!\w))"
)
# A single-quote mark in the position of an opening one: after the start of the text or
# a character of ``_OPEN_BEFORE``, before a letter, a digit or a double quote (the tests
# of ``_split_closing_apostrophes`` on the characters around a mark token).
_OPENER_AT_RE = re.compile(
    r"(?:\A|(?<=[" + re.escape("".join(sorted(_OPEN_BEFORE))) + r"]))"
    r"['\u2018\u2019](?=[^\W_]|[\"\u201c])"
)
_token = tuple.__new__  # Token(...) without NamedTuple.__new__'s Python-level overhead
_last_index = attrgetter("lastindex")
_KIND_LIST = [_KIND_BY_INDEX.get(i, "") for i in range(max(_KIND_BY_INDEX) + 1)]


def tokenize(source: str, start: int = 0, end: int | None = None) -> tuple[Token, ...]:
    """Split ``source[start:end]`` into tokens whose offsets index ``source``.

    Kinds (see ``docs/parsing.md`` for every rule): ``url`` (``https://``/``www.``
    links and bare domains such as ``t.co/x``), ``email``, ``handle`` (``@name``),
    ``hashtag``, ``number`` (``5,241``, ``3.5``, ``3.5%``, ``5.2m``, ``1990s``, ``'90s``,
    ``2021-05-18``), ``word`` (contractions, possessives and hyphenated compounds are one
    word: ``we're``, ``officers'``, ``six-year-old``; dotted acronyms keep their stops:
    ``U.S.``), ``symbol`` (currency and maths signs: ``£`` in ``£5,241`` is its own
    token) and ``punct`` (everything else; ``...`` and ``…`` are one token each).

    A word ending in ``s'``/``s’`` keeps the apostrophe as a possessive unless a single
    quote opened earlier in the range is still open and :func:`_closes_quote` decides
    the mark closes it; then the mark is its own ``punct`` token (``'hate marches'``).
    Call it on a whole paragraph so the opening mark is in view.

    Args:
        source: The text.
        start: Offset to start at (0 <= start <= len(source)).
        end: Offset to stop at (start <= end <= len(source)); None for the end.

    Returns:
        The tokens in order; whitespace is never part of a token.

    Raises:
        InputError: ``source`` is not a str, or ``start``/``end`` is out of range.
    """
    if not isinstance(source, str):
        raise InputError(f"source: expected str, got {type(source).__name__}")
    stop = len(source) if end is None else end
    if not 0 <= start <= stop <= len(source):
        raise InputError(
            f"start={start}, end={end}: need 0 <= start <= end <= len(source)={len(source)}"
        )
    return _scan(source, start, stop).tokens()


def _scan(source: str, start: int, stop: int) -> TokenColumns:
    """The tokens of ``source[start:stop]`` (checked offsets), as columns.

    The columns are read with ``map`` over the match objects (text, start, and the kind
    of the group that matched), so no Python code runs per token; a match is exactly
    its token, so its end is its start plus its length (:class:`TokenColumns`).
    """
    last = stop  # trailing whitespace holds no token
    while last > start and source[last - 1].isspace():
        last -= 1
    matches = list(_NONSPACE_TOKEN_RE.finditer(source, start, last))
    texts = list(map(re.Match.group, matches))
    starts = list(map(re.Match.start, matches))
    kinds = list(map(_KIND_LIST.__getitem__, map(_last_index, matches)))
    # Both finds are cheaper than the regex and rule out most paragraphs.
    if (
        source.find("'", start, stop) >= 0 or source.find("\u2019", start, stop) >= 0
    ) and _TRAILING_APOSTROPHE_RE.search(source, start, stop) is not None:
        opener = _OPENER_AT_RE.search(source, start, stop)
        if opener is not None:
            k = bisect.bisect_left(starts, opener.start())
            tail = TokenColumns(texts[k:], starts[k:], kinds[k:]).tokens()
            split = _split_closing_apostrophes(source, tail, stop)
            if len(split) != len(tail):  # a mark was detached: rebuild the columns
                texts[k:] = [t[0] for t in split]
                starts[k:] = [t[1] for t in split]
                kinds[k:] = [t[3] for t in split]
    return TokenColumns(texts, starts, kinds)


def _split_closing_apostrophes(
    source: str, tokens: Iterable[Token], stop: int
) -> list[Token]:
    """Detach a final ``'``/``’`` from a word when it closes an open single quote.

    Only a word after an opening mark changes, so the caller passes the tokens from the
    first mark that ``_OPENER_AT_RE`` finds (an opening mark passes its tests) on.
    """
    out: list[Token] = []
    open_at = -1  # index in ``out`` of the open single quote, -1 when none is open
    for tok in tokens:
        text = tok.text
        if tok.kind == "punct" and text in _SINGLE_MARKS:
            before = source[tok.start - 1] if tok.start > 0 else " "
            after = source[tok.end] if tok.end < stop else " "
            if before in _OPEN_BEFORE and (after.isalnum() or after in "\"\u201c"):
                open_at = len(out)
            elif open_at >= 0 and not before.isspace():
                open_at = -1
            out.append(tok)
            continue
        if (
            open_at >= 0
            and tok.kind == "word"
            and text[-1] in "'\u2019"
            and _closes_quote(source, tok.end, stop, len(out) - open_at)
        ):
            out.append(_token(Token, (text[:-1], tok.start, tok.end - 1, "word")))
            out.append(_token(Token, (text[-1], tok.end - 1, tok.end, "punct")))
            open_at = -1
            continue
        out.append(tok)
    return out


def _closes_quote(source: str, end: int, stop: int, tokens_since_open: int) -> bool:
    """Decide whether the apostrophe ending at ``end`` closes the open single quote.

    It does when no word follows it; when the next single-quote mark in the range opens
    a new quote; or, with no later mark, when the quote opened at most
    ``_SHORT_QUOTE_TOKENS`` tokens before (a scare quote, not a long quotation running
    on into the next paragraph). A later closing-shaped mark means this one is a
    possessive (``'... the officers' conduct ... all officers'.``).
    """
    following = source[end : min(end + 2, stop)].lstrip()
    if not following[:1].isalnum():
        return True
    mark = _NEXT_MARK_RE.search(source, end, stop)
    if mark is None:
        return tokens_since_open <= _SHORT_QUOTE_TOKENS
    return mark.lastgroup == "opener"


# --------------------------------------------------------------------------------------
# Sentences
# --------------------------------------------------------------------------------------

_ELLIPSIS_RE = re.compile(r"\.{2,}|\u2026")
_ALNUM_RE = re.compile(r"[^\W_]")
# First character of a sentence after opening quotes, brackets and dashes.
_LEAD_RE = re.compile(r"[\s\"'\u2018\u2019\u201c\u201d(\[{\xab\xbb\u2014\u2013-]*(.)", re.DOTALL)
# The word before a sentence's final full stop (closing marks allowed after the stop),
# matched on the reversed tail: the same word as searching the tail for
# ``([^\s"'‘’“”(\[{]+)\.[closers]*\Z`` (the stop is the last character that is not a
# closing mark, and the leftmost match takes the longest run before it), without that
# search's retries at every character of every earlier word (5x faster).
_LAST_WORD_REVERSED_RE = re.compile(
    r"[" + _CLOSERS + r"]*\.([^\s\"'\u2018\u2019\u201c\u201d(\[{]+)"
)
_DOTTED_RE = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]\Z")
_TAIL = 48  # characters of a sentence's end examined by the repair rules


def _punkt_view(text: str) -> str:
    """Text for Punkt: each ellipsis becomes spaces plus one full stop (same length).

    Punkt would otherwise never end a sentence at ``...`` before an unknown capitalised
    word and would not see ``…`` at all; with a plain full stop it proposes a boundary at
    every ellipsis followed by a space, and the lower-case rule of :func:`_keep_together`
    then rejoins ``seized... and they``.
    """
    if ".." not in text and "\u2026" not in text:
        return text
    return _ELLIPSIS_RE.sub(lambda m: " " * (len(m.group()) - 1) + ".", text)


def _keep_together(
    source: str,
    prev: list[int],
    next_start: int,
    next_end: int,
    tokens: TokenColumns,
    lists: AbbreviationLists,
) -> bool:
    """True when the boundary Punkt proposed between two spans should be removed.

    Rules, in order: a boundary inside a token (URL, e-mail, number, acronym); a span
    with no letter or digit (stray marks); a next span that starts in lower case
    (``seized... and they``, ``'Why?' he asked``); a title before the stop (``Supt.``);
    a before-number abbreviation followed by a number (``No. 10``); a dotted acronym not
    in the lists (``J.K.``) unless a listed sentence starter follows.

    ``prev`` is ``[start, end, has_alnum]`` of the sentence built so far; keeping the
    flag (rather than searching the growing span again) keeps a paragraph of thousands
    of stray marks linear.
    """
    prev_start, prev_end, prev_has_alnum = prev
    texts, starts, _ = tokens
    i = bisect.bisect_left(starts, prev_end) - 1
    if i >= 0 and starts[i] + len(texts[i]) > prev_end:  # the token's end (TokenColumns)
        return True
    if not prev_has_alnum:
        return True
    if _ALNUM_RE.search(source, next_start, next_end) is None:
        return True
    lead = _LEAD_RE.match(source, next_start, next_end)
    first = lead.group(1) if lead else ""
    if first.islower():
        return True
    tail = source[max(prev_start, prev_end - _TAIL) : prev_end]
    last = _LAST_WORD_REVERSED_RE.match(tail[::-1])
    if last is None:
        return False
    word = last.group(1)[::-1].lower().rsplit("-", 1)[-1]
    if word in lists.titles:
        return True
    if word in lists.before_numbers and first.isdigit():
        return True
    if _DOTTED_RE.match(word) and word not in lists.abbreviations:
        following = source[lead.start(1) : min(lead.start(1) + 30, next_end)] if lead else ""
        next_word = re.match(r"\w*", following)
        return next_word is None or next_word.group().lower() not in lists.sentence_starters
    return False


def _strip_span(source: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` past surrounding whitespace."""
    while start < end and source[start].isspace():
        start += 1
    while end > start and source[end - 1].isspace():
        end -= 1
    return start, end


def _paragraph_spans(
    source: str,
    paragraph: Paragraph,
    tokens: TokenColumns,
    lists: AbbreviationLists,
) -> list[tuple[int, int]]:
    """Sentence spans of one paragraph, as offsets into ``source``."""
    base = paragraph.start
    raw = [(base + s, base + e) for s, e in _punkt_spans(_punkt_view(paragraph.text))]
    if not raw:
        return []
    if len(raw) == 1:  # one span: no boundary to repair
        return [s_e for s_e in (_strip_span(source, *raw[0]),) if s_e[0] < s_e[1]]
    first_start, first_end = raw[0]
    has_alnum = _ALNUM_RE.search(source, first_start, first_end) is not None
    merged = [[first_start, first_end, has_alnum]]
    for start, end in raw[1:]:
        prev = merged[-1]
        if _keep_together(source, prev, start, end, tokens, lists):
            prev[1] = end
            prev[2] = prev[2] or _ALNUM_RE.search(source, start, end) is not None
        else:
            merged.append([start, end, True])  # kept apart only when it has a letter/digit
    spans = [_strip_span(source, s, e) for s, e, _ in merged]
    return [(s, e) for s, e in spans if s < e]


def _check_paragraph(source: str, paragraph: Paragraph) -> None:
    """Raise InputError when a paragraph's offsets do not index ``source``."""
    if not (0 <= paragraph.start <= paragraph.end <= len(source)) or (
        source[paragraph.start : paragraph.end] != paragraph.text
    ):
        raise InputError(
            f"paragraphs[{paragraph.index}]: start={paragraph.start}, end={paragraph.end} "
            f"do not give its text in source (len {len(source)}); paragraph offsets must "
            "index the source passed to split_sentences"
        )


def split_sentences(source: str, paragraphs: Sequence[Paragraph]) -> tuple[Sentence, ...]:
    """Split each paragraph into sentences, each carrying its tokens.

    Punkt (no downloaded data; abbreviations from ``framing/data/abbreviations.toml``)
    proposes boundaries per paragraph; the repairs of :func:`_keep_together` remove
    boundaries inside URLs, numbers and acronyms, before lower-case continuations, after
    titles and before numbers after ``No.``. Closing quotes after the final stop stay
    with their sentence. Time and memory are linear in the paragraph lengths.

    Args:
        source: The text the paragraph offsets index (``Document.source``).
        paragraphs: Content paragraphs in order; ``source[p.start:p.end] == p.text``.

    Returns:
        Sentences in order, numbered from 0 over the whole document; each lies inside
        one paragraph, has no surrounding whitespace and holds the tokens that start
        inside it (tokens are found once per paragraph, so an apostrophe's role is
        decided with the paragraph's quotes in view).

    Raises:
        InputError: ``source`` is not a str or a paragraph's offsets do not index it.
    """
    if not isinstance(source, str):
        raise InputError(f"source: expected str, got {type(source).__name__}")
    lists = abbreviation_lists()
    sentences: list[Sentence] = []
    for paragraph in paragraphs:
        _check_paragraph(source, paragraph)
        if paragraph.start == paragraph.end:
            continue
        tokens = _scan(source, paragraph.start, paragraph.end)
        spans = _paragraph_spans(source, paragraph, tokens, lists)
        sentences.extend(_build_sentences(source, paragraph.index, spans, tokens, len(sentences)))
    return tuple(sentences)


#: ``Sentence(...)``, faster (see :func:`framing._construct.fast_constructor`).
_sentence = fast_constructor(Sentence)


def _build_sentences(
    source: str,
    paragraph_index: int,
    spans: Iterable[tuple[int, int]],
    tokens: TokenColumns,
    first_index: int,
) -> list[Sentence]:
    """Make Sentence objects, handing each the columns of the tokens starting in its span.

    The token starts increase (tokens are in order), so each span's tokens are found
    by two binary searches.
    """
    out: list[Sentence] = []
    texts, starts, kinds = tokens
    k = 0
    n = len(starts)
    for index, (start, end) in enumerate(spans, first_index):
        k = bisect.bisect_left(starts, start, k, n)
        j = bisect.bisect_left(starts, end, k, n)
        columns = TokenColumns(texts[k:j], starts[k:j], kinds[k:j])
        # positional arguments: Sentence(index, start, end, text, paragraph, tokens)
        out.append(_sentence(index, start, end, source[start:end], paragraph_index, columns))
        k = j
    return out
