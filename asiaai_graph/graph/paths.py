"""Shortest chains of relations between two records, over the graph's edge lists.

Examples
--------
>>> edges = [("deepseek-v3", "developed_by", "deepseek", ()), ("deepseek", "in_country", "CN", ())]
>>> out, into = {"deepseek-v3": [0], "deepseek": [1]}, {"deepseek": [0], "CN": [1]}
>>> shortest_path(edges, out, into, "CN", "deepseek-v3")
[('CN', '^in_country', 'deepseek'), ('deepseek', '^developed_by', 'deepseek-v3')]
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from asiaai_graph.graph.references import EdgeTuple

__all__ = ["Step", "shortest_path"]

Step = tuple[str, str, str]
"""``(from id, relation, to id)``; a relation followed backwards starts with ``^``."""

Adjacency = Mapping[str, Sequence[int]]


def _steps(edges: Sequence[EdgeTuple], out: Adjacency, into: Adjacency, node: str,
           forward: bool) -> Iterator[tuple[str, str]]:
    """Neighbours of ``node`` with the relation as read along the path's direction."""
    for n in out.get(node, ()):
        _, rel, target, _ = edges[n]
        yield target, (rel if forward else "^" + rel)
    for n in into.get(node, ()):
        source, rel, _, _ = edges[n]
        yield source, ("^" + rel if forward else rel)


def shortest_path(edges: Sequence[EdgeTuple], out: Adjacency, into: Adjacency, a: str, b: str) -> list[Step] | None:
    """The shortest chain of relations from ``a`` to ``b`` (``[]`` when equal), or ``None``.

    ``out`` and ``into`` map an id to the positions in ``edges`` of its
    outgoing and incoming relations. The search goes breadth-first from both
    ends, a whole level at a time, always growing the smaller side, so a hub
    such as a country is only expanded when no cheaper way remains.
    """
    if a == b:
        return []
    ahead: dict[str, tuple[str, str] | None] = {a: None}  # node -> (previous node, relation into node)
    behind: dict[str, tuple[str, str] | None] = {b: None}  # node -> (next node, relation out of node)
    front, back = [a], [b]
    while front and back:
        forward = len(front) <= len(back)
        level, seen, other = (front, ahead, behind) if forward else (back, behind, ahead)
        grown: list[str] = []
        meet: str | None = None
        for node in level:
            for nxt, rel in _steps(edges, out, into, node, forward):
                if nxt not in seen:
                    seen[nxt] = (node, rel)
                    grown.append(nxt)
                    if meet is None and nxt in other:
                        meet = nxt
        if meet is not None:
            return _chain(meet, ahead, behind)
        if forward:
            front = grown
        else:
            back = grown
    return None


def _chain(meet: str, ahead: dict[str, tuple[str, str] | None],
           behind: dict[str, tuple[str, str] | None]) -> list[Step]:
    chain: list[Step] = []
    node = meet
    while (step := ahead[node]) is not None:
        before, rel = step
        chain.append((before, rel, node))
        node = before
    chain.reverse()
    node = meet
    while (step := behind[node]) is not None:
        after, rel = step
        chain.append((node, rel, after))
        node = after
    return chain
