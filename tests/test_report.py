"""The HTML/Markdown report: escaping, highlighting from offsets, tables, charts."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass, replace
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import framing
from framing.article import Article
from framing.corpus import ScoredCorpus, records_to_frame
from framing.errors import InputError
from framing.parsing import parse
from framing.quotes import Quote
from framing.reporting import _Layer, highlight_html, render_html, render_markdown
from framing.scores import ArticleScores

ROOT = Path(__file__).resolve().parent.parent
EVIL = "<script>alert(1)</script>"


# -- stand-in scores built by hand (offsets counted below) ----------------------------------


@dataclass(frozen=True)
class _Hit:
    term: str
    category: str
    start: int
    end: int
    quoted: bool
    text: str
    weight: int = 2
    scare_quote: bool = False


@dataclass(frozen=True)
class _Actor:
    actor: str
    mentions: int
    sentences: int
    sentiment_mean: float


@dataclass(frozen=True)
class _Part:
    values: tuple
    hits: tuple = ()
    labels: tuple = ()
    actors: tuple = ()

    def as_dict(self) -> dict[str, Any]:
        return dict(self.values)


def _find(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


def _scored(article: Article, *, role: str = "politician", loaded: float = 2.0) -> ArticleScores:
    """Parse for real; quotes, hits and numbers set by hand from string positions."""
    doc = parse(article.text)
    src = doc.source
    q_start, q_end = _find(src, "It was a ")  # the quoted words start here ...
    q_end = src.index('"', q_end)  # ... and end before the closing mark
    c_start, c_end = _find(src, "said")
    s_start, s_end = _find(src, "The minister")
    quote = Quote(text=src[q_start:q_end], speaker="The minister", role=role, kind="direct",
                  cue="said", start=q_start, end=q_end, segments=((q_start, q_end),),
                  speaker_mention="The minister", speaker_start=s_start, speaker_end=s_end,
                  cue_start=c_start, cue_end=c_end, cue_class="neutral")
    doc = replace(doc, quotes=(quote,))
    m_start, m_end = _find(src, "mob")
    d_start, d_end = _find(src, "disgrace")
    hits = (_Hit("mob", "violence", m_start, m_end, False, "mob"),
            _Hit("disgrace", "emotive", d_start, d_end, True, "disgrace"))
    terms = _Part(values=(("loaded_count", 2), ("loaded_per_1k", loaded * 1.5),
                          ("loaded_narrator_per_1k", loaded), ("loaded_quoted_per_1k", 10.0)),
                  hits=hits, labels=(("protesters", "mob", 1, 0),))
    sentiment = _Part(values=(("sentiment_mean", -0.25),),
                      actors=(_Actor("police", 1, 1, -0.4), _Actor("protesters", 1, 1, -0.6)))
    quotes = _Part(values=(("quotes_direct", 1), ("quote_balance", 0.0),
                           (f"quote_share_{role}", 1.0)))
    return ArticleScores(article=article, document=doc, sentiment=sentiment,
                         readability=_Part(values=(("readability_flesch_kincaid_grade", 8.0),)),
                         terms=terms, quotes=quotes)


def _text(extra: str = "") -> str:
    return ("Skip to main content\n"
            f"Police clashed with the mob{extra}.\n"
            f'The minister said: "It was a {EVIL} disgrace."\n')


def _corpus() -> ScoredCorpus:
    arts = [
        Article(id="a1", text=_text(), outlet="Daily <b>Bold</b>", date="2021-05-18",
                title=f"Title {EVIL}", incident="chant"),
        Article(id="a2", text=_text(" again"), outlet="The | Pipe", date="2021-05-18",
                incident="chant"),
    ]
    scores = (_scored(arts[0]), _scored(arts[1], role="police", loaded=4.0))
    rows = [dict(s.as_dict(), error=None) for s in scores]
    rows.append({"id": "bad", "outlet": "Daily <b>Bold</b>", "error": f"InputError: {EVIL}"})
    table = records_to_frame(rows, {"framing_version": framing.__version__,
                                    "lexicon_name": "lex", "lexicon_version": "7",
                                    "lexicon_hash": "f00d"})
    return ScoredCorpus(table=table, scores=scores)


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.marks: list[tuple[str, str]] = []
        self._mark: list[str] | None = None
        self._mark_title = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        # the legend's sample marks have no title: only audited hits carry one
        if tag == "mark" and dict(attrs).get("title"):
            self._mark, self._mark_title = [], dict(attrs).get("title") or ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark" and self._mark is not None:
            self.marks.append(("".join(self._mark), self._mark_title))
            self._mark = None

    def handle_data(self, data: str) -> None:
        if self._mark is not None:
            self._mark.append(data)


def _parsed(page: str) -> _Tags:
    parser = _Tags()
    parser.feed(page)
    return parser


# -- tests --------------------------------------------------------------------------------


def test_highlight_pieces_are_escaped_and_nested_by_offsets() -> None:
    # source  "a <b> c&d": quote over [0, 5) = "a <b>", term over [2, 9) = "<b> c&d".
    # Cuts at 0, 2, 5, 9 -> pieces "a " (quote), "<b>" (quote+term), " c&d" (term).
    layers = [_Layer(0, 5, 0, "span", "q role-police", 'Ann "A" (police)'),
              _Layer(2, 9, 2, "mark", "term", "t")]
    out = str(highlight_html("a <b> c&d", 0, 9, layers))
    assert out == (
        '<span class="q role-police" title="Ann &#34;A&#34; (police)">a </span>'
        '<span class="q role-police" title="Ann &#34;A&#34; (police)">'
        '<mark class="term" title="t">&lt;b&gt;</mark></span>'
        '<mark class="term" title="t"> c&amp;d</mark>'
    )


def test_highlight_random_overlaps_stay_well_formed_and_lossless() -> None:
    # Seeded random layers over a text full of markup characters: the output must parse
    # into balanced tags and its text must be exactly the source slice.
    import random

    rng = random.Random(7)
    source = "".join(rng.choice("ab <>&\"'x\n") for _ in range(200))
    for _ in range(50):
        layers = []
        for _ in range(rng.randint(0, 6)):
            a = rng.randrange(0, 200)
            b = rng.randrange(a, 201)
            level = rng.choice([0, 1, 2])
            layers.append(_Layer(a, b, level, "mark" if level == 2 else "span", "c", "t<&>"))
        start = rng.randrange(0, 100)
        end = rng.randrange(start, 201)
        out = str(highlight_html(source, start, end, layers))

        class Check(HTMLParser):
            def __init__(self) -> None:
                super().__init__(convert_charrefs=True)
                self.stack: list[str] = []
                self.text: list[str] = []

            def handle_starttag(self, tag: str, attrs: list) -> None:
                self.stack.append(tag)

            def handle_endtag(self, tag: str) -> None:
                assert self.stack.pop() == tag

            def handle_data(self, data: str) -> None:
                self.text.append(data)

        check = Check()
        check.feed(out)
        check.close()
        assert check.stack == []
        assert "".join(check.text) == source[start:end]


def test_highlight_only_inside_the_passage() -> None:
    # a layer over [0, 9) seen through the passage [2, 5) wraps only "<b>"
    out = str(highlight_html("a <b> c&d", 2, 5, [_Layer(0, 9, 2, "mark", "term", "t")]))
    assert out == '<mark class="term" title="t">&lt;b&gt;</mark>'


def test_script_in_article_text_and_metadata_is_inert(tmp_path: Path) -> None:
    page = render_html(_corpus())
    tags = _parsed(page)
    assert not [t for t, _ in tags.tags if t in ("script", "iframe", "object", "embed")]
    assert not [a for _, attrs in tags.tags for a in attrs if a.startswith("on")]
    assert "<script" not in page.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # shown as text
    assert "Daily &lt;b&gt;Bold&lt;/b&gt;" in page  # outlet name escaped too


def test_public_report_writes_html_and_markdown(tmp_path: Path) -> None:
    out = framing.report(_corpus(), tmp_path / "r.html")
    assert out == tmp_path / "r.html" and out.read_text().startswith("<!doctype html>")
    md = framing.report(_corpus(), tmp_path / "r.md").read_text()
    assert md.startswith("# framing report")
    with pytest.raises(InputError, match=r"\.html, \.htm or \.md"):
        framing.report(_corpus(), tmp_path / "r.pdf")


def test_marks_are_exactly_the_hit_words() -> None:
    page = render_html(_corpus())
    marks = _parsed(page).marks
    # two articles x ("mob" narrator, "disgrace" quoted)
    assert [m for m, _ in marks] == ["mob", "disgrace", "mob", "disgrace"]
    assert "violence" in marks[0][1] and "narrator voice" in marks[0][1]
    assert "quoted voice" in marks[1][1]


def test_quotes_coloured_by_role_with_speaker_on_hover() -> None:
    tags = _parsed(render_html(_corpus())).tags
    quote_spans = [a for t, a in tags if t == "span" and "q" in (a.get("class") or "").split()]
    classes = {a["class"] for a in quote_spans}
    assert {"q role-politician", "q role-police"} <= classes
    assert all("The minister" in (a.get("title") or "") for a in quote_spans
               if a["class"] != "q q-unattributed")
    cues = [a for t, a in tags
            if t == "span" and "cue" in (a.get("class") or "").split() and a.get("title")]
    assert cues and "said (neutral)" in cues[0]["title"]


def test_removed_boilerplate_is_folded_away() -> None:
    page = render_html(_corpus())
    start = page.index("Removed boilerplate")
    details_start = page.rindex("<details", 0, start)
    details = page[details_start:page.index("</details>", start)]
    assert "Skip to main content" in details
    text_part = page[page.index('<div class="text">'):details_start]
    assert "Skip to main content" not in text_part


def test_report_sections_and_numbers() -> None:
    page = render_html(_corpus())
    for section in ('id="overview"', 'id="charts"', 'id="incidents"', 'id="word-choice"',
                    'id="verbs"', 'id="profiles"', 'id="method"'):
        assert section in page
    assert page.count("<svg") == 3  # quote share, loaded by voice, actor sentiment
    assert "f00d" in page and "lex" in page  # lexicon hash and name in the method notes
    # narrator rates 2.0 (a1) and 4.0 (a2): incident mean 3.0, a2 ranks first (+1.00)
    assert "4.00 <span class=\"diff\">(+1.00; #1)</span>" in page
    assert "2.00 <span class=\"diff\">(-1.00; #2)</span>" in page
    assert "failed: InputError: &lt;script&gt;" in page


def test_self_contained_no_external_resources() -> None:
    page = render_html(_corpus())
    tags = _parsed(page).tags
    assert not [t for t, _ in tags if t in ("link", "img", "iframe", "script")]
    assert not [a for _, a in tags if a.get("src")]
    assert "@import" not in page and "url(http" not in page


def test_markdown_has_the_same_tables_escaped() -> None:
    md = render_markdown(_corpus())
    assert "## Overview" in md and "## Incident: chant" in md
    assert "## Word choice per actor group" in md and "## Outlet profiles across incidents" in md
    assert "The \\| Pipe" in md  # a pipe in a cell does not break the table
    assert "<script" not in md
    overview = md[md.index("## Overview"):md.index("## Incident")]
    assert overview.count("\n| a") == 2 and "| bad |" in overview
    assert "| 4.00 (+1.00; #1) |" in md  # a2's narrator rate in the incident table
    # one quote per article, introduced with the neutral "said"
    assert "| The \\| Pipe | police | 1 | 0 | said x1 |" in md


def test_report_from_a_table_alone(tmp_path: Path) -> None:
    table = _corpus().table
    page = render_html(table)
    assert "article texts are not shown" in page
    assert 'class="card"' not in page
    assert "chant" in page


def test_table_without_incidents_gets_them_from_titles() -> None:
    df = pd.DataFrame({
        "id": ["x", "y"], "outlet": ["A", "B"], "date": ["2021-05-18", "2021-05-18"],
        "title": ["Officer filmed chanting at embassy protest",
                  "Officer filmed chanting at embassy protest"],
        "loaded_per_1k": [1.0, 3.0], "error": [None, None],
    })
    md = render_markdown(df)
    assert "## Incident: auto 2021-05-18 #1" in md
    assert "| 3.00 (+1.00; #1) |" in md


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(_chromium() is None, reason="headless chromium not installed")
def test_report_renders_in_a_real_browser(tmp_path: Path) -> None:
    from PIL import Image

    path = framing.report(_corpus(), tmp_path / "report.html")
    shot = tmp_path / "report.png"
    profile = tmp_path / "profile"
    subprocess.run(
        [_chromium(), "--headless", "--no-sandbox", "--disable-gpu",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--no-first-run", f"--user-data-dir={profile}", f"--screenshot={shot}",
         "--window-size=1280,1600", path.as_uri()],
        check=False, capture_output=True, timeout=120,
    )
    assert shot.exists(), "chromium wrote no screenshot"
    image = Image.open(shot).convert("L")
    assert image.size == (1280, 1600)
    low, high = image.getextrema()
    assert high - low > 100  # text and charts drawn, not a blank page


def test_seeds_report_end_to_end(tmp_path: Path) -> None:
    out = framing.report(str(ROOT / "seeds"), tmp_path / "seeds.html")
    page = out.read_text()
    assert page.count('class="card"') == 5
    assert "<script" not in page.lower()
    # the May 2021 panel holds seeds/000 and seeds/001 side by side
    panel = page[page.index(">2021-05-met-officer-chant</h3>"):]
    panel = panel[:panel.index("<h3", 10)]
    assert 'id="article-000_eded39321e4ca841"' in panel
    assert 'id="article-001_c4e80c1812b6c467"' in panel
    assert "q role-police" in panel  # the Met statement, quoted by both
