"""The commands that ask the graph: search, show, list, llm-builders, validate, stats, sparql.

Each ``run_*`` function takes the parsed arguments and the output stream and
returns the exit code; :mod:`asiaai_graph.cli` wires them to sub-commands.
"""

from __future__ import annotations

import argparse
import shutil
import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, TextIO

from asiaai_graph.cli.output import as_json, dump, fmt, row, table

if TYPE_CHECKING:
    from asiaai_graph.graph import KnowledgeGraph
    from asiaai_graph.schema import Record

__all__ = ["open_graph", "run_list", "run_llm_builders", "run_search", "run_show", "run_sparql", "run_stats",
           "run_validate"]


def open_graph(args: argparse.Namespace) -> KnowledgeGraph:
    """The graph the arguments ask for: the curated data unless ``--no-curated``, plus ``--data`` paths."""
    from asiaai_graph.loading import load

    return load(args.data or None, curated=not args.no_curated)


def run_search(args: argparse.Namespace, out: TextIO) -> int:
    hits = open_graph(args).search(args.query, limit=args.limit)
    if args.json:
        dump([as_json(r) for r in hits], out)
    elif hits:
        table(["ID", "NAME", "TYPE", "DETAILS"], [row(r, args.lang) for r in hits], out)
    else:
        print(f"nothing matches {args.query!r}", file=out)
    return 0


def run_show(args: argparse.Namespace, out: TextIO) -> int:
    kg = open_graph(args)
    record = kg[args.id]
    relations = kg.neighbors(record)
    sources = kg.sources_of(record)
    if args.json:
        dump(
            {
                "record": as_json(record),
                "relations": [{"relation": rel, "id": r.id, "name": r.label, "record_type": r.record_type}
                              for rel, r in relations],
                "sources": [as_json(s) for s in sources],
            },
            out,
        )
        return 0
    print(f"{record.label_in(args.lang)}  ({record.record_type} {record.id})", file=out)
    fields = [(name, fmt(value)) for name, value in record if name not in {"id", "sources"}
              and value not in (None, (), {})]
    name_width = max((len(name) for name, _ in fields), default=0)
    columns = max(40, shutil.get_terminal_size((100, 24)).columns - name_width - 2)
    for name, text in fields:
        lines = textwrap.wrap(text, columns) or [""]
        print(f"{name:<{name_width}}  {lines[0]}", file=out)
        for more in lines[1:]:
            print(" " * (name_width + 2) + more, file=out)
    if relations:
        print(file=out)
        table(["RELATION", "ID", "NAME"], [[rel, r.id, r.label_in(args.lang)] for rel, r in relations], out)
    from asiaai_graph.schema import Entity, Source

    if isinstance(record, Entity):
        print("\nSources:", file=out)
        for citation in record.sources:
            source = kg[citation.source]
            assert isinstance(source, Source)
            when = f" ({source.published})" if source.published else ""
            print(f"  [{source.id}] {source.publisher or ''}, {source.title}{when}", file=out)
            if citation.quote:
                print(f"      “{citation.quote}”", file=out)
            if citation.note:
                print(f"      note: {citation.note}", file=out)
    return 0


def run_list(args: argparse.Namespace, out: TextIO) -> int:
    kg = open_graph(args)
    if args.record_type == "organization":
        records: list[Any] = kg.organizations(country=args.country, kind=args.kind)
    elif args.record_type == "model":
        records = kg.models(country=args.country, kind=args.kind)
    elif args.record_type == "policy":
        records = kg.policies(country=args.country, kind=args.kind)
    elif args.record_type == "investment" and not args.kind:
        records = kg.investments(country=args.country)
    elif args.record_type == "partnership" and not args.kind:
        records = kg.partnerships(country=args.country)
    elif args.record_type == "indicator" and not args.kind:
        records = kg.indicators(country=args.country)
    elif args.country or args.kind:
        raise SystemExit(f"asiaai-graph: list {args.record_type} takes no --country/--kind filter")
    else:
        records = kg.records(args.record_type)
    return _print_records(records, args, out)


def _print_records(records: Sequence[Record], args: argparse.Namespace, out: TextIO) -> int:
    if args.json:
        dump([as_json(r) for r in records], out)
    else:
        table(["ID", "NAME", "TYPE", "DETAILS"], [row(r, args.lang) for r in records], out)
    return 0


def run_llm_builders(args: argparse.Namespace, out: TextIO) -> int:
    kg = open_graph(args)
    builders = kg.llm_builders(country=args.country)
    if args.json:
        dump(
            [as_json(o) | {"llms": [m.id for m in kg.models(developer=o, kind="llm")]} for o in builders], out
        )
        return 0
    rows = [
        [o.id, o.label_in(args.lang), o.country or "", ", ".join(m.label_in(args.lang) for m in kg.models(developer=o, kind="llm"))]
        for o in builders
    ]
    table(["ID", "NAME", "COUNTRY", "LLMS"], rows, out)
    return 0


def run_validate(args: argparse.Namespace, out: TextIO) -> int:
    from asiaai_graph.loading import load

    kg = load(args.paths, curated=not args.no_curated, cache=False)
    counts = {t: n for t, n in kg.stats().items() if n}
    if args.json:
        dump({"valid": True, "counts": counts}, out)
    else:
        print("valid: " + ", ".join(f"{n} {t}" for t, n in counts.items()), file=out)
    return 0


def run_stats(args: argparse.Namespace, out: TextIO) -> int:
    stats = open_graph(args).stats()
    if args.json:
        dump(stats, out)
    else:
        table(["TYPE", "COUNT"], [[t, str(n)] for t, n in stats.items()], out)
    return 0


def _cell(value: Any) -> Any:
    """A SPARQL value as JSON: numbers stay numbers, dates become ISO text."""
    from decimal import Decimal

    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def run_sparql(args: argparse.Namespace, out: TextIO) -> int:
    import os

    query = args.query
    if os.path.isfile(query):
        with open(query, encoding="utf-8") as fh:
            query = fh.read()
    if args.endpoint:
        from asiaai_graph.cli.store import store_options

        rows = open_graph(args).sparql(query, base=args.base, endpoint=args.endpoint, graph=args.graph,
                                       **store_options(args))
    else:
        rows = open_graph(args).sparql(query, base=args.base)
    if args.json:
        dump([{k: _cell(v) for k, v in row.items()} for row in rows], out)
    elif rows:
        names = list(rows[0])
        table([n.upper() for n in names], [["" if r[n] is None else str(_cell(r[n])) for n in names] for r in rows], out)
    else:
        print("no results", file=out)
    return 0


