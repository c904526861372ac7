"""YAML in and out, keeping the line of every key for problem messages.

Dates stay strings when read (our schema parses them), so a bad date such as
2023-13-01 is a located problem rather than a PyYAML traceback; duplicate keys
are reported instead of silently keeping the last one.

Content files are hostile input: anchors and aliases (`&a`, `*a`, the "billion
laughs" that expands a few lines into gigabytes) are refused outright, nesting
is bounded before PyYAML's recursion runs out, and a value Python cannot hold
(a 5,000-digit number, a lone surrogate escape "\\ud800") is a located
problem, never a traceback.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Hashable

import yaml

from ..i18n import N_, _

MAX_DEPTH = 32  # nested lists/mappings; content files need 3, PyYAML's recursion fails near 300
MESSAGE_CHARS = 80  # the most of one value a problem message prints


def brief(value, limit: int = MESSAGE_CHARS) -> str:
    """`value` as a problem message shows it: its text, cut to `limit` characters with '…'.

    A message must never repeat a whole hostile value (megabytes of it) to the terminal.
    """
    text = value if isinstance(value, str) else repr(value)
    return text if len(text) <= limit else text[:limit - 1] + "…"


class LineDict(dict):
    """A mapping that remembers the 1-based line of each key, and of each item of a list value."""

    lines: dict
    item_lines: dict  # key → lines of the items of its list value

    def line_of(self, key, default: int | None = None) -> int | None:
        return self.lines.get(key, default)

    def line_of_item(self, key, index: int) -> int | None:
        """The line of item `index` of the list under `key` (the key's line for a scalar)."""
        lines = self.item_lines.get(key, ())
        return lines[index] if 0 <= index < len(lines) else self.line_of(key)


class KeyProblem(yaml.YAMLError):
    """A located problem PyYAML has no words for: a bad key, an anchor, a value Python cannot hold."""

    def __init__(self, message: str, line: int):
        self.message, self.line = message, line
        super().__init__(message)


_SURROGATE = re.compile("[\ud800-\udfff]")


class _Values:
    """The constructing half of both loaders: values Python cannot hold are located problems."""

    line_offset = 0

    def line_at(self, mark) -> int:
        return mark.line + 1 + self.line_offset

    def construct_object(self, node, deep=False):
        try:
            data = super().construct_object(node, deep=deep)
        except (ValueError, OverflowError) as exc:  # int("1" * 5000), !!int "x", !!float …
            raise KeyProblem(_("a value that cannot be read: {value} ({why})").format(value=brief(node.value),
                                                                                     why=brief(str(exc))),
                             self.line_at(node.start_mark)) from None
        return _whole_characters(data, self.line_at(node.start_mark)) if isinstance(data, str) else data


class _Loader(_Values, yaml.SafeLoader):
    """SafeLoader without anchors, aliases, deep nesting or values Python cannot hold."""

    depth = 0

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or event.anchor is not None:
            sign = "*" if isinstance(event, yaml.AliasEvent) else "&"
            raise KeyProblem(_("YAML anchors and aliases ({name}) are not allowed in content files: write the "
                               "value out (or put text starting with {sign} in quotes)").format(
                                 name=f"{sign}{brief(event.anchor, 20)}", sign=sign), self.line_at(event.start_mark))
        if self.depth >= MAX_DEPTH:
            raise KeyProblem(_("lists or mappings nested more than {n} deep").format(n=MAX_DEPTH),
                             self.line_at(event.start_mark))
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


class _FastLoader(_Values, yaml.CSafeLoader):
    """libyaml's parser and composer (several times faster; their nodes carry the same line marks)
    with `_Loader`'s constructors: for text that `is_plain` says holds nothing only `_Loader`'s
    composer refuses."""


def _whole_characters(text: str, line: int) -> str:
    """`text` with escaped UTF-16 pairs ("\\ud83d\\ude00") joined; a lone half is a problem.

    Half a pair is no character: it cannot be written as UTF-8, so the page would fail later.
    """
    if not _SURROGATE.search(text):
        return text
    try:
        return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le")
    except UnicodeDecodeError:
        raise KeyProblem(_("a lone surrogate escape (\\ud800–\\udfff) is not a character: "
                           "write the character itself"), line) from None


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _construct_mapping(loader, node, deep=False):
    loader.flatten_mapping(node)
    result = LineDict()
    result.lines, result.item_lines = {}, {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1 + loader.line_offset
        if not isinstance(key, Hashable):
            raise KeyProblem(_("YAML syntax error: a key must be a plain word, not a list or mapping "
                               "(put the whole line's text in quotes if it is a value)"), line)
        if key in result:
            raise KeyProblem(_("duplicate key: {key}").format(key=brief(key)), line)
        result[key] = loader.construct_object(value_node, deep=deep)
        result.lines[key] = line
        if isinstance(value_node, yaml.SequenceNode):
            result.item_lines[key] = tuple(n.start_mark.line + 1 + loader.line_offset for n in value_node.value)
    return result


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_FastLoader.yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers
_FastLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)

# What the fast path leaves to `_Loader`: '&' or '*' anywhere (an anchor or alias, or text that
# merely holds one), a character PyYAML's reader refuses, a line indented 9 or more, or a line
# opening two collections at once ("- - x", "? …"); and more than 8 brackets in all. What is left
# nests too shallowly for `MAX_DEPTH` or for the recursion of libyaml's composer (`_depth` checks).
_NOT_PLAIN = re.compile("[&*]|" + yaml.reader.Reader.NON_PRINTABLE.pattern
                        + r"|^[ \t]{9}|^[ \t]*(?:\?|-[ \t]+[-?])", re.MULTILINE)
MAX_BRACKETS = 8


def is_plain(text: str) -> bool:
    """Whether `text` may be read by `_FastLoader`: the same data as `_Loader` gives, at a fraction of the cost."""
    return text.count("[") + text.count("{") <= MAX_BRACKETS and not _NOT_PLAIN.search(text)


def _depth(node) -> int:
    children = node.value if isinstance(node, yaml.SequenceNode) else \
        [n for pair in node.value for n in pair] if isinstance(node, yaml.MappingNode) else ()
    return 1 + max(map(_depth, children), default=0)


class YamlSyntaxError(Exception):
    def __init__(self, message: str, line: int | None):
        self.message, self.line = message, line
        super().__init__(message)


def load_yaml(text: str, line_offset: int = 0):
    """Parse one YAML document; line numbers are shifted by `line_offset`.

    Raises YamlSyntaxError with a located, one-line message.
    """
    if is_plain(text):
        loaded = _load_fast(text, line_offset)
        if loaded is not _AGAIN:
            return loaded
    try:
        loader = _Loader(text)  # (its reader refuses control characters at once)
    except yaml.reader.ReaderError as exc:
        raise YamlSyntaxError(_("YAML error: {message}").format(message=brief(exc.reason)),
                              text.count("\n", 0, exc.position) + 1 + line_offset) from None
    loader.line_offset = line_offset
    try:
        return loader.get_single_data()
    except KeyProblem as exc:
        raise YamlSyntaxError(exc.message, exc.line) from None
    except yaml.MarkedYAMLError as exc:
        message, line = explain(exc, line_offset)
        raise YamlSyntaxError(_("YAML syntax error: {message}").format(message=message), line) from None
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(_("YAML error: {message}").format(message=brief(str(exc))), None) from None
    finally:
        loader.dispose()


_AGAIN = object()  # the fast path's "read it the careful way"


def _load_fast(text: str, line_offset: int):
    """`_FastLoader`'s data, or `_AGAIN` for any problem: `_Loader` reads the text again and
    reports it exactly as it always has (libyaml's wording of an error is not PyYAML's)."""
    loader = _FastLoader(text)
    loader.line_offset = line_offset
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        if _depth(node) >= MAX_DEPTH:
            return _AGAIN
        return loader.construct_document(node)
    except yaml.YAMLError:  # KeyProblem included
        return _AGAIN
    finally:
        loader.dispose()


_QUOTE_IT = N_("put the value in quotes")

# (PyYAML's context, PyYAML's problem, our explanation ({quote_it}: _QUOTE_IT), which mark to name).
# `problem` is PyYAML's problem_mark: where it stopped. `context` is its
# context_mark: where the construct it was reading began, which is the line to
# fix when something opened there is never closed (a bracket, a quote) or when
# a line of text is no `key: value` (PyYAML stops only on the next line).
# The first row whose patterns both match (re.search) wins.
_EXPLANATIONS = (
    (r"flow sequence", "", N_("the list opened with '[' on this line is not closed by ']' "
                              "(an item holding ',', ':', '[' or ']' needs quotes)"), "context"),
    (r"flow mapping", "", N_("the mapping opened with '{{' on this line is not closed by '}}' "
                             "(or a value inside it needs quotes; to write text that starts with '{{', {quote_it})"),
     "context"),
    (r"quoted scalar", r"end of stream", N_("the quote opened on this line is never closed"), "context"),
    (r"quoted scalar", r"escape", N_("unknown escape after a backslash in double quotes "
                                     "(use single quotes, or write \\\\ for a backslash)"), "problem"),
    (r"simple key", r"expected ':'", N_("this line is no `key: value` (text that goes on from the line "
                                        "above must be indented under its key)"), "context"),
    (r"", r"expected <block end>", N_("wrong indent: this line does not line up with the lines above it "
                                      "(the items of one list, and the keys of one mapping, start in the same column)"),
     "problem"),
    (r"", r"mapping values are not allowed", N_("unexpected ':' (is this line indented under a key "
                                                "that already has a value? If the value holds ': ', {quote_it})"),
     "problem"),
    (r"", r"character '\\t'", N_("a tab character: indent with spaces"), "problem"),
    (r"", r"cannot start any token", N_("a value cannot start with this character: {quote_it}"), "problem"),
    (r"tag", r"", N_("'!' starts a YAML tag: {quote_it}"), "problem"),
    (r"", r"constructor for the tag", N_("'!' starts a YAML tag: {quote_it}"), "problem"),
    (r"anchor|alias", r"", N_("'&' or '*' starts a YAML anchor or alias: {quote_it}"), "problem"),
    (r"single document", r"", N_("a second YAML document (a line '---'): a file holds one document"), "problem"),
)


def explain(exc: yaml.MarkedYAMLError, line_offset: int = 0) -> tuple[str, int | None]:
    """A readable message for a PyYAML error, and the (shifted) line to fix.

    PyYAML's own words for the problem follow in parentheses (they are what
    people search for); its context ("while parsing a block mapping") is left out.
    """
    context, problem = exc.context or "", exc.problem or ""
    raw = brief(problem or context, 200)  # PyYAML quotes what it read: a tag can be long
    message, mark = raw or brief(str(exc), 200), exc.problem_mark or exc.context_mark
    for context_rx, problem_rx, explanation, which in _EXPLANATIONS:
        if re.search(context_rx, context) and re.search(problem_rx, problem):
            chosen = exc.context_mark if which == "context" else exc.problem_mark
            mark = chosen or mark
            found = exc.problem_mark
            explanation = _(explanation).format(quote_it=_(_QUOTE_IT))
            if found is not None and mark is not found and found.line != mark.line:
                message = _("{explanation} (PyYAML, on line {line}: {raw})").format(
                    explanation=explanation, line=found.line + 1 + line_offset, raw=raw)
            else:
                message = f"{explanation} (PyYAML: {raw})"
            break
    return message, (mark.line + 1 + line_offset if mark else None)


class _Dumper(yaml.SafeDumper):
    """Never writes an anchor or alias (a list written twice is written out twice): the loader refuses them."""

    def ignore_aliases(self, data) -> bool:
        return True


class _FastDumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):
    """The same, emitted by libyaml (PyYAML's C binding): the same bytes, several times faster
    (bench/import.md), for every text but those `_same_in_c` turns away."""

    def ignore_aliases(self, data) -> bool:
        return True


def _str_presenter(dumper, value):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


for _dumper in (_Dumper, _FastDumper):
    # Without the timestamp resolver, dates are written bare (date: 2023-08-11).
    _dumper.yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers
    _dumper.add_representer(str, _str_presenter)
    _dumper.add_representer(dt.date, lambda d, v: d.represent_scalar("tag:yaml.org,2002:str", v.isoformat()))
    _dumper.add_representer(tuple, lambda d, v: d.represent_list(list(v)))

# libyaml escapes what lies past U+FFFF (a rare Han character of a name, 𠀀, would become
# "\U00020000") and writes U+0085 (NEL) otherwise: text holding either goes to the Python emitter.
_NOT_IN_C = re.compile("[\x85\U00010000-\U0010FFFF]")


def _same_in_c(data) -> bool:
    """Does libyaml write `data` byte for byte as PyYAML's Python emitter does?"""
    if isinstance(data, str):
        return _NOT_IN_C.search(data) is None
    if isinstance(data, dict):
        return all(_same_in_c(k) and _same_in_c(v) for k, v in data.items())
    if isinstance(data, (list, tuple)):
        return all(map(_same_in_c, data))
    return True


def dump_yaml(data: dict, block: bool = False) -> str:
    """Deterministic, human-friendly YAML: keys in the given order, CJK unescaped.

    Lists of scalars are written inline (`authors: [a, b]`); `block=True` writes
    every collection one item per line (a flat mapping would otherwise be `{…}`).
    """
    data = dict(data)
    written = _Plain(block).document(data)
    return written if written is not None else pyyaml_dump(data, block)


def pyyaml_dump(data: dict, block: bool = False) -> str:
    """`dump_yaml` by PyYAML itself, for what `_Plain` leaves to it (and to compare it with)."""
    return yaml.dump(
        data, Dumper=_FastDumper if _same_in_c(data) else _Dumper, allow_unicode=True, sort_keys=False,
        default_flow_style=False if block else None, width=10_000,
    )


class _Unsure(Exception):
    """A value `_Plain` does not know PyYAML's spelling of."""


_STR = "tag:yaml.org,2002:str"
_RESOLVER = yaml.resolver.BaseResolver()  # (only its implicit resolvers, the ones the dumpers use)
_RESOLVER.yaml_implicit_resolvers = _IMPLICIT = _Loader.yaml_implicit_resolvers  # first character → resolvers
# Text PyYAML writes plain or in single quotes, on one line, as written: printable (allow_unicode;
# libyaml escapes past U+FFFF), no line break, no space at either end, too short to fold at `width`.
_NOT_WRITTEN_AS_IS = "\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff\U00010000-\U0010ffff"
_SIMPLE = re.compile(f"[^\\s{_NOT_WRITTEN_AS_IS}](?:[^{_NOT_WRITTEN_AS_IS}]{{0,998}}[^\\s{_NOT_WRITTEN_AS_IS}])?")
_FIRST_INDICATOR = frozenset("#,[]{}&*!|>'\"%@`")  # never plain at the start
_UNSURE_FIRST = frozenset("?:-.~ ")  # plain at the start or not depending on what follows: left to PyYAML
_FLOW_INDICATORS = re.compile("[,?\\[\\]{}:]")
_WIDE = 5_000  # a `[…]` list longer than this is left to PyYAML (it breaks lines past `width`)


class _Plain:
    """PyYAML's output for the documents gazette writes (mappings of text, numbers, dates, and
    lists and mappings of them), spelled here: emitting through PyYAML costs more than the rest
    of rendering an article. Only what is certain is spelled here, by PyYAML's own rules
    (`Emitter.choose_scalar_style`): text in plain style or single quotes, `[a, b]` lists (not
    `block`), block lists and mappings (`block`); for anything else (`_Unsure`) `dump_yaml` asks
    PyYAML. tests/content/test_yamlio.py compares the two."""

    def __init__(self, block: bool) -> None:
        self.block = block

    def document(self, data: dict) -> str | None:
        if not self.block and not any(isinstance(v, (list, tuple)) for v in data.values()):
            return None  # (a flat mapping of scalars is written `{…}`)
        try:
            return "".join(self.mapping(data, ""))
        except _Unsure:
            return None

    def mapping(self, data: dict, indent: str):
        if not data:
            raise _Unsure
        for key, value in data.items():
            if not isinstance(key, str) or len(key) >= 128:  # (a long key is no simple key)
                raise _Unsure
            head = f"{indent}{self.scalar(key, flow=False)}:"
            if isinstance(value, dict) and value:
                if not self.block:  # (`{…}` or not, as its values are)
                    raise _Unsure
                yield head + "\n"
                yield from self.mapping(value, indent + "  ")
            elif isinstance(value, (list, tuple)) and value and self.block:
                yield head + "\n"
                yield from self.sequence(value, indent)
            else:
                yield f"{head} {self.inline(value)}\n"

    def sequence(self, items, indent: str):
        """A block list under a mapping's key: its items at the key's indent (PyYAML's indentless list)."""
        for item in items:
            if isinstance(item, dict) and item:
                first, *rest = self.mapping(item, indent + "  ")
                yield f"{indent}- {first[len(indent) + 2:]}"
                yield from rest
            elif isinstance(item, (list, tuple, dict)):
                raise _Unsure
            else:
                yield f"{indent}- {self.scalar(item, flow=False)}\n"

    def inline(self, value) -> str:
        if isinstance(value, (list, tuple)):
            text = f"[{', '.join(self.scalar(item, flow=True) for item in value)}]"  # (empty: [])
            if len(text) > _WIDE:  # (PyYAML would go on on the next line)
                raise _Unsure
            return text
        if isinstance(value, dict):  # (only an empty one comes here)
            return "{}"
        return self.scalar(value, flow=False)

    @staticmethod
    def scalar(value, flow: bool) -> str:
        """`value` as PyYAML writes it in block context (a mapping's key or value) or in a `[…]` list."""
        if value is None:
            return "null"
        if value is True or value is False:
            return "true" if value else "false"
        if type(value) is int:
            return str(value)
        if type(value) is dt.date:
            value = value.isoformat()  # (the dumpers' date representer: text)
        if type(value) is not str or not _SIMPLE.fullmatch(value):
            raise _Unsure
        if value[0] in _FIRST_INDICATOR or ": " in value or " #" in value or value.endswith(":") \
                or flow and _FLOW_INDICATORS.search(value) \
                or (value[0] in _IMPLICIT or None in _IMPLICIT) \
                and _RESOLVER.resolve(yaml.ScalarNode, value, (True, False)) != _STR:
            return "'" + value.replace("'", "''") + "'"  # (plain would be read otherwise, or not at all)
        if value[0] in _UNSURE_FIRST:
            raise _Unsure
        return value
