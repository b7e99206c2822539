"""A cache key by identity, for caching what is derived from one large immutable object."""

from __future__ import annotations

__all__ = ["SameObject"]


class SameObject:
    """Wraps ``value`` so that ``functools.lru_cache`` hashes and compares it by identity.

    Hashing a large immutable value field by field (a Document, a tuple of actors) on
    every lookup would cost more than what is cached. The cache holds the key, and so
    the value, so its id cannot be reused while it is cached.
    """

    __slots__ = ("value",)

    def __init__(self, value: object) -> None:
        self.value = value

    def __hash__(self) -> int:
        return id(self.value)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SameObject) and other.value is self.value
