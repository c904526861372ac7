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

from .model import Article, FileLine, Place, Publication, Region


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
_SHORT_LEAVES = _LEAVES - {str}  # a str is a leaf up to _SHORT characters
_SHORT = 64
_PLAIN = (str, enum.Enum, PurePath)  # subclasses whose repr says what they hold
# Frozen dataclasses whose repr spells every field, down to plain values (model.py keeps it so:
# no repr=False field, nothing but str, int, dates, tuples and these classes inside).
WHOLE_REPR = frozenset((Article, FileLine, Place, Publication, Region))  # an Issue is walked: its articles are digested once
_INLINE = 4  # a tuple or list this short is spelled out where it is held, not digested apart


class Fingerprints:
    """Digests of values; one instance per build (it keeps what it has digested alive, so an
    identity is never reused for another object while it is memoized).

    A value is turned into a nested tuple of plain values (`_form`), and that tuple's repr is
    digested: the walk is the only per-value Python work, the rest runs at C speed. A dataclass,
    list, tuple or dict stands in the form of what holds it as the digest of its own form, so
    one shown by many pages (an issue's contents, the names every page links) is spelled out
    once, not once per page.
    """

    def __init__(self, salt: str = "") -> None:
        self.salt = salt
        # What is kept (each value with its form) bounds what a build holds: every page's own
        # context would otherwise stay alive to the end (bench/build.md). Models and values met
        # again by the next digest are kept; a value met by one digest only is dropped after the next.
        self._memo: dict[int, tuple[Any, Any]] = {}
        self._recent: dict[int, tuple[Any, Any]] = {}  # first met by the previous digest
        self._current: dict[int, tuple[Any, Any]] = {}  # first met by this one
        self._how: dict[type, Callable] = {}  # per kind of value met: how it is made a form

    def of(self, value) -> str:
        """The hex digest of `value` (with the salt: the build key); Unfingerprintable if it holds
        something not digestible by value."""
        try:
            text = f"{self.salt}\0{self._form(value)!r}"
        finally:
            self._recent, self._current = self._current, {}
        return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]

    def of_plain(self, value: tuple) -> str:
        """`of` for a tuple of strings, numbers and such tuples, whose repr says all it holds: no walk."""
        return hashlib.sha256(f"{self.salt}\0plain\0{value!r}".encode("utf-8", "surrogatepass")).hexdigest()[:32]

    def _form(self, value):
        kind = type(value)
        if kind in _LEAVES and (kind is not str or len(value) <= _SHORT):
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

    def _forms(self, values) -> list:
        form, leaves, short = self._form, _SHORT_LEAVES, _SHORT
        return [v if type(v) in leaves or (type(v) is str and len(v) <= short) else form(v) for v in values]

    def _made(self, value, kind):
        how = self._how.get(kind)
        if how is None:
            how = self._how[kind] = self._how_to(value, kind)
        return how(value)

    def _how_to(self, value, kind) -> Callable:
        """How values of `kind` are turned into forms (decided once per kind: a kind says it all)."""
        if kind is str:  # a long one (a body): its bytes digest faster than its repr, once however often it is held
            return lambda v: ("str", hashlib.sha256(v.encode("utf-8", "surrogatepass")).hexdigest())
        if kind in WHOLE_REPR:
            return lambda v: _digest(kind.__name__, repr(v))
        if kind is tuple or kind is list:
            def sequence(v):
                forms = self._forms(v)
                return _digest(kind.__name__, forms) if len(forms) > _INLINE else (kind.__name__, tuple(forms))
            return sequence
        if kind is dict:
            return lambda v: _digest("dict", list(zip(self._forms(v), self._forms(v.values()))))
        if isinstance(value, _PLAIN):
            return lambda v: v
        if kind is bytes:
            return lambda v: ("bytes", hashlib.sha256(v).hexdigest())
        if kind is set or kind is frozenset:
            return lambda v: ("set", tuple(sorted(repr(self._form(x)) for x in v)))
        if kind is Deferred:
            return lambda v: ("call", f"{v.function.__module__}.{v.function.__qualname__}", self._form(v.args))
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            label, names = f"{kind.__module__}.{kind.__qualname__}", tuple(f.name for f in dataclasses.fields(value))
            return lambda v: _digest(label, self._forms([getattr(v, n) for n in names]))
        raise Unfingerprintable(f"cannot fingerprint a {kind.__qualname__}")


def _digest(kind: str, form) -> tuple[str, str]:
    """A composite value's form: its kind and the digest of what it holds."""
    return kind, hashlib.sha256(repr(form).encode("utf-8", "surrogatepass")).hexdigest()
