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

from collections.abc import Sequence
from typing import Any, NamedTuple, NoReturn

from asiaai_graph.datafiles.files import ParseProblem
from asiaai_graph.datafiles.scalars import (
    NUMERIC,
    SCALAR_TAGS,
    TAG,
    WORDS,
    BadScalar,
    resolve,
    tag_refused,
    tagged,
)
from asiaai_graph.utils.limits import MAX_DEPTH, MAX_EXPANDED_CHARS, MAX_EXPANDED_NODES

__all__ = ["LineIndex", "Parsed", "error_message", "field_in", "is_placeholder", "locate", "parse_yaml", "record_id"]


LineIndex = dict[int, Any]
"""``id(container)`` -> the line of each key (a dict) or of each item (a list) of that mapping or sequence."""


class Parsed(NamedTuple):
    """What :func:`parse_yaml` gives: the document (``None`` when it could not be built), problems, lines."""

    doc: Any
    problems: list[ParseProblem]
    lines: LineIndex


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
_PLACEHOLDER = _Placeholder()


class _Builder:
    """The document being built from libyaml's events: the open container, the stack above it, what is spent.

    ``container`` is the mapping or sequence being filled (``_ROOT`` before the
    document's first node), ``table`` its line table, ``key`` a mapping's pending
    key; ``stack`` keeps the same for every enclosing container.
    """

    def __init__(self, max_nodes: int, max_chars: int, max_depth: int) -> None:
        self.max_nodes, self.max_chars, self.max_depth = max_nodes, max_chars, max_depth
        self.problems: list[ParseProblem] = []
        self.lines: LineIndex = {}
        self.container: Any = _ROOT
        self.is_map = False
        self.key: Any = _NO_KEY
        self.key_line = 0
        self.table: Any = None
        self.meta = _Meta(None, 0, 0, 1)
        self.stack: list[tuple[Any, bool, Any, int, Any, _Meta]] = []
        self.anchors: dict[str, tuple[Any, int, int, int]] = {}  # name -> (value, nodes, chars, line)
        self.nodes = self.chars = 0
        self.doc: Any = None
        self.line = 0
        self.documents = 0

    def fail(self, line: int | None, message: str, path: tuple[Any, ...] | None = None) -> NoReturn:
        """Record a problem that stops the document, and stop."""
        self.problems.append(ParseProblem(line, self.path() if path is None else path, message))
        raise _Stop

    def path(self) -> tuple[Any, ...]:
        """The keys and indexes from the document's root to the value being built."""
        out = []
        for value, mapping, k, _, _, _ in [*self.stack[1:], (self.container, self.is_map, self.key, 0, None, self.meta)]:
            if mapping:
                if k is not _NO_KEY and k is not _MERGE:
                    out.append(k)
            elif value is not _ROOT:
                out.append(len(value))
        return tuple(out)

    def count(self, line: int) -> None:
        """One more node: past the bound, the document stops."""
        self.nodes += 1
        if self.nodes > self.max_nodes:
            self.fail(line, f"the document has more than {self.max_nodes} values")

    def put(self, value: Any, at: int, plain: bool) -> None:
        """Put a finished value into the container being built."""
        if self.container is _ROOT:
            self.doc = value
        elif not self.is_map:
            self.table.append(at)
            self.container.append(value)
        elif self.key is _NO_KEY:
            self.put_key(value, at, plain)
        else:
            k, self.key = self.key, _NO_KEY
            if k is _MERGE:
                if self.meta.merges is None:
                    self.meta.merges = []
                self.meta.merges.append((value, self.key_line))
            elif k is not _PLACEHOLDER:
                self.table[k] = self.key_line
                self.container[k] = value

    def put_key(self, value: Any, at: int, plain: bool) -> None:
        """``value`` is the next key of the mapping being built: a plain value, written once."""
        if isinstance(value, (dict, list)):
            self.fail(at, "a key must be a plain value, not a mapping or a list")
        if plain and value == "<<":
            value = _MERGE
        meta = self.meta
        first = (meta.merges[0][1] if meta.merges else None) if value is _MERGE else self.table.get(value)
        if first is not None:
            shown = "<<" if value is _MERGE else value
            self.problems.append(ParseProblem(
                at, (*self.path(), shown),
                f"duplicate key {shown!r} (first written at line {first}): a key may appear once in a mapping"))
            value = _PLACEHOLDER
        self.key, self.key_line = value, at

    def merge(self) -> None:
        """Apply ``<<`` merge keys as PyYAML does: explicit keys win, then the first mapping listed."""
        assert self.meta.merges is not None
        merged: dict[Any, Any] = {}
        merged_lines: dict[Any, int] = {}
        for value, at in self.meta.merges:
            sources = value if isinstance(value, list) else [value]
            if not all(isinstance(s, dict) for s in sources):
                self.fail(at, "a merge key ('<<') takes a mapping or a list of mappings")
            for source in reversed(sources):
                merged.update(source)
                merged_lines.update(self.lines.get(id(source), {}))
        merged_lines.update(self.table)
        merged.update(self.container)
        self.container.clear()
        self.container.update(merged)
        self.table.clear()
        self.table.update({k: merged_lines.get(k, self.meta.line) for k in self.container})

    def anchor(self, name: str, value: Any, n: int, c: int, at: int) -> None:
        if name in self.anchors:
            self.fail(at, f"anchor &{name} is defined twice (first at line {self.anchors[name][3]})")
        self.anchors[name] = (value, n, c, at)

    def scalar_value(self, event: Any) -> tuple[Any, bool]:
        """A scalar event's value, resolved as the safe loader would, and whether it was plain."""
        value = event.value
        plain = event.implicit[0] and event.tag is None
        try:
            if plain:
                if not value:
                    return None, True
                if value in WORDS:
                    return WORDS[value], True
                return (resolve(value) if value[0] in NUMERIC else value), True
            if event.tag is not None and event.tag != "!":
                if event.tag not in SCALAR_TAGS:
                    raise BadScalar(tag_refused(event.tag))
                return tagged(event.tag, value), False
        except BadScalar as exc:
            self.problems.append(ParseProblem(self.line, self.path(), str(exc)))
            return _PLACEHOLDER, plain
        return value, plain

    def start(self, event: Any, mapping: bool) -> None:
        """A mapping or a sequence begins."""
        self.line = line = event.start_mark.line + 1
        tag = event.tag
        refused = tag is not None and tag != "!" and tag != TAG + ("map" if mapping else "seq")
        if refused:
            self.problems.append(ParseProblem(line, self.path(), tag_refused(tag)))
        if len(self.stack) >= self.max_depth:
            self.fail(line, f"nesting deeper than {self.max_depth} levels")
        self.count(line)
        self.stack.append((self.container, self.is_map, self.key, self.key_line, self.table, self.meta))
        self.container = {} if mapping else []
        self.table = {} if mapping else []
        self.lines[id(self.container)] = self.table
        self.is_map, self.key, self.key_line = mapping, _NO_KEY, 0
        self.meta = _Meta(event.anchor, self.nodes, self.chars, line)
        self.meta.refused = refused

    def end(self, event: Any) -> None:
        """The mapping or sequence being built is complete: it goes into the one around it."""
        if self.meta.merges:
            self.merge()
        value, done = (_PLACEHOLDER if self.meta.refused else self.container), self.meta
        self.container, self.is_map, self.key, self.key_line, self.table, self.meta = self.stack.pop()
        if done.anchor is not None:
            self.anchor(done.anchor, value, self.nodes - done.nodes + 1, self.chars - done.chars, done.line)
        self.put(value, done.line, False)

    def alias(self, event: Any) -> None:
        """``*name``: the anchored value again, counted as what it expands to."""
        self.line = line = event.start_mark.line + 1
        found = self.anchors.get(event.anchor or "")
        if found is None:
            inside = event.anchor == self.meta.anchor or any(m.anchor == event.anchor for *_, m in self.stack)
            self.fail(line, f"alias *{event.anchor} refers to "
                      + ("the node that contains it" if inside else "no anchor before it"))
        value, n, c, _ = found
        self.nodes += n
        self.chars += c
        if self.nodes > self.max_nodes or self.chars > self.max_chars:
            what = f"{self.max_nodes} values" if self.nodes > self.max_nodes else f"{self.max_chars} characters"
            self.fail(line, f"aliases expand this document beyond {what} (an alias bomb?); write the records out instead")
        self.put(value, line, False)

    def document(self, event: Any) -> None:
        self.documents += 1
        if self.documents > 1:
            self.fail(event.start_mark.line + 1, "a data file holds one YAML document; this is a second one", ())

    def run(self, get_event: Any) -> None:
        """Feed every event of the stream to its handler; scalars, most of the events, are handled here.

        The open container, its line table and the bounds are kept in local
        names (read again after a container starts or ends): this loop is the
        hot path of every load.
        """
        import yaml

        handlers = {
            yaml.MappingStartEvent: lambda e: self.start(e, True),
            yaml.SequenceStartEvent: lambda e: self.start(e, False),
            yaml.MappingEndEvent: self.end,
            yaml.SequenceEndEvent: self.end,
            yaml.AliasEvent: self.alias,
            yaml.DocumentStartEvent: self.document,
        }
        scalar_kind, end_kind, get = yaml.ScalarEvent, yaml.StreamEndEvent, handlers.get
        words, numeric, max_nodes, put = WORDS, NUMERIC, self.max_nodes, self.put
        container, table, is_map = self.container, self.table, self.is_map
        while True:
            event = get_event()
            kind = type(event)
            if kind is not scalar_kind:
                if kind is end_kind:
                    return
                handler = get(kind)
                if handler is not None:
                    handler(event)
                    container, table, is_map = self.container, self.table, self.is_map
                continue
            value = event.value
            self.line = line = event.start_mark.line + 1
            self.chars += len(value)
            if event.implicit[0] and event.tag is None and value and value not in words and value[0] not in numeric:
                plain = True  # plain text: the common case
            else:
                value, plain = self.scalar_value(event)
            if event.anchor is not None:
                self.anchor(event.anchor, value, 1, len(event.value), line)
            if is_map:
                key = self.key
                if key is _NO_KEY:
                    if value in table or value == "<<" or value is _PLACEHOLDER:
                        put(value, line, plain)
                    else:
                        self.key, self.key_line = value, line
                elif key is _MERGE or key is _PLACEHOLDER:
                    put(value, line, plain)
                else:
                    table[key] = self.key_line
                    container[key] = value
                    self.key = _NO_KEY
            elif container is not _ROOT:
                table.append(line)
                container.append(value)
            else:
                put(value, line, plain)
            self.nodes += 1
            if self.nodes > max_nodes:
                self.fail(line, f"the document has more than {max_nodes} values")


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

    b = _Builder(max_nodes, max_chars, max_depth)
    try:
        b.run(CParser(text).get_event)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        what = " ".join(x for x in (exc.context, exc.problem) if x)
        if exc.context_mark is not None and mark is not None and exc.context_mark.line != mark.line:
            what += f" (the construct began at line {exc.context_mark.line + 1})"
        b.problems.append(ParseProblem(mark.line + 1 if mark is not None else None, (), f"YAML syntax error: {what}"))
    except yaml.YAMLError as exc:
        b.problems.append(ParseProblem(b.line or None, (), f"YAML error: {exc}"))
    except _Stop:
        pass
    except (ValueError, TypeError, OverflowError, RecursionError, UnicodeError) as exc:  # never a crash
        b.problems.append(ParseProblem(b.line or None, b.path(), f"YAML error: {type(exc).__name__}: {exc}"))
    else:
        return Parsed(b.doc, b.problems, b.lines)
    return Parsed(None, b.problems, b.lines)


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


def error_message(err: Any) -> str:
    """A pydantic error as a reader reads it (unknown field, missing field, no source...)."""
    kind = err["type"]
    loc = err["loc"]
    if loc and loc[-1] == "sources" and kind in ("missing", "too_short"):
        return "no source: every record cites at least one source"
    if kind == "extra_forbidden":
        return f"unknown field {loc[-1]!r}" if loc else "unknown field"
    if kind == "missing":
        return "missing required field"
    msg: str = err["msg"]
    return msg.removeprefix("Value error, ")


def field_in(doc: Any, path: tuple[Any, ...]) -> str:
    """The field path of ``path[2:]`` inside a record, keys written as keys even when they are numbers."""
    out = ""
    node = doc
    for depth, part in enumerate(path):
        is_index = isinstance(node, list)
        if depth >= 2:
            out += f"[{part}]" if is_index else ("." if out else "") + str(part)
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            node = None
    return out


def record_id(doc: Any, section: Any, position: int) -> str | None:
    """The id written in a record of ``doc``, if it is one."""
    try:
        rid = doc[section][position].get("id")
    except (KeyError, IndexError, TypeError, AttributeError):
        return None
    return rid if isinstance(rid, str) and not is_placeholder(rid) else None
