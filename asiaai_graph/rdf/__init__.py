"""RDF for asiaai_graph: a published vocabulary, export, shapes, SPARQL and a lossless round trip.

* :func:`to_rdf` gives an :class:`rdflib.Graph`; :func:`serialize` writes
  ``turtle``, ``nt``, ``json-ld`` or ``xml`` (Turtle and N-Triples straight from
  the records: fast, and byte-identical across runs); :func:`iter_ntriples`
  streams N-Triples in chunks;
* :func:`from_rdf` reads an export back (parsed by Oxigraph), equal record for record;
* :func:`sparql` runs a query over the export (in an Oxigraph store);
* :func:`validate` checks a graph against the SHACL shapes (needs ``pyshacl``).

Modules, bottom to top: :mod:`~asiaai_graph.rdf.mapping` (the mapping table,
imports nothing of the package) and :mod:`~asiaai_graph.rdf.vocab` (the
ontology files, rdflib); the reader :mod:`~asiaai_graph.rdf.read`; the views
:mod:`~asiaai_graph.rdf.export` (triples, text writers, rdflib graph) and
:mod:`~asiaai_graph.rdf.sparql`. Nothing here is imported until it is used.

The vocabulary is ``https://w3id.org/asiaai-graph/ontology#`` (prefix ``aag``,
see :class:`~asiaai_graph.rdf.vocab.AAG` and ``ontology.ttl``); records are
IRIs under a configurable base, by default ``https://w3id.org/asiaai-graph/id/``
(``…/id/deepseek-v3``, ``…/id/CN``), and the nodes a record owns are fragments
of its IRI (``…/id/deepseek-v3#parameters``), so the export has no blank nodes.

Examples
--------
>>> import asiaai_graph as ag
>>> kg = ag.load()
>>> print(kg.serialize(format="turtle").split("\\n\\n<deepseek-v3> ")[1].split(" .\\n")[0])
a aag:AIModel ;
    dcterms:identifier "deepseek-v3" ;
    rdfs:label "DeepSeek-V3"@en ;
    skos:prefLabel "딥시크 V3"@ko ;
...
    aag:developedBy <deepseek> ;
...
    aag:parameters <deepseek-v3#parameters> ;
    aag:activeParameters <deepseek-v3#active-parameters> ;
...
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import rdflib

    from asiaai_graph.rdf.export import iter_ntriples, serialize, to_ntriples, to_rdf, to_turtle
    from asiaai_graph.rdf.mapping import AAG as NAMESPACE
    from asiaai_graph.rdf.mapping import DEFAULT_BASE
    from asiaai_graph.rdf.read import from_rdf

# Imported now, not lazily: the function shares its name with the module asiaai_graph.rdf.sparql,
# and binding it here keeps ``asiaai_graph.rdf.sparql`` the function whatever is imported first.
# The module imports only the mapping table (and rdflib-free stdlib) until a query runs.
from asiaai_graph.rdf.sparql import sparql

__all__ = [
    "DEFAULT_BASE",
    "NAMESPACE",
    "from_rdf",
    "iter_ntriples",
    "serialize",
    "sparql",
    "to_ntriples",
    "to_rdf",
    "to_turtle",
    "validate",
]

# name -> (module, attribute): imported on first use, so ``import asiaai_graph.rdf`` stays cheap
# and imports neither rdflib nor pyoxigraph (nor the writers, nor the reader's schema and graph modules).
_LAZY = {
    "DEFAULT_BASE": ("asiaai_graph.rdf.mapping", "DEFAULT_BASE"),
    "NAMESPACE": ("asiaai_graph.rdf.mapping", "AAG"),
    "from_rdf": ("asiaai_graph.rdf.read", "from_rdf"),
    "iter_ntriples": ("asiaai_graph.rdf.export", "iter_ntriples"),
    "serialize": ("asiaai_graph.rdf.export", "serialize"),
    "to_ntriples": ("asiaai_graph.rdf.export", "to_ntriples"),
    "to_rdf": ("asiaai_graph.rdf.export", "to_rdf"),
    "to_turtle": ("asiaai_graph.rdf.export", "to_turtle"),
}


def __getattr__(name: str) -> Any:
    try:
        module, attribute = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    value = getattr(importlib.import_module(module), attribute)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


def validate(graph: rdflib.Graph) -> tuple[bool, str]:
    """Check ``graph`` against the package's SHACL shapes; ``(conforms, report text)``.

    Needs ``pyshacl`` (``pip install pyshacl``, or the ``test`` extra).

    Examples
    --------
    >>> import asiaai_graph as ag
    >>> conforms, report = validate(ag.load().to_rdf())
    >>> conforms
    True
    """
    from pyshacl import validate as shacl_validate

    from asiaai_graph.rdf.vocab import shapes

    conforms, _, text = shacl_validate(graph, shacl_graph=shapes(), inference="none", advanced=True)
    return bool(conforms), str(text)
