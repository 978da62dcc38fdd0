"""A real Oxigraph server for the store tests, and tiny real proxies to put in front of it.

Nothing here is a mock: the store is always ``oxigraph serve`` (the ``oxigraph``
wheel of the test extra) on loopback; the proxies are real HTTP or TCP servers on
127.0.0.1 that answer 500 once, demand credentials, cut a connection after some
bytes, or never answer, and otherwise forward to that store.
"""

from __future__ import annotations

import contextlib
import http.client
import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any


def find_oxigraph() -> str | None:
    """The ``oxigraph`` command: $ASIAAI_GRAPH_TEST_OXIGRAPH, else next to this interpreter, else on the PATH."""
    chosen = os.environ.get("ASIAAI_GRAPH_TEST_OXIGRAPH")
    if chosen:
        return chosen
    here = Path(sys.executable).parent / "oxigraph"
    if here.is_file():
        return str(here)
    return shutil.which("oxigraph")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _die_with_parent() -> None:  # pragma: no cover - runs in the child between fork and exec
    """Linux: the server gets SIGTERM when the process that started it dies, even by SIGKILL."""
    import ctypes
    import signal

    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


@contextlib.contextmanager
def oxigraph_server(location: Path, ready_within: float = 60.0) -> Iterator[str]:
    """Run ``oxigraph serve`` on a free loopback port with its data in ``location``; yield its URL.

    Waits until the server answers (or fails with its own message after
    ``ready_within`` seconds) and always stops it, killing it if it will not stop;
    on Linux it also dies with the process that started it (a test run killed
    by a CI timeout leaves no server behind).
    """
    exe = find_oxigraph()
    if exe is None:
        raise RuntimeError("the oxigraph command is not installed (pip install oxigraph, or the test extra)")
    location.mkdir(parents=True, exist_ok=True)
    log_path = location.parent / f"{location.name}-server.log"
    for _ in range(3):  # another process may take the free port between our probe and the bind
        port = free_port()
        url = f"http://127.0.0.1:{port}"
        with open(log_path, "wb") as log:
            proc = subprocess.Popen([exe, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
                                    stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                    preexec_fn=_die_with_parent if sys.platform == "linux" else None)
        try:
            deadline = time.monotonic() + ready_within
            while True:
                if proc.poll() is not None:
                    break
                try:
                    with urllib.request.urlopen(url + "/", timeout=2):
                        pass
                    break
                except (urllib.error.URLError, OSError):
                    if time.monotonic() > deadline:
                        raise RuntimeError(f"oxigraph did not answer on {url} within {ready_within:.0f} s: "
                                           + log_path.read_text(errors="replace")[-500:]) from None
                    time.sleep(0.1)
            if proc.poll() is not None:
                text = log_path.read_text(errors="replace")
                if "in use" in text.lower():
                    continue
                raise RuntimeError(f"oxigraph serve exited with {proc.returncode}: {text[-500:]}")
            yield url
            return
        finally:
            _stop(proc)
    raise RuntimeError("could not find a free port for oxigraph after 3 tries")


def _read_body(handler: http.server.BaseHTTPRequestHandler) -> bytes:
    """The request body, whether sent with a Content-Length or chunked."""
    if handler.headers.get("Transfer-Encoding", "").lower() == "chunked":
        parts = []
        while True:
            size = int(handler.rfile.readline().split(b";")[0].strip(), 16)
            if size == 0:
                while handler.rfile.readline() not in (b"\r\n", b"\n", b""):
                    pass
                return b"".join(parts)
            parts.append(handler.rfile.read(size))
            handler.rfile.readline()
    return handler.rfile.read(int(handler.headers.get("Content-Length") or 0))


Answer = tuple[int, dict[str, str], bytes]


class HttpProxy:
    """A real HTTP proxy on 127.0.0.1: ``decide(method, path, headers)`` returns an answer to
    give instead of forwarding, or ``None`` to forward to ``upstream``. Every request is recorded."""

    def __init__(self, upstream: str, decide: Callable[[str, str, dict[str, str]], Answer | None]) -> None:
        self.upstream = upstream.removeprefix("http://")
        self.decide = decide
        self.seen: list[tuple[str, str, dict[str, str]]] = []
        proxy = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def _handle(self) -> None:
                headers = {k: v for k, v in self.headers.items()}
                body = _read_body(self)
                proxy.seen.append((self.command, self.path, headers))
                answer = proxy.decide(self.command, self.path, headers)
                if answer is None:
                    host, port = proxy.upstream.split(":")
                    conn = http.client.HTTPConnection(host, int(port), timeout=600)
                    fwd = {k: v for k, v in headers.items()
                           if k.lower() not in ("transfer-encoding", "content-length", "authorization", "host")}
                    conn.request(self.command, self.path, body=body if self.command in ("PUT", "POST") else None,
                                 headers=fwd)
                    resp = conn.getresponse()
                    answer = (resp.status, {k: v for k, v in resp.getheaders()
                                            if k.lower() not in ("transfer-encoding", "content-length",
                                                                 "connection")}, resp.read())
                    conn.close()
                status, head, data = answer
                self.send_response(status)
                for k, v in head.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_PUT = do_POST = do_DELETE = _handle

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> HttpProxy:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=10)


class CuttingProxy:
    """A real TCP proxy on 127.0.0.1 that forwards to ``upstream`` and cuts both connections once
    the client has sent ``cut_after`` bytes: a push whose connection breaks half-way."""

    def __init__(self, upstream: str, cut_after: int) -> None:
        host, port = upstream.removeprefix("http://").split(":")
        self.upstream = (host, int(port))
        self.cut_after = cut_after
        self.cuts = 0
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}"
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)

    def _serve(self) -> None:
        self.listener.settimeout(0.2)
        while not self.stopping.is_set():
            try:
                client, _ = self.listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=self._pipe, args=(client,), daemon=True).start()

    def _pipe(self, client: socket.socket) -> None:
        upstream = socket.create_connection(self.upstream)

        def back() -> None:
            with contextlib.suppress(OSError):
                while data := upstream.recv(65536):
                    client.sendall(data)

        threading.Thread(target=back, daemon=True).start()
        sent = 0
        try:
            while data := client.recv(65536):
                room = self.cut_after - sent
                upstream.sendall(data[:room])
                sent += len(data)
                if sent >= self.cut_after:
                    self.cuts += 1
                    break
        except OSError:
            pass
        for s in (client, upstream):  # cut: no final chunk ever reaches the store
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)
            s.close()

    def __enter__(self) -> CuttingProxy:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stopping.set()
        self.listener.close()
        self.thread.join(timeout=10)


class SilentServer:
    """Accepts connections on 127.0.0.1 and never answers: a store that hangs."""

    def __init__(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}"
        self.held: list[socket.socket] = []
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)

    def _serve(self) -> None:
        self.listener.settimeout(0.2)
        while not self.stopping.is_set():
            try:
                conn, _ = self.listener.accept()
                self.held.append(conn)
            except TimeoutError:
                continue
            except OSError:
                return

    def __enter__(self) -> SilentServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stopping.set()
        self.listener.close()
        for conn in self.held:
            conn.close()
        self.thread.join(timeout=10)


def dataset(url: str) -> set[str]:
    """Every quad in the store, as N-Quads lines (the whole dataset, every graph)."""
    req = urllib.request.Request(url + "/store", headers={"Accept": "application/n-quads"})
    with urllib.request.urlopen(req, timeout=60) as resp:
        return {line for line in resp.read().decode("utf-8").splitlines() if line.strip()}


def put_raw(url: str, graph: str, body: bytes) -> tuple[int, bytes]:
    """A plain Graph Store PUT of ``body`` (N-Triples), not through the library."""
    import urllib.parse

    host, port = url.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=120)
    conn.request("PUT", "/store?graph=" + urllib.parse.quote(graph, safe=""), body=body,
                 headers={"Content-Type": "application/n-triples"})
    resp = conn.getresponse()
    data = resp.read()
    conn.close()
    return resp.status, data


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")
