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
import os
import socket
import time
import urllib.parse
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import BinaryIO

from asiaai_graph.utils.errors import StoreError

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


Body = bytes | Callable[[], Iterable[bytes]] | None


def _split(url: str) -> tuple[str, str, int | None, str]:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"not an http(s) URL: {url!r}")
    if parts.username is not None or parts.password is not None:
        raise ValueError(
            "put credentials in the environment (ASIAAI_GRAPH_STORE_TOKEN, or ASIAAI_GRAPH_STORE_USER "
            "and ASIAAI_GRAPH_STORE_PASSWORD) or pass auth=..., not in the URL"
        )
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    return parts.scheme, parts.hostname, parts.port, path


def _summary(data: bytes, limit: int = 500) -> str:
    """The start of a server's message, on one line."""
    text = " ".join(data[: limit * 4].decode("utf-8", "replace").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _send_body(conn: http.client.HTTPConnection, body: Body) -> None:
    if body is None:
        return
    if isinstance(body, bytes):
        conn.send(body)
        return
    buffer: list[bytes] = []
    size = 0
    for piece in body():
        buffer.append(piece)
        size += len(piece)
        if size >= CHUNK:
            data = b"".join(buffer)
            conn.send(b"%x\r\n%s\r\n" % (len(data), data))
            buffer, size = [], 0
    if size:
        data = b"".join(buffer)
        conn.send(b"%x\r\n%s\r\n" % (len(data), data))
    conn.send(b"0\r\n\r\n")


def _attempt(
    method: str,
    url: str,
    body: Body,
    headers: Mapping[str, str],
    timeout: float,
    sink: BinaryIO | None,
) -> tuple[int, str, dict[str, str], bytes]:
    """One request; raises ``OSError``/``http.client.HTTPException`` when no answer came."""
    scheme, host, port, path = _split(url)
    cls = http.client.HTTPSConnection if scheme == "https" else http.client.HTTPConnection
    conn = cls(host, port, timeout=timeout)
    try:
        conn.putrequest(method, path, skip_accept_encoding=True)
        for name, value in headers.items():
            conn.putheader(name, value)
        if isinstance(body, bytes):
            conn.putheader("Content-Length", str(len(body)))
        elif body is not None:
            conn.putheader("Transfer-Encoding", "chunked")
        conn.endheaders()
        try:
            _send_body(conn, body)
        except OSError:
            # The server may have answered (401, 413...) and closed before reading everything:
            # show that answer if it is there, else report the broken connection.
            try:
                answer = conn.getresponse()
            except (OSError, http.client.HTTPException):
                raise
            data = answer.read()
            return answer.status, answer.reason, {k.lower(): v for k, v in answer.getheaders()}, data
        answer = conn.getresponse()
        head = {k.lower(): v for k, v in answer.getheaders()}
        if sink is not None and 200 <= answer.status < 300:
            while True:
                piece = answer.read(CHUNK)
                if not piece:
                    break
                sink.write(piece)
            return answer.status, answer.reason, head, b""
        return answer.status, answer.reason, head, answer.read()
    finally:
        conn.close()


def _retry_after(headers: Mapping[str, str]) -> float | None:
    value = headers.get("retry-after", "")
    try:
        return min(float(value), _MAX_RETRY_AFTER)
    except ValueError:
        return None


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
) -> Response:
    """Send one HTTP request, trying again on connection errors and 5xx answers.

    Parameters
    ----------
    body
        ``bytes`` (sent with a ``Content-Length``), or a function returning an
        iterable of ``bytes`` (streamed with chunked transfer encoding; called
        again for each attempt, so nothing is kept between attempts), or ``None``.
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

    Raises
    ------
    StoreError
        With the server's status and message, or why it could not be reached.

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
    attempts = 0
    while True:
        attempts += 1
        if sink is not None:
            sink.seek(0)
            sink.truncate()
        try:
            status, reason, head, data = _attempt(method, url, body, sent, timeout, sink)
        except (OSError, http.client.HTTPException) as exc:
            if attempts > retries:
                why = "timed out" if isinstance(exc, (socket.timeout, TimeoutError)) else str(exc) or type(exc).__name__
                raise StoreError(method, url, message=why, attempts=attempts) from exc
            time.sleep(backoff * 2 ** (attempts - 1))
            continue
        if 200 <= status < 300:
            return Response(status, head, data)
        if status in RETRY_STATUSES and attempts <= retries:
            wait = _retry_after(head)
            time.sleep(wait if wait is not None else backoff * 2 ** (attempts - 1))
            continue
        raise StoreError(method, url, status=status, reason=reason, message=_summary(data), attempts=attempts)
