"""What the reader refuses once a document is parsed: words of the vocabulary it does not know, and hidden text.

Oxigraph accepts any predicate and any class; the reader fills fields from the
predicates it knows and would pass over the rest. A predicate or class in the
``aag:`` namespace that the vocabulary does not declare is a typo (``aag:kindd``,
``aag:Organisation``) whose values would be lost without a word, so each is a
problem. A literal holding a character the YAML loader refuses (control
characters, bidirectional overrides: :data:`~asiaai_graph.datafiles.files.FORBIDDEN_CHARACTERS`)
is refused here too, so that a graph read from RDF can always be written as
YAML its loader reads back (``asiaai-graph pull``).

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

import unicodedata
from functools import cache

from asiaai_graph.datafiles.files import FORBIDDEN_CHARACTERS
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
    """Unknown ``aag:`` predicates and classes, and literals with refused characters; ``ids`` names the records."""
    problems: list[Problem] = []
    known: frozenset[str] | None = None
    for subject, by_pred in triples.props.items():
        where = ids.get(subject, subject)
        for pred, values in by_pred.items():
            field = pred[len(AAG):] if pred.startswith(AAG) else pred
            if pred.startswith(AAG):
                known = known or _vocabulary()
                if pred not in known:
                    problems.append(Problem(triples.file, None, where, field,
                                            f"aag:{field[:80]} is no property of the vocabulary: its value would be "
                                            "lost without a word"))
            for value in values:
                if value.__class__ is str:
                    if pred == RDF_TYPE and value.startswith(AAG):
                        known = known or _vocabulary()
                        if value not in known:
                            problems.append(Problem(triples.file, None, where, None,
                                                    f"aag:{value[len(AAG):][:80]} is no class of the vocabulary: "
                                                    "the node would be lost without a word"))
                    continue
                bad = FORBIDDEN_CHARACTERS.search(value[0])
                if bad is not None:
                    ch = bad.group()
                    problems.append(Problem(triples.file, None, where, field,
                                            f"character U+{ord(ch):04X} "
                                            f"({unicodedata.name(ch, 'control character').lower()}) is not allowed "
                                            "in text: it hides or changes what the text says"))
    return problems
