"""How fast the HTML explorer is in headless Chromium: the old page (before the map) and the new one, side by side.

Run from a checkout where the package is installed (``pip install -e '.[test]'``)::

    python benchmarks/bench_explorer.py                          # curated, 1k and 10k; old and new
    python benchmarks/bench_explorer.py --sizes curated 1000 --repeat 5
    python benchmarks/bench_explorer.py --no-old --screenshots /tmp/shots

Pages: the curated data, and 1k / 10k generated organizations (``benchmarks/generate.py``,
cached under ``benchmarks/out/orgs-N/`` as ``benchmarks/run.py`` keeps them). The *old*
explorer is ``asiaai_graph/explorer/`` as it was at ``--old-ref`` (default: the parent of
the commit that added ``explorer/layout.py``, read with ``git show``), rendering the same graph; the *new* one is this
checkout's. Both are Cytoscape.js 3.34.4 pages and expose ``window.asiaaiExplorer.cy``.

Every page is opened in a fresh headless Chromium (Debian's ``/usr/bin/chromium`` through
``/usr/bin/chromedriver``; window 1500x950) in its own worker process, which is killed
after ``--cap`` seconds (default 60: the old page at 1k needs minutes); old and new runs
take turns, and the median of ``--repeat`` runs (default 3) is printed. A measure that did
not finish within the cap prints ``> 60 s``. Times are the page's own clock
(``performance.now()``, zero at navigation start):

first paint
    The first drawing call on a canvas of the graph (a hook on ``CanvasRenderingContext2D``
    installed before the page loads, removed after its first call).
interactive
    The page said it is ready (``data-ready``) and has drawn the graph, and a task
    posted after both has run: the main thread is free for input.
search
    Typing a query into the search box (value set, ``input`` event) until the next frame
    after the results list is built; median over several queries (a full name, a
    prefix, a Korean name, a miss).
pan frame
    Median (and 90th percentile) time between frames while the mouse drags the graph
    (60 moves of a few pixels sent as DevTools input events, as a hand would); 16.7 ms is
    the display's refresh rate, the floor.
select
    ``asiaaiExplorer.select(id)`` of an entity (side panel filled, entity centred) until
    the next frame.
filter
    Choosing a country in the country menu until the next frame (the old page re-runs
    its force layout there; it is measured only where its load finished within 10 s).

Targets (issue 11): 10k: interactive < 2 s, search < 100 ms; 1k: first paint < 1 s,
pan frame < 20 ms. The machine is shared (2 cores); compare columns of the same run.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"

# Installed before any page script runs: the first canvas draw of the graph, the ready flag.
HOOK = r"""
(function () {
  var B = window.__bench = { firstPaint: null, ready: null, interactive: null };
  var P = CanvasRenderingContext2D.prototype, names = ["fill", "stroke", "drawImage", "fillText", "fillRect"];
  var saved = {};
  function done() {
    if (B.firstPaint !== null && B.ready !== null && B.interactive === null) {
      setTimeout(function () { if (B.interactive === null) { B.interactive = performance.now(); } }, 0);
    }
  }
  names.forEach(function (name) {
    saved[name] = P[name];
    P[name] = function () {
      var c = this.canvas;
      if (B.firstPaint === null && c && c.isConnected && c.closest && c.closest("#cy")) {
        B.firstPaint = performance.now();
        names.forEach(function (n) { P[n] = saved[n]; });
        done();
      }
      return saved[name].apply(this, arguments);
    };
  });
  new MutationObserver(function () {
    if (B.ready === null && document.body && document.body.getAttribute("data-ready") === "true") {
      B.ready = performance.now();
      done();
    }
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ["data-ready"] });
})();
"""

NEXT_FRAME = "await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));"

SEARCH = """
const done = arguments[arguments.length - 1];
(async () => {
  const input = document.getElementById('search');
  input.focus();
  const out = [];
  for (const q of arguments[0]) {
    input.value = ''; input.dispatchEvent(new Event('input'));
    """ + NEXT_FRAME + """
    const t0 = performance.now();
    input.value = q; input.dispatchEvent(new Event('input'));
    """ + NEXT_FRAME + """
    const first = document.querySelector('#results li[data-id]');
    out.push([performance.now() - t0, first ? first.getAttribute('data-id') : null]);
  }
  input.value = ''; input.dispatchEvent(new Event('input')); input.blur();
  done(out);
})();
"""

FRAMES_START = """
window.__frames = [];
window.__framesOn = true;
(function step(t) { if (window.__framesOn) { window.__frames.push(t); requestAnimationFrame(step); } })(performance.now());
const r = document.getElementById('cy').getBoundingClientRect();
return [r.left, r.top];
"""
FRAMES_STOP = "window.__framesOn = false; return window.__frames;"


def pan_frames(driver: Any) -> list[float]:
    """Drag the graph with the mouse (DevTools input events) and return the times between frames meanwhile."""
    left, top = driver.execute_script(FRAMES_START)
    x, y = left + 12, top + 12  # a corner of the graph area: background in both pages
    send = driver.execute_cdp_cmd
    send("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": x, "y": y})
    send("Input.dispatchMouseEvent", {"type": "mousePressed", "x": x, "y": y, "button": "left", "buttons": 1,
                                      "clickCount": 1})
    for i in range(1, 61):
        send("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": x + 4 * i, "y": y + 2 * i, "button": "left",
                                          "buttons": 1})
        time.sleep(0.008)
    send("Input.dispatchMouseEvent", {"type": "mouseReleased", "x": x + 240, "y": y + 120, "button": "left",
                                      "buttons": 0, "clickCount": 1})
    stamps: list[float] = driver.execute_script(FRAMES_STOP)
    deltas = [b - a for a, b in zip(stamps, stamps[1:])]
    return deltas[2:-2] if len(deltas) > 8 else deltas


SELECT = """
const done = arguments[arguments.length - 1];
(async () => {
  const t0 = performance.now();
  window.asiaaiExplorer.select(arguments[0]);
  """ + NEXT_FRAME + """
  const ok = !!document.querySelector('#panel .source');
  done([performance.now() - t0, ok]);
})();
"""

FILTER = """
const done = arguments[arguments.length - 1];
(async () => {
  const s = document.getElementById('country');
  const t0 = performance.now();
  s.value = arguments[0]; s.dispatchEvent(new Event('change'));
  """ + NEXT_FRAME + """
  const t1 = performance.now() - t0;
  s.value = ''; s.dispatchEvent(new Event('change'));
  """ + NEXT_FRAME + """
  done([t1, performance.now() - t0 - t1]);
})();
"""


# --- the worker: one page in one fresh Chromium ---------------------------------------------------------


def _browser(profile: str) -> Any:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    os.environ.setdefault("SE_OFFLINE", "true")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", "--window-size=1500,950", f"--user-data-dir={profile}"):
        options.add_argument(flag)
    options.page_load_strategy = "none"
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_script_timeout(120)
    return driver


def worker(page: Path, cap: float, queries: list[str], select_id: str, country: str, shot: str | None) -> dict[str, Any]:
    profile = tempfile.mkdtemp(prefix="bench-explorer-chromium-")
    driver = _browser(profile)
    try:
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": HOOK})
        driver.get(page.as_uri())
        deadline = time.monotonic() + cap
        bench: dict[str, Any] = {}
        while time.monotonic() < deadline:
            try:
                bench = driver.execute_script("return window.__bench || {}") or {}
            except Exception:  # the page's main thread is stuck (the old page's layout): keep waiting
                continue
            if bench.get("interactive") is not None:
                break
            time.sleep(0.05)
        out: dict[str, Any] = {"first_paint": bench.get("firstPaint"), "ready": bench.get("ready"),
                               "interactive": bench.get("interactive")}
        if out["interactive"] is None:
            return out
        time.sleep(0.5)
        if shot:  # the overview, as the page opens
            time.sleep(0.5)
            driver.save_screenshot(shot)
        out["search"] = driver.execute_async_script(SEARCH, queries)
        pans = pan_frames(driver)
        out["pan"] = [statistics.median(pans), sorted(pans)[int(0.9 * (len(pans) - 1))]]
        out["moved"] = driver.execute_script("var p = window.asiaaiExplorer.cy.pan(); return [p.x, p.y];")
        time.sleep(0.3)
        out["select"] = driver.execute_async_script(SELECT, select_id)
        time.sleep(0.3)
        if out["interactive"] < 10_000:
            out["filter"] = driver.execute_async_script(FILTER, country)
        out["errors"] = [e["message"][:200] for e in driver.get_log("browser") if e.get("level") == "SEVERE"]
        return out
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def run_worker(page: Path, cap: float, queries: list[str], select_id: str, country: str,
               shot: str | None) -> dict[str, Any]:
    """One measurement in a child process group, killed whole (Chromium included) after the cap."""
    args = [sys.executable, str(Path(__file__).resolve()), "--worker", str(page), "--cap", str(cap),
            "--select", select_id, "--country-filter", country, "--queries", json.dumps(queries)]
    if shot:
        args += ["--shot", shot]
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        stdout, stderr = proc.communicate(timeout=cap + 150)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        return {"interactive": None, "timeout": True}
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    try:
        os.killpg(proc.pid, signal.SIGKILL)  # whatever the worker left behind (a stuck Chromium)
    except ProcessLookupError:
        pass
    if proc.returncode != 0:
        return {"interactive": None, "error": (stderr.strip().splitlines() or ["?"])[-1][:300]}
    result: dict[str, Any] = json.loads(stdout.strip().splitlines()[-1])
    return result


# --- the pages -------------------------------------------------------------------------------------------


def old_explorer(ref: str, into: Path) -> Any:
    """The explorer package as it was at ``ref``, imported under another name; None if git cannot give it."""
    files = ["__init__.py", "explorer.css", "explorer.html", "explorer.js", "vendor/cytoscape.min.js",
             "vendor/cytoscape.LICENSE"]
    package = into / "old_explorer"
    for name in files:
        proc = subprocess.run(["git", "-C", str(ROOT), "show", f"{ref}:asiaai_graph/explorer/{name}"],
                              capture_output=True)
        if proc.returncode != 0:
            return None
        (package / name).parent.mkdir(parents=True, exist_ok=True)
        (package / name).write_bytes(proc.stdout)
    spec = importlib.util.spec_from_file_location("old_explorer", package / "__init__.py",
                                                  submodule_search_locations=[str(package)])
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["old_explorer"] = module
    spec.loader.exec_module(module)
    return module


def dataset(size: str) -> tuple[str, Any]:
    import asiaai_graph as ag

    if size == "curated":
        return "curated", ag.load()
    sys.path.insert(0, str(HERE))
    from generate import ensure_data  # generates and caches the synthetic data

    n = int(size)
    return f"{n // 1000}k", ag.load(ensure_data(n), curated=False)


def probes(kg: Any) -> tuple[list[str], str, str]:
    """Search queries, an entity to select and a country to filter on, picked from the data."""
    orgs = sorted((r for r in kg.values() if r.record_type == "organization"), key=lambda r: r.id)
    named = next((r for r in orgs[len(orgs) // 2:] if r.labels.get("ko")), orgs[len(orgs) // 2])
    other = orgs[len(orgs) // 3]
    queries = [other.name, other.name[:4], named.labels.get("ko") or named.name, "zzqxv"]
    if "baidu" in kg:
        queries[2] = "바이두"
    countries = sorted((r for r in kg.values() if r.record_type == "country"), key=lambda r: r.id)
    country = "KR" if "KR" in kg else countries[0].id
    return queries, named.id, country


def fmt_ms(value: float | None, cap: float) -> str:
    if value is None:
        return f"> {cap:.0f} s"
    return f"{value / 1000:.2f} s" if value >= 1000 else f"{value:.0f} ms"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", nargs="+", default=["curated", "1000", "10000"])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--cap", type=float, default=60.0, help="seconds before a page is given up (default 60)")
    parser.add_argument("--old-ref", help="git revision of the old explorer (default: the parent of the commit that "
                                          "added explorer/layout.py, i.e. the last one that laid out in the browser)")
    parser.add_argument("--no-old", action="store_true", help="measure the new explorer only")
    parser.add_argument("--screenshots", metavar="DIR", help="save a screenshot of each new page's overview as it opens")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--select", help=argparse.SUPPRESS)
    parser.add_argument("--country-filter", help=argparse.SUPPRESS)
    parser.add_argument("--queries", help=argparse.SUPPRESS)
    parser.add_argument("--shot", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.worker:
        print(json.dumps(worker(Path(args.worker), args.cap, json.loads(args.queries), args.select,
                                args.country_filter, args.shot)))
        return 0

    from asiaai_graph.views.explorer import write_html

    tmp = Path(tempfile.mkdtemp(prefix="bench-explorer-"))
    old = None
    old_ref = args.old_ref or _before_the_map()
    if not args.no_old:
        old = old_explorer(old_ref, tmp) if old_ref else None
        if old is None:
            print(f"(old explorer not found at {old_ref!r}; measuring the new one only)", file=sys.stderr)
    rows: list[tuple[str, str, dict[str, Any]]] = []
    for size in args.sizes:
        label, kg = dataset(size)
        queries, select_id, country = probes(kg)
        pages: dict[str, Path] = {}
        writes: dict[str, float] = {}
        for name, module in (("old", old), ("new", sys.modules["asiaai_graph.views.explorer"])):
            if module is None:
                continue
            path = tmp / f"{label}-{name}.html"
            t0 = time.perf_counter()
            module.write_html(kg, path)
            writes[name] = time.perf_counter() - t0
            pages[name] = path
        runs: dict[str, list[dict[str, Any]]] = {name: [] for name in pages}
        for i in range(args.repeat):
            for name, path in pages.items():
                if name == "old" and runs["old"] and runs["old"][-1].get("interactive") is None:
                    continue  # over the cap once: not again
                shot = None
                if args.screenshots and name == "new" and i == 0:
                    Path(args.screenshots).mkdir(parents=True, exist_ok=True)
                    shot = str(Path(args.screenshots) / f"explorer-{label}.png")
                print(f"{label} {name} run {i + 1}/{args.repeat} ...", file=sys.stderr, flush=True)
                runs[name].append(run_worker(path, args.cap, queries, select_id, country, shot))
        for name, results in runs.items():
            rows.append((label, name, summarise(results, writes[name], pages[name].stat().st_size)))
    print_table(rows, args, old_ref if old is not None else None)
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


def _before_the_map() -> str | None:
    """The last commit whose explorer ran its layout in the browser (it has no layout.py)."""
    proc = subprocess.run(["git", "-C", str(ROOT), "log", "--format=%H", "--diff-filter=A", "--",
                           "asiaai_graph/explorer/layout.py"], capture_output=True, text=True)
    commits = proc.stdout.split()
    if proc.returncode != 0 or not commits:
        return None
    return commits[-1] + "~1"


def summarise(results: list[dict[str, Any]], write_s: float, size: int) -> dict[str, Any]:
    def med(key: str, pick: Any = lambda v: v) -> float | None:
        values = [pick(r[key]) for r in results if r.get(key) is not None]
        return statistics.median(values) if values and len(values) == len(results) else None

    return {
        "runs": len(results),
        "first_paint": med("first_paint"),
        "interactive": med("interactive"),
        "search": med("search", lambda v: statistics.median(x[0] for x in v)),
        "search_hit": next((r["search"][0][1] for r in results if r.get("search")), None),
        "pan": med("pan", lambda v: v[0]),
        "pan90": med("pan", lambda v: v[1]),
        "select": med("select", lambda v: v[0]),
        "filter": med("filter", lambda v: v[0]),
        "errors": sorted({e for r in results for e in r.get("errors", [])} | {r["error"] for r in results if "error" in r}),
        "write_s": write_s,
        "bytes": size,
    }


def print_table(rows: list[tuple[str, str, dict[str, Any]]], args: argparse.Namespace, old_ref: str | None) -> None:
    cap = args.cap
    head = ["data", "explorer", "page MB", "write", "first paint", "interactive", "search", "pan frame (p90)",
            "select", "filter"]
    table = [head]
    for label, name, r in rows:
        over = r["interactive"] is None
        table.append([
            label, name, f"{r['bytes'] / 1e6:.1f}", f"{r['write_s']:.1f} s",
            fmt_ms(r["first_paint"], cap) if not (over and r["first_paint"] is None) else f"> {cap:.0f} s",
            fmt_ms(r["interactive"], cap),
            "-" if over else fmt_ms(r["search"], cap),
            "-" if over else f"{fmt_ms(r['pan'], cap)} ({fmt_ms(r['pan90'], cap)})",
            "-" if over else fmt_ms(r["select"], cap),
            ("-" if over else "n/a (relayout)") if r["filter"] is None else fmt_ms(r["filter"], cap),
        ])
    widths = [max(len(row[i]) for row in table) for i in range(len(head))]
    print(f"asiaai_graph explorer in headless Chromium ({_chromium_version()}); medians of up to {args.repeat} runs;"
          f" cap {cap:.0f} s; old = {old_ref or 'not measured'}")
    for k, row in enumerate(table):
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths)))
        if k == 0:
            print("  ".join("-" * w for w in widths))
    for label, name, r in rows:
        if r["errors"]:
            print(f"! {label} {name}: {r['errors'][:3]}")
    print("targets: 10k interactive < 2 s, search < 100 ms; 1k first paint < 1 s, pan frame < 20 ms "
          "(16.7 ms = one frame at 60 Hz). Shared 2-core machine: compare within a run.")


def _chromium_version() -> str:
    try:
        return subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True, timeout=20).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "chromium"


if __name__ == "__main__":
    sys.exit(main())
