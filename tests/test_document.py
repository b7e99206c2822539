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
