r"""Text from the data made safe to show: characters a terminal or a page would act on become visible escapes.

A name, quote or field name may hold escape sequences (``ESC ] 0 ;`` retitles
a terminal window, ``ESC ] 52`` writes the clipboard, ``ESC [ 2 J`` clears the
screen) or bidi controls that reorder what a reader sees (``U+202E`` turns
``gnp.exe`` into ``exe.png``). :func:`clean` shows them as ``\x1b``,
``\u202e``...; every view that prints or renders data text uses it. This
module imports nothing from the package: any layer may use it.

Examples
--------
>>> print(clean("Evil\x1b]0;pwned\x07 Corp"))
Evil\x1b]0;pwned\x07 Corp
"""

from __future__ import annotations

import re

__all__ = ["JSON_UNSAFE", "UNSAFE", "clean"]

#: Characters a terminal may act on rather than show: C0 controls (tab and newline too), DEL, C1 controls
#: (U+0080-U+009F: CSI, OSC... in 8 bits), bidi embeddings, overrides, isolates and marks, line separators.
UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")

#: Of those, what ``json.dumps`` leaves raw (it escapes C0 itself): DEL, C1, bidi controls, line separators.
JSON_UNSAFE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")

_NAMED = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def _escape(match: re.Match[str]) -> str:
    ch = match.group()
    return _NAMED.get(ch) or (f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}")


def clean(text: str) -> str:
    r"""``text`` with every character a terminal would act on shown as a visible escape.

    Control characters (C0, DEL, C1), bidi overrides and isolates, and line
    separators become ``\x1b``, ``\n``, ``\x9b``, ``\u202e``...; Korean, Chinese,
    Japanese and emoji (with their joiners) are kept.

    Examples
    --------
    >>> print(clean("abc\u202edef"), clean("바이두 👩‍💻"), clean("two\nlines"))
    abc\u202edef 바이두 👩‍💻 two\nlines
    """
    return UNSAFE.sub(_escape, text)
