"""The fast sentence and token paths give exactly the results of the plain methods.

``framing._punkt_fast.punkt_spans`` replaces NLTK's ``PunktSentenceTokenizer.span_tokenize``
(with framing's parameters) and ``framing.segment`` runs a token regex with two extra
first alternatives; both are compared here with the method they replace on hand-made,
random and hostile texts, and the shortcuts are checked on the cases that decide them.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing._punkt_fast import PunktRules, _is_boundary, punkt_spans
from framing.segment import (
    _CLOSERS,
    _GROUP_KIND,
    _KIND_LIST,
    _LAST_WORD_REVERSED_RE,
    _NONSPACE_TOKEN_RE,
    _TOKEN_RE,
    _punkt_rules,
    sentence_tokenizer,
    tokenize,
)

SEEDS = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))

# Pieces that reach every rule of Punkt's decision: the three end marks, closing and
# opening marks, abbreviations (listed, hyphenated, dotted), initials, numbers (also the
# literal "##number##" type), ellipses and spaced ellipses, ASCII and other whitespace
# (Punkt looks back only for ASCII whitespace), lines, upper/lower/uncased letters,
# non-ASCII digits and letters whose case or class differ between regex engines.
_PIECES = list("aAbZxy.?!  \n\t\r\x0b\x0c\u2028\u3000\xa0\"'`()[]{}“”‘’«»-,;:&#*@0123456789")
_PIECES += ["_"]
_PIECES += [
    "Mr", "U.S", "The", "the", "No", "J", ". ", "...", "..", "\u2026", "--", "##number##",
    "##NUMBER##.", "İ", "é", "Σ", "٣", "𝟙", "e.g", "ex-Supt", "said", "he", "-5.", ",3",
    "A.", "5.", "v.", ". . .", "ǅ", "ß", "Police", "police",
]


def _nltk_spans(text: str) -> list[tuple[int, int]]:
    return list(sentence_tokenizer().span_tokenize(text))


def _random_texts(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    return [
        "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, rng.choice([5, 15, 40, 120]))))
        for _ in range(count)
    ]


# ------------------------------------------------------------------------ sentences


def _rules() -> PunktRules:
    rules = _punkt_rules()
    assert rules is not None  # the installed NLTK can be read
    return rules


def test_spans_by_hand():
    rules = _rules()
    # "He left." is 0-8, a space, "She stayed." is 9-20.
    assert punkt_spans("He left. She stayed.", rules) == [(0, 8), (9, 20)]
    # "Mr" is a title (an abbreviation to Punkt) and "Smith" is not a listed starter: one.
    assert punkt_spans("Mr. Smith left.", rules) == [(0, 15)]
    # "U.S." before the listed starter "The" ends a sentence: "in the U.S." is 0-11.
    assert punkt_spans("in the U.S. The end.", rules) == [(0, 11), (12, 20)]
    # An initial before a capitalised word is not an end: one sentence.
    assert punkt_spans("J. Smith came.", rules) == [(0, 14)]
    # The closing quote moves back onto the first sentence: 'It is.”' is 0-7.
    assert punkt_spans("It is.” Then he left.", rules) == [(0, 7), (8, 21)]
    # "!!!" ends once, after the last mark: "Bad!!!" is 0-6.
    assert punkt_spans("Bad!!! I promise.", rules) == [(0, 6), (7, 17)]
    # No candidate at all: the whole text less trailing space; nothing for blank text.
    assert punkt_spans("no end here  ", rules) == [(0, 11)]
    assert punkt_spans("   ", rules) == []
    assert punkt_spans("", rules) == []


def test_spans_equal_nltk_on_random_texts():
    rules = _rules()
    for text in _random_texts(11, 6000):
        assert punkt_spans(text, rules) == _nltk_spans(text), repr(text)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=6)), max_size=40).map("".join)
)
def test_spans_equal_nltk_on_generated_texts(text):
    assert punkt_spans(text, _rules()) == _nltk_spans(text)


@pytest.mark.parametrize(
    "text",
    [
        "." * 500,
        "!" * 300 + " A",
        ". " * 300,
        "a. " * 300 + "B",
        "Mr. " * 200,
        "J. " * 200 + "K",
        "5. a 5. B 5. , 5. ; ##number##. b ##NUMBER##. C",
        "He said.\n\nShe left.\n \nThen\tthey.\x0bGo. Now\x0c. \r Yes.",
        "  . Hello. World",
        ".”” ”. A",
        "etc.) The end?) And!' so.'' The",
        "ex-Supt. The co. Smith e.g. It u.s.a. The i.e. a",
        "A.\u00a0B. \u2028C. \u3000D. e",
        "x" * 3000 + ". " + "y" * 3000 + "!",
        "Ǆ. ǅ. ǆ. İ. ß. Σ. ٣. The 𝟙. A ٣. b",
        "word. . . next. .. . ... The end.",
    ],
)
def test_spans_equal_nltk_on_hostile_texts(text):
    assert punkt_spans(text, _rules()) == _nltk_spans(text)


def test_spans_equal_nltk_on_seed_paragraphs():
    rules = _rules()
    paragraphs = [line for path in SEEDS for line in path.read_text("utf-8").splitlines()]
    assert len(paragraphs) > 50
    for line in paragraphs:
        assert punkt_spans(line, rules) == _nltk_spans(line), line


def test_shortcut_decisions_equal_punkt_on_their_contexts():
    # The two shapes decided without tokenizing ("?"/"!" always; a full stop after an
    # unlisted ASCII word of 2+ letters unless ". . ." follows) against Punkt's own
    # text_contains_sentbreak on the context Punkt would build.
    tokenizer = sentence_tokenizer()
    rules = _rules()
    words = ["said", "It", "U", "Mr", "mR", "no", "St", "etc", "ab", "x", "said9", "ex-Supt", ""]
    afters = [" The", " the", ")", "”", " . . .", " .", "  . .", "\n\nThe", " 5", " ,", "'"]
    checked = 0
    for word in words:
        for mark in ".?!":
            for after in afters:
                text = f"{word}{mark}{after}"
                for match in rules.period_context.finditer(text):
                    if match.start() != len(word):
                        continue
                    context = word + match.group() + match.group("after_tok")
                    expected = tokenizer.text_contains_sentbreak(context)
                    got = _is_boundary(text, 0, len(word), match, rules)
                    assert got == expected, text
                    checked += 1
    assert checked > 300


def _searched_last_word(tail: str) -> str | None:
    """The word before a final full stop as first written: a search of the tail."""
    found = re.search(r"([^\s\"'\u2018\u2019\u201c\u201d(\[{]+)\.[" + _CLOSERS + r"]*\Z", tail)
    return found.group(1) if found else None


def _reversed_last_word(tail: str) -> str | None:
    found = _LAST_WORD_REVERSED_RE.match(tail[::-1])
    return found.group(1)[::-1] if found else None


def test_last_word_on_the_reversed_tail_equals_the_search():
    # by hand: "U.S." -> "U.S"; "said.”)" -> "said"; a space before the stop -> none;
    # "(Mr." -> "Mr" (an opening bracket ends the word); no final stop -> none.
    for tail, word in [("in the U.S.", "U.S"), ("he said.”)", "said"), ("a .", None),
                       ("(Mr.", "Mr"), ("no stop”", None), ("x..", "x.")]:
        assert _reversed_last_word(tail) == word == _searched_last_word(tail)
    rng = random.Random(8)
    pieces = list("ab .\"')]}‘’“”«»([{\\\t\u2028-x") + ["U.S", "Mr"]
    for _ in range(20000):
        tail = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 20)))
        assert _reversed_last_word(tail) == _searched_last_word(tail), tail


def test_split_sentences_falls_back_to_nltk_when_punkt_cannot_be_read(monkeypatch):
    from framing import segment

    monkeypatch.setattr(segment, "_punkt_rules", lambda: None)
    # by hand: "Mr. Smith left." is one sentence (title), "He sat." another.
    assert segment._punkt_spans("Mr. Smith left. He sat.") == [(0, 15), (16, 23)]


def test_rules_refuse_a_trained_tokenizer():
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    params = PunktParameters()
    params.collocations = {("j", "bach")}
    with pytest.raises(ValueError, match="collocations"):
        PunktRules.from_tokenizer(PunktSentenceTokenizer(params))
    params = PunktParameters()
    params.ortho_context["police"] = 2
    with pytest.raises(ValueError, match="ortho"):
        PunktRules.from_tokenizer(PunktSentenceTokenizer(params))


# --------------------------------------------------------------------------- tokens


def _plain_tokens(text: str, start: int, stop: int) -> list[tuple[str, int, int, str]]:
    """Tokens of the plain token regex (no fast alternatives, no whitespace test)."""
    return [
        (m[0], m.start(), m.end(), _GROUP_KIND[m.lastgroup])  # type: ignore[index]
        for m in _TOKEN_RE.finditer(text, start, stop)
    ]


def _fast_tokens(text: str, start: int, stop: int) -> list[tuple[str, int, int, str]]:
    return [
        (m[0], m.start(), m.end(), _KIND_LIST[m.lastindex])  # type: ignore[index]
        for m in _NONSPACE_TOKEN_RE.finditer(text, start, stop)
    ]


# Characters that decide the fast alternatives: what may follow an ASCII word
# (space, , ; ) " ” ? ! . : / @ ' ’ - digits, non-ASCII letters) and what may follow
# or be a full stop (. + - @ word characters), plus the marks taken as punctuation.
_TOKEN_PIECES = list("abAZsS1 9.@'’‘-‐\u201c\u201d\"#:/\u00a0\u2028\x1c\n\t$%…_,;?!()[]{}+—–é")
_TOKEN_PIECES += ["www.", "http://", "U.S.", "t.co", ".com", "://", "e.g", "x@y.com", "'90s", "..."]


def test_fast_token_regex_equals_the_plain_regex():
    rng = random.Random(3)
    for _ in range(20000):
        text = "".join(rng.choice(_TOKEN_PIECES) for _ in range(rng.randint(0, 30)))
        start = rng.randint(0, len(text))
        stop = rng.randint(start, len(text))
        assert _fast_tokens(text, 0, len(text)) == _plain_tokens(text, 0, len(text)), text
        assert _fast_tokens(text, start, stop) == _plain_tokens(text, start, stop), text


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(st.sampled_from(_TOKEN_PIECES), st.text(max_size=5)), max_size=30
    ).map("".join)
)
def test_fast_token_regex_equals_the_plain_regex_generated(text):
    assert _fast_tokens(text, 0, len(text)) == _plain_tokens(text, 0, len(text))


def test_fast_alternatives_by_hand():
    # By the rules of docs/parsing.md: "said" before "," and "Go" before "." are words
    # (the fast alternative); ",", "“", "”" and a full stop before a space are single
    # marks; "e.g." is a dotted acronym and keeps its stops; in "a.b" a word character
    # follows the stop, so no fast path applies and the plain rules give "a", ".", "b"
    # ("b" is not a listed top-level domain); ".5" is a mark and a number.
    got = [(t.text, t.kind) for t in tokenize("He said, “Go.” e.g. a.b x@y.com .5")]
    assert got == [
        ("He", "word"), ("said", "word"), (",", "punct"), ("“", "punct"), ("Go", "word"),
        (".", "punct"), ("”", "punct"), ("e.g.", "word"), ("a", "word"), (".", "punct"),
        ("b", "word"), ("x@y.com", "email"), (".", "punct"), ("5", "number"),
    ]


def test_tokens_are_token_objects_with_source_offsets():
    text = "  Police said: “No.”  "
    tokens = tokenize(text, 1, len(text) - 1)
    assert all(type(t).__name__ == "Token" for t in tokens)
    assert [text[t.start : t.end] for t in tokens] == [t.text for t in tokens]
    assert [t.text for t in tokens] == ["Police", "said", ":", "“", "No", ".", "”"]
