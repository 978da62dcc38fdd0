"""The snapshot cache: a built graph kept on disk, so loading the same files again is fast.

A snapshot holds what :meth:`KnowledgeGraph.state <asiaai_graph.KnowledgeGraph.state>`
gives (indexes, edges, names) and every record's validated JSON
(:meth:`~asiaai_graph.KnowledgeGraph.record_json`); :meth:`~asiaai_graph.KnowledgeGraph.from_state`
turns them back into a graph whose records are decoded on first access. It is
kept in the user's cache folder (``ASIAAI_GRAPH_CACHE_DIR`` moves it,
``ASIAAI_GRAPH_NO_CACHE=1`` turns it off), named by a key over the library's
code and the data files' paths and bytes (:func:`snapshot_key`). It is plain
data read by an unpickler that refuses every class, so a tampered snapshot
cannot run code; a broken one is ignored and the YAML is read again.

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
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from asiaai_graph.version import __version__

if TYPE_CHECKING:
    from asiaai_graph.graph import KnowledgeGraph

__all__ = ["cache_dir", "read_snapshot", "snapshot_key", "write_snapshot"]

#: Bumped whenever the snapshot's layout changes.
FORMAT = 3
#: The modules whose code decides what a snapshot holds: a change to any of them makes a new key.
_SHAPING_MODULES = ("schema/values.py", "schema/records.py", "schema/terms.py", "schema/codes.py",
                    "references.py", "index.py", "graph.py", "snapshot.py")


class _PlainUnpickler(pickle.Unpickler):
    """Reads only plain data (dicts, lists, tuples, strings, bytes, numbers); never imports or runs code."""

    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"a snapshot holds plain data only, not {module}.{name}")


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


def snapshot_key(files: Sequence[Path]) -> str:
    """A digest of the library's version and shaping code, and of every file's path and bytes."""
    digest = hashlib.sha256(f"{__version__}/{FORMAT}".encode())
    here = Path(__file__).parent
    for module in _SHAPING_MODULES:
        digest.update((here / module).read_bytes())
    for path in files:
        digest.update(str(path).encode("utf-8", "surrogateescape") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def read_snapshot(directory: Path, key: str) -> KnowledgeGraph | None:
    """The graph kept under ``key``, or ``None`` when there is none or it cannot be read."""
    from asiaai_graph.graph import KnowledgeGraph

    try:
        with (directory / f"{key}.pickle").open("rb") as fh:
            reader = _PlainUnpickler(fh)
            state = reader.load()
            raw: dict[str, bytes] = {}
            while (chunk := reader.load()) is not None:
                raw.update(chunk)
        return KnowledgeGraph.from_state(state, raw)
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, KeyError, TypeError):
        return None  # missing, unreadable or from another layout: parse the YAML instead


def write_snapshot(directory: Path, key: str, kg: KnowledgeGraph, keep: int = 8) -> None:
    """Keep ``kg`` under ``key``, and only the ``keep`` most recent snapshots; failures only cost speed."""
    try:
        directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        tmp = directory / f".{key}.{os.getpid()}.tmp"
        with tmp.open("wb") as fh:  # the state, then the records' JSON in chunks, then None
            pickle.dump(kg.state(), fh, protocol=pickle.HIGHEST_PROTOCOL)
            for chunk in kg.record_json():
                pickle.dump(chunk, fh, protocol=pickle.HIGHEST_PROTOCOL)
            pickle.dump(None, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, directory / f"{key}.pickle")
        olds = sorted(directory.glob("*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in olds[keep:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only or full cache folder only costs speed
