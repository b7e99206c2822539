"""Tests for the Document helpers (expected values from the interval definitions)."""

from framing.document import Document, QuoteSpan, offset_in_intervals


def test_offset_in_intervals_half_open():
    intervals = [(2, 5), (10, 12)]
    # members: 2,3,4 and 10,11 (half-open intervals)
    inside = [i for i in range(15) if offset_in_intervals(intervals, i)]
    assert inside == [2, 3, 4, 10, 11]
    assert not offset_in_intervals([], 3)


def test_quoted_intervals_use_top_level_content_only():
    source = 'He said "we saw \'potential\' harm" today.'
    outer = QuoteSpan(start=8, end=33, content_start=9, content_end=32, open_mark='"',
                      close_mark='"', depth=0, paragraphs=(0,))
    inner = QuoteSpan(start=16, end=27, content_start=17, content_end=26, open_mark="'",
                      close_mark="'", depth=1, paragraphs=(0,))
    doc = Document(source=source, text=source, quote_spans=(outer, inner))
    assert doc.quoted_intervals() == ((9, 32),)
    assert source[9:32] == "we saw 'potential' harm"
    assert doc.is_quoted(source.index("harm")) and not doc.is_quoted(source.index("today"))


def test_interval_membership_matches_definition():
    from framing.document import interval_membership

    intervals = [(0, 1), (3, 6), (6, 8)]  # adjacent intervals: 3..7 all inside
    inside = interval_membership(intervals)
    assert [i for i in range(10) if inside(i)] == [0, 3, 4, 5, 6, 7]
    assert not interval_membership([])(0)


def test_voice_word_counts_by_hand_and_per_document():
    # By hand: 'He said "very good" today.' has five words (He, said, very, good, today),
    # two of them inside the quotation; a text with no quotation has none quoted. The
    # counts are kept per Document object, so alternating between Documents, and new
    # Documents made after others are gone, must each give their own counts.
    import gc

    from framing import parse
    from framing.document import voice_word_counts

    quoted = parse('He said "very good" today.')
    plain = parse("Police said the march was peaceful.")
    for _ in range(2):
        assert voice_word_counts(quoted) == (5, 2)
        assert voice_word_counts(plain) == (6, 0)
    for n in range(1, 30):  # fresh Documents, some reusing freed ids
        doc = parse(" ".join(["word"] * n) + ".")
        assert voice_word_counts(doc) == (n, 0)
        del doc
        gc.collect()


# ------------------------------------------------------------ tokens kept as columns


def _slot_value(sentence):
    """What the Sentence's tokens slot holds right now (columns or Token tuples)."""
    from framing.document import _TOKENS_SLOT, Sentence

    return _TOKENS_SLOT.__get__(sentence, Sentence)


def test_parsed_tokens_are_columns_until_first_read():
    import framing
    from framing.document import Token, TokenColumns, token_columns

    doc = framing.parse("Mr. Lee's dog ran 5km. It won't stop.")
    first = doc.sentences[0]
    assert type(_slot_value(first)) is TokenColumns
    columns = token_columns(first)
    # by hand: "Mr" "." "Lee's" "dog" "ran" "5km" "." with their offsets in the source
    assert list(columns.texts) == ["Mr", ".", "Lee's", "dog", "ran", "5km", "."]
    assert list(columns.starts) == [0, 2, 4, 10, 14, 18, 21]
    assert list(columns.kinds) == ["word", "punct", "word", "word", "word", "number", "punct"]
    tokens = first.tokens
    assert tokens[2] == Token("Lee's", 4, 9, "word")  # end = start + len(text)
    assert type(_slot_value(first)) is tuple  # the tuples replace the columns once built
    assert first.tokens is tokens  # later reads return the same tuple
    # columns of a sentence already read come from its tuples: the same lists
    assert token_columns(first) == columns


def test_lazy_tokens_compare_copy_and_stay_frozen():
    import copy
    import dataclasses
    import pickle

    import pytest

    import framing
    from framing.document import Sentence, Token

    def fresh():
        return framing.parse('"It is fine," she said. Police left.').sentences[0]

    parsed = fresh()
    by_hand = Sentence(parsed.index, parsed.start, parsed.end, parsed.text, parsed.paragraph,
                       tuple(Token(t.text, t.start, t.end, t.kind) for t in fresh().tokens))
    assert fresh() == by_hand and hash(fresh()) == hash(by_hand)
    assert repr(fresh()) == repr(by_hand)
    assert pickle.loads(pickle.dumps(fresh())) == by_hand
    assert copy.deepcopy(fresh()) == by_hand
    assert dataclasses.replace(fresh(), index=7).tokens == by_hand.tokens
    assert dataclasses.asdict(fresh())["tokens"] == by_hand.tokens
    assert [f.name for f in dataclasses.fields(Sentence)][-1] == "tokens"
    with pytest.raises(dataclasses.FrozenInstanceError):
        fresh().tokens = ()  # type: ignore[misc]
    # a hand-built sentence keeps its tuple and the default stays the empty tuple
    assert Sentence(0, 0, 1, "x", 0).tokens == ()


def test_scorers_do_not_build_token_tuples():
    """Readability, sentiment, terms and quote balance read the columns only."""
    import framing
    from framing.document import TokenColumns

    doc = framing.parse(
        "Police said the protest was peaceful. \"We are angry,\" said Ann Lee, 34.\n\n"
        "1.\n\nThe mayor called it a 'riot' on Friday."
    )
    from framing.actors import find_actor_mentions
    from framing.quote_balance import score_quotes
    from framing.readability import score_readability
    from framing.sentiment import score_sentiment
    from framing.terms import score_terms

    mentions = find_actor_mentions(doc)
    score_readability(doc)
    score_sentiment(doc, mentions=mentions)
    score_terms(doc, mentions=mentions)
    score_quotes(doc)
    assert doc.sentences and all(type(_slot_value(s)) is TokenColumns for s in doc.sentences)
