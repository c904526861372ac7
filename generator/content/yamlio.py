"""YAML in and out, keeping the line of every key for problem messages.

Dates stay strings when read (our schema parses them), so a bad date such as
2023-13-01 is a located problem rather than a PyYAML traceback; duplicate keys
are reported instead of silently keeping the last one.
"""
from __future__ import annotations

import datetime as dt

import yaml


class LineDict(dict):
    """A mapping that remembers the 1-based line of each key."""

    lines: dict

    def line_of(self, key, default: int | None = None) -> int | None:
        return self.lines.get(key, default)


class _Loader(yaml.SafeLoader):
    pass


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class DuplicateKey(yaml.YAMLError):
    def __init__(self, key, line: int):
        self.key, self.line = key, line
        super().__init__(f"duplicate key: {key}")


def _construct_mapping(loader, node, deep=False):
    loader.flatten_mapping(node)
    result = LineDict()
    result.lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1 + loader.line_offset
        if key in result:
            raise DuplicateKey(key, line)
        result[key] = loader.construct_object(value_node, deep=deep)
        result.lines[key] = line
    return result


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


class YamlSyntaxError(Exception):
    def __init__(self, message: str, line: int | None):
        self.message, self.line = message, line
        super().__init__(message)


def load_yaml(text: str, line_offset: int = 0):
    """Parse one YAML document; line numbers are shifted by `line_offset`.

    Raises YamlSyntaxError with a located, one-line message.
    """
    loader = _Loader(text)
    loader.line_offset = line_offset
    try:
        return loader.get_single_data()
    except DuplicateKey as exc:
        raise YamlSyntaxError(str(exc), exc.line) from None
    except yaml.MarkedYAMLError as exc:
        # An unclosed bracket or quote is found at the end of the text; the
        # line where it was opened is the one a person needs.
        at_end = "end" in (exc.problem or "") and exc.context_mark is not None
        mark = exc.context_mark if at_end else (exc.problem_mark or exc.context_mark)
        line = mark.line + 1 + line_offset if mark else None
        raise YamlSyntaxError(f"YAML syntax error: {exc.problem or exc.context}", line) from None
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(f"YAML error: {exc}", None) from None
    finally:
        loader.dispose()


class _Dumper(yaml.SafeDumper):
    pass


# Without the timestamp resolver, dates are written bare (date: 2023-08-11).
_Dumper.yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers


def _str_presenter(dumper, value):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str_presenter)
_Dumper.add_representer(dt.date, lambda d, v: d.represent_scalar("tag:yaml.org,2002:str", v.isoformat()))
_Dumper.add_representer(tuple, lambda d, v: d.represent_list(list(v)))


def dump_yaml(data: dict, block: bool = False) -> str:
    """Deterministic, human-friendly YAML: keys in the given order, CJK unescaped.

    Lists of scalars are written inline (`authors: [a, b]`); `block=True` writes
    every collection one item per line (a flat mapping would otherwise be `{…}`).
    """
    return yaml.dump(
        dict(data), Dumper=_Dumper, allow_unicode=True, sort_keys=False,
        default_flow_style=False if block else None, width=10_000,
    )
