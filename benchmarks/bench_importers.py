"""How long the dataset readers take on the six real files, beside the bare parse of the same files.

Run from a checkout where the package is installed, with the datasets beside it
(``../shared/datasets``) or named by ``ASIAAI_GRAPH_DATASETS``::

    python benchmarks/bench_importers.py               # 7 paired runs per file, medians
    python benchmarks/bench_importers.py --repeat 15

For each file, in the same process and interleaved run by run (so that load from
other processes hits both alike), it times:

bare parse
    The floor: ``csv.reader`` over the CSV (every record materialised), or, for the
    Markdown lists, reading the text and splitting every table line on ``|``.
reader
    The library's reader (``read_epoch``, ``read_llmjp``, ``read_china_llms``, ``read_clusters``,
    ``read_hardware``): typed,
    located rows with every cell parsed.
reader / bare
    The cost of the typing and checking, as a ratio (median of the paired ratios).

The LLM-jp row also times ``pair_llmjp`` over the two READMEs already read. Times are
``time.perf_counter()`` wall clock; the first run of each is a warm-up and is dropped.
"""

from __future__ import annotations

import argparse
import csv
import functools
import os
import statistics
import sys
import time
from collections.abc import Callable, Sized
from pathlib import Path

from asiaai_graph.importers import pair_llmjp, read_china_llms, read_epoch, read_llmjp
from asiaai_graph.importers.epoch_clusters import read_clusters
from asiaai_graph.importers.epoch_hardware import read_hardware

HERE = Path(__file__).resolve().parent
DATASETS = Path(os.environ.get("ASIAAI_GRAPH_DATASETS") or HERE.parent.parent / "shared" / "datasets")


def _bare_csv(path: Path) -> int:
    with open(path, newline="", encoding="utf-8") as f:
        return sum(1 for _ in csv.reader(f))


def _bare_markdown(path: Path) -> int:
    n = 0
    for line in path.read_text(encoding="utf-8").split("\n"):
        if line.startswith("|"):
            n += len(line.split("|"))
    return n


def _time(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args(argv)
    if not DATASETS.is_dir():
        print(f"no datasets at {DATASETS}; set ASIAAI_GRAPH_DATASETS", file=sys.stderr)
        return 2
    en_path = DATASETS / "awesome-japanese-llm" / "README.en.md"
    ja_path = DATASETS / "awesome-japanese-llm" / "README.ja.md"
    cases: list[tuple[str, Path, Callable[[], object], Callable[[], Sized]]] = []
    for name, rel in (
        ("Epoch notable", "epoch-notable-ai-models/notable-ai-models.csv"),
        ("Epoch all", "epoch-all-ai-models/all_ai_models.csv"),
    ):
        path = DATASETS / rel
        epoch_reader = functools.partial(read_epoch, path, skip_bad_rows=True)
        cases.append((name, path, functools.partial(_bare_csv, path), epoch_reader))
    for name, path in (("LLM-jp en", en_path), ("LLM-jp ja", ja_path)):
        cases.append((name, path, functools.partial(_bare_markdown, path), functools.partial(read_llmjp, path)))
    china = DATASETS / "awesome-llms-in-china" / "README.zh.md"
    cases.append(("China list", china, lambda: _bare_markdown(china), lambda: read_china_llms(china)))
    for name, rel, read in (("GPU clusters", "epoch-gpu-clusters/gpu_clusters.csv", read_clusters),
                            ("ML hardware", "epoch-ml-hardware/ml_hardware.csv", read_hardware)):
        path = DATASETS / rel
        cases.append((name, path, functools.partial(_bare_csv, path), functools.partial(read, path)))

    print(f"datasets: {DATASETS}; {args.repeat} paired runs per file (first dropped), medians; "
          f"the machine may be shared, so compare within a row.")
    print(f"{'file':<15}{'rows':>7}{'bytes':>11}{'bare parse ms':>15}{'reader ms':>11}{'reader/bare':>13}")
    for name, path, bare, reader in cases:
        rows = len(reader())
        bare_t, read_t, ratios = [], [], []
        for i in range(args.repeat + 1):
            b, r = _time(bare), _time(reader)
            if i:
                bare_t.append(b)
                read_t.append(r)
                ratios.append(r / b)
        print(
            f"{name:<15}{rows:>7}{path.stat().st_size:>11,}{statistics.median(bare_t) * 1e3:>15.1f}"
            f"{statistics.median(read_t) * 1e3:>11.1f}{statistics.median(ratios):>13.1f}"
        )
    en, ja = read_llmjp(en_path), read_llmjp(ja_path)
    pair_t = [_time(lambda: pair_llmjp(en, ja)) for _ in range(args.repeat + 1)][1:]
    print(f"pair_llmjp (en+ja already read): {statistics.median(pair_t) * 1e3:.1f} ms")
    print(f"ids for 2,000 new names beside 8,000 curated records: {statistics.median(_matching_times(args.repeat)):.2f} s "
          "(review 21, F14: each new name scanned every curated id before)")
    return 0


def _matching_times(repeat: int) -> list[float]:
    from asiaai_graph.importers.matching import Matcher, MatchingTables
    from asiaai_graph.schema import Organization

    curated = [Organization(id=f"org-{n}", name=f"Org {n}", kind="company", sources=["s"]) for n in range(8000)]
    times = []
    for _ in range(repeat):
        matcher = Matcher(curated, MatchingTables({}, {}, frozenset(), ()), "demo")
        times.append(_time(lambda: [matcher.id("model", f"Model {n}") for n in range(2000)]))
    return times


if __name__ == "__main__":
    raise SystemExit(main())
