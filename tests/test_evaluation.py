"""Unit tests of framing.evaluation with small hand-made cases (counts done by hand)."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass

import pytest

from framing.errors import InputError
from framing.evaluation import (
    GoldQuote,
    load_gold,
    match_quotes,
    normalise_name,
    prf,
    span_tokens,
    speaker_matches,
    summarise,
    token_overlap,
    word_spans,
)


@dataclass(frozen=True)
class Pred:
    """A stand-in for framing.Quote with the fields the matcher reads."""

    start: int
    end: int
    speaker: str | None = None
    role: str = "other"
    kind: str = "direct"
    segments: tuple[tuple[int, int], ...] = ()
    speaker_mention: str = ""
    speaker_start: int = -1
    speaker_end: int = -1


def _span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def _gold(
    text: str, kind: str, speaker: str | None, role: str | None, *parts: str, **kw
) -> GoldQuote:
    segments = tuple(_span(text, p) for p in parts)
    return GoldQuote(kind, speaker, role, " ".join(parts), segments, **kw)


# --- tokens and overlap -------------------------------------------------------------------


def test_word_spans_skip_punctuation_and_marks():
    # "'Hi,' she said." -> words Hi, she, said at offsets counted by hand.
    assert word_spans("'Hi,' she said.") == ((1, 3), (6, 9), (10, 14))


def test_span_tokens_counts_partly_covered_tokens():
    words = word_spans("alpha beta gamma")  # (0,5) (6,10) (11,16)
    assert span_tokens(words, [(0, 5)]) == {0}
    assert span_tokens(words, [(4, 7)]) == {0, 1}  # touches the end of alpha and start of beta
    assert span_tokens(words, [(5, 6)]) == frozenset()  # only the space
    assert span_tokens(words, [(0, 5), (11, 16)]) == {0, 2}


def test_token_overlap_max_and_gold_denominators():
    pred, gold = frozenset({1, 2, 3, 4}), frozenset({3, 4})
    # shared 2; max(|P|,|G|) = 4 -> 0.5; |G| = 2 -> 1.0
    assert token_overlap(pred, gold) == 0.5
    assert token_overlap(pred, gold, "gold") == 1.0
    assert token_overlap(frozenset(), gold) == 0.0
    with pytest.raises(InputError, match="denominator"):
        token_overlap(pred, gold, "pred")  # type: ignore[arg-type]


# --- names ----------------------------------------------------------------------------------


def test_normalise_name_drops_titles_possessives_and_pronouns():
    assert normalise_name("Mr Sahleb's") == ("sahleb",)
    assert normalise_name("Sen. Jane Doe, D-Calif.") == ("jane", "doe", "d", "calif")
    assert normalise_name("the Metropolitan Police") == ("metropolitan", "police")
    assert normalise_name("she") == ()
    assert normalise_name(None) == ()


def test_speaker_matches_by_surname_subset_and_alias():
    gold = GoldQuote("direct", "Diane Abbott", "politician", "x", ((0, 1),), aliases=("Ms Abbott",))
    assert speaker_matches(["Diane Abbott"], gold) is True
    assert speaker_matches(["Abbott"], gold) is True  # subset with a non-generic word
    assert speaker_matches(["Ms Abbott"], gold) is True
    assert speaker_matches(["Jeremy Corbyn"], gold) is False
    assert speaker_matches(["she"], gold) is False  # pronouns never match by name
    assert speaker_matches([None, ""], gold) is False


def test_speaker_matches_surname_despite_first_name_and_spelling_needs_alias():
    gold = GoldQuote("direct", "Akram Sahleb", "public", "x", ((0, 1),))
    assert speaker_matches(["Mr Sahleb"], gold) is True  # same head word
    assert speaker_matches(["Mr Salhab"], gold) is False  # misspelt: only an alias helps
    with_alias = GoldQuote(
        "direct", "Akram Sahleb", "public", "x", ((0, 1),), aliases=("Mr Salhab",)
    )
    assert speaker_matches(["Mr Salhab"], with_alias) is True


def test_generic_head_words_do_not_match_different_organisations():
    gold = GoldQuote("direct", "Metropolitan Police", "police", "x", ((0, 1),))
    assert speaker_matches(["Hackney police"], gold) is False  # same generic head only
    assert speaker_matches(["police"], gold) is False  # subset of generic words only
    assert speaker_matches(["Metropolitan Police Service"], gold) is True  # subset, non-generic


def test_speaker_mention_offsets_credit_only_pronoun_gold_sources():
    # PolNeAR-style gold whose Source is the pronoun itself: the mention's position decides.
    pronoun = GoldQuote("direct", "she", None, "x", ((0, 1),), speaker_segments=((50, 53),))
    assert speaker_matches(["Susan Fajana-Thomas"], pronoun, (50, 53)) is True
    assert speaker_matches(["Susan Fajana-Thomas"], pronoun, (60, 63)) is False
    assert speaker_matches(["she"], pronoun, (-1, -1)) is False
    # A resolved gold speaker must be matched by name: the right mention with a wrong
    # resolution is wrong.
    named = GoldQuote(
        "direct", "Susan Fajana-Thomas", "government", "x", ((0, 1),), speaker_segments=((50, 53),)
    )
    assert speaker_matches(["Akram Sahleb"], named, (50, 53)) is False
    # Gold speakers that are mentions as written (PolNeAR): an overlapping mention counts.
    mention = GoldQuote(
        "direct", "the Republican nominee", None, "x", ((0, 1),), speaker_segments=((50, 72),)
    )
    assert speaker_matches(["Donald Trump"], mention, (50, 72)) is False
    assert speaker_matches(["Donald Trump"], mention, (50, 72), mention_overlap=True) is True
    nobody = GoldQuote("partial", None, None, "x", ((0, 1),))
    assert speaker_matches(["anyone"], nobody) is None


# --- matching -------------------------------------------------------------------------------

TEXT = (
    'Jo Edwards said: "We saw police come under fire. It is unacceptable."\n'
    '"We are aware of the video," said a spokesman. "It is being reviewed."\n'
    'Protesters called it a "disgrace" on the day.'
)


def _gold_set() -> list[GoldQuote]:
    return [
        _gold(
            TEXT,
            "direct",
            "Jo Edwards",
            "police",
            "We saw police come under fire. It is unacceptable.",
        ),
        _gold(
            TEXT,
            "direct",
            "Metropolitan Police",
            "police",
            "We are aware of the video,",
            "It is being reviewed.",
        ),
        _gold(TEXT, "partial", None, None, "disgrace", optional=True),
    ]


def test_exact_predictions_are_all_found():
    gold = _gold_set()
    preds = [
        Pred(*gold[0].segments[0], speaker="Jo Edwards", role="police"),
        Pred(
            gold[1].start,
            gold[1].end,
            speaker="a spokesman",
            role="police",
            segments=gold[1].segments,
        ),
    ]
    result = match_quotes(TEXT, preds, gold)
    assert [m.gold for m in result.matches] == [0, 1]
    assert result.missed == () and result.false_positives == () and result.ignored == ()
    assert result.matches[0].overlap == 1.0
    assert result.matches[0].speaker_ok is True
    # "a spokesman" is not the Metropolitan Police by name: speaker wrong, role right.
    assert result.matches[1].speaker_ok is False
    assert result.matches[1].role_ok is True


def test_split_quote_predicted_as_two_quotes_is_pooled():
    gold = _gold_set()
    (s1, e1), (s2, e2) = gold[1].segments
    preds = [Pred(s1, e1, speaker="Metropolitan Police"), Pred(s2, e2, speaker="Met")]
    result = match_quotes(TEXT, preds, gold)
    assert len(result.matches) == 1
    match = result.matches[0]
    assert match.gold == 1 and set(match.predicted) == {0, 1}
    assert match.overlap == 1.0  # union covers all 10 gold words
    assert result.missed == (0,)
    assert result.false_positives == ()


def test_half_of_split_quote_alone_misses_the_threshold():
    gold = _gold_set()
    s1, e1 = gold[1].segments[0]
    # "We are aware of the video" = 6 of the 10 gold words -> overlap 0.6
    result = match_quotes(TEXT, [Pred(s1, e1)], gold, threshold=0.5)
    assert result.matches[0].overlap == pytest.approx(0.6)
    result = match_quotes(TEXT, [Pred(s1, e1)], gold, threshold=0.8)
    assert result.matches == () and result.false_positives == (0,)
    assert result.missed == (0, 1)


def test_overlong_prediction_fails_max_overlap_but_passes_gold_overlap():
    gold = _gold_set()
    # Whole first line: 12 words (Jo Edwards said + 9); gold quote 0 has 9 -> 9/12 = 0.75.
    line_end = TEXT.index("\n")
    pred = [Pred(0, line_end)]
    assert match_quotes(TEXT, pred, gold, threshold=0.8).matches == ()
    lenient = match_quotes(TEXT, pred, gold, threshold=0.8, denominator="gold")
    assert lenient.matches[0].overlap == 1.0


def test_optional_gold_is_ignored_and_unrelated_prediction_is_false_positive():
    gold = _gold_set()
    d_start, d_end = gold[2].segments[0]
    day = TEXT.index("on the day")
    preds = [Pred(d_start, d_end, kind="partial"), Pred(day, day + 10, kind="partial")]
    result = match_quotes(TEXT, preds, gold)
    assert result.ignored == (0,)
    assert result.false_positives == (1,)
    assert result.missed == (0, 1)  # optional gold 2 is never "missed"


def test_match_rejects_bad_threshold():
    with pytest.raises(InputError, match="threshold"):
        match_quotes(TEXT, [], _gold_set(), threshold=0.0)


# --- summaries ------------------------------------------------------------------------------


def test_prf_hand_values_and_undefined():
    # 3 of 4 predictions right, 3 of 6 gold found: P .75, R .5, F1 = 2*.375/1.25 = .6
    p, r, f = prf(3, 4, 3, 6)
    assert (p, r) == (0.75, 0.5) and f == pytest.approx(0.6)
    p, r, f = prf(0, 0, 0, 5)
    assert math.isnan(p) and r == 0.0 and math.isnan(f)
    assert prf(0, 2, 0, 2)[2] == 0.0


def test_summarise_by_kind():
    gold = _gold_set()
    d_start, d_end = gold[2].segments[0]
    preds = [
        Pred(*gold[0].segments[0], speaker="Edwards", role="police", kind="direct"),
        Pred(d_start, d_end, kind="partial"),  # ignored (optional gold)
        Pred(TEXT.index("on the day"), TEXT.index("on the day") + 10, kind="partial"),  # FP
    ]
    scores = summarise([match_quotes(TEXT, preds, gold)])
    direct, partial, everything = scores["direct"], scores["partial"], scores["all"]
    # direct: 2 gold, 1 found; 1 direct prediction, correct.
    assert (direct.n_gold, direct.found, direct.n_pred, direct.correct_pred) == (2, 1, 1, 1)
    assert direct.precision == 1.0 and direct.recall == 0.5
    assert direct.speaker_accuracy == 1.0 and direct.n_speaker == 1
    # partial: no non-optional gold; 1 counted prediction (the ignored one is excluded), wrong.
    assert partial.n_gold == 0 and math.isnan(partial.recall)
    assert partial.n_pred == 1 and partial.precision == 0.0
    assert math.isnan(scores["embed"].precision)
    assert everything.n_pred == 2 and everything.precision == 0.5
    assert set(direct.as_dict()) >= {"precision", "recall", "f1", "speaker_accuracy"}


# --- gold files -----------------------------------------------------------------------------


def test_load_gold_checks_text_against_offsets(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text('He said: "Yes."', encoding="utf-8")
    good = {
        "id": "a",
        "file": "a.txt",
        "quotes": [
            {
                "kind": "direct",
                "speaker": "He",
                "role": "other",
                "text": "Yes.",
                "start": 10,
                "end": 14,
            }
        ],
    }
    (tmp_path / "a.json").write_text(json.dumps(good), encoding="utf-8")
    loaded = load_gold(tmp_path / "a.json")
    assert loaded.quotes[0].segments == ((10, 14),) and loaded.text.startswith("He")
    bad = dict(good, quotes=[dict(good["quotes"][0], start=9)])
    (tmp_path / "b.json").write_text(json.dumps(bad), encoding="utf-8")
    with pytest.raises(InputError, match=r"b\.json: quotes\[0\]"):
        load_gold(tmp_path / "b.json")
    wrong_kind = dict(good, quotes=[dict(good["quotes"][0], kind="quote")])
    (tmp_path / "c.json").write_text(json.dumps(wrong_kind), encoding="utf-8")
    with pytest.raises(InputError, match="kind 'quote' not allowed"):
        load_gold(tmp_path / "c.json")


def test_token_level_prf_pools_words():
    from framing.evaluation import token_level_prf

    text = "one two three four five six"  # words at 0,4,8,14,19,24
    # predicted: "two three four" (3 words); gold: "three four five" + "six" (4 words)
    pred = [[(4, 18)]]
    gold = [[(8, 23)], [(24, 27)]]
    p, r, f, shared, n_pred, n_gold = token_level_prf(text, pred, gold)
    assert (shared, n_pred, n_gold) == (2, 3, 4)  # three, four
    assert p == pytest.approx(2 / 3) and r == 0.5
    assert f == pytest.approx(2 * (2 / 3) * 0.5 / (2 / 3 + 0.5))
    assert math.isnan(token_level_prf(text, [], gold)[0])


def test_unresolved_prediction_is_judged_by_its_mention():
    text = 'Mr Sahleb wrote: "We object." He said: "We will protest."'
    gold = [
        _gold(text, "direct", "Akram Sahleb", "public", "We object."),
        _gold(text, "direct", "Akram Sahleb", "public", "We will protest."),
    ]
    g0, g1 = gold[0].segments[0], gold[1].segments[0]
    preds = [
        Pred(*g0, speaker=None, speaker_mention="Mr Sahleb", speaker_start=0, speaker_end=9),
        # a pronoun left unresolved is not the speaker
        Pred(*g1, speaker=None, speaker_mention="He", speaker_start=30, speaker_end=32),
    ]
    result = match_quotes(text, preds, gold)
    assert [m.speaker_ok for m in result.matches] == [True, False]
