"""Which records a picture or page of one part of the graph shows: a neighbourhood, a country's ecosystem.

Plain selections of ids, shared by the pictures (:mod:`asiaai_graph.views.draw`) and
the explorer (:mod:`asiaai_graph.views.explorer`); no drawing library is needed.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from asiaai_graph.schema import Accelerator, AIModel, ComputeCluster, Country, Organization, Product, Source

if TYPE_CHECKING:
    from asiaai_graph.graph.knowledge_graph import KnowledgeGraph

__all__ = ["Summary", "ecosystem", "neighbourhood", "summarise"]


def neighbourhood(kg: KnowledgeGraph, entity: str, depth: int = 1) -> list[str]:
    """Ids within ``depth`` relations of ``entity`` (citations and sources left out), nearest first.

    Countries other than ``entity`` are reached but not gone through: every
    company of a country is two steps from any other, which would make any
    picture of depth 2 one of the whole country (draw the country for that).

    Examples
    --------
    >>> import asiaai_graph as ag
    >>> from asiaai_graph.views.subgraphs import neighbourhood
    >>> ids = neighbourhood(ag.load(), "deepseek-v3")
    >>> ids[0], "deepseek" in ids
    ('deepseek-v3', True)
    """
    if depth < 0:
        raise ValueError("depth must be 0 or more")
    start = kg[entity].id
    seen = {start: 0}
    queue = deque([start])
    while queue:
        rid = queue.popleft()
        if seen[rid] >= depth or (rid != start and isinstance(kg[rid], Country)):
            continue
        for _, other in kg.neighbors(rid):
            if other.id not in seen and not isinstance(other, Source):
                seen[other.id] = seen[rid] + 1
                queue.append(other.id)
    return list(seen)


def ecosystem(kg: KnowledgeGraph, country: str) -> list[str]:
    """A country's AI ecosystem: the country, its organizations, their models and products,
    the policies of the country and its cities (and those places), investments in and
    out of the country with the organizations on their other side, the compute clusters
    located in the country with their chips, and the chips its organizations make.

    Examples
    --------
    >>> import asiaai_graph as ag
    >>> from asiaai_graph.views.subgraphs import ecosystem
    >>> ids = ecosystem(ag.load(), "CN")
    >>> {"CN", "baidu", "ernie", "shanghai", "sensetime-2018-round"} <= set(ids)
    True
    >>> ecosystem(ag.load(), "baidu")
    Traceback (most recent call last):
    ...
    ValueError: 'baidu' is a organization, not a country
    """
    record = kg[country]
    if not isinstance(record, Country):
        raise ValueError(f"{country!r} is a {record.record_type}, not a country")
    ids: dict[str, None] = {record.id: None}
    orgs = kg.organizations(country=record)
    ids.update(dict.fromkeys(o.id for o in orgs))
    for o in orgs:
        ids.update(dict.fromkeys(m.id for m in kg.models(developer=o)))
        ids.update(dict.fromkeys(p.id for p in kg.products(maker=o)))
    for p in kg.policies(country=record):
        ids[p.jurisdiction] = None
        ids[p.id] = None
    investments = {i.id: i for i in kg.investments(country=record)}
    for o in orgs:
        investments.update((i.id, i) for i in kg.investments(investor=o))
    for _, inv in sorted(investments.items()):
        ids[inv.id] = None
        for i in inv.investors:
            ids[i.organization] = None
        if inv.investee:
            ids[inv.investee] = None
    for cluster in kg.clusters(country=record):
        ids[cluster.id] = None
        ids.update(dict.fromkeys(c.chip for c in cluster.chips))
    for o in orgs:
        ids.update(dict.fromkeys(a.id for a in kg.hardware(maker=o)))
    return list(ids)


@dataclass
class Summary:
    """A large selection cut to what a picture can show: the ids kept, and the models counted instead."""

    ids: list[str]
    model_counts: dict[str, int] = field(default_factory=dict)
    """organization id -> how many of its models the selection held (they are not drawn)."""
    organizations: int = 0
    """How many organizations the selection held (``0`` when nothing was cut)."""
    clusters: int = 0
    """How many compute clusters the selection held when some were cut (``0`` when none was)."""
    others: dict[str, tuple[int, int]] = field(default_factory=dict)
    """record type -> (drawn, held) for the policies and investments when some were cut: the latest are drawn."""

    @property
    def cut(self) -> bool:
        return bool(self.organizations)


#: The date by which a summarised picture keeps the latest of a country's policies and investments.
_LATEST = {"policy": "lifecycle", "investment": "date"}


def _date_key(kg: KnowledgeGraph, rid: str, field: str) -> tuple[int, int, int]:
    """A record's date as a sortable key (a policy's earliest step); ``(0, 0, 0)`` when it has none."""
    from asiaai_graph.graph.histories import date_key

    record = kg[rid]
    if field == "lifecycle":
        value = min((e.date for e in getattr(record, "lifecycle", ())), default=None)
    else:
        value = getattr(record, field, None)
    return date_key(value) if value is not None else (0, 0, 0)  # undated: last of the latest


def _latest(kg: KnowledgeGraph, ids: Sequence[str], top: int) -> tuple[set[str], dict[str, tuple[int, int]]]:
    """Of each type in :data:`_LATEST`, the ``top`` latest of ``ids`` (undated last, ties by id); the counts cut."""
    keep: set[str] = set()
    cut: dict[str, tuple[int, int]] = {}
    for kind, date in _LATEST.items():
        found = [i for i in ids if kg[i].record_type == kind]
        latest = sorted(found, key=lambda i: (_date_key(kg, i, date), i), reverse=True)[:top]
        keep |= set(latest)
        if len(found) > top:
            cut[kind] = (top, len(found))
    return keep, cut


def summarise(kg: KnowledgeGraph, ids: Sequence[str], center: str, limit: int = 60, top: int = 24,
              top_clusters: int = 8, top_others: int = 8) -> Summary:
    """``ids`` as they are when at most ``limit``; otherwise the ``top`` organizations with the most models.

    A country's ecosystem with the imported datasets holds hundreds of
    organizations and models: drawn one by one they are a hairball. Summarised,
    the picture keeps the center, every record that is neither an organization
    nor a model nor a product (policies, places, investments), the ``top``
    organizations by number of models in the selection (ties by id), and for
    each of them the number of its models instead of the models; of the compute
    clusters, the ``top_clusters`` largest (by H100 equivalents) with their chips,
    and of the other chips the ``top_others`` latest the kept organizations make; of the policies and
    of the investments, the ``top_others`` latest, with the places they name.

    Examples
    --------
    >>> import asiaai_graph as ag
    >>> kg = ag.load()
    >>> s = summarise(kg, ecosystem(kg, "CN"), "CN", limit=30, top=5)
    >>> len([i for i in s.ids if kg[i].record_type == "organization"]), s.cut, "CN" in s.ids
    (5, True, True)
    """
    if len(ids) <= limit:
        return Summary(list(ids))
    chosen = set(ids)
    counts: dict[str, int] = {}
    for rid in ids:
        record = kg[rid]
        if isinstance(record, AIModel):
            for dev in record.developers:
                if dev in chosen:
                    counts[dev] = counts.get(dev, 0) + 1
    orgs = [i for i in ids if isinstance(kg[i], Organization)]
    ranked = sorted(orgs, key=lambda i: (-counts.get(i, 0), i))[:top]
    keep = set(ranked) | {center}
    clusters, kept_clusters = _largest_clusters(kg, ids, top_clusters)
    keep |= {c.id for c in kept_clusters} | {chip.chip for c in kept_clusters for chip in c.chips}
    made = [i for i in ids if isinstance(a := kg[i], Accelerator) and set(a.makers) & keep and i not in keep]
    keep |= set(sorted(made, key=lambda i: (str(kg.raw(i).get("released") or ""), i), reverse=True)[:top_others])
    latest, others = _latest(kg, ids, top_others)
    keep |= latest
    named = {v for i in latest for v in kg.raw(i).values() if isinstance(v, str)}
    named |= {v for i in latest for vs in kg.raw(i).values() if isinstance(vs, list) for v in vs if isinstance(v, str)}
    keep |= {i for i in ids if kg[i].record_type == "place" and i in named}
    cut = (Organization, AIModel, Product, ComputeCluster, Accelerator)
    out = [i for i in ids if i in keep or (not isinstance(kg[i], cut) and kg[i].record_type not in (*_LATEST, "place"))]
    # an investment or policy's other side may be an organization cut above: keep the picture connected
    return Summary(out, {i: counts[i] for i in ranked if counts.get(i)}, len(orgs),
                   len(clusters) if len(clusters) > len(kept_clusters) else 0, others)


def _largest_clusters(kg: KnowledgeGraph, ids: Sequence[str],
                      top: int) -> tuple[list[ComputeCluster], list[ComputeCluster]]:
    """The clusters among ``ids``, and the ``top`` largest by H100 equivalents (ties and unknown sizes by id)."""
    found = [c for i in ids if isinstance(c := kg[i], ComputeCluster)]

    def size(c: ComputeCluster) -> Decimal:
        return -c.h100_equivalents.value if c.h100_equivalents is not None else Decimal(0)

    return found, sorted(found, key=lambda c: (size(c), c.id))[:top]
