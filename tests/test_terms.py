"""Tests for framing.terms: loaded-term hits, scare quotes, scores and word choice.

Documents are built by hand (one paragraph and one sentence per line; each pair of
straight double quotes is a quote span; a line starting with "H:" is a headline) so
offsets, voices and word counts can be counted from the text alone.
"""

from __future__ import annotations

import math

import pytest

from framing.document import Document, Paragraph, QuoteSpan, Sentence
from framing.errors import InputError
from framing.lexicon import load_lexicon
from framing.terms import (
    LabelUse,
    TermHit,
    find_loaded_terms,
    find_scare_quotes,
    score_terms,
    word_choice,
)


def _doc(text: str) -> Document:
    paragraphs, sentences, spans = [], [], []
    pos = 0
    lines = text.split("\n")
    source_lines = []
    for i, raw in enumerate(lines):
        kind = "headline" if raw.startswith("H:") else "body"
        line = raw[2:] if kind == "headline" else raw
        source_lines.append(line)
        start, end = pos, pos + len(line)
        paragraphs.append(Paragraph(i, start, end, line, kind))
        sentences.append(Sentence(i, start, end, line, i))
        marks = [start + k for k, ch in enumerate(line) if ch in "\"'"]
        for a, b in zip(marks[::2], marks[1::2]):
            spans.append(QuoteSpan(a, b + 1, a + 1, b, line[a - start], line[b - start],
                                   True, 0, (i,)))
        pos = end + 1
    source = "\n".join(source_lines)
    return Document(source=source, text=source, paragraphs=tuple(paragraphs),
                    sentences=tuple(sentences), quote_spans=tuple(spans))


def _terms(text: str, lexicon=None) -> list[tuple[str, str]]:
    return [(h.term, h.text) for h in find_loaded_terms(_doc(text), lexicon)]


def test_inflections_match_one_entry() -> None:
    # Entry "slammed": every inflection hits it, each once.
    got = _terms("Critics slam the plan. She slams it. They slammed it. He is slamming it.")
    assert got == [("slammed", "slam"), ("slammed", "slams"), ("slammed", "slammed"),
                   ("slammed", "slamming")]


def test_case_insensitive_and_sentence_initial() -> None:
    assert _terms("MAYHEM at the match") == [("mayhem", "MAYHEM")]
    assert _terms("Mayhem followed.") == [("mayhem", "Mayhem")]


def test_multiword_longest_match_wins() -> None:
    # "sparked outrage" is one hit, not "outrage" alone; inflected first word too.
    assert _terms("The video sparked outrage.") == [("sparked outrage", "sparked outrage")]
    assert _terms("It sparks outrage.") == [("sparked outrage", "sparks outrage")]
    assert _terms("A brutal crackdown began.") == [("brutal crackdown", "brutal crackdown")]


def test_hyphen_variants() -> None:
    for text in ("a heavy-handed response", "a heavy handed response", "a heavyhanded response"):
        assert [t for t, _ in _terms(text)] == ["heavy-handed"], text


def test_no_match_inside_longer_words_or_compounds() -> None:
    # "mob" is an entry: not in "mobile"; "riot" not in "patriotism" (separate entry
    # "patriotic" is not a form of it); "terror" not inside "anti-terror".
    assert _terms("A mobile phone.") == []
    assert _terms("His anti-terror law.") == []
    assert _terms("Their patriotism.") == []


def test_names_are_not_lowercase_entries() -> None:
    # "Stoke" (the city) is not a form of "stoked"; mid-sentence capitals look like names.
    assert _terms("Fans travelled to Stoke for the game.") == []
    assert _terms("Ministers stoked fears.") == [("stoked", "stoked")]
    # In a headline, title case is allowed.
    assert _terms("H:Police Stoked Tensions") == [("stoked", "Stoked")]


def test_adverb_of_adjective_entry() -> None:
    # "ruthless" is an entry; "ruthlessly" is not, and takes the adjective's entry.
    assert _terms("He acted ruthlessly.") == [("ruthless", "ruthlessly")]


def test_quoted_vs_narrator_and_offsets() -> None:
    text = 'Protesters caused mayhem.\n"It was mayhem," he said.'
    doc = _doc(text)
    hits = find_loaded_terms(doc)
    assert [(h.term, h.quoted) for h in hits] == [("mayhem", False), ("mayhem", True)]
    for h in hits:
        assert doc.source[h.start:h.end] == h.text
        assert isinstance(h, TermHit) and h.category == "conflict" and h.weight == 3


def test_scare_quotes_need_no_speaker() -> None:
    # Headline: 'impartiality' is a one-word quote with no speaker -> scare quote.
    doc = _doc("H:BBC 'impartiality' row deepens\nThe row, he said, was 'absurd'.")
    scare = find_scare_quotes(doc)
    assert [q.text for q in scare] == ["impartiality"]
    # Four words is too long to be a scare quote.
    assert find_scare_quotes(_doc("The 'very fine people indeed' line.")) == ()


def test_hit_inside_scare_quote_is_flagged() -> None:
    hits = find_loaded_terms(_doc("H:Minister attacks 'woke' teachers"))
    assert [(h.term, h.quoted, h.scare_quote) for h in hits] == [("woke", True, True)]


def test_score_rates_by_hand(tmp_path) -> None:
    lex_file = tmp_path / "tiny.csv"
    lex_file.write_text(
        "# name: tiny\n# version: 3\nterm,category,weight\n"
        "mayhem,conflict,3\nfury,emotive,1\ngenocide,contested,1\n", encoding="utf-8")
    lex = load_lexicon(lex_file, replace=True)
    # Line 1: 8 words, narrator: mayhem, fury (2 loaded) + genocide (contested).
    # Line 2: 6 words; 3 inside the quote ("fury and mayhem"): fury, mayhem quoted.
    text = "Mayhem and fury as critics allege genocide today.\nHe said \"fury and mayhem\" again."
    doc = _doc(text)
    scores = score_terms(doc, lexicon=lex)
    d = scores.as_dict()
    # Words (hand count): line 1 = 8, line 2 = 6 -> 14; quoted words = 3; narrator = 11.
    assert (scores.words, scores.quoted_words, scores.narrator_words) == (14, 3, 11)
    assert d["loaded_count"] == 4  # genocide is contested: recorded, not counted
    assert d["loaded_narrator_count"] == 2 and d["loaded_quoted_count"] == 2
    assert d["loaded_per_1k"] == pytest.approx(4 / 14 * 1000)
    assert d["loaded_narrator_per_1k"] == pytest.approx(2 / 11 * 1000)
    assert d["loaded_quoted_per_1k"] == pytest.approx(2 / 3 * 1000)
    assert d["loaded_weighted_per_1k"] == pytest.approx((3 + 1 + 1 + 3) / 14 * 1000)
    assert d["loaded_conflict_per_1k"] == pytest.approx(2 / 14 * 1000)
    assert d["loaded_contested_per_1k"] == pytest.approx(1 / 14 * 1000)
    assert d["loaded_emotive_per_1k"] == pytest.approx(2 / 14 * 1000)
    assert d["loaded_hedge_per_1k"] == 0.0  # built-in categories always reported
    assert d["loaded_top_terms"] == "fury:2;mayhem:2"  # ties alphabetical
    assert (d["lexicon_name"], d["lexicon_version"], d["lexicon_hash"]) == ("tiny", "3", lex.sha256)


def test_empty_document_rates_are_nan() -> None:
    doc = Document(source="", text="")
    scores = score_terms(doc)
    d = scores.as_dict()
    assert d["loaded_count"] == 0
    assert math.isnan(d["loaded_per_1k"]) and math.isnan(d["loaded_narrator_per_1k"])
    assert "terms_no_words" in scores.flags
    assert d["lexicon_hash"] == load_lexicon().sha256


def test_no_quotes_gives_nan_quoted_rate() -> None:
    d = score_terms(_doc("Calm words only here.")).as_dict()
    assert d["loaded_per_1k"] == 0.0
    assert math.isnan(d["loaded_quoted_per_1k"])


def test_word_choice_counts() -> None:
    text = 'Protesters marched.\nA mob gathered as protesters chanted.\n"The mob is peaceful," police said.'
    uses = word_choice(_doc(text))
    # protesters: "Protesters", "protesters" (2, narrator); mob: 2, one quoted; police: 1.
    assert LabelUse("protesters", "protesters", 2, 0) in uses
    assert LabelUse("protesters", "mob", 2, 1) in uses
    assert LabelUse("police", "police", 1, 0) in uses
    d = score_terms(_doc(text)).as_dict()
    assert "protesters:protesters:2:0" in d["loaded_actor_labels"]


def test_bad_arguments() -> None:
    with pytest.raises(InputError, match="text_or_doc"):
        find_loaded_terms(42)  # type: ignore[arg-type]
    with pytest.raises(InputError, match="lexicon"):
        find_loaded_terms(_doc("x"), lexicon=3.5)  # type: ignore[arg-type]


def test_raw_text_goes_through_parse() -> None:
    text = "Police slammed the mob."
    hits = find_loaded_terms(text)
    assert [(h.term, text[h.start:h.end], h.quoted) for h in hits] == [
        ("slammed", "slammed", False), ("mob", "mob", False)]


def test_public_names() -> None:
    import framing

    assert framing.find_loaded_terms is find_loaded_terms
    assert framing.word_choice is word_choice
    assert framing.load_lexicon is load_lexicon


def test_exact_entries_do_not_inflect() -> None:
    # "stormed" is an exact entry: the weather noun "storm" is not a hit.
    assert _terms("A storm hit the coast.") == []
    assert _terms("Fans stormed the pitch.") == [("stormed", "stormed")]


def test_title_case_line_counts_as_headline() -> None:
    # Most long words capitalised: a headline not marked as one, so "Stoked" matches.
    assert _terms("Minister Stoked Tensions Over Migrant Hotels") == [("stoked", "Stoked")]


def test_parsed_curly_quotes_give_quoted_voice() -> None:
    text = "Officers faced mayhem.\n\nShe said: “It was total mayhem.”"
    hits = [h for h in find_loaded_terms(text) if h.term == "mayhem"]
    assert [(text[h.start:h.end], h.quoted) for h in hits] == [("mayhem", False), ("mayhem", True)]


def test_hits_table_records() -> None:
    from framing.terms import hits_table

    rows = hits_table(_doc("Critics slammed the plan."), width=8)
    assert rows == [{
        "term": "slammed", "category": "sensational", "weight": 3, "voice": "narrator",
        "scare_quote": False, "start": 8, "end": 15, "text": "slammed",
        "left": "Critics ", "right": " the pla",
    }]


# ----------------------------------------------------------------- speed path exactness
#
# The term search maps each document to lower-case ASCII words once and splits into words
# only the windows around probe words (framing._phrase_search, planned per lexicon by
# framing.terms._search_plan). The tests below hold it to the plain path: every
# sentence split into words and matched whole (the plan switched off), on hostile texts
# and on random ones, with the built-in lexicon and with user lexicons.


def _plain_terms(doc: Document, lexicon, monkeypatch) -> list[TermHit]:
    """Hits with the search plan off: every sentence matched word by word."""
    import framing.terms as terms_module

    monkeypatch.setattr(terms_module, "_search_plan", lambda lex: (None, None))
    try:
        return find_loaded_terms(doc, lexicon)
    finally:
        monkeypatch.undo()


_HOSTILE = [
    "The so-called experts slammed the anti-Semitic, ANTI-SEMITIC and anti‑semitic remarks.",
    "He’s furious; the mob’s fury; the nation’s shame and the nation's shame; thugs' rage.",
    "SHOCKING: BRUTAL THUGS SLAMMED BY FURIOUS MOB",
    "Shocking Brutal Thugs Slammed By Furious Mob In Stoke",
    "Police in Stoke said the Woke Taliban stoked outrage. Stoked fans were stoked.",
    "The \u212aelvin scale; a naïve, NAÏVE über-woke crowd; café society; ΣΑΣ mob.",
    "Double  spaced  slammed  thugs;  riot  police;  deep  state;  witch  hunt.",
    "Spaced - dashes - slammed - a witch - hunt, a witch—hunt, witch-hunt and witchhunt.",
    "The 'so-called' \"experts\" and ‘radical’ “thugs” were labelled “extremists”.",
    'He said: "This is a brutal, shocking, outrageous disgrace." Critics: \'woke\'.',
    "Bizarrely, radically, shockingly, brutally and ruthlessly they turned radically left.",
    "Critics Slammed it; (Outrage grew); — Fury. \"Mayhem\" — Slammed: Brutal [Thugs].",
    " ".join(["the furious mob slammed the radical thugs and"] * 40) + " end.",
    "x" * 300 + " slammed " + "-".join(["anti"] * 20),
    "O'Reilly slammed O’Brien's shocking claims. Mr. Outrage said no. Dr. Fury agreed.",
    "\u00a0slammed\u2009thugs\u200bfury\u2028mob\u3000riot",
    "İstanbul mob slammed the thugs.",  # lower-casing lengthens İ: sentence by sentence
]


def _user_lexicons(tmp_path):
    """An ASCII user lexicon (the search plan applies) and one with non-ASCII terms
    (no plan: every sentence matched whole), both extending the built-in one."""
    rows = ("deep state,partisan,3\nwitch hunt,emotive,2\nso-called experts,delegitimising,2\n"
            "Kelvin,subjective,1,,,exact\nslam dunk,sensational,2,,,exact\nriot police,conflict,1\n"
            "covid-19,contested,1\nStoke,emotive,1\n")
    ascii_file = tmp_path / "ascii.csv"
    ascii_file.write_text("term,category,weight,note,source,match\n" + rows, encoding="utf-8")
    other = tmp_path / "other.csv"
    extra = "naïve,emotive,2\nüber-woke,partisan,3\nΣΑΣ,conflict,1\n"
    other.write_text("term,category,weight,note,source,match\n" + rows + extra,
                     encoding="utf-8")
    return load_lexicon(ascii_file), load_lexicon(other)


def test_search_plan_only_for_ascii_lexicons(tmp_path) -> None:
    from framing.terms import _search_plan

    ascii_lex, other = _user_lexicons(tmp_path)
    assert _search_plan(load_lexicon())[1] is not None
    assert _search_plan(ascii_lex)[1] is not None
    assert _search_plan(other) == (None, None)  # "naïve": lower-casing is not context-free


def test_windows_match_like_whole_sentences(tmp_path, monkeypatch) -> None:
    from framing import parse

    lexicons = (None, *_user_lexicons(tmp_path))
    for text in _HOSTILE + ["\n\n".join(_HOSTILE)]:
        for doc in (_doc(text), _doc("H:" + text), parse(text)):
            for lex in lexicons:
                assert find_loaded_terms(doc, lex) == _plain_terms(doc, lex, monkeypatch), text


def test_random_texts_match_like_whole_sentences(tmp_path, monkeypatch) -> None:
    import random

    from framing import parse

    rng = random.Random(5)
    ascii_lex, _ = _user_lexicons(tmp_path)
    words = sorted({w for e in load_lexicon().entries for w in e.term.replace("-", " ").split()})
    words = rng.sample(words, 400)
    # -ly adverbs stand for their adjective's entry, also inside phrases ("radically left")
    words += [w + "ly" for w in words[:80]] + [w + "ally" for w in words[80:100]]
    words += ["the", "said", "he", "Stoke", "Woke", "café", "x", "10", "'s", "’s", "anti",
              "so", "called", "radically", "left", "brutally", "crackdown", "state", "deep"]
    gaps = [" ", " ", " ", "  ", "-", "—", ", ", ". ", "’", "' ", " - ", "\n\n", "", "/",
            ' "', '" ', " ‘", "’ ", ": ", " (", ") "]
    for n in range(150):
        parts = []
        for _ in range(rng.randint(1, 50)):
            w = rng.choice(words)
            r = rng.random()
            w = w.upper() if r < 0.1 else w.capitalize() if r < 0.3 else w
            parts += [w, rng.choice(gaps)]
        text = "".join(parts)
        doc = parse(text) if n % 2 else _doc(text.replace("\n\n", "\n"))
        for lex in (None, ascii_lex):
            assert find_loaded_terms(doc, lex) == _plain_terms(doc, lex, monkeypatch), text


def test_adverb_stands_for_its_adjective_inside_a_phrase() -> None:
    # "radically" takes the key of the entry "radical" (it is no entry itself), and the
    # entry "radical left" then matches "radically left": one hit, read by hand.
    assert _terms("They turned radically left in the vote.") == [
        ("radical left", "radically left")]
    # "brutally" is an entry of its own, so it keeps its key: two hits, no "brutal
    # crackdown".
    assert _terms("They brutally crackdown on critics.") == [
        ("brutally", "brutally"), ("crackdown", "crackdown")]


def test_name_rule_reads_the_whole_sentence() -> None:
    # "Stoke" is a form of the entry "stoked" but, as a name-like word, matches only in
    # the form written in the lexicon. Only a few words around "Stoke" are split, yet
    # whether it is name-like depends on the whole sentence: its first word, a word
    # after a colon or an opening bracket, or a word of a title-case sentence is no
    # name (a hit); mid-sentence among lower-case words it is (no hit).
    assert _terms("Stoke fans cheered.") == [("stoked", "Stoke")]
    assert _terms("The trip: Stoke fans cheered.") == [("stoked", "Stoke")]
    assert _terms("Fans went to (Stoke today.") == [("stoked", "Stoke")]
    assert _terms("Fans Were Sent To Stoke After Parade") == [("stoked", "Stoke")]
    assert _terms("The long journey to Stoke ended there.") == []


def test_quoted_word_count_is_the_membership_test() -> None:
    import random

    from framing.document import count_in_intervals, interval_membership

    # by hand: intervals [0, 10) and [2, 5) overlap; the membership test reads the last
    # interval starting at or before an offset, so 1 (in [0, 10)) and 3 (in [2, 5)) are
    # inside and 7 (read against [2, 5)) is not.
    assert count_in_intervals([1, 3, 7], [(0, 10), (2, 5)]) == 2
    rng = random.Random(7)
    for _ in range(3000):
        offsets = sorted(rng.randrange(60) for _ in range(rng.randint(0, 30)))
        if rng.random() < 0.1:
            rng.shuffle(offsets)
        intervals = []
        for _ in range(rng.randint(1, 6)):
            a = rng.randrange(60)
            intervals.append((a, a + rng.randrange(-3, 25)))
        if rng.random() < 0.8:
            intervals.sort()
        inside = interval_membership(intervals)
        assert count_in_intervals(offsets, intervals) == sum(map(inside, offsets))


def test_speech_cue_prefilter_agrees_with_the_word_tokens() -> None:
    # Reference: the definition, any word_tokens norm among the cues. The prefilter
    # must agree on cue words in every case and shape, possessives, curly apostrophes,
    # cues glued to other letters or digits (no cue then), and random mixtures.
    import random

    from framing.lexicon import word_tokens
    from framing.terms import _SPEECH_CUES, _has_speech_cue

    cases = ["he SAID it", "the statement's tone", "said’s", "unsaid", "said2", "résaid",
             "asKed", "asked", "Ask", "İsaid", "a-said-b", "o'said", "", "!!", "ſaid",
             "SAID’S", "said''s", "said's's", "said'", "’said", "said’S"]
    alphabet = ["said", "told", "x", "é", "'", "’", "-", " ", "2", "S", "K", "İ", "ſ", "."]
    rng = random.Random(7)
    cases += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
              for _ in range(3000)]
    for text in cases:
        expected = any(t.norm in _SPEECH_CUES for t in word_tokens(text))
        assert _has_speech_cue(text) is expected, text
    assert _has_speech_cue("he SAID it") and not _has_speech_cue("unsaid")  # by hand


def test_shared_preparation_gives_the_same_hits(monkeypatch) -> None:
    # The actor and term searches of one document share its lower-case ASCII words and
    # region word splits (framing._phrase_search._prepared); with nothing shared (every text
    # over the size limit, so prepared afresh each time) the results must be the same.
    import glob
    from pathlib import Path

    from framing import _phrase_search, parse
    from framing.actors import find_actor_mentions
    from framing.terms import score_terms

    texts = [Path(p).read_text(encoding="utf-8") for p in sorted(glob.glob("seeds/*.txt"))]
    texts += ["Ünïcode İstanbul police said the 'woke' mob rioted.", "", "a"]

    def run() -> list:
        out = []
        for text in texts:
            doc = parse(text)
            mentions = find_actor_mentions(doc)
            out.append((mentions, score_terms(doc, mentions=mentions).as_dict()))
        return out

    shared = run()
    monkeypatch.setattr(_phrase_search, "_PREPARED_MAX", -1)
    _phrase_search._prepared_cached.cache_clear()
    assert repr(run()) == repr(shared)
    assert any(mentions for mentions, _ in shared)  # the seeds mention actors
