"""Parsing an RDF document into the triples the reader needs, grouped by subject and predicate.

Oxigraph parses files and bytes (Turtle, N-Triples, N-Quads, TriG, JSON-LD,
RDF/XML); an :class:`rdflib.Graph`, a :class:`pyoxigraph.Store` or any
iterable of pyoxigraph triples or quads is read as it is. Terms become plain
Python values (see :data:`~asiaai_graph.rdf.mapping.Term`); a syntax error
raises :class:`~asiaai_graph.DataError` with the file and line.

Examples
--------
>>> t = read_triples(b'<https://x.org/a> a <https://w3id.org/asiaai-graph/ontology#Country> .', format="turtle")
>>> t.typed, t.props["https://x.org/a"]
(['https://x.org/a'], {'http://www.w3.org/1999/02/22-rdf-syntax-ns#type': ['https://w3id.org/asiaai-graph/ontology#Country']})
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, NamedTuple

from asiaai_graph.rdf.read.guard import check_document, check_size
from asiaai_graph.utils.errors import DataError, Problem
from asiaai_graph.utils.limits import MAX_RDF_BYTES
from asiaai_graph.rdf.mapping import (
    CLASSES,
    FIELDS,
    FORMAT_NAMES,
    RDF_LANG_STRING,
    RDF_TYPE,
    XSD_STRING,
    Term,
    check_base,
)

if TYPE_CHECKING:
    import rdflib

__all__ = ["Props", "Triples", "read_triples"]

_TYPES = set(CLASSES.values())
_REVERSE = sorted({fm.predicate for maps in FIELDS.values() for fm in maps if fm.kind == "rev_refs"})
#: Formats read by Python first (see :mod:`asiaai_graph.rdf.read.guard`): a file of these is read whole.
_PRECHECKED = frozenset({"xml", "json-ld"})
_OX_FORMATS = {"turtle": "TURTLE", "nt": "N_TRIPLES", "nquads": "N_QUADS", "trig": "TRIG", "json-ld": "JSON_LD",
               "xml": "RDF_XML"}

#: The triples of a graph: subject -> predicate -> objects. Subjects and IRIs are ``str``
#: (a blank node is ``"_:id"``), literals ``(lexical, language, datatype)`` with ``None`` for ``xsd:string``.
Props = dict[str, dict[str, list[Term]]]


def _format(name: str | None, path: str | None) -> str:
    if name is not None:
        fmt = FORMAT_NAMES.get(name.lower())
        if fmt is None:
            names = sorted({n for n in FORMAT_NAMES if not n.startswith(".") and "/" not in n})
            raise ValueError(f"unknown RDF format {name!r}; one of: {', '.join(names)}")
        return fmt
    fmt = FORMAT_NAMES.get(os.path.splitext(path or "")[1].lower())
    if fmt is None:
        raise ValueError(f"cannot tell the RDF format of {path!r}; pass format=...")
    return fmt


class Triples(NamedTuple):
    """The triples of a document, as the reader uses them."""

    #: subject -> predicate -> objects
    props: Props
    #: subjects typed with a record class (``aag:AIModel``...), in document order
    typed: list[str]
    #: (reverse predicate, object) -> subjects: ``<org> aag:partnerIn <partnership>`` read from the partnership
    incoming: dict[tuple[str, str], list[str]]
    #: the file's name, if read from a file
    file: str | None = None


def _ox_triples(quads: Iterable[Any]) -> Triples:
    """Group pyoxigraph quads or triples (of any graph) by subject and predicate."""
    from pyoxigraph import BlankNode, Literal, NamedNode

    intern = sys.intern  # one str object per predicate, not one per triple
    rdf_type = intern(RDF_TYPE)
    reverse = {intern(p) for p in _REVERSE}
    props: Props = {}
    typed: list[str] = []
    incoming: dict[tuple[str, str], list[str]] = {}
    last: str | None = None
    by_pred: dict[str, list[Term]] = {}
    for quad in quads:
        s = quad.subject
        subject = s.value if s.__class__ is NamedNode else "_:" + s.value
        if subject != last:
            found = props.get(subject)
            by_pred = props[subject] = {} if found is None else found
            last = subject
        pred = intern(quad.predicate.value)
        o = quad.object
        cls = o.__class__
        obj: Term
        if cls is NamedNode:
            obj = iri = o.value
            if pred is rdf_type:
                if iri in _TYPES:
                    typed.append(subject)
            elif pred in reverse:
                incoming.setdefault((pred, iri), []).append(subject)
        elif cls is Literal:
            lang = o.language
            if lang:
                obj = (o.value, lang, None)
            else:
                dt = o.datatype.value
                obj = (o.value, None, None if dt == XSD_STRING else dt)
        elif cls is BlankNode:
            obj = "_:" + o.value
        else:  # a quoted triple (RDF 1.2): no field holds one
            obj = (str(o), None, "urn:asiaai-graph:triple-term")
        values = by_pred.get(pred)
        if values is None:
            by_pred[pred] = [obj]
        else:
            values.append(obj)
    return Triples(props, typed, incoming)


def _rdflib_triples(graph: rdflib.Graph) -> Triples:
    from rdflib import BNode, Literal

    def term(t: Any) -> Term:
        if isinstance(t, Literal):
            dt = str(t.datatype) if t.datatype is not None else None
            return (str(t), t.language, None if dt in (XSD_STRING, RDF_LANG_STRING) else dt)
        return "_:" + str(t) if isinstance(t, BNode) else str(t)

    props: Props = {}
    typed: list[str] = []
    incoming: dict[tuple[str, str], list[str]] = {}
    for s, p, o in graph:
        subject, pred, obj = term(s), str(p), term(o)
        assert isinstance(subject, str)
        props.setdefault(subject, {}).setdefault(pred, []).append(obj)
        if obj.__class__ is str:
            if pred == RDF_TYPE:
                if obj in _TYPES:
                    typed.append(subject)
            elif pred in _REVERSE:
                incoming.setdefault((pred, obj), []).append(subject)
    return Triples(props, typed, incoming)


def read_triples(source: Any, format: str | None = None, base: str | None = None,
                 max_bytes: int = MAX_RDF_BYTES) -> Triples:
    """The triples of ``source`` grouped by subject and predicate (see :class:`Triples`).

    ``source`` is what :func:`from_rdf` takes. A syntax error raises
    :class:`~asiaai_graph.DataError` with the file and line.

    Examples
    --------
    >>> read_triples(b'<https://x.org/a> <https://x.org/p> "v"@ko .', format="nt").props
    {'https://x.org/a': {'https://x.org/p': [('v', 'ko', None)]}}
    >>> read_triples(b'<https://x.org/a> <https://x.org/p> "v .', format="nt")
    Traceback (most recent call last):
    ...
    asiaai_graph.utils.errors.DataError: 1 problem in the data:
      <records>:1: ...
    """
    import pyoxigraph

    rdflib = sys.modules.get("rdflib")  # a graph of rdflib's can only exist if rdflib is imported
    if rdflib is not None and isinstance(source, rdflib.Graph):
        return _rdflib_triples(source)
    name: str | None = None
    if isinstance(source, (str, os.PathLike)):
        name = os.fspath(source)
        kwargs: dict[str, Any] = {"path": name}
        fmt = _format(format, name)
        try:
            check_size(os.path.getsize(name), name, max_bytes)
        except OSError as exc:
            raise DataError([Problem(name, None, None, None, f"cannot read the file: {exc.strerror or exc}")]) \
                from None
        if fmt in _PRECHECKED:
            with open(name, "rb") as fh:
                kwargs = {"input": fh.read(max_bytes + 1)}
    elif isinstance(source, (bytes, bytearray, memoryview)) or hasattr(source, "read"):
        if format is None:
            raise ValueError("pass format=... to read RDF from bytes or a file object")
        name = getattr(source, "name", None) if hasattr(source, "read") else None
        data = bytes(source) if not hasattr(source, "read") else source.read(max_bytes + 1)
        kwargs = {"input": data}
        fmt = _format(format, None)
    elif isinstance(source, Iterable):
        return _ox_triples(source)
    else:
        raise TypeError(f"expected an rdflib.Graph, a pyoxigraph.Store, triples, bytes or a path, "
                        f"got {type(source).__name__}")
    if "input" in kwargs:
        check_document(kwargs["input"], fmt, name, max_bytes)
    quads = pyoxigraph.parse(format=getattr(pyoxigraph.RdfFormat, _OX_FORMATS[fmt]), base_iri=check_base(base),
                             **kwargs)
    try:
        return _ox_triples(quads)._replace(file=name)
    except SyntaxError as exc:
        raise DataError([Problem(name, exc.lineno, None, None, f"not valid {fmt}: {exc.msg}")]) from None
    except MemoryError as exc:  # Oxigraph's bound on one term (16 MiB), or the machine's
        raise DataError([Problem(name, None, None, None, f"a term too large to read: {exc}")]) from None


