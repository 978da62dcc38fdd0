"""Loading: data files and folders to a :class:`~asiaai_graph.KnowledgeGraph`, through the snapshot cache.

:mod:`~asiaai_graph.loading.loader` finds the files and decides between a
snapshot and the YAML; :mod:`~asiaai_graph.loading.snapshot` keeps a built graph
on disk, verified by a digest. The loader's names are imported on first use.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from asiaai_graph.loading.loader import (
        MAX_FILE_SIZE,
        SNAPSHOT_SIZE_FACTOR,
        check_references,
        curated_data_dir,
        load,
        load_records,
        shipped_snapshots_dir,
    )

__all__ = ["MAX_FILE_SIZE", "SNAPSHOT_SIZE_FACTOR", "check_references", "curated_data_dir", "load", "load_records",
           "shipped_snapshots_dir"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        return getattr(importlib.import_module("asiaai_graph.loading.loader"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
