"""The token scanner's shortcuts give the tokens of the plain method.

``framing.segment._scan`` reads the tokens' columns (``TokenColumns``) with ``map`` and
runs the closing-apostrophe pass only where it can change a token: the range holds a
``'``/``’`` (two ``str.find`` calls before the trailing-apostrophe regex), and only from
the first mark ``_OPENER_AT_RE`` finds in the position of an opening quote. The plain
method, written out here, runs the token regex match by match and the apostrophe pass
over every token of any range the trailing-apostrophe regex matches. Expected token
lists below were written by hand from the rules in ``docs/parsing.md``.
"""

from __future__ import annotations

import random

from framing.document import Token
from framing.segment import (
    _GROUP_KIND,
    _TOKEN_RE,
    _TRAILING_APOSTROPHE_RE,
    _scan,
    _split_closing_apostrophes,
    tokenize,
)


def _plain_scan(source: str, start: int, stop: int) -> tuple[Token, ...]:
    """Tokens by the plain method: every match of the token regex, then the apostrophe
    pass over all of them when the range holds a word-final ``s'``/``s’``."""
    tokens = [
        Token(m.group(m.lastgroup), m.start(m.lastgroup), m.end(m.lastgroup),
              _GROUP_KIND[m.lastgroup])  # type: ignore[index]
        for m in _TOKEN_RE.finditer(source, start, stop)
    ]
    if _TRAILING_APOSTROPHE_RE.search(source, start, stop) is not None:
        tokens = _split_closing_apostrophes(source, tokens, stop)
    return tuple(tokens)


def _check(source: str, start: int, stop: int) -> None:
    columns = _scan(source, start, stop)
    plain = _plain_scan(source, start, stop)
    assert columns.tokens() == plain, (source, start, stop)
    assert all(type(t) is Token for t in columns.tokens())
    # the columns are the tokens' fields, and each token's end is its start plus its
    # length (the definition TokenColumns relies on to leave ends out)
    assert list(columns.texts) == [t.text for t in plain]
    assert list(columns.starts) == [t.start for t in plain]
    assert list(columns.kinds) == [t.kind for t in plain]
    assert all(t.end == t.start + len(t.text) and source[t.start:t.end] == t.text for t in plain)


# Hand-picked: an opening mark at offset 0, after each character that can precede one,
# inside a URL (not a mark token), a decade, a closing mark before any opener, several
# quotes in one range, curly and straight marks.
CASES = [
    "'hate marches' by critics",
    "branded 'hate marches' by critics and ‘potential’ motives",
    "the officers' conduct",
    "the officers' 'hate marches' here",
    "Smiths' fault and 'the Joneses' ",
    "(‘rich pickings’) and [‘fat cats’]",
    "—‘new towns’ and /'old towns'",
    "http://x.com/'abc the officers' 'a bs' c",
    "the '90s kids' toys",
    "'We police events and many of our officers' conduct is fine for all officers'.",
    "\"'It is the Smiths' car,' she said.\"",
    "‘Drivers’ and ‘cyclists’ and ‘walkers’ and ‘runners’ and ‘riders’ all said so",
    "x'abs' y 'abs'",
    "it’s the Joneses’ and the Smiths’ ‘houses’",
]


def test_scan_matches_the_plain_method_on_hand_picked_ranges():
    for text in CASES:
        for start in range(len(text) + 1):
            _check(text, start, len(text))
        for stop in range(len(text) + 1):
            _check(text, 0, stop)
        _check("ab " + text + " cd", 3, 3 + len(text))


def test_scan_matches_the_plain_method_on_random_ranges():
    rng = random.Random(11)
    alphabet = list("abs S'’‘ \"“”(—-/x1.") + ["officers' ", " 'ab", "‘cd ", "s’ ", "http://x/"]
    for _ in range(4000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        start = rng.randint(0, len(text))
        _check(text, start, rng.randint(start, len(text)))


def test_closing_marks_by_hand():
    # The scare quote opens at offset 0 and closes after "marches": the mark is split off.
    assert [(t.text, t.kind) for t in tokenize("'hate marches' here")] == [
        ("'", "punct"), ("hate", "word"), ("marches", "word"), ("'", "punct"),
        ("here", "word"),
    ]
    # No opening mark before it: "officers'" stays a possessive word.
    assert [t.text for t in tokenize("the officers' 'x' y")] == [
        "the", "officers'", "'", "x", "'", "y",
    ]
    # The mark after "/" in a URL is part of the URL token, not an opening quote.
    assert [t.text for t in tokenize("www.x.com/'ab officers' c")] == [
        "www.x.com/'ab", "officers'", "c",
    ]
