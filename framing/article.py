"""The :class:`Article` record: one input text with its metadata."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field

from framing.errors import InputError

__all__ = ["Article"]


def _coerce_date(value: object) -> _dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        try:
            return _dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            pass
    raise InputError(
        f"date: {value!r} is not a date; use an ISO string 'YYYY-MM-DD' or a datetime.date"
    )


@dataclass(frozen=True, slots=True)
class Article:
    """One news article and its metadata.

    Args:
        id: Stable identifier (file stem or id column when loaded from disk).
        text: The raw article text (plain text; HTML is detected and flagged by the parser).
        outlet: Publishing outlet, e.g. ``"MailOnline"``; ``None`` when unknown.
        date: Publication date as ``datetime.date`` (ISO strings are converted).
        title: Headline; ``None`` when unknown.
        author: Byline name(s); ``None`` when unknown.
        url: Source address; ``None`` when unknown.
        incident: Label grouping articles about the same event; ``None`` when unknown.
        extra: Further manifest columns, kept as strings.
        warnings: Problems met while loading (e.g. undecodable bytes replaced).
    """

    id: str
    text: str
    outlet: str | None = None
    date: _dt.date | None = None
    title: str | None = None
    author: str | None = None
    url: str | None = None
    incident: str | None = None
    extra: tuple[tuple[str, str], ...] = field(default=())
    warnings: tuple[str, ...] = field(default=())

    def __post_init__(self) -> None:
        if not isinstance(self.id, str) or not self.id:
            raise InputError(f"id: {self.id!r} is not allowed; give a non-empty string")
        if not isinstance(self.text, str):
            raise InputError(
                f"text: expected str, got {type(self.text).__name__}; decode bytes first "
                "(framing.load_corpus does this with a recorded warning)"
            )
        object.__setattr__(self, "date", _coerce_date(self.date))
        for name in ("outlet", "title", "author", "url", "incident"):
            value = getattr(self, name)
            if value is not None and not isinstance(value, str):
                raise InputError(f"{name}: expected str or None, got {type(value).__name__}")
            if isinstance(value, str) and not value.strip():
                object.__setattr__(self, name, None)
        if isinstance(self.extra, dict):
            object.__setattr__(self, "extra", tuple((str(k), str(v)) for k, v in self.extra.items()))
        object.__setattr__(self, "warnings", tuple(self.warnings))

    def identity(self) -> dict[str, str | None]:
        """The columns that name the article in every output row, scored or failed:
        ``id, outlet, date`` (ISO 8601), ``title, author, incident``."""
        return {
            "id": self.id,
            "outlet": self.outlet,
            "date": self.date.isoformat() if self.date else None,
            "title": self.title,
            "author": self.author,
            "incident": self.incident,
        }
