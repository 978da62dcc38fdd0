"""Turtle export speed: rdflib (``to_rdf()`` + ``Graph.serialize("turtle")``) against ``kg.serialize("turtle")``.

``kg.serialize`` writes Turtle and N-Triples straight from the records; the
rdflib path builds an ``rdflib.Graph`` and serializes it. Both give the same
triples (the tests check it with rdflib, pyoxigraph and rapper). For each size
this prints the triple count, both times side by side, and the ratio (the
target is at least 10x at 100,000 organizations).

Usage::

    python benchmarks/bench_rdf.py                      # 1k, 10k and 100k organizations
    python benchmarks/bench_rdf.py --orgs 1000 10000    # smaller sizes only
    python benchmarks/bench_rdf.py --check              # also check the round trip, parse with pyoxigraph

rdflib's Turtle serializer slows down as the graph grows here (about 30,000
triples/s at 1k organizations, under 10,000 at 10k): its namespace manager
keeps a trie of every IRI "namespace" it splits off, and each record's owned
nodes (``…/id/deepseek-v3#parameters``) add one, so inserting into the trie
costs more and more. ``kg.serialize`` does not go through rdflib at all.

Synthetic data comes from ``benchmarks/generate.py`` and is kept in
``benchmarks/out/orgs-N`` (ignored by git), so later runs skip generating it.
"""

from __future__ import annotations

import argparse
import gc
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import asiaai_graph as ag  # noqa: E402
from asiaai_graph.rdf.export import to_ntriples  # noqa: E402


def _data(orgs: int, out: Path) -> Path:
    folder = out / f"orgs-{orgs}"
    if not any(folder.glob("*.yaml")):
        subprocess.run([sys.executable, str(HERE / "generate.py"), "--orgs", str(orgs), "--out", str(folder)],
                       check=True)
    return folder


def _timed(fn, *args, **kwargs):  # type: ignore[no-untyped-def]
    gc.collect()
    start = time.perf_counter()
    result = fn(*args, **kwargs)
    return result, time.perf_counter() - start


_HEAD = (f"{'orgs':>8} {'records':>8} {'triples':>10} | {'to_rdf':>8} {'rdflib ttl':>10} {'rdflib total':>12} "
         f"| {'fast ttl':>8} {'fast nt':>8} | {'ratio':>6} | {'rdflib kt/s':>11} {'fast Mt/s':>9}")
_ROW = ("{:>8,} {:>8,} {:>10,} | {:>7.2f}s {:>9.2f}s {:>11.2f}s | {:>7.2f}s {:>7.2f}s | {:>5.1f}x "
        "| {:>11.1f} {:>9.2f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--orgs", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--out", type=Path, default=HERE / "out", help="where generated data is kept")
    parser.add_argument("--check", action="store_true",
                        help="also check the round trip and parse the fast Turtle with pyoxigraph")
    args = parser.parse_args(argv)

    print(_HEAD)
    print("-" * len(_HEAD), flush=True)
    for orgs in args.orgs:
        kg, _ = _timed(ag.load, _data(orgs, args.out), curated=False)
        graph, t_build = _timed(kg.to_rdf)
        triples = len(graph)
        rdflib_text, t_rdflib = _timed(graph.serialize, format="turtle")
        del rdflib_text
        if args.check:  # the round trip is lossless at this size too
            again, t_read = _timed(ag.from_rdf, graph)
            assert again == kg, "round trip differs"
            print(f"  {orgs:,} organizations: from_rdf(to_rdf(kg)) == kg ({t_read:.1f}s)", file=sys.stderr)
            del again
        del graph
        fast_text, t_fast = _timed(kg.serialize, format="turtle")
        _, t_nt = _timed(to_ntriples, kg)
        if args.check:
            import pyoxigraph

            parsed = sum(1 for _ in pyoxigraph.parse(input=fast_text.encode(), format=pyoxigraph.RdfFormat.TURTLE))
            assert parsed == triples, (parsed, triples)
        rdflib_total = t_build + t_rdflib
        row = (orgs, len(kg), triples, t_build, t_rdflib, rdflib_total, t_fast, t_nt, rdflib_total / t_fast)
        print(_ROW.format(*row, triples / t_rdflib / 1e3, triples / t_fast / 1e6), flush=True)
        del kg, fast_text
    print("\nrdflib total = kg.to_rdf() + Graph.serialize(format='turtle'); fast = kg.serialize(format='turtle')"
          " (written from the records, same triples); ratio = rdflib total / fast.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
