"""Hatch build hook: the wheel ships a verified snapshot of the curated data, made by the build.

The snapshot is what ``asiaai_graph.load()`` would write to the cache folder on
a first load of the curated data: the source tree's code reads ``data/``
(every check of the loader applies) in a fresh interpreter and writes the
snapshot, keyed by the content of the data files and of the code that shapes
it. It goes into the wheel as ``asiaai_graph/snapshots/<key>.snapshot``; the
installed library finds it by the same key (content, not install path), so
the first ``load()`` after install reads no YAML. Editable installs get none:
they read the checkout's files, and make a snapshot in the cache on first load.

Nothing binary is committed: the file exists only in built wheels.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

_MAKE = """
import os, sys
root = os.path.realpath(sys.argv[1])
sys.path.insert(0, root)
import asiaai_graph
from asiaai_graph.loading.loader import load
assert os.path.realpath(asiaai_graph.__file__).startswith(root), asiaai_graph.__file__  # the tree being built
load()
"""


class SnapshotBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        folder = Path(tempfile.mkdtemp(prefix="asiaai-graph-build-"))
        env = {k: v for k, v in os.environ.items() if not k.startswith("ASIAAI_GRAPH_")}
        env["ASIAAI_GRAPH_CACHE_DIR"] = str(folder)
        subprocess.run([sys.executable, "-c", _MAKE, self.root], env=env, check=True)
        (snapshot,) = folder.glob("*.snapshot")
        build_data["force_include"][str(snapshot)] = f"asiaai_graph/snapshots/{snapshot.name}"
