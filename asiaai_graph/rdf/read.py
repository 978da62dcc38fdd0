"""Reading an RDF export back into a :class:`~asiaai_graph.KnowledgeGraph`.

The reader follows the same mapping table as the writers
(:mod:`asiaai_graph.rdf.mapping`), so ``from_rdf(to_rdf(kg)) == kg`` record for
record: order comes back from the ``rdf:Seq`` nodes, precision from the
datatypes, qualifiers and ``…Approximate`` flags.

Examples
--------
>>> import asiaai_graph as ag
>>> kg = ag.load()
>>> from_rdf(kg.to_rdf()) == kg
True
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any, get_args

from pydantic import ValidationError

from asiaai_graph.errors import DataError, Problem
from asiaai_graph.graph import KnowledgeGraph
from asiaai_graph.rdf.mapping import (
    CLASSES,
    FIELDS,
    IDENTIFIER,
    QUALIFIERS,
    RDF,
    RDF_TYPE,
    RDFS,
    SEQUENCE,
    SEQUENCE_OF,
    SUB_FIELDS,
    WD,
    FieldMap,
    check_base,
)
from asiaai_graph.schema import RECORD_TYPES, LanguageTag, PartialDate, Record

if TYPE_CHECKING:
    import rdflib

__all__ = ["from_rdf"]

_TYPES = {iri: rt for rt, iri in CLASSES.items()}
_QUALIFIER_NAMES = {iri: name for name, iri in QUALIFIERS.items()}
_LANGS: dict[str, str] = {tag.lower(): tag for tag in get_args(LanguageTag)}
_LANG_ORDER = {tag: i for i, tag in enumerate(get_args(LanguageTag))}
_REVERSE = {fm.predicate for maps in FIELDS.values() for fm in maps if fm.kind == "rev_refs"}
_MEMBER = RDF + "_"
_SUFFIXES = {
    ".ttl": "turtle",
    ".turtle": "turtle",
    ".nt": "nt",
    ".jsonld": "json-ld",
    ".json": "json-ld",
    ".rdf": "xml",
    ".xml": "xml",
    ".owl": "xml",
}

Node = Any  # an rdflib term
Props = dict[str, list[Node]]


class _Bad(ValueError):
    """A value that does not fit the mapping; becomes a :class:`Problem`."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def _as_graph(source: Any, format: str | None) -> rdflib.Graph:
    from rdflib import Graph

    if isinstance(source, Graph):
        return source
    if isinstance(source, (str, os.PathLike)):
        path = os.fspath(source)
        fmt = format or _SUFFIXES.get(os.path.splitext(path)[1].lower())
        if fmt is None:
            raise ValueError(f"cannot tell the RDF format of {path!r}; pass format=...")
        return Graph().parse(path, format=fmt)
    raise TypeError(f"expected an rdflib.Graph or a path, got {type(source).__name__}")


class _Reader:
    def __init__(self, graph: rdflib.Graph, base: str) -> None:
        self.base = base
        self.props: dict[str, Props] = {}
        self.incoming: dict[tuple[str, str], list[str]] = {}
        props = self.props
        for s, p, o in graph:
            subject, pred = str(s), str(p)
            by_pred = props.get(subject)
            if by_pred is None:
                by_pred = props[subject] = {}
            values = by_pred.get(pred)
            if values is None:
                by_pred[pred] = [o]
            else:
                values.append(o)
            if pred in _REVERSE:
                self.incoming.setdefault((pred, str(o)), []).append(subject)
        self.ids: dict[str, str] = {}
        self.problems: list[Problem] = []
        for subject, by_pred in props.items():
            if any(str(t) in _TYPES for t in by_pred.get(RDF_TYPE, ())):
                idents = by_pred.get(IDENTIFIER)
                try:
                    self.ids[subject] = str(idents[0]) if idents else self._strip(subject, "id")
                except _Bad as exc:
                    self.problems.append(Problem(None, None, subject, exc.field, str(exc)))

    def _strip(self, iri: str, field: str) -> str:
        if not iri.startswith(self.base):
            raise _Bad(field, f"{iri} is neither a record of the graph nor under the base {self.base}")
        return iri[len(self.base):]

    def records(self) -> tuple[list[Record], list[Problem]]:
        records: list[Record] = []
        problems: list[Problem] = list(self.problems)
        for subject, rid in self.ids.items():
            by_pred = self.props[subject]
            types = sorted({_TYPES[str(t)] for t in by_pred[RDF_TYPE] if str(t) in _TYPES})
            if len(types) != 1:
                problems.append(Problem(None, None, rid, None, f"{subject} has record types {types}"))
                continue
            model = RECORD_TYPES[types[0]]
            try:
                data: dict[str, Any] = {"id": rid}
                data.update(self.fields(subject, by_pred, FIELDS[types[0]]))
                records.append(model.model_validate(data))
            except _Bad as exc:
                problems.append(Problem(None, None, rid, exc.field, str(exc)))
            except ValidationError as exc:
                for err in exc.errors():
                    loc = ".".join(str(part) for part in err["loc"])
                    problems.append(Problem(None, None, rid, loc or None, err["msg"]))
        return records, problems

    # --- values -----------------------------------------------------------------------------------

    def _id(self, node: Node, field: str) -> str:
        iri = str(node)
        rid = self.ids.get(iri)
        return rid if rid is not None else self._strip(iri, field)

    def _one(self, values: list[Node], field: str) -> Node:
        if len(values) != 1:
            raise _Bad(field, f"expected one value, found {len(values)}")
        return values[0]

    def _ordered(self, subject: str, by_pred: Props, pred: str, values: list[Node]) -> list[Node]:
        """``values`` in the order of the node's ``rdf:Seq`` for ``pred``, if it has one."""
        for seq in by_pred.get(SEQUENCE, ()):
            seq_props = self.props.get(str(seq), {})
            if any(str(p) == pred for p in seq_props.get(SEQUENCE_OF, ())):
                members = [
                    (int(p[len(_MEMBER):]), v[0])
                    for p, v in seq_props.items()
                    if p.startswith(_MEMBER) and p[len(_MEMBER):].isdigit()
                ]
                return [v for _, v in sorted(members, key=lambda m: m[0])]
        if len(values) > 1:
            return sorted(values, key=lambda v: (len(str(v)), str(v)))
        return values

    def fields(self, subject: str, by_pred: Props, maps: Iterable[FieldMap]) -> dict[str, Any]:
        data: dict[str, Any] = {}
        for fm in maps:
            kind, pred, field = fm.kind, fm.predicate, fm.field
            if kind == "rev_refs":
                subjects = self.incoming.get((pred, subject), [])
                if subjects:
                    data[field] = [self._id(s, field) for s in self._ordered(subject, by_pred, pred, subjects)]
                continue
            values = by_pred.get(pred)
            if not values:
                continue
            if kind in ("str", "doc_lang", "language", "url"):
                data[field] = str(self._one(values, field))
            elif kind == "lang" or kind == "agent":
                if kind == "agent":
                    agent = self.props.get(str(self._one(values, field)), {})
                    values = agent.get(RDFS + "label", [])
                want = fm.arg or None
                found = [v for v in values if (getattr(v, "language", None) or None) == want]
                if found:
                    data[field] = str(self._one(found, field))
            elif kind == "labels":
                labels = {_LANGS.get((v.language or "").lower(), v.language): str(v) for v in values}
                data[field] = dict(sorted(labels.items(), key=lambda kv: _LANG_ORDER.get(kv[0], 99)))
            elif kind == "strs":
                data[field] = [str(v) for v in self._ordered(subject, by_pred, pred, values)]
            elif kind == "ref":
                data[field] = self._id(self._one(values, field), field)
            elif kind == "refs":
                data[field] = [self._id(v, field) for v in self._ordered(subject, by_pred, pred, values)]
            elif kind == "date":
                data[field] = self._date(self._one(values, field), by_pred.get(fm.arg), field)
            elif kind == "int":
                data[field] = int(str(self._one(values, field)))
            elif kind == "bool":
                data[field] = str(self._one(values, field)) in ("true", "1")
            elif kind == "json":
                try:
                    data[field] = json.loads(str(self._one(values, field)))
                except ValueError:
                    raise _Bad(field, f"not JSON: {values[0]!s}") from None
            elif kind == "decimal":
                try:
                    data[field] = Decimal(str(self._one(values, field)))
                except InvalidOperation:
                    raise _Bad(field, f"not a decimal: {values[0]!s}") from None
            elif kind == "qualifier":
                iri = str(self._one(values, field))
                if iri not in _QUALIFIER_NAMES:
                    raise _Bad(field, f"unknown qualifier {iri}")
                data[field] = _QUALIFIER_NAMES[iri]
            elif kind == "wikidata":
                data[field] = next((str(v)[len(WD):] for v in values if str(v).startswith(WD)), None)
            elif kind == "node":
                node = str(self._one(values, field))
                data[field] = self.fields(node, self.props.get(node, {}), SUB_FIELDS[fm.arg])
            elif kind == "nodes":
                nodes = [str(v) for v in self._ordered(subject, by_pred, pred, values)]
                data[field] = [self.fields(n, self.props.get(n, {}), SUB_FIELDS[fm.arg]) for n in nodes]
            else:  # pragma: no cover - the mapping table and this switch are tested together
                raise AssertionError(f"unknown field kind {kind!r}")
        return data

    def _date(self, value: Node, flags: list[Node] | None, field: str) -> PartialDate:
        try:
            date = PartialDate.parse(str(value))
        except ValueError as exc:
            raise _Bad(field, str(exc)) from None
        if flags and any(str(f) in ("true", "1") for f in flags):
            date = PartialDate(date.year, date.month, date.day, approximate=True)
        return date


def from_rdf(
    graph_or_path: rdflib.Graph | str | os.PathLike[str],
    format: str | None = None,
    base: str | None = None,
) -> KnowledgeGraph:
    """Read an export (an :class:`rdflib.Graph`, or a file) back into a :class:`~asiaai_graph.KnowledgeGraph`.

    A file's format is guessed from its suffix (``.ttl``, ``.nt``, ``.jsonld``,
    ``.rdf``/``.xml``) unless ``format`` is given. ``base`` is the IRI namespace
    the export was written with. Raises :class:`~asiaai_graph.DataError`
    listing every record that does not read back.

    Examples
    --------
    >>> import asiaai_graph as ag, tempfile, pathlib
    >>> kg = ag.load()
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "asiaai.ttl"
    >>> kg.serialize(format="turtle", destination=path)
    >>> again = ag.from_rdf(path)
    >>> again == kg, again["deepseek-v3"].active_parameters.qualifier
    (True, 'about')
    """
    graph = _as_graph(graph_or_path, format)
    reader = _Reader(graph, check_base(base))
    records, problems = reader.records()
    if problems:
        raise DataError(problems)
    return KnowledgeGraph(records)
