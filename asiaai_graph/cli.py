"""The ``asiaai-graph`` command: a thin layer over :func:`asiaai_graph.load` and the graph's queries.

Every command prints a readable table, or JSON with ``--json`` for piping.
Exit codes: 0 success, 1 bad data or unknown id, 2 bad usage.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import textwrap
import unicodedata
from collections.abc import Callable, Sequence
from typing import Any, TextIO


from asiaai_graph.errors import DataError, NotFound
from asiaai_graph.graph import KnowledgeGraph
from asiaai_graph.loading import load
from asiaai_graph.flat import describe
from asiaai_graph.schema import RECORD_TYPES, Entity, Record, Source
from asiaai_graph.store.client import StoreError

__all__ = ["main"]


# --- output helpers ---------------------------------------------------------------------------------


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]], out: TextIO) -> None:
    widths = [max([_width(h)] + [_width(r[i]) for r in rows]) for i, h in enumerate(headers)]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(c + " " * (w - _width(c)) for c, w in zip(cells, widths)).rstrip()

    print(line(headers), file=out)
    print(line(["-" * w for w in widths]), file=out)
    for row in rows:
        print(line(row), file=out)


def _fmt(value: Any) -> str:
    if isinstance(value, dict):  # labels
        return ", ".join(f"{k}: {v}" for k, v in value.items())
    return describe(value)


def _details(record: Record) -> str:
    parts: list[str] = []
    for name in ("kind", "country", "jurisdiction", "developers", "makers", "subject", "measure",
                 "parameters", "amount", "value", "released", "launched", "date", "period", "target_year"):
        value = getattr(record, name, None)
        if value not in (None, ()):
            parts.append(_fmt(value))
    return " · ".join(parts)


def _row(record: Record, lang: str) -> list[str]:
    return [record.id, record.label_in(lang), record.record_type, _details(record)]


def _as_json(record: Record) -> dict[str, Any]:
    data: dict[str, Any] = {"record_type": record.record_type}
    data.update(record.model_dump(mode="json", exclude_defaults=True))
    return data


def _dump(data: Any, out: TextIO) -> None:
    json.dump(data, out, ensure_ascii=False, indent=2)
    out.write("\n")


# --- commands -------------------------------------------------------------------------------------


def _graph(args: argparse.Namespace) -> KnowledgeGraph:
    return load(args.data or None, curated=not args.no_curated)


def _cmd_search(args: argparse.Namespace, out: TextIO) -> int:
    hits = _graph(args).search(args.query, limit=args.limit)
    if args.json:
        _dump([_as_json(r) for r in hits], out)
    elif hits:
        _table(["ID", "NAME", "TYPE", "DETAILS"], [_row(r, args.lang) for r in hits], out)
    else:
        print(f"nothing matches {args.query!r}", file=out)
    return 0


def _cmd_show(args: argparse.Namespace, out: TextIO) -> int:
    kg = _graph(args)
    record = kg[args.id]
    relations = kg.neighbors(record)
    sources = kg.sources_of(record)
    if args.json:
        _dump(
            {
                "record": _as_json(record),
                "relations": [{"relation": rel, "id": r.id, "name": r.label, "record_type": r.record_type}
                              for rel, r in relations],
                "sources": [_as_json(s) for s in sources],
            },
            out,
        )
        return 0
    print(f"{record.label_in(args.lang)}  ({record.record_type} {record.id})", file=out)
    fields = [(name, _fmt(value)) for name, value in record if name not in {"id", "sources"}
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
        _table(["RELATION", "ID", "NAME"], [[rel, r.id, r.label_in(args.lang)] for rel, r in relations], out)
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


def _cmd_list(args: argparse.Namespace, out: TextIO) -> int:
    kg = _graph(args)
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
        _dump([_as_json(r) for r in records], out)
    else:
        _table(["ID", "NAME", "TYPE", "DETAILS"], [_row(r, args.lang) for r in records], out)
    return 0


def _cmd_llm_builders(args: argparse.Namespace, out: TextIO) -> int:
    kg = _graph(args)
    builders = kg.llm_builders(country=args.country)
    if args.json:
        _dump(
            [_as_json(o) | {"llms": [m.id for m in kg.models(developer=o, kind="llm")]} for o in builders], out
        )
        return 0
    rows = [
        [o.id, o.label_in(args.lang), o.country or "", ", ".join(m.label_in(args.lang) for m in kg.models(developer=o, kind="llm"))]
        for o in builders
    ]
    _table(["ID", "NAME", "COUNTRY", "LLMS"], rows, out)
    return 0


def _cmd_validate(args: argparse.Namespace, out: TextIO) -> int:
    kg = load(args.paths, curated=not args.no_curated, cache=False)
    counts = {t: n for t, n in kg.stats().items() if n}
    if args.json:
        _dump({"valid": True, "counts": counts}, out)
    else:
        print("valid: " + ", ".join(f"{n} {t}" for t, n in counts.items()), file=out)
    return 0


def _cmd_stats(args: argparse.Namespace, out: TextIO) -> int:
    stats = _graph(args).stats()
    if args.json:
        _dump(stats, out)
    else:
        _table(["TYPE", "COUNT"], [[t, str(n)] for t, n in stats.items()], out)
    return 0


RDF_FORMATS = ("turtle", "nt", "json-ld", "xml")
GRAPH_FORMATS = ("graphml", "gexf", "json")


def _cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    kg = _graph(args)
    if args.format in RDF_FORMATS:
        text = kg.serialize(format=args.format, destination=args.output, base=args.base)
        if text is not None:
            out.write(text)
    else:
        if args.output is None:
            raise SystemExit(f"asiaai-graph: export --format {args.format} needs -o FILE")
        kg.write(args.output, format=args.format)
    return 0


def _cmd_schema(args: argparse.Namespace, out: TextIO) -> int:
    from asiaai_graph.readwrite.jsonschema import dumps

    text = dumps()
    if args.output:
        with open(args.output, "w", encoding="utf-8") as f:
            f.write(text)
        print(f"wrote the JSON Schema of a data file to {args.output}", file=sys.stderr)
    else:
        out.write(text)
    return 0


def _wrote(args: argparse.Namespace, out: TextIO, what: str, ids: Sequence[str] = ()) -> None:
    if args.json:
        _dump({"output": args.output, "ids": list(ids)}, out)
    else:
        print(f"wrote {what} to {args.output}", file=out)


def _cmd_draw(args: argparse.Namespace, out: TextIO) -> int:
    from asiaai_graph.draw import draw

    try:
        ids = draw(_graph(args), args.target, args.output, lang=args.lang, depth=args.depth)
    except ImportError as exc:
        raise SystemExit(f"asiaai-graph: {exc}") from None
    _wrote(args, out, f"{len(ids)} records around {args.target}", ids)
    return 0


def _cmd_chart(args: argparse.Namespace, out: TextIO) -> int:
    from asiaai_graph.draw import chart

    try:
        chart(_graph(args), args.output, measure=args.measure, lang=args.lang)
    except ImportError as exc:
        raise SystemExit(f"asiaai-graph: {exc}") from None
    _wrote(args, out, f"the {args.measure} chart")
    return 0


def _cmd_html(args: argparse.Namespace, out: TextIO) -> int:
    from asiaai_graph.explorer import write_html

    ids = write_html(_graph(args), args.output, country=args.country, lang=args.lang)
    _wrote(args, out, f"an explorer of {len(ids)} records", ids)
    return 0


def _cell(value: Any) -> Any:
    """A SPARQL value as JSON: numbers stay numbers, dates become ISO text."""
    from decimal import Decimal

    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def _cmd_sparql(args: argparse.Namespace, out: TextIO) -> int:
    import os

    query = args.query
    if os.path.isfile(query):
        with open(query, encoding="utf-8") as fh:
            query = fh.read()
    if args.endpoint:
        rows = _graph(args).sparql(query, base=args.base, endpoint=args.endpoint, graph=args.graph,
                                   **_store_options(args))
    else:
        rows = _graph(args).sparql(query, base=args.base)
    if args.json:
        _dump([{k: _cell(v) for k, v in row.items()} for row in rows], out)
    elif rows:
        names = list(rows[0])
        _table([n.upper() for n in names], [["" if r[n] is None else str(_cell(r[n])) for n in names] for r in rows], out)
    else:
        print("no results", file=out)
    return 0



# --- triple stores (asiaai_graph.store) ----------------------------------------------------------


def _store_options(args: argparse.Namespace) -> dict[str, Any]:
    """Server layout, credentials (the secret from the environment only), timeout and retries."""
    import os

    from asiaai_graph.store import BasicAuth, auth_from_env
    from asiaai_graph.store.client import PASSWORD_ENV

    if args.user:
        password = os.environ.get(PASSWORD_ENV)
        if password is None:
            raise SystemExit(f"asiaai-graph: --user needs the password in ${PASSWORD_ENV}")
        auth: Any = BasicAuth(args.user, password)
    else:
        auth = auth_from_env()
    return {"server": args.server, "auth": auth, "timeout": args.timeout, "retries": args.retries}


def _cmd_push(args: argparse.Namespace, out: TextIO) -> int:
    kg = _graph(args)
    done = kg.push(args.url, args.graph, base=args.base, atomic=not args.no_transaction, **_store_options(args))
    if args.json:
        _dump({"endpoint": args.url, "graph": done.graph, "triples": done.triples, "bytes": done.bytes,
               "seconds": round(done.seconds, 3)}, out)
    else:
        print(f"pushed {done.triples:,} triples ({done.bytes / 1e6:.1f} MB) in {done.seconds:.1f} s", file=out)
        print(f"graph: {done.graph}", file=out)
    return 0


def _cmd_pull(args: argparse.Namespace, out: TextIO) -> int:
    from asiaai_graph.store import from_store
    from asiaai_graph.yamlwrite import write_yaml

    kg = from_store(args.url, args.graph, base=args.base, **_store_options(args))
    files = write_yaml(kg, args.output)
    if args.json:
        _dump({"graph": args.graph, "records": len(kg), "files": [str(f) for f in files]}, out)
    else:
        print(f"pulled {len(kg):,} records from {args.graph}; wrote {len(files)} files to {args.output}", file=out)
    return 0


def _store_parser() -> argparse.ArgumentParser:
    from asiaai_graph.store import SERVERS

    p = argparse.ArgumentParser(add_help=False)
    p.add_argument("--server", choices=SERVERS, default="oxigraph",
                   help="how the store lays out its query and Graph Store URLs (default oxigraph)")
    p.add_argument("--user", help="user for HTTP basic auth, the password in $ASIAAI_GRAPH_STORE_PASSWORD "
                                  "(a bearer token goes in $ASIAAI_GRAPH_STORE_TOKEN)")
    p.add_argument("--timeout", type=float, default=300.0, help="seconds per connection, read or write")
    p.add_argument("--retries", type=int, default=3, help="more attempts after a connection error or a 5xx")
    return p


# --- parser ---------------------------------------------------------------------------------------


def _parser() -> argparse.ArgumentParser:
    from asiaai_graph import __version__

    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--json", action="store_true", help="print JSON instead of a table")
    common.add_argument("--lang", default="en", choices=["en", "ko", "zh", "ja"], help="language of names")
    data = argparse.ArgumentParser(add_help=False)
    data.add_argument("--data", action="append", metavar="PATH", help="add your own YAML file or folder")
    data.add_argument("--no-curated", action="store_true", help="leave out the curated data")

    parser = argparse.ArgumentParser(
        prog="asiaai-graph", description="Query the asiaai_graph knowledge graph of Asian AI."
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, run: Callable[[argparse.Namespace, TextIO], int], help: str,
                parents: Sequence[argparse.ArgumentParser] = (common, data)) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help, description=help, parents=list(parents))
        p.set_defaults(run=run)
        return p

    p = command("search", _cmd_search, "find records by any name, in any language")
    p.add_argument("query")
    p.add_argument("--limit", type=int, default=10)
    p = command("show", _cmd_show, "show a record, its relations and its sources")
    p.add_argument("id")
    p = command("list", _cmd_list, "list the records of one type")
    p.add_argument("record_type", metavar="KIND", choices=list(RECORD_TYPES), help=", ".join(RECORD_TYPES))
    p.add_argument("--country", help="ISO 3166-1 alpha-2 code, e.g. CN")
    p.add_argument("--kind", help="subtype, e.g. company or llm")
    p = command("llm-builders", _cmd_llm_builders, "organizations that build large language models")
    p.add_argument("--country", help="ISO 3166-1 alpha-2 code, e.g. CN")
    p = command("validate", _cmd_validate, "check data files; exit 1 with every problem listed",
                parents=(common,))
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--no-curated", action="store_true", help="check the files alone, without the curated data")
    command("stats", _cmd_stats, "count the records of each type")
    p = command("export", _cmd_export, "export the graph as RDF or as a graph file")
    p.add_argument("--format", "-f", default="turtle", choices=RDF_FORMATS + GRAPH_FORMATS)
    p.add_argument("--output", "-o", metavar="FILE", help="write here instead of standard output")
    p.add_argument("--base", help="IRI namespace of the records in RDF exports")
    store = _store_parser()
    p = command("sparql", _cmd_sparql, "run a SPARQL query (text or a .rq file) over the RDF export, "
                "or in a triple store with --endpoint", parents=(common, data, store))
    p.add_argument("query", metavar="QUERY_OR_FILE", help="a SPARQL query, or a file holding one")
    p.add_argument("--base", help="IRI namespace of the records in the RDF export")
    p.add_argument("--endpoint", metavar="URL", help="query this triple store instead of the export")
    p.add_argument("--graph", metavar="IRI", help="with --endpoint: the named graph to query "
                   "(default: the one push gives these data)")
    p = command("push", _cmd_push, "replace a named graph in a triple store with the graph "
                "(SPARQL 1.1 Graph Store Protocol PUT, streamed)", parents=(common, data, store))
    p.add_argument("url", metavar="URL", help="the store, e.g. http://127.0.0.1:7878 for Oxigraph")
    p.add_argument("--graph", metavar="IRI", help="the named graph to replace (default: made of the library "
                   "version and a digest of the data; printed)")
    p.add_argument("--base", help="IRI namespace of the records in the RDF export")
    p.add_argument("--no-transaction", action="store_true",
                   help="Oxigraph's bulk loader: faster, but a push cut short leaves part of the graph")
    p = command("pull", _cmd_pull, "read a named graph from a triple store and write it as curated YAML",
                parents=(common, store))
    p.add_argument("url", metavar="URL", help="the store, e.g. http://127.0.0.1:7878 for Oxigraph")
    p.add_argument("--graph", metavar="IRI", required=True, help="the named graph to read")
    p.add_argument("--output", "-o", metavar="DIR", required=True, help="folder for the YAML files")
    p.add_argument("--base", help="IRI namespace of the records in the store")
    p = command("schema", _cmd_schema, "write the JSON Schema of a data file, for editors", parents=())
    p.add_argument("--output", "-o", metavar="FILE", help="write here instead of standard output")
    p = command("draw", _cmd_draw, "draw a country's AI ecosystem or an entity's neighbourhood (.png/.svg/.pdf)")
    p.add_argument("target", metavar="ID_OR_COUNTRY", help="a record id, or a country code such as CN")
    p.add_argument("--output", "-o", metavar="FILE", required=True, help="a .png, .svg or .pdf file")
    p.add_argument("--depth", type=int, default=1, help="relations to follow from an entity (default 1)")
    p = command("chart", _cmd_chart, "chart an indicator by country and year (.png/.svg/.pdf)")
    p.add_argument("measure", nargs="?", default="private-ai-investment",
                   help="an indicator measure (default private-ai-investment)")
    p.add_argument("--output", "-o", metavar="FILE", required=True, help="a .png, .svg or .pdf file")
    p = command("html", _cmd_html, "write an interactive explorer: one HTML file that works offline")
    p.add_argument("--output", "-o", metavar="FILE", required=True, help="the .html file to write")
    p.add_argument("--country", help="only this country's ecosystem, e.g. CN")
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the command line with ``argv`` (default ``sys.argv[1:]``); return the exit code.

    Examples
    --------
    >>> import io
    >>> buf = io.StringIO()
    >>> main(["llm-builders", "--country", "KR"], out=buf)
    0
    >>> "HyperCLOVA" in buf.getvalue()
    True
    """
    out = out or sys.stdout
    args = _parser().parse_args(argv)
    try:
        code: int = args.run(args, out)
        return code
    except DataError as exc:
        if getattr(args, "json", False):
            _dump({"valid": False, "problems": [p.__dict__ for p in exc.problems]}, out)
        else:
            print(exc, file=sys.stderr)
        return 1
    except (NotFound, ValueError, StoreError) as exc:
        print(f"asiaai-graph: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # e.g. piped into `head`
        return 0
