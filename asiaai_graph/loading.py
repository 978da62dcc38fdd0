"""Loading the knowledge graph: the curated data, plus the user's own YAML files.

:func:`load` finds the data files, returns the graph kept in the snapshot cache
(:mod:`asiaai_graph.snapshot`) when their content has not changed, and
otherwise reads and checks them (:mod:`asiaai_graph.yamlread`), builds the graph
and keeps a new snapshot. :func:`load_records` gives the checked records
without building a graph.

Examples
--------
>>> import asiaai_graph as ag
>>> ag.load()["deepseek"].name
'DeepSeek'
"""

from __future__ import annotations

import contextlib
import gc
import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from asiaai_graph.errors import DataError, Problem
from asiaai_graph.limits import MAX_FILE_SIZE
from asiaai_graph.references import check_references
from asiaai_graph.snapshot import cache_dir, read_snapshot, snapshot_key, write_snapshot

if TYPE_CHECKING:
    from asiaai_graph.graph import KnowledgeGraph
    from asiaai_graph.schema import Record

__all__ = ["MAX_FILE_SIZE", "check_references", "curated_data_dir", "load", "load_records"]


def curated_data_dir() -> Path:
    """The folder holding the curated YAML (inside the wheel, or ``data/`` in a checkout).

    Examples
    --------
    >>> (curated_data_dir() / "sources.yaml").is_file()
    True
    """
    here = Path(__file__).resolve().parent
    for candidate in (here / "data", here.parent / "data"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("the curated data folder is missing from this installation")


def _data_files(paths: Iterable[str | os.PathLike[str]], problems: list[Problem]) -> list[Path]:
    """Expand files and folders into a sorted, de-duplicated list of YAML files."""
    seen: dict[Path, None] = {}
    for p in paths:
        path = Path(p)
        if path.is_dir():
            found = sorted(q for q in path.rglob("*") if q.suffix in (".yaml", ".yml") and q.is_file())
            for q in found:
                seen.setdefault(q.resolve(), None)
        elif path.is_file():
            seen.setdefault(path.resolve(), None)
        else:
            problems.append(Problem(str(path), None, None, None, "no such file or folder"))
    return list(seen)


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many objects that are all kept.

    Parsing and validating creates millions of objects and no cycles to free;
    left on, the collector rescans the growing heap again and again.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _files(paths: Sequence[str | os.PathLike[str]]) -> list[Path]:
    problems: list[Problem] = []
    files = _data_files(paths, problems)
    if problems:
        raise DataError(problems)
    return files


def load_records(
    paths: Sequence[str | os.PathLike[str]], *, max_file_size: int = MAX_FILE_SIZE
) -> list[Record]:
    """Read, validate and cross-check the YAML files and folders in ``paths``; the records sorted by id.

    Raises :class:`~asiaai_graph.errors.DataError` listing every problem.

    Examples
    --------
    >>> records = load_records([curated_data_dir()])
    >>> any(r.id == "deepseek" for r in records)
    True
    """
    from asiaai_graph.yamlread import read_files

    with _gc_paused():
        return read_files(_files(paths), max_file_size)[0]


def load(
    paths: str | os.PathLike[str] | Sequence[str | os.PathLike[str]] | None = None,
    *,
    curated: bool = True,
    cache: bool = True,
    max_file_size: int = MAX_FILE_SIZE,
) -> KnowledgeGraph:
    """Load the curated knowledge graph, plus your own YAML files or folders.

    Parameters
    ----------
    paths
        Extra data files or folders in the same format as ``data/``; references
        may point at curated records and across files.
    curated
        Include the curated data shipped with the library (default ``True``).
    cache
        Keep and reuse a validated snapshot in the user's cache folder
        (``ASIAAI_GRAPH_CACHE_DIR`` moves it, ``ASIAAI_GRAPH_NO_CACHE=1`` turns it off).
    max_file_size
        Refuse files larger than this many bytes.

    Raises
    ------
    DataError
        Listing every problem, each with file, line, record id and field.

    Examples
    --------
    >>> import asiaai_graph as ag
    >>> kg = ag.load()
    >>> kg["deepseek-v3"].active_parameters.describe()
    '≈ 37,000,000,000'
    """
    from asiaai_graph.graph import KnowledgeGraph

    if paths is None:
        extra: list[str | os.PathLike[str]] = []
    elif isinstance(paths, (str, os.PathLike)):
        extra = [paths]
    else:
        extra = list(paths)
    files = _files(([curated_data_dir()] if curated else []) + extra)
    with _gc_paused():
        directory = cache_dir() if cache else None
        key = snapshot_key(files) if directory is not None else ""
        if directory is not None:
            kg = read_snapshot(directory, key)
            if kg is not None:
                return kg
        from asiaai_graph.yamlread import read_files

        records, edges = read_files(files, max_file_size)
        kg = KnowledgeGraph.from_checked(records, edges)
        if directory is not None:
            write_snapshot(directory, key, kg)
    return kg
