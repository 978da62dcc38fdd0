"""Turtle and N-Triples text, written straight from the records.

Both writers run :class:`~asiaai_graph.rdf.export.triples.Emitter` with an
encoding that gives text, so no triple is built as an object: records come
in id order, each followed by the nodes it owns, literals are escaped, there
are no blank nodes and no hashing, and the output is byte-identical across
runs and processes.

:func:`iter_ntriples` and :func:`iter_turtle` give the text in chunks of whole
lines (whole subject blocks for Turtle), so writing a file or sending it to a
triple store needs no more memory than one chunk.

Examples
--------
>>> import asiaai_graph as ag
>>> kg = ag.load()
>>> "<deepseek-v3> a aag:AIModel ;" in to_turtle(kg)
True
>>> next(iter_ntriples(kg)).startswith("<https://w3id.org/asiaai-graph/id/")
True
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from asiaai_graph.rdf.export.triples import Emitter, Encoding
from asiaai_graph.rdf.mapping import PREFIXES, RDF_TYPE, XSD_BOOLEAN, XSD_INTEGER, XSD_STRING, check_base

if TYPE_CHECKING:
    from asiaai_graph.graph.knowledge_graph import KnowledgeGraph

__all__ = ["NTriplesEncoding", "TurtleEncoding", "iter_ntriples", "iter_turtle", "quote", "to_ntriples", "to_turtle"]

#: About how many triples a chunk of :func:`iter_ntriples` / :func:`iter_turtle` holds.
CHUNK_TRIPLES = 2000

_ESCAPE = re.compile(r'["\\\x00-\x1f\x7f]')
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def _escape_char(m: re.Match[str]) -> str:
    c = m.group()
    return _ESCAPES.get(c) or f"\\u{ord(c):04X}"


def quote(text: str) -> str:
    """``text`` as a double-quoted Turtle / N-Triples string, escaped.

    Examples
    --------
    >>> print(quote('say "hi"\\n'))
    "say \\"hi\\"\\n"
    """
    if _ESCAPE.search(text) is None:
        return '"' + text + '"'
    return '"' + _ESCAPE.sub(_escape_char, text) + '"'


class NTriplesEncoding(Encoding[str]):
    """Terms as N-Triples text: every IRI absolute, in angle brackets.

    Examples
    --------
    >>> enc = NTriplesEncoding("https://example.org/id/")
    >>> enc.node("CN"), enc.typed("5", "http://www.w3.org/2001/XMLSchema#integer")
    ('<https://example.org/id/CN>', '"5"^^<http://www.w3.org/2001/XMLSchema#integer>')
    """

    def __init__(self, base: str) -> None:
        super().__init__(base)
        self.open = "<" + base

    def node(self, rel: str) -> str:
        return self.open + rel + ">"

    def iri(self, iri: str) -> str:
        return "<" + iri + ">"

    def plain(self, text: str) -> str:
        return quote(text)

    def tagged(self, text: str, lang: str) -> str:
        return quote(text) + "@" + lang

    def typed(self, lexical: str, datatype: str) -> str:
        return quote(lexical) + "^^<" + datatype + ">"


_PN_LOCAL = re.compile(r"^[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?$")
_RELATIVE = re.compile(r"^[A-Za-z0-9_-]+(?:[#/][A-Za-z0-9_-]+)*$")
_SIMPLE_BASE = re.compile(r"^https?://[^/?#\s]+/(?:[^?#\s]*/)?$")
_SAFE_ID = re.compile(r"^[A-Za-z0-9_-]+$")


class TurtleEncoding(Encoding[str]):
    """Terms as Turtle text: prefixed names for the vocabulary, records relative to ``@base``.

    ``relative`` says that every record id is safe to write relative to the
    base (see :func:`iter_turtle`); records are then ``<deepseek-v3>``, else
    full IRIs.

    Examples
    --------
    >>> enc = TurtleEncoding("https://w3id.org/asiaai-graph/id/", relative=True)
    >>> enc.node("deepseek-v3#parameters"), enc.const("https://w3id.org/asiaai-graph/ontology#AIModel")
    ('<deepseek-v3#parameters>', 'aag:AIModel')
    >>> enc.typed("2025-01", "http://www.w3.org/2001/XMLSchema#gYearMonth"), enc.typed("7", XSD_INTEGER)
    ('"2025-01"^^xsd:gYearMonth', '7')
    """

    def __init__(self, base: str, relative: bool = True) -> None:
        super().__init__(base)
        simple = _SIMPLE_BASE.match(base) is not None and "/./" not in base and "/../" not in base
        #: The ``@base`` of the document, or ``None`` if IRIs are written in full.
        self.at_base = base if simple else None
        self.open = "<" if simple and relative else "<" + base
        self.names: dict[str, str] = {}
        self.prefixes = sorted(PREFIXES.items(), key=lambda kv: -len(kv[1]))

    def node(self, rel: str) -> str:
        return self.open + rel + ">"

    def iri(self, iri: str) -> str:
        name = self.names.get(iri)
        if name is not None:
            return name
        name = "<" + iri + ">"
        if self.at_base is not None and iri.startswith(self.at_base):
            rest = iri[len(self.at_base):]
            if _RELATIVE.match(rest):
                name = "<" + rest + ">"
        else:
            for prefix, ns in self.prefixes:
                if iri.startswith(ns) and _PN_LOCAL.match(iri[len(ns):]):
                    name = prefix + ":" + iri[len(ns):]
                    break
        if len(self.names) < 100_000:
            self.names[iri] = name
        return name

    def predicate(self, iri: str) -> str:
        return "a" if iri == RDF_TYPE else self.const(iri)

    def plain(self, text: str) -> str:
        return quote(text)

    def tagged(self, text: str, lang: str) -> str:
        return quote(text) + "@" + lang

    def typed(self, lexical: str, datatype: str) -> str:
        if datatype == XSD_BOOLEAN or (datatype == XSD_INTEGER and lexical.lstrip("-").isdigit() and lexical.isascii()):
            return lexical
        if datatype == XSD_STRING:
            return quote(lexical)
        return quote(lexical) + "^^" + self.iri(datatype)


def iter_ntriples(kg: KnowledgeGraph, base: str | None = None, *, keep_records: bool = False) -> Iterator[str]:
    """The N-Triples export of ``kg`` in chunks of whole lines, so memory does not grow with the graph.

    Joined, the chunks are exactly :func:`to_ntriples`: one triple a line,
    UTF-8, records in id order, each followed by the nodes it owns, no
    duplicate line. Each chunk holds about :data:`CHUNK_TRIPLES` lines; write
    them to a file or a triple store's upload as they come. Records the walk
    decodes are not kept unless ``keep_records`` (faster a second time, but
    every record's model stays in memory).

    Examples
    --------
    >>> import asiaai_graph as ag
    >>> chunks = list(iter_ntriples(ag.load()))
    >>> all(chunk.endswith(" .\\n") for chunk in chunks), "".join(chunks) == to_ntriples(ag.load())
    (True, True)
    """
    emitter = Emitter(kg, NTriplesEncoding(check_base(base)))
    yield from _in_chunks(("".join([f"{subject} {p} {o} .\n" for p, o in po]), len(po))
                          for subject, po in emitter.blocks(keep_records))


def to_ntriples(kg: KnowledgeGraph, base: str | None = None) -> str:
    """The export as N-Triples: one triple a line, UTF-8, records in id order.

    Examples
    --------
    >>> import asiaai_graph as ag
    >>> lines = to_ntriples(ag.load()).splitlines()
    >>> print([line for line in lines if line.startswith("<https://w3id.org/asiaai-graph/id/CN> ")][0])
    <https://w3id.org/asiaai-graph/id/CN> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/asiaai-graph/ontology#Country> .
    """
    return "".join(iter_ntriples(kg, base, keep_records=True))


def iter_turtle(kg: KnowledgeGraph, base: str | None = None, *, keep_records: bool = False) -> Iterator[str]:
    """The Turtle export of ``kg`` in chunks: the prefixes and ``@base``, then whole subject blocks.

    Joined, the chunks are exactly :func:`to_turtle`. Records the walk decodes
    are not kept unless ``keep_records`` (see :func:`iter_ntriples`).

    Examples
    --------
    >>> import asiaai_graph as ag
    >>> print(next(iter_turtle(ag.load())).splitlines()[0])
    @prefix aag: <https://w3id.org/asiaai-graph/ontology#> .
    """
    base = check_base(base)
    relative = all(_SAFE_ID.match(rid) for rid in kg)
    enc = TurtleEncoding(base, relative=relative)
    head = [f"@prefix {p}: <{ns}> .\n" for p, ns in PREFIXES.items()]
    if enc.at_base is not None:
        head.append(f"@base <{enc.at_base}> .\n")
    yield "".join(head)
    yield from _in_chunks((_turtle_block(subject, po), len(po)) for subject, po in Emitter(kg, enc).blocks(keep_records))


def _turtle_block(subject: str, po: list[tuple[str, str]]) -> str:
    """One subject's triples as a Turtle block: ``;`` between predicates, ``,`` between objects."""
    # The emitter gives each predicate's triples together and without duplicates.
    groups: list[str] = []
    last = None
    for p, o in po:
        if p == last:
            groups[-1] += ", " + o
        else:
            groups.append(p + " " + o)
            last = p
    return "\n" + subject + " " + " ;\n    ".join(groups) + " .\n"


def _in_chunks(blocks: Iterable[tuple[str, int]]) -> Iterator[str]:
    """Texts of blocks (each with its number of triples) joined in chunks of about :data:`CHUNK_TRIPLES` triples."""
    parts: list[str] = []
    count = 0
    for text, triples in blocks:
        parts.append(text)
        count += triples
        if count >= CHUNK_TRIPLES:
            yield "".join(parts)
            parts.clear()
            count = 0
    if parts:
        yield "".join(parts)


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
    return "".join(iter_turtle(kg, base, keep_records=True))
