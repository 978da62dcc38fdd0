"""Real SPARQL servers besides Oxigraph for the store tests: Virtuoso Open Source and Apache Jena Fuseki.

Each runs on a free loopback port with its data in a temporary folder, is
waited for, and is always stopped (on Linux it also dies with the process that
started it). Nothing is mocked. Where a server is not installed, :func:`missing`
says why and how to get it, and the tests skip with that reason.

* Virtuoso: Debian's ``virtuoso-opensource`` (``virtuoso-t``, ``isql-vt``).
* Fuseki: ``jena-fuseki-main`` and its dependencies from Maven Central, as
  jars in ``$ASIAAI_GRAPH_TEST_FUSEKI_JARS`` (default ``~/.cache/asiaai-graph-ci/fuseki``;
  ``.ci/run`` puts them there with Maven), run on Debian's JDK.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from store_helpers import _die_with_parent, _stop, free_port

FUSEKI_JARS = Path(os.environ.get("ASIAAI_GRAPH_TEST_FUSEKI_JARS",
                                  Path.home() / ".cache" / "asiaai-graph-ci" / "fuseki"))
_VIRTUOSO_VSP = "/var/lib/virtuoso-opensource-7/vsp"


def missing(server: str) -> str | None:
    """Why ``server`` cannot run here (and how to get it), or ``None``."""
    if server == "virtuoso":
        if shutil.which("virtuoso-t") is None or shutil.which("isql-vt") is None:
            return "Virtuoso is not installed (Debian: apt-get install virtuoso-opensource)"
    elif server == "fuseki":
        if shutil.which("java") is None:
            return "no Java runtime for Fuseki (Debian: apt-get install default-jre-headless)"
        if not any(FUSEKI_JARS.glob("jena-fuseki-main-*.jar")):
            return (f"Apache Jena Fuseki is not in {FUSEKI_JARS} (.ci/run fetches jena-fuseki-main with Maven: "
                    "mvn -f .ci/fuseki.pom.xml dependency:copy-dependencies)")
    return None


def _wait(url: str, proc: subprocess.Popen[bytes], log: Path, within: float, name: str) -> None:
    deadline = time.monotonic() + within
    while True:
        if proc.poll() is not None:
            raise RuntimeError(f"{name} exited with {proc.returncode}: {log.read_text(errors='replace')[-800:]}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except (urllib.error.URLError, OSError):
            if time.monotonic() > deadline:
                raise RuntimeError(f"{name} did not answer on {url} within {within:.0f} s: "
                                   + log.read_text(errors="replace")[-800:]) from None
            time.sleep(0.3)


_VIRTUOSO_INI = """[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
MaxCheckpointRemap = 2000
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql}
DisableUnixSocket = 1
CaseMode = 2
DirsAllowed = .
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerRoot = {vsp}
ServerThreads = 10
Charset = UTF-8
EnabledGzipContent = 0
[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 120
"""


@contextlib.contextmanager
def virtuoso_server(folder: Path, within: float = 120.0) -> Iterator[str]:
    """``virtuoso-t`` on free loopback ports with its database in ``folder``; yields its HTTP URL.

    The SPARQL user may update (``grant SPARQL_UPDATE``), as the Graph Store
    endpoint ``/sparql-graph-crud`` needs.
    """
    folder.mkdir(parents=True, exist_ok=True)
    sql, http = free_port(), free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(_VIRTUOSO_INI.format(d=folder, sql=sql, http=http, vsp=_VIRTUOSO_VSP), encoding="utf-8")
    log = folder / "server.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(["virtuoso-t", "+foreground", "+configfile", str(ini)], cwd=folder, stdout=out,
                                stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                preexec_fn=_die_with_parent if sys.platform == "linux" else None)
    url = f"http://127.0.0.1:{http}"
    try:
        _wait(url + "/sparql?query=" + urllib.parse.quote("ASK {}"), proc, log, within, "virtuoso-t")
        done = subprocess.run(["isql-vt", f"127.0.0.1:{sql}", "dba", "dba", 'exec=grant SPARQL_UPDATE to "SPARQL";'],
                              capture_output=True, timeout=60, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"isql-vt could not grant SPARQL_UPDATE: {done.stdout!r} {done.stderr!r}")
        yield url
    finally:
        _stop(proc)


@contextlib.contextmanager
def fuseki_server(folder: Path, within: float = 120.0) -> Iterator[str]:
    """Fuseki (``jena-fuseki-main``) on a free loopback port with an in-memory dataset ``/asiaai``; yields its URL."""
    folder.mkdir(parents=True, exist_ok=True)
    port = free_port()
    log = folder / "server.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            ["java", "-Xmx2g", "-cp", f"{FUSEKI_JARS}/*", "org.apache.jena.fuseki.main.cmds.FusekiMainCmd",
             "--localhost", "--port", str(port), "--update", "--mem", "/asiaai"],
            cwd=folder, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            preexec_fn=_die_with_parent if sys.platform == "linux" else None)
    url = f"http://127.0.0.1:{port}/asiaai"
    try:
        _wait(url + "/query?query=" + urllib.parse.quote("ASK {}"), proc, log, within, "fuseki")
        yield url
    finally:
        _stop(proc)
