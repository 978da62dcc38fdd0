"""A hostile HTTP server on loopback: it answers every request with whatever a test scripts, byte for byte.

``HostileServer(answer)`` listens on 127.0.0.1; for each connection it reads
the request (headers and a ``Content-Length`` body) and then writes what
``answer(request)`` yields, pausing where the script says: a store that drips,
streams forever, lies about its length, answers HTML or the wrong JSON. Every
loop is bounded in time, and the server stops with its ``with`` block.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Callable, Iterable, Iterator

#: A scripted answer: bytes to send, or a float: seconds to wait before the next piece.
Script = Iterable[bytes | float]


def response(status: int = 200, body: bytes = b"", content_type: str = "application/sparql-results+json",
             extra: dict[str, str] | None = None) -> list[bytes | float]:
    """A whole, well-formed HTTP/1.1 answer."""
    head = [f"HTTP/1.1 {status} Hostile", f"Content-Type: {content_type}", f"Content-Length: {len(body)}",
            "Connection: close", *(f"{k}: {v}" for k, v in (extra or {}).items())]
    return [("\r\n".join(head) + "\r\n\r\n").encode() + body]


class HostileServer:
    """Answers each request with ``answer(request_bytes)``; ``requests`` keeps what came in."""

    def __init__(self, answer: Callable[[bytes], Script], lifetime: float = 120.0) -> None:
        self.answer = answer
        self.requests: list[bytes] = []
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}"
        self.stop = threading.Event()
        self.until = time.monotonic() + lifetime  # no loop of this server outlives this
        self.thread = threading.Thread(target=self._serve, daemon=True)

    def _serve(self) -> None:
        self.listener.settimeout(0.1)
        while not self.stop.is_set() and time.monotonic() < self.until:
            try:
                conn, _ = self.listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=self._one, args=(conn,), daemon=True).start()

    def _read_request(self, conn: socket.socket) -> bytes:
        data = b""
        while b"\r\n\r\n" not in data and len(data) < 1 << 20:
            piece = conn.recv(65536)
            if not piece:
                return data
            data += piece
        head, _, body = data.partition(b"\r\n\r\n")
        length = 0
        for line in head.split(b"\r\n"):
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":", 1)[1])
        chunked = b"transfer-encoding: chunked" in head.lower()
        while (len(body) < length or (chunked and not body.endswith(b"0\r\n\r\n"))) and len(body) < 64 << 20:
            piece = conn.recv(65536)
            if not piece:
                break
            body += piece
        return head + b"\r\n\r\n" + body

    def _one(self, conn: socket.socket) -> None:
        conn.settimeout(10)
        with contextlib.suppress(OSError), conn:
            request = self._read_request(conn)
            self.requests.append(request)
            for piece in self.answer(request):
                if self.stop.is_set() or time.monotonic() > self.until:
                    return
                if isinstance(piece, float):
                    self.stop.wait(piece)
                else:
                    conn.sendall(piece)

    def __enter__(self) -> HostileServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.listener.close()
        self.thread.join(timeout=10)


def forever(piece: bytes, limit: float = 60.0) -> Iterator[bytes]:
    """``piece`` again and again, for at most ``limit`` seconds."""
    end = time.monotonic() + limit
    while time.monotonic() < end:
        yield piece
