"""A small HTTP client for triple stores: streamed bodies, authentication, timeouts, retries.

Only the standard library (:mod:`http.client`): a push streams its body with
chunked transfer encoding, so nothing here holds the whole payload. This module
knows nothing of the knowledge graph; :mod:`asiaai_graph.store.pushing`,
:mod:`~asiaai_graph.store.pull` and :mod:`~asiaai_graph.store.query` build on it.

Credentials come from the caller or from the environment, never from a URL:

* ``ASIAAI_GRAPH_STORE_TOKEN``: a bearer token (``Authorization: Bearer …``);
* ``ASIAAI_GRAPH_STORE_USER`` and ``ASIAAI_GRAPH_STORE_PASSWORD``: HTTP basic.

Examples
--------
>>> BasicAuth("curator", "s3cret")
BasicAuth(user='curator', password=<hidden>)
>>> BasicAuth("curator", "s3cret").header()
'Basic Y3VyYXRvcjpzM2NyZXQ='
>>> auth_from_env({"ASIAAI_GRAPH_STORE_TOKEN": "abc"})
BearerToken(<hidden>)
>>> auth_from_env({}) is None
True
"""

from __future__ import annotations

import base64
import http.client
import io
import os
import socket
import time
import urllib.parse
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import BinaryIO, cast

from asiaai_graph.store.endpoint import redact
from asiaai_graph.utils.errors import StoreError
from asiaai_graph.utils.limits import MAX_ANSWER_BYTES, STORE_DEADLINE

__all__ = [
    "PASSWORD_ENV",
    "TOKEN_ENV",
    "USER_ENV",
    "Auth",
    "BasicAuth",
    "BearerToken",
    "Response",
    "StoreError",
    "auth_from_env",
    "redact",
    "request",
]

TOKEN_ENV = "ASIAAI_GRAPH_STORE_TOKEN"
USER_ENV = "ASIAAI_GRAPH_STORE_USER"
PASSWORD_ENV = "ASIAAI_GRAPH_STORE_PASSWORD"

#: Statuses worth another try: the server (or a proxy in front of it) failed, not the request.
RETRY_STATUSES = frozenset({500, 502, 503, 504})
#: Bytes per chunk of a streamed body (and per read of a streamed answer).
CHUNK = 256 * 1024
_MAX_RETRY_AFTER = 60.0


@dataclass(frozen=True)
class BasicAuth:
    """HTTP basic authentication; the password never appears in a repr or an error."""

    user: str
    password: str = field(repr=False)

    def __repr__(self) -> str:
        return f"BasicAuth(user={self.user!r}, password=<hidden>)"

    def header(self) -> str:
        """The ``Authorization`` header value."""
        raw = f"{self.user}:{self.password}".encode()
        return "Basic " + base64.b64encode(raw).decode("ascii")


@dataclass(frozen=True)
class BearerToken:
    """A bearer token (``Authorization: Bearer …``); never shown in a repr or an error."""

    token: str = field(repr=False)

    def __repr__(self) -> str:
        return "BearerToken(<hidden>)"

    def header(self) -> str:
        """The ``Authorization`` header value."""
        return "Bearer " + self.token


Auth = BasicAuth | BearerToken


def auth_from_env(environ: Mapping[str, str] | None = None) -> Auth | None:
    """Credentials from the environment: a bearer token first, else user and password, else ``None``.

    Examples
    --------
    >>> auth_from_env({"ASIAAI_GRAPH_STORE_USER": "me", "ASIAAI_GRAPH_STORE_PASSWORD": "pw"})
    BasicAuth(user='me', password=<hidden>)
    >>> auth_from_env({"ASIAAI_GRAPH_STORE_USER": "me"})
    Traceback (most recent call last):
    ...
    ValueError: ASIAAI_GRAPH_STORE_USER is set but ASIAAI_GRAPH_STORE_PASSWORD is not
    """
    env = os.environ if environ is None else environ
    token = env.get(TOKEN_ENV)
    if token:
        return BearerToken(token)
    user = env.get(USER_ENV)
    if user:
        password = env.get(PASSWORD_ENV)
        if password is None:
            raise ValueError(f"{USER_ENV} is set but {PASSWORD_ENV} is not")
        return BasicAuth(user, password)
    return None


@dataclass(frozen=True)
class Response:
    """A successful answer: status, headers (lower-case names) and the body, unless it went to a sink."""

    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def content_type(self) -> str:
        """The media type without parameters, lower case (``application/n-triples``)."""
        return self.headers.get("content-type", "").split(";")[0].strip().lower()


Body = bytes | Callable[[], Iterable[bytes]] | BinaryIO | None


def _split(url: str) -> tuple[str, str, int | None, str]:
    try:
        parts = urllib.parse.urlsplit(url)
        port = parts.port
    except ValueError:
        raise ValueError(f"not an http(s) URL: {redact(url)!r}") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"not an http(s) URL: {redact(url)!r}")
    if parts.username is not None or parts.password is not None:
        raise ValueError(
            "put credentials in the environment (ASIAAI_GRAPH_STORE_TOKEN, or ASIAAI_GRAPH_STORE_USER "
            "and ASIAAI_GRAPH_STORE_PASSWORD) or pass auth=..., not in the URL"
        )
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    return parts.scheme, parts.hostname, port, path


def _summary(data: bytes, limit: int = 500) -> str:
    """The start of a server's message, on one line."""
    text = " ".join(data[: limit * 4].decode("utf-8", "replace").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class _Clock:
    """The deadline of a request, over all its attempts: what is left, and the socket timeout to use."""

    def __init__(self, timeout: float, deadline: float | None) -> None:
        self.timeout = timeout
        self.total = deadline
        self.end = None if deadline is None else time.monotonic() + deadline

    def left(self) -> float:
        return float("inf") if self.end is None else self.end - time.monotonic()

    def step(self, conn: http.client.HTTPConnection) -> None:
        """Give the socket the time the next read or write may take; raise ``TimeoutError`` when none is left."""
        left = self.left()
        if left <= 0:
            raise _OverDeadline(f"no complete answer within deadline={self.total:g} s")
        if conn.sock is not None:
            conn.sock.settimeout(min(self.timeout, left))


class _OverDeadline(TimeoutError):
    """The request's total time is spent: not retried."""


class _BoundedSocket:
    """A connected socket whose every read waits at most what the deadline leaves.

    :mod:`http.client` reads the status line and the headers through
    ``makefile``, with the socket's own timeout per read only: a server that
    sends one header byte a second would keep it waiting for days. Here each
    ``recv_into`` first sets the timeout to what :class:`_Clock` leaves, and
    raises once nothing is left. Everything else goes to the socket.
    """

    def __init__(self, sock: socket.socket, clock: _Clock) -> None:
        self._sock = sock
        self._clock = clock

    def __getattr__(self, name: str) -> object:
        return getattr(self._sock, name)

    def recv_into(self, buffer: memoryview | bytearray, nbytes: int = 0, flags: int = 0) -> int:
        left = self._clock.left()
        if left <= 0:
            raise _OverDeadline(f"no complete answer within deadline={self._clock.total:g} s")
        self._sock.settimeout(min(self._clock.timeout, left))
        return self._sock.recv_into(buffer, nbytes, flags)

    def makefile(self, mode: str = "rb", buffering: int | None = None, **_: object) -> io.BufferedReader:
        # The socket's own file, as socket.makefile makes it (it holds a reference: http.client closes the
        # connection of an answer that ends at EOF and goes on reading it), its reads sent through here.
        raw = self._sock.makefile("rb", buffering=0)
        raw._sock = self  # type: ignore[attr-defined]
        return io.BufferedReader(raw, buffering or io.DEFAULT_BUFFER_SIZE)


def _bound(conn: http.client.HTTPConnection, clock: _Clock) -> None:
    conn.sock = cast(socket.socket, _BoundedSocket(conn.sock, clock))


class _HTTP(http.client.HTTPConnection):
    """A connection whose socket, once connected, reads within the deadline (see :class:`_BoundedSocket`)."""

    clock: _Clock

    def connect(self) -> None:
        super().connect()
        _bound(self, self.clock)


class _HTTPS(http.client.HTTPSConnection):
    """:class:`_HTTP` over TLS (the TLS socket is the one bounded)."""

    clock: _Clock

    def connect(self) -> None:
        super().connect()
        _bound(self, self.clock)


def _connection(scheme: str, host: str, port: int | None, clock: _Clock) -> http.client.HTTPConnection:
    """A connection to ``host`` whose connect and every read are held to ``clock``."""
    cls = _HTTPS if scheme == "https" else _HTTP
    conn = cls(host, port, timeout=max(0.001, min(clock.timeout, clock.left())))
    conn.clock = clock
    return conn


class _TooLarge(Exception):
    """An answer over ``max_bytes``: not retried."""


class _Malformed(Exception):
    """An answer whose framing cannot be trusted: not retried."""


def _send_body(conn: http.client.HTTPConnection, body: Body, clock: _Clock) -> None:
    if body is None:
        return
    if isinstance(body, bytes):
        for start in range(0, len(body), CHUNK):
            clock.step(conn)
            conn.send(body[start:start + CHUNK])
        return
    if not callable(body):  # a file: sent as it is, its length announced
        body.seek(0)
        while piece := body.read(CHUNK):
            clock.step(conn)
            conn.send(piece)
        return
    buffer: list[bytes] = []
    size = 0
    for piece in body():
        buffer.append(piece)
        size += len(piece)
        if size >= CHUNK:
            data = b"".join(buffer)
            clock.step(conn)
            conn.send(b"%x\r\n%s\r\n" % (len(data), data))
            buffer, size = [], 0
    if size:
        data = b"".join(buffer)
        clock.step(conn)
        conn.send(b"%x\r\n%s\r\n" % (len(data), data))
    clock.step(conn)
    conn.send(b"0\r\n\r\n")


def _read_answer(conn: http.client.HTTPConnection, answer: http.client.HTTPResponse, clock: _Clock,
                 max_bytes: int, sink: BinaryIO | None) -> bytes:
    """The answer's body, read piece by piece within the deadline and ``max_bytes`` (to ``sink`` if given)."""
    claimed = answer.getheader("Content-Length")
    if claimed is not None:
        digits = claimed.strip()
        # ASCII digits only: str.isdigit() and int() also take '²' or '٣' (headers are read as latin-1)
        if not (digits.isascii() and digits.isdigit()):
            raise _Malformed(f"the answer's Content-Length is {digits[:40]!r}, not a number of bytes "
                             "(ASCII digits)")
        if int(digits) > max_bytes:
            raise _TooLarge(f"the answer announces {int(digits)} bytes, more than max_bytes={max_bytes}")
    chunks: list[bytes] = []
    size = 0
    while True:
        clock.step(conn)
        piece = answer.read1(CHUNK)  # what one read gives: never a buffer of the announced size
        if not piece:
            break
        size += len(piece)
        if size > max_bytes:
            raise _TooLarge(f"the answer is larger than max_bytes={max_bytes}")
        if sink is not None:
            sink.write(piece)
        else:
            chunks.append(piece)
    return b"".join(chunks)


def _body_headers(body: Body) -> dict[str, str]:
    if isinstance(body, bytes):
        return {"Content-Length": str(len(body))}
    if body is None:
        return {}
    if callable(body):
        return {"Transfer-Encoding": "chunked"}
    body.seek(0, os.SEEK_END)
    return {"Content-Length": str(body.tell())}


def _attempt(method: str, url: str, body: Body, headers: Mapping[str, str], clock: _Clock, max_bytes: int,
             sink: BinaryIO | None) -> tuple[int, str, dict[str, str], bytes]:
    """One request; raises ``OSError``/``http.client.HTTPException`` when no answer came."""
    scheme, host, port, path = _split(url)
    conn = _connection(scheme, host, port, clock)
    try:
        conn.putrequest(method, path, skip_accept_encoding=True)
        for name, value in {**headers, **_body_headers(body)}.items():
            conn.putheader(name, value)
        conn.endheaders()
        try:
            _send_body(conn, body, clock)
        except _OverDeadline:
            raise
        except OSError:
            # The server may have answered (401, 413...) and closed before reading everything:
            # show that answer if it is there, else report the broken connection.
            answer = conn.getresponse()
            data = _read_answer(conn, answer, clock, min(max_bytes, 1 << 20), None)
            return answer.status, answer.reason, {k.lower(): v for k, v in answer.getheaders()}, data
        clock.step(conn)
        answer = conn.getresponse()
        head = {k.lower(): v for k, v in answer.getheaders()}
        ok = 200 <= answer.status < 300
        data = _read_answer(conn, answer, clock, max_bytes if ok else min(max_bytes, 1 << 20),
                            sink if ok else None)
        return answer.status, answer.reason, head, data
    finally:
        conn.close()


def _retry_after(headers: Mapping[str, str]) -> float | None:
    value = headers.get("retry-after", "")
    try:
        wait = float(value)
    except ValueError:
        return None
    return min(wait, _MAX_RETRY_AFTER) if wait >= 0 else None


def _pause(seconds: float, clock: _Clock) -> bool:
    """Sleep before a retry; ``False`` when the deadline leaves no time for one."""
    if seconds >= clock.left():
        return False
    time.sleep(seconds)
    return True


def request(
    method: str,
    url: str,
    *,
    body: Body = None,
    headers: Mapping[str, str] | None = None,
    auth: Auth | None = None,
    timeout: float = 60.0,
    retries: int = 3,
    backoff: float = 0.5,
    sink: BinaryIO | None = None,
    deadline: float | None = STORE_DEADLINE,
    max_bytes: int = MAX_ANSWER_BYTES,
) -> Response:
    """Send one HTTP request, trying again on connection errors and 5xx answers.

    Parameters
    ----------
    body
        ``bytes`` (sent with a ``Content-Length``), a function returning an
        iterable of ``bytes`` (streamed with chunked transfer encoding; called
        again for each attempt, so nothing is kept between attempts), a
        seekable binary file (sent from its start with its length), or ``None``.
    auth
        Credentials; ``None`` sends none (see :func:`auth_from_env`).
    timeout
        Seconds to wait for a connection and for each read or write.
    retries
        How many more attempts after a failed one (connection refused, reset or
        timed out; an answer 500, 502, 503 or 504).
    backoff
        Seconds before the first retry; doubled for each further one (a
        ``Retry-After`` header from the server wins, up to 60 s).
    sink
        A binary file: a successful answer's body is copied there chunk by chunk
        instead of being kept in memory.
    deadline
        Seconds the whole request may take, every attempt and pause included
        (``None``: no bound): a server that drips its answer a byte at a time
        is given up on.
    max_bytes
        The largest answer taken, in bytes (announced or sent): a server that
        streams forever, or claims a huge ``Content-Length``, is given up on.

    Raises
    ------
    StoreError
        With the server's status and message, or why it could not be reached;
        its URL never holds credentials.

    Examples
    --------
    >>> request("GET", "http://127.0.0.1:9/", retries=0, timeout=2)
    Traceback (most recent call last):
    ...
    asiaai_graph.utils.errors.StoreError: GET http://127.0.0.1:9/: could not reach the store: ...
    """
    sent = dict(headers or {})
    sent.setdefault("User-Agent", "asiaai-graph")
    if auth is not None:
        sent["Authorization"] = auth.header()
    return _with_retries(method, url, body, sent, _Clock(timeout, deadline), max_bytes, sink, retries, backoff)


def _with_retries(method: str, url: str, body: Body, sent: Mapping[str, str], clock: _Clock, max_bytes: int,
                  sink: BinaryIO | None, retries: int, backoff: float) -> Response:
    """:func:`request`'s attempts: again after a connection error or a 5xx answer, within the deadline."""
    shown = redact(url)
    attempts = 0
    while True:
        attempts += 1
        if sink is not None:
            sink.seek(0)
            sink.truncate()
        try:
            status, reason, head, data = _attempt(method, url, body, sent, clock, max_bytes, sink)
        except (_TooLarge, _Malformed, _OverDeadline) as exc:
            raise StoreError(method, shown, message=str(exc), attempts=attempts) from None
        except (OSError, http.client.HTTPException) as exc:
            why = "timed out" if isinstance(exc, (socket.timeout, TimeoutError)) else str(exc) or type(exc).__name__
            if clock.left() <= 0:
                why = f"no complete answer within deadline={clock.total:g} s"
            if attempts > retries or not _pause(backoff * 2 ** (attempts - 1), clock):
                raise StoreError(method, shown, message=why, attempts=attempts) from None
            continue
        if 200 <= status < 300:
            return Response(status, head, data)
        if status in RETRY_STATUSES and attempts <= retries:
            wait = _retry_after(head)
            if _pause(wait if wait is not None else backoff * 2 ** (attempts - 1), clock):
                continue
        raise StoreError(method, shown, status=status, reason=reason[:200], message=_summary(data),
                         attempts=attempts)
