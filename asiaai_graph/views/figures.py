"""What every picture of the views shares: matplotlib on demand, fonts for its words, a deterministic writer.

matplotlib is imported only when a picture is made (:func:`need_matplotlib`, with a message
saying how to install it); :func:`drawing` makes every text of a figure use fonts with the glyphs
of its words (:func:`~asiaai_graph.views.fonts.font_families`); :func:`save_figure` writes a figure as PNG, SVG or PDF (from the
file's suffix) without the dates and software versions the formats would otherwise carry, so the
same data gives byte-identical files.

Examples
--------
>>> import tempfile, pathlib
>>> from asiaai_graph.views.figures import need_matplotlib, save_figure
>>> fig = need_matplotlib().figure.Figure(figsize=(2, 1))
>>> _ = fig.add_subplot().plot([0, 1], [1, 0])
>>> out = pathlib.Path(tempfile.mkdtemp())
>>> save_figure(fig, out / "a.svg"); save_figure(fig, out / "b.svg")
>>> (out / "a.svg").read_bytes() == (out / "b.svg").read_bytes()
True
>>> save_figure(fig, out / "a.gif")
Traceback (most recent call last):
...
ValueError: cannot draw to '...a.gif': use a .png, .svg or .pdf file
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from asiaai_graph.views.fonts import font_families, no_cjk_font_warned

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["FORMATS", "MISSING_MATPLOTLIB", "drawing", "need_matplotlib", "save_figure"]

#: File suffix -> the format matplotlib writes.
FORMATS = {".png": "png", ".svg": "svg", ".pdf": "pdf"}

MISSING_MATPLOTLIB = (
    "pictures need matplotlib: pip install matplotlib "
    "(or, in the asiaai_graph checkout, pip install -e '.[draw]')"
)


def need_matplotlib() -> Any:
    """The ``matplotlib`` module (with ``matplotlib.figure`` loaded), or an ImportError that says how to install it."""
    try:
        import matplotlib
        import matplotlib.figure  # noqa: F401  (loaded so that callers can use matplotlib.figure)
    except ImportError as exc:
        raise ImportError(MISSING_MATPLOTLIB) from exc
    return matplotlib


@contextmanager
def drawing(lang: str, texts: Sequence[str]) -> Iterator[None]:
    """Every text made inside the block uses fonts that have the glyphs of ``texts`` (in ``lang``)."""
    with need_matplotlib().rc_context({"font.family": font_families(lang, texts)}):
        yield


def save_figure(fig: Figure, path: str | os.PathLike[str]) -> None:
    """Write ``fig`` as .png, .svg or .pdf (from the suffix), the same bytes for the same figure."""
    import matplotlib

    fmt = FORMATS.get(Path(path).suffix.lower())
    if fmt is None:
        raise ValueError(f"cannot draw to {str(path)!r}: use a .png, .svg or .pdf file")
    metadata: dict[str, Any] = {"png": {"Software": None}, "svg": {"Date": None}, "pdf": {"CreationDate": None}}[fmt]
    with matplotlib.rc_context({"svg.hashsalt": "asiaai-graph", "svg.fonttype": "path"}), warnings.catch_warnings():
        if no_cjk_font_warned():  # said once already; not once more per missing glyph
            warnings.filterwarnings("ignore", message=r"Glyph \d+ .*missing from font", category=UserWarning)
        fig.savefig(path, format=fmt, dpi=150, metadata=metadata, facecolor="white")
