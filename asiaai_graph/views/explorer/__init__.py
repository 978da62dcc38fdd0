"""An interactive explorer: one self-contained HTML file that works offline.

The page holds the records as JSON and draws them with Cytoscape.js 3.34.4
(``npm pack cytoscape@3.34.4``, ``dist/cytoscape.min.js``), vendored in
``vendor/`` with its MIT licence (``vendor/cytoscape.LICENSE``) and inlined into
the page, so nothing is fetched from the network. It has a zoomable map of the
graph, a search box that finds entities by any of their names (the keys are
:func:`asiaai_graph.graph.search.normalize` of every name, computed here; the query is
normalised the same way in JavaScript), a side panel with the selected
entity's facts, relations and sources (publisher, title, date, quotes),
filters by kind and by country, and a language switch (en/ko/zh/ja) for the
whole interface: names, buttons, headings, kinds, relations, field labels and
country names. The interface text is one table, ``strings.json``; its country
names come from the Unicode CLDR (``vendor/cldr.LICENSE``).

It stays fluid with tens of thousands of entities because positions are
computed here, once (:mod:`asiaai_graph.views.explorer.layout`: a map of country
discs, each laid out with igraph), and the page draws only what the view needs:
the whole-map view shows every country and its most connected entities, and
more appear as one zooms in (about :data:`~asiaai_graph.views.explorer.layout.OVERVIEW`
per screen), plus the selected entity and its neighbours.

``asiaai-graph html -o explorer.html [--country CN] [--lang ko]`` writes one.
"""

from __future__ import annotations

import html
import json
import os
import re
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from asiaai_graph.views.explorer.layout import layout as _layout
from asiaai_graph.readwrite.flat import countries_of, describe
from asiaai_graph.utils.i18n import LANGUAGES as I18N_LANGUAGES
from asiaai_graph.utils.i18n import TEXTS
from asiaai_graph.schema import Entity, Source
from asiaai_graph.graph.search import normalize
from asiaai_graph.views.style import COLORS

if TYPE_CHECKING:
    from asiaai_graph.graph.knowledge_graph import KnowledgeGraph

__all__ = ["CYTOSCAPE_VERSION", "LANGUAGES", "explorer_data", "render", "strings", "write_html"]

CYTOSCAPE_VERSION = "3.34.4"
"""The vendored Cytoscape.js release (``npm pack cytoscape@3.34.4``, ``dist/cytoscape.min.js``)."""

LANGUAGES = ("en", "ko", "zh", "ja")

_COLORS = {kind: colour for kind, colour in COLORS.items() if kind != "source"}  # sources: side panel
_HIDDEN_KINDS = ("indicator",)  # many small facts: off until the reader turns them on


def _asset(name: str) -> str:
    return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")


def strings() -> dict[str, Any]:
    """The interface text: ``{section: {key: {"en": ..., "ko": ..., "zh": ..., "ja": ...}}}``.

    Sections: ``ui`` (buttons, headings), ``types``, ``kinds`` (every ``kind``
    and ``measure`` value), ``regions``, ``relations``, ``fields`` (fact labels)
    and ``countries`` (ISO code -> name, from the Unicode CLDR). Record types,
    relations and measures come from :data:`asiaai_graph.utils.i18n.TEXTS` (the words
    every view shares); the rest from the explorer's ``strings.json``.

    Examples
    --------
    >>> from asiaai_graph.views.explorer import strings
    >>> table = strings()
    >>> table["ui"]["sources"]["ko"], table["types"]["organization"]["ja"], table["countries"]["KR"]["zh"]
    ('출처', '組織', '韩国')
    """
    table: dict[str, Any] = json.loads(_asset("strings.json"))
    table.pop("_about", None)
    # record types, relations and measures: the words every view shares (pictures, CLI, notebooks)
    for prefix, section in (("type:", "types"), ("rel:", "relations"), ("measure:", "kinds")):
        shared = {key[len(prefix):]: dict(zip(I18N_LANGUAGES, texts)) for key, texts in TEXTS.items()
                  if key.startswith(prefix)}
        table[section] = {**table.get(section, {}), **shared}
    return table


def _names(record: Entity) -> dict[str, str]:
    labels: dict[str, str] = {str(k): v for k, v in record.labels.items()}
    names = {"en": labels.get("en") or record.name}
    for lang in LANGUAGES[1:]:
        candidates = [lang] + (["zh-Hans", "zh-Hant"] if lang == "zh" else [])
        found = next((labels[c] for c in candidates if labels.get(c)), None)
        if found:
            names[lang] = found
    return names


def _disputes(record: Entity) -> list[list[Any]]:
    """``[field, reason, [[value as text, [source ids], kept], ...]]`` for each field sources disagree on."""
    from pydantic import TypeAdapter

    out = []
    for d in record.disputes:
        annotation: Any = type(record).model_fields[d.field].annotation
        kept = getattr(record, d.field)
        values = []
        for v in d.values:
            typed = TypeAdapter(annotation).validate_python(v.value)
            values.append([describe(typed), list(v.sources), typed == kept])
        out.append([d.field, d.reason, values])
    return out


def explorer_data(kg: KnowledgeGraph, country: str | None = None) -> dict[str, Any]:
    """What the page embeds: nodes with names, facts and citations; edges; the cited sources.

    With ``country``, only that country's ecosystem (see :func:`asiaai_graph.views.subgraphs.ecosystem`).
    Each node also carries its search ``keys`` (every name, normalised) and its
    place on the map, ``pos = [x, y, size, lod]`` (see
    :func:`asiaai_graph.views.explorer.layout.layout`); ``regions`` are the country
    discs; ``countries`` gives each country's name in every interface language.

    Examples
    --------
    >>> import asiaai_graph as ag
    >>> from asiaai_graph.views.explorer import explorer_data
    >>> data = explorer_data(ag.load())
    >>> baidu = next(n for n in data["nodes"] if n["id"] == "baidu")
    >>> baidu["names"]["ko"], baidu["type"], baidu["countries"], "바이두" in baidu["keys"]
    ('바이두', 'organization', ['CN'], True)
    >>> data["countries"]["CN"]["ja"], [r["id"] for r in data["regions"]][:1]
    ('中国', ['CN'])
    >>> sorted(data["sources"])[:1] == sorted({c["source"] for n in data["nodes"] for c in n["citations"]})[:1]
    True
    """
    from asiaai_graph import __version__
    from asiaai_graph.views.subgraphs import ecosystem

    if country is not None:
        ids = ecosystem(kg, country)
    else:
        ids = [rid for rid, r in kg.items() if not isinstance(r, Source)]
    keep = set(ids)
    nodes: list[dict[str, Any]] = []
    cited: dict[str, None] = {}
    for rid in sorted(keep):
        record = kg[rid]
        if isinstance(record, Entity):
            nodes.append(_node(kg, record))
            cited.update(dict.fromkeys(c.source for c in record.sources))
    for n in nodes:
        n["keys"] = sorted({k for k in map(normalize, [n["id"], *n["names"].values(), *n["aliases"]]) if k})
    edges = sorted(({"source": e.source, "target": e.target, "relation": e.relation}
                    for e in kg.edges() if e.source in keep and e.target in keep),
                   key=lambda e: (e["source"], e["relation"], e["target"]))
    placed = _layout(nodes, edges)
    for n in nodes:
        n["pos"] = placed["nodes"][n["id"]]
    nodes.sort(key=lambda n: (n["pos"][3], n["id"]))  # in the order the zoom reveals them
    sources = {sid: _source(kg, sid) for sid in sorted(cited)}
    country_names = _country_names(kg, nodes)
    types = [t for t in _COLORS if any(n["type"] == t for n in nodes)]
    return {
        "version": __version__,
        "country": country,
        "types": types,
        "colors": {t: _COLORS[t] for t in types},
        "hidden": [t for t in _HIDDEN_KINDS if t in types],
        "countries": dict(sorted(country_names.items(), key=lambda kv: (kv[1]["en"], kv[0]))),
        "regions": placed["regions"],
        "nodes": nodes,
        "edges": edges,
        "sources": sources,
    }


def _node(kg: KnowledgeGraph, record: Entity) -> dict[str, Any]:
    """A record as the page shows it: names, facts with the sources that state them, citations, disputes."""
    skip = {"id", "name", "labels", "sources", "disputes"} | {r.field for r in type(record).refs if r.key is None}
    stated: dict[str, list[str]] = {}
    for c in record.sources:
        for name in c.fields:
            stated.setdefault(name.partition(".")[0], []).append(c.source)
    facts = [[name, describe(value), list(dict.fromkeys(stated.get(name, ())))] for name, value in record
             if name not in skip and value not in (None, (), {})]
    citations = [{"source": c.source, **({"quote": c.quote} if c.quote else {}),
                  **({"note": c.note} if c.note else {}), **({"locator": c.locator} if c.locator else {}),
                  **({"links": list(c.links)} if c.links else {}), **({"fields": list(c.fields)} if c.fields else {})}
                 for c in record.sources]
    return {
        "id": record.id,
        "type": record.record_type,
        "kind": getattr(record, "kind", None) or getattr(record, "measure", None) or "",
        "names": _names(record),
        "aliases": list(record.aliases),
        "countries": list(countries_of(kg, record)),
        "facts": facts,
        "citations": citations,
        **({"disputes": _disputes(record)} if record.disputes else {}),
    }


def _source(kg: KnowledgeGraph, sid: str) -> dict[str, Any]:
    """A cited source's bibliographic details, as the page shows them."""
    s = kg[sid]
    assert isinstance(s, Source)
    return {k: v for k, v in {
        "title": s.title, "title_en": s.title_en, "publisher": s.publisher, "publisher_ko": s.publisher_ko,
        "kind": s.kind, "author": s.author, "published": str(s.published) if s.published else None,
        "url": s.url, "language": s.language,
    }.items() if v}


def _country_names(kg: KnowledgeGraph, nodes: list[dict[str, Any]]) -> dict[str, dict[str, str]]:
    """Each country the nodes are in (or are), named in every interface language (the data's names first, then CLDR's)."""
    cldr = strings()["countries"]
    names: dict[str, dict[str, str]] = {}
    for c in sorted({c for n in nodes for c in n["countries"]} | {n["id"] for n in nodes if n["type"] == "country"}):
        country_record = kg.get(c)
        own = _names(country_record) if isinstance(country_record, Entity) else {}
        names[c] = {lang: own.get(lang) or cldr.get(c, {}).get(lang) or own.get("en") or c for lang in LANGUAGES}
    return names


def _json_for_script(data: Any) -> str:
    """JSON that is safe inside a ``<script>`` element: no ``</script>``, ``<!--`` or ``]]>``."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _script_safe(code: str) -> str:
    return re.sub(r"</(script)", r"<\\/\1", code, flags=re.IGNORECASE)


def render(kg: KnowledgeGraph, country: str | None = None, lang: str = "en") -> str:
    """The explorer page as HTML text (``lang`` is the starting language of the labels).

    Examples
    --------
    >>> import asiaai_graph as ag
    >>> from asiaai_graph.views.explorer import render
    >>> page = render(ag.load(), country="KR", lang="ko")
    >>> page.startswith("<!DOCTYPE html>"), "cytoscape" in page, "https://" in page.split("<body")[0]
    (True, True, False)
    """
    return _page(explorer_data(kg, country), lang)


def _compact(data: dict[str, Any]) -> dict[str, Any]:
    """The page's form of :func:`explorer_data`: edges as ``[source index, target index, relation index]``
    (a quarter of the bytes at 10k entities; the page rebuilds the dicts)."""
    index = {n["id"]: i for i, n in enumerate(data["nodes"])}
    relations = sorted({e["relation"] for e in data["edges"]})
    code = {r: i for i, r in enumerate(relations)}
    out = {k: v for k, v in data.items() if k != "edges"}
    out["relations"] = relations
    out["edges"] = [[index[e["source"]], index[e["target"]], code[e["relation"]]] for e in data["edges"]]
    return out


def _page(data: dict[str, Any], lang: str) -> str:
    if lang not in LANGUAGES:
        raise ValueError(f"lang={lang!r} is not one of: {', '.join(LANGUAGES)}")
    country = data["country"]
    table = strings()
    title = table["ui"]["title"][lang] + (f" · {country}" if country else "")
    parts = {
        "TITLE": html.escape(title),
        "LANG": lang,
        "CSS": _asset("explorer.css"),
        "CYTOSCAPE": _script_safe(_asset("vendor/cytoscape.min.js")),
        "CYTOSCAPE_LICENCE": html.escape(_asset("vendor/cytoscape.LICENSE")),
        "CLDR_LICENCE": html.escape(_asset("vendor/cldr.LICENSE")),
        "CYTOSCAPE_VERSION": CYTOSCAPE_VERSION,
        "DATA_VERSION": html.escape(data["version"]),
        "APP": _script_safe(_asset("explorer.js")),
        "STRINGS": _json_for_script({k: v for k, v in table.items() if k != "countries"}),
        "DATA": _json_for_script(_compact(data)),
    }
    return re.sub(r"@@([A-Z_]+)@@", lambda m: parts[m.group(1)], _asset("explorer.html"))


def write_html(kg: KnowledgeGraph, path: str | os.PathLike[str], country: str | None = None,
               lang: str = "en") -> list[str]:
    """Write the explorer to ``path``; returns the ids of the entities it shows.

    Examples
    --------
    >>> import asiaai_graph as ag, tempfile, pathlib
    >>> from asiaai_graph.views.explorer import write_html
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "explorer.html"
    >>> "baidu" in write_html(ag.load(), out, country="CN")
    True
    >>> out.stat().st_size > 400_000  # the graph library is inlined
    True
    """
    data = explorer_data(kg, country)
    Path(path).write_text(_page(data, lang), encoding="utf-8")
    return [n["id"] for n in data["nodes"]]
