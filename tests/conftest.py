"""Test data shared by several test modules."""

from __future__ import annotations

import pytest

from framing import syllables


@pytest.fixture(scope="session")
def dictionary_words() -> list[str]:
    """Every alphabetic ASCII CMU word (about 117,000), sorted; read-only."""
    return sorted(w for w in syllables._cmu_counts() if w.isascii() and w.isalpha())


@pytest.fixture(scope="session")
def hostile_letters() -> str:
    """Letters whose case mapping or normalisation is unusual: titlecase digraphs, dotted
    and dotless i, sharp s, final sigma, the Kelvin sign (lower-cases to ASCII "k"),
    e with an acute accent precomposed and combining, o with a stroke, a ligature."""
    return "\u01c4\u01c5\u01c6\u0130\u0131\u00df\u03a3\u03c2\u03c3\u212a\u00e9e\u0301\u00f8\u00c6\ufb01"
