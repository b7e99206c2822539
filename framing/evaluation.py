"""Scoring helpers for quote extraction: span overlap, matching, precision/recall/F1.

Pure functions shared by ``tests/test_quote_accuracy.py`` (hand-annotated gold articles in
``tests/data/quotes_gold/``) and ``benchmarks/quotes_eval.py`` (PolNeAR). Nothing here
calls the extractor; it compares what an extractor returned with what a person annotated.

Definitions (see ``docs/quotes_accuracy.md``):

* **Tokens** are the maximal runs of word characters (``\\w+``) of the article text; a
  token belongs to a span when it shares at least one character with one of the span's
  segments. Punctuation and quotation marks therefore never count.
* **Token overlap** of a predicted span P and a gold span G is
  ``|P ∩ G| / max(|P|, |G|)`` (``denominator="max"``, the default: both spans must cover
  the stated share of each other, so a prediction swallowing a whole paragraph cannot
  match a short quote) or ``|P ∩ G| / |G|`` (``denominator="gold"``, the lenient variant
  that only asks how much of the gold span was found). Range 0..1, higher is closer.
* **Matching**: each prediction is assigned to the gold quote it shares the most tokens
  with (ties go to the earlier gold quote). The predictions assigned to one gold quote form
  its group; the gold quote is *found* when the token overlap of the group's union with
  the gold span reaches the threshold. Then every prediction of the group is a true
  positive, so a quote split by its attribution or running over paragraphs may be
  predicted either as one quote with several segments or as several quotes. Predictions
  in a group that misses the threshold, and predictions sharing no token with any gold
  quote, are false positives. Predictions assigned to an ``optional`` gold quote (scare
  quotes, chants, placards) are ignored: they count neither way.
* **Speaker match** (:func:`speaker_matches`): names are compared after lower-casing and
  dropping titles, articles, possessives and punctuation; they match when equal, when the
  shorter name's words are all in the longer one and include one non-generic word
  ("Abbott" ~ "Diane Abbott", but not "police" ~ "Metropolitan Police"), or when the last
  (head) words agree and that word is not generic (surname match: "Mr Sahleb" ~
  "Akram Sahleb"). A gold quote can list ``aliases`` (``"the Met"`` for "Metropolitan
  Police"). The predicted name is the resolved speaker, or the mention as written when
  the extractor resolved none. Pronouns never match by name; only when the gold speaker is
  itself a pronoun (PolNeAR Source spans such as "he", "which") does a predicted speaker
  mention overlapping the gold Source span count as a match, unless the caller says the
  gold speakers are mentions as written rather than resolved names
  (``mention_overlap=True``, used for PolNeAR: there "the Republican nominee" is the gold
  Source and a prediction resolving that very mention to "Donald Trump" is right).

Precision is computed by predicted kind, recall, speaker, role and kind accuracy by gold
kind, so figures "by kind" can be read straight off :func:`summarise`.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Protocol

from framing.errors import InputError

__all__ = [
    "GoldArticle",
    "GoldQuote",
    "KindScores",
    "MatchResult",
    "QuoteMatch",
    "load_gold",
    "load_gold_dir",
    "match_quotes",
    "normalise_name",
    "prf",
    "span_tokens",
    "speaker_matches",
    "summarise",
    "token_level_prf",
    "token_overlap",
    "word_spans",
]

Segments = tuple[tuple[int, int], ...]
Denominator = Literal["max", "gold"]

_WORD = re.compile(r"\w+")
_TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "mx",
        "dr",
        "prof",
        "professor",
        "sir",
        "dame",
        "lord",
        "lady",
        "baroness",
        "rev",
        "reverend",
        "sen",
        "senator",
        "rep",
        "representative",
        "gov",
        "governor",
        "pres",
        "president",
        "pm",
        "mp",
        "mep",
        "cllr",
        "councillor",
        "supt",
        "superintendent",
        "insp",
        "inspector",
        "ch",
        "chief",
        "det",
        "detective",
        "sgt",
        "sergeant",
        "pc",
        "dc",
        "con",
        "constable",
        "commissioner",
        "commander",
        "cmdr",
        "gen",
        "general",
        "col",
        "colonel",
        "capt",
        "captain",
        "judge",
        "justice",
        "hon",
        "rt",
        "right",
        "st",
    ]
)
_STOP = frozenset(["the", "a", "an", "of", "for", "from", "at", "in", "on", "and", "to"])
_PRONOUNS = frozenset(
    [
        "he",
        "she",
        "they",
        "it",
        "we",
        "i",
        "you",
        "him",
        "her",
        "them",
        "us",
        "me",
        "his",
        "hers",
        "their",
        "theirs",
        "its",
        "our",
        "who",
        "which",
        "that",
        "this",
        "these",
        "those",
        "one",
    ]
)
#: Head words too general to identify a speaker by themselves ("police", "council").
_GENERIC = frozenset(
    [
        "police",
        "force",
        "service",
        "council",
        "party",
        "group",
        "campaign",
        "campaigners",
        "office",
        "department",
        "government",
        "ministry",
        "agency",
        "union",
        "board",
        "association",
        "committee",
        "organisation",
        "organization",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "spokespeople",
        "statement",
        "team",
        "unit",
        "officer",
        "officers",
        "authority",
        "trust",
        "charity",
        "foundation",
        "network",
        "coalition",
        "movement",
        "organisers",
        "organizers",
        "officials",
        "official",
        "people",
        "residents",
        "resident",
        "users",
        "user",
        "protesters",
        "demonstrators",
        "activists",
        "source",
        "sources",
        "aide",
        "aides",
        "staff",
        "members",
        "member",
        "company",
        "firm",
        "club",
        "university",
        "hospital",
        "court",
    ]
)


class _PredictedQuote(Protocol):
    """What :func:`match_quotes` reads from a prediction (``framing.Quote`` fits)."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def segments(self) -> Segments: ...
    @property
    def speaker(self) -> str | None: ...
    @property
    def role(self) -> str: ...
    @property
    def kind(self) -> str: ...


@dataclass(frozen=True, slots=True)
class GoldQuote:
    """One hand-annotated quotation.

    Attributes:
        kind: ``direct``, ``partial``, ``indirect`` or ``embed``.
        speaker: Speaker resolved to the fullest name or organisation, or None when the
            words have no speaker (scare quotes, placards).
        role: Speaker role (``framing.ROLES``), or None when not annotated.
        text: The quoted words, segments joined by one space.
        segments: ``(start, end)`` of each part, offsets into the article text.
        cue: The attribution verb as written, or ``""``.
        aliases: Other names that identify the same speaker ("the Met").
        speaker_segments: Offsets of the speaker mention at the attribution, if known.
        optional: True for quotations an extractor may report or not without penalty.
    """

    kind: str
    speaker: str | None
    role: str | None
    text: str
    segments: Segments
    cue: str = ""
    aliases: tuple[str, ...] = ()
    speaker_segments: Segments = ()
    optional: bool = False

    @property
    def start(self) -> int:
        """Offset of the first quoted character."""
        return self.segments[0][0]

    @property
    def end(self) -> int:
        """Offset one past the last quoted character."""
        return self.segments[-1][1]


@dataclass(frozen=True, slots=True)
class GoldArticle:
    """An annotated article: its text and every quotation in it.

    Attributes:
        id: Article identifier (the gold file's ``id``).
        text: The article text exactly as passed to the extractor.
        quotes: Gold quotations in order of appearance.
        style: House style label (``"uk-tabloid"``, ``"wire"`` ...), or ``""``.
        source: ``"seed"`` for the project's real seed articles, ``"written"`` otherwise.
        path: The gold JSON file it was read from, or ``""``.
    """

    id: str
    text: str
    quotes: tuple[GoldQuote, ...]
    style: str = ""
    source: str = ""
    path: str = ""


@dataclass(frozen=True, slots=True)
class QuoteMatch:
    """A found gold quote and the predictions that found it.

    Attributes:
        gold: Index of the gold quote.
        predicted: Indexes of the predictions in its group (the first shares most tokens).
        overlap: Token overlap of the group's union with the gold span, 0..1.
        speaker_ok: Speaker correct (None when the gold quote has no speaker).
        role_ok: Role correct (None when the gold quote has no role).
        kind_ok: The best prediction's kind equals the gold kind.
    """

    gold: int
    predicted: tuple[int, ...]
    overlap: float
    speaker_ok: bool | None
    role_ok: bool | None
    kind_ok: bool


@dataclass(frozen=True, slots=True)
class MatchResult:
    """Outcome of matching one article's predictions against its gold quotes.

    Attributes:
        gold_kinds: Kind of each gold quote.
        gold_optional: Optional flag of each gold quote.
        pred_kinds: Kind of each prediction.
        matches: Found non-optional gold quotes.
        missed: Indexes of non-optional gold quotes not found.
        false_positives: Indexes of predictions that found nothing.
        ignored: Indexes of predictions assigned to optional gold quotes.
    """

    gold_kinds: tuple[str, ...]
    gold_optional: tuple[bool, ...]
    pred_kinds: tuple[str, ...]
    matches: tuple[QuoteMatch, ...]
    missed: tuple[int, ...]
    false_positives: tuple[int, ...]
    ignored: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class KindScores:
    """Precision, recall and attribution accuracy for one quote kind (or ``"all"``).

    All rates are 0..1, higher is better, NaN when their denominator is zero.

    Attributes:
        kind: The quote kind, or ``"all"``.
        n_gold: Non-optional gold quotes of this kind.
        n_pred: Predictions of this kind, less those ignored (assigned to optional gold).
        found: Gold quotes of this kind that were found.
        correct_pred: Predictions of this kind that are true positives.
        precision: ``correct_pred / n_pred``.
        recall: ``found / n_gold``.
        f1: Harmonic mean of precision and recall.
        speaker_accuracy: Share of found gold quotes (with a gold speaker) whose speaker
            matches.
        role_accuracy: Share of found gold quotes (with a gold role) whose role is right.
        kind_accuracy: Share of found gold quotes whose best prediction has the same kind.
        n_speaker: Denominator of ``speaker_accuracy``.
        n_role: Denominator of ``role_accuracy``.
    """

    kind: str
    n_gold: int
    n_pred: int
    found: int
    correct_pred: int
    precision: float
    recall: float
    f1: float
    speaker_accuracy: float
    role_accuracy: float
    kind_accuracy: float
    n_speaker: int
    n_role: int

    def as_dict(self) -> dict[str, float | int | str]:
        """Flat dict of every field."""
        return {name: getattr(self, name) for name in self.__slots__}


def word_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Offsets of the word tokens (maximal ``\\w+`` runs) of ``text``, in order."""
    return tuple(m.span() for m in _WORD.finditer(text))


def span_tokens(
    words: Sequence[tuple[int, int]], segments: Iterable[tuple[int, int]]
) -> frozenset[int]:
    """Indexes of the tokens in ``words`` sharing at least one character with a segment.

    Args:
        words: Token offsets from :func:`word_spans` (sorted, non-overlapping).
        segments: ``(start, end)`` half-open character ranges.

    Returns:
        The token indexes covered by the segments (empty for empty segments).
    """
    import bisect

    ends = [end for _, end in words]
    found: set[int] = set()
    for start, end in segments:
        if end <= start:
            continue
        i = bisect.bisect_right(ends, start)  # first token ending after start
        while i < len(words) and words[i][0] < end:
            found.add(i)
            i += 1
    return frozenset(found)


def token_overlap(
    pred: frozenset[int], gold: frozenset[int], denominator: Denominator = "max"
) -> float:
    """Token overlap of a predicted and a gold token set, 0..1 (1 = identical).

    Args:
        pred: Predicted token indexes.
        gold: Gold token indexes.
        denominator: ``"max"``: ``|P ∩ G| / max(|P|, |G|)``; ``"gold"``: ``|P ∩ G| / |G|``.

    Returns:
        The overlap; 0.0 when either set is empty.

    Raises:
        InputError: ``denominator`` is not ``"max"`` or ``"gold"``.
    """
    if denominator not in ("max", "gold"):
        raise InputError(f"denominator: got {denominator!r}; allowed: 'max', 'gold'")
    if not pred or not gold:
        return 0.0
    shared = len(pred & gold)
    return shared / (max(len(pred), len(gold)) if denominator == "max" else len(gold))


def normalise_name(name: str | None) -> tuple[str, ...]:
    """Lower-cased name words without titles, articles, possessives or punctuation.

    ``"Mr Sahleb's"`` -> ``("sahleb",)``; ``"Sen. Jane Doe, D-Calif."`` ->
    ``("jane", "doe", "d", "calif")``; a pronoun or None -> ``()``.
    """
    if not name:
        return ()
    words = [w.lower() for w in re.findall(r"[^\W_]+(?:['’][^\W_]+)*", name)]
    words = [re.sub(r"['’]s$", "", w) for w in words]
    if len(words) == 1 and words[0] in _PRONOUNS:
        return ()
    return tuple(w for w in words if w not in _TITLES and w not in _STOP and w != "s")


def _names_match(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if not a or not b:
        return False
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if set(short) <= set(long_) and any(w not in _GENERIC for w in short):
        return True
    return a[-1] == b[-1] and a[-1] not in _GENERIC


def _segments_overlap(a: Segments, b: Segments) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


def speaker_matches(
    predicted: Iterable[str | None],
    gold: GoldQuote,
    predicted_span: tuple[int, int] | None = None,
    mention_overlap: bool = False,
) -> bool | None:
    """Whether a predicted speaker identifies the gold quote's speaker.

    Args:
        predicted: Predicted names to try (resolved speaker, mention as written).
        gold: The gold quote (its ``speaker``, ``aliases`` and ``speaker_segments``).
        predicted_span: Offsets of the predicted speaker mention, or None.
        mention_overlap: Credit an overlapping mention for every gold speaker, not only
            for pronoun ones (for gold data whose speakers are unresolved mentions).

    Returns:
        None when the gold quote has no speaker; otherwise True when any predicted name
        matches the gold speaker or an alias by the rule in the module docstring, or, for
        a gold speaker that is only a pronoun, when the predicted mention overlaps the gold
        mention.
    """
    if gold.speaker is None:
        return None
    if (
        (mention_overlap or not normalise_name(gold.speaker))
        and predicted_span is not None
        and predicted_span[0] >= 0
        and predicted_span[1] > predicted_span[0]
        and gold.speaker_segments
        and _segments_overlap((predicted_span,), gold.speaker_segments)
    ):
        return True
    gold_names = [normalise_name(n) for n in (gold.speaker, *gold.aliases)]
    return any(_names_match(normalise_name(p), g) for p in predicted if p for g in gold_names)


def _pred_segments(pred: _PredictedQuote) -> Segments:
    segments = tuple(getattr(pred, "segments", ()) or ())
    return segments or ((pred.start, pred.end),)


def match_quotes(
    text: str,
    predicted: Sequence[_PredictedQuote],
    gold: Sequence[GoldQuote],
    threshold: float = 0.5,
    denominator: Denominator = "max",
    mention_overlap: bool = False,
) -> MatchResult:
    """Match predicted quotes to gold quotes of one article.

    Args:
        text: The article text both offset sets index.
        predicted: Predictions with ``start``, ``end``, ``segments``, ``speaker``,
            ``role``, ``kind`` and optionally ``speaker_mention``, ``speaker_start``,
            ``speaker_end`` (``framing.Quote`` has them all).
        gold: Gold quotes of the article.
        threshold: Minimum token overlap (0..1] for a gold quote to count as found.
        denominator: Overlap variant, see :func:`token_overlap`.
        mention_overlap: Passed to :func:`speaker_matches`.

    Returns:
        The :class:`MatchResult` (algorithm in the module docstring).

    Raises:
        InputError: ``threshold`` is outside (0, 1].
    """
    if not 0.0 < threshold <= 1.0:
        raise InputError(f"threshold: got {threshold!r}; allowed: a number in (0, 1]")
    words = word_spans(text)
    gold_tokens = [span_tokens(words, g.segments) for g in gold]
    pred_tokens = [span_tokens(words, _pred_segments(p)) for p in predicted]
    groups: dict[int, list[tuple[int, int]]] = {}
    unassigned: list[int] = []
    for p, ptoks in enumerate(pred_tokens):
        best_gold, best_shared = -1, 0
        for g, gtoks in enumerate(gold_tokens):
            shared = len(ptoks & gtoks)
            if shared > best_shared:
                best_gold, best_shared = g, shared
        if best_gold < 0:
            unassigned.append(p)
        else:
            groups.setdefault(best_gold, []).append((best_shared, p))
    matches: list[QuoteMatch] = []
    missed: list[int] = []
    false_pos: list[int] = list(unassigned)
    ignored: list[int] = []
    for g, quote in enumerate(gold):
        members = sorted(groups.get(g, ()), key=lambda sp: (-sp[0], sp[1]))
        pred_ids = tuple(p for _, p in members)
        if quote.optional:
            ignored.extend(pred_ids)
            continue
        union = frozenset().union(*(pred_tokens[p] for p in pred_ids)) if pred_ids else frozenset()
        overlap = token_overlap(union, gold_tokens[g], denominator)
        if pred_ids and overlap >= threshold:
            best = predicted[pred_ids[0]]
            span = (getattr(best, "speaker_start", -1), getattr(best, "speaker_end", -1))
            names = (
                (best.speaker,)
                if normalise_name(best.speaker)
                else (getattr(best, "speaker_mention", ""),)
            )
            speaker_ok = speaker_matches(names, quote, span, mention_overlap)
            role_ok = None if quote.role is None else best.role == quote.role
            matches.append(
                QuoteMatch(g, pred_ids, overlap, speaker_ok, role_ok, best.kind == quote.kind)
            )
        else:
            missed.append(g)
            false_pos.extend(pred_ids)
    return MatchResult(
        gold_kinds=tuple(q.kind for q in gold),
        gold_optional=tuple(q.optional for q in gold),
        pred_kinds=tuple(p.kind for p in predicted),
        matches=tuple(matches),
        missed=tuple(missed),
        false_positives=tuple(sorted(false_pos)),
        ignored=tuple(sorted(ignored)),
    )


def prf(correct_pred: int, n_pred: int, found: int, n_gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 (each 0..1, NaN when undefined).

    Precision is ``correct_pred / n_pred``, recall ``found / n_gold``; F1 is their harmonic
    mean (0.0 when both are 0, NaN when either is NaN).
    """
    precision = correct_pred / n_pred if n_pred else math.nan
    recall = found / n_gold if n_gold else math.nan
    if math.isnan(precision) or math.isnan(recall):
        f1 = math.nan
    elif precision + recall == 0:
        f1 = 0.0
    else:
        f1 = 2 * precision * recall / (precision + recall)
    return precision, recall, f1


def token_level_prf(
    text: str,
    predicted: Iterable[Iterable[tuple[int, int]]],
    gold: Iterable[Iterable[tuple[int, int]]],
) -> tuple[float, float, float, int, int, int]:
    """Token-level precision, recall and F1 of span coverage (no matching, no threshold).

    The words of all predicted spans and of all gold spans are pooled (a word counted
    once however many spans cover it); precision is the share of predicted words inside
    some gold span, recall the share of gold words inside some predicted span. This is
    the "overlap" measure of BBC Citron's evaluation (Newell et al. 2018), which sums
    token overlaps over quotes.

    Args:
        text: The article text.
        predicted: Segments of each predicted span.
        gold: Segments of each gold span.

    Returns:
        ``(precision, recall, f1, shared, n_predicted, n_gold)``: rates 0..1 (NaN when
        undefined) and the word counts they come from, so counts can be pooled over
        articles.
    """
    words = word_spans(text)
    pred = frozenset().union(*(span_tokens(words, s) for s in predicted))
    gold_set = frozenset().union(*(span_tokens(words, s) for s in gold))
    shared = len(pred & gold_set)
    precision, recall, f1 = prf(shared, len(pred), shared, len(gold_set))
    return precision, recall, f1, shared, len(pred), len(gold_set)


def _rate(flags: Sequence[bool | None]) -> tuple[float, int]:
    known = [f for f in flags if f is not None]
    return (sum(known) / len(known) if known else math.nan), len(known)


def summarise(
    results: Iterable[MatchResult],
    kinds: Sequence[str] = ("direct", "partial", "indirect", "embed"),
) -> dict[str, KindScores]:
    """Pool match results over articles into scores per kind and over all kinds.

    Args:
        results: One :class:`MatchResult` per article.
        kinds: Kinds to report (each gets an entry even when absent: NaN rates).

    Returns:
        ``{kind: KindScores}`` for every kind in ``kinds`` plus ``"all"``. Precision is
        taken over predictions of the kind, recall and accuracies over gold quotes of it.
    """
    results = list(results)
    out: dict[str, KindScores] = {}
    for kind in (*kinds, "all"):

        def want(k: str, kind: str = kind) -> bool:
            return kind == "all" or k == kind

        n_gold = found = n_pred = correct = 0
        speaker: list[bool | None] = []
        role: list[bool | None] = []
        kind_ok: list[bool | None] = []
        for r in results:
            n_gold += sum(1 for k, opt in zip(r.gold_kinds, r.gold_optional) if want(k) and not opt)
            ignored = set(r.ignored)
            n_pred += sum(1 for i, k in enumerate(r.pred_kinds) if want(k) and i not in ignored)
            for m in r.matches:
                correct += sum(1 for p in m.predicted if want(r.pred_kinds[p]))
                if want(r.gold_kinds[m.gold]):
                    found += 1
                    speaker.append(m.speaker_ok)
                    role.append(m.role_ok)
                    kind_ok.append(m.kind_ok)
        precision, recall, f1 = prf(correct, n_pred, found, n_gold)
        speaker_acc, n_speaker = _rate(speaker)
        role_acc, n_role = _rate(role)
        kind_acc, _ = _rate(kind_ok)
        out[kind] = KindScores(
            kind,
            n_gold,
            n_pred,
            found,
            correct,
            precision,
            recall,
            f1,
            speaker_acc,
            role_acc,
            kind_acc,
            n_speaker,
            n_role,
        )
    return out


def _segments_from(raw: Mapping[str, Any], where: str) -> Segments:
    if "segments" in raw:
        segments = tuple((int(s), int(e)) for s, e in raw["segments"])
    elif "start" in raw and "end" in raw:
        segments = ((int(raw["start"]), int(raw["end"])),)
    else:
        raise InputError(f"{where}: quote has neither 'segments' nor 'start'/'end'")
    if not segments or any(e <= s for s, e in segments):
        raise InputError(f"{where}: empty or inverted segment in {list(segments)!r}")
    return segments


def _gold_quote(raw: Mapping[str, Any], text: str, where: str) -> GoldQuote:
    for key in ("kind", "text"):
        if key not in raw:
            raise InputError(f"{where}: missing field {key!r}")
    kind = raw["kind"]
    if kind not in ("direct", "partial", "indirect", "embed"):
        raise InputError(
            f"{where}: kind {kind!r} not allowed; allowed: direct, partial, indirect, embed"
        )
    segments = _segments_from(raw, where)
    if segments[-1][1] > len(text):
        raise InputError(f"{where}: segment end {segments[-1][1]} beyond text length {len(text)}")
    joined = " ".join(text[s:e] for s, e in segments)
    if joined != raw["text"]:
        raise InputError(
            f"{where}: 'text' {raw['text'][:60]!r} differs from the text at its segments "
            f"{joined[:60]!r}"
        )
    speaker_segments = tuple((int(s), int(e)) for s, e in raw.get("speaker_segments", ()))
    return GoldQuote(
        kind=kind,
        speaker=raw.get("speaker"),
        role=raw.get("role"),
        text=raw["text"],
        segments=segments,
        cue=raw.get("cue", ""),
        aliases=tuple(raw.get("aliases", ())),
        speaker_segments=speaker_segments,
        optional=bool(raw.get("optional", False)),
    )


def _find_text_file(gold_path: Path, name: str) -> Path:
    for folder in (gold_path.parent, *gold_path.parents):
        candidate = folder / name
        if candidate.is_file():
            return candidate
    raise InputError(f"{gold_path}: 'file' {name!r} not found next to it or in a parent folder")


def load_gold(path: str | Path) -> GoldArticle:
    """Read one gold JSON file (format in ``tests/data/quotes_gold/README.md``).

    Args:
        path: The JSON file. Its ``file`` field, when present, is looked up relative to
            the JSON file's folder and then each parent folder (so ``"seeds/000_x.txt"``
            resolves from the project root).

    Returns:
        The :class:`GoldArticle`; every quote's ``text`` is checked against its offsets.

    Raises:
        InputError: The file is malformed; the message names the file, quote and field.
    """
    path = Path(path)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}: not valid JSON ({exc})") from exc
    if "text" in raw:
        text = raw["text"]
    elif "file" in raw:
        text = _find_text_file(path, raw["file"]).read_text(encoding="utf-8")
    else:
        raise InputError(f"{path}: needs 'text' or 'file'")
    quotes = tuple(
        _gold_quote(q, text, f"{path}: quotes[{i}]") for i, q in enumerate(raw.get("quotes", ()))
    )
    return GoldArticle(
        id=str(raw.get("id", path.stem)),
        text=text,
        quotes=quotes,
        style=raw.get("style", ""),
        source=raw.get("source", ""),
        path=str(path),
    )


def load_gold_dir(folder: str | Path) -> list[GoldArticle]:
    """Every ``*.json`` gold file directly under ``folder`` and its subfolders, by path."""
    return [load_gold(p) for p in sorted(Path(folder).rglob("*.json"))]
