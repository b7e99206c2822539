"""One parsing pass: clean, split into paragraphs, sentences and tokens, find quotes."""

from __future__ import annotations

from types import MappingProxyType
from typing import Any

from framing._construct import fast_constructor
from framing.clean import clean
from framing.document import Document, Paragraph
from framing.errors import InputError
from framing.quotes import attribute_quotes
from framing.quotespans import find_quote_spans
from framing.segment import split_sentences

__all__ = ["NOT_ATTRIBUTED", "parse"]


#: Flag of a Document parsed with ``attribute=False``: ``quotes`` is empty because quote
#: attribution was skipped (the scorers that need quotes attribute them on demand).
NOT_ATTRIBUTED = "quotes_not_attributed"


#: ``Paragraph(...)``, faster (see :func:`framing._construct.fast_constructor`).
_paragraph = fast_constructor(Paragraph)


def parse(text: str, *, rules: Any = None, registry: Any = None,
          attribute: bool = True) -> Document:
    """Parse an article once for every scorer.

    Cleaning removes boilerplate lines (each recorded with its reason in
    ``Document.removed``); the remaining lines become paragraphs, split into sentences
    (NLTK Punkt with a news abbreviation list, no downloaded data) and tokens; quotation
    marks give the quoted-voice mask; quotations are attributed to speakers.

    Args:
        text: Article text (plain text; HTML is detected, flagged and its tags blanked).
        rules: Cleaning rules from :func:`framing.clean.load_rules` (default: built-in).
        registry: Optional actor registry (names -> roles) used to attribute quotes
            (see :func:`framing.roles.load_registry`).
        attribute: Attribute quotations to speakers (about half the parse time). With
            False, ``quotes`` is empty and the Document is flagged
            ``"quotes_not_attributed"``; sentences, tokens and quote spans (the quoted
            voice) are the same. Readability, sentiment and loaded terms read no
            attributions; :func:`framing.quote_balance.score_quotes` and the scare-quote
            test attribute such a Document's quotes when they need them.

    Returns:
        A :class:`Document` whose offsets index ``text``. Empty or whitespace-only input
        gives a valid empty Document flagged ``"empty"``.

    Raises:
        InputError: ``text`` is not a ``str`` (decode bytes first).
    """
    if not isinstance(text, str):
        raise InputError(
            f"text: expected str, got {type(text).__name__}; decode bytes first "
            "(framing.load_corpus decodes files and records a warning for bad bytes)"
        )
    cleaned = clean(text, rules)
    source = cleaned.source
    paragraphs = tuple(
        # Paragraph(index, start, end, text, kind)
        _paragraph(i, line.start, line.end, source[line.start : line.end], line.kind)
        for i, line in enumerate(cleaned.lines)
    )
    flags = list(cleaned.flags)
    if not paragraphs:
        flags.append("empty")
    if not attribute:
        flags.append(NOT_ATTRIBUTED)
    sentences = split_sentences(source, paragraphs)
    quote_spans = find_quote_spans(source, paragraphs)
    if any(not q.closed for q in quote_spans):
        flags.append("unclosed_quote")
    draft = Document(
        source=source,
        text="\n\n".join(p.text for p in paragraphs),
        paragraphs=paragraphs,
        sentences=sentences,
        quote_spans=quote_spans,
        removed=cleaned.removed,
        metadata=MappingProxyType(dict(cleaned.metadata)),
        flags=tuple(dict.fromkeys(flags)),
    )
    if not attribute:
        return draft
    quotes = attribute_quotes(draft, registry)
    return Document(
        source=draft.source,
        text=draft.text,
        paragraphs=draft.paragraphs,
        sentences=draft.sentences,
        quote_spans=draft.quote_spans,
        quotes=quotes,
        removed=draft.removed,
        metadata=draft.metadata,
        flags=draft.flags,
    )
