"""Pictures of the graph: an entity's neighbourhood, a country's AI ecosystem, a chart of figures.

Needs matplotlib (``pip install matplotlib``, or ``pip install -e '.[draw]'``
in the asiaai_graph checkout). Nodes are coloured by record type with a legend.
``lang`` (``en``, ``ko``, ``zh``, ``ja``) sets every word a picture shows: the
names of records, and the title, legend, record types, relation labels, axis
labels and footnote (from :mod:`asiaai_graph.utils.i18n`); colours, layout and the
order of series do not change with it. Korean, Chinese and Japanese need a CJK
font (Debian: ``apt-get install fonts-noto-cjk``), found by
:func:`asiaai_graph.views.fonts.find_cjk_font` even when matplotlib's font cache
predates it. Layouts use a fixed seed, so the same data gives the same picture.

The selections (:func:`neighbourhood`, :func:`ecosystem`) are plain Python and
are also what ``asiaai-graph html --country`` shows.
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, get_args

from asiaai_graph.views.figures import drawing, need_matplotlib, save_figure
from asiaai_graph.views.fonts import find_cjk_font
from asiaai_graph.views.labels import place_labels
from asiaai_graph.utils.i18n import scale_of, tr
from asiaai_graph.schema import Country, Indicator
from asiaai_graph.views.style import COLORS
from asiaai_graph.views.subgraphs import Summary, ecosystem, neighbourhood, summarise

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from asiaai_graph.graph.knowledge_graph import KnowledgeGraph

__all__ = [
    "COLORS",
    "chart",
    "chart_figure",
    "chart_measures",
    "draw",
    "ecosystem",
    "figure",
    "find_cjk_font",
    "neighbourhood",
]


_SEED = 7



def _edges(kg: KnowledgeGraph, ids: Iterable[str]) -> list[tuple[str, str, str]]:
    keep = set(ids)
    return [(e.source, e.target, e.relation) for e in kg.edges() if e.source in keep and e.target in keep]


# --- drawing -------------------------------------------------------------------------------------


def _wrap(text: str, width: int = 22) -> str:
    """Break a long label on spaces (CJK labels are short enough as they are)."""
    words, lines, line = text.split(" "), [], ""
    for w in words:
        if line and len(line) + 1 + len(w) > width:
            lines.append(line)
            line = w
        else:
            line = f"{line} {w}" if line else w
    lines.append(line)
    return "\n".join(lines[:3]) + ("…" if len(lines) > 3 else "")


def _layout(ids: Sequence[str], edges: Sequence[tuple[str, str, str]], center: str) -> dict[str, tuple[float, float]]:
    import networkx as nx

    g: nx.Graph[str] = nx.Graph()
    g.add_nodes_from(ids)
    g.add_edges_from((a, b) for a, b, _ in edges)
    n = max(len(ids), 2)
    pos = nx.spring_layout(g, seed=_SEED, k=2.2 / math.sqrt(n), iterations=300,
                           pos={center: (0.0, 0.0)} | nx.circular_layout(sorted(set(ids) - {center})),
                           fixed=[center] if len(ids) > 1 else None)
    return {k: (float(v[0]), float(v[1])) for k, v in pos.items()}


def _rings(kg: KnowledgeGraph, ids: Sequence[str], center: str,
           counts: dict[str, int]) -> dict[str, tuple[float, float]]:
    """A summarised picture's layout: the center, its organizations on a ring (most models first, clockwise
    from the top), everything else (policies, places, investments) on an outer ring, by type then id."""
    orgs = sorted((i for i in ids if i != center and kg[i].record_type == "organization"),
                  key=lambda i: (-counts.get(i, 0), i))
    rest = sorted((i for i in ids if i != center and i not in orgs), key=lambda i: (kg[i].record_type, i))
    pos = {center: (0.0, 0.0)}
    half = math.pi / max(len(orgs), 1)  # the outer ring turned half a step of the inner one: its arrows pass between
    for ring, radius, shift in ((orgs, 1.0, 0.0), (rest, 1.75, half)):
        for n, rid in enumerate(ring):
            angle = math.pi / 2 - 2 * math.pi * n / max(len(ring), 1) - shift
            pos[rid] = (radius * math.cos(angle), radius * math.sin(angle))
    return pos


def figure(kg: KnowledgeGraph, target: str, lang: str = "en", depth: int = 1) -> Figure:
    """A matplotlib :class:`~matplotlib.figure.Figure` of a country's ecosystem or an entity's neighbourhood.

    A country code draws :func:`ecosystem`; any other id draws :func:`neighbourhood`
    to ``depth`` relations. Every word is in ``lang``.

    Examples
    --------
    >>> import asiaai_graph as ag
    >>> from asiaai_graph.views.draw import figure
    >>> fig = figure(ag.load(), "deepseek-v3")
    >>> fig.axes[0].get_title(loc="left")
    'DeepSeek-V3 and its neighbours'
    >>> figure(ag.load(), "deepseek-v3", lang="ko").axes[0].get_title(loc="left")
    '딥시크 V3 주변 관계도'
    """
    need_matplotlib()
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    record = kg[target]
    name = record.label_in(lang)
    if isinstance(record, Country):
        selected = ecosystem(kg, record.id)
        title = tr("title:ecosystem", lang, name)
    else:
        selected = neighbourhood(kg, record.id, depth)
        title = tr("title:neighbours", lang, name)
    summary = summarise(kg, selected, record.id)
    ids = summary.ids
    edges = _edges(kg, ids)
    pos = _rings(kg, ids, record.id, summary.model_counts) if summary.cut else _layout(ids, edges, record.id)
    labels = {i: kg[i].label_in(lang) for i in ids}
    for rid, count in summary.model_counts.items():
        labels[rid] += f" · {tr('count:model' if count == 1 else 'count:models', lang, count)}"
    kinds = {kg[i].record_type: None for i in ids}
    words = [tr(f"type:{k}", lang) for k in kinds] + [tr(f"rel:{r}", lang) for _, _, r in edges]
    n = len(ids)
    side = min(15.0, 6.5 + 0.17 * n)
    with drawing(lang, [title, tr("legend:record_type", lang), *labels.values(), *words]):
        fig = Figure(figsize=(side * 1.3, side), layout="constrained")
        ax = fig.add_subplot()
        ax.set_axis_off()
        ax.set_title(title, fontsize=16, loc="left")

        small = n > 30
        edge_texts = _draw_edges(ax, edges, pos, lang, labelled=not small)
        names = []
        for i in sorted(ids, key=lambda i: i != record.id):  # the center's name is placed first
            kind = kg[i].record_type
            x, y = pos[i]
            size = 420 if i == record.id else 170
            ax.scatter([x], [y], s=size, c=COLORS[kind], edgecolors="#333333", linewidths=0.8, zorder=3)
            names.append((ax.annotate(_wrap(labels[i]), (x, y), xytext=(0, -9 if i != record.id else -13),
                                      textcoords="offset points", ha="center", va="top",
                                      fontsize=10 if i == record.id else (8 if small else 9),
                                      fontweight="bold" if i == record.id else "normal", zorder=4,
                                      path_effects=[_halo(3)]), (x, y), size))
        xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
        pad = 0.12
        ax.set_xlim(min(xs) - pad, max(xs) + pad)
        ax.set_ylim(min(ys) - pad * 1.6, max(ys) + pad)
        handles = [Line2D([], [], marker="o", linestyle="", markersize=9, markerfacecolor=COLORS[k],
                          markeredgecolor="#333333", label=tr(f"type:{k}", lang)) for k in COLORS if k in kinds]
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False, fontsize=10,
                  title=tr("legend:record_type", lang))
        notes = _cut_notes(kg, summary, lang)
        footnote = fig.text(0.01, 0.005, " ".join(notes), fontsize=8, color="#555555")
        hidden = place_labels(fig, ax, names, edge_texts)
        if hidden:
            footnote.set_text(" ".join([*notes, tr("footnote:hidden", lang, hidden)]))
    return fig


def _cut_notes(kg: KnowledgeGraph, summary: Summary, lang: str) -> list[str]:
    """The footnotes that say what a summarised picture leaves out (nothing when nothing was cut)."""
    if not summary.cut:
        return []
    ids = summary.ids
    shown = sum(1 for i in ids if kg[i].record_type == "organization")
    notes = [tr("footnote:summary", lang, shown=shown, total=summary.organizations,
                models=sum(summary.model_counts.values()))]
    if summary.clusters:
        drawn = sum(1 for i in ids if kg[i].record_type == "cluster")
        notes.append(tr("footnote:clusters", lang, shown=drawn, total=summary.clusters))
    notes += [tr("footnote:latest", lang, shown=drawn, total=total, kind=tr(f"plural:{kind}", lang))
              for kind, (drawn, total) in summary.others.items()]
    return notes


def _halo(width: float) -> Any:
    """A white outline that keeps a label readable over the lines beneath it."""
    from matplotlib.patheffects import withStroke

    return withStroke(linewidth=width, foreground="white")


def _draw_edges(ax: Any, edges: list[tuple[str, str, str]], pos: dict[str, tuple[float, float]], lang: str,
                labelled: bool) -> list[tuple[Any, tuple[float, float], tuple[float, float]]]:
    """Arrows for the relations, each named when the picture is small enough (placed by :func:`place_labels`)."""
    texts = []
    for a, b, rel in edges:
        (x0, y0), (x1, y1) = pos[a], pos[b]
        ax.annotate("", xy=(x1, y1), xytext=(x0, y0),
                    arrowprops={"arrowstyle": "-|>", "color": "#9a9a9a", "lw": 0.8, "shrinkA": 9, "shrinkB": 9,
                                "mutation_scale": 9},
                    zorder=1)
        if labelled:
            texts.append((ax.text(x0 + 0.45 * (x1 - x0), y0 + 0.45 * (y1 - y0), tr(f"rel:{rel}", lang), fontsize=7,
                                  color="#777777", ha="center", va="center", zorder=2, path_effects=[_halo(2.5)]),
                          (x0, y0), (x1, y1)))
    return texts


def draw(kg: KnowledgeGraph, target: str, path: str | os.PathLike[str], lang: str = "en", depth: int = 1) -> list[str]:
    """Draw a country's ecosystem or an entity's neighbourhood to a .png, .svg or .pdf file.

    Returns the ids drawn.

    Examples
    --------
    >>> import asiaai_graph as ag, tempfile, pathlib
    >>> from asiaai_graph.views.draw import draw
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "deepseek.svg"
    >>> "deepseek-v3" in draw(ag.load(), "deepseek", out, lang="ko")
    True
    >>> out.read_text(encoding="utf-8").startswith("<?xml")
    True
    """
    fig = figure(kg, target, lang=lang, depth=depth)
    save_figure(fig, path)
    record = kg[target]
    return ecosystem(kg, record.id) if isinstance(record, Country) else neighbourhood(kg, record.id, depth)


# --- charts --------------------------------------------------------------------------------------

_SIGNS = {"exact": "", "about": "≈ ", "at_least": "≥ ", "more_than": "> ", "at_most": "≤ ", "less_than": "< ",
          "between": ""}
_PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000"]


def _figure_of(ind: Indicator) -> tuple[float, float | None, str, str]:
    """(number, upper bound or None, unit, qualifier) of an indicator's amount or value."""
    if ind.amount is not None:
        m = ind.amount
        upper = float(m.upper) if m.upper is not None else None
        return float(m.amount), upper, m.currency, m.qualifier
    assert ind.value is not None
    q = ind.value
    upper = float(q.upper) if q.upper is not None else None
    return float(q.value), upper, q.unit or "", q.qualifier


def chart_measures(kg: KnowledgeGraph) -> list[str]:
    """The measures :func:`chart_figure` can draw: those with at least one dated figure in ``kg``.

    Examples
    --------
    >>> import asiaai_graph as ag
    >>> from asiaai_graph.views.draw import chart_measures
    >>> "private_ai_investment" in chart_measures(ag.load())
    True
    """
    return sorted({i.measure for i in kg.indicators() if i.period is not None})


def _unit_label(unit: str, word: str, lang: str) -> str:
    from asiaai_graph.utils.i18n import TEXTS

    unit_word = tr(f"unit:{unit}", lang) if f"unit:{unit}" in TEXTS else unit  # currencies stay ISO codes
    text = " ".join(w for w in (word, unit_word) if w)
    return tr("axis:unit", lang, text) if text else ""


def chart_figure(kg: KnowledgeGraph, measure: str = "private_ai_investment", lang: str = "en") -> Figure:
    """Bars of one indicator measure by subject and year, one panel per currency or unit.

    Every word is in ``lang``, and so are the number words of the axis (billion;
    억; 亿; 億); the colours and order of the subjects do not depend on it.
    ``measure`` may be written with hyphens (``private-ai-investment``).

    Examples
    --------
    >>> import asiaai_graph as ag
    >>> from asiaai_graph.views.draw import chart_figure
    >>> fig = chart_figure(ag.load(), "private_ai_investment")
    >>> fig.axes[0].get_ylabel()
    'billion USD'
    >>> chart_figure(ag.load(), "private_ai_investment", lang="ko").axes[0].get_ylabel()
    '단위: 억 USD'
    >>> chart_figure(ag.load(), "investment")
    Traceback (most recent call last):
    ...
    ValueError: unknown measure 'investment'; measures with dated figures to chart: ...
    """
    need_matplotlib()
    from matplotlib.figure import Figure

    from asiaai_graph.schema import Indicator as IndicatorModel

    measure = measure.replace("-", "_")
    known = ", ".join(chart_measures(kg))
    if measure not in get_args(IndicatorModel.model_fields["measure"].annotation):
        raise ValueError(f"unknown measure {measure!r}; measures with dated figures to chart: {known}")
    indicators = [i for i in kg.indicators(measure=measure) if i.period is not None]
    if not indicators:
        raise ValueError(f"no dated figures of measure {measure!r} to chart; measures with dated figures: {known}")
    by_unit: dict[str, list[Indicator]] = {}
    for ind in indicators:
        by_unit.setdefault(_figure_of(ind)[2], []).append(ind)
    subjects = sorted({i.subject for i in indicators}, key=lambda s: (kg[s].label, s))  # not by translated name
    names = {s: kg[s].label_in(lang) for s in subjects}
    colors = {s: _PALETTE[k % len(_PALETTE)] for k, s in enumerate(subjects)}
    qualifiers = {_figure_of(i)[3] for i in indicators}
    signs = [tr(f"sign:{q}", lang) for q in _SIGNS if _SIGNS[q] and q in qualifiers]
    sources = sorted({(s.publisher_ko if lang == "ko" and s.publisher_ko else s.publisher) or s.label_in(lang)
                      for i in indicators for s in kg.sources_of(i)})
    footnote = "  ·  ".join([*([tr("footnote:separator", lang).join(signs)] if signs else []),
                             tr("footnote:sources", lang, tr("footnote:separator", lang).join(sources))])
    title = tr("title:chart", lang, tr(f"measure:{measure}", lang))
    with drawing(lang, [title, footnote, *names.values()]):
        fig = Figure(figsize=(8.5, 4.8 * len(by_unit)), layout="constrained")
        axes = fig.subplots(len(by_unit), 1, squeeze=False)[:, 0]
        fig.suptitle(title, fontsize=14, x=0.02, ha="left")
        for ax, (unit, inds) in zip(axes, sorted(by_unit.items())):
            _bars(ax, unit, inds, subjects, names, colors, lang)
        fig.text(0.02, 0.0, footnote, fontsize=8, color="#555555", ha="left", va="bottom")
    return fig


def _bars(ax: Any, unit: str, inds: list[Indicator], subjects: list[str], names: dict[str, str],
          colors: dict[str, str], lang: str) -> None:
    """One panel of the chart: the figures of one unit or currency, a group of bars per year."""
    top = max(_figure_of(i)[0] for i in inds)
    scale, word = scale_of(top, lang)
    years = sorted({i.period.year for i in inds if i.period})
    present = [s for s in subjects if any(i.subject == s for i in inds)]
    width = 0.8 / len(present)
    for k, s in enumerate(present):
        for year_index, year in enumerate(years):
            match = [i for i in inds if i.subject == s and i.period and i.period.year == year]
            if not match:
                continue
            number, upper, _, qualifier = _figure_of(match[0])
            x = year_index - 0.4 + width * (k + 0.5)
            ax.bar([x], [number / scale], width=width * 0.92, color=colors[s], label=names[s])
            text = f"{_SIGNS[qualifier]}{number / scale:,.3g}" + (f"–{upper / scale:,.3g}" if upper is not None else "")
            ax.annotate(text, (x, number / scale), xytext=(0, 3), textcoords="offset points", ha="center",
                        va="bottom", fontsize=9, path_effects=[_halo(2.5)])
    ax.set_xticks(range(len(years)), [str(y) for y in years])
    ax.set_ylabel(_unit_label(unit, word, lang))
    ax.spines[["top", "right"]].set_visible(False)
    ax.margins(y=0.12)
    handles, labels = ax.get_legend_handles_labels()
    unique = dict(zip(labels, handles))
    ax.legend(unique.values(), unique.keys(), frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))


def chart(kg: KnowledgeGraph, path: str | os.PathLike[str], measure: str = "private_ai_investment",
          lang: str = "en") -> None:
    """Write :func:`chart_figure` to a .png, .svg or .pdf file.

    Examples
    --------
    >>> import asiaai_graph as ag, tempfile, pathlib
    >>> from asiaai_graph.views.draw import chart
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "investment.png"
    >>> chart(ag.load(), out, "private-ai-investment")
    >>> out.read_bytes()[:4] == b"\\x89PNG"
    True
    """
    save_figure(chart_figure(kg, measure, lang), path)

