"""Pausing the cyclic garbage collector while building many objects that are all kept.

Parsing, validating and indexing a large graph create millions of small
objects (tuples, dicts, records) and no cycles to free; left on, the collector
rescans the growing heap again and again, and its full passes cost more than
the building itself.

Examples
--------
>>> import gc
>>> with gc_paused():
...     gc.isenabled()
False
>>> gc.isenabled()
True
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["gc_paused"]


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Disable the cyclic GC inside the block; enable it after only if it was enabled before."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
