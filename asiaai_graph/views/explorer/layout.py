"""Where the explorer draws each entity, computed once in Python so the page starts drawn.

The picture is a map of countries. Every entity has a *home* country (its first
country, see :func:`asiaai_graph.readwrite.flat.countries_of`; entities without one share
a region of their own). Each country's entities are laid out together with
igraph's Fruchterman-Reingold layout (120 iterations; the grid variant from 500
entities, so 6,000 entities take about a second), the country itself pinned at the
centre, then spread evenly over a disc whose area grows with the number of
entities (each keeps its direction from the country and the order of the
distances, so neighbours stay near).
The discs are then packed without overlap, countries with many relations
between them side by side.

Each entity also gets a *detail level* ``lod``: the page shows it when the view
is zoomed in at least ``lod`` times from the whole-map view. Within a country,
the country and its most connected entities come first (organizations before
places of the same degree); the number shown per
screen stays about the same at any zoom (about :data:`OVERVIEW` entities).

The result depends only on the data: starting positions come from a hash of
each id, igraph's random numbers from a fixed seed, and coordinates are
rounded, so the same data gives byte-identical pages.
"""

from __future__ import annotations

import hashlib
import math
import random
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

__all__ = ["OVERVIEW", "layout"]

OVERVIEW = 200
"""About how many entities the whole-map view shows (and any view, as it zooms in)."""

SEED = 20250121
_SPACING = 40.0  # model units per entity (square root of the area each entity gets)
_MAP_SIZE = 1000.0  # the whole map is scaled to about this width
_MIN_PER_REGION = 6  # every region shows at least this many entities in the overview
_WEIGHT = {"organization": 1.0, "place": 0.4}  # how much a relation counts towards a place in the overview (others 0.7)


def _start(node_id: str) -> list[float]:
    """A deterministic starting position in [-1, 1)² from the id (not from Python's hash)."""
    digest = hashlib.blake2b(node_id.encode("utf-8"), digest_size=8).digest()
    return [int.from_bytes(digest[:4], "big") / 2**31 - 1.0, int.from_bytes(digest[4:], "big") / 2**31 - 1.0]


def _force_layout(ids: Sequence[str], pairs: Sequence[tuple[int, int]], weights: Sequence[float] | None = None,
                  pinned: int | None = None) -> list[tuple[float, float]]:
    """igraph's Fruchterman-Reingold layout with seeded randomness; ``pinned`` stays at (0, 0)."""
    import igraph

    n = len(ids)
    if n == 1:
        return [(0.0, 0.0)]
    scale = 0.3 * math.sqrt(n)
    seed = [[x * scale, y * scale] for x, y in map(_start, ids)]
    bounds: dict[str, Any] = {}
    if pinned is not None:
        seed[pinned] = [0.0, 0.0]
        low = [-math.inf] * n
        high = [math.inf] * n
        low[pinned] = high[pinned] = 0.0
        bounds = {"minx": low, "maxx": high, "miny": low, "maxy": high}
    graph = igraph.Graph(n=n, edges=list(pairs))
    rng = random.Random(SEED)
    igraph.set_random_number_generator(rng)
    try:
        coords = graph.layout_fruchterman_reingold(
            weights=list(weights) if weights is not None else None, niter=120, seed=seed,
            grid="grid" if n >= 500 else "nogrid", **bounds).coords
    finally:
        igraph.set_random_number_generator(random)
    return [(float(x), float(y)) for x, y, *_ in coords]


def _disc(points: list[tuple[float, float]], centre: tuple[float, float], radius: float) -> list[tuple[float, float]]:
    """Spread ``points`` evenly over a disc of ``radius`` around the origin, keeping each one's direction
    from ``centre`` and the order of their distances (so neighbours stay near, and density is even)."""
    cx, cy = centre
    shifted = [(x - cx, y - cy) for x, y in points]
    order = sorted(range(len(points)), key=lambda i: (math.hypot(*shifted[i]), i))
    out = [(0.0, 0.0)] * len(points)
    n = len(points)
    for rank, i in enumerate(order):
        x, y = shifted[i]
        d = math.hypot(x, y)
        if d == 0:
            continue
        r = radius * math.sqrt((rank + 0.5) / n)
        out[i] = (x / d * r, y / d * r)
    return out


def _pack(radii: list[float], links: Counter[tuple[int, int]], names: list[str]) -> list[tuple[float, float]]:
    """Centres for discs of ``radii``: a force layout of the regions, then pushed apart until none overlap."""
    n = len(radii)
    if n == 1:
        return [(0.0, 0.0)]
    pairs = sorted(links)
    start = _force_layout(names, pairs, [float(links[p]) for p in pairs])
    # spread the force layout to the discs' size, then pull together and push apart until the packing settles
    mean_r = sum(radii) / n
    span = max(math.hypot(x, y) for x, y in start) or 1.0
    pos = [[x / span * mean_r * math.sqrt(n) * 1.5, y / span * mean_r * math.sqrt(n) * 1.5] for x, y in start]
    gap = mean_r * 0.15
    for step in range(400):
        if step < 300:
            for p in pos:
                p[0] *= 0.97
                p[1] *= 0.97
        for _ in range(3):
            for i in range(n):
                for j in range(i + 1, n):
                    dx, dy = pos[j][0] - pos[i][0], pos[j][1] - pos[i][1]
                    d = math.hypot(dx, dy)
                    need = radii[i] + radii[j] + gap
                    if d >= need:
                        continue
                    if d < 1e-9:
                        dx, dy, d = math.cos(i + j), math.sin(i + j), 1.0
                    push = (need - d) / d
                    wi = radii[j] ** 2 / (radii[i] ** 2 + radii[j] ** 2)  # the smaller disc moves more
                    pos[i][0] -= dx * push * wi
                    pos[i][1] -= dy * push * wi
                    pos[j][0] += dx * push * (1 - wi)
                    pos[j][1] += dy * push * (1 - wi)
    return [(x, y) for x, y in pos]


def layout(nodes: Sequence[dict[str, Any]], edges: Sequence[dict[str, Any]],
           overview: int = OVERVIEW) -> dict[str, Any]:
    """Positions, sizes and detail levels for the explorer's ``nodes`` (dicts with ``id``, ``type``, ``countries``).

    Returns ``{"nodes": {id: [x, y, size, lod]}, "regions": [{"id", "x", "y", "r", "count"}, ...]}``;
    ``regions`` are the country discs (``id`` is the country code, ``""`` for entities without a country).

    Examples
    --------
    >>> nodes = [{"id": "KR", "type": "country", "countries": ["KR"]},
    ...          {"id": "naver", "type": "organization", "countries": ["KR"]},
    ...          {"id": "baidu", "type": "organization", "countries": ["CN"]}]
    >>> edges = [{"source": "naver", "target": "KR", "relation": "in_country"}]
    >>> out = layout(nodes, edges)
    >>> sorted(out["nodes"]), [(r["id"], r["count"]) for r in out["regions"]]
    (['KR', 'baidu', 'naver'], [('KR', 2), ('CN', 1)])
    >>> out == layout(nodes, edges)  # deterministic
    True
    """
    home = {n["id"]: n["id"] if n["type"] == "country" else (n["countries"][0] if n["countries"] else "")
            for n in nodes}
    degree, inside, links = _relations(home, edges)
    members: dict[str, list[str]] = defaultdict(list)
    for n in nodes:
        members[home[n["id"]]].append(n["id"])
    # largest region first; entities without a country last
    order = sorted(members, key=lambda r: (r == "", -len(members[r]), r))

    local: dict[str, tuple[float, float]] = {}
    radii: list[float] = []
    for region in order:
        ids = sorted(members[region])
        index = {rid: i for i, rid in enumerate(ids)}
        pairs = sorted({(min(index[s], index[t]), max(index[s], index[t])) for s, t in inside[region]})
        pinned = index.get(region)
        points = _force_layout(ids, pairs, pinned=pinned)
        centre = points[pinned] if pinned is not None else (
            sum(x for x, _ in points) / len(points), sum(y for _, y in points) / len(points))
        radius = _SPACING * math.sqrt(len(ids) / math.pi) + _SPACING
        radii.append(radius)
        local.update(zip(ids, _disc(points, centre, radius - _SPACING / 2)))

    region_index = {r: i for i, r in enumerate(order)}
    region_links: Counter[tuple[int, int]] = Counter()
    for (a, b), count in links.items():
        i, j = sorted((region_index[a], region_index[b]))
        region_links[(i, j)] += count
    centres = _pack(radii, region_links, [r or "-" for r in order])
    types = {n["id"]: n["type"] for n in nodes}
    return _placed(order, members, centres, radii, local, degree, types, overview)


def _relations(home: dict[str, str], edges: Sequence[dict[str, Any]]) -> tuple[
        Counter[str], dict[str, list[tuple[str, str]]], Counter[tuple[str, str]]]:
    """Each entity's degree, the edges inside each region, and the number of edges between two regions."""
    degree: Counter[str] = Counter()
    inside: dict[str, list[tuple[str, str]]] = defaultdict(list)
    links: Counter[tuple[str, str]] = Counter()
    for e in edges:
        s, t = e["source"], e["target"]
        if s not in home or t not in home or s == t:
            continue
        degree[s] += 1
        degree[t] += 1
        hs, ht = home[s], home[t]
        if hs == ht:
            inside[hs].append((s, t))
        else:
            links[(min(hs, ht), max(hs, ht))] += 1
    return degree, inside, links


def _placed(order: list[str], members: dict[str, list[str]], centres: list[tuple[float, float]], radii: list[float],
            local: dict[str, tuple[float, float]], degree: Counter[str], types: dict[str, str],
            overview: int) -> dict[str, Any]:
    """The map scaled to about ``_MAP_SIZE`` across: each entity's place, size and level of detail, and the discs."""
    xs = [c[0] - r for c, r in zip(centres, radii)] + [c[0] + r for c, r in zip(centres, radii)]
    ys = [c[1] - r for c, r in zip(centres, radii)] + [c[1] + r for c, r in zip(centres, radii)]
    scale = _MAP_SIZE / max(max(xs) - min(xs), max(ys) - min(ys), 1.0)
    mid = ((max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2)
    total = sum(len(m) for m in members.values())
    out: dict[str, list[float]] = {}
    regions = []
    for region, (cx, cy), radius in zip(order, centres, radii):
        ids = sorted(members[region], key=lambda rid: (rid != region, -degree[rid] * _WEIGHT.get(types[rid], 0.7), rid))
        budget = max(min(len(ids), _MIN_PER_REGION), round(overview * len(ids) / total))
        for rank, rid in enumerate(ids):
            lod = 0.0 if rank < budget else math.sqrt((rank + 1) / budget)
            base = 6.0 + 1.8 * math.sqrt(degree[rid])
            if rid == region:
                base = max(base, 24.0)
            size = min(base, 32.0) / max(lod, 1.0)
            x, y = local[rid]
            out[rid] = [round((cx + x - mid[0]) * scale, 2), round((cy + y - mid[1]) * scale, 2),
                        round(size, 2), round(lod, 3)]
        regions.append({"id": region, "x": round((cx - mid[0]) * scale, 2), "y": round((cy - mid[1]) * scale, 2),
                        "r": round(radius * scale, 2), "count": len(ids)})
    return {"nodes": out, "regions": regions}
