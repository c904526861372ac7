"""A digest of exactly the data a page is made from, to tell an unchanged page without rendering it.

A page's context holds the loaded models (frozen dataclasses), plain values and
`Deferred` calls; `Fingerprints` digests them by value, memoized by identity (an
issue shown by fifteen article pages is digested once). Anything it cannot
digest by value (an object of another kind) makes the page un-fingerprintable,
and so always rendered: a page is never taken as unchanged on a guess.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import hashlib
from pathlib import PurePath
from typing import Any, Callable


class Unfingerprintable(TypeError):
    pass


@dataclasses.dataclass(frozen=True)
class Deferred:
    """`function(*args)`, computed only when the page is rendered: the costly parts of a context
    (Markdown, JSON-LD). `function` must be a pure module-level function, so its name and
    arguments say all its result depends on."""

    function: Callable
    args: tuple

    def __call__(self):
        return self.function(*self.args)


def deferred(function: Callable, *args) -> Deferred:
    return Deferred(function, args)


def resolve(context: dict) -> dict:
    """The context with its `Deferred` values computed."""
    return {k: v() if isinstance(v, Deferred) else v for k, v in context.items()}


_PLAIN = (str, int, float, bool, type(None), dt.date, dt.datetime, enum.Enum, PurePath)


class Fingerprints:
    """Digests of values; one instance per build (it keeps what it has digested alive, so an
    identity is never reused for another object while it is memoized)."""

    def __init__(self, salt: str = "") -> None:
        self.salt = salt
        self._memo: dict[int, tuple[Any, bytes]] = {}

    def of(self, value) -> str:
        """The hex digest of `value` (with the salt: the build key); Unfingerprintable if it holds
        something not digestible by value."""
        return hashlib.sha256(self.salt.encode() + self._digest(value)).hexdigest()[:32]

    def _digest(self, value) -> bytes:
        if isinstance(value, _PLAIN):  # type and repr (1 and True, "1" and 1 differ), length first
            data = f"{type(value).__name__}:{value!r}".encode("utf-8", "surrogatepass")
            return len(data).to_bytes(8, "big") + data
        key = id(value)
        if key in self._memo:
            return self._memo[key][1]
        digest = hashlib.sha256(self._parts(value)).digest()
        self._memo[key] = (value, digest)
        return digest

    def _parts(self, value) -> bytes:
        kind = type(value)
        if kind is bytes:
            return b"bytes" + value
        if isinstance(value, Deferred):
            function = value.function
            return b"call\0" + f"{function.__module__}.{function.__qualname__}".encode() + self._sequence(value.args)
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            fields = (getattr(value, f.name) for f in dataclasses.fields(value))
            return f"{kind.__module__}.{kind.__qualname__}".encode() + self._sequence(fields)
        if kind in (tuple, list):
            return kind.__name__.encode() + self._sequence(value)
        if kind in (set, frozenset):
            return b"set" + b"".join(sorted(self._digest(v) for v in value))
        if kind is dict:
            return b"dict" + self._sequence(x for item in value.items() for x in item)
        raise Unfingerprintable(f"cannot fingerprint a {kind.__qualname__}")

    def _sequence(self, values) -> bytes:
        return b"(" + b"".join(self._digest(v) for v in values) + b")"
