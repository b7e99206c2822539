"""Sentence-level VADER sentiment: aggregates, voices, headline, actors, edge cases.

Expected compound scores are derived by hand from VADER's definition (Hutto and Gilbert
2014): with one lexicon word of valence v in a sentence and no other rule firing,
compound = v / sqrt(v**2 + 15), rounded to 4 decimals. Valences are those of
vaderSentiment's vader_lexicon.txt: good 1.9, bad -2.5, love 3.2, brave 2.4,
violent -2.9, angry -2.3, great 3.1. Test sentences avoid words such as "protesters"
(-0.9) and "protest" (-1.0), which are themselves in VADER's lexicon.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest

from framing.actors import ActorGroup
from framing.document import Document, Paragraph, QuoteSpan, Sentence
from framing.errors import InputError
from framing.sentiment import (
    SentimentScores,
    actor_column,
    actor_sentiment_table,
    polarity,
    score_sentiment,
)

ROOT = Path(__file__).resolve().parents[1]


def _c(v: float) -> float:
    """VADER compound of a sentence whose only sentiment is one word of valence v."""
    return round(v / math.sqrt(v * v + 15), 4)


GOOD, BAD, LOVE, BRAVE, VIOLENT, ANGRY = (_c(v) for v in (1.9, -2.5, 3.2, 2.4, -2.9, -2.3))


def make_doc(paragraphs: list[tuple[str, list[str]]]) -> Document:
    """A Document built by hand: paragraphs of (kind, sentences); "..." pairs are quotes."""
    source_parts: list[str] = []
    paras, sents = [], []
    pos = 0
    for p_index, (kind, sentences) in enumerate(paragraphs):
        if p_index:
            source_parts.append("\n")
            pos += 1
        p_start = pos
        for s_index, text in enumerate(sentences):
            if s_index:
                source_parts.append(" ")
                pos += 1
            sents.append(Sentence(len(sents), pos, pos + len(text), text, p_index))
            source_parts.append(text)
            pos += len(text)
        paras.append(Paragraph(p_index, p_start, pos, "".join(source_parts)[p_start:pos], kind))
    source = "".join(source_parts)
    spans = tuple(
        QuoteSpan(m.start(), m.end(), m.start(1), m.end(1), '"', '"')
        for m in re.finditer(r'"([^"\n]*)"', source)
    )
    return Document(source=source, text=source, paragraphs=tuple(paras),
                    sentences=tuple(sents), quote_spans=spans)


NO_ACTORS: tuple[ActorGroup, ...] = ()


def test_polarity_matches_hand_derived_compound():
    assert polarity("The book was good.")[0] == GOOD  # 1.9/sqrt(18.61) = 0.4404
    assert polarity("The film was bad.")[0] == BAD  # -2.5/sqrt(21.25) = -0.5423
    assert polarity("The sky is blue.") == (0.0, 0.0, 1.0, 0.0)  # no lexicon word


def test_curly_apostrophe_keeps_negation():
    # "isn't" negates the next lexicon word: 1.9 * -0.74 = -1.406 -> -1.406/sqrt(16.977)
    expected = round(-1.406 / math.sqrt(1.406**2 + 15), 4)
    assert expected == -0.3412
    assert polarity("It isn\u2019t good.")[0] == expected
    assert polarity("It isn't good.")[0] == expected


def test_mean_and_shares_over_body_sentences():
    doc = make_doc([("body", ["The book was good.", "The film was bad.", "The sky is blue."])])
    s = score_sentiment(doc, actors=NO_ACTORS)
    assert [x.compound for x in s.sentences] == [GOOD, BAD, 0.0]
    assert s.mean == pytest.approx((GOOD + BAD + 0.0) / 3)
    # one sentence >= 0.05, one <= -0.05, one in between
    assert (s.share_positive, s.share_negative, s.share_neutral) == (1 / 3, 1 / 3, 1 / 3)
    assert s.flags == ()


def test_headline_scored_apart_and_not_in_mean():
    doc = make_doc([("headline", ["Great day"]), ("body", ["The film was bad.", "The sky is blue."])])
    s = score_sentiment(doc, actors=NO_ACTORS)
    assert s.headline == _c(3.1)  # "great" 3.1 -> 0.6249
    assert s.mean == pytest.approx(BAD / 2)  # body only: (-0.5423 + 0) / 2
    assert [x.kind for x in s.sentences] == ["headline", "body", "body"]


def test_no_headline_gives_nan_headline():
    s = score_sentiment(make_doc([("body", ["The book was good."])]), actors=NO_ACTORS)
    assert math.isnan(s.headline)


def test_quoted_and_narrator_split_with_word_share_weights():
    doc = make_doc([("body", ['He said "I love this city" today.', "The crowd was violent."])])
    s = score_sentiment(doc, actors=NO_ACTORS)
    mixed, narrator_only = s.sentences
    # narrator words: He, said, today. (3); quoted: I, love, this, city (4)
    assert (mixed.voice, mixed.narrator_words, mixed.quoted_words) == ("mixed", 3, 4)
    assert mixed.quoted_compound == LOVE  # "I love this city" alone: 3.2 -> 0.6369
    assert mixed.narrator_compound == 0.0  # "He said today." has no lexicon word
    assert narrator_only.voice == "narrator"
    assert narrator_only.narrator_compound == VIOLENT
    # narrator: weight 3/7 for the mixed sentence's part, 1 for the narrator sentence
    assert s.narrator == pytest.approx((3 / 7 * 0.0 + 1 * VIOLENT) / (3 / 7 + 1))
    assert s.narrator_weight == pytest.approx(1 + 3 / 7)
    # quoted: one part, so its own score whatever its weight (4/7)
    assert s.quoted == pytest.approx(LOVE)
    assert s.quoted_weight == pytest.approx(4 / 7)
    # the whole-sentence score still drives the mean
    assert s.mean == pytest.approx((mixed.compound + VIOLENT) / 2)


def test_fully_quoted_sentence_counts_whole_for_quoted_voice():
    doc = make_doc([("body", ['"The police were brave"', "The sky is blue."])])
    s = score_sentiment(doc, actors=NO_ACTORS)
    assert s.sentences[0].voice == "quoted"
    assert s.quoted == BRAVE  # whole sentence compound, weight 1
    assert s.narrator == 0.0  # only the neutral narrator sentence
    assert s.quoted_weight == 1.0 and s.narrator_weight == 1.0


def test_no_quotes_gives_nan_quoted_not_zero():
    s = score_sentiment(make_doc([("body", ["The book was good."])]), actors=NO_ACTORS)
    assert math.isnan(s.quoted)
    assert s.narrator == GOOD


def test_embed_is_quoted_voice_and_attribution_line_is_skipped():
    doc = make_doc([
        ("body", ["The sky is blue."]),
        ("embed", ["I love this city"]),
        ("embed_attribution", ["\u2014 Bad Name (@bad) May 1, 2021"]),
    ])
    s = score_sentiment(doc, actors=NO_ACTORS)
    assert [x.kind for x in s.sentences] == ["body", "embed"]  # attribution not scored
    assert s.sentences[1].voice == "quoted"
    assert s.quoted == LOVE
    assert s.narrator == 0.0
    assert s.mean == pytest.approx(LOVE / 2)


def test_sentence_without_letters_is_not_scored():
    doc = make_doc([("body", ["The book was good.", "***", "The film was bad."])])
    s = score_sentiment(doc, actors=NO_ACTORS)
    assert math.isnan(s.sentences[1].compound)
    assert s.mean == pytest.approx((GOOD + BAD) / 2)  # 2 scored sentences, not 3
    assert s.share_positive == 0.5


def test_empty_document_is_nan_and_flagged_never_zero():
    doc = Document(source="", text="")
    s = score_sentiment(doc, actors=NO_ACTORS)
    record = s.as_dict()
    assert all(math.isnan(v) for v in record.values())
    assert "sentiment_no_sentences" in s.flags


def test_headline_only_document_has_headline_but_nan_mean():
    s = score_sentiment(make_doc([("headline", ["Great day"])]), actors=NO_ACTORS)
    assert s.headline == _c(3.1)
    assert math.isnan(s.mean) and "sentiment_no_sentences" in s.flags


def test_single_sentence_has_nan_interval_and_flag():
    s = score_sentiment(make_doc([("body", ["The book was good."])]), actors=NO_ACTORS)
    assert s.mean == GOOD
    assert math.isnan(s.ci_low) and math.isnan(s.ci_high)
    assert "sentiment_single_sentence" in s.flags


def test_bootstrap_of_identical_scores_is_a_point():
    # every resample of identical values has the same mean, so the interval collapses
    doc = make_doc([("body", ["The book was good."] * 5)])
    s = score_sentiment(doc, actors=NO_ACTORS)
    assert s.ci_low == pytest.approx(GOOD) and s.ci_high == pytest.approx(GOOD)


def test_bootstrap_is_deterministic_and_brackets_the_mean():
    doc = make_doc([("body", ["The book was good.", "The film was bad.", "The sky is blue.",
                              "I love it.", "They were angry."])])
    a = score_sentiment(doc, actors=NO_ACTORS)
    b = score_sentiment(doc, actors=NO_ACTORS)
    assert (a.ci_low, a.ci_high) == (b.ci_low, b.ci_high)
    # resample means can never leave [min, max] of the data
    assert min(BAD, ANGRY) <= a.ci_low < a.mean < a.ci_high <= LOVE
    other = score_sentiment(doc, actors=NO_ACTORS, seed=7)
    assert (other.ci_low, other.ci_high) != (a.ci_low, a.ci_high)


def test_sentence_scores_equal_vader_on_each_sentence_alone():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    sentences = ["Police were praised for their calm response!",
                 "It was not a good day, but the crowd was happy.",
                 "The attack was VERY violent."]
    s = score_sentiment(make_doc([("body", sentences)]), actors=NO_ACTORS)
    vader = SentimentIntensityAnalyzer()
    for got, text in zip(s.sentences, sentences):
        ref = vader.polarity_scores(text)
        assert (got.compound, got.pos, got.neu, got.neg) == (
            ref["compound"], ref["pos"], ref["neu"], ref["neg"])


POLICE = ActorGroup("police", ("police", "officers"), ("officers",))
PROTESTERS = ActorGroup("protesters", ("demonstrators",), ("demonstrators",))
COURTS = ActorGroup("courts", ("judge",), ("judge",))


def test_actor_sentiment_is_mean_over_mentioning_sentences():
    doc = make_doc([("body", [
        "The police were brave.",              # police: BRAVE
        "Demonstrators were angry at officers.",  # both groups: ANGRY (police mentioned once)
        "The sky is blue.",                    # nobody
    ])])
    s = score_sentiment(doc, actors=(POLICE, PROTESTERS, COURTS))
    by = {a.actor: a for a in s.actors}
    assert (by["police"].mentions, by["police"].sentences) == (2, 2)
    assert by["police"].sentiment_mean == pytest.approx((BRAVE + ANGRY) / 2)
    assert (by["protesters"].mentions, by["protesters"].sentiment_mean) == (1, ANGRY)
    assert by["courts"].mentions == 0 and math.isnan(by["courts"].sentiment_mean)
    record = s.as_dict()
    assert record["sentiment_actor_police"] == pytest.approx((BRAVE + ANGRY) / 2)
    assert math.isnan(record["sentiment_actor_courts"])  # column present, NaN not 0


def test_two_mentions_in_one_sentence_count_the_sentence_once():
    doc = make_doc([("body", ["Police said police were brave.", "The film was bad."])])
    s = score_sentiment(doc, actors=(POLICE,))
    assert (s.actors[0].mentions, s.actors[0].sentences) == (2, 1)
    assert s.actors[0].sentiment_mean == BRAVE  # only the first sentence mentions police


def test_actor_table_long_format():
    doc1 = make_doc([("body", ["The police were brave."])])
    doc2 = make_doc([("body", ["Demonstrators were angry."])])
    table = actor_sentiment_table({"a": score_sentiment(doc1, actors=(POLICE, PROTESTERS)),
                                   "b": doc2}, actors=(POLICE, PROTESTERS))
    assert list(table.columns) == ["article", "actor", "mentions", "sentences", "sentiment_mean"]
    assert table.values.tolist() == [["a", "police", 1, 1, BRAVE], ["b", "protesters", 1, 1, ANGRY]]
    full = actor_sentiment_table([doc1], actors=(POLICE, PROTESTERS), include_absent=True)
    assert full["actor"].tolist() == ["police", "protesters"] and full["article"].tolist() == [0, 0]


def test_actor_column_names():
    assert actor_column("police") == "sentiment_actor_police"
    assert actor_column("Jewish community") == "sentiment_actor_jewish_community"


def test_bad_arguments_raise_input_error():
    with pytest.raises(InputError, match="doc"):
        score_sentiment("some text")  # type: ignore[arg-type]
    with pytest.raises(InputError, match="actors"):
        score_sentiment(Document(source="", text=""), actors=42)
    with pytest.raises(InputError, match="resamples"):
        score_sentiment(Document(source="", text=""), actors=NO_ACTORS, resamples=10)
    with pytest.raises(InputError, match="items"):
        actor_sentiment_table([object()])


def test_as_dict_has_contract_keys():
    s = SentimentScores()
    assert list(s.as_dict()) == [
        "sentiment_mean", "sentiment_narrator", "sentiment_quoted", "sentiment_headline",
        "sentiment_share_positive", "sentiment_share_negative", "sentiment_share_neutral",
        "sentiment_ci_low", "sentiment_ci_high"]


def test_two_quotes_in_one_sentence_are_joined_into_one_quoted_part():
    doc = make_doc([("body", ['He said "good" and "bad" then.'])])
    (x,) = score_sentiment(doc, actors=NO_ACTORS).sentences
    # narrator: He, said, and, then. (4 words); quoted: good, bad (2)
    assert (x.voice, x.narrator_words, x.quoted_words) == ("mixed", 4, 2)
    # "good bad" scored together: 1.9 + -2.5 = -0.6 (no rule fires) -> -0.1531
    assert x.quoted_compound == _c(-0.6) == -0.1531
    assert x.narrator_compound == 0.0


def test_quote_spanning_two_sentences_splits_per_sentence():
    doc = make_doc([("body", ['"I love it.', 'It was bad" he said.'])])
    # make_doc pairs the marks across the sentence boundary: one quote span over both
    s = score_sentiment(doc, actors=NO_ACTORS)
    first, second = s.sentences
    assert first.voice == "quoted"  # only the opening mark lies outside the content
    assert first.quoted_compound == first.compound
    assert (second.voice, second.narrator_words, second.quoted_words) == ("mixed", 2, 3)
    assert second.quoted_compound == BAD  # "It was bad" alone


@pytest.mark.parametrize("path", sorted((ROOT / "seeds").glob("*.txt")), ids=lambda p: p.stem)
def test_seed_articles_scores_in_range_and_per_sentence(path):
    import framing

    doc = framing.parse(path.read_text(encoding="utf-8"))
    s = score_sentiment(doc)
    record = s.as_dict()
    assert -1 <= s.mean <= 1 and s.ci_low <= s.mean <= s.ci_high
    assert s.share_positive + s.share_negative + s.share_neutral == pytest.approx(1)
    assert any(k.startswith("sentiment_actor_") for k in record)
    for x in s.sentences:  # each score is VADER on that sentence alone, never the article
        assert x.compound == polarity(doc.source[x.start:x.end])[0]
        quoted_chars = sum(doc.is_quoted(i) for i in range(x.start, x.end))
        if x.kind != "embed" and quoted_chars == 0:
            assert x.voice == "narrator"


def test_falls_back_to_vadersentiment_when_fast_scorer_disagrees(monkeypatch):
    import framing
    from framing import sentiment, vader_fast

    seed = min((ROOT / "seeds").glob("*.txt"))
    doc = framing.parse(seed.read_text(encoding="utf-8"))
    fast_scores = score_sentiment(doc)
    monkeypatch.setattr(vader_fast, "agrees_with_reference", lambda: False)
    sentiment._vader.cache_clear()
    try:
        assert sentiment._vader() is sentiment._vader_reference()
        assert polarity("The book was good.")[0] == GOOD
        # the reference scorer gives no word counts: they are counted, to the same values
        assert repr(score_sentiment(doc)) == repr(fast_scores)
    finally:
        monkeypatch.undo()
        sentiment._vader.cache_clear()
    assert sentiment._vader() is vader_fast.polarity_scores  # the real check passes
