"""Quotation-mark spans (framing.quotespans): the narrator/quoted mask.

Expected spans were written down by reading each seed line by line and listing every
quotation mark pair (apostrophes left out); long quotes are given by their first and last
words. Paragraphs of the seeds come from the hand-labelled table tests/data/seed_lines.tsv
(kept lines and their kinds), so these tests do not depend on the cleaner.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from framing.document import Paragraph
from framing.quotespans import find_quote_spans

ROOT = Path(__file__).parent.parent
SEEDS = ROOT / "seeds"
TABLE = Path(__file__).parent / "data" / "seed_lines.tsv"


def _paragraphs(text: str) -> list[Paragraph]:
    """One paragraph per non-blank line (all body)."""
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            start = pos + len(line) - len(line.lstrip())
            end = pos + len(line.rstrip())
            out.append(Paragraph(len(out), start, end, text[start:end]))
        pos += len(line) + 1
    return out


def _seed(name: str) -> tuple[str, list[Paragraph]]:
    """The seed text and its kept lines (with kinds) from the hand-labelled table."""
    labels = {}
    for row in TABLE.read_text(encoding="utf-8").splitlines():
        if row.startswith(("#", "file\t")) or not row.strip():
            continue
        file, line, decision, label = row.split("\t")
        if file == name:
            labels[int(line)] = (decision, label)
    text = (SEEDS / name).read_text(encoding="utf-8")
    paras, pos = [], 0
    for n, line in enumerate(text.split("\n"), 1):
        start_line = pos
        pos += len(line) + 1
        decision, label = labels.get(n, ("keep", "body"))
        if not line.strip() or decision != "keep":
            continue
        start = start_line + len(line) - len(line.lstrip())
        end = start_line + len(line.rstrip())
        paras.append(Paragraph(len(paras), start, end, text[start:end], label))
    return text, paras


def _contents(text: str, depth: int | None = 0, marked_only: bool = True) -> list[str]:
    spans = find_quote_spans(text, _paragraphs(text))
    return [
        text[s.content_start : s.content_end]
        for s in spans
        if (depth is None or s.depth == depth) and (s.open_mark or not marked_only)
    ]


# --- apostrophes versus quotation marks ------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "We're sure the Met's officers won't go.",
        "The officers' union met in the '90s.",
        "It was rock 'n' roll, and rock ‘n’ roll in the ‘90s, and ’90s hits.",
        "O'Neill and the pupils’ teachers didn’t say.",
        "Tell 'em 'til dawn, 'cause it's late.",
    ],
)
def test_apostrophes_are_not_quotes(text):
    assert _contents(text, depth=None) == []


def test_single_quotes_after_possessive_plural():
    # "officers'" is a possessive inside an open quote: a later mark closes the quote.
    text = "He said: 'The officers' duties are clear,' and left."
    assert _contents(text) == ["The officers' duties are clear,"]
    # With nothing open, "officers'" is a possessive and the next pair is the quote.
    text = "The officers' union called it 'a scandal'."
    assert _contents(text) == ["a scandal"]


def test_straight_curly_double_and_single():
    text = "He said \"yes\" and “no” and 'maybe' and ‘never’."
    assert _contents(text) == ["yes", "no", "maybe", "never"]


def test_spans_include_marks_and_contents_exclude_them():
    text = "She said: “We are here.” Then left."
    (span,) = find_quote_spans(text, _paragraphs(text))
    assert text[span.start : span.end] == "“We are here.”"
    assert text[span.content_start : span.content_end] == "We are here."
    assert (span.open_mark, span.close_mark, span.closed, span.depth) == ("“", "”", True, 0)


def test_nested_quote_has_depth_one():
    text = "A spokesperson said: “They are attributing ‘potential’ motives.”"
    spans = find_quote_spans(text, _paragraphs(text))
    assert [(text[s.content_start : s.content_end], s.depth) for s in spans] == [
        ("They are attributing ‘potential’ motives.", 0),
        ("potential", 1),
    ]


def test_unclosed_quote_ends_at_its_paragraph():
    text = "She said: 'It was never closed\nThe narrator goes on.\nAnd 'another' one."
    spans = find_quote_spans(text, _paragraphs(text))
    first = spans[0]
    assert text[first.content_start : first.content_end] == "It was never closed"
    assert first.closed is False and first.close_mark == ""
    assert first.paragraphs == (0,)
    # The narrator paragraph is not masked; the next quote is found normally.
    assert [text[s.content_start : s.content_end] for s in spans[1:]] == ["another"]


def test_paragraph_continuation_is_one_quote_in_parts():
    text = (
        "Ms Abbott said: 'We must remember.\n"
        "'Palestinian people are being killed.\n"
        "'All of this is illegal.'\n"
        "The names were read out."
    )
    spans = find_quote_spans(text, _paragraphs(text))
    assert [text[s.content_start : s.content_end] for s in spans] == [
        "We must remember.",
        "Palestinian people are being killed.",
        "All of this is illegal.",
    ]
    assert all(s.paragraphs == (0, 1, 2) and s.is_continued for s in spans)
    assert all(s.closed for s in spans)
    assert [s.close_mark for s in spans] == ["", "", "'"]


def test_continuation_skips_removed_line_and_embed():
    # Paragraph 1 is an embedded post between the two parts: its text is the poster's
    # own span, not part of the quotation; the mask leaves the gap out.
    paras_text = [
        ('They said: "We are aware of a video.', "body"),
        ("A post about something", "embed"),
        ("— Someone (@someone) May 18, 2021", "embed_attribution"),
        ('"The Directorate is investigating."', "body"),
    ]
    text = "\n".join(t for t, _ in paras_text)
    paras, pos = [], 0
    for i, (t, kind) in enumerate(paras_text):
        paras.append(Paragraph(i, pos, pos + len(t), t, kind))
        pos += len(t) + 1
    spans = find_quote_spans(text, paras)
    quote = [s for s in spans if s.open_mark]
    assert [text[s.content_start : s.content_end] for s in quote] == [
        "We are aware of a video.",
        "The Directorate is investigating.",
    ]
    assert all(s.paragraphs == (0, 3) for s in quote)
    embed = [s for s in spans if not s.open_mark]
    assert [text[s.content_start : s.content_end] for s in embed] == ["A post about something"]


def test_continuation_with_lost_opening_marks():
    text = (
        "A spokesman said: 'We are aware of a video.\n"
        "While officers engage, they do not participate.\n"
        "The Directorate is investigating'.\n"
        "Nine people were arrested."
    )
    spans = find_quote_spans(text, _paragraphs(text))
    assert [text[s.content_start : s.content_end] for s in spans] == [
        "We are aware of a video.",
        "While officers engage, they do not participate.",
        "The Directorate is investigating",
    ]
    assert all(s.paragraphs == (0, 1, 2) for s in spans)


def test_top_level_spans_never_overlap_and_run_linearly_on_big_input():
    # 20,000 paragraphs with an unclosed quote every third one: the scan must finish and
    # every unclosed quote must stay in its paragraph.
    block = "He said: 'one two.\nNarrator's text here.\nShe said “three” and 'four'.\n"
    text = block * 20000
    spans = find_quote_spans(text, _paragraphs(text))
    top = [s for s in spans if s.depth == 0]
    assert len(top) == 3 * 20000
    assert all(a.end <= b.start for a, b in itertools.pairwise(top))
    assert sum(not s.closed for s in top) == 20000


# --- the seeds, every quotation ---------------------------------------------------------

# (first words, last words, open mark, paragraphs count) for each top-level marked span.
SEED_SPANS = {
    "000_eded39321e4ca841.txt": [
        ("Free Palestine", "Free Palestine", "'", 1),
        ("immediate action", "immediate action", "'", 1),
        ("end to occupation", "end to occupation", "'", 1),
        ("praying day and night", "praying day and night", "'", 1),
        ("officers must remain", "carrying out their duties", "'", 1),
        ("Free free Palestine", "free free Palestine", "'", 1),
        # the spokesman's statement: three parts around the embedded post
        ("We are aware of a video", "at a demonstration.", "'", 3),
        ("While officers are encouraged", "confidence in our officers.", "", 3),
        ("The Directorate of Professional", "further action is appropriate", "", 3),
        ("We police hundreds", "will be released shortly", "'", 1),
        ("We once again saw police", "a speedy recovery.", "'", 3),
        ("Throughout the day", "public health crisis.", "'", 3),
        ("Where this approach", "took enforcement action.", "'", 3),
        ("free, free Palestine", "free, free Palestine", "'", 1),
        ("oh, Jeremy Corbyn", "oh, Jeremy Corbyn", "'", 1),
        ("We must remember", "movement for justice.", "'", 3),
        ("Palestinian people are having", "killed in their homes.", "'", 3),
        ("All of this is illegal.", "All of this is illegal.", "'", 3),
        ("the biggest pro-Palestine", "demonstration since 2014", "'", 1),
    ],
    "001_c4e80c1812b6c467.txt": [
        ("Free Palestine", "Free Palestine", '"', 1),
        ("Free Palestine", "Free Palestine", '"', 1),
        ("Free Palestine", "Free Palestine", '"', 1),
        ("We are aware of a video", "at a demonstration.", '"', 3),
        ("While officers are encouraged", "confidence in our officers.", '"', 3),
        ("The Directorate of Professional", "action is appropriate.", '"', 3),
        ("impartial", "impartial", '"', 1),
        ("We police hundreds", "out their duties.", '"', 1),
    ],
    "002_cdf7464e25ee2565.txt": [
        ("Save Our Children!", "Save Our Children!", "'", 1),
        ("Save Our Children!", "Save Our Children!", "“", 1),
        ("not advisable", "not advisable", "“", 1),
        ("We always encourage", "friendly with the public.", "“", 3),
        ("However, in the context", "pose for the photograph.", "“", 3),
        ("No action will be taken", "to positively engage.", "“", 3),
        ("I’m just wondering", "officers were thinking.", "“", 1),
        ("Totally lost the plot", "Totally lost the plot", "“", 1),
        ("two-tier policing", "two-tier policing", "“", 1),
        ("Your officers could use", "the highest standard.", "“", 1),
    ],
    "003_eba226ccbf0c3a69.txt": [
        ("Zionists are terrorists", "Zionists are terrorists", "“", 1),
        ("coconuts.", "coconuts.", "“", 1),
        ("hate marches", "hate marches", "“", 1),
        ("growing number of cases", "growing number of cases", "“", 1),
        ("intimidatory and bullish", "intimidatory and bullish", "“", 1),
        ("combating hate crimes", "public order offences.", "“", 1),
        ("The police are behaving", "politicised and compromised.", "“", 2),
        ("Most egregiously", "suggest it exists.", "“", 2),
    ],
    "004_961e35140105b784.txt": [
        ("disturbing", "disturbing", "“", 1),
        ("ignored that Israeli police", "of Palestinian land.", "“", 1),
        ("It is really shocking", "streets of Hackney.", "“", 1),
        ("We should be free", "friends in Palestine,", "“", 1),
        ("utter disregard", "citizens in the borough,", "“", 1),
        ("Their already dire record", "of their homes.", "“", 2),
        ("Many residents of the borough", "happen again.", "“", 2),
        ("examples of good work", "how the Met works.", "“", 1),
        ("The Met regularly host", "with local people,", "“", 1),
        ("The police confirmed", "Barnet and Hackney,", "“", 1),
        ("In Hackney, we will", "between communities.", "“", 1),
    ],
}

# Nested (depth 1) spans written down from the seeds: inside quotes and embedded posts.
SEED_NESTED = {
    "000_eded39321e4ca841.txt": ["free Palestine", "impartiality", "Free Palestine",
                                 ("Metropolitan female Police officer under investigation for "
                                 "chanting ‘Free Palestine")],
    "001_c4e80c1812b6c467.txt": [],
    "002_cdf7464e25ee2565.txt": [],
    "003_eba226ccbf0c3a69.txt": ["potential"],
    "004_961e35140105b784.txt": [],
}


@pytest.mark.parametrize("name", sorted(SEED_SPANS))
def test_every_seed_quote_has_its_exact_span(name):
    text, paras = _seed(name)
    spans = find_quote_spans(text, paras)
    embeds = {p.index for p in paras if p.kind == "embed"}
    # top-level spans of quotation marks (embedded posts are checked separately)
    top = [s for s in spans if s.depth == 0 and (s.open_mark or s.paragraphs[0] not in embeds
                                                 or len(s.paragraphs) > 1)]
    expected = SEED_SPANS[name]
    got = [text[s.content_start : s.content_end] for s in top]
    assert len(got) == len(expected), got
    for span, content, (first, last, mark, n_paras) in zip(top, got, expected):
        assert content.startswith(first) and content.endswith(last), content
        assert span.open_mark == mark
        assert len(span.paragraphs) == n_paras
        if mark:  # the marks sit right outside the content
            assert text[span.start] == mark and span.content_start == span.start + 1
    nested = [text[s.content_start : s.content_end] for s in spans if s.depth == 1]
    assert nested == SEED_NESTED[name]


@pytest.mark.parametrize("name", sorted(SEED_SPANS))
def test_seed_embeds_are_masked_and_mask_never_overlaps(name):
    text, paras = _seed(name)
    spans = find_quote_spans(text, paras)
    for p in paras:
        if p.kind == "embed":
            assert any(s.start == p.start and s.end == p.end and s.depth == 0 for s in spans)
    top = [s for s in spans if s.depth == 0]
    assert all(a.end <= b.start for a, b in itertools.pairwise(top))
    # no span crosses the text between paragraphs
    for s in top:
        para_ends = [p.end for p in paras if p.start <= s.content_start < p.end + 1]
        assert para_ends and s.content_end <= para_ends[0]


_SPAN_ALPHABET = ["'", "’", "‘", '"', "“", "”", "„", "''", "a", "s", "n", "1", " ", "\n", ".",
                  ",", "—", "(", ")", "é", "_", "!", "…", "-"]


def _plain_closing_candidates(text: str) -> int:
    # The definition: the last ' or ’ with no space before it, no letter or digit after
    # it, and a space, closing punctuation, a quote mark or the end after it.
    last = -1
    for i, ch in enumerate(text):
        if ch not in "'’":
            continue
        prev = text[i - 1] if i > 0 else ""
        nxt = text[i + 1] if i + 1 < len(text) else ""
        closes = nxt == "" or nxt.isspace() or nxt in ".,;:!?)]}…—–-" or nxt in "\"”’'"
        if prev != "" and not prev.isspace() and not nxt.isalnum() and closes:
            last = i
    return last


def test_closing_candidates_follow_the_definition() -> None:
    import random

    from framing.quotespans import _closing_candidates

    rng = random.Random(5)
    texts = ["officers' duties", "the 'fine' line", "it's", "'", "x'", "x’.", " ' "]
    texts += ["".join(rng.choice(_SPAN_ALPHABET) for _ in range(rng.randint(0, 14)))
              for _ in range(4000)]
    for text in texts:
        assert _closing_candidates(text) == _plain_closing_candidates(text), text
    assert _closing_candidates("the 'fine' line") == 9  # by hand: the mark after "fine"
