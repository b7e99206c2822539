"""Speakers and roles (framing.speakers, framing.roles).

Expected names and roles come from reading the short texts below and from the role
rules in framing/data/roles.toml (most words wins, ties by the [order] list).
"""

from __future__ import annotations

import pytest

import framing
from framing import extract_quotes
from framing.errors import LexiconError
from framing.roles import load_registry, role_from_cues, verb_class, verb_lemma
from framing.speakers import find_mentions, speaker_head


def _direct(text: str) -> list[tuple[str | None, str]]:
    return [(q.speaker, q.role) for q in extract_quotes(text) if q.kind == "direct"]


def test_title_back_reference_resolves_to_fullest_name():
    text = ("Headline\n\nSpeakers included former shadow home secretary Diane Abbott.\n\n"
            "Ms Abbott told those present: 'We are part of a movement.'")
    assert _direct(text) == [("Diane Abbott", "politician")]


def test_misspelt_surname_resolves_by_fuzzy_match():
    # "Salhab" vs "Sahleb": difflib ratio 0.67, same first two letters, same length.
    text = ("Headline\n\nAkram Sahleb, a Palestinian resident of the borough, said: "
            "“It is shocking.”\n\nMr Salhab wrote: “Their record will not improve.”")
    assert _direct(text) == [("Akram Sahleb", "public"), ("Akram Sahleb", "public")]


def test_pronoun_resolves_to_last_fitting_person():
    text = ("Headline\n\nCouncil cabinet member Susan Fajana-Thomas said she had sought "
            "assurances.\n\n“The police confirmed it was a learning visit,” she said.")
    assert _direct(text) == [("Susan Fajana-Thomas", "government")]


def test_they_said_resolves_to_the_spokesman_organisation():
    text = ("Headline\n\nA Metropolitan Police officer is being investigated.\n\n"
            "A spokesman for the force said its Directorate of Professional Standards "
            "is investigating.\n\nThey said: \"We are aware of a video.\"")
    assert _direct(text) == [("Metropolitan Police", "police")]


def test_spokesperson_for_named_group_speaks_for_it():
    text = ("Headline\n\nMuslim advocacy group CAGE has criticised the police.\n\n"
            "A spokesperson for CAGE said: “The police are behaving erratically.”")
    assert _direct(text) == [("CAGE", "advocacy")]


def test_described_speakers_keep_a_description():
    text = ("Headline\n\nUsers on social media expressed outrage at the image.\n\n"
            "A third commented: “Your officers could use retraining.”")
    assert _direct(text) == [("social media user", "public")]


@pytest.mark.parametrize(
    ("description", "role"),
    [
        ("A spokesman for the force", "police"),
        ("Superintendent", "police"),
        ("Labour MP", "politician"),
        ("former shadow home secretary", "politician"),  # shadow ties secretary: order
        ("Home Secretary", "government"),
        ("Hackney Council cabinet member for community safety", "government"),
        ("Muslim advocacy group", "advocacy"),
        ("a Palestinian resident of the borough", "public"),
        ("professor of criminology", "expert"),
        ("rapper", "other"),
        ("House Speaker", "politician"),  # legislative offices (roles.toml, politician)
        ("Senate Majority Leader", "politician"),
        ("the weather", None),
    ],
)
def test_role_cues(description, role):
    assert role_from_cues(description) == role


def test_speaker_head_drops_adverbials_and_keeps_appositive():
    source = "Writing on social media, Scotland Yard"
    head = speaker_head(source, 0, len(source))
    assert head is not None and head.mention == "Scotland Yard"
    assert source[head.start : head.end] == "Scotland Yard"
    source = "Daniel Sugarman, director of public affairs at the Board of Deputies"
    head = speaker_head(source, 0, len(source))
    assert head is not None and head.mention == "Daniel Sugarman"
    assert head.description == "director of public affairs at the Board of Deputies"


def test_verb_classes_from_data():
    assert (verb_class("said"), verb_class("claimed"), verb_class("admitted")) == (
        "neutral", "doubt", "concession")
    assert (verb_class("slammed"), verb_class("insisted")) == ("attack", "doubt")
    assert verb_lemma("told") == "tell" and verb_class("frobnicated") == ""


def test_registry_formats_and_errors(tmp_path):
    reg = load_registry({"Jane Doe": {"role": "expert", "side": "none", "aliases": ["Dr Doe"]}})
    assert reg is not None and reg.lookup("dr doe").role == "expert"
    toml = tmp_path / "actors.toml"
    toml.write_text('[[actor]]\nname = "HPSC"\nrole = "advocacy"\n', encoding="utf-8")
    assert load_registry(toml).lookup("HPSC").role == "advocacy"
    csv = tmp_path / "actors.csv"
    csv.write_text("name,role,side,aliases\nJo Edwards,police,,Supt Edwards|Edwards\n",
                   encoding="utf-8")
    assert load_registry(csv).lookup("Supt Edwards").name == "Jo Edwards"
    with pytest.raises(LexiconError, match="role 'cop'"):
        load_registry({"X": "cop"})
    bad = tmp_path / "bad.toml"
    bad.write_text('[[actor]]\nrole = "police"\n', encoding="utf-8")
    with pytest.raises(LexiconError, match="name"):
        load_registry(bad)


def test_opener_before_determiner_is_not_part_of_the_organisation():
    # "While the Met's ..." : the clause opener "While" and "the" are not the name; "It"
    # refers back to the Met, resolved to the registry's full name (hand-read expectation)
    import framing

    text = (
        "While the Met's events unit is in charge of policing protests in London.\n"
        "It tweeted: 'We police hundreds of events and protests every year.'\n"
    )
    (quote,) = [q for q in framing.extract_quotes(text) if q.kind == "direct"]
    assert quote.speaker == "Metropolitan Police"
    assert quote.role == "police"


def test_pronoun_subject_of_a_clause_is_the_mention():
    # "She then raises her arm and repeatedly chants: ..." : the subject is "She", not the
    # whole clause (hand-read); with no named woman before it, the speaker stays unresolved
    from framing.speakers import speaker_head

    text = "She then raises her arm in the air and repeatedly chants"
    head = speaker_head(text, 0, text.index(" chants"))
    assert head is not None
    assert (head.mention, head.start, head.end) == ("She", 0, 3)


def test_mention_kinds_of_single_words_by_position():
    from framing.parsing import parse
    from framing.speakers import find_mentions

    # "West" is a place word (framing/speakers.py _PLACE_WORDS): kept as a place in the
    # middle of a sentence. "Nine" opens the sentence: a single ordinary word, skipped
    # there. "Whitcomb" mid-sentence is an unclassified single word: a person.
    doc = parse("Nine protesters marched to the West with Whitcomb, and others stayed.")
    found = [(m.text, m.kind) for m in find_mentions(doc)]
    assert found == [("West", "place"), ("Whitcomb", "person")]
    # With a registry naming it, the sentence-initial word is kept, as an organisation.
    found = [(m.text, m.kind) for m in find_mentions(doc, load_registry({"Nine": "other"}))]
    assert found == [("Nine", "org"), ("West", "place"), ("Whitcomb", "person")]


def test_a_name_never_runs_past_the_end_of_its_sentence():
    # Written case: "Ani Difranco." ends a sentence, so "She" is not part of the name; the
    # pronoun then takes the last person named (the rule for she/he in docs/quotes.md).
    doc = framing.parse("The singer on stage was Ani Difranco. She said: \u201cWe will keep "
                        "playing.\u201d")
    assert [m.text for m in find_mentions(doc)] == ["Ani Difranco"]
    assert [q.speaker for q in doc.quotes] == ["Ani Difranco"]
    # Both capitalised runs are names of their own sentences; a title with a full stop
    # inside one sentence ("Sen. Bernie Sanders") stays one name.
    doc = framing.parse("Readers wrote to Axios. But Senator Mary Hollis disagreed. "
                        "Sen. Bernie Sanders agreed.")
    assert [m.text for m in find_mentions(doc)] == [
        "Axios", "Senator Mary Hollis", "Sen. Bernie Sanders"]


def test_is_shadow_office_by_definition():
    # The whole word "shadow", any case; a word containing it is not it.
    from framing.roles import is_shadow_office

    assert is_shadow_office("Shadow home secretary")
    assert is_shadow_office("the party's SHADOW chancellor")
    assert not is_shadow_office("a shadowy figure")
    assert not is_shadow_office("")


def test_registry_person_is_found_again_by_surname() -> None:
    # Hand-read: the three quotes are all Nancy Pelosi's ("Pelosi", "Ms Pelosi", her full
    # name); the registry gives her role, and a surname alone must reach the registry
    # entry rather than start a separate person with the default role "public".
    text = ("House Speaker Nancy Pelosi spoke on Monday.\n\n"
            "\"We will pass it,\" Pelosi said.\n\n"
            "\"It was awful,\" Ms Pelosi told reporters.\n\n"
            "\"No,\" said Nancy Pelosi.")
    quotes = extract_quotes(text, registry={"Nancy Pelosi": "politician"})
    assert [(q.speaker, q.role) for q in quotes] == [("Nancy Pelosi", "politician")] * 3
    bloggs = ("Police officer Jo Bloggs spoke on Monday.\n\n"
              "\"We will find them,\" Mr Bloggs said.")
    quotes = extract_quotes(bloggs, registry={"Jo Bloggs": "police"})
    assert [(q.speaker, q.role) for q in quotes] == [("Jo Bloggs", "police")]


def test_registry_organisation_stays_an_organisation() -> None:
    # "Amnesty International" holds an organisation word: an organisation, so a later
    # pronoun "she" does not resolve to it (by the pronoun rules, "she" is a person).
    text = ("Amnesty International criticised the plan.\n\n"
            "\"This is unlawful,\" Amnesty International said.")
    quotes = extract_quotes(text, registry={"Amnesty International": "advocacy"})
    assert [(q.speaker, q.role) for q in quotes] == [("Amnesty International", "advocacy")]


def test_legislative_leaders_are_politicians() -> None:
    # By the politician cues "house speaker" and "majority leader": before them, a
    # mention like "House Speaker Nancy Pelosi" gave the role public (no cue matched).
    doc = framing.parse("House Speaker Nancy Pelosi criticised the plan. \u201cIt is reckless,\u201d "
                "Pelosi said. Senate Majority Leader Mitch McConnell said: \u201cIt is fine.\u201d")
    assert [q.role for q in doc.quotes] == ["politician", "politician"]
    assert doc.quotes[0].speaker == "Nancy Pelosi"
    # "Senate Majority Leader" is not split off as a title: no single word of it is a
    # cue, so the run is kept whole as an organisation-like name (a known limit).
    assert doc.quotes[1].speaker == "Senate Majority Leader Mitch McConnell"


def test_days_and_unambiguous_months_are_not_mentions() -> None:
    # By the calendar-word rule: a day or month standing alone is a date. "May" is left
    # out of the rule (a name too), so "Theresa May" stays a person.
    doc = framing.parse("Headline\n\nThe minister spoke on Monday. Police said on Tuesday "
                        "that Smith was arrested in March. Theresa May said: \u201cNo.\u201d")
    assert [(m.text, m.kind) for m in find_mentions(doc)] == [
        ("Smith", "person"), ("Theresa May", "person")]
