"""Tests for framing._construct.fast_constructor: the same frozen object as cls(...)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

import pytest

from framing._construct import fast_constructor
from framing.document import Sentence, Token


@dataclass(frozen=True, slots=True)
class _Point:
    x: int
    y: int = 0
    tags: tuple[str, ...] = ()
    notes: list[str] = field(default_factory=list)


def test_same_fields_type_equality_and_frozenness() -> None:
    make = fast_constructor(_Point)
    for args in [(1,), (1, 2), (1, 2, ("a",)), (1, 2, ("a",), ["n"])]:
        fast, plain = make(*args), _Point(*args)
        assert type(fast) is _Point and fast == plain
        assert dataclasses.astuple(fast) == dataclasses.astuple(plain)
    with pytest.raises(TypeError):
        hash(make(1))  # the list field makes it unhashable, as it does _Point(1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        make(1).x = 2  # type: ignore[misc]
    assert make(1).notes is not make(1).notes  # a fresh default per instance


def test_a_public_record_built_fast_equals_the_plain_one() -> None:
    tokens = (Token("Hi", 0, 2, "word"), Token(".", 2, 3, "punct"))
    fast = fast_constructor(Sentence)(0, 0, 3, "Hi.", 0, tokens)
    assert fast == Sentence(0, 0, 3, "Hi.", 0, tokens) and type(fast) is Sentence


def test_refuses_what_it_cannot_build_alike() -> None:
    @dataclass(frozen=True, slots=True)
    class Checked:
        x: int

        def __post_init__(self) -> None:
            if self.x < 0:
                raise ValueError("x")

    @dataclass(frozen=True)
    class NoSlots:
        x: int

    @dataclass(frozen=True, slots=True)
    class KeywordOnly:
        x: int = field(kw_only=True)

    for cls in (Checked, NoSlots, KeywordOnly):
        with pytest.raises(TypeError):
            fast_constructor(cls)
