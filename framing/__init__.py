"""framing: compare how news outlets frame the same events.

Scores articles for sentiment, readability, loaded-term use and quote balance from one
parse, and lines outlets up incident by incident, every number traceable to its words.
Heavy modules (pandas, matplotlib, the VADER analyser) load on first use, not at import.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_LAZY = {
    "Article": "framing.article",
    "Document": "framing.document",
    "Paragraph": "framing.document",
    "Sentence": "framing.document",
    "Token": "framing.document",
    "QuoteSpan": "framing.document",
    "RemovedLine": "framing.document",
    "FramingError": "framing.errors",
    "InputError": "framing.errors",
    "ManifestError": "framing.errors",
    "LexiconError": "framing.errors",
    "MissingExtraError": "framing.errors",
    "CorpusReadError": "framing.errors",
    "parse": "framing.parsing",
    "Quote": "framing.quotes",
    "ROLES": "framing.quotes",
    "QUOTE_KINDS": "framing.quotes",
    "extract_quotes": "framing.quotes",
    "score_quotes": "framing.quote_balance",
    "QuoteScores": "framing.quote_balance",
    "load_registry": "framing.roles",
    "ActorRegistry": "framing.roles",
    "TermHit": "framing.terms",
    "find_loaded_terms": "framing.terms",
    "load_lexicon": "framing.lexicon",
    "load_actors": "framing.actors",
    "word_choice": "framing.terms",
    "ArticleScores": "framing.scores",
    "score": "framing.scores",
    "score_readability": "framing.readability",
    "score_sentiment": "framing.sentiment",
    "actor_sentiment_table": "framing.sentiment",
    "load_corpus": "framing.load",
    "Corpus": "framing.load",
    "iter_corpus": "framing.load",
    "LoadFailure": "framing.load",
    "score_corpus": "framing.corpus",
    "iter_records": "framing.stream",
    "compare": "framing.comparison",
    "report": "framing.reporting",
}

__all__ = ["__version__", *sorted(_LAZY)]  # noqa: PLE0604 (the names are strings: _LAZY's keys)


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'framing' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
