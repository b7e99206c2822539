"""Tests for framing.clean: boilerplate removal, metadata lines, embeds, bad input, rules.

The seed check compares the cleaner, line by line, with ``tests/data/seed_lines.tsv``, a
table written by reading each seed (every non-blank line is labelled keep + paragraph kind
or remove + reason) before the cleaner was run on it.
"""

from __future__ import annotations

import csv
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.clean import Cleaned, clean, load_rules
from framing.document import PARAGRAPH_KINDS
from framing.errors import InputError, LexiconError

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
TABLE = Path(__file__).parent / "data" / "seed_lines.tsv"


def _table() -> dict[str, dict[int, tuple[str, str]]]:
    rows: dict[str, dict[int, tuple[str, str]]] = {}
    with TABLE.open(encoding="utf-8") as handle:
        data = (line for line in handle if not line.startswith("#"))
        for row in csv.DictReader(data, delimiter="\t"):
            rows.setdefault(row["file"], {})[int(row["line"])] = (row["decision"], row["label"])
    return rows


def _line_no(source: str, offset: int) -> int:
    return source.count("\n", 0, offset) + 1


def _by_line(cleaned: Cleaned) -> tuple[dict[int, list], dict[int, list]]:
    kept: dict[int, list] = {}
    removed: dict[int, list] = {}
    for line in cleaned.lines:
        kept.setdefault(_line_no(cleaned.source, line.start), []).append(line)
    for item in cleaned.removed:
        removed.setdefault(_line_no(cleaned.source, item.start), []).append(item)
    return kept, removed


TABLE_ROWS = _table()


def test_table_covers_every_non_blank_seed_line() -> None:
    assert sorted(TABLE_ROWS) == sorted(p.name for p in SEEDS.glob("*.txt"))
    for name, rows in TABLE_ROWS.items():
        lines = (SEEDS / name).read_text(encoding="utf-8").split("\n")
        non_blank = {i for i, text in enumerate(lines, start=1) if text.strip()}
        assert set(rows) == non_blank, name


@pytest.mark.parametrize("name", sorted(TABLE_ROWS))
def test_seed_lines_match_hand_labels(name: str) -> None:
    text = (SEEDS / name).read_text(encoding="utf-8")
    cleaned = clean(text)
    kept, removed = _by_line(cleaned)
    for number, (decision, label) in sorted(TABLE_ROWS[name].items()):
        where = f"{name} line {number}"
        if decision == "keep":
            assert len(kept.get(number, [])) == 1, f"{where}: content line lost"
            assert kept[number][0].kind == label, where
            # the only removal allowed on a kept line is a metadata prefix before it
            for item in removed.get(number, []):
                assert item.rule == "leading_iso_date" and item.end <= kept[number][0].start
        else:
            assert number not in kept, f"{where}: boilerplate kept"
            reasons = [item.reason for item in removed.get(number, [])]
            assert reasons == [label], f"{where}: {reasons}"


@pytest.mark.parametrize("name", sorted(TABLE_ROWS))
def test_offsets_index_the_input(name: str) -> None:
    text = (SEEDS / name).read_text(encoding="utf-8")
    cleaned = clean(text)
    assert cleaned.source == text
    for line in cleaned.lines:
        piece = text[line.start:line.end]
        assert piece == piece.strip() and piece and "\n" not in piece
    for item in cleaned.removed:
        assert text[item.start:item.end] == item.line


def test_seed_001_leading_date_line_is_date_plus_headline() -> None:
    text = (SEEDS / "001_c4e80c1812b6c467.txt").read_text(encoding="utf-8")
    cleaned = clean(text)
    headline = cleaned.lines[0]
    # " date 2021-05-18 " is 1 + 4 + 1 + 10 + 1 = 17 characters before the headline
    assert (headline.start, headline.kind) == (17, "headline")
    title = 'Police officer under investigation after being filmed chanting "Free Palestine" at protest'
    assert text[headline.start:headline.end] == title
    assert cleaned.metadata["date"] == "2021-05-18"
    assert cleaned.metadata["title"] == title
    assert cleaned.removed[0].line == "date 2021-05-18"


def test_seed_002_byline_and_timestamps_go_to_metadata() -> None:
    cleaned = clean((SEEDS / "002_cdf7464e25ee2565.txt").read_text(encoding="utf-8"))
    meta = dict(cleaned.metadata)
    # "By Holly Bishop", "Published: 13/11/2023" (day first) + "- 07:34",
    # "Updated: 13/11/2023" + "- 09:08"
    assert meta["author"] == "Holly Bishop"
    assert meta["date"] == "2023-11-13" and meta["time"] == "07:34"
    assert meta["updated"] == "2023-11-13" and meta["updated_time"] == "09:08"
    assert meta["title"].startswith("Palestine protest apology issued by Met Police")


def test_seed_000_has_no_headline_and_names_its_outlet() -> None:
    text = (SEEDS / "000_eded39321e4ca841.txt").read_text(encoding="utf-8")
    cleaned = clean(text)
    # line 1 is a 30-word lede ending with a full stop: body, not a headline
    assert cleaned.lines[0].kind == "body"
    assert "title" not in cleaned.metadata
    # "MailOnline has asked whether the officer has been suspended" (line 6)
    assert cleaned.metadata["outlet"] == "MailOnline"


def test_seed_003_and_004_carry_no_author_or_date() -> None:
    for name in ("003_eba226ccbf0c3a69.txt", "004_961e35140105b784.txt"):
        meta = clean((SEEDS / name).read_text(encoding="utf-8")).metadata
        # "Editorial credit: Richard Maidment" is a photo credit, not a byline
        assert "author" not in meta and "date" not in meta, name


# ----------------------------------------------------------------- generic behaviour


def test_embedded_post_text_and_attribution() -> None:
    text = "Body line one.\nThe march is huge today #Gaza\n— Jo Bloggs (@jobloggs) May 18, 2021\nBody line two."
    cleaned = clean(text)
    kinds = [line.kind for line in cleaned.lines]
    assert kinds == ["body", "embed", "embed_attribution", "body"]


def test_duplicate_line_without_credit_keeps_first_copy() -> None:
    text = "Officers were seen at the rally.\nOfficers were seen at the rally.\nMore text here."
    cleaned = clean(text)
    assert len(cleaned.lines) == 2
    assert [(r.reason, r.start) for r in cleaned.removed] == [("duplicated line", 33)]


def test_caption_pair_above_credit_goes() -> None:
    text = "Body.\nA crowd on the bridge\nA crowd on the bridge\nGetty Images\nMore body."
    cleaned = clean(text)
    assert [r.reason for r in cleaned.removed] == ["photo caption", "photo caption", "photo credit"]
    assert [cleaned.text_of(line) for line in cleaned.lines] == ["Body.", "More body."]


@pytest.mark.parametrize("line", [
    "By the time police arrived, the crowd had gone.",
    "Updated guidance was issued on 13 May 2021.",
    "Read more about the case in the court papers, he said.",
    "Subscribers were told the paper would close.",
    "Reuters reported that 300 people attended.",
    "The officer said: 'Sign up for the march'.",
    "Twitter users shared the clip thousands of times.",
])
def test_content_lines_that_resemble_boilerplate_stay(line: str) -> None:
    cleaned = clean(f"First paragraph of the story.\n{line}\nLast paragraph.")
    assert cleaned.removed == ()
    assert len(cleaned.lines) == 3


@pytest.mark.parametrize("line,reason", [
    ("Skip to content", "navigation"),
    ("READ MORE: Something else entirely", "related links"),
    ("Watch now: the video", "related links"),
    ("You might also like", "related links"),
    ("Next article", "article navigation"),
    ("https://example.com/a https://example.com/b", "link only"),
    ("AFP via Getty Images", "photo credit"),
    ("Getty Images/iStockphoto", "photo credit"),
    ("Editorial credit: Jo Bloggs / Shutterstock.com", "photo caption"),
    ("Donate now", "donation"),
    ("Subscribe to our daily newsletter", "newsletter"),
    ("Facebook", "social sharing"),
])
def test_boilerplate_lines_go(line: str, reason: str) -> None:
    cleaned = clean(f"First paragraph of the story.\n{line}\nLast paragraph.")
    assert [(r.line, r.reason) for r in cleaned.removed] == [(line, reason)]


def test_byline_with_role_and_published_with_time() -> None:
    text = ("Headline about the protest today\nBy Jo Bloggs, Home Affairs Correspondent\n"
            "Published: 05/06/2021 - 10:15\nBody text.")
    meta = clean(text).metadata
    # 05/06/2021 read day first: 5 June 2021
    assert (meta["author"], meta["date"], meta["time"]) == ("Jo Bloggs", "2021-06-05", "10:15")


def test_unparseable_published_line_is_kept() -> None:
    cleaned = clean("Headline about the protest today\nPublished: 31/02/2023\nBody.")
    # 31 February does not exist: no date is read, the line is not taken as a date line
    assert "date" not in cleaned.metadata
    assert len(cleaned.lines) == 3


# ----------------------------------------------------------------- bad input


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t \n"])
def test_empty_input(text: str) -> None:
    cleaned = clean(text)
    assert cleaned.lines == () and cleaned.flags == ("empty",)


def test_binary_input_is_flagged() -> None:
    text = "PNG\x00\x00\x00\rIHDR\x00\x00\x01\x00" * 50
    cleaned = clean(text)
    assert cleaned.flags == ("binary",) and cleaned.lines == ()


def test_replacement_characters_count_as_binary() -> None:
    assert clean("\ufffd\ufffd\x07\ufffd" * 100).flags == ("binary",)


def test_all_boilerplate_is_flagged() -> None:
    cleaned = clean("Skip to main content\nDonate today\n")
    assert cleaned.lines == () and "no_content_lines" in cleaned.flags
    assert len(cleaned.removed) == 2


def test_non_str_raises() -> None:
    with pytest.raises(InputError, match="text"):
        clean(b"bytes")  # type: ignore[arg-type]


def test_html_given_as_text() -> None:
    html = ("<html><head><title>Site</title><style>p {color: red}</style></head><body>"
            "<h1>Officers apologise after photo at rally</h1><p>By Jo Bloggs</p>"
            "<p>The Met said it was <b>not advisable</b>.</p>"
            "<script>var s = 'READ MORE: x';</script><!-- a comment --></body></html>")
    cleaned = clean(html)
    assert "html_input" in cleaned.flags
    assert len(cleaned.source) == len(html)
    texts = [(cleaned.text_of(line), line.kind) for line in cleaned.lines]
    # <head> (title, style) is blanked; <b> and </b> become 3 and 4 spaces
    assert texts == [("Officers apologise after photo at rally", "headline"),
                     ("The Met said it was" + " " * 4 + "not advisable" + " " * 4 + ".", "body")]
    assert cleaned.metadata["author"] == "Jo Bloggs"
    # offsets index the input: the words sit at the same place in the HTML
    line = cleaned.lines[1]
    assert html[line.start:line.start + 19] == "The Met said it was"


def test_ten_megabyte_article() -> None:
    paragraph = ("Police said the march was largely peaceful and 12 people were arrested "
                 "on suspicion of public order offences. ") * 4
    text = "Headline for a very long article\n\n" + (paragraph + "\n\n") * 23_000
    assert len(text) > 10_000_000
    cleaned = clean(text)
    # one headline and 23,000 identical-looking but separated paragraphs:
    # paragraphs are repeated, so the duplicate rule removes every second copy that
    # directly follows an equal one (lines 1-2, 3-4 ... pair up)
    assert cleaned.lines[0].kind == "headline"
    assert len(cleaned.lines) == 1 + 11_500
    assert {r.reason for r in cleaned.removed} == {"duplicated line"}


def test_ten_megabyte_single_line() -> None:
    text = "word " * 2_100_000
    cleaned = clean(text)
    assert len(cleaned.lines) == 1 and cleaned.lines[0].end == len(text) - 1


# ----------------------------------------------------------------- rule files


def test_default_rules_load_and_are_cached() -> None:
    rules = load_rules()
    assert rules is load_rules()
    assert rules.version == "1.0.0"
    assert {r.name for r in rules.structural} == {
        "byline_name_repeat", "duplicate_caption", "embed_text", "first_line_headline"}


def test_user_rules_extend_replace_and_disable(tmp_path: Path) -> None:
    path = tmp_path / "extra.toml"
    path.write_text(
        "[[rule]]\nname = 'sponsored'\nreason = 'advertising'\naction = 'remove'\n"
        "lines = ['Sponsored content']\n\n"
        "[[rule]]\nname = 'skip_links'\nreason = 'navigation'\naction = 'remove'\n"
        "enabled = false\nlines = ['x']\n",
        encoding="utf-8",
    )
    rules = load_rules(path)
    text = "Skip to main content\nSponsored content\nBody of the article."
    cleaned = clean(text, rules)
    assert [(r.line, r.reason) for r in cleaned.removed] == [("Sponsored content", "advertising")]
    assert cleaned.text_of(cleaned.lines[0]) == "Skip to main content"
    only = load_rules(path, replace=True)
    assert [r.name for r in only.rules] == ["sponsored"]


@pytest.mark.parametrize("body,field", [
    ("[[rule]]\nname = 'a'\nreason = 'r'\naction = 'remove'\npattern = '('\n", "pattern"),
    ("[[rule]]\nname = 'a'\nreason = 'r'\naction = 'delete'\nlines = ['x']\n", "action"),
    ("[[rule]]\nname = 'a'\nreason = 'r'\naction = 'remove'\nlines = ['x']\ncolour = 1\n", "colour"),
    ("[[rule]]\nname = 'a'\naction = 'remove'\nlines = ['x']\n", "reason"),
    ("[[rule]]\nname = 'a'\nreason = 'r'\naction = 'remove'\n", "pattern"),
    ("[[rule]]\nname = 'a'\nreason = 'r'\naction = 'remove'\nlines = ['x']\nmax_length = 'long'\n",
     "max_length"),
    ("[[rule]]\nname = 'a'\nreason = 'r'\naction = 'embed'\nfunction = 'duplicate_caption'\n",
     "action"),
])
def test_malformed_rule_file_names_file_rule_and_field(tmp_path: Path, body: str,
                                                       field: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(LexiconError) as info:
        load_rules(path)
    message = str(info.value)
    assert "bad.toml" in message and "rule 1" in message and repr(field) in message


def test_invalid_toml_names_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text("[[rule]]\nname = = 'a'\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"broken\.toml.*line 2"):
        load_rules(path)


def test_missing_rule_file(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="nope.toml"):
        load_rules(tmp_path / "nope.toml")


def test_invisible_characters_at_line_edges() -> None:
    text = "\ufeffdate 2021-05-18 Headline about the protest today\n\u200b\nBody text here."
    cleaned = clean(text)
    # the BOM is skipped, the zero-width-space line is blank
    assert cleaned.metadata["date"] == "2021-05-18"
    assert [line.kind for line in cleaned.lines] == ["headline", "body"]


_PIECES = st.sampled_from([
    "\n", "\n\n", " ", "By Jo Bloggs", "Published: 13/11/2023", "- 07:34", "Reuters",
    "READ MORE: x", "— Jo (@jo) May 18, 2021", "date 2021-05-18 ", "<p>", "</p>",
    "<script>", "\ufeff", "\u200b", "\x00", "Police said.", "Caption line", "https://t.co/x",
])


@settings(max_examples=80, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=12)), max_size=40).map("".join))
def test_clean_offsets_are_consistent(text: str) -> None:
    cleaned = clean(text)
    assert len(cleaned.source) == len(text)
    spans = sorted([(line.start, line.end) for line in cleaned.lines]
                   + [(r.start, r.end) for r in cleaned.removed])
    for (start, end), (next_start, _) in pairwise(spans):
        assert 0 <= start < end <= next_start  # non-empty, in order, never overlapping
    for line in cleaned.lines:
        assert line.kind in PARAGRAPH_KINDS
        assert "\n" not in cleaned.source[line.start:line.end]
    for removed in cleaned.removed:
        assert cleaned.source[removed.start:removed.end] == removed.line
    assert cleaned == clean(text)  # deterministic


def test_one_line_text_has_no_headline() -> None:
    # a single sentence without a full stop (as in sentence-level benchmarks) stays body
    cleaned = clean("Police said the march was largely peaceful")
    assert [line.kind for line in cleaned.lines] == ["body"]
    assert "title" not in cleaned.metadata


def test_line_norm_follows_the_line_text() -> None:
    # The normalised form (whitespace collapsed, case-folded, by definition of _norm) is
    # computed once per text and again when a rule shortens the line.
    from framing.clean import _Slot

    slot = _Slot(0, 0, 12, "Read  MORE:\tx")
    assert slot.norm == "read more: x"
    slot.text = "STRASSE  x"
    assert slot.norm == "strasse x"


# --------------------------------------------------------------------------- fast paths

def _binary_reference(text: str) -> bool:
    from framing.clean import _BINARY_CHAR_RE

    sample = text[:8192]
    return "\x00" in sample or len(_BINARY_CHAR_RE.findall(sample)) > 0.3 * len(sample)


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=st.one_of(st.sampled_from(list("\x01\x08\t\n\x0e\x1f\x7f\x80\x9f\xa0"
                                                       "\ufffd\ud800a é")),
                                  st.characters()), max_size=40))
def test_binary_bound_and_decision(text: str) -> None:
    from framing.clean import _BINARY_CHAR_RE, _binary_bound, looks_binary

    assert _binary_bound(text) >= len(_BINARY_CHAR_RE.findall(text))
    assert looks_binary(text) is _binary_reference(text)


def test_binary_decision_near_the_threshold() -> None:
    from framing.clean import looks_binary

    for bad in ["\x01", "\x7f", "\x85", "\ufffd"]:
        for good in ["a", "\xe9", "\u2019", "\ud800", "\U0001f600"]:
            for n_bad in range(8):
                text = bad * n_bad + good * (10 - n_bad)
                assert looks_binary(text) is _binary_reference(text), (bad, good, n_bad)
    long = "x" * 9000 + "\x01" * 9000  # only the first 8,192 characters count
    assert looks_binary(long) is _binary_reference(long) is False


_LINE_TEXT = st.text(
    alphabet=st.sampled_from(list("ab \t\n\r\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x1f\x85\ufeff"
                                  "\u200b\u2060\xa0\u3000\xe9\u2019")),
    max_size=30,
)


def _slots(slots: list) -> list[tuple[int, int, int, str]]:
    return [(s.ordinal, s.start, s.end, s.text) for s in slots]


@settings(max_examples=1000, deadline=None)
@given(_LINE_TEXT)
def test_split_by_splitlines_equals_the_line_regex(text: str) -> None:
    from framing.clean import _split, _split_by_regex

    assert _slots(_split(text)) == _slots(_split_by_regex(text))


def test_split_by_hand() -> None:
    from framing.clean import _split, _split_by_regex

    for text in ["a\r\nb", "\ufeff a \u200b\n\n b\u2029c\rd", "a\x85b\nc", "a\x0bb", " \x1c ",
                 "x\u2028", "\n\n\n", "a\r\r\nb\n"]:
        assert _slots(_split(text)) == _slots(_split_by_regex(text)), repr(text)
    # \x85, \v, \f and \x1c-\x1e do not break a line (str.splitlines would):
    assert [s.text for s in _split("a\x85b\x0bc\nd")] == ["a\x85b\x0bc", "d"]
