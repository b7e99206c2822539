"""Score one article on all four measures from a single parse."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from framing.article import Article
from framing.document import Document
from framing.errors import InputError
from framing.parsing import parse

__all__ = ["RECORD_KEYS_BASE", "ArticleScores", "score"]

#: Identity and size keys that open every flat record.
RECORD_KEYS_BASE = ("id", "outlet", "date", "title", "author", "incident", "words", "sentences")


@dataclass(frozen=True, slots=True)
class ArticleScores:
    """All scores of one article, with the parsed Document kept for auditing.

    ``as_dict()`` gives the flat record (keys listed in docs/measures.md); undefined
    values are NaN, never 0.
    """

    article: Article
    document: Document
    sentiment: Any
    readability: Any
    terms: Any
    quotes: Any
    flags: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        """Flat record: identity, size, then each measure's prefixed keys, then ``flags``."""
        record: dict[str, Any] = {
            **self.article.identity(),
            "words": self.document.word_count,
            "sentences": len(self.document.sentences),
        }
        for part in (self.sentiment, self.readability, self.terms, self.quotes):
            record.update(part.as_dict())
        record["flags"] = ";".join(self.flags)
        return record


def _article_from(article_or_text: Article | str) -> Article:
    if isinstance(article_or_text, Article):
        return article_or_text
    if isinstance(article_or_text, str):
        return Article(id="text", text=article_or_text)
    raise InputError(
        f"article_or_text: expected framing.Article or str, got {type(article_or_text).__name__}"
    )


def _fill_from_text(article: Article, doc: Document) -> Article:
    """Take title, author, date and outlet found in the text where the caller gave none."""
    from dataclasses import replace

    updates: dict[str, Any] = {}
    for name in ("title", "author", "outlet", "date"):
        if getattr(article, name) is None and doc.metadata.get(name):
            updates[name] = doc.metadata[name]
    if not updates:
        return article
    try:
        return replace(article, **updates)
    except InputError:
        updates.pop("date", None)
        return replace(article, **updates) if updates else article


def score(
    article_or_text: Article | str,
    *,
    lexicon: Any = None,
    actors: Any = None,
    registry: Any = None,
) -> ArticleScores:
    """Score one article for sentiment, readability, loaded terms and quote balance.

    Args:
        article_or_text: An :class:`Article` or raw text (given the id ``"text"``).
        lexicon: A loaded-term lexicon (default: the built-in one).
        actors: Actor groups for actor sentiment and word choice (default: built-in).
        registry: Optional actor registry mapping speaker names to roles.

    Returns:
        :class:`ArticleScores`; undefined values (e.g. readability of an empty text) are NaN.
    """
    from framing.quote_balance import score_quotes
    from framing.readability import score_readability
    from framing.sentiment import score_sentiment
    from framing.terms import score_terms

    article = _article_from(article_or_text)
    doc = parse(article.text, registry=registry)
    article = _fill_from_text(article, doc)
    flags = list(doc.flags) + list(article.warnings)
    mentions = None
    if actors is None or isinstance(actors, (tuple, list)):
        # one actor-mention search serves actor sentiment and word choice
        from framing.actors import find_actor_mentions
        from framing.sentiment import _resolve_actors

        mentions = find_actor_mentions(doc, _resolve_actors(actors))  # same InputError
    sentiment = score_sentiment(doc, actors=actors, mentions=mentions)
    readability = score_readability(doc)
    terms = score_terms(doc, lexicon=lexicon, actors=actors, mentions=mentions)
    quotes = score_quotes(doc, registry=registry, reattribute=False)  # parsed with it
    for part in (sentiment, readability, terms, quotes):
        flags.extend(getattr(part, "flags", ()))
    return ArticleScores(
        article=article,
        document=doc,
        sentiment=sentiment,
        readability=readability,
        terms=terms,
        quotes=quotes,
        flags=tuple(dict.fromkeys(flags)),
    )
