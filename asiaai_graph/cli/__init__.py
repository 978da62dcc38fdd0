"""The ``asiaai-graph`` command: a thin layer over :func:`asiaai_graph.load` and the graph's queries.

Every command prints a readable table, or JSON with ``--json`` for piping.
Exit codes: 0 success, 1 bad data or unknown id, 2 bad usage.

* :mod:`asiaai_graph.cli.commands` -- commands that ask the graph (search, list, llm-builders...);
* :mod:`asiaai_graph.cli.compute` -- compute: clusters, hardware, compute, trained-on, compute-report;
* :mod:`asiaai_graph.cli.show` -- one record, its relations and its sources;
* :mod:`asiaai_graph.cli.files` -- commands that write files (export, draw, chart, html, schema);
* :mod:`asiaai_graph.cli.output` -- terminal-safe text, tables and JSON;
* :mod:`asiaai_graph.cli.registry` -- how a command module adds its sub-commands.

Work longer than a second shows a progress line on standard error when it is
a terminal (``ASIAAI_GRAPH_PROGRESS=0`` turns it off, ``=1`` on in a pipe).
"""

from __future__ import annotations

import argparse
import os
import sys
import warnings
from collections.abc import Sequence
from typing import TextIO

from asiaai_graph.utils import progress
from asiaai_graph.cli import commands, compute, data, files, policy, show, store
from asiaai_graph.cli.output import UsageError, clean, dump, say
from asiaai_graph.cli.registry import Commands
from asiaai_graph.utils.errors import DataError, MovedIdWarning, NotFound, StoreError

__all__ = ["COMMAND_MODULES", "main"]

#: The modules whose ``register(commands)`` adds sub-commands, in the order ``--help`` lists them.
COMMAND_MODULES = (commands, policy, compute, show, files, data, store)


def _parser() -> argparse.ArgumentParser:
    from asiaai_graph import __version__

    parser = argparse.ArgumentParser(
        prog="asiaai-graph", description="Query the asiaai_graph knowledge graph of Asian AI."
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    registry = Commands(parser)
    for module in COMMAND_MODULES:
        module.register(registry)
    return parser


def _want_progress(stream: TextIO) -> bool:
    setting = os.environ.get("ASIAAI_GRAPH_PROGRESS", "")
    if setting in ("0", "1"):
        return setting == "1"
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _notes(caught: list[warnings.WarningMessage]) -> None:
    """Say on standard error, once each, that an old id was read as the id it is now; pass other warnings on."""
    seen: set[str] = set()
    for w in caught:
        if issubclass(w.category, MovedIdWarning):
            text = str(w.message)
            if text not in seen:
                seen.add(text)
                say(f"note: {clean(text)}", sys.stderr)
        else:
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)


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
    auto = not progress.enabled() and _want_progress(sys.stderr)
    if auto:
        progress.enable(sys.stderr)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", MovedIdWarning)
            code: int = args.run(args, out)
        _notes(caught)
        return code
    except DataError as exc:
        if getattr(args, "json", False):
            dump({"valid": False, "problems": [p.__dict__ for p in exc.problems]}, out)
        else:
            n = len(exc.problems)
            say(f"{n} problem{'s' if n != 1 else ''} in the data:", sys.stderr)
            for problem in exc.problems:  # one line each: a newline in a value shows as \n
                print(f"  {clean(str(problem))}", file=sys.stderr)
        return 1
    except UsageError as exc:
        say(f"asiaai-graph {args.command}: {exc}", sys.stderr)
        return 2
    except (NotFound, ValueError, ImportError, StoreError) as exc:
        say(f"asiaai-graph: {clean(str(exc))}", sys.stderr)
        return 1
    except BrokenPipeError:  # e.g. piped into `head`
        return 0
    except OSError as exc:  # a missing file, a full disk, no permission...
        where = f" {exc.filename}" if exc.filename else ""
        say(f"asiaai-graph: cannot write or read{where}: {exc.strerror or exc}", sys.stderr)
        return 1
    except MemoryError:
        say("asiaai-graph: out of memory (the input is too large for this machine)", sys.stderr)
        return 1
    except KeyboardInterrupt:
        say("asiaai-graph: interrupted", sys.stderr)
        return 130
    except Exception as exc:  # a bug of ours: one line, never a traceback (ASIAAI_GRAPH_DEBUG=1 shows it)
        if os.environ.get("ASIAAI_GRAPH_DEBUG"):
            raise
        say(f"asiaai-graph: internal error ({type(exc).__name__}: {clean(str(exc))[:300]}); please report it "
            "(ASIAAI_GRAPH_DEBUG=1 shows the traceback)", sys.stderr)
        return 70
    finally:
        if auto:
            progress.disable()
