"""The commands that ask the graph: search, list, llm-builders, validate, stats, disputes, sparql.

Each ``run_*`` function takes the parsed arguments and the output stream and
returns the exit code; :func:`register` adds them to the parser.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from asiaai_graph.utils import progress
from asiaai_graph.utils.i18n import tr
from asiaai_graph.cli.filters import add_filters
from asiaai_graph.cli.output import UsageError, as_json, dump, row, say, table
from asiaai_graph.cli.words import field_word, heads, type_word
from asiaai_graph.graph.index import LANGUAGE_MODEL_KINDS
from asiaai_graph.schema.terms import RECORD_TYPE_NAMES

if TYPE_CHECKING:
    from asiaai_graph.cli.registry import Commands
    from asiaai_graph.graph.knowledge_graph import KnowledgeGraph
    from asiaai_graph.schema import Record

__all__ = ["count_matches", "open_graph", "query_text", "register", "run_list", "run_llm_builders", "run_search",
           "run_disputes", "run_sparql", "run_stats", "run_validate"]


def register(commands: Commands) -> None:
    """Add search, list, llm-builders, validate, stats, disputes and sparql to the parser."""
    p = commands.add("search", run_search, "find records by any name, in any language")
    p.add_argument("query")
    p.add_argument("--limit", type=_count, default=10, metavar="N",
                   help="show at most N records (default 10; 0 shows them all)")
    p = commands.add("list", run_list, "list the records of one type")
    p.add_argument("record_type", metavar="TYPE", choices=list(RECORD_TYPE_NAMES),
                   help="the record type: " + ", ".join(RECORD_TYPE_NAMES))
    add_filters(p)
    p.add_argument("--limit", type=_count, default=0, metavar="N", help="show at most N records (default all)")
    p.add_argument("--kind", metavar="KIND",
                   help="the records' own kind field: e.g. company or startup (organization), llm (model), "
                        "law (policy)")
    p = commands.add("llm-builders", run_llm_builders,
                     "organizations that build large language models (multimodal ones included): their developers, "
                     "not the affiliations of a paper's co-authors; Asian ones unless --country, --region or --place "
                     "says otherwise (--region all: every continent)")
    add_filters(p, year=False, sort=False)
    p.add_argument("--by-country", action="store_true", help="count the builders in each country of Asia instead")
    p = commands.add("validate", run_validate, "check data files; exit 1 with every problem listed",
                     parents=("output",))
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--no-curated", action="store_true", help="check the files alone, without the curated data")
    commands.add("stats", run_stats, "count the records of each type, and the organizations no source places")
    p = commands.add("disputes", run_disputes, "list where sources disagree: every value, its sources, the rule "
                     "that chose")
    p.add_argument("record_type", nargs="?", metavar="TYPE", choices=list(RECORD_TYPE_NAMES),
                   help="only records of this type")
    p = commands.add("sparql", run_sparql, "run a SPARQL query (text or a .rq file) over the RDF export, "
                     "or in a triple store with --endpoint")
    p.add_argument("query", metavar="QUERY_OR_FILE",
                   help="a SPARQL query in quotes, or a file holding one: an argument ending in .rq or .sparql, "
                        "or with a / and no spaces, is read as a file")
    p.add_argument("--base", help="IRI namespace of the records in the RDF export")
    p.add_argument("--endpoint", metavar="URL", help="query this triple store instead of the export")
    p.add_argument("--graph", metavar="IRI", help="with --endpoint: the named graph to query "
                   "(default: the one push gives these data)")
    p.add_argument("--time-limit", metavar="SECONDS", type=float, default=None,
                   help="stop the query after this many seconds (default: 60 in memory, 300 in a store)")
    from asiaai_graph.cli.store import add_store_options

    add_store_options(p)


def _count(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        n = -1
    if n < 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a count (0 or more)")
    return n


def open_graph(args: argparse.Namespace) -> KnowledgeGraph:
    """The graph the arguments ask for: the curated data unless ``--no-curated``, plus ``--data`` paths."""
    from asiaai_graph.loading.loader import load

    with progress.task("loading the graph"):
        return load(args.data or None, curated=not args.no_curated)


def country_of(kg: KnowledgeGraph, args: argparse.Namespace) -> str | None:
    """The country ``--country`` names: a code in any case or a name in any language (``cn``, ``중국``, ``China``).

    A place (``Hong Kong``) is a usage error that names its country (:func:`asiaai_graph.cli.filters.country_of`).
    """
    from asiaai_graph.cli.filters import country_of as resolve_country

    return resolve_country(kg, args)


def count_matches(kg: KnowledgeGraph, query: str) -> int:
    """How many records ``kg.search(query)`` would find without a limit (the name index counts them)."""
    return kg.name_index.lookup(query, 1).total


def run_search(args: argparse.Namespace, out: TextIO) -> int:
    kg = open_graph(args)
    limit = args.limit or len(kg)
    hits = kg.search(args.query, limit=limit)
    total = count_matches(kg, args.query) if len(hits) == limit else len(hits)
    if args.json:
        dump([as_json(r) for r in hits], out)
    elif hits:
        table(heads(["ID", "NAME", "TYPE", "DETAILS"], args.lang), [row(r, args.lang) for r in hits], out)
    else:
        say(f"nothing matches {args.query!r}", out)
    if total > len(hits):
        note = f"{len(hits)} of {total} shown; --limit N for more, --limit 0 for all"
        say(note, sys.stderr if args.json else out)  # JSON stays JSON
    return 0


_FILTERED = {"organization": ("country", "kind"), "model": ("country", "kind"), "policy": ("country", "kind"),
             "investment": ("country",), "partnership": ("country",), "indicator": ("country",), "cluster": ("country",)}


def run_list(args: argparse.Namespace, out: TextIO) -> int:
    from asiaai_graph.cli.filters import filter_ids, sort_records

    allowed = _FILTERED.get(args.record_type, ())
    for name in ("country", "kind", "region"):
        if getattr(args, name) and name.replace("region", "country") not in allowed:
            takes = f"takes only --{' and --'.join(allowed)}" if allowed else "takes no --country, --region or --kind"
            raise UsageError(f"list {args.record_type} {takes}")
    records = _listed(open_graph(args), args)
    if args.sort:
        records = sort_records(records, args.sort, args.ascending)
    return _print_records(records[:args.limit or None], args, out)


def _listed(kg: KnowledgeGraph, args: argparse.Namespace) -> list[Any]:
    from asiaai_graph.cli.filters import filter_ids

    records = _selected(kg, args)
    if args.region or args.place or args.year is not None or getattr(args, "currency", None):
        kept = set(filter_ids(kg, args.record_type, [r.id for r in records], args))
        records = [r for r in records if r.id in kept]
    return records


def _selected(kg: KnowledgeGraph, args: argparse.Namespace) -> list[Any]:
    if args.record_type == "organization":
        records: list[Any] = kg.organizations(country=country_of(kg, args), kind=args.kind)
    elif args.record_type == "model":
        records = kg.models(country=country_of(kg, args), kind=args.kind)
    elif args.record_type == "policy":
        records = kg.policies(country=country_of(kg, args), kind=args.kind)
    elif args.record_type == "investment":
        records = kg.investments(country=country_of(kg, args))
    elif args.record_type == "partnership":
        records = kg.partnerships(country=country_of(kg, args))
    elif args.record_type == "indicator":
        records = kg.indicators(country=country_of(kg, args))
    elif args.record_type == "cluster":
        records = kg.clusters(country=country_of(kg, args))
    else:
        records = kg.records(args.record_type)
    return records


def _print_records(records: Sequence[Record], args: argparse.Namespace, out: TextIO) -> int:
    from asiaai_graph.cli.output import fmt

    if args.json:
        dump([as_json(r) for r in records], out)
        return 0
    headers, rows = heads(["ID", "NAME", "TYPE", "DETAILS"], args.lang), [row(r, args.lang) for r in records]
    sort = getattr(args, "sort", None)
    if sort:  # the figure the rows are ordered by, in a column of its own
        headers.insert(3, field_word(sort, args.lang).upper())
        for r, cells in zip(records, rows):
            value = getattr(r, sort, None)
            cells.insert(3, "" if value is None else fmt(value, args.lang))
    table(headers, rows, out)
    return 0


def run_llm_builders(args: argparse.Namespace, out: TextIO) -> int:
    # answered from the index and the records' JSON: from a snapshot, no record model is built
    from asiaai_graph.cli.filters import filter_ids

    kg = open_graph(args)
    if args.by_country:
        return _builders_by_country(kg, args, out)
    builders = kg.ids("organization", country=country_of(kg, args), llm=True)
    if (args.region or "").casefold() in ("all", "world"):
        args.region = None
    elif not (args.country or args.region or args.place):
        args.region = "asia"  # the graph is about Asian AI; --region all lists every continent
    builders = filter_ids(kg, "organization", builders, args)
    llms = {o: sorted({m for k in LANGUAGE_MODEL_KINDS for m in kg.ids("model", developer=o, kind=k)})
            for o in builders}
    if args.json:
        dump([{"record_type": "organization"} | kg.raw(o) | {"llms": llms[o]} for o in builders], out)
        return 0
    rows = [[o, label_of(data, args.lang), data.get("country") or "",
             ", ".join(label_of(kg.raw(m), args.lang) for m in llms[o])] for o, data in ((o, kg.raw(o)) for o in builders)]
    table(heads(["ID", "NAME", "COUNTRY", "LLMS"], args.lang), rows, out)
    return 0


def _builders_by_country(kg: KnowledgeGraph, args: argparse.Namespace, out: TextIO) -> int:
    """How many organizations build LLMs in each country of Asia (UN M49, with Taiwan), most first."""
    from asiaai_graph.importers.regions import ASIA

    counts = {c: kg.ids("organization", country=c, llm=True) for c in sorted(ASIA) if c in kg}
    found = sorted(((c, ids) for c, ids in counts.items() if ids), key=lambda kv: (-len(kv[1]), kv[0]))
    if args.json:
        dump([{"country": c, "builders": len(ids), "ids": ids} for c, ids in found], out)
        return 0
    table(["COUNTRY", "NAME", "BUILDERS", "WHO"],
          [[c, label_of(kg.raw(c), args.lang), str(len(ids)), ", ".join(label_of(kg.raw(o), args.lang) for o in ids)]
           for c, ids in found], out)
    return 0


def label_of(data: dict[str, Any], lang: str) -> str:
    """A record's display name in ``lang`` from its JSON data, as ``Record.label_in`` gives it."""
    return str(data.get("labels", {}).get(lang) or data.get("name") or data.get("title_en") or data.get("title")
               or data["id"])


def run_validate(args: argparse.Namespace, out: TextIO) -> int:
    from asiaai_graph.loading.loader import load

    with progress.task("checking the data"):
        kg = load(args.paths, curated=not args.no_curated, cache=False)
    counts = {t: n for t, n in kg.stats().items() if n}
    if args.json:
        dump({"valid": True, "counts": counts}, out)
    else:
        say("valid: " + ", ".join(f"{n} {t}" for t, n in counts.items()), out)
    return 0


def run_stats(args: argparse.Namespace, out: TextIO) -> int:
    kg = open_graph(args)
    stats: dict[str, Any] = dict(kg.stats())
    missing = kg.without_country()
    states = kg.bodies_of_states()
    total = len({o for ids in missing.values() for o in ids})
    if args.json:
        dump(stats | {"organizations_without_country": {"total": total,
                                                        "by_source": {s: len(ids) for s, ids in missing.items()},
                                                        "ids": sorted({o for ids in missing.values() for o in ids})},
                      "bodies_of_states": states}, out)
        return 0
    table(heads(["TYPE", "COUNT"], args.lang), [[type_word(t, args.lang), str(n)] for t, n in stats.items()], out)
    print("\n" + tr("stats:without_country", args.lang).format(total), file=out)
    if missing:
        table(heads(["SOURCE", "WITHOUT COUNTRY"], args.lang), [[s, str(len(ids))] for s, ids in missing.items()], out)
    if states:
        print("\n" + tr("stats:bodies_of_states", args.lang).format(len(states)), file=out)
        table(heads(["ID", "MEMBERS"], args.lang), [[oid, " ".join(m)] for oid, m in states.items()], out)
    return 0


def run_disputes(args: argparse.Namespace, out: TextIO) -> int:
    """Every disagreement between sources left in the graph: the values, who states each, and why one is kept."""
    found = open_graph(args).disputes(args.record_type)
    if args.json:
        dump([{"record": rid, "field": d.field, "values": [v.model_dump(mode="json", exclude_none=True)
                                                          for v in d.values], "reason": d.reason}
              for rid, d in found], out)
        return 0
    rows = [[rid, field_word(d.field, args.lang), " | ".join(f"{_stated(v.value)} ({', '.join(v.sources)})"
                                                          for v in d.values), d.reason]
            for rid, d in found]
    table(heads(["RECORD", "FIELD", "VALUES (SOURCES), THE KEPT ONE FIRST", "WHY"], args.lang), rows, out)
    print(f"{len(found)} disputes", file=out)
    return 0


def _stated(value: Any) -> str:
    """A disputed value as text: a figure with its unit or currency, a date, an id."""
    if isinstance(value, dict):  # a figure as describe() writes it (8.58e+19 FLOP (Likely)); exact in --json
        from pydantic import ValidationError

        from asiaai_graph.schema import Money, Quantity

        try:
            return (Money if "amount" in value else Quantity).model_validate(value).describe()
        except ValidationError:
            number = value.get("value", value.get("amount"))
            rest = [str(value[k]) for k in ("unit", "currency", "qualifier", "price_year", "confidence") if k in value]
            return " ".join([str(number), *rest])
    return str(value)


def _cell(value: Any) -> Any:
    """A SPARQL value as JSON: numbers stay numbers, dates become ISO text."""
    import math
    from decimal import Decimal

    if isinstance(value, Decimal):
        if value.is_finite() and value.adjusted() < 40 and value == value.to_integral_value():
            return int(value)
        return float(value) if math.isfinite(float(value)) else str(value)
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


_QUERY_SUFFIXES = {".rq", ".sparql", ".ru"}


def query_text(argument: str) -> str:
    """The SPARQL query an argument gives: the text itself, or the content of the file it names.

    An existing file is read. An argument ending in ``.rq``, ``.sparql`` or
    ``.ru``, or holding a ``/`` and no whitespace, names a file, and a missing
    one is an error (not a query with a syntax error). Anything else is a query.

    Examples
    --------
    >>> query_text("SELECT ?s WHERE { ?s ?p ?o }")
    'SELECT ?s WHERE { ?s ?p ?o }'
    >>> query_text("queries/missing.rq")
    Traceback (most recent call last):
    ...
    asiaai_graph.cli.output.UsageError: no such query file: 'queries/missing.rq' (give a query in quotes, or the path of a .rq file)
    """
    if os.path.isfile(argument):
        with open(argument, encoding="utf-8") as fh:
            return fh.read()
    path_like = Path(argument).suffix.lower() in _QUERY_SUFFIXES or (
        ("/" in argument or os.sep in argument) and not any(ch.isspace() for ch in argument))
    if path_like:
        kind = "a folder, not a query file" if os.path.isdir(argument) else "no such query file"
        raise UsageError(f"{kind}: {argument!r} (give a query in quotes, or the path of a .rq file)")
    return argument


def run_sparql(args: argparse.Namespace, out: TextIO) -> int:
    query = query_text(args.query)
    if args.endpoint:
        from asiaai_graph.cli.store import store_options

        limit = {} if args.time_limit is None else {"deadline": args.time_limit}
        rows = open_graph(args).sparql(query, base=args.base, endpoint=args.endpoint, graph=args.graph,
                                       **store_options(args), **limit)
    else:
        limit = {} if args.time_limit is None else {"timeout": args.time_limit}
        rows = open_graph(args).sparql(query, base=args.base, **limit)
    if args.json:
        dump([{k: _cell(v) for k, v in r.items()} for r in rows], out)
    elif rows:
        names = list(rows[0])
        table([n.upper() for n in names], [["" if r[n] is None else str(_cell(r[n])) for n in names] for r in rows],
              out)
    else:
        print("no results", file=out)
    return 0
