"""What the reader refuses once a document is parsed: words of the vocabulary it does not know.

Oxigraph accepts any predicate and any class; the reader fills fields from the
predicates it knows and would pass over the rest. A predicate or class in the
``aag:`` namespace that the vocabulary does not declare is a typo (``aag:kindd``,
``aag:Organisation``) whose values would be lost without a word, so each is a
problem. (Text with control characters or bidirectional overrides is read as it
is: the YAML writer escapes it, so ``asiaai-graph pull`` writes files its loader
reads back.)

Examples
--------
>>> from asiaai_graph.rdf.read.parse import read_triples
>>> doc = b'@prefix aag: <https://w3id.org/asiaai-graph/ontology#> . <x> a aag:Organisation ; aag:kindd "lab" .'
>>> for p in term_problems(read_triples(doc, "turtle", "https://example.org/"), {}):
...     print(p.message)
aag:Organisation is no class of the vocabulary: the node would be lost without a word
aag:kindd is no property of the vocabulary: its value would be lost without a word
"""

from __future__ import annotations

from functools import cache

from asiaai_graph.rdf.mapping import AAG, RDF_TYPE
from asiaai_graph.rdf.read.parse import Triples
from asiaai_graph.utils.errors import Problem

__all__ = ["term_problems"]


@cache
def _vocabulary() -> frozenset[str]:
    """Every IRI the ``aag:`` vocabulary declares (imported on first use: rdflib is heavy)."""
    from asiaai_graph.rdf.vocab import AAG as VOCAB

    return frozenset(AAG + name for name in VOCAB.__annotations__)


def term_problems(triples: Triples, ids: dict[str, str]) -> list[Problem]:
    """Unknown ``aag:`` predicates and classes; ``ids`` names the records."""
    problems: list[Problem] = []
    for subject, by_pred in triples.props.items():
        for pred, values in by_pred.items():
            if pred.startswith(AAG) and pred not in _vocabulary():
                field = pred[len(AAG):]
                problems.append(Problem(triples.file, None, ids.get(subject, subject), field,
                                        f"aag:{field[:80]} is no property of the vocabulary: its value would be "
                                        "lost without a word"))
            if pred == RDF_TYPE:
                problems.extend(Problem(triples.file, None, ids.get(subject, subject), None,
                                        f"aag:{value[len(AAG):][:80]} is no class of the vocabulary: the node would "
                                        "be lost without a word")
                                for value in values if value.__class__ is str and value.startswith(AAG)
                                and value not in _vocabulary())
    return problems
