"""How the command line prints: text made safe for a terminal, aligned tables (CJK-aware), record rows, JSON.

Everything from the data (names, descriptions, quotes, field names in error
messages) goes through :func:`clean` (:func:`asiaai_graph.utils.safetext.clean`)
before it reaches a terminal, so a
record cannot retitle the window, write the clipboard or clear the screen
with escape sequences, nor reorder a line with bidi controls. JSON keeps
every value exactly, escaped so that it is safe to print too.

Examples
--------
>>> import io
>>> buf = io.StringIO()
>>> table(["ID", "NAME"], [["baidu", "바이두"]], buf)
>>> print(buf.getvalue())
ID     NAME
-----  ------
baidu  바이두
<BLANKLINE>
"""

from __future__ import annotations

import functools
import json
import unicodedata
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, TextIO

from asiaai_graph.utils.i18n import date_text
from asiaai_graph.utils.safetext import JSON_UNSAFE, clean

if TYPE_CHECKING:
    from asiaai_graph.schema import Record

__all__ = ["UsageError", "as_json", "clean", "details", "dump", "dumps", "fit", "fmt", "row", "say", "shorten", "table", "width", "wrap"]


class UsageError(Exception):
    """A command given the wrong arguments: the CLI prints the message and exits with 2."""


def say(text: str, stream: TextIO) -> None:
    """Print a message that may hold data to ``stream``, cleaned line by line (its own newlines kept)."""
    print("\n".join(clean(line) for line in text.split("\n")), file=stream)


def width(text: str) -> int:
    """Columns ``text`` takes in a terminal: 2 for wide (CJK) characters, 0 for combining ones.

    >>> width("Naver"), width("네이버"), width("e\u0301")
    (5, 6, 1)
    """
    if text.isascii():  # most cells: no lookup per character
        return len(text)
    return sum(map(_char_width, text))


@functools.lru_cache(maxsize=4096)
def _char_width(ch: str) -> int:
    return 0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1


def _pieces(word: str, columns: int) -> Iterator[str]:
    """A word wider than ``columns`` (CJK text has no spaces) cut into pieces that fit."""
    piece = ""
    for ch in word:
        if piece and width(piece + ch) > columns:
            yield piece
            piece = ""
        piece += ch
    if piece:
        yield piece


def wrap(text: str, columns: int) -> list[str]:
    """``text`` (already cleaned) in lines of at most ``columns`` terminal columns, broken at spaces.

    >>> wrap("중국의 AI 스타트업 딥시크는 역대 오픈소스 모델 중", 16)   # Hangul takes two columns
    ['중국의 AI', '스타트업', '딥시크는 역대', '오픈소스 모델 중']
    >>> wrap("매개변수6,710억개를자랑하는", 10)                         # no space: cut where it must
    ['매개변수6,', '710억개를', '자랑하는']
    """
    lines: list[str] = []
    line = ""
    for word in text.split():
        for piece in _pieces(word, columns):
            if line and width(line) + 1 + width(piece) > columns:
                lines.append(line)
                line = piece
            else:
                line = f"{line} {piece}" if line else piece
    if line or not lines:
        lines.append(line)
    return lines


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], out: TextIO, columns: int | None = None) -> None:
    """Aligned columns; every cell is :func:`clean`-ed.

    On a terminal (or when ``columns`` is given) the table is fitted to its
    width: the rare very long cells of the first columns and the end of the
    last column are cut, marked ``…``. Piped output keeps every cell whole
    (``--json`` too).

    >>> import io
    >>> buf = io.StringIO()
    >>> table(["ID", "LLMS"], [["kt", "Mi:dm, Mi:dm 2.0"], ["naver", "HyperCLOVA X"]], buf, columns=20)
    >>> print(buf.getvalue())
    ID     LLMS
    -----  -------------
    kt     Mi:dm, Mi:dm…
    naver  HyperCLOVA X
    <BLANKLINE>
    """
    rows = [[clean(c) for c in r] for r in rows]
    cells = [[width(r[i]) for r in rows] for i in range(len(headers))]
    widths = [max([width(h)] + col) for h, col in zip(headers, cells)]
    if columns is None:
        columns = _terminal_columns(out)
    if columns is not None:
        widths = fit(widths, [width(h) for h in headers], cells, columns)

    def line(cells: Sequence[str]) -> str:
        cut = [c if width(c) <= w else shorten(c, w) for c, w in zip(cells, widths)]
        return "  ".join(c + " " * (w - width(c)) for c, w in zip(cut, widths)).rstrip()

    print(line(headers), file=out)
    print(line(["-" * w for w in widths]), file=out)
    for r in rows:
        print(line(r), file=out)


def _terminal_columns(out: TextIO) -> int | None:
    try:
        if not out.isatty():
            return None
    except (AttributeError, ValueError):
        return None
    import shutil

    return shutil.get_terminal_size((100, 24)).columns


def fit(widths: Sequence[int], least: Sequence[int], cells: Sequence[Sequence[int]], columns: int) -> list[int]:
    """Column widths whose table fits ``columns`` (two spaces between columns).

    ``widths`` are the columns' natural widths, ``least`` the narrowest each may
    become (its header's), ``cells`` every cell's width by column. The first
    columns stay whole if the last column keeps 40 columns; else they give up
    their longest quarter of cells and the last column takes what is left (at
    least 20); failing that, every column is cut to one cap.

    >>> fit([30, 8], [2, 4], [[5, 30], [8, 8]], 80)        # fits: unchanged
    [30, 8]
    >>> fit([246, 250, 7, 900], [2, 4, 7, 4], [[15] * 9 + [246], [20] * 9 + [250], [2] * 10, [900] * 10], 120)
    [15, 20, 7, 72]
    >>> fit([16, 19, 7, 300], [2, 4, 7, 4], [[5, 16], [5, 19], [2, 2], [300, 9]], 120)
    [16, 19, 7, 72]
    >>> fit([50, 50, 50], [2, 2, 2], [[50], [50], [50]], 40)
    [12, 12, 12]
    """
    gaps = 2 * (len(widths) - 1)
    if sum(widths) + gaps <= columns or not widths:
        return list(widths)
    whole = list(widths[:-1])
    most = [max(least[i], min(widths[i], _most(cells[i]))) for i in range(len(widths) - 1)]
    for head, room in ((whole, 40), (most, 20)):
        rest = columns - gaps - sum(head)
        if rest >= min(widths[-1], room):
            return [*head, max(least[-1], min(widths[-1], rest))]
    budget = columns - gaps
    lo, hi = 1, max(widths)
    while lo < hi:  # the widest cap every column can be cut to
        mid = (lo + hi + 1) // 2
        if sum(min(w, mid) for w in widths) <= budget:
            lo = mid
        else:
            hi = mid - 1
    return [max(min(w, 4), min(w, lo)) for w in widths]


def _most(widths: Sequence[int]) -> int:
    """The width three cells in four fit in."""
    ordered = sorted(widths)
    return ordered[max(0, (len(ordered) * 3 + 3) // 4 - 1)] if ordered else 0


def shorten(text: str, columns: int) -> str:
    """``text`` cut to ``columns`` terminal columns, the cut marked ``…``.

    >>> shorten("Samsung Electronics", 10), shorten("네이버클라우드", 7)
    ('Samsung E…', '네이버…')
    """
    kept: list[str] = []
    used = 0
    for ch in text:
        w = _char_width(ch)
        if used + w > columns - 1:
            break
        kept.append(ch)
        used += w
    return "".join(kept) + "…"


def fmt(value: Any, lang: str = "en") -> str:
    """A field's value as one line of text; approximate dates read in ``lang`` (``2024년경``)."""
    from asiaai_graph.schema import PartialDate

    if isinstance(value, dict):  # labels
        return ", ".join(f"{k}: {v}" for k, v in value.items())
    if isinstance(value, PartialDate):
        return date_text(value, lang)
    if isinstance(value, tuple) and value and hasattr(value[0], "event"):  # a policy's lifecycle
        return "; ".join(_step(step, lang) for step in value)
    from asiaai_graph.readwrite.flat import describe

    return describe(value)


def _step(step: Any, lang: str) -> str:
    """A lifecycle step in ``lang``: ``passed 2024-12-26``, ``국회 통과 2024-12-26 (note)``."""
    from asiaai_graph.utils.i18n import TEXTS, tr

    word = tr(f"event:{step.event}", lang) if f"event:{step.event}" in TEXTS else step.event
    return f"{word} {date_text(step.date, lang)}" + (f" ({step.note})" if step.note else "")


_DETAILS = ("kind", "country", "jurisdiction", "developers", "makers", "subject", "measure", "parameters", "amount",
            "value", "released", "launched", "date", "period", "target_year")


def details(record: Record, lang: str = "en") -> str:
    """The few fields that tell records of a type apart, joined with ``·``."""
    from asiaai_graph.cli.words import kind_word

    parts: list[str] = []
    for name in _DETAILS:
        value = getattr(record, name, None)
        if value not in (None, ()):
            parts.append(kind_word(value, lang) if name == "kind" else fmt(value, lang))
    return " · ".join(parts)


def row(record: Record, lang: str) -> list[str]:
    """A record's cells in a listing: id, name, record type and details, in ``lang``."""
    from asiaai_graph.cli.words import type_word

    return [record.id, record.label_in(lang), type_word(record.record_type, lang), details(record, lang)]


def as_json(record: Record) -> dict[str, Any]:
    data: dict[str, Any] = {"record_type": record.record_type}
    data.update(record.model_dump(mode="json", exclude_defaults=True))
    return data


def dumps(data: Any) -> str:
    r"""``data`` as indented JSON that is safe to print: the same values, with terminal controls as ``\uXXXX``.

    >>> print(dumps({"name": "a\x1b[2J\u202eb\x9b"}))
    {
      "name": "a\u001b[2J\u202eb\u009b"
    }
    """
    text = json.dumps(data, ensure_ascii=False, indent=2)
    # those characters only occur inside JSON strings, where \uXXXX means the same character
    return JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def dump(data: Any, out: TextIO) -> None:
    """Write :func:`dumps` of ``data`` and a newline."""
    out.write(dumps(data))
    out.write("\n")
