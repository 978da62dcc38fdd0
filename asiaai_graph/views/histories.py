"""Pictures of dated histories: a country's (or a policy's) policy timeline, a company's funding rounds.

Every word is in ``lang`` (titles, steps, axis words), names come from the data's
labels; dates keep their precision: a step known to the day is a filled marker, one
known to the month or year (or inferred, ``~``) a hollow one. Amounts are never
converted: each currency gets its own panel.

Examples
--------
>>> import asiaai_graph as ag
>>> from asiaai_graph.views.histories import funding_figure, timeline_figure
>>> kg = ag.load()
>>> timeline_figure(kg, "kr-ai-basic-act").axes[0].get_title(loc="left")
'AI policy timeline: Basic Act on the Development of Artificial Intelligence and the Establishment of Foundation for Trustworthiness'
>>> fig = funding_figure(kg, "zhipu-ai", lang="ko")
>>> fig.axes[0].get_title(loc="left").startswith("즈푸AI")  # its Korean name
True
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from asiaai_graph.utils.i18n import scale_of, tr
from asiaai_graph.views.figures import drawing, save_figure

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from asiaai_graph.graph.knowledge_graph import KnowledgeGraph
    from asiaai_graph.schema import Investment
    from asiaai_graph.schema.values import PartialDate

__all__ = ["draw_funding", "draw_timeline", "funding_figure", "timeline_figure"]

#: Steps drawn in one colour each (colour-blind-safe, Okabe-Ito): what the step does to the policy.
_GROUPS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("proposed", ("proposed", "consultation"), "#999999"),
    ("passed", ("passed", "adopted", "approved"), "#0072B2"),
    ("promulgated", ("promulgated", "published", "announced"), "#E69F00"),
    ("in_force", ("partially_in_force", "in_force"), "#009E73"),
    ("amended", ("amended",), "#CC79A7"),
    ("repealed", ("superseded", "repealed", "expired", "lapsed", "withdrawn"), "#D55E00"),
)
_COLOR = {event: color for _, events, color in _GROUPS for event in events}
#: The legend's word for a group of several steps.
_GROUP_WORDS = {"passed": "col:passed", "promulgated": "col:promulgated", "in_force": "col:in_force"}


def _x(date: PartialDate) -> float:
    """A date as a year with its fraction; a year or month alone is placed at its middle."""
    if date.month is None:
        return date.year + 0.5
    if date.day is None:
        return date.year + (date.month - 0.5) / 12
    return date.year + (date.month - 1) / 12 + (date.day - 1) / 365


def _short(text: str, width: int = 48) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def timeline_figure(kg: KnowledgeGraph, of: str, lang: str = "en") -> Figure:
    """The dated steps of a policy (with those that amend or implement it), or of a country's or city's policies.

    One row per policy, in the order of its first step; one marker per step.
    """
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    record = kg[kg.resolve(of, ("policy", "country", "place"))]
    steps = kg.timeline(record.id)
    if not steps:
        raise ValueError(f"{record.id} has no dated policy steps to draw")
    rows: dict[str, int] = {}
    for s in steps:
        rows.setdefault(s.policy.id, len(rows))
    names = {pid: _short(kg[pid].label_in(lang)) for pid in rows}
    title = tr("title:policy_timeline", lang, record.label_in(lang))
    legend = [tr(_GROUP_WORDS.get(name, f"event:{name}"), lang) for name, _, _ in _GROUPS]
    with drawing(lang, [title, *names.values(), *legend]):
        fig = Figure(figsize=(11, 1.6 + 0.32 * len(rows)), layout="constrained")
        ax = fig.add_subplot()
        for s in steps:
            exact = s.date.day is not None and not s.date.approximate
            color = _COLOR.get(s.event, "#000000")
            ax.plot([_x(s.date)], [rows[s.policy.id]], marker="o", markersize=7, linestyle="",
                    markerfacecolor=color if exact else "white", markeredgecolor=color, markeredgewidth=1.6)
        ax.set_yticks(range(len(rows)), [names[p] for p in rows], fontsize=8)
        ax.invert_yaxis()
        ax.grid(axis="x", color="#dddddd")
        ax.spines[["top", "right"]].set_visible(False)
        ax.set_title(title, fontsize=13, loc="left")
        handles = [Line2D([], [], marker="o", linestyle="", color=color, label=word)
                   for (_, _, color), word in zip(_GROUPS, legend)]
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False, fontsize=9)
    return fig


def funding_figure(kg: KnowledgeGraph, company: str, lang: str = "en") -> Figure:
    """A company's rounds in date order: one bar per round that states an amount, one panel per currency.

    Each bar is labelled with its round (or kind) and its lead investors; a stated
    post-money valuation is written under it. Undated rounds are left out.
    """
    from matplotlib.figure import Figure

    rid = kg.resolve(company, "organization")
    rounds = [i for i in kg.funding_rounds(rid) if i.amount is not None and i.date is not None]
    if not rounds:
        raise ValueError(f"{rid} has no dated round with an amount to draw")
    by_currency: dict[str, list[Investment]] = {}
    for i in rounds:
        assert i.amount is not None
        by_currency.setdefault(i.amount.currency, []).append(i)
    title = tr("title:funding", lang, kg[rid].label_in(lang))
    labels = {i.id: _round_label(kg, i, lang) for i in rounds}
    with drawing(lang, [title, *labels.values()]):
        fig = Figure(figsize=(10, 1.2 + 3.2 * len(by_currency)), layout="constrained")
        axes = fig.subplots(len(by_currency), 1, squeeze=False, sharex=True)[:, 0]
        xs = [_x(i.date) for i in rounds if i.date]
        span = max(max(xs) - min(xs), 1.0)
        for ax, (currency, group) in zip(axes, sorted(by_currency.items(), key=lambda kv: -len(kv[1]))):
            _funding_panel(ax, currency, group, labels, lang, width=span / 60)
        axes[0].set_xlim(min(xs) - span / 12, max(xs) + span / 12)
        axes[0].set_title(title, fontsize=13, loc="left")
    return fig


def _round_label(kg: KnowledgeGraph, i: Investment, lang: str) -> str:
    """The round's name (or its date, when the source names none), and its lead investors."""
    leads = [kg[r.organization].label_in(lang) for r in i.investors if r.lead and r.organization in kg]
    head = i.round or str(i.date or "")
    return _short(head + (f" · {', '.join(leads)}" if leads else ""), 36)


def _funding_panel(ax: Any, currency: str, group: list[Investment], labels: dict[str, str], lang: str,
                   width: float) -> None:
    top = max(float(i.amount.amount) for i in group if i.amount)
    scale, word = scale_of(top, lang)
    for i in group:
        assert i.amount is not None and i.date is not None
        x, height = _x(i.date), float(i.amount.amount) / scale
        exact = i.amount.qualifier == "exact" and not i.date.approximate
        ax.bar([x], [height], width=width, color="#0072B2" if exact else "#56B4E9", edgecolor="#0072B2")
        ax.annotate(labels[i.id], (x, height), xytext=(0, 3), textcoords="offset points", ha="left",
                    va="bottom", fontsize=7, rotation=40, rotation_mode="anchor")
        if i.post_money_valuation is not None and i.post_money_valuation.currency == currency:
            value = float(i.post_money_valuation.amount) / scale
            shown = f"{value:,.0f}" if value >= 100 else f"{value:.3g}"
            ax.annotate(f"{tr('col:valuation', lang).lower()} {shown}", (x, height / 2), xytext=(4, 0),
                        textcoords="offset points", ha="left", va="center", fontsize=7, color="#333333")
    ax.set_ylabel(f"{word} {currency}".strip())
    ax.spines[["top", "right"]].set_visible(False)
    ax.margins(y=0.6)
    ax.ticklabel_format(axis="x", useOffset=False, style="plain")


def draw_timeline(kg: KnowledgeGraph, of: str, path: str | os.PathLike[str], lang: str = "en") -> None:
    """Write :func:`timeline_figure` to a .png, .svg or .pdf file."""
    save_figure(timeline_figure(kg, of, lang), path)


def draw_funding(kg: KnowledgeGraph, company: str, path: str | os.PathLike[str], lang: str = "en") -> None:
    """Write :func:`funding_figure` to a .png, .svg or .pdf file."""
    save_figure(funding_figure(kg, company, lang), path)
