"""The commands that bring datasets in and compare versions: import, diff.

``asiaai-graph import epoch FILE.csv -o DIR`` reads a dataset file and writes its
records (:mod:`asiaai_graph.importers.importing`); ``asiaai-graph diff OLD NEW`` lists what
changed between two versions, each a dataset file (imported on the fly) or a
folder or file of YAML records.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from asiaai_graph.cli.output import UsageError, clean, dump, say

if TYPE_CHECKING:
    from asiaai_graph.cli.registry import Commands
    from asiaai_graph.schema import Record

__all__ = ["register", "run_diff", "run_import"]


def register(commands: Commands) -> None:
    """Add import and diff to the parser."""
    from asiaai_graph.importers.importing import IMPORTERS

    p = commands.add("import", run_import, "read a dataset file (Epoch AI's models, GPU clusters or ML hardware CSV, "
                     "LLM-jp, the Chinese LLM list, or ROR's JSON Lines of Asia, matched to the data folder's "
                     "organizations) into records, written as YAML", parents=("output",))
    p.add_argument("importer", choices=list(IMPORTERS), help="which dataset the file is")
    p.add_argument("file", metavar="FILE", help="the dataset file (LLM-jp: README.en.md, with README.ja.md beside it)")
    p.add_argument("--output", "-o", metavar="DIR", required=True, help="the folder to write <dataset>.yaml into")
    p.add_argument("--version", help="the dataset's version, required where the file does not say it (LLM-jp, "
                                     "the Chinese list), date first (e.g. '2026-08-22 (commit 903d9db)'); "
                                     "Epoch AI's files say theirs")
    p.add_argument("--skip-bad-rows", action="store_true",
                   help="leave out rows that cannot be read (each is reported) instead of stopping")
    p = commands.add("diff", run_diff, "what changed between two versions: records added, removed and changed "
                     "field by field", parents=("output",))
    p.add_argument("old", metavar="OLD", help="a dataset file, or a YAML file or folder")
    p.add_argument("new", metavar="NEW", help="a dataset file, or a YAML file or folder")
    p.add_argument("--importer", help="read OLD and NEW with this importer (default: from the file)")
    p.add_argument("--sources", action="store_true", help="also show changes to citations only")


def run_import(args: argparse.Namespace, out: TextIO) -> int:
    from asiaai_graph.importers.importing import import_dataset, write_import

    folder = Path(args.output)
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{args.output!r} is a file; give the folder to write into")
    result = import_dataset(args.importer, args.file, skip_bad_rows=args.skip_bad_rows, version=args.version)
    path = write_import(result, folder)
    counts = result.counts()
    if args.json:
        dump({"output": str(path), "counts": counts, "version": result.source.version,
              "version_from": result.version_from, "skipped": [str(p) for p in result.skipped],
              "notes": result.notes}, out)
        return 0
    print(f"wrote {path}: " + ", ".join(f"{n} {t}" for t, n in counts.items()), file=out)
    how = "read from the file" if result.version_from == "file" else "as given by --version"
    say(f"dataset version: {result.source.version} ({how})", out)
    for problem in result.skipped:
        say(f"skipped: {clean(str(problem))}", sys.stderr)
    if result.notes:
        say(f"{len(result.notes)} notes on what was read but not used (--json lists them):", sys.stderr)
        for note in result.notes[:5]:
            say(f"  {clean(note)}", sys.stderr)
    return 0


def _sniff(path: Path) -> str | None:
    """The importer a dataset file needs, from its name and first lines; ``None`` for YAML."""
    if path.is_dir() or path.suffix in (".yaml", ".yml"):
        return None
    if path.suffix == ".csv":
        header = path.read_text(encoding="utf-8-sig", errors="replace")[:2000].split("\n", 1)[0]
        return "epoch-clusters" if "H100 equivalents" in header else "epoch-hardware" \
            if "Hardware name" in header else "epoch"
    if path.name.endswith((".jsonl", ".jsonl.gz")):
        return "ror"
    head = path.read_text(encoding="utf-8", errors="replace")[:2000]
    if "Japanese LLM" in head or "日本語LLM" in head:
        return "llm-jp"
    if "中国大模型" in head:
        return "china-llms"
    raise UsageError(f"cannot tell which dataset {str(path)!r} is; give --importer")


def _records(path_text: str, importer: str | None) -> dict[str, Record]:
    from asiaai_graph.importers.importing import import_dataset
    from asiaai_graph.loading.loader import load_records

    path = Path(path_text)
    if not path.exists():
        raise UsageError(f"no such file or folder: {path_text!r}")
    kind = importer or _sniff(path)
    if kind is None:
        return {r.id: r for r in load_records([path], unknown_ok=True)}  # compared, not loaded
    return {r.id: r for r in import_dataset(kind, path, skip_bad_rows=True).records}


def run_diff(args: argparse.Namespace, out: TextIO) -> int:
    from asiaai_graph.graph.diff import diff_records

    old, new = _records(args.old, args.importer), _records(args.new, args.importer)
    diff = diff_records(old, new, sources=args.sources)
    if args.json:
        dump({"added": [r.id for r in diff.added], "removed": [r.id for r in diff.removed],
              "changed": {r.id: [{"field": c.field, "old": str(c.old), "new": str(c.new)} for c in changes]
                          for r, changes in diff.changed}}, out)
        return 0
    for line in diff.lines():
        print(clean(line), file=out)
    return 0
