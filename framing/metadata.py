"""Reading metadata written in an article's own text: dates, bylines, headlines.

The cleaner (:mod:`framing.clean`) finds the lines that carry metadata with the rules in
``framing/data/boilerplate.toml``; this module turns the matched strings into values:

* :func:`parse_date` reads ``2021-05-18``, ``13/11/2023`` (day first, UK style),
  ``13 November 2023``, ``Mon 13 Nov 2023``, ``November 13, 2023`` and ``May 18, 2021``
  into an ISO ``YYYY-MM-DD`` string.
* :func:`clean_byline` trims a byline to the author's name(s).
* :func:`looks_like_headline` decides whether a first line reads as a headline rather
  than the opening sentence of the body.
* :func:`read_metadata` runs the cleaner and returns what it read (``title``,
  ``author``, ``date``, ``updated`` ...).
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Mapping
from functools import cache

__all__ = ["METADATA_KEYS", "clean_byline", "looks_like_headline", "parse_date", "read_metadata"]

#: Keys the cleaner may put in ``Cleaned.metadata`` (other rules may add their own).
METADATA_KEYS = ("title", "author", "date", "time", "updated", "updated_time", "outlet")

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}


@cache
def _date_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    month = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|" \
            r"aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
    weekday = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
    day = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
    year = r"(?P<year>\d{4})"
    flags = re.IGNORECASE
    return (
        (re.compile(r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})(?:[T ].*)?", flags), "num"),
        (re.compile(r"(?P<day>\d{1,2})[/.\-](?P<month>\d{1,2})[/.\-](?P<year>\d{4}|\d{2})", flags),
         "num"),
        (re.compile(weekday + day + r"\s+" + month + r",?\s+" + year, flags), "name"),
        (re.compile(weekday + month + r"\s+" + day + r",?\s+" + year, flags), "name"),
    )


def parse_date(value: str) -> str | None:
    """Read a written date into ISO ``YYYY-MM-DD``.

    Numeric dates are read day first (UK style): ``13/11/2023`` is 13 November 2023 and
    ``05/06/2021`` is 5 June 2021. Two-digit years are taken as 20YY. A trailing time
    (``13/11/2023 - 07:34``, ``2021-05-18T10:00``) is allowed and ignored.

    Args:
        value: The date as written, e.g. ``"13/11/2023"`` or ``"May 18, 2021"``.

    Returns:
        The ISO date string, or ``None`` when ``value`` is not a valid calendar date in
        one of the forms above.
    """
    text = value.strip().strip(",")
    if not text or len(text) > 80:
        return None
    for pattern, style in _date_patterns():
        match = pattern.match(text)
        if match is None:
            continue
        rest = text[match.end():].strip()
        if rest and not re.fullmatch(r"(?:[,\-–—|@at\s]+)?\d{1,2}[:.]\d{2}.*", rest, re.IGNORECASE):
            continue
        year = int(match["year"])
        if year < 100:
            year += 2000
        if style == "num":
            month = int(match["month"])
        else:
            month = _MONTHS[match["month"].lower()[:3]]
        try:
            return _dt.date(year, month, int(match["day"])).isoformat()
        except ValueError:
            return None
    return None


def clean_byline(value: str) -> str | None:
    """Trim a byline to the author name(s).

    ``"Holly Bishop"`` stays as it is; a trailing role or outlet after a comma or
    "For"/"for" (``"Jo Bloggs, Home Affairs Editor"``, ``"Jo Bloggs For Mailonline"``)
    is dropped; surrounding punctuation and doubled spaces go.

    Args:
        value: The text after "By".

    Returns:
        The name(s), or ``None`` when nothing name-like is left.
    """
    text = re.sub(r"\s+", " ", value).strip(" ,;:-–—|")
    text = re.split(r",|\s+\|\s+|\s+[Ff]or\s+", text, maxsplit=1)[0].strip()
    return text or None


def looks_like_headline(line: str, *, max_chars: int = 200, max_words: int = 30) -> bool:
    """Decide whether a first content line is a headline.

    A headline is short (``max_chars`` characters, 3 to ``max_words`` words) and does
    not end like a sentence of body text: a final full stop, colon, semicolon or comma
    (possibly followed by a closing quote or bracket) means body text. ``?`` and ``!``
    are allowed (question and exclamation headlines).

    Args:
        line: The stripped line.
        max_chars: Longest headline accepted, in characters.
        max_words: Most words accepted.

    Returns:
        True when the line reads as a headline.
    """
    if not line or len(line) > max_chars:
        return False
    words = line.split()
    if not 3 <= len(words) <= max_words:
        return False
    tail = line.rstrip("'\"’”)]» ")
    if not tail or tail[-1] in ".:;,…":
        return False
    first = line[0]
    return any(ch.isalpha() for ch in line) and (first.isupper() or first in "'\"‘“0123456789")


def read_metadata(text: str) -> Mapping[str, str]:
    """Metadata the cleaner reads from an article's own text.

    Args:
        text: Article text.

    Returns:
        A read-only mapping with any of ``title``, ``author``, ``date`` (ISO),
        ``time``, ``updated`` (ISO), ``updated_time``, ``outlet`` (only when the text
        names the outlet unambiguously).
    """
    from framing.clean import clean  # local import: clean imports this module

    return clean(text).metadata
