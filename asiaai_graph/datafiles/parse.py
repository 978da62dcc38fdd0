"""YAML text to plain Python values, safely: every key seen, every problem located, all work bounded.

:func:`parse_yaml` reads libyaml's events (PyYAML's C parser) and builds the
document itself, iteratively, instead of PyYAML's constructor. That is both
faster (no node tree, no per-node Python-level dispatch) and stricter:

* a key written twice in one mapping is an error naming both lines (PyYAML
  keeps the last value without a word);
* aliases count as what they expand to: nodes and characters after expansion,
  and nesting, are bounded (:mod:`asiaai_graph.utils.limits`); an alias cannot refer
  to the node that contains it;
* only the plain YAML 1.1 types the data format uses are built (mappings,
  sequences, strings, integers, floats, booleans, null, dates and timestamps,
  ``<<`` merge keys), resolved exactly as PyYAML's safe loader resolves them;
  explicit core tags (``!!str``, ``!!int``...) must match their value, and every
  other tag (``!!set``, ``!!omap``, ``!!binary``, ``!!python/...``, local
  ``!tags``) is refused, so every collection comes out in the order the file
  writes it;
* numbers have at most :data:`~asiaai_graph.utils.limits.MAX_NUMBER_DIGITS` digits;
  impossible dates and times (``2024-02-30``, month 13) and malformed numbers
  (``0b_``) are located problems, not crashes.

Text reaches it checked by :func:`asiaai_graph.datafiles.files.decode`, so its lines are an editor's.

Examples
--------
>>> parsed = parse_yaml("a: 1\\nb: [x, 2024-05-21]\\n")
>>> parsed.doc, parsed.problems
({'a': 1, 'b': ['x', datetime.date(2024, 5, 21)]}, [])
>>> [(p.line, p.message) for p in parse_yaml("a: 1\\nb: 2\\na: 3\\n").problems]
[(3, "duplicate key 'a' (first written at line 1): a key may appear once in a mapping")]
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from asiaai_graph.utils.limits import MAX_DEPTH, MAX_EXPANDED_CHARS, MAX_EXPANDED_NODES, MAX_NUMBER_DIGITS
from asiaai_graph.datafiles.files import ParseProblem

__all__ = ["LineIndex", "Parsed", "is_placeholder", "locate", "parse_yaml"]

_TAG = "tag:yaml.org,2002:"
#: Explicit scalar tags accepted (they are what the untagged value would resolve to, or force a string).
_SCALAR_TAGS = frozenset(_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp"))

_NUMBER_DIGIT = re.compile(r"[0-9a-fA-F]")


LineIndex = dict[int, Any]
"""``id(container)`` -> the line of each key (a dict) or of each item (a list) of that mapping or sequence."""


class Parsed(NamedTuple):
    """What :func:`parse_yaml` gives: the document (``None`` when it could not be built), problems, lines."""

    doc: Any
    problems: list[ParseProblem]
    lines: LineIndex


@functools.cache
def _resolvers() -> dict[str, list[tuple[str, re.Pattern[str]]]]:
    """PyYAML's implicit resolvers (YAML 1.1): first character -> [(tag, pattern)], as its safe loader uses them."""
    import yaml

    return {k: [(t, rx) for t, rx in v] for k, v in yaml.resolver.Resolver.yaml_implicit_resolvers.items()}


@functools.cache
def _timestamp() -> re.Pattern[str]:
    import yaml

    return re.compile(yaml.constructor.SafeConstructor.timestamp_regexp.pattern, re.X)


class _Bad(Exception):
    """A scalar that cannot be built."""


def _digits_ok(value: str) -> None:
    if len(value) <= MAX_NUMBER_DIGITS:
        return
    digits = len(_NUMBER_DIGIT.findall(value))
    if digits > MAX_NUMBER_DIGITS:
        raise _Bad(f"a number of {digits} digits is too long (at most {MAX_NUMBER_DIGITS}): write it as text or with fewer digits")


def _int(value: str) -> int:
    _digits_ok(value)
    text = value.replace("_", "")
    sign, text = (-1, text[1:]) if text[0] == "-" else (1, text[1:] if text[0] == "+" else text)
    try:
        if text.startswith(("0b", "0x")):
            return sign * int(text[2:], 2 if text[1] == "b" else 16)
        if ":" in text:  # sexagesimal (base 60), as YAML 1.1 has it
            return sign * functools.reduce(lambda total, part: total * 60 + int(part), text.split(":"), 0)
        return sign * int(text, 8 if text[0] == "0" and text != "0" else 10)
    except ValueError:
        raise _Bad(f"{value!r} is not a valid integer") from None


def _float(value: str) -> float:
    _digits_ok(value)
    text = value.replace("_", "").lower()
    sign, text = (-1.0, text[1:]) if text[0] == "-" else (1.0, text[1:] if text[0] == "+" else text)
    if text == ".inf":
        return sign * float("inf")
    if text == ".nan":
        return float("nan")
    try:
        if ":" in text:
            return sign * functools.reduce(lambda total, part: total * 60 + float(part), text.split(":"), 0.0)
        return sign * float(text)
    except ValueError:
        raise _Bad(f"{value!r} is not a valid number") from None


def _timestamp_value(value: str) -> _dt.date:
    m = _timestamp().match(value)
    if m is None:
        raise _Bad(f"{value!r} is not a valid date or time")
    v = m.groupdict()
    try:
        if not v["hour"]:
            return _dt.date(int(v["year"]), int(v["month"]), int(v["day"]))
        fraction = 0
        if v["fraction"]:
            fraction = int((v["fraction"][:6]).ljust(6, "0"))
        tz = None
        if v["tz_sign"]:
            delta = _dt.timedelta(hours=int(v["tz_hour"]), minutes=int(v["tz_minute"] or 0))
            tz = _dt.timezone(-delta if v["tz_sign"] == "-" else delta)
        elif v["tz"]:
            tz = _dt.timezone.utc
        return _dt.datetime(int(v["year"]), int(v["month"]), int(v["day"]), int(v["hour"]), int(v["minute"]),
                            int(v["second"]), fraction, tzinfo=tz)
    except ValueError as exc:
        raise _Bad(f"impossible date {value!r}: {exc}") from None


_BUILD: dict[str, Callable[[str], Any]] = {
    _TAG + "int": _int,
    _TAG + "float": _float,
    _TAG + "timestamp": _timestamp_value,
    _TAG + "bool": lambda v: _WORDS[v],
    _TAG + "null": lambda v: None,
}


def _resolve(value: str) -> Any:
    """A plain scalar's value, resolved as PyYAML's safe loader resolves it."""
    for tag, pattern in _resolvers().get(value[:1], ()):
        if pattern.match(value):
            build = _BUILD.get(tag)
            return value if build is None else build(value)  # merge ('<<') and value ('=') keys stay text
    return value


#: The plain words YAML 1.1 reads as booleans or null (PyYAML's resolver patterns, spelled out).
_WORDS: dict[str, Any] = {
    **{w: True for w in ("yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON")},
    **{w: False for w in ("no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF")},
    **{w: None for w in ("~", "null", "Null", "NULL")},
}
#: First characters of plain scalars that may be numbers or dates.
_NUMERIC = frozenset("-+.0123456789")


def _tagged(tag: str, value: str) -> Any:
    """A scalar with an explicit core tag: it must be what that tag says."""
    if tag == _TAG + "str":
        return value
    for t, pattern in _resolvers().get(value[:1], ()):
        if t == tag and pattern.match(value):
            return _BUILD[tag](value)
    if tag == _TAG + "null" and value == "":
        return None
    raise _Bad(f"{value!r} is not a valid {tag.removeprefix(_TAG)}")


def _tag_refused(tag: str) -> str:
    shown = "!!" + tag.removeprefix(_TAG) if tag.startswith(_TAG) else tag
    return (f"the YAML tag {shown!r} is not allowed: data files hold plain mappings, lists, text, numbers, "
            "booleans and dates")


class _Meta:
    """What is known of a mapping or sequence being built besides its items."""

    __slots__ = ("anchor", "nodes", "chars", "line", "merges", "refused")

    def __init__(self, anchor: str | None, nodes: int, chars: int, line: int) -> None:
        self.anchor = anchor
        self.nodes = nodes
        self.chars = chars
        self.line = line
        self.merges: list[tuple[Any, int]] | None = None
        self.refused = False


class _Placeholder:
    """Stands for a key already seen, or a value that could not be built (a problem says why)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "<not built>"


class _Stop(Exception):
    """The document cannot be built any further."""


_NO_KEY: Any = object()
_MERGE: Any = object()
_ROOT: Any = object()


def parse_yaml(
    text: str | bytes,
    *,
    max_nodes: int = MAX_EXPANDED_NODES,
    max_chars: int = MAX_EXPANDED_CHARS,
    max_depth: int = MAX_DEPTH,
) -> Parsed:
    """Build one YAML document from ``text``; problems are returned, never raised.

    ``doc`` is ``None`` when the document could not be built at all (syntax,
    bounds, a refused tag); otherwise the problems are about single values (a
    duplicate key, a bad scalar: see :func:`is_placeholder`) and ``doc`` holds
    everything else. ``lines`` maps each mapping or sequence (by ``id``) to the
    lines of its keys or items: see :func:`locate`.

    Examples
    --------
    >>> parse_yaml("a: &x [1, 2]\\nb: *x\\n").doc
    {'a': [1, 2], 'b': [1, 2]}
    >>> parse_yaml("s: !!set {a, b}\\n").problems[0].message
    "the YAML tag '!!set' is not allowed: data files hold plain mappings, lists, text, numbers, booleans and dates"
    >>> parse_yaml("when: 2024-02-30\\n").problems[0][::2]
    (1, "impossible date '2024-02-30': day is out of range for month")
    """
    import yaml
    from yaml._yaml import CParser

    problems: list[ParseProblem] = []
    lines: LineIndex = {}
    # the container being built: its value, kind, pending key and the key's line, and its line table
    container: Any = _ROOT
    is_map = False
    key: Any = _NO_KEY
    key_line = 0
    table: Any = None
    meta = _Meta(None, 0, 0, 1)
    stack: list[tuple[Any, bool, Any, int, Any, _Meta]] = []
    anchors: dict[str, tuple[Any, int, int, int]] = {}  # name -> (value, nodes, chars, line)
    nodes = chars = 0
    doc: Any = None
    line = 0
    documents = 0
    scalar_event, alias_event = yaml.ScalarEvent, yaml.AliasEvent
    mapping_start, sequence_start = yaml.MappingStartEvent, yaml.SequenceStartEvent
    mapping_end, sequence_end = yaml.MappingEndEvent, yaml.SequenceEndEvent
    words, numeric, resolve, placeholder = _WORDS, _NUMERIC, _resolve, _Placeholder()

    def path() -> tuple[Any, ...]:
        out = []
        for value, mapping, k, _, _, _ in [*stack[1:], (container, is_map, key, 0, None, meta)]:
            if mapping:
                if k is not _NO_KEY and k is not _MERGE:
                    out.append(k)
            elif value is not _ROOT:
                out.append(len(value))
        return tuple(out)

    def put(value: Any, at: int, plain: bool) -> None:
        """Put a finished value into the container being built: the general case."""
        nonlocal doc, key, key_line
        if container is _ROOT:
            doc = value
        elif not is_map:
            table.append(at)
            container.append(value)
        elif key is _NO_KEY:  # this value is a key
            if isinstance(value, (dict, list)):
                problems.append(ParseProblem(at, path(), "a key must be a plain value, not a mapping or a list"))
                raise _Stop
            if plain and value == "<<":
                value = _MERGE
            first = (meta.merges[0][1] if meta.merges else None) if value is _MERGE else table.get(value)
            if first is not None:
                shown = "<<" if value is _MERGE else value
                problems.append(ParseProblem(
                    at, (*path(), shown),
                    f"duplicate key {shown!r} (first written at line {first}): a key may appear once in a mapping"))
                value = placeholder
            key, key_line = value, at
        else:
            k, key = key, _NO_KEY
            if k is _MERGE:
                if meta.merges is None:
                    meta.merges = []
                meta.merges.append((value, key_line))
            elif k is not placeholder:
                table[k] = key_line
                container[k] = value

    def merge() -> None:
        """Apply ``<<`` merge keys as PyYAML does: explicit keys win, then the first mapping listed."""
        assert meta.merges is not None
        merged: dict[Any, Any] = {}
        merged_lines: dict[Any, int] = {}
        for value, at in meta.merges:
            sources = value if isinstance(value, list) else [value]
            if not all(isinstance(s, dict) for s in sources):
                problems.append(ParseProblem(at, path(), "a merge key ('<<') takes a mapping or a list of mappings"))
                raise _Stop
            for source in reversed(sources):
                merged.update(source)
                merged_lines.update(lines.get(id(source), {}))
        merged_lines.update(table)
        merged.update(container)
        container.clear()
        container.update(merged)
        table.clear()
        table.update({k: merged_lines.get(k, meta.line) for k in container})

    def anchor(name: str, value: Any, n: int, c: int, at: int) -> None:
        if name in anchors:
            problems.append(ParseProblem(at, path(), f"anchor &{name} is defined twice (first at line {anchors[name][3]})"))
            raise _Stop
        anchors[name] = (value, n, c, at)

    parser = CParser(text)
    get_event = parser.get_event
    try:
        while True:
            event: Any = get_event()
            kind = type(event)
            if kind is scalar_event:
                value = event.value
                line = event.start_mark.line + 1
                nodes += 1
                chars += len(value)
                plain = event.implicit[0] and event.tag is None
                if plain:
                    if not value:
                        value = None
                    elif value in words:
                        value = words[value]
                    elif value[0] in numeric:
                        try:
                            value = resolve(value)
                        except _Bad as exc:
                            problems.append(ParseProblem(line, path(), str(exc)))
                            value = placeholder
                elif event.tag is not None and event.tag != "!":
                    try:
                        if event.tag not in _SCALAR_TAGS:
                            raise _Bad(_tag_refused(event.tag))
                        value = _tagged(event.tag, value)
                    except _Bad as exc:
                        problems.append(ParseProblem(line, path(), str(exc)))
                        value = placeholder
                if event.anchor is not None:
                    anchor(event.anchor, value, 1, len(event.value), line)
                if is_map:  # the common cases inline, the rest in put()
                    if key is _NO_KEY:
                        if value in table or value == "<<" or value is placeholder:
                            put(value, line, plain)
                        else:
                            key = value
                            key_line = line
                    elif key is _MERGE or key is placeholder:
                        put(value, line, plain)
                    else:
                        table[key] = key_line
                        container[key] = value
                        key = _NO_KEY
                elif container is not _ROOT:
                    table.append(line)
                    container.append(value)
                else:
                    put(value, line, plain)
                if nodes > max_nodes:
                    problems.append(ParseProblem(line, path(), f"the document has more than {max_nodes} values"))
                    raise _Stop
            elif kind is mapping_start or kind is sequence_start:
                line = event.start_mark.line + 1
                mapping = kind is mapping_start
                tag = event.tag
                refused = tag is not None and tag != "!" and tag != _TAG + ("map" if mapping else "seq")
                if refused:
                    problems.append(ParseProblem(line, path(), _tag_refused(tag)))
                if len(stack) >= max_depth:
                    problems.append(ParseProblem(line, path(), f"nesting deeper than {max_depth} levels"))
                    raise _Stop
                nodes += 1
                if nodes > max_nodes:
                    problems.append(ParseProblem(line, path(), f"the document has more than {max_nodes} values"))
                    raise _Stop
                stack.append((container, is_map, key, key_line, table, meta))
                container = {} if mapping else []
                table = {} if mapping else []
                lines[id(container)] = table
                is_map, key, key_line = mapping, _NO_KEY, 0
                meta = _Meta(event.anchor, nodes, chars, line)
                meta.refused = refused
            elif kind is mapping_end or kind is sequence_end:
                if meta.merges:
                    merge()
                value, done = (placeholder if meta.refused else container), meta
                container, is_map, key, key_line, table, meta = stack.pop()
                if done.anchor is not None:
                    anchor(done.anchor, value, nodes - done.nodes + 1, chars - done.chars, done.line)
                put(value, done.line, False)
            elif kind is alias_event:
                line = event.start_mark.line + 1
                found = anchors.get(event.anchor or "")
                if found is None:
                    inside = event.anchor == meta.anchor or any(m.anchor == event.anchor for *_, m in stack)
                    problems.append(ParseProblem(line, path(), f"alias *{event.anchor} refers to "
                                                 + ("the node that contains it" if inside else "no anchor before it")))
                    raise _Stop
                value, n, c, _ = found
                nodes += n
                chars += c
                if nodes > max_nodes or chars > max_chars:
                    what = f"{max_nodes} values" if nodes > max_nodes else f"{max_chars} characters"
                    problems.append(ParseProblem(
                        line, path(), f"aliases expand this document beyond {what} (an alias bomb?); "
                        "write the records out instead"))
                    raise _Stop
                put(value, line, False)
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    problems.append(ParseProblem(event.start_mark.line + 1, (),
                                                 "a data file holds one YAML document; this is a second one"))
                    raise _Stop
            elif kind is yaml.StreamEndEvent:
                break
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        what = " ".join(x for x in (exc.context, exc.problem) if x)
        if exc.context_mark is not None and mark is not None and exc.context_mark.line != mark.line:
            what += f" (the construct began at line {exc.context_mark.line + 1})"
        problems.append(ParseProblem(mark.line + 1 if mark is not None else None, (), f"YAML syntax error: {what}"))
        return Parsed(None, problems, lines)
    except yaml.YAMLError as exc:
        problems.append(ParseProblem(line or None, (), f"YAML error: {exc}"))
        return Parsed(None, problems, lines)
    except _Stop:
        return Parsed(None, problems, lines)
    except (ValueError, TypeError, OverflowError, RecursionError, UnicodeError) as exc:  # never a crash
        problems.append(ParseProblem(line or None, path(), f"YAML error: {type(exc).__name__}: {exc}"))
        return Parsed(None, problems, lines)
    return Parsed(doc, problems, lines)


def is_placeholder(value: Any) -> bool:
    """Whether ``value`` stands for something :func:`parse_yaml` could not build (a problem says why)."""
    return isinstance(value, _Placeholder)


def locate(doc: Any, lines: LineIndex, path: Sequence[Any], default: int | None = None) -> int | None:
    """The line of the deepest value along ``path`` in ``doc`` (keys: the key's line; items: the item's).

    Examples
    --------
    >>> parsed = parse_yaml("models:\\n- id: x\\n  name: X\\n")
    >>> locate(parsed.doc, parsed.lines, ("models", 0, "name")), locate(parsed.doc, parsed.lines, ("models", 0, "nope"))
    (3, 2)
    """
    line = default
    node = doc
    for part in path:
        table = lines.get(id(node))
        if isinstance(node, dict) and isinstance(table, dict):
            try:
                if part not in node:
                    return line
            except TypeError:
                return line
            line = table.get(part, line)
            node = node[part]
        elif isinstance(node, list) and isinstance(table, list) and isinstance(part, int) and 0 <= part < len(node):
            line = table[part]
            node = node[part]
        else:
            return line
    return line
