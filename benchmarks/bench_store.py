"""Push and pull through a local Oxigraph server, next to Oxigraph's own bulk loader.

For the curated data and the synthetic 10k- (and, with ``--orgs 10000 100000``,
100k-) organization sets (``benchmarks/generate.py``, kept in
``benchmarks/out/orgs-N``), each measured ``--repeat`` times in turn (medians;
every measurement on a fresh server with an empty store, every Python side in a
fresh process):

bulk load (floor)
    ``oxigraph load --location EMPTY --file data.nt --graph G``: Oxigraph's own
    offline bulk loader on the same N-Triples the push sends (written beforehand,
    not timed).
push (atomic)
    ``kg.push(url, graph)``: one streamed, transactional Graph Store ``PUT``, the
    default; time from the call to the server's answer.
push (no transaction)
    ``kg.push(url, graph, atomic=False)``: Oxigraph's ``no_transaction``, its bulk
    loader behind HTTP; not atomic.
raw PUT of the file
    A plain ``http.client`` PUT of the ``.nt`` file, chunked, transactional: what
    the server takes for a transactional load with no Python serialization, so
    "push (atomic) / raw PUT" is the client's own cost.
pull
    ``ag.from_store(url, graph)`` into a validated graph (GET, then
    ``rdf.from_rdf``), from the store the push filled.

Memory (Python process, RSS sampled every 5 ms from /proc/self/statm):

in-memory size
    RSS growth of ``ag.load(folder, curated=False, cache=False)`` (records as
    objects, indexes built), measured after ``gc.collect()``: what the graph
    costs to hold.
push peak
    Highest RSS during the push minus RSS just before it: what pushing adds.
    The target is under a quarter of the in-memory size.
pull peak
    Highest RSS during the pull minus RSS before it.
server peak
    The Oxigraph process's peak RSS (VmHWM) for that measurement.

Targets: push (atomic) within 2x of the bulk loader's time; push peak under a
quarter of the in-memory size at 100k organizations. The machine may be shared:
compare figures of one run only.

Usage::

    python benchmarks/bench_store.py                       # curated + 10k
    python benchmarks/bench_store.py --orgs 10000 100000   # + 100k: no-transaction push, bulk load, pull
    python benchmarks/bench_store.py --orgs 100000 --atomic-max 100000   # also the transactional push (> 30 min)
    python benchmarks/bench_store.py --repeat 3
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
import threading
import time
from pathlib import Path
from typing import Any

# benchmarks/generate.py: the synthetic data, made once
from generate import ensure_data

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from store_helpers import find_oxigraph, oxigraph_server  # noqa: E402

GRAPH = "urn:asiaai-graph:bench"
_PAGE = os.sysconf("SC_PAGE_SIZE")


def _rss(pid: int | str = "self") -> int:
    with open(f"/proc/{pid}/statm") as fh:
        return int(fh.read().split()[1]) * _PAGE


def _hwm(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        return None
    return None


class Peak:
    """The highest RSS of this process while the block runs, sampled every 5 ms."""

    def __enter__(self) -> Peak:
        self.start = _rss()
        self.peak = self.start
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._sample, daemon=True)
        self.thread.start()
        return self

    def _sample(self) -> None:
        while not self.done.wait(0.005):
            self.peak = max(self.peak, _rss())

    def __exit__(self, *exc: object) -> None:
        self.done.set()
        self.thread.join()
        self.peak = max(self.peak, _rss())

    @property
    def growth(self) -> int:
        return self.peak - self.start


# --- workers (each in a fresh process) -----------------------------------------------------------


def _load(data: str) -> tuple[Any, int]:
    import asiaai_graph as ag

    gc.collect()
    before = _rss()
    kg = ag.load(data, curated=False, cache=False) if data != "curated" else ag.load(cache=False)
    gc.collect()
    return kg, _rss() - before


def _worker(args: argparse.Namespace) -> dict[str, Any]:
    import asiaai_graph as ag
    from asiaai_graph.rdf.export import iter_ntriples

    if args.worker == "ntriples":
        kg, _ = _load(args.data)
        n = 0
        with open(args.out, "w", encoding="utf-8", newline="\n") as fh:
            for chunk in iter_ntriples(kg):  # chunks of whole lines, one triple per line
                fh.write(chunk)
                n += chunk.count("\n")
        return {"triples": n, "bytes": os.path.getsize(args.out), "records": len(kg)}
    if args.worker == "push":
        kg, size = _load(args.data)
        with Peak() as peak:
            done = kg.push(args.url, GRAPH, atomic=not args.fast, timeout=3600, retries=0)
        return {"seconds": done.seconds, "triples": done.triples, "in_memory": size, "peak": peak.growth}
    if args.worker == "pull":
        gc.collect()
        with Peak() as peak:
            start = time.perf_counter()
            kg = ag.from_store(args.url, GRAPH, timeout=3600, retries=0)
            seconds = time.perf_counter() - start
        return {"seconds": seconds, "records": len(kg), "peak": peak.growth}
    if args.worker == "rawput":
        import http.client
        import urllib.parse

        host, port = args.url.removeprefix("http://").split(":")
        conn = http.client.HTTPConnection(host, int(port), timeout=3600)
        start = time.perf_counter()
        with open(args.out, "rb") as fh:
            conn.request("PUT", "/store?graph=" + urllib.parse.quote(GRAPH, safe=""),
                         body=iter(lambda: fh.read(256 * 1024), b""),
                         headers={"Content-Type": "application/n-triples"}, encode_chunked=True)
            resp = conn.getresponse()
            resp.read()
        assert resp.status in (201, 204), resp.status
        return {"seconds": time.perf_counter() - start}
    raise SystemExit(f"unknown worker {args.worker}")


def _run_worker(kind: str, data: str, **kw: str | bool) -> dict[str, Any]:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", kind, "--data", data]
    for k, v in kw.items():
        if v is True:
            cmd.append(f"--{k}")
        elif v:
            cmd += [f"--{k}", str(v)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{kind} worker failed: {done.stderr.strip()[-800:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


# --- the parent: data, servers, table ------------------------------------------------------------


def _server_pid(url: str) -> int | None:
    port = url.rsplit(":", 1)[1]
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            cmd = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if any(part.endswith(b"oxigraph") for part in cmd[:1]) and f"127.0.0.1:{port}".encode() in cmd:
            return int(pid)
    return None


def _on_fresh_server(work: Any) -> tuple[Any, int | None]:
    """Run ``work(url)`` against a new server with an empty store; also its peak RSS."""
    with tempfile.TemporaryDirectory(prefix="bench-oxigraph-") as folder:
        with oxigraph_server(Path(folder) / "db") as url:
            result = work(url)
            pid = _server_pid(url)
            return result, (_hwm(pid) if pid else None)


def measure(label: str, data: str, repeat: int, atomic: bool = True) -> dict[str, Any]:
    exe = find_oxigraph()
    assert exe, "oxigraph is not installed (pip install oxigraph)"
    runs: dict[str, list[float]] = {k: [] for k in ("bulk", "push", "fast", "raw", "pull")}
    mem: dict[str, list[int]] = {k: [] for k in ("in_memory", "push_peak", "fast_peak", "pull_peak",
                                                 "srv_push", "srv_fast", "srv_bulk_proc")}
    with tempfile.TemporaryDirectory(prefix="bench-store-") as tmp:
        nt = os.path.join(tmp, "data.nt")
        info = _run_worker("ntriples", data, out=nt)
        for _ in range(repeat):
            # the floor: Oxigraph's bulk loader, offline, into an empty store
            start = time.perf_counter()
            done = subprocess.run(["/usr/bin/time", "-f", "%M", exe, "load", "--location",
                                   os.path.join(tmp, f"bulk-{time.monotonic_ns()}"), "--file", nt, "--graph", GRAPH],
                                  capture_output=True, text=True, check=True)
            runs["bulk"].append(time.perf_counter() - start)
            mem["srv_bulk_proc"].append(int(done.stderr.strip().splitlines()[-1]) * 1024)

            def pushed_and_pulled(url: str, fast: bool) -> tuple[dict[str, Any], dict[str, Any]]:
                pushed = _run_worker("push", data, url=url, fast=fast)
                pulled = _run_worker("pull", data, url=url)
                return pushed, pulled

            # the no-transaction push; the pull reads what it stored when the atomic push is skipped
            (fast, pulled), srv = _on_fresh_server(lambda url: pushed_and_pulled(url, True))
            runs["fast"].append(fast["seconds"])
            mem["fast_peak"].append(fast["peak"])
            mem["srv_fast"].append(srv or 0)
            mem["in_memory"].append(fast["in_memory"])
            assert fast["triples"] == info["triples"] and pulled["records"] == info["records"], (fast, pulled, info)
            if atomic:
                (pushed, pulled), srv = _on_fresh_server(lambda url: pushed_and_pulled(url, False))
                runs["push"].append(pushed["seconds"])
                mem["push_peak"].append(pushed["peak"])
                mem["srv_push"].append(srv or 0)
                assert pushed["triples"] == info["triples"] and pulled["records"] == info["records"]
                raw, _ = _on_fresh_server(lambda url: _run_worker("rawput", data, url=url, out=nt))
                runs["raw"].append(raw["seconds"])
            runs["pull"].append(pulled["seconds"])
            mem["pull_peak"].append(pulled["peak"])
    med = {k: statistics.median(v) if v else None for k, v in runs.items()}
    mmed = {k: int(statistics.median(v)) if v else None for k, v in mem.items()}
    return {"label": label, **info, "t": med, "m": mmed}


def _mb(x: float) -> str:
    return f"{x / 2**20:,.0f} MB"


def _s(x: float | None, unit: str = "s") -> str:
    return "-" if x is None else f"{x:.1f}{unit}"


def _ratio(a: float | None, b: float | None) -> str:
    return "-" if a is None or b is None else f"{a / b:.2f}x"


def _rate(n: int, t: float | None) -> str:
    return "-" if t is None else f"{n / t:,.0f}"


def _mbs(x: int | None) -> str:
    return "-" if x is None else _mb(x)


def report(rows: list[dict[str, Any]]) -> None:
    print(f"\n{'data':<10} {'triples':>10} | {'bulk load':>9} {'push':>8} {'push/bulk':>9} {'no-tx push':>10} "
          f"{'no-tx/bulk':>10} {'raw PUT':>8} {'pull':>8} | {'push t/s':>9} {'no-tx t/s':>9} {'bulk t/s':>9} "
          f"{'pull t/s':>9}")
    print("-" * 140)
    for r in rows:
        t, n = r["t"], r["triples"]
        print(f"{r['label']:<10} {n:>10,} | {_s(t['bulk']):>9} {_s(t['push']):>8} {_ratio(t['push'], t['bulk']):>9} "
              f"{_s(t['fast']):>10} {_ratio(t['fast'], t['bulk']):>10} {_s(t['raw']):>8} {_s(t['pull']):>8} | "
              f"{_rate(n, t['push']):>9} {_rate(n, t['fast']):>9} {_rate(n, t['bulk']):>9} {_rate(n, t['pull']):>9}")
    print(f"\n{'data':<10} | {'in-memory size':>14} {'push peak':>10} {'no-tx peak':>10} {'peak/size':>9} "
          f"{'pull peak':>10} | {'server: push':>12} {'no-tx push':>10} {'bulk load':>10}")
    print("-" * 118)
    for r in rows:
        m = r["m"]
        peak = m["push_peak"] if m["push_peak"] is not None else m["fast_peak"]
        print(f"{r['label']:<10} | {_mbs(m['in_memory']):>14} {_mbs(m['push_peak']):>10} {_mbs(m['fast_peak']):>10} "
              f"{peak / max(m['in_memory'], 1):>9.3f} {_mbs(m['pull_peak']):>10} "
              f"| {_mbs(m['srv_push']):>12} {_mbs(m['srv_fast']):>10} {_mbs(m['srv_bulk_proc']):>10}")
    print("\npush = kg.push (one transactional Graph Store PUT, streamed); no-tx push = atomic=False "
          "(Oxigraph's no_transaction); raw PUT = the .nt file PUT by http.client (transactional);\n"
          "bulk load = oxigraph load into an empty store; times are medians, each on a fresh server; - = not "
          "measured (--atomic-max). Memory: Python RSS growth (push/pull peak over the RSS before; peak/size\n"
          "uses the push peak, or the no-tx push peak: the same streaming code), server peak RSS (VmHWM).")
    for r in rows:
        t, m = r["t"], r["m"]
        peak = m["push_peak"] if m["push_peak"] is not None else m["fast_peak"]
        speed = ("not measured" if t["push"] is None
                 else f"{'PASS' if t['push'] <= 2 * t['bulk'] else 'FAIL'} ({t['push'] / t['bulk']:.2f}x)")
        print(f"targets {r['label']}: push within 2x of bulk load: {speed}; no-transaction push "
              f"{'PASS' if t['fast'] <= 2 * t['bulk'] else 'FAIL'} ({t['fast'] / t['bulk']:.2f}x); push peak under "
              f"1/4 of in-memory size: {'PASS' if peak < m['in_memory'] / 4 else 'FAIL'} ({peak / m['in_memory']:.3f})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--orgs", type=int, nargs="*", default=[10000], help="synthetic sizes (default 10000)")
    parser.add_argument("--no-curated", action="store_true", help="skip the curated data")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--atomic-max", type=int, default=10000, metavar="ORGS",
                        help="above this many organizations, skip the transactional push and raw PUT (default "
                             "10000: at 100k Oxigraph's transactional load ran over 30 minutes and 6.8 GB)")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--data", help=argparse.SUPPRESS)
    parser.add_argument("--url", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    parser.add_argument("--fast", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(_worker(args)))
        return 0
    rows = []
    sets = ([] if args.no_curated else [("curated", "curated", 0)]) + [
        (f"{n // 1000}k orgs", str(ensure_data(n)), n) for n in args.orgs]
    for label, data, n in sets:
        print(f"measuring {label} ...", file=sys.stderr, flush=True)
        rows.append(measure(label, data, args.repeat, atomic=n <= args.atomic_max))
    report(rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
