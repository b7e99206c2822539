"""Tests for framing.lexicon: the lexicon as versioned, hashed data and the matcher parts."""

from __future__ import annotations

import re

import pytest

from framing.errors import LexiconError
from framing.lexicon import (
    CATEGORIES,
    Entry,
    content_hash,
    inflections,
    load_lexicon,
    word_tokens,
)


def test_builtin_size_categories_and_fields() -> None:
    lex = load_lexicon()
    assert len(lex) >= 600
    counts = lex.counts()
    for cat in CATEGORIES:
        assert counts[cat] >= 10, cat  # every category is populated
    for e in lex.entries:
        assert 1 <= e.weight <= 3
        assert e.source, e.term
        assert e.match in ("inflect", "exact")
    assert lex.name == "framing-loaded"
    assert lex.version


def test_required_examples_present() -> None:
    terms = {e.term.lower(): e.category for e in load_lexicon().entries}
    # Examples named in the specification of each category.
    assert terms["sparked outrage"] == "emotive"
    assert terms["slammed"] == "sensational"
    assert terms["hijacked"] == "sensational"
    assert terms["mayhem"] == "conflict"
    assert terms["brutal crackdown"] == "conflict"
    assert terms["zealots"] == "delegitimising"
    assert terms["hate marches"] == "delegitimising"
    assert terms["two-tier policing"] == "partisan"
    assert terms["woke"] == "partisan"
    for contested in ("genocide", "occupation", "terrorist"):
        assert terms[contested] == "contested"


def test_hash_is_sha256_of_canonical_entries() -> None:
    lex = load_lexicon()
    assert re.fullmatch(r"[0-9a-f]{64}", lex.sha256)
    assert lex.sha256 == content_hash(lex.entries)
    # Order does not matter, content does.
    assert content_hash(reversed(lex.entries)) == lex.sha256
    changed = list(lex.entries)
    changed[0] = Entry(changed[0].term, changed[0].category, changed[0].weight % 3 + 1,
                       changed[0].note, changed[0].source, changed[0].match)
    assert content_hash(changed) != lex.sha256


def test_inflections_cover_inflection_not_derivation() -> None:
    assert {"slam", "slams", "slammed", "slamming"} <= inflections("slammed")
    assert {"outrage", "outrages", "outraged", "outraging"} <= inflections("outrage")
    assert {"clash", "clashes", "clashed", "clashing"} <= inflections("clashes")
    assert {"bully", "bullies", "bullied", "bullying"} <= inflections("bullied")
    assert "socialism" not in inflections("social")
    assert "highly" not in inflections("high")
    assert "hugging" not in inflections("huge")
    assert "severely" not in inflections("several")


def test_word_tokens_offsets_possessive_and_hyphens() -> None:
    text = "The mob's heavy-handed rampage"
    toks = word_tokens(text, offset=10)
    assert [t.norm for t in toks] == ["the", "mob", "heavy", "handed", "rampage"]
    mob = toks[1]
    assert text[mob.start - 10 : mob.end - 10] == "mob"  # possessive 's left out
    assert (toks[2].joined_before, toks[2].joined_after) == (False, True)
    assert (toks[3].joined_before, toks[3].joined_after) == (True, False)
    assert toks[4].joined_before is False


def _write(tmp_path, name: str, text: str):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_user_csv_extends_and_redefines(tmp_path) -> None:
    p = _write(tmp_path, "mine.csv",
               "# name: mine\n# version: 2\nterm,category,weight,note,source\n"
               "placard wavers,delegitimising,2,,me\nslammed,sensational,1,milder,me\n")
    base = load_lexicon()
    lex = load_lexicon(p)
    assert lex.name == "framing-loaded+mine"
    assert lex.version == f"{base.version}+2"
    assert len(lex) == len(base) + 1  # one new term, one redefined
    by_term = {e.term: e for e in lex.entries}
    assert by_term["slammed"].weight == 1 and by_term["slammed"].note == "milder"
    assert lex.sha256 != base.sha256


def test_user_toml_replaces(tmp_path) -> None:
    p = _write(tmp_path, "only.toml",
               'name = "tiny"\nversion = "0.1"\nsource = "test"\n\n'
               '[[entry]]\nterm = "jackals"\ncategory = "delegitimising"\nweight = 3\n\n'
               '[[entry]]\nterm = "fizzled"\ncategory = "custom_cat"\nweight = 1\nmatch = "exact"\n')
    lex = load_lexicon(p, replace=True)
    assert (lex.name, lex.version, len(lex)) == ("tiny", "0.1", 2)
    assert lex.entries[0].source == "test"  # file-level default
    assert "custom_cat" in lex.categories  # extra categories are reported too
    assert lex.counts()["custom_cat"] == 1


@pytest.mark.parametrize(
    ("name", "text", "line", "field"),
    [
        ("w.csv", "term,category,weight\nfury,emotive,2\nrage,emotive,5\n", 3, "weight"),
        ("c.csv", "term,category,weight\nfury,Emotive Words,2\n", 2, "category"),
        ("t.csv", "term,category,weight\n ,emotive,2\n", 2, "term"),
        ("u.csv", "term,category,colour\nfury,emotive,red\n", 1, "colour"),
        ("m.csv", "term,category,weight,match\nfury,emotive,2,fuzzy\n", 2, "match"),
        ("w.toml", ('[[entry]]\nterm = "a"\ncategory = "emotive"\n\n'
                    '[[entry]]\nterm = "b"\ncategory = "emotive"\nweight = "high"\n'), 5, "weight"),
        ("s.toml", '[[entry]]\nterm = "a"\ncategory = \n', 3, "(syntax)"),
    ],
)
def test_malformed_files_name_file_line_field(tmp_path, name, text, line, field) -> None:
    p = _write(tmp_path, name, text)
    with pytest.raises(LexiconError) as exc:
        load_lexicon(p)
    msg = str(exc.value)
    assert name in msg
    assert f"line {line}" in msg
    assert repr(field) in msg


def test_missing_and_wrong_extension(tmp_path) -> None:
    with pytest.raises(LexiconError, match="nope.csv"):
        load_lexicon(tmp_path / "nope.csv")
    p = _write(tmp_path, "lex.txt", "fury\n")
    with pytest.raises(LexiconError, match=r"\.toml or \.csv"):
        load_lexicon(p)
    with pytest.raises(KeyError):  # LexiconError is also a KeyError
        load_lexicon(tmp_path / "nope.csv")
