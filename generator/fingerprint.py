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

from markupsafe import Markup

from .model import Article, FileLine, Issue, Place, Publication, Region


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


_LEAVES = frozenset((str, int, float, bool, type(None), dt.date, dt.datetime, Markup))
_PLAIN = (str, enum.Enum, PurePath)  # subclasses whose repr says what they hold
# Frozen dataclasses whose repr spells every field, down to plain values (model.py keeps it so:
# no repr=False field, nothing but str, int, dates, tuples and these classes inside).
WHOLE_REPR = frozenset((Article, FileLine, Issue, Place, Publication, Region))


class Fingerprints:
    """Digests of values; one instance per build (it keeps what it has digested alive, so an
    identity is never reused for another object while it is memoized).

    A value is turned into a nested tuple of plain values (`_form`), dataclasses of the
    model standing as the digest of their repr, and that tuple's repr is digested: the
    walk is the only per-value Python work, the rest runs at C speed.
    """

    def __init__(self, salt: str = "") -> None:
        self.salt = salt
        # What is kept (each value with its form) bounds what a build holds: every page's own
        # context would otherwise stay alive to the end (bench/build.md). Models and values met
        # again by the next digest are kept; a value met by one digest only is dropped after the next.
        self._memo: dict[int, tuple[Any, Any]] = {}
        self._recent: dict[int, tuple[Any, Any]] = {}  # first met by the previous digest
        self._current: dict[int, tuple[Any, Any]] = {}  # first met by this one

    def of(self, value) -> str:
        """The hex digest of `value` (with the salt: the build key); Unfingerprintable if it holds
        something not digestible by value."""
        try:
            text = f"{self.salt}\0{self._form(value)!r}"
        finally:
            self._recent, self._current = self._current, {}
        return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]

    def _form(self, value):
        kind = type(value)
        if kind in _LEAVES or isinstance(value, _PLAIN):
            return value
        key = id(value)
        known = self._memo.get(key) or self._current.get(key)
        if known is None and key in self._recent:
            known = self._memo[key] = self._recent.pop(key)
        if known is not None:
            return known[1]
        form = self._made(value, kind)
        (self._memo if kind in WHOLE_REPR else self._current)[key] = (value, form)
        return form

    def _made(self, value, kind):
        if kind in WHOLE_REPR:
            text = repr(value).encode("utf-8", "surrogatepass")
            return kind.__name__, hashlib.sha256(text).hexdigest()
        if kind is tuple or kind is list:
            return kind.__name__, tuple(self._form(v) for v in value)
        if kind is dict:
            return "dict", tuple((self._form(k), self._form(v)) for k, v in value.items())
        if kind is bytes:
            return "bytes", hashlib.sha256(value).hexdigest()
        if kind is set or kind is frozenset:
            return "set", tuple(sorted(repr(self._form(v)) for v in value))
        if kind is Deferred:
            function = value.function
            return "call", f"{function.__module__}.{function.__qualname__}", self._form(value.args)
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            return (f"{kind.__module__}.{kind.__qualname__}",
                    tuple(self._form(getattr(value, f.name)) for f in dataclasses.fields(value)))
        raise Unfingerprintable(f"cannot fingerprint a {kind.__qualname__}")
