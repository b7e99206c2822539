"""pytest plugin: corpus fixtures and a comparison report for newsroom standards checks.

Registered through the ``pytest11`` entry point, so installing framing makes these
available in any test suite:

* ``--framing-corpus PATH`` (or the ini option ``framing_corpus``, relative to the ini
  file): the corpus the fixtures load;
* ``framing_corpus`` (session fixture): the loaded :class:`framing.Corpus`;
* ``framing_scores`` (session fixture): its corpus table (pandas DataFrame, one row per
  article), scored once per session;
* ``--framing-report PATH``: at the end of the run, write the comparison report (HTML, or
  Markdown for ``.md``) of every corpus scored in the run.

Assertion helpers for the checks themselves live in :mod:`framing.testing`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

_SCORED: pytest.StashKey[list[Any]] = pytest.StashKey()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("framing", "framing: news framing standards checks")
    group.addoption("--framing-corpus", action="store", default=None, metavar="PATH",
                    help="Corpus (folder, .csv or .jsonl) for the framing_corpus fixture.")
    group.addoption("--framing-report", action="store", default=None, metavar="PATH",
                    help="Write the comparison report (.html or .md) of every corpus scored "
                         "in the run.")
    parser.addini("framing_corpus", "Default corpus path for the framing_corpus fixture "
                  "(relative to the ini file).", default=None)


def pytest_configure(config: pytest.Config) -> None:
    config.stash[_SCORED] = []


def _corpus_path(config: pytest.Config) -> str | None:
    given = config.getoption("--framing-corpus")
    if given:
        return str(given)
    ini = config.getini("framing_corpus")
    if not ini:
        return None
    base = config.inipath.parent if config.inipath else config.rootpath
    return str(base / str(ini))


@pytest.fixture(scope="session")
def framing_corpus(request: pytest.FixtureRequest) -> Any:
    """The corpus named by ``--framing-corpus`` or the ``framing_corpus`` ini option.

    Skips the test when neither is given.
    """
    path = _corpus_path(request.config)
    if not path:
        pytest.skip("no corpus given: pass --framing-corpus PATH or set framing_corpus in ini")
    from framing.load import load_corpus

    return load_corpus(path)


@pytest.fixture(scope="session")
def framing_scores(request: pytest.FixtureRequest, framing_corpus: Any) -> Any:
    """The scored corpus table (pandas DataFrame, one row per article, ``error`` column).

    The scores are kept for ``--framing-report``.
    """
    from framing.corpus import score_articles

    scored = score_articles(framing_corpus)
    request.config.stash[_SCORED].append(scored)
    return scored.table


def _combined(scored: list[Any]) -> Any:
    import pandas as pd

    from framing.corpus import ScoredCorpus

    if len(scored) == 1:
        return scored[0]
    table = pd.concat([s.table for s in scored], ignore_index=True)
    table.attrs.update(scored[0].table.attrs)
    return ScoredCorpus(table=table, scores=tuple(x for s in scored for x in s.scores))


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    config = session.config
    path = config.getoption("--framing-report")
    scored = config.stash.get(_SCORED, [])
    if not path or not scored:
        return
    from framing.reporting import report

    written = report(_combined(scored), Path(path), title="framing standards report")
    config.stash[_SCORED] = []
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None:
        reporter.write_line(f"framing: comparison report written to {written}")
