"""RDF at Oxigraph's pace: asiaai_graph's SPARQL, reader and writers against pyoxigraph on the same data.

Usage::

    python benchmarks/bench_rdf.py                    # 10k organizations, 5 paired repeats
    python benchmarks/bench_rdf.py --orgs 1000 10000  # several sizes
    python benchmarks/bench_rdf.py --repeat 9         # more repeats (medians are printed)

Each row times one task both ways in the same process, the two taking turns
(``--repeat`` times; the median is printed, the machine may be shared), and
prints the ratio ours / pyoxigraph with the issue's target:

SPARQL LLM builders, first
    ``kg.sparql(<examples/queries/llm-builders-by-country.rq>)`` on a graph
    that has not queried yet: the export is loaded into an Oxigraph store (kept
    in ``kg.cache``), then queried, rows converted to Python values. Against
    pyoxigraph loading the same Turtle file into a fresh ``Store`` and running
    the query. For information.
SPARQL LLM builders, warm
    The same query again (the store is built). Against ``Store.query`` on
    pyoxigraph's store, the solutions read out to their values. Target <= 1.5x;
    the ratio uses this warm query. The indexed ``kg.llm_builders()`` is shown
    beside it.
from_rdf Turtle (fresh processes)
    ``asiaai_graph.from_rdf(path)`` of the export's Turtle file: parse, check
    and validate every record, build the graph. Against pyoxigraph's own
    parse of the file into a list of quads (``list(pyoxigraph.parse(path=...))``).
    Target <= 2x. ``Store().load(path=...)`` is shown for information. Each
    run is a fresh interpreter (imports done before the clock starts), the
    three taking turns.
Turtle export
    ``kg.serialize(format="turtle")``: records to Turtle text. Against
    ``pyoxigraph.serialize`` of the same triples (a list of ``pyoxigraph.Triple``
    already in memory) as Turtle with the same prefixes and base. Target <=
    1.5x. ``Store.dump`` (Turtle out of a store) is shown for information.
N-Triples export
    ``kg.serialize(format="nt")`` against ``pyoxigraph.serialize`` as N-Triples.
    For information.
from_rdf peak memory
    In those fresh processes: the resident set's high-water mark (``VmHWM``) during
    ``from_rdf(path)``, minus the resident set before it (the interpreter and
    imports); against the same for pyoxigraph's list of quads. ``tracemalloc``
    is not used: it does not see Rust allocations.

Synthetic data comes from ``benchmarks/generate.py`` and is kept in
``benchmarks/out/orgs-N`` (git-ignored, shared with ``run.py``), regenerated
only when the generator changes. The script measures the package of the
checkout it sits in, through public functions only, so a copy of it run from
an older checkout gives the "before" figures.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

# benchmarks/generate.py: the synthetic data, made once
from generate import ensure_data

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
QUERY = ROOT / "examples" / "queries" / "llm-builders-by-country.rq"
sys.path.insert(0, str(ROOT))

PREFIXES = {
    "aag": "https://w3id.org/asiaai-graph/ontology#", "dcterms": "http://purl.org/dc/terms/",
    "org": "http://www.w3.org/ns/org#", "owl": "http://www.w3.org/2002/07/owl#", "prov": "http://www.w3.org/ns/prov#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "schema": "https://schema.org/", "skos": "http://www.w3.org/2004/02/skos/core#",
    "wd": "http://www.wikidata.org/entity/", "xsd": "http://www.w3.org/2001/XMLSchema#",
}
BASE = "https://w3id.org/asiaai-graph/id/"


def timed(fn: Callable[[], Any]) -> float:
    gc.collect()
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def paired(tasks: dict[str, Callable[[], Any]], repeat: int) -> dict[str, float]:
    """Median seconds of each task; the tasks take turns, so a change in the machine's load hits them alike."""
    runs: dict[str, list[float]] = {name: [] for name in tasks}
    for _ in range(repeat):
        for name, fn in tasks.items():
            runs[name].append(timed(fn))
    return {name: statistics.median(times) for name, times in runs.items()}


# --- peak memory, in a fresh process ---------------------------------------------------------------


def _status(field: str) -> int | None:
    """A size from /proc/self/status (Linux), in bytes."""
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return None


def _peak() -> int:
    """The resident set's high-water mark of this process.

    ``VmHWM`` starts afresh at ``exec``; ``ru_maxrss`` (the fallback off Linux)
    would carry over the parent's resident set from ``fork``.
    """
    hwm = _status("VmHWM")
    if hwm is not None:
        return hwm
    import resource

    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss if sys.platform == "darwin" else rss * 1024


def worker(kind: str, path: str) -> None:
    import pyoxigraph
    import rdflib  # noqa: F401 - imported before the baseline, whichever parser a version of the package uses

    import asiaai_graph as ag

    ag.KnowledgeGraph([])
    gc.collect()
    before = _status("VmRSS") or _peak()
    start = time.perf_counter()
    if kind == "from_rdf":
        result: Any = ag.from_rdf(path)
    elif kind == "ox_store":
        result = pyoxigraph.Store()
        result.load(path=path, format=pyoxigraph.RdfFormat.TURTLE)
    else:
        result = list(pyoxigraph.parse(path=path, format=pyoxigraph.RdfFormat.TURTLE))
    seconds = time.perf_counter() - start
    print(json.dumps({"before": before, "peak": _peak(), "seconds": seconds, "size": len(result)}))


def in_fresh_process(kind: str, path: Path) -> dict[str, Any]:
    """Seconds and memory of one read of ``path`` (``from_rdf``, ``ox_parse`` or ``ox_store``) in a new interpreter."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--worker", kind, str(path)],
                          capture_output=True, text=True, env=env, check=True)
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


# --- the comparisons ---------------------------------------------------------------------------------


def rows(result: Any) -> list[list[Any]]:
    """pyoxigraph's solutions read out, as kg.sparql reads them (one value per variable)."""
    return [[None if term is None else term.value for term in solution] for solution in result]


def measure(orgs: int, repeat: int) -> list[tuple[str, float, float, float | None, str]]:
    """(task, ours, theirs, target ratio or None, note) for one size."""
    import pyoxigraph

    import asiaai_graph as ag

    kg = ag.load(ensure_data(orgs), curated=False)
    list(kg.values())  # every record validated (a snapshot keeps them as JSON until first use)
    query = QUERY.read_text(encoding="utf-8")
    folder = Path(tempfile.mkdtemp(prefix="asiaai-bench-rdf-"))
    ttl = folder / f"orgs-{orgs}.ttl"
    kg.serialize(format="turtle", destination=ttl)
    nt_text = kg.serialize(format="nt")
    assert isinstance(nt_text, str)
    triples = [q.triple for q in pyoxigraph.parse(input=nt_text.encode(), format=pyoxigraph.RdfFormat.N_TRIPLES)]
    del nt_text
    print(f"{orgs:,} organizations: {len(kg):,} records, {len(triples):,} triples, Turtle {ttl.stat().st_size:,} bytes",
          flush=True)
    out: list[tuple[str, float, float, float | None, str]] = []

    # SPARQL: first query on a graph that has never queried (a copy of kg per run), then warm.
    copies = [ag.KnowledgeGraph(list(kg.values())) for _ in range(repeat)]
    ox_stores: list[Any] = []

    def ours_first() -> None:
        copies.pop().sparql(query)

    def ox_first() -> None:
        store = pyoxigraph.Store()
        store.load(path=str(ttl), format=pyoxigraph.RdfFormat.TURTLE)
        rows(store.query(query, prefixes=PREFIXES))
        ox_stores.append(store)

    first = paired({"ours": ours_first, "ox": ox_first}, repeat)
    out.append(("SPARQL LLM builders, first (builds the store)", first["ours"], first["ox"], None, "info"))
    del copies
    store = ox_stores[-1]
    ox_stores.clear()
    ours_rows = kg.sparql(query)
    assert len(ours_rows) == len(rows(store.query(query, prefixes=PREFIXES)))
    warm = paired({"ours": lambda: kg.sparql(query), "ox": lambda: rows(store.query(query, prefixes=PREFIXES)),
                   "index": lambda: kg.llm_builders()}, max(repeat, 5))
    out.append(("SPARQL LLM builders, warm", warm["ours"], warm["ox"], 1.5,
                f"{len(ours_rows)} rows; kg.llm_builders() {warm['index'] * 1e6:.0f} µs"))
    del store

    # from_rdf of the Turtle file against pyoxigraph's parse of it, each in a fresh process: in this
    # one, the objects already alive (the graph, the triples) would make the cyclic GC slow down
    # pyoxigraph's list of quads (from_rdf pauses it), which flatters the ratio.
    fresh: dict[str, list[dict[str, Any]]] = {"from_rdf": [], "ox_parse": [], "ox_store": []}
    for _ in range(repeat):
        for kind in fresh:
            fresh[kind].append(in_fresh_process(kind, ttl))
    secs = {kind: statistics.median(r["seconds"] for r in runs) for kind, runs in fresh.items()}
    out.append(("from_rdf Turtle (fresh processes)", secs["from_rdf"], secs["ox_parse"], 2.0,
                f"Store().load {secs['ox_store']:.2f}s"))
    # Writers against pyoxigraph's serializer of the same triples.
    dump_store = pyoxigraph.Store()
    dump_store.extend(pyoxigraph.Quad(t.subject, t.predicate, t.object) for t in triples)
    write = paired({
        "ours": lambda: kg.serialize(format="turtle"),
        "ox": lambda: pyoxigraph.serialize(triples, format=pyoxigraph.RdfFormat.TURTLE, prefixes=PREFIXES,
                                           base_iri=BASE),
        "ox dump": lambda: dump_store.dump(format=pyoxigraph.RdfFormat.TURTLE, from_graph=pyoxigraph.DefaultGraph(),
                                           prefixes=PREFIXES),
        "ours nt": lambda: kg.serialize(format="nt"),
        "ox nt": lambda: pyoxigraph.serialize(triples, format=pyoxigraph.RdfFormat.N_TRIPLES),
    }, repeat)
    out.append(("Turtle export", write["ours"], write["ox"], 1.5, f"Store.dump {write['ox dump']:.2f}s"))
    out.append(("N-Triples export", write["ours nt"], write["ox nt"], None, "info"))
    del dump_store, triples

    mib = 1024 * 1024
    grown = {kind: max(r["peak"] - r["before"] for r in runs) / mib for kind, runs in fresh.items()}
    peak = {kind: max(r["peak"] for r in runs) / mib for kind, runs in fresh.items()}
    out.append(("from_rdf peak memory (MiB above start)", grown["from_rdf"], grown["ox_parse"], None,
                f"peak RSS {peak['from_rdf']:.0f} vs {peak['ox_parse']:.0f} MiB; Store().load {grown['ox_store']:.0f}"))
    ttl.unlink()
    folder.rmdir()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--orgs", type=int, nargs="+", default=[10000])
    parser.add_argument("--repeat", type=int, default=5, help="paired runs per task; medians are printed")
    parser.add_argument("--worker", nargs=2, metavar=("KIND", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        worker(*args.worker)
        return 0
    import pyoxigraph

    print(f"pyoxigraph {pyoxigraph.__version__}, Python {sys.version.split()[0]}, {os.cpu_count()} CPUs "
          f"(times: medians of {args.repeat} paired runs, seconds unless marked)")
    head = f"{'task':<48} {'ours':>9} {'pyoxigraph':>11} {'ratio':>7} {'target':>7}  note"
    for orgs in args.orgs:
        results = measure(orgs, args.repeat)
        print(head)
        print("-" * len(head))
        for task, ours, theirs, target, note in results:
            ratio = ours / theirs if theirs else float("inf")
            unit = "" if "memory" in task else "s"
            verdict = "" if target is None else ("  PASS" if ratio <= target else "  MISS")
            goal = f"<={target:g}x" if target is not None else ""
            print(f"{task:<48} {ours:>8.3f}{unit or ' '} {theirs:>10.3f}{unit or ' '} {ratio:>6.2f}x {goal:>7}"
                  f"{verdict}  {note}", flush=True)
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
