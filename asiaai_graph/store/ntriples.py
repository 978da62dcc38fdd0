"""The RDF export as a stream of N-Triples lines, for pushing a graph of any size.

:func:`iter_ntriples` yields the same text as
:func:`asiaai_graph.rdf.export.to_ntriples`, line by line, so a push never holds
the whole document. It is written on the public
:func:`asiaai_graph.rdf.export.blocks` generator; once ``rdf.export`` offers a
streaming writer of its own, this module can hand over to it.

Examples
--------
>>> import asiaai_graph as ag
>>> from asiaai_graph.rdf.export import to_ntriples
>>> kg = ag.load()
>>> "".join(iter_ntriples(kg)) == to_ntriples(kg)
True
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from asiaai_graph.rdf.export import blocks

if TYPE_CHECKING:
    from asiaai_graph.graph import KnowledgeGraph

__all__ = ["iter_ntriples"]

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_ESCAPE = re.compile(r'["\\\x00-\x1f\x7f]')
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def _escape_char(m: re.Match[str]) -> str:
    c = m.group()
    return _ESCAPES.get(c) or f"\\u{ord(c):04X}"


def _literal(lex: str, lang: str | None, dt: str | None) -> str:
    text = '"' + (lex if _ESCAPE.search(lex) is None else _ESCAPE.sub(_escape_char, lex)) + '"'
    if lang:
        return text + "@" + lang
    if dt and dt != _XSD_STRING:
        return text + "^^<" + dt + ">"
    return text


def iter_ntriples(kg: KnowledgeGraph, base: str | None = None) -> Iterator[str]:
    """The N-Triples export of ``kg``, one line (ending in ``\\n``) at a time, records in id order.

    Memory stays flat: one record's triples are built at a time (plus a cache of
    at most 100,000 rendered IRIs).

    Examples
    --------
    >>> import asiaai_graph as ag
    >>> print(next(line for line in iter_ntriples(ag.load()) if "/id/CN> " in line), end="")
    <https://w3id.org/asiaai-graph/id/CN> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/asiaai-graph/ontology#Country> .
    """
    iris: dict[str, str] = {}
    for subject, po in blocks(kg, base):
        s = "<" + subject + "> "
        seen: set[tuple[str, Any]] = set()
        for pred, obj in po:
            if (pred, obj) in seen:
                continue
            seen.add((pred, obj))
            p = iris.get(pred)
            if p is None:
                p = "<" + pred + ">"  # no trailing space: the same cache renders objects
                if len(iris) < 100_000:
                    iris[pred] = p
            if obj.__class__ is str:
                o = iris.get(obj)
                if o is None:
                    o = "<" + obj + ">"
                    if len(iris) < 100_000:
                        iris[obj] = o
            else:
                o = _literal(*obj)
            yield s + p + " " + o + " .\n"
