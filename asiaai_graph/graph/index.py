"""The graph's indexes: every query's answer computed once, as plain data.

:func:`build_state` turns records (sorted by id) and their edges into a
:class:`GraphState`: record types, each indexed filter combination (facet
values -> ids), every record's names, and the edges with their adjacency.
Everything in it is ids, strings, tuples, lists and dicts, so it can be kept in
a snapshot and read back without rebuilding (:mod:`asiaai_graph.loading.snapshot`), and
a query costs a dictionary lookup plus the size of its answer.

Examples
--------
>>> import asiaai_graph as ag
>>> state = ag.load().state()
>>> "kaist" in state["index"]["organization"][(("country", "KR"), ("kind", "university"))]
True
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, TypedDict

if TYPE_CHECKING:
    from asiaai_graph.graph.references import EdgeTuple
    from asiaai_graph.schema import Record

__all__ = ["COMBOS", "FACETS", "LANGUAGE_MODEL_KINDS", "GraphState", "IndexKey", "build_state", "names_of"]

IndexKey = tuple[tuple[str, Any], ...]
"""A filter combination as sorted ``(facet, value)`` pairs; ``()`` means every record of the type."""


class GraphState(TypedDict):
    """What a :class:`~asiaai_graph.KnowledgeGraph` knows besides the records themselves."""

    types: dict[str, str]
    """id -> record type, in id order."""
    edges: list[EdgeTuple]
    """Every relation, in record order."""
    index: dict[str, dict[IndexKey, list[str]]]
    """record type -> filter combination -> ids, in id order."""
    names: dict[str, tuple[str, ...]]
    """id -> (display name, other names...)."""
    out: dict[str, list[int]]
    """id -> positions in ``edges`` of its outgoing relations."""
    into: dict[str, list[int]]
    """id -> positions in ``edges`` of its incoming relations."""


_COMPANY_KINDS = frozenset({"company", "startup"})

LANGUAGE_MODEL_KINDS: tuple[str, ...] = ("llm", "multimodal")
"""Model kinds that count as large language models (the ``llm`` facet, ``kg.llm_builders()``).

A ``multimodal`` model in this schema is a language model that also takes or
makes images or sound (GPT-4: "accept image and text inputs and produce text
outputs"); models of images or speech alone are ``vision`` and ``speech``.
"""


class _Context:
    """What facets need to know about other records while the index is built."""

    def __init__(self, records: Sequence[Record]) -> None:
        from asiaai_graph.schema import AIModel

        self.by_id = {r.id: r for r in records}
        self.llm_builders = {
            developer for r in records if isinstance(r, AIModel) and r.kind in LANGUAGE_MODEL_KINDS
            for developer in r.developers
        }
        self.trained_on: dict[str, list[str]] = {}
        """model id -> the accelerators whose records say they trained it (a model's own field aside)."""
        self.makers: dict[str, tuple[str, ...]] = {}
        """accelerator id -> its makers."""
        for r in records:
            if r.record_type == "accelerator":
                self.makers[r.id] = getattr(r, "makers")
                for model in getattr(r, "trained_models"):
                    self.trained_on.setdefault(model, []).append(r.id)

    def chips_of(self, model: Any) -> tuple[str, ...]:
        """The accelerators a model was trained on, as the model's record or the chips' records say."""
        return tuple(dict.fromkeys((*model.training_hardware, *self.trained_on.get(model.id, ()))))

    def chip_makers_of(self, model: Any) -> tuple[str, ...]:
        """The makers of the accelerators a model was trained on."""
        return tuple(dict.fromkeys(m for chip in self.chips_of(model) for m in self.makers.get(chip, ())))

    def country_of(self, rid: str, depth: int = 0) -> str | None:
        from asiaai_graph.schema import Country, Organization, Place

        record = self.by_id.get(rid)
        if isinstance(record, Country):
            return record.id
        if isinstance(record, Place):
            if record.country or record.part_of is None or depth > 8:
                return record.country
            return self.country_of(record.part_of, depth + 1)
        if isinstance(record, Organization):
            return record.country
        return None

    def countries_of(self, ids: Iterable[str]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(c for i in ids if (c := self.country_of(i)) is not None))


Facet = Callable[[_Context, Any], Iterable[Any]]


def _one(value: Any) -> tuple[Any, ...]:
    return () if value is None else (value,)


#: Facets a query can filter on, per record type: name -> values of a record.
FACETS: dict[str, dict[str, Facet]] = {
    "organization": {
        "country": lambda cx, r: _one(r.country),
        "kind": lambda cx, r: (r.kind,),
        "company": lambda cx, r: (True,) if r.kind in _COMPANY_KINDS else (),
        "llm": lambda cx, r: (True,) if r.id in cx.llm_builders else (),
    },
    "model": {
        "developer": lambda cx, r: r.developers,
        "kind": lambda cx, r: (r.kind,),
        "country": lambda cx, r: cx.countries_of(r.developers),
        "chip": lambda cx, r: cx.chips_of(r),
        "chip_maker": lambda cx, r: cx.chip_makers_of(r),
    },
    "product": {
        "maker": lambda cx, r: r.makers,
        "kind": lambda cx, r: (r.kind,),
        "model": lambda cx, r: r.models,
    },
    "policy": {
        "country": lambda cx, r: cx.countries_of((r.jurisdiction,)),
        "kind": lambda cx, r: (r.kind,),
        "jurisdiction": lambda cx, r: (r.jurisdiction,),
    },
    "investment": {
        "investor": lambda cx, r: tuple(i.organization for i in r.investors),
        "investee": lambda cx, r: _one(r.investee),
        "country": lambda cx, r: cx.countries_of((*_one(r.investee), *r.targets)),
        "year": lambda cx, r: _one(r.date.year if r.date else None),
    },
    "partnership": {
        "organization": lambda cx, r: r.parties,
        "country": lambda cx, r: cx.countries_of(r.places),
    },
    "indicator": {
        "subject": lambda cx, r: (r.subject,),
        "measure": lambda cx, r: (r.measure,),
        "country": lambda cx, r: cx.countries_of((r.subject,)),
    },
    "accelerator": {
        "maker": lambda cx, r: r.makers,
        "foundry": lambda cx, r: r.foundries,
    },
    "cluster": {
        "country": lambda cx, r: (r.country,) if r.country else cx.countries_of(_one(r.place)),
        "owner": lambda cx, r: r.owners,
        "chip": lambda cx, r: tuple(c.chip for c in r.chips),
        "status": lambda cx, r: (r.status,),
    },
}


def _all_subsets(names: Sequence[str]) -> list[tuple[str, ...]]:
    return [c for n in range(len(names) + 1) for c in itertools.combinations(sorted(names), n)]


#: Which filter combinations are indexed (each as a sorted tuple of facet names).
COMBOS: dict[str, list[tuple[str, ...]]] = {
    "organization": [(), ("country",), ("kind",), ("country", "kind"), ("company",), ("company", "country"),
                     ("llm",), ("country", "llm")],
    "model": [(), ("developer",), ("kind",), ("developer", "kind"), ("country",), ("country", "kind"), ("chip",),
              ("chip_maker",)],
    "product": [(), ("maker",), ("kind",), ("kind", "maker"), ("model",)],
    "policy": [(), ("country",), ("kind",), ("country", "kind"), ("jurisdiction",)],
    "investment": _all_subsets(["country", "investee", "investor", "year"]),
    "partnership": _all_subsets(["country", "organization"]),
    "indicator": [(), ("subject",), ("measure",), ("measure", "subject"), ("country",), ("country", "measure")],
    "accelerator": [(), ("maker",), ("foundry",)],
    "cluster": _all_subsets(["chip", "country", "owner", "status"]),
}


def names_of(record: Record) -> tuple[str, ...]:
    """Every name a record goes by: its display name first, then labels, aliases or titles.

    Examples
    --------
    >>> from asiaai_graph.schema import Organization
    >>> names_of(Organization(id="baidu", name="Baidu", labels={"ko": "바이두"}, kind="company", sources=["s"]))
    ('Baidu', 'Baidu', '바이두')
    """
    from asiaai_graph.schema import Entity, Source

    if isinstance(record, Entity):
        return (record.label, *record.names())
    if isinstance(record, Source):
        return (record.label, *(n for n in (record.title, record.title_en) if n))
    return (record.label,)


def build_state(records: Sequence[Record], edges: list[EdgeTuple]) -> GraphState:
    """Index ``records`` (sorted by id, references already checked) and their ``edges``."""
    from asiaai_graph.schema import RECORD_TYPES

    cx = _Context(records)
    by_type: dict[str, list[Record]] = {t: [] for t in RECORD_TYPES}
    for r in records:
        by_type[r.record_type].append(r)
    index: dict[str, dict[IndexKey, list[str]]] = {}
    for record_type, group in by_type.items():
        facets = FACETS.get(record_type, {})
        combos = COMBOS.get(record_type, [()])
        found: dict[IndexKey, list[str]] = {(): [r.id for r in group]}
        for record in group:
            values = {name: tuple(dict.fromkeys(f(cx, record))) for name, f in facets.items()}
            for combo in combos[1:]:
                for combination in itertools.product(*(values[n] for n in combo)):
                    found.setdefault(tuple(zip(combo, combination)), []).append(record.id)
        index[record_type] = found
    out: dict[str, list[int]] = {}
    into: dict[str, list[int]] = {}
    for n, (source, _, target, _) in enumerate(edges):
        out.setdefault(source, []).append(n)
        into.setdefault(target, []).append(n)
    return GraphState(
        types={r.id: r.record_type for r in records},
        edges=edges,
        index=index,
        names={r.id: names_of(r) for r in records},
        out=out,
        into=into,
    )
