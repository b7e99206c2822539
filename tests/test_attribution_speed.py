"""The fast paths of quote attribution give the results of the plain methods.

Each speed-up of framing.speakers, framing.roles and framing.quotes (mentions with their
descriptions worked out when read, one rule per distinct capitalised run, string tests
before the organisation-evidence regexes, the registry key without regexes, the
case-sensitive first-letter classes of the verb regex, entity descriptions added when
read) is checked against the plain method it replaces, written out here, on hand-made
cases chosen to hit its edge cases, the seed articles and generated articles.
"""

from __future__ import annotations

import bisect
import difflib
import random
import re
import string
import sys
from pathlib import Path

import pytest

from framing.bench import synthetic_articles
from framing.parsing import parse
from framing.quotes import extract_quotes
from framing.roles import (
    _CASE_EXTRAS,
    ActorRegistry,
    _key_plain,
    _verbs,
    builtin_registry,
    load_registry,
    verb_pattern,
)
from framing.speakers import (
    _CALENDAR_WORDS,
    _DETERMINER_RE,
    _ITS_MEMBER_RE,
    _MEMBER_AFTER_RE,
    _MEMBER_BEFORE_RE,
    _NAME_RE,
    _OPENER_RE,
    Mention,
    SpeakerResolver,
    _classify,
    _description,
    _descriptions,
    _Entity,
    _org_evidence,
    _person_parts,
    _plan,
    _split_title,
    find_mentions,
)

# The regex roles.cut_possessive replaced in framing, kept as the reference here.
_POSSESSIVE_RE = re.compile(r"['’]s$")

SEEDS = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))

HOSTILE = [
    "",
    "   ",
    "He said \"hi",
    "Mr. Smith, the head, said: “No.” Dr. Who said “fine.”",
    "‘Single,’ she said. ‘Nested “double” quote,’ said Ann Lee. He added: 'ok'.",
    "İstanbul police said. The Met’s spokesman said. Activists from Earth Uprising said.",
    "And And said. But Trump’s aides. The The. A. @handle said. U.S. officials said.",
    "Just Stop Traffic activists said its members would return. Liberty Watch’s head said.",
    "Home Secretary Laura Pemberton, a Conservative MP, said. Labour MP Zarah Sultana said.",
    "SAİD ſaid CLAIMED Claımed \u212aept, ACCORDING TO Police, it was fine.",
    "Jo Bloggs said. Jo Bloggs, the chairman of the Bloggs Campaign, said it. Bloggs said.",
]


def _texts() -> list[str]:
    texts = [path.read_text(encoding="utf-8") for path in SEEDS]
    texts += [article.text for article in synthetic_articles(25, seed=3)]
    return texts + HOSTILE


# --------------------------------------------------------------------------- roles._key


def _plain_key(name: str) -> str:
    """The registry key as first written: three regex substitutions."""
    name = re.sub(r"\s+", " ", name.strip().lower())
    name = re.sub(r"^(the|a|an) ", "", name)
    return re.sub(r"['’]s$", "", name)


def test_key_is_the_plain_regex_key():
    # every Unicode whitespace, articles in any case, possessives, a dotted capital I
    # (whose lower case is two characters)
    spaces = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]
    pieces = ["the", "The", "THE", "a", "A", "an", "AN", "'s", "’s", "s", "'", "x", "İ",
              "Met", *spaces]
    rng = random.Random(5)
    for _ in range(20000):
        name = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 7)))
        assert _key_plain(name) == _plain_key(name), repr(name)


def test_key_by_hand():
    # lower case, runs of spaces to one, leading article and trailing 's dropped
    assert _key_plain("  The   Met’s ") == "met"
    assert _key_plain("An\u00a0Post") == "post"
    assert _key_plain("Theresa's") == "theresa"  # "the" only as a word
    assert _key_plain("the") == "the"  # no space after it: kept


# --------------------------------------------------------------------------- verb regex


def test_case_extras_are_every_other_case_insensitive_match():
    # Over every code point: the characters an ASCII letter matches case-insensitively
    # are its two cases and those listed in _CASE_EXTRAS (and nothing else).
    pattern = re.compile("[a-z]", re.IGNORECASE)
    extras: dict[str, str] = {}
    for code in range(128, sys.maxunicode + 1):
        char = chr(code)
        if pattern.fullmatch(char):
            for letter in string.ascii_lowercase:
                if re.fullmatch(letter, char, re.IGNORECASE):
                    extras[letter] = extras.get(letter, "") + char
    assert extras == _CASE_EXTRAS


def test_verb_pattern_matches_like_the_case_insensitive_alternation():
    forms = sorted(_verbs(), key=len, reverse=True)
    body = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms)
    plain = re.compile(rf"(?<![\w'’-])(?:{body})(?![\w'’-])", re.IGNORECASE)
    # dotted and dotless i, long s and the Kelvin sign inside forms, mixed case
    texts = _texts() + [
        "İNSİSTED ınsisted ſays ſAID \u212aept ADDED Added aDdEd according\tto ACCORDING TO",
        " ".join(f.title() for f in forms),
    ]
    for text in texts:
        assert [m.span() for m in verb_pattern().finditer(text)] == [
            m.span() for m in plain.finditer(text)
        ]


# --------------------------------------------------------------------------- name regex


def test_name_regex_matches_like_the_plain_alternation():
    # The run regex as first written: a handle, or capitalised words joined by spaces and
    # connectors. The fast form opens with one character class; every match (also with
    # start and end bounds, as the scan uses) and every match at the start must agree.
    cap = r"(?:[A-Z][\w’'\-]*[\w](?:(?<=s)['’](?=\s))?|[A-Z])\.?"
    connectors = r"(?:of|for|the|and|de|da|del|la|le|van|von|al|bin|du|of\s+the|for\s+the)"
    plain = re.compile(rf"@\w+|{cap}(?:\s+(?:{connectors}\s+)?{cap})*")
    pieces = ["A", "Ab", "s", "S", "’", "'", "-", ".", " ", "  ", "\n", "\u00a0", "@", "@x",
              "of", "of the", "and", "x", "é", "É", "_", "1", ",", "Jones’ ", "U.S."]
    rng = random.Random(11)
    texts = _texts() + ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
                        for _ in range(20000)]
    for text in texts:
        assert [m.span() for m in _NAME_RE.finditer(text)] == [
            m.span() for m in plain.finditer(text)], repr(text)
        a = rng.randint(0, len(text))
        b = rng.randint(a, len(text))
        assert [m.span() for m in _NAME_RE.finditer(text, a, b)] == [
            m.span() for m in plain.finditer(text, a, b)], repr(text)
        fast, slow = _NAME_RE.match(text), plain.match(text)
        assert (fast and fast.span()) == (slow and slow.span()), repr(text)


def test_name_regex_by_hand():
    text = "@jo_b met Home Secretary Laura Pemberton of the Met; Jones’ aide, U.S. envoy."
    # the handle; a run through "of the" (";" ends it); "Jones’" keeps its apostrophe
    # before a space; "U.S." is two runs (a dot then no space ends a word)
    assert [m.group(0) for m in _NAME_RE.finditer(text)] == [
        "@jo_b", "Home Secretary Laura Pemberton of the Met", "Jones’", "U.", "S."]


# --------------------------------------------------------------------------- evidence


def _plain_org_evidence(text: str, start: int, end: int) -> str:
    after = text[end:end + 80]
    before = text[max(0, start - 40):start]
    for m in (_MEMBER_AFTER_RE.match(after), _MEMBER_BEFORE_RE.search(before),
              _ITS_MEMBER_RE.match(after)):
        if m:
            return m.group(1)
    return ""


def test_org_evidence_is_the_plain_three_patterns():
    words = ["Earth Uprising", "’s", "'s", "’", "s", " ", "  ", "\n", "\u00a0", "activists",
             "head", "from", "of", "the", "at", "for", "group", "said", "has", "have",
             "announced", "its", "supporters", ".", ",", "x", "members", "statement"]
    rng = random.Random(9)
    for _ in range(20000):
        before = "".join(rng.choice(words) for _ in range(rng.randint(0, 8)))
        after = "".join(rng.choice(words) for _ in range(rng.randint(0, 10)))
        text = f"{before}Name{after}"
        start = len(before)
        assert _org_evidence(text, start, start + 4) == _plain_org_evidence(
            text, start, start + 4), repr(text)


def test_org_evidence_by_hand():
    text = "Just Stop Traffic activists blocked it; activists from Earth Uprising came."
    assert _org_evidence(text, 0, 17) == "activists"  # noun right after the name
    start = text.index("Earth")
    assert _org_evidence(text, start, start + 14) == "activists"  # "activists from"
    text = "Liberty Watch said on Monday that its members would march."
    assert _org_evidence(text, 0, 13) == "members"  # "said ... its members"
    assert _org_evidence("Jo Bloggs went home.", 0, 9) == ""


# --------------------------------------------------------------------------- mentions


def _plain_normal_name(raw: str, registry: ActorRegistry) -> tuple[str, int, bool]:
    name, shift = raw, 0
    opener = _OPENER_RE.match(name)
    if opener:
        name = name[opener.end():]
        shift += opener.end()
    lead = _DETERMINER_RE.match(name)
    if lead:
        name = name[lead.end():]
        shift += lead.end()
    name = _POSSESSIVE_RE.sub("", name).rstrip(".")
    lone = (bool(name) and len(name.split()) == 1 and not name.isupper()
            and not name.startswith("@") and registry.lookup(name) is None)
    return name, shift, lone


def _plain_name_info(raw: str, registry: ActorRegistry):
    name, offset, lone = _plain_normal_name(raw, registry)
    if not name or (name in _CALENDAR_WORDS and registry.lookup(name) is None):
        return None  # a day or month standing alone: a date
    kind = _classify(name, registry)
    title_words = ""
    head_words, tail = _split_title(name)
    if head_words and tail and _classify(tail, registry) == "person":
        kind = "person"
    if kind == "person":
        title_words, name = _split_title(name)
        if name in raw:
            offset = raw.find(name)
    single = len(name.split()) == 1
    other_kind = "person" if registry.lookup(name) is None else "org"
    return name, offset, lone, kind, title_words, single, other_kind


def _plain_find_mentions(doc, registry=None) -> tuple[Mention, ...]:
    """find_mentions as first written: every description worked out at once, the rules
    applied to every match."""
    reg = builtin_registry().merged(registry)
    quoted = doc.quoted_intervals()
    starts = [s for s, _ in quoted]
    mentions: list[Mention] = []
    org_words: dict[str, str] = {}
    ranges_of: dict[int, list[tuple[int, int]]] = {}
    for sentence in doc.sentences:
        ranges_of.setdefault(sentence.paragraph, []).append((sentence.start, sentence.end))
    for para in doc.paragraphs:
        if para.kind == "embed":
            continue
        text = para.text
        for a, b in ranges_of.get(para.index, [(para.start, para.end)]):
            for m in _NAME_RE.finditer(text, a - para.start, b - para.start):
                start = para.start + m.start()
                i = bisect.bisect_right(starts, start) - 1
                if i >= 0 and quoted[i][0] <= start < quoted[i][1]:
                    continue
                info = _plain_name_info(m.group(0), reg)
                if info is None:
                    continue
                name, offset, lone, kind, title_words, single, other_kind = info
                before = text[max(0, m.start() - 40):m.start()].rstrip()
                initial = not before or before[-1] in ".!?:\"“‘'"
                if lone and initial:
                    continue
                if kind in ("other", "place"):
                    if not single or initial:
                        continue
                    if kind == "other":
                        kind = other_kind
                start += offset
                desc = _description(text, m.start(), m.end())
                if title_words:
                    desc = f"{title_words} {desc}"
                mentions.append(Mention(name, start, start + len(name), kind, desc))
                if kind == "person":
                    evidence = _plain_org_evidence(text, m.start(), m.end())
                    if evidence:
                        org_words[name] = f"{org_words.get(name, '')} {evidence}".strip()
    return tuple(
        Mention(x.text, x.start, x.end, "org", f"{x.description} {org_words[x.text]}")
        if x.text in org_words else x
        for x in mentions
    )


REGISTRY = {"Jo Bloggs": "police", "Nine": "other", "Liberty Watch": "advocacy",
            "Trump": {"role": "government", "aliases": ["the president", "POTUS"]}}


@pytest.mark.parametrize("registry", [None, REGISTRY])
def test_find_mentions_is_the_plain_scan(registry):
    reg = load_registry(registry)
    checked = 0
    for text in _texts():
        doc = parse(text, attribute=False)
        found = find_mentions(doc, reg)
        assert found == _plain_find_mentions(doc, reg)
        checked += len(found)
    assert checked > 100  # the texts hold names, so the comparison can fail


def test_plan_is_the_plain_name_rules():
    registry = builtin_registry().merged(load_registry(REGISTRY))
    runs = {m.group(0) for text in _texts() for m in _NAME_RE.finditer(text)}
    runs |= {"And And", "The The", "But Mr Mr", "Nine", "NATO", "@handle", "U.", "A",
             "Jo Bloggs’s", "Home Secretary Laura Pemberton", "Labour MP Zarah Sultana",
             "Mr Salhab", "Trump", "West Bank", "The President"}
    for raw in sorted(runs):
        info = _plain_name_info(raw, registry)
        plan = _plan(raw, registry)
        if info is None:
            assert plan is None
            continue
        name, offset, lone, kind, title_words, single, other_kind = info
        if kind in ("other", "place") and not single:
            rule = 2  # always skipped
        elif lone or kind in ("other", "place"):
            rule = 1  # skipped at a sentence start
        else:
            rule = 0
        assert plan[:3] == (name, offset, rule), raw
        if rule != 2:  # the kind and title words of a kept mention
            assert plan[3:] == (other_kind if kind == "other" else kind, title_words), raw


# --------------------------------------------------------------------------- entities


def test_descriptions_are_added_in_order_once_and_at_most_twelve():
    entity = _Entity("Jo Bloggs", "person")
    for text in ["a", " a ", "", "b", *[f"d{i}" for i in range(20)]]:
        entity.pending.append(text)
    # "a" once (" a " strips to it), "" skipped, then "b" and the first ten d's: 12
    assert _descriptions(entity) == ["a", "b", *[f"d{i}" for i in range(10)]]
    assert entity.pending == []
    entity.pending.append("later")
    assert len(_descriptions(entity)) == 12  # full: nothing more is added


def _plain_find(persons: dict[str, object], surname: str) -> object:
    """The closest person by the plain rule: every key compared with difflib, a ratio of
    0.8, or 0.6 with the same first two letters and lengths within one; strictly best."""
    if surname in persons:
        return persons[surname]
    best, best_ratio = None, 0.0
    for key, entity in persons.items():
        ratio = difflib.SequenceMatcher(None, surname, key).ratio()
        floor = 0.6 if surname[:2] == key[:2] and abs(len(surname) - len(key)) <= 1 else 0.8
        if surname and ratio >= floor and ratio > best_ratio:
            best, best_ratio = entity, ratio
    return best


def test_find_person_with_letters_outside_the_fixed_bits():
    # Accented letters, capitals, digits and a letter met more than eight times have no
    # fixed bit in _letter_mask: they get bits of their own per document.
    rng = random.Random(13)
    alphabet = "aaeéßn1Z"
    doc = parse("Nothing here.")
    for _ in range(40):
        resolver = SpeakerResolver(doc)
        persons: dict[str, object] = {}
        for _ in range(rng.randint(1, 20)):
            key = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12)))
            if key not in persons:
                resolver._remember_person(key, key)  # type: ignore[arg-type]
                persons[key] = key
        for _ in range(30):
            query = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
            assert resolver._find_person(query) == _plain_find(persons, query)
    # nine a's: one more than the fixed bits hold; "aaaaaaaaa" vs "aaaaaaaa" has ratio
    # 2*8/17 = 0.94, so it is found
    resolver = SpeakerResolver(doc)
    resolver._remember_person("aaaaaaaa", "eight")  # type: ignore[arg-type]
    assert resolver._find_person("aaaaaaaaa") == "eight"


def test_person_parts_by_hand():
    # titles dropped from the name, surname lower case, gender from the title, and the
    # words before the last as title cues
    assert _person_parts("Mr John Smith") == ("John Smith", 2, "smith", "m", "Mr John")
    assert _person_parts("Dame Sally Davies") == ("Sally Davies", 2, "davies", "f",
                                                 "Dame Sally")
    assert _person_parts("Sahleb") == ("Sahleb", 1, "sahleb", "", "")


def test_repeated_names_share_one_entity_and_the_fullest_name():
    doc = parse("Headline\n\nSmith spoke first. He met John Smith later. Smith left.")
    resolver = SpeakerResolver(doc)
    first = resolver._add_person("Smith", "")
    assert first is resolver._add_person("Mr Smith", "")  # same surname key
    assert first.name == "John Smith"  # the fullest mention in the article
    assert first.gender == "m"  # from "Mr"


def test_speaker_keeps_the_fullest_name_and_the_role_of_its_descriptions():
    # by hand: "Mr Bloggs" is the Jo Bloggs named before; his description "the chairman
    # of the Bloggs Campaign" holds the cue "campaign" (advocacy)
    text = ("Headline\n\nJo Bloggs, the chairman of the Bloggs Campaign, spoke.\n\n"
            "“We will win,” Mr Bloggs said.")
    assert [(q.speaker, q.role) for q in extract_quotes(text)] == [("Jo Bloggs", "advocacy")]
