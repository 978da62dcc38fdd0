"""Label placement without overlaps for pictures (:mod:`asiaai_graph.views.draw`).

Each node's name goes below its disc if that spot is free, else above, to the
right, to the left, at a corner, or further below: the first spot where it
touches no other disc and no label placed before it (the picture's center
first, then the others in the order given). A relation's name goes at 45 % of
its arrow, else at 35, 55, 30, 60, 25 or 65 %. A label with no free spot is left
out (the count is returned, and the picture's footnote says how many): a name
printed over another is read as neither.

Examples
--------
>>> import matplotlib
>>> from matplotlib.figure import Figure
>>> fig = Figure(figsize=(3, 3))
>>> ax = fig.add_subplot()
>>> _ = ax.scatter([0, 0.01], [0, 0], s=170)
>>> _ = ax.set_xlim(-1, 1), ax.set_ylim(-1, 1)
>>> a = ax.annotate("First", (0, 0), xytext=(0, -9), textcoords="offset points", ha="center", va="top")
>>> b = ax.annotate("Second", (0.01, 0), xytext=(0, -9), textcoords="offset points", ha="center", va="top")
>>> place_labels(fig, ax, [(a, (0, 0), 170), (b, (0.01, 0), 170)], [])
0
>>> a.get_position(), b.get_position()   # the second name moved off the first
((0, -9), (0, 9))
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

__all__ = ["NODE_SPOTS", "boxes_overlap", "place_labels"]

#: Where a node's name may go, in order: (offset in points, horizontal and vertical alignment).
NODE_SPOTS: tuple[tuple[tuple[float, float], str, str], ...] = (
    ((0, -9), "center", "top"), ((0, 9), "center", "bottom"), ((9, 0), "left", "center"),
    ((-9, 0), "right", "center"), ((7, -7), "left", "top"), ((-7, -7), "right", "top"),
    ((7, 7), "left", "bottom"), ((-7, 7), "right", "bottom"), ((0, -22), "center", "top"),
    ((0, 22), "center", "bottom"),
)
#: Where along its arrow a relation's name may go.
EDGE_SPOTS = (0.45, 0.35, 0.55, 0.3, 0.6, 0.25, 0.65)

Box = tuple[float, float, float, float]


def boxes_overlap(a: Box, b: Box) -> bool:
    """Whether two boxes ``(x0, y0, x1, y1)`` share more than an edge.

    >>> boxes_overlap((0, 0, 2, 2), (1, 1, 3, 3)), boxes_overlap((0, 0, 1, 1), (1, 0, 2, 1))
    (True, False)
    """
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _box(text: Any, renderer: Any) -> Box:
    e = text.get_window_extent(renderer)
    return (e.x0 - 1, e.y0 - 1, e.x1 + 1, e.y1 + 1)


def place_labels(fig: Any, ax: Any, nodes: Sequence[tuple[Any, tuple[float, float], float]],
                 edges: Sequence[tuple[Any, tuple[float, float], tuple[float, float]]]) -> int:
    """Move each label to its first free spot; hide those with none. Returns how many node names were hidden.

    ``nodes``: (the name's annotation, the disc's center in data coordinates, the disc's
    area in points², as ``scatter``'s ``s``); ``edges``: (the relation's text, the arrow's
    two ends in data coordinates).
    """
    import warnings

    with warnings.catch_warnings():  # a missing CJK glyph is warned about once, when the picture is saved
        warnings.filterwarnings("ignore", message=r"Glyph \d+ .*missing from font", category=UserWarning)
        return _place(fig, ax, nodes, edges)


def _place(fig: Any, ax: Any, nodes: Sequence[tuple[Any, tuple[float, float], float]],
           edges: Sequence[tuple[Any, tuple[float, float], tuple[float, float]]]) -> int:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    if not isinstance(fig.canvas, FigureCanvasAgg):
        FigureCanvasAgg(fig)
    fig.draw_without_rendering()  # the constrained layout settles the axes first
    renderer = fig.canvas.get_renderer()
    scale = fig.dpi / 72
    taken: list[Box] = []
    for _, (x, y), size in nodes:
        cx, cy = ax.transData.transform((x, y))
        r = math.sqrt(size) / 2 * scale
        taken.append((cx - r, cy - r, cx + r, cy + r))
    node_spots = [{"position": offset, "horizontalalignment": ha, "verticalalignment": va}
                  for offset, ha, va in NODE_SPOTS]
    hidden = sum(not _first_free(text, node_spots, taken, renderer) for text, _, _ in nodes)
    for text, (x0, y0), (x1, y1) in edges:
        _first_free(text, [{"position": (x0 + t * (x1 - x0), y0 + t * (y1 - y0))} for t in EDGE_SPOTS], taken, renderer)
    return hidden


def _first_free(text: Any, spots: Sequence[dict[str, Any]], taken: list[Box], renderer: Any) -> bool:
    """Set ``text`` to the first of ``spots`` (its properties there) where it overlaps nothing ``taken``, and take
    that box; hide it when there is none. Whether it found one."""
    for spot in spots:
        text.set(**spot)
        box = _box(text, renderer)
        if not any(boxes_overlap(box, other) for other in taken):
            taken.append(box)
            return True
    text.set_visible(False)
    return False
