"""The snapshot cache: a built graph kept on disk, so loading the same files again is fast.

A snapshot holds every record's validated JSON
(:meth:`~asiaai_graph.KnowledgeGraph.record_json`) and what
:meth:`KnowledgeGraph.state <asiaai_graph.KnowledgeGraph.state>` gives
(indexes, edges, names); :meth:`~asiaai_graph.KnowledgeGraph.from_state` turns
them back into a graph whose records are decoded on first access. It is kept in
the user's cache folder (``ASIAAI_GRAPH_CACHE_DIR`` moves it,
``ASIAAI_GRAPH_NO_CACHE=1`` turns it off), named by a key over the library's
code and the content of the data files as they were parsed (:func:`snapshot_key`;
not their paths, so the snapshot shipped in the wheel serves any install).

What a snapshot can be trusted for:

* **verified**: the file ends with the SHA-256 of everything before it, checked
  while it is read and before anything in it is used; then the shape of every
  part is checked (types, ids, edge positions), and the key written inside it
  must be the key asked for. A file that fails any check is ignored with a
  :class:`SnapshotWarning`, removed when possible, and the YAML is read again;
* **inert**: it is plain data read by an unpickler that refuses every class,
  so even a crafted snapshot cannot run code;
* **bounded**: a snapshot larger than its input files' size limit allows is refused;
* **atomic**: it is written to a temporary file in the same folder, flushed to
  disk and renamed into place; temporary files left by a killed process are
  removed by the next write.

The digest detects corruption and truncation, not tampering by someone who can
write to your cache folder (they could recompute it): the folder is created
readable by you only, and is as trusted as the data files themselves.

Reading a snapshot imports only :mod:`hashlib`, :mod:`pickle` and the graph
module: no YAML parser, no validation library.

Examples
--------
>>> import asiaai_graph as ag, tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> kg = ag.load(cache=False)
>>> write_snapshot(folder, "k", kg)
>>> read_snapshot(folder, "k") == kg
True
>>> read_snapshot(folder, "missing") is None
True
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
import time
import warnings
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from asiaai_graph.version import __version__

if TYPE_CHECKING:
    from asiaai_graph.graph import KnowledgeGraph
    from asiaai_graph.index import GraphState

__all__ = ["FORMAT", "SnapshotWarning", "SnapshotWriter", "cache_dir", "read_snapshot", "snapshot_files",
           "snapshot_key", "write_snapshot"]

#: Bumped whenever the snapshot's layout changes.
FORMAT = 4
_MAGIC = b"asiaai-graph snapshot %d\n" % FORMAT
_SUFFIX = ".snapshot"
#: The modules whose code decides what a snapshot holds: a change to any of them makes a new key.
_SHAPING_MODULES = ("schema/values.py", "schema/records.py", "schema/terms.py", "schema/codes.py",
                    "references.py", "index.py", "graph.py", "snapshot.py", "yamlparse.py", "yamlread.py")
#: Temporary files older than this (seconds) were left by a process that died mid-write.
_STALE = 3600


class SnapshotWarning(UserWarning):
    """A snapshot could not be used (corrupt, truncated, of another shape); the YAML is read instead."""


class _PlainUnpickler(pickle.Unpickler):
    """Reads only plain data (dicts, lists, tuples, strings, bytes, numbers); never imports or runs code."""

    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"a snapshot holds plain data only, not {module}.{name}")


class _HashingReader:
    """A file that hashes what is read from it (pickle reads exactly what it needs: no look-ahead)."""

    def __init__(self, fh: IO[bytes]) -> None:
        self.fh = fh
        self.hash = hashlib.sha256()

    def read(self, n: int = -1) -> bytes:
        data = self.fh.read(n)
        self.hash.update(data)
        return data

    def readinto(self, buffer: Any) -> int:
        n = self.fh.readinto(buffer)  # type: ignore[attr-defined]
        self.hash.update(memoryview(buffer)[:n])
        return int(n)

    def readline(self, limit: int = -1) -> bytes:
        data = self.fh.readline(limit)
        self.hash.update(data)
        return data


class _HashingWriter:
    def __init__(self, fh: IO[bytes]) -> None:
        self.fh = fh
        self.hash = hashlib.sha256()

    def write(self, data: Any) -> int:
        self.hash.update(data)
        return self.fh.write(data)


def cache_dir() -> Path | None:
    """The snapshot folder: ``ASIAAI_GRAPH_CACHE_DIR``, else the user's cache folder; ``None`` when turned off.

    Examples
    --------
    >>> import os
    >>> os.environ["ASIAAI_GRAPH_NO_CACHE"] = "1"
    >>> cache_dir() is None
    True
    >>> del os.environ["ASIAAI_GRAPH_NO_CACHE"]
    """
    if os.environ.get("ASIAAI_GRAPH_NO_CACHE"):
        return None
    configured = os.environ.get("ASIAAI_GRAPH_CACHE_DIR")
    if configured:
        return Path(configured)
    import platformdirs

    return Path(platformdirs.user_cache_dir("asiaai_graph", appauthor=False))


def snapshot_key(digests: Iterable[bytes]) -> str:
    """A key over the library's version and shaping code, and the SHA-256 digests of the data files read.

    The files' paths and order do not count: the same content gives the same
    graph wherever it lies (records are sorted by id, and a record written in
    two files is an error, so never cached).

    Examples
    --------
    >>> import hashlib
    >>> a, b = hashlib.sha256(b"a").digest(), hashlib.sha256(b"b").digest()
    >>> snapshot_key([a, b]) == snapshot_key([b, a]) != snapshot_key([a])
    True
    """
    digest = hashlib.sha256(f"{__version__}/{FORMAT}".encode())
    here = Path(__file__).parent
    for module in _SHAPING_MODULES:
        digest.update(hashlib.sha256((here / module).read_bytes()).digest())
    for file_digest in sorted(digests):
        digest.update(file_digest)
    return digest.hexdigest()


class _Broken(Exception):
    """The snapshot fails a check (the message says which)."""


def _check(ok: bool, what: str) -> None:
    if not ok:
        raise _Broken(what)


def _check_shape(state: Any, records: dict[str, bytes]) -> None:
    """Raise :class:`_Broken` unless ``state`` has exactly the shape of a :class:`~asiaai_graph.index.GraphState`."""
    from asiaai_graph.schema.terms import RECORD_TYPE_NAMES

    _check(type(state) is dict and set(state) == {"types", "edges", "index", "names", "out", "into"},
           "the graph state has other parts")
    types, edges, index = state["types"], state["edges"], state["index"]
    _check(type(types) is dict and set(map(type, types)) <= {str} and set(types.values()) <= set(RECORD_TYPE_NAMES),
           "record types are malformed")
    _check(types.keys() == records.keys(), "record types and records differ")
    _check(type(edges) is list and set(map(type, edges)) <= {tuple} and set(map(len, edges)) <= {4},
           "edges are malformed")
    scalar = {str, bool, int, float, type(None)}
    for source, relation, target, attrs in edges:
        _check(source in types and target in types and type(relation) is str and type(attrs) is tuple,
               "an edge is malformed")
        for pair in attrs:
            _check(type(pair) is tuple and len(pair) == 2 and type(pair[0]) is str and type(pair[1]) in scalar,
                   "an edge attribute is malformed")
    _check(type(index) is dict and set(index) <= set(RECORD_TYPE_NAMES), "indexes are malformed")
    for table in index.values():
        _check(type(table) is dict, "an index is malformed")
        for key, ids in table.items():
            _check(type(key) is tuple and type(ids) is list and all(
                type(k) is tuple and len(k) == 2 and type(k[0]) is str and type(k[1]) in scalar for k in key),
                "an index key is malformed")
            _check(all(i in types for i in ids), "an index holds unknown ids")
    names = state["names"]
    _check(type(names) is dict and names.keys() == types.keys(), "names are malformed")
    _check(all(type(n) is tuple and all(type(x) is str for x in n) for n in names.values()), "names are malformed")
    count = len(edges)
    for part in ("out", "into"):
        table = state[part]
        _check(type(table) is dict and all(
            rid in types and type(ns) is list and all(type(n) is int and 0 <= n < count for n in ns)
            for rid, ns in table.items()), f"adjacency ({part}) is malformed")


def _read(path: Path, key: str, max_size: int) -> tuple[GraphState, dict[str, bytes]]:
    with path.open("rb") as fh:
        size = os.fstat(fh.fileno()).st_size
        _check(size <= max_size, f"it is {size} bytes, over the limit of {max_size} bytes")
        _check(fh.read(len(_MAGIC)) == _MAGIC, "it is not a snapshot of this format")
        reader = _HashingReader(fh)

        def load() -> Any:  # one unpickler per pickle: each was written with a fresh memo
            return _PlainUnpickler(reader).load()

        records: dict[str, bytes] = {}
        while (chunk := load()) is not None:
            _check(type(chunk) is list and all(
                type(pair) is tuple and len(pair) == 2 and type(pair[0]) is str and type(pair[1]) is bytes
                for pair in chunk), "a chunk of records is malformed")
            records.update(chunk)
        state = load()
        trailer = load()
        expected = reader.hash.digest()
        _check(fh.read(len(expected) + 1) == expected, "its digest does not match its content (corrupt or truncated)")
    _check(trailer == {"key": key, "records": len(records)}, "it was written for other files")
    _check_shape(state, records)
    return state, records


def read_snapshot(directory: Path, key: str, max_size: int | None = None, *,
                  remove_broken: bool = True) -> KnowledgeGraph | None:
    """The graph kept under ``key``, or ``None`` when there is none or it cannot be used.

    A snapshot that exists but fails a check (see the module's notes) gives a
    :class:`SnapshotWarning` and is removed (unless ``remove_broken`` is false);
    ``max_size`` bounds its size in bytes.
    """
    from asiaai_graph.graph import KnowledgeGraph

    path = directory / f"{key}{_SUFFIX}"
    try:
        state, records = _read(path, key, max_size if max_size is not None else 1 << 62)
    except FileNotFoundError:
        return None
    except (OSError, _Broken, pickle.UnpicklingError, EOFError, ValueError, TypeError, KeyError, IndexError,
            AttributeError, MemoryError, RecursionError) as exc:
        why = str(exc) if isinstance(exc, _Broken) else f"{type(exc).__name__}: {exc}"
        warnings.warn(f"ignoring the snapshot {path}: {why}; reading the data files instead",
                      SnapshotWarning, stacklevel=3)
        if remove_broken:
            try:
                path.unlink(missing_ok=True)
            except OSError:
                pass
        return None
    return KnowledgeGraph.from_state(state, records)


class SnapshotWriter:
    """Writes a snapshot a chunk of records at a time, then the state; atomic, and hashed as it goes.

    Records come first (:meth:`add`), so a reader can stream them to disk
    while the state is still being built; :meth:`finish` writes the state, the
    key and the digest, and renames the file into place. Failures to write
    only cost speed: :attr:`failed` tells, and nothing is left behind.
    """

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.failed = False
        self.count = 0
        self._tmp: Path | None = None
        try:
            directory.mkdir(parents=True, exist_ok=True, mode=0o700)
            fd, name = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=directory)
            self._tmp = Path(name)
            self._fh: IO[bytes] = os.fdopen(fd, "wb")
            self._fh.write(_MAGIC)
            self._writer = _HashingWriter(self._fh)
        except OSError:
            self.abort()

    def add(self, chunk: list[tuple[str, bytes]]) -> None:
        """Write ``(id, json)`` pairs."""
        if self.failed:
            return
        try:
            pickle.dump(chunk, self._writer, protocol=pickle.HIGHEST_PROTOCOL)
            self.count += len(chunk)
        except OSError:
            self.abort()

    def finish(self, key: str, state: GraphState, keep: int = 8) -> bool:
        """Write the state and close; the snapshot is then in place under ``key``. Whether it worked."""
        if self.failed or self._tmp is None:
            return False
        try:
            for part in (None, state, {"key": key, "records": self.count}):
                pickle.dump(part, self._writer, protocol=pickle.HIGHEST_PROTOCOL)
            self._fh.write(self._writer.hash.digest())
            self._fh.flush()
            os.fsync(self._fh.fileno())
            self._fh.close()
            os.replace(self._tmp, self.directory / f"{key}{_SUFFIX}")
            self._tmp = None
            _prune(self.directory, keep)
            return True
        except OSError:
            self.abort()
            return False

    def abort(self) -> None:
        """Give up: close and remove the temporary file."""
        self.failed = True
        fh = getattr(self, "_fh", None)
        if fh is not None:
            try:
                fh.close()
            except OSError:
                pass
        if self._tmp is not None:
            self._tmp.unlink(missing_ok=True)
            self._tmp = None


def _prune(directory: Path, keep: int) -> None:
    """Keep the ``keep`` most recent snapshots; remove stale temporary files and older formats' files."""
    now = time.time()
    snapshots = []
    for entry in os.scandir(directory):
        try:
            if entry.name.endswith(_SUFFIX):
                snapshots.append((entry.stat().st_mtime, entry.path))
            elif entry.name.endswith(".pickle") or (
                    entry.name.startswith(".") and entry.name.endswith(".tmp") and now - entry.stat().st_mtime > _STALE):
                os.unlink(entry.path)
        except OSError:
            pass
    for _, old in sorted(snapshots, reverse=True)[keep:]:
        Path(old).unlink(missing_ok=True)


def write_snapshot(directory: Path, key: str, kg: KnowledgeGraph, keep: int = 8) -> None:
    """Keep ``kg`` under ``key``, and only the ``keep`` most recent snapshots; failures only cost speed."""
    writer = SnapshotWriter(directory)
    for chunk in kg.record_json():
        writer.add(chunk)
    writer.finish(key, kg.state(), keep)


def snapshot_files(directory: Path) -> Sequence[Path]:
    """The snapshots in ``directory`` (for tests and tools)."""
    return sorted(directory.glob(f"*{_SUFFIX}")) if directory.is_dir() else []
