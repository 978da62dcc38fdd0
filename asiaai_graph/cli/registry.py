"""How command modules add their sub-commands to the ``asiaai-graph`` parser.

Each command module has a ``register(commands: Commands) -> None`` that calls
:meth:`Commands.add` once per sub-command; :mod:`asiaai_graph.cli` lists the
modules in ``COMMAND_MODULES``. A new command (``import``, ``diff``,
``push``...) is a new module with its ``register``, and one more entry there.

Examples
--------
>>> import argparse, io
>>> parser = argparse.ArgumentParser(prog="demo")
>>> commands = Commands(parser)
>>> def run_hello(args, out):
...     print(f"hello {args.who}", file=out)
...     return 0
>>> _ = commands.add("hello", run_hello, "say hello", parents=()).add_argument("who")
>>> args = parser.parse_args(["hello", "world"])
>>> buf = io.StringIO()
>>> args.run(args, buf), buf.getvalue()
(0, 'hello world\\n')
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from typing import TextIO

__all__ = ["Commands", "Run"]

Run = Callable[[argparse.Namespace, TextIO], int]
"""A command: the parsed arguments and the output stream in, the exit code out."""

LANGUAGES = ("en", "ko", "zh", "ja")


class Commands:
    """The sub-command parsers of one ``argparse`` parser, with the option groups commands share.

    ``parents`` of :meth:`add` names them: ``"output"`` (``--json``, ``--lang``)
    and ``"data"`` (``--data``, ``--no-curated``: which graph to load).
    """

    def __init__(self, parser: argparse.ArgumentParser) -> None:
        self._sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
        output = argparse.ArgumentParser(add_help=False)
        output.add_argument("--json", action="store_true", help="print JSON instead of a table")
        output.add_argument("--lang", default="en", choices=list(LANGUAGES),
                            help="language of names, dates and pictures (default en)")
        data = argparse.ArgumentParser(add_help=False)
        data.add_argument("--data", action="append", metavar="PATH", help="add your own YAML file or folder")
        data.add_argument("--no-curated", action="store_true", help="leave out the curated data")
        self.parents = {"output": output, "data": data}

    def add(self, name: str, run: Run, help: str, parents: Sequence[str] = ("output", "data")) -> argparse.ArgumentParser:
        """Add the sub-command ``name`` that calls ``run``; returns its parser for its own arguments."""
        p = self._sub.add_parser(name, help=help, description=help, parents=[self.parents[k] for k in parents])
        p.set_defaults(run=run)
        return p
