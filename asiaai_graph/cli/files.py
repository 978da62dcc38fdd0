"""The commands that write files: export, schema, draw, chart, html.

Each ``run_*`` function takes the parsed arguments and the output stream and
returns the exit code; :mod:`asiaai_graph.cli` wires them to sub-commands.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TextIO

from asiaai_graph.cli.commands import open_graph
from asiaai_graph.cli.output import dump

__all__ = ["GRAPH_FORMATS", "RDF_FORMATS", "run_chart", "run_draw", "run_export", "run_html", "run_schema"]


RDF_FORMATS = ("turtle", "nt", "json-ld", "xml")
GRAPH_FORMATS = ("graphml", "gexf", "json")


def run_export(args: argparse.Namespace, out: TextIO) -> int:
    kg = open_graph(args)
    if args.format in RDF_FORMATS:
        text = kg.serialize(format=args.format, destination=args.output, base=args.base)
        if text is not None:
            out.write(text)
    else:
        if args.output is None:
            raise SystemExit(f"asiaai-graph: export --format {args.format} needs -o FILE")
        kg.write(args.output, format=args.format)
    return 0


def run_schema(args: argparse.Namespace, out: TextIO) -> int:
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
        dump({"output": args.output, "ids": list(ids)}, out)
    else:
        print(f"wrote {what} to {args.output}", file=out)


def run_draw(args: argparse.Namespace, out: TextIO) -> int:
    from asiaai_graph.draw import draw

    try:
        ids = draw(open_graph(args), args.target, args.output, lang=args.lang, depth=args.depth)
    except ImportError as exc:
        raise SystemExit(f"asiaai-graph: {exc}") from None
    _wrote(args, out, f"{len(ids)} records around {args.target}", ids)
    return 0


def run_chart(args: argparse.Namespace, out: TextIO) -> int:
    from asiaai_graph.draw import chart

    try:
        chart(open_graph(args), args.output, measure=args.measure, lang=args.lang)
    except ImportError as exc:
        raise SystemExit(f"asiaai-graph: {exc}") from None
    _wrote(args, out, f"the {args.measure} chart")
    return 0


def run_html(args: argparse.Namespace, out: TextIO) -> int:
    from asiaai_graph.explorer import write_html

    ids = write_html(open_graph(args), args.output, country=args.country, lang=args.lang)
    _wrote(args, out, f"an explorer of {len(ids)} records", ids)
    return 0


