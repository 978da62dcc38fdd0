"""Walking the graph: ``kg.neighbors``, ``kg.path``, and the citations as pairs.

:class:`Traversal` is a part of :class:`~asiaai_graph.KnowledgeGraph`; it reads
the graph's edges and adjacency from :meth:`~asiaai_graph.KnowledgeGraph.state`
and records through item access, nothing private.

Examples
--------
>>> import asiaai_graph as ag
>>> [(a.id, rel, b.id) for a, rel, b in ag.load().path("deepseek-v3", "CN")]
[('deepseek-v3', 'developed_by', 'deepseek'), ('deepseek', 'in_country', 'CN')]
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from asiaai_graph.graph.paths import shortest_path
from asiaai_graph.schema.terms import RECORD_TYPE_NAMES

if TYPE_CHECKING:
    from asiaai_graph.graph.index import GraphState
    from asiaai_graph.graph.queries import EntityOrId
    from asiaai_graph.schema import Record

__all__ = ["Traversal"]


class Traversal:
    """Neighbours, shortest paths and citations over :meth:`state`, :meth:`raw` and item access."""

    def id_of(self, value: EntityOrId, record_type: str | tuple[str, ...] | None = None,
              param: str = "entity") -> str:
        raise NotImplementedError

    def state(self) -> GraphState:
        raise NotImplementedError

    def raw(self, rid: str) -> dict[str, Any]:
        raise NotImplementedError

    def __getitem__(self, key: str) -> Record:
        raise NotImplementedError

    def neighbors(
        self, entity: EntityOrId, relation: str | None = None, include_sources: bool = False
    ) -> list[tuple[str, Record]]:
        """``(relation, record)`` pairs around an entity, in both directions.

        An incoming relation is written with a leading ``^`` (SPARQL's inverse
        path): ``("^developed_by", ernie)`` reads "Ernie is developed by this".
        Citations (``cites``) are left out unless ``include_sources``.

        Examples
        --------
        >>> import asiaai_graph as ag
        >>> kg = ag.load()
        >>> ("^developed_by", "ernie") in [(rel, r.id) for rel, r in kg.neighbors("baidu")]
        True
        """
        rid = self.id_of(entity, RECORD_TYPE_NAMES, "entity")
        state = self.state()
        edges = state["edges"]
        out: dict[tuple[str, str], None] = {}
        for n in state["out"].get(rid, ()):
            out[(edges[n][1], edges[n][2])] = None
        for n in state["into"].get(rid, ()):
            out[("^" + edges[n][1], edges[n][0])] = None
        if include_sources:
            record = self[rid]
            for c in getattr(record, "sources", ()):
                out[("cites", c.source)] = None
            for other in self._cited_by(rid):
                out[("^cites", other)] = None
        pairs = [(rel, self[t]) for rel, t in out]
        if relation is not None:
            pairs = [p for p in pairs if p[0] == relation]
        return pairs

    def _cited_by(self, source_id: str) -> list[str]:
        return list(dict.fromkeys(rid for rid, sid, _ in self.citation_pairs() if sid == source_id))

    def path(self, start: EntityOrId, end: EntityOrId) -> list[tuple[Record, str, Record]] | None:
        """The shortest chain of relations between two entities, or ``None``.

        Each step is ``(from, relation, to)``; a relation followed backwards
        starts with ``^``. Citations are not followed.

        Examples
        --------
        >>> import asiaai_graph as ag
        >>> kg = ag.load()
        >>> [(a.id, rel, b.id) for a, rel, b in kg.path("deepseek-v3", "CN")]
        [('deepseek-v3', 'developed_by', 'deepseek'), ('deepseek', 'in_country', 'CN')]
        """
        a = self.id_of(start, RECORD_TYPE_NAMES, "start")
        b = self.id_of(end, RECORD_TYPE_NAMES, "end")
        state = self.state()
        steps = shortest_path(state["edges"], state["out"], state["into"], a, b)
        if steps is None:
            return None
        return [(self[x], rel, self[y]) for x, rel, y in steps]

    def citation_pairs(self) -> Iterator[tuple[str, str, tuple[str, ...]]]:
        """``(record id, source id, quotes)`` for each source each entity cites, records in id order.

        Read from the records' JSON where they are not decoded yet (``json``, not pydantic).

        Examples
        --------
        >>> import asiaai_graph as ag
        >>> next(p for p in ag.load().citation_pairs() if p[0] == "deepseek-v3")[:2]
        ('deepseek-v3', 'bespick-2025')
        """
        for rid in self.state()["types"]:
            raw = self.raw(rid).get("sources", ())
            cites = [(c, None) if isinstance(c, str) else (c["source"], c.get("quote")) for c in raw]
            quotes: dict[str, list[str]] = {}
            for source, quote in cites:
                found = quotes.setdefault(source, [])
                if quote:
                    found.append(quote)
            for source, found in quotes.items():
                yield rid, source, tuple(found)
