"""Shared reading of the package's TOML data files (arrays of tables) with located errors."""

from __future__ import annotations

import re
import tomllib
from typing import Any

from framing.errors import LexiconError

__all__ = ["data_error", "read_tables"]


def data_error(file: str, line: int | None, field: str, msg: str) -> LexiconError:
    """A :class:`LexiconError` naming the file, the line (when known) and the field."""
    where = f"{file}, line {line}" if line else file
    return LexiconError(f"{where}, field {field!r}: {msg}")


def read_tables(text: str, file: str, key: str) -> tuple[dict[str, Any], list[Any], list[int]]:
    """Parse TOML ``text`` holding an array of tables written ``[[key]]``.

    Returns:
        ``(data, tables, lines)``: the whole document, the ``key`` tables in order, and the
        1-based line of each ``[[key]]`` header (for error messages).

    Raises:
        LexiconError: invalid TOML, or ``key`` is not an array of tables.
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+)", str(exc))
        raise data_error(file, int(m.group(1)) if m else None, "(syntax)",
                         f"invalid TOML: {exc}") from None
    tables = data.get(key, [])
    if not isinstance(tables, list):
        raise data_error(file, None, key, f"expected an array of tables written [[{key}]]")
    header = f"[[{key}]]"
    lines = [i for i, ln in enumerate(text.splitlines(), 1) if ln.strip().startswith(header)]
    return data, tables, lines
