"""Running work that may not end, or may abort, in a forked child with a deadline.

A SPARQL query in memory is evaluated by Oxigraph's engine, in Rust, inside
one call that Python cannot interrupt: a cartesian product can run for hours
and ignore Ctrl-C, and a panic in the engine aborts the whole interpreter. So
:func:`run_isolated` forks the process (the child shares the in-memory store,
copy on write, at no cost), runs the work in the child and reads its answer
through a pipe. The parent waits at most ``timeout`` seconds, stays
interruptible (Ctrl-C kills the child), bounds the child's memory, and turns a
child that dies or runs over into a :class:`~asiaai_graph.utils.errors.QueryError`.
With ``offline=True`` the child cannot open a file or a socket, so nothing the
engine does (a ``SERVICE`` clause) can contact another server.

Where ``os.fork`` does not exist (Windows), the work runs in the process
itself and ``check`` (called by the work between rows) enforces the deadline;
a single step of the engine cannot be cut short there.

Examples
--------
>>> run_isolated(lambda check: [1, 2, 3], timeout=10)
[1, 2, 3]
>>> def forever(check):
...     while True:
...         check()
>>> run_isolated(forever, timeout=0.2)
Traceback (most recent call last):
...
asiaai_graph.utils.errors.QueryError: the query ran over its time limit of 0.2 s (pass timeout= to allow more)
"""

from __future__ import annotations

import errno
import os
import pickle
import select
import signal
import sys
import time
import warnings
from collections.abc import Callable
from typing import Any

from asiaai_graph.utils.errors import QueryError

__all__ = ["Check", "run_isolated"]

#: What the work calls now and then: raises :class:`QueryError` once the deadline has passed.
Check = Callable[[], None]
_OFFLINE = ("the query tried to open a connection or a file (a SERVICE clause?), which a query in memory "
            "may not do: pass service=True to allow it")
#: How much more memory than the parent the child may take, in bytes.
_MEMORY_HEADROOM = 8 * 1024 * 1024 * 1024


def _over(timeout: float) -> QueryError:
    return QueryError(f"the query ran over its time limit of {timeout:g} s (pass timeout= to allow more)")


def _deadline_check(timeout: float) -> Check:
    deadline = time.monotonic() + timeout

    def check() -> None:
        if time.monotonic() > deadline:
            raise _over(timeout)

    return check


def _limit_memory() -> None:
    """Bound the child's address space to the parent's plus a headroom (Linux; elsewhere nothing)."""
    try:
        import resource

        with open("/proc/self/statm", encoding="ascii") as fh:
            pages = int(fh.read().split()[0])
        size = pages * os.sysconf("SC_PAGE_SIZE") + _MEMORY_HEADROOM
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard == resource.RLIM_INFINITY or size < hard:
            resource.setrlimit(resource.RLIMIT_AS, (size, hard))
    except (OSError, ValueError, ImportError):
        pass


def _seal() -> None:
    """Let the child open no new file descriptor, so no socket: nothing it runs can contact a server (POSIX).

    New descriptors take the lowest free number; the soft ``RLIMIT_NOFILE`` is
    set to that number, so every ``open``/``socket`` fails with ``EMFILE``.
    """
    import resource

    probe = os.open(os.devnull, os.O_RDONLY)
    os.close(probe)
    _, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (probe, hard))


def _child(work: Callable[[Check], Any], write_fd: int, offline: bool) -> None:  # pragma: no cover - the child
    signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl-C is the parent's to handle
    _limit_memory()
    try:
        if offline:
            _seal()
        outcome: tuple[str, Any] = ("ok", work(lambda: None))
    except QueryError as exc:
        outcome = ("error", str(exc))
    except OSError as exc:
        if offline and (exc.errno == errno.EMFILE or f"os error {errno.EMFILE})" in str(exc)):  # Rust's words
            outcome = ("error", _OFFLINE)
        else:
            outcome = ("error", f"{type(exc).__name__}: {exc}")
    except MemoryError:
        outcome = ("error", "the query ran out of memory")
    except BaseException as exc:  # anything else is reported, never raised in the child
        outcome = ("error", f"{type(exc).__name__}: {exc}")
    try:
        data = pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception as exc:
        data = pickle.dumps(("error", f"the answer could not be sent: {exc}"))
    view = memoryview(data)
    while view:
        written = os.write(write_fd, view[: 1 << 20])
        view = view[written:]
    os.close(write_fd)


def _read(read_fd: int, pid: int, timeout: float) -> bytes:
    deadline = time.monotonic() + timeout
    chunks: list[bytes] = []
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            raise _over(timeout)
        ready, _, _ = select.select([read_fd], [], [], min(left, 1.0))
        if ready:
            piece = os.read(read_fd, 1 << 20)
            if not piece:
                return b"".join(chunks)
            chunks.append(piece)


def _died(status: int) -> QueryError:
    code = os.waitstatus_to_exitcode(status)
    how = f"signal {-code}" if code < 0 else f"exit status {code}"
    return QueryError(
        f"the SPARQL engine failed on this query and was stopped ({how}); the process is unharmed. "
        "A query that sorts or compares values the engine cannot hold, or that needs more memory than "
        "the machine has, does this: narrow the query")


def run_isolated(work: Callable[[Check], Any], timeout: float, *, offline: bool = False) -> Any:
    """``work(check)`` run in a forked child, its result returned, within ``timeout`` seconds.

    ``work`` gets a function to call between steps (a no-op in a child, the
    deadline check where there is no fork); its result must pickle. An
    exception in the work, a child that dies (an abort, the memory bound) or
    runs over the time limit raises :class:`QueryError`. Ctrl-C kills the
    child and raises ``KeyboardInterrupt`` in the caller, as usual. With
    ``offline``, the child can open no file and no socket (see :func:`_seal`;
    the work must import what it needs before): trying is a
    :class:`QueryError`.
    """
    if timeout <= 0:
        raise ValueError(f"timeout must be positive, got {timeout}")
    if not hasattr(os, "fork"):  # pragma: no cover - Windows
        return work(_deadline_check(timeout))
    read_fd, write_fd = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # "use of fork() may lead to deadlocks": see above
        pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        code = 0
        try:
            os.close(read_fd)
            _child(work, write_fd, offline)
        except BaseException:
            code = 1
        finally:
            os._exit(code)
    os.close(write_fd)
    done = False
    try:
        data = _read(read_fd, pid, timeout)
        _, status = os.waitpid(pid, 0)
        done = True
    finally:
        os.close(read_fd)
        if not done:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            os.waitpid(pid, 0)
    if not data:
        raise _died(status)
    kind, value = pickle.loads(data)  # the child is this very program: its answer is trusted
    if kind == "error":
        raise QueryError(value)
    return value
