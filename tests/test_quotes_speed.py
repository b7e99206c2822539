"""The fast paths of quote extraction (framing.quotes) give the results of the plain forms.

Each fast path (the regex of the reported-speech verbs alone, the byte test that skips
sentences without such a verb, the windowed search for the word before a period, the
early test of a colon or comma before a quotation) is checked against the plain form it
replaces, written out here, on hand-made cases chosen to hit its edge cases (case
variants that match case-insensitively, neighbours that are not word boundaries, lone
surrogates, long runs of word characters), random strings, the seed articles and
generated articles.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from framing import quotes
from framing.bench import synthetic_articles
from framing.quotes import (
    _INDIRECT_VERBS,
    _LAST_WORD_RE,
    _WORD_WINDOW,
    _Attribution,
    _before_quote,
    _indirect_verb_re,
    _last_word,
    _may_hold_indirect_verb,
    extract_quotes,
)
from framing.roles import _verbs, verb_pattern

SEEDS = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))

# Characters next to or inside a verb that test its boundaries and case rules: long s and
# Kelvin sign (match "s" and "k" case-insensitively), dotted and dotless i, final sigma,
# underscore and digit (word characters), apostrophes and hyphen (not boundaries for the
# verb regex), curly quotes and an accented letter (multi-byte in UTF-8), a lone surrogate.
_ODD = ["ſ", "\u212a", "İ", "ı", "Σ", "_", "7", "'", "’", "-", "“", "”", "é", "\ud800", "\n"]


def _random_texts(seed: int, count: int) -> list[str]:
    """Strings of verb forms (any case), other words and odd characters."""
    rng = random.Random(seed)
    forms = sorted(_verbs())
    words = [*forms, *sorted(_INDIRECT_VERBS), "the", "police", "Accord", "to", "x"]
    texts = []
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(1, 12)):
            word = rng.choice(words)
            word = rng.choice([word, word.upper(), word.title(), word.replace("s", "ſ"),
                               word.replace("k", "\u212a"), word.replace("i", "İ")])
            parts.append(word)
            parts.append(rng.choice([" ", ", ", ". ", rng.choice(_ODD), "  \n", ""]))
        texts.append("".join(parts))
    return texts


def _hand_made() -> list[str]:
    return [
        "He SAID it; she Says; they said-so; o'said; ſaid; sa_id; said7; “said”",
        "acknowledged ac\u212anowledged AC\u212aNOWLEDGED; İnsisted ınsisted",
        "He hit\nout at critics and lashed   out, calling for calm, then said so.",
        "According to police, nothing; accord to none; “STRESSED”, she stressed.",
        "Σaid ſtated \ud800said\ud800 é said é",
        " ".join(sorted(_INDIRECT_VERBS)),
        " ".join(v.upper() for v in sorted(_verbs())),
    ]


def _corpus() -> list[str]:
    texts = _hand_made() + _random_texts(7, 400)
    texts += [path.read_text(encoding="utf-8") for path in SEEDS]
    texts += [article.text for article in synthetic_articles(30)]
    return texts


# --------------------------------------------------------------------------- indirect verbs


def test_multi_word_verb_forms_share_no_word_with_the_reported_speech_verbs():
    # The subset regex finds the reported-speech verbs where the full verb regex does
    # only if no multi-word form (which the full regex would match instead, or across)
    # holds one of them as a word.
    for form in _verbs():
        words = form.split()
        if len(words) > 1:
            assert _INDIRECT_VERBS.isdisjoint(words), form


def test_subset_regex_finds_the_reported_speech_verbs_of_the_full_verb_regex():
    full, subset = verb_pattern(), _indirect_verb_re()
    checked = 0
    for text in _corpus():
        plain = [m.span() for m in full.finditer(text) if m.group(0).lower() in _INDIRECT_VERBS]
        fast = [m.span() for m in subset.finditer(text) if m.group(0).lower() in _INDIRECT_VERBS]
        assert fast == plain, text
        checked += bool(plain)
    assert checked > 100  # the corpus does hold such verbs


def test_byte_test_never_skips_a_sentence_holding_a_reported_speech_verb():
    full = verb_pattern()
    kept = skipped = 0
    for text in _corpus():
        for piece in (text, *text.split(".")):
            holds = any(m.group(0).lower() in _INDIRECT_VERBS for m in full.finditer(piece))
            if holds:
                assert _may_hold_indirect_verb(piece.lower()), piece
                kept += 1
            elif not _may_hold_indirect_verb(piece.lower()):
                skipped += 1
    assert kept > 100 and skipped > 100  # both sides of the test were exercised


def test_byte_test_reads_words_of_ascii_letters():
    # hand-checked: "said" is a word after "“" and before "," (bytes other than a-z are
    # spaces); "resaid" and "sayings" are other words; "s\u212aid" is not ASCII
    assert _may_hold_indirect_verb("“said,” he")
    assert _may_hold_indirect_verb("é said")
    assert not _may_hold_indirect_verb("resaid sayings")
    assert not _may_hold_indirect_verb("")
    assert not _may_hold_indirect_verb("\ud800")


# --------------------------------------------------------------------------- sentence ends


def test_last_word_equals_the_search_of_the_prefix():
    rng = random.Random(3)
    long_run = "a." * _WORD_WINDOW
    texts = [
        "Mr. Smith", "x" * 200 + ".", "U.S. troops", long_run, " " + long_run + " end",
        "word\n", "tail \n", "", "....", "Jan.\nFeb.",
    ]
    for _ in range(300):
        texts.append("".join(rng.choice("ab. \n_7é") for _ in range(rng.randint(0, 160))))
    for text in texts:
        for end in range(len(text) + 1):
            plain = _LAST_WORD_RE.search(text[:end])
            fast = _last_word(text, end)
            assert (plain and plain.span(1)) == (fast and fast.span(1)), (text, end)


# --------------------------------------------------------------------------- before quote


def _plain_before_quote(source: str, start: int, end: int) -> _Attribution | None:
    """framing.quotes._before_quote without the early test of its last character."""
    region = source[start:end]
    sent = quotes._last_sentence_start(region)
    region_start = start + sent
    region = source[region_start:end]
    stripped = region.rstrip()
    if not stripped or stripped[-1] not in ":,":
        return None
    body = stripped[:-1]
    verbs = list(quotes._verb_re().finditer(body))
    if not verbs:
        return None
    m = verbs[-1]
    if m.group(0).lower() == "according to":
        subject = body[m.end():]
        s0 = region_start + m.end() + (len(subject) - len(subject.lstrip()))
        return _Attribution(s0, region_start + len(body.rstrip()), region_start + m.start(),
                            region_start + m.end())
    subject = body[: m.start()]
    aux = quotes._AUX_TAIL_RE.search(subject)
    subj_text = subject[: aux.start()] if aux else subject.rstrip()
    if subj_text.strip():
        lead = len(subj_text) - len(subj_text.lstrip())
        return _Attribution(region_start + lead, region_start + len(subj_text.rstrip()),
                            region_start + m.start(), region_start + m.end())
    after = body[m.end():]
    if after.strip():
        s0 = region_start + m.end() + (len(after) - len(after.lstrip()))
        return _Attribution(s0, region_start + len(body.rstrip()), region_start + m.start(),
                            region_start + m.end())
    return None


def test_before_quote_equals_the_plain_form():
    rng = random.Random(5)
    pieces = ["He said", "Mr. Jones told the BBC", ":", ",", ".", "!", " ", "\n", "Yes. ",
              "said Ann Lee", "according to police", "U.S.", "A.", "?", "x"]
    sources = ["He said: ", "Done. He said:  ", "Done.", "said X,", "", "  ", "No. ,"]
    for _ in range(400):
        sources.append("".join(rng.choice(pieces) for _ in range(rng.randint(0, 10))))
    for source in sources:
        for start in range(len(source) + 1):
            assert _before_quote(source, start, len(source)) == _plain_before_quote(
                source, start, len(source)), (source, start)


# --------------------------------------------------------------------------- end to end


@pytest.fixture
def plain_quotes(monkeypatch: pytest.MonkeyPatch):
    """extract_quotes with every fast path of this module replaced by its plain form."""

    def run(text: str):
        with monkeypatch.context() as patch:
            patch.setattr(quotes, "_indirect_verb_re", quotes._verb_re)
            patch.setattr(quotes, "_may_hold_indirect_verb", lambda low: True)
            patch.setattr(quotes, "_last_word", lambda t, end: _LAST_WORD_RE.search(t[:end]))
            patch.setattr(quotes, "_before_quote", _plain_before_quote)
            return extract_quotes(text)

    return run


def test_quotes_equal_those_of_the_plain_forms(plain_quotes):
    texts = _hand_made() + [path.read_text(encoding="utf-8") for path in SEEDS]
    texts += [article.text for article in synthetic_articles(60)]
    texts += [
        'Police said the road was shut. The mayor, a Labour MP, said: "We will act."',
        "The minister ſaid it was fine, officials said. \u212aept said so, he added.",
        ("It is over, according to police. Critics, who SAID nothing, stressed that it "
         "was a quiet day for everyone."),
    ]
    found = 0
    for text in texts:
        fast = extract_quotes(text)
        assert fast == plain_quotes(text), text
        found += sum(q.kind == "indirect" for q in fast)
    assert found > 20  # reported speech was found and compared


# --------------------------------------------------------------------------- roles


def test_verb_class_equals_the_plain_lookup():
    from framing.roles import _SPACES_RE, verb_class

    def plain(cue: str) -> str:
        entry = _verbs().get(_SPACES_RE.sub(" ", cue.lower().strip()))
        return entry[1] if entry else ""

    cues = ["", " ", "said", "SAID", " said ", "ſaid", "\u212aept", "according  to",
            "According\tTo", "hit\nout", "unknown", "said,", "İnsisted"]
    for form in _verbs():
        cues += [form, form.upper(), form.title(), f" {form} ", form.replace(" ", "  ")]
    for cue in cues:
        assert verb_class(cue) == plain(cue), cue
    assert verb_class("SAID") == verb_class("said") != ""  # a known form has a class


def test_role_from_cues_equals_the_plain_rule():
    from framing.roles import _cue_ranks, _cue_regex, _role_from_cues, is_shadow_office

    def plain(description: str) -> str | None:
        """_role_from_cues as first written: the shadow regex tried on every description."""
        if is_shadow_office(description):
            return "politician"
        pattern, _ = _cue_regex()
        best = None
        for m in pattern.finditer(description.lower()):
            rank = _cue_ranks()[m.group(0)]
            if best is None or rank[:2] > best[:2]:
                best = rank
        return best[2] if best else None

    rng = random.Random(11)
    words = ["shadow", "SHADOW", "ſhadow", "Shadowy", "foreshadow", "health", "secretary",
             "police", "spokesman", "Labour", "MP", "campaign", "group", "resident", "the",
             "for", "force", "minister", "professor", "ſ", "hadow", "-", ","]
    descriptions = ["ſhadow minister", "shadow-chancellor", "a shadowy police spokesman"]
    for _ in range(500):
        descriptions.append(" ".join(rng.choice(words) for _ in range(rng.randint(1, 6))))
    for description in descriptions:
        assert _role_from_cues(description) == plain(description), description
    # hand-checked: "ſ" matches "s" case-insensitively, so this names a shadow office
    assert _role_from_cues("ſhadow minister") == "politician"
