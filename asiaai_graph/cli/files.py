"""The commands that write files: export, schema, draw, chart, html.

Each ``run_*`` function takes the parsed arguments and the output stream and
returns the exit code; :func:`register` adds them to the parser. Before any
work, :func:`check_output` refuses an output path whose folder does not exist
(it is not created: a mistyped path should not leave folders behind), and
``export`` takes its format from the file's suffix unless ``--format`` says
otherwise, refusing a contradiction.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from asiaai_graph.utils import progress
from asiaai_graph.cli.commands import open_graph
from asiaai_graph.cli.output import UsageError, dump, say

if TYPE_CHECKING:
    from asiaai_graph.cli.registry import Commands

__all__ = ["GRAPH_FORMATS", "RDF_FORMATS", "SUFFIXES", "check_output", "export_format", "register", "run_chart",
           "run_draw", "run_export", "run_html", "run_schema"]


RDF_FORMATS = ("turtle", "nt", "json-ld", "xml")
GRAPH_FORMATS = ("graphml", "gexf", "json")

#: File suffix -> the formats it can hold, the one it means first (.xml and .json hold several).
SUFFIXES: dict[str, tuple[str, ...]] = {
    ".ttl": ("turtle",), ".turtle": ("turtle",), ".nt": ("nt",), ".jsonld": ("json-ld",),
    ".json-ld": ("json-ld",), ".rdf": ("xml",), ".owl": ("xml",), ".xml": ("xml", "graphml", "gexf"),
    ".graphml": ("graphml",), ".gexf": ("gexf",), ".json": ("json", "json-ld"),
}


def register(commands: Commands) -> None:
    """Add export, schema, draw, chart and html to the parser."""
    p = commands.add("export", run_export, "export the graph as RDF or as a graph file (format from the suffix)")
    p.add_argument("--format", "-f", choices=RDF_FORMATS + GRAPH_FORMATS,
                   help="the format; by default the output file's suffix says it (.ttl, .nt, .jsonld, .rdf, "
                        ".graphml, .gexf, .json), and standard output gets turtle")
    p.add_argument("--output", "-o", metavar="FILE", help="write here instead of standard output")
    p.add_argument("--base", help="IRI namespace of the records in RDF exports")
    p = commands.add("schema", run_schema, "write the JSON Schema of a data file, for editors", parents=())
    p.add_argument("--output", "-o", metavar="FILE", help="write here instead of standard output")
    p = commands.add("draw", run_draw, "draw a country's AI ecosystem or an entity's neighbourhood (.png/.svg/.pdf)")
    p.add_argument("target", metavar="ID_OR_COUNTRY", help="a record's id or name in any language, or a country (CN, 중국)")
    p.add_argument("--output", "-o", metavar="FILE", required=True, help="a .png, .svg or .pdf file")
    p.add_argument("--depth", type=int, default=1, help="relations to follow from an entity (default 1)")
    p = commands.add("chart", run_chart, "chart an indicator by country and year (.png/.svg/.pdf)")
    p.add_argument("measure", nargs="?", default="private-ai-investment",
                   help="an indicator measure (default private-ai-investment); a wrong one lists those with figures")
    p.add_argument("--output", "-o", metavar="FILE", required=True, help="a .png, .svg or .pdf file")
    p = commands.add("html", run_html, "write an interactive explorer: one HTML file that works offline")
    p.add_argument("--output", "-o", metavar="FILE", required=True, help="the .html file to write")
    p.add_argument("--country", help="only this country's ecosystem: a code or name (CN, 중국)")


def check_output(path: str | None) -> None:
    """Refuse, before any work, an output path that cannot be written: its folder missing, or a folder itself.

    Examples
    --------
    >>> check_output("asiaai.ttl")
    >>> check_output("no/such/folder/asiaai.ttl")
    Traceback (most recent call last):
    ...
    asiaai_graph.cli.output.UsageError: the folder 'no/such/folder' does not exist; create it first (mkdir -p no/such/folder) or write elsewhere
    """
    if path is None:
        return
    target = Path(path)
    folder = target.parent
    if target.is_dir():
        raise UsageError(f"{path!r} is a folder; give the name of a file to write in it")
    if not folder.exists():
        raise UsageError(f"the folder '{folder}' does not exist; create it first (mkdir -p {folder}) or write elsewhere")
    if not folder.is_dir():
        raise UsageError(f"'{folder}' is a file, not a folder; write elsewhere")


def export_format(format: str | None, output: str | None) -> str:
    """The export format: ``--format``, else the output's suffix, else turtle on standard output.

    Examples
    --------
    >>> export_format(None, "x.gexf"), export_format("graphml", "x.xml"), export_format(None, None)
    ('gexf', 'graphml', 'turtle')
    >>> export_format("graphml", "x.ttl")
    Traceback (most recent call last):
    ...
    asiaai_graph.cli.output.UsageError: --format graphml contradicts the file name 'x.ttl' (a .ttl file holds turtle); drop --format or name the file .graphml
    """
    from asiaai_graph.readwrite.graphformats import FORMATS

    suffix = Path(output).suffix.lower() if output else ""
    holds = SUFFIXES.get(suffix)
    if format is not None:
        if holds is not None and format not in holds:
            ext = FORMATS.get(format) or next(s for s, f in SUFFIXES.items() if f[0] == format)
            raise UsageError(f"--format {format} contradicts the file name {output!r} "
                             f"(a {suffix} file holds {' or '.join(holds)}); drop --format or name the file {ext}")
        return format
    if holds is not None:
        return holds[0]
    if output is not None:
        raise UsageError(f"cannot tell the format of {output!r} from its suffix; use "
                         f"{', '.join(SUFFIXES)} or pass --format ({', '.join(RDF_FORMATS + GRAPH_FORMATS)})")
    return "turtle"


def run_export(args: argparse.Namespace, out: TextIO) -> int:
    format = export_format(args.format, args.output)
    if format in GRAPH_FORMATS and args.output is None:
        raise UsageError(f"--format {format} needs -o FILE")
    check_output(args.output)
    kg = open_graph(args)
    with progress.task(f"exporting {format}" + (f" to {args.output}" if args.output else "")):
        if format in RDF_FORMATS:
            text = kg.serialize(format=format, destination=args.output, base=args.base)
            if text is not None:
                out.write(text)
        else:
            kg.write(args.output, format=format)
    if args.output:
        say(f"wrote {format} to {args.output}", sys.stderr)  # stdout stays the data
    return 0


def run_schema(args: argparse.Namespace, out: TextIO) -> int:
    from asiaai_graph.readwrite.jsonschema import dumps

    check_output(args.output)
    text = dumps()
    if args.output:
        with open(args.output, "w", encoding="utf-8") as f:
            f.write(text)
        say(f"wrote the JSON Schema of a data file to {args.output}", sys.stderr)
    else:
        out.write(text)
    return 0


def _wrote(args: argparse.Namespace, out: TextIO, what: str, ids: Sequence[str] = ()) -> None:
    if args.json:
        dump({"output": args.output, "ids": list(ids)}, out)
    else:
        say(f"wrote {what} to {args.output}", out)


def run_draw(args: argparse.Namespace, out: TextIO) -> int:
    from asiaai_graph.views.draw import draw

    check_output(args.output)
    kg = open_graph(args)
    with progress.task(f"drawing {args.target} to {args.output}"):
        ids = draw(kg, kg.resolve(args.target), args.output, lang=args.lang, depth=args.depth)
    _wrote(args, out, f"{len(ids)} records around {args.target}", ids)
    return 0


def run_chart(args: argparse.Namespace, out: TextIO) -> int:
    from asiaai_graph.views.draw import chart

    check_output(args.output)
    kg = open_graph(args)
    with progress.task(f"charting {args.measure} to {args.output}"):
        chart(kg, args.output, measure=args.measure, lang=args.lang)
    _wrote(args, out, f"the {args.measure} chart")
    return 0


def run_html(args: argparse.Namespace, out: TextIO) -> int:
    from asiaai_graph.views.explorer import write_html

    check_output(args.output)
    kg = open_graph(args)
    with progress.task(f"writing the explorer to {args.output}"):
        country = kg.resolve(args.country, "country") if args.country else None
        ids = write_html(kg, args.output, country=country, lang=args.lang)
    _wrote(args, out, f"an explorer of {len(ids)} records", ids)
    return 0
