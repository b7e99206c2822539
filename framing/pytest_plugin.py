"""pytest plugin: corpus fixtures and report options for newsroom standards checks.

Registered through the ``pytest11`` entry point, so installing framing makes the
``--framing-corpus`` and ``--framing-report`` options and the ``framing_corpus`` and
``framing_scores`` fixtures available in any test suite.
"""

from __future__ import annotations

from typing import Any

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("framing", "framing: news framing standards checks")
    group.addoption("--framing-corpus", action="store", default=None, metavar="PATH",
                    help="Corpus (folder, .csv or .jsonl) for the framing_corpus fixture.")
    group.addoption("--framing-report", action="store", default=None, metavar="PATH",
                    help="Write the comparison report of every corpus scored in the run.")
    parser.addini("framing_corpus", "Default corpus path for the framing_corpus fixture.",
                  default=None)


def _corpus_path(config: pytest.Config) -> str | None:
    return config.getoption("--framing-corpus") or config.getini("framing_corpus") or None


@pytest.fixture(scope="session")
def framing_corpus(request: pytest.FixtureRequest) -> Any:
    """The corpus named by ``--framing-corpus`` or the ``framing_corpus`` ini option."""
    path = _corpus_path(request.config)
    if not path:
        pytest.skip("no corpus given: pass --framing-corpus PATH or set framing_corpus in ini")
    from framing.load import load_corpus

    return load_corpus(path)


@pytest.fixture(scope="session")
def framing_scores(framing_corpus: Any) -> Any:
    """The scored corpus table (pandas DataFrame, one row per article)."""
    from framing.corpus import score_corpus

    return score_corpus(framing_corpus)
