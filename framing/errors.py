"""Exception hierarchy.

Every error raised on purpose by framing derives from :class:`FramingError` and also
from the built-in exception a caller would naturally catch, so ``except ValueError``
keeps working. Messages name the argument, the bad value and what is allowed.
"""

from __future__ import annotations

__all__ = [
    "CorpusReadError",
    "FramingError",
    "InputError",
    "LexiconError",
    "ManifestError",
    "MissingExtraError",
]


class FramingError(Exception):
    """Base class of every error raised on purpose by framing."""


class InputError(FramingError, ValueError):
    """An article's text or an argument cannot be used (empty, binary, wrong type)."""


class ManifestError(FramingError, ValueError):
    """A manifest or tabular corpus is malformed; the message names file, row and field."""


class LexiconError(FramingError, KeyError):
    """A lexicon or other data file is malformed or names an unknown entry.

    The message names the file, the line and the field.
    """

    def __str__(self) -> str:  # KeyError would otherwise repr() the message
        return str(self.args[0]) if self.args else ""


class MissingExtraError(FramingError, ImportError):
    """An optional dependency is missing; the message names the extra to install."""


class CorpusReadError(FramingError, OSError):
    """A corpus file or folder cannot be read."""
