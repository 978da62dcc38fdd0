"""The ``asiaai-graph`` command: a thin layer over :func:`asiaai_graph.load` and the graph's queries.

Every command prints a readable table, or JSON with ``--json`` for piping.
Exit codes: 0 success, 1 bad data or unknown id, 2 bad usage.

* :mod:`asiaai_graph.cli.commands` -- commands that ask the graph (search, show, list...);
* :mod:`asiaai_graph.cli.files` -- commands that write files (export, draw, chart, html, schema);
* :mod:`asiaai_graph.cli.output` -- tables and JSON.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import TextIO

from asiaai_graph.cli import commands, files
from asiaai_graph.cli import store as store_commands
from asiaai_graph.cli.store import store_parser
from asiaai_graph.cli.output import dump
from asiaai_graph.errors import DataError, NotFound, StoreError
from asiaai_graph.schema.terms import RECORD_TYPE_NAMES

__all__ = ["main"]


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

    p = command("search", commands.run_search, "find records by any name, in any language")
    p.add_argument("query")
    p.add_argument("--limit", type=int, default=10)
    p = command("show", commands.run_show, "show a record, its relations and its sources")
    p.add_argument("id")
    p = command("list", commands.run_list, "list the records of one type")
    p.add_argument("record_type", metavar="KIND", choices=list(RECORD_TYPE_NAMES),
                   help=", ".join(RECORD_TYPE_NAMES))
    p.add_argument("--country", help="ISO 3166-1 alpha-2 code, e.g. CN")
    p.add_argument("--kind", help="subtype, e.g. company or llm")
    p = command("llm-builders", commands.run_llm_builders, "organizations that build large language models")
    p.add_argument("--country", help="ISO 3166-1 alpha-2 code, e.g. CN")
    p = command("validate", commands.run_validate, "check data files; exit 1 with every problem listed",
                parents=(common,))
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--no-curated", action="store_true", help="check the files alone, without the curated data")
    command("stats", commands.run_stats, "count the records of each type")
    p = command("export", files.run_export, "export the graph as RDF or as a graph file")
    p.add_argument("--format", "-f", default="turtle", choices=files.RDF_FORMATS + files.GRAPH_FORMATS)
    p.add_argument("--output", "-o", metavar="FILE", help="write here instead of standard output")
    p.add_argument("--base", help="IRI namespace of the records in RDF exports")
    store = store_parser()
    p = command("sparql", commands.run_sparql, "run a SPARQL query (text or a .rq file) over the RDF export, "
                "or in a triple store with --endpoint", parents=(common, data, store))
    p.add_argument("query", metavar="QUERY_OR_FILE", help="a SPARQL query, or a file holding one")
    p.add_argument("--base", help="IRI namespace of the records in the RDF export")
    p.add_argument("--endpoint", metavar="URL", help="query this triple store instead of the export")
    p.add_argument("--graph", metavar="IRI", help="with --endpoint: the named graph to query "
                   "(default: the one push gives these data)")
    p = command("push", store_commands.run_push, "replace a named graph in a triple store with the graph "
                "(SPARQL 1.1 Graph Store Protocol PUT, streamed)", parents=(common, data, store))
    p.add_argument("url", metavar="URL", help="the store, e.g. http://127.0.0.1:7878 for Oxigraph")
    p.add_argument("--graph", metavar="IRI", help="the named graph to replace (default: made of the library "
                   "version and a digest of the data; printed)")
    p.add_argument("--base", help="IRI namespace of the records in the RDF export")
    p.add_argument("--no-transaction", action="store_true",
                   help="Oxigraph's bulk loader: faster, but a push cut short leaves part of the graph")
    p = command("pull", store_commands.run_pull, "read a named graph from a triple store and write it as curated YAML",
                parents=(common, store))
    p.add_argument("url", metavar="URL", help="the store, e.g. http://127.0.0.1:7878 for Oxigraph")
    p.add_argument("--graph", metavar="IRI", required=True, help="the named graph to read")
    p.add_argument("--output", "-o", metavar="DIR", required=True, help="folder for the YAML files")
    p.add_argument("--base", help="IRI namespace of the records in the store")
    p = command("schema", files.run_schema, "write the JSON Schema of a data file, for editors", parents=())
    p.add_argument("--output", "-o", metavar="FILE", help="write here instead of standard output")
    p = command("draw", files.run_draw, "draw a country's AI ecosystem or an entity's neighbourhood (.png/.svg/.pdf)")
    p.add_argument("target", metavar="ID_OR_COUNTRY", help="a record id, or a country code such as CN")
    p.add_argument("--output", "-o", metavar="FILE", required=True, help="a .png, .svg or .pdf file")
    p.add_argument("--depth", type=int, default=1, help="relations to follow from an entity (default 1)")
    p = command("chart", files.run_chart, "chart an indicator by country and year (.png/.svg/.pdf)")
    p.add_argument("measure", nargs="?", default="private-ai-investment",
                   help="an indicator measure (default private-ai-investment)")
    p.add_argument("--output", "-o", metavar="FILE", required=True, help="a .png, .svg or .pdf file")
    p = command("html", files.run_html, "write an interactive explorer: one HTML file that works offline")
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
            dump({"valid": False, "problems": [p.__dict__ for p in exc.problems]}, out)
        else:
            print(exc, file=sys.stderr)
        return 1
    except (NotFound, ValueError, StoreError) as exc:
        print(f"asiaai-graph: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # e.g. piped into `head`
        return 0
