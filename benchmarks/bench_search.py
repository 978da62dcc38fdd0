"""Name search: the previous algorithm against the current one, side by side, at several sizes.

For the curated data and for synthetic data at 10k and 100k organizations
(``benchmarks/generate.py``, kept in ``benchmarks/out/orgs-N``), this prints,
for the *old* index (the ``search.py`` before issues 11 and 12, copied below
as ``OldNameIndex``) and the *new* one (``asiaai_graph.graph.search.NameIndex``):

build
    Constructing the index from ``kg._names`` (every id, name, label and
    alias), in a fresh process: so the new one's figure includes importing
    OpenCC and folding Chinese characters for the first time. Wall-clock, and
    the process's CPU time (less sensitive to other processes on the machine).
first call of each query
    The queries below run once each, in the order listed, right after the
    build: a first call includes whatever the index builds on first need
    (the new one builds pinyin keys, importing pypinyin, at the first Latin
    query that matches no name exactly: the *prefix* row; Hangul jamo keys at
    the first Korean query that needs close matching; the substring scan's
    joined keys at the first substring search).
median latency
    Median wall-clock time of repeated calls (as many as fit in ~0.3 s), with
    the total number of records matched (``Matches.total``; for the old index
    the number returned, at most 10) and whether the expected record came
    first (``ok``) or not (``MISS``).

Queries, chosen from the data (the same for both indexes): an exact English
name; its first four letters; six letters from inside it that start no name (substring); the name with
two letters swapped (misspelled Latin); a Korean label with one vowel changed
(misspelled Hangul); a four-character Chinese label with its last character changed
(misspelled Chinese); the pinyin of a Chinese label, with a space (pinyin).
For the curated data: DeepSeek, Tence, seek, Samsnug, 맥킨지 (the article wrote
매킨지), 深度求素, shendu qiusuo, and 百渡 (a homophone of 百度).

Every worker runs in a fresh subprocess; old and new take turns, ``--repeat``
times, and the median of each figure is shown (the machine may be shared:
compare the columns of one run, not figures from different runs).

Usage::

    python benchmarks/bench_search.py                       # curated, 10k and 100k organizations
    python benchmarks/bench_search.py --sizes 0 10000       # 0 is the curated data
    python benchmarks/bench_search.py --repeat 5
"""

from __future__ import annotations

import argparse
import bisect
import difflib
import heapq
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
HANZI = "华为百度阿里巴腾讯商汤科技智能云数据深度求索月之暗面星火光明天地人和海山河金银中国新大学研究院集团网络"

# --- the previous algorithm (asiaai_graph/search.py before issues 11 and 12), unchanged -----------

_NOT_ALNUM = re.compile(r"[\W_]+")


def old_normalize(text: str) -> str:
    return _NOT_ALNUM.sub("", unicodedata.normalize("NFKC", text).casefold())


class OldNameIndex:
    def __init__(self, names: Mapping[str, Sequence[str]]) -> None:
        self._exact: dict[str, list[str]] = {}
        self._rank: dict[str, tuple[int, str]] = {}
        for rid, its_names in names.items():
            for name in (rid, *its_names):
                key = old_normalize(name)
                if key:
                    ids = self._exact.setdefault(key, [])
                    if rid not in ids:
                        ids.append(rid)
            shown = its_names[0] if its_names else rid
            self._rank[rid] = (len(shown), rid)
        self._keys = sorted(self._exact)
        self._blob: str | None = None
        self._starts: list[int] = []

    def _best(self, keys: Iterable[str], limit: int, skip: set[str]) -> list[str]:
        hits = {i for k in keys for i in self._exact[k] if i not in skip}
        return heapq.nsmallest(limit, hits, key=self._rank.__getitem__)

    def _substring_keys(self, key: str) -> list[str]:
        if self._blob is None:
            self._blob = "\n".join(self._keys)
            pos = 0
            for k in self._keys:
                self._starts.append(pos)
                pos += len(k) + 1
        found: dict[str, None] = {}
        for m in re.finditer(re.escape(key), self._blob):
            found[self._keys[bisect.bisect_right(self._starts, m.start()) - 1]] = None
        return list(found)

    def _close_keys(self, key: str, limit: int) -> list[str]:
        lo = bisect.bisect_left(self._keys, key[0])
        hi = bisect.bisect_left(self._keys, key[0] + "\U0010ffff")
        near = [k for k in self._keys[lo:hi] if abs(len(k) - len(key)) <= 3]
        return difflib.get_close_matches(key, near, n=limit, cutoff=0.75)

    def search(self, query: str, limit: int = 10) -> list[str]:
        key = old_normalize(query)
        if not key or limit <= 0:
            return []
        ranked: list[str] = []
        if key in self._exact:
            ranked += self._best([key], limit, set())
        lo = bisect.bisect_left(self._keys, key)
        hi = bisect.bisect_left(self._keys, key + "\U0010ffff", lo)
        ranked += self._best(self._keys[lo:hi], limit - len(ranked), set(ranked))
        if not ranked:
            ranked = self._best(self._substring_keys(key), limit, set())
        if not ranked:
            for close in self._close_keys(key, limit):
                ranked += self._best([close], limit - len(ranked), set(ranked))
        return ranked[:limit]


# --- queries ----------------------------------------------------------------------------------------

QUERY_KINDS = ["exact", "prefix", "misspelled Latin", "misspelled Hangul", "misspelled Chinese", "substring",
               "pinyin", "homophone (Chinese)"]

CURATED = {
    "exact": ("DeepSeek", "deepseek"),
    "prefix": ("Tence", "tencent"),
    "misspelled Latin": ("Samsnug", "samsung-electronics"),
    "misspelled Hangul": ("맥킨지", "mckinsey"),
    "misspelled Chinese": ("深度求素", "deepseek"),
    "substring": ("seek", "deepseek"),
    "pinyin": ("shendu qiusuo", "deepseek"),
    "homophone (Chinese)": ("百渡", "baidu"),
}


def _other_vowel(word: str) -> str:
    """``word`` with the vowel of its second Hangul syllable replaced by the next one."""
    chars = list(word)
    for i, c in enumerate(chars):
        if i >= 1 and "가" <= c <= "힣":
            s = ord(c) - 0xAC00
            lead, vowel, tail = s // 588, (s % 588) // 28, s % 28
            chars[i] = chr(0xAC00 + lead * 588 + ((vowel + 1) % 21) * 28 + tail)
            break
    return "".join(chars)


def synthetic_queries(names: Mapping[str, Sequence[str]], fold: Callable[[str], str],
                      to_pinyin: Callable[[str], str]) -> dict[str, tuple[str, set[str]]]:
    """Queries built from one organization of the generated data, each with the ids that should come first."""
    ids = sorted(names)
    by_key: dict[str, set[str]] = {}
    for rid, its in names.items():
        for n in (rid, *its):
            by_key.setdefault(fold(n), set()).add(rid)
    for rid in ids[len(ids) // 2:] + ids:
        its = names[rid]
        ko = [n for n in its if "가" <= n[:1] <= "힣" and len(n) >= 3]
        zh = [n for n in its if "\u4e00" <= n[:1] <= "\u9fff" and len(n) >= 4]
        if (rid.count("-") >= 2 and ko and zh and " " in its[0] and len(its[0]) >= 12
                and "-p" not in rid and "round" not in rid):
            break
    name, ko_name, zh_name = its[0], ko[0], zh[0]
    keys = sorted(by_key)
    for c in HANZI:  # a wrong last character that makes no other name, nor the start of one
        wrong = zh_name[:-1] + c
        at = bisect.bisect_left(keys, fold(wrong))
        if at == len(keys) or not keys[at].startswith(fold(wrong)):
            break
    key = fold(name)
    for i in range(2, len(key) - 6):  # a part from inside the name that no name starts with
        sub = key[i:i + 6]
        at = bisect.bisect_left(keys, sub)
        if at == len(keys) or not keys[at].startswith(sub):
            break
    pinyin = to_pinyin(zh_name)
    return {
        "exact": (name, by_key[fold(name)]),
        "prefix": (name[:4], {i for k, v in by_key.items() if k.startswith(fold(name[:4])) for i in v}),
        "misspelled Latin": (name[:2] + name[3] + name[2] + name[4:], by_key[fold(name)]),
        "misspelled Hangul": (_other_vowel(ko_name), by_key[fold(ko_name)]),
        "misspelled Chinese": (wrong, by_key[fold(zh_name)]),
        "substring": (sub, {i for k, v in by_key.items() if sub in k for i in v}),
        "pinyin": (pinyin[: len(pinyin) // 2] + " " + pinyin[len(pinyin) // 2:], by_key[fold(zh_name)]),
    }


# --- worker -----------------------------------------------------------------------------------------


def _time(fn: Callable[[], Any], budget: float = 0.3, max_reps: int = 500) -> tuple[float, float, Any]:
    t0 = time.perf_counter()
    answer = fn()
    first = time.perf_counter() - t0
    times: list[float] = []
    if first > 0.2:
        max_reps = 3
    while len(times) < max_reps and (sum(times) < budget or len(times) < 3):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return first, statistics.median(times), answer


def worker(algo: str, directory: str) -> dict[str, Any]:
    import asiaai_graph as ag

    kg = ag.load() if directory == "curated" else ag.load(directory, curated=False)
    names = kg._names
    t0 = time.perf_counter()
    import asiaai_graph.graph.search as new

    import_s = time.perf_counter() - t0
    if directory == "curated":
        queries = {k: (q, {e}) for k, (q, e) in CURATED.items()}
    else:
        queries = synthetic_queries(names, new.fold, new.to_pinyin)
    index: Any
    t0, c0 = time.perf_counter(), time.process_time()
    index = OldNameIndex(names) if algo == "old" else new.NameIndex(names)
    build, build_cpu = time.perf_counter() - t0, time.process_time() - c0
    out: dict[str, Any] = {"build": build, "build_cpu": build_cpu, "import": import_s if algo == "new" else 0.0,
                           "keys": len(index._keys) if algo == "old" else len(index._main.keys), "queries": {}}
    for kind in QUERY_KINDS:
        if kind not in queries:
            continue
        query, expected = queries[kind]
        if algo == "old":
            first, median, hits = _time(lambda: index.search(query))
            total = len(hits)
        else:
            first, median, matches = _time(lambda: index.lookup(query))
            hits, total = matches.ids, matches.total
        out["queries"][kind] = {"query": query, "first": first, "median": median, "total": total,
                                "ok": bool(hits) and hits[0] in expected}
    return out


# --- driver -----------------------------------------------------------------------------------------


def _ensure(n: int) -> str:
    if n == 0:
        return "curated"
    sys.path.insert(0, str(HERE))
    from generate import ensure_data

    return str(ensure_data(n))


def _run(algo: str, directory: str, cache: str) -> dict[str, Any]:
    env = {k: v for k, v in os.environ.items() if k != "ASIAAI_GRAPH_NO_CACHE"}
    env["ASIAAI_GRAPH_CACHE_DIR"] = cache
    proc = subprocess.run([sys.executable, __file__, "--worker", algo, "--dir", directory],
                          capture_output=True, text=True, env=env)
    if proc.returncode:
        raise SystemExit(f"{algo} worker on {directory} failed:\n{proc.stderr[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _median(runs: list[dict[str, Any]]) -> dict[str, Any]:
    out = {k: statistics.median(r[k] for r in runs) for k in ("build", "build_cpu", "import")}
    out["keys"] = runs[0]["keys"]
    out["queries"] = {}
    for kind, q in runs[0]["queries"].items():
        out["queries"][kind] = dict(q, first=statistics.median(r["queries"][kind]["first"] for r in runs),
                                    median=statistics.median(r["queries"][kind]["median"] for r in runs))
    return out


def heavy_imports() -> list[str]:
    code = "import sys, asiaai_graph; print(','.join(m for m in ('opencc', 'pypinyin', 'rapidfuzz') if m in sys.modules))"
    return [m for m in subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                      check=True).stdout.strip().split(",") if m]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[0, 10_000, 100_000],
                        help="organizations (0: the curated data); default 0 10000 100000")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each index per size (median shown)")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--dir", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(worker(args.worker, args.dir)))
        return 0

    results: dict[tuple[int, str], dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(prefix="asiaai-bench-search-") as cache:
        for n in args.sizes:
            directory = _ensure(n)
            _run("new", directory, cache)  # warm the snapshot cache: every timed run loads the same way
            runs: dict[str, list[dict[str, Any]]] = {"old": [], "new": []}
            for i in range(args.repeat):
                for algo in ("old", "new") if i % 2 == 0 else ("new", "old"):
                    print(f"  {n or 'curated'}: {algo} run {i + 1}", file=sys.stderr, flush=True)
                    runs[algo].append(_run(algo, directory, cache))
            for algo in ("old", "new"):
                results[(n, algo)] = _median(runs[algo])

    cols = [(n, a) for n in args.sizes for a in ("old", "new")]
    width, col = 34, 19
    head = "".join(f"{(f'{n:,} orgs' if n else 'curated') + ' ' + a:>{col}}" for n, a in cols)
    print(f"{'':<{width}}{head}")
    print("-" * (width + col * len(cols)))

    def row(label: str, cells: Iterable[str]) -> None:
        print(f"{label:<{width}}" + "".join(f"{c:>{col}}" for c in cells))

    row("distinct keys", [f"{results[c]['keys']:,}" for c in cols])
    row("import asiaai_graph.graph.search (ms)", [f"{results[c]['import'] * 1e3:.1f}" if c[1] == "new" else "-"
                                            for c in cols])
    row("index build (ms)", [f"{results[c]['build'] * 1e3:,.0f}" for c in cols])
    row("  CPU time of the build (ms)", [f"{results[c]['build_cpu'] * 1e3:,.0f}" for c in cols])
    kinds = [k for k in QUERY_KINDS if any(k in results[c]["queries"] for c in cols)]
    print("\nfirst call, in this order (ms)")
    for kind in kinds:
        row(f"  {kind}", [f"{results[c]['queries'][kind]['first'] * 1e3:,.1f}" if kind in results[c]["queries"]
                          else "-" for c in cols])
    print("\nmedian latency (µs) [records matched] first hit")
    for kind in kinds:
        row(f"  {kind}", [
            (f"{q['median'] * 1e6:,.0f} [{q['total']}] {'ok' if q['ok'] else 'MISS'}"
             if (q := results[c]["queries"].get(kind)) else "-") for c in cols])
    print("\nqueries")
    for n in args.sizes:
        qs = results[(n, "new")]["queries"]
        print(f"  {n or 'curated'}: " + "; ".join(f"{k}: {q['query']!r}" for k, q in qs.items()))
    heavy = heavy_imports()
    print(f"\nimport asiaai_graph imports: {', '.join(heavy) or 'none of opencc, pypinyin, rapidfuzz'}")
    print("(wall-clock; old and new take turns in fresh processes; the machine may be shared)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
