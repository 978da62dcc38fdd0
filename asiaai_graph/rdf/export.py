"""Writing a :class:`~asiaai_graph.KnowledgeGraph` as RDF.

One generator, :func:`blocks`, turns the records into triples grouped by
subject (a record, then the nodes it owns: quantities, money, citations,
sequences...), with terms as plain strings and tuples. Three consumers share
it, so they cannot disagree:

* :func:`to_turtle` and :func:`to_ntriples` write text directly (sorted by
  record id, escaped, no blank nodes, no hashing), byte-identical across runs;
* :func:`to_rdf` builds an :class:`rdflib.Graph` from the same triples.

JSON-LD and RDF/XML go through rdflib.

Examples
--------
>>> import asiaai_graph as ag
>>> from asiaai_graph.rdf.export import to_turtle
>>> kg = ag.load()
>>> text = to_turtle(kg)
>>> "<deepseek-v3> a aag:AIModel ;" in text
True
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from asiaai_graph.rdf.mapping import (
    CLASSES,
    FIELDS,
    IDENTIFIER,
    NODE_CLASSES,
    PREFIXES,
    QUALIFIED,
    QUALIFIERS,
    RDF,
    RDF_TYPE,
    RDFS,
    SEQUENCE,
    SEQUENCE_OF,
    SUB_FIELDS,
    WAS_DERIVED_FROM,
    WD,
    XSD,
    FieldMap,
    check_base,
)

if TYPE_CHECKING:
    import rdflib

    from asiaai_graph.graph import KnowledgeGraph
    from asiaai_graph.schema import Record

__all__ = ["blocks", "check_base", "serialize", "to_ntriples", "to_rdf", "to_turtle"]

#: A literal: (lexical form, language tag or None, datatype IRI or None).
Lit = tuple[str, "str | None", "str | None"]
#: A term: an IRI (a ``str``) or a literal (a tuple).
Term = Any
PO = list[tuple[str, Term]]
Block = tuple[str, PO]

_XSD_STRING = XSD + "string"
_XSD_INTEGER = XSD + "integer"
_XSD_DECIMAL = XSD + "decimal"
_XSD_BOOLEAN = XSD + "boolean"
_TRUE: Lit = ("true", None, _XSD_BOOLEAN)
_FALSE: Lit = ("false", None, _XSD_BOOLEAN)
_DATE_TYPES = {"year": XSD + "gYear", "month": XSD + "gYearMonth", "day": XSD + "date"}
_IRI_BAD = re.compile(r'[\x00-\x20<>"{}|^`\\]')
def _decimal(value: Decimal) -> str:
    """An ``xsd:decimal`` lexical form (no exponent), keeping the stated digits."""
    text = format(value, "f")
    return "0" if text == "-0" else text


class _Blocks:
    """Turns records into (subject, [(predicate, object), ...]) blocks."""

    def __init__(self, kg: KnowledgeGraph, base: str) -> None:
        self.base = base
        self.sep = "/" if "#" in base else "#"
        self.source_lang: dict[str, str] = {r.id: r.language for r in kg.records("source")}  # type: ignore[attr-defined]
        # Triples whose subject is another record: reverse relations (parties, investors).
        self.reverse: dict[str, PO] = {}
        rev_fields = {
            rt: [fm for fm in maps if fm.kind == "rev_refs"] for rt, maps in FIELDS.items()
        }
        qualified_rev = {rt: [(f, p, k) for (t, f), (p, k, rev) in QUALIFIED.items() if t == rt and rev]
                         for rt in FIELDS}
        for record in kg.values():
            rt = record.record_type
            if not rev_fields[rt] and not qualified_rev[rt]:
                continue
            iri = base + record.id
            for fm in rev_fields[rt]:
                for target in getattr(record, fm.field):
                    self.reverse.setdefault(target, []).append((fm.predicate, iri))
            for field, pred, key in qualified_rev[rt]:
                for sub in getattr(record, field):
                    self.reverse.setdefault(getattr(sub, key), []).append((pred, iri))

    def record(self, record: Record) -> list[Block]:
        rt = record.record_type
        iri = self.base + record.id
        po: PO = [(RDF_TYPE, CLASSES[rt]), (IDENTIFIER, (record.id, None, None))]
        out: list[Block] = [(iri, po)]
        lang = getattr(record, "language", None)
        self.fields(record, rt, FIELDS[rt], iri, iri + self.sep, po, out, lang)
        extra = self.reverse.get(record.id)
        if extra:
            po.extend(extra)
        return out

    def fields(
        self,
        obj: Any,
        owner: str,
        maps: list[FieldMap],
        iri: str,
        frag: str,
        po: PO,
        out: list[Block],
        lang: str | None,
    ) -> None:
        """Append the triples of ``obj``'s fields to ``po``; owned nodes go to ``out``.

        ``frag`` is the IRI prefix of nodes owned by ``obj`` (``<record#>``, or
        ``<record#goal-1->`` inside a goal).
        """
        base = self.base
        for fm in maps:
            value = getattr(obj, fm.field)
            if value is None:
                continue
            kind = fm.kind
            pred = fm.predicate
            if kind == "str":
                po.append((pred, (value, None, None)))
            elif kind == "ref":
                po.append((pred, base + value))
            elif kind == "refs" or kind == "strs" or kind == "rev_refs":
                if not value:
                    continue
                terms: list[Term] = (
                    [(v, None, None) for v in value] if kind == "strs" else [base + v for v in value]
                )
                if kind != "rev_refs":
                    po.extend([(pred, t) for t in terms])
                if len(terms) > 1:
                    self.seq(frag + fm.field.replace("_", "-") + "-seq", pred, terms, po, out)
            elif kind == "lang":
                po.append((pred, (value, fm.arg, None)))
            elif kind == "doc_lang":
                po.append((pred, (value, lang, None)))
            elif kind == "labels":
                po.extend([(pred, (text, tag, None)) for tag, text in sorted(value.items())])
            elif kind == "date":
                po.append((pred, (value.isoformat(), None, _DATE_TYPES[value.precision])))
                if value.approximate:
                    po.append((fm.arg, _TRUE))
            elif kind == "node":
                node = frag + fm.field.replace("_", "-")
                po.append((pred, node))
                self.node(fm.arg, value, node, owner, out, lang)
            elif kind == "nodes":
                if not value:
                    continue
                direct = QUALIFIED.get((owner, fm.field))
                nodes: list[Term] = []
                name = "citation" if fm.field == "sources" else fm.field.rstrip("s")
                for i, sub in enumerate(value, 1):
                    node = f"{frag}{name}-{i}"
                    nodes.append(node)
                    po.append((pred, node))
                    if direct is not None and not direct[2]:
                        po.append((direct[0], base + getattr(sub, direct[1])))
                    sub_lang = self.source_lang.get(sub.source) if fm.arg == "citation" else lang
                    self.node(fm.arg, sub, node, owner, out, sub_lang)
                if fm.arg == "citation":
                    po.extend([(WAS_DERIVED_FROM, base + s) for s in dict.fromkeys(c.source for c in value)])
                if len(nodes) > 1:
                    self.seq(frag + fm.field.replace("_", "-") + "-seq", pred, nodes, po, out)
            elif kind == "qualifier":
                po.append((pred, QUALIFIERS[value]))
            elif kind == "decimal":
                po.append((pred, (_decimal(value), None, _XSD_DECIMAL)))
            elif kind == "int":
                po.append((pred, (str(value), None, _XSD_INTEGER)))
            elif kind == "bool":
                po.append((pred, _TRUE if value else _FALSE))
            elif kind == "json":
                text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
                po.append((pred, (text, None, RDF + "JSON")))
            elif kind == "wikidata":
                po.append((pred, WD + value))
            elif kind == "url":
                po.append((pred, (value, None, XSD + "anyURI") if _IRI_BAD.search(value) else value))
            elif kind == "language":
                po.append((pred, (value, None, XSD + "language")))
            elif kind == "agent":
                node = frag + pred.rsplit("/", 1)[-1]
                label = (value, fm.arg or None, None)
                for subject, agent_po in out:
                    if subject == node:
                        agent_po.append((RDFS + "label", label))
                        break
                else:
                    po.append((pred, node))
                    out.append((node, [(RDF_TYPE, NODE_CLASSES["agent"]), (RDFS + "label", label)]))
            else:  # pragma: no cover - the mapping table and this switch are tested together
                raise AssertionError(f"unknown field kind {kind!r}")

    def node(self, kind: str, obj: Any, node: str, owner: str, out: list[Block], lang: str | None) -> None:
        po: PO = [(RDF_TYPE, NODE_CLASSES[kind])]
        out.append((node, po))
        self.fields(obj, owner, SUB_FIELDS[kind], node, node + "-", po, out, lang)

    def seq(self, node: str, pred: str, members: list[Term], po: PO, out: list[Block]) -> None:
        po.append((SEQUENCE, node))
        seq_po: PO = [(RDF_TYPE, NODE_CLASSES["seq"]), (SEQUENCE_OF, pred)]
        seq_po.extend([(f"{RDF}_{i}", m) for i, m in enumerate(members, 1)])
        out.append((node, seq_po))


def blocks(kg: KnowledgeGraph, base: str | None = None) -> Iterator[Block]:
    """Every triple of the export, grouped by subject, in a stable order.

    Yields ``(subject IRI, [(predicate IRI, object), ...])`` where an object is
    an IRI string or a ``(lexical form, language, datatype)`` tuple. A subject
    appears in exactly one block; records come in id order, each followed by
    the nodes it owns.

    Examples
    --------
    >>> import asiaai_graph as ag
    >>> [(s, po[:2]) for s, po in blocks(ag.load()) if s.endswith("/deepseek")]
    [('https://w3id.org/asiaai-graph/id/deepseek', [('http://www.w3.org/1999/02/22-rdf-syntax-ns#type', 'https://w3id.org/asiaai-graph/ontology#Organization'), ('http://purl.org/dc/terms/identifier', ('deepseek', None, None))])]
    """
    maker = _Blocks(kg, check_base(base))
    for record in kg.values():
        yield from maker.record(record)


# --- text writers ---------------------------------------------------------------------------------

_ESCAPE = re.compile(r'["\\\x00-\x1f\x7f]')
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def _escape_char(m: re.Match[str]) -> str:
    c = m.group()
    return _ESCAPES.get(c) or f"\\u{ord(c):04X}"


def _quote(text: str) -> str:
    if _ESCAPE.search(text) is None:
        return '"' + text + '"'
    return '"' + _ESCAPE.sub(_escape_char, text) + '"'


def to_ntriples(kg: KnowledgeGraph, base: str | None = None) -> str:
    """The export as N-Triples: one triple a line, UTF-8, records in id order.

    Examples
    --------
    >>> import asiaai_graph as ag
    >>> lines = to_ntriples(ag.load()).splitlines()
    >>> print([line for line in lines if line.startswith("<https://w3id.org/asiaai-graph/id/CN> ")][0])
    <https://w3id.org/asiaai-graph/id/CN> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/asiaai-graph/ontology#Country> .
    """
    iris: dict[str, str] = {}
    parts: list[str] = []
    append = parts.append
    for subject, po in blocks(kg, base):
        s = "<" + subject + "> "
        seen: set[tuple[str, Term]] = set()
        for pred, obj in po:
            if (pred, obj) in seen:
                continue
            seen.add((pred, obj))
            p = iris.get(pred)
            if p is None:
                p = iris[pred] = "<" + pred + "> "
            if obj.__class__ is str:
                o = iris.get(obj)
                if o is None:
                    o = "<" + obj + ">"
                    if len(iris) < 500_000:
                        iris[obj] = o
            else:
                lex, lang, dt = obj
                o = _quote(lex)
                if lang:
                    o += "@" + lang
                elif dt and dt != _XSD_STRING:
                    o += "^^<" + dt + ">"
            append(s + p + o + " .\n")
    return "".join(parts)


_PN_LOCAL = re.compile(r"^[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?$")
_RELATIVE = re.compile(r"^[A-Za-z0-9_-]+(?:[#/][A-Za-z0-9_-]+)*$")
_SIMPLE_BASE = re.compile(r"^https?://[^/?#\s]+/(?:[^?#\s]*/)?$")


class _TurtleTerms:
    """Renders IRIs as prefixed names, or relative to ``@base``, with caching."""

    def __init__(self, base: str) -> None:
        self.base = base if _SIMPLE_BASE.match(base) and "/./" not in base and "/../" not in base else None
        self.names: dict[str, str] = {RDF_TYPE: "a"}
        self.prefixes = sorted(PREFIXES.items(), key=lambda kv: -len(kv[1]))

    def iri(self, iri: str) -> str:
        name = self.names.get(iri)
        if name is not None:
            return name
        name = "<" + iri + ">"
        if self.base is not None and iri.startswith(self.base):
            rest = iri[len(self.base):]
            if _RELATIVE.match(rest):
                name = "<" + rest + ">"
        else:
            for prefix, ns in self.prefixes:
                if iri.startswith(ns) and _PN_LOCAL.match(iri[len(ns):]):
                    name = prefix + ":" + iri[len(ns):]
                    break
        if len(self.names) < 500_000:
            self.names[iri] = name
        return name

    def literal(self, lit: Lit) -> str:
        lex, lang, dt = lit
        if lang:
            return _quote(lex) + "@" + lang
        if dt is None or dt == _XSD_STRING:
            return _quote(lex)
        if dt == _XSD_BOOLEAN or (dt == _XSD_INTEGER and lex.lstrip("-").isdigit() and lex.isascii()):
            return lex
        return _quote(lex) + "^^" + self.iri(dt)


def to_turtle(kg: KnowledgeGraph, base: str | None = None) -> str:
    """The export as Turtle: prefixes, ``@base``, then one block per subject in id order.

    Examples
    --------
    >>> import asiaai_graph as ag
    >>> print(to_turtle(ag.load()).split("\\n\\n<CN> ")[1].split(" .\\n")[0])
    a aag:Country ;
        dcterms:identifier "CN" ;
        rdfs:label "China"@en ;
    ...
    """
    base = check_base(base)
    terms = _TurtleTerms(base)
    head = [f"@prefix {p}: <{ns}> .\n" for p, ns in PREFIXES.items()]
    if terms.base is not None:
        head.append(f"@base <{terms.base}> .\n")
    parts: list[str] = ["".join(head)]
    append = parts.append
    iri = terms.iri
    literal = terms.literal
    for subject, po in blocks(kg, base):
        groups: dict[str, dict[str, None]] = {}
        for pred, obj in po:
            o = iri(obj) if obj.__class__ is str else literal(obj)
            group = groups.get(pred)
            if group is None:
                groups[pred] = {o: None}
            else:
                group[o] = None
        body = " ;\n    ".join(iri(p) + " " + ", ".join(objs) for p, objs in groups.items())
        append("\n" + iri(subject) + " " + body + " .\n")
    return "".join(parts)


# --- rdflib ---------------------------------------------------------------------------------------


def to_rdf(kg: KnowledgeGraph, base: str | None = None) -> rdflib.Graph:
    """The export as an :class:`rdflib.Graph`, with the vocabulary prefixes bound.

    Holds exactly the triples of :func:`to_turtle`.

    Examples
    --------
    >>> import asiaai_graph as ag
    >>> from rdflib import URIRef
    >>> from asiaai_graph.rdf.vocab import AAG
    >>> g = to_rdf(ag.load())
    >>> (URIRef("https://w3id.org/asiaai-graph/id/deepseek-v3"), AAG.developedBy,
    ...  URIRef("https://w3id.org/asiaai-graph/id/deepseek")) in g
    True
    """
    from rdflib import Graph, Literal, URIRef

    base = check_base(base)
    graph = Graph(bind_namespaces="none")
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True)
    graph.bind("aagid", base, override=True)
    iris: dict[str, URIRef] = {}

    def term(t: Term) -> Any:
        if t.__class__ is str:
            u = iris.get(t)
            if u is None:
                u = iris[t] = URIRef(t)
            return u
        lex, lang, dt = t
        if lang:
            return Literal(lex, lang=lang)
        return Literal(lex, datatype=term(dt) if dt and dt != _XSD_STRING else None)

    graph.addN(
        (term(subject), term(pred), term(obj), graph)
        for subject, po in blocks(kg, base)
        for pred, obj in po
    )
    return graph


def _jsonld(graph: rdflib.Graph, ctx: dict[str, Any]) -> str:
    """rdflib's compacted JSON-LD, with nodes and values sorted so the output is stable."""
    import json

    doc = json.loads(graph.serialize(format="json-ld", context=ctx, auto_compact=True))
    if isinstance(doc, list):  # an empty graph
        doc = {"@graph": doc}
    nodes = doc["@graph"] if "@graph" in doc else [{k: v for k, v in doc.items() if k != "@context"}]

    def key(value: Any) -> str:
        return json.dumps(value, sort_keys=True, ensure_ascii=False)

    for node in nodes:
        for name, value in node.items():
            if isinstance(value, list):
                node[name] = sorted(value, key=key)
    nodes.sort(key=lambda n: n.get("@id", ""))
    out = {"@context": ctx, "@graph": nodes}
    return json.dumps(out, ensure_ascii=False, indent=2) + "\n"


_FORMATS = {
    "turtle": "turtle",
    "ttl": "turtle",
    "text/turtle": "turtle",
    "nt": "nt",
    "ntriples": "nt",
    "nt11": "nt",
    "n-triples": "nt",
    "application/n-triples": "nt",
    "json-ld": "json-ld",
    "jsonld": "json-ld",
    "application/ld+json": "json-ld",
    "xml": "xml",
    "rdf/xml": "xml",
    "application/rdf+xml": "xml",
}


def serialize(
    kg: KnowledgeGraph,
    format: str = "turtle",
    destination: str | os.PathLike[str] | None = None,
    base: str | None = None,
) -> str | None:
    """Write the export as ``turtle``, ``nt``, ``json-ld`` or ``xml``; the text, or ``None`` with a destination.

    Turtle and N-Triples are written directly from the records (fast, stable
    bytes); JSON-LD (compacted with the package's ``context.jsonld``) and
    RDF/XML are written by rdflib from :func:`to_rdf`.

    Examples
    --------
    >>> import asiaai_graph as ag
    >>> serialize(ag.load(), format="nt").count("\\n") > 1000
    True
    >>> serialize(ag.load(), format="n3")
    Traceback (most recent call last):
    ...
    ValueError: unknown RDF format 'n3'; one of: turtle, nt, json-ld, xml
    """
    fmt = _FORMATS.get(format.lower())
    if fmt is None:
        raise ValueError(f"unknown RDF format {format!r}; one of: turtle, nt, json-ld, xml")
    if fmt == "turtle":
        text = to_turtle(kg, base)
    elif fmt == "nt":
        text = to_ntriples(kg, base)
    elif fmt == "json-ld":
        from asiaai_graph.rdf.vocab import context

        text = _jsonld(to_rdf(kg, base), context(check_base(base)))
    else:
        text = to_rdf(kg, base).serialize(format="xml")
    if destination is None:
        return text
    with open(destination, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)
    return None
