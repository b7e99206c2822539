"""Tests for framing.actors: actor groups as data and their mentions.

Documents are built by hand (one paragraph and one sentence per line, quote spans at
the straight double quotes) so the expected mentions are counted from the text alone.
"""

from __future__ import annotations

import pytest

from framing.actors import ActorGroup, ActorMention, find_actor_mentions, load_actors
from framing.document import Document, Paragraph, QuoteSpan, Sentence
from framing.errors import LexiconError


def _doc(text: str) -> Document:
    """One paragraph + one sentence per line; each pair of '"' marks is a quote span."""
    paragraphs, sentences, spans = [], [], []
    pos = 0
    for i, line in enumerate(text.split("\n")):
        start, end = pos, pos + len(line)
        paragraphs.append(Paragraph(i, start, end, line))
        sentences.append(Sentence(i, start, end, line, i))
        marks = [start + k for k, ch in enumerate(line) if ch == '"']
        for a, b in zip(marks[::2], marks[1::2]):
            spans.append(QuoteSpan(a, b + 1, a + 1, b, '"', '"', True, 0, (i,)))
        pos = end + 1
    return Document(source=text, text=text, paragraphs=tuple(paragraphs),
                    sentences=tuple(sentences), quote_spans=tuple(spans))


def _pairs(text: str) -> list[tuple[str, str, str]]:
    return [(m.group, m.label, m.text) for m in find_actor_mentions(_doc(text))]


def test_builtin_groups_present() -> None:
    names = {g.name for g in load_actors()}
    required = {"police", "protesters", "government", "politicians", "israel", "palestinians",
                "hamas", "jewish_community", "muslim_community", "migrants", "military",
                "courts", "media"}
    assert required <= names


def test_protester_label_family() -> None:
    protesters = next(g for g in load_actors() if g.name == "protesters")
    for label in ("protesters", "demonstrators", "activists", "campaigners", "marchers",
                  "mob", "rioters", "zealots"):
        assert label in protesters.labels
        assert label in protesters.aliases


def test_singular_plural_and_possessive_map_to_one_label() -> None:
    # "Protester", "protesters'" and "protester's" all belong to the entry "protesters".
    got = _pairs("A protester's sign. Protesters' banners. The protesters left.")
    assert got == [("protesters", "protesters", "protester"),
                   ("protesters", "protesters", "Protesters"),
                   ("protesters", "protesters", "protesters")]


def test_met_only_when_capitalised() -> None:
    # "They met" is the verb: no mention; "the Met" is the police force.
    assert _pairs("They met at noon.") == []
    assert _pairs("A statement from the Met.") == [("police", "Met", "Met")]


def test_all_caps_headline_name() -> None:
    assert _pairs("HAMAS LEADER KILLED") == [("hamas", "Hamas", "HAMAS")]


def test_longest_match_multiword() -> None:
    # "Metropolitan Police" is one mention, not "police" alone; "Hamas militants" is
    # a Hamas mention (not the generic "militants" of armed_groups).
    got = _pairs("The Metropolitan Police said Hamas militants fired rockets.")
    assert got == [("police", "Metropolitan Police", "Metropolitan Police"),
                   ("hamas", "Hamas militants", "Hamas militants")]


def test_hyphen_variants_and_no_match_inside_compounds() -> None:
    # "counter-protesters" is one label; "pro-Palestine protesters" matches written with
    # or without the hyphen; "protest" inside "protesters" is not a separate mention.
    got = _pairs("Counter-protesters met pro Palestine protesters.")
    assert got == [("protesters", "counter-protesters", "Counter-protesters"),
                   ("protesters", "pro-Palestine protesters", "pro Palestine protesters")]


def test_no_match_inside_longer_word() -> None:
    # "mobile" contains "mob"; "policeman" is a police label but "policemanship" is not.
    assert _pairs("A mobile phone and policemanship.") == []


def test_quoted_and_sentence_index() -> None:
    # "crowd" takes the first-listed entry of its family whose forms include it,
    # which is "crowds" in the data file (singular and plural count as one label).
    text = 'Police arrived.\n"The mob was angry," she said of the crowd.'
    ms = find_actor_mentions(_doc(text))
    assert [(m.label, m.sentence, m.quoted) for m in ms] == [
        ("police", 0, False), ("mob", 1, True), ("crowds", 1, False)]
    for m in ms:
        assert text[m.start:m.end] == m.text


def test_mention_dataclass_is_frozen() -> None:
    m = find_actor_mentions(_doc("Police."))[0]
    assert isinstance(m, ActorMention)
    with pytest.raises(AttributeError):
        m.label = "x"  # type: ignore[misc]


def test_user_file_extends_and_replaces(tmp_path) -> None:
    p = tmp_path / "mine.toml"
    p.write_text('[[group]]\nname = "protesters"\nlabels = ["placard wavers"]\n\n'
                 '[[group]]\nname = "farmers"\nnames = ["NFU"]\nlabels = ["farmers"]\n')
    extended = load_actors(p)
    prot = next(g for g in extended if g.name == "protesters")
    assert "placard wavers" in prot.labels and "mob" in prot.labels
    assert any(g.name == "farmers" for g in extended)
    replaced = load_actors(p, replace=True)
    assert [g.name for g in replaced] == ["protesters", "farmers"]
    got = [(m.group, m.label) for m in find_actor_mentions(_doc("Farmers and placard-wavers."), replaced)]
    assert got == [("farmers", "farmers"), ("protesters", "placard wavers")]


def test_malformed_user_file_names_file_line_field(tmp_path) -> None:
    p = tmp_path / "bad.toml"
    p.write_text('[[group]]\nname = "ok"\nlabels = ["a"]\n\n[[group]]\nname = "Bad Name"\n')
    with pytest.raises(LexiconError) as exc:
        load_actors(p)
    msg = str(exc.value)
    assert "bad.toml" in msg and "line 5" in msg and "'name'" in msg
    p.write_text('[[group]]\nname = "x"\nlabels = "mob"\n')
    with pytest.raises(LexiconError, match="'labels'"):
        load_actors(p)
    with pytest.raises(LexiconError, match="missing.toml"):
        load_actors(tmp_path / "missing.toml")


def test_custom_group_objects() -> None:
    g = ActorGroup(name="bees", aliases=("Hive", "bees"), labels=("bees",))
    assert [(m.group, m.label) for m in find_actor_mentions(_doc("A bee left the Hive."), [g])] == [
        ("bees", "bees"), ("bees", "Hive")]


# ----------------------------------------------------------------- speed path exactness
#
# Sentences are searched for actor words with one lower-cased copy of the document and
# only the words around the probe words are matched (framing.actors._window_spans). The
# tests below hold that path to the plain one: every sentence matched word by word
# (the prefilter switched off), on hostile texts and on random ones.


def _plain(doc: Document, groups=None, monkeypatch=None) -> tuple[ActorMention, ...]:
    """Mentions with the prefilter off: every sentence matched word by word."""
    import framing.actors as actors_module

    monkeypatch.setattr(actors_module, "_probes", lambda actors: None)
    try:
        return find_actor_mentions(doc, groups)
    finally:
        monkeypatch.undo()


_HOSTILE = [
    "The Met said officers’ reports were wrong; they met the protesters’ leaders.",
    "HAMAS fighters and Hamas’s militants; hamas; the MET; METROPOLITAN POLICE arrived.",
    "Anti-police eco-zealots met pro-Palestinian protesters and counter-protesters.",
    "Riot  police, riot - police, riot-police, riot\u2011police and police‑officers.",
    "The Old Bill. the old bill. Boys in blue. No 10 said No. 10 and Number 10's aides.",
    "Israelis' and Israeli’s and ISRAELIS and israelis. The IDF's troops; idf.",
    "Café police, Zürich police and ΣΑΣ police; the \u212aelvin police officers.",
    "O'police o’police police'man police-man mob-mob mob. Protesters!!! —police— (cops)",
    "İstanbul police and riot police clashed.",  # lower-casing lengthens İ: per sentence
]


def test_document_search_matches_every_sentence_word_by_word(monkeypatch) -> None:
    from framing import parse

    greek = ActorGroup(name="greek", aliases=("ΣΑΣ", "police"), labels=("police",))
    for text in _HOSTILE + ["\n".join(_HOSTILE)]:
        for doc in (_doc(text), parse(text)):
            for groups in (None, [greek]):  # a non-ASCII alias turns the prefilter off
                assert find_actor_mentions(doc, groups) == _plain(doc, groups, monkeypatch)


def test_random_texts_match_word_by_word(monkeypatch) -> None:
    import random

    from framing import parse

    rng = random.Random(3)
    words = sorted({w for g in load_actors() for a in g.aliases for w in a.split()})
    words += ["the", "they", "met", "said", "café", "x", "10", "'s", "’s", "anti"]
    gaps = [" ", " ", " ", "  ", "-", "—", ", ", ". ", "’", "' ", " - ", "\n\n", "", "/"]
    for _ in range(150):
        parts = []
        for _ in range(rng.randint(1, 40)):
            w = rng.choice(words)
            parts += [w.upper() if rng.random() < 0.15 else w, rng.choice(gaps)]
        doc = parse("".join(parts))
        assert find_actor_mentions(doc) == _plain(doc, None, monkeypatch)


def test_odd_spacing_between_words() -> None:
    # "riot police" is a sequence of two words: two spaces or a spaced dash between
    # them still make one mention, written as in the text.
    got = _pairs("Riot  police came.\nRiot - police came.")
    assert got == [("police", "riot police", "Riot  police"),
                   ("police", "riot police", "Riot - police")]


def test_sentence_edge_inside_a_word() -> None:
    # Sentences are read as given: if a sentence starts inside "xpolice", its first word
    # is "police" (a mention) and the first sentence's last word is "The x" -> "Thex".
    text = "Thexpolice came."
    doc = Document(source=text, text=text, paragraphs=(Paragraph(0, 0, 16, text),),
                   sentences=(Sentence(0, 0, 4, "Thex", 0), Sentence(1, 4, 16, text[4:], 0)),
                   quote_spans=())
    got = [(m.label, m.text, m.start, m.sentence) for m in find_actor_mentions(doc)]
    assert got == [("police", "police", 4, 1)]


def test_lowercasing_keeps_letters_digits_and_length() -> None:
    # What the document-wide search relies on, for every code point: the run pattern
    # is str.isalnum, and lower-casing keeps a character a letter/digit or not and one
    # character long, except "İ" (U+0130, lower-cased to two characters).
    import re
    import sys

    run = re.compile(r"[^\W_]")
    longer = []
    for code in range(sys.maxunicode + 1):
        if 0xD800 <= code <= 0xDFFF:
            continue
        ch = chr(code)
        assert bool(run.match(ch)) is ch.isalnum(), hex(code)
        low = ch.lower()
        if len(low) != 1:
            longer.append(code)
        else:
            assert low.isalnum() is ch.isalnum(), hex(code)
    assert longer == [0x130]


def test_window_separator_is_no_alias_word() -> None:
    from framing.actors import _actor_index, _probe_table

    groups = load_actors()
    keys = {k for cands in _actor_index(groups).values() for c in cands for k in c.keys}
    separator = _probe_table(groups).separator
    assert separator.startswith(" ") and separator.endswith(" ")
    assert separator.strip() not in keys


def test_probe_specs_by_hand() -> None:
    from framing._phrase_search import ProbeSpec, key_specs

    # The probe of a key sequence is its longest run that is not a function word, with
    # the words of the sequence before and after the word holding it; the needs are all
    # its runs, sorted.
    got = key_specs([("the", "met"), ("riot", "police"), ("o'brien",), ("no", "10"),
                     ("police", "and", "crime", "commissioner")])
    assert got == (
        ProbeSpec("met", ("met", "the"), 1, 0),  # "the" is a function word
        ProbeSpec("police", ("police", "riot"), 1, 0),  # 6 letters against 4
        ProbeSpec("brien", ("brien", "o"), 0, 0),  # runs of one word
        ProbeSpec("10", ("10", "no"), 1, 0),
        ProbeSpec("commissioner", ("and", "commissioner", "crime", "police"), 3, 0),
    )
