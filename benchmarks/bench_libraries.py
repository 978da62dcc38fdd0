"""Our own code or a well-kept library? The store client against httpx, the Markdown table reader against markdown-it-py.

Issue 21 asks to use httpx (timeouts, limits, redirects, auth as Python users
expect them) and markdown-it-py with its GFM table rule where they serve users
better, and to keep our own code only where a measurement shows it does.
This script prints the figures the choice rests on:

store client (a local ``oxigraph serve``, the curated graph pushed once)
    * the time to import each client;
    * 300 small queries in a row, each a new connection (ours) / one client
      with keep-alive (httpx);
    * a push of the curated export, streamed (chunked);
    * what each does against a server that drips one byte every 0.5 s (each read
      within the read timeout): ours stops at its ``deadline``, httpx has no total
      deadline (its ``timeout`` is per operation), so the script gives up on it
      after 20 s;
    * against a server announcing ``Content-Length: 10**12``: ours refuses at once,
      httpx reads what comes.

Markdown tables (the LLM-jp README of ``../shared/datasets`` when present, else the test fixture)
    * time to read every table, ours (``read_llmjp``) against markdown-it-py's
      ``MarkdownIt("commonmark").enable("table")`` parse plus a walk of its table tokens;
    * whether both find the same tables, rows and cell texts;
    * the hostile inputs of issue 21 (a heading with 20,000 spaces, 20,000
      footnote openers in a cell): time for each.

Run: ``pip install httpx markdown-it-py`` (neither is a dependency), then
``python benchmarks/bench_libraries.py``.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

import asiaai_graph as ag  # noqa: E402
from hostile_server import HostileServer  # noqa: E402
from store_helpers import oxigraph_server  # noqa: E402

LLMJP = HERE.parent.parent / "shared" / "datasets" / "awesome-japanese-llm" / "README.en.md"
QUERY = "SELECT ?m WHERE { ?m a <https://w3id.org/asiaai-graph/ontology#AIModel> } LIMIT 5"


def _import_time(module: str) -> float:
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    runs = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
            for _ in range(5)]
    return statistics.median(runs)


def _drip(_: bytes) -> list[bytes | float]:
    out: list[bytes | float] = [b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\n"
                                b"Content-Length: 100000\r\n\r\n"]
    for _i in range(200):
        out += [b" ", 0.5]
    return out


def _liar(_: bytes) -> list[bytes | float]:
    return [b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\nContent-Length: 1000000000000\r\n\r\n"
            + b" " * 65536, 30.0]


def _timed(call: object, cap: float) -> str:
    result: list[str] = []

    def run() -> None:
        start = time.perf_counter()
        try:
            call()  # type: ignore[operator]
            result.append(f"answered after {time.perf_counter() - start:.1f} s")
        except Exception as exc:
            result.append(f"{type(exc).__name__} after {time.perf_counter() - start:.1f} s")

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(cap)
    return result[0] if result else f"still waiting after {cap:.0f} s (given up on by this script)"


def store_client() -> None:
    import httpx

    print("== store client: ours (http.client) against httpx", httpx.__version__)
    print(f"import time        ours (http.client): {_import_time('http.client') * 1000:6.1f} ms   "
          f"httpx: {_import_time('httpx') * 1000:6.1f} ms")
    kg = ag.load()
    with tempfile.TemporaryDirectory() as tmp, oxigraph_server(Path(tmp) / "db") as url:
        graph = "urn:bench:libraries"
        kg.push(url, graph=graph)
        start = time.perf_counter()
        for _ in range(300):
            ag.sparql(url, QUERY, graph=graph)
        ours = time.perf_counter() - start
        with httpx.Client(timeout=60) as client:
            start = time.perf_counter()
            for _ in range(300):
                client.post(url + "/query", data={"query": QUERY, "default-graph-uri": graph},
                            headers={"Accept": "application/sparql-results+json"}).json()
            theirs = time.perf_counter() - start
        print(f"300 queries        ours: {ours:6.2f} s (new connection each)   httpx: {theirs:6.2f} s (keep-alive)")
        nt = kg.serialize(format="nt")
        assert isinstance(nt, str)
        data = nt.encode()
        start = time.perf_counter()
        kg.push(url, graph=graph, verify=False)
        ours = time.perf_counter() - start
        with httpx.Client(timeout=300) as client:
            start = time.perf_counter()
            client.put(url + "/store", params={"graph": graph}, headers={"Content-Type": "application/n-triples"},
                       content=(data[i:i + 262144] for i in range(0, len(data), 262144))).raise_for_status()
            theirs = time.perf_counter() - start
        print(f"push {len(data) / 1e6:.1f} MB       ours: {ours:6.2f} s (export written while sent)   "
              f"httpx: {theirs:6.2f} s (the text made beforehand)")
    with HostileServer(_drip) as server:
        print("dripping server    ours:", _timed(lambda: ag.sparql(server.url, "ASK {}", timeout=2, retries=0,
                                                                    deadline=5), 30))
        print("                   httpx:", _timed(lambda: httpx.post(server.url + "/query", data={"query": "ASK {}"},
                                                                      timeout=2).read(), 20))
    with HostileServer(_liar) as server:
        print("Content-Length 1e12 ours:", _timed(lambda: ag.sparql(server.url, "ASK {}", timeout=2, retries=0), 20))
        print("                   httpx:", _timed(lambda: httpx.post(server.url + "/query", data={"query": "ASK {}"},
                                                                      timeout=2).read(), 20))


def _gfm_tables(text: str) -> list[list[list[str]]]:
    """Every table of ``text`` as rows of cell texts, by markdown-it-py's GFM table rule."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    tables: list[list[list[str]]] = []
    row: list[str] | None = None
    for tok in tokens:
        if tok.type == "table_open":
            tables.append([])
        elif tok.type == "tr_open":
            row = []
        elif tok.type == "inline" and row is not None:
            row.append("".join(c.content for c in (tok.children or []) if c.type in ("text", "code_inline")))
        elif tok.type == "tr_close" and row is not None:
            tables[-1].append(row)
            row = None
    return tables


def markdown_tables() -> None:
    import markdown_it

    from asiaai_graph.importers import read_llmjp
    from asiaai_graph.importers.markdown import iter_tables

    print("\n== Markdown tables: ours against markdown-it-py", markdown_it.__version__, "(CommonMark + its GFM table rule)")
    path = LLMJP if LLMJP.exists() else HERE.parent / "tests" / "fixtures" / "datasets" / "llmjp_broken_rows.en.md"
    text = path.read_text(encoding="utf-8")
    print(f"file: {path} ({len(text.encode()) / 1e3:.0f} kB)")
    runs = []
    for _ in range(5):
        start = time.perf_counter()
        read_llmjp(path, skip_bad_rows=True)
        runs.append(time.perf_counter() - start)
    ours = statistics.median(runs)
    runs = []
    for _ in range(5):
        start = time.perf_counter()
        gfm = _gfm_tables(text)
        runs.append(time.perf_counter() - start)
    theirs = statistics.median(runs)
    print(f"read every table   ours: {ours * 1000:7.1f} ms (rows typed, links, bold, footnotes, line numbers)   "
          f"markdown-it-py: {theirs * 1000:7.1f} ms (tokens only)")
    mine = list(iter_tables(text.splitlines()))
    same_tables = len(mine) == len(gfm)
    mine_rows = sum(len(t.rows) for t in mine)
    gfm_rows = sum(len(t) - 1 for t in gfm)
    print(f"tables found       ours: {len(mine)} tables, {mine_rows} rows   markdown-it-py: {len(gfm)} tables, "
          f"{gfm_rows} rows   same count: {same_tables}")
    hostile = {"heading of 20,000 spaces": "## a" + " " * 20_000 + "b\n",
               "20,000 footnote openers": "| a | b |\n|-|-|\n| x | " + "[^" * 20_000 + " |\n",
               "10,000 link openers": "| a | b |\n|-|-|\n| x | " + "[a](" * 10_000 + " |\n"}
    from asiaai_graph.importers.markdown import heading, parse_cell

    for name, doc in hostile.items():
        start = time.perf_counter()
        if doc.startswith("#"):
            heading(doc.strip())
        else:
            parse_cell(doc.splitlines()[2].split("|")[2])
        ours = time.perf_counter() - start
        start = time.perf_counter()
        _gfm_tables(doc)
        theirs = time.perf_counter() - start
        print(f"{name:25s} ours: {ours * 1000:8.1f} ms   markdown-it-py: {theirs * 1000:8.1f} ms")


if __name__ == "__main__":
    store_client()
    markdown_tables()
