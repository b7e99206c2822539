"""Tests for framing._rule_prefilter and the cleaner's other shortcuts: skipping a line or
a comparison never changes what the cleaner decides."""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from framing._rule_prefilter import _alternative, line_prefilter
from framing.clean import _may_share_norm, _norm, clean, load_rules

SEEDS = sorted((Path(__file__).parent.parent / "seeds").glob("*.txt"))


def _some_rule_matches(rules: tuple, line: str) -> bool:
    """The rule loop's own test, rule by rule (the reference)."""
    for rule in rules:
        if rule.pattern is not None:
            found = rule.pattern.search(line) if rule.search else rule.pattern.fullmatch(line)
            if found is not None:
                return True
        elif _norm(line) in rule.lines:
            return True
    return False


def _lines_of_every_kind() -> list[str]:
    """Seed lines, lines the default rules remove, and random mixtures of rule words."""
    lines = [x.strip() for p in SEEDS for x in p.read_text(encoding="utf-8").splitlines()]
    lines += [
        "Advertisement", "ADVERTISEMENT", "Share this article", "By Jane Doe, Political Editor",
        "Published: 10:31 BST, 18 May 2021 | Updated: 11:02 BST, 18 May 2021",
        "Photo credit: Reuters", "PHOTO CREDIT: Getty", "Sign up to our newsletter",
        "Support our journalism", "Sky News has approached the Home Office for comment.",
        "2021-05-18 Police arrest eight", "— Ann Lee (@annlee) May 18, 2021",
        "Read more: Police chief quits", "(Reporting by Ann Lee; Editing by Bo Chan)",
    ]
    words = ["photo", "CREDIT", "credıt", "ſky", "News", "has", "approached", "By", "Jane",
             "Published:", "10:31", "BST,", "Advertisement", "share", "this", "article",
             "\u0130mage", "support", "our", "journalism", "Reuters", "—", "(@x)", "2021",
             "May", "18,", "\u0307", "ß", "SS", "read", "more", " ", ":", "|"]
    rng = random.Random(5)
    lines += [" ".join(rng.choice(words) for _ in range(rng.randint(1, 9)))
              for _ in range(4000)]
    return [x for x in lines if x]


def test_no_rule_matches_a_line_the_prefilter_skips() -> None:
    # The prefilter's promise, checked against the rule loop's own tests, on lines
    # that do and do not match (the default rules).
    rules = load_rules().line_rules
    may_apply = line_prefilter(rules, _norm)
    matched = 0
    for line in _lines_of_every_kind():
        if _some_rule_matches(rules, line):
            matched += 1
            assert may_apply(line), line
    assert matched > 20  # the set exercises the rules, not only ordinary lines


@settings(max_examples=300, deadline=None)
@given(st.text(min_size=1, max_size=80))
def test_prefilter_is_sound_on_arbitrary_text(line: str) -> None:
    rules = load_rules().line_rules
    if _some_rule_matches(rules, line):
        assert line_prefilter(rules, _norm)(line)


def test_joined_alternatives_keep_flags_and_leave_backreferences_alone() -> None:
    # By the definitions of scoped flags and of backreferences:
    assert _alternative(re.compile(r"(?P<value>abc)", re.IGNORECASE)) == "(?i:(abc))"
    assert _alternative(re.compile(r"a # comment", re.VERBOSE)) == "(?x:a # comment\n)"
    assert _alternative(re.compile(r"(\w)\1")) is None
    assert _alternative(re.compile(r"(?P<x>a)(?P=x)")) is None
    assert _alternative(re.compile(r"abc", re.ASCII)) is None  # no scoped form kept
    assert _alternative(re.compile(r"(?i)abc")) is None  # global flags: start only
    assert _alternative(re.compile(r"\(?P<x>")) == r"(?:\(?P<x>)"  # escaped: not a group


def test_user_rules_with_backreferences_and_verbose_patterns(tmp_path: Path) -> None:
    # A doubled word ("the the") by a backreference, and a pattern with global inline
    # flags ending in a comment: both are tried on their own, so the lines still go.
    path = tmp_path / "rules.toml"
    path.write_text(
        r"""
[[rule]]
name = "doubled"
reason = "doubled word"
action = "remove"
pattern = '(\w+) \1'

[[rule]]
name = "promo"
reason = "promotion"
action = "remove"
pattern = '''(?x) promo \s* code  # a comment'''
""",
        encoding="utf-8",
    )
    rules = load_rules(path)
    text = "Headline here\n\nthe the\n\npromocode\n\nA body line that stays, as it reads."
    removed = {r.line: r.rule for r in clean(text, rules).removed}
    assert removed == {"the the": "doubled", "promocode": "promo"}


def test_case_folding_is_per_character_and_never_yields_whitespace() -> None:
    # What the first-word test of line lists and _may_share_norm rely on, for every
    # code point that is not whitespace: a non-empty fold without whitespace; and a
    # string's fold is the concatenation of its characters' folds.
    for code in range(sys.maxunicode + 1):
        if 0xD800 <= code <= 0xDFFF or chr(code).isspace():
            continue
        folded = chr(code).casefold()
        assert folded and len(folded.split()) == 1 and folded.split()[0] == folded, hex(code)
    rng = random.Random(3)
    for _ in range(2000):
        text = "".join(chr(rng.choice([rng.randint(32, 0x24F), 0x3A3, 0x3C2, 0xDF, 0x130,
                                       0x1E9E, 0xFB01]))
                       for _ in range(rng.randint(1, 12)))
        assert text.casefold() == "".join(c.casefold() for c in text)


@settings(max_examples=500, deadline=None)
@given(st.text(min_size=1, max_size=30), st.text(min_size=1, max_size=30))
def test_may_share_norm_never_misses_equal_norms(a: str, b: str) -> None:
    a, b = a.strip(), b.strip()
    if a and b and _norm(a) == _norm(b):
        assert _may_share_norm(a, b)


def test_may_share_norm_by_hand() -> None:
    # Equal after folding and whitespace collapse (by _norm's definition):
    assert _may_share_norm("Photo:  Reuters", "PHOTO: reuters")
    assert _may_share_norm("Straße", "STRASSE")  # ß folds to "ss"
    # different first or last letters cannot share a norm:
    assert not _may_share_norm("Police said", "The police said")
    assert not _may_share_norm("Police said.", "Police said")


_TEXT_PIECES = ["Photo credit: Reuters", "PHOTO CREDİT", "credıt", "ſupport our journalism",
                "Sky News approached", "ASKED", "a\u0307sked", "ΑΣ", "Σ asked", "ß", "\n", " ",
                "By Jane Doe", "Advertisement", "image", "credit", "İmage credit", "x"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_TEXT_PIECES), st.text(max_size=6)), max_size=12))
def test_text_prefilter_equals_the_line_test(pieces: list[str]) -> None:
    # For the lines of a text (any substring), the test narrowed to the literals the
    # folded text holds gives what the general test gives.
    from framing._rule_prefilter import text_prefilter

    rules = load_rules().line_rules
    general = line_prefilter(rules, _norm)
    text = "".join(pieces)
    narrowed = text_prefilter(rules, _norm)(text)
    for start in range(0, len(text), 3):
        for end in range(start + 1, len(text) + 1, 2):
            line = text[start:end]
            assert narrowed(line) is general(line), line
