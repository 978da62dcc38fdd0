"""The commands that talk to a triple store: push, pull (and ``sparql --endpoint``).

See :mod:`asiaai_graph.store`: the SPARQL 1.1 Graph Store Protocol for push
and pull, the SPARQL 1.1 Protocol for queries; credentials come from the
environment only (``$ASIAAI_GRAPH_STORE_PASSWORD`` with ``--user``, or
``$ASIAAI_GRAPH_STORE_TOKEN``), never from the command line.
"""

from __future__ import annotations

import argparse
import os
from typing import TYPE_CHECKING, Any, TextIO

from asiaai_graph.cli.commands import open_graph
from asiaai_graph.cli.output import dump

if TYPE_CHECKING:
    from asiaai_graph.cli.registry import Commands

__all__ = ["add_store_options", "register", "run_pull", "run_push", "store_options"]


def store_options(args: argparse.Namespace) -> dict[str, Any]:
    """Server layout, credentials (the secret from the environment only), timeout and retries."""
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


def run_push(args: argparse.Namespace, out: TextIO) -> int:
    kg = open_graph(args)
    done = kg.push(args.url, args.graph, base=args.base, atomic=not args.no_transaction, **store_options(args))
    if args.json:
        dump({"endpoint": args.url, "graph": done.graph, "triples": done.triples, "bytes": done.bytes,
              "seconds": round(done.seconds, 3)}, out)
    else:
        print(f"pushed {done.triples:,} triples ({done.bytes / 1e6:.1f} MB) in {done.seconds:.1f} s", file=out)
        print(f"graph: {done.graph}", file=out)
    return 0


def run_pull(args: argparse.Namespace, out: TextIO) -> int:
    from asiaai_graph.store import from_store
    from asiaai_graph.datafiles.write import write_yaml

    kg = from_store(args.url, args.graph, base=args.base, **store_options(args))
    files = write_yaml(kg, args.output)
    if args.json:
        dump({"graph": args.graph, "records": len(kg), "files": [str(f) for f in files]}, out)
    else:
        print(f"pulled {len(kg):,} records from {args.graph}; wrote {len(files)} files to {args.output}", file=out)
    return 0


def add_store_options(p: argparse.ArgumentParser) -> None:
    """The options every store command shares: server layout, user, timeout, retries."""
    from asiaai_graph.store.endpoint import SERVERS

    p.add_argument("--server", choices=SERVERS, default="oxigraph",
                   help="how the store lays out its query and Graph Store URLs (default oxigraph)")
    p.add_argument("--user", help="user for HTTP basic auth, the password in $ASIAAI_GRAPH_STORE_PASSWORD "
                                  "(a bearer token goes in $ASIAAI_GRAPH_STORE_TOKEN)")
    p.add_argument("--timeout", type=float, default=300.0, help="seconds per connection, read or write")
    p.add_argument("--retries", type=int, default=3, help="more attempts after a connection error or a 5xx")


def register(commands: Commands) -> None:
    """Add push and pull to the parser (``sparql --endpoint`` is in :mod:`asiaai_graph.cli.commands`)."""
    p = commands.add("push", run_push, "replace a named graph in a triple store with the graph "
                     "(SPARQL 1.1 Graph Store Protocol PUT, streamed)")
    p.add_argument("url", metavar="URL", help="the store, e.g. http://127.0.0.1:7878 for Oxigraph")
    p.add_argument("--graph", metavar="IRI", help="the named graph to replace (default: made of the library "
                   "version and a digest of the data; printed)")
    p.add_argument("--base", help="IRI namespace of the records in the RDF export")
    p.add_argument("--no-transaction", action="store_true",
                   help="Oxigraph's bulk loader: faster, but a push cut short leaves part of the graph")
    add_store_options(p)
    p = commands.add("pull", run_pull, "read a named graph from a triple store and write it as curated YAML",
                     parents=("output",))
    p.add_argument("url", metavar="URL", help="the store, e.g. http://127.0.0.1:7878 for Oxigraph")
    p.add_argument("--graph", metavar="IRI", required=True, help="the named graph to read")
    p.add_argument("--output", "-o", metavar="DIR", required=True, help="folder for the YAML files")
    p.add_argument("--base", help="IRI namespace of the records in the store")
    add_store_options(p)
