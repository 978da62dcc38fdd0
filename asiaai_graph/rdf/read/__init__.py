"""Reading an RDF export back into a :class:`~asiaai_graph.KnowledgeGraph`.

Files are parsed by Oxigraph (Turtle, N-Triples, N-Quads, TriG, JSON-LD,
RDF/XML); an :class:`rdflib.Graph`, a :class:`pyoxigraph.Store` or any
iterable of pyoxigraph triples or quads is read as it is. The reader follows
the same mapping table as the writers (:mod:`asiaai_graph.rdf.mapping`), so
``from_rdf(to_rdf(kg)) == kg`` record for record: order comes back from the
``rdf:Seq`` nodes, precision from the datatypes, qualifiers and
``…Approximate`` flags. Nothing is trusted: every record is validated like
a YAML file, and a syntax error or a bad record raises
:class:`~asiaai_graph.DataError` naming the file, line, record and field.

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
from decimal import InvalidOperation
from typing import IO, TYPE_CHECKING, Any, get_args

from pydantic import ValidationError

from asiaai_graph.utils.errors import DataError, Problem
from asiaai_graph.utils.gcpause import gc_paused
from asiaai_graph.utils.limits import MAX_RDF_BYTES
from asiaai_graph.graph.knowledge_graph import KnowledgeGraph
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
    ROR,
    WD,
    FieldMap,
    Term,
    check_base,
)
from asiaai_graph.rdf.numbers import EXACT, read_number
from asiaai_graph.rdf.read.checks import term_problems
from asiaai_graph.rdf.read.parse import Triples, read_triples
from asiaai_graph.schema import RECORD_TYPES, LanguageTag, PartialDate, Record

if TYPE_CHECKING:
    import pyoxigraph
    import rdflib

__all__ = ["Triples", "from_rdf", "read_triples"]

_TYPES = {iri: rt for rt, iri in CLASSES.items()}
_QUALIFIER_NAMES = {iri: name for name, iri in QUALIFIERS.items()}
_LANGS: dict[str, str] = {tag.lower(): tag for tag in get_args(LanguageTag)}
_LANG_ORDER = {tag: i for i, tag in enumerate(get_args(LanguageTag))}
_MEMBER = RDF + "_"
_BOOLEANS = {"true": True, "1": True, "false": False, "0": False}


_ABSENT: Any = object()
"""A field with no value of the wanted kind (a label in another language): the field stays unset."""

#: Literal kinds read from their lexical form: kind -> (parser, what a bad value is not).
_LEXICAL: dict[str, tuple[Any, str]] = {
    "int": (int, "an integer"),
    "json": (json.loads, "JSON"),
}


class _Bad(ValueError):
    """A value that does not fit the mapping; becomes a :class:`Problem`."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


#: predicate -> (field, kind, arg) of each field written with it
_Table = dict[str, tuple[tuple[str, str, str], ...]]


def _table(maps: Iterable[FieldMap]) -> _Table:
    """Predicate -> ``(field, kind, arg)`` of the fields written with it (two for a source's publisher).

    ``rev_refs`` fields are left out (their triples have the other record as subject).
    """
    table: dict[str, list[tuple[str, str, str]]] = {}
    for fm in maps:
        if fm.kind != "rev_refs":
            table.setdefault(fm.predicate, []).append((fm.field, fm.kind, fm.arg))
    return {pred: tuple(fms) for pred, fms in table.items()}


_TABLES = {rt: _table(maps) for rt, maps in FIELDS.items()}
_SUB_TABLES = {kind: _table(maps) for kind, maps in SUB_FIELDS.items()}
_REV_MAPS = {rt: [fm for fm in maps if fm.kind == "rev_refs"] for rt, maps in FIELDS.items()}
_NO_REV: list[FieldMap] = []
#: Sub-record nodes nest at most 3 deep in a record (money, its equivalents); deeper is no export of ours.
_MAX_NODE_DEPTH = 8
#: A figure's field -> its predicate (``value``/``amount`` -> ``aag:value``, ``upper`` -> ``aag:upper``).
_PRED_OF = {fm.field: fm.predicate for maps in SUB_FIELDS.values() for fm in maps if fm.kind == "decimal"}


class _Reader:
    def __init__(self, triples: Triples, base: str) -> None:
        self.base = base
        self.file = file = triples.file
        self.props = props = triples.props
        self.incoming = triples.incoming
        self.ids: dict[str, str] = {}
        self.types: dict[str, str | list[str]] = {}
        self.problems: list[Problem] = []
        self.visiting: set[str] = set()
        for subject in dict.fromkeys(triples.typed):
            by_pred = props[subject]
            found = [_TYPES[t] for t in by_pred[RDF_TYPE] if t.__class__ is str and t in _TYPES]
            self.types[subject] = found[0] if len(found) == 1 else sorted(set(found))
            idents = by_pred.get(IDENTIFIER)
            try:
                if idents and len(idents) > 1:
                    raise _Bad("id", f"{subject} has {len(idents)} identifiers: "
                                     + ", ".join(sorted(repr(self._text(i)) for i in idents)))
                self.ids[subject] = self._text(idents[0]) if idents else self._strip(subject, "id")
            except _Bad as exc:
                self.problems.append(Problem(file, None, subject, exc.field, str(exc)))

    def _strip(self, iri: str, field: str) -> str:
        if not iri.startswith(self.base):
            raise _Bad(field, f"{iri} is neither a record of the graph nor under the base {self.base}")
        return iri[len(self.base):]

    def records(self) -> tuple[list[Record], list[Problem]]:
        records: list[Record] = []
        problems: list[Problem] = list(self.problems)
        file = self.file
        props, types = self.props, self.types
        for subject, rid in self.ids.items():
            rt = types[subject]
            if rt.__class__ is not str:
                problems.append(Problem(file, None, rid, None, f"{subject} has record types {rt}"))
                continue
            assert isinstance(rt, str)
            bad: list[_Bad] = []
            data = self.fields(subject, props[subject], _TABLES[rt], _REV_MAPS[rt], bad)
            if bad:
                problems.extend(Problem(file, None, rid, b.field, str(b)) for b in bad)
                continue
            data["id"] = rid
            try:
                records.append(RECORD_TYPES[rt].model_validate(data))
            except ValidationError as exc:
                for err in exc.errors():
                    loc = ".".join(str(part) for part in err["loc"])
                    problems.append(Problem(file, None, rid, loc or None, err["msg"]))
        return records, problems

    # --- values -----------------------------------------------------------------------------------

    @staticmethod
    def _text(term: Term) -> str:
        """A literal's lexical form, or an IRI's text."""
        return term if term.__class__ is str else term[0]

    @staticmethod
    def _iri(term: Term, field: str) -> str:
        if term.__class__ is not str:
            raise _Bad(field, f"expected an IRI, found the literal {term[0]!r}")
        return term

    def _id(self, term: Term, field: str) -> str:
        iri = self._iri(term, field)
        rid = self.ids.get(iri)
        return rid if rid is not None else self._strip(iri, field)

    @staticmethod
    def _one(values: list[Term], field: str) -> Term:
        if len(values) != 1:
            raise _Bad(field, f"expected one value, found {len(values)}")
        return values[0]

    def _sequences(self, by_pred: dict[str, list[Term]]) -> dict[str, str]:
        """The node's ``rdf:Seq`` nodes by the predicate whose order they keep."""
        found: dict[str, str] = {}
        for seq in by_pred.get(SEQUENCE, ()):
            if seq.__class__ is str:
                for of in self.props.get(seq, {}).get(SEQUENCE_OF, ()):
                    if of.__class__ is str:
                        found.setdefault(of, seq)
        return found

    def _ordered(self, seq: str | None, values: list[Any]) -> list[Any]:
        """``values`` in the order of the ``rdf:Seq`` node ``seq``, if there is one."""
        if seq is not None:
            members = [
                (int(p[len(_MEMBER):]), v[0])
                for p, v in self.props.get(seq, {}).items()
                if p.startswith(_MEMBER) and p[len(_MEMBER):].isdigit()
            ]
            return [v for _, v in sorted(members, key=lambda m: m[0])]
        if len(values) > 1:
            # No sequence (a hand-made file): a stable order, shortest text first.
            text = self._text
            return sorted(values, key=lambda v: (len(text(v)), text(v)))
        return values

    def fields(self, subject: str, by_pred: dict[str, list[Term]], table: _Table,
               rev: list[FieldMap], bad: list[_Bad], where: str = "") -> dict[str, Any]:
        """The fields of ``subject`` as model data; a value that does not fit goes to ``bad`` (path ``where + field``).

        Goes through the predicates the node has (``table`` says which field
        each one fills), so a record pays for the fields it has, not for
        every field of its type.
        """
        data: dict[str, Any] = {}
        text, ids, strip = self._text, self.ids, self._strip
        seqs = self._sequences(by_pred) if SEQUENCE in by_pred else {}
        for pred, values in by_pred.items():
            maps = table.get(pred)
            if maps is None:
                continue  # rdf:type, dcterms:identifier, aag:sequence, prov:wasDerivedFrom, or not ours
            for field, kind, arg in maps:
                try:
                    if kind == "ref":
                        if len(values) != 1:
                            raise _Bad(field, f"expected one value, found {len(values)}")
                        iri = values[0]
                        if iri.__class__ is not str:
                            raise _Bad(field, f"expected an IRI, found the literal {iri[0]!r}")
                        rid = ids.get(iri)
                        data[field] = rid if rid is not None else strip(iri, field)
                    elif kind == "str" or kind == "doc_lang" or kind == "url" or kind == "language":
                        if len(values) != 1:
                            raise _Bad(field, f"expected one value, found {len(values)}")
                        data[field] = text(values[0])
                    else:
                        value = self._value(kind, field, arg, values, by_pred, seqs.get(pred), bad, where)
                        if value is not _ABSENT:
                            data[field] = value
                except _Bad as exc:
                    bad.append(_Bad(where + exc.field, str(exc)))
        for fm in rev:  # rev_refs: triples whose subject is the other record (a partnership's parties)
            subjects = self.incoming.get((fm.predicate, subject))
            if subjects:
                try:
                    data[fm.field] = [self._id(s, fm.field) for s in self._ordered(seqs.get(fm.predicate), subjects)]
                except _Bad as exc:
                    bad.append(_Bad(where + exc.field, str(exc)))
        return data

    def _value(self, kind: str, field: str, arg: Any, values: list[Term], by_pred: dict[str, list[Term]],
               seq: str | None, bad: list[_Bad], where: str) -> Any:
        """One field's value from its terms (kinds other than a plain reference or text); ``_ABSENT`` for none."""
        text = self._text
        if kind == "nodes":
            nodes = [self._iri(v, field) for v in self._ordered(seq, values)]
            return [self._node(n, arg, bad, f"{where}{field}.{i}.", field) for i, n in enumerate(nodes)]
        if kind == "lang" or kind == "agent":
            found = values
            if kind == "agent":
                agent = self.props.get(self._iri(self._one(values, field), field), {})
                found = agent.get(RDFS + "label", [])
            want = arg or None
            found = [v for v in found if v.__class__ is not str and (v[1] or None) == want]
            return text(self._one(found, field)) if found else _ABSENT
        if kind == "labels":
            labels: dict[str | None, str] = {}
            for v in values:
                tag = None if v.__class__ is str else v[1]
                lang = _LANGS.get((tag or "").lower(), tag)
                if lang in labels:  # YAML refuses a language written twice: so does RDF
                    raise _Bad(field, f"two labels in {lang!r}: {labels[lang]!r} and {text(v)!r}")
                labels[lang] = text(v)
            return dict(sorted(labels.items(), key=lambda kv: _LANG_ORDER.get(kv[0], 99)))
        if kind == "date":
            return self._date(text(self._one(values, field)), by_pred.get(arg), field)
        if kind == "bool":
            return self._bool(self._one(values, field), field)
        if kind == "strs":
            return [text(v) for v in self._ordered(seq, values)]
        if kind == "refs":
            return [self._id(v, field) for v in self._ordered(seq, values)]
        if kind == "qualifier":
            iri = self._iri(self._one(values, field), field)
            if iri not in _QUALIFIER_NAMES:
                raise _Bad(field, f"unknown qualifier {iri}")
            return _QUALIFIER_NAMES[iri]
        if kind == "node":
            node = self._iri(self._one(values, field), field)
            return self._node(node, arg, bad, f"{where}{field}.", field)
        if kind == "wikidata":
            entities = [v[len(WD):] for v in values if v.__class__ is str and v.startswith(WD)]
            return entities[0] if entities else None
        if kind == "decimal":
            term = self._one(values, field)
            exacts = by_pred.get(EXACT[arg_pred]) if (arg_pred := _PRED_OF.get(field)) else None
            exact = text(self._one(exacts, field)) if exacts else None
            try:
                return read_number(text(term), None if term.__class__ is str else term[2], exact)
            except ValueError as exc:
                raise _Bad(field, str(exc)) from None
        if kind == "ror":
            rors = [v[len(ROR):] for v in values if v.__class__ is str and v.startswith(ROR)]
            return rors[0] if rors else None
        if kind in _LEXICAL:
            lexical = text(self._one(values, field))
            parse, what = _LEXICAL[kind]
            try:
                return parse(lexical)
            except (ValueError, InvalidOperation, RecursionError):
                raise _Bad(field, f"not {what}: {lexical[:100]}") from None
        raise AssertionError(f"unknown field kind {kind!r}")  # pragma: no cover - tested with the mapping table

    def _node(self, node: str, kind: str, bad: list[_Bad], where: str, field: str) -> dict[str, Any]:
        """The fields of a sub-record node; a node inside itself, or nested past any record's depth, is bad."""
        visiting = self.visiting
        if node in visiting:
            raise _Bad(field, f"{node} contains itself (a cycle of {kind} nodes)")
        if len(visiting) >= _MAX_NODE_DEPTH:
            raise _Bad(field, f"{kind} nodes nested more than {_MAX_NODE_DEPTH} deep")
        visiting.add(node)
        try:
            return self.fields(node, self.props.get(node, {}), _SUB_TABLES[kind], _NO_REV, bad, where)
        finally:
            visiting.discard(node)

    @staticmethod
    def _bool(term: Term, field: str) -> bool:
        value = _BOOLEANS.get(_Reader._text(term).lower())
        if value is None:
            raise _Bad(field, f"not a boolean: {_Reader._text(term)}")
        return value

    def _date(self, value: str, flags: list[Term] | None, field: str) -> PartialDate:
        try:
            date = PartialDate.parse(value)
        except ValueError as exc:
            raise _Bad(field, str(exc)) from None
        if flags and any(self._bool(f, field) for f in flags):
            date = PartialDate(date.year, date.month, date.day, approximate=True)
        return date


def from_rdf(
    source: rdflib.Graph | pyoxigraph.Store | Iterable[Any] | str | os.PathLike[str] | bytes | IO[bytes],
    format: str | None = None,
    base: str | None = None,
    *,
    max_bytes: int = MAX_RDF_BYTES,
) -> KnowledgeGraph:
    """Read an export back into a :class:`~asiaai_graph.KnowledgeGraph`.

    ``source`` is a file path (its format guessed from the suffix: ``.ttl``,
    ``.nt``, ``.nq``, ``.trig``, ``.jsonld``, ``.rdf``/``.xml``, unless
    ``format`` is given), the bytes or a binary file object of a document
    (``format`` needed), an :class:`rdflib.Graph`, or a
    :class:`pyoxigraph.Store` or other iterable of pyoxigraph triples or quads
    (the triples of every graph are read). Files are parsed by Oxigraph.
    ``base`` is the IRI namespace the export was written with (relative IRIs
    in a file are resolved against it). Raises
    :class:`~asiaai_graph.DataError` for a syntax error (with the line) and
    listing every record that does not read back. A document over
    ``max_bytes``, RDF/XML that declares entities or nests over 256 levels,
    JSON-LD that would drop a node or a key without a word, and a predicate or
    class of the ``aag:`` namespace that the vocabulary does not declare are
    refused the same way (see SECURITY.md).

    Examples
    --------
    >>> import asiaai_graph as ag, tempfile, pathlib
    >>> kg = ag.load()
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "asiaai.ttl"
    >>> kg.serialize(format="turtle", destination=path)
    >>> again = ag.from_rdf(path)
    >>> again == kg, again["deepseek-v3"].active_parameters.qualifier
    (True, 'about')
    >>> ag.from_rdf(b"@prefix aag: <https://w3id.org/asiaai-graph/ontology#> .\\n"
    ...             b'<x> a aag:AIModel ; aag:openWeights "maybe" .', format="turtle")
    Traceback (most recent call last):
    ...
    asiaai_graph.utils.errors.DataError: 1 problem in the data:
      <records>: record x, field open_weights: not a boolean: maybe
    """
    base = check_base(base)
    with gc_paused():
        triples = read_triples(source, format, base, max_bytes)
        reader = _Reader(triples, base)
        records, problems = reader.records()
        problems += term_problems(triples, reader.ids)
        del triples
        del reader
        if problems:
            raise DataError(problems)
        return KnowledgeGraph(records)
