"""RDF for asiaai_graph: a published vocabulary, export, shapes, SPARQL and a lossless round trip.

* :func:`to_rdf` gives an :class:`rdflib.Graph`; :func:`serialize` writes
  ``turtle``, ``nt``, ``json-ld`` or ``xml`` (Turtle and N-Triples straight from
  the records: fast, and byte-identical across runs);
* :func:`from_rdf` reads an export back, equal record for record;
* :func:`sparql` runs a query over the export;
* :func:`validate` checks a graph against the SHACL shapes (needs ``pyshacl``).

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

from typing import TYPE_CHECKING

from asiaai_graph.rdf.export import serialize, to_rdf
from asiaai_graph.rdf.mapping import AAG as NAMESPACE
from asiaai_graph.rdf.mapping import DEFAULT_BASE
from asiaai_graph.rdf.read import from_rdf
from asiaai_graph.rdf.sparql import sparql

if TYPE_CHECKING:
    import rdflib

__all__ = ["DEFAULT_BASE", "NAMESPACE", "from_rdf", "serialize", "sparql", "to_rdf", "validate"]


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
