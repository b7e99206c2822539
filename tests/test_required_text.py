"""Tests for framing._required_text: literal prefilters of search rules never lose a match."""

from __future__ import annotations

import random
import re
import sys

from framing._required_text import fold, may_contain, required_literals
from framing.clean import load_rules


def test_fold_maps_every_ignorecase_partner_of_an_ascii_letter() -> None:
    # By definition of the prefilter: every code point that re.IGNORECASE matches to an
    # ASCII letter must fold to that letter in lower case, and no code point but an
    # ASCII non-letter itself matches an ASCII non-letter.
    letters = re.compile("[a-z]", re.IGNORECASE)
    others = re.compile(r"[\x00-\x40\x5b-\x60\x7b-\x7f]", re.IGNORECASE)
    for code in range(sys.maxunicode + 1):
        if 0xD800 <= code <= 0xDFFF:
            continue
        char = chr(code)
        if letters.fullmatch(char):
            partners = [x for x in "abcdefghijklmnopqrstuvwxyz"
                        if re.fullmatch(x, char, re.IGNORECASE)]
            assert len(partners) == 1 and fold(char) == partners[0], (hex(code), partners)
        if code > 0x7F:
            assert not others.fullmatch(char), hex(code)


def test_required_literals_by_hand() -> None:
    credit = re.compile(r"\b(?:editorial credit|image credit)\s*:", re.IGNORECASE)
    # the alternation is the longest necessary part; lower-cased for IGNORECASE
    assert required_literals(credit) == ("editorial credit", "image credit")
    # "Sky News" or "BBC" then " has asked": "asked" (5) beats {"sky news", "bbc"} (3)
    assert required_literals(re.compile(r"(?:Sky News|BBC) has asked")) == (" has asked",)
    assert required_literals(re.compile(r"(?:read more)?\d+")) is None  # optional only
    assert required_literals(re.compile(r"ab|cd")) is None  # literals under 3 characters
    assert required_literals(re.compile(r"(?:abc|\w+)")) is None  # one branch has none
    assert required_literals(re.compile(r"(?i:Credit)x")) is None  # inline flags skipped
    assert required_literals(re.compile(r"(?:foo){2,}bar?")) == ("foo",)


def test_a_line_without_the_literals_has_no_match() -> None:
    # The prefilter's promise, checked on random lines built from the patterns' own words
    # in mixed case, the four odd IGNORECASE partners and other characters.
    patterns = [r.pattern for r in load_rules().rules if r.pattern is not None]
    patterns += [re.compile(p, re.IGNORECASE) for p in (
        r"\b(?:photo credit|picture credit)\s*:", r"sky news (?:has|have) asked\b",
        r"(?:sign up|subscribe)\b.{0,20}\bnewsletter",
    )]
    alphabet = ["photo", "CREDIT", "credıt", "ſky", "News", "hAs", "aſked", "\u212aelvin",
                "\u0130mage", "sign", "up", "Subscribe", "newsletter", " ", ":", "-", "é",
                "\u0307", "asked", "published", "date", "Reuters"]
    rng = random.Random(11)
    lines = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 10)))
             for _ in range(3000)]
    checked = 0
    for pattern in patterns:
        literals = required_literals(pattern)
        if literals is None:
            continue
        ignore_case = bool(pattern.flags & re.IGNORECASE)
        for line in lines:
            if not may_contain(fold(line) if ignore_case else line, literals):
                assert pattern.search(line) is None, (pattern.pattern, line)
                checked += 1
    assert checked > 1000


def test_matching_lines_pass_the_prefilter() -> None:
    # Hand-made matches, including the odd partners: each must pass.
    pattern = re.compile(r"\b(?:editorial credit|image credit)\s*:", re.IGNORECASE)
    literals = required_literals(pattern)
    assert literals is not None
    for line in ["Image credit: AP", "IMAGE CREDIT :", "\u0130mage credit: x",
                 "editorial cred\u0131t:", "Edıtorial credit:"]:
        assert pattern.search(line), line
        assert may_contain(fold(line), literals), line
