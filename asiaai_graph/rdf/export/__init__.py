"""Writing a :class:`~asiaai_graph.KnowledgeGraph` as RDF.

One walk over the records and the mapping table gives every triple
(:mod:`~asiaai_graph.rdf.export.triples`: :func:`blocks`), and every writer
shares it, so they cannot disagree:

* :mod:`~asiaai_graph.rdf.export.text`: :func:`to_turtle` and
  :func:`to_ntriples` write text directly (sorted by record id, escaped, no
  blank nodes, no hashing), byte-identical across runs; :func:`iter_ntriples`
  and :func:`iter_turtle` stream it in chunks;
* :mod:`~asiaai_graph.rdf.export.rdflib_graph`: :func:`to_rdf` builds an
  :class:`rdflib.Graph`, and JSON-LD and RDF/XML are written through it.

:func:`serialize` picks the writer by format name.

Examples
--------
>>> import asiaai_graph as ag
>>> kg = ag.load()
>>> text = to_turtle(kg)
>>> "<deepseek-v3> a aag:AIModel ;" in text
True
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import TYPE_CHECKING

from asiaai_graph.rdf.export.rdflib_graph import to_jsonld, to_rdf, to_xml
from asiaai_graph.rdf.export.text import iter_ntriples, iter_turtle, to_ntriples, to_turtle
from asiaai_graph.rdf.export.triples import Block, blocks
from asiaai_graph.rdf.mapping import FORMAT_NAMES, check_base

if TYPE_CHECKING:
    from asiaai_graph.graph.knowledge_graph import KnowledgeGraph

__all__ = [
    "Block",
    "FORMATS",
    "blocks",
    "check_base",
    "iter_ntriples",
    "iter_turtle",
    "serialize",
    "to_jsonld",
    "to_ntriples",
    "to_rdf",
    "to_turtle",
    "to_xml",
]

#: Format names :func:`serialize` accepts (rdflib's and the media types) -> the format written.
FORMATS = {name: fmt for name, fmt in FORMAT_NAMES.items()
           if fmt in ("turtle", "nt", "json-ld", "xml") and not name.startswith(".")}


def _chunks(kg: KnowledgeGraph, fmt: str, base: str | None, keep_records: bool) -> Iterator[str]:
    if fmt == "turtle":
        return iter_turtle(kg, base, keep_records=keep_records)
    if fmt == "nt":
        return iter_ntriples(kg, base, keep_records=keep_records)
    if fmt == "json-ld":
        return iter([to_jsonld(kg, base)])
    return iter([to_xml(kg, base)])


def serialize(
    kg: KnowledgeGraph,
    format: str = "turtle",
    destination: str | os.PathLike[str] | None = None,
    base: str | None = None,
) -> str | None:
    """Write the export as ``turtle``, ``nt``, ``json-ld`` or ``xml``; the text, or ``None`` with a destination.

    Turtle and N-Triples are written directly from the records (fast, stable
    bytes; to a file a chunk at a time); JSON-LD (compacted with the package's
    ``context.jsonld``) and RDF/XML are written by rdflib from :func:`to_rdf`.

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
    fmt = FORMATS.get(format.lower())
    if fmt is None:
        raise ValueError(f"unknown RDF format {format!r}; one of: turtle, nt, json-ld, xml")
    check_base(base)
    if destination is None:  # the whole text in memory: keep the records too, so the next export is fast
        return "".join(_chunks(kg, fmt, base, keep_records=True))
    with open(destination, "w", encoding="utf-8", newline="\n") as fh:
        for chunk in _chunks(kg, fmt, base, keep_records=False):
            fh.write(chunk)
    return None
