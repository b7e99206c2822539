"""Speakers: who a quotation's attribution names, resolved to the fullest mention.

:func:`speaker_head` turns the words of an attribution's subject (``"Writing on social
media, Scotland Yard"``, ``"Daniel Sugarman, director of public affairs at ..."``) into the
mention as written and its description. :class:`SpeakerResolver` then maps the mention to
one speaker per article:

* proper names to the fullest mention of the same person (``"Ms Abbott"`` -> ``"Diane
  Abbott"``): surnames compared after dropping titles, equal or close in spelling
  (``difflib`` ratio >= 0.8, or >= 0.6 with the same first two letters and a length within
  one: ``"Mr Salhab"`` -> ``"Akram Sahleb"``);
* organisations to a registry actor (``"Scotland Yard"``, ``"the Met"`` -> ``"Metropolitan
  Police"``) or to the organisation's name as written;
* spokespeople, accounts and statements to the organisation they speak for (``"A spokesman
  for the force"`` -> the police force named before; ``"A spokesman"`` alone -> the last
  organisation named);
* ``"the force"``, ``"the council"``, ``"the group"`` to the last organisation of that kind;
* ``"she"``/``"he"`` to the last person quoted or named before whose known gender fits;
  ``"they"``/``"it"`` to the last organisation quoted or named just before;
* anything else (``"Organisers"``, ``"A third"``) to a lower-cased description.
"""

from __future__ import annotations

import bisect
import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from framing._construct import fast_constructor
from framing.document import Document, Sentence
from framing.roles import (
    ActorRegistry,
    builtin_registry,
    cut_possessive,
    is_cue_word,
    is_shadow_office,
    role_from_cues,
    verb_pattern,
)

__all__ = ["Mention", "SpeakerHead", "SpeakerResolver", "find_mentions", "speaker_head"]

_TITLES = frozenset(
    ["Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Professor", "Sir", "Dame", "Lord", "Lady", "Baroness", "Rev", "Reverend", "Sen", "Senator", "Rep", "Representative", "Gov", "Governor", "President", "Supt", "Superintendent", "Insp", "Inspector", "Chief", "Det", "Detective", "Sgt", "Sergeant", "PC", "DC", "Constable", "Commissioner", "Commander", "Cllr", "Councillor", "Judge", "Justice", "Gen", "General", "Col", "Colonel", "Capt", "Captain", "Deputy", "Assistant", "Secretary", "Mayor", "Minister", "Rabbi", "Imam", "Father", "Sister", "Pope", "King", "Queen", "Prince", "Princess", "Speaker"]
)
_MALE = frozenset(["mr", "sir", "lord", "father", "king", "prince", "he", "him", "his"])
_FEMALE = frozenset(["mrs", "ms", "miss", "dame", "lady", "baroness", "sister", "queen", "princess", "she", "her"])
_ORG_WORDS = frozenset(
    ["Police", "Council", "Campaign", "Group", "Office", "Yard", "Board", "Department", "Ministry", "Party", "Society", "Trust", "Union", "Service", "Commission", "Committee", "Association", "Federation", "Coalition", "Foundation", "Institute", "University", "College", "Directorate", "Embassy", "Government", "Authority", "Agency", "BBC", "News", "Times", "Guardian", "Telegraph", "Mail", "Express", "Mirror", "Post", "Press", "Network", "Alliance", "Movement", "Action", "Unit", "Force", "Forces", "Army", "Court", "Parliament", "Congress", "Senate", "House", "Administration", "Corporation", "Company", "Ltd", "Inc", "Club", "Centre", "Center", "Church", "Mosque", "Synagogue", "Hospital", "School", "Deputies", "Watch", "Amnesty", "Liberty", "Hamas", "Labour", "Conservatives", "Tories", "Democrats", "Republicans", "MailOnline", "Met", "Twitter", "Facebook", "Commons", "Lords", "Cabinet", "Home", "Foreign"]
)
_PLACE_WORDS = frozenset(
    ["Street", "Road", "Square", "Bridge", "Strip", "Avenue", "Lane", "Park", "Hill", "High", "Station", "Gate", "Gardens", "Bank", "West", "East", "North", "South", "Central", "Kingdom", "States"]
)
#: Days and months standing alone are dates, never names (April, May, June and August
#: are left out: they are also first names and surnames, as in "Theresa May").
_CALENDAR_WORDS = frozenset(
    ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
     "February", "March", "July", "September", "October", "November", "December"]
)
_CONNECTORS = r"(?:of|for|the|and|de|da|del|la|le|van|von|al|bin|du|of\s+the|for\s+the)"
_CAP = r"(?:[A-Z][\w’'\-]*[\w](?:(?<=s)['’](?=\s))?|[A-Z])\.?"
#: A capitalised run or @handle: ``@\w+|{_CAP}(?:\s+(?:{_CONNECTORS}\s+)?{_CAP})*``, written
#: to open with the character class ``[@A-Z]`` (the branch then told apart by the
#: character just matched), which lets the regex engine skip to the next capital or "@"
#: in C instead of trying the pattern at every character: the same matches, 25% faster.
_NAME_RE = re.compile(
    rf"[@A-Z](?:(?<=@)\w+|(?<!@)(?:[\w’'\-]*[\w](?:(?<=s)['’](?=\s))?)?\.?"
    rf"(?:\s+(?:{_CONNECTORS}\s+)?{_CAP})*)"
)
_DETERMINER_RE = re.compile(r"^(?:the|a|an|our|its|their)\s+", re.IGNORECASE)
#: Capitalised sentence openers that are not part of a following name ("But Megan Hester").
_OPENER_RE = re.compile(
    r"^(?:But|And|While|Whilst|When|As|So|Yet|However|Then|Meanwhile|Now|If|Although|Though|"
    r"After|Before|Since|Because|Also|Still|Even|Only|In|On|At|For|With|Without|Under|"
    r"Asked|Speaking|Writing)\s+(?=[A-Z@]|(?:the|a|an)\s+[A-Z])"
)
_PRONOUNS = {"he": "m", "she": "f", "they": "o", "it": "o", "we": "o", "i": "p", "him": "m",
             "her": "f", "them": "o"}
#: Nouns that speak for an organisation: the organisation is the speaker.
_PROXY_RE = re.compile(
    r"\b(?:spokesm[ae]n|spokeswom[ae]n|spokesperson|spokespeople|spokespersons|representative|"
    r"press office|press officer|account|statement|letter|post|tweet|website|source|sources|"
    r"insider|aide|official|officials|unit|team|rules|guidance)\b",
    re.IGNORECASE,
)
_KIND_NOUNS = {
    "force": "police", "police": "police", "met": "police", "constabulary": "police",
    "council": "government", "government": "government", "department": "government",
    "ministry": "government", "authority": "government", "home office": "government",
    "group": "advocacy", "campaign": "advocacy", "charity": "advocacy",
    "organisation": "advocacy", "organization": "advocacy", "union": "advocacy",
    "coalition": "advocacy", "party": "politician",
    "company": "other", "firm": "other", "club": "other",
}
_DOCUMENT_NOUNS = ("statement", "letter", "post", "tweet", "report", "email", "notice")
_ADVERBIAL_START = re.compile(
    r"^(?:in|on|at|after|before|during|writing|speaking|responding|asked|commenting|addressing|"
    r"however|but|and|meanwhile|earlier|later|yesterday|today|when|while|whilst|following|"
    r"referring|reacting|quoted|also|separately|elsewhere|instead|then|now|last|this|since|"
    r"according|in\s+a|in\s+response|as)\b",
    re.IGNORECASE,
)
_GROUP_WORDS = re.compile(r"^(?:one|another|(?:a )?second|(?:a )?third|(?:a )?fourth|others|some|"
                          r"many|most)$",
                          re.IGNORECASE)


_COMMON_CAPITALISED = frozenset(
    ["officials", "police", "residents", "organisers", "organizers", "protesters", "campaigners", "critics", "experts", "witnesses", "users", "locals", "democrats", "republicans", "officers", "researchers", "scientists", "doctors", "nurses", "teachers", "parents", "ministers", "sources", "authorities", "investigators", "prosecutors", "lawyers", "analysts", "activists", "demonstrators", "neighbours", "neighbors"]
)


_GROUP_NOUN_RE = re.compile(
    r"\b(?:(?:social media|twitter|facebook|tiktok|online) users?|users (?:on|of) "
    r"(?:social media|twitter|facebook|tiktok)|residents|protesters|witnesses|locals|"
    r"neighbours|neighbors|parents|fans|viewers|readers|listeners|commenters)\b",
    re.IGNORECASE,
)


def _group_noun(context: str, word: str) -> str | None:
    """The group ``"One"`` / ``"A third"`` / ``"others"`` belongs to, from the context."""
    found = list(_GROUP_NOUN_RE.finditer(context))
    if not found:
        return None
    noun = found[-1].group(0).lower()
    m = re.match(r"users (?:on|of) (.+)", noun)
    if m:
        noun = f"{m.group(1)} users"
    plural = word in ("others", "some", "many", "most")
    if not plural:
        noun = re.sub(r"(?<=user)s$|(?<=resident)s$|(?<=protester)s$|(?<=witness)es$|"
                      r"(?<=local)s$|(?<=neighbour)s$|(?<=neighbor)s$|(?<=parent)s$|"
                      r"(?<=fan)s$|(?<=viewer)s$|(?<=reader)s$|(?<=listener)s$|"
                      r"(?<=commenter)s$", "", noun)
    return noun


def _split_title(name: str) -> tuple[str, str]:
    """``"Immigration Minister Tom Ashworth"`` -> ``("Immigration Minister", "Tom Ashworth")``.

    The name starts after the last title or role cue word that has a word after it.
    Names of up to 200 characters are cached (names recur; longer runs are rare).
    """
    return _split_title_cached(name) if len(name) <= 200 else _split_title_plain(name)


@lru_cache(maxsize=1 << 15)
def _split_title_cached(name: str) -> tuple[str, str]:
    return _split_title_plain(name)


def _split_title_plain(name: str) -> tuple[str, str]:
    words = name.split()
    cut = 0
    for i, word in enumerate(words[:-1]):
        bare = word.rstrip(".")
        if bare in _TITLES or is_cue_word(bare):
            cut = i + 1
    if cut and words[cut - 1].rstrip(".") in _TITLES and cut == 1:
        return "", name  # "Mr Sahleb", "Dr Alison Frayne": a title, kept with the name
    if cut and words[cut - 1].rstrip(".") in {"Mr", "Mrs", "Ms", "Dr", "Sir", "Dame", "Miss"}:
        cut -= 1
    return " ".join(words[:cut]), " ".join(words[cut:])


def _leading_person(description: str) -> str | None:
    """A person's name opening an appositive (``"Dr Alison Frayne"``), or None."""
    if not description:
        return None
    m = _NAME_RE.match(description.strip())
    if m is None:
        return None
    name = m.group(0)
    words = _strip_titles(name.split())
    if len(words) >= 2 and all(w[:1].isupper() and not w.isupper() for w in words) and not any(
        w in _ORG_WORDS or w in _PLACE_WORDS for w in words
    ):
        return name
    return None


@dataclass(frozen=True, slots=True)
class Mention:
    """A capitalised name or @handle in narrator text.

    Attributes:
        text: The name as written (leading determiner dropped).
        start: Offset in ``Document.source``.
        end: Offset one past the name.
        kind: ``"person"``, ``"org"`` or ``"handle"``.
        description: Words around the mention that describe it (titles, appositive).
    """

    text: str
    start: int
    end: int
    kind: str
    description: str = ""


@dataclass(frozen=True, slots=True)
class SpeakerHead:
    """The subject of an attribution split into mention and description.

    Attributes:
        mention: The speaker as written at the attribution (``"Superintendent Jo Edwards"``).
        start: Offset of the mention in ``Document.source``.
        end: Offset one past the mention.
        description: Appositive words (``"in charge of the policing operation"``).
    """

    mention: str
    start: int
    end: int
    description: str = ""


#: ``SpeakerHead(...)``, faster (one per attribution; see
#: :func:`framing._construct.fast_constructor`).
_speaker_head = fast_constructor(SpeakerHead)


_CHUNK_BREAK_RE = re.compile(r",\s*|\s+[—–-]\s+|\(|\)")
_KIN_RE = re.compile(
    r"(?:the\s+)?(.+?)['’]s?\s+(family|parents|mother|father|relatives|"
    r"friends|neighbours|neighbors|widow|son|daughter|brother|sister)$",
    re.IGNORECASE,
)
_ITS_THEIR_RE = re.compile(r"(?:its|their)\b", re.IGNORECASE)
#: A subject pronoun followed by more words: a clause whose subject is the pronoun.
_PRONOUN_CLAUSE_RE = re.compile(r"^(He|She|They|It|We|I)\s+\S")


def speaker_head(source: str, start: int, end: int) -> SpeakerHead | None:
    """Split the subject words ``source[start:end]`` of an attribution.

    Leading adverbial chunks (``"Writing on social media,"``, ``"In a statement,"``) are
    dropped; the first remaining comma-separated chunk is the mention and the others are
    its description (an appositive).

    Returns:
        The head, or None when no words remain.
    """
    text = source[start:end]
    chunks: list[tuple[int, int]] = []
    pos = 0
    for m in _CHUNK_BREAK_RE.finditer(text):
        chunks.append((pos, m.start()))
        pos = m.end()
    chunks.append((pos, len(text)))
    chunks = [(a, b) for a, b in chunks if text[a:b].strip()]
    while len(chunks) > 1 and _ADVERBIAL_START.match(text[chunks[0][0]:chunks[0][1]].strip()):
        chunks.pop(0)
    if not chunks:
        return None
    a, b = chunks[0]
    raw = text[a:b]
    lead = len(raw) - len(raw.lstrip())
    trail = len(raw.rstrip())
    mention = raw.strip()
    if not mention:
        return None
    pronoun = _PRONOUN_CLAUSE_RE.match(mention)
    if pronoun:  # "She then raises her arm and repeatedly [chants]": the speaker is "She"
        mention = pronoun.group(1)
        trail = lead + len(mention)
    description = ", ".join(text[x:y].strip() for x, y in chunks[1:])
    return _speaker_head(mention, start + a + lead, start + a + trail, description)


def _person_parts(name: str) -> tuple[str, int, str, str, str]:
    """What :meth:`SpeakerResolver._add_person` needs of a person's name: ``(name without
    leading titles, its number of words, surname, gender from the first word ("m", "f"
    or ""), words before the last)``. Cached for names of up to 200 characters (names
    recur)."""
    return _person_parts_cached(name) if len(name) <= 200 else _person_parts_plain(name)


@lru_cache(maxsize=1 << 15)
def _person_parts_cached(name: str) -> tuple[str, int, str, str, str]:
    return _person_parts_plain(name)


def _person_parts_plain(name: str) -> tuple[str, int, str, str, str]:
    words = name.split()
    title = words[0].rstrip(".").lower() if words else ""
    clean = " ".join(_strip_titles(words))
    gender = "m" if title in _MALE else "f" if title in _FEMALE else ""
    return clean, len(clean.split()), _surname(clean), gender, " ".join(words[:-1])


def _strip_titles(words: list[str]) -> list[str]:
    while len(words) > 1 and words[0].rstrip(".") in _TITLES:
        words = words[1:]
    return words


def _classify(name: str, registry: ActorRegistry) -> str:
    if name.startswith("@"):
        return "handle"
    if registry.lookup(name) is not None:
        return _registry_kind(name)
    return _classify_words(name) if len(name) <= 200 else _classify_words_plain(name)


def _registry_kind(name: str) -> str:
    """Kind of a registry name: a person when its words read as a person's name
    ("Nancy Pelosi"), else an organisation (registries name people and bodies alike)."""
    words = _classify_words(name) if len(name) <= 200 else _classify_words_plain(name)
    return "person" if words == "person" else "org"


@lru_cache(maxsize=1 << 15)
def _classify_words(name: str) -> str:
    return _classify_words_plain(name)


def _classify_words_plain(name: str) -> str:
    """:func:`_classify` of a name that is neither a handle nor a registry name."""
    words = name.split()
    # set tests in C: a word, or the word stripped of quotes and "s", is an org word
    if not _ORG_WORDS.isdisjoint(words) or not _ORG_WORDS.isdisjoint(
            [w.strip("’'s") for w in words]):
        return "org"
    if len(words) == 1 and name.isupper() and len(name) >= 2:
        return "org"
    if not _PLACE_WORDS.isdisjoint(words):
        return "place"
    if words[0].rstrip(".") in _TITLES and len(words) >= 2:
        return "person"
    if 2 <= len(words) <= 4 and all(w[:1].isupper() and not w.isupper() for w in words):
        return "person"
    return "other"


def _surname(name: str) -> str:
    words = _strip_titles(name.replace(".", ". ").split())
    return cut_possessive(words[-1]).lower() if words else ""


def _same_surname(a: str, b: str) -> bool:
    if not a or not b:
        return False
    if a == b:
        return True
    return _surname_ratio(a, b) >= _ratio_floor(a, b)


def _ratio_floor(a: str, b: str) -> float:
    """Smallest difflib ratio at which two different surnames count as one: 0.8, or 0.6
    when they share their first two letters and differ in length by at most one."""
    return 0.6 if a[:2] == b[:2] and abs(len(a) - len(b)) <= 1 else 0.8


def _surname_ratio(a: str, b: str) -> float:
    """``difflib.SequenceMatcher(None, a, b).ratio()`` (0..1; not symmetric), cached for
    surnames of up to 64 characters."""
    if len(a) > 64 or len(b) > 64:
        return difflib.SequenceMatcher(None, a, b).ratio()
    return _surname_ratio_cached(a, b)


@lru_cache(maxsize=1 << 15)
def _surname_ratio_cached(a: str, b: str) -> float:
    if a and b and (a in b or b in a):
        # "america" / "american": the shorter word is a block of the longer, which difflib
        # matches whole (no longer block exists), leaving nothing on either side of it to
        # match; the ratio is then its own float expression, 2.0 * matches / lengths
        return 2.0 * min(len(a), len(b)) / (len(a) + len(b))
    return difflib.SequenceMatcher(None, a, b).ratio()


def _letters(word: str) -> frozenset[tuple[str, int]]:
    """The letter multiset of ``word`` as a set of (letter, occurrence number) pairs, so
    that ``len(_letters(a) & _letters(b))`` is the size of the multiset intersection.
    Cached for words of up to 64 characters (surnames recur)."""
    return _letters_cached(word) if len(word) <= 64 else _letters_plain(word)


@lru_cache(maxsize=1 << 15)
def _letters_cached(word: str) -> frozenset[tuple[str, int]]:
    return _letters_plain(word)


def _letters_plain(word: str) -> frozenset[tuple[str, int]]:
    seen: dict[str, int] = {}
    pairs = []
    for ch in word:
        seen[ch] = seen.get(ch, 0) + 1
        pairs.append((ch, seen[ch]))
    return frozenset(pairs)


#: The fixed bit of each lower-case ASCII letter's first occurrence (its pairs' bits
#: follow it: occurrence n has bit base + n - 1).
_ASCII_BASE = {letter: 8 * i for i, letter in enumerate("abcdefghijklmnopqrstuvwxyz")}
#: The fixed bit of each (lower-case ASCII letter, occurrence number up to 8) pair.
_ASCII_BITS = {(letter, n): base + n - 1 for letter, base in _ASCII_BASE.items()
               for n in range(1, 9)}


@lru_cache(maxsize=1 << 15)
def _ascii_letter_mask(word: str) -> int | None:
    """The fixed-bit mask of a word all of whose letter pairs have fixed bits, else None.

    A letter met n times has the pairs (letter, 1) ... (letter, n), whose fixed bits are
    the n bits from its base: counted per distinct letter (str.count, in C) rather than
    building the pairs of :func:`_letters_plain`.
    """
    mask = 0
    for letter in set(word):
        base = _ASCII_BASE.get(letter)
        count = word.count(letter)
        if base is None or count > 8:
            return None
        mask |= ((1 << count) - 1) << base
    return mask


def _ratio_bound(a: str, b: str) -> float:
    """An upper bound of the difflib ratio of ``a`` and ``b``, cheap to compute.

    It is difflib's ``quick_ratio``: ``2 * |multiset intersection| / (len(a) + len(b))``,
    computed with the same float expression as ``ratio`` (whose matching characters are
    a sub-multiset of the intersection), so ``ratio <= bound`` holds exactly.
    """
    return 2.0 * len(_letters(a) & _letters(b)) / (len(a) + len(b))


def find_mentions(doc: Document, registry: ActorRegistry | None = None) -> tuple[Mention, ...]:
    """Capitalised names and handles in narrator text (outside quotation marks).

    Sentence-initial single words (``"Nine"``) are skipped unless they are all capitals or
    a registry name. Descriptions are the up to six words before the name back to the
    previous punctuation or conjunction, plus an appositive after a comma.
    """
    return tuple(Mention(m.text, m.start, m.end, m.kind, m.description)
                 for m in _scan_mentions(doc, registry))


class _Found:
    """A mention found by :func:`_scan_mentions`, its description worked out when read.

    The resolver reads few descriptions (those of the speakers whose role it needs), so
    computing each on demand instead of for every mention saves most of that work.
    """

    __slots__ = ("_desc", "_extra", "_m_end", "_m_start", "_para", "_title", "end", "kind",
                 "start", "text")

    def __init__(self, text: str, start: int, kind: str, para: str, m_start: int,
                 m_end: int, title: str) -> None:
        self.text = text
        self.start = start
        self.end = start + len(text)
        self.kind = kind
        self._para = para
        self._m_start = m_start
        self._m_end = m_end
        self._title = title  # title words found before the name ("Home Secretary")
        self._extra = ""  # organisation evidence appended when the name is an organisation
        self._desc: str | None = None

    @property
    def description(self) -> str:
        """What :class:`Mention` ``.description`` holds for this mention."""
        desc = self._desc
        if desc is None:
            desc = _description(self._para, self._m_start, self._m_end)
            if self._title:
                desc = f"{self._title} {desc}"
            if self._extra:
                desc = f"{desc} {self._extra}"
            self._desc = desc
        return desc


#: What :func:`_scan_mentions` does with a capitalised run, which depends on the run and
#: the registry only: ``(name, offset of the name in the run, rule, kind, title words)``,
#: where rule is one of the three below (see :func:`_plan`).
_Plan = tuple[str, int, int, str, str]
_KEEP, _KEEP_INSIDE, _SKIP = 0, 1, 2  # always kept / kept unless sentence-initial / skipped


def _plan(raw: str, registry: ActorRegistry) -> _Plan | None:
    """How a matched run is treated: ``(name, offset of the name in the run, rule, kind,
    title words)``, or None for a run holding no name.

    The name is the run without a sentence opener, determiner or 's; a person's name also
    without the titles before it (kept as title words). The rule is :data:`_SKIP` for an
    "other" or place name of more than a word, :data:`_KEEP_INSIDE` (skipped at a sentence
    start) for other single-word names and for lone words (a single ordinary word: not
    all capitals, not a handle, not a registry name), :data:`_KEEP` for the rest. Decided
    once per distinct run, looking the name up in the registry once.

    A run of one word (no whitespace: about half of all distinct runs) takes
    :func:`_word_plan`, the same rules with what cannot apply to it left out.
    """
    words = raw.split()
    if len(words) == 1 and len(words[0]) == len(raw):
        return _word_plan(raw, registry)
    return _run_plan(raw, registry)


def _word_plan(word: str, registry: ActorRegistry) -> _Plan | None:
    """:func:`_run_plan` of a run without whitespace.

    No opener or determiner is cut (both patterns need a space after their word), so the
    name is the word less its 's and final periods, a prefix of the word (offset 0), and
    it has no title words. A handle or registry name is always kept (not lone); a
    registry name's kind is person or org. Otherwise the word kind of a single word is
    org, place or other (the person rules need two words), and an "other" word is kept
    as a person unless sentence-initial.
    """
    name = cut_possessive(word).rstrip(".")
    if not name:
        return None
    actor = registry.lookup(name)
    if actor is None and name in _CALENDAR_WORDS:
        return None  # "on Monday", "since October": a date, not a name
    if name.startswith("@"):
        return name, 0, _KEEP, "handle", ""
    if actor is not None:
        return name, 0, _KEEP, _registry_kind(name), ""
    kind = _classify_words(name) if len(name) <= 200 else _classify_words_plain(name)
    if kind == "other":
        return name, 0, _KEEP_INSIDE, "person", ""
    if kind == "place":
        return name, 0, _KEEP_INSIDE, kind, ""
    return name, 0, _KEEP_INSIDE if not name.isupper() else _KEEP, kind, ""


def _run_plan(raw: str, registry: ActorRegistry) -> _Plan | None:
    """:func:`_plan` of any run (the general rules)."""
    name, offset = raw, 0
    opener = _OPENER_RE.match(name)
    if opener:
        name = name[opener.end():]
        offset += opener.end()
    lead = _DETERMINER_RE.match(name)
    if lead:
        name = name[lead.end():]
        offset += lead.end()
    name = cut_possessive(name).rstrip(".")
    if not name or (name in _CALENDAR_WORDS and registry.lookup(name) is None):
        return None  # "on Monday", "since October": a date, not a name
    actor = registry.lookup(name)
    handle = name.startswith("@")
    words = name.split()
    lone = len(words) == 1 and not name.isupper() and not handle and actor is None
    if handle:
        kind = "handle"
    elif actor is not None:
        kind = _registry_kind(name)
    else:
        kind = _classify_words(name) if len(name) <= 200 else _classify_words_plain(name)
    title_words = ""
    if len(words) != 1:  # a single word has no title before it
        head_words, tail = _split_title(name)
        if head_words and tail and _classify(tail, registry) == "person":
            kind = "person"  # "Home Secretary Laura Pemberton", "Labour MP Zarah Sultana"
        if kind == "person":
            title_words, name = head_words, tail
    if kind == "person":
        if name in raw:
            offset = raw.find(name)
        return name, offset, _KEEP_INSIDE if lone else _KEEP, kind, title_words
    if kind == "other" or kind == "place":
        if len(words) != 1:
            return name, offset, _SKIP, kind, title_words
        # an "other" single word is a person unless the registry knows it (it does not:
        # then it would be an organisation)
        return (name, offset, _KEEP_INSIDE,
                ("person" if actor is None else "org") if kind == "other" else kind, title_words)
    return name, offset, _KEEP_INSIDE if lone else _KEEP, kind, title_words


@lru_cache(maxsize=1 << 15)
def _builtin_plan(raw: str) -> _Plan | None:
    """:func:`_plan` with the built-in registry, cached (names recur across articles)."""
    return _plan(raw, builtin_registry())


_SENTENCE_INITIAL_AFTER = frozenset(".!?:\"“‘'")


def _scan_mentions(doc: Document, registry: ActorRegistry | None) -> list[_Found]:
    """The mentions of :func:`find_mentions`, with their descriptions left to be read."""
    reg = builtin_registry().merged(registry)
    quoted = doc.quoted_intervals()
    starts = [s for s, _ in quoted]
    # reach[k]: the furthest end of quoted intervals 0..k, so that a sentence no quoted
    # interval reaches into skips the per-name test below
    reach: list[int] = []
    for _, end in quoted:
        reach.append(max(end, reach[-1]) if reach else end)
    found: list[_Found] = []
    org_words: dict[str, str] = {}
    plans: dict[str, _Plan | None] = {}  # _plan per match text: names recur
    sentences_of: dict[int, list[tuple[int, int]]] = {}
    for sentence in doc.sentences:
        sentences_of.setdefault(sentence.paragraph, []).append((sentence.start, sentence.end))
    finditer = _NAME_RE.finditer
    for para in doc.paragraphs:
        if para.kind == "embed":
            continue
        text = para.text
        p0 = para.start
        # Names are matched sentence by sentence: a capitalised run never continues past
        # a sentence end ("... Nancy Pelosi. But" is "Nancy Pelosi"); "Sen. Bernie
        # Sanders" stays one sentence, as the sentence splitter knows the title.
        for a, b in sentences_of.get(para.index, [(para.start, para.end)]):
            k = bisect.bisect_left(starts, b)
            may_be_quoted = k > 0 and reach[k - 1] > a
            for m in finditer(text, a - p0, b - p0):
                m_start = m.start()
                start = p0 + m_start
                if may_be_quoted:
                    i = bisect.bisect_right(starts, start) - 1
                    if i >= 0 and quoted[i][0] <= start < quoted[i][1]:
                        continue
                raw = m.group(0)
                if raw in plans:
                    plan = plans[raw]
                else:
                    plan = plans[raw] = (_builtin_plan(raw) if registry is None and len(raw) <= 200
                                         else _plan(raw, reg))
                if plan is None:
                    continue
                name, offset, rule, kind, title_words = plan
                if rule:
                    if rule == _SKIP:
                        continue
                    before = text[max(0, m_start - 40) : m_start].rstrip()
                    if not before or before[-1] in _SENTENCE_INITIAL_AFTER:
                        continue  # sentence-initial
                m_end = m_start + len(raw)
                found.append(_Found(name, start + offset, kind, text, m_start, m_end, title_words))
                if kind != "person":
                    continue
                evidence = _org_evidence(text, m_start, m_end)
                if evidence:
                    org_words[name] = f"{org_words.get(name, '')} {evidence}".strip()
    if org_words:  # a name used like an organisation anywhere is one everywhere
        for x in found:
            words = org_words.get(x.text)
            if words is not None:
                x.kind = "org"
                x._extra = words
    return found


_MEMBER_NOUNS = (r"activists|supporters|members|campaigners|protesters|protestors|volunteers|"
                 r"staff|spokesman|spokeswoman|spokesperson|spokespeople|head|director|chief|"
                 r"leader|leaders|founder|chair|chairman|report|statement|website|lawyers")


def _org_evidence(text: str, start: int, end: int) -> str:
    """Words showing that a capitalised name is used as an organisation, or ``""``.

    ``"activists from Earth Uprising"``, ``"Just Stop Traffic activists"``, ``"Liberty
    Watch’s head of policy"``, ``"X said ... its supporters"``. The words returned
    (``"activists"``) then serve as role cues.
    """
    after = text[end:end + 80]
    before = text[max(0, start - 40):start]
    # Each pattern is tried only when a string test it implies holds (most names fail all
    # three tests, which cost less than the three regexes): a member noun after the
    # name's 's and spaces; "from"/"of"/"at"/"for"/"the" ending the words before; spaces
    # then "said"/"says"/"added"/"announced"/"has"/"have" after the name.
    if after.lstrip("'’s").lstrip().startswith(_MEMBER_NOUN_WORDS):
        m = _MEMBER_AFTER_RE.match(after)
        if m:
            return m.group(1)
    if before.rstrip().endswith(_LINK_WORDS):
        m = _MEMBER_BEFORE_RE.search(before)
        if m:
            return m.group(1)
    if after[:1].isspace() and after.lstrip().startswith(_ITS_VERBS):
        m = _ITS_MEMBER_RE.match(after)
        if m:
            return m.group(1)
    return ""


_MEMBER_NOUN_WORDS = tuple(_MEMBER_NOUNS.split("|"))
_LINK_WORDS = ("from", "of", "at", "for", "the")
_ITS_VERBS = ("said", "says", "added", "announced", "has", "have")


_MEMBER_AFTER_RE = re.compile(rf"(?:['’]s?)?\s+({_MEMBER_NOUNS})\b")
_MEMBER_BEFORE_RE = re.compile(
    rf"\b({_MEMBER_NOUNS}|group|campaign|charity|organisation|organization)"
    rf"\s+(?:from|of|at|for)\s+(?:the\s+)?$"
)
_ITS_MEMBER_RE = re.compile(
    r"\s+(?:has\s+|have\s+)?(?:said|says|added|announced)\b[^.]{0,40}?\bits\s+(\w+)"
)
_CONJUNCTION_SPLIT_RE = re.compile(r"\b(?:and|or|but|while|whilst|included|including|with|by)\b")
_APPOSITIVE_END_RE = re.compile(r"[,.;:(—–]")


_DESCRIPTION_STOPS = tuple(",.;:()—–\"“”")


def _description(text: str, start: int, end: int) -> str:
    """Up to six words before a name (back to punctuation or a conjunction) and an
    appositive after it (``"Akram Sahleb, a Palestinian resident of the borough,"``)."""
    window = max(0, start - 300)  # bounded work per mention
    before = text[window:start]
    cut = max(map(before.rfind, _DESCRIPTION_STOPS))
    before = before[cut + 1 :]
    cut += window if cut >= 0 else 0
    if not before.strip() and cut >= 0 and text[cut] == ",":
        previous = text[max(0, cut - 300):cut]
        pcut = max(map(previous.rfind, _DESCRIPTION_STOPS))
        before = previous[pcut + 1 :]
    before = _CONJUNCTION_SPLIT_RE.split(before)[-1]
    words = before.split()[-6:]
    after = ""
    if text.startswith(",", end):
        stop = _APPOSITIVE_END_RE.search(text, end + 1)
        after = text[end + 1 : stop.start() if stop else len(text)]
        after = " ".join(after.split()[:15])
    return " ".join([*words, after]).strip()


_EXPERT_WORDS = ("professor", "academic", "scientist", "researcher", "lecturer",
                 "epidemiologist", "economist", "criminologist")
_EXPERT_RE = re.compile(rf"\b(?:{'|'.join(_EXPERT_WORDS)})\b", re.IGNORECASE)


def _names_expert(text: str) -> bool:
    """True when ``_EXPERT_RE`` matches in ``text``.

    ASCII text is first tested for the words in its lower case (2x the regex alone): on
    it the case-insensitive regex matches only the words' two ASCII cases, so a match
    implies a word in the lower case.
    """
    if text.isascii():
        low = text.lower()
        for word in _EXPERT_WORDS:
            if word in low:
                break
        else:
            return False
    return _EXPERT_RE.search(text) is not None


_POSSESSIVE_END_RE = re.compile(r"['’]s?$")


@dataclass(slots=True)
class _Entity:
    name: str
    kind: str
    role: str | None = None
    descriptions: list[str] = field(default_factory=list)
    gender: str = ""
    org_role: str = ""  # role of the organisation "Its spokeswoman ..." speaks for
    # Descriptions given but not yet added to ``descriptions`` (strings, or mentions whose
    # description is worked out when read): see _describe and _descriptions.
    pending: list[str | _Found] = field(default_factory=list)


_MAX_DESCRIPTIONS = 12


def _describe(entity: _Entity, description: str | _Found) -> None:
    """Give the entity a description (added by :func:`_descriptions` when next read)."""
    entity.pending.append(description)


def _descriptions(entity: _Entity) -> list[str]:
    """The entity's descriptions: each given one once, in order, at most a dozen (bounded
    work per entity).

    Descriptions are added here, when read, rather than when given: most entities' are
    never read, and a mention's description is only worked out if it may be added.
    """
    pending = entity.pending
    if pending:
        have = entity.descriptions
        for item in pending:
            if len(have) >= _MAX_DESCRIPTIONS:
                break
            description = (item if isinstance(item, str) else item.description).strip()
            if description and description not in have:
                have.append(description)
        pending.clear()
    return entity.descriptions


@dataclass(frozen=True, slots=True)
class Resolved:
    """A resolved speaker: name, role and the description used for the role."""

    speaker: str | None
    role: str
    kind: str  # person / org / handle / described / none


#: ``Resolved(...)``, faster (one per quote resolved).
_resolved = fast_constructor(Resolved)


class SpeakerResolver:
    """Resolves attribution mentions of one document to speakers (see module docstring).

    Args:
        doc: The parsed document.
        registry: Optional user actor registry; it wins over the built-in actors and cues.
    """

    def __init__(self, doc: Document, registry: ActorRegistry | None = None) -> None:
        self._doc = doc
        self._registry = builtin_registry().merged(registry)
        self._user = registry
        self._mentions = _scan_mentions(doc, registry)
        self._mention_starts = [m.start for m in self._mentions]
        self._org_names = {m.text for m in self._mentions if m.kind == "org"}
        self._sentence_starts = [s.start for s in doc.sentences]
        self._speakers: list[tuple[int, Resolved]] = []  # (position, resolved), in order
        self._persons: dict[str, _Entity] = {}
        # _add_person's entity and _person_parts per name whose surname is a key of
        # _persons (_find_person then always gives that key's entity)
        self._person_of: dict[str, tuple[_Entity, tuple[str, int, str, str, str]]] = {}
        # (_letter_mask, length, surname, first two letters, entity) of each non-empty key
        # of _persons, in insertion order (both filled by _remember_person): what the
        # fuzzy scan of _find_person compares
        self._person_keys: list[tuple[int, int, str, str, _Entity]] = []
        # _letter_mask's bit of each pair without a fixed bit, and its mask of each word
        # holding such a pair
        self._bits: dict[tuple[str, int], int] = {}
        self._masks: dict[str, int] = {}
        self._orgs: dict[str, _Entity] = {}
        self._roles: dict[tuple[int, str, int, str, str], str] = {}  # _role per state
        self._org_of: dict[str, _Entity] = {}  # _org_entity per name
        for m in self._mentions:
            kind = m.kind
            if kind == "person":
                self._add_person(m.text, m)
            elif kind == "org" or kind == "handle":
                self._org_entity(m.text).pending.append(m)

    # ----------------------------------------------------------------- entities
    def _add_person(self, name: str, description: str | _Found) -> _Entity:
        known = self._person_of.get(name)
        if known is not None:  # the name was met before: same entity, no lookup
            entity, (clean, size, _, gender, titles) = known
            if size > len(entity.name.split()):
                entity.name = clean
        else:
            parts = clean, size, surname, gender, titles = _person_parts(name)
            if size == 1 and clean == name:
                # the name itself, as " ".join(name.split()) gives for one word without
                # spaces: speakers are the same objects as before the cache (pickles of
                # parsed documents, which share equal objects, stay byte for byte the same)
                clean = name
                parts = clean, size, surname, gender, titles
            entity = self._find_person(surname)
            if entity is None:
                entity = _Entity(clean, "person")
                self._remember_person(surname, entity)
            elif size > len(entity.name.split()):
                entity.name = clean
            if surname in self._persons:  # found by its own key: it stays this entity
                self._person_of[name] = (entity, parts)
        pending = entity.pending  # _describe, inlined: called for every person mention
        if description:
            pending.append(description)
        if gender:
            entity.gender = gender
        pending.append(titles)  # titles are cues too
        return entity

    def _remember_person(self, surname: str, entity: _Entity) -> None:
        """Add a person under a surname not yet known, to both lookups of _find_person."""
        self._persons[surname] = entity
        if surname:
            self._person_keys.append((self._letter_mask(surname), len(surname), surname,
                                      surname[:2], entity))

    def _letter_mask(self, word: str) -> int:
        """:func:`_letters` of ``word`` as bits of an int, one bit per (letter, occurrence
        number) pair, so that ``(a & b).bit_count()`` is the size of the multiset
        intersection (one C operation instead of a set intersection).

        Pairs of a lower-case ASCII letter met at most eight times have fixed bits (the
        mask of a word made of them is cached across documents); any other pair gets a
        bit of its own in this document, above those.
        """
        mask = _ascii_letter_mask(word) if len(word) <= 64 else None
        if mask is None:
            mask = self._masks.get(word)
            if mask is None:
                bits = self._bits
                mask = 0
                for pair in _letters(word):
                    bit = _ASCII_BITS.get(pair)
                    if bit is None:
                        bit = bits.get(pair)
                        if bit is None:
                            bit = bits[pair] = len(_ASCII_BITS) + len(bits)
                    mask |= 1 << bit
                self._masks[word] = mask
        return mask

    def _is_known_person(self, name: str) -> bool:
        entity = self._find_person(_surname(name))
        return entity is not None and len(entity.name.split()) >= 2

    def _find_person(self, surname: str) -> _Entity | None:
        found = self._persons.get(surname)
        if found is not None or not surname:
            return found
        # The closest surname passing _same_surname; pairs whose ratio bound is below
        # their floor cannot pass and skip the (costly) difflib ratio. The bound's shared
        # letters are the bits the two letter masks share (_letter_mask). One plain loop
        # over the keys: at the few dozen keys of an article it costs under half what a
        # chain of C-level maps did (their set-up dominated), and most keys stop at the
        # first test (below the lowest floor, 0.6).
        best, best_ratio = None, 0.0
        size, head, mask = len(surname), surname[:2], self._letter_mask(surname)
        for key_mask, length, key, key_head, entity in self._person_keys:
            shared = (mask & key_mask).bit_count()
            # the bound below 0.6, in integers: 2.0 * shared / n < 0.6 exactly when
            # 10 * shared < 3 * n (when the two are equal both sides are the float 0.6;
            # otherwise 2 * shared / n is at least 1 / (5 * n) away from 3 / 5, far more
            # than the rounding of the quotient or of the literal)
            if 10 * shared < 3 * (size + length):
                continue
            bound = 2.0 * shared / (size + length)
            # _ratio_floor and _ratio_bound, inlined: this loop runs for every pair
            floor = 0.6 if key_head == head and -1 <= size - length <= 1 else 0.8
            if bound < floor:
                continue
            ratio = _surname_ratio(surname, key)
            if ratio >= floor and ratio > best_ratio:
                best, best_ratio = entity, ratio
        return best

    def _org_entity(self, name: str) -> _Entity:
        entity = self._org_of.get(name)  # a name keeps its entity once it has one
        if entity is not None:
            return entity
        actor = self._registry.lookup(name)
        key = actor.name if actor else _DETERMINER_RE.sub("", name).strip()
        entity = self._orgs.get(key.lower())
        if entity is None:
            entity = _Entity(key, "org", actor.role if actor else None)
            self._orgs[key.lower()] = entity
        self._org_of[name] = entity
        return entity

    def _role(self, entity: _Entity, extra: str = "") -> str:
        # The role depends on the entity's name, descriptions (only ever appended to) and
        # organisation role, and on ``extra``: a speaker quoted again with nothing new
        # gets the role worked out before.
        key = (id(entity), extra, len(_descriptions(entity)), entity.name, entity.org_role)
        role = self._roles.get(key)
        if role is None:
            role = self._roles[key] = self._new_role(entity, extra)
        return role

    def _new_role(self, entity: _Entity, extra: str) -> str:
        if self._user is not None:
            actor = self._user.lookup(entity.name)
            if actor is not None:
                return actor.role
        if entity.role:
            return entity.role
        if entity.kind == "person":
            descriptions = _descriptions(entity)
            described = " ".join([extra, *descriptions])
            cued = role_from_cues(described)
            if cued == "expert" or _names_expert(described):
                return "expert"
            # role_from_cues gives "politician" to any text naming a shadow office
            if cued == "politician" and is_shadow_office(described):
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
            if cued is None or not extra or not descriptions:
                # The loop below, shortened: ``described`` is ``extra`` (no descriptions)
                # or a space and the joined descriptions (no ``extra``), which have the
                # same cue matches, or it holds no cue, and then neither do ``extra`` and
                # the joined descriptions (a cue matched in either is matched at the same
                # place in ``described``, where spaces join them). So the loop gives
                # ``cued`` if any, else the name's role.
                return cued or role_from_cues(entity.name) or "public"
        for text in (extra, entity.name if entity.kind != "person" else "",
                     " ".join(_descriptions(entity)), entity.name):
            role = role_from_cues(text)
            if role:
                return role
        # A named person with no title, office or affiliation in the article is taken as
        # a member of the public; an organisation with no cue is "other".
        return "public" if entity.kind in ("handle", "person") else "other"

    # ----------------------------------------------------------------- lookups
    def _last_mention(self, position: int, kinds: Sequence[str], role: str | None = None,
                      window: int = 4000) -> Mention | None:
        i = bisect.bisect_left(self._mention_starts, position) - 1
        while i >= 0:
            m = self._mentions[i]
            if position - m.start > window:
                return None
            if m.kind in kinds:
                if role is None:
                    return m
                entity = self._org_entity(m.text) if m.kind != "person" else None
                if entity is not None and self._role(entity, m.description) == role:
                    return m
                if entity is None and role_from_cues(m.description) == role:
                    return m
            i -= 1
        return None

    def _last_speaker(self, position: int, kinds: Sequence[str], gender: str = "",
                      window: int = 2500) -> Resolved | None:
        for pos, res in reversed(self._speakers):
            if pos >= position:
                continue
            if position - pos > window:
                return None
            if res.kind in kinds:
                if gender and res.kind == "person":
                    entity = self._persons.get(_surname(res.speaker or ""))
                    if entity and entity.gender and entity.gender != gender:
                        continue
                return res
        return None

    def remember(self, position: int, resolved: Resolved) -> None:
        """Record a speaker quoted at ``position`` (for later pronouns)."""
        if resolved.speaker:
            self._speakers.append((position, resolved))

    def _org_resolved(self, name: str, extra: str = "") -> Resolved:
        entity = self._org_entity(name)
        if extra:
            _describe(entity, extra)
        return _resolved(self._display_org(entity), self._role(entity, extra), "org")

    def _display_org(self, entity: _Entity) -> str:
        return entity.name

    def _person_resolved(self, name: str, description: str) -> Resolved:
        entity = self._add_person(name, description)
        return _resolved(entity.name, self._role(entity, description), "person")

    # ----------------------------------------------------------------- resolve
    def resolve(self, mention: str, position: int, description: str = "") -> Resolved:
        """Resolve the mention written at ``position`` to a speaker with a role.

        Args:
            mention: The subject as written (``"she"``, ``"Mr Salhab"``, ``"A spokesman for
                the force"``).
            position: Offset of the mention (back-references look before it).
            description: Appositive words from the attribution, used for the role.
        """
        text = mention.strip().strip(",")
        low = text.lower()
        if not text:
            return _resolved(None, "other", "none")
        if low in _PRONOUNS:
            return self._resolve_pronoun(low, position)
        kin = _KIN_RE.match(text)
        if kin:
            return _resolved(text, "public", "described")  # "Jordan's family"
        actor_hit = self._registry.find_in(text)
        proxy = _PROXY_RE.search(text)
        names = [m for m in _NAME_RE.finditer(text) if not _DETERMINER_RE.fullmatch(m.group(0) + " ")]
        if proxy is not None:
            return self._resolve_proxy(text, proxy, actor_hit, names, position, description)
        if actor_hit is not None:
            actor_name = actor_hit[0].name
            if _registry_kind(actor_name) == "person":  # "Pelosi" later finds her too
                return self._person_resolved(actor_name, description)
            return self._org_resolved(actor_name, description)
        if text.startswith("@"):
            return self._org_resolved(text, description)
        kind_ref = self._kind_reference(low, position)
        if kind_ref is not None:
            return kind_ref
        named = _leading_person(description)
        if named and not (names and _classify(names[-1].group(0), self._registry) == "person"):
            # "The committee's chairman, Glenn Harlow, said": the name is the appositive
            if _ITS_THEIR_RE.match(text):
                org = self._resolve_pronoun("it", position)
                entity = self._add_person(named, text)
                if org.speaker and org.role and not entity.org_role:
                    entity.org_role = org.role
            return self._person_resolved(named, text)
        if names:
            last = names[-1]
            name = cut_possessive(_DETERMINER_RE.sub("", _OPENER_RE.sub("", last.group(0))))
            pre = text[: last.start()].strip()
            words = name.split()
            desc = " ".join(x for x in (pre, description) if x)
            # "Former Labour leader Jeremy Corbyn": trailing capitalised run after a
            # description; sentence-initial capitals of common words are not names.
            if len(words) == 1 and not name.isupper() and last.start() == 0 and not pre:
                if self._find_person(_surname(name)) is not None:
                    return self._person_resolved(name, desc)
                if (name.lower() in _PRONOUNS or _GROUP_WORDS.match(name)
                        or name.lower() in _COMMON_CAPITALISED or len(text.split()) > 1):
                    return self._described(text, position, description)
                return self._person_resolved(name, desc)  # "Whitcomb told reporters"
            kind = "org" if name in self._org_names else _classify(name, self._registry)
            title_words, tail = _split_title(name)
            if (title_words and tail and _classify(tail, self._registry) == "person"
                    and name not in self._org_names):
                kind = "person"  # "Labour MP Zarah Sultana"
            if kind == "org" or kind == "handle":
                return self._org_resolved(name, desc)
            if kind == "person":
                title_words, name = _split_title(name)
                desc = f"{title_words} {desc}".strip()
                if _ITS_THEIR_RE.match(text):
                    # "Its spokeswoman Leila Haddad": she speaks for the organisation before
                    org = self._resolve_pronoun("it", position)
                    entity = self._add_person(name, desc)
                    if org.speaker and org.role and not entity.org_role:
                        entity.org_role = org.role
            if kind == "person" or (len(words) == 1 and self._find_person(_surname(name))):
                return self._person_resolved(name, desc)
            if len(words) == 1 and (pre or last.start() > 0):
                return self._person_resolved(name, desc)
        return self._described(text, position, description)

    def _resolve_pronoun(self, low: str, position: int) -> Resolved:
        gender = _PRONOUNS[low]
        if gender in ("m", "f", "p"):
            want = gender if gender != "p" else ""
            res = self._last_speaker(position, ("person",), want)
            m = self._last_person_mention(position, want)
            if m is not None and (res is None or self._speaker_position(res) < m.start):
                entity = self._add_person(m.text, m.description)
                if want and not entity.gender:
                    entity.gender = want
                return _resolved(entity.name, self._role(entity), "person")
            if res is not None:
                return res
            return _resolved(None, "other", "none")
        kinds = ("org", "handle") if low == "it" else ("org", "handle", "described")
        res = self._last_speaker(position, kinds, window=1500)
        subject = self._subject_org_before(position)
        if subject is not None and (res is None or self._speaker_position(res) < subject.start):
            return self._org_resolved(subject.text, subject.description)
        if res is not None:
            return res
        m = self._last_mention(position, ("org", "handle"))
        if m is not None:
            return self._org_resolved(m.text, m.description)
        return _resolved(None, "other", "none")

    def _subject_org_before(self, position: int) -> Mention | None:
        """An organisation opening the sentence before ``position`` (its subject)."""
        previous = [s for s in self._sentences_before(position, 2) if s.end <= position][-1:]
        for sentence in previous:
            k = bisect.bisect_left(self._mention_starts, sentence.start)
            first = self._mentions[k] if k < len(self._mentions) else None
            if first is not None and first.start >= sentence.end:
                first = None
            if first is not None and first.kind in ("org", "handle"):
                lead = self._doc.source[sentence.start:first.start]
                if len(lead.split()) <= 3 and not verb_pattern().search(lead):
                    return first
        return None

    def _last_person_mention(self, position: int, gender: str) -> Mention | None:
        i = bisect.bisect_left(self._mention_starts, position) - 1
        while i >= 0:
            m = self._mentions[i]
            if position - m.start > 3000:
                return None
            if m.kind == "person" and (len(m.text.split()) >= 2 or self._is_known_person(m.text)):
                entity = self._find_person(_surname(m.text))
                if not (gender and entity and entity.gender and entity.gender != gender):
                    return m
            i -= 1
        return None

    def _speaker_position(self, res: Resolved) -> int:
        for pos, r in reversed(self._speakers):
            if r is res:
                return pos
        return -1

    def _resolve_proxy(self, text: str, proxy: re.Match[str], actor_hit: object,
                       names: list[re.Match[str]], position: int, description: str) -> Resolved:
        noun = proxy.group(0).lower()
        if actor_hit is not None:
            return self._org_resolved(actor_hit[0].name, description)  # type: ignore[index]
        named = [m for m in names if _DETERMINER_RE.sub("", m.group(0)) and
                 m.group(0) not in ("A", "An", "The")]
        if named:
            name = cut_possessive(_DETERMINER_RE.sub("", named[-1].group(0)))
            if _classify(name, self._registry) == "person" and noun in ("letter", "statement",
                                                                      "post", "tweet"):
                return self._person_resolved(name, description)
            return self._org_resolved(name, f"{text} {description}")
        after = text[proxy.end():].strip().lower()
        after = re.sub(r"^(?:for|of|from|at|to)\s+", "", after)
        if after:
            ref = self._kind_reference(after, position)
            if ref is not None:
                return ref
        if noun in _DOCUMENT_NOUNS:
            return self._document_author(noun, position)
        hint = role_from_cues(f"{text} {description}")
        m = self._last_mention(position, ("org", "handle"), hint if hint not in (None, "other")
                               else None)
        if m is None and hint not in (None, "other"):
            m = self._last_mention(position, ("org", "handle"))
        if m is not None:
            return self._org_resolved(m.text, m.description)
        res = self._last_speaker(position, ("org",))
        if res is not None:
            return res
        return self._described(text, position, description)

    def _document_author(self, noun: str, position: int) -> Resolved:
        """Who issued "the letter" / "the statement": the subject of its last mention."""
        for sentence in reversed(self._sentences_before(position, 40)):
            low = sentence.text.lower()
            if noun in low or (noun == "letter" and re.search(r"\b(?:wrote|written)\b", low)):
                if noun in low and sentence.start <= position < sentence.end:
                    continue
                k = bisect.bisect_left(self._mention_starts, sentence.start)
                for m in self._mentions[k:k + 20]:
                    if m.start < sentence.end:
                        if m.kind == "person":
                            return self._person_resolved(m.text, m.description)
                        return self._org_resolved(m.text, m.description)
        res = self._last_speaker(position, ("person", "org"))
        return res if res is not None else _resolved(None, "other", "none")

    def _kind_reference(self, low: str, position: int) -> Resolved | None:
        """``"the force"`` -> the last police organisation named, and so on."""
        low = _DETERMINER_RE.sub("", low).strip()
        low = cut_possessive(low)
        role = _KIND_NOUNS.get(low)
        if role is None:
            return None
        word = low.split()[-1]
        k = bisect.bisect_left(self._mention_starts, position)
        recent = [m for m in self._mentions[max(0, k - 200):k] if m.kind == "org"]
        for m in reversed(recent):
            if word in m.text.lower():
                return self._org_resolved(m.text, m.description)
            entity = self._org_entity(m.text)
            if self._role(entity, m.description) == role:
                return self._org_resolved(m.text, m.description)
        res = self._last_speaker(position, ("org",))
        if res is not None and res.role == role:
            return res
        return None

    def _described(self, text: str, position: int, description: str) -> Resolved:
        """An unnamed speaker: a lower-cased description, role from its cue words."""
        clean = _DETERMINER_RE.sub("", text).strip().lower()
        role = role_from_cues(f"{text} {description}")
        if _GROUP_WORDS.match(clean):
            role = "public"  # "One said ...", "A third commented": members of the public
            group = _group_noun(self._context_before(position, 3), clean)
            if group:
                return _resolved(group, role, "described")
        if re.search(r"@\w", text) and not role:
            role = "public"
        return _resolved(clean or None, role or "other", "described")

    def _sentences_before(self, position: int, n: int) -> list[Sentence]:
        """The up to ``n`` sentences starting before ``position``, in order."""
        i = bisect.bisect_left(self._sentence_starts, position)
        return list(self._doc.sentences[max(0, i - n):i])

    def _context_before(self, position: int, n: int) -> str:
        return " ".join(s.text for s in self._sentences_before(position, n))
