"""The :class:`KnowledgeGraph`: records, their relations, and the questions you can ask.

The graph is a read-only mapping from id to record. Every query helper answers
from indexes built once when the graph is made (cost proportional to the
answer); the :mod:`networkx` view, ``kg.graph``, is only built on first use.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from asiaai_graph.utils.errors import DataError, NotFound, Problem
from asiaai_graph.graph.index import COMBOS, GraphState, build_state
from asiaai_graph.graph.outputs import Outputs
from asiaai_graph.graph.histories import Histories
from asiaai_graph.graph.moved import Moved
from asiaai_graph.graph.provenance import Evidence, Provenance
from asiaai_graph.graph.traversal import Traversal
from asiaai_graph.graph.compute import ComputeQueries
from asiaai_graph.graph.queries import EntityOrId
from asiaai_graph.graph.references import EdgeTuple, field_path, scan_references
from asiaai_graph.schema.terms import RECORD_TYPE_NAMES

if TYPE_CHECKING:
    import networkx as nx

    from asiaai_graph.schema import Record

    from asiaai_graph.graph.diff import Diff
    from asiaai_graph.graph.search import NameIndex

__all__ = ["Edge", "Evidence", "KnowledgeGraph"]  # Evidence: see asiaai_graph.graph.provenance


class Edge(NamedTuple):
    """One relation between two records, in the direction the graph stores it."""

    source: str
    relation: str
    target: str
    attrs: tuple[tuple[str, Any], ...] = ()


class KnowledgeGraph(Histories, ComputeQueries, Traversal, Provenance, Moved, Outputs, Mapping[str, "Record"]):
    """The Asian AI knowledge graph: a read-only mapping from id to record.

    Make one with :func:`asiaai_graph.load`, or from records you built yourself
    (references are checked, and :class:`~asiaai_graph.DataError` lists any
    problem).

    Examples
    --------
    >>> import asiaai_graph as ag
    >>> kg = ag.load()
    >>> kg.get("deepseek").name
    'DeepSeek'
    >>> "deepseek" in kg, kg.get("no-such-id")
    (True, None)
    >>> kg["deepsek"]
    Traceback (most recent call last):
    ...
    asiaai_graph.utils.errors.NotFound: no record with id 'deepsek'; did you mean: deepseek, deepseek-v3...?
    """

    def __init__(self, records: Iterable[Record], moved: Mapping[str, tuple[str, str]] | None = None) -> None:
        ordered = sorted(records, key=lambda r: r.id)
        edges, found = scan_references(ordered)
        if found:
            raise DataError(
                [Problem(None, None, r.id, field_path(path), message) for r, path, message in found]
            )
        self._setup(build_state(ordered, edges), {r.id: r for r in ordered}, {}, moved)

    @classmethod
    def from_checked(cls, records: Sequence[Record], edges: list[EdgeTuple],
                     moved: Mapping[str, tuple[str, str]] | None = None) -> KnowledgeGraph:
        """A graph of records a reader has already sorted by id and checked, with their edges.

        ``edges`` and the absence of problems come from
        :func:`~asiaai_graph.graph.references.scan_references`; readers use this to
        avoid checking twice. Anyone else should call ``KnowledgeGraph(records)``.

        Examples
        --------
        >>> import asiaai_graph as ag
        >>> from asiaai_graph.graph.references import scan_references
        >>> records = sorted(ag.load().values(), key=lambda r: r.id)
        >>> edges, problems = scan_references(records)
        >>> len(KnowledgeGraph.from_checked(records, edges)) == len(records)
        True
        """
        kg = cls.__new__(cls)
        kg._setup(build_state(records, edges), {r.id: r for r in records}, {}, moved)
        return kg

    # --- the state a snapshot keeps ------------------------------------------------------------
    #
    # Everything a query needs is plain data (ids, tuples, dicts) computed once by
    # asiaai_graph.graph.index, so it can be kept in a snapshot and read back without rebuilding;
    # records themselves are kept as objects, or as their validated JSON until first accessed.

    def state(self) -> GraphState:
        """The indexes, edges and names as plain data (the records: :meth:`record_json`).

        With :meth:`record_json` it is all a snapshot needs to rebuild the
        graph with :meth:`from_state`. Treat it as read-only.

        Examples
        --------
        >>> import asiaai_graph as ag
        >>> kg = ag.load()
        >>> kg.state()["types"]["deepseek"]
        'organization'
        """
        return self._state

    def record_json(self, chunk_size: int = 2000) -> Iterator[list[tuple[str, bytes]]]:
        """Every record's validated JSON as ``(id, json)`` pairs, ``chunk_size`` at a time, in id order.

        Examples
        --------
        >>> import asiaai_graph as ag
        >>> chunk = next(ag.load().record_json(chunk_size=2))
        >>> len(chunk), all(json.startswith(b'{"id":"' + rid.encode()) for rid, json in chunk)
        (2, True)
        """
        chunk: list[tuple[str, bytes]] = []
        for rid in self._state["types"]:
            record = self._records.get(rid)
            chunk.append((rid, self._raw[rid] if record is None
                          else type(record).__pydantic_serializer__.to_json(record)))
            if len(chunk) == chunk_size:
                yield chunk
                chunk = []
        if chunk:
            yield chunk

    @classmethod
    def from_state(cls, state: GraphState, records_json: dict[str, bytes],
                   moved: Mapping[str, tuple[str, str]] | None = None) -> KnowledgeGraph:
        """Rebuild a graph from :meth:`state` and the records' JSON from :meth:`record_json`.

        Records are validated from their JSON on first access; nothing is
        checked up front, so only pass what a graph gave (the snapshot cache
        verifies its files before calling this).

        Examples
        --------
        >>> import asiaai_graph as ag
        >>> kg = ag.load()
        >>> again = KnowledgeGraph.from_state(kg.state(), {i: j for c in kg.record_json() for i, j in c})
        >>> again == kg
        True
        """
        kg = cls.__new__(cls)
        kg._setup(state, {}, records_json, moved)
        return kg

    def _setup(self, state: GraphState, records: dict[str, Record], raw: dict[str, bytes],
               moved: Mapping[str, tuple[str, str]] | None = None) -> None:
        self._moved = {old: target for old, target in (moved or {}).items()
                       if target[0] in state["types"] and old not in state["types"]}
        self._state = state
        self._types = state["types"]
        self._edges = state["edges"]
        self._index = state["index"]
        self._names = state["names"]
        self._out = state["out"]
        self._in = state["into"]
        self._records = records
        self._raw = raw
        self._search: NameIndex | None = None
        self._nx: nx.MultiDiGraph[str] | None = None
        self.cache: dict[str, Any] = {}
        """Views may keep what they build from this graph here (e.g. an RDF store), keyed by their module name."""

    def _record(self, rid: str) -> Record:
        record = self._records.get(rid)
        if record is None:
            from asiaai_graph.schema import RECORD_TYPES

            record = RECORD_TYPES[self._types[rid]].model_validate_json(self._raw.pop(rid))
            self._records[rid] = record
        return record

    def _decode(self, ids: Iterable[str]) -> dict[str, Record]:
        """The records of ``ids`` still in JSON, validated together a type at a time; not kept."""
        from asiaai_graph.schema import RECORD_TYPES, section_adapter

        missing: dict[str, list[str]] = {}
        for rid in ids:
            if rid not in self._records:
                missing.setdefault(self._types[rid], []).append(rid)
        decoded: dict[str, Record] = {}
        for record_type, todo in missing.items():
            model = RECORD_TYPES[record_type]
            if len(todo) < 4:
                decoded.update((rid, model.model_validate_json(self._raw[rid])) for rid in todo)
                continue
            batch = b"[" + b",".join(self._raw[rid] for rid in todo) + b"]"
            decoded.update(zip(todo, section_adapter(model.section).validate_json(batch)))
        return decoded

    def _many(self, ids: Iterable[str]) -> list[Any]:
        """The records for ``ids``; those still in JSON are decoded (:meth:`_decode`) and kept."""
        ids = list(ids)
        for rid, record in self._decode(ids).items():
            self._records[rid] = record
            del self._raw[rid]
        return [self._records[rid] for rid in ids]

    # --- mapping protocol -----------------------------------------------------------------------

    def __getitem__(self, key: str) -> Record:
        if key not in self._types:
            new = self._moved_to(key)
            if new is None:
                raise NotFound(key, self._suggest(key))
            key = new
        return self._record(key)

    def __iter__(self) -> Iterator[str]:
        return iter(self._types)

    def __len__(self) -> int:
        return len(self._types)

    def __contains__(self, key: object) -> bool:
        return key in self._types

    def __repr__(self) -> str:
        counts = ", ".join(f"{n} {t}" for t, n in self.stats().items() if n and t != "relations")
        return f"<KnowledgeGraph {len(self)} records: {counts}>"

    def _repr_html_(self) -> str:
        """A card for Jupyter: records per type and how to ask (built by :mod:`asiaai_graph.views.notebook`)."""
        from asiaai_graph.views.notebook import graph_html

        return graph_html(self)

    def _suggest(self, key: str) -> list[str]:
        close = difflib.get_close_matches(key, self._types, n=3, cutoff=0.75)
        if not close and key:
            close = [r.id for r in self.search(key, limit=3)]
        return close

    # --- lookups --------------------------------------------------------------------------------

    def id_of(self, value: EntityOrId, record_type: str | tuple[str, ...] | None = None,
              param: str = "entity") -> str:
        """The id of ``value`` (a record or an id), checked to be in the graph and of ``record_type``.

        Raises :class:`~asiaai_graph.NotFound` for an unknown id and
        :class:`ValueError` naming ``param`` for a record of another type.

        Examples
        --------
        >>> import asiaai_graph as ag
        >>> kg = ag.load()
        >>> kg.id_of(kg["baidu"]), kg.id_of("CN", "country")
        ('baidu', 'CN')
        >>> kg.id_of("CN", "organization", "developer")
        Traceback (most recent call last):
        ...
        ValueError: developer='CN' is a country, expected a organization
        """
        rid = value if isinstance(value, str) else value.id
        found = self._types.get(rid)
        if found is None and rid in self._moved:
            rid = self._moved_to(rid) or rid
            found = self._types.get(rid)
        if found is None:
            raise NotFound(rid, self._suggest(rid))
        allowed = (record_type,) if isinstance(record_type, str) else record_type
        if allowed is not None and found not in allowed:
            raise ValueError(f"{param}={rid!r} is a {found}, expected a {' or '.join(allowed)}")
        return rid

    def ids(self, record_type: str, **filters: Any) -> list[str]:
        """The ids :meth:`select` would return, without decoding a record (cheap from a snapshot).

        Examples
        --------
        >>> import asiaai_graph as ag
        >>> "kaist" in ag.load().ids("organization", country="KR", kind="university")
        True
        """
        key = tuple(sorted((k, v) for k, v in filters.items() if v is not None))
        if tuple(k for k, _ in key) not in COMBOS.get(record_type, [()]):
            raise ValueError(f"no index of {record_type} records by {', '.join(k for k, _ in key)}")
        return list(self._index[record_type].get(key, ()))

    def raw(self, rid: str) -> dict[str, Any]:
        """A record as plain JSON data (fields at their default left out), without building its model.

        What a command that only prints needs: reading it from a snapshot costs a
        ``json.loads``, not pydantic's validation.

        Examples
        --------
        >>> import asiaai_graph as ag
        >>> data = ag.load().raw("deepseek")
        >>> data["name"], data["labels"]["ko"]
        ('DeepSeek', '딥시크')
        """
        if rid not in self._types:
            raise NotFound(rid, self._suggest(rid))
        record = self._records.get(rid)
        if record is not None:
            data: dict[str, Any] = record.model_dump(mode="json", exclude_defaults=True)
            return data
        import json

        loaded: dict[str, Any] = json.loads(self._raw[rid])
        return loaded

    def select(self, record_type: str, **filters: Any) -> list[Any]:
        """Records of one type whose facets have the given values: the index behind every query helper.

        Filters are facet names of :data:`asiaai_graph.graph.index.FACETS` with ids or
        values (``None`` means no filter); only the combinations listed in
        :data:`asiaai_graph.graph.index.COMBOS` are indexed.

        Examples
        --------
        >>> import asiaai_graph as ag
        >>> "kaist" in [o.id for o in ag.load().select("organization", country="KR", kind="university")]
        True
        """
        return self._many(self.ids(record_type, **filters))

    def records(self, record_type: str | None = None) -> list[Record]:
        """All records, or all of one type (``"organization"``, ``"model"``, ``"source"``, ...).

        Examples
        --------
        >>> import asiaai_graph as ag
        >>> [c.id for c in ag.load().records("country")][:3]
        ['AE', 'AF', 'AM']
        """
        if record_type is None:
            return self._many(self._types)
        if record_type not in RECORD_TYPE_NAMES:
            raise ValueError(f"unknown record type {record_type!r}; one of: {', '.join(RECORD_TYPE_NAMES)}")
        return self.select(record_type)

    def iter_records(self, chunk: int = 1000) -> Iterator[Record]:
        """Every record in id order, for one pass over a large graph without keeping what it decodes.

        A graph loaded from a snapshot holds its records as JSON until they are
        asked for, then keeps them. A walk over all of them (an export, a push)
        would keep every model at once; this one decodes those still in JSON
        ``chunk`` at a time and lets them go, so memory stays that of the JSON.

        Examples
        --------
        >>> import asiaai_graph as ag
        >>> kg = ag.load()
        >>> [r.id for r in kg.iter_records()] == list(kg)
        True
        """
        ids = list(self._types)
        for start in range(0, len(ids), chunk):
            part = ids[start:start + chunk]
            fresh = self._decode(part)
            for rid in part:
                record = self._records.get(rid)
                yield record if record is not None else fresh[rid]

    def search(self, query: str, limit: int = 10) -> list[Record]:
        """Find records by id, English name, label or alias in any language, best match first.

        Matching ignores case, width, spacing, simplified/traditional Chinese
        and kana; Latin queries also match Chinese names by pinyin. Exact
        names rank before prefixes, then names one edit away, substrings, and
        other close spellings (see :mod:`asiaai_graph.graph.search`).

        Examples
        --------
        >>> import asiaai_graph as ag
        >>> kg = ag.load()
        >>> [kg.search(q)[0].id for q in ("바이두", "百度", "Baidu")]
        ['baidu', 'baidu', 'baidu']
        """
        return [self._record(i) for i in self.name_index.search(query, limit)]

    # --- names (asiaai_graph.graph.search) ------------------------------------------------------------

    @property
    def name_index(self) -> NameIndex:
        """The index behind :meth:`search` and :meth:`resolve`, built on first use.

        ``kg.name_index.lookup(query, limit)`` also gives the total number of matches.

        Examples
        --------
        >>> import asiaai_graph as ag
        >>> m = ag.load().name_index.lookup("deepseek", limit=1)
        >>> m.ids, m.total > 1
        (['deepseek'], True)
        """
        if self._search is None:
            from asiaai_graph.graph.search import NameIndex, short_names

            self._search = NameIndex(self._names, short_names(self._names, self._types),
                                     later=[rid for rid, t in self._types.items() if t == "source"])
        return self._search

    def resolve(self, text: str, record_type: str | tuple[str, ...] | None = None) -> str:
        """The id of the one record ``text`` names: its id, or an exact name, label or alias in any language.

        Raises :class:`~asiaai_graph.NotFound` listing the candidates when no
        record or several records have that name; see :func:`asiaai_graph.graph.search.resolve`.

        Examples
        --------
        >>> import asiaai_graph as ag
        >>> kg = ag.load()
        >>> kg.resolve("딥시크"), kg.resolve("cn", "country"), kg.resolve("台积电")
        ('deepseek', 'CN', 'tsmc')
        """
        allowed = (record_type,) if isinstance(record_type, str) else record_type
        for rid in (text, text.upper()):  # an id needs no name index (``cn`` is the country CN)
            if rid in self._types and (allowed is None or self._types[rid] in allowed):
                return rid
        new = self._moved.get(text, ("",))[0]
        if new and (allowed is None or self._types[new] in allowed):
            return self._moved_to(text) or new
        from asiaai_graph.graph.search import resolve

        return resolve(self.name_index, self._types, text, record_type)

    def edges(self) -> list[Edge]:
        """Every relation in the graph as an :class:`Edge` (citations not included).

        Examples
        --------
        >>> import asiaai_graph as ag
        >>> ("deepseek-v3", "developed_by", "deepseek") in [e[:3] for e in ag.load().edges()]
        True
        """
        return [Edge(*e) for e in self._edges]

    def stats(self) -> dict[str, int]:
        """How many records of each type, and how many relations.

        Examples
        --------
        >>> import asiaai_graph as ag
        >>> stats = ag.load().stats()
        >>> stats["model"] > 5 and stats["relations"] > stats["model"]
        True
        """
        counts = {t: len(index[()]) for t, index in self._index.items()}
        counts["relations"] = len(self._edges)
        return counts

    def diff(self, other: Mapping[str, Record]) -> Diff:
        """What changed from this graph to ``other``: records added, removed, changed field by field.

        Examples
        --------
        >>> import asiaai_graph as ag
        >>> kg = ag.load()
        >>> d = kg.diff(KnowledgeGraph(r for r in kg.values() if r.id != "deepseek-v3-open-model-size-rank"))
        >>> [r.id for r in d.removed], d.added, d.changed
        (['deepseek-v3-open-model-size-rank'], [], [])
        """
        from asiaai_graph.graph.diff import diff_records

        return diff_records(self, other)

    @property
    def graph(self) -> nx.MultiDiGraph[str]:
        """The records as a :class:`networkx.MultiDiGraph`, built on first use.

        One node per record (attributes ``record_type``, ``name`` and
        ``record``), one edge per relation with the relation as the edge key,
        and a ``cites`` edge from each entity to each source it cites (with the
        quotes as ``quotes``).

        Examples
        --------
        >>> import asiaai_graph as ag
        >>> g = ag.load().graph
        >>> g.has_edge("deepseek-v3", "deepseek", key="developed_by")
        True
        >>> g.nodes["deepseek"]["record_type"]
        'organization'
        """
        if self._nx is None:
            from asiaai_graph.graph.nxgraph import to_multidigraph

            self._nx = to_multidigraph(self)
        return self._nx
