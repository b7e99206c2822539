"""Tests for framing.article.Article (values from the dataclass's definition)."""

import datetime as dt

import pytest

from framing import Article, FramingError, InputError


def test_iso_string_date_becomes_date():
    art = Article(id="a1", text="Body.", date="2021-05-18")
    assert art.date == dt.date(2021, 5, 18)


def test_datetime_date_is_kept_and_datetime_truncated():
    assert Article(id="a", text="x", date=dt.date(2023, 11, 13)).date == dt.date(2023, 11, 13)
    assert Article(id="a", text="x", date=dt.datetime(2023, 11, 13, 7, 34)).date == dt.date(2023, 11, 13)


def test_bad_date_names_argument_and_value():
    with pytest.raises(InputError, match=r"date: '13/11/2023'"):
        Article(id="a", text="x", date="13/11/2023")


def test_error_is_also_builtin_value_error():
    with pytest.raises(ValueError):
        Article(id="", text="x")
    assert issubclass(InputError, FramingError)


def test_bytes_text_rejected_with_hint():
    with pytest.raises(InputError, match="decode bytes"):
        Article(id="a", text=b"bytes")  # type: ignore[arg-type]


def test_blank_metadata_becomes_none():
    art = Article(id="a", text="x", outlet="  ", title="")
    assert art.outlet is None and art.title is None


def test_frozen():
    art = Article(id="a", text="x")
    with pytest.raises(AttributeError):
        art.text = "y"  # type: ignore[misc]


def test_identity_names_the_article_in_output_rows():
    # By definition: the six identity columns, the date in ISO 8601, blanks as None.
    art = Article(id="a1", text="x", outlet="Outlet", date=dt.date(2021, 5, 18),
                  title=" ", incident="inc")
    assert art.identity() == {"id": "a1", "outlet": "Outlet", "date": "2021-05-18",
                              "title": None, "author": None, "incident": "inc"}
