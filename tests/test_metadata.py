"""Tests for framing.metadata: dates (day first), bylines, headline shape."""

from __future__ import annotations

from pathlib import Path

import pytest

from framing.metadata import clean_byline, looks_like_headline, parse_date, read_metadata

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.mark.parametrize("written,iso", [
    ("2021-05-18", "2021-05-18"),
    ("2021-05-18T10:00:00+01:00", "2021-05-18"),
    ("13/11/2023", "2023-11-13"),          # seed 002 "Published: 13/11/2023"
    ("05/06/2021", "2021-06-05"),          # day first: 5 June, not 6 May
    ("5.6.2021", "2021-06-05"),
    ("05/06/21", "2021-06-05"),            # two-digit year taken as 20YY
    ("13/11/2023 - 07:34", "2023-11-13"),  # trailing time ignored
    ("13 November 2023", "2023-11-13"),
    ("Mon 13 Nov 2023", "2023-11-13"),
    ("Monday, 13th November 2023", "2023-11-13"),
    ("May 18, 2021", "2021-05-18"),        # seed 000 embed attribution date
    ("Sept 3, 2022", "2022-09-03"),
])
def test_parse_date(written: str, iso: str) -> None:
    assert parse_date(written) == iso


@pytest.mark.parametrize("written", [
    "31/02/2023",      # no 31 February
    "13/13/2023",      # no month 13
    "yesterday",
    "",
    "13/11/2023 and then some words",
    "2021-05-18 " + "x" * 100,
])
def test_parse_date_rejects(written: str) -> None:
    assert parse_date(written) is None


@pytest.mark.parametrize("written,name", [
    ("Holly Bishop", "Holly Bishop"),
    ("Jo Bloggs, Home Affairs Editor", "Jo Bloggs"),
    ("Jo Bloggs For Mailonline", "Jo Bloggs"),
    ("  Jo   Bloggs  ", "Jo Bloggs"),
    ("Jo Bloggs and Sam Smith", "Jo Bloggs and Sam Smith"),
])
def test_clean_byline(written: str, name: str) -> None:
    assert clean_byline(written) == name


def test_clean_byline_empty() -> None:
    assert clean_byline(" , ") is None


@pytest.mark.parametrize("line,expected", [
    # seed headlines (first content lines of 002, 003, 004)
    ("Palestine protest apology issued by Met Police after officers posed with child holding placard", True),
    ("CAGE accuses Met Police of bullying pro-Palestine protestors", True),
    ("Campaigners to hold protest against Met for hosting Israeli police delegation", True),
    ("Should officers march?", True),
    # seed 000 line 1: a 30-word lede ending with a full stop
    (("A Muslim policewoman is being probed by Scotland Yard today after footage emerged of "
      "her chanting 'Free Palestine' while on duty at a protest outside the Israeli embassy "
      "in London."), False),
    ("He said it was 'wrong.'", False),   # full stop inside the closing quote
    ("Two words", False),                 # fewer than 3 words
    ("Reuters", False),
    ("x " * 40, False),                   # more than 30 words
    ("lowercase start of a line", False),
])
def test_looks_like_headline(line: str, expected: bool) -> None:
    assert looks_like_headline(line.strip()) is expected


def test_read_metadata_on_seed_002() -> None:
    meta = read_metadata((SEEDS / "002_cdf7464e25ee2565.txt").read_text(encoding="utf-8"))
    assert meta["author"] == "Holly Bishop" and meta["date"] == "2023-11-13"
