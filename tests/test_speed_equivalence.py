"""The speed-ups of parsing and the actor search give the results of the plain methods.

Each fast path (bounded fuzzy surname matching, the first-letter verb regex, the token
regex that skips whitespace, the regex count of binary characters, the actor-mention
prefilter, actor mentions found once per article) is checked against the plain method it
replaces, written out here, on hand-made cases chosen to hit its edge cases.
"""

from __future__ import annotations

import difflib
import random
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import framing
from framing.actors import ActorGroup, find_actor_mentions, load_actors
from framing.clean import looks_binary
from framing.parsing import parse
from framing.quotes import extract_quotes
from framing.roles import ActorRegistry, builtin_registry, verb_pattern
from framing.segment import _GROUP_KIND, _TOKEN_RE, tokenize
from framing.sentiment import score_sentiment
from framing.speakers import SpeakerResolver, _ratio_bound, _surname_ratio
from framing.terms import score_terms

SEEDS = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))


# --------------------------------------------------------------------------- speakers


def _plain_same_surname(a: str, b: str) -> bool:
    """The rule as first written: difflib ratio >= 0.8, or >= 0.6 with the same first two
    letters and lengths within one."""
    if not a or not b:
        return False
    if a == b:
        return True
    ratio = difflib.SequenceMatcher(None, a, b).ratio()
    return ratio >= 0.8 or (ratio >= 0.6 and a[:2] == b[:2] and abs(len(a) - len(b)) <= 1)


def _plain_find(persons: dict[str, object], surname: str) -> object:
    """The closest person by the plain rule (every key compared, strictly best ratio)."""
    if surname in persons:
        return persons[surname]
    best, best_ratio = None, 0.0
    for key, entity in persons.items():
        if _plain_same_surname(surname, key):
            ratio = difflib.SequenceMatcher(None, surname, key).ratio()
            if ratio > best_ratio:
                best, best_ratio = entity, ratio
    return best


def test_misspelt_surname_still_resolves_to_the_full_name():
    # "Salhab" vs "Sahleb": 4 matching letters of 12 -> ratio 2*4/12 = 0.67, same first
    # two letters, same length: the lenient 0.6 floor applies, so Mr Salhab is Sahleb.
    text = ("Headline\n\nAkram Sahleb, a resident of the borough, said: “It is shocking.”"
            "\n\nMr Salhab wrote: “Their record will not improve.”")
    speakers = [q.speaker for q in extract_quotes(text) if q.kind == "direct"]
    assert speakers == ["Akram Sahleb", "Akram Sahleb"]


def test_ratio_bound_is_never_below_the_difflib_ratio():
    rng = random.Random(7)
    for _ in range(3000):
        a = "".join(rng.choice("aeilnrs") for _ in range(rng.randint(1, 9)))
        b = "".join(rng.choice("aeilnrs") for _ in range(rng.randint(1, 9)))
        assert difflib.SequenceMatcher(None, a, b).ratio() <= _ratio_bound(a, b)
        assert _surname_ratio(a, b) == difflib.SequenceMatcher(None, a, b).ratio()


def test_ratio_bound_by_hand():
    # "anna" and "nan": multiset intersection {a, n, n} = 3 letters; 2*3/7 = 0.857.
    assert _ratio_bound("anna", "nan") == pytest.approx(6 / 7)
    # no shared letter: bound 0
    assert _ratio_bound("abc", "xyz") == 0.0


def test_find_person_picks_what_the_plain_scan_picks():
    # Surnames drawn from a small alphabet so that near misses, ties and both floors
    # (0.6 with the same first two letters, 0.8 otherwise) all occur.
    rng = random.Random(11)
    doc = parse("Nothing here.")
    for _ in range(60):
        resolver = SpeakerResolver(doc)
        persons: dict[str, object] = {}
        for _ in range(rng.randint(1, 25)):
            key = "".join(rng.choice("sahleb") for _ in range(rng.randint(2, 8)))
            if key not in persons:
                resolver._remember_person(key, key)  # type: ignore[arg-type]
                persons[key] = key
        for _ in range(40):
            query = "".join(rng.choice("sahleb") for _ in range(rng.randint(0, 8)))
            assert resolver._find_person(query) == _plain_find(persons, query)


# --------------------------------------------------------------------------- roles


def test_verb_pattern_matches_like_the_plain_alternation():
    from framing.roles import _verbs

    forms = sorted(_verbs(), key=len, reverse=True)
    body = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms)
    plain = re.compile(rf"(?<![\w'’-])(?:{body})(?![\w'’-])", re.IGNORECASE)
    # capitals, long s (matches "s" case-insensitively), Kelvin sign (matches "k"),
    # dotless i, hyphen and apostrophe boundaries, multi-word forms over line breaks
    texts = [
        "She SAID, he Says; they said-so; o'said; ſaid; \u212aept; claımed; according  to",
        "He hit\nout at critics and lashed   out again, calling for calm.",
        " ".join(forms),
        " ".join(f.upper() for f in forms),
    ]
    for path in SEEDS:
        texts.append(path.read_text(encoding="utf-8"))
    for text in texts:
        assert [m.span() for m in verb_pattern().finditer(text)] == [
            m.span() for m in plain.finditer(text)
        ]


def test_registry_lookup_on_equal_registries():
    base = builtin_registry()
    copy = ActorRegistry(tuple(base.actors))  # equal content, another tuple
    for actor in base.actors:
        assert copy.lookup(actor.name) == base.lookup(actor.name) == actor
        assert copy.lookup(f"the {actor.name}'s") == actor  # article and 's dropped


# --------------------------------------------------------------------------- segment


def _plain_tokens(source: str, start: int, stop: int) -> list[tuple[str, int, int, str]]:
    return [
        (m[0], m.start(), m.end(), _GROUP_KIND[m.lastgroup])  # type: ignore[index]
        for m in _TOKEN_RE.finditer(source, start, stop)
    ]


def test_tokens_are_those_of_the_plain_token_regex():
    rng = random.Random(5)
    alphabet = list("ab1 .@'’-‐\u201c\"#:/\u00a0\u2028\x1c\n\t$%…_") + ["www.", "http://", "U.S."]
    texts = ["", "   ", "  a  b \t ", "The officers' conduct", "e-mail me@x.com now  "]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
              for _ in range(3000)]
    for text in texts:
        if re.search(r"[sS]['’](?!\w)", text):
            continue  # closing apostrophes are split later (same code in both)
        got = [tuple(t) for t in tokenize(text)]
        assert got == _plain_tokens(text, 0, len(text)), text
        if len(text) > 3:
            got = [tuple(t) for t in tokenize(text, 1, len(text) - 1)]
            assert got == _plain_tokens(text, 1, len(text) - 1), text


def test_whitespace_only_ranges_give_no_tokens():
    # a long run of spaces is skipped in one step (and at the end of a range: no token)
    assert tokenize(" " * 100_000) == ()
    assert [t.text for t in tokenize("a" + " " * 100_000 + "b" + " " * 50_000)] == ["a", "b"]


# --------------------------------------------------------------------------- clean


def test_binary_character_count_matches_the_definition():
    # controls other than \t \n \v \f \r, DEL, C1 controls and U+FFFD count as binary
    for code in range(0x3000):
        ch = chr(code)
        bad = (code < 32 and ch not in "\t\n\r\f\v") or ch == "\ufffd" or 0x7F <= code < 0xA0
        # 10 of 10 characters bad -> binary; a NUL is binary on its own
        assert looks_binary(ch * 10) is bad, hex(code)
    assert looks_binary("\ufffd" * 3 + "a" * 7) is False  # 3 of 10 is not more than 30%
    assert looks_binary("\ufffd" * 4 + "a" * 6) is True  # 4 of 10 is


# --------------------------------------------------------------------------- actors


def _mentions_without_prefilter(doc, actors=None, monkeypatch=None):
    import framing.actors as actors_module

    monkeypatch.setattr(actors_module, "_probes", lambda groups: None)
    try:
        return find_actor_mentions(doc, actors)
    finally:
        monkeypatch.undo()


def test_actor_prefilter_finds_every_mention(monkeypatch):
    texts = [p.read_text(encoding="utf-8") for p in SEEDS]
    texts.append(
        "Headline\n\nThe Met said riot police and Met officers arrested BLM activists. "
        "O’Brien’s supporters met the police. Police-led talks failed. "
        "ΚΡΑΤΟΣ and İstanbul police spoke. The Old Bill arrived; XR's protesters left."
    )
    for text in texts:
        doc = parse(text)
        fast = find_actor_mentions(doc)
        assert fast == _mentions_without_prefilter(doc, monkeypatch=monkeypatch)
    # labels and names of the crafted text, found by reading it
    doc = parse(texts[-1])
    labels = [m.text for m in find_actor_mentions(doc)]
    assert "riot police" in labels and "Met officers" in labels and "The Old Bill" in labels


def test_actor_prefilter_with_non_ascii_text_and_aliases(monkeypatch):
    from framing.actors import _probes

    nordic = ActorGroup(name="police", aliases=("Politiet", "politi"), labels=("politi",))
    greek = ActorGroup(name="greek", aliases=("ΚΡΑΤΟΣ", "κράτος"), labels=("κράτος",))
    doc = parse("Headline\n\nΤο ΚΡΑΤΟΣ και το κράτος. Politiet sa at POLITI kom. İpoliti.")
    assert _probes((nordic,)) is not None  # ASCII aliases: prefilter on
    assert _probes((nordic, greek)) is None  # a non-ASCII alias: prefilter off
    for groups in ((nordic,), (nordic, greek)):
        fast = find_actor_mentions(doc, groups)
        assert fast == _mentions_without_prefilter(doc, groups, monkeypatch)
    # "Politiet" (name, capitalised) and "POLITI" (label, any case); "İpoliti" is one
    # word, not the label
    found = [m.text for m in find_actor_mentions(doc, (nordic,))]
    assert found == ["Politiet", "POLITI"]


def test_mentions_found_once_give_the_same_scores():
    for path in SEEDS:
        doc = parse(path.read_text(encoding="utf-8"))
        mentions = find_actor_mentions(doc)
        assert score_sentiment(doc, mentions=mentions) == score_sentiment(doc)
        assert score_terms(doc, mentions=mentions) == score_terms(doc)


def test_score_shares_mentions_and_matches_the_separate_scorers():
    text = SEEDS[0].read_text(encoding="utf-8")
    scores = framing.score(text)
    doc = scores.document
    assert scores.sentiment == score_sentiment(doc)
    assert scores.terms == score_terms(doc)
    groups = tuple(load_actors())
    assert framing.score(text, actors=list(groups)).as_dict().keys() == scores.as_dict().keys()


def test_long_inputs_skip_the_caches_with_the_same_results():
    from framing.clean import _norm
    from framing.roles import _key, role_from_cues
    from framing.speakers import _letters, _split_title

    # lower case, article and 's dropped, spaces collapsed: by the rule's definition
    assert _key("The  " + "Ab " * 100 + "Cd's") == "ab " * 100 + "cd"
    assert _key("The Met's") == "met"
    assert _norm("  A  B " * 600) == ("a b " * 600).strip()
    long_name = "Home Secretary " + "Jo " * 80 + "Edwards"
    assert _split_title(long_name) == ("Home Secretary", long_name[len("Home Secretary "):])
    assert _split_title("Home Secretary Laura Pemberton") == ("Home Secretary",
                                                              "Laura Pemberton")
    # "aab": a twice, b once -> pairs (a,1), (a,2), (b,1)
    assert _letters("aab") == frozenset({("a", 1), ("a", 2), ("b", 1)})
    assert len(_letters("ab" * 100)) == 200
    assert role_from_cues("a spokesman for the force " + "x " * 400) == role_from_cues(
        "a spokesman for the force")


# --------------------------------------------------------------------------- scorers


def _plain_word_tokens(text, offset=0):
    """word_tokens as first written: one WordToken per regex match, built in a loop."""
    from framing.lexicon import _HYPHENS, WORD_RE, WordToken

    out = []
    n = len(text)
    for m in WORD_RE.finditer(text):
        s, e = m.start(), m.end()
        surface = m.group()
        low = surface.lower().replace("’", "'")
        if low.endswith("'s") and len(low) > 2:
            low, surface, e = low[:-2], surface[:-2], e - 2
        before = s >= 2 and text[s - 1] in _HYPHENS and text[s - 2].isalnum()
        after = m.end() + 1 < n and text[m.end()] in _HYPHENS and text[m.end() + 1].isalnum()
        out.append(WordToken(low, surface, s + offset, e + offset, before, after))
    return out


_TRICKY = [
    "", "   ", "it's Bob’s dog's-tail", "a-b -c d- e‐f g‑h", "x'S 'S’s", "İstanbul's-ΟΔΟΣ’s",
    "Σ’S ǅ's", "well-known, self-styled 'so-called' reformers' plans", "--a--", "a-", "-a",
    "O’Brien’s non-stop 9-11 U.S.-led", "The Met's police-led talks; MPs' pay",
    "a-‐b x‑-y é-b b-é _-a a-_ a_-b -- a- -a 1-2-3 x's-y's ’s-’s a--b", "Ω-ω ǅ-x İ-i",
]


def test_word_tokens_by_hand():
    from framing.lexicon import word_tokens

    # "Bob’s" -> norm "bob", surface "Bob", offsets 10..13 (offset 10 added); "well" is
    # joined after by the hyphen, "known" joined before.
    toks = word_tokens("Bob’s well-known", 10)
    assert [(t.norm, t.surface, t.start, t.end) for t in toks] == [
        ("bob", "Bob", 10, 13), ("well", "well", 16, 20), ("known", "known", 21, 26)]
    assert [(t.joined_before, t.joined_after) for t in toks] == [
        (False, False), (False, True), (True, False)]


def test_word_tokens_are_those_of_the_plain_loop():
    from framing.lexicon import word_tokens

    texts = list(_TRICKY)
    for path in SEEDS:
        doc = parse(path.read_text(encoding="utf-8"))
        texts += [doc.source[s.start:s.end] for s in doc.sentences]
    rng = random.Random(3)
    alphabet = "aB '’-‐‑sS.İΣ1"
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 25)))
              for _ in range(3000)]
    for text in texts:
        fast, plain = word_tokens(text, 7), _plain_word_tokens(text, 7)
        assert fast == plain
        assert all(type(t) is type(p) for t, p in zip(fast, plain))


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="aZé1_ '’-‐‑sΣİ.\n", max_size=40), st.integers(0, 50))
def test_word_tokens_are_those_of_the_plain_loop_on_any_text(text, offset):
    """Hyphens, apostrophes and letters in any arrangement (the split, the cumulative
    offsets and the patched joins and possessives)."""
    from framing.lexicon import word_tokens

    assert word_tokens(text, offset) == _plain_word_tokens(text, offset)


def _plain_match_phrases(tokens, keys, index, accept=None):
    """Greedy leftmost-longest matching as first written: every position, every candidate."""
    out, i, n = [], 0, len(tokens)
    while i < n:
        found = None
        if not tokens[i].joined_before:
            for cand in index.get(keys[i], ()):
                j = i + len(cand.keys)
                if j > n or tokens[j - 1].joined_after:
                    continue
                if tuple(keys[i:j]) != cand.keys:
                    continue
                if accept is not None and not accept(cand.payload, tokens[i:j]):
                    continue
                found = (i, j, cand.payload)
                break
        if found is None:
            i += 1
        else:
            out.append(found)
            i = found[1]
    return out


def test_phrase_index_matches_like_the_plain_scan():
    from framing.actors import _actor_index, _case_ok
    from framing.lexicon import build_index, load_lexicon, match_phrases, word_tokens

    # "so" starts hundreds of lexicon candidates; the pair index must pick the same one
    texts = list(_TRICKY) + [
        "It was a so-called reform, so called by critics; so-called so",
        "Hamas militants and Hamas-run police; riot police, the Met and Met Police.",
    ]
    for path in SEEDS:
        doc = parse(path.read_text(encoding="utf-8"))
        texts += [doc.source[s.start:s.end] for s in doc.sentences]
    inflected, exact = load_lexicon().index()
    actor_index = _actor_index(tuple(load_actors()))
    # a hand-made index where a longer candidate fails on a hyphen and a shorter one wins
    toy = build_index([(("a", "b", "c"), 1), (("a", "b"), 2), (("a",), 3), (("b",), 4)])
    for text in texts + ["a b-c", "a b-x", "a b c a", "a-b a b", "b a"]:
        toks = word_tokens(text)
        keys = [t.norm for t in toks]
        for index, accept in ((inflected, None), (exact, None), (actor_index, _case_ok),
                              (toy, None)):
            assert match_phrases(toks, keys, index, accept) == _plain_match_phrases(
                toks, keys, dict(index), accept)
    # by hand: in "a b-x", "a b c" fails on the third word and "a b" would end at a
    # hyphen joining "b" to "x", so "a" alone matches (payload 3); "b" alone also ends
    # at that hyphen: no second match. In "a b-c" the hyphen is inside "a b c": allowed.
    toks = word_tokens("a b-x")
    assert match_phrases(toks, [t.norm for t in toks], toy) == [(0, 1, 3)]
    toks = word_tokens("a b-c")
    assert match_phrases(toks, [t.norm for t in toks], toy) == [(0, 3, 1)]


def test_lexicon_hash_agrees_with_equality():
    from framing.lexicon import Lexicon, load_lexicon

    lex = load_lexicon()
    copy = Lexicon(lex.name, lex.version, tuple(lex.entries), lex.sha256)
    assert copy == lex and hash(copy) == hash(lex)
    assert copy.index() == lex.index()
    assert copy.categories == lex.categories


def test_typographic_normalisation_is_the_translation_table():
    from framing.sentiment import _TYPOGRAPHIC, _normalise

    assert _normalise("don’t “good” «x» ‹y›") == "don't \"good\" \"x\" 'y'"
    rng = random.Random(5)
    alphabet = [chr(c) for c in _TYPOGRAPHIC] + list("ab \"'é’")
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        assert _normalise(text) == text.translate(_TYPOGRAPHIC)


def test_bootstrap_interval_is_the_plain_formula():
    import numpy as np

    from framing.sentiment import _bootstrap_interval

    rng = random.Random(11)
    for n in (2, 3, 17, 60):
        values = [round(rng.uniform(-1, 1), 4) for _ in range(n)]
        gen = np.random.default_rng(2014)
        index = (gen.random((500, n)) * n).astype(np.intp)
        means = np.asarray(values)[index].sum(axis=1) / n
        low, high = np.percentile(means, [2.5, 97.5])
        assert _bootstrap_interval(values, 500, 2014) == (float(low), float(high))


def test_word_counts_are_the_plain_interval_test():
    from framing.document import offset_in_intervals
    from framing.terms import _word_counts

    for path in SEEDS:
        doc = parse(path.read_text(encoding="utf-8"))
        intervals = doc.quoted_intervals()
        words = [t for s in doc.sentences for t in s.tokens if t.kind in ("word", "number")]
        plain = (len(words), sum(offset_in_intervals(intervals, t.start) for t in words))
        assert _word_counts(doc) == plain
    # by hand: 'He said "very good" today' -> 5 words, 2 inside the quotes
    assert _word_counts(parse('He said "very good" today.')) == (5, 2)


def test_readability_counts_are_the_per_sentence_loop():
    from framing.readability import (
        COUNTED_PARAGRAPH_KINDS,
        _number_profile,
        _running_text,
        _word_profile,
        count_readability,
    )

    for path in SEEDS:
        doc = parse(path.read_text(encoding="utf-8"))
        words, numbers, sentences = [], [], 0
        for columns in _running_text(doc, COUNTED_PARAGRAPH_KINDS):
            tokens = columns.tokens()
            in_words = [t.text for t in tokens if t.kind == "word"]
            in_numbers = [t.text for t in tokens if t.kind == "number"]
            if in_words or in_numbers:
                sentences += 1
                words += in_words
                numbers += in_numbers
        profiles = [*map(_word_profile, words), *map(_number_profile, numbers)]
        counts = count_readability(doc)
        assert (counts.words, counts.syllables, counts.letters) == tuple(
            sum(p[k] for p in profiles) for k in (0, 1, 6))
        assert counts.sentences == sentences


# --------------------------------------------------------------------------- attribution


def test_parse_without_attribution_keeps_everything_else():
    """attribute=False skips only the attribution: the rest of the Document, and every
    scorer's output (the quote scorers attribute on demand), are those of a full parse."""
    from framing.quote_balance import score_quotes
    from framing.quotes import document_quotes
    from framing.readability import score_readability
    from framing.terms import find_scare_quotes

    for path in SEEDS:
        text = path.read_text(encoding="utf-8")
        full, light = parse(text), parse(text, attribute=False)
        assert full.quotes, path.name  # every seed has quotations, so the check can fail
        assert light.quotes == ()
        assert light.flags == (*full.flags, "quotes_not_attributed")
        for name in ("source", "text", "paragraphs", "sentences", "quote_spans", "removed",
                     "metadata"):
            assert getattr(light, name) == getattr(full, name), (path.name, name)
        assert document_quotes(light) == full.quotes
        assert document_quotes(full) is full.quotes
        assert score_quotes(light).as_dict() == score_quotes(full).as_dict()
        assert find_scare_quotes(light) == find_scare_quotes(full)
        assert score_readability(light).as_dict() == score_readability(full).as_dict()


def test_registry_index_is_per_registry():
    """Each registry keeps its own lookup index: a user registry naming the speaker
    decides the role (a registry role wins over cues), before and after the same text is
    parsed with the built-in registry alone."""
    text = "\u201cWe will review the footage,\u201d said Jo Bloggs on Tuesday."
    registry = {"Jo Bloggs": "police"}
    first = parse(text, registry=registry).quotes
    plain = parse(text).quotes
    again = parse(text, registry=registry).quotes
    assert first == again
    assert [q.role for q in first] == ["police"]  # the registry's role, by definition
    assert [q.speaker for q in plain] == ["Jo Bloggs"]
    assert plain[0].role != "police"  # no cue word names the police in the text


def test_find_person_length_bound_is_implied_by_the_letter_bound():
    """The length test skips a pair only when the letter bound would: shared letters are
    at most the shorter word's length, so 2*shared/(a+b) <= 2*min(a, b)/(a+b)."""
    rng = random.Random(7)
    words = ["".join(rng.choice("abcdeilnorst") for _ in range(rng.randint(1, 12)))
             for _ in range(300)]
    for a in words[:60]:
        for b in words:
            for floor in (0.6, 0.8):
                if 2.0 * min(len(a), len(b)) / (len(a) + len(b)) < floor:
                    assert _ratio_bound(a, b) < floor


# --------------------------------------------------------------------------- actor search


def _plain_find_in(registry: ActorRegistry, text: str) -> tuple[object, str, int, int] | None:
    """The actor search as first written: one regex per alias, in registry order; a match
    replaces the best so far only when strictly longer."""
    best = None
    for actor in registry.actors:
        for alias in actor.names:
            flags = 0 if alias.isupper() and len(alias) <= 4 else re.IGNORECASE
            pattern = re.compile(rf"(?<![\w@]){re.escape(alias.strip())}(?![\w])", flags)
            for m in pattern.finditer(text):
                if best is None or (m.end() - m.start()) > (best[3] - best[2]):
                    best = (actor, m.group(0), m.start(), m.end())
    return best


def _registry(*entries: tuple[str, ...]) -> ActorRegistry:
    from framing.roles import Actor

    return ActorRegistry(tuple(Actor(names[0], "other", "", names[1:]) for names in entries))


def test_find_in_ties_and_lengths_by_hand():
    # "Labour" and "Police" are both 6 letters: the actor listed first wins although its
    # name comes later in the text; "Met Police" (10) beats "Met" (3) and "Police" (6).
    reg = _registry(("Labour",), ("Police",), ("Met",))
    assert reg.find_in("Police and Labour")[1:] == ("Labour", 11, 17)
    assert reg.find_in("the Met Police")[1:] == ("Police", 8, 14)
    reg = _registry(("Met",), ("Met Police",), ("Police",))
    assert reg.find_in("the Met Police said")[1:] == ("Met Police", 4, 14)
    # An actor's second occurrence never replaces its first (equal length).
    assert reg.find_in("Met, then met again")[1:] == ("Met", 0, 3)
    # Short all-capital aliases are case-sensitive; others are not; no match inside a
    # word or after "@".
    reg = _registry(("Metropolitan Police", "MPS"))
    assert reg.find_in("mps and MPs") is None
    assert reg.find_in("the MPS said")[1:] == ("MPS", 4, 7)
    assert reg.find_in("@MPS, MPSx, xMPS") is None
    assert reg.find_in("METROPOLITAN police")[1:] == ("METROPOLITAN police", 0, 19)


def test_find_in_matches_the_plain_alias_loop():
    # Overlapping aliases, shared aliases, padded aliases, punctuation, case rules and
    # characters that match other letters case-insensitively (long s, Kelvin sign, dotted
    # capital I); registries drawn at random from them, texts from their pieces.
    aliases = ["Met", "Met Police", "MPS", "No 10", "No10", "İstanbul", "istanbul", "star",
               "Kelvin", "a.b", "a+b", "Jo", "Jo Bloggs", "Bloggs", "SS", "É", "AB", "ab",
               " Ab ", "The Met", "@metpoliceuk", "Police", "IOPC", "1"]
    pieces = [*aliases, "met", "MET", "mps", "ſtar", "\u212aelvin", "iopc", "é", "x", "@",
              "-", "_", "'s", ",", ".", " "]
    rng = random.Random(5)
    registries = [builtin_registry(), ActorRegistry(())]
    for _ in range(150):
        registries.append(_registry(*(
            tuple(rng.sample(aliases, rng.randint(1, 4))) for _ in range(rng.randint(1, 5))
        )))
    for reg in registries:
        for _ in range(60):
            text = "".join(rng.choice(pieces) + rng.choice(["", " ", ", "])
                           for _ in range(rng.randint(0, 9)))
            found, plain = reg.find_in(text), _plain_find_in(reg, text)
            assert found == plain, (reg, text)
            assert found is None or found[0] is plain[0]  # the same actor, not an equal one


def test_find_in_with_an_empty_alias_is_the_plain_loop():
    # An alias of spaces matches an empty string between non-word characters; the plain
    # loop (the registry's fallback) keeps the first such match when nothing longer occurs.
    reg = _registry(("Jo Bloggs", " "), ("Met",))
    for text in ["", "-", "Met", "x y", "said Jo Bloggs", "Jo Bloggs and the Met"]:
        assert reg.find_in(text) == _plain_find_in(reg, text)


def test_cue_pattern_matches_like_the_plain_alternation():
    from framing.roles import _cue_regex

    pattern, cues = _cue_regex()
    alternatives = sorted(cues, key=len, reverse=True)
    body = "|".join(re.escape(c) if c.endswith("-") else re.escape(c) + r"(?![\w])"
                    for c in alternatives)
    plain = re.compile(rf"(?<![\w])(?:{body})")
    # every cue alone, glued to the next, run into a word, and the seeds (lower-cased as
    # role_from_cues does; upper case as well, which neither pattern matches)
    texts = [" ".join(alternatives), "".join(alternatives), "x".join(alternatives),
             " ".join(f"{c}s" for c in alternatives)]
    texts += [p.read_text(encoding="utf-8").lower() for p in SEEDS]
    texts += [t.upper() for t in texts[:1]]
    for text in texts:
        assert [m.span() for m in pattern.finditer(text)] == [
            m.span() for m in plain.finditer(text)
        ]
