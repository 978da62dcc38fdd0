"""GraphML, GEXF and node-link JSON, written by networkx's own writers.

Gephi, Cytoscape, yEd and ``networkx.read_*`` open these files. Every record
is a node whose attributes are the record's flat columns (see
:mod:`asiaai_graph.readwrite`: strings, numbers and booleans only, several
values joined with ``"; "``), plus ``record_type`` and ``label`` (the English
name). Every relation is an edge whose key is the relation name (also in the
``relation`` attribute), with the relation's own attributes (``lead``,
``role``, ``current``). Each entity has one ``cites`` edge to each source it
cites, with the quotes (``quotes``) and notes (``notes``) one per line.

Output is deterministic: records in id order, no timestamps.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from asiaai_graph.readwrite.flat import Scalar, flatten
from asiaai_graph.schema import Entity

if TYPE_CHECKING:
    import networkx as nx

    from asiaai_graph.graph.knowledge_graph import KnowledgeGraph

__all__ = ["FORMATS", "guess_format", "to_networkx", "write"]

#: Format name -> file suffix.
FORMATS: dict[str, str] = {"graphml": ".graphml", "gexf": ".gexf", "json": ".json"}


def guess_format(path: str | os.PathLike[str]) -> str:
    """The format a file name asks for, from its suffix.

    >>> guess_format("asiaai.graphml"), guess_format("out/asiaai.GEXF"), guess_format("g.json")
    ('graphml', 'gexf', 'json')
    >>> guess_format("asiaai.csv")
    Traceback (most recent call last):
    ...
    ValueError: cannot tell the graph format of 'asiaai.csv'; use a .graphml, .gexf or .json file or pass format=
    """
    suffix = Path(path).suffix.lower()
    for name, ext in FORMATS.items():
        if suffix == ext:
            return name
    raise ValueError(
        f"cannot tell the graph format of {str(path)!r}; use a .graphml, .gexf or .json file or pass format="
    )


def _promote_numbers(items: list[dict[str, Any]]) -> None:
    """Make every attribute one type across nodes (or edges): ints become floats where a float shows up."""
    floats = {k for attrs in items for k, v in attrs.items() if isinstance(v, float)}
    for attrs in items:
        for k in floats & attrs.keys():
            if not isinstance(attrs[k], bool):
                attrs[k] = float(attrs[k])


def to_networkx(kg: KnowledgeGraph) -> nx.MultiDiGraph[str]:
    """The graph with every record flattened into scalar node attributes, ready for any writer.

    Unlike ``kg.graph`` (whose nodes hold the record objects) every attribute
    here is a string, a number or a boolean.

    Examples
    --------
    >>> import asiaai_graph as ag
    >>> from asiaai_graph.readwrite.graphformats import to_networkx
    >>> g = to_networkx(ag.load())
    >>> g.nodes["deepseek-v3"]["developer_names"], g.nodes["deepseek-v3"]["record_type"]
    ('DeepSeek', 'model')
    >>> g.has_edge("deepseek-v3", "deepseek", key="developed_by")
    True
    """
    import networkx as nx

    from asiaai_graph import __version__

    g: nx.MultiDiGraph[str] = nx.MultiDiGraph(name="asiaai_graph", version=__version__)
    nodes: list[tuple[str, dict[str, Any]]] = []
    for rid, record in kg.items():
        row: dict[str, Scalar] = {"record_type": record.record_type, "label": record.label}
        row.update((k, v) for k, v in flatten(kg, record).items() if k != "id")
        nodes.append((rid, row))
    _promote_numbers([attrs for _, attrs in nodes])
    g.add_nodes_from(nodes)

    edges: list[tuple[str, str, str, dict[str, Any]]] = []
    for e in kg.edges():
        edges.append((e.source, e.target, e.relation, {"relation": e.relation, **dict(e.attrs)}))
    for rid, record in kg.items():
        if not isinstance(record, Entity):
            continue
        cited: dict[str, tuple[list[str], list[str]]] = {}
        for c in record.sources:
            quotes, notes = cited.setdefault(c.source, ([], []))
            if c.quote:
                quotes.append(c.quote)
            if c.note:
                notes.append(c.note)
        for source, (quotes, notes) in cited.items():
            attrs: dict[str, Any] = {"relation": "cites"}
            if quotes:
                attrs["quotes"] = "\n".join(quotes)
            if notes:
                attrs["notes"] = "\n".join(notes)
            edges.append((rid, source, "cites", attrs))
    _promote_numbers([attrs for *_, attrs in edges])
    g.add_edges_from(edges)
    return g


def _node_link(g: nx.MultiDiGraph[str]) -> dict[str, Any]:
    import networkx as nx

    try:
        data: dict[str, Any] = nx.node_link_data(g, edges="edges")
    except TypeError:  # networkx < 3.4 names them "links"
        data = nx.node_link_data(g)
    return data


def write(kg: KnowledgeGraph, path: str | os.PathLike[str], format: str | None = None) -> None:
    """Write the graph to ``path`` as ``graphml``, ``gexf`` or node-link ``json`` (default: from the suffix).

    Examples
    --------
    >>> import asiaai_graph as ag, tempfile, pathlib, networkx as nx
    >>> from asiaai_graph.readwrite.graphformats import write
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "asiaai.gexf"
    >>> write(ag.load(), out)
    >>> nx.read_gexf(out).nodes["deepseek"]["label"]
    'DeepSeek'
    >>> write(ag.load(), out, format="dot")
    Traceback (most recent call last):
    ...
    ValueError: unknown graph format 'dot'; one of: graphml, gexf, json
    """
    import networkx as nx

    if format is None:
        format = guess_format(path)
    if format not in FORMATS:
        raise ValueError(f"unknown graph format {format!r}; one of: {', '.join(FORMATS)}")
    g = to_networkx(kg)
    target = Path(path)
    if format == "graphml":
        nx.write_graphml(g, target, encoding="utf-8", prettyprint=True, infer_numeric_types=True)
    elif format == "gexf":
        text = "\n".join(nx.generate_gexf(g, encoding="utf-8", prettyprint=True))
        text = re.sub(r' lastmodifieddate="[^"]*"', "", text, count=1)  # keep the file deterministic
        target.write_text(text + "\n", encoding="utf-8")
    else:
        with target.open("w", encoding="utf-8") as f:
            json.dump(_node_link(g), f, ensure_ascii=False, indent=1)
            f.write("\n")
