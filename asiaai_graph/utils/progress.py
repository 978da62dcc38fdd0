"""A line of progress on the terminal for work longer than a second; silent unless turned on.

The library never prints by itself: :func:`task` costs almost nothing until a
program calls :func:`enable` (the ``asiaai-graph`` command does when standard
error is a terminal, never in a pipe). Work shorter than ``delay`` seconds
shows nothing at all; longer work shows one line, redrawn in place::

    exporting turtle to asiaai.ttl ⠹ 3.2 s
    loading data 412/1000 files (41%) 2.1 s

and ends with ``… done in 4.0 s``. Tasks may nest: the innermost is shown.
No dependency and no import from the package, so any layer may report progress.

Examples
--------
>>> import io
>>> from asiaai_graph.utils import progress
>>> with progress.task("counting", total=3) as t:   # not enabled: nothing is printed
...     for _ in range(3):
...         t.advance()
>>> t.done
3
>>> buf = io.StringIO()
>>> progress.enable(buf, delay=0)
>>> with progress.task("counting", total=2) as t:
...     t.advance(2)
>>> progress.disable()
>>> buf.getvalue().rstrip().endswith("counting 2/2 (100%): done in 0.0 s")
True
"""

from __future__ import annotations

import shutil
import threading
import time
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

__all__ = ["Task", "disable", "enable", "enabled", "task"]

_SPINNER = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏"
_TICK = 0.2


class _Display:
    """The one line on ``stream``: a stack of open tasks and a thread that redraws the innermost."""

    def __init__(self, stream: TextIO, delay: float) -> None:
        self.stream = stream
        self.delay = delay
        self.tasks: list[Task] = []
        self.lock = threading.Lock()
        self.width = 0
        self.wake = threading.Event()
        self.thread: threading.Thread | None = None

    def open(self, t: Task) -> None:
        with self.lock:
            self.tasks.append(t)
            if self.thread is None:
                self.wake.clear()
                self.thread = threading.Thread(target=self._run, name="asiaai-graph-progress", daemon=True)
                self.thread.start()
        if self.delay <= 0:
            self.draw()

    def close(self, t: Task, failed: bool) -> None:
        with self.lock:
            if t in self.tasks:
                self.tasks.remove(t)
            thread = self.thread if not self.tasks else None
            if thread is not None:
                self.thread = None
                self.wake.set()
            if t.shown:
                self._write(t.line() + (": stopped" if failed else f": done in {t.elapsed():.1f} s"), end=True)
        if thread is not None and thread is not threading.current_thread():
            thread.join()

    def draw(self) -> None:
        with self.lock:
            if self.tasks and self.tasks[-1].elapsed() >= self.delay:
                top = self.tasks[-1]
                top.shown = True
                self._write(f"{top.line()} {_SPINNER[int(time.monotonic() / _TICK) % len(_SPINNER)]} "
                            f"{top.elapsed():.1f} s")

    def _write(self, text: str, end: bool = False) -> None:
        columns = shutil.get_terminal_size((100, 24)).columns - 1
        while _width(text) > columns:  # one terminal line, or "\r" cannot redraw it
            text = text[:-1]
        pad = max(0, self.width - _width(text))
        try:
            self.stream.write("\r" + text + " " * pad + ("\n" if end else ""))
            self.stream.flush()
        except (OSError, ValueError):  # a closed or broken stream: progress is never worth a crash
            pass
        self.width = 0 if end else _width(text)

    def _run(self) -> None:
        while not self.wake.wait(_TICK):
            self.draw()


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


_display: _Display | None = None


def enable(stream: TextIO | None = None, delay: float = 1.0) -> None:
    """Show progress on ``stream`` (standard error by default) for work longer than ``delay`` seconds."""
    global _display
    import sys

    _display = _Display(stream if stream is not None else sys.stderr, delay)


def disable() -> None:
    """Show no progress (the default)."""
    global _display
    _display = None


def enabled() -> bool:
    """Whether :func:`enable` is in effect.

    >>> enabled()
    False
    """
    return _display is not None


class Task:
    """One piece of work: a label, and a count of steps done out of an optional total."""

    def __init__(self, label: str, total: int | None = None) -> None:
        self.label = label
        self.total = total
        self.done = 0
        self.shown = False
        self.started = time.monotonic()

    def advance(self, steps: int = 1) -> None:
        """Count ``steps`` more steps done."""
        self.done += steps

    def update(self, done: int, total: int | None = None) -> None:
        """Set the steps done (and the total, when it becomes known)."""
        self.done = done
        if total is not None:
            self.total = total

    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def line(self) -> str:
        if self.total:
            return f"{self.label} {self.done}/{self.total} ({100 * self.done // self.total}%)"
        return self.label


@contextmanager
def task(label: str, total: int | None = None) -> Iterator[Task]:
    """Report the work inside the ``with`` block as ``label``; steps with :meth:`Task.advance`."""
    t = Task(label, total)
    display = _display
    if display is None:
        yield t
        return
    display.open(t)
    failed = True
    try:
        yield t
        failed = False
    finally:
        display.close(t, failed)
