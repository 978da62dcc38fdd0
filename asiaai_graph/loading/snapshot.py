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

Reading a snapshot needs :mod:`hashlib`, :mod:`pickle` and :mod:`array` (and
the graph module, to make the graph): no YAML parser, and nothing validates a
record until it is first read.

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
import sys
import tempfile
import time
import warnings
from array import array
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from asiaai_graph.version import __version__

if TYPE_CHECKING:
    from asiaai_graph.graph.knowledge_graph import KnowledgeGraph
    from asiaai_graph.graph.index import GraphState

__all__ = ["FORMAT", "SnapshotWarning", "SnapshotWriter", "cache_dir", "read_snapshot", "snapshot_files",
           "snapshot_key", "write_snapshot"]

#: Bumped whenever the snapshot's layout changes.
FORMAT = 5
_MAGIC = b"asiaai-graph snapshot %d\n" % FORMAT
_SUFFIX = ".snapshot"
#: The modules whose code decides what a snapshot holds: a change to any of them makes a new key.
_SHAPING_MODULES = ("schema/values.py", "schema/dates.py", "schema/base.py", "schema/records.py", "schema/terms.py",
                    "schema/checks.py", "schema/codes.py", "graph/references.py", "datafiles/merge.py",
                    "graph/index.py", "graph/knowledge_graph.py", "loading/snapshot.py", "datafiles/parse.py",
                    "datafiles/read.py")
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
    here = Path(__file__).parents[1]  # the package root
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


def _types_of(values: Iterable[Any]) -> set[type]:
    return set(map(type, values))


def _numbers(data: Any, limit: int, what: str) -> array[int]:
    """Positions written by :func:`_positions`, each checked to be below ``limit``."""
    _check(type(data) is bytes and len(data) % 4 == 0, f"{what} are malformed")
    out = array("I")
    out.frombytes(data)
    if sys.byteorder == "big":  # written little-endian
        out.byteswap()
    _check(not out or max(out) < limit, f"{what} point past the end")
    return out


def _encode(state: GraphState) -> dict[str, Any]:
    """The graph state in the snapshot's compact form: ids written once, then referred to by position.

    Edges and index entries become arrays of positions (bytes), names a list in
    id order, and the adjacency lists (``out``, ``into``) are left out: they
    follow from the edges. Fewer, smaller objects: quicker to write and read,
    and pickling needs far less memory.
    """
    ids = list(state["types"])
    at = {rid: n for n, rid in enumerate(ids)}
    type_names = list(dict.fromkeys(state["types"].values()))
    type_at = {t: n for n, t in enumerate(type_names)}
    edges = state["edges"]
    relations = list(dict.fromkeys(e[1] for e in edges))
    relation_at = {r: n for n, r in enumerate(relations)}
    little = sys.byteorder == "little"

    def positions(numbers: Iterable[int]) -> bytes:
        out = array("I", numbers)
        if not little:
            out.byteswap()
        return out.tobytes()

    return {
        "ids": ids,
        "type_names": type_names,
        "types": positions(type_at[t] for t in state["types"].values()),
        "relations": relations,
        "edges": [positions(at[e[0]] for e in edges), positions(relation_at[e[1]] for e in edges),
                  positions(at[e[2]] for e in edges)],
        "attrs": {n: e[3] for n, e in enumerate(edges) if e[3]},
        "index": {t: [(key, positions(at[i] for i in found)) for key, found in table.items()]
                  for t, table in state["index"].items()},
        "names": [state["names"][rid] for rid in ids],
    }


def _decode(data: Any, records: dict[str, bytes]) -> GraphState:
    """The graph state from :func:`_encode`'s form, every part checked (:class:`_Broken` when not as written)."""
    from itertools import chain

    from asiaai_graph.graph.index import GraphState
    from asiaai_graph.schema.terms import RECORD_TYPE_NAMES

    _check(type(data) is dict and set(data) == {"ids", "type_names", "types", "relations", "edges", "attrs",
                                                "index", "names"}, "the graph state has other parts")
    ids, type_names, relations = data["ids"], data["type_names"], data["relations"]
    _check(type(ids) is list and _types_of(ids) <= {str} and len(set(ids)) == len(ids), "ids are malformed")
    _check(len(ids) == len(records) and set(ids) == records.keys(), "ids and records differ")
    _check(type(type_names) is list and set(type_names) <= set(RECORD_TYPE_NAMES), "record types are malformed")
    _check(type(relations) is list and _types_of(relations) <= {str}, "relations are malformed")
    codes = _numbers(data["types"], len(type_names), "record types")
    _check(len(codes) == len(ids), "record types are malformed")
    _check(type(data["edges"]) is list and len(data["edges"]) == 3, "edges are malformed")
    src, rel, dst = (_numbers(c, n, "edges") for c, n in zip(data["edges"], (len(ids), len(relations), len(ids))))
    _check(len(src) == len(rel) == len(dst), "edges are malformed")
    attrs = data["attrs"]
    scalar = {str, bool, int, float, type(None)}
    _check(type(attrs) is dict and _types_of(attrs) <= {int} and _types_of(attrs.values()) <= {tuple}
           and (not attrs or max(attrs) < len(src)), "edge attributes are malformed")
    pairs = list(chain.from_iterable(attrs.values()))
    _check(_types_of(pairs) <= {tuple} and all(len(p) == 2 and type(p[0]) is str and type(p[1]) in scalar
                                               for p in pairs), "edge attributes are malformed")
    index = data["index"]
    _check(type(index) is dict and set(index) <= set(RECORD_TYPE_NAMES) and _types_of(index.values()) <= {list},
           "indexes are malformed")
    tables: dict[str, dict[Any, list[str]]] = {}
    for record_type, entries in index.items():
        _check(_types_of(entries) <= {tuple} and set(map(len, entries)) <= {2}, "an index is malformed")
        keys = [k for k, _ in entries]
        facets = list(chain.from_iterable(keys))
        _check(_types_of(keys) <= {tuple} and _types_of(facets) <= {tuple} and all(
            len(f) == 2 and type(f[0]) is str and type(f[1]) in scalar for f in facets), "an index key is malformed")
        tables[record_type] = {k: list(map(ids.__getitem__, _numbers(v, len(ids), "index entries")))
                               for k, v in entries}
    names = data["names"]
    _check(type(names) is list and len(names) == len(ids) and _types_of(names) <= {tuple}
           and _types_of(chain.from_iterable(names)) <= {str}, "names are malformed")
    no_attrs: tuple[tuple[str, Any], ...] = ()
    edges = [(ids[s], relations[r], ids[d], attrs.get(n, no_attrs))
             for n, (s, r, d) in enumerate(zip(src, rel, dst))]
    out: dict[str, list[int]] = {}
    into: dict[str, list[int]] = {}
    for n, (s, d) in enumerate(zip(src, dst)):
        out.setdefault(ids[s], []).append(n)
        into.setdefault(ids[d], []).append(n)
    return GraphState(types=dict(zip(ids, map(type_names.__getitem__, codes))), edges=edges, index=tables,
                      names=dict(zip(ids, names)), out=out, into=into)


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
    return _decode(state, records), records


def read_snapshot(directory: Path, key: str, max_size: int | None = None, *,
                  remove_broken: bool = True, moved: Mapping[str, tuple[str, str]] | None = None) -> KnowledgeGraph | None:
    """The graph kept under ``key``, or ``None`` when there is none or it cannot be used.

    A snapshot that exists but fails a check (see the module's notes) gives a
    :class:`SnapshotWarning` and is removed (unless ``remove_broken`` is false);
    ``max_size`` bounds its size in bytes; ``moved`` is the graph's table of ids that changed.
    """
    from asiaai_graph.graph.knowledge_graph import KnowledgeGraph

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
    return KnowledgeGraph.from_state(state, records, moved)


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
        self.ids: set[str] = set()  # a later chunk may replace a record of an earlier one (a merge)
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
            self.ids.update(rid for rid, _ in chunk)
        except OSError:
            self.abort()

    def finish(self, key: str, state: GraphState, keep: int = 8) -> bool:
        """Write the state and close; the snapshot is then in place under ``key``. Whether it worked."""
        if self.failed or self._tmp is None:
            return False
        try:
            count, self.ids = len(self.ids), set()  # 100k ids no longer needed: the read-back is the peak
            for part in (None, _encode(state), {"key": key, "records": count}):
                # no memo: the encoded state holds each id once already, and a memo of a million
                # objects would cost more memory than anything else in a large first load
                pickler = pickle.Pickler(self._writer, protocol=pickle.HIGHEST_PROTOCOL)
                pickler.fast = True
                pickler.dump(part)
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
