"""The :class:`KnowledgeGraph`: records, their relations, and the questions you can ask.

The graph is a read-only mapping from id to record. Every query helper answers
from indexes built once when the graph is made (cost proportional to the
answer); the :mod:`networkx` view, ``kg.graph``, is only built on first use.
"""

from __future__ import annotations

import difflib
import itertools
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple, get_args

from asiaai_graph.errors import DataError, NotFound, Problem
from asiaai_graph.loading import EdgeTuple, _field_path, _scan, _section_adapter
from asiaai_graph.schema import (
    RECORD_TYPES,
    AIModel,
    Country,
    Entity,
    Indicator,
    Investment,
    Organization,
    Partnership,
    Place,
    Policy,
    Product,
    Record,
    Source,
)

if TYPE_CHECKING:
    import os

    import networkx as nx
    import pandas as pd
    import rdflib

    from asiaai_graph.search import NameIndex

__all__ = ["Edge", "KnowledgeGraph"]

_COMPANY_KINDS = frozenset({"company", "startup"})

EntityOrId = str | Record


class Edge(NamedTuple):
    """One relation between two records, in the direction the graph stores it."""

    source: str
    relation: str
    target: str
    attrs: tuple[tuple[str, Any], ...] = ()


Facet = Callable[["KnowledgeGraph", Any], Iterable[Any]]


def _one(value: Any) -> tuple[Any, ...]:
    return () if value is None else (value,)


# Facets a query can filter on, per record type: name -> values of a record.
_FACETS: dict[str, dict[str, Facet]] = {
    "organization": {
        "country": lambda kg, r: _one(r.country),
        "kind": lambda kg, r: (r.kind,),
        "company": lambda kg, r: (True,) if r.kind in _COMPANY_KINDS else (),
        "llm": lambda kg, r: (True,) if r.id in kg._llm_builders else (),
    },
    "model": {
        "developer": lambda kg, r: r.developers,
        "kind": lambda kg, r: (r.kind,),
        "country": lambda kg, r: kg._countries_of(r.developers),
    },
    "product": {
        "maker": lambda kg, r: r.makers,
        "kind": lambda kg, r: (r.kind,),
        "model": lambda kg, r: r.models,
    },
    "policy": {
        "country": lambda kg, r: kg._countries_of((r.jurisdiction,)),
        "kind": lambda kg, r: (r.kind,),
        "jurisdiction": lambda kg, r: (r.jurisdiction,),
    },
    "investment": {
        "investor": lambda kg, r: tuple(i.organization for i in r.investors),
        "investee": lambda kg, r: _one(r.investee),
        "country": lambda kg, r: kg._countries_of((*_one(r.investee), *r.targets)),
        "year": lambda kg, r: _one(r.date.year if r.date else None),
    },
    "partnership": {
        "organization": lambda kg, r: r.parties,
        "country": lambda kg, r: kg._countries_of(r.places),
    },
    "indicator": {
        "subject": lambda kg, r: (r.subject,),
        "measure": lambda kg, r: (r.measure,),
        "country": lambda kg, r: kg._countries_of((r.subject,)),
    },
}


def _all_subsets(names: Sequence[str]) -> list[tuple[str, ...]]:
    return [c for n in range(len(names) + 1) for c in itertools.combinations(sorted(names), n)]


# Which filter combinations are indexed (each as a sorted tuple of facet names).
_COMBOS: dict[str, list[tuple[str, ...]]] = {
    "organization": [(), ("country",), ("kind",), ("country", "kind"), ("company",), ("company", "country"),
                     ("llm",), ("country", "llm")],
    "model": [(), ("developer",), ("kind",), ("developer", "kind"), ("country",), ("country", "kind")],
    "product": [(), ("maker",), ("kind",), ("kind", "maker"), ("model",)],
    "policy": [(), ("country",), ("kind",), ("country", "kind"), ("jurisdiction",)],
    "investment": _all_subsets(["country", "investee", "investor", "year"]),
    "partnership": _all_subsets(["country", "organization"]),
    "indicator": [(), ("subject",), ("measure",), ("measure", "subject"), ("country",), ("country", "measure")],
}


def _names_of(record: Record) -> tuple[str, ...]:
    if isinstance(record, Entity):
        return record.names()
    if isinstance(record, Source):
        return tuple(n for n in (record.title, record.title_en) if n)
    return ()


class KnowledgeGraph(Mapping[str, Record]):
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
    asiaai_graph.errors.NotFound: no record with id 'deepsek'; did you mean: deepseek, deepseek-v3?
    """

    def __init__(self, records: Iterable[Record]) -> None:
        ordered = sorted(records, key=lambda r: r.id)
        edges, found = _scan(ordered)
        if found:
            raise DataError(
                [Problem(None, None, r.id, _field_path(path), message) for r, path, message in found]
            )
        self._build(ordered, edges)

    @classmethod
    def _trusted(cls, records: Sequence[Record], edges: list[EdgeTuple]) -> KnowledgeGraph:
        """Build from records the loader has sorted by id and checked, with their edges."""
        kg = cls.__new__(cls)
        kg._build(records, edges)
        return kg

    # --- building and the snapshot state -------------------------------------------------------
    #
    # Everything a query needs is plain data (ids, tuples, dicts) computed once here, so it can
    # be kept in a snapshot and read back without rebuilding; records themselves are kept as
    # objects when built from records, or as their validated JSON until first accessed.

    def _build(self, records: Sequence[Record], edges: list[EdgeTuple]) -> None:
        self._records: dict[str, Record] = {r.id: r for r in records}
        self._raw: dict[str, bytes] = {}
        self._types: dict[str, str] = {r.id: r.record_type for r in records}
        self._edges = edges
        self._llm_builders: set[str] = {
            developer
            for r in records
            if isinstance(r, AIModel) and r.kind == "llm"
            for developer in r.developers
        }
        by_type: dict[str, list[Record]] = {t: [] for t in RECORD_TYPES}
        for r in records:
            by_type[r.record_type].append(r)
        self._index: dict[str, dict[tuple[tuple[str, Any], ...], list[str]]] = {}
        for record_type, group in by_type.items():
            facets = _FACETS.get(record_type, {})
            index: dict[tuple[tuple[str, Any], ...], list[str]] = {(): [r.id for r in group]}
            for record in group:
                values = {name: tuple(dict.fromkeys(f(self, record))) for name, f in facets.items()}
                for combo in _COMBOS.get(record_type, ())[1:]:
                    for combination in itertools.product(*(values[n] for n in combo)):
                        index.setdefault(tuple(zip(combo, combination)), []).append(record.id)
            self._index[record_type] = index
        self._names = {r.id: (r.label, *_names_of(r)) for r in records}
        self._out: dict[str, list[int]] = {}
        self._in: dict[str, list[int]] = {}
        for n, (source, _, target, _) in enumerate(edges):
            self._out.setdefault(source, []).append(n)
            self._in.setdefault(target, []).append(n)
        self._reset_caches()

    def _reset_caches(self) -> None:
        self._search: NameIndex | None = None
        self._nx: nx.MultiDiGraph[str] | None = None

    def _state(self) -> dict[str, Any]:
        """The indexes, edges and names, as plain data for a snapshot (records: see ``_raw_chunks``)."""
        return {"types": self._types, "edges": self._edges, "index": self._index,
                "names": self._names, "out": self._out, "in": self._in}

    def _raw_chunks(self, size: int = 2000) -> Iterator[list[tuple[str, bytes]]]:
        """Every record's validated JSON, a chunk at a time, so a snapshot never holds them all at once."""
        chunk: list[tuple[str, bytes]] = []
        for rid in self._types:
            record = self._records.get(rid)
            chunk.append((rid, self._raw[rid] if record is None
                          else type(record).__pydantic_serializer__.to_json(record)))
            if len(chunk) == size:
                yield chunk
                chunk = []
        if chunk:
            yield chunk

    @classmethod
    def _from_state(cls, state: dict[str, Any], raw: dict[str, bytes]) -> KnowledgeGraph:
        kg = cls.__new__(cls)
        kg._records = {}
        kg._raw = raw
        kg._types = state["types"]
        kg._edges = state["edges"]
        kg._index = state["index"]
        kg._names = state["names"]
        kg._out = state["out"]
        kg._in = state["in"]
        kg._reset_caches()
        return kg

    def _record(self, rid: str) -> Record:
        record = self._records.get(rid)
        if record is None:
            record = RECORD_TYPES[self._types[rid]].model_validate_json(self._raw.pop(rid))
            self._records[rid] = record
        return record

    def _many(self, ids: Iterable[str]) -> list[Any]:
        """The records for ``ids``; those still in JSON are validated together, a type at a time."""
        ids = list(ids)
        missing: dict[str, list[str]] = {}
        for rid in ids:
            if rid not in self._records:
                missing.setdefault(self._types[rid], []).append(rid)
        for record_type, todo in missing.items():
            if len(todo) < 4:
                for rid in todo:
                    self._record(rid)
                continue
            adapter = _section_adapter(RECORD_TYPES[record_type].section)
            batch = b"[" + b",".join(self._raw.pop(rid) for rid in todo) + b"]"
            for rid, record in zip(todo, adapter.validate_json(batch)):
                self._records[rid] = record
        return [self._records[rid] for rid in ids]

    def _country_of(self, rid: str, _depth: int = 0) -> str | None:
        record = self._records.get(rid)
        if isinstance(record, Country):
            return record.id
        if isinstance(record, Place):
            if record.country or record.part_of is None or _depth > 8:
                return record.country
            return self._country_of(record.part_of, _depth + 1)
        if isinstance(record, Organization):
            return record.country
        return None

    def _countries_of(self, ids: Iterable[str]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(c for i in ids if (c := self._country_of(i)) is not None))

    # --- mapping protocol -----------------------------------------------------------------------

    def __getitem__(self, key: str) -> Record:
        if key not in self._types:
            raise NotFound(key, self._suggest(key))
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

    def _suggest(self, key: str) -> list[str]:
        close = difflib.get_close_matches(key, self._types, n=3, cutoff=0.75)
        if not close and key:
            close = [r.id for r in self.search(key, limit=3)]
        return close

    # --- lookups --------------------------------------------------------------------------------

    def _resolve(self, value: EntityOrId, record_type: str | tuple[str, ...], param: str) -> str:
        rid = value.id if isinstance(value, Record) else value
        record = self[rid]
        allowed = (record_type,) if isinstance(record_type, str) else record_type
        if record.record_type not in allowed:
            raise ValueError(f"{param}={rid!r} is a {record.record_type}, expected a {' or '.join(allowed)}")
        return rid

    @staticmethod
    def _check_choice(value: str, model: type[Record], param: str) -> str:
        choices = get_args(model.model_fields["kind"].annotation)
        if value not in choices:
            raise ValueError(f"{param}={value!r} is not one of: {', '.join(choices)}")
        return value

    def _query(self, record_type: str, **filters: Any) -> list[Any]:
        key = tuple(sorted((k, v) for k, v in filters.items() if v is not None))
        return self._many(self._index[record_type].get(key, ()))

    def records(self, record_type: str | None = None) -> list[Record]:
        """All records, or all of one type (``"organization"``, ``"model"``, ``"source"``, ...).

        Examples
        --------
        >>> import asiaai_graph as ag
        >>> [c.id for c in ag.load().records("country")][:3]
        ['BD', 'CN', 'ID']
        """
        if record_type is None:
            return self._many(self._types)
        if record_type not in RECORD_TYPES:
            raise ValueError(f"unknown record type {record_type!r}; one of: {', '.join(RECORD_TYPES)}")
        return self._query(record_type)

    def organizations(self, country: EntityOrId | None = None, kind: str | None = None) -> list[Organization]:
        """Organizations, optionally of one country and/or one kind (``company``, ``university``, ...).

        Examples
        --------
        >>> import asiaai_graph as ag
        >>> kg = ag.load()
        >>> [o.id for o in kg.organizations(country="KR", kind="university")]
        ['kaist']
        """
        c = self._resolve(country, "country", "country") if country is not None else None
        k = self._check_choice(kind, Organization, "kind") if kind is not None else None
        return self._query("organization", country=c, kind=k)

    def companies(self, country: EntityOrId | None = None) -> list[Organization]:
        """Companies and startups, optionally of one country.

        Examples
        --------
        >>> import asiaai_graph as ag
        >>> "sensetime" in [o.id for o in ag.load().companies(country="CN")]
        True
        """
        c = self._resolve(country, "country", "country") if country is not None else None
        return self._query("organization", country=c, company=True)

    def llm_builders(self, country: EntityOrId | None = None) -> list[Organization]:
        """Organizations that develop at least one large language model.

        Examples
        --------
        >>> import asiaai_graph as ag
        >>> [o.id for o in ag.load().llm_builders(country="KR")]
        ['naver']
        """
        c = self._resolve(country, "country", "country") if country is not None else None
        return self._query("organization", country=c, llm=True)

    def models(
        self,
        developer: EntityOrId | None = None,
        kind: str | None = None,
        country: EntityOrId | None = None,
    ) -> list[AIModel]:
        """AI models, optionally by developer, kind (``llm``, ``vision``, ...) and developer's country.

        Examples
        --------
        >>> import asiaai_graph as ag
        >>> [m.id for m in ag.load().models(developer="deepseek", kind="llm")]
        ['deepseek-v3']
        """
        d = self._resolve(developer, "organization", "developer") if developer is not None else None
        k = self._check_choice(kind, AIModel, "kind") if kind is not None else None
        c = self._resolve(country, "country", "country") if country is not None else None
        return self._query("model", developer=d, kind=k, country=c)

    def products(
        self, maker: EntityOrId | None = None, kind: str | None = None, model: EntityOrId | None = None
    ) -> list[Product]:
        """Products and services, optionally by maker, kind or the model they use.

        Examples
        --------
        >>> import asiaai_graph as ag
        >>> [p.id for p in ag.load().products(model="ernie")]
        ['xiaodu-ai-glasses']
        """
        m = self._resolve(maker, "organization", "maker") if maker is not None else None
        k = self._check_choice(kind, Product, "kind") if kind is not None else None
        mo = self._resolve(model, "model", "model") if model is not None else None
        return self._query("product", maker=m, kind=k, model=mo)

    def policies(
        self,
        country: EntityOrId | None = None,
        kind: str | None = None,
        jurisdiction: EntityOrId | None = None,
    ) -> list[Policy]:
        """Policies; ``country`` includes those of the country's cities and provinces.

        Examples
        --------
        >>> import asiaai_graph as ag
        >>> kg = ag.load()
        >>> "shanghai" in {p.jurisdiction for p in kg.policies(country="CN")}
        True
        >>> [p.id for p in kg.policies(country="KR")]
        ['korea-national-ai-strategy']
        """
        c = self._resolve(country, "country", "country") if country is not None else None
        k = self._check_choice(kind, Policy, "kind") if kind is not None else None
        j = self._resolve(jurisdiction, ("country", "place"), "jurisdiction") if jurisdiction is not None else None
        return self._query("policy", country=c, kind=k, jurisdiction=j)

    def investments(
        self,
        investor: EntityOrId | None = None,
        investee: EntityOrId | None = None,
        country: EntityOrId | None = None,
        year: int | None = None,
    ) -> list[Investment]:
        """Investments, by investor, investee, the country the money goes to, or year.

        Examples
        --------
        >>> import asiaai_graph as ag
        >>> [(i.amount.describe(), i.post_money_valuation.describe()) for i in ag.load().investments(investee="sensetime")]
        [('600,000,000 USD', '4,500,000,000 USD')]
        """
        i = self._resolve(investor, "organization", "investor") if investor is not None else None
        e = self._resolve(investee, "organization", "investee") if investee is not None else None
        c = self._resolve(country, "country", "country") if country is not None else None
        return self._query("investment", investor=i, investee=e, country=c, year=year)

    def partnerships(
        self, organization: EntityOrId | None = None, country: EntityOrId | None = None
    ) -> list[Partnership]:
        """Partnerships, by a party and/or the country where they take place.

        Examples
        --------
        >>> import asiaai_graph as ag
        >>> [p.parties for p in ag.load().partnerships(country="SA")]
        [('tencent-cloud', 'mobily')]
        """
        o = self._resolve(organization, "organization", "organization") if organization is not None else None
        c = self._resolve(country, "country", "country") if country is not None else None
        return self._query("partnership", organization=o, country=c)

    def indicators(
        self,
        subject: EntityOrId | None = None,
        measure: str | None = None,
        country: EntityOrId | None = None,
    ) -> list[Indicator]:
        """Figures, by subject, measure (``private_ai_investment``, ...) or the subject's country.

        Examples
        --------
        >>> import asiaai_graph as ag
        >>> kg = ag.load()
        >>> for i in kg.indicators(measure="private_ai_investment"):
        ...     print(i.subject, i.period, i.amount.describe())
        CN 2023 ≈ 7,760,000,000 USD (≈ 11,000,000,000,000 KRW)
        KR 2023 1,400,000,000 USD
        US 2023 67,200,000,000 USD (≈ 97,500,000,000,000 KRW)
        """
        s = self._resolve(subject, ("country", "place", "organization", "product", "model"), "subject") if subject is not None else None
        c = self._resolve(country, "country", "country") if country is not None else None
        if measure is not None and measure not in get_args(Indicator.model_fields["measure"].annotation):
            raise ValueError(f"measure={measure!r} is not a known measure")
        return self._query("indicator", subject=s, measure=measure, country=c)

    def search(self, query: str, limit: int = 10) -> list[Record]:
        """Find records by id, English name, label or alias in any language, best match first.

        Matching ignores case, width and spacing; exact names rank before
        prefixes, prefixes before substrings, then close spellings.

        Examples
        --------
        >>> import asiaai_graph as ag
        >>> kg = ag.load()
        >>> [kg.search(q)[0].id for q in ("바이두", "百度", "Baidu")]
        ['baidu', 'baidu', 'baidu']
        """
        if self._search is None:
            from asiaai_graph.search import NameIndex

            self._search = NameIndex(self._names)
        return [self._record(i) for i in self._search.search(query, limit)]

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
        rid = self._resolve(entity, tuple(RECORD_TYPES), "entity")
        out: dict[tuple[str, str], None] = {}
        for n in self._out.get(rid, ()):
            out[(self._edges[n][1], self._edges[n][2])] = None
        for n in self._in.get(rid, ()):
            out[("^" + self._edges[n][1], self._edges[n][0])] = None
        if include_sources:
            record = self._record(rid)
            for c in record.sources if isinstance(record, Entity) else ():
                out[("cites", c.source)] = None
            for other in self._cited_by(rid):
                out[("^cites", other)] = None
        pairs = [(rel, self._record(t)) for rel, t in out]
        if relation is not None:
            pairs = [p for p in pairs if p[0] == relation]
        return pairs

    def _cited_by(self, source_id: str) -> list[str]:
        citing = []
        for r in self.records():
            if isinstance(r, Entity) and any(c.source == source_id for c in r.sources):
                citing.append(r.id)
        return citing

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
        a = self._resolve(start, tuple(RECORD_TYPES), "start")
        b = self._resolve(end, tuple(RECORD_TYPES), "end")
        if a == b:
            return []
        # Breadth-first from both ends, a whole level at a time, always growing the smaller side:
        # a hub such as a country is only expanded when no cheaper way remains.
        ahead: dict[str, tuple[str, str] | None] = {a: None}  # node -> (previous node, relation into node)
        behind: dict[str, tuple[str, str] | None] = {b: None}  # node -> (next node, relation out of node)
        front, back = [a], [b]
        while front and back:
            forward = len(front) <= len(back)
            level, seen, other = (front, ahead, behind) if forward else (back, behind, ahead)
            grown: list[str] = []
            meet: str | None = None
            for node in level:
                for nxt, rel in self._steps(node, forward):
                    if nxt not in seen:
                        seen[nxt] = (node, rel)
                        grown.append(nxt)
                        if meet is None and nxt in other:
                            meet = nxt
            if meet is not None:
                return self._chain(meet, ahead, behind)
            if forward:
                front = grown
            else:
                back = grown
        return None

    def _steps(self, node: str, forward: bool) -> Iterator[tuple[str, str]]:
        """Neighbours of ``node`` with the relation as read along the path's direction."""
        for n in self._out.get(node, ()):
            _, rel, target, _ = self._edges[n]
            yield target, (rel if forward else "^" + rel)
        for n in self._in.get(node, ()):
            source, rel, _, _ = self._edges[n]
            yield source, ("^" + rel if forward else rel)

    def _chain(
        self,
        meet: str,
        ahead: dict[str, tuple[str, str] | None],
        behind: dict[str, tuple[str, str] | None],
    ) -> list[tuple[Record, str, Record]]:
        chain: list[tuple[Record, str, Record]] = []
        node = meet
        while (step := ahead[node]) is not None:
            before, rel = step
            chain.append((self._record(before), rel, self._record(node)))
            node = before
        chain.reverse()
        node = meet
        while (step := behind[node]) is not None:
            after, rel = step
            chain.append((self._record(node), rel, self._record(after)))
            node = after
        return chain

    def sources_of(self, entity: EntityOrId) -> list[Source]:
        """The :class:`~asiaai_graph.Source` records an entity cites, in citation order.

        Examples
        --------
        >>> import asiaai_graph as ag
        >>> kg = ag.load()
        >>> [s.publisher for s in kg.sources_of("deepseek-v3")]
        ['Bespin Global', 'DeepSeek-AI']
        """
        rid = self._resolve(entity, tuple(RECORD_TYPES), "entity")
        record = self._record(rid)
        if not isinstance(record, Entity):
            return []
        ids = dict.fromkeys(c.source for c in record.sources)
        return [self._record(i) for i in ids]  # type: ignore[misc]

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
            import networkx as nx

            g: nx.MultiDiGraph[str] = nx.MultiDiGraph()
            records = self.records()
            g.add_nodes_from(
                (r.id, {"record_type": r.record_type, "name": r.label, "record": r}) for r in records
            )
            g.add_edges_from((source, target, rel, dict(attrs)) for source, rel, target, attrs in self._edges)
            cites: dict[tuple[str, str], list[str]] = {}
            for r in records:
                for c in r.sources if isinstance(r, Entity) else ():
                    quotes = cites.setdefault((r.id, c.source), [])
                    if c.quote:
                        quotes.append(c.quote)
            g.add_edges_from((rid, sid, "cites", {"quotes": tuple(q)}) for (rid, sid), q in cites.items())
            self._nx = g
        return self._nx

    # --- a cache for views derived from the graph (e.g. the SPARQL store of asiaai_graph.rdf) -----

    @property
    def cache(self) -> dict[Hashable, Any]:
        """A dict where views keep what they build from this graph, to reuse it.

        The graph is read-only, so what is derived from it stays valid for
        the graph's lifetime. Keys are namespaced by the module that stores
        them, e.g. ``("asiaai_graph.rdf.sparql", base)``; drop an entry (or
        ``clear()`` it) to free its memory.

        Examples
        --------
        >>> import asiaai_graph as ag
        >>> kg = ag.KnowledgeGraph([])
        >>> kg.cache is kg.cache, kg.cache
        (True, {})
        """
        try:
            return self._view_cache
        except AttributeError:
            self._view_cache: dict[Hashable, Any] = {}
            return self._view_cache

    # --- export (each format lives in its own module, imported on first use) -------------------

    def to_rdf(self, base: str | None = None) -> rdflib.Graph:
        """The graph as an :class:`rdflib.Graph` in the asiaai_graph vocabulary.

        ``base`` is the IRI namespace of the records (see :mod:`asiaai_graph.rdf`).

        Examples
        --------
        >>> import asiaai_graph as ag
        >>> g = ag.load().to_rdf()
        >>> len(g) > 1000
        True
        """
        from asiaai_graph.rdf import to_rdf

        return to_rdf(self, base=base)

    def serialize(
        self,
        format: str = "turtle",
        destination: str | os.PathLike[str] | None = None,
        base: str | None = None,
    ) -> str | None:
        """Write the RDF export as ``turtle``, ``nt``, ``json-ld`` or ``xml``, like :meth:`rdflib.Graph.serialize`.

        Returns the text when ``destination`` is ``None``, else writes the file.

        Examples
        --------
        >>> import asiaai_graph as ag
        >>> ag.load().serialize(format="turtle").startswith("@prefix")
        True
        """
        from asiaai_graph.rdf import serialize

        return serialize(self, format=format, destination=destination, base=base)

    def sparql(self, query: str, base: str | None = None) -> list[dict[str, Any]]:
        """Run a SPARQL query over the RDF export; one dict per row, variable name to value.

        Run by Oxigraph: the export is loaded into an in-memory store on the
        first query and kept in :attr:`cache` (see :mod:`asiaai_graph.rdf.sparql`).

        Examples
        --------
        >>> import asiaai_graph as ag
        >>> rows = ag.load().sparql("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        >>> rows[0]["n"] > 1000
        True
        """
        from asiaai_graph.rdf import sparql

        return sparql(self, query, base=base)

    def to_frame(self, record_type: str) -> pd.DataFrame:
        """One record type as a :class:`pandas.DataFrame`, one row per record, flat columns.

        Needs the ``pandas`` extra (``pip install 'asiaai-graph[pandas]'``).

        Examples
        --------
        >>> import asiaai_graph as ag
        >>> df = ag.load().to_frame("model")
        >>> "deepseek-v3" in set(df["id"])
        True
        """
        from asiaai_graph.readwrite.frames import to_frame

        return to_frame(self, record_type)

    def to_frames(self) -> dict[str, pd.DataFrame]:
        """Every record type as a DataFrame, keyed by record type.

        Examples
        --------
        >>> import asiaai_graph as ag
        >>> sorted(ag.load().to_frames())[:3]
        ['country', 'indicator', 'investment']
        """
        from asiaai_graph.readwrite.frames import to_frames

        return to_frames(self)

    def write(self, path: str | os.PathLike[str], format: str | None = None) -> None:
        """Write the graph as ``graphml``, ``gexf`` or node-link ``json`` (guessed from the suffix).

        Examples
        --------
        >>> import asiaai_graph as ag, tempfile, pathlib
        >>> out = pathlib.Path(tempfile.mkdtemp()) / "asiaai.graphml"
        >>> ag.load().write(out)
        >>> out.stat().st_size > 0
        True
        """
        from asiaai_graph.readwrite.graphformats import write

        write(self, path, format=format)
