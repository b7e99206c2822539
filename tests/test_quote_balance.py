"""Quote balance (framing.quote_balance): counts, shares, entropy and verb classes.

Expected values are computed by hand from the definitions in the module docstring.
"""

from __future__ import annotations

import math

import pytest

from framing.document import Document, Paragraph, Sentence, Token
from framing.quote_balance import QUOTE_KEYS, score_quotes
from framing.quotes import ROLES, Quote


def _doc(quotes: tuple[Quote, ...], text: str = "one two three four") -> Document:
    tokens = tuple(Token(w, i * 4, i * 4 + len(w), "word") for i, w in enumerate(text.split()))
    sentence = Sentence(0, 0, len(text), text, 0, tokens)
    return Document(source=text, text=text, paragraphs=(Paragraph(0, 0, len(text), text),),
                    sentences=(sentence,), quotes=quotes)


def _q(kind: str, role: str, words: int, speaker: str | None = "X", cue: str = "said",
       cls: str = "neutral", start: int = 0) -> Quote:
    text = " ".join(["w"] * words)
    return Quote(text=text, speaker=speaker, role=role, kind=kind, cue=cue, start=start,
                 end=start + len(text), cue_class=cls)


def test_counts_shares_and_balance():
    quotes = (
        _q("direct", "police", 30, "Met", start=0),
        _q("direct", "public", 10, "Jane", cue="claimed", cls="doubt", start=100),
        _q("partial", "police", 2, "Met", start=200),
        _q("indirect", "politician", 8, "MP", cue="slammed", cls="attack", start=300),
        _q("embed", "public", 5, "@user", cue="", cls="", start=400),
    )
    s = score_quotes(_doc(quotes))
    assert (s.quotes_direct, s.quotes_partial, s.quotes_indirect, s.quotes_embed) == (2, 1, 1, 1)
    assert s.quote_sources == 4  # Met, Jane, MP, @user
    assert s.quote_words_direct == 40
    assert s.share("police") == pytest.approx(30 / 40)
    assert s.share("public") == pytest.approx(10 / 40)
    assert s.share("expert") == 0.0
    # H = -(0.75 ln 0.75 + 0.25 ln 0.25) = 0.5623; / ln 7 = 0.2890
    expected = -(0.75 * math.log(0.75) + 0.25 * math.log(0.25)) / math.log(7)
    assert s.quote_balance == pytest.approx(expected)
    assert round(expected, 3) == 0.289
    assert (s.quote_first_role, s.quote_last_role) == ("police", "public")
    # cues with a class: said (neutral), claimed (doubt), said (neutral), slammed (attack)
    assert s.attribution_loaded_share == pytest.approx(2 / 4)
    table = s.verb_table()
    assert set(table) == set(ROLES)
    assert table["police"] == {"say": 2} and table["public"] == {"claim": 1}
    assert table["politician"] == {"slam": 1}


def test_even_spread_over_all_roles_is_one_and_single_role_is_zero():
    even = tuple(_q("direct", role, 10, role, start=i * 50) for i, role in enumerate(ROLES))
    assert score_quotes(_doc(even)).quote_balance == pytest.approx(1.0)
    single = (_q("direct", "police", 10), _q("direct", "police", 5, start=60))
    assert score_quotes(_doc(single)).quote_balance == 0.0


def test_no_direct_quotes_gives_nan_not_zero():
    s = score_quotes(_doc((_q("indirect", "police", 5),)))
    d = s.as_dict()
    assert math.isnan(d["quote_balance"]) and math.isnan(d["quote_share_police"])
    assert math.isnan(d["quote_first_role"]) and "no_direct_quotes" in s.flags
    empty = score_quotes(_doc(()))
    assert math.isnan(empty.attribution_loaded_share) and "no_quotes" in empty.flags
    assert list(d) == list(QUOTE_KEYS)


def test_quoted_word_share_uses_the_mask():
    from framing.document import QuoteSpan

    text = "he said we are here"
    tokens = tuple(Token(w, text.index(w), text.index(w) + len(w), "word") for w in text.split())
    doc = Document(
        source=text, text=text, paragraphs=(Paragraph(0, 0, len(text), text),),
        sentences=(Sentence(0, 0, len(text), text, 0, tokens),),
        quote_spans=(QuoteSpan(7, 19, 8, 19, '"', "", False, 0, (0,)),),
    )
    # quoted tokens: "we", "are", "here" = 3 of 5
    assert score_quotes(doc).quoted_word_share == pytest.approx(3 / 5)
    assert math.isnan(score_quotes(Document(source="", text="")).quoted_word_share)


def test_seed_004_direct_quotes_from_three_roles():
    from pathlib import Path

    from framing.parsing import parse

    text = (Path(__file__).parent.parent / "seeds" / "004_961e35140105b784.txt").read_text(
        encoding="utf-8")
    s = score_quotes(parse(text))
    # Direct quotes read from the seed: Akram Sahleb (said), the letter (reads), Mr Salhab
    # (wrote, two paragraphs): public; the Met statement (adds): police; Susan
    # Fajana-Thomas (said, two paragraphs): government.
    assert s.quotes_direct == 5
    assert {r for r, v in s.role_shares if v > 0} == {"public", "police", "government"}
    assert (s.quote_first_role, s.quote_last_role) == ("public", "government")
    assert s.attribution_loaded_share == 0.0  # said, reads, describes, wrote, adds ...
    assert 0 < s.quote_balance < math.log(3) / math.log(7) + 1e-9


def test_registry_changes_roles(tmp_path):
    from framing.parsing import parse

    doc = parse("Headline\n\nJane Doe, a local resident, said: 'We are worried here.'")
    assert score_quotes(doc).share("public") == 1.0
    s = score_quotes(doc, registry={"Jane Doe": "expert"})
    assert s.share("expert") == 1.0 and s.share("public") == 0.0


def test_single_role_balance_is_positive_zero():
    # one role: H = -(1 * ln 1) = -0.0 in floating point; the record must say 0.0, not -0.0
    import math

    from framing.quote_balance import _normalised_entropy

    value = _normalised_entropy({"police": 120})
    assert value == 0.0 and math.copysign(1.0, value) == 1.0


def _same(a: dict, b: dict) -> bool:
    return all(a[k] == b[k] or (isinstance(a[k], float) and math.isnan(a[k])
                                and isinstance(b[k], float) and math.isnan(b[k])) for k in a)


def test_registry_without_reattribution_matches_reattribution():
    """A Document parsed with the registry scores the same without attributing again
    (what framing.score does), on every seed; a Document parsed without attribution is
    attributed with the registry either way."""
    from pathlib import Path

    import framing

    registry = {"Metropolitan Police": "police", "Diane Abbott": "politician",
                "Scotland Yard": "government"}  # Scotland Yard's role changed on purpose
    seeds = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))
    changed = False
    for path in seeds:
        text = path.read_text(encoding="utf-8")
        plain = framing.parse(text)
        with_registry = framing.parse(text, registry=registry)
        light = framing.parse(text, attribute=False)
        expected = score_quotes(plain, registry=registry).as_dict()
        assert _same(score_quotes(with_registry, registry=registry,
                                  reattribute=False).as_dict(), expected), path.name
        assert _same(score_quotes(light, registry=registry, reattribute=False).as_dict(),
                     expected), path.name
        changed = changed or not _same(score_quotes(plain).as_dict(), expected)
        if path.name.startswith("000"):
            assert _same(framing.score(text, registry=registry).quotes.as_dict(), expected)
    assert changed  # the registry moves some seed's figures, so the checks can fail
