"""How each kind of record looks, shared by every view that draws (pictures, the explorer).

Examples
--------
>>> from asiaai_graph.views.style import COLORS
>>> COLORS["model"]
'#009E73'
"""

from __future__ import annotations

__all__ = ["COLORS"]

#: Record type -> colour (colour-blind-safe Okabe-Ito hues first); the order is the legend's order.
COLORS: dict[str, str] = {
    "country": "#D55E00",
    "place": "#E69F00",
    "organization": "#0072B2",
    "person": "#CC79A7",
    "model": "#009E73",
    "product": "#56B4E9",
    "accelerator": "#882255",
    "cluster": "#44AA99",
    "policy": "#8C564B",
    "investment": "#F0E442",
    "partnership": "#999999",
    "indicator": "#BBBBBB",
    "source": "#000000",
}
