"""JSON for what the build cache keeps: articles as read, problems, tuples and dates.

Never pickle: unpickling runs code, and a cache file may come from anyone (a pull
request can add a file under .gazette-cache/ that CI then builds). Only the types
listed here come back; anything else in a file makes it unreadable (ValueError),
and an unreadable cache is simply not used.
"""
from __future__ import annotations

import dataclasses
import datetime as dt

from .model import Article, FileLine
from .problems import Problem, Severity

TYPES = {cls.__name__: cls for cls in (Article, FileLine, Problem)}
# Their fields in order: a value is kept as a list of its fields' values (names written once per
# row cost a build that recalls every article half its decoding: bench/build.md).
FIELDS = {cls: tuple(f.name for f in dataclasses.fields(cls)) for cls in TYPES.values()}


def encode(value):
    if value is None or isinstance(value, (bool, int, float)) or type(value) is str:
        return value
    if isinstance(value, Severity):
        return {"severity": value.value}
    if type(value) is tuple:
        return {"tuple": [encode(v) for v in value]}
    if type(value) is list:
        return [encode(v) for v in value]
    if type(value) is dict and all(type(k) is str for k in value):
        return {"dict": {k: encode(v) for k, v in value.items()}}
    if type(value) is dt.date:
        return {"date": value.isoformat()}
    if type(value).__name__ in TYPES and type(value) is TYPES[type(value).__name__]:
        return {"type": type(value).__name__, "values": [encode(getattr(value, name)) for name in FIELDS[type(value)]]}
    raise ValueError(f"the build cache does not keep a {type(value).__qualname__}")


def decode(data):
    kind = type(data)
    if kind is str or kind is int or data is None or kind is float or kind is bool:
        return data
    if kind is list:
        return [_decoded(v) for v in data]
    if kind is not dict or len(data) not in (1, 2):
        raise ValueError("not a value of the build cache")
    if "tuple" in data:
        return tuple([_decoded(v) for v in _list(data["tuple"])])
    if "dict" in data and isinstance(data["dict"], dict):
        return {k: _decoded(v) for k, v in data["dict"].items()}
    if "date" in data:
        return dt.date.fromisoformat(data["date"])
    if "severity" in data:
        return Severity(data["severity"])
    if data.get("type") in TYPES and type(data.get("values")) is list:
        cls = TYPES[data["type"]]
        names, values = FIELDS[cls], data["values"]
        if len(values) != len(names):  # another version of the class
            raise ValueError("not a value of the build cache")
        return cls(**dict(zip(names, [_decoded(v) for v in values])))
    raise ValueError("not a value of the build cache")


def _decoded(value):
    """`decode`, its most common cases (a text, a number, nothing) answered without a call: a
    recalled article holds two dozen of them (bench/build.md)."""
    kind = type(value)
    return value if kind is str or value is None or kind is int else decode(value)


def _list(value) -> list:
    if not isinstance(value, list):
        raise ValueError("not a value of the build cache")
    return value


_BODY = FIELDS[Article].index("body")


def encode_apart(loaded) -> tuple[object, str]:
    """`encode` of what reading an article file gave ((Article, line), or anything else) and the
    article's Markdown taken out of it ("" left in its place, "" for anything else): the memo keeps
    texts in a column of their own, so that recalling every article JSON-decodes none of them."""
    encoded = encode(loaded)
    article = _article_in(encoded)
    if article is None:
        return encoded, ""
    body, article[_BODY] = article[_BODY], ""
    return encoded, body


def decode_apart(encoded, body: str):
    """`decode` of what `encode_apart` gave, the Markdown put back."""
    article = _article_in(encoded)
    if article is not None:
        article[_BODY] = body
    return decode(encoded)


def _article_in(encoded) -> list | None:
    """The values of the article an encoded (Article, line) holds, else None."""
    items = encoded.get("tuple") if type(encoded) is dict else None
    first = items[0] if type(items) is list and items else None
    values = first.get("values") if type(first) is dict and first.get("type") == "Article" else None
    return values if type(values) is list and len(values) == len(FIELDS[Article]) else None
