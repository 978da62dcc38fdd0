"""Checking references between records, and the edges they make.

Each record model declares in ``refs`` (a tuple of :class:`~asiaai_graph.schema.Ref`)
which of its fields hold ids of other records and under which relation name;
:func:`scan_references` walks every such field once, returning the graph's
edges and every duplicate id, unknown id or reference to a record of the wrong
type. Readers (YAML loading, RDF reading, importers) and
:class:`~asiaai_graph.KnowledgeGraph` share it, so they cannot disagree.

Examples
--------
>>> from asiaai_graph.schema import Country, Organization, Source
>>> s = Source(id="s", title="T", kind="report", language="en")
>>> kr = Country(id="KR", name="South Korea", sources=["s"])
>>> naver = Organization(id="naver", name="Naver", kind="company", country="KR", sources=["s"])
>>> edges, problems = scan_references([s, kr, naver])
>>> edges, problems
([('naver', 'in_country', 'KR', ())], [])
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from asiaai_graph.schema import Record, Ref

__all__ = ["ACYCLIC", "EdgeTuple", "PathPart", "ProblemTuple", "check_references", "field_path", "find_cycles",
           "raw_cited_sources", "raw_ref_values", "ref_values", "scan_references", "written_problems"]

PathPart = str | int
"""One step into a record: a field name or a position in a list."""
EdgeTuple = tuple[str, str, str, tuple[tuple[str, Any], ...]]
"""``(source id, relation, target id, attributes)``: one relation between two records; attributes are plain
strings, numbers and booleans (a date is its text, ``2018~``)."""
ProblemTuple = tuple["Record", tuple[PathPart, ...], str]
"""``(record, path to the field, message)``: one bad reference."""


def field_path(loc: Sequence[PathPart]) -> str:
    """A field path as people write it: ``("sources", 0, "source")`` -> ``sources[0].source``.

    Steps that pydantic adds for its own validators are left out.

    Examples
    --------
    >>> field_path(("investors", 1, "organization")), field_path(("labels", "[key]"))
    ('investors[1].organization', 'labels')
    """
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part.startswith("function-") or part == "[key]":
            continue
        else:
            out += ("." if out else "") + part
    return out


def ref_values(record: Record) -> Iterator[tuple[Ref, str, tuple[PathPart, ...], Any]]:
    """Yield ``(ref spec, target id, field path, sub-record)`` for each reference of a record.

    Examples
    --------
    >>> from asiaai_graph.schema import Organization
    >>> org = Organization(id="x", name="X", kind="company", country="KR", offices=["JP", "SG"], sources=["s"])
    >>> [(ref.relation, target, path) for ref, target, path, _ in ref_values(org)]
    [('in_country', 'KR', ('country',)), ('has_office_in', 'JP', ('offices', 0)), ('has_office_in', 'SG', ('offices', 1))]
    """
    for ref in type(record).refs:
        value = getattr(record, ref.field)
        if value is None:
            continue
        items = value if isinstance(value, tuple) else (value,)
        for i, item in enumerate(items):
            path: tuple[PathPart, ...] = (ref.field, i) if isinstance(value, tuple) else (ref.field,)
            if ref.key is not None:
                yield ref, getattr(item, ref.key), (*path, ref.key), item
            else:
                yield ref, item, path, None


def raw_ref_values(model: type[Record], item: Mapping[str, Any]) -> Iterator[tuple[Ref, str, tuple[PathPart, ...]]]:
    """Yield ``(ref spec, target id, field path)`` for each reference written in a record that failed validation.

    Only values written as ids (text) are read, so that a record with a schema
    error still has its references checked in the same run.

    Examples
    --------
    >>> from asiaai_graph.schema import AIModel
    >>> [(ref.relation, t, p) for ref, t, p in raw_ref_values(AIModel, {"developers": ["a", 7], "kind": "?"})]
    [('developed_by', 'a', ('developers', 0))]
    """
    for ref in model.refs:
        value = item.get(ref.field)
        items = value if isinstance(value, list) else [value]
        for i, one in enumerate(items):
            path: tuple[PathPart, ...] = (ref.field, i) if isinstance(value, list) else (ref.field,)
            if ref.key is not None:
                one = one.get(ref.key) if isinstance(one, dict) else None
                path = (*path, ref.key)
            if isinstance(one, str):
                yield ref, one, path


def raw_cited_sources(item: Mapping[str, Any]) -> Iterator[tuple[str, tuple[PathPart, ...]]]:
    """Yield ``(source id, field path)`` for each citation written in a record that failed validation."""
    cited = item.get("sources")
    for i, citation in enumerate(cited if isinstance(cited, list) else ()):
        if isinstance(citation, str):
            yield citation, ("sources", i)
        elif isinstance(citation, dict) and isinstance(citation.get("source"), str):
            yield citation["source"], ("sources", i, "source")


def written_problems(model: type[Record], item: Mapping[str, Any], types: Mapping[str, str],
                     unknown_ok: bool = False) -> list[tuple[tuple[PathPart, ...], str]]:
    """Bad references and citations of a record as written (one that failed validation): ``(path, message)``.

    ``types`` maps every known id to its record type.

    Examples
    --------
    >>> from asiaai_graph.schema import AIModel
    >>> written_problems(AIModel, {"developers": ["ghost"], "sources": ["s"]}, {"s": "source"})
    [(('developers', 0), "unknown id 'ghost'")]
    """
    problems: list[tuple[tuple[PathPart, ...], str]] = []
    for ref, target, path in raw_ref_values(model, item):
        found = types.get(target)
        if found is None:
            if not unknown_ok:
                problems.append((path, f"unknown id {target!r}"))
        elif found not in ref.targets:
            problems.append((path, f"{target!r} is a {found}, expected a {' or '.join(ref.targets)}"))
    for source, path in raw_cited_sources(item):
        found = types.get(source)
        if found is None and not unknown_ok:
            problems.append((path, f"unknown source id {source!r}"))
        elif found is not None and found != "source":
            problems.append((path, f"{source!r} is a {found}, not a source"))
    return problems


def _plain(value: Any) -> Any:
    """An edge attribute as plain data (a date of known precision as its text, ``2018~``)."""
    return value if isinstance(value, (str, int, float, bool)) else str(value)


#: Relations that order records (a parent, a whole, an earlier version): a chain of them may not come back
#: to where it started, and no record may point at itself with any relation.
ACYCLIC = frozenset({"subsidiary_of", "has_member", "part_of", "in_family", "based_on", "succeeds", "edition_of",
                     "builds_upon", "superseded_by", "succeeded_by"})


def scan_references(
    records: Sequence[Record], known: Mapping[str, str] | None = None, *, unknown_ok: bool = False
) -> tuple[list[EdgeTuple], list[ProblemTuple]]:
    """One pass over the records: their edges, and every duplicate id, bad reference, self-reference or cycle.

    Edges come in record order, then field order; a reverse relation
    (``Ref.reverse``) points from the target to the record. ``known`` maps the
    ids of records that exist but failed validation to their record types
    (readers pass them so that one bad record does not make every reference
    to it an "unknown id" too); references to them make no edge. With ``unknown_ok``, a
    reference to an id no record has is no problem (and no edge): records compared, not loaded.
    """
    from asiaai_graph.schema import Entity

    problems: list[ProblemTuple] = []
    types: dict[str, str] = {}
    for record in records:
        if record.id in types:
            problems.append((record, ("id",), f"duplicate id {record.id!r} (also {_a(types[record.id])})"))
        else:
            types[record.id] = record.record_type
    others = known or {}
    edges: list[EdgeTuple] = []
    ordering: dict[tuple[str, str, str], tuple[Record, tuple[PathPart, ...]]] = {}
    for record in records:
        if isinstance(record, Entity):
            for i, citation in enumerate(record.sources):
                found = types.get(citation.source) or others.get(citation.source)
                if found is None:
                    if not unknown_ok:
                        problems.append((record, ("sources", i, "source"), f"unknown source id {citation.source!r}"))
                elif found != "source":
                    problems.append((record, ("sources", i, "source"), f"{citation.source!r} is a {found}, not a source"))
        for ref, target, path, sub in ref_values(record):
            found = types.get(target)
            if found is None and target in others:
                if others[target] not in ref.targets:
                    problems.append((record, path, f"{target!r} is a {others[target]}, expected a {' or '.join(ref.targets)}"))
                continue
            if found is None:
                if not unknown_ok:
                    problems.append((record, path, f"unknown id {target!r}"))
                continue
            if found not in ref.targets:
                problems.append((record, path, f"{target!r} is a {found}, expected a {' or '.join(ref.targets)}"))
                continue
            if target == record.id:
                problems.append((record, path, f"a record cannot refer to itself ({ref.relation})"))
                continue
            attrs = tuple((a, _plain(v)) for a in ref.attrs if (v := getattr(sub, a)) is not None)
            if ref.reverse:
                edges.append((target, ref.relation, record.id, attrs))
            else:
                edges.append((record.id, ref.relation, target, attrs))
                if ref.relation in ACYCLIC:
                    ordering.setdefault((record.id, ref.relation, target), (record, path))
    for cycle, relation in find_cycles(edges):
        record, path = ordering[(cycle[0], relation, cycle[1])]
        problems.append((record, path, f"{relation} goes round in a cycle: {' -> '.join((*cycle, cycle[0]))}"))
    return edges, problems


def _a(record_type: str) -> str:
    """``a country``, ``an organization``."""
    return f"{'an' if record_type[0] in 'aeiou' else 'a'} {record_type}"


def find_cycles(edges: Iterable[EdgeTuple], relations: frozenset[str] = ACYCLIC) -> list[tuple[tuple[str, ...], str]]:
    """Every cycle of one of ``relations`` among ``edges``, once each, starting at its smallest id.

    Examples
    --------
    >>> edges = [("a", "subsidiary_of", "b", ()), ("b", "subsidiary_of", "c", ()), ("c", "subsidiary_of", "a", ()),
    ...          ("x", "part_of", "y", ())]
    >>> find_cycles(edges)
    [(('a', 'b', 'c'), 'subsidiary_of')]
    """
    graphs: dict[str, dict[str, list[str]]] = {}
    for source, relation, target, _ in edges:
        if relation in relations:
            graphs.setdefault(relation, {}).setdefault(source, []).append(target)
    found: dict[tuple[tuple[str, ...], str], None] = {}
    for relation in sorted(graphs):
        graph = graphs[relation]
        done: set[str] = set()
        for start in sorted(graph):
            if start in done:
                continue
            trail: list[str] = [start]
            on_trail = {start: 0}
            todo: list[Iterator[str]] = [iter(graph.get(start, ()))]
            while todo:
                step = next(todo[-1], None)
                if step is None:
                    finished = trail.pop()
                    del on_trail[finished]
                    done.add(finished)
                    todo.pop()
                    continue
                target = step
                if target in on_trail:
                    loop = trail[on_trail[target]:]
                    first = loop.index(min(loop))
                    found.setdefault((tuple(loop[first:] + loop[:first]), relation), None)
                elif target not in done:
                    trail.append(target)
                    on_trail[target] = len(trail) - 1
                    todo.append(iter(graph.get(target, ())))
    return list(found)


def check_references(records: Sequence[Record]) -> list[ProblemTuple]:
    """Find duplicate ids and references to unknown ids or records of the wrong type.

    Returns ``(record, field path, message)`` for each problem.

    Examples
    --------
    >>> from asiaai_graph import Country, Organization
    >>> cn = Country(id="CN", name="China", sources=["s"])
    >>> org = Organization(id="x", name="X", kind="company", country="KR", sources=["s"])
    >>> for record, path, message in check_references([cn, org]):
    ...     print(record.id, path, message)
    CN ('sources', 0, 'source') unknown source id 's'
    x ('sources', 0, 'source') unknown source id 's'
    x ('country',) unknown id 'KR'
    """
    return scan_references(records)[1]
