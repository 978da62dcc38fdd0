"""Keep the graph in a triple store: push it, query it there, pull it back and curate it as YAML.

    python examples/store_roundtrip.py http://127.0.0.1:7878   # a store you run
    ASIAAI_GRAPH_STORE_URL=http://127.0.0.1:7878 python examples/store_roundtrip.py
    python examples/store_roundtrip.py                          # starts a throwaway Oxigraph

Any SPARQL 1.1 store works (``server="fuseki"``, ``"graphdb"``, ``"virtuoso"``,
``"neptune"``: see the README). Credentials come from ASIAAI_GRAPH_STORE_TOKEN,
or ASIAAI_GRAPH_STORE_USER and ASIAAI_GRAPH_STORE_PASSWORD.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import asiaai_graph as ag
from asiaai_graph.datafiles.write import write_yaml


@contextlib.contextmanager
def throwaway_oxigraph() -> Iterator[str]:
    """`oxigraph serve` (pip install oxigraph) on a free local port, in a temporary folder."""
    exe = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    folder = tempfile.mkdtemp(prefix="asiaai-oxigraph-")
    proc = subprocess.Popen([exe, "serve", "--location", folder, "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(url + "/", timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        shutil.rmtree(folder, ignore_errors=True)


def roundtrip(url: str) -> None:
    kg = ag.load()
    graph = "urn:asiaai-graph:example"

    done = kg.push(url, graph=graph)  # one streamed Graph Store PUT; replaces the graph
    print(f"pushed {done.triples:,} triples to <{done.graph}> in {done.seconds:.2f} s")

    query = Path(__file__).with_name("queries") / "llm-builders-by-country.rq"
    rows = ag.sparql(url, query.read_text(encoding="utf-8"), graph=graph)
    print(f"{query.name} in the store: {len(rows)} rows, the same as in memory: {rows == kg.sparql(query.read_text())}")
    for row in rows[:3]:
        print("  ", row)

    pulled = ag.from_store(url, graph=graph)  # validated like a YAML file
    print(f"pulled {len(pulled)} records; equal to what was pushed: {pulled == kg}")
    with tempfile.TemporaryDirectory() as folder:
        files = write_yaml(pulled, folder)  # curate in files again
        print(f"wrote {len(files)} YAML files; they load back equal: {ag.load(folder, curated=False) == pulled}")


def main() -> None:
    url = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("ASIAAI_GRAPH_STORE_URL")
    if url:
        roundtrip(url)
    else:
        print("no store given: starting a throwaway Oxigraph server")
        with throwaway_oxigraph() as local:
            roundtrip(local)


if __name__ == "__main__":
    main()
