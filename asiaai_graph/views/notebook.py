"""Cards for Jupyter: a record or the graph shown as readable HTML instead of a long ``repr``.

``Record._repr_html_`` and ``KnowledgeGraph._repr_html_`` hand over to
:func:`record_html` and :func:`graph_html`, so ``kg["deepseek-v3"]`` as the
last line of a notebook cell shows the record's names in each language, its
key facts and its sources with their quotes, and ``kg`` shows how many records
of each type it holds and how to ask it questions. Every text from the data is
HTML-escaped, and control and bidi characters are shown as escapes
(:func:`asiaai_graph.utils.safetext.clean`): a name cannot inject markup or script
into the notebook, nor reorder what it shows.

Examples
--------
>>> import asiaai_graph as ag
>>> from asiaai_graph.views.notebook import record_html
>>> card = record_html(ag.load()["deepseek-v3"])
>>> "딥시크 V3" in card and "DeepSeek-V3" in card and "<blockquote" in card
True
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any

from asiaai_graph.readwrite.flat import describe
from asiaai_graph.utils.i18n import date_text
from asiaai_graph.utils.safetext import clean
from asiaai_graph.views.style import COLORS

if TYPE_CHECKING:
    from asiaai_graph.graph.knowledge_graph import KnowledgeGraph
    from asiaai_graph.schema import Record, Source

__all__ = ["graph_html", "record_html"]

_CARD = ("font-family:system-ui,-apple-system,'Segoe UI','Noto Sans CJK KR',sans-serif;border:1px solid #d0d0d0;"
         "border-radius:6px;padding:10px 14px;max-width:780px;line-height:1.45;color:#222;background:#fff")
_LABEL = "color:#666;padding:1px 12px 1px 0;vertical-align:top;white-space:nowrap;text-align:left"
_CELL = "padding:1px 0;vertical-align:top;text-align:left"
_QUOTE = "margin:2px 0 4px 0;padding:0 0 0 10px;border-left:3px solid #ccc;color:#333"
_LANGUAGE_NAMES = {"en": "English", "ko": "한국어", "zh": "中文", "zh-Hans": "简体中文", "zh-Hant": "繁體中文",
                   "ja": "日本語"}
_SKIP = {"id", "name", "labels", "aliases", "description", "sources"}


def _e(value: object) -> str:
    """Data text as HTML: markup escaped, controls and bidi overrides shown as escapes, newlines kept."""
    return "<br>".join(escape(clean(line), quote=True) for line in str(value).split("\n"))


def _dot(record_type: str) -> str:
    colour = COLORS.get(record_type, "#999999")
    return (f'<span style="display:inline-block;width:.75em;height:.75em;border-radius:50%;'
            f'background:{colour};border:1px solid #555;margin-right:.45em"></span>')


def _value(value: Any) -> str:
    from asiaai_graph.schema import PartialDate

    if isinstance(value, PartialDate):
        return date_text(value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {v}" for k, v in value.items())
    return describe(value)


def _rows(pairs: list[tuple[str, str]]) -> str:
    return "".join(f'<tr><th style="{_LABEL};font-weight:normal">{_e(k)}</th><td style="{_CELL}">{_e(v)}</td></tr>'
                   for k, v in pairs)


def _source_title(source: Source) -> str:
    parts = [p for p in (source.publisher, source.label,
                         date_text(source.published) if source.published else None) if p]
    return " — ".join(parts)


def _sources(record: Record, kg: KnowledgeGraph | None) -> str:
    from asiaai_graph.schema import Entity, Source

    if not isinstance(record, Entity):
        return ""
    grouped: dict[str, list[tuple[str | None, str | None]]] = {}
    for c in record.sources:
        grouped.setdefault(c.source, []).append((c.quote, c.note))
    items = []
    for source_id, cited in grouped.items():
        source = kg.get(source_id) if kg is not None else None
        title = f" {_e(_source_title(source))}" if isinstance(source, Source) else ""
        body = "".join(
            (f'<blockquote style="{_QUOTE}">“{_e(q)}”</blockquote>' if q else "")
            + (f'<div style="color:#666;font-size:.92em">note: {_e(n)}</div>' if n else "")
            for q, n in cited)
        items.append(f"<li><code>{_e(source_id)}</code>{title}{body}</li>")
    return (f'<div style="margin-top:8px;color:#666">Sources</div>'
            f'<ol style="margin:2px 0 0 1.2em;padding:0">{"".join(items)}</ol>')


def record_html(record: Record, kg: KnowledgeGraph | None = None) -> str:
    """An HTML card of ``record``: names in each language, key facts, sources with their quotes.

    With ``kg``, each source is named by publisher, title and date, not only by id.

    Examples
    --------
    >>> from asiaai_graph import Organization
    >>> evil = Organization(id="x", name="<script>alert(1)</script>", kind="company", sources=["s"])
    >>> card = record_html(evil)
    >>> "<script>" in card, "&lt;script&gt;alert(1)&lt;/script&gt;" in card
    (False, True)
    """
    from asiaai_graph.schema import Entity, Source

    names: list[tuple[str, str]] = []
    if isinstance(record, Entity):
        names = [(_LANGUAGE_NAMES["en"], record.name)]
        names += [(_LANGUAGE_NAMES.get(lang, lang), label) for lang, label in record.labels.items()]
        if record.aliases:
            names.append(("aliases", "; ".join(record.aliases)))
    facts = [(name, _value(value)) for name, value in record if name not in _SKIP and value not in (None, (), {})]
    description = getattr(record, "description", None)
    link = ""
    if isinstance(record, Source) and record.url and record.url.startswith(("https://", "http://")):
        link = f' <a href="{_e(record.url)}" target="_blank" rel="noopener noreferrer">link</a>'
    return (
        f'<div class="asiaai-graph-card" style="{_CARD}">'
        f'<div style="font-size:1.12em">{_dot(record.record_type)}<strong>{_e(record.label)}</strong>'
        f' <span style="color:#666;font-size:.85em">{_e(record.record_type)} · <code>{_e(record.id)}</code>'
        f'</span>{link}</div>'
        + (f'<div style="margin:4px 0 6px 0">{_e(description)}</div>' if description else "")
        + (f'<table style="border-collapse:collapse;margin:4px 0">{_rows(names)}</table>' if names else "")
        + (f'<table style="border-collapse:collapse;margin:4px 0">{_rows(facts)}</table>' if facts else "")
        + _sources(record, kg)
        + "</div>"
    )


_HOW_TO = (
    ('kg.search("바이두")', "find records by any name, in any language"),
    ('kg["deepseek-v3"]', "one record, shown as a card"),
    ('kg.llm_builders(country="CN")', "organizations that build LLMs"),
    ('kg.models(developer="baidu", kind="llm")', "models by developer and kind"),
    ('kg.neighbors("baidu")', "(relation, record) pairs around a record"),
    ('kg.sources_of("deepseek-v3")', "the articles behind a record"),
    ('kg.to_frame("model")', "one record type as a pandas DataFrame"),
    ('kg.sparql("SELECT ...")', "SPARQL over the RDF export"),
)


def graph_html(kg: KnowledgeGraph) -> str:
    """An HTML card of the graph: how many records of each type, how many relations, how to ask it.

    Examples
    --------
    >>> import asiaai_graph as ag
    >>> card = graph_html(ag.load())
    >>> "organization" in card and "kg.search(" in card
    True
    """
    how = "".join(f'<tr><td style="{_CELL};padding-right:14px"><code>{_e(code)}</code></td>'
                  f'<td style="{_CELL};color:#666">{_e(what)}</td></tr>' for code, what in _HOW_TO)
    stats = kg.stats()
    relations = stats.pop("relations", 0)
    rows = "".join(
        f'<tr><td style="{_CELL};padding-right:14px">{_dot(t)}{_e(t)}</td>'
        f'<td style="{_CELL};text-align:right;font-variant-numeric:tabular-nums">{n:,}</td></tr>'
        for t, n in stats.items() if n)
    return (
        f'<div class="asiaai-graph-card" style="{_CARD}">'
        f'<div style="font-size:1.12em"><strong>KnowledgeGraph</strong> '
        f'<span style="color:#666">{len(kg):,} records, {relations:,} relations</span></div>'
        f'<table style="border-collapse:collapse;margin:6px 0">{rows}</table>'
        f'<div style="color:#666;margin-top:6px">Ask it:</div>'
        f'<table style="border-collapse:collapse;margin:2px 0">{how}</table></div>'
    )
