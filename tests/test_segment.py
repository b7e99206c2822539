"""Tests for sentence splitting and tokenizing (framing.segment).

Expected values are hand-made: the seed gold files in ``tests/data/sentences_*.txt`` were
split by reading each seed; the targeted passages and token lists below were written by
hand, with a comment on each decision. The linear-time tests count interpreter events
(deterministic), never wall-clock time.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from framing.document import TOKEN_KINDS, Paragraph
from framing.errors import InputError, LexiconError
from framing.segment import (
    _read_entries,
    abbreviation_lists,
    sentence_tokenizer,
    split_sentences,
    tokenize,
)

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
GOLD = sorted((ROOT / "tests" / "data").glob("sentences_*.txt"))


# ----------------------------------------------------------------------------- helpers


def _paragraphs(text: str) -> list[Paragraph]:
    """Each non-blank line of ``text`` as a paragraph with exact offsets."""
    out: list[Paragraph] = []
    for m in re.finditer(r"[^\n]+", text):
        line = m.group()
        stripped = line.strip()
        if not stripped:
            continue
        start = m.start() + (len(line) - len(line.lstrip()))
        out.append(Paragraph(len(out), start, start + len(stripped), stripped))
    return out


def _split(text: str) -> list[str]:
    return [s.text for s in split_sentences(text, _paragraphs(text))]


def _norm(text: str) -> str:
    return " ".join(text.split())


def _gold_blocks(path: Path) -> list[list[str]]:
    """Blocks of sentences from a gold file (comment lines start with '#')."""
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            blocks[-1].append(line.strip())
        elif blocks[-1]:
            blocks.append([])
    return [b for b in blocks if b]


def _check_offsets(source: str, paragraphs, sentences) -> None:
    by_index = {p.index: p for p in paragraphs}
    for i, s in enumerate(sentences):
        assert s.index == i
        assert source[s.start : s.end] == s.text
        assert s.text == s.text.strip() and s.text
        p = by_index[s.paragraph]
        assert p.start <= s.start < s.end <= p.end
        for t in s.tokens:
            assert source[t.start : t.end] == t.text
            assert s.start <= t.start < t.end <= s.end
            assert t.kind in TOKEN_KINDS
            assert not any(c.isspace() for c in t.text)


# ----------------------------------------------------------------------------- seeds


def test_every_seed_has_a_gold_file():
    seeds = {p.stem for p in SEEDS.glob("*.txt")}
    gold = {p.stem.removeprefix("sentences_") for p in GOLD}
    assert len(seeds) == 5 and seeds == gold


@pytest.mark.parametrize("gold_path", GOLD, ids=lambda p: p.stem)
def test_seed_sentences_match_hand_split_gold(gold_path: Path):
    seed_name = gold_path.stem.removeprefix("sentences_") + ".txt"
    source = (SEEDS / seed_name).read_text(encoding="utf-8")
    lines = _paragraphs(source)
    blocks = _gold_blocks(gold_path)
    # Every gold block is one content line of the seed (whitespace-normalised): this
    # guards the gold file against transcription slips.
    chosen: list[Paragraph] = []
    for block in blocks:
        joined = _norm(" ".join(block))
        matches = [p for p in lines if _norm(p.text) == joined]
        assert len(matches) == 1, f"{gold_path.name}: no single seed line for {block[0]!r}"
        chosen.append(matches[0])
    paragraphs = [Paragraph(i, p.start, p.end, p.text) for i, p in enumerate(chosen)]
    sentences = split_sentences(source, paragraphs)
    _check_offsets(source, paragraphs, sentences)
    got = [[] for _ in blocks]
    for s in sentences:
        got[s.paragraph].append(_norm(s.text))
    expected = [[_norm(x) for x in block] for block in blocks]
    assert got == expected


def test_seed_gold_sentence_counts():
    # Hand counts of the gold files (sentences over content lines): 000: 42 lines with
    # 7 two-sentence lines and one three-sentence line = 51; 001: 11 lines, one with two
    # sentences = 12; 002: 20 lines, one with four = 23; 003: 13 lines, one with two = 14;
    # 004: 17 lines of one sentence each = 17.
    counts = {p.stem[10:13]: sum(len(b) for b in _gold_blocks(p)) for p in GOLD}
    assert counts == {"000": 51, "001": 12, "002": 23, "003": 14, "004": 17}


# ----------------------------------------------------------------------------- passages

PASSAGES = [
    # Titles: a full stop after a title never ends a sentence.
    (
        "Supt. Jo Edwards and Sgt. Smith spoke to Insp. Jones. Det. Con. Lee agreed.",
        ["Supt. Jo Edwards and Sgt. Smith spoke to Insp. Jones.", "Det. Con. Lee agreed."],
    ),
    ("Mr. Sahleb met Mrs. Khan and Dr. Patel. PC. Ward was there.",
     ["Mr. Sahleb met Mrs. Khan and Dr. Patel.", "PC. Ward was there."]),
    ("Gen. Smith and Rev. Jones met Prof. Lee. They left.",
     ["Gen. Smith and Rev. Jones met Prof. Lee.", "They left."]),
    # Abbreviations: U.S. before a name does not end a sentence; before the listed
    # sentence starter "The" it does.
    ("The U.S. Embassy said so. Officials in the U.S. The next day they left.",
     ["The U.S. Embassy said so.", "Officials in the U.S.", "The next day they left."]),
    ("It happened on Jan. 6 in the U.K. capital. It was over.",
     ["It happened on Jan. 6 in the U.K. capital.", "It was over."]),
    # "No." is an abbreviation only before a number; "no." before a capital ends.
    ("He went to No. 10 Downing Street. She said no. Police left.",
     ["He went to No. 10 Downing Street.", "She said no.", "Police left."]),
    ("Eggs, bottles etc. were thrown. Smith & Co. The firm denied it.",
     ["Eggs, bottles etc. were thrown.", "Smith & Co.", "The firm denied it."]),
    # Initials.
    ("J. K. Rowling wrote it. J.K. Rowling said so.",
     ["J. K. Rowling wrote it.", "J.K. Rowling said so."]),
    # Closing quotes after the full stop stay with their sentence (straight and curly).
    ("He said: 'I wish them a speedy recovery.' Then he left.",
     ["He said: 'I wish them a speedy recovery.'", "Then he left."]),
    ('It said: "An update will follow shortly." Nobody came.',
     ['It said: "An update will follow shortly."', "Nobody came."]),
    ("She said: “We are aware of it.” The force agreed. ‘It is vital.’ He nodded.",
     ["She said: “We are aware of it.”", "The force agreed.", "‘It is vital.’",
      "He nodded."]),
    ("It added: “We will review it…” Nothing followed.",
     ["It added: “We will review it…”", "Nothing followed."]),
    # Question and exclamation marks inside a quote before a lower-case word.
    ("'Why?' he asked. 'Stop!' she shouted.", ["'Why?' he asked.", "'Stop!' she shouted."]),
    # Ellipses: before a lower-case word, no break; before a capital, a break.
    ("Their land seized... and they are now being killed. It is illegal.",
     ["Their land seized... and they are now being killed.", "It is illegal."]),
    ("Their land seized… and they are now killed… They wept.",
     ["Their land seized… and they are now killed…", "They wept."]),
    # URLs, handles, e-mails, hashtags never split.
    ("Make Carl's head explode:https://t.co/4rpl1EG3zT Next one here.",
     ["Make Carl's head explode:https://t.co/4rpl1EG3zT Next one here."]),
    ("See https://www.bbc.co.uk/news/uk-57. It was read. Try t.co/Ab9. Done.",
     ["See https://www.bbc.co.uk/news/uk-57.", "It was read.", "Try t.co/Ab9.", "Done."]),
    ("Write to press.office@met.police.uk. @MetPoliceEvents said so. #FreePalestine trended.",
     ["Write to press.office@met.police.uk.", "@MetPoliceEvents said so.",
      "#FreePalestine trended."]),
    # Decimals and currency.
    ("It cost £5.2m, up 3.5 per cent. Numbers were 150,000. The end.",
     ["It cost £5.2m, up 3.5 per cent.", "Numbers were 150,000.", "The end."]),
    ("Donations reached £5,241.50 by 8.30pm. Organisers were pleased.",
     ["Donations reached £5,241.50 by 8.30pm.", "Organisers were pleased."]),
    # No terminal punctuation: one sentence.
    ("Met officers pose for a picture with a pro-Palestine child",
     ["Met officers pose for a picture with a pro-Palestine child"]),
]


@pytest.mark.parametrize(("text", "expected"), PASSAGES, ids=[p[0][:30] for p in PASSAGES])
def test_hand_split_passages(text: str, expected: list[str]):
    assert _split(text) == expected


def test_sentences_never_cross_paragraphs_and_offsets_index_source():
    # Two paragraphs separated by a blank line and preceded by a boilerplate line that is
    # not a paragraph: offsets must still index the full source.
    source = "Skip to main content\n\nFirst one. Second one\n\n  'Third.' Fourth!  \n"
    first = source.index("First")
    third = source.index("'Third")
    paragraphs = [
        Paragraph(0, first, first + len("First one. Second one"), "First one. Second one"),
        Paragraph(1, third, third + len("'Third.' Fourth!"), "'Third.' Fourth!"),
    ]
    sentences = split_sentences(source, paragraphs)
    # "Second one" has no full stop but the paragraph ends: 2 + 2 sentences.
    assert [(s.text, s.paragraph) for s in sentences] == [
        ("First one.", 0), ("Second one", 0), ("'Third.'", 1), ("Fourth!", 1)
    ]
    _check_offsets(source, paragraphs, sentences)
    assert sentences[2].start == third


def test_every_token_of_a_paragraph_lands_in_one_sentence():
    text = "He said: 'We are aware.' Mr. Smith paid £5.2m... and left. See t.co/x."
    paragraphs = _paragraphs(text)
    sentences = split_sentences(text, paragraphs)
    in_sentences = [t for s in sentences for t in s.tokens]
    assert in_sentences == list(tokenize(text, paragraphs[0].start, paragraphs[0].end))


def test_empty_paragraph_list_and_empty_paragraph():
    assert split_sentences("", []) == ()
    assert split_sentences("abc", [Paragraph(0, 1, 1, "")]) == ()


def test_bad_paragraph_offsets_raise_input_error():
    with pytest.raises(InputError, match=r"paragraphs\[0\]"):
        split_sentences("short", [Paragraph(0, 0, 10, "short text")])
    with pytest.raises(InputError, match=r"paragraphs\[3\]"):
        split_sentences("abc def", [Paragraph(3, 0, 3, "xyz")])
    with pytest.raises(InputError, match="source"):
        split_sentences(b"bytes", [])  # type: ignore[arg-type]


# ----------------------------------------------------------------------------- tokens


def _pairs(text: str) -> list[tuple[str, str]]:
    return [(t.text, t.kind) for t in tokenize(text)]


def test_tokens_contractions_possessives_and_decades():
    # Apostrophes inside or ending a word belong to it; "'90s" is a number (a decade).
    assert _pairs("We're sure the officers' duties and the Met's '90s policy matter.") == [
        ("We're", "word"), ("sure", "word"), ("the", "word"), ("officers'", "word"),
        ("duties", "word"), ("and", "word"), ("the", "word"), ("Met's", "word"),
        ("'90s", "number"), ("policy", "word"), ("matter", "word"), (".", "punct"),
    ]
    assert _pairs("I’m sure it’s the officers’ call") == [
        ("I’m", "word"), ("sure", "word"), ("it’s", "word"), ("the", "word"),
        ("officers’", "word"), ("call", "word"),
    ]


def test_tokens_quote_marks_are_punctuation():
    # Scare quotes: the mark after "marches" closes the quote opened two words before,
    # so it is punctuation, not a possessive apostrophe.
    assert _pairs("branded 'hate marches' by critics and ‘potential’ motives") == [
        ("branded", "word"), ("'", "punct"), ("hate", "word"), ("marches", "word"),
        ("'", "punct"), ("by", "word"), ("critics", "word"), ("and", "word"),
        ("‘", "punct"), ("potential", "word"), ("’", "punct"), ("motives", "word"),
    ]
    # A long quotation: "officers'" followed by a word, with a later closing mark, is a
    # possessive; the final "officers'" before the full stop closes the quote.
    words = [t.text for t in tokenize(
        "'We police events and many of our officers' conduct is fine for all officers'."
    )]
    assert "officers'" in words[:10] and words[-3:] == ["officers", "'", "."]


def test_tokens_hyphens_numbers_and_currency():
    # Decision: a currency sign is its own "symbol" token and the amount a "number";
    # magnitude suffixes (m, bn), am/pm, ordinals and percent stay on the number.
    assert _pairs("A six-year-old pro-Palestine fan paid £5,241 (£5.2m) or 3.5% on "
                  "2021-05-18 at 8pm, the 21st in the 1990s.") == [
        ("A", "word"), ("six-year-old", "word"), ("pro-Palestine", "word"), ("fan", "word"),
        ("paid", "word"), ("£", "symbol"), ("5,241", "number"), ("(", "punct"),
        ("£", "symbol"), ("5.2m", "number"), (")", "punct"), ("or", "word"),
        ("3.5%", "number"), ("on", "word"), ("2021-05-18", "number"), ("at", "word"),
        ("8pm", "number"), (",", "punct"), ("the", "word"), ("21st", "number"),
        ("in", "word"), ("the", "word"), ("1990s", "number"), (".", "punct"),
    ]
    # "19-year-old" and "COVID-19" are hyphenated words, not numbers.
    assert _pairs("a 19-year-old with COVID-19") == [
        ("a", "word"), ("19-year-old", "word"), ("with", "word"), ("COVID-19", "word"),
    ]


def test_tokens_urls_handles_hashtags_emails():
    assert _pairs("explode:https://t.co/4rpl1EG3zT, @MetPoliceEvents #FreePalestine "
                  "press.office@met.police.uk www.bbc.co.uk/news. t.co/U6zDkiIpsP") == [
        ("explode", "word"), (":", "punct"), ("https://t.co/4rpl1EG3zT", "url"),
        (",", "punct"), ("@MetPoliceEvents", "handle"), ("#FreePalestine", "hashtag"),
        ("press.office@met.police.uk", "email"), ("www.bbc.co.uk/news", "url"),
        (".", "punct"), ("t.co/U6zDkiIpsP", "url"),
    ]
    # A quote mark glued between a word and a URL belongs to neither.
    assert _pairs("First'https://t.co/LR1qpNjLPH") == [
        ("First", "word"), ("'", "punct"), ("https://t.co/LR1qpNjLPH", "url"),
    ]
    assert _pairs("— #ossietheludditeDDD (@ossien1) May 18, 2021") == [
        ("—", "punct"), ("#ossietheludditeDDD", "hashtag"), ("(", "punct"),
        ("@ossien1", "handle"), (")", "punct"), ("May", "word"), ("18", "number"),
        (",", "punct"), ("2021", "number"),
    ]


def test_tokens_acronyms_ellipses_and_stray_symbols():
    assert _pairs("the U.S. e.g. seized... and… Mr.Smith £ 12 & #") == [
        ("the", "word"), ("U.S.", "word"), ("e.g.", "word"), ("seized", "word"),
        ("...", "punct"), ("and", "word"), ("…", "punct"), ("Mr", "word"), (".", "punct"),
        ("Smith", "word"), ("£", "symbol"), ("12", "number"), ("&", "symbol"),
        ("#", "symbol"),
    ]


def test_tokenize_range_offsets_index_source():
    source = "xx Hello, world. yy"
    tokens = tokenize(source, 3, 16)
    assert [(t.text, t.start, t.end) for t in tokens] == [
        ("Hello", 3, 8), (",", 8, 9), ("world", 10, 15), (".", 15, 16)
    ]
    assert tokenize(source, 5, 5) == ()
    with pytest.raises(InputError, match="start"):
        tokenize(source, 5, 100)
    with pytest.raises(InputError, match="source"):
        tokenize(None)  # type: ignore[arg-type]


# ----------------------------------------------------------------------------- data


def test_abbreviation_lists_hold_the_news_abbreviations():
    lists = abbreviation_lists()
    for entry in ("mr", "mrs", "ms", "dr", "supt", "insp", "sgt", "pc", "gen", "rev",
                  "det", "con", "col", "lt", "capt", "prof", "sen", "rep", "gov", "vs"):
        assert entry in lists.titles
    for entry in ("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
                  "nov", "dec", "u.s", "u.k", "etc", "inc", "ltd", "co", "corp", "jr",
                  "st", "approx"):
        assert entry in lists.abbreviations
    assert "no" in lists.before_numbers and "no" not in lists.abbreviations
    params = sentence_tokenizer()._params
    assert "supt" in params.abbrev_types and "u.s" in params.abbrev_types
    assert sentence_tokenizer() is sentence_tokenizer()  # built once


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, r"\[titles\].*missing"),
        ({"titles": {"entries": "mr"}}, "expected a list"),
        ({"titles": {"entries": ["Mr"]}}, r"entries\[0\] = 'Mr'"),
        ({"titles": {"entries": ["mr", "dr."]}}, r"entries\[1\] = 'dr.'.*without its final"),
    ],
)
def test_malformed_abbreviation_data_names_section_and_entry(data, message):
    with pytest.raises(LexiconError, match=message):
        _read_entries(data, "titles", "abbreviations.toml")


# ----------------------------------------------------------------------------- scale


def _seed_content(name: str = "004_961e35140105b784") -> str:
    gold = ROOT / "tests" / "data" / f"sentences_{name}.txt"
    return "\n\n".join(" ".join(b) for b in _gold_blocks(gold))


def _count_events(source: str) -> int:
    """Python line and call events while splitting ``source`` (deterministic work count)."""
    paragraphs = _paragraphs(source)
    split_sentences(source, paragraphs)  # warm caches (tokenizer, lazily compiled regexes)
    count = 0

    def tracer(frame, event, arg):
        nonlocal count
        count += 1
        return tracer

    sys.settrace(tracer)
    try:
        split_sentences(source, paragraphs)
    finally:
        sys.settrace(None)
    return count


def test_work_grows_linearly_with_paragraph_count():
    # Four times the paragraphs must cost four times the interpreted steps (a quadratic
    # step, e.g. re-scanning earlier paragraphs, would give about 16x).
    base = _seed_content()
    small = _count_events(base)
    large = _count_events("\n\n".join([base] * 4))
    assert 3.8 <= large / small <= 4.2


def test_work_grows_linearly_within_one_long_paragraph():
    # One paragraph of k sentences vs 4k sentences: linear work inside a paragraph too
    # (Punkt's candidate scan, the repairs and the token hand-out).
    sentence = "Mr. Sahleb said the U.S. delegation paid £5.2m... and left, 'shortly'. "
    small = _count_events(sentence * 40)
    large = _count_events(sentence * 160)
    assert 3.8 <= large / small <= 4.2


def test_large_input_is_split_exactly_like_its_parts():
    # About 200,000 words: seed 000's gold content (966 word and number tokens) repeated
    # 208 times as paragraphs (208 x 966 = 200,928). Every copy must give the same sentences and
    # tokens, shifted by the copy's offset.
    base = _seed_content("000_eded39321e4ca841")
    one = split_sentences(base, _paragraphs(base))
    copies = 208
    big = "\n\n".join([base] * copies)
    sentences = split_sentences(big, _paragraphs(big))
    words = sum(len(s.words) for s in sentences)
    assert len(sentences) == copies * len(one) == copies * 51
    assert words == copies * sum(len(s.words) for s in one) >= 200_000
    step = len(base) + 2
    last = sentences[-len(one):]
    assert [(s.start - step * (copies - 1), s.text) for s in last] == [
        (s.start, s.text) for s in one
    ]
    assert [t.start - step * (copies - 1) for s in last for t in s.tokens] == [
        t.start for s in one for t in s.tokens
    ]


@pytest.mark.parametrize(
    ("unit", "expected_tokens"),
    [
        ("a.", 1),  # "a.a.a." ... is one dotted acronym (kind word)
        ("1,", 40_000),  # number "1" then punct "," for each unit
        ("x@", 40_000),  # word "x" then symbol "@" (an @ after a letter is no handle)
        ("s'", 1),  # letters joined by inner apostrophes, final s' kept: one word
        ("-a", 2),  # punct "-" then one hyphenated word "a-a-...-a"
    ],
)
def test_pathological_runs_without_spaces_tokenize(unit: str, expected_tokens: int):
    # 20,000 repetitions with no whitespace. The pattern's e-mail and domain parts are
    # bounded ({1,64}, {1,63}), so each match attempt looks at a bounded stretch of text;
    # an unbounded pattern would rescan the run from every token and not finish here.
    text = unit * 20_000
    tokens = tokenize(text)
    assert len(tokens) == expected_tokens
    assert "".join(t.text for t in tokens) == text


def test_punkt_patterns_use_the_standard_re_engine():
    # Recent NLTK abandons a whole finditer after 5 s of wall-clock time; framing's
    # language variables compile Punkt's two patterns with the standard library so a
    # multi-megabyte paragraph never fails on a loaded machine.
    lang_vars = sentence_tokenizer()._lang_vars
    assert isinstance(lang_vars.period_context_re(), re.Pattern)
    assert isinstance(lang_vars._word_tokenizer_re(), re.Pattern)


def test_one_very_long_paragraph_is_split_sentence_by_sentence():
    # 20,000 copies of a 4-word sentence in a single paragraph (about 480,000
    # characters): 20,000 sentences of 5 tokens each (4 words + the full stop).
    text = ("The officer said hello. " * 20_000).strip()
    sentences = split_sentences(text, _paragraphs(text))
    assert len(sentences) == 20_000
    assert {s.text for s in sentences} == {"The officer said hello."}
    assert sum(len(s.tokens) for s in sentences) == 100_000
    assert sentences[-1].end == len(text)


def test_paragraph_of_stray_marks_is_one_sentence():
    # 40,000 "?" separated by spaces: Punkt proposes a boundary after each, and none of
    # the pieces has a letter or digit, so all join into one sentence (and the repair
    # step keeps a running flag instead of rescanning the growing span).
    text = ("? " * 40_000).strip()
    sentences = split_sentences(text, _paragraphs(text))
    assert [(s.start, s.end) for s in sentences] == [(0, len(text))]
    assert len(sentences[0].tokens) == 40_000
