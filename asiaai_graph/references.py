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

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from asiaai_graph.schema import Record, Ref

__all__ = ["EdgeTuple", "PathPart", "ProblemTuple", "check_references", "field_path", "ref_values", "scan_references"]

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


def _plain(value: Any) -> Any:
    """An edge attribute as plain data (a date of known precision as its text, ``2018~``)."""
    return value if isinstance(value, (str, int, float, bool)) else str(value)


def scan_references(records: Sequence[Record]) -> tuple[list[EdgeTuple], list[ProblemTuple]]:
    """One pass over the records: their edges, and every duplicate id or bad reference.

    Edges come in record order, then field order; a reverse relation
    (``Ref.reverse``) points from the target to the record.
    """
    from asiaai_graph.schema import Entity

    problems: list[ProblemTuple] = []
    types: dict[str, str] = {}
    for record in records:
        if record.id in types:
            problems.append((record, ("id",), f"duplicate id {record.id!r} (also a {types[record.id]})"))
        else:
            types[record.id] = record.record_type
    edges: list[EdgeTuple] = []
    for record in records:
        if isinstance(record, Entity):
            for i, citation in enumerate(record.sources):
                found = types.get(citation.source)
                if found is None:
                    problems.append((record, ("sources", i, "source"), f"unknown source id {citation.source!r}"))
                elif found != "source":
                    problems.append((record, ("sources", i, "source"), f"{citation.source!r} is a {found}, not a source"))
        for ref, target, path, sub in ref_values(record):
            found = types.get(target)
            if found is None:
                problems.append((record, path, f"unknown id {target!r}"))
                continue
            if found not in ref.targets:
                problems.append((record, path, f"{target!r} is a {found}, expected a {' or '.join(ref.targets)}"))
                continue
            attrs = tuple((a, _plain(v)) for a in ref.attrs if (v := getattr(sub, a)) is not None)
            if ref.reverse:
                edges.append((target, ref.relation, record.id, attrs))
            else:
                edges.append((record.id, ref.relation, target, attrs))
    return edges, problems


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
