"""Every speed and memory target of issue 11 in one run: the three benchmarks that measure them, in turn.

Run from a checkout where the package is installed (``pip install -e '.[test]'``)::

    python benchmarks/targets.py            # about 20-40 minutes on 2 cores (the 100k rows dominate)
    python benchmarks/targets.py --quick    # 10k only, no explorer: a few minutes

Each benchmark measures a target next to its comparison in the same run, in
fresh processes, and prints its own table with the verdict:

====================================================================  =====================================
target (issue 11)                                                     printed by
====================================================================  =====================================
explorer 10k: time until interactive / search latency                 bench_explorer.py (10000)
explorer 1k: until drawn / one pan frame                              bench_explorer.py (1000)
cold ``llm-builders`` first run after install vs bare imports          run.py ("installed wheel" part)
warm ``llm-builders`` vs ``python -c pass``                             run.py (CLI part)
``kg.sparql`` LLM-builders query at 10k vs pyoxigraph                 bench_rdf.py
``search`` of a misspelled name at 100k                               run.py (query latency, search(typo))
``from_rdf`` of the 10k Turtle vs pyoxigraph's parse                  bench_rdf.py
load of 10k orgs from YAML vs pyoxigraph ``Store.load``               run.py (vs pyoxigraph)
``kg.graph`` first build / first ``search`` at 100k                   run.py (reload part)
Turtle export vs pyoxigraph serialise                                 bench_rdf.py
peak RSS of a first load at 100k                                      run.py (memory part)
====================================================================  =====================================

Start-up is measured with compiled bytecode, as a wheel's user has it
(``PYTHONDONTWRITEBYTECODE`` is unset for the runs and the package compiled first).
"""

from __future__ import annotations

import argparse
import compileall
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="10k only and no explorer (a few minutes)")
    args = parser.parse_args(argv)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    compileall.compile_dir(str(HERE.parent / "asiaai_graph"), quiet=1)
    sizes = ["10000"] if args.quick else ["10000", "100000"]
    runs = [
        ["run.py", "--sizes", *sizes],
        ["bench_rdf.py", "--orgs", "10000"],
    ]
    if not args.quick:
        runs.append(["bench_explorer.py", "--sizes", "1000", "10000", "--no-old"])
    failed = 0
    for script, *rest in runs:
        print(f"\n{'=' * 100}\n{script} {' '.join(rest)}\n{'=' * 100}", flush=True)
        start = time.perf_counter()
        code = subprocess.run([sys.executable, str(HERE / script), *rest], env=env).returncode
        print(f"[{script}: exit {code}, {time.perf_counter() - start:.0f} s]", flush=True)
        failed += code != 0
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
