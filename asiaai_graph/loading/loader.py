"""Loading the knowledge graph: the curated data, plus the user's own YAML files.

:func:`load` finds the data files and reads each once to key the snapshot
cache (:mod:`asiaai_graph.loading.snapshot`): the snapshot shipped with the library
(for the curated data as released) or the one in the user's cache folder is
used when the files' content is unchanged. Otherwise it reads and checks them
(:mod:`asiaai_graph.datafiles.read`), streaming each valid file's records into a new
snapshot, keyed by the bytes actually parsed, and returns the graph read back
from it. :func:`load_records` gives the checked records without building a graph.

Examples
--------
>>> import asiaai_graph as ag
>>> ag.load()["deepseek"].name
'DeepSeek'
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from asiaai_graph.utils.errors import DataError, Problem
from asiaai_graph.utils.gcpause import gc_paused
from asiaai_graph.utils.limits import MAX_FILE_SIZE, SNAPSHOT_SIZE_FACTOR
from asiaai_graph.graph.references import check_references
from asiaai_graph.loading.snapshot import SnapshotWriter, cache_dir, read_snapshot, snapshot_key
from asiaai_graph.datafiles.files import display_path, read_bytes
from asiaai_graph.datafiles.layers import file_limit, reference_data_dir

if TYPE_CHECKING:
    from asiaai_graph.graph.knowledge_graph import KnowledgeGraph
    from asiaai_graph.schema import Record

__all__ = ["MAX_FILE_SIZE", "SNAPSHOT_SIZE_FACTOR", "check_references", "curated_data_dir", "load", "load_records",
           "reference_data_dir", "shipped_snapshots_dir"]

def curated_data_dir() -> Path:
    """The folder holding the curated YAML (inside the wheel, or ``data/`` in a checkout).

    Examples
    --------
    >>> (curated_data_dir() / "sources.yaml").is_file()
    True
    """
    package = Path(__file__).resolve().parents[1]
    for candidate in (package / "data", package.parent / "data"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("the curated data folder is missing from this installation")


def shipped_snapshots_dir() -> Path:
    """Where a wheel keeps the snapshot of its curated data, made by the build (``hatch_build.py``).

    It is a read-only cache, looked up by the same content key as the user's
    cache folder; a checkout has none (the first load makes one in the cache).
    """
    return Path(__file__).resolve().parents[1] / "snapshots"


def _hidden(name: str) -> bool:
    """Editor and system side files (``.#x.yaml``, ``._x.yaml``, ``.x.yaml.swp``) and hidden folders."""
    return name.startswith(".")


def _data_files(paths: Iterable[str | os.PathLike[str]], problems: list[Problem]) -> list[Path]:
    """Expand files and folders into a de-duplicated list of YAML files, each folder's in sorted order.

    In a folder, names starting with a dot are ignored (files and folders
    alike); a ``*.yaml`` name that is a symbolic link to nothing is an error,
    not a file to skip.
    """
    seen: dict[Path, None] = {}
    for p in paths:
        path = Path(p)
        if path.is_dir():
            found: list[Path] = []
            for folder, subfolders, names in os.walk(path):
                subfolders[:] = sorted(d for d in subfolders if not _hidden(d))
                for name in names:
                    if _hidden(name) or not name.endswith((".yaml", ".yml")):
                        continue
                    q = Path(folder) / name
                    if q.is_file():
                        found.append(q)
                    elif q.is_symlink() and not q.exists():
                        problems.append(Problem(display_path(q), None, None, None,
                                                f"a symbolic link to {os.readlink(q)!r}, which does not exist"))
            for q in sorted(found):
                seen.setdefault(q.resolve(), None)
        elif path.is_file():
            seen.setdefault(path.resolve(), None)
        elif path.is_symlink():
            problems.append(Problem(str(path), None, None, None,
                                    f"a symbolic link to {os.readlink(path)!r}, which does not exist"))
        else:
            problems.append(Problem(str(path), None, None, None, "no such file or folder"))
    return list(seen)


def _files(paths: Sequence[str | os.PathLike[str]]) -> list[Path]:
    problems: list[Problem] = []
    files = _data_files(paths, problems)
    if problems:
        raise DataError(problems)
    return files


def load_records(
    paths: Sequence[str | os.PathLike[str]], *, max_file_size: int = MAX_FILE_SIZE, unknown_ok: bool = False
) -> list[Record]:
    """Read, validate and cross-check the YAML files and folders in ``paths``; the records sorted by id.

    Raises :class:`~asiaai_graph.utils.errors.DataError` listing every problem. With
    ``unknown_ok``, a reference to an id that none of the files holds (a curated
    organization, a country) is not one: what ``asiaai-graph diff`` compares. A folder's
    ``moved.tsv`` (ids that changed) is honoured: a reference to an old id reads as the new one.

    Examples
    --------
    >>> records = load_records([curated_data_dir()])
    >>> any(r.id == "deepseek" for r in records)
    True
    """
    from asiaai_graph.datafiles.moved import MOVED_FILE, read_moved
    from asiaai_graph.datafiles.read import read_files

    moved: dict[str, tuple[str, str]] = {}
    for path in paths:
        if (Path(path) / MOVED_FILE).is_file():
            moved.update(read_moved(Path(path) / MOVED_FILE))
    with gc_paused():
        return read_files(_files([*paths, reference_data_dir()]), max_file_size, unknown_ok=unknown_ok,
                          moved=moved)[0]


def _digests(files: Sequence[Path], max_file_size: int) -> list[bytes]:
    """Each file's SHA-256, reading it within the size limit (which holds on a cache hit too)."""
    problems: list[Problem] = []
    digests = []
    for path in files:
        try:
            digests.append(hashlib.sha256(read_bytes(path, file_limit(path, max_file_size))).digest())
        except DataError as exc:
            problems.extend(exc.problems)
    if problems:
        raise DataError(problems)
    return digests


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
        may point at curated records and across files. In a folder, names
        starting with a dot are ignored.
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
    if paths is None:
        extra: list[str | os.PathLike[str]] = []
    elif isinstance(paths, (str, os.PathLike)):
        extra = [paths]
    else:
        extra = list(paths)
    files = _files(([curated_data_dir()] if curated else []) + extra + [reference_data_dir()])
    moved = _moved(curated)
    tables = _moved_digest(curated)
    with gc_paused():
        if not cache:
            return _read(files, max_file_size, None, moved=moved)
        max_snapshot = max(1, len(files)) * max_file_size * SNAPSHOT_SIZE_FACTOR
        key = snapshot_key([*_digests(files, max_file_size), *tables])
        kg = read_snapshot(shipped_snapshots_dir(), key, max_snapshot, remove_broken=False, moved=moved)
        if kg is not None:
            return kg
        directory = cache_dir()
        if directory is not None:
            kg = read_snapshot(directory, key, max_snapshot, moved=moved)
            if kg is not None:
                return kg
        return _read(files, max_file_size, directory, max_snapshot, moved, tables)


def _moved(curated: bool) -> dict[str, tuple[str, str]]:
    """The curated data's ids that changed (``data/moved.tsv``), when the curated data is loaded."""
    from asiaai_graph.datafiles.moved import MOVED_FILE, read_moved

    return read_moved(curated_data_dir() / MOVED_FILE) if curated else {}


def _moved_digest(curated: bool) -> list[bytes]:
    """The digest of ``moved.tsv`` for the snapshot's key: redirected references are in the snapshot."""
    from asiaai_graph.datafiles.moved import MOVED_FILE

    path = curated_data_dir() / MOVED_FILE
    return [hashlib.sha256(path.read_bytes()).digest()] if curated and path.is_file() else []


#: Records' JSON kept in memory while a first load writes its snapshot, in bytes: beyond it the JSON is
#: only on disk and is read back from the new snapshot (a large first load then holds it once, not twice).
_KEEP_JSON = 32 * 1024 * 1024


class _Sink:
    """Hands each file's records' JSON to the snapshot writer, and keeps it too while it is small."""

    def __init__(self, writer: SnapshotWriter) -> None:
        self.writer = writer
        self.kept: dict[str, bytes] | None = {}
        self.size = 0

    def __call__(self, chunk: list[tuple[str, bytes]]) -> None:
        self.writer.add(chunk)
        if self.kept is not None:
            self.size += sum(len(j) for _, j in chunk)
            if self.size > _KEEP_JSON:
                self.kept = None
            else:
                self.kept.update(chunk)


def _read(files: list[Path], max_file_size: int, directory: Path | None, max_snapshot: int = 0,
          moved: dict[str, tuple[str, str]] | None = None, tables: Sequence[bytes] = ()) -> KnowledgeGraph:
    """Read the YAML into a graph; with a cache folder, through a new snapshot there."""
    from asiaai_graph.graph.knowledge_graph import KnowledgeGraph
    from asiaai_graph.datafiles.read import read_graph

    writer = SnapshotWriter(directory) if directory is not None else None
    if writer is not None and not writer.failed:
        sink = _Sink(writer)
        try:
            parts = read_graph(files, max_file_size, sink=sink, moved=moved)
        except BaseException:
            writer.abort()
            raise
        key = snapshot_key([*(f.digest for f in parts.files), *tables])
        written = writer.finish(key, parts.state)
        if sink.kept is not None:  # everything is still in memory, written or not
            return KnowledgeGraph.from_state(parts.state, sink.kept, moved)
        del parts  # the state too: reading the whole snapshot back needs less memory at its peak
        if written:
            kg = read_snapshot(directory, key, max_snapshot, moved=moved)  # type: ignore[arg-type]
            if kg is not None:
                return kg
    parts = read_graph(files, max_file_size, moved=moved)  # no cache, or the snapshot could not be written or read back
    return KnowledgeGraph.from_state(parts.state, parts.records_json, moved)
