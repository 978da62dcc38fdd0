"""Checks of an RDF document before Oxigraph parses it: size, entity declarations, nesting, what JSON-LD would drop.

Oxigraph's parsers are strict about syntax but three things get past them:

* RDF/XML may declare entities in a DOCTYPE: a "billion laughs" of a few
  hundred bytes expands to gigabytes and aborts the process; RDF/XML nested
  thousands of levels deep, or an element with thousands of attributes, takes
  quadratic time. The document is first read by expat (C, linear), which
  refuses any entity declaration and bounds the nesting and the attributes.
* JSON-LD drops, without a word, a node whose ``@id`` is no IRI and a key that
  is neither a keyword, a term of a context, nor an IRI. The document is first
  walked (without recursion, nesting bounded) and each such place is a problem.
* Every document is held to ``max_bytes``.

Examples
--------
>>> check_document(b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>', "xml", None, 1000)
>>> check_document(b'<!DOCTYPE x [<!ENTITY a "b">]><x/>', "xml", "bomb.rdf", 1000)
Traceback (most recent call last):
...
asiaai_graph.utils.errors.DataError: 1 problem in the data:
  bomb.rdf:1: RDF/XML declares the entity 'a'; entity declarations are refused (they can expand to gigabytes)
"""

from __future__ import annotations

import json
import re
from typing import Any

from asiaai_graph.utils.errors import DataError, Problem

__all__ = ["MAX_ATTRIBUTES", "MAX_NESTING", "check_document", "check_size"]

#: How deep elements (RDF/XML) or objects and arrays (JSON-LD) may nest. The export nests 4 levels;
#: RDF/XML nested 20,000 levels took 10 s in Oxigraph (quadratic), 256 levels take milliseconds.
MAX_NESTING = 256
#: How many attributes one RDF/XML element may have. The export writes at most 3 (``rdf:about``,
#: ``rdf:datatype``, ``xml:lang``); Oxigraph reads an element's property attributes in quadratic time
#: (40,000 took 3.5 s, 200,000 over a minute, and Ctrl-C cannot stop it), 256 take milliseconds.
MAX_ATTRIBUTES = 256
#: Characters that make a string no IRI (RFC 3987), relative or absolute.
_NOT_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\\x7f-\x9f]')
#: The keywords of JSON-LD 1.1 (section 1.7); any other key that starts with ``@`` is dropped by expansion.
_KEYWORDS = frozenset({"@base", "@container", "@context", "@direction", "@graph", "@id", "@import", "@included",
                       "@index", "@json", "@language", "@list", "@nest", "@none", "@prefix", "@propagate",
                       "@protected", "@reverse", "@set", "@type", "@value", "@version", "@vocab"})


def check_size(size: int, name: str | None, max_bytes: int) -> None:
    """A :class:`DataError` when a document of ``size`` bytes is over ``max_bytes``."""
    if size > max_bytes:
        raise DataError([Problem(name, None, None, None,
                                 f"the document has {size} bytes, more than max_bytes={max_bytes}")])


def check_document(data: bytes, fmt: str, name: str | None, max_bytes: int) -> None:
    """Raise :class:`DataError` for a document that is too large, or that Oxigraph would misread (see above)."""
    check_size(len(data), name, max_bytes)
    if fmt == "xml":
        _check_xml(data, name)
    elif fmt == "json-ld":
        _check_json_ld(data, name)


def _check_xml(data: bytes, name: str | None) -> None:
    from xml.parsers import expat

    parser = expat.ParserCreate(namespace_separator=" ")
    depth = [0]

    class _Refused(Exception):
        pass

    def entity(entity_name: str, *_: Any) -> None:
        raise _Refused(f"RDF/XML declares the entity {entity_name!r}; entity declarations are refused "
                       "(they can expand to gigabytes)")

    def start(_name: str, attributes: Any) -> None:
        depth[0] += 1
        if depth[0] > MAX_NESTING:
            raise _Refused(f"RDF/XML nests elements more than {MAX_NESTING} deep")
        if len(attributes) > MAX_ATTRIBUTES:
            raise _Refused(f"an RDF/XML element has {len(attributes)} attributes, more than {MAX_ATTRIBUTES} "
                           "(Oxigraph reads them in quadratic time)")

    def end(*_: Any) -> None:
        depth[0] -= 1

    parser.EntityDeclHandler = entity
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    try:
        parser.Parse(data, True)
    except _Refused as exc:
        raise DataError([Problem(name, parser.CurrentLineNumber, None, None, str(exc))]) from None
    except expat.ExpatError as exc:
        raise DataError([Problem(name, exc.lineno, None, None, f"not valid xml: {expat.errors.messages[exc.code]}")]) \
            from None


def _check_json_ld(data: bytes, name: str | None) -> None:
    try:
        document = json.loads(data)
    except RecursionError:
        raise DataError([Problem(name, None, None, None, f"JSON-LD nests more than {MAX_NESTING} deep")]) from None
    except ValueError as exc:
        line = getattr(exc, "lineno", None)
        raise DataError([Problem(name, line, None, None, f"not valid json-ld: {exc}")]) from None
    problems = [Problem(name, None, None, None, message) for message in _dropped(document)]
    if problems:
        raise DataError(problems)


def _dropped(document: Any) -> list[str]:
    """What JSON-LD expansion would drop silently: ``@id`` values that are no IRI, keys that map to nothing."""
    terms: set[str] = set()
    literal: set[str] = {"@value"}  # keys whose values are literals (JSON literals included): not walked
    found: list[str] = []
    vocab = False  # a context with @vocab maps every plain key to an IRI
    stack: list[tuple[Any, str, int]] = [(document, "$", 0)]
    while stack:
        value, path, depth = stack.pop()
        if depth > MAX_NESTING:
            return [f"{path}: JSON-LD nests more than {MAX_NESTING} deep"]
        if isinstance(value, list):
            stack.extend((item, f"{path}[{i}]", depth + 1) for i, item in enumerate(value))
        elif isinstance(value, dict):
            context = value.get("@context")
            for ctx in context if isinstance(context, list) else [context]:
                if isinstance(ctx, dict):
                    terms.update(ctx)
                    vocab = vocab or isinstance(ctx.get("@vocab"), str)
                    literal.update(t for t, d in ctx.items() if isinstance(d, dict) and d.get("@type") == "@json")
            for key, item in value.items():
                here = f"{path}.{key}"
                if key == "@context" or key in literal:
                    continue
                if key == "@id" and isinstance(item, str) and _NOT_IRI.search(item):
                    found.append(f"{here}: {item[:100]!r} is not an IRI (JSON-LD would drop the node without a word)")
                stack.append((item, here, depth + 1))
            found.extend(f"{path}: the key {key[:100]!r} is neither a keyword, a term of the context nor an IRI "
                         "(JSON-LD would drop its value without a word)"
                         for key in value if key not in _KEYWORDS and key not in terms
                         and (key.startswith("@") or not vocab and ":" not in key))
    found.sort()
    return found
