"""The fast paths of the sixth attribution pass give the results of the plain forms.

Checked here against the plain forms they replace, written out: the name-kind rule's set
tests, the possessive cut of a capitalised run, the expert-word test, the shortened role
rule of a person, and the frozen records built through plain slotted twins.
"""

from __future__ import annotations

import random
import re

import pytest

from framing.bench import synthetic_articles
from framing.parsing import parse
from framing.quotes import Quote, _Attribution, _attribution, _quote, extract_quotes
from framing.roles import cut_possessive, is_shadow_office, role_from_cues
from framing.speakers import (
    _EXPERT_RE,
    _NAME_RE,
    _ORG_WORDS,
    _PLACE_WORDS,
    _POSSESSIVE_END_RE,
    _TITLES,
    Resolved,
    SpeakerHead,
    SpeakerResolver,
    _classify,
    _classify_words_plain,
    _descriptions,
    _Entity,
    _names_expert,
    _resolved,
    _speaker_head,
    _strip_titles,
    _surname,
)

# The regex roles.cut_possessive replaced in framing, kept as the reference here.
_POSSESSIVE_RE = re.compile(r"['’]s$")

TEXTS = [article.text for article in synthetic_articles(30, seed=11)] + [
    "Shadow health secretary Jo Bloggs said: “No.” Professor Ann Lee, an economist, said it.",
    "Ann Lee, a ſcientist at the \u212aing’s College, said: “Yes.” Lee added: “Fine.”",
    "Jo Bloggs, the Labour MP, said “no” and Bloggs told the BBC: “Again.”",
    "Akram Sahleb, a resident, said: “We came.” Mr Salhab, of Liberty Watch, said: “Go.”",
    "Dr Alison Frayne, an epidemiologist, said: “It spreads.” Frayne said: “Wear masks.”",
    "Tom Ashworth, a SHADOW minister, said: “Vote.” Ashworth’s aide said: “Later.”",
]
REGISTRY = {"Jo Bloggs": "police", "Liberty Watch": "advocacy",
            "Trump": {"role": "government", "aliases": ["the president"]}}


def _runs() -> list[str]:
    runs = {m.group(0) for text in TEXTS for m in _NAME_RE.finditer(text)}
    runs |= {"Jo Bloggs’s", "Jo Bloggs's", "Bloggs'", "The Met’s", "James’s Park", "U.S.",
             "A", "S", "’s", "Home Secretary Laura Pemberton", "Labour MP Zarah Sultana",
             "The Labour Party", "Tories’", "Express", "Commons's", "West Bank", "NATO"}
    rng = random.Random(5)
    words = ["Jo", "Bloggs’s", "Police", "Union's", "sUnion", "Street", "Mr", "Dr.", "NHS",
             "Ann", "Lee", "’Trust’", "Kingdom", "the", "of", "Party’s", "Mosque’"]
    runs |= {" ".join(rng.choices(words, k=rng.randint(1, 5))) for _ in range(400)}
    return sorted(runs)


# ------------------------------------------------------------------ name-kind rule


def _plain_classify_words(name: str) -> str:
    """The name-kind rule as written before: word-by-word generator tests."""
    words = name.split()
    if any(w.strip("’'s") in _ORG_WORDS or w in _ORG_WORDS for w in words):
        return "org"
    if len(words) == 1 and name.isupper() and len(name) >= 2:
        return "org"
    if any(w in _PLACE_WORDS for w in words):
        return "place"
    if words[0].rstrip(".") in _TITLES and len(words) >= 2:
        return "person"
    if 2 <= len(words) <= 4 and all(w[:1].isupper() and not w.isupper() for w in words):
        return "person"
    return "other"


def test_classify_words_is_the_plain_rule():
    runs = _runs()
    for name in runs:
        assert _classify_words_plain(name) == _plain_classify_words(name), name
    # every kind is reached, so the comparison can fail
    assert {_classify_words_plain(name) for name in runs} == {"org", "place", "person", "other"}


def test_classify_words_by_hand():
    # expected values from the rule: an org word (also with "s" or quotes stripped), then
    # all capitals, then a place word, then a title, then 2-4 capitalised words
    assert _classify_words_plain("Police’") == "org"  # "Police" after the strip
    assert _classify_words_plain("Tories’") == "other"  # "Torie": the strip takes the s too
    assert _classify_words_plain("sUnion") == "org"  # "Union" after the strip
    assert _classify_words_plain("NHS") == "org"
    assert _classify_words_plain("James’s Park") == "place"
    assert _classify_words_plain("Mr Lee") == "person"
    assert _classify_words_plain("Ann Lee") == "person"
    assert _classify_words_plain("Lee") == "other"


# ------------------------------------------------------------------ possessive cut


def test_possessive_cut_is_the_plain_regex():
    # _plan, _surname and registry keys cut a final 's with roles.cut_possessive (the
    # whole of _plan is checked against the rules written with the regex in
    # tests/test_attribution_speed.py); the runs never end with a newline, where "$"
    # would also match
    names = _runs() + [m.group(0) for text in TEXTS for m in _NAME_RE.finditer(text)]
    names += ["Bloggs’s", "Bloggs's", "Bloggs'", "’s", "s", "Mr. Bloggs.", "Jo’s’s", "'s's"]
    cuts = 0
    for name in names:
        assert not name.endswith("\n")
        cut = cut_possessive(name)
        assert cut == _POSSESSIVE_RE.sub("", name), name
        cuts += cut != name
    assert cuts >= 5
    # by hand: only a final 's or ’s goes
    assert [cut_possessive(n) for n in ("Jo’s’s", "Bloggs'")] == ["Jo’s", "Bloggs'"]


def test_surname_is_the_plain_regex_cut():
    def plain(name: str) -> str:  # _surname as written before
        words = _strip_titles(name.replace(".", ". ").split())
        return _POSSESSIVE_RE.sub("", words[-1]).lower() if words else ""

    names = _runs() + ["", " ", "Mr", "Mr.", "Dr. Jo's", "’s", "Jo Bloggs’s", "J.K.\nRowling's"]
    for name in names:
        assert _surname(name) == plain(name), name
    # by hand: the last word after the titles, lower case, without its 's
    assert _surname("Mr Jo Bloggs’s") == "bloggs" and _surname("Mr") == "mr"


# ------------------------------------------------------------------ expert words


def test_names_expert_is_the_regex():
    cases = ["Professor Ann Lee", "an ECONOMIST", "professorial", "the academics",
             "a ſcientist", "ſcientist", "a criminologist.", "epidemiologist-in-chief",
             "\u212aing’s lecturer", "İstanbul researcher", "researchers", "", "re searcher",
             "a scientist at UCL", "the lecturer's view", "no expert here"]
    rng = random.Random(7)
    pieces = ["prof", "essor", "scient", "ist", " ", "-", "ſ", "İ", "K", "\u212a", "econom",
              "academic", "a", "S", "lecturer", "'", "criminolog", "epidemiolog"]
    cases += ["".join(rng.choices(pieces, k=rng.randint(1, 8))) for _ in range(3000)]
    hits = 0
    for text in cases:
        expected = _EXPERT_RE.search(text) is not None
        assert _names_expert(text) is expected, text
        hits += expected
    assert 50 < hits < len(cases) - 50  # both answers occur
    # by hand: whole words only, any case; the long s matches "s" case-insensitively
    assert _names_expert("a ſcientist") and not _names_expert("professorial")


# ------------------------------------------------------------------ a person's role


def _plain_new_role(self: SpeakerResolver, entity: _Entity, extra: str) -> str:
    """SpeakerResolver._new_role as written before the shortcuts."""
    if self._user is not None:
        actor = self._user.lookup(entity.name)
        if actor is not None:
            return actor.role
    if entity.role:
        return entity.role
    if entity.kind == "person":
        described = " ".join([extra, *_descriptions(entity)])
        if role_from_cues(described) == "expert" or _EXPERT_RE.search(described):
            return "expert"
        if is_shadow_office(described):
            return "politician"
        for run in _NAME_RE.finditer(described):
            org = _POSSESSIVE_END_RE.sub("", run.group(0))
            if _classify(org, self._registry) != "org":
                continue
            hit = self._registry.find_in(org)
            role = hit[0].role if hit else role_from_cues(org)
            if role:
                return role
        if entity.org_role:
            return entity.org_role
    for text in (extra, entity.name if entity.kind != "person" else "",
                 " ".join(_descriptions(entity)), entity.name):
        role = role_from_cues(text)
        if role:
            return role
    return "public" if entity.kind in ("handle", "person") else "other"


@pytest.mark.parametrize("registry", [None, REGISTRY])
def test_new_role_is_the_plain_rule_on_articles(monkeypatch, registry):
    fast = SpeakerResolver._new_role
    seen: list[str] = []

    def both(self, entity, extra):
        role = fast(self, entity, extra)
        assert role == _plain_new_role(self, entity, extra), (entity, extra)
        seen.append(role)
        return role

    monkeypatch.setattr(SpeakerResolver, "_new_role", both)
    for text in TEXTS:
        extract_quotes(text, registry=registry)
    assert len(seen) > 100 and len(set(seen)) >= 4


def test_new_role_is_the_plain_rule_by_hand():
    resolver = SpeakerResolver(parse("Jo Bloggs of Liberty Watch said it.", attribute=False))
    descriptions = ["", "a Labour MP", "shadow health secretary", "Shadow", "ſhadow minister",
                    "an economist", "a ſcientist", "professorial", "resident", "of Liberty Watch",
                    "of the Hackney Council", "spokesman for the force", "Labour", "ok"]
    names = ["Jo Bloggs", "Inspector Lee", "Ann Lee", "Minister Ann"]
    rng = random.Random(3)
    results = set()
    for _ in range(1500):
        entity = _Entity(rng.choice(names), "person",
                         org_role=rng.choice(["", "", "police"]))
        for d in rng.sample(descriptions, rng.randint(0, 3)):
            entity.pending.append(d)
        extra = rng.choice(descriptions)
        plain_entity = _Entity(entity.name, "person", org_role=entity.org_role,
                               pending=list(entity.pending))
        role = resolver._new_role(entity, extra)
        assert role == _plain_new_role(resolver, plain_entity, extra), (entity, extra)
        results.add(role)
    # by hand: a shadow office is a politician, an economist an expert, nothing "public"
    assert resolver._new_role(_Entity("Ann Lee", "person", pending=["shadow minister"]),
                              "") == "politician"
    assert resolver._new_role(_Entity("Ann Lee", "person"), "an economist") == "expert"
    assert resolver._new_role(_Entity("Ann Lee", "person"), "") == "public"
    assert {"politician", "expert", "public", "police"} <= results


# ------------------------------------------------------------------ frozen records


def test_records_built_fast_equal_the_plain_ones():
    fields = ("said it", "Jo Bloggs", "police", "direct", "said", 3, 10, ((3, 10),),
              "Jo", 12, 14, 15, 19, "neutral")
    names = ("text", "speaker", "role", "kind", "cue", "start", "end", "segments",
             "speaker_mention", "speaker_start", "speaker_end", "cue_start", "cue_end",
             "cue_class")
    fast = _quote(*fields)
    assert type(fast) is Quote and fast == Quote(**dict(zip(names, fields)))
    assert type(_attribution(1, 2, 3, 4)) is _Attribution
    assert _attribution(1, 2, 3, 4) == _Attribution(1, 2, 3, 4)
    assert _speaker_head("Jo", 1, 3, "the MP") == SpeakerHead("Jo", 1, 3, "the MP")
    assert _resolved(None, "other", "none") == Resolved(None, "other", "none")
    assert re.fullmatch(r"Quote\(text='said it'.*\)", repr(fast))
