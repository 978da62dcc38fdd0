"""``asiaai-graph show ID``: one record, its relations, and its sources with their quotes.

Each field is followed by the ids of the sources that state it (``[bespick-2025;
epoch-notable-ai-models]``); where sources disagree, a *Disputes* part lists every
stated value with its sources, marks the one the record keeps (``*``) and says
why. Each source is named once (publisher, title, date) with what the record
takes from it below: quotes for an article, the row (locator) and its links for a
dataset, and the fields each citation states. Approximate dates read as such in
the chosen language (``2024 (approx.)``, ``2024년경``, ``约2024年``, ``2024年頃``).
Every text from the data is made terminal-safe by :func:`asiaai_graph.cli.output.clean`.
"""

from __future__ import annotations

import argparse
import shutil
from typing import TYPE_CHECKING, Any, TextIO

from asiaai_graph.cli.output import as_json, clean, dump, fmt, table, width, wrap
from asiaai_graph.cli.words import field_word, heads, kind_word, relation_word, type_word
from asiaai_graph.utils.i18n import date_text, tr

if TYPE_CHECKING:
    from asiaai_graph.cli.registry import Commands
    from asiaai_graph.graph.knowledge_graph import KnowledgeGraph
    from asiaai_graph.schema import Citation, Entity, Source

__all__ = ["register", "run_show", "source_line"]


def register(commands: Commands) -> None:
    """Add ``show`` to the parser."""
    p = commands.add("show", run_show, "show a record, its relations and its sources")
    p.add_argument("id", metavar="ID_OR_NAME", help="a record's id, or its name in any language (DeepSeek, 딥시크, 深度求索)")


def _columns() -> int:
    return shutil.get_terminal_size((100, 24)).columns


def _paragraphs(text: str, columns: int) -> list[str]:
    """``text`` cleaned and wrapped; a newline in the data starts a new line (never a raw control)."""
    return [line for paragraph in text.split("\n") for line in wrap(clean(paragraph), columns)]


def source_line(source: Source, lang: str = "en") -> str:
    """How a source is named once above its quotes: ``[id] publisher — title — date``.

    Examples
    --------
    >>> from asiaai_graph import Source
    >>> s = Source(id="s", title="제목", title_en="Title", kind="report", published="2024~", language="ko")
    >>> source_line(s), source_line(s, "ko")
    ('[s] Title — 2024 (approx.)', '[s] 제목 — 2024년경')
    """
    publisher = source.publisher_ko if lang == "ko" and source.publisher_ko else source.publisher
    when = date_text(source.published, lang) if source.published else None
    parts = [p for p in (publisher, source.label_in(lang), when) if p]
    return f"[{source.id}] " + " — ".join(parts)


def _print_sources(kg: KnowledgeGraph, record: Entity, lang: str, out: TextIO) -> None:
    from asiaai_graph.schema import Source

    by_source: dict[str, list[Citation]] = {}
    for citation in record.sources:
        by_source.setdefault(citation.source, []).append(citation)
    columns = max(30, _columns() - 6)
    print("\n" + tr("head:Sources:", lang), file=out)
    for source_id, citations in by_source.items():
        source = kg[source_id]
        assert isinstance(source, Source)
        print("  " + clean(source_line(source, lang)), file=out)
        for citation in citations:
            if citation.quote:
                for line in _paragraphs(f"“{citation.quote}”", columns):
                    print("      " + line, file=out)
            if citation.locator:
                for line in _paragraphs(f"{tr('head:row', lang)}: {citation.locator}", columns):
                    print("      " + line, file=out)
            for link in citation.links:
                print("      " + clean(link), file=out)
            if citation.fields:
                for line in _paragraphs(tr("head:states", lang) + ": " + ", ".join(
                        field_word(f, lang) for f in citation.fields), columns):
                    print("      " + line, file=out)
            if citation.note:
                for line in _paragraphs(f"{tr('head:note', lang)}: {citation.note}", columns):
                    print("      " + line, file=out)


def _print_disputes(record: Entity, lang: str, out: TextIO) -> None:
    """Every field sources disagree on: each stated value with its sources, the kept one marked ``*``."""
    from pydantic import TypeAdapter

    columns = max(30, _columns() - 8)
    print("\n" + tr("head:Disputes:", lang), file=out)
    for dispute in record.disputes:
        print(f"  {field_word(dispute.field, lang)}", file=out)
        kept, annotation = record.stated(dispute.field)
        for stated in dispute.values:
            value = TypeAdapter(annotation).validate_python(stated.value)
            mark = "*" if value == kept else " "
            text = f"{fmt(value, lang)}  [{'; '.join(stated.sources)}]"
            for n, line in enumerate(_paragraphs(text, columns)):
                print(f"    {mark if n == 0 else ' '} {line}", file=out)
        for line in _paragraphs(f"{tr('head:kept', lang)}: {dispute.reason}", columns):
            print("      " + line, file=out)


def run_show(args: argparse.Namespace, out: TextIO) -> int:
    from asiaai_graph.cli.commands import open_graph
    from asiaai_graph.schema import Entity

    kg = open_graph(args)
    record = kg[kg.resolve(args.id)]
    relations = kg.neighbors(record)
    if args.json:
        dump(
            {
                "record": as_json(record),
                "relations": [{"relation": rel, "id": r.id, "name": r.label, "record_type": r.record_type}
                              for rel, r in relations],
                "sources": [as_json(s) for s in kg.sources_of(record)],
            },
            out,
        )
        return 0
    print(clean(f"{record.label_in(args.lang)}  ({type_word(record.record_type, args.lang)} {record.id})"), file=out)
    cited: dict[str, list[str]] = {}
    for citation in getattr(record, "sources", ()):
        for name in citation.fields:
            cited.setdefault(name, []).append(citation.source)
    for dispute in getattr(record, "disputes", ()):  # a disputed field: the sources of the kept value (listed first)
        if dispute.field in cited and dispute.values:
            cited[dispute.field] = list(dispute.values[0].sources)
    fields = [(field_word(name, args.lang), (kind_word(value, args.lang) if name == "kind" else fmt(value, args.lang))
               + (f"  [{'; '.join(dict.fromkeys(cited[name]))}]" if name in cited else ""))
              for name, value in record
              if name not in {"id", "sources", "disputes"} and value not in (None, (), {})]
    name_width = max((width(name) for name, _ in fields), default=0)
    columns = max(40, _columns() - name_width - 2)
    for name, text in fields:
        lines = _paragraphs(text, columns)
        print(f"{name}{' ' * (name_width - width(name))}  {lines[0]}", file=out)
        for more in lines[1:]:
            print(" " * (name_width + 2) + more, file=out)
    if relations:
        print(file=out)
        table(heads(["RELATION", "ID", "NAME"], args.lang),
              [[relation_word(rel, args.lang), r.id, r.label_in(args.lang)] for rel, r in relations], out)
    if isinstance(record, Entity):
        if record.disputes:
            _print_disputes(record, args.lang, out)
        _print_sources(kg, record, args.lang, out)
    return 0
