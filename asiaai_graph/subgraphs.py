"""Which records a picture or page of one part of the graph shows: a neighbourhood, a country's ecosystem.

Plain selections of ids, shared by the pictures (:mod:`asiaai_graph.draw`) and
the explorer (:mod:`asiaai_graph.explorer`); no drawing library is needed.
"""

from __future__ import annotations

from collections import deque
from typing import TYPE_CHECKING

from asiaai_graph.schema import Country, Source

if TYPE_CHECKING:
    from asiaai_graph.graph import KnowledgeGraph

__all__ = ["ecosystem", "neighbourhood"]


def neighbourhood(kg: KnowledgeGraph, entity: str, depth: int = 1) -> list[str]:
    """Ids within ``depth`` relations of ``entity`` (citations and sources left out), nearest first.

    Countries other than ``entity`` are reached but not gone through: every
    company of a country is two steps from any other, which would make any
    picture of depth 2 one of the whole country (draw the country for that).

    Examples
    --------
    >>> import asiaai_graph as ag
    >>> from asiaai_graph.subgraphs import neighbourhood
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
    the policies of the country and its cities (and those places), and investments in and
    out of the country with the organizations on their other side.

    Examples
    --------
    >>> import asiaai_graph as ag
    >>> from asiaai_graph.subgraphs import ecosystem
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
    return list(ids)
