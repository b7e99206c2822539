"""Quote extraction (framing.quotes): kinds, attribution patterns, cues and offsets.

Each article below is a few lines written for the test; expected speakers, kinds, cues
and quoted words were written down by reading the lines (the method's definitions in
docs/quotes.md). Accuracy on the hand-annotated gold articles is in test_quote_accuracy.py.
"""

from __future__ import annotations

import pytest

from framing import extract_quotes
from framing.quotes import QUOTE_KINDS, ROLES, Quote


def _one(text: str, kind: str = "direct") -> Quote:
    quotes = [q for q in extract_quotes(text) if q.kind == kind]
    assert len(quotes) == 1, quotes
    return quotes[0]


def _check_offsets(text: str, quote: Quote) -> None:
    assert " ".join(text[a:b] for a, b in quote.segments) == quote.text
    assert (quote.start, quote.end) == (quote.segments[0][0], quote.segments[-1][1])
    if quote.cue:
        assert text[quote.cue_start : quote.cue_end] == quote.cue
    if quote.speaker_mention:
        assert text[quote.speaker_start : quote.speaker_end] == quote.speaker_mention


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "words"),
    [
        # X said: "..."
        ('Headline\n\nSuperintendent Jo Edwards said: "We saw police come under fire."',
         "Jo Edwards", "said", "We saw police come under fire."),
        # "...," said X
        ("Headline\n\n“The plan is a gimmick,” said Labour MP Zarah Sultana.",
         "Zarah Sultana", "said", "The plan is a gimmick,"),
        # "...," X said  (US style)
        ('Headline\n\n"We will not back down," Senator Maria Ortega said.',
         "Maria Ortega", "said", "We will not back down,"),
        # X told ...:
        ("Headline\n\nDiane Abbott told the crowd: 'This is a movement for justice.'",
         "Diane Abbott", "told", "This is a movement for justice."),
        # X added
        ("Headline\n\nJane Smith, a local resident, added: 'We are all frightened here.'",
         "Jane Smith", "added", "We are all frightened here."),
        # in a statement, X said
        ('Headline\n\nIn a statement, the Home Office said: "We keep every site under review."',
         "Home Office", "said", "We keep every site under review."),
        # loaded verb
        ("Headline\n\nMinister Tom Ashworth claimed: 'The numbers are falling fast.'",
         "Tom Ashworth", "claimed", "The numbers are falling fast."),
    ],
)
def test_direct_patterns(text, speaker, cue, words):
    quote = _one(text)
    assert (quote.speaker, quote.cue, quote.text) == (speaker, cue, words)
    _check_offsets(text, quote)


def test_quote_split_by_its_attribution_is_one_quote():
    text = ('Headline\n\n"Nobody is against firefighters," Dale Whitcomb told reporters. '
            '"But we have to stop writing blank checks."')
    quote = _one(text)
    assert quote.speaker == "Dale Whitcomb" and quote.cue == "told"
    assert quote.text == ("Nobody is against firefighters, But we have to stop writing "
                          "blank checks.")
    assert len(quote.segments) == 2
    _check_offsets(text, quote)


def test_multi_paragraph_quote_across_read_more_line():
    text = (
        "Headline\n\nA spokesman for the Metropolitan Police said it was investigating.\n\n"
        'They said: "We are aware of a video.\n\n'
        "READ MORE: Something else entirely\n\n"
        '"The Directorate is investigating."\n\nNine people were arrested.'
    )
    quote = _one(text)
    assert quote.speaker == "Metropolitan Police" and quote.role == "police"
    assert quote.text == "We are aware of a video. The Directorate is investigating."
    assert len(quote.segments) == 2
    assert "READ MORE" not in quote.text
    _check_offsets(text, quote)


def test_following_paragraph_quote_continues_previous_speaker():
    text = (
        "Headline\n\n"
        "“The police confirmed it was a learning visit,” she said.\n\n"
        "“In Hackney, we will continue to listen to concerns.”"
    )
    quote = _one(text)
    assert len(quote.segments) == 2
    assert quote.cue == "said" and quote.speaker_mention == "she"


def test_statement_adds_and_letter_reads():
    text = (
        "Headline\n\n"
        "In a statement, the Met said the visit was planned months in advance.\n\n"
        "“The Met regularly hosts visitors from around the world,” the statement adds.\n\n"
        "Akram Sahleb, a resident of the borough, has written to the mayor.\n\n"
        "“We should be free to live in our borough,” the letter reads."
    )
    direct = [q for q in extract_quotes(text) if q.kind == "direct"]
    assert [(q.speaker, q.cue) for q in direct] == [
        ("Metropolitan Police", "adds"),
        ("Akram Sahleb", "reads"),
    ]
    assert [q.role for q in direct] == ["police", "public"]


def test_it_tweeted_resolves_to_the_organisation():
    text = (
        "Headline\n\nThe Met's events unit is in charge of policing protests.\n\n"
        "It tweeted: 'We police hundreds of events every year.'"
    )
    quote = _one(text)
    assert quote.speaker == "Metropolitan Police" and quote.cue == "tweeted"
    assert quote.speaker_mention == "It"


def test_partial_quote_takes_the_sentence_speaker():
    text = "Headline\n\nThe force has admitted that it was “not advisable” for officers to pose."
    quote = _one(text, "partial")
    assert quote.text == "not advisable"
    assert (quote.speaker_mention, quote.cue, quote.cue_class) == ("The force", "admitted",
                                                                  "concession")


def test_scare_quote_has_no_speaker():
    text = "Headline\n\nThe child held a sign with the words 'Save Our Children!' at the march."
    quote = _one(text, "partial")
    assert quote.speaker is None and quote.cue == "" and quote.role == "other"


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "content"),
    [
        ("Headline\n\nThe Met said small pockets of disorder had followed a peaceful march.",
         "Metropolitan Police", "said",
         "small pockets of disorder had followed a peaceful march"),
        ("Headline\n\nNine people were arrested for violent disorder, the force added.",
         None, "added", "Nine people were arrested for violent disorder"),
        ("Headline\n\nCAGE says the police have arrested innocent people carrying placards.",
         "CAGE", "says", "the police have arrested innocent people carrying placards"),
        ("Headline\n\nAccording to the Met Office, this spring was the warmest on record.",
         "Met Office", "According to", "this spring was the warmest on record"),
        ("Headline\n\nCommissioner Cressida Dick said that officers should not take the knee.",
         "Cressida Dick", "said", "officers should not take the knee"),
    ],
)
def test_indirect_patterns(text, speaker, cue, content):
    quote = _one(text, "indirect")
    assert quote.cue == cue
    assert quote.text == content
    if speaker is not None:
        assert quote.speaker == speaker
    _check_offsets(text, quote)


def test_parenthetical_attribution_gives_two_segments():
    text = ("Headline\n\nIn doing so, CAGE says, the police are inviting hate against "
            "Muslim communities.")
    quote = _one(text, "indirect")
    assert quote.speaker == "CAGE" and quote.cue == "says"
    assert len(quote.segments) == 2
    assert "CAGE says" not in quote.text


def test_embedded_post_speaker_is_the_attribution_line():
    text = (
        "Headline\n\nThe clip spread online.\n\n"
        "Female Met PC in uniform chanting at the demo today.\n\n"
        "— Richard Ryan (@Richard69402100) May 16, 2021\n\nThe march went on."
    )
    quotes = [q for q in extract_quotes(text) if q.kind == "embed"]
    if not quotes:  # the cleaner did not mark the post: nothing to attribute
        pytest.skip("embedded post not recognised by the cleaner")
    (quote,) = quotes
    assert quote.speaker == "Richard Ryan" and quote.role == "public"
    assert quote.text == "Female Met PC in uniform chanting at the demo today."


def test_every_quote_has_a_known_kind_and_role_on_the_seeds():
    from pathlib import Path

    for path in sorted((Path(__file__).parent.parent / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        quotes = extract_quotes(text)
        assert quotes, path.name
        for q in quotes:
            assert q.kind in QUOTE_KINDS and q.role in ROLES
            _check_offsets(text, q)
        assert [q.start for q in quotes] == sorted(q.start for q in quotes)


def test_empty_and_quote_free_text():
    assert extract_quotes("") == []
    assert extract_quotes("Headline\n\nThe council met on Tuesday to discuss the budget.") == []


def test_registry_role_wins_over_cues():
    text = "Headline\n\nJane Doe, a local resident, said: 'We are worried.'"
    assert _one(text).role == "public"
    quotes = extract_quotes(text, registry={"Jane Doe": "expert"})
    assert [q.role for q in quotes if q.kind == "direct"] == ["expert"]


def test_random_mark_soup_never_crashes_and_offsets_hold():
    # Random mixes of quotation marks, apostrophes, attribution words and line breaks:
    # extraction must not fail, and every offset must point at the words it reports.
    import random

    rnd = random.Random(7)
    alphabet = [*"abc XYZ.,:;'\"“”‘’\n—-@()", "said", " she said", "Mr Smith", " told",
                "According to", "\n\n", "It", "They"]
    for _ in range(300):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 120)))
        for q in extract_quotes(text):
            _check_offsets(text, q)
            assert q.kind in QUOTE_KINDS and q.role in ROLES


def test_attribution_paragraph_ending_with_colon():
    text = 'Headline\n\nCaddell continued:\n\n"The health issue is a partisan issue."'
    quote = _one(text)
    assert (quote.speaker, quote.cue) == ("Caddell", "continued")


def test_dash_attribution_after_quote():
    text = "Headline\n\n“Mr. Trump is clueless about the struggles of minorities.” ― Stephanie Egan"
    quote = _one(text)
    assert quote.speaker == "Stephanie Egan" and quote.cue == ""


def test_unattributed_paragraph_quote_keeps_previous_speaker():
    # The previous paragraph's quote is partial ("steals a handful") said by Warren; the
    # next paragraph's quote has no attribution of its own.
    text = ("Headline\n\nA cashier who “steals a handful of $20s” is held accountable, "
            "Elizabeth Warren said.\n\n“The only way Wall Street will change is jail time.”")
    direct = _one(text)
    assert direct.speaker == "Elizabeth Warren" and direct.cue == ""


@pytest.mark.parametrize(
    "attribution",
    ["said Jo Bloggs on Tuesday.", "said Jo Bloggs yesterday.", "said Jo Bloggs in May.",
     "said Jo Bloggs last night.", "Jo Bloggs told reporters on Wednesday."],
)
def test_time_adverbial_after_the_speaker_is_not_the_speaker(attribution):
    # The speaker is the name; "on Tuesday", "yesterday" ... only say when (written cases).
    quote = extract_quotes(f"\u201cWe will review the footage,\u201d {attribution}")[0]
    assert quote.speaker == "Jo Bloggs"
    assert quote.speaker_mention == "Jo Bloggs"
