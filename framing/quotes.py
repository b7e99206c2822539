"""Attributed quotations: who speaks where, how and with which verb.

(Extraction is implemented here; see docs/quotes.md for the method.)
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING, cast

from framing._construct import fast_constructor
from framing.document import Document, Paragraph, QuoteSpan

if TYPE_CHECKING:
    from framing.speakers import SpeakerHead, SpeakerResolver

__all__ = [
    "QUOTE_KINDS", "ROLES", "Quote", "attribute_quotes", "document_quotes", "extract_quotes",
]

#: Kinds of quotation: an attributed quotation of at least a clause (multi-paragraph ones
#: joined), a quoted fragment inside the writer's sentence, reported speech, and an
#: embedded social-media post.
QUOTE_KINDS = ("direct", "partial", "indirect", "embed")

#: Speaker roles, the taxonomy every quote measure reports over.
ROLES = ("police", "government", "politician", "advocacy", "public", "expert", "other")


@dataclass(frozen=True, slots=True)
class Quote:
    """One quotation with its speaker and cue.

    Attributes:
        text: The quoted words (inside the marks; parts of a split quote joined by a space).
        speaker: The speaker resolved to the fullest mention in the article, or None.
        role: One of :data:`ROLES`.
        kind: One of :data:`QUOTE_KINDS`.
        cue: The attribution verb as written (``"said"``, ``"claimed"``), or ``""``.
        start: Offset of the first quoted character in the parsed text.
        end: Offset one past the last quoted character.
        segments: ``(start, end)`` of each part (a quote split by its attribution or
            running over paragraphs has several).
        speaker_mention: The speaker as written at the attribution (``"she"``, ``"Mr Salhab"``).
        speaker_start: Offset of the speaker mention, or -1 when there is none.
        speaker_end: Offset one past the speaker mention, or -1.
        cue_start: Offset of the cue, or -1.
        cue_end: Offset one past the cue, or -1.
        cue_class: Verb class of the cue from the verb data file (``"neutral"``,
            ``"loaded"`` ...), or ``""``.
    """

    text: str
    speaker: str | None
    role: str
    kind: str
    cue: str
    start: int
    end: int
    segments: tuple[tuple[int, int], ...] = ()
    speaker_mention: str = ""
    speaker_start: int = -1
    speaker_end: int = -1
    cue_start: int = -1
    cue_end: int = -1
    cue_class: str = ""

    @property
    def word_count(self) -> int:
        """Number of whitespace-separated words in :attr:`text`."""
        return len(self.text.split())


#: ``Quote(...)`` with the fields in order, faster (one per quote; see
#: :func:`framing._construct.fast_constructor`).
_quote = fast_constructor(Quote)


# --------------------------------------------------------------------------- extraction
# Method (docs/quotes.md): quotation-mark spans come from framing.quotespans; each
# top-level span (continuation parts joined) is a *direct* quote when it stands as a
# sentence of its own (after a colon, at the start of a paragraph or sentence, or after
# "X said,") and a *partial* quote otherwise. Attributions are looked for after the
# closing mark ('"...," said X', '"...," X said') and before the opening mark
# ('X said: "..."'); a direct quote with none continues the previous speaker's quote when
# it directly follows it. Sentences without marks are *indirect* when they match
# "X said (that) ...", "..., X said.", "..., X says, ..." or "according to X".

_ABBREVIATIONS = frozenset(
    ["mr", "mrs", "ms", "dr", "st", "sen", "rep", "gov", "gen", "no", "prof", "rev", "lt", "col", "capt", "sgt", "supt", "insp", "det", "jr", "sr", "cllr", "mt", "ft", "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec", "vs", "etc", "u.s", "d.c", "a.m", "p.m"]
)
_PERIOD_RE = re.compile(r"[.!?](?=[\"”’']?(?:\s+[\"“‘'(]?[A-Z0-9]|\s*$))")


def _sentence_ends(text: str):
    """Offsets one past each sentence-ending mark in ``text`` (abbreviations skipped)."""
    for m in _PERIOD_RE.finditer(text):
        if m.group(0) == ".":
            word = _last_word(text, m.start())
            if word and (word.group(1).lower() in _ABBREVIATIONS or len(word.group(1)) == 1
                         or _INITIALS_RE.fullmatch(word.group(1))):
                continue
        yield m.end()


#: Characters before a period searched first for the word it ends (see _last_word).
_WORD_WINDOW = 48


def _last_word(text: str, end: int) -> re.Match[str] | None:
    """``_LAST_WORD_RE.search(text[:end])``: the run of word characters and periods
    ending at ``end``.

    The search looks at the last :data:`_WORD_WINDOW` characters first (``endpos`` ends
    the string for ``$`` as slicing does): a match there starting after the window's
    first character is the run itself, and no match there means no run. Only a run
    filling the window is searched for again over the whole prefix. Searching every
    prefix from its start made the periods of a long paragraph quadratic.
    """
    pos = end - _WORD_WINDOW
    if pos <= 0:
        return _LAST_WORD_RE.search(text, 0, end)
    word = _LAST_WORD_RE.search(text, pos, end)
    if word is not None and word.start() == pos:
        return _LAST_WORD_RE.search(text, 0, end)
    return word


_AUX = r"(?:(?:has|have|had|was|were|is|are|will|would|also|later|then|previously|once|" \
       r"again|earlier|simply|further|however|has\s+also|had\s+also|herself|himself)\s+)*"
_MAX_SUBJECT_WORDS = 12
#: Characters looked at before a partial quote for its attribution verb.
_LOOKBACK = 400
#: Longer "sentences" (run-on lines without punctuation) are not searched for indirect speech.
_MAX_SENTENCE = 2000


# Precompiled patterns (module-level re calls would look each up in re's cache per call).
_LAST_WORD_RE = re.compile(r"([\w.]+)$")
_INITIALS_RE = re.compile(r"(?:\w\.)+\w")
_SUBJECT_STOP_RE = re.compile(r"[.!?;:\"“”]")
_SHORT_ABBREVIATION_RE = re.compile(r"\b[A-Za-z]{1,4}\.")
_LEAD_RE = re.compile(r"[\s,—–-]*")
_SUBJECT_END_RE = re.compile(r"[;:]|,\s*(?:adding|who|which|as|in|on|at|after|when|"
                             r"before|while|the|a|an|his|her|its|their)\b|$")
_AUX_TAIL_RE = re.compile(rf"\s+{_AUX}$")
_DETERMINER_START_RE = re.compile(r"^(?:the|a|an|his|her|their|its)\b")
_DASH_NAME_RE = re.compile(r"\s*[―—–]\s*([A-Z@][^\n.,;:!?]{1,60}?)\s*(?:[,.;]|$)")
_AUX_BEFORE_VERB_RE = re.compile(
    r"\s+(?:appears?\s+to|seems?\s+to|appeared\s+to|has|have|had|also|then|"
    r"was|were|is|are|repeatedly)\s*$"
)
_ADVERB_BEFORE_VERB_RE = re.compile(r"\s+(?:there|\w+ly)$")
_QUOTE_MARK_RE = re.compile(r"[“\"‘”]")
_TRAILING_TAIL_RE = re.compile(r"\s*(?:on \w+|in a statement|yesterday|today|last \w+|afterwards|"
                               r"earlier|later)?[\s.!?]*")
_PARENTHETICAL_RE = re.compile(r",\s*([^,]{1,60}?)\s*$")
_COORDINATED_RE = re.compile(r",?\s+(?:and|but)\s+(?:also\s+|later\s+)?$")
_THAT_RE = re.compile(r"\s+that\b")
_TOLD_THAT_RE = re.compile(r"\s+(?:(?:that)\b|(?:[a-z]+\s+){0,4}?that\b)")
_CLAUSE_WORD_RE = re.compile(r"\b(?:who|which|that|after|when|because|if)\b")


@dataclass(frozen=True, slots=True)
class _Attribution:
    subject_start: int
    subject_end: int
    cue_start: int
    cue_end: int


#: ``_Attribution(...)``, faster (one per attribution found).
_attribution = fast_constructor(_Attribution)


@cache  # called per quote and per sentence: one import, not one each time
def _verb_re() -> re.Pattern[str]:
    from framing.roles import verb_pattern

    return verb_pattern()


def _first_sentence_end(text: str) -> int:
    return next(_sentence_ends(text), len(text))


def _last_sentence_start(text: str) -> int:
    last = 0
    for end in _sentence_ends(text):
        last = end
    return last


def _plausible_subject(text: str) -> bool:
    words = text.split()
    if not words or len(words) > _MAX_SUBJECT_WORDS:
        return False
    return not _SUBJECT_STOP_RE.search(_SHORT_ABBREVIATION_RE.sub("", text))


_DAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MONTHS = (r"(?:January|February|March|April|May|June|July|August|September|October|"
           r"November|December)")
#: A time adverbial ending an inverted attribution ("said X on Tuesday", "said X
#: yesterday"): not part of the speaker.
_TIME_TAIL_RE = re.compile(
    rf"\s+(?:(?:on|last|this|next|early|late|earlier|later)\s+(?:{_DAYS}|week|month|year|"
    rf"night|morning|afternoon|evening|weekend)\b|(?:on|in)\s+(?:{_DAYS}|{_MONTHS})\b|"
    rf"(?:yesterday|today|tonight|overnight)\b)"
)


def _after_quote(source: str, start: int, limit: int) -> _Attribution | None:
    """'"...," said X' or '"...," X said' right after a closing mark."""
    region = source[start:limit]
    end = _first_sentence_end(region)
    region = region[:end]
    lead = _LEAD_RE.match(region)
    offset = start + (lead.end() if lead else 0)
    body = region[lead.end() if lead else 0 :]
    body_stripped = body.rstrip(" .,!?;:")
    if not body_stripped:
        return None
    verbs = _verb_re()
    m = verbs.match(body)
    if m is not None:  # inverted: said X
        subject = body[m.end():]
        subject_end = _SUBJECT_END_RE.search(subject)
        cut = subject_end.start() if subject_end else len(subject)
        when = _TIME_TAIL_RE.search(subject, 0, cut)  # "said Jo Bloggs on Tuesday"
        if when is not None:
            cut = when.start()
        cut = min(cut, _first_sentence_end(subject[:cut]))
        if subject[:cut].rstrip().endswith("."):
            cut = len(subject[:cut].rstrip()) - 1
        raw = subject[:cut]
        s0 = offset + m.end() + (len(raw) - len(raw.lstrip()))
        s1 = offset + m.end() + len(raw.rstrip())
        if s1 > s0 and _plausible_subject(raw):
            return _attribution(s0, s1, offset + m.start(), offset + m.end())
        return None
    for m in verbs.finditer(body):
        subject = body[: m.start()]
        aux = _AUX_TAIL_RE.search(subject)
        subj_text = subject[: aux.start()] if aux else subject
        if _plausible_subject(subj_text) and not subj_text[:1].islower() or (
            subj_text.strip().lower() in ("he", "she", "they", "it", "we", "i")
        ) or _DETERMINER_START_RE.match(subj_text.strip()):
            if not _plausible_subject(subj_text):
                return None
            return _attribution(offset, offset + len(subj_text.rstrip()), offset + m.start(),
                                offset + m.end())
        return None
    return None


def _dash_attribution(source: str, start: int, limit: int) -> _Attribution | None:
    """'"..." ― Edwin G. Monroy': a name after a dash right after the closing mark."""
    m = _DASH_NAME_RE.match(source[start:limit])
    if m is None or len(m.group(1).split()) > 6:
        return None
    return _attribution(start + m.start(1), start + m.end(1), -1, -1)


def _before_quote(source: str, start: int, end: int) -> _Attribution | None:
    """'X said: "...' / 'X told the BBC: "...' / 'said X: "...' before an opening mark."""
    region = source[start:end]
    # Tested first, on the whole region: its last sentence ends with the same character
    # (a sentence start follows a ".", "!" or "?", so a region ending in ":" or "," keeps
    # that character in its last sentence), and most quotes follow neither.
    tail = region.rstrip()
    if not tail or tail[-1] not in ":,":
        return None
    sent = _last_sentence_start(region)
    region_start = start + sent
    region = source[region_start:end]
    stripped = region.rstrip()
    if not stripped or stripped[-1] not in ":,":
        return None
    body = stripped[:-1]
    verbs = list(_verb_re().finditer(body))
    if not verbs:
        return None
    m = verbs[-1]
    if m.group(0).lower() == "according to":
        subject = body[m.end():]
        s0 = region_start + m.end() + (len(subject) - len(subject.lstrip()))
        return _attribution(s0, region_start + len(body.rstrip()), region_start + m.start(),
                            region_start + m.end())
    subject = body[: m.start()]
    aux = _AUX_TAIL_RE.search(subject)
    subj_text = subject[: aux.start()] if aux else subject.rstrip()
    if subj_text.strip():
        lead = len(subj_text) - len(subj_text.lstrip())
        return _attribution(region_start + lead, region_start + len(subj_text.rstrip()),
                            region_start + m.start(), region_start + m.end())
    after = body[m.end():]
    if after.strip():
        s0 = region_start + m.end() + (len(after) - len(after.lstrip()))
        return _attribution(s0, region_start + len(body.rstrip()), region_start + m.start(),
                            region_start + m.end())
    return None


@dataclass(slots=True)
class _Unit:
    """A quotation under construction (one or more top-level spans)."""

    spans: list[QuoteSpan]
    kind: str
    attribution: _Attribution | None = None
    speaker_override: tuple[str | None, str] | None = None  # embed (name, description)
    inherit: bool = False
    resolved: object = None


def _top_spans(doc: _Indexed) -> list[QuoteSpan]:
    return [q for q in doc.quote_spans if q.depth == 0]


class _Indexed:
    """A document with paragraph and sentence start offsets for bisection.

    Built once per :func:`attribute_quotes` call so that finding the paragraph or sentence
    of an offset is logarithmic and extraction stays near-linear on long texts.
    """

    __slots__ = (
        "doc",
        "para_starts",
        "paragraphs",
        "quote_spans",
        "sent_starts",
        "sentences",
        "source",
    )

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.source = doc.source
        self.paragraphs = doc.paragraphs
        self.sentences = doc.sentences
        self.quote_spans = doc.quote_spans
        self.para_starts = [p.start for p in doc.paragraphs]
        self.sent_starts = [s.start for s in doc.sentences]


def _paragraph_of(doc: _Indexed, offset: int) -> Paragraph | None:
    i = bisect.bisect_right(doc.para_starts, offset) - 1
    return doc.paragraphs[i] if i >= 0 else None


def _group_units(doc: _Indexed) -> list[_Unit]:
    units: list[_Unit] = []
    by_group: dict[tuple[int, ...], _Unit] = {}
    kinds = {p.index: p.kind for p in doc.paragraphs}
    for span in _top_spans(doc):
        if kinds.get(span.paragraphs[0] if len(span.paragraphs) == 1 else -1) == "embed" and \
                not span.open_mark:
            units.append(_Unit([span], "embed"))
            continue
        if span.is_continued:
            key = span.paragraphs
            unit = by_group.get(key)
            if unit is not None and unit.spans[-1].end <= span.start:
                unit.spans.append(span)
                continue
            unit = _Unit([span], "")
            by_group[key] = unit
            units.append(unit)
            continue
        units.append(_Unit([span], ""))
    return units


def _stands_alone(doc: _Indexed, span: QuoteSpan, prev_end: int,
                  para: Paragraph | None) -> bool:
    """True when the quotation is a sentence of its own rather than a fragment (``para``:
    the paragraph of ``span.start``)."""
    start = max(para.start if para else 0, prev_end)
    before = doc.source[start:span.start].rstrip()
    if not before:
        return True
    if before.endswith(":"):
        return True
    tail = before[-1]
    if tail in ".!?—–" or tail in "”\"’'":
        return True
    if tail == ",":
        clause = before[:-1]
        verbs = list(_verb_re().finditer(clause))
        if verbs and verbs[-1].end() >= len(clause.rstrip()) - 40:
            words_after = clause[verbs[-1].end():].split()
            return len(words_after) <= 5
    return False


def attribute_quotes(doc: Document, registry: object = None) -> tuple[Quote, ...]:
    """Find and attribute every quotation in a parsed document (no quotes field needed).

    Args:
        doc: A parsed document (``quotes`` may be empty).
        registry: Optional actor registry (see :func:`framing.roles.load_registry`);
            registered names win over cue words for roles.

    Returns:
        Quotes in order of their first character: direct, partial, indirect and embed.
    """
    from framing.roles import load_registry
    from framing.speakers import SpeakerResolver

    reg = load_registry(registry)  # type: ignore[arg-type]
    resolver = SpeakerResolver(doc, reg)
    idx = _Indexed(doc)
    units = _group_units(idx)
    _classify_units(idx, units)
    quotes: list[Quote] = []
    events: list[tuple[int, str, object]] = [(u.spans[0].start, "unit", u) for u in units]
    covered = [(u.spans[0].start, u.spans[-1].end) for u in units]
    for sentence, content, attribution in _indirect_candidates(idx, covered):
        events.append((sentence.start, "indirect", (content, attribution)))
    events.sort(key=lambda e: e[0])
    last_direct: Quote | None = None
    last_direct_index = -1
    last_end = -1
    extra_segments: dict[int, list[tuple[int, int]]] = {}  # later parts of a direct quote
    for _, what, item in events:
        if what == "indirect":
            content, found = cast("tuple[list[tuple[int, int]], _Attribution]", item)
            quote = _make_quote(idx, resolver, "indirect", content, found)
            if quote is not None:
                quotes.append(quote)
            continue
        unit: _Unit = item  # type: ignore[assignment]
        if unit.kind == "embed":
            quotes.append(_embed_quote(idx, resolver, unit))
            continue
        segments = [(s.content_start, s.content_end) for s in unit.spans]
        if (
            unit.kind == "direct"
            and unit.attribution is None
            and last_direct is not None
            and _continues(idx, last_end, unit.spans[0])
        ):
            extra_segments.setdefault(last_direct_index, []).extend(segments)
            last_end = segments[-1][1]
            continue
        quote = _make_quote(idx, resolver, unit.kind, segments, unit.attribution)
        if quote is None:
            continue
        if quote.kind == "direct" and quote.speaker is None and unit.attribution is None:
            quote = _inherit_speaker(idx, quotes, quote)
        quotes.append(quote)
        if quote.kind == "direct":
            last_direct, last_direct_index = quote, len(quotes) - 1
            last_end = quote.end
    for i, more in extra_segments.items():  # joined once: linear in the number of parts
        quotes[i] = _extend(idx, quotes[i], more)
    quotes.sort(key=lambda q: q.start)
    return tuple(quotes)


def _classify_units(doc: _Indexed, units: list[_Unit]) -> None:
    top_starts = [q.start for q in _top_spans(doc)]
    prev_end = 0
    prev_para = -1
    for unit in units:
        if unit.kind == "embed":
            continue
        first, last = unit.spans[0], unit.spans[-1]
        para = _paragraph_of(doc, first.start)
        if para is None:
            continue
        if para.index != prev_para:
            prev_end = para.start
        alone = _stands_alone(doc, first, prev_end, para)
        unit.kind = "direct" if alone and para.kind != "headline" else "partial"
        last_para = para if last is first else _paragraph_of(doc, last.start)
        limit = last_para.end if last_para else len(doc.source)
        k = bisect.bisect_left(top_starts, last.end)
        if k < len(top_starts):
            limit = min(limit, top_starts[k])
        if unit.kind == "direct":
            attr = _before_quote(doc.source, prev_end, first.start)
            if attr is None:
                attr = _after_quote(doc.source, last.end, limit)
            if attr is None and len(unit.spans) > 1:
                first_para = _paragraph_of(doc, first.start)
                attr = _after_quote(doc.source, first.end, first_para.end if first_para else limit)
            if attr is None and first.start == para.start and para.index > 0:
                # "Caddell continued:" / "He said:" as a paragraph of its own
                before = doc.paragraphs[para.index - 1]
                if before.kind == "body" and before.text.rstrip().endswith(":"):
                    attr = _before_quote(doc.source, before.start, before.end)
            if attr is None:
                attr = _dash_attribution(doc.source, last.end, limit)
            unit.attribution = attr
        else:
            unit.attribution = _partial_attribution(doc, first)
        prev_end = last.end
        prev_para = (last_para.index if last_para else prev_para)


def _sentence_bounds(doc: _Indexed, offset: int) -> tuple[int, int]:
    i = bisect.bisect_right(doc.sent_starts, offset) - 1
    if i >= 0 and doc.sentences[i].start <= offset < doc.sentences[i].end:
        return doc.sentences[i].start, doc.sentences[i].end
    para = _paragraph_of(doc, offset)
    return (para.start, para.end) if para else (0, len(doc.source))


_CLAUSE_BOUNDARY = re.compile(
    r"(?i),|;|\b(?:and|but|while|whilst|which|who|as|after|before|when|where|despite|with|for|"
    r"by|of|in|on|at|to|from|amid|whether)\b"
)


_FINITE_RE = re.compile(
    r"\b(?:has|have|had|is|are|was|were|will|would|can|could|did|does|do|should|must|may|"
    r"might)\b"
)


def _sentence_subject(source: str, s_start: int, limit: int) -> tuple[int, int] | None:
    """The words opening a sentence before its first auxiliary or attribution verb."""
    region = source[s_start:limit]
    stops = [m.start() for m in (_FINITE_RE.search(region), _verb_re().search(region)) if m]
    head = region[: min(stops)] if stops else region
    chunks = head.split(",")
    offset = 0
    while len(chunks) > 1 and _looks_adverbial(chunks[0]):
        offset += len(chunks[0]) + 1
        chunks.pop(0)
    subject = ",".join(chunks)
    if not subject.strip() or len(subject.split()) > 8 or subject.strip()[:1].islower():
        return None
    lead = len(subject) - len(subject.lstrip())
    return s_start + offset + lead, s_start + offset + len(subject.rstrip())


def _trailing_attribution(source: str, start: int, end: int) -> _Attribution | None:
    """'..., Elizabeth Warren said.' closing the sentence after ``start``."""
    tail = source[start:end]
    for m in _verb_re().finditer(tail):
        if tail[m.end():].strip(" .!?\"”’'"):
            continue
        comma = tail.rfind(",", 0, m.start())
        subject = tail[comma + 1 : m.start()] if comma >= 0 else ""
        if comma < 0 or not _plausible_subject(subject) or len(subject.split()) > 8:
            return None
        lead = len(subject) - len(subject.lstrip())
        s0 = start + comma + 1 + lead
        return _attribution(s0, start + comma + 1 + len(subject.rstrip()), start + m.start(),
                            start + m.end())
    return None


def _partial_attribution(doc: _Indexed, span: QuoteSpan) -> _Attribution | None:
    """The nearest attribution verb before a fragment in its sentence, and its subject.

    The subject is the noun phrase just before the verb (after the last clause boundary);
    for a participle (``", insisting ..."``) or a coordinated verb (``"... and accused
    officers of 'provocative' policing"``) it is the sentence's opening noun phrase.
    """
    s_start, s_end = _sentence_bounds(doc, span.start)
    s_start = max(s_start, span.start - _LOOKBACK)  # bounded work in run-on "sentences"
    s_end = min(s_end, span.end + _LOOKBACK)
    region = doc.source[s_start:span.start]
    verbs = list(_verb_re().finditer(region))
    if not verbs:
        return _trailing_attribution(doc.source, span.end, s_end)
    m = verbs[-1]
    if m.group(0).lower() == "according to":
        return None
    cue = (s_start + m.start(), s_start + m.end())
    before = region[: m.start()]
    # "The officer appears to say", "The force has admitted", "Met rules saying"
    before = _AUX_BEFORE_VERB_RE.sub("", before.rstrip())
    before = _ADVERB_BEFORE_VERB_RE.sub("", before)
    cut = 0
    last_boundary = ""
    for b in _CLAUSE_BOUNDARY.finditer(before):
        cut = b.end()
        last_boundary = b.group(0).lower()
    subject = before[cut:]
    participle = m.group(0).lower().endswith("ing") and last_boundary in (",", "after", "before",
                                                                          "while", "whilst", "by")
    if not subject.strip() or participle:
        whole = _sentence_subject(doc.source, s_start, s_start + m.start())
        if whole is None:
            return None
        return _attribution(whole[0], whole[1], *cue)
    if len(subject.split()) > 8:
        return None
    lead = len(subject) - len(subject.lstrip())
    s0 = s_start + cut + lead
    s1 = s_start + len(before.rstrip())
    return _attribution(s0, s1, *cue)


def _continues(doc: _Indexed, previous_end: int, span: QuoteSpan) -> bool:
    """True when ``span`` directly follows a quote ending at ``previous_end`` (same or next
    paragraph)."""
    between = doc.source[previous_end:span.start]
    prev_para = _paragraph_of(doc, previous_end - 1)
    para = _paragraph_of(doc, span.start)
    if prev_para is None or para is None:
        return False
    if para.index == prev_para.index:
        return len(between) < 200 and not _QUOTE_MARK_RE.search(between[1:-1])
    if para.index != prev_para.index + 1 or span.start != para.start:
        return False
    return prev_para.end - previous_end < 120


def _inherit_speaker(doc: _Indexed, quotes: list[Quote], quote: Quote) -> Quote:
    """An unattributed quote opening a paragraph: the speaker of the previous paragraph's
    last attributed quote (``'..., Warren said.'`` then ``'"The only way ..."'``)."""
    para = _paragraph_of(doc, quote.start)
    if para is None or para.index == 0 or quote.start != para.start + 1:
        return quote
    previous = doc.paragraphs[para.index - 1]
    for q in reversed(quotes):
        if q.end <= previous.start:
            break
        if q.start >= previous.start and q.speaker:
            return replace(quote, speaker=q.speaker, role=q.role)
    return quote


def _extend(doc: _Indexed, quote: Quote, segments: list[tuple[int, int]]) -> Quote:
    all_segments = (*quote.segments, *segments)
    text = " ".join(doc.source[a:b] for a, b in all_segments)
    return _quote(
        text, quote.speaker, quote.role, quote.kind, quote.cue, all_segments[0][0],
        all_segments[-1][1], all_segments, quote.speaker_mention, quote.speaker_start,
        quote.speaker_end, quote.cue_start, quote.cue_end, quote.cue_class,
    )


@cache
def _quote_helpers() -> tuple[Callable[[str], str],
                              Callable[[str, int, int], SpeakerHead | None]]:
    """framing.roles.verb_class and framing.speakers.speaker_head, imported once (not per
    quote)."""
    from framing.roles import verb_class
    from framing.speakers import speaker_head

    return verb_class, speaker_head


def _make_quote(doc: _Indexed, resolver: SpeakerResolver, kind: str,
                segments: Sequence[tuple[int, int]], attr: _Attribution | None) -> Quote | None:
    verb_class, speaker_head = _quote_helpers()
    segments = [(a, b) for a, b in segments if b > a]
    if not segments:
        return None
    text = " ".join(doc.source[a:b] for a, b in segments)
    speaker, role, mention, s0, s1 = None, "other", "", -1, -1
    cue, c0, c1 = "", -1, -1
    if attr is not None:
        if attr.cue_start >= 0:
            cue = doc.source[attr.cue_start:attr.cue_end]
            c0, c1 = attr.cue_start, attr.cue_end
        head = speaker_head(doc.source, attr.subject_start, attr.subject_end)
        if head is not None:
            mention, s0, s1 = head.mention, head.start, head.end
            res = resolver.resolve(head.mention, head.start, head.description)
            speaker, role = res.speaker, res.role
            resolver.remember(head.start, res)
    return _quote(  # the fields of Quote in order
        text, speaker, role, kind, cue, segments[0][0], segments[-1][1], tuple(segments),
        mention, s0, s1, c0, c1, verb_class(cue) if cue else "",
    )


def _embed_quote(doc: _Indexed, resolver: object, unit: _Unit) -> Quote:
    from framing.speakers import Resolved, SpeakerResolver

    assert isinstance(resolver, SpeakerResolver)
    span = unit.spans[0]
    para = _paragraph_of(doc, span.start)
    speaker, handle, s0, s1 = None, "", -1, -1
    if para is not None:
        for nxt in doc.paragraphs[para.index + 1 : para.index + 4]:
            if nxt.kind == "embed_attribution":
                m = re.match(r"[—–-]+\s*(?P<name>[^(]*?)\s*\((?P<handle>@\w+)\)", nxt.text)
                if m:
                    speaker = m.group("name").strip() or m.group("handle")
                    handle = m.group("handle")
                    s0 = nxt.start + m.start("name")
                    s1 = nxt.start + m.end("name") if m.group("name") else nxt.start + m.end(
                        "handle")
                break
            if nxt.kind != "embed":
                break
    from framing.roles import role_from_cues

    role = role_from_cues(f"{speaker or ''} {handle}") or "public"
    actor = resolver._registry.find_in(f"{speaker or ''} {handle}")
    if actor is not None:
        role = actor[0].role
    if speaker:
        resolver.remember(s0, Resolved(speaker, role, "handle"))
    return Quote(
        text=doc.source[span.content_start:span.content_end], speaker=speaker, role=role,
        kind="embed", cue="", start=span.content_start, end=span.content_end,
        segments=((span.content_start, span.content_end),), speaker_mention=speaker or "",
        speaker_start=s0, speaker_end=s1,
    )


_INDIRECT_VERBS = frozenset(
    ["say", "says", "said", "tell", "tells", "told", "add", "adds", "added", "claim", "claims", "claimed", "insist", "insists", "insisted", "admit", "admits", "admitted", "confirm", "confirms", "confirmed", "warn", "warns", "warned", "stress", "stresses", "stressed", "argue", "argues", "argued", "allege", "alleges", "alleged", "announce", "announced", "announces", "deny", "denies", "denied", "explain", "explained", "explains", "note", "noted", "notes", "accept", "accepted", "believe", "believes", "believed", "suggest", "suggested", "suggests", "report", "reported", "reports", "acknowledge", "acknowledged", "state", "stated", "states", "maintain", "maintained", "concede", "conceded", "write", "wrote", "writes"]
)


_ACCORDING_RE = re.compile(r"\baccording to\b", re.IGNORECASE)
# A sentence's lower case as UTF-8 bytes with every byte but "a"-"z" made a space: its
# words are the runs of ASCII letters. A verb the scan below acts on has no letter,
# digit, apostrophe or hyphen beside it and a lower case in _INDIRECT_VERBS (ASCII
# letters), so it is one of those words; sentences with none are skipped before the
# regex pass (bytes.translate and split run at C speed: the test costs half the pass).
_ASCII_LETTERS = bytes(c if 97 <= c <= 122 else 32 for c in range(256))
_INDIRECT_BYTES = frozenset(verb.encode("ascii") for verb in _INDIRECT_VERBS)


def _may_hold_indirect_verb(low: str) -> bool:
    """False only when the sentence whose lower case is ``low`` holds no word of
    :data:`_INDIRECT_VERBS` (see _ASCII_LETTERS above)."""
    words = low.encode("utf-8", "surrogatepass").translate(_ASCII_LETTERS).split()
    return not _INDIRECT_BYTES.isdisjoint(words)


@cache
def _indirect_verb_re() -> re.Pattern[str]:
    """The attribution verbs of :data:`_INDIRECT_VERBS`, matched where :func:`_verb_re`
    matches them (see :func:`framing.roles._verb_subset_pattern`)."""
    from framing.roles import _verb_subset_pattern

    return _verb_subset_pattern(_INDIRECT_VERBS)


def _indirect_candidates(doc: _Indexed, covered: list[tuple[int, int]]):
    """Sentences of reported speech without quotation marks: (sentence, segments, attr)."""
    kinds = {p.index: p.kind for p in doc.paragraphs}
    # The scan below acts only on the first verb whose lower case is in _INDIRECT_VERBS
    # (every branch ends the scan), so it runs a regex of those verbs alone, over the
    # sentences holding one of them as a word (_may_hold_indirect_verb): 1.4x the regex
    # word-set test followed by a pass of the full verb regex.
    verbs = _indirect_verb_re()
    covered = sorted(covered)
    covered_ends = [b for _, b in covered]  # quote units do not overlap: ends are sorted
    for sentence in doc.sentences:
        if kinds.get(sentence.paragraph) != "body":
            continue
        k = bisect.bisect_left(covered_ends, sentence.start + 1)
        if k < len(covered) and covered[k][0] < sentence.end:
            continue
        text = sentence.text
        base = sentence.start
        if len(text) > _MAX_SENTENCE:
            continue  # not a sentence (a run-on line): no reported speech looked for
        # according to X, CONTENT / CONTENT, according to X.
        low = text.lower()
        # "ccord" in the lower case is implied by a match (case-insensitively, "c", "o",
        # "r" and "d" match only their two ASCII cases), and far cheaper to test
        acc = _ACCORDING_RE.search(text) if "ccord" in low else None
        if acc is None and not _may_hold_indirect_verb(low):
            continue  # no reporting verb: the verb scan below would find nothing
        body_end = len(text.rstrip(" .!?\"”’'"))
        found = None
        if acc:
            rest = text[acc.end():]
            comma = rest.find(",")
            if acc.start() < 3 and comma > 0:
                subj = (acc.end(), acc.end() + comma)
                content = [(acc.end() + comma + 1, body_end)]
            else:
                subj = (acc.end(), body_end)
                content = [(0, acc.start())]
            found = (subj, (acc.start(), acc.end()), content)
        else:
            for m in verbs.finditer(text):
                if m.group(0).lower() not in _INDIRECT_VERBS:
                    continue
                before = text[: m.start()]
                after = text[m.end():]
                # trailing: "CONTENT, the force added."
                if not after.strip(" .!?\"”’'") or _TRAILING_TAIL_RE.fullmatch(after):
                    comma = before.rfind(",")
                    if comma > 0 and _plausible_subject(before[comma + 1:]) and len(
                            before[comma + 1:].split()) <= 8:
                        subj_text = before[comma + 1:]
                        aux = _AUX_TAIL_RE.search(subj_text)
                        s_end = comma + 1 + (aux.start() if aux else len(subj_text.rstrip()))
                        found = ((comma + 1, s_end), (m.start(), m.end()), [(0, comma)])
                    break
                # parenthetical: "A, CAGE says, B"
                pm = _PARENTHETICAL_RE.search(before)
                if pm and after.startswith(","):
                    subj_text = pm.group(1)
                    if _plausible_subject(subj_text) and subj_text[:1].isupper():
                        found = ((pm.start(1), pm.end(1)), (m.start(), m.end()),
                                 [(0, pm.start()), (m.end() + 1, body_end)])
                        break
                # coordinated: "X supported Democrats ..., and said (that) CONTENT"
                coord = _COORDINATED_RE.search(before)
                if coord is not None and m.group(0).lower() not in ("told", "tell", "tells"):
                    whole = _sentence_subject(doc.source, base, base + coord.start())
                    obj = _THAT_RE.match(after)
                    c_start = m.end() + (obj.end() if obj else 0)
                    if whole is not None and len(text[c_start:body_end].split()) >= 3:
                        found = ((whole[0] - base, whole[1] - base), (m.start(), m.end()),
                                 [(c_start, body_end)])
                    break
                # leading: "X said (that) CONTENT"
                subj_text = before
                aux = _AUX_TAIL_RE.search(subj_text)
                if aux:
                    subj_text = subj_text[: aux.start()]
                chunks = subj_text.split(",")
                subj_start = 0
                while len(chunks) > 1 and _looks_adverbial(chunks[0]):
                    subj_start += len(chunks[0]) + 1
                    chunks.pop(0)
                subj_only = ",".join(chunks)
                if not (_plausible_subject(subj_only) and not _CLAUSE_WORD_RE.search(
                        subj_only)
                        ) and not _appositive_subject(chunks):
                    break
                c = after
                obj = _TOLD_THAT_RE.match(c) if m.group(0).lower() in ("told", "tell", "tells") else (
                    _THAT_RE.match(c))
                if m.group(0).lower() in ("told", "tell", "tells") and obj is None:
                    break
                c_start = m.end() + (obj.end() if obj else 0)
                if len(text[c_start:body_end].split()) < 3:
                    break
                s0 = subj_start + (len(subj_only) - len(subj_only.lstrip()))
                found = ((s0, subj_start + len(subj_only.rstrip())), (m.start(), m.end()),
                         [(c_start, body_end)])
                break
        if found is None:
            continue
        (a, b), (c0, c1), content = found
        segs = []
        for x, y in content:
            chunk = text[x:y]
            lead = len(chunk) - len(chunk.lstrip(" ,"))
            trail = len(chunk.rstrip(" ,"))
            if trail > lead:
                segs.append((base + x + lead, base + x + trail))
        if not segs or sum(len(doc.source[x:y].split()) for x, y in segs) < 3:
            continue
        yield sentence, segs, _attribution(base + a, base + b, base + c0, base + c1)


def _appositive_subject(chunks: list[str]) -> bool:
    """``Name, description (, more description),`` before a verb: a subject of up to 30
    words whose first chunk is a short capitalised name and which ends with a comma."""
    if len(chunks) < 3 or chunks[-1].strip():
        return False
    head = chunks[0].strip()
    words = " ".join(chunks).split()
    return (
        bool(head) and head[0].isupper() and len(head.split()) <= 6 and len(words) <= 30
        and not re.search(r"[!?;:\"“”]", " ".join(chunks))
    )


def _looks_adverbial(chunk: str) -> bool:
    from framing.speakers import _ADVERBIAL_START

    return bool(_ADVERBIAL_START.match(chunk.strip()))


def document_quotes(doc: Document) -> tuple[Quote, ...]:
    """The attributed quotations of ``doc``: ``doc.quotes``, or attributed now when the
    Document was parsed with ``attribute=False`` (flag ``"quotes_not_attributed"``).

    Args:
        doc: A parsed document.

    Returns:
        Quotes in order of their first character.
    """
    from framing.parsing import NOT_ATTRIBUTED

    if NOT_ATTRIBUTED in doc.flags:
        return attribute_quotes(doc)
    return doc.quotes


def extract_quotes(text: str, *, registry: object = None) -> list[Quote]:
    """Parse ``text`` and return its attributed quotations in order of appearance.

    Args:
        text: Article text; offsets of the quotes index it.
        registry: Optional actor registry (mapping, TOML/CSV path or
            :class:`framing.roles.ActorRegistry`) whose roles win over cue words.

    Returns:
        The quotes (see :class:`Quote`).
    """
    from framing.parsing import parse

    return list(parse(text, registry=registry).quotes)
